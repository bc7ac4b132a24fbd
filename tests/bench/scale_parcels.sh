#!/usr/bin/env bash
# Benchmark (issue 17, item 3): how PlanAtlas's parcel questions grow with the number of parcels,
# by default at 1, 3 and 10 million synthetic parcels over the Thái Nguyên sample (each
# workspace generated once with `planatlas parcels` and kept in BUILD_DIR/bench):
#   (a) parcels within 2 km of an expressway          analyze corridor --layer
#   (b1) area-weighted land price per industrial park  analyze zonal --kinds industrial_park
#   (b2/c) land price and parcel coverage per district analyze zonal --units
# Each is timed end to end (open the GeoPackage, analyse, write CSV; median of RUNS) with its
# peak memory (largest resident set of the runs), then the time per million parcels at each size
# says whether it grows linearly, and the issue's goals at 10 million are judged (< 15 s,
# < 1 GB each). PostGIS and GeoPandas are compared at one size by analyses_parcels.sh.
# Not part of the default test run; by hand:
#   tests/bench/scale_parcels.sh [BUILD_DIR] [RUNS] [COUNT…]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/release}
runs=${2:-3}
counts=("${@:3}")
((${#counts[@]})) || counts=(1000000 3000000 10000000)
planatlas=$(realpath "$build/app/planatlas")
work=$(realpath -m "$build/bench")
mkdir -p "$work"
source tests/bench/common.sh

declare -A ARGS=(
    [a]="corridor --distance-km 2 --layer parcels_synthetic"
    [b1]="zonal --values parcels_synthetic --kinds industrial_park"
    [b2]="zonal --values parcels_synthetic --units districts_pre2025")
questions=(a b1 b2)
declare -A T M N
for count in "${counts[@]}"; do
    ws=$(bench_workspace "$planatlas" "$build" "$count")
    N[$count]=$(parcel_count "$ws")
    for q in "${questions[@]}"; do
        t=() peak=0
        for ((i = 0; i < runs; ++i)); do
            # shellcheck disable=SC2086 # the arguments are words
            /usr/bin/time -f '%e %M' -o "$work/scale_time.txt" \
                "$planatlas" analyze "$ws" ${ARGS[$q]} -o "$work/scale_$q.csv" 2>/dev/null
            read -r e kb < <(tail -1 "$work/scale_time.txt")
            t+=("$e")
            ((kb > peak)) && peak=$kb
        done
        T[$count,$q]=$(printf '%s\n' "${t[@]}" | median)
        M[$count,$q]=$((peak / 1024))
    done
done

echo
echo "PlanAtlas end to end, median of $runs runs (s) and peak memory (MB); threads: ${PLANATLAS_THREADS:-$(nproc)}"
printf '%12s' parcels
for q in "${questions[@]}"; do printf ' %9s %7s' "($q) s" MB; done
printf ' %s\n' "   time per million parcels (s): (a) (b1) (b2/c)"
for count in "${counts[@]}"; do
    printf '%12s' "${N[$count]}"
    for q in "${questions[@]}"; do printf ' %9.2f %7d' "${T[$count,$q]}" "${M[$count,$q]}"; done
    printf '   '
    for q in "${questions[@]}"; do
        awk -v t="${T[$count,$q]}" -v n="${N[$count]}" 'BEGIN {printf " %5.2f", t / (n / 1e6)}'
    done
    echo
done
first=${counts[0]} last=${counts[-1]}
echo "Growth from ${N[$first]} to ${N[$last]} parcels ($(awk -v a="${N[$first]}" -v b="${N[$last]}" 'BEGIN {printf "%.1f", b / a}')× the parcels):"
for q in "${questions[@]}"; do
    echo "  ($q) time $(awk -v a="${T[$first,$q]}" -v b="${T[$last,$q]}" 'BEGIN {printf "%.1f", b / a}')×," \
         "memory $(awk -v a="${M[$first,$q]}" -v b="${M[$last,$q]}" 'BEGIN {printf "%.1f", b / a}')×"
done
if ((N[$last] >= 9500000)); then
    echo "Goals at ${N[$last]} parcels:"
    for q in "${questions[@]}"; do
        echo "  ($q) under 15 s: $(awk -v t="${T[$last,$q]}" 'BEGIN {print t < 15 ? "met" : "NOT met"}');" \
             "under 1 GB: $(awk -v m="${M[$last,$q]}" 'BEGIN {print m < 1024 ? "met" : "NOT met"}')"
    done
fi
