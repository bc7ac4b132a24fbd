#include "Cli.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Grid.h"
#include "planatlas/render/Qgis.h"

#include <cstdio>

namespace pa::cli {

namespace {
const Command kGrid{
    "grid",
    "WS.gpkg --cell-km KM [--shape hex|square] [--layer NAME] [--province LAYER]",
    "Make a regular analysis grid over the province (cells clipped to its boundary), for\n"
    "coverage when no official units are at hand.",
    "The cell size is the side of a square or the width of a hexagon between opposite edges.\n\n"
    "example: planatlas grid ws.gpkg --cell-km 2 --shape hex && \\\n"
    "         planatlas analyze ws.gpkg coverage --units grid_2km_hex",
    {
        {"--cell-km", "KM", "cell size in kilometres (required)"},
        {"--shape", "SHAPE", "hex (default) or square"},
        {"--layer", "NAME", "name of the grid layer (default grid_<size>km_<shape>)"},
        {"--province", "LAYER", "admin_province layer to cover (default: the one still valid)"},
    },
    1,
    1};
} // namespace

int runGrid(const std::vector<std::string>& args)
{
    if (handleHelp(kGrid, args))
        return kOk;
    const auto parsed = parse(kGrid, args);
    analysis::GridOptions options;
    const auto size = text::parseNumber(parsed.value("--cell-km"));
    if (!size || *size <= 0)
        throw UsageError("--cell-km takes a positive number of kilometres");
    options.cellKm = *size;
    const std::string shape = parsed.value("--shape", "hex");
    if (shape != "hex" && shape != "square")
        throw UsageError("--shape must be hex or square");
    options.shape = shape == "hex" ? analysis::GridShape::Hex : analysis::GridShape::Square;
    options.layerName = parsed.value("--layer");
    options.provinceLayer = parsed.value("--province");
    render::QgisWritten qgisWritten;
    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                      layers::SchemaWrites::Allowed);
    const auto cells = [&] {
        const TerminalProgress progress;
        return ws.transaction([&] {
            const auto made = analysis::makeGrid(ws, options, progress.progress());
            qgisWritten = render::writeQgis(ws); // in QGIS too, same change
            return made;
        });
    }();
    ws.close();
    warnSchemaProject(qgisWritten, "the grid is made");
    std::printf("Made a %s grid of %lld cell(s) of %g km in %s\n", shape.c_str(),
                static_cast<long long>(cells), options.cellKm, parsed.positional[0].c_str());
    return kOk;
}

} // namespace pa::cli
