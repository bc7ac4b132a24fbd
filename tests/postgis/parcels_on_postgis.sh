#!/usr/bin/env bash
# Slow: a workspace with about 700 000 synthetic parcels copied into PostGIS; zonal (by park, by
# district), corridor and coverage write the same CSV bytes on the schema as on the file, read
# by PlanAtlas or computed by the database server (the parcels), and auto says which it chose;
# the time of each is printed (PlanAtlas reading the GeoPackage, the schema; the server's SQL).
# usage: parcels_on_postgis.sh PLANATLAS SCRATCH SAMPLE.gpkg (libpq: PGSERVICEFILE, PGPASSFILE)
set -uo pipefail
planatlas=${1:?planatlas}
scratch=${2:?scratch folder}
sample=${3:?sample workspace}
# shellcheck source=checks.sh
. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
fresh_scratch "$scratch"
ws=$scratch/parcels.gpkg
cp "$sample" "$ws"
"$planatlas" parcels "$ws" --count 700000 --seed 7 >/dev/null || fail "parcels"
schema=parcels_$$
pg="PG:service=planatlas_test active_schema=$schema"
"$planatlas" copy "$ws" "$pg" --quiet >"$scratch/copy.txt" 2>&1 || fail "copy: $(cat "$scratch/copy.txt")"
grep "parcels_synthetic " "$scratch/copy.txt"
psql -X -q "service=planatlas_test" -c "VACUUM ANALYZE $schema.parcels_synthetic" >/dev/null
now() { date +%s.%N; }
i=0
for analysis in "zonal --values parcels_synthetic --kinds industrial_park" \
    "zonal --values parcels_synthetic --units districts_pre2025" \
    "corridor --distance-km 2 --layer parcels_synthetic" "coverage --units districts_pre2025"; do
    i=$((i + 1))
    s=$(now)
    # shellcheck disable=SC2086
    "$planatlas" analyze "$ws" $analysis -o "$scratch/$i.gpkg.csv" >/dev/null 2>&1 || fail "$analysis on the file"
    m=$(now)
    # Programme coverage reads only programme features, never a bulk layer: auto leaves it here.
    engine=(--engine planatlas)
    [[ $analysis == coverage* ]] && engine=()
    # shellcheck disable=SC2086
    "$planatlas" analyze "$pg" $analysis "${engine[@]}" -o "$scratch/$i.pg.csv" >/dev/null 2>"$scratch/$i.err" ||
        fail "$analysis on PostGIS: $(cat "$scratch/$i.err")"
    e=$(now)
    cmp -s "$scratch/$i.gpkg.csv" "$scratch/$i.pg.csv" || fail "$analysis: other bytes on PostGIS"
    # In the database server, the same bytes; left to auto, the parcels near zones or a corridor
    # go to the server and those all measured per unit stay in PlanAtlas, as does coverage (its
    # programme layers are small), each saying why.
    if [[ $analysis == *parcels_synthetic* || $analysis == coverage* ]]; then
        # shellcheck disable=SC2086
        "$planatlas" analyze "$pg" $analysis --engine database -o "$scratch/$i.db.csv" >/dev/null 2>"$scratch/$i.db.err" ||
            fail "$analysis in the database: $(cat "$scratch/$i.db.err")"
        d=$(now)
        cmp -s "$scratch/$i.gpkg.csv" "$scratch/$i.db.csv" || fail "$analysis: other bytes in the database server"
        # shellcheck disable=SC2086
        "$planatlas" analyze "$pg" $analysis -o "$scratch/$i.auto.csv" >/dev/null 2>"$scratch/$i.auto.err" ||
            fail "$analysis left to auto: $(cat "$scratch/$i.auto.err")"
        cmp -s "$scratch/$i.gpkg.csv" "$scratch/$i.auto.csv" || fail "$analysis: other bytes left to auto"
        expected="computed in the database server"
        [[ $analysis == *--units* ]] && expected="computed in PlanAtlas: .*, every one of them measured"
        [[ $analysis == coverage* ]] && expected="computed in PlanAtlas: layer '[a-z_]*' has [0-9]* features"
        grep -q "$expected" "$scratch/$i.auto.err" ||
            fail "$analysis: auto did not say '$expected': $(cat "$scratch/$i.auto.err")"
    else
        d=$e
    fi
    printf '%-60s GeoPackage %.2f s  PostGIS read by PlanAtlas %.2f s  in the server %.2f s\n' "$analysis" \
        "$(awk "BEGIN { print $m - $s }")" "$(awk "BEGIN { print $e - $m }")" "$(awk "BEGIN { print $d - $e }")"
done
# Cancelled (Ctrl-C) while the server runs its statement over every parcel of the province (one
# unit, one statement of seconds): exit 130 soon after, the server's statement cancelled rather
# than awaited. "Soon" is measured against the same statement run to its end in this run.
zonal_province=(zonal --values parcels_synthetic --units province_pre2025 --engine database)
s=$(now)
PLANATLAS_THREADS=1 "$planatlas" analyze "$pg" "${zonal_province[@]}" -o "$scratch/whole.csv" >/dev/null 2>&1 ||
    fail "zonal of the province in the server"
whole=$(awk "BEGIN { print $(now) - $s }")
PLANATLAS_THREADS=1 "$planatlas" analyze "$pg" "${zonal_province[@]}" -o "$scratch/cancelled.csv" \
    >/dev/null 2>"$scratch/cancelled.err" &
run=$!
sleep 1
kill -INT "$run"
s=$(now)
wait "$run"
rc=$?
after=$(awk "BEGIN { print $(now) - $s }")
printf 'zonal of the whole province in the server: %.2f s; cancelled 1 s in, it stopped %.2f s later\n' "$whole" "$after"
[[ $rc == 130 ]] || fail "zonal in the server, cancelled: exit $rc, not 130: $(cat "$scratch/cancelled.err")"
[[ ! -e $scratch/cancelled.csv ]] || fail "a cancelled zonal wrote its table"
awk -v w="$whole" -v a="$after" 'BEGIN { exit !(w < 2.5 || a < (w - 1) / 2) }' ||
    fail "the cancelled statement was awaited ($after s) rather than cancelled (the whole run takes $whole s)"
left=$(psql -X -q -At "service=planatlas_test" -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'WITH z(i, g)%'")
[[ $left == 0 ]] || fail "$left statement(s) of the cancelled zonal still run in the server"
psql -X -q "service=planatlas_test" -c "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1
finish "the same CSV bytes on PostGIS"
