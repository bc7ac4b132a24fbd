# Shared by the sample recipes (data/<province>/recipe.cmake), run in CMake script mode:
#   cmake -DPLANATLAS=path/to/planatlas -DOUT=path/to/sample.gpkg -P data/<province>/recipe.cmake
# The workspace is built aside and moved into place at the end, so a failed recipe leaves none.
cmake_minimum_required(VERSION 3.25)
if(NOT PLANATLAS OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DPLANATLAS=planatlas -DOUT=sample.gpkg -P ${CMAKE_SCRIPT_MODE_FILE}")
endif()

set(ODM_ATTRIBUTION "Province boundaries: Open Development Vietnam (Open Development Mekong), CC BY-SA 4.0.")
set(GB_ATTRIBUTION "District boundaries: OCHA ROAP / Government of Viet Nam, via geoBoundaries (Runfola et al. 2020, VNM-ADM2-81297802), CC BY 3.0 IGO.")
set(LEGO_ATTRIBUTION "CTU-SematX LegoCity open data, CC BY-SA 4.0 (as stated by the repository, upstream source not stated).")
set(OURS_ATTRIBUTION "Indicative geometry: PlanAtlas contributors, digitised from published figures and place names, not surveyed.")

# Built under its final file name in a folder aside: the QGIS project inside it reads its
# layers from "./<file name>".
get_filename_component(WS_NAME "${OUT}" NAME)
set(WS_DIR "${OUT}.building")
set(WS "${WS_DIR}/${WS_NAME}")
file(REMOVE_RECURSE "${WS_DIR}")
file(MAKE_DIRECTORY "${WS_DIR}")

# planatlas(ARGS…): runs the CLI; any failure stops the recipe.
function(planatlas)
  execute_process(COMMAND "${PLANATLAS}" ${ARGN} COMMAND_ERROR_IS_FATAL ANY)
endfunction()

# programme_layers(DIR "layer|kind|title vi|title en" …): imports DIR/<layer>.geojson as
# indicative programme layers drawn by data/tools/make_indicative.py.
function(programme_layers dir)
  foreach(entry IN LISTS ARGN)
    string(REPLACE "|" ";" parts "${entry}")
    list(GET parts 0 layer)
    list(GET parts 1 kind)
    list(GET parts 2 title_vi)
    list(GET parts 3 title_en)
    planatlas(import "${WS}" "${dir}/${layer}.geojson" --kind ${kind} --layer ${layer} --quality indicative
              --title-vi "${title_vi}" --title-en "${title_en}"
              --source "PlanAtlas sample: positions placed by hand from the plan documents, press reports and place names, see each feature's source"
              --licence "CC BY 4.0" --attribution "${OURS_ATTRIBUTION}" --quiet)
  endforeach()
endfunction()

# locator_basemap(): the 34 provinces of 2025 as a reference layer, for the locator inset of maps.
function(locator_basemap)
  planatlas(import "${WS}" ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/vietnam/vn_provinces_34_2025_derived_odm.geojson
            --kind basemap --layer vietnam_provinces_2025 --code-field ma_tinh_2025 --code-prefix NEN-TINH2025-
            --title-vi "Các tỉnh, thành phố Việt Nam (từ 01/7/2025)" --title-en "Provinces of Viet Nam (from 1 July 2025)"
            --source "Open Development Mekong, merged to the 34 provinces of 2025 (Nghị quyết 202/2025/QH15)"
            --licence "CC BY-SA 4.0" --attribution "${ODM_ATTRIBUTION} Merged to 2025 provinces." --quiet)
endfunction()

# finish(): moves the finished workspace into place.
function(finish)
  file(RENAME "${WS}" "${OUT}")
  file(REMOVE_RECURSE "${WS_DIR}")
endfunction()
