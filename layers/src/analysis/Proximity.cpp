#include "planatlas/layers/analysis/Proximity.h"

#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Prepared.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Parallel.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>
#include <tuple>

namespace pa::analysis {

namespace {

struct Feature
{
    std::string layer, kind, code, name, status, tier;
    gis::Geometry geometry;
};

/// Features of the workspace whose kind passes @p keep, by kind (registry order) then code, in
/// the workspace CRS and valid (what was mended noted in @p notes).
std::vector<Feature> readFeatures(layers::Workspace& ws,
                                  const std::function<bool(const std::string&)>& keep,
                                  InputNotes& notes)
{
    std::vector<Feature> out;
    for (const auto& layer : ws.layers()) {
        if (!keep(layer.kind))
            continue;
        detail::InputLayer input(ws, layer.name, &notes);
        if (!input.exists())
            continue;
        const auto& table = input.table();
        const int code = table.fieldIndex("code"), name = table.fieldIndex("name_vi");
        const int status = table.fieldIndex("status"), tier = table.fieldIndex("tier");
        auto text = [](const gis::Feature& f, int i) {
            return i >= 0 ? gis::toString(f.value(i)) : std::string();
        };
        input.resetReading();
        while (auto row = input.next()) {
            const auto& f = row->feature;
            Feature feature{layer.name,      layer.kind,    text(f, code),           text(f, name),
                            text(f, status), text(f, tier), std::move(row->geometry)};
            if (!feature.geometry.isEmpty())
                out.push_back(std::move(feature));
        }
    }
    std::sort(out.begin(), out.end(), [](const Feature& a, const Feature& b) {
        return std::make_tuple(layers::kindRank(a.kind), a.code, a.layer) <
               std::make_tuple(layers::kindRank(b.kind), b.code, b.layer);
    });
    return out;
}

bool industrial(const std::string& kind)
{
    return layers::inGroup(kind, "industrial");
}

/// Distance from @p f to the nearest of @p targets (never itself).
DistanceRow nearest(const Feature& f, const std::vector<Feature>& targets)
{
    DistanceRow row{
        f.layer, f.kind, f.code, f.name, {}, {}, std::numeric_limits<double>::infinity(),
        false,   {},     {}};
    for (const auto& t : targets) {
        if (t.layer == f.layer && t.code == f.code)
            continue;
        const double d = f.geometry.distance(t.geometry) / 1000.0;
        if (d < row.distanceKm) {
            row.distanceKm = d;
            row.nearestCode = t.code;
            row.nearestName = t.name;
        }
    }
    return row;
}

} // namespace

namespace {

/// The expressways with one of @p statuses (all when empty); Error(Usage) when there is none.
std::vector<Feature> expresswaysWith(layers::Workspace& ws,
                                     const std::vector<std::string>& statuses, InputNotes& notes)
{
    auto expressways = readFeatures(
        ws, [](const std::string& k) { return k == "expressway"; }, notes);
    if (!statuses.empty())
        std::erase_if(expressways, [&](const Feature& e) {
            return std::find(statuses.begin(), statuses.end(), e.status) == statuses.end();
        });
    if (expressways.empty())
        throw layers::Error(layers::ErrorKind::Usage,
                            "the workspace has no expressway feature" +
                                std::string(statuses.empty() ? "" : " with those statuses") +
                                "; import one of kind expressway");
    return expressways;
}

} // namespace

CorridorResult corridor(layers::Workspace& ws, double distanceKm,
                        const std::vector<std::string>& statuses, const layers::Progress& progress)
{
    CorridorResult result;
    result.distanceKm = distanceKm;
    result.statuses = statuses;
    const auto expressways = expresswaysWith(ws, statuses, result.notes);
    result.expressways = static_cast<std::int64_t>(expressways.size());
    const auto features = readFeatures(
        ws,
        [](const std::string& k) {
            const auto* kind = layers::findKind(k);
            return kind && kind->programme && kind->group != "transport";
        },
        result.notes);
    std::vector<const gis::Geometry*> lines;
    for (const auto& e : expressways)
        lines.push_back(&e.geometry);
    const gis::Geometry corridorArea = gis::Geometry::unionOf(lines).buffer(distanceKm * 1000.0);
    std::vector<const gis::Geometry*> industry;
    for (std::size_t i = 0; i < features.size(); ++i) {
        progress.update(static_cast<double>(i) / static_cast<double>(features.size()), "corridor");
        auto row = nearest(features[i], expressways);
        row.within = row.distanceKm <= distanceKm;
        if (row.within)
            ++result.withinByKind[row.kind];
        if (features[i].geometry.family() == gis::GeometryFamily::Polygon) {
            row.areaHa = features[i].geometry.area() / 10000.0;
            row.withinHa =
                row.within ? features[i].geometry.intersection(corridorArea).area() / 10000.0 : 0.0;
            if (industrial(features[i].kind))
                industry.push_back(&features[i].geometry);
        }
        result.rows.push_back(std::move(row));
    }
    if (!industry.empty()) {
        const auto all = gis::Geometry::unionOf(industry);
        result.industrialAreaHa = all.area() / 10000.0;
        result.industrialInsideHa = all.intersection(corridorArea).area() / 10000.0;
    }
    progress.update(1.0, "corridor");
    return result;
}

AccessResult access(layers::Workspace& ws, const std::string& target,
                    const layers::Progress& progress)
{
    AccessResult result;
    const auto colon = target.find(':');
    const std::string kind = target.substr(0, colon);
    const std::string tier = colon == std::string::npos ? std::string() : target.substr(colon + 1);
    if (kind != "expressway" && kind != "urban_centre")
        throw layers::ParameterError("to", "must be expressway or urban_centre[:tier], not '" +
                                               target + "'");
    auto targets = readFeatures(
        ws, [&](const std::string& k) { return k == kind; }, result.notes);
    if (!tier.empty())
        std::erase_if(targets, [&](const Feature& t) { return t.tier != tier; });
    if (targets.empty())
        throw layers::Error(layers::ErrorKind::Usage,
                            "the workspace has no " + target + " feature to measure access to");
    const auto sources = readFeatures(
        ws, [](const std::string& k) { return industrial(k) || k == "agri_zone"; }, result.notes);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        progress.update(static_cast<double>(i) / static_cast<double>(sources.size()), "access");
        result.rows.push_back(nearest(sources[i], targets));
    }
    progress.update(1.0, "access");
    return result;
}

LayerCorridorResult corridorOfLayer(layers::Workspace& ws, const std::string& layer,
                                    double distanceKm, const std::vector<std::string>& statuses,
                                    const layers::Progress& progress)
{
    LayerCorridorResult result;
    result.layer = layer;
    result.distanceKm = distanceKm;
    detail::InputLayer input(ws, layer, &result.notes);
    if (!input.exists() || !ws.findLayer(layer))
        throw layers::ParameterError("layer", "the workspace has no layer '" + layer + "'");
    auto* table = &input.table();
    const auto expressways = expresswaysWith(ws, statuses, result.notes);
    std::vector<const gis::Geometry*> lines;
    for (const auto& e : expressways)
        lines.push_back(&e.geometry);
    const auto network = gis::Geometry::unionOf(lines);
    const double d = distanceKm * 1000.0;
    // All features count toward the total (the GeoPackage keeps the count).
    result.features = table->featureCount(true);
    const bool polygons = table->geometryFamily() == gis::GeometryFamily::Polygon;
    // Cells wholly inside the buffer by d are within reach without measuring (its arcs are
    // chords inside the true distance); cells wholly outside a buffer 3 % wider (more than
    // the chords fall short by) are out of reach. Only features in cells between the two are
    // measured exactly. The cells are shared by the threads (read only); each thread prepares
    // the network for itself.
    const auto inner = network.buffer(d), outer = network.buffer(d * 1.03);
    const gis::CellClassifier innerCells(gis::PreparedGeometry(inner), *outer.envelope(), 9),
        outerCells(gis::PreparedGeometry(outer), *outer.envelope(), 9);
    using Where = gis::CellClassifier::Where;
    const auto source = input.source({});
    const auto chunks = source.fidChunks();
    struct Slot
    {
        std::int64_t within = 0;
        double areaM2 = 0;
    };
    std::vector<Slot> slots(chunks.size());
    const auto makeWorker = [&] {
        struct Worker
        {
            std::unique_ptr<gis::TableScan> scan;
            std::optional<gis::PreparedGeometry> prepared;
            gis::ScanRow row;
        };
        auto w = std::make_shared<Worker>();
        w->scan = source.open();
        w->prepared.emplace(network);
        return [&, w](std::size_t chunk) {
            auto& slot = slots[chunk];
            w->scan->select(chunks[chunk].first, chunks[chunk].second);
            while (w->scan->next(w->row)) {
                // Every feature is fitted, far from the roads too: an invalid one is repaired
                // and counted wherever it lies (the header's envelope would skip the far ones
                // unread, 15 % sooner, but leave them unmentioned).
                FittedRow f(input, w->row);
                if (f.empty())
                    continue;
                const auto& e = f.envelope();
                if (outerCells.classify(e) == Where::Outside)
                    continue;
                if (innerCells.classify(e) != Where::Inside &&
                    !w->prepared->distanceWithin(f.geometry(), d))
                    continue;
                ++slot.within;
                if (polygons)
                    slot.areaM2 += f.area();
            }
        };
    };
    layers::forEachChunk(chunks.size(), source.connections(input.threads()), progress, "corridor",
                         makeWorker);
    double areaM2 = 0;
    for (const auto& slot : slots) {
        result.within += slot.within;
        areaM2 += slot.areaM2;
    }
    result.withinAreaHa = areaM2 / 10000.0;
    progress.update(1.0, "corridor");
    return result;
}

} // namespace pa::analysis
