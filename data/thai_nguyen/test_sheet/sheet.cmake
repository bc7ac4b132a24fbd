# The Thái Nguyên sample's test map sheet: a map drawn by GDAL from the open data beside the
# recipe, standing in for a scanned quy hoạch sheet so that the sample can show tracing over
# a sheet (see README.md in this folder). It is drawn in VN-2000 / UTM zone 48N (EPSG:3405),
# not in the workspace's CRS, and leaves no georeferencing in the PNG: it is placed again
# from the grid by control_points.csv, as a planner places a scan.
#
# test_sheet(PNG WORKDIR): writes the sheet to PNG, using WORKDIR for intermediate files.
function(test_sheet png workdir)
  foreach(tool IN ITEMS ogr2ogr gdal_create gdal_rasterize gdal_translate)
    find_program(tool_${tool} ${tool} REQUIRED)
  endforeach()
  set(here ${CMAKE_CURRENT_FUNCTION_LIST_DIR})
  set(x0 565000)
  set(y0 2355000)
  set(x1 612000)
  set(y1 2398000)
  set(src ${workdir}/test_sheet_sources.gpkg)
  set(tif ${workdir}/test_sheet.tif)
  file(REMOVE ${src} ${tif})
  # The 5 km grid and the neat line, as WKT.
  set(grid "id,WKT\n")
  foreach(x RANGE ${x0} ${x1} 5000)
    string(APPEND grid "${x},\"LINESTRING(${x} ${y0},${x} ${y1})\"\n")
  endforeach()
  foreach(y RANGE ${y0} ${y1} 5000)
    string(APPEND grid "${y},\"LINESTRING(${x0} ${y},${x1} ${y})\"\n")
  endforeach()
  string(APPEND grid "0,\"LINESTRING(${x0} ${y0},${x1} ${y0},${x1} ${y1},${x0} ${y1},${x0} ${y0})\"\n")
  file(WRITE ${workdir}/test_sheet_grid.csv "${grid}")
  set(run COMMAND_ERROR_IS_FATAL ANY OUTPUT_QUIET)
  execute_process(COMMAND ${tool_ogr2ogr} -f GPKG ${src} ${here}/../districts_pre2025_geoboundaries.geojson
                          -nln districts -t_srs EPSG:3405 -dialect sqlite
                          -sql "SELECT ST_Boundary(geometry) AS geom FROM thai_nguyen_districts_pre2025_geoboundaries"
                  ${run})
  execute_process(COMMAND ${tool_ogr2ogr} -f GPKG -update ${src} ${workdir}/test_sheet_grid.csv
                          -nln grid -a_srs EPSG:3405 -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO
                  ${run})
  foreach(pair IN ITEMS "roads|HA13" "railways|HB01")
    string(REPLACE "|" ";" pair "${pair}")
    list(GET pair 0 layer)
    list(GET pair 1 code)
    execute_process(COMMAND ${tool_ogr2ogr} -f GPKG -update ${src}
                            ${here}/../../vietnam/vn_transport_network_smallscale.geojson
                            -nln ${layer} -t_srs EPSG:3405 -where "ma = '${code}'" ${run})
  endforeach()
  # 20 m pixels on cream paper; grid, district boundaries, roads and railways on top.
  execute_process(COMMAND ${tool_gdal_create} -q -of GTiff -outsize 2350 2150 -bands 3 -ot Byte
                          -burn 250 -burn 248 -burn 240 -a_srs EPSG:3405 -a_ullr ${x0} ${y1} ${x1} ${y0}
                          ${tif} ${run})
  foreach(layer IN ITEMS
      "ST_Buffer(geom, 10)|grid|185;200;220"
      "ST_Buffer(geom, 15)|districts|120;70;140"
      "ST_Buffer(geom, 28)|roads|205;60;40"
      "ST_Buffer(geom, 14)|railways|30;30;30")
    string(REPLACE "|" ";" layer "${layer}")
    list(GET layer 0 shape)
    list(GET layer 1 table)
    list(GET layer 2 red)
    list(GET layer 3 green)
    list(GET layer 4 blue)
    execute_process(COMMAND ${tool_gdal_rasterize} -q -b 1 -b 2 -b 3 -burn ${red} -burn ${green} -burn ${blue}
                            -dialect sqlite -sql "SELECT ${shape} FROM ${table}" ${src} ${tif}
                    ${run})
  endforeach()
  # A PNG with no georeferencing at all: no world file, no .aux.xml.
  execute_process(COMMAND ${tool_gdal_translate} -q --config GDAL_PAM_ENABLED NO -of PNG ${tif} ${png} ${run})
endfunction()
