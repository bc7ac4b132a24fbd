#include "planatlas/layers/analysis/Proximity.h"

#include "InDatabase_p.h"
#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Prepared.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Parallel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <future>
#include <limits>
#include <numeric>
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
        throw layers::Error(
            layers::ErrorKind::Usage,
            statuses.empty()
                ? layers::Sentence(QT_TRANSLATE_NOOP(
                      "pa::layers",
                      "the workspace has no expressway feature; import one of kind expressway"))
                : layers::Sentence(QT_TRANSLATE_NOOP(
                      "pa::layers", "the workspace has no expressway feature with those "
                                    "statuses; import one of kind expressway")));
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
        throw layers::ParameterError(
            "to",
            {QT_TRANSLATE_NOOP("pa::layers", "must be expressway or urban_centre[:tier], not '%1'"),
             {target}});
    auto targets = readFeatures(
        ws, [&](const std::string& k) { return k == kind; }, result.notes);
    if (!tier.empty())
        std::erase_if(targets, [&](const Feature& t) { return t.tier != tier; });
    if (targets.empty())
        throw layers::Error(
            layers::ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers",
                               "the workspace has no %1 feature to measure access to"),
             {target}});
    const auto sources = readFeatures(
        ws, [](const std::string& k) { return industrial(k) || k == "agri_zone"; }, result.notes);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        progress.update(static_cast<double>(i) / static_cast<double>(sources.size()), "access");
        result.rows.push_back(nearest(sources[i], targets));
    }
    progress.update(1.0, "access");
    return result;
}

namespace {

/// corridorOfLayer() in the database server: the network, cut into pieces of at most 64
/// vertices, is sent with the statement; a feature is within when its repaired geometry comes
/// within @p d of some piece (the least distance to the network is the least to its pieces).
/// Each feature is taken by the horizontal strip of the reach holding its envelope's centre, so
/// that the strips (run on several connections) share none.
void measureInDatabase(layers::Workspace& ws, detail::InputLayer& input,
                       const gis::Geometry& network, double d, LayerCorridorResult& result,
                       const layers::Progress& progress)
{
    const auto t = detail::databaseTable(ws, input);
    const auto e = network.envelope();
    result.read = result.features; // every feature is looked at, in the server
    if (!e)
        return;
    const gis::Envelope reach{e->minX - d, e->minY - d, e->maxX + d, e->maxY + d};
    const bool polygons = input.table().geometryFamily() == gis::GeometryFamily::Polygon;
    const std::size_t parts = 8;
    const std::string lines = detail::geometrySql(network, t.srid);
    const std::string g = "s." + t.geometry;
    char distance[40];
    std::snprintf(distance, sizeof distance, "%.17g", d);
    std::vector<std::pair<std::int64_t, double>> slots(parts);
    std::vector<std::int64_t> repaired(parts, 0);
    detail::runInDatabase(
        ws, parts,
        [&](std::size_t k) {
            // The area is taken from the repaired geometry the distance was measured on, not by
            // reading and repairing the feature again; it is the same whichever piece found the
            // feature, so DISTINCT keeps one row per feature.
            return "WITH piece AS (SELECT ST_Subdivide(" + lines +
                   ", 64) AS g), near AS (SELECT DISTINCT s." + t.fid + " AS fid, " +
                   (polygons ? std::string("ST_Area(f.g)") : std::string("0")) +
                   "::double precision AS area, NOT ST_IsValid(" + g + ") AS bad FROM piece JOIN " +
                   t.table + " s ON " + g + " && ST_Expand(piece.g, " + distance + ") AND " +
                   detail::stripSql(g, reach, k, parts, t.srid) + " CROSS JOIN LATERAL (SELECT " +
                   detail::repairedSql(g, input.table().geometryFamily()) +
                   " AS g) f WHERE ST_DWithin(f.g, piece.g, " + distance +
                   ")) SELECT count(*) AS within, coalesce(sum(area), 0) AS area, count(*) FILTER "
                   "(WHERE bad) AS repaired FROM near";
        },
        [&](std::size_t k, const gis::SqlResult& rows) {
            if (!rows.rows.empty()) {
                slots[k] = {static_cast<std::int64_t>(detail::realOf(rows.rows[0][0])),
                            detail::realOf(rows.rows[0][1])};
                repaired[k] = static_cast<std::int64_t>(detail::realOf(rows.rows[0][2]));
            }
        },
        progress, "corridor");
    double areaM2 = 0;
    for (const auto& [within, area] : slots) {
        result.within += within;
        areaM2 += area;
    }
    result.withinAreaHa = areaM2 / 10000.0;
    // The invalid features within, repaired by the statement (each in one strip only).
    if (const auto n = std::accumulate(repaired.begin(), repaired.end(), std::int64_t{0}))
        result.notes.repaired[input.name()] += n;
    progress.update(1.0, "corridor");
}

} // namespace

LayerCorridorResult corridorOfLayer(layers::Workspace& ws, const std::string& layer,
                                    double distanceKm, const std::vector<std::string>& statuses,
                                    const layers::Progress& progress, Engine engine)
{
    LayerCorridorResult result;
    result.layer = layer;
    result.distanceKm = distanceKm;
    detail::InputLayer input(ws, layer, &result.notes);
    if (!input.exists() || !ws.findLayer(layer))
        throw layers::ParameterError(
            "layer", {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {layer}});
    auto* table = &input.table();
    const auto expressways = expresswaysWith(ws, statuses, result.notes);
    std::vector<const gis::Geometry*> lines;
    for (const auto& e : expressways)
        lines.push_back(&e.geometry);
    const auto network = gis::Geometry::unionOf(lines);
    const double d = distanceKm * 1000.0;
    // All features count toward the total (the GeoPackage keeps the count; a schema's is counted
    // once, by the choice of engine when it made one).
    result.engine = detail::chooseEngine(ws, input, engine, detail::Reach::Near);
    result.features =
        result.engine.features >= 0 ? result.engine.features : table->featureCount(true);
    if (result.engine.database) {
        measureInDatabase(ws, input, network, d, result, progress);
        return result;
    }
    const bool polygons = table->geometryFamily() == gis::GeometryFamily::Polygon;
    // Cells wholly inside the buffer by d are within reach without measuring (its arcs are
    // chords inside the true distance); cells wholly outside a buffer 3 % wider (more than
    // the chords fall short by) are out of reach. Only features in cells between the two are
    // measured exactly. The cells are shared by the threads (read only); each thread prepares
    // the network for itself.
    const auto inner = network.buffer(d), outer = network.buffer(d * 1.03);
    const gis::Envelope reach = *outer.envelope();
    // The two sets of cells are made at once when there are threads to spare (a third of the
    // time before the parcels are read, on a million parcels).
    auto innerMade =
        std::async(input.threads() > 1 ? std::launch::async : std::launch::deferred,
                   [&] { return gis::CellClassifier(gis::PreparedGeometry(inner), reach, 9); });
    const gis::CellClassifier outerCells(gis::PreparedGeometry(outer), reach, 9);
    const gis::CellClassifier innerCells = innerMade.get();
    using Where = gis::CellClassifier::Where;
    const auto source = input.source({});
    // What is read: through the R-tree, the rows of 128 × 128 tiles over the wider buffer's
    // envelope that it reaches, each row's reached tiles joined into runs. A feature whose
    // envelope meets no run lies beyond reach whatever its shape (a repair stays inside the
    // envelope): it is counted in the total, not read. A feature meeting several runs is taken
    // by the first it meets, so each is measured once. The runs are fixed by the roads and the
    // distance, so the sums are the same on any number of threads. Without an R-tree, or for a
    // layer stored in another CRS, the whole table is read in fid chunks.
    std::vector<std::vector<gis::Envelope>> tileRows;      ///< the runs of each row of tiles
    std::vector<std::pair<std::size_t, std::size_t>> runs; ///< (row, index in row)
    constexpr int kTiles = 128;
    const double tileW = (reach.maxX - reach.minX) / kTiles,
                 tileH = (reach.maxY - reach.minY) / kTiles;
    const bool throughRtree =
        !source.rtreeTable().empty() && !input.reprojected() && tileW > 0 && tileH > 0;
    if (throughRtree) {
        tileRows.resize(kTiles);
        for (int j = 0; j < kTiles; ++j) {
            const double y0 = reach.minY + j * tileH,
                         y1 = j + 1 == kTiles ? reach.maxY : y0 + tileH;
            for (int i = 0; i < kTiles; ++i) {
                const double x0 = reach.minX + i * tileW,
                             x1 = i + 1 == kTiles ? reach.maxX : x0 + tileW;
                if (outerCells.classify({x0, y0, x1, y1}) == Where::Outside)
                    continue;
                auto& row = tileRows[static_cast<std::size_t>(j)];
                if (!row.empty() && row.back().maxX == x0)
                    row.back().maxX = x1;
                else
                    row.push_back({x0, y0, x1, y1});
            }
            for (std::size_t k = 0; k < tileRows[static_cast<std::size_t>(j)].size(); ++k)
                runs.emplace_back(static_cast<std::size_t>(j), k);
        }
    }
    // The first run (rows from the bottom, runs from the left) @p e meets: the one that takes it.
    const auto firstRun =
        [&](const gis::Envelope& e) -> std::optional<std::pair<std::size_t, std::size_t>> {
        const auto rowOf = [&](double y) {
            return static_cast<std::size_t>(
                std::clamp(static_cast<int>(std::floor((y - reach.minY) / tileH)), 0, kTiles - 1));
        };
        for (std::size_t j = rowOf(e.minY); j <= rowOf(e.maxY); ++j)
            for (std::size_t k = 0; k < tileRows[j].size(); ++k)
                if (tileRows[j][k].intersects(e))
                    return std::pair{j, k};
        return std::nullopt;
    };
    const auto chunks = source.fidChunks();
    const std::size_t parts = throughRtree ? runs.size() : chunks.size();
    struct Slot
    {
        std::int64_t within = 0, read = 0;
        double areaM2 = 0;
    };
    std::vector<Slot> slots(parts);
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
        return [&, w](std::size_t part) {
            auto& slot = slots[part];
            if (throughRtree)
                w->scan->select(source.fidRange().first, source.fidRange().second,
                                tileRows[runs[part].first][runs[part].second]);
            else
                w->scan->select(chunks[part].first, chunks[part].second);
            while (w->scan->next(w->row)) {
                FittedRow f(input, w->row);
                if (f.empty())
                    continue;
                const auto& e = f.envelope();
                if (throughRtree && firstRun(e) != runs[part])
                    continue; // beyond reach, or taken by an earlier run
                ++slot.read;
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
    layers::forEachChunk(parts, source.connections(input.threads()), progress, "corridor",
                         makeWorker);
    double areaM2 = 0;
    for (const auto& slot : slots) {
        result.within += slot.within;
        result.read += slot.read;
        areaM2 += slot.areaM2;
    }
    result.withinAreaHa = areaM2 / 10000.0;
    progress.update(1.0, "corridor");
    return result;
}

} // namespace pa::analysis
