#!/usr/bin/env bash
# Fuzzes every target (or those named) for longer than the test suite does, one after another,
# in the 'asan' build (configure and build it first: cmake --preset asan && cmake --build
# --preset asan). Findings land in build/asan/tests/fuzz/artifacts/; the corpus grows in
# build/asan/tests/fuzz/corpus/ and is reused by later runs.
#
# usage: tests/fuzz/run-long.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600, all targets)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(plan_text docx text import review_csv)
build=${PLANATLAS_FUZZ_BUILD:-build/asan} # the asan preset's build folder
[[ -x $build/tests/fuzz/fuzz_text ]] || { echo "no fuzz build in $build: cmake --preset asan && cmake --build --preset asan" >&2; exit 2; }
build=$(realpath "$build")
export OMP_THREAD_LIMIT=1 PLANATLAS_FUZZ_WORKSPACE=$build/data/thai_nguyen.gpkg
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0
for t in "${targets[@]}"; do
  seeds=()
  for d in tests/fuzz/seeds/$t tests/fuzz/regressions/$t $build/tests/fuzz/seeds/$t; do
    [[ -d $d ]] && seeds+=("$d")
  done
  mkdir -p "$build/tests/fuzz/corpus/$t" "$build/tests/fuzz/artifacts"
  echo "== $t: $seconds s"
  if ! "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/tests/fuzz/artifacts/$t-" \
      "$build/tests/fuzz/corpus/$t" "${seeds[@]}" 2>"$build/tests/fuzz/$t.log"; then
    status=1
    echo "   finding: see $build/tests/fuzz/$t.log and $build/tests/fuzz/artifacts/"
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$build/tests/fuzz/$t.log" | sed 's/^/   /'
done
exit $status
