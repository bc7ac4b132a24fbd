#!/usr/bin/env bash
# Builds PlanAtlas (release preset) and runs its main job on the bundled Thái Nguyên sample:
# the build makes the workspace from data/ (see data/README.md); this describes and checks it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)"
planatlas=build/release/app/planatlas
workspace=build/release/data/thai_nguyen.gpkg
"$planatlas" info "$workspace"
echo
"$planatlas" validate "$workspace"
echo
echo "Sample workspace: $workspace (open it in QGIS or with: $planatlas info $workspace)"
