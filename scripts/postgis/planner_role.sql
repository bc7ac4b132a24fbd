-- A planner's login role in the shared PlanAtlas database, made by the database's
-- administrator (a role with CREATEROLE, not a superuser):
--
--   psql "service=ADMIN_SERVICE" -v role=nguyen_van_an -f scripts/postgis/planner_role.sql
--
-- makes the role (LOGIN, no other power; nothing if it exists) and asks for its password with
-- psql's \password, which sends it hashed (SCRAM), never as text on a command line or in a
-- log. The planner puts the same password in their own ~/.pgpass. Then the owner of a
-- province's schema gives the role its rights:
--
--   planatlas admin "PG:service=… active_schema=thai_nguyen" grant nguyen_van_an --as editor
--
-- -v no_password=1 skips the question (a role that logs in by another method, or tests).
\set ON_ERROR_STOP on
\if :{?role}
\else
\echo 'usage: psql "service=…" -v role=NAME -f scripts/postgis/planner_role.sql'
\quit
\endif
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
-- (Every role may connect to a new database; where the administrator took that from PUBLIC,
-- they also GRANT CONNECT ON DATABASE … TO the role.)
\if :{?no_password}
\else
\echo 'The password of role' :role '(typed twice, not shown):'
\password :role
\endif
\echo 'Role' :role 'may log in; its rights on a province come from planatlas admin … grant.'
