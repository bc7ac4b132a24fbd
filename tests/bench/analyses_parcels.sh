#!/usr/bin/env bash
# Benchmark (issue 5): three questions on N synthetic parcels (default 1,000,000) over the
# Thái Nguyên sample, answered by PlanAtlas, by PostGIS 3.3 (a PostgreSQL 15 server this script
# starts on loopback, data loaded once, GiST indexes, timing the queries only) and by GeoPandas
# 0.12 (Debian's python3-geopandas, data read once, timing the operations only):
#   (a) parcels within 2 km of an expressway: count and area
#   (b) area-weighted land price (b1) per industrial park and (b2) per district
#   (c) parcel coverage per district: parcels and their area in each
# PlanAtlas is timed end to end (open the GeoPackage, analyse, write CSV); its (c) comes from
# the same pass as (b2) (zonal --units gives both). Medians of RUNS runs; ratios peer/PlanAtlas.
# Not part of the default test run: ctest -L benchmark, or by hand:
#   tests/bench/analyses_parcels.sh [BUILD_DIR] [N] [RUNS]
# Needs postgresql-15-postgis-3 and python3-geopandas (Debian), installed here when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/release}
count=${2:-1000000}
runs=${3:-3}
planatlas=$(realpath "$build/app/planatlas")
work=$(realpath -m "$build/bench")
mkdir -p "$work"
need=()
[[ -x /usr/lib/postgresql/15/bin/initdb && -f /usr/share/postgresql/15/extension/postgis.control ]] ||
    need+=(postgresql-15 postgresql-15-postgis-3)
/usr/bin/python3 -c 'import geopandas' 2>/dev/null || need+=(python3-geopandas)
if ((${#need[@]})); then
    sudo=; ((EUID == 0)) || sudo=sudo
    $sudo apt-get install -y "${need[@]}" >/dev/null
fi
source tests/bench/common.sh
ws=$(bench_workspace "$planatlas" "$build" "$count")
# Both sides get the machine's cores: PlanAtlas its threads (PLANATLAS_THREADS, default the cores),
# PostgreSQL a leader and cores − 1 parallel workers per query. GeoPandas has one thread.
cores=${PLANATLAS_THREADS:-$(nproc)}
declare -A PA PG GP

# ---- PlanAtlas ---------------------------------------------------------------------------------
run_pa() { # name, args…
    local name=$1 t=()
    shift
    for ((i = 0; i < runs; ++i)); do
        local s e
        s=$(now)
        "$planatlas" analyze "$ws" "$@" -o "$work/pa_$name.csv" 2>/dev/null
        e=$(now)
        t+=("$(elapsed "$s" "$e")")
    done
    PA[$name]=$(printf '%s\n' "${t[@]}" | median)
}
run_pa a corridor --distance-km 2 --layer parcels_synthetic
run_pa b1 zonal --values parcels_synthetic --kinds industrial_park
run_pa b2 zonal --values parcels_synthetic --units districts_pre2025
PA[c]=${PA[b2]}
# The process start each PlanAtlas time includes (loading GDAL and the libraries it brings takes
# most of it), against GDAL's own gdalinfo starting: the floor of any end-to-end figure here.
start_of() {
    local t=()
    for ((i = 0; i < runs; ++i)); do
        local s e
        s=$(now)
        "$@" >/dev/null 2>&1
        e=$(now)
        t+=("$(elapsed "$s" "$e")")
    done
    printf '%s\n' "${t[@]}" | median
}
start_pa=$(start_of "$planatlas" --help)
start_gdal=$(start_of gdalinfo --version)
/usr/bin/time -f '%M' -o "$work/peak_kb.txt" "$planatlas" analyze "$ws" zonal --values parcels_synthetic \
    --units districts_pre2025 -o "$work/pa_peak.csv" 2>/dev/null
peak=$(tail -1 "$work/peak_kb.txt")

# ---- PostGIS -------------------------------------------------------------------------------------
pgdir=/tmp/planatlas-bench-pg
port=55432
pg=/usr/lib/postgresql/15/bin
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ ! -d $pgdir/data ]]; then
    mkdir -p "$pgdir"
    ((EUID == 0)) && chown postgres "$pgdir"
    as_pg "$pg/initdb" -D "$pgdir/data" -A trust -U postgres >/dev/null
fi
as_pg "$pg/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 \
    -c shared_buffers=1GB -c work_mem=256MB -c max_parallel_workers_per_gather=$((cores - 1)) \
    -c max_parallel_workers=$cores" \
    -w start >/dev/null
trap 'as_pg "$pg/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null' EXIT
psql=(psql -h 127.0.0.1 -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1)
db=bench_$count
if ! "${psql[@]}" -d "$db" -c 'SELECT 1 FROM parcels_synthetic LIMIT 1' >/dev/null 2>&1; then
    "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    "${psql[@]}" -d "$db" -c 'CREATE EXTENSION postgis'
    echo "loading the GeoPackage into PostGIS (once)…"
    PG_USE_COPY=YES ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$port user=postgres dbname=$db" "$ws" \
        parcels_synthetic industrial_parks expressways districts_pre2025 -lco GEOMETRY_NAME=geom -lco FID=fid
    "${psql[@]}" -d "$db" -c 'VACUUM ANALYZE'
fi
declare -A SQL
SQL[a]="SELECT count(*), sum(ST_Area(p.geom)) / 10000 FROM parcels_synthetic p
        WHERE EXISTS (SELECT 1 FROM expressways e WHERE ST_DWithin(p.geom, e.geom, 2000))"
SQL[b1]="SELECT k.code, sum(a * price) / sum(a) FROM (
           SELECT k.code, p.price_vnd_m2 AS price,
                  CASE WHEN ST_Within(p.geom, k.geom) THEN ST_Area(p.geom)
                       ELSE ST_Area(ST_Intersection(p.geom, k.geom)) END AS a
           FROM industrial_parks k JOIN parcels_synthetic p ON ST_Intersects(k.geom, p.geom)) k
         WHERE a > 0 GROUP BY k.code"
SQL[b2]=${SQL[b1]//industrial_parks/districts_pre2025}
SQL[c]="SELECT u.code, count(*), sum(CASE WHEN ST_Within(p.geom, u.geom) THEN ST_Area(p.geom)
                                        ELSE ST_Area(ST_Intersection(p.geom, u.geom)) END) / 10000
        FROM districts_pre2025 u JOIN parcels_synthetic p ON ST_Intersects(u.geom, p.geom) GROUP BY u.code"
for q in a b1 b2 c; do
    t=()
    for ((i = 0; i < runs; ++i)); do
        ms=$("${psql[@]}" -d "$db" -c '\timing on' -c "${SQL[$q]}" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
        t+=("$(awk -v m="$ms" 'BEGIN {print m / 1000}')")
    done
    PG[$q]=$(printf '%s\n' "${t[@]}" | median)
done

# ---- GeoPandas (BENCH_SKIP_GEOPANDAS=1 leaves it out: it takes minutes) ------------------------------
[[ ${BENCH_SKIP_GEOPANDAS:-0} == 1 ]] || eval "$(timeout 3600 /usr/bin/python3 - "$ws" "$runs" <<'PY'
import statistics, sys, time, warnings
import geopandas as gpd
warnings.filterwarnings("ignore")
ws, runs = sys.argv[1], int(sys.argv[2])
parcels = gpd.read_file(ws, layer="parcels_synthetic")
parks = gpd.read_file(ws, layer="industrial_parks")
roads = gpd.read_file(ws, layer="expressways")
units = gpd.read_file(ws, layer="districts_pre2025")
parcels.sindex  # the spatial index is built once, outside the timings

def a():
    near = roads.unary_union.buffer(2000)
    hits = parcels.sindex.query(near, predicate="intersects")
    within = parcels.iloc[hits]
    return len(within), within.area.sum() / 10000

def weighted(zones):
    pieces = gpd.overlay(zones[["code", "geometry"]], parcels[["price_vnd_m2", "geometry"]], how="intersection",
                         keep_geom_type=True)
    pieces["a"] = pieces.area
    pieces["w"] = pieces["a"] * pieces["price_vnd_m2"]
    g = pieces.groupby("code")[["a", "w"]].sum()
    return g["w"] / g["a"]

def c():
    pieces = gpd.overlay(units[["code", "geometry"]], parcels[["geometry"]], how="intersection", keep_geom_type=True)
    pieces["a"] = pieces.area
    return pieces.groupby("code")["a"].agg(["count", "sum"])

for name, fn in (("a", a), ("b1", lambda: weighted(parks)), ("b2", lambda: weighted(units)), ("c", c)):
    times = []
    for _ in range(runs if name in ("a", "b1") else 1):
        s = time.perf_counter()
        fn()
        times.append(time.perf_counter() - s)
    print(f"GP[{name}]={statistics.median(times):.3f}")
PY
)" || echo "GeoPandas did not finish within an hour" >&2

# ---- results -------------------------------------------------------------------------------------
n=$(parcel_count "$ws")
echo
echo "$n synthetic parcels; medians in seconds ($runs runs; GeoPandas b2 and c once); ratio = peer / PlanAtlas"
printf '%-44s %10s %10s %8s %10s %8s\n' question PlanAtlas PostGIS ratio GeoPandas ratio
declare -A labels=([a]="(a) parcels within 2 km of an expressway" [b1]="(b1) land price per industrial park"
        [b2]="(b2) land price per district" [c]="(c) parcel coverage per district")
for q in a b1 b2 c; do
    gp=${GP[$q]:-}
    printf '%-44s %10.2f %10.2f %8.1f %10s %8s\n' "${labels[$q]}" "${PA[$q]}" "${PG[$q]}" \
        "$(awk -v p="${PG[$q]}" -v a="${PA[$q]}" 'BEGIN {print p / a}')" \
        "${gp:-n/a}" "$([[ -n $gp ]] && awk -v p="$gp" -v a="${PA[$q]}" 'BEGIN {printf "%.1f", p / a}' || echo n/a)"
done
echo "PlanAtlas times are end to end (open, analyse, write CSV); peers time the query only."
printf 'Of which process start: planatlas --help %.3f s (gdalinfo --version %.3f s)\n' "$start_pa" "$start_gdal"
echo "Cores: PlanAtlas $cores thread(s); PostgreSQL a leader and $((cores - 1)) parallel worker(s); GeoPandas 1."
echo "Same answers? (a) PlanAtlas within/area_ha: $(tail -1 "$work/pa_a.csv" | cut -d, -f4,5);" \
     "PostGIS count/area_ha: $("${psql[@]}" -d "$db" -At -F, -c "${SQL[a]}")"
echo "PlanAtlas peak memory for (b2)/(c): $((peak / 1024)) MB"
# Issue 17's goals, each judged on these figures (PlanAtlas end to end, peers query time only):
# 3× PostGIS and 10× GeoPandas; under 1 s for (a) and (b1), under 2 s for (b2) and (c).
verdict() { awk -v v="$1" -v lim="$2" -v op="$3" 'BEGIN {ok = op == "<" ? v < lim : v >= lim; print ok ? "met" : "NOT met"}'; }
echo "Goals:"
declare -A limit=([a]=1 [b1]=1 [b2]=2 [c]=2)
for q in a b1 b2 c; do
    ratio=$(awk -v p="${PG[$q]}" -v a="${PA[$q]}" 'BEGIN {print p / a}')
    gp=${GP[$q]:-}
    gpv="n/a"
    [[ -n $gp ]] && gpv=$(verdict "$(awk -v p="$gp" -v a="${PA[$q]}" 'BEGIN {print p / a}')" 10 '>=')
    echo "  ($q) under ${limit[$q]} s: $(verdict "${PA[$q]}" "${limit[$q]}" '<'); 3x PostGIS: $(verdict "$ratio" 3 '>=');" \
         "10x GeoPandas: $gpv"
done
echo "  peak memory under 3 GB: $(verdict "$peak" $((3 * 1024 * 1024)) '<')"
