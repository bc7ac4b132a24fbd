#include "planatlas/layers/analysis/Zonal.h"

#include "planatlas/gis/Dataset.h"
#include "Units_p.h"
#include "planatlas/gis/Prepared.h"
#include "planatlas/gis/SpatialIndex.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>

namespace pa::analysis {

namespace {

/// The value layer and field named by "LAYER[:FIELD]", checked.
gis::Layer valueLayer(layers::Workspace& ws, const std::string& values, ZonalResult& result, int& field)
{
    const auto colon = values.find(':');
    result.valuesLayer = values.substr(0, colon);
    result.field = colon == std::string::npos ? "price_vnd_m2" : values.substr(colon + 1);
    auto table = ws.dataset().layerByName(result.valuesLayer);
    if (!table || !ws.findLayer(result.valuesLayer))
        throw layers::Error(layers::ErrorKind::Usage, "--values: the workspace has no layer '" + result.valuesLayer + "'");
    if (table->geometryFamily() != gis::GeometryFamily::Polygon)
        throw layers::Error(layers::ErrorKind::Usage, "--values: layer '" + result.valuesLayer + "' is not a polygon layer");
    field = table->fieldIndex(result.field);
    if (field < 0)
        throw layers::Error(layers::ErrorKind::Usage, "--values: layer '" + result.valuesLayer + "' has no field '" +
                                                          result.field + "'");
    return *table;
}

std::optional<double> numeric(const gis::FieldValue& v)
{
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    return std::nullopt; // no value: not part of the statistics
}

/// Area of @p v inside @p zone (prepared as @p prepared): whole when inside, cut only when it
/// crosses the zone's edge.
double overlapArea(const gis::PreparedGeometry& prepared, const gis::Geometry& zone, const gis::Geometry& v)
{
    if (prepared.contains(v))
        return v.area();
    return prepared.intersects(v) ? zone.intersection(v).area() : 0.0;
}

/// The statistics of the value polygons meeting one feature or unit.
struct Accumulator
{
    double weighted = 0, covered = 0;
    std::optional<double> min, max;
    std::int64_t n = 0;

    void add(double area, double value)
    {
        weighted += area * value;
        covered += area;
        min = min ? std::min(*min, value) : value;
        max = max ? std::max(*max, value) : value;
        ++n;
    }
    /// Fills @p row's statistics; @p zoneArea in m².
    void fill(ZonalRow& row, double zoneArea) const
    {
        if (covered > 0)
            row.mean = weighted / covered; // overlapping value polygons weigh by their overlap
        row.min = min;
        row.max = max;
        row.coveredHa = covered / 10000.0;
        row.coveredPct = 100.0 * covered / zoneArea;
        row.valueFeatures = n;
    }
};

} // namespace

ZonalResult zonal(layers::Workspace& ws, const std::string& values, const layers::Progress& progress)
{
    return zonal(ws, values, std::vector<std::string>{}, progress);
}

ZonalResult zonal(layers::Workspace& ws, const std::string& values, const std::vector<std::string>& kinds,
                  const layers::Progress& progress)
{
    for (const auto& k : kinds)
        if (!layers::findKind(k))
            throw layers::Error(layers::ErrorKind::Usage, "--kinds: unknown kind '" + k + "'");
    ZonalResult result;
    int field = -1;
    auto table = std::optional<gis::Layer>(valueLayer(ws, values, result, field));
    // For each programme polygon, read only the value polygons near it (the GeoPackage R-tree
    // answers the envelope), test them against the polygon prepared once, and cut only those
    // that cross its edge: a million parcels cost what the few hundred around a park cost.
    std::vector<std::pair<std::string, std::string>> targets; // layer, kind
    for (const auto& layer : ws.layers()) {
        const auto* kind = layers::findKind(layer.kind);
        if (!kind || !kind->programme || layer.name == result.valuesLayer)
            continue;
        if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), layer.kind) == kinds.end())
            continue;
        auto features = ws.dataset().layerByName(layer.name);
        if (features && features->geometryFamily() == gis::GeometryFamily::Polygon)
            targets.emplace_back(layer.name, layer.kind);
    }
    std::size_t done = 0;
    for (const auto& [layerName, kindName] : targets) {
        progress.update(static_cast<double>(done++) / static_cast<double>(targets.size()), "zonal");
        auto features = ws.dataset().layerByName(layerName);
        const int code = features->fieldIndex("code"), name = features->fieldIndex("name_vi");
        features->resetReading();
        while (auto f = features->next()) {
            progress.checkCancelled();
            auto g = f->takeGeometry();
            if (g.isEmpty())
                continue;
            ZonalRow row{layerName, kindName, code >= 0 ? gis::toString(f->value(code)) : "",
                         name >= 0 ? gis::toString(f->value(name)) : "", {}, {}, {}, 0, 0, 0};
            const gis::PreparedGeometry prepared(g);
            Accumulator acc;
            table->setSpatialFilter(g.envelope());
            table->resetReading();
            while (auto vf = table->next()) {
                const auto value = numeric(vf->value(field));
                if (!value)
                    continue;
                const auto v = vf->takeGeometry();
                if (v.isEmpty())
                    continue;
                if (const double a = overlapArea(prepared, g, v); a > 0)
                    acc.add(a, *value);
            }
            table->setSpatialFilter(std::nullopt);
            acc.fill(row, g.area());
            result.rows.push_back(std::move(row));
        }
    }
    std::sort(result.rows.begin(), result.rows.end(), [](const ZonalRow& a, const ZonalRow& b) {
        return std::make_tuple(layers::kindRank(a.kind), a.code, a.layer) <
               std::make_tuple(layers::kindRank(b.kind), b.code, b.layer);
    });
    progress.update(1.0, "zonal");
    return result;
}

ZonalResult zonalByUnits(layers::Workspace& ws, const std::string& values, const std::string& unitsLayer,
                         const layers::Progress& progress)
{
    ZonalResult result;
    int field = -1;
    auto table = valueLayer(ws, values, result, field);
    const auto units = detail::readUnits(ws, unitsLayer);
    std::vector<Accumulator> acc(units.size());
    std::vector<std::unique_ptr<gis::PreparedGeometry>> prepared;
    gis::SpatialIndex index;
    for (std::size_t i = 0; i < units.size(); ++i) {
        prepared.push_back(std::make_unique<gis::PreparedGeometry>(units[i].geometry));
        index.insert(*units[i].geometry.envelope(), static_cast<std::int64_t>(i));
    }
    const auto total = table.featureCount(false);
    std::int64_t read = 0;
    table.resetReading();
    while (auto f = table.next()) {
        if (++read % 20000 == 0)
            progress.update(total > 0 ? static_cast<double>(read) / static_cast<double>(total) : 0.5, "zonal by unit");
        const auto value = numeric(f->value(field));
        if (!value)
            continue;
        const auto v = f->takeGeometry();
        if (v.isEmpty())
            continue;
        for (auto i : index.query(*v.envelope())) {
            const auto u = static_cast<std::size_t>(i);
            if (const double a = overlapArea(*prepared[u], units[u].geometry, v); a > 0)
                acc[u].add(a, *value);
        }
    }
    const auto registered = ws.findLayer(unitsLayer);
    for (std::size_t i = 0; i < units.size(); ++i) {
        ZonalRow row{unitsLayer, registered ? registered->kind : std::string(), units[i].code, units[i].name,
                     {}, {}, {}, 0, 0, 0};
        acc[i].fill(row, units[i].geometry.area());
        result.rows.push_back(std::move(row));
    }
    std::sort(result.rows.begin(), result.rows.end(), [](const ZonalRow& a, const ZonalRow& b) { return a.code < b.code; });
    progress.update(1.0, "zonal by unit");
    return result;
}

} // namespace pa::analysis
