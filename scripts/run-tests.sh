#!/usr/bin/env bash
# Builds PlanAtlas (release preset) and runs the whole default test suite with CTest.
# Slow tests and benchmarks carry the labels 'slow' or 'benchmark' and are left out here;
# run them with: ctest --preset release -L 'slow|benchmark'
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)"
ctest --preset release --parallel "$(nproc)" --label-exclude 'slow|benchmark'
