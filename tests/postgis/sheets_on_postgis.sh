#!/usr/bin/env bash
# planatlas georef places a map sheet in a workspace kept in a PostGIS schema as in the
# GeoPackage it was copied from: brought back to a file, every table, row, tile and statement is
# the same (but for who and when), and the map drawn with the sheet is the same bytes on the
# schema as on the file; removed again, the same too. Only the schema's owner places or removes a
# sheet (a table of its own), and an editor is told so before the sheet is read; the roles it
# gave rights read the new sheet. A placing that fails inside its transaction leaves the schema
# as it was, and no warped copy behind.
# usage: sheets_on_postgis.sh PLANATLAS SCRATCH WORKSPACE.gpkg (libpq: PGSERVICEFILE, PGPASSFILE)
set -uo pipefail
planatlas=${1:?planatlas}
scratch=${2:?scratch folder}
workspace=${3:?workspace}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
compare=$here/../support/compare_workspaces.py
# shellcheck source=checks.sh
. "$here/checks.sh"
fresh_scratch "$scratch"
db() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At "service=planatlas_test" "$@"; }
schema=sheets_$$
pg="PG:service=planatlas_test active_schema=$schema"
editor="PG:service=planatlas_test_editor active_schema=$schema"
file=$scratch/file/$(basename "$workspace")
mkdir -p "$(dirname "$file")"
cp "$workspace" "$file"
"$planatlas" copy "$workspace" "$pg" --quiet >"$scratch/copy.txt" 2>&1 || fail "copy to PostGIS: $(cat "$scratch/copy.txt")"
"$planatlas" admin "$pg" grant planatlas_editor --as editor >/dev/null || fail "grant editor"

# A sheet to place: the sample's own, georeferenced in the workspace CRS (a VRT of its tiles;
# GDAL's "AREA_OR_POINT" left out, which a schema does not keep).
gdal_translate -q -of VRT "GPKG:$workspace:test_sheet" "$scratch/sheet.vrt" || fail "gdal_translate"
/usr/bin/python3 - "$scratch/sheet.vrt" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
open(sys.argv[1], "w").write(re.sub(r"\s*<Metadata>.*?</Metadata>", "", text, flags=re.S))
EOF

state() {
    db -c "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = '$schema'), (SELECT count(*) FROM $schema.pa_rasters), (SELECT count(*) FROM $schema.gpkg_contents), (SELECT count(*) FROM $schema.pa_gpkg_tile_matrix), (SELECT count(*) FROM $schema.pa_gpkg_tile_matrix_set), (SELECT count(*) FROM $schema.pa_edit_log)"
}
place() { # target, log
    "$planatlas" georef "$1" "$scratch/sheet.vrt" --layer to_thu --sheet-date 03/12/2026 \
        --title-vi "Tờ thử đặt lại" --title-en "Test sheet placed again" --licence "CC BY-SA 4.0" >"$2" 2>&1
}
same_as_file() { # what
    local back=$scratch/back_$1/$(basename "$workspace")
    mkdir -p "$(dirname "$back")"
    "$planatlas" copy "$pg" "$back" --quiet >"$scratch/back_$1.txt" 2>&1 || fail "$1: copy back: $(cat "$scratch/back_$1.txt")"
    /usr/bin/python3 "$compare" --ignore-column who "$file" "$back" || fail "$1: the schema copied back differs from the file"
    diff <(schema_of "$file") <(schema_of "$back") >"$scratch/schema_$1.diff" ||
        fail "$1: tables, indexes or triggers differ ($scratch/schema_$1.diff)"
}

# An editor changes rows, not tables: refused before the sheet is read, the schema unchanged.
before=$(state)
place "$editor" "$scratch/editor.txt"
rc=$?
[[ $rc == 4 ]] || fail "an editor's placing exits $rc, not 4: $(cat "$scratch/editor.txt")"
grep -q "may change the rows of .* but not add tables to it, and a map sheet is a table of its own" "$scratch/editor.txt" ||
    fail "an editor's placing: $(cat "$scratch/editor.txt")"
[[ $(state) == "$before" ]] || fail "a refused placing changed the schema: $before → $(state)"

# The owner places it in the schema, as in the file.
place "$file" "$scratch/place.file.txt" || fail "georef on the file: $(cat "$scratch/place.file.txt")"
place "$pg" "$scratch/place.pg.txt" || fail "georef on PostGIS: $(cat "$scratch/place.pg.txt")"
grep -q "Stored raster layer 'to_thu'" "$scratch/place.pg.txt" || fail "georef on PostGIS says: $(cat "$scratch/place.pg.txt")"
[[ $(db -c "SELECT count(*) FROM $schema.to_thu") -gt 0 ]] || fail "no tiles in the schema"
same_as_file placed
# Drawn with the sheet, the map is the same on the schema (read by the editor) as on the file.
"$planatlas" map "$file" --sheet to_thu -o "$scratch/map.file.png" >/dev/null 2>&1 || fail "map of the file"
"$planatlas" map "$editor" --sheet to_thu -o "$scratch/map.pg.png" >/dev/null 2>"$scratch/map.pg.err" ||
    fail "map on PostGIS read by the editor: $(cat "$scratch/map.pg.err")"
cmp -s "$scratch/map.file.png" "$scratch/map.pg.png" || fail "the map with the placed sheet differs on PostGIS"
# The same name again: refused on both, saying so.
place "$pg" "$scratch/again.txt"
rc=$?
[[ $rc != 0 ]] && grep -q "already has a layer 'to_thu'" "$scratch/again.txt" || fail "a sheet placed twice: exit $rc, $(cat "$scratch/again.txt")"

# Removed: by the owner only; then the same as the file again.
before=$(state)
"$planatlas" georef "$editor" --remove to_thu >"$scratch/editor_remove.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "an editor's removal exits $rc, not 4: $(cat "$scratch/editor_remove.txt")"
grep -q "a map sheet is a table of its own" "$scratch/editor_remove.txt" || fail "an editor's removal: $(cat "$scratch/editor_remove.txt")"
[[ $(state) == "$before" ]] || fail "a refused removal changed the schema: $before → $(state)"
for target in "$file" "$pg"; do
    "$planatlas" georef "$target" --remove to_thu >"$scratch/remove.txt" 2>&1 || fail "georef --remove on $target: $(cat "$scratch/remove.txt")"
done
[[ $(db -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$schema' AND table_name = 'to_thu'") == 0 ]] ||
    fail "the sheet's table is still in the schema"
same_as_file removed

# A role given CREATE on the schema places a sheet: the roles with rights on the workspace get
# them on its tables (the owner all of them), so the owner reads and removes it.
db -c "GRANT CREATE ON SCHEMA $schema TO planatlas_editor"
"$planatlas" georef "$editor" "$scratch/sheet.vrt" --layer to_bien_tap --title-vi "Tờ của biên tập viên" \
    >"$scratch/editor_create.txt" 2>&1 || fail "a placing by a role given CREATE: $(cat "$scratch/editor_create.txt")"
[[ $(db -c "SELECT has_table_privilege('planatlas_owner', '$schema.to_bien_tap', 'SELECT') AND has_sequence_privilege('planatlas_owner', pg_get_serial_sequence('$schema.to_bien_tap', 'id'), 'USAGE')") == t ]] ||
    fail "the owner was not given rights on a sheet another role placed"
"$planatlas" map "$pg" --sheet to_bien_tap -o "$scratch/map.editor_sheet.png" >/dev/null 2>"$scratch/map.editor_sheet.err" ||
    fail "the owner cannot draw the sheet another role placed: $(cat "$scratch/map.editor_sheet.err")"
"$planatlas" georef "$pg" --remove to_bien_tap >"$scratch/owner_remove.txt" 2>&1 ||
    fail "the owner cannot remove the sheet another role placed: $(cat "$scratch/owner_remove.txt")"
db -c "REVOKE CREATE ON SCHEMA $schema FROM planatlas_editor"

# A placing that fails inside its transaction (a table of that name nobody registered) leaves
# the schema as it was and no warped copy in the temporary folder. (Last: PostgreSQL spends the
# edit log's sequence numbers in a transaction rolled back.)
db -c "CREATE TABLE $schema.to_thu (x integer)"
before=$(state)
folders=$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'planatlas-sheet-*' 2>/dev/null | wc -l)
place "$pg" "$scratch/clash.txt"
rc=$?
[[ $rc != 0 ]] || fail "a placing over an unregistered table succeeded"
grep -q "to_thu" "$scratch/clash.txt" || fail "a failed placing does not name the table: $(cat "$scratch/clash.txt")"
[[ $(state) == "$before" ]] || fail "a failed placing changed the schema: $before → $(state)"
[[ $(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'planatlas-sheet-*' 2>/dev/null | wc -l) == "$folders" ]] ||
    fail "a failed placing left its warped copy behind"

db -c "DROP SCHEMA $schema CASCADE" 2>/dev/null
finish "map sheets placed and removed in a schema as in the file; only the owner may"
