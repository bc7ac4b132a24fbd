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

set(WS "${OUT}.building.gpkg")
file(REMOVE "${WS}")

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

# finish(): moves the finished workspace into place.
function(finish)
  file(RENAME "${WS}" "${OUT}")
endfunction()
