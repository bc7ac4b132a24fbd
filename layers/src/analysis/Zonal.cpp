#include "planatlas/layers/analysis/Zonal.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/SpatialIndex.h"
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
    // Value polygons with a numeric value.
    struct Value
    {
        gis::Geometry geometry;
        double value;
    };
    std::vector<Value> valuesList;
    gis::SpatialIndex index;
    table->resetReading();
    while (auto f = table->next()) {
        const auto v = f->value(field);
        double number = 0;
        if (const auto* d = std::get_if<double>(&v))
            number = *d;
        else if (const auto* i = std::get_if<std::int64_t>(&v))
            number = static_cast<double>(*i);
        else
            continue; // no value: not part of the statistics
        auto g = f->takeGeometry();
        if (g.isEmpty())
            continue;
        index.insert(*g.envelope(), static_cast<std::int64_t>(valuesList.size()));
        valuesList.push_back({std::move(g), number});
    }
    // Programme polygons.
    for (const auto& layer : ws.layers()) {
        const auto* kind = layers::findKind(layer.kind);
        if (!kind || !kind->programme || layer.name == result.valuesLayer)
            continue;
        auto features = ws.dataset().layerByName(layer.name);
        if (!features || features->geometryFamily() != gis::GeometryFamily::Polygon)
            continue;
        const int code = features->fieldIndex("code"), name = features->fieldIndex("name_vi");
        features->resetReading();
        while (auto f = features->next()) {
            progress.checkCancelled();
            auto g = f->takeGeometry();
            if (g.isEmpty())
                continue;
            ZonalRow row{layer.name, layer.kind, code >= 0 ? gis::toString(f->value(code)) : "",
                         name >= 0 ? gis::toString(f->value(name)) : "", {}, {}, {}, 0, 0};
            double weighted = 0, covered = 0;
            for (auto i : index.query(*g.envelope())) {
                const auto& v = valuesList[static_cast<std::size_t>(i)];
                const double a = g.intersection(v.geometry).area();
                if (a <= 0)
                    continue;
                weighted += a * v.value;
                covered += a;
                row.min = row.min ? std::min(*row.min, v.value) : v.value;
                row.max = row.max ? std::max(*row.max, v.value) : v.value;
            }
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
