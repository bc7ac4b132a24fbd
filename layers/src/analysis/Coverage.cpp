#include "planatlas/layers/analysis/Coverage.h"

#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/SpatialIndex.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"

#include <algorithm>
#include <map>
#include <set>

namespace pa::analysis {

using gis::GeometryFamily;
using gis::sqlIdentifier;
using layers::Error;
using layers::ErrorKind;

namespace {

struct Feature
{
    std::int64_t fid;
    gis::Geometry geometry;
    gis::Envelope envelope;
};

struct KindLayer
{
    std::string layer;
    std::string kind;
    std::vector<Feature> features;
    std::unique_ptr<gis::SpatialIndex> index;
    std::map<std::int64_t, std::set<std::int64_t>> tasksOf; ///< feature fid → task fids
    std::vector<bool> reached;                              ///< per feature: reaches into some unit
};

std::vector<Feature> readFeatures(layers::Workspace& ws, const std::string& layerName,
                                  InputNotes& notes)
{
    std::vector<Feature> features;
    detail::InputLayer layer(ws, layerName, &notes);
    if (!layer.exists())
        return features;
    layer.resetReading();
    while (auto row = layer.next()) {
        if (row->geometry.isEmpty())
            continue;
        const auto e = *row->geometry.envelope();
        features.push_back({row->feature.fid(), std::move(row->geometry), e});
    }
    return features;
}

} // namespace

CoverageResult coverage(layers::Workspace& workspace, const std::string& unitsLayer,
                        const layers::Progress& progress)
{
    auto& ds = workspace.dataset();
    CoverageResult result;
    const auto units = detail::readUnits(workspace, unitsLayer, &result.notes);
    const auto registered = workspace.layers();

    result.unitsLayer = unitsLayer;
    result.crs = workspace.crs().label();

    // Programme layers grouped by kind, in the registry's order of kinds.
    std::map<std::string, std::vector<KindLayer>> byKind;
    for (const auto& l : registered) {
        const auto* kind = layers::findKind(l.kind);
        if (!kind || !kind->programme || l.name == unitsLayer)
            continue;
        KindLayer k{l.name,
                    l.kind,
                    readFeatures(workspace, l.name, result.notes),
                    std::make_unique<gis::SpatialIndex>(),
                    {},
                    {}};
        k.reached.assign(k.features.size(), false);
        for (std::size_t i = 0; i < k.features.size(); ++i)
            k.index->insert(k.features[i].envelope, static_cast<std::int64_t>(i));
        if (!l.linkTable.empty() && ds.layerByName(l.linkTable))
            for (const auto& row :
                 ds.execute("SELECT base_id, related_id FROM " + sqlIdentifier(l.linkTable)).rows)
                k.tasksOf[std::get<std::int64_t>(row[0])].insert(std::get<std::int64_t>(row[1]));
        byKind[l.kind].push_back(std::move(k));
    }
    for (const auto& kind : layers::layerKinds())
        if (byKind.contains(std::string(kind.id)))
            result.kinds.emplace_back(kind.id);

    // Lead agencies by task fid.
    const auto leadsOf = detail::leadsByTaskFid(workspace);

    const double m2PerHa = 10000.0;
    for (std::size_t u = 0; u < units.size(); ++u) {
        progress.update(static_cast<double>(u) /
                            static_cast<double>(std::max<std::size_t>(units.size(), 1)),
                        "coverage");
        const detail::Unit& unit = units[u];
        const double unitAreaHa = unit.geometry.area() / m2PerHa;
        result.unitAreaHa[unit.code] = unitAreaHa;
        const auto unitEnvelope = *unit.geometry.envelope();
        for (const auto& kind : result.kinds) {
            CoverageRow row;
            row.unitCode = unit.code;
            row.unitName = unit.name;
            row.kind = kind;
            std::set<std::int64_t> tasks;
            std::set<std::string> leads;
            std::vector<gis::Geometry> pieces;
            for (auto& k : byKind[kind]) {
                for (auto i : k.index->query(unitEnvelope)) {
                    const Feature& f = k.features[static_cast<std::size_t>(i)];
                    bool inside = false;
                    switch (f.geometry.family()) {
                    case GeometryFamily::Polygon: {
                        auto piece = unit.geometry.intersection(f.geometry);
                        if (piece.area() > 0) {
                            inside = true;
                            pieces.push_back(std::move(piece));
                        }
                        break;
                    }
                    case GeometryFamily::Line: {
                        const double length = unit.geometry.intersection(f.geometry).length();
                        if (length > 0) {
                            inside = true;
                            row.lengthKm += length / 1000.0;
                        }
                        break;
                    }
                    default:
                        inside = unit.geometry.intersects(f.geometry);
                        break;
                    }
                    if (!inside)
                        continue;
                    k.reached[static_cast<std::size_t>(i)] = true;
                    ++row.features;
                    if (auto t = k.tasksOf.find(f.fid); t != k.tasksOf.end())
                        for (auto task : t->second) {
                            tasks.insert(task);
                            if (auto l = leadsOf.find(task); l != leadsOf.end())
                                leads.insert(l->second.begin(), l->second.end());
                        }
                }
            }
            if (!pieces.empty()) {
                std::vector<const gis::Geometry*> parts;
                for (const auto& p : pieces)
                    parts.push_back(&p);
                // Overlapping features of one kind are counted once.
                row.areaHa = gis::Geometry::unionOf(parts).area() / m2PerHa;
                row.sharePct = unitAreaHa > 0 ? 100.0 * row.areaHa / unitAreaHa : 0.0;
            }
            row.linkedTasks = static_cast<std::int64_t>(tasks.size());
            row.leadAgencies.assign(leads.begin(), leads.end());
            row.gap = row.features == 0;
            result.rows.push_back(std::move(row));
        }
    }
    for (const auto& kind : result.kinds) {
        std::int64_t out = 0;
        for (const auto& k : byKind[kind])
            out += std::count(k.reached.begin(), k.reached.end(), false);
        if (out > 0)
            result.outside[kind] = out;
    }
    progress.update(1.0, "coverage");
    return result;
}

} // namespace pa::analysis
