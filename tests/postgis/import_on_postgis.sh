#!/usr/bin/env bash
# planatlas import into a workspace kept in a PostGIS schema gives the workspace the same layer
# as the same import into the GeoPackage it was copied from: brought back to a file, every
# table, row, statement and the QGIS project are the same (but for who and when), and the
# analyses of the new layers write the same CSV bytes on the schema as on the file. A legacy
# encoding, invalid polygons to repair, a table joined to a layer, administrative units and
# points far away are among the imports. An import the data refuses leaves the schema as it
# was. Only the schema's owner adds a layer (an editor and a reader are refused, saying why);
# the roles it gave rights read and link the new layer.
# usage: import_on_postgis.sh PLANATLAS SCRATCH WORKSPACE.gpkg SOURCE_DIR (the project's
# source folder, for the files imported; libpq: PGSERVICEFILE, PGPASSFILE)
set -uo pipefail
planatlas=${1:?planatlas}
scratch=${2:?scratch folder}
workspace=${3:?workspace}
src=${4:?source folder}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=checks.sh
. "$here/checks.sh"
fresh_scratch "$scratch"
db() { psql -X -q -At "service=planatlas_test" "$@"; }
schema=imports_$$
pg="PG:service=planatlas_test active_schema=$schema"
editor="PG:service=planatlas_test_editor active_schema=$schema"
reader="PG:service=planatlas_test_reader active_schema=$schema"
file=$scratch/file/$(basename "$workspace")
mkdir -p "$(dirname "$file")"
cp "$workspace" "$file"
"$planatlas" copy "$workspace" "$pg" --quiet >"$scratch/copy.txt" 2>&1 || fail "copy to PostGIS: $(cat "$scratch/copy.txt")"
"$planatlas" admin "$pg" grant planatlas_editor --as editor >/dev/null || fail "grant editor"
"$planatlas" admin "$pg" grant planatlas_reader --as reader >/dev/null || fail "grant reader"

# What the schema holds, to show that a refused import changed nothing.
state() {
    db -c "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = '$schema'), (SELECT count(*) FROM $schema.pa_layers), (SELECT count(*) FROM $schema.gpkg_contents), (SELECT count(*) FROM $schema.gpkgext_relations), (SELECT count(*) FROM $schema.pa_edit_log), (SELECT count(*) FROM $schema.admin_units), (SELECT count(*) FROM $schema.pa_layer_styles)"
}

# Editors change rows, not tables; readers nothing. Both told so before the file is read.
before=$(state)
"$planatlas" import "$editor" "$src/tests/data/kcn_tcvn3.shp" --kind industrial_park >"$scratch/editor.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "an editor's import exits $rc, not 4: $(cat "$scratch/editor.txt")"
grep -q "may change the rows of .* but not add tables" "$scratch/editor.txt" || fail "an editor's import: $(cat "$scratch/editor.txt")"
grep -q "password" "$scratch/editor.txt" && fail "an editor's import shows a password: $(cat "$scratch/editor.txt")"
"$planatlas" import "$reader" "$src/tests/data/kcn_tcvn3.shp" --kind industrial_park >"$scratch/reader.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "a reader's import exits $rc, not 4: $(cat "$scratch/reader.txt")"
grep -q "may read schema '$schema' but not change it" "$scratch/reader.txt" || fail "a reader's import: $(cat "$scratch/reader.txt")"
[[ $(state) == "$before" ]] || fail "a refused import changed the schema: $before → $(state)"

# Layers PlanAtlas generates through the importer: a grid and synthetic parcels. (Before the
# imports, whose last two are refused: a refused transaction in PostgreSQL still spends the
# edit log's sequence numbers, and later rows would be numbered differently from the file's.)
for side in file pg; do
    target=$file
    [[ $side == pg ]] && target=$pg
    "$planatlas" grid "$target" --cell-km 4 >"$scratch/grid.$side.txt" 2>&1 || fail "grid on the $side: $(cat "$scratch/grid.$side.txt")"
    "$planatlas" parcels "$target" --count 20000 --seed 11 >"$scratch/parcels.$side.txt" 2>&1 ||
        fail "parcels on the $side: $(cat "$scratch/parcels.$side.txt")"
done
diff <(sed "s|$file|WS|g" "$scratch/parcels.file.txt") <(sed "s|$pg|WS|g" "$scratch/parcels.pg.txt") >/dev/null ||
    fail "parcels says other things on PostGIS: $(cat "$scratch/parcels.pg.txt")"
# The same imports into the file and into the schema, each with what it printed.
i=0
while IFS='|' read -r expect args; do
    [[ -z $expect ]] && continue
    i=$((i + 1))
    for side in file pg; do
        target=$file
        [[ $side == pg ]] && target=$pg
        before=$(state)
        # shellcheck disable=SC2086
        eval "\"$planatlas\" import \"$target\" $args" >"$scratch/$i.$side.out" 2>"$scratch/$i.$side.err"
        echo $? >"$scratch/$i.$side.rc"
        if [[ $side == pg && $expect != 0 ]]; then
            [[ $(state) == "$before" ]] || fail "import $i refused by the data changed the schema: $before → $(state)"
        fi
    done
    [[ $(cat "$scratch/$i.file.rc") == "$expect" ]] || fail "import $i ($args) exits $(cat "$scratch/$i.file.rc") on the file, not $expect: $(cat "$scratch/$i.file.err")"
    [[ $(cat "$scratch/$i.pg.rc") == "$expect" ]] || fail "import $i ($args) exits $(cat "$scratch/$i.pg.rc") on PostGIS, not $expect: $(cat "$scratch/$i.pg.err")"
    # The same words, but for the workspace's name.
    diff <(sed "s|$file|WS|g" "$scratch/$i.file.out" "$scratch/$i.file.err") \
        <(sed "s|$pg|WS|g" "$scratch/$i.pg.out" "$scratch/$i.pg.err") >"$scratch/$i.diff" ||
        fail "import $i says other things on PostGIS ($scratch/$i.diff)"
done <<EOF
0|"$src/tests/data/kcn_tcvn3.shp" --kind industrial_park --layer kcn_moi --encoding tcvn3 --field name_vi=TEN_KCN --field planned_area_ha=DIEN_TICH --code-field MA_KCN --code-prefix MOI- --quality indicative --licence "CC0"
0|"$src/tests/data/invalid_polygons.geojson" --kind agri_zone --layer vung_sua --code-field code --licence "CC0"
0|"$src/data/vietnam/vn_hydropower_plants.geojson" --kind infrastructure --layer thuy_dien_ca_nuoc --title-vi "Thủy điện (cả nước)"
0|"$src/data/thai_nguyen/land_price_illustrative.csv" --kind land_price --layer gia_dat_2 --join districts_pre2025:name_vi=ten_don_vi --field land_use=loai_dat --licence "CC BY 4.0"
0|"$src/data/thai_nguyen/districts_pre2025_geoboundaries.geojson" --kind admin_district --layer huyen_2 --code-field shapeID --code-prefix H2- --valid-to 2025-06-30 --licence "CC BY 3.0 IGO"
3|"$src/tests/data/kcn_tcvn3.shp" --kind industrial_park --layer kcn_lai --code-field MA_KCN --code-prefix MOI-
3|"$src/tests/data/kcn_tcvn3.shp" --kind industrial_park --layer kcn_xa --encoding tcvn3 --src-crs EPSG:32649
EOF
grep -q "2 invalid\|repaired" "$scratch/2.pg.err" "$scratch/2.pg.out" || fail "the repair of invalid polygons is not said on PostGIS: $(cat "$scratch/2.pg.err")"
[[ $(db -c "SELECT count(*) FROM $schema.admin_units WHERE layer_name = 'huyen_2'") == 9 ]] ||
    fail "the imported districts are not in the schema's admin_units"
[[ $(db -c "SELECT who FROM $schema.pa_edit_log WHERE action = 'import' ORDER BY fid DESC LIMIT 1") == planatlas_owner ]] ||
    fail "the import is not in the edit log as the owner's"
# The new layers are PostGIS layers: a geometry column in the workspace's CRS, a spatial index.
[[ $(db -c "SELECT count(*) FROM ($(geometry_srids_sql "$schema")) AS s") == 1 ]] ||
    fail "the imported layers' geometry columns are in another CRS"
[[ $(db -c "SELECT count(*) FROM pg_indexes WHERE schemaname = '$schema' AND tablename = 'kcn_moi' AND indexdef LIKE '%gist%'") == 1 ]] ||
    fail "kcn_moi has no spatial index"

# Brought back to a file: the same workspace as the file the imports went into.
back=$scratch/back/$(basename "$workspace")
mkdir -p "$(dirname "$back")"
"$planatlas" copy "$pg" "$back" --quiet >"$scratch/back.txt" 2>&1 || fail "copy back: $(cat "$scratch/back.txt")"
/usr/bin/python3 "$here/../support/compare_workspaces.py" "$file" "$back" --ignore-column who ||
    fail "the imports into PostGIS, brought back, differ from the imports into the file"
diff <(schema_of "$file") <(schema_of "$back") >"$scratch/schema.diff" ||
    fail "tables, indexes or triggers differ after importing into PostGIS ($scratch/schema.diff)"

# The analyses of the new layers: the same bytes on the schema, to its reader too.
for analysis in "coverage --units huyen_2" "zonal --values gia_dat_2 --units huyen_2" \
    "zonal --values parcels_synthetic --units grid_4km_hex" \
    "corridor --distance-km 5 --layer thuy_dien_ca_nuoc" "overlaps"; do
    label=${analysis%% *}
    # shellcheck disable=SC2086
    "$planatlas" analyze "$file" $analysis -o "$scratch/$label.file.csv" >/dev/null 2>&1 || fail "$label on the file"
    # shellcheck disable=SC2086
    "$planatlas" analyze "$reader" $analysis -o "$scratch/$label.pg.csv" >/dev/null 2>"$scratch/$label.pg.err" ||
        fail "$label on PostGIS, as its reader: $(cat "$scratch/$label.pg.err")"
    cmp -s "$scratch/$label.file.csv" "$scratch/$label.pg.csv" || fail "$label writes other bytes on PostGIS"
done
grep -q "kcn_moi\|MOI-" "$scratch/coverage.file.csv" "$scratch/overlaps.file.csv" ||
    fail "the analyses do not see the imported industrial parks"

# A role the owner let create tables imports: the roles with rights on the workspace, and the
# owner, have them on its new tables too (default privileges cover only the owner's tables).
db -c "GRANT CREATE ON SCHEMA $schema TO planatlas_editor" >/dev/null
"$planatlas" import "$editor" "$src/tests/data/kcn_tcvn3.shp" --kind industrial_park --layer kcn_bien_tap \
    --encoding tcvn3 --code-field MA_KCN --code-prefix BT- --licence CC0 --quiet >"$scratch/by_editor.txt" 2>&1 ||
    fail "an import by a role given CREATE: $(cat "$scratch/by_editor.txt")"
"$planatlas" analyze "$reader" overlaps -o "$scratch/overlaps.reader.csv" >/dev/null 2>"$scratch/overlaps.reader.txt" ||
    fail "the reader analyses after an editor's import: $(cat "$scratch/overlaps.reader.txt")"
grep -q "BT-" "$scratch/overlaps.reader.csv" || fail "the reader does not see the editor's layer"
mkdir -p "$scratch/back2"
"$planatlas" copy "$pg" "$scratch/back2/$(basename "$workspace")" --quiet >"$scratch/back2.txt" 2>&1 ||
    fail "the owner copies the schema back after an editor's import: $(cat "$scratch/back2.txt")"
db -c "REVOKE CREATE ON SCHEMA $schema FROM planatlas_editor" >/dev/null

# The editor links a task to a feature of a new layer.
task=$(db -c "SELECT task_id FROM $schema.plan_tasks ORDER BY fid LIMIT 1")
code=$(db -c "SELECT code FROM $schema.kcn_moi ORDER BY fid LIMIT 1")
"$planatlas" link "$editor" add --task "$task" --feature "$code" >"$scratch/link.txt" 2>&1 ||
    fail "the editor links a feature of the imported layer: $(cat "$scratch/link.txt")"
[[ $(db -c "SELECT count(*) FROM $schema.kcn_moi_task_links") == 1 ]] || fail "the editor's link is not in kcn_moi_task_links"

db -c "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1
finish "imports into PostGIS as into the file: $i imports, the same workspace brought back"
