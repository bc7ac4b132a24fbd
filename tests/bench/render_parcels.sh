#!/usr/bin/env bash
# Benchmark: render N synthetic parcels (default 1,000,000) over the Thái Nguyên sample to an
# A3 page at 300 dpi (4961 × 3508 px), PlanAtlas's `map --theme landprice` against a peer doing
# comparable work in the same run: GDAL's gdal_rasterize burning the same polygons' prices into
# a raster of the same size. Prints medians of R runs and their ratio. Not a test: run by hand
# or with `ctest -L benchmark`.
#   tests/bench/render_parcels.sh [BUILD_DIR] [N] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/release}
count=${2:-1000000}
runs=${3:-3}
planatlas=$build/app/planatlas
work=$build/bench
mkdir -p "$work"
source tests/bench/common.sh
ws=$(bench_workspace "$planatlas" "$build" "$count")
seconds() { local s e; s=$(now); "$@" >/dev/null 2>&1; e=$(now); elapsed "$s" "$e"; }

# The extent both draw: the province of the plan's period (pre-2025), as the map frames it.
read -r minx miny maxx maxy < <(/usr/bin/python3 - "$ws" <<'PY'
import sys, sqlite3
c = sqlite3.connect(sys.argv[1])
print(*c.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name='province_pre2025'").fetchone())
PY
)
pa=(); gd=()
for ((i = 0; i < runs; ++i)); do
    pa+=("$(seconds "$planatlas" map "$ws" -o "$work/parcels.png" --theme landprice --layers parcels_synthetic \
        --page A3 --dpi 300 --quiet)")
    gd+=("$(seconds gdal_rasterize -q -l parcels_synthetic -a price_vnd_m2 -ts 4961 3508 -te "$minx" "$miny" "$maxx" "$maxy" \
        -ot Float32 -of GTiff "$ws" "$work/parcels_gdal.tif")")
    rm -f "$work/parcels_gdal.tif"
done
drawn=$("$planatlas" map "$ws" -o "$work/parcels.png" --theme landprice --layers parcels_synthetic --page A3 --dpi 300 \
        | sed -n 's/.*: \([0-9]*\) feature(s).*/\1/p')
m_pa=$(printf '%s\n' "${pa[@]}" | median)
m_gd=$(printf '%s\n' "${gd[@]}" | median)
printf 'parcels in the layer: %s; features drawn on the A3 map: %s\n' "$(parcel_count "$ws")" "$drawn"
printf 'planatlas map (A3, 300 dpi, PNG): median %.2f s of %d runs\n' "$m_pa" "$runs"
printf 'gdal_rasterize (same size, GTiff): median %.2f s of %d runs\n' "$m_gd" "$runs"
printf 'ratio planatlas / gdal_rasterize: %.2f\n' "$(awk -v a="$m_pa" -v b="$m_gd" 'BEGIN {print a / b}')"
