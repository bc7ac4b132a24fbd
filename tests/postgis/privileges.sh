#!/usr/bin/env bash
# Rights on workspaces in PostGIS (planatlas admin): a reader reads and analyses the schema it
# was given and nothing else, and writes nothing; an editor of province A writes in A, not in B;
# only the schema's owner gives rights; revoked means refused again. Writes are checked in SQL
# as the roles and through PlanAtlas's own link command.
# usage: privileges.sh PLANATLAS SCRATCH WS_A.gpkg WS_B.gpkg (libpq: PGSERVICEFILE, PGPASSFILE)
set -uo pipefail
planatlas=${1:?planatlas}
scratch=${2:?scratch folder}
ws_a=${3:?workspace A}
ws_b=${4:?workspace B}
# shellcheck source=checks.sh
. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
fresh_scratch "$scratch"
a=a_$$
b=b_$$
owner() { echo "PG:service=planatlas_test active_schema=$1"; }
reader() { echo "PG:service=planatlas_test_reader active_schema=$1"; }
sql_as() {
    local service=$1
    shift
    psql -X -q -At "service=$service" -v ON_ERROR_STOP=1 -c "$1" >"$scratch/sql.txt" 2>&1
}
"$planatlas" copy "$ws_a" "$(owner $a)" --quiet >/dev/null || fail "copy A"
"$planatlas" copy "$ws_b" "$(owner $b)" --quiet >/dev/null || fail "copy B"

# Before any grant: the reader is refused, told who may give the right.
"$planatlas" info "$(reader $a)" >"$scratch/before.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "reader before a grant: exit $rc, not 4"
grep -q "may not read schema '$a'" "$scratch/before.txt" || fail "reader before a grant: $(cat "$scratch/before.txt")"

"$planatlas" admin "$(owner $a)" grant planatlas_reader --as reader >/dev/null || fail "grant reader"
"$planatlas" info "$(reader $a)" >/dev/null 2>"$scratch/info.txt" || fail "reader info A: $(cat "$scratch/info.txt")"
"$planatlas" analyze "$ws_a" coverage --units districts_pre2025 -o "$scratch/file.csv" >/dev/null 2>&1
"$planatlas" analyze "$(reader $a)" coverage --units districts_pre2025 -o "$scratch/reader.csv" >/dev/null 2>&1 ||
    fail "reader analyse A"
cmp -s "$scratch/file.csv" "$scratch/reader.csv" || fail "reader's coverage of A differs from the file's"
# Reading is enough to have the database server compute.
"$planatlas" analyze "$ws_a" zonal --values land_price_illustrative -o "$scratch/file.zonal.csv" >/dev/null 2>&1
"$planatlas" analyze "$(reader $a)" zonal --values land_price_illustrative --engine database \
    -o "$scratch/reader.zonal.csv" >/dev/null 2>"$scratch/reader.zonal.txt" ||
    fail "reader's zonal in the database server: $(cat "$scratch/reader.zonal.txt")"
cmp -s "$scratch/file.zonal.csv" "$scratch/reader.zonal.csv" || fail "reader's zonal of A in the server differs from the file's"
"$planatlas" info "$(reader $b)" >"$scratch/b.txt" 2>&1
[[ $? == 4 ]] || fail "reader on B (not granted) was not refused"
sql_as planatlas_test_reader "DELETE FROM $a.plan_unlocated" && fail "the reader deleted rows of A"
grep -q "permission denied" "$scratch/sql.txt" || fail "reader delete: $(cat "$scratch/sql.txt")"

# Only the owner gives rights: the reader cannot make itself an editor.
"$planatlas" admin "$(reader $a)" grant planatlas_reader --as editor >"$scratch/self.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "a reader granting itself: exit $rc, not 4"
grep -q "only its owner" "$scratch/self.txt" || fail "a reader granting itself: $(cat "$scratch/self.txt")"
sql_as planatlas_test_reader "DELETE FROM $a.plan_unlocated" && fail "the reader became an editor"

# An editor of A writes in A, not in B.
"$planatlas" admin "$(owner $a)" grant planatlas_editor --as editor >/dev/null || fail "grant editor"
sql_as planatlas_test_editor "INSERT INTO $a.plan_unlocated (task_id, reason) SELECT task_id, 'policy' FROM $a.plan_tasks WHERE task_id NOT IN (SELECT task_id FROM $a.plan_unlocated) LIMIT 1" ||
    fail "editor insert into A: $(cat "$scratch/sql.txt")"
sql_as planatlas_test_editor "INSERT INTO $b.plan_unlocated (task_id, reason) SELECT task_id, 'policy' FROM $b.plan_tasks LIMIT 1" &&
    fail "the editor of A wrote into B"
grep -q "permission denied" "$scratch/sql.txt" || fail "editor into B: $(cat "$scratch/sql.txt")"
editor() { echo "PG:service=planatlas_test_editor active_schema=$1"; }
task_a=$(psql -X -At "service=planatlas_test" -c "SELECT task_id FROM $a.plan_tasks ORDER BY fid LIMIT 1")
code_a=$(psql -X -At "service=planatlas_test" -c "SELECT code FROM $a.industrial_parks ORDER BY code LIMIT 1")
"$planatlas" link "$(editor $a)" add --task "$task_a" --feature "$code_a" >"$scratch/link.txt" 2>&1 ||
    fail "editor's link in A: $(cat "$scratch/link.txt")"
[[ $(psql -X -At "service=planatlas_test" -c "SELECT who FROM $a.pa_edit_log ORDER BY fid DESC LIMIT 1") == planatlas_editor ]] ||
    fail "the editor's link is not in A's edit log as the editor's"
sql_as planatlas_test_editor "DELETE FROM $a.pa_edit_log" && fail "the editor rewrote A's edit log"
grep -q "permission denied" "$scratch/sql.txt" || fail "editor deleting the log: $(cat "$scratch/sql.txt")"
sql_as planatlas_test_editor "UPDATE $a.pa_edit_log SET who = 'someone'" && fail "the editor rewrote A's edit log"
"$planatlas" link "$(editor $b)" add --task "$task_a" --feature "$code_a" >"$scratch/link.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "editor of A linking in B: exit $rc, not 4"
grep -q "may not read schema '$b'" "$scratch/link.txt" || fail "editor of A in B: $(cat "$scratch/link.txt")"

# A planner's role made by the administrator's script, then given rights by the owner.
newcomer=planatlas_test_newcomer_$$
psql -X -q "service=planatlas_test_admin" -v role="$newcomer" -v no_password=1 \
    -f "$(dirname "${BASH_SOURCE[0]}")/../../scripts/postgis/planner_role.sql" >"$scratch/role.txt" 2>&1 ||
    fail "planner_role.sql: $(cat "$scratch/role.txt")"
[[ $(psql -X -At "service=planatlas_test" -c "SELECT rolcanlogin AND NOT rolsuper AND NOT rolcreaterole FROM pg_roles WHERE rolname = '$newcomer'") == t ]] ||
    fail "planner_role.sql made no plain login role $newcomer"
psql -X -q "service=planatlas_test_admin" -v role="$newcomer" -v no_password=1 \
    -f "$(dirname "${BASH_SOURCE[0]}")/../../scripts/postgis/planner_role.sql" >"$scratch/role.txt" 2>&1 ||
    fail "planner_role.sql run twice: $(cat "$scratch/role.txt")"
"$planatlas" admin "$(owner $a)" grant "$newcomer" --as reader >/dev/null || fail "grant the new role"
"$planatlas" admin "$(owner $a)" revoke "$newcomer" >/dev/null || fail "revoke the new role"

# A schema of version 5 (before the edit log): an editor is told to wait for the owner, whose
# first write upgrades it and keeps the log out of the editor's reach.
c=c_$$
"$planatlas" copy "$ws_b" "$(owner $c)" --quiet >/dev/null || fail "copy C"
psql -X -q "service=planatlas_test" -c "DROP TABLE $c.pa_edit_log" \
    -c "DELETE FROM $c.gpkg_contents WHERE table_name = 'pa_edit_log'" \
    -c "UPDATE $c.pa_metadata SET value = '5' WHERE key = 'schema_version'" >/dev/null || fail "make C version 5"
"$planatlas" admin "$(owner $c)" grant planatlas_editor --as editor >/dev/null || fail "grant editor on C (version 5)"
task_c=$(psql -X -At "service=planatlas_test" -c "SELECT task_id FROM $c.plan_tasks ORDER BY fid LIMIT 1")
code_c=$(psql -X -At "service=planatlas_test" -c "SELECT code FROM $c.industrial_parks ORDER BY code LIMIT 1")
"$planatlas" link "$(editor $c)" add --task "$task_c" --feature "$code_c" >"$scratch/v5.txt" 2>&1
[[ $? == 4 ]] && grep -q "owner must open it for writing once" "$scratch/v5.txt" || fail "editor on version 5: $(cat "$scratch/v5.txt")"
"$planatlas" link "$(owner $c)" unlocated "$task_c" --reason "chính sách" >/dev/null 2>"$scratch/v5.txt" || fail "owner upgrading C: $(cat "$scratch/v5.txt")"
current=$("$planatlas" info "$(owner $c)" | sed -n 's/.*schema version \([0-9]*\).*/\1/p')
[[ -n $current && $current -gt 5 ]] || fail "info does not say the schema version: $current"
[[ $(psql -X -At "service=planatlas_test" -c "SELECT value FROM $c.pa_metadata WHERE key = 'schema_version'") == "$current" ]] || fail "C not upgraded"
"$planatlas" link "$(editor $c)" add --task "$task_c" --feature "$code_c" >"$scratch/v5.txt" 2>&1 || fail "editor after the upgrade: $(cat "$scratch/v5.txt")"
sql_as planatlas_test_editor "DELETE FROM $c.pa_edit_log" && fail "the editor rewrote C's upgraded edit log"
psql -X -q "service=planatlas_test" -c "DROP SCHEMA $c CASCADE" >/dev/null 2>&1

# Unknown role, and revoke.
"$planatlas" admin "$(owner $a)" grant no_such_role --as reader >"$scratch/unknown.txt" 2>&1
[[ $? == 2 ]] || fail "unknown role: $(cat "$scratch/unknown.txt")"
"$planatlas" admin "$(owner $a)" revoke planatlas_reader >/dev/null || fail "revoke"
"$planatlas" info "$(reader $a)" >/dev/null 2>&1
[[ $? == 4 ]] || fail "the reader still reads A after revoke"

psql -X -q "service=planatlas_test" -c "DROP SCHEMA $a CASCADE" -c "DROP SCHEMA $b CASCADE" >/dev/null 2>&1
psql -X -q "service=planatlas_test_admin" -c "DROP ROLE $newcomer" >/dev/null 2>&1
finish "rights as given"
