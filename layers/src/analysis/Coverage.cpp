#include "planatlas/layers/analysis/Coverage.h"

#include "InDatabase_p.h"
#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/SpatialIndex.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Parallel.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace pa::analysis {

using gis::GeometryFamily;
using gis::sqlIdentifier;

namespace {

/// A programme layer of the workspace.
struct ProgrammeLayer
{
    std::string name;
    std::size_t kind = 0;                                   ///< index into CoverageResult::kinds
    std::map<std::int64_t, std::set<std::int64_t>> tasksOf; ///< feature fid → task fids
    std::int64_t features = 0;                              ///< features with a geometry
    std::set<std::int64_t> reached; ///< fids of those that reach into some unit
};

/// What one unit holds of one kind, measured by either engine in the same order (layer, then
/// fid), so that sums and unions are made alike.
struct Measure
{
    std::vector<std::pair<std::size_t, std::int64_t>> hits; ///< (layer, fid) reaching in
    double areaM2 = 0;                                      ///< union of the polygons inside
    double lengthM = 0;                                     ///< lines: length inside
};
using Measures = std::vector<std::vector<Measure>>; ///< [unit][kind]

struct Feature
{
    std::int64_t fid;
    gis::Geometry geometry;
    gis::Envelope envelope;
};

/// The programme layers measured by PlanAtlas: every feature read, indexed, and cut by the
/// units it meets.
Measures measureHere(std::vector<detail::InputLayer>& inputs, std::vector<ProgrammeLayer>& layers,
                     const std::vector<detail::Unit>& units, std::size_t kinds,
                     const layers::Progress& progress)
{
    std::vector<std::vector<Feature>> features(layers.size());
    std::vector<gis::SpatialIndex> index(layers.size());
    for (std::size_t l = 0; l < layers.size(); ++l) {
        auto& input = inputs[l];
        input.resetReading();
        while (auto row = input.next()) {
            if (row->geometry.isEmpty())
                continue;
            const auto e = *row->geometry.envelope();
            features[l].push_back({row->feature.fid(), std::move(row->geometry), e});
        }
        layers[l].features = static_cast<std::int64_t>(features[l].size());
        for (std::size_t i = 0; i < features[l].size(); ++i)
            index[l].insert(features[l][i].envelope, static_cast<std::int64_t>(i));
    }
    Measures measures(units.size(), std::vector<Measure>(kinds));
    for (std::size_t u = 0; u < units.size(); ++u) {
        progress.update(static_cast<double>(u) / static_cast<double>(units.size()), "coverage");
        const auto& unit = units[u].geometry;
        const auto unitEnvelope = *unit.envelope();
        std::vector<std::vector<gis::Geometry>> pieces(kinds);
        for (std::size_t l = 0; l < layers.size(); ++l) {
            auto candidates = index[l].query(unitEnvelope);
            std::sort(candidates.begin(), candidates.end(), [&](auto a, auto b) {
                return features[l][static_cast<std::size_t>(a)].fid <
                       features[l][static_cast<std::size_t>(b)].fid;
            });
            Measure& m = measures[u][layers[l].kind];
            for (const auto i : candidates) {
                const Feature& f = features[l][static_cast<std::size_t>(i)];
                bool inside = false;
                switch (f.geometry.family()) {
                case GeometryFamily::Polygon: {
                    auto piece = unit.intersection(f.geometry);
                    if (piece.area() > 0) {
                        inside = true;
                        pieces[layers[l].kind].push_back(std::move(piece));
                    }
                    break;
                }
                case GeometryFamily::Line: {
                    const double length = unit.intersection(f.geometry).length();
                    if (length > 0) {
                        inside = true;
                        m.lengthM += length;
                    }
                    break;
                }
                default:
                    inside = unit.intersects(f.geometry);
                    break;
                }
                if (inside)
                    m.hits.emplace_back(l, f.fid);
            }
        }
        for (std::size_t k = 0; k < kinds; ++k) {
            if (pieces[k].empty())
                continue;
            std::vector<const gis::Geometry*> parts;
            for (const auto& p : pieces[k])
                parts.push_back(&p);
            // Overlapping features of one kind are counted once.
            measures[u][k].areaM2 = gis::Geometry::unionOf(parts).area();
        }
    }
    return measures;
}

/// The programme layers measured by the database server: the units are sent with the
/// statements, a few to each (parts run on several connections at once); the server cuts each
/// feature by the units it meets and unites the pieces of a kind in (layer, fid) order, as
/// measureHere does.
Measures measureInDatabase(layers::Workspace& ws, std::vector<detail::InputLayer>& inputs,
                           std::vector<ProgrammeLayer>& layers,
                           const std::vector<detail::Unit>& units, std::size_t kinds,
                           InputNotes& notes, const layers::Progress& progress)
{
    Measures measures(units.size(), std::vector<Measure>(kinds));
    std::vector<detail::DatabaseTable> tables;
    std::string featuresOf; // the lateral subquery: every layer's features near a unit
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const auto t = detail::databaseTable(ws, inputs[l]);
        const std::string g = "s." + t.geometry;
        featuresOf += std::string(featuresOf.empty() ? "" : " UNION ALL ") + "SELECT " +
                      std::to_string(layers[l].kind) + " AS k, " + std::to_string(l) + " AS l, s." +
                      t.fid + " AS fid, ST_Dimension(" + g + ") AS d, " +
                      detail::repairedOwnFamilySql(g) + " AS g FROM " + t.table + " s WHERE " + g +
                      " && u.g";
        // The features with a geometry, and the invalid ones the statements repair (noted as
        // InputLayer notes those it repairs).
        const auto count =
            ws.dataset()
                .execute("SELECT count(*) AS features, count(*) FILTER (WHERE NOT ST_IsValid(" + g +
                         ")) AS invalid FROM " + t.table + " s WHERE " + g +
                         " IS NOT NULL AND NOT ST_IsEmpty(" + detail::repairedOwnFamilySql(g) + ")")
                .rows;
        if (!count.empty()) {
            layers[l].features = static_cast<std::int64_t>(detail::realOf(count[0][0]));
            if (const auto invalid = static_cast<std::int64_t>(detail::realOf(count[0][1])))
                notes.repaired[layers[l].name] += invalid;
        }
        tables.push_back(t);
    }
    if (layers.empty() || units.empty())
        return measures;
    const int srid = tables.front().srid;
    const std::size_t parts = std::min<std::size_t>(units.size(), 16);
    const std::function<std::string(std::size_t)> statement = [&](std::size_t part) {
        std::string values;
        for (std::size_t u = part; u < units.size(); u += parts)
            values += (values.empty() ? "" : ", ") + std::string("(") + std::to_string(u) + ", " +
                      detail::geometrySql(units[u].geometry, srid) + ")";
        return "WITH u(i, g) AS (VALUES " + values +
               "), hit AS MATERIALIZED (SELECT u.i, x.k, x.l, x.fid, x.d, CASE WHEN x.d = 2 THEN "
               "ST_Intersection(u.g, x.g) END AS piece, CASE WHEN x.d = 1 THEN "
               "ST_Length(ST_Intersection(u.g, x.g)) END AS len FROM u CROSS JOIN LATERAL (" +
               featuresOf +
               ") x WHERE ST_Intersects(u.g, x.g)), inside AS MATERIALIZED (SELECT * FROM hit "
               "WHERE (d = 2 AND ST_Area(piece) > 0) OR (d = 1 AND len > 0) OR d = 0) "
               "SELECT i, k, l, fid, len, NULL::double precision AS area FROM inside UNION ALL "
               "SELECT i, k, NULL, NULL, NULL, ST_Area(ST_Union(piece ORDER BY l, fid)) FROM "
               "inside WHERE d = 2 GROUP BY i, k";
    };
    struct Hit
    {
        std::size_t unit, kind, layer;
        std::int64_t fid;
        double length;
    };
    std::vector<std::vector<Hit>> hits(parts);
    std::vector<std::vector<std::tuple<std::size_t, std::size_t, double>>> areas(parts);
    detail::runInDatabase(
        ws, parts, statement,
        [&](std::size_t part, const gis::SqlResult& rows) {
            for (const auto& row : rows.rows) {
                const auto unit = static_cast<std::size_t>(detail::realOf(row[0]));
                const auto kind = static_cast<std::size_t>(detail::realOf(row[1]));
                if (std::holds_alternative<std::monostate>(row[2]))
                    areas[part].emplace_back(unit, kind, detail::realOf(row[5]));
                else
                    hits[part].push_back({unit, kind,
                                          static_cast<std::size_t>(detail::realOf(row[2])),
                                          static_cast<std::int64_t>(detail::realOf(row[3])),
                                          detail::realOf(row[4])});
            }
        },
        progress, "coverage");
    std::vector<Hit> all;
    for (auto& part : hits)
        all.insert(all.end(), part.begin(), part.end());
    // In the order measureHere meets them: unit, layer, fid.
    std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
        return std::tie(a.unit, a.layer, a.fid) < std::tie(b.unit, b.layer, b.fid);
    });
    for (const auto& h : all) {
        auto& m = measures[h.unit][h.kind];
        m.hits.emplace_back(h.layer, h.fid);
        m.lengthM += h.length;
    }
    for (const auto& part : areas)
        for (const auto& [unit, kind, area] : part)
            measures[unit][kind].areaM2 = area;
    return measures;
}

/// Where the programme layers are measured, and why: the server only when asked (every
/// feature is measured, which PlanAtlas does faster from the rows), and then only when every
/// layer is a table it can read (chooseEngine refuses with why otherwise). A choice for
/// PlanAtlas is said of the largest layer.
EngineChoice chooseCoverageEngine(layers::Workspace& ws, std::vector<detail::InputLayer>& inputs,
                                  Engine requested)
{
    std::optional<EngineChoice> here;
    std::int64_t features = 0;
    for (auto& input : inputs) {
        auto choice = detail::chooseEngine(ws, input, requested, detail::Reach::Every);
        if (!choice.database && (!here || choice.features > here->features))
            here = std::move(choice);
        else if (choice.database)
            features += choice.features;
    }
    if (inputs.empty() || here)
        return here.value_or(EngineChoice{});
    return {true,
            "computed in the database server (PostGIS, " + std::to_string(layers::workerThreads()) +
                " connections in parallel): " + std::to_string(inputs.size()) +
                " programme layer(s) of " + std::to_string(features) +
                " features in all (--engine database)",
            features};
}

} // namespace

CoverageResult coverage(layers::Workspace& workspace, const std::string& unitsLayer,
                        const layers::Progress& progress, Engine engine)
{
    auto& ds = workspace.dataset();
    CoverageResult result;
    const auto units = detail::readUnits(workspace, unitsLayer, &result.notes);
    result.unitsLayer = unitsLayer;
    result.crs = workspace.crs().label();

    // Programme layers in the registry's order of kinds, then of layers.
    std::vector<ProgrammeLayer> layers;
    std::vector<detail::InputLayer> inputs;
    const auto registered = workspace.layers();
    for (const auto& kind : layers::layerKinds()) {
        if (!kind.programme)
            continue;
        bool any = false;
        for (const auto& l : registered) {
            if (l.kind != kind.id || l.name == unitsLayer)
                continue;
            any = true;
            detail::InputLayer input(workspace, l.name, &result.notes);
            if (!input.exists())
                continue; // a registered layer whose table is gone: nothing of it to measure
            ProgrammeLayer p{l.name, result.kinds.size(), {}, 0, {}};
            if (!l.linkTable.empty() && ds.layerByName(l.linkTable))
                for (const auto& row :
                     ds.execute("SELECT base_id, related_id FROM " + sqlIdentifier(l.linkTable))
                         .rows)
                    p.tasksOf[std::get<std::int64_t>(row[0])].insert(
                        std::get<std::int64_t>(row[1]));
            layers.push_back(std::move(p));
            inputs.push_back(std::move(input));
        }
        if (any)
            result.kinds.emplace_back(kind.id);
    }

    result.engine = chooseCoverageEngine(workspace, inputs, engine);
    const auto measures = result.engine.database
                              ? measureInDatabase(workspace, inputs, layers, units,
                                                  result.kinds.size(), result.notes, progress)
                              : measureHere(inputs, layers, units, result.kinds.size(), progress);

    // Lead agencies by task fid.
    const auto leadsOf = detail::leadsByTaskFid(workspace);
    const double m2PerHa = 10000.0;
    for (std::size_t u = 0; u < units.size(); ++u) {
        const detail::Unit& unit = units[u];
        const double unitAreaHa = unit.geometry.area() / m2PerHa;
        result.unitAreaHa[unit.code] = unitAreaHa;
        for (std::size_t k = 0; k < result.kinds.size(); ++k) {
            const Measure& m = measures[u][k];
            CoverageRow row;
            row.unitCode = unit.code;
            row.unitName = unit.name;
            row.kind = result.kinds[k];
            row.features = static_cast<std::int64_t>(m.hits.size());
            row.lengthKm = m.lengthM / 1000.0;
            if (m.areaM2 > 0) {
                row.areaHa = m.areaM2 / m2PerHa;
                row.sharePct = unitAreaHa > 0 ? 100.0 * row.areaHa / unitAreaHa : 0.0;
            }
            std::set<std::int64_t> tasks;
            std::set<std::string> leads;
            for (const auto& [l, fid] : m.hits) {
                layers[l].reached.insert(fid);
                if (auto t = layers[l].tasksOf.find(fid); t != layers[l].tasksOf.end())
                    for (auto task : t->second) {
                        tasks.insert(task);
                        if (auto lead = leadsOf.find(task); lead != leadsOf.end())
                            leads.insert(lead->second.begin(), lead->second.end());
                    }
            }
            row.linkedTasks = static_cast<std::int64_t>(tasks.size());
            row.leadAgencies.assign(leads.begin(), leads.end());
            row.gap = row.features == 0;
            result.rows.push_back(std::move(row));
        }
    }
    for (std::size_t k = 0; k < result.kinds.size(); ++k) {
        std::int64_t out = 0;
        for (const auto& l : layers)
            if (l.kind == k)
                out += l.features - static_cast<std::int64_t>(l.reached.size());
        if (out > 0)
            result.outside[result.kinds[k]] = out;
    }
    progress.update(1.0, "coverage");
    return result;
}

} // namespace pa::analysis
