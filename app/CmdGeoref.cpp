#include "Cli.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Qgis.h"

#include <cmath>
#include <cstdio>

namespace pa::cli {

namespace {
const Command kGeoref{
    "georef",
    "WS.gpkg SHEET.(pdf|png|jpg|tif) --gcp POINTS.csv [--method affine|poly2|tps] [options]\n"
    "       planatlas georef WS.gpkg --remove NAME",
    "Place a scanned or PDF map sheet on the workspace map by control points, warp it into the\n"
    "workspace CRS and keep it as a raster layer (background for digitising).",
    "POINTS.csv has a header naming the columns pixel, line (the sheet position, from its\n"
    "top-left corner; a PDF page at --dpi), x, y (the map position) and optionally id;\n"
    "separators , ; or tab; numbers as 585123.4 or 585.123,4. A QGIS georeferencer .points\n"
    "file is read as it is (its #CRS line, its enable column).\n\n"
    "The map positions are in the workspace CRS unless the file or --gcp-crs says otherwise\n"
    "(EPSG:4326 for longitude/latitude read off a sheet's graticule). For each point the\n"
    "residual (how far the fitted transformation misses it) and the leave-one-out error (how\n"
    "far it is missed when fitted without it: the error to expect between points) are printed\n"
    "in metres. affine needs 3 points, poly2 6, tps 3; give more — the residuals only mean\n"
    "something then. A sheet that carries its own georeferencing (GeoTIFF, geospatial PDF)\n"
    "needs no --gcp.\n\n"
    "Nothing is stored when any step fails or is interrupted.\n\n"
    "example: planatlas georef ws.gpkg qh_tinh_kcn.pdf --page 1 --dpi 150 \\\n"
    "           --gcp qh_tinh_kcn.points.csv --method poly2 --sheet-date 2023-12-30 \\\n"
    "           --title-vi \"Bản đồ KCN, QH tỉnh\" --licence \"văn bản hành chính\"",
    {
        {"--gcp", "FILE", "control points (CSV or QGIS .points)"},
        {"--gcp-crs", "CRS",
         "CRS of the points' map positions (default: the file's, else the "
         "workspace's)"},
        {"--method", "M", "affine (default), poly2 or tps"},
        {"--page", "N", "page of a PDF (default 1)"},
        {"--dpi", "DPI", "resolution a PDF page is drawn at (default 200)"},
        {"--pixel-m", "M", "pixel size of the stored raster in metres (default: the sheet's)"},
        {"--layer", "NAME", "name of the raster layer (default: from the sheet's file name)"},
        {"--title-vi", "TEXT", "Vietnamese title"},
        {"--title-en", "TEXT", "English title"},
        {"--sheet-date", "DATE", "date printed on the sheet"},
        {"--source", "TEXT", "where the sheet comes from"},
        {"--licence", "TEXT", "licence or terms of the sheet"},
        {"--attribution", "TEXT", "attribution to show with it"},
        {"--remove", "NAME", "remove map sheet NAME (shapes traced over it stay)"},
    },
    1,
    2};

std::string metres(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", std::abs(value) < 0.005 ? 0.0 : value);
    return buffer;
}
} // namespace

int runGeoref(const std::vector<std::string>& args)
{
    if (handleHelp(kGeoref, args))
        return kOk;
    const auto parsed = parse(kGeoref, args);
    if (parsed.has("--remove")) {
        if (parsed.positional.size() != 1)
            throw UsageError("--remove takes the workspace and the sheet's name, no sheet file");
        auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                          layers::SchemaWrites::Allowed);
        render::QgisWritten qgisWritten;
        ws.transaction([&] {
            layers::removeRasterLayer(ws, parsed.value("--remove"));
            qgisWritten = render::writeQgis(ws);
        });
        ws.close();
        warnSchemaProject(qgisWritten, "the sheet is removed");
        std::printf("Removed map sheet '%s' from %s\n", parsed.value("--remove").c_str(),
                    parsed.positional[0].c_str());
        return kOk;
    }
    if (parsed.positional.size() != 2)
        throw UsageError("planatlas georef needs the workspace and the sheet file (see "
                         "'planatlas georef --help')");
    layers::GeorefOptions options;
    options.sheet.path = parsed.positional[1];
    options.controlPoints = parsed.value("--gcp");
    options.pointsCrs = parsed.value("--gcp-crs");
    if (parsed.has("--method")) {
        const auto method = layers::parseGeorefMethod(parsed.value("--method"));
        if (!method)
            throw UsageError("--method must be affine, poly2 or tps, not '" +
                             parsed.value("--method") + "'");
        options.method = *method;
    } else if (!options.controlPoints.empty()) {
        options.method = gis::GeorefMethod::Affine;
    }
    if (parsed.has("--page")) {
        const auto page = text::parseNumber(parsed.value("--page"));
        if (!page || *page < 1 || *page != static_cast<int>(*page))
            throw UsageError("--page takes a page number from 1");
        options.sheet.page = static_cast<int>(*page);
    }
    options.sheet.dpi = positiveNumber(parsed, "--dpi", 200, "dots per inch");
    options.pixelSizeM = positiveNumber(parsed, "--pixel-m", 0, "metres");
    options.layerName = parsed.value("--layer");
    options.titleVi = parsed.value("--title-vi");
    options.titleEn = parsed.value("--title-en");
    options.sheetDate = parsed.value("--sheet-date");
    options.source = parsed.value("--source");
    options.licence = parsed.value("--licence");
    options.attribution = parsed.value("--attribution");

    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                      layers::SchemaWrites::Allowed);
    const auto result = [&] {
        const TerminalProgress progress;
        return layers::georeference(ws, options, progress.progress());
    }();
    render::QgisWritten qgisWritten;
    try {
        ws.transaction([&] { // the sheet in the QGIS project too
            qgisWritten = render::writeQgis(ws);
        });
    } catch (...) {
        layers::removeRasterLayer(ws, result.layer.name); // nothing kept when any step fails
        throw;
    }
    ws.close();
    warnSchemaProject(qgisWritten, "the sheet is placed");

    const auto& layer = result.layer;
    if (result.fit) {
        std::printf("%d control point(s) in %s%s, %s fit, in metres of %s:\n", layer.controlPoints,
                    result.pointsCrs.c_str(),
                    result.disabledPoints
                        ? (" (" + std::to_string(result.disabledPoints) + " switched off)").c_str()
                        : "",
                    layer.method.c_str(), ws.crs().label().c_str());
        std::printf("  %-10s %10s %10s %12s %12s %9s %9s %9s %12s\n", "point", "pixel", "line", "x",
                    "y", "dx", "dy", "residual", "leave-1-out");
        for (const auto& p : result.points)
            std::printf("  %-10s %10.1f %10.1f %12.1f %12.1f %9s %9s %9s %12s\n",
                        p.point.id.c_str(), p.point.pixel, p.point.line, p.point.x, p.point.y,
                        metres(p.residual.dx).c_str(), metres(p.residual.dy).c_str(),
                        metres(p.residual.error).c_str(),
                        p.residual.leaveOneOut ? metres(*p.residual.leaveOneOut).c_str() : "—");
        std::printf("RMS residual %s m", metres(*layer.rmseM).c_str());
        if (layer.leaveOneOutRmseM)
            std::printf(", leave-one-out RMS %s m", metres(*layer.leaveOneOutRmseM).c_str());
        std::printf("\n");
        if (result.fit->exact)
            std::printf("note: the %s fit passes through every point, so the residuals are 0 by "
                        "construction; %s\n",
                        layer.method.c_str(),
                        layer.leaveOneOutRmseM ? "the leave-one-out errors are the measure"
                                               : "add points to measure the error between them");
    } else {
        std::printf("The sheet's own georeferencing was used (no control points).\n");
    }
    std::printf("Stored raster layer '%s': %d × %d pixels of %s m, %d overview level(s), in %s\n",
                layer.name.c_str(), layer.width, layer.height, metres(layer.pixelSizeM).c_str(),
                result.warp.overviews, parsed.positional[0].c_str());
    return kOk;
}

} // namespace pa::cli
