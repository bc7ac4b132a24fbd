#include "planatlas/layers/analysis/Zonal.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Prepared.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"

#include <algorithm>
#include <tuple>

namespace pa::analysis {

ZonalResult zonal(layers::Workspace& ws, const std::string& values, const layers::Progress& progress)
{
    ZonalResult result;
    const auto colon = values.find(':');
    result.valuesLayer = values.substr(0, colon);
    result.field = colon == std::string::npos ? "price_vnd_m2" : values.substr(colon + 1);
    auto table = ws.dataset().layerByName(result.valuesLayer);
    if (!table || !ws.findLayer(result.valuesLayer))
        throw layers::Error(layers::ErrorKind::Usage, "--values: the workspace has no layer '" + result.valuesLayer + "'");
    if (table->geometryFamily() != gis::GeometryFamily::Polygon)
        throw layers::Error(layers::ErrorKind::Usage, "--values: layer '" + result.valuesLayer + "' is not a polygon layer");
    const int field = table->fieldIndex(result.field);
    if (field < 0)
        throw layers::Error(layers::ErrorKind::Usage, "--values: layer '" + result.valuesLayer + "' has no field '" +
                                                          result.field + "'");
    auto numeric = [&](const gis::FieldValue& v) -> std::optional<double> {
        if (const auto* d = std::get_if<double>(&v))
            return *d;
        if (const auto* i = std::get_if<std::int64_t>(&v))
            return static_cast<double>(*i);
        return std::nullopt; // no value: not part of the statistics
    };
    // For each programme polygon, read only the value polygons near it (the GeoPackage R-tree
    // answers the envelope), test them against the polygon prepared once, and cut only those
    // that cross its edge: a million parcels cost what the few hundred around a park cost.
    std::vector<std::pair<std::string, std::string>> targets; // layer, kind
    for (const auto& layer : ws.layers()) {
        const auto* kind = layers::findKind(layer.kind);
        if (!kind || !kind->programme || layer.name == result.valuesLayer)
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
                         name >= 0 ? gis::toString(f->value(name)) : "", {}, {}, {}, 0, 0};
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

} // namespace pa::analysis
