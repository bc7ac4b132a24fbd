#!/usr/bin/env bash
# Builds PlanAtlas and runs the whole default test suite with CTest, twice:
#  1. the release build (GCC), every test labelled 'quick';
#  2. the 'asan' build (clang, AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer):
#     the same tests under the sanitizers, and each fuzz target fuzzed for a short while
#     (label 'fuzz', about 2 minutes in all; tests/fuzz/run-long.sh fuzzes for longer).
# Slow tests and benchmarks carry the labels 'slow' or 'benchmark' and are left out here;
# run them with: ctest --preset release -L 'slow|benchmark'
# PLANATLAS_SANITIZERS=0 skips the second part (a quicker check while working).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)"
ctest --preset release --parallel "$(nproc)" --label-exclude 'slow|benchmark'

if [ "${PLANATLAS_SANITIZERS:-1}" != 0 ]; then
    echo "== the same tests under AddressSanitizer and UndefinedBehaviorSanitizer, and fuzzing"
    cmake --preset asan >/dev/null
    cmake --build --preset asan --parallel "$(nproc)"
    ctest --preset asan --parallel "$(nproc)" --label-exclude 'slow|benchmark'
fi
