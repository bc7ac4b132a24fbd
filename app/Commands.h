// Every subcommand of planatlas, declared once: its name, what it does, the function that runs
// it and which program holds it. Included by main.cpp (dispatch and usage text) and by
// Launcher.cpp (which program to start).
//
// Two programs, so that a command pays only for the libraries it uses: Qt's painter and the
// thirty libraries it loads take about 20 ms at every start, which an analysis of 0.2 s would
// otherwise pay too.
//   Core — planatlas-core: opening, checking and sharing workspaces, plan documents, links,
//          analyses; no Qt (it does load Poppler and Tesseract, a few ms, for ingest).
//   Maps — planatlas-maps: every command, with the map painter and the QGIS styles (Qt).
// The 'planatlas' users run is a launcher of a few kilobytes that starts the one a command
// needs (Launcher.cpp).
//
// X(name, summary, function, program, ocr): ocr says the command may run Tesseract, which must
// start with OMP_THREAD_LIMIT=1 (see pa::plan::limitOcrThreads); the launcher sets it before
// starting the program, so that the program need not restart itself.
#pragma once

#define PLANATLAS_COMMANDS(X)                                                                      \
    X(init, "create a workspace (GeoPackage) for a province", runInit, Maps, false)                \
    X(import, "import a GIS file as a layer of a given kind", runImport, Maps, false)              \
    X(ingest, "read a plan document into tasks, agencies, targets and places", runIngest, Core,    \
      true)                                                                                        \
    X(link, "suggest, review and edit feature–task links", runLink, Core, false)                   \
    X(task, "correct what the plan reader produced (lead, deadline, split, merge, not a task)",    \
      runTask, Core, false)                                                                        \
    X(crosswalk, "load old → new administrative-unit relations", runCrosswalk, Core, false)        \
    X(analyze,                                                                                     \
      "run an analysis (coverage, footprint, overlaps, corridor, access, zonal, targets)",         \
      runAnalyze, Core, false)                                                                     \
    X(georef, "place a scanned or PDF map sheet on the map by control points", runGeoref, Maps,    \
      false)                                                                                       \
    X(grid, "make a regular analysis grid over the province", runGrid, Maps, false)                \
    X(parcels, "generate a synthetic parcel layer (benchmarks, demonstrations)", runParcels, Maps, \
      false)                                                                                       \
    X(map, "draw a map (PNG, SVG, PDF) of the programme or an analysis", runMap, Maps, false)      \
    X(report, "write the coverage report (self-contained HTML and CSV tables)", runReport, Maps,   \
      false)                                                                                       \
    X(qgis, "write the layers' QGIS styles and a QGIS project into the workspace", runQgis, Maps,  \
      false)                                                                                       \
    X(info, "describe a workspace", runInfo, Core, false)                                          \
    X(validate, "check a workspace and list its problems", runValidate, Core, false)               \
    X(copy, "copy a workspace between a GeoPackage and a PostGIS schema", runCopy, Maps, false)    \
    X(admin, "give database roles the right to read or change a workspace in PostGIS", runAdmin,   \
      Core, false)
