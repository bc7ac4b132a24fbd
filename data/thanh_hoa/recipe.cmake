# The Thanh Hóa sample workspace from the sources beside this file (see data/README.md), with
# the plan QĐ 1992/QĐ-UBND (a decision with its action programme attached) and the reviewed
# links of its tasks to the programme features.
include(${CMAKE_CURRENT_LIST_DIR}/../recipe_common.cmake)
set(TH ${CMAKE_CURRENT_LIST_DIR})

planatlas(init "${WS}" --province "Thanh Hóa" --crs EPSG:5897)
planatlas(import "${WS}" ${TH}/province_odm.geojson
          --kind admin_province --layer province --code-field ma_tinh --code-prefix TINH-
          --title-vi "Tỉnh Thanh Hóa (không đổi năm 2025)" --title-en "Thanh Hóa province (unchanged in 2025)"
          --source "Open Development Mekong, Địa phận tỉnh (ODM a-phn-tnh)" --licence "CC BY-SA 4.0"
          --attribution "${ODM_ATTRIBUTION}" --quiet)
planatlas(import "${WS}" ${TH}/districts_pre2025_geoboundaries.geojson
          --kind admin_district --layer districts_pre2025 --code-field shapeID
          --title-vi "Huyện, thị xã, thành phố (bố cục 2020, trước 01/7/2025)"
          --title-en "Districts (2020 layout, before 1 July 2025)"
          --source "geoBoundaries VNM-ADM2-81297802 (simplified, geometry looks like the 2012-2015 layout)"
          --licence "CC BY 3.0 IGO" --attribution "${GB_ATTRIBUTION}" --valid-to 2025-06-30 --quiet)
planatlas(import "${WS}" ${TH}/programme/district_2024_merger.geojson
          --kind admin_district --layer district_2024_merger
          --title-vi "Thành phố Thanh Hóa sau khi nhập huyện Đông Sơn" --title-en "Thanh Hóa city after absorbing Đông Sơn"
          --source "Union of two units of the geoBoundaries layer (PlanAtlas)" --licence "CC BY 3.0 IGO"
          --attribution "${GB_ATTRIBUTION} Merged by PlanAtlas." --quiet)
planatlas(crosswalk "${WS}" ${TH}/crosswalk.csv)
locator_basemap()
programme_layers(${TH}/programme
  "industrial_parks|industrial_park|Khu công nghiệp (vị trí chỉ dẫn)|Industrial parks (indicative)"
  "economic_zones|economic_zone|Khu kinh tế Nghi Sơn (phần đất liền, chỉ dẫn)|Nghi Sơn economic zone (land part, indicative)"
  "expressways|expressway|Đường cao tốc (tuyến chỉ dẫn)|Expressways (indicative alignment)"
  "urban_centres|urban_centre|Đô thị (vị trí chỉ dẫn)|Urban centres (indicative)")
planatlas(ingest "${WS}" ${TH}/plans/thanh-hoa_ctr-hanh-dong-nq29_qd1992_2023.txt --doc-id qd-1992)
execute_process(COMMAND "${PLANATLAS}" link "${WS}" suggest OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
planatlas(link "${WS}" review ${TH}/task_review.csv)
finish()
