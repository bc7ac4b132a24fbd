#!/usr/bin/env bash
# Benchmark: the desktop application's canvas with N synthetic parcels (default 1,000,000)
# ticked visible over the Thái Nguyên sample, on Qt's offscreen platform: time to the first
# picture (the programme, without the parcels), time to the full picture with every parcel,
# the longest event-loop stall while the user zooms during rendering, then the full picture
# after a pan, a zoom out, a zoom in (drawn from the parcels' overviews) and a zoom closer than
# the overviews (the parcels drawn), each from the key to the picture. Peer in the same
# run: gdal_rasterize burning the same parcels into a raster the size of the canvas over the
# same extent. Also how long the window stands still opening the workspace and after an edit (a
# task recorded without a place and taken back: two rows in the workspace's edit log each run).
# Medians of R runs. Not a test: by hand or `ctest -L benchmark`.
#   tests/bench/canvas_parcels.sh [BUILD_DIR] [N] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/release}
count=${2:-1000000}
runs=${3:-5}
source tests/bench/common.sh
ws=$(bench_workspace "$build/app/planatlas" "$build" "$count")
out=$(QT_QPA_PLATFORM=offscreen "$build/tests/bench_canvas" "$ws" parcels_synthetic "$runs")
echo "$out"
field() { awk -v k="$1" '{for (i = 1; i < NF; ++i) if ($i == k) print $(i + 1)}' <<<"$out"; }
size=$(field canvas | head -1)
w=${size%x*}
h=${size#*x}
first=$(field first_ms | median)
full=$(field full_ms | median)
stall=$(field stall_ms | median)
pan=$(field pan_ms | median)
zoomOut=$(field zoom_out_ms | median)
zoomIn=$(field zoom_in_ms | median)
close=$(field close_ms | median)
opened=$(field open_ms | median)
edit=$(field edit_ms | median)
# The peer draws the extent the canvas shows at "zoom to the province": the province's
# envelope grown by 5 % and widened to the canvas's aspect, as MapCanvas::zoomTo does.
read -r minx miny maxx maxy < <(/usr/bin/python3 - "$ws" "$w" "$h" <<'PY'
import sys, sqlite3
c = sqlite3.connect(sys.argv[1]); w, h = int(sys.argv[2]), int(sys.argv[3])
x0, y0, x1, y1 = c.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name='province_pre2025'").fetchone()
mpp = 1.05 * max((x1 - x0) / w, (y1 - y0) / h); cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
print(cx - w * mpp / 2, cy - h * mpp / 2, cx + w * mpp / 2, cy + h * mpp / 2)
PY
)
gd=()
for ((i = 0; i < runs; ++i)); do
    s=$(now)
    gdal_rasterize -q -l parcels_synthetic -a price_vnd_m2 -ts "$w" "$h" -te "$minx" "$miny" "$maxx" "$maxy" \
        -ot Float32 -of GTiff "$ws" "$build/bench/canvas_gdal.tif"
    e=$(now)
    gd+=("$(awk -v s="$s" -v e="$e" 'BEGIN {print (e - s) * 1000}')")
    rm -f "$build/bench/canvas_gdal.tif"
done
peer=$(printf '%s\n' "${gd[@]}" | median)
printf '%s parcels; canvas %s px; medians of %d runs\n' "$(parcel_count "$ws")" "$size" "$runs"
printf 'first picture (programme, parcels to follow): %d ms (goal: under 1000 ms)\n' "$first"
printf 'full picture with the parcels:                 %d ms\n' "$full"
printf 'gdal_rasterize of the same parcels and size:   %.0f ms; ratio canvas / gdal_rasterize %.2f\n' "$peer" \
    "$(awk -v a="$full" -v b="$peer" 'BEGIN {print a / b}')"
printf 'longest event-loop stall while zooming:        %d ms (goal: under 50 ms)\n' "$stall"
printf 'full picture after a pan / zoom out / zoom in: %d / %d / %d ms; closer than the overviews: %d ms\n' \
    "$pan" "$zoomOut" "$zoomIn" "$close"
printf 'window still while opening the workspace: %d ms; after an edit (its refresh): %d ms\n' "$opened" "$edit"
worst=$(printf '%s\n' "$pan" "$zoomOut" "$zoomIn" "$close" | sort -n | tail -1)
verdict() { if [ "$1" -lt "$2" ]; then echo met; else echo "NOT met"; fi; }
printf 'goal: full picture under 1000 ms after a pan or zoom: %s (slowest %d ms)\n' "$(verdict "$worst" 1000)" "$worst"
printf 'goal: no event-loop stall over 50 ms: %s\n' "$(verdict "$stall" 50)"
