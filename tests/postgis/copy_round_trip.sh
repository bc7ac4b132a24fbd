#!/usr/bin/env bash
# A workspace copied into a PostGIS schema and back is the same workspace: every table, row and
# statement of the GeoPackage (compare_workspaces.py and sqlite_master), and the analyses write
# the same CSV bytes on the schema and on the copy brought back as on the original; info and
# validate read the schema as the file. A copy that cannot be made says why, exits non-zero and
# leaves the database as it was.
# usage: copy_round_trip.sh PLANATLAS SCRATCH WORKSPACE... (libpq finds the test cluster through
# PGSERVICEFILE and PGPASSFILE; see cluster.sh)
set -uo pipefail
planatlas=${1:?planatlas}
scratch=${2:?scratch folder}
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
compare=$here/../support/compare_workspaces.py
# shellcheck source=checks.sh
. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
fresh_scratch "$scratch"
db() { psql -X -q -At "service=planatlas_test" "$@"; }
run=$$

for workspace in "$@"; do
    name=$(basename "$workspace" .gpkg)
    schema=${name}_$run
    pg="PG:service=planatlas_test active_schema=$schema"
    mkdir -p "$scratch/$name"
    if ! "$planatlas" copy "$workspace" "$pg" --quiet >"$scratch/$name/to_pg.txt" 2>&1; then
        fail "$name: copy to PostGIS: $(cat "$scratch/$name/to_pg.txt")"
        continue
    fi
    # The same file name, so that the QGIS project stored inside reads as the same.
    back=$scratch/$name/back/$name.gpkg
    mkdir -p "$(dirname "$back")"
    if ! "$planatlas" copy "$pg" "$back" --quiet >"$scratch/$name/to_gpkg.txt" 2>&1; then
        fail "$name: copy back: $(cat "$scratch/$name/to_gpkg.txt")"
        continue
    fi
    /usr/bin/python3 "$compare" "$workspace" "$back" || fail "$name: the rows differ after the round trip"
    diff <(schema_of "$workspace") <(schema_of "$back") >"$scratch/$name/schema.diff" ||
        fail "$name: tables, indexes or triggers differ after the round trip ($scratch/$name/schema.diff)"
    tables=$(db -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$schema'")
    [[ $tables -ge 20 ]] || fail "$name: only $tables tables in schema $schema"
    # The layers are PostGIS layers a GIS opens: geometry columns in the workspace CRS.
    srid=$(db -c "$(geometry_srids_sql "$schema")")
    [[ $srid =~ ^[0-9]+$ ]] || fail "$name: geometry columns in more than one CRS or none: $srid"
    for analysis in "coverage --units districts_pre2025" "corridor --distance-km 5" \
        "footprint --by agency" "zonal --values land_price_illustrative" "overlaps" "targets"; do
        label=${analysis%% *}
        # shellcheck disable=SC2086
        "$planatlas" analyze "$workspace" $analysis -o "$scratch/$name/$label.a.csv" >/dev/null 2>&1
        a=$?
        # shellcheck disable=SC2086
        "$planatlas" analyze "$back" $analysis -o "$scratch/$name/$label.b.csv" >/dev/null 2>&1
        b=$?
        # shellcheck disable=SC2086
        "$planatlas" analyze "$pg" $analysis -o "$scratch/$name/$label.pg.csv" >/dev/null 2>"$scratch/$name/$label.pg.err"
        p=$?
        [[ $a == "$b" ]] || fail "$name: $label exits $a on the original, $b on the copy"
        [[ $a == "$p" ]] || fail "$name: $label exits $a on the original, $p on PostGIS: $(cat "$scratch/$name/$label.pg.err")"
        if [[ -f $scratch/$name/$label.a.csv ]]; then
            cmp -s "$scratch/$name/$label.a.csv" "$scratch/$name/$label.b.csv" ||
                fail "$name: $label writes other bytes on the copy"
            cmp -s "$scratch/$name/$label.a.csv" "$scratch/$name/$label.pg.csv" ||
                fail "$name: $label writes other bytes on PostGIS"
        fi
    done
    # Analysed by the database server (--engine database), zonal, corridor and coverage give the same
    # bytes as PlanAtlas's engine on the file; a small layer left to auto stays in PlanAtlas and
    # says why; the server is refused for a file.
    has_prices=$(db -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$schema' AND table_name = 'land_price_illustrative'")
    if [[ $has_prices == 1 ]]; then
        i=0
        for analysis in "zonal --values land_price_illustrative" \
            "zonal --values land_price_illustrative --units districts_pre2025" \
            "zonal --values land_price_illustrative --kinds agri_zone" \
            "corridor --distance-km 5 --layer land_price_illustrative" \
            "corridor --distance-km 2 --layer industrial_parks" \
            "corridor --distance-km 1 --layer urban_centres" \
            "coverage --units districts_pre2025"; do
            i=$((i + 1))
            # shellcheck disable=SC2086
            "$planatlas" analyze "$workspace" $analysis -o "$scratch/$name/server$i.a.csv" >/dev/null 2>&1 ||
                fail "$name: $analysis on the file"
            # shellcheck disable=SC2086
            "$planatlas" analyze "$pg" $analysis --engine database -o "$scratch/$name/server$i.db.csv" \
                >/dev/null 2>"$scratch/$name/server$i.err" ||
                fail "$name: $analysis in the database: $(cat "$scratch/$name/server$i.err")"
            grep -q "computed in the database server" "$scratch/$name/server$i.err" ||
                fail "$name: $analysis does not say it ran in the database: $(cat "$scratch/$name/server$i.err")"
            cmp -s "$scratch/$name/server$i.a.csv" "$scratch/$name/server$i.db.csv" ||
                fail "$name: $analysis writes other bytes in the database ($scratch/$name/server$i.*.csv)"
        done
        [[ $i == 7 ]] || fail "$name: $i analyses in the database, not 7"
        "$planatlas" analyze "$pg" zonal --values land_price_illustrative -o "$scratch/$name/auto.csv" \
            >/dev/null 2>"$scratch/$name/auto.err" || fail "$name: zonal left to auto"
        grep -q "computed in PlanAtlas: layer 'land_price_illustrative' has [0-9]* features, fewer" "$scratch/$name/auto.err" ||
            fail "$name: auto does not say why PlanAtlas computed: $(cat "$scratch/$name/auto.err")"
        "$planatlas" analyze "$workspace" zonal --values land_price_illustrative --engine database \
            -o "$scratch/$name/file.csv" >"$scratch/$name/file.err" 2>&1
        rc=$?
        [[ $rc == 2 ]] || fail "$name: --engine database on a file exits $rc, not 2"
        grep -q "engine: cannot analyse in the database: the workspace is a file" "$scratch/$name/file.err" ||
            fail "$name: --engine database on a file: $(cat "$scratch/$name/file.err")"
        [[ ! -e $scratch/$name/file.csv ]] || fail "$name: a refused analysis wrote its table"
    fi
    # An invalid programme polygon and an invalid land-price polygon (bow-ties across the
    # province's middle) are repaired alike: coverage, zonal and corridor in the server write the
    # bytes PlanAtlas writes from the schema brought back, and both note the repair.
    bad="PG:service=planatlas_test active_schema=${schema}_bad"
    "$planatlas" copy "$workspace" "$bad" --quiet >/dev/null 2>&1 || fail "$name: copy for the bow-tie"
    broken=(industrial_parks)
    analyses=("coverage --units districts_pre2025")
    if [[ $has_prices == 1 ]]; then
        broken+=(land_price_illustrative)
        analyses+=("zonal --values land_price_illustrative --kinds industrial_park,agri_zone"
            "zonal --values land_price_illustrative --units districts_pre2025"
            "corridor --distance-km 5 --layer land_price_illustrative")
    fi
    for layer in "${broken[@]}"; do
        db -c "UPDATE ${schema}_bad.$layer SET geom = (SELECT ST_Multi(ST_MakePolygon(ST_MakeLine(ARRAY[
            ST_Translate(c, -20000, -20000), ST_Translate(c, 20000, 20000), ST_Translate(c, 20000, -20000),
            ST_Translate(c, -20000, 20000), ST_Translate(c, -20000, -20000)])))
            FROM (SELECT ST_Centroid(ST_Collect(geom)) AS c FROM ${schema}_bad.districts_pre2025) m)
            WHERE fid = (SELECT min(fid) FROM ${schema}_bad.$layer)" >/dev/null 2>&1 ||
            fail "$name: the bow-tie in $layer"
        [[ $(db -c "SELECT count(*) FROM ${schema}_bad.$layer WHERE NOT ST_IsValid(geom)" 2>/dev/null) == 1 ]] ||
            fail "$name: no invalid polygon to repair in $layer"
    done
    "$planatlas" copy "$bad" "$scratch/$name/bad.gpkg" --quiet >/dev/null 2>&1 || fail "$name: the bow-ties brought back"
    i=0
    for analysis in "${analyses[@]}"; do
        i=$((i + 1))
        layer=land_price_illustrative
        [[ $analysis == coverage* ]] && layer=industrial_parks
        # shellcheck disable=SC2086
        "$planatlas" analyze "$scratch/$name/bad.gpkg" $analysis -o "$scratch/$name/bad$i.a.csv" \
            >/dev/null 2>"$scratch/$name/bad$i.a.err" || fail "$name: $analysis with a bow-tie"
        # shellcheck disable=SC2086
        "$planatlas" analyze "$bad" $analysis --engine database -o "$scratch/$name/bad$i.db.csv" \
            >/dev/null 2>"$scratch/$name/bad$i.db.err" ||
            fail "$name: $analysis with a bow-tie in the database: $(cat "$scratch/$name/bad$i.db.err")"
        cmp -s "$scratch/$name/bad$i.a.csv" "$scratch/$name/bad$i.db.csv" ||
            fail "$name: $analysis with a bow-tie writes other bytes in the database"
        for engine in a db; do
            grep -q "layer '$layer': 1 invalid geometry repaired" "$scratch/$name/bad$i.$engine.err" ||
                fail "$name: $analysis ($engine) does not note the repair: $(cat "$scratch/$name/bad$i.$engine.err")"
        done
    done
    [[ $i == "${#analyses[@]}" && $i -ge 1 ]] || fail "$name: $i analyses with bow-ties"
    # The programme map with every map sheet under it: the same pixels from the schema (whose
    # sheets GDAL reads from a GeoPackage copy made in memory).
    sheets=()
    for sheet in $(db -c "SELECT table_name FROM $schema.gpkg_contents WHERE data_type = 'tiles'"); do
        sheets+=(--sheet "$sheet")
    done
    "$planatlas" map "$workspace" "${sheets[@]}" -o "$scratch/$name/map.a.png" >/dev/null 2>&1 ||
        fail "$name: map of the original"
    "$planatlas" map "$pg" "${sheets[@]}" -o "$scratch/$name/map.pg.png" >/dev/null 2>"$scratch/$name/map.pg.err" ||
        fail "$name: map on PostGIS: $(cat "$scratch/$name/map.pg.err")"
    cmp -s "$scratch/$name/map.a.png" "$scratch/$name/map.pg.png" ||
        fail "$name: the map with ${#sheets[@]} sheet option(s) differs on PostGIS"
    # info and validate say the same of the schema as of the file (but for its name, the
    # extents' last digits — GDAL rounds a GeoPackage's to 15 — and the QGIS check, which is of
    # a file).
    "$planatlas" info "$workspace" >"$scratch/$name/info.a.txt" 2>&1 || fail "$name: info on the original"
    "$planatlas" info "$pg" >"$scratch/$name/info.pg.txt" 2>&1 || fail "$name: info on PostGIS: $(cat "$scratch/$name/info.pg.txt")"
    diff <(grep -v "^Workspace\|^Extent" "$scratch/$name/info.a.txt") \
        <(grep -v "^Workspace\|^Extent" "$scratch/$name/info.pg.txt") >/dev/null ||
        fail "$name: info differs on PostGIS"
    "$planatlas" validate "$pg" >"$scratch/$name/validate.pg.txt" 2>&1 ||
        fail "$name: validate on PostGIS: $(cat "$scratch/$name/validate.pg.txt")"
    grep -q " 0 error(s)" "$scratch/$name/validate.pg.txt" || fail "$name: validate on PostGIS: $(cat "$scratch/$name/validate.pg.txt")"
    # The QGIS styles and project are written again in the schema, in the language asked for,
    # and travel with its copy to a file (beside the project QGIS opens from the schema).
    "$planatlas" qgis "$pg" --lang en >"$scratch/$name/qgis.pg.txt" 2>&1 ||
        fail "$name: qgis on PostGIS: $(cat "$scratch/$name/qgis.pg.txt")"
    grep -q "kept for the copy to a file (planatlas copy): geopackage:$name.gpkg" "$scratch/$name/qgis.pg.txt" ||
        fail "$name: qgis on PostGIS says: $(cat "$scratch/$name/qgis.pg.txt")"
    [[ $(db -c "SELECT value FROM $schema.pa_metadata WHERE key = 'qgis_lang'") == en ]] ||
        fail "$name: qgis --lang en on PostGIS did not keep the language"
    mkdir -p "$scratch/$name/english"
    "$planatlas" copy "$pg" "$scratch/$name/english/$name.gpkg" --quiet >/dev/null 2>&1 ||
        fail "$name: copy back after qgis on PostGIS"
    workspace_en=$scratch/$name/english_file/$name.gpkg
    mkdir -p "$(dirname "$workspace_en")"
    cp "$workspace" "$workspace_en"
    "$planatlas" qgis "$workspace_en" --lang en --quiet >/dev/null 2>&1 || fail "$name: qgis --lang en on the file"
    /usr/bin/python3 "$compare" "$workspace_en" "$scratch/$name/english/$name.gpkg" ||
        fail "$name: the QGIS project written in the schema differs from the one written in the file"

    echo "$name: $(head -1 "$scratch/$name/to_pg.txt")"
done

first=$1
name=$(basename "$first" .gpkg)
schema=${name}_$run
pg="PG:service=planatlas_test active_schema=$schema"
count() { db -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$1'"; }

# Into a schema that already holds a workspace: refused, nothing touched.
before=$(count "$schema")
"$planatlas" copy "$first" "$pg" --quiet >"$scratch/again.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "copy into a schema in use exits $rc, not 4"
grep -q "already holds" "$scratch/again.txt" || fail "copy into a schema in use: $(cat "$scratch/again.txt")"
[[ $(count "$schema") == "$before" ]] || fail "copy into a schema in use changed it"

# Onto an existing file: refused.
"$planatlas" copy "$pg" "$first" --quiet >"$scratch/exists.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "copy onto an existing file exits $rc, not 4"

# No schema named: a usage error.
"$planatlas" copy "$first" "PG:service=planatlas_test" --quiet >"$scratch/noschema.txt" 2>&1
rc=$?
[[ $rc == 2 ]] || fail "copy without active_schema exits $rc, not 2"
grep -q "active_schema" "$scratch/noschema.txt" || fail "copy without active_schema: $(cat "$scratch/noschema.txt")"

# A password on the command line is refused, and not repeated.
"$planatlas" copy "$first" "PG:service=planatlas_test password=Secret_123 active_schema=x_$run" --quiet \
    >"$scratch/password.txt" 2>&1
rc=$?
[[ $rc != 0 ]] || fail "a password in the connection string was accepted"
grep -q "pgpass" "$scratch/password.txt" || fail "password refusal: $(cat "$scratch/password.txt")"
grep -q "Secret_123" "$scratch/password.txt" && fail "the password was repeated in the message"

# A workspace the database refuses half-way (an agency whose successor does not exist, which
# PostgreSQL checks at commit): an error naming the constraint, and no schema left behind.
broken=$scratch/broken/$name.gpkg
mkdir -p "$(dirname "$broken")"
cp "$first" "$broken"
/usr/bin/python3 -c 'import sqlite3,sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE plan_agencies SET successor_id = ? WHERE fid = (SELECT MIN(fid) FROM plan_agencies)", ("NO-SUCH-AGENCY",))
c.commit()' "$broken"
"$planatlas" copy "$broken" "PG:service=planatlas_test active_schema=broken_$run" --quiet >"$scratch/broken.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "a copy refused by the database exits $rc, not 4"
grep -q "plan_agencies" "$scratch/broken.txt" || fail "refused copy: $(cat "$scratch/broken.txt")"
[[ $(db -c "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'broken_$run'") == 0 ]] ||
    fail "a refused copy left schema broken_$run behind"

# The reader role may not create a schema: refused, nothing made.
PGSERVICE_READER="PG:service=planatlas_test_reader active_schema=reader_$run"
"$planatlas" copy "$first" "$PGSERVICE_READER" --quiet >"$scratch/reader.txt" 2>&1
rc=$?
[[ $rc == 4 ]] || fail "copy by the reader role exits $rc, not 4"
grep -qi "permission denied" "$scratch/reader.txt" || fail "copy by the reader role: $(cat "$scratch/reader.txt")"

for workspace in "$@"; do
    db -c "DROP SCHEMA IF EXISTS $(basename "$workspace" .gpkg)_$run CASCADE" 2>/dev/null
    db -c "DROP SCHEMA IF EXISTS $(basename "$workspace" .gpkg)_${run}_bad CASCADE" 2>/dev/null
done
finish "round trips and refusals as expected"
