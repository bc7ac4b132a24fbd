// Fuzz target: a GIS file imported into a workspace as a user's file would be — GeoJSON (input
// starting with '{'), KML ('<') or CSV with a WKT column (anything else) — through GDAL's
// drivers (a CSV read as VN-2000 / TM-3 Thái Nguyên), reprojection, geometry repair, text decoding,
// attribute mapping and the far-away and no-geometry checks. Each input goes into a fresh copy of
// one small workspace, so a crash reproduces from its input alone. An import either succeeds or is
// refused with a reported error; either way the workspace must still open and pass validation's
// structural checks.

#include "FuzzSupport.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Workspace.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
namespace layers = pa::layers;

namespace {

const fs::path& pristineWorkspace()
{
    static const fs::path path = [] {
        const auto p = pa::fuzz::scratch() / "pristine.gpkg";
        layers::Workspace::create(p.string(), {"Thái Nguyên", "EPSG:9213"}).close();
        return p;
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const char first = size > 0 ? static_cast<char>(data[0]) : ' ';
    const char* extension = first == '{' ? "geojson" : first == '<' ? "kml" : "csv";
    const std::string source =
        pa::fuzz::writeScratch(std::string("input.") + extension, data, size);
    const fs::path workspacePath = pa::fuzz::scratch() / "workspace.gpkg";
    fs::copy_file(pristineWorkspace(), workspacePath, fs::copy_options::overwrite_existing);

    pa::fuzz::expectOnlyReportedErrors([&] {
        auto workspace = layers::Workspace::open(workspacePath.string(), pa::gis::OpenMode::Update);
        layers::ImportOptions options;
        options.sourcePath = source;
        options.kind = "industrial_park";
        options.layerName = "fuzzed";
        if (extension[0] == 'c')
            options.sourceCrs = "EPSG:9213"; // a CSV of VN-2000 coordinates, as planners keep them
        const auto report = layers::importLayer(workspace, options);
        pa::fuzz::check(report.features >= 0 && report.withoutGeometry <= report.features,
                        "import counts add up");
    });
    // Whatever happened, the workspace opens again.
    pa::fuzz::expectOnlyReportedErrors([&] {
        auto reopened =
            layers::Workspace::open(workspacePath.string(), pa::gis::OpenMode::ReadOnly);
        (void)reopened.layers();
    });
    return 0;
}
