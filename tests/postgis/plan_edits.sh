#!/usr/bin/env bash
# The plan's edits in a workspace in PostGIS give what they give in a GeoPackage: a plan
# document ingested again, a task's lead corrected, two tasks merged, a paragraph dropped, the
# 2025 crosswalk loaded again (nothing written twice) and with one new row — made on the sample
# file and on the sample copied into a schema, the schema brought back holds the same rows (but
# for who made the edits, and when); every edit is in the schema's edit log by its role.
# (The recipe's crosswalk file is data/thai_nguyen/crosswalk_2025.csv.)
# usage: plan_edits.sh PLANATLAS SCRATCH WS.gpkg SHARED_DIR (libpq: PGSERVICEFILE, PGPASSFILE)
set -uo pipefail
planatlas=${1:?planatlas}
scratch=${2:?scratch folder}
ws=${3:?workspace}
shared=${4:?the shared folder (plans)}
data=$(dirname "${BASH_SOURCE[0]}")/../../data
compare=$(dirname "${BASH_SOURCE[0]}")/../support/compare_workspaces.py
# shellcheck source=checks.sh
. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
fresh_scratch "$scratch"
name=$(basename "$ws")
s=plans_$$
pg="PG:service=planatlas_test active_schema=$s"
mkdir -p "$scratch/file" "$scratch/back"
cp "$ws" "$scratch/file/$name"
"$planatlas" copy "$ws" "$pg" --quiet >/dev/null || fail "copy in"
edits() { # WS: the same edits on either
    "$planatlas" ingest "$1" "$shared/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt" --doc-id cv-2907 &&
        "$planatlas" task "$1" edit "cv-2907:1.1#1" --lead "Sở Công Thương" &&
        "$planatlas" task "$1" merge "cv-2907:1.2#1" "cv-2907:1.3#1" &&
        "$planatlas" task "$1" drop "cv-2907:1.4#1" &&
        "$planatlas" crosswalk "$1" "$data/thai_nguyen/crosswalk_2025.csv" &&
        "$planatlas" crosswalk "$1" "$scratch/crosswalk_more.csv"
}
# The sample's crosswalk again: nothing is loaded twice. Then two of its rows, one of them
# twice, and a new one (test data: the new province unchanged at a later date): only that one
# is written.
{
    head -3 "$data/thai_nguyen/crosswalk_2025.csv"
    sed -n 2p "$data/thai_nguyen/crosswalk_2025.csv"
    echo 'TINH2025-19,province,TINH2025-19,province,unchanged,2026-01-01,,test row,the province after the reform'
} >"$scratch/crosswalk_more.csv"
edits "$scratch/file/$name" >"$scratch/file.txt" 2>&1 || fail "edits on the file: $(tail -3 "$scratch/file.txt")"
edits "$pg" >"$scratch/pg.txt" 2>&1 || fail "edits on PostGIS: $(tail -3 "$scratch/pg.txt")"
said() { sed -e 's/ in .*: /: /' -e 's/ into .*$//' -e 's/ already in .*$//' "$1"; } # (but for the workspace's name)
diff <(said "$scratch/file.txt") <(said "$scratch/pg.txt") >"$scratch/said.diff" ||
    fail "the edits say other things on PostGIS ($scratch/said.diff)"
"$planatlas" copy "$pg" "$scratch/back/$name" --quiet >/dev/null || fail "copy back"
/usr/bin/python3 "$compare" "$scratch/file/$name" "$scratch/back/$name" --ignore-column who ||
    fail "the schema's rows differ from the file's after the same edits"
log=$(psql -X -At "service=planatlas_test" -c "SELECT string_agg(action, ',' ORDER BY fid) FROM \
$s.pa_edit_log WHERE who = 'planatlas_owner'")
[[ $log == ingest,suggest,task_edit,task_merge,task_drop,crosswalk ]] || fail "the schema's edit log: $log"
grep -q "^Nothing loaded: the 10 row(s) of .*crosswalk_2025.csv are already in " "$scratch/pg.txt" ||
    fail "the crosswalk loaded again: $(grep -i crosswalk "$scratch/pg.txt")"
grep -q "^Loaded 1 crosswalk row(s) into .* (2 row(s) were there already; 1 repeated in the file)" "$scratch/pg.txt" ||
    fail "the crosswalk with one new row: $(grep -i crosswalk "$scratch/pg.txt")"
[[ $(psql -X -At "service=planatlas_test" -c "SELECT count(*) FROM $s.admin_crosswalk") == 11 ]] ||
    fail "the schema's crosswalk does not hold the sample's 10 rows and the new one"
# Four planners load the same new row at once: one writes it, the others are told it is there.
{
    head -1 "$data/thai_nguyen/crosswalk_2025.csv"
    echo 'TINH2025-19,province,TINH2025-19,province,unchanged,2026-07-01,,test row,at once'
} >"$scratch/crosswalk_once.csv"
# (The table is held for two seconds first, so that the four reach it together.)
psql -X -q "service=planatlas_test" -c "BEGIN" -c "LOCK TABLE $s.admin_crosswalk IN ACCESS EXCLUSIVE MODE" \
    -c "SELECT pg_sleep(2)" -c "COMMIT" >/dev/null &
sleep 0.5
for i in 1 2 3 4; do
    "$planatlas" crosswalk "$pg" "$scratch/crosswalk_once.csv" >"$scratch/once.$i.txt" 2>&1 &
done
wait
[[ $(cat "$scratch"/once.*.txt | grep -c "^Loaded 1 crosswalk row") == 1 ]] ||
    fail "four loads of one row at once: $(cat "$scratch"/once.*.txt)"
[[ $(psql -X -At "service=planatlas_test" -c "SELECT count(*) FROM $s.admin_crosswalk WHERE effective_date = '2026-07-01'") == 1 ]] ||
    fail "four loads of one row at once wrote it more than once"
# A change the workspace holds, stated again with another area share: refused, naming the line,
# and nothing loaded.
{
    head -1 "$data/thai_nguyen/crosswalk_2025.csv"
    echo 'TINH2025-19,province,TINH2025-19,province,unchanged,2027-01-01,,test row,new'
    echo 'TINH2024-19,province,TINH2025-19,province,merged_into,2025-07-01,0.99,Nghị quyết 202/2025/QH15,another share'
} >"$scratch/crosswalk_other.csv"
before=$(psql -X -At "service=planatlas_test" -c "SELECT count(*) FROM $s.admin_crosswalk")
"$planatlas" crosswalk "$pg" "$scratch/crosswalk_other.csv" >"$scratch/other.txt" 2>&1
rc=$?
[[ $rc == 3 ]] || fail "a change stated again with another share: exit $rc, not 3: $(cat "$scratch/other.txt")"
grep -q "line 3: TINH2024-19 → TINH2025-19 (merged_into, 2025-07-01) is in the workspace already with another area_share" "$scratch/other.txt" ||
    fail "a change stated again with another share: $(cat "$scratch/other.txt")"
[[ $(psql -X -At "service=planatlas_test" -c "SELECT count(*) FROM $s.admin_crosswalk") == "$before" ]] ||
    fail "a refused crosswalk file loaded rows"
# The edit says what it replaced.
edit=$(psql -X -At "service=planatlas_test" -c "SELECT detail FROM $s.pa_edit_log WHERE action = 'task_edit'")
[[ $edit == "lead: "?*" → Sở Công Thương" ]] || fail "the task edit's log line: $edit"
psql -X -q "service=planatlas_test" -c "DROP SCHEMA $s CASCADE" >/dev/null 2>&1
finish "a plan read again and three task corrections: the same rows in the schema as in the file"
