#include "planatlas/layers/analysis/Proximity.h"

#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Prepared.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_set>

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
    const gis::PreparedGeometry prepared(network);
    const double d = distanceKm * 1000.0;
    // Neighbourhoods along the network: the envelope of every stretch of about 2 km, grown by
    // the distance, so that the R-tree hands over the parcels along the roads and not those of
    // the whole envelope of the network (most of a province).
    std::vector<gis::Envelope> reaches;
    const auto shapes = network.shapes();
    for (const auto& line : shapes.lines) {
        gis::Envelope stretch{line.front().x, line.front().y, line.front().x, line.front().y};
        double length = 0;
        for (std::size_t i = 1; i < line.size(); ++i) {
            const double step = std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
            // Long segments are cut too, so that a straight 20 km stretch is not one big box.
            const int pieces = std::max(1, static_cast<int>(std::ceil(step / 2000.0)));
            for (int k = 1; k <= pieces; ++k) {
                const double x = line[i - 1].x + (line[i].x - line[i - 1].x) * k / pieces;
                const double y = line[i - 1].y + (line[i].y - line[i - 1].y) * k / pieces;
                stretch.merge({x, y, x, y});
                length += step / pieces;
                if (length >= 2000.0) {
                    reaches.push_back(
                        {stretch.minX - d, stretch.minY - d, stretch.maxX + d, stretch.maxY + d});
                    stretch = {x, y, x, y};
                    length = 0;
                }
            }
        }
        reaches.push_back({stretch.minX - d, stretch.minY - d, stretch.maxX + d, stretch.maxY + d});
    }
    // All features count toward the total (the GeoPackage keeps the count); only those near
    // the network are read, each once.
    result.features = table->featureCount(true);
    const bool polygons = table->geometryFamily() == gis::GeometryFamily::Polygon;
    // Cells wholly inside the buffer by d are within reach without measuring (its arcs are
    // chords inside the true distance); cells wholly outside a buffer 3 % wider (more than
    // the chords fall short by) are out of reach. Only features in cells between the two are
    // measured exactly.
    const auto inner = network.buffer(d), outer = network.buffer(d * 1.03);
    const gis::PreparedGeometry innerPrepared(inner), outerPrepared(outer);
    const gis::CellClassifier innerCells(innerPrepared, *outer.envelope(), 9),
        outerCells(outerPrepared, *outer.envelope(), 9);
    using Where = gis::CellClassifier::Where;
    std::unordered_set<std::int64_t> seen;
    std::size_t done = 0;
    table->setFieldsToRead({});
    for (const auto& reach : reaches) {
        progress.update(static_cast<double>(done++) / static_cast<double>(reaches.size()),
                        "corridor");
        input.setSpatialFilter(reach);
        input.resetReading();
        while (auto f = table->next()) {
            if (!seen.insert(f->fid()).second)
                continue;
            const auto g = input.fit(f->takeGeometry(), f->fid());
            if (g.isEmpty())
                continue;
            const auto e = *g.envelope();
            if (outerCells.classify(e) == Where::Outside)
                continue;
            if (innerCells.classify(e) != Where::Inside && !prepared.distanceWithin(g, d))
                continue;
            ++result.within;
            if (polygons)
                result.withinAreaHa += g.area() / 10000.0;
        }
    }
    input.setSpatialFilter(std::nullopt);
    table->readAllFields();
    progress.update(1.0, "corridor");
    return result;
}

} // namespace pa::analysis
