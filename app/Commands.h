// Every subcommand of planatlas, declared once: its name, what it does, the function that runs
// it and which program holds it. Included by main.cpp (dispatch and usage text) and by
// Launcher.cpp (which program to start).
//
// Two programs, so that a command pays only for the libraries it uses: Qt's painter and the
// thirty libraries it loads take about 20 ms at every start, Poppler and Tesseract a few more,
// which an analysis of 0.2 s would otherwise pay too.
//   Core — planatlas-core: opening, checking and sharing workspaces, links, task corrections,
//          analyses; neither Qt nor the document readers (poppler-cpp, Tesseract, Leptonica;
//          GDAL's PDF driver still brings Poppler itself).
//   Full — planatlas-full: every command, with the map painter and the QGIS styles (Qt) and
//          the readers of PDF and scanned plan documents.
// The 'planatlas' users run is a launcher of a few kilobytes that starts the one a command
// needs (Launcher.cpp).
//
// X(name, summary, function, program, ocr): ocr says the command may run Tesseract, which must
// start with OMP_THREAD_LIMIT=1 (see pa::plan::limitOcrThreads); whoever starts the program
// (the launcher, or planatlas-core handing a command over) sets it, so that the program need
// not restart itself.
#pragma once

#define PLANATLAS_COMMANDS(X)                                                                      \
    X(init, "create a workspace (GeoPackage) for a province", runInit, Full, false)                \
    X(import, "import a GIS file as a layer of a given kind", runImport, Full, false)              \
    X(ingest, "read a plan document into tasks, agencies, targets and places", runIngest, Full,    \
      true)                                                                                        \
    X(link, "suggest, review and edit feature–task links", runLink, Core, false)                   \
    X(task, "correct what the plan reader produced (lead, deadline, split, merge, not a task)",    \
      runTask, Core, false)                                                                        \
    X(crosswalk, "load old → new administrative-unit relations", runCrosswalk, Core, false)        \
    X(analyze,                                                                                     \
      "run an analysis (coverage, footprint, overlaps, corridor, access, zonal, targets)",         \
      runAnalyze, Core, false)                                                                     \
    X(georef, "place a scanned or PDF map sheet on the map by control points", runGeoref, Full,    \
      false)                                                                                       \
    X(grid, "make a regular analysis grid over the province", runGrid, Full, false)                \
    X(parcels, "generate a synthetic parcel layer (benchmarks, demonstrations)", runParcels, Full, \
      false)                                                                                       \
    X(map, "draw a map (PNG, SVG, PDF) of the programme or an analysis", runMap, Full, false)      \
    X(report, "write the coverage report (self-contained HTML and CSV tables)", runReport, Full,   \
      false)                                                                                       \
    X(qgis, "write the layers' QGIS styles and a QGIS project into the workspace", runQgis, Full,  \
      false)                                                                                       \
    X(info, "describe a workspace", runInfo, Core, false)                                          \
    X(validate, "check a workspace and list its problems", runValidate, Core, false)               \
    X(copy, "copy a workspace between a GeoPackage and a PostGIS schema", runCopy, Full, false)    \
    X(admin, "give database roles the right to read or change a workspace in PostGIS", runAdmin,   \
      Core, false)
