#!/usr/bin/env bash
# Runs every analysis, with the options that change what it computes, on both sample
# workspaces and writes each result as CSV and JSON into OUTDIR (one file per run, stderr
# beside it). Two snapshots taken before and after a refactoring are compared with
# `diff -r BEFORE AFTER`: behaviour that must stay the same shows no difference.
#   scripts/analysis-snapshot.sh OUTDIR [build/release]
set -uo pipefail
out=${1:?usage: analysis-snapshot.sh OUTDIR [BUILD_DIR]}
build=${2:-build/release}
planatlas=$build/app/planatlas
mkdir -p "$out"
run() { # name ws args...
    local name=$1 ws=$2
    shift 2
    for format in csv json; do
        "$planatlas" analyze "$build/data/$ws.gpkg" "$@" --format "$format" >"$out/$ws.$name.$format" \
            2>"$out/$ws.$name.$format.stderr"
        echo "exit $?" >>"$out/$ws.$name.$format.stderr"
    done
}
for ws in thai_nguyen thanh_hoa; do
    run coverage "$ws" coverage --units districts_pre2025
    run coverage_province "$ws" coverage --units province
    run footprint_task "$ws" footprint --by task
    run footprint_agency "$ws" footprint --by agency --units districts_pre2025
    run footprint_document "$ws" footprint --by document
    run footprint_unlocated "$ws" footprint --unlocated
    run footprint_due "$ws" footprint --by agency --due-before 2025-12-31
    run overlaps "$ws" overlaps
    run overlaps_pairs "$ws" overlaps --pairs industrial_park:industrial_park --min-ha 0,5
    run corridor "$ws" corridor
    run corridor_2_5 "$ws" corridor --distance-km 2,5 --status existing
    run access_expressway "$ws" access --to expressway
    run access_city "$ws" access --to urban_centre:provincial
    run zonal "$ws" zonal --values land_price_illustrative
    run zonal_kinds "$ws" zonal --values land_price_illustrative --kinds industrial_park
    run zonal_units "$ws" zonal --values land_price_illustrative --units districts_pre2025
    run targets "$ws" targets
    run bad_name "$ws" nonsense
    run bad_option "$ws" access --to railway
done
echo "snapshot in $out: $(ls "$out" | grep -vc stderr) outputs"
