#!/usr/bin/env bash
# Builds PlanAtlas (release preset) and runs its main job on the bundled Thái Nguyên sample:
# the build makes the workspace from data/ (see data/README.md); this describes and checks it
# and runs the coverage analyses and maps into build/release/sample-output/.
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
out=build/release/sample-output
mkdir -p "$out"
"$planatlas" analyze "$workspace" coverage --units districts_pre2025 -o "$out/coverage_by_district.csv"
"$planatlas" analyze "$workspace" footprint --by agency --units districts_pre2025 -o "$out/footprint_by_agency.csv"
"$planatlas" analyze "$workspace" footprint --unlocated -o "$out/tasks_without_place.csv"
"$planatlas" analyze "$workspace" overlaps -o "$out/overlaps.csv"
"$planatlas" analyze "$workspace" corridor --distance-km 5 -o "$out/corridor_5km.csv"
"$planatlas" analyze "$workspace" access --to urban_centre:provincial -o "$out/access_to_city.csv"
"$planatlas" analyze "$workspace" zonal --values land_price_illustrative -o "$out/land_price_by_feature_ILLUSTRATIVE.csv"
"$planatlas" analyze "$workspace" targets -o "$out/targets.csv"
"$planatlas" map "$workspace" -o "$out/map_programme.pdf" --page A3 --dpi 200 --quiet
"$planatlas" map "$workspace" -o "$out/map_programme.png" --quiet
"$planatlas" map "$workspace" -o "$out/map_corridor_5km.png" --theme corridor --quiet
"$planatlas" map "$workspace" -o "$out/map_industrial_coverage.png" --theme coverage --quiet
"$planatlas" map "$workspace" -o "$out/map_land_price_ILLUSTRATIVE.png" --theme landprice --quiet
"$planatlas" map "$workspace" -o "$out/map_agriculture_department.png" \
    --highlight "agency:Sở Nông nghiệp và Phát triển nông thôn" --quiet
"$planatlas" report "$workspace" -o "$out/report" --quiet
echo
echo "Targets the map can measure (programme geometry is indicative, see data/README.md):"
grep -E 'expressway|forest|industrial' "$out/targets.csv" | cut -d, -f1,5,10,11 | sed 's/^/  /'
echo
echo "Sample workspace: $workspace"
echo "  in QGIS: Project > Open From > GeoPackage > $workspace > planatlas (styles, relations,"
echo "  map themes, print layouts); or: $planatlas info $workspace"
echo "Report: $out/report/index.html (self-contained; its tables also as CSV beside it)"
echo "Analyses and maps: $out/"
ls -1 "$out" | sed 's/^/  /'
echo "Second sample (QĐ 1992/QĐ-UBND with its reviewed links): build/release/data/thanh_hoa.gpkg"
