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
            double weighted = 0, covered = 0;
            table->setSpatialFilter(g.envelope());
            table->resetReading();
            while (auto vf = table->next()) {
                const auto value = numeric(vf->value(field));
                if (!value)
                    continue;
                const auto v = vf->takeGeometry();
                if (v.isEmpty() || !prepared.intersects(v))
                    continue;
                const double a = prepared.contains(v) ? v.area() : g.intersection(v).area();
                if (a <= 0)
                    continue;
                weighted += a * *value;
                covered += a;
                ++row.valueFeatures;
                row.min = row.min ? std::min(*row.min, *value) : *value;
                row.max = row.max ? std::max(*row.max, *value) : *value;
            }
            table->setSpatialFilter(std::nullopt);
            if (covered > 0)
                row.mean = weighted / covered; // overlapping value polygons weigh by their overlap
            row.coveredHa = covered / 10000.0;
            row.coveredPct = 100.0 * covered / g.area();
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
    struct Acc
    {
        double weighted = 0, covered = 0;
        std::optional<double> min, max;
        std::int64_t n = 0;
    };
    std::vector<Acc> acc(units.size());
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
            double a = 0;
            if (prepared[u]->contains(v))
                a = v.area();
            else if (prepared[u]->intersects(v))
                a = units[u].geometry.intersection(v).area();
            if (a <= 0)
                continue;
            auto& s = acc[u];
            s.weighted += a * *value;
            s.covered += a;
            s.min = s.min ? std::min(*s.min, *value) : *value;
            s.max = s.max ? std::max(*s.max, *value) : *value;
            ++s.n;
        }
    }
    const auto registered = ws.findLayer(unitsLayer);
    for (std::size_t i = 0; i < units.size(); ++i) {
        ZonalRow row{unitsLayer, registered ? registered->kind : std::string(), units[i].code, units[i].name, {}, acc[i].min,
                     acc[i].max, acc[i].covered / 10000.0, 0, acc[i].n};
        if (acc[i].covered > 0)
            row.mean = acc[i].weighted / acc[i].covered;
        row.coveredPct = 100.0 * acc[i].covered / units[i].geometry.area();
        result.rows.push_back(std::move(row));
    }
    std::sort(result.rows.begin(), result.rows.end(), [](const ZonalRow& a, const ZonalRow& b) { return a.code < b.code; });
    progress.update(1.0, "zonal by unit");
    return result;
}

} // namespace pa::analysis
