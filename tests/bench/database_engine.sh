#!/usr/bin/env bash
# Benchmark (issue 16): where the analyses of a large layer of a PostGIS workspace are best
# computed. N synthetic parcels (default 1,000,000) over the Thái Nguyên sample, copied into a
# schema of a throwaway PostgreSQL 15 + PostGIS 3.3 on loopback (tests/postgis/cluster.sh);
#   (a) corridor --distance-km 2 --layer parcels_synthetic
#   (b1) zonal --values parcels_synthetic --kinds industrial_park
#   (b2) zonal --values parcels_synthetic --units districts_pre2025
# each run end to end (open, analyse, write CSV) on the GeoPackage, on the schema read by
# PlanAtlas (--engine planatlas) and on the schema computed by the server (--engine database),
# RUNS times; medians, the ratio of each schema engine to the other, the client's peak memory;
# and the CSVs of the three are compared byte for byte (a difference fails the script).
# Not part of the default test run: ctest -L benchmark, or by hand:
#   tests/bench/database_engine.sh [BUILD_DIR] [N] [RUNS]
# Needs postgresql-15-postgis-3 (Debian), installed here when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/release}
count=${2:-1000000}
runs=${3:-3}
planatlas=$(realpath "$build/app/planatlas")
work=$(realpath -m "$build/bench/database_engine")
mkdir -p "$work"
source tests/bench/common.sh
need_postgis
ws=$(bench_workspace "$planatlas" "$build" "$count")

cluster=$work/cluster
tests/postgis/cluster.sh start "$cluster" >/dev/null
trap 'tests/postgis/cluster.sh stop "$cluster" >/dev/null 2>&1 || true' EXIT
export PGSERVICEFILE=$cluster/pg_service.conf PGPASSFILE=$cluster/pgpass
schema=bench
pg="PG:service=planatlas_test active_schema=$schema"
# A workspace kept from an older PlanAtlas is brought up to date first (copy takes the current).
"$planatlas" qgis "$ws" >/dev/null
echo "copying $(parcel_count "$ws") parcels into PostGIS…"
"$planatlas" copy "$ws" "$pg" --quiet >/dev/null
psql -X -q "service=planatlas_test" -c "VACUUM ANALYZE $schema.parcels_synthetic"

declare -A T MEM
measure() { # key, workspace, args…
    local key=$1 where=$2 t=()
    shift 2
    for ((i = 0; i < runs; ++i)); do
        local s e
        s=$(now)
        /usr/bin/time -f '%M' -o "$work/$key.kb" "$planatlas" analyze "$where" "$@" \
            -o "$work/$key.csv" 2>"$work/$key.err" >/dev/null || {
            echo "$key failed: $(cat "$work/$key.err")" >&2
            exit 1
        }
        e=$(now)
        t+=("$(elapsed "$s" "$e")")
    done
    T[$key]=$(printf '%s\n' "${t[@]}" | median)
    MEM[$key]=$(($(tail -1 "$work/$key.kb") / 1024))
}
declare -A ARGS=(
    [a]="corridor --distance-km 2 --layer parcels_synthetic"
    [b1]="zonal --values parcels_synthetic --kinds industrial_park"
    [b2]="zonal --values parcels_synthetic --units districts_pre2025")
status=0
for q in a b1 b2; do
    # shellcheck disable=SC2086
    measure "$q.gpkg" "$ws" ${ARGS[$q]}
    # shellcheck disable=SC2086
    measure "$q.planatlas" "$pg" ${ARGS[$q]} --engine planatlas
    # shellcheck disable=SC2086
    measure "$q.database" "$pg" ${ARGS[$q]} --engine database
    for e in planatlas database; do
        cmp -s "$work/$q.gpkg.csv" "$work/$q.$e.csv" || {
            echo "($q): other bytes with --engine $e on PostGIS ($work/$q.*.csv)" >&2
            status=1
        }
    done
done

echo
echo "$(parcel_count "$ws") parcels, medians of $runs runs, end to end; PlanAtlas threads: ${PLANATLAS_THREADS:-$(nproc)}"
printf '| %-46s | %10s | %14s | %14s | %17s |\n' question GeoPackage "PostGIS, read" "PostGIS, SQL" "read / SQL"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..48})" "------------" "----------------" "----------------" "-------------------"
for q in a b1 b2; do
    printf '| %-46s | %8.2f s | %12.2f s | %12.2f s | %17.2f |\n' "($q) ${ARGS[$q]}" "${T[$q.gpkg]}" \
        "${T[$q.planatlas]}" "${T[$q.database]}" "$(awk -v r="${T[$q.planatlas]}" -v d="${T[$q.database]}" 'BEGIN {print r / d}')"
done
echo "peak memory of PlanAtlas (MB), GeoPackage / PostGIS read / PostGIS SQL:" \
    "$(for q in a b1 b2; do printf '(%s) %s/%s/%s  ' "$q" "${MEM[$q.gpkg]}" "${MEM[$q.planatlas]}" "${MEM[$q.database]}"; done)"
((status == 0)) && echo "the same CSV bytes from the three"
exit $status
