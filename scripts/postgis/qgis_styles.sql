-- QGIS's table of layer styles in the shared PlanAtlas database, made once by the database's
-- owner (public belongs to the database's owner since PostgreSQL 15):
--
--   psql "service=OWNER_SERVICE" -f scripts/postgis/qgis_styles.sql
--
-- QGIS looks for the default style of a PostgreSQL layer added alone (from the browser, not
-- through a project) in public.layer_styles, and saves styles there ("Save style ▸ in
-- database"). PlanAtlas writes its style of each layer of a province's schema there too
-- ('planatlas qgis', copy, import, grid, parcels and georef keep it current), as the layer's
-- default.
--
-- The table has the columns QGIS 3.22 and later read and write. Who may write which row (the
-- table's owner, who ran this, is not held to these rules):
--   - everyone reads every style;
--   - a role that may change a table (UPDATE on it) writes any style of that table, and only
--     such a role makes a style the table's default (what every planner sees first);
--   - any role saves, changes and removes styles of its own (column owner) that are not a
--     default, for tables it may read. (QGIS then says a style was saved that a rule kept it
--     from changing, when another role's of the same name was there already; and a table with
--     no default shows the newest style anyone saved, QGIS's choice.)
--   - a role that may create tables in a schema removes the styles of its tables that are gone,
--     and one that may create schemas those of a schema that is gone.
-- update_time is the database's clock, whoever writes. Run again at will: a table that exists
-- keeps its rows (columns later QGIS versions add are added); the rules and grants are set
-- anew (a grant to PUBLIC made before, such as ALL, is taken back first).
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
BEGIN;
CREATE TABLE IF NOT EXISTS public.layer_styles (
    id serial PRIMARY KEY,
    f_table_catalog varchar,
    f_table_schema varchar,
    f_table_name varchar,
    f_geometry_column varchar,
    stylename text,
    styleqml xml,
    stylesld xml,
    useasdefault boolean,
    description text,
    owner varchar(63) DEFAULT CURRENT_USER,
    ui xml,
    update_time timestamp DEFAULT CURRENT_TIMESTAMP,
    type varchar
);
-- (Columns later QGIS versions add as whoever saves a style first, which only the table's
-- owner may; an owner column as long as a role's name.)
ALTER TABLE public.layer_styles ADD COLUMN IF NOT EXISTS type varchar;
ALTER TABLE public.layer_styles ADD COLUMN IF NOT EXISTS r_raster_column varchar;
SELECT 'ALTER TABLE public.layer_styles ALTER COLUMN owner TYPE varchar(63)'
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = 'layer_styles' AND column_name = 'owner'
  AND character_maximum_length < 63 \gexec
ALTER TABLE public.layer_styles ALTER COLUMN owner SET DEFAULT CURRENT_USER;
ALTER TABLE public.layer_styles ENABLE ROW LEVEL SECURITY;

-- (The functions' search_path is fixed: the rules must not call functions or operators a
-- role defines in a schema of its own.)
-- Whether the role may change (privilege 'UPDATE') or read ('SELECT') the table a row styles:
-- false for a table that is gone, a schema the role may not use or a row that names none.
-- Read from the catalogue, which never raises (to_regclass does, on a schema the role may not
-- use).
CREATE OR REPLACE FUNCTION public.planatlas_style_table_right(schema_name text, table_name text,
                                                              privilege text)
RETURNS boolean LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = schema_name AND c.relname = table_name
          AND has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, privilege))
$$;
GRANT EXECUTE ON FUNCTION public.planatlas_style_table_right(text, text, text) TO PUBLIC;
-- Whether the styled table is gone from a schema in which the role may create tables, or its
-- whole schema is gone from a database in which the role may create schemas.
CREATE OR REPLACE FUNCTION public.planatlas_style_table_gone(schema_name text, table_name text)
RETURNS boolean LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM pg_catalog.pg_namespace n
        WHERE n.nspname = schema_name AND has_schema_privilege(n.oid, 'CREATE')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                          WHERE c.relnamespace = n.oid AND c.relname = table_name))
    OR (schema_name IS NOT NULL AND schema_name <> ''
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname = schema_name)
        AND has_database_privilege(current_database(), 'CREATE'))
$$;
GRANT EXECUTE ON FUNCTION public.planatlas_style_table_gone(text, text) TO PUBLIC;
-- The database's clock on every row written.
CREATE OR REPLACE FUNCTION public.planatlas_style_stamp() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    NEW.update_time := CURRENT_TIMESTAMP;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS planatlas_style_stamp ON public.layer_styles;
CREATE TRIGGER planatlas_style_stamp BEFORE INSERT OR UPDATE ON public.layer_styles
    FOR EACH ROW EXECUTE FUNCTION public.planatlas_style_stamp();

DROP POLICY IF EXISTS planatlas_read ON public.layer_styles;
DROP POLICY IF EXISTS planatlas_add ON public.layer_styles;
DROP POLICY IF EXISTS planatlas_change ON public.layer_styles;
DROP POLICY IF EXISTS planatlas_remove ON public.layer_styles;
CREATE POLICY planatlas_read ON public.layer_styles FOR SELECT USING (true);
-- A style is the role's to write when it may change the table, or when it is the role's own
-- and not a default (a role that lost the right to change a table no longer touches the
-- defaults it wrote). A new style of its own is for a table it may read.
CREATE POLICY planatlas_add ON public.layer_styles FOR INSERT WITH CHECK (
    public.planatlas_style_table_right(f_table_schema, f_table_name, 'UPDATE')
    OR (owner = current_user AND NOT coalesce(useasdefault, false)
        AND public.planatlas_style_table_right(f_table_schema, f_table_name, 'SELECT')));
CREATE POLICY planatlas_change ON public.layer_styles FOR UPDATE USING (
    public.planatlas_style_table_right(f_table_schema, f_table_name, 'UPDATE')
    OR (owner = current_user AND NOT coalesce(useasdefault, false)))
WITH CHECK (
    public.planatlas_style_table_right(f_table_schema, f_table_name, 'UPDATE')
    OR (owner = current_user AND NOT coalesce(useasdefault, false)
        AND public.planatlas_style_table_right(f_table_schema, f_table_name, 'SELECT')));
CREATE POLICY planatlas_remove ON public.layer_styles FOR DELETE USING (
    public.planatlas_style_table_right(f_table_schema, f_table_name, 'UPDATE')
    OR (owner = current_user AND NOT coalesce(useasdefault, false))
    OR public.planatlas_style_table_gone(f_table_schema, f_table_name));

REVOKE ALL ON public.layer_styles FROM PUBLIC; -- (TRUNCATE would pass every rule)
GRANT SELECT, INSERT, UPDATE, DELETE ON public.layer_styles TO PUBLIC;
SELECT format('GRANT USAGE, SELECT ON SEQUENCE %s TO PUBLIC',
              pg_get_serial_sequence('public.layer_styles', 'id')) \gexec
COMMIT;
\echo 'public.layer_styles is ready: QGIS and PlanAtlas keep the default styles of layers there.'
