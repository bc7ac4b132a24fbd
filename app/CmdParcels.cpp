#include "Cli.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Parcels.h"
#include "planatlas/render/Qgis.h"

#include <cstdio>

namespace pa::cli {

namespace {
const Command kParcels{
    "parcels",
    "WS.gpkg --count N [--seed S] [--layer NAME] [--province LAYER]",
    "Generate a SYNTHETIC parcel layer tiling the province (for benchmarks and demonstrations):\n"
    "about N parcels of 0.05–3 ha with a land use and a price per m². Not real data.",
    "The layer is of kind land_price, marked source 'synthetic' and geometry_quality\n"
    "'indicative'; maps and reports flag it. The same seed gives the same parcels.\n"
    "A province layer of several provinces (the 34 of a national workspace) is tiled province\n"
    "by province: parcels end at the borders and record their province in province_code.\n"
    "Fewer parcels than the area holds at 1.25 ha each fill a share of the 1 km blocks,\n"
    "picked at random, as a cadastre still being digitised; the share is printed.\n\n"
    "example: planatlas parcels ws.gpkg --count 1000000 --seed 7",
    {
        {"--count", "N", "about how many parcels (required; up to 20,000,000)"},
        {"--seed", "S", "random seed (default 1)"},
        {"--layer", "NAME", "layer name (default parcels_synthetic)"},
        {"--province", "LAYER", "admin_province layer to tile (default: the one still valid)"},
    },
    1,
    1};
} // namespace

int runParcels(const std::vector<std::string>& args)
{
    if (handleHelp(kParcels, args))
        return kOk;
    const auto parsed = parse(kParcels, args);
    analysis::ParcelOptions o;
    const auto count = text::parseNumber(parsed.value("--count"), true);
    if (!count || *count < 1)
        throw UsageError("--count takes a positive number of parcels, e.g. 1000000 or 1.000.000");
    o.count = static_cast<std::int64_t>(*count);
    if (parsed.has("--seed")) {
        const auto seed = text::parseNumber(parsed.value("--seed"));
        if (!seed || *seed < 0)
            throw UsageError("--seed takes a non-negative whole number");
        o.seed = static_cast<std::uint64_t>(*seed);
    }
    o.layerName = parsed.value("--layer", o.layerName);
    o.provinceLayer = parsed.value("--province");
    render::QgisWritten qgisWritten;
    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                      layers::SchemaWrites::Allowed);
    const auto r = [&] {
        const TerminalProgress progress;
        return ws.transaction([&] {
            auto made = analysis::makeParcels(ws, o, progress.progress());
            qgisWritten = render::writeQgis(ws); // in QGIS too, same change
            return made;
        });
    }();
    ws.close();
    warnSchemaProject(qgisWritten, "the parcels are made");
    std::printf("Made %lld synthetic parcel(s), %.2f ha on average, in layer '%s' of %s\n",
                static_cast<long long>(r.parcels), r.meanAreaHa, o.layerName.c_str(),
                parsed.positional[0].c_str());
    if (r.provinces > 1 || r.blockShare < 1)
        std::printf("  %d province(s); %.1f %% of their 1 km blocks parcelled (picked at random)\n",
                    r.provinces, 100.0 * r.blockShare);
    return kOk;
}

} // namespace pa::cli
