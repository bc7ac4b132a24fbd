#include "planatlas/layers/analysis/Parcels.h"

#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Prepared.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Importer.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>

namespace pa::analysis {

namespace {

struct Use
{
    const char* code; ///< Vietnamese land-use code (Luật Đất đai)
    double weight;    ///< share of parcels
    double basePrice; ///< VND/m² far from the city
};

// Rice, perennial crops, production forest, rural and urban residential, business, aquaculture.
constexpr std::array<Use, 7> kUses = {{{"LUA", 0.32, 55000},
                                       {"CLN", 0.16, 75000},
                                       {"RSX", 0.24, 30000},
                                       {"ONT", 0.16, 900000},
                                       {"ODT", 0.04, 3500000},
                                       {"SKC", 0.05, 1200000},
                                       {"NTS", 0.03, 50000}}};

// A block's place in the lattice and the seed decide whether it is parcelled, independently of
// the order blocks are visited in (SplitMix64's finaliser).
double blockDraw(std::int64_t bx, std::int64_t by, std::uint64_t seed)
{
    std::uint64_t z = seed * 0x9E3779B97F4A7C15ULL ^
                      static_cast<std::uint64_t>(bx) * 0xBF58476D1CE4E5B9ULL ^
                      static_cast<std::uint64_t>(by) * 0x94D049BB133111EBULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * 0x1.0p-53;
}

} // namespace

ParcelResult makeParcels(layers::Workspace& ws, const ParcelOptions& options,
                         const layers::Progress& progress)
{
    layers::checkMayAddLayers(ws); // before anything is generated
    if (options.count < 1 || options.count > 20'000'000)
        throw layers::ParameterError("count", "must be between 1 and 20000000");
    if (ws.findLayer(options.layerName))
        throw layers::Error(layers::ErrorKind::Usage,
                            "the workspace already has a layer '" + options.layerName + "'");
    const std::string provinceLayer = detail::provinceLayer(ws, options.provinceLayer);
    // One province, or each of a national layer's provinces (parcels end at their borders and
    // record their province, as a cadastre does).
    gis::Envelope box;
    const auto provinces = detail::provincesToCover(ws, provinceLayer, box);
    double totalArea = 0;
    for (const auto& p : provinces)
        totalArea += p.geometry.area();

    // Each province's provincial city, where prices peak; else the province's middle.
    std::vector<std::pair<double, double>> provincialCities;
    for (const auto& l : ws.layers()) {
        if (l.kind != "urban_centre")
            continue;
        detail::InputLayer t(ws, l.name, nullptr);
        const int tier = t.exists() ? t.table().fieldIndex("tier") : -1;
        if (tier < 0)
            continue;
        t.resetReading();
        while (auto f = t.next())
            if (gis::toString(f->feature.value(tier)) == "provincial")
                if (auto p = f->geometry.labelPoint())
                    provincialCities.emplace_back(p->x, p->y);
    }

    // Parcel size: the provinces' area over the count, a mean of 250–12,500 m² (rows 50–130 m
    // high and parcels 40–180 m wide at scale 1, mean 9,900 m²; at the smallest mean, the house
    // plots of a dense cadastre, 8–36 m by 9–26 m — a province's several million parcels).
    // More parcels than the area holds at the smallest mean are refused, saying the range.
    // Fewer than it holds at the largest (10 million over the 33 million ha of the 34
    // provinces) parcel a share of the 1 km blocks, picked at random, at the scale-1 mean: a
    // cadastre still being digitised, not fields of 3 ha (--count 1000 once made 706,758).
    constexpr double kSmallestMeanM2 = 250.0, kLargestMeanM2 = 12500.0, kScaleOneM2 = 9900.0;
    const double most = totalArea / kSmallestMeanM2;
    if (static_cast<double>(options.count) > most * 1.1) {
        auto rounded = [](double v) { return std::to_string(std::llround(v / 1000.0) * 1000); };
        throw layers::ParameterError(
            "count", std::string(provinces.size() == 1 ? "the province (" : "the provinces (") +
                         std::to_string(std::llround(totalArea / 10000.0)) +
                         " ha) hold at most about " + rounded(most) +
                         " parcels of 0.025 ha on average; " + std::to_string(options.count) +
                         " is more than that");
    }
    const double fullMean = totalArea / static_cast<double>(options.count);
    const double meanArea = fullMean > kLargestMeanM2
                                ? kScaleOneM2
                                : std::clamp(fullMean, kSmallestMeanM2, kLargestMeanM2);
    const double share = fullMean > kLargestMeanM2 ? kScaleOneM2 / fullMean : 1.0;
    const double scale = std::sqrt(meanArea / (90.0 * 110.0));
    std::mt19937_64 random(options.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    // The next step along a row or up a block: random, but never leaving a sliver at the edge.
    auto step = [&](double remaining, double low, double high) {
        double v = std::min(remaining, scale * (low + (high - low) * unit(random)));
        if (remaining - v < scale * low)
            v = remaining <= scale * high ? remaining : remaining / 2;
        return v;
    };

    const detail::TemporaryFile file("planatlas-parcels-", ".csv");
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> output(
        std::fopen(file.path().string().c_str(), "w"), &std::fclose);
    std::FILE* out = output.get();
    if (!out)
        throw layers::Error(layers::ErrorKind::Workspace,
                            "cannot write a temporary file in " +
                                std::filesystem::temp_directory_path().string());
    std::fputs(
        "code,name_vi,land_use,price_vnd_m2,year,source,geometry_quality,province_code,wkt\n", out);
    ParcelResult result;
    result.provinces = static_cast<int>(provinces.size());
    result.blockShare = share;
    double areaSum = 0;
    const double block = 1000.0;
    double cityX = 0, cityY = 0;
    const std::string* provinceCode = nullptr;
    auto write = [&](const gis::Geometry* clipped, double x0, double y0, double x1, double y1) {
        // Land use, then a price that falls with distance from the city (×4 at the centre).
        double pick = unit(random), acc = 0;
        const Use* use = &kUses.back();
        for (const auto& u : kUses)
            if ((acc += u.weight) >= pick) {
                use = &u;
                break;
            }
        const double d = std::hypot((x0 + x1) / 2 - cityX, (y0 + y1) / 2 - cityY) / 1000.0;
        const double price = std::round(use->basePrice * (1.0 + 3.0 * std::exp(-d / 12.0)) *
                                        (0.8 + 0.4 * unit(random)) / 1000.0) *
                             1000.0;
        ++result.parcels;
        std::fprintf(out, "%lld,Thửa %lld,%s,%.0f,2024,synthetic,indicative,%s,\"",
                     static_cast<long long>(result.parcels), static_cast<long long>(result.parcels),
                     use->code, price, provinceCode->c_str());
        if (clipped) {
            std::fputs(clipped->wkt().c_str(), out);
            areaSum += clipped->area();
        } else {
            std::fprintf(out, "POLYGON((%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f))", x0,
                         y0, x1, y0, x1, y1, x0, y1, x0, y0);
            areaSum += (x1 - x0) * (y1 - y0);
        }
        std::fputs("\"\n", out);
    };
    double areaDone = 0;
    for (const auto& province : provinces) {
        const gis::PreparedGeometry prepared(province.geometry);
        const auto pbox = *province.geometry.envelope();
        provinceCode = &province.code;
        cityX = (pbox.minX + pbox.maxX) / 2, cityY = (pbox.minY + pbox.maxY) / 2;
        for (const auto& [x, y] : provincialCities)
            if (provinces.size() == 1 ||
                prepared.contains(gis::Geometry::fromWkt("POINT(" + std::to_string(x) + ' ' +
                                                         std::to_string(y) + ')')))
                cityX = x, cityY = y;
        // Blocks of one lattice over all provinces, so that a block's draw does not depend on
        // which province is visited first.
        const auto bx0 = static_cast<std::int64_t>(std::floor((pbox.minX - box.minX) / block));
        const auto by0 = static_cast<std::int64_t>(std::floor((pbox.minY - box.minY) / block));
        const auto bx1 = static_cast<std::int64_t>(std::ceil((pbox.maxX - box.minX) / block));
        const auto by1 = static_cast<std::int64_t>(std::ceil((pbox.maxY - box.minY) / block));
        const double area = province.geometry.area();
        for (std::int64_t by = by0; by < by1; ++by) {
            progress.update(
                0.4 *
                    (areaDone + area * static_cast<double>(by - by0) /
                                    static_cast<double>(std::max<std::int64_t>(by1 - by0, 1))) /
                    totalArea,
                "generating parcels");
            for (std::int64_t bx = bx0; bx < bx1; ++bx) {
                if (share < 1.0 && blockDraw(bx, by, options.seed) >= share)
                    continue;
                const gis::Envelope b{box.minX + bx * block, box.minY + by * block,
                                      box.minX + (bx + 1) * block, box.minY + (by + 1) * block};
                if (!prepared.intersectsRectangle(b))
                    continue;
                const bool inside = prepared.containsRectangle(b);
                std::optional<gis::Geometry> piece; // the province within a boundary block
                if (!inside)
                    piece = province.geometry.intersection(gis::Geometry::fromEnvelope(b));
                // Rows of varying height, parcels of varying width along each row.
                for (double y = b.minY; y < b.maxY - 1;) {
                    const double h = step(b.maxY - y, 50.0, 130.0);
                    for (double x = b.minX; x < b.maxX - 1;) {
                        const double w = step(b.maxX - x, 40.0, 180.0);
                        if (inside) {
                            write(nullptr, x, y, x + w, y + h);
                        } else {
                            const gis::Envelope cell{x, y, x + w, y + h};
                            auto clipped = piece->intersection(gis::Geometry::fromEnvelope(cell));
                            if (!clipped.isEmpty() && clipped.area() >= 100.0) {
                                clipped.promoteToMulti();
                                write(&clipped, x, y, x + w, y + h);
                            }
                        }
                        x += w;
                    }
                    y += h;
                }
            }
        }
        areaDone += area;
    }
    output.reset(); // closed (and flushed) before the importer reads it
    result.meanAreaHa =
        result.parcels ? areaSum / static_cast<double>(result.parcels) / 10000.0 : 0.0;

    layers::ImportOptions o;
    o.sourcePath = file.path().string();
    o.sourceFileName = "planatlas parcels";
    o.kind = "land_price";
    o.layerName = options.layerName;
    o.sourceCrs = ws.crs().label();
    o.codeField = "code";
    o.codePrefix = options.layerName + ":";
    o.fieldMap = {{"land_use", "land_use"}, {"price_vnd_m2", "price_vnd_m2"}};
    o.titleVi = "Thửa đất TỔNG HỢP (sinh ngẫu nhiên, không phải thửa thật)";
    o.titleEn = "SYNTHETIC parcels (generated, not real parcels)";
    o.source = "synthetic: generated by planatlas parcels (seed " + std::to_string(options.seed) +
               ") over " + provinceLayer + "; not real parcels or prices";
    o.licence = "CC0 (generated)";
    o.attribution = "Synthetic parcels generated by PlanAtlas; not real.";
    o.geometryQuality = "indicative";
    const layers::Progress importing(
        [&](double f, std::string_view stage) { progress.update(0.4 + 0.6 * f, stage); }, nullptr);
    progress.checkCancelled();
    layers::importLayer(ws, o, importing);
    return result;
}

} // namespace pa::analysis
