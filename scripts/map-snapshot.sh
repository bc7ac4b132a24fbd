#!/usr/bin/env bash
# Draws every map theme, in the layouts that change how a map is composed (landscape and
# portrait pages, a pixel size, English), on both sample workspaces into OUTDIR (PNG and SVG,
# the messages beside each). Two snapshots taken before and after a change to the renderer are
# compared with `diff -r BEFORE AFTER` (or `cmp` file by file): a refactoring of the map
# composition must show no difference. The footer carries the date: take both on one day.
#   scripts/map-snapshot.sh OUTDIR [build/release]
set -uo pipefail
out=${1:?usage: map-snapshot.sh OUTDIR [BUILD_DIR]}
build=${2:-build/release}
planatlas=$build/app/planatlas
mkdir -p "$out"
run() { # name ws args...
    local name=$1 ws=$2
    shift 2
    for ext in png svg; do
        "$planatlas" map "$build/data/$ws.gpkg" -o "$out/$ws.$name.$ext" "$@" \
            >"$out/$ws.$name.$ext.log" 2>&1
        echo "exit $?" >>"$out/$ws.$name.$ext.log"
        # The messages name the output by its path: without OUTDIR, two snapshots compare.
        sed -i "s|$out/||g" "$out/$ws.$name.$ext.log"
    done
}
for ws in thai_nguyen thanh_hoa; do
    run programme "$ws"
    run programme_portrait "$ws" --orientation portrait
    run programme_en "$ws" --lang en
    run programme_small "$ws" --size 900x800
    run coverage "$ws" --theme coverage
    run coverage_clusters "$ws" --theme coverage --kind industrial_cluster --units districts_pre2025
    run landprice "$ws" --theme landprice
    run corridor "$ws" --theme corridor --distance-km 2,5
    run agency "$ws" --theme agency --highlight "agency:Sở Công Thương"
    run agency_due "$ws" --theme agency --highlight "agency:Sở Công Thương" --by-deadline
done
