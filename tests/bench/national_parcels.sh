#!/usr/bin/env bash
# Benchmark (issue 16, item 5): the national scale. A workspace of Viet Nam's 34 provinces
# (data/vietnam, EPSG:3405) with commune-sized units (a 10 km hexagonal grid cut at the
# provinces' borders: about 5,500 cells, where the 2025 reform left 3,321 communes of 100 km² on
# average; no open commune boundaries are at hand) and N SYNTHETIC parcels over all provinces
# (`planatlas parcels`; at 10 million, a share of each province's 1 km blocks), by default at 1,
# 3 and 10 million parcels. Two questions, land price and parcel coverage per unit (one zonal
# analysis gives both: the area-weighted mean price, the area covered and its share):
#   (p) per province   analyze zonal --values parcels_synthetic --units provinces_2025
#   (c) per commune    analyze zonal --values parcels_synthetic --units grid_10km_hex
# each timed end to end (median of RUNS) with PlanAtlas's peak memory:
#   file     the GeoPackage, embedded engine
#   server   the workspace copied into PostGIS, its parcels partitioned by province (one
#            partition per province, each with its GiST index; the server's parallel workers as
#            configured: a leader and one worker on 2 cores), computed by the server
#            (--engine database)
#   SQL      the same figures as hand-written PostGIS SQL on the partitioned table (per province
#            from the parcels' province_code, partition-wise; per commune by a spatial join)
# and the time to generate, copy and partition. The file and server CSVs are compared row by row.
# How time and memory grow with the parcels is printed at the end.
# Not part of the default test run (hours at 10 million); by hand:
#   tests/bench/national_parcels.sh [BUILD_DIR] [RUNS] [COUNT…]
# Needs postgresql-15-postgis-3 (Debian), installed here when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/release}
runs=${2:-3}
counts=("${@:3}")
((${#counts[@]})) || counts=(1000000 3000000 10000000)
planatlas=$(realpath "$build/app/planatlas")
work=$(realpath -m "$build/bench/national")
mkdir -p "$work"
source tests/bench/common.sh
need_postgis

# The national workspace without parcels (once).
base=$work/vietnam.gpkg
if [[ ! -f $base ]]; then
    rm -f "$base.tmp.gpkg"
    "$planatlas" init "$base.tmp.gpkg" --province "Việt Nam" --crs EPSG:3405 >/dev/null
    "$planatlas" import "$base.tmp.gpkg" data/vietnam/vn_provinces_34_2025_derived_odm.geojson \
        --kind admin_province --layer provinces_2025 --code-field ma_tinh_2025 \
        --code-prefix TINH2025- --field admin_code=ma_tinh_2025 --valid-from 2025-07-01 \
        --licence "CC BY-SA 4.0" --quiet \
        --attribution "Province boundaries: Open Development Vietnam (Open Development Mekong), CC BY-SA 4.0; merged to 2025 provinces"
    "$planatlas" grid "$base.tmp.gpkg" --cell-km 10 --shape hex >/dev/null
    mv "$base.tmp.gpkg" "$base"
fi

cluster=$work/cluster
tests/postgis/cluster.sh start "$cluster" >/dev/null
trap 'tests/postgis/cluster.sh stop "$cluster" >/dev/null 2>&1 || true' EXIT
export PGSERVICEFILE=$cluster/pg_service.conf PGPASSFILE=$cluster/pgpass
export PGOPTIONS="-c client_min_messages=warning"
psql=(psql -X -q -v ON_ERROR_STOP=1 "service=planatlas_test")

declare -A T MEM GEN COPY PART N DIFF PLAN
seconds() { # key, command… : the median of RUNS end-to-end times, the largest resident set
    local key=$1 t=() peak=0 s e kb
    shift
    for ((i = 0; i < runs; ++i)); do
        s=$(now)
        /usr/bin/time -f '%M' -o "$work/$key.kb" "$@" >"$work/$key.out" 2>"$work/$key.err" || {
            echo "$key failed: $(tail -3 "$work/$key.err")" >&2
            exit 1
        }
        e=$(now)
        t+=("$(elapsed "$s" "$e")")
        kb=$(tail -1 "$work/$key.kb")
        ((kb > peak)) && peak=$kb
    done
    T[$key]=$(printf '%s\n' "${t[@]}" | median)
    MEM[$key]=$((peak / 1024))
}

# The parcels of one province in one partition: a province's parcels are one range of fids
# (planatlas parcels writes them province by province, as a ministry would load them), so the
# table is partitioned by that range with a CHECK on province_code for the planner, and keeps
# its one-column primary key (PostgreSQL wants the partition key in it; GDAL, and so PlanAtlas,
# read a layer by a one-column key).
partition_sql() {
    local s=$1
    cat <<SQL
BEGIN;
ALTER TABLE $s.parcels_synthetic RENAME TO parcels_flat;
CREATE TABLE $s.parcels_synthetic (LIKE $s.parcels_flat INCLUDING DEFAULTS INCLUDING STORAGE,
    PRIMARY KEY (fid)) PARTITION BY RANGE (fid);
DO \$\$ BEGIN EXECUTE format('ALTER SEQUENCE %s OWNED BY $s.parcels_synthetic.fid',
                             pg_get_serial_sequence('$s.parcels_flat', 'fid')); END \$\$;
DO \$\$ DECLARE r record; BEGIN
  FOR r IN SELECT province_code AS c, min(fid) AS lo, max(fid) + 1 AS hi
           FROM $s.parcels_flat GROUP BY 1 ORDER BY 2 LOOP
    EXECUTE format('CREATE TABLE $s.%I PARTITION OF $s.parcels_synthetic '
                   '(CHECK (province_code = %L)) FOR VALUES FROM (%s) TO (%s)',
                   'parcels_' || lower(replace(r.c, '-', '_')), r.c, r.lo, r.hi);
  END LOOP; END \$\$;
INSERT INTO $s.parcels_synthetic SELECT * FROM $s.parcels_flat;
CREATE INDEX ON $s.parcels_synthetic USING gist (geom);
DROP TABLE $s.parcels_flat;
COMMIT;
VACUUM ANALYZE $s.parcels_synthetic;
SQL
}
province_sql() {
    echo "SELECT province_code, sum(price_vnd_m2 * ST_Area(geom)) / sum(ST_Area(geom)) AS mean,
       sum(ST_Area(geom)) / 1e4 AS covered_ha, count(*) FROM $1.parcels_synthetic
GROUP BY 1 ORDER BY 1;"
}
commune_sql() {
    echo "SELECT code, sum(v * a) / sum(a) AS mean, sum(a) / 1e4 AS covered_ha, count(*) FROM (
  SELECT c.code, p.price_vnd_m2 AS v, CASE WHEN ST_Contains(c.geom, p.geom) THEN ST_Area(p.geom)
         ELSE ST_Area(ST_Intersection(c.geom, p.geom)) END AS a
  FROM $1.grid_10km_hex c JOIN $1.parcels_synthetic p
    ON p.province_code = c.province_code AND p.geom && c.geom AND ST_Intersects(c.geom, p.geom)) x
WHERE a > 0.01 GROUP BY code ORDER BY code;"
}

declare -A UNITS=([p]=provinces_2025 [c]=grid_10km_hex)
for count in "${counts[@]}"; do
    ws=$work/vietnam_$count.gpkg
    if [[ ! -f $ws ]]; then
        echo "generating $count parcels over the 34 provinces (once; kept in $ws)…" >&2
        cp "$base" "$ws.tmp.gpkg"
        s=$(now)
        "$planatlas" parcels "$ws.tmp.gpkg" --count "$count" --seed 11 --province provinces_2025 >&2
        e=$(now)
        elapsed "$s" "$e" >"$ws.seconds"
        mv "$ws.tmp.gpkg" "$ws"
    fi
    GEN[$count]=$(cat "$ws.seconds" 2>/dev/null || echo 0)
    N[$count]=$(parcel_count "$ws")
    schema=n$count
    pg="PG:service=planatlas_test active_schema=$schema"
    "${psql[@]}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" 2>/dev/null
    s=$(now)
    "$planatlas" copy "$ws" "$pg" --quiet >/dev/null
    e=$(now)
    COPY[$count]=$(elapsed "$s" "$e")
    s=$(now)
    partition_sql "$schema" | "${psql[@]}" >/dev/null
    e=$(now)
    PART[$count]=$(elapsed "$s" "$e")
    for q in p c; do
        seconds "$count.$q.file" "$planatlas" analyze "$ws" zonal --values parcels_synthetic \
            --units "${UNITS[$q]}" -o "$work/$count.$q.file.csv"
        seconds "$count.$q.server" "$planatlas" analyze "$pg" zonal --values parcels_synthetic \
            --units "${UNITS[$q]}" --engine database -o "$work/$count.$q.server.csv"
        # The rows whose figures differ (the mean of a unit that parcels overlap by a few m² of
        # slivers is as exact as their areas).
        DIFF[$count.$q]=$(diff "$work/$count.$q.file.csv" "$work/$count.$q.server.csv" | grep -c '^>' || true)
    done
    seconds "$count.p.sql" "${psql[@]}" -c "SET enable_partitionwise_aggregate = on" \
        -c "$(province_sql "$schema")"
    seconds "$count.c.sql" "${psql[@]}" -c "$(commune_sql "$schema")"
    # Whether the server's planner gives the SQL its parallel workers (a Gather in the plan).
    declare -A SQL=([p]="$(province_sql "$schema")" [c]="$(commune_sql "$schema")")
    for q in p c; do
        plan=$("${psql[@]}" -At -c "SET enable_partitionwise_aggregate = on" \
            -c "EXPLAIN (COSTS OFF) ${SQL[$q]}")
        PLAN[$count.$q]=$(grep -q 'Gather' <<<"$plan" && echo parallel || echo serial)
    done
    "${psql[@]}" -c "DROP SCHEMA $schema CASCADE"
done

echo
echo "Viet Nam, 34 provinces, $(sqlite3 "$base" 'SELECT COUNT(*) FROM grid_10km_hex' 2>/dev/null || echo '~5,500') commune-sized cells; medians of $runs runs, end to end (s); PlanAtlas peak memory (MB); PlanAtlas threads ${PLANATLAS_THREADS:-$(nproc)}, PostgreSQL a leader and 1 parallel worker"
printf '%11s %8s %8s %9s | %-36s | %-36s\n' parcels "make s" "copy s" "part. s" \
    "(p) per province: file/server/SQL s, MB" "(c) per commune: file/server/SQL s, MB"
for count in "${counts[@]}"; do
    printf '%11s %8.1f %8.1f %9.1f' "${N[$count]}" "${GEN[$count]}" "${COPY[$count]}" "${PART[$count]}"
    for q in p c; do
        printf ' | %7.2f %7.2f %7.2f %5d/%-5d' "${T[$count.$q.file]}" "${T[$count.$q.server]}" \
            "${T[$count.$q.sql]}" "${MEM[$count.$q.file]}" "${MEM[$count.$q.server]}"
    done
    echo
done
echo "rows differing between the file and the server (of 34 provinces / the cells):" \
    "$(for count in "${counts[@]}"; do printf '%s: %s / %s   ' "${N[$count]}" "${DIFF[$count.p]}" "${DIFF[$count.c]}"; done)"
echo "plans of the hand-written SQL (per province / per commune):" \
    "$(for count in "${counts[@]}"; do printf '%s: %s / %s   ' "${N[$count]}" "${PLAN[$count.p]}" "${PLAN[$count.c]}"; done)"
first=${counts[0]} last=${counts[-1]}
if ((${#counts[@]} > 1)); then
    echo "Growth from ${N[$first]} to ${N[$last]} parcels ($(awk -v a="${N[$first]}" -v b="${N[$last]}" 'BEGIN {printf "%.1f", b / a}')× the parcels):"
    for q in p c; do
        for e in file server sql; do
            printf '  (%s) %-6s time %5.1f×' "$q" "$e" "$(awk -v a="${T[$first.$q.$e]}" -v b="${T[$last.$q.$e]}" 'BEGIN {print b / a}')"
            [[ $e == sql ]] || printf ', PlanAtlas memory %4.1f×' "$(awk -v a="${MEM[$first.$q.$e]}" -v b="${MEM[$last.$q.$e]}" 'BEGIN {print b / a}')"
            echo
        done
    done
fi
