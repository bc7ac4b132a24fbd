# The Thái Nguyên sample workspace from the sources beside this file (see data/README.md).
include(${CMAKE_CURRENT_LIST_DIR}/../recipe_common.cmake)
set(TN ${CMAKE_CURRENT_LIST_DIR})
set(VN ${CMAKE_CURRENT_LIST_DIR}/../vietnam)

planatlas(init "${WS}" --province "Thái Nguyên" --crs EPSG:9213)
# Administrative units, with validity and the 2025 crosswalk.
planatlas(import "${WS}" ${TN}/province_pre2025_odm.geojson
          --kind admin_province --layer province_pre2025 --code-field ma_tinh --code-prefix TINH2024-
          --title-vi "Tỉnh Thái Nguyên (trước 01/7/2025)" --title-en "Thái Nguyên province (before 1 July 2025)"
          --source "Open Development Mekong, Địa phận tỉnh (ODM a-phn-tnh)" --licence "CC BY-SA 4.0"
          --attribution "${ODM_ATTRIBUTION}" --valid-to 2025-06-30 --quiet)
planatlas(import "${WS}" ${TN}/province_2025_derived_odm.geojson
          --kind admin_province --layer province_2025 --code-field ma_tinh_2025 --code-prefix TINH2025-
          --title-vi "Tỉnh Thái Nguyên (từ 01/7/2025)" --title-en "Thái Nguyên province (from 1 July 2025)"
          --source "Open Development Mekong, merged to 2025 provinces (Nghị quyết 202/2025/QH15)"
          --licence "CC BY-SA 4.0" --attribution "${ODM_ATTRIBUTION} Merged to 2025 provinces."
          --valid-from 2025-07-01 --quiet)
planatlas(import "${WS}" ${TN}/districts_pre2025_geoboundaries.geojson
          --kind admin_district --layer districts_pre2025 --code-field shapeID
          --title-vi "Huyện, thành phố (trước 01/7/2025)" --title-en "Districts (before 1 July 2025)"
          --source "geoBoundaries VNM-ADM2-81297802 (simplified)" --licence "CC BY 3.0 IGO"
          --attribution "${GB_ATTRIBUTION}" --valid-to 2025-06-30 --quiet)
planatlas(crosswalk "${WS}" ${TN}/crosswalk_2025.csv)
locator_basemap()
# Reference networks (small-scale, pre-expressway) that cross the province.
planatlas(import "${WS}" ${VN}/vn_transport_network_smallscale.geojson
          --kind road --layer national_roads --where "crosses_thai_nguyen = 1 AND ma = 'HA13'"
          --field road_class=cap_duong --title-vi "Quốc lộ (bản đồ tỷ lệ nhỏ)" --title-en "National roads (small scale)"
          --source "LegoCity giaothong.geojson, positions several hundred metres to over 1 km off"
          --licence "CC BY-SA 4.0" --attribution "${LEGO_ATTRIBUTION}" --quiet)
planatlas(import "${WS}" ${VN}/vn_transport_network_smallscale.geojson
          --kind railway --layer railways --where "crosses_thai_nguyen = 1 AND ma = 'HB01'"
          --title-vi "Đường sắt (bản đồ tỷ lệ nhỏ)" --title-en "Railways (small scale)"
          --source "LegoCity giaothong.geojson, positions several hundred metres to over 1 km off"
          --licence "CC BY-SA 4.0" --attribution "${LEGO_ATTRIBUTION}" --quiet)
planatlas(import "${WS}" ${VN}/vn_hydropower_plants.geojson
          --kind infrastructure --layer hydropower --where "province_pre2025_by_location = 'Thái Nguyên'"
          --title-vi "Nhà máy thủy điện" --title-en "Hydropower plants"
          --source "LegoCity thuydien.geojson, statuses from the mid-2010s"
          --licence "CC BY-SA 4.0" --attribution "${LEGO_ATTRIBUTION}" --quiet)
# The programme: the four plan documents.
planatlas(ingest "${WS}" ${TN}/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt --doc-id cv-2907)
planatlas(ingest "${WS}" ${TN}/plans/thai-nguyen_kh-co-cau-lai-nen-kinh-te-nq54_2023.txt --doc-id kh-nq54)
planatlas(ingest "${WS}" ${TN}/plans/thai-nguyen_kh-thuc-hien-ctr37-nq29_2023.txt --doc-id kh-ctr37)
planatlas(ingest "${WS}" ${TN}/plans/thai-nguyen_nq-hdnd-ke-hoach-ktxh-2021-2025.txt --doc-id nq-ktxh-2021-2025)
# Programme features (indicative), the illustrative land price, and the reviewed links to tasks.
programme_layers(${TN}/programme
  "industrial_parks|industrial_park|Khu công nghiệp (QĐ 222/QĐ-TTg, vị trí chỉ dẫn)|Industrial parks (QĐ 222/QĐ-TTg, indicative)"
  "hitech_zones|hitech_zone|Khu CNTT tập trung (vị trí chỉ dẫn)|Concentrated IT park (indicative)"
  "industrial_clusters|industrial_cluster|Cụm công nghiệp (vị trí chỉ dẫn)|Industrial clusters (indicative)"
  "expressways|expressway|Đường cao tốc (tuyến chỉ dẫn)|Expressways (indicative alignment)"
  "agri_zones|agri_zone|Vùng sản xuất nông nghiệp tập trung (vị trí chỉ dẫn)|Agricultural concentration zones (indicative)"
  "urban_centres|urban_centre|Đô thị (vị trí chỉ dẫn)|Urban centres (indicative)"
  "tourism_areas|tourism_area|Khu du lịch, di tích (vị trí chỉ dẫn)|Tourism and heritage areas (indicative)"
  "markets|market_logistics|Chợ đầu mối, hội chợ triển lãm (vị trí chỉ dẫn)|Wholesale markets and exhibition centre (indicative)"
  "regions|other|Khu vực phía Nam của tỉnh|Southern region of the province")
planatlas(import "${WS}" ${TN}/land_price_illustrative.csv --kind land_price
          --layer land_price_illustrative --join districts_pre2025:name_vi=ten_don_vi
          --field land_use=loai_dat --field decision_ref=quyet_dinh
          --title-vi "Giá đất sản xuất kinh doanh (MINH HỌA, không phải giá thật)"
          --title-en "Land price for business use (ILLUSTRATIVE, not real prices)"
          --source "illustrative: values made up by PlanAtlas for the demo, joined to the district layer"
          --licence "CC BY 4.0" --attribution "Illustrative land prices: PlanAtlas contributors (not from any decision)."
          --quiet)
execute_process(COMMAND "${PLANATLAS}" link "${WS}" suggest OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
planatlas(link "${WS}" review ${TN}/task_review.csv)
# A test map sheet drawn from the open data above, placed by its grid, and a road traced over
# it by hand: the sample's one digitised layer (see test_sheet/README.md).
include(${TN}/test_sheet/sheet.cmake)
test_sheet(${WS_DIR}/to_thu_phia_nam_thai_nguyen.png ${WS_DIR})
set(SHEET_ATTRIBUTION "Test sheet drawn by PlanAtlas contributors from ${GB_ATTRIBUTION} ${LEGO_ATTRIBUTION}")
planatlas(georef "${WS}" ${WS_DIR}/to_thu_phia_nam_thai_nguyen.png --gcp ${TN}/test_sheet/control_points.csv
          --gcp-crs EPSG:3405 --method affine --layer test_sheet --sheet-date 2026-12-03
          --title-vi "Tờ thử phía Nam Thái Nguyên (vẽ từ dữ liệu mở, không phải bản đồ quy hoạch)"
          --title-en "Test sheet, southern Thái Nguyên (drawn from open data, not a plan map)"
          --source "drawn by the sample recipe with GDAL from the district and transport layers of the sample"
          --licence "CC BY-SA 4.0" --attribution "${SHEET_ATTRIBUTION}")
planatlas(import "${WS}" ${TN}/test_sheet/traced_road.geojson --kind road --layer roads_traced_test
          --traced-from test_sheet
          --title-vi "Quốc lộ qua Phổ Yên (số hóa thử trên tờ thử)"
          --title-en "National road through Phổ Yên (test tracing over the test sheet)"
          --source "traced by hand over the test sheet by PlanAtlas contributors"
          --licence "CC BY-SA 4.0" --attribution "Traced over the test sheet. ${SHEET_ATTRIBUTION}" --quiet)
finish()
