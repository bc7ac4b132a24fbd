#include "Cli.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Qgis.h"

#include <cstdio>

namespace pa::cli {

namespace {
const Command kInit{
    "init",
    "WS.gpkg --province NAME --crs EPSG:N",
    "Create a new, empty PlanAtlas workspace (an OGC GeoPackage).",
    "The analysis CRS must be projected in metres; for Vietnamese provinces use the\n"
    "VN-2000 TM-3 zone of the province, e.g. EPSG:9213 (Thái Nguyên, Bắc Kạn) or\n"
    "EPSG:5897 (Thanh Hóa), or VN-2000 / UTM 48N EPSG:3405 for regional work.\n\n"
    "example: planatlas init thai_nguyen.gpkg --province \"Thái Nguyên\" --crs EPSG:9213",
    {
        {"--province", "NAME", "province the programme belongs to (required)"},
        {"--crs", "EPSG:N", "analysis CRS, projected in metres (required)"},
    },
    1,
    1};
} // namespace

int runInit(const std::vector<std::string>& args)
{
    if (handleHelp(kInit, args))
        return kOk;
    const auto parsed = parse(kInit, args);
    if (!parsed.has("--province") || !parsed.has("--crs"))
        throw UsageError("planatlas init needs --province and --crs (see --help)");
    auto workspace = layers::Workspace::create(parsed.positional[0],
                                               {parsed.value("--province"), parsed.value("--crs")});
    // The plan tables and their relations open in QGIS from the start; imports add layers.
    render::writeQgis(workspace);
    std::printf("Created workspace %s (province %s, analysis CRS %s — %s, schema %d)\n",
                workspace.path().c_str(), workspace.province().c_str(),
                workspace.crs().label().c_str(), workspace.crs().name().c_str(),
                workspace.schemaVersion());
    workspace.close();
    return kOk;
}

} // namespace pa::cli
