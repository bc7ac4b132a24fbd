#include "planatlas/layers/analysis/Targets.h"

#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"

#include <cmath>
#include <map>

namespace pa::analysis {

using gis::sqlIdentifier;

bool targetMet(const std::string& comparator, double value, std::optional<double> valueMax,
               double measured)
{
    if (comparator == ">")
        return measured > value;
    if (comparator == ">=")
        return measured >= value;
    if (comparator == "<")
        return measured < value;
    if (comparator == "<=")
        return measured <= value;
    if (comparator == "range")
        return measured >= value && measured <= valueMax.value_or(value);
    if (comparator == "approx")
        return std::abs(measured - value) <= 0.10 * std::abs(value);
    return std::abs(measured - value) <= 0.01 * std::abs(value); // "="
}

namespace {

struct Measure
{
    double lengthKm = 0, areaHa = 0;
    std::int64_t count = 0;
    bool any = false;
};

/// Length, area and count of the features of @p kind inside @p province.
Measure measureKind(layers::Workspace& ws, const std::string& kind, const gis::Geometry& province,
                    InputNotes& notes)
{
    Measure m;
    std::vector<gis::Geometry> pieces;
    for (const auto& layer : ws.layers()) {
        if (layer.kind != kind)
            continue;
        detail::InputLayer table(ws, layer.name, &notes);
        if (!table.exists())
            continue;
        m.any = true;
        table.resetReading();
        while (auto f = table.next()) {
            const auto& g = f->geometry;
            if (g.isEmpty())
                continue;
            auto piece = province.intersection(g);
            if (piece.isEmpty())
                continue;
            ++m.count;
            m.lengthKm += piece.length() / 1000.0;
            if (piece.family() == gis::GeometryFamily::Polygon)
                pieces.push_back(std::move(piece));
        }
    }
    std::vector<const gis::Geometry*> parts;
    for (const auto& p : pieces)
        parts.push_back(&p);
    if (!parts.empty())
        m.areaHa = gis::Geometry::unionOf(parts).area() / 10000.0;
    return m;
}

} // namespace

TargetsResult targets(layers::Workspace& ws, const std::string& provinceLayer,
                      const layers::Progress& progress)
{
    TargetsResult result;
    result.provinceLayer = detail::provinceLayer(ws, provinceLayer);

    // The province of each document: the one valid on its date, unless one was asked for.
    std::map<std::string, std::string> documentProvince;
    if (provinceLayer.empty()) {
        const bool notBefore = ws.schemaVersion() >= layers::kSchemaPlanReview;
        for (const auto& row :
             ws.dataset()
                 .execute(std::string("SELECT doc_id, COALESCE(issued_on, ") +
                          (notBefore ? "not_before" : "NULL") + ") FROM plan_documents")
                 .rows) {
            const std::string date = gis::toString(row[1]);
            const std::string layer =
                date.empty() ? std::string() : detail::provinceLayerOn(ws, date);
            documentProvince[gis::toString(row[0])] = layer.empty() ? result.provinceLayer : layer;
        }
    }
    std::map<std::string, gis::Geometry> provinces;
    auto province = [&](const std::string& layer) -> const gis::Geometry& {
        if (!provinces.contains(layer))
            provinces.emplace(layer, detail::unionOfLayer(ws, layer, &result.notes));
        return provinces.at(layer);
    };
    std::map<std::string, Measure> measures; // by province layer and kind, computed once
    std::string where;                       // the province of the target being measured
    auto measure = [&](const std::string& kind) -> const Measure& {
        const std::string key = where + "|" + kind;
        if (!measures.contains(key))
            measures[key] = measureKind(ws, kind, province(where), result.notes);
        return measures[key];
    };
    const auto rows = ws.dataset().execute("SELECT target_id, doc_id, indicator, comparator, "
                                           "value, value_max, unit, year, metric FROM plan_targets "
                                           "WHERE metric IS NOT NULL ORDER BY doc_id, fid");
    std::size_t i = 0;
    for (const auto& row : rows.rows) {
        progress.update(static_cast<double>(i++) / static_cast<double>(rows.rows.size()),
                        "targets");
        TargetRow t;
        t.targetId = gis::toString(row[0]);
        t.docId = gis::toString(row[1]);
        t.indicator = gis::toString(row[2]);
        t.comparator = gis::toString(row[3]);
        if (const auto* v = std::get_if<double>(&row[4]))
            t.value = *v;
        if (const auto* v = std::get_if<double>(&row[5]))
            t.valueMax = *v;
        t.unit = gis::toString(row[6]);
        if (const auto* y = std::get_if<std::int64_t>(&row[7]))
            t.year = static_cast<int>(*y);
        t.metric = gis::toString(row[8]);
        const auto doc = documentProvince.find(t.docId);
        where = doc == documentProvince.end() ? result.provinceLayer : doc->second;
        t.provinceLayer = where;
        std::optional<double> measured;
        std::string kind;
        if (t.metric == "expressway_length_km") {
            kind = "expressway";
            measured = measure(kind).lengthKm;
        } else if (t.metric == "industrial_park_area_ha" || t.metric == "industrial_park_count") {
            kind = "industrial_park";
            measured = t.metric.ends_with("count") ? static_cast<double>(measure(kind).count)
                                                   : measure(kind).areaHa;
        } else if (t.metric == "industrial_cluster_area_ha" ||
                   t.metric == "industrial_cluster_count") {
            kind = "industrial_cluster";
            measured = t.metric.ends_with("count") ? static_cast<double>(measure(kind).count)
                                                   : measure(kind).areaHa;
        } else if (t.metric == "forest_cover_pct") {
            kind = "forest";
            measured = 100.0 * measure(kind).areaHa / (province(where).area() / 10000.0);
        }
        if (kind.empty()) {
            t.status = "not measurable";
            t.note = "the map cannot measure " + t.metric;
        } else if (!measure(kind).any) {
            t.status = "no data";
            t.note = "the workspace has no " + kind + " layer";
        } else {
            t.measured = measured;
            t.status = targetMet(t.comparator, t.value, t.valueMax, *measured) ? "met" : "not met";
            t.note =
                "measured in " + where + " from every " + kind + " feature, whatever its status";
        }
        result.rows.push_back(std::move(t));
    }
    progress.update(1.0, "targets");
    return result;
}

} // namespace pa::analysis
