#include "planatlas/layers/analysis/Zonal.h"

#include "InDatabase_p.h"
#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Prepared.h"
#include "planatlas/gis/Raster.h"
#include "planatlas/gis/SpatialIndex.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Parallel.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>

namespace pa::analysis {

namespace {

/// Why @p path cannot be read as a raster of values, as a sentence.
layers::Sentence notARasterOfValues(const std::string& path, const gis::GisError& e)
{
    using P = gis::RasterError::Problem;
    const auto* raster = dynamic_cast<const gis::RasterError*>(&e);
    if (!raster)
        return layers::withDetail(
            {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be read as a raster of values"), {path}},
            e.cause());
    switch (raster->problem()) {
    case P::NotARaster:
        return layers::withDetail(
            {QT_TRANSLATE_NOOP("pa::layers", "%1: not a raster GDAL reads"), {path}}, e.detail());
    case P::NoBand:
        return {QT_TRANSLATE_NOOP("pa::layers", "%1: the file has no raster band"), {path}};
    case P::NotGeoreferenced:
        return {QT_TRANSLATE_NOOP("pa::layers", "%1: the raster is not georeferenced (it has no "
                                                "geotransform); georeference it first"),
                {path}};
    case P::Rotated:
        return {
            QT_TRANSLATE_NOOP("pa::layers", "%1: the raster is rotated; warp it north-up first"),
            {path}};
    }
    return layers::Sentence(std::string(e.what()));
}

/// The value layer and field named by "LAYER[:FIELD]", checked.
detail::InputLayer valueLayer(layers::Workspace& ws, const std::string& values, ZonalResult& result)
{
    const auto colon = values.find(':');
    result.valuesLayer = values.substr(0, colon);
    result.field = colon == std::string::npos ? "price_vnd_m2" : values.substr(colon + 1);
    detail::InputLayer input(ws, result.valuesLayer, &result.notes);
    if (!input.exists() || !ws.findLayer(result.valuesLayer))
        throw layers::ParameterError(
            "values", {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"),
                       {result.valuesLayer}});
    auto* table = &input.table();
    if (table->geometryFamily() != gis::GeometryFamily::Polygon)
        throw layers::ParameterError(
            "values", {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' is not a polygon layer"),
                       {result.valuesLayer}});
    if (table->fieldIndex(result.field) < 0)
        throw layers::ParameterError(
            "values", {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' has no field '%2'"),
                       {result.valuesLayer, result.field}});
    return input;
}

/// Overlaps up to this area (m²) are the rounding of coordinates where a value polygon shares a
/// zone's edge (a parcel cut at a province border, 10⁻⁷ m² against the next province), not an
/// overlap: such a polygon is not counted, in this engine and in the database server's SQL alike.
constexpr double kOverlapNoiseM2 = 0.01;
/// The margin of a zone's tiles (TiledUnit): parcels are under a few hectares, and 500 m holds
/// nearly all of them within the tile their centre lies in.
constexpr double kTileMarginM = 500.0;

/// The levels of a zone's cells (CellClassifier): no finer than 50 m, as a cell the size of a
/// parcel already says "inside" for nearly all of them, and at most 256 a side.
int cellLevels(const gis::Envelope& e)
{
    const double extent = std::max(e.maxX - e.minX, e.maxY - e.minY);
    int levels = 2;
    while (levels < 8 && extent / (1 << (levels + 1)) >= 50.0)
        ++levels;
    return levels;
}

/// Area of @p v inside a zone (prepared as @p prepared): whole when inside, cut by @p cutArea()
/// only when it crosses the zone's edge.
template <typename Cut>
double overlapArea(const gis::PreparedGeometry& prepared, const gis::Geometry& v, Cut&& cutArea)
{
    if (prepared.contains(v))
        return v.area();
    return prepared.intersects(v) ? cutArea() : 0.0;
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
    /// Adds @p other's statistics (another chunk of the same zone's values).
    void merge(const Accumulator& other)
    {
        weighted += other.weighted;
        covered += other.covered;
        if (other.min)
            min = min ? std::min(*min, *other.min) : other.min;
        if (other.max)
            max = max ? std::max(*max, *other.max) : other.max;
        n += other.n;
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

/// A unit cut into tiles, for the area of a small polygon that crosses its edge: intersecting a
/// parcel with the few hundred vertices of the unit inside one tile costs a fraction of
/// intersecting it with the whole district's ring. A tile's piece is cut when first needed,
/// from the tile grown by a margin, so that a parcel whose envelope lies within the grown tile
/// meets exactly the part of the unit it would meet whole.
class TiledUnit
{
public:
    static constexpr int kTiles = 16;
    static constexpr std::size_t kClipWholeUpTo = 256;

    TiledUnit(const gis::Geometry& unit, double margin)
        : m_unit(unit), m_extent(*unit.envelope()), m_margin(margin),
          m_width((m_extent.maxX - m_extent.minX) / kTiles),
          m_height((m_extent.maxY - m_extent.minY) / kTiles), m_pieces(kTiles * kTiles)
    {
    }

    /// The area of @p v (envelope @p e) inside the unit.
    double overlap(const gis::Geometry& v, const gis::Envelope& e)
    {
        const auto* piece = pieceFor(e);
        if (!piece)
            return m_unit.intersection(v).area(); // larger than the margin: the whole unit
        return piece->geometry.isEmpty() ? 0.0 : piece->geometry.intersection(v).area();
    }
    /// The area of the convex ring @p ring (envelope @p e) inside the unit, clipped to the unit
    /// or, when the unit has more points than a few hundred (each clip walks them all), to the
    /// tile's piece; nullopt when the ring is not convex.
    std::optional<double> convexOverlap(const std::vector<gis::Coord>& ring, const gis::Envelope& e)
    {
        if (!m_whole)
            m_whole.emplace(m_unit);
        if (m_whole->points() > kClipWholeUpTo)
            if (const auto* piece = pieceFor(e))
                return piece->clip.area(ring);
        return m_whole->area(ring);
    }

private:
    struct Piece
    {
        gis::Geometry geometry;
        gis::ConvexOverlap clip;
    };
    /// The piece of the tile holding @p e's centre, cut when first needed; nullptr when @p e
    /// reaches beyond the grown tile (or the unit has no extent).
    const Piece* pieceFor(const gis::Envelope& e)
    {
        if (m_width <= 0 || m_height <= 0)
            return nullptr;
        const int tx = std::clamp(
            static_cast<int>(((e.minX + e.maxX) / 2 - m_extent.minX) / m_width), 0, kTiles - 1);
        const int ty = std::clamp(
            static_cast<int>(((e.minY + e.maxY) / 2 - m_extent.minY) / m_height), 0, kTiles - 1);
        const gis::Envelope grown{m_extent.minX + tx * m_width - m_margin,
                                  m_extent.minY + ty * m_height - m_margin,
                                  m_extent.minX + (tx + 1) * m_width + m_margin,
                                  m_extent.minY + (ty + 1) * m_height + m_margin};
        if (e.minX < grown.minX || e.maxX > grown.maxX || e.minY < grown.minY ||
            e.maxY > grown.maxY)
            return nullptr;
        auto& piece = m_pieces[static_cast<std::size_t>(ty * kTiles + tx)];
        if (!piece) {
            auto g = m_unit.intersection(gis::Geometry::fromEnvelope(grown));
            gis::ConvexOverlap clip(g);
            piece = std::make_unique<Piece>(Piece{std::move(g), std::move(clip)});
        }
        return piece.get();
    }

    const gis::Geometry& m_unit;
    gis::Envelope m_extent;
    double m_margin, m_width, m_height;
    std::vector<std::unique_ptr<Piece>> m_pieces;
    std::optional<gis::ConvexOverlap> m_whole;
};

/// The area @p clipped of a value polygon inside a zone, or the polygon's own area @p whole when
/// it is that but for rounding: a polygon inside counts its area exactly, as when GEOS finds
/// the zone contains it (and as the database server counts it).
double clippedOrWhole(double clipped, double whole)
{
    return std::fabs(clipped - whole) <= 1e-9 * whole ? whole : clipped;
}

/// The one ring of a value polygon measured from its WKB (FittedRow::simple()), read from its
/// row when first asked, for ConvexOverlap; nullptr for any other polygon.
class RingOfRow
{
public:
    RingOfRow(const FittedRow& v, const gis::ScanRow& row, gis::Shapes& shapes)
        : m_v(v), m_row(row), m_shapes(shapes)
    {
    }
    const std::vector<gis::Coord>* get()
    {
        if (!m_read) {
            m_read = true;
            if (m_v.simple() && m_row.polygonShapes(m_shapes) && m_shapes.polygons.size() == 1)
                m_ring = &m_shapes.polygons.front().front();
        }
        return m_ring;
    }

private:
    const FittedRow& m_v;
    const gis::ScanRow& m_row;
    gis::Shapes& m_shapes;
    const std::vector<gis::Coord>* m_ring = nullptr;
    bool m_read = false;
};

/// The area of value polygon @p v (its ring @p ring) inside a zone, where the zone's cells put
/// its envelope (@p where): all or none of it when they settle it; else clipped to the zone's
/// @p tiles when it is a convex ring; else by GEOS against the zone prepared as @p prepared,
/// cut by @p cut(geometry) when it crosses the edge.
template <typename Cut>
double areaInZone(gis::CellClassifier::Where where, FittedRow& v, RingOfRow& ring, TiledUnit& tiles,
                  const gis::PreparedGeometry& prepared, Cut&& cut)
{
    switch (where) {
    case gis::CellClassifier::Where::Inside:
        return v.area();
    case gis::CellClassifier::Where::Outside:
        return 0.0;
    case gis::CellClassifier::Where::Boundary:
        break;
    }
    if (ring.get())
        if (const auto clipped = tiles.convexOverlap(*ring.get(), v.envelope()))
            return clippedOrWhole(*clipped, v.area());
    const auto& g = v.geometry();
    return overlapArea(prepared, g, [&] { return cut(g); });
}

/// The statistics of the value polygons of @p table under each of @p zones (workspace CRS),
/// measured by the database server. The zones are sent with the statements, a few to each
/// (parts run on several connections at once); a zone of many vertices is cut into pieces, and
/// a value polygon meeting several pieces of one zone counts once, with the sum of its pieces'
/// areas. Each zone is measured whole by one statement, so its sums do not depend on the
/// threads. The same areas as the embedded engine: whole when the zone contains the polygon,
/// cut otherwise, repaired as InputLayer repairs it.
std::vector<Accumulator> measureInDatabase(layers::Workspace& ws, detail::InputLayer& table,
                                           const std::string& field,
                                           const std::vector<const gis::Geometry*>& zones,
                                           InputNotes& notes, const layers::Progress& progress,
                                           std::string_view stage)
{
    std::vector<Accumulator> total(zones.size());
    std::vector<std::size_t> measured; // the zones with a geometry
    for (std::size_t i = 0; i < zones.size(); ++i)
        if (!zones[i]->isEmpty())
            measured.push_back(i);
    if (measured.empty())
        return total;
    const auto t = detail::databaseTable(ws, table);
    const std::size_t parts = std::min<std::size_t>(measured.size(), 16);
    const std::string value = gis::sqlIdentifier(field);
    std::vector<std::vector<std::pair<std::size_t, Accumulator>>> slots(parts);
    std::vector<std::vector<std::int64_t>> invalid(parts); // fids repaired, per part
    const std::function<std::string(std::size_t)> statement = [&](std::size_t k) {
        std::string values;
        for (std::size_t j = k; j < measured.size(); j += parts)
            values += (values.empty() ? "" : ", ") + std::string("(") +
                      std::to_string(measured[j]) + ", " +
                      detail::geometrySql(*zones[measured[j]], t.srid) + ")";
        // A zone of many vertices is cut into pieces of at most 256, each tested on its own (the
        // server's prepared geometries and intersections then cost what a piece costs); a small
        // one is used whole, as cutting it costs more than it saves. The hits are kept before
        // they are grouped, so that the sort carries numbers, not geometries.
        return "WITH z(i, g) AS (VALUES " + values +
               "), piece AS (SELECT i, g, false AS cut FROM z WHERE ST_NPoints(g) <= 1024 "
               "UNION ALL SELECT i, ST_Subdivide(g, 256), true FROM z WHERE ST_NPoints(g) > 1024), "
               "hit AS MATERIALIZED (SELECT piece.i, piece.cut, p.fid, p.v, p.bad, CASE WHEN "
               "ST_Contains(piece.g, p.g) THEN ST_Area(p.g) ELSE "
               "ST_Area(ST_Intersection(piece.g, p.g)) END AS a FROM piece CROSS JOIN LATERAL "
               "(SELECT s." +
               t.fid + " AS fid, s." + value + "::double precision AS v, " +
               detail::repairedSql("s." + t.geometry) + " AS g, NOT ST_IsValid(s." + t.geometry +
               ") AS bad FROM " + t.table + " s WHERE s." + t.geometry + " && piece.g AND s." +
               value +
               " IS NOT NULL) p WHERE ST_Intersects(piece.g, p.g)), "
               // Only a zone cut into pieces can meet a polygon twice.
               "per AS (SELECT i, fid, min(v) AS v, sum(a) AS a FROM hit WHERE cut GROUP BY i, fid "
               "UNION ALL SELECT i, fid, v, a FROM hit WHERE NOT cut) "
               "SELECT i, sum(a * v) AS weighted, sum(a) AS covered, min(v) AS least, "
               "max(v) AS most, count(*) AS n FROM per WHERE a > " +
               std::to_string(kOverlapNoiseM2) +
               " GROUP BY i "
               // and, under i = -1, the invalid polygons measured (repaired above), to be noted
               "UNION ALL SELECT DISTINCT -1, NULL::double precision, NULL::double precision, "
               "NULL::double precision, NULL::double precision, fid::bigint FROM hit WHERE bad "
               "ORDER BY 1";
    };
    detail::runInDatabase(
        ws, parts, statement,
        [&](std::size_t k, const gis::SqlResult& rows) {
            for (const auto& row : rows.rows) {
                if (detail::realOf(row[0]) < 0) {
                    invalid[k].push_back(static_cast<std::int64_t>(detail::realOf(row[5])));
                    continue;
                }
                Accumulator acc;
                acc.weighted = detail::realOf(row[1]);
                acc.covered = detail::realOf(row[2]);
                acc.min = detail::realOf(row[3]);
                acc.max = detail::realOf(row[4]);
                acc.n = static_cast<std::int64_t>(detail::realOf(row[5]));
                slots[k].emplace_back(static_cast<std::size_t>(detail::realOf(row[0])), acc);
            }
        },
        progress, stage);
    for (const auto& slot : slots)
        for (const auto& [i, acc] : slot)
            total[i] = acc;
    detail::noteRepaired(notes, table.name(), invalid);
    return total;
}

/// A raster named by "FILE" or "FILE:BAND" (band 1 by default); nullopt when @p values names
/// no existing file (then it is a layer name).
std::optional<std::pair<std::string, int>> rasterSpec(layers::Workspace& ws,
                                                      const std::string& values)
{
    namespace fs = std::filesystem;
    const auto colon = values.find(':');
    if (ws.findLayer(values.substr(0, colon)))
        return std::nullopt; // a layer of the workspace wins over a file of the same name
    std::error_code ec;
    if (fs::is_regular_file(values, ec))
        return std::pair{values, 1};
    const auto last = values.rfind(':');
    if (last == std::string::npos || !fs::is_regular_file(values.substr(0, last), ec))
        return std::nullopt;
    const auto bandText = values.substr(last + 1);
    const auto band = text::parseNumber(bandText);
    if (!band || *band < 1 || *band != static_cast<int>(*band))
        throw layers::ParameterError(
            "values",
            {QT_TRANSLATE_NOOP("pa::layers",
                               "'%1' is not a band number (FILE:BAND, bands count from 1)"),
             {bandText}});
    return std::pair{values.substr(0, last), static_cast<int>(*band)};
}

/// The pixels of one raster band inside programme features or units, which are given in the
/// workspace CRS and reprojected into the raster's when it has another.
class RasterValues
{
public:
    RasterValues(layers::Workspace& ws, const std::string& path, int band, ZonalResult& result)
        : m_raster(open(path)), m_band(band), m_workspaceCrs(ws.crs())
    {
        if (band > m_raster.bandCount())
            throw layers::ParameterError(
                "values",
                {QT_TRANSLATE_NOOP("pa::layers", "%1 has %2 band(s), not %3"),
                 {path, layers::Sentence::count(m_raster.bandCount()), std::to_string(band)}});
        const auto crs = m_raster.crs();
        if (!crs)
            throw layers::Error(
                layers::ErrorKind::Input,
                {QT_TRANSLATE_NOOP("pa::layers",
                                   "%1: the raster declares no CRS; assign it one first"),
                 {path}},
                "gdal_edit.py -a_srs EPSG:… assigns one");
        result.raster = true;
        result.valuesLayer = path;
        result.field = "band" + std::to_string(band);
        result.rasterCrs = crs->label();
        result.reprojected = !crs->isSame(m_workspaceCrs);
        if (result.reprojected) {
            m_toRaster.emplace(m_workspaceCrs, *crs);
            m_toWorkspace.emplace(*crs, m_workspaceCrs);
        }
    }

    /// Fills @p row with the statistics of the pixels inside @p zone (workspace CRS).
    void measure(const gis::Geometry& zone, ZonalRow& row) const
    {
        auto inRaster = zone.clone();
        if (m_toRaster)
            inRaster.transform(*m_toRaster);
        gis::PixelStatistics stats;
        try {
            stats = m_raster.statistics(m_band, inRaster);
        } catch (const gis::GisError& e) {
            throw layers::Error(
                layers::ErrorKind::Input,
                layers::withDetail(
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: the values under a zone cannot be read"),
                     {m_raster.path()}},
                    e.cause()));
        }
        row.mean = stats.mean();
        row.min = stats.min;
        row.max = stats.max;
        row.valueFeatures = stats.count;
        row.noDataPixels = stats.noData;
        const double covered = static_cast<double>(stats.count) * pixelArea(inRaster);
        row.coveredHa = covered / 10000.0;
        const double area = zone.area();
        row.coveredPct = area > 0 ? 100.0 * covered / area : 0.0;
    }

private:
    static gis::Raster open(const std::string& path)
    {
        try {
            return gis::Raster::open(path);
        } catch (const gis::GisError& e) {
            throw layers::Error(layers::ErrorKind::Input, notARasterOfValues(path, e));
        }
    }

    /// One pixel's area in m² of the workspace CRS: exact when the raster shares it, else the
    /// pixel at the feature's label point reprojected and measured.
    [[nodiscard]] double pixelArea(const gis::Geometry& inRaster) const
    {
        const double w = m_raster.pixelWidth(), h = m_raster.pixelHeight();
        if (!m_toWorkspace)
            return w * h;
        const auto at = inRaster.labelPoint();
        if (!at)
            return 0.0;
        auto pixel = gis::Geometry::fromEnvelope(
            {at->x - w / 2, at->y - h / 2, at->x + w / 2, at->y + h / 2});
        pixel.transform(*m_toWorkspace);
        return pixel.area();
    }

    gis::Raster m_raster;
    int m_band;
    gis::Crs m_workspaceCrs;
    std::optional<gis::CoordinateTransform> m_toRaster, m_toWorkspace;
};

/// The programme polygon layers (name, kind) that zonal reports, optionally only @p kinds.
std::vector<std::pair<std::string, std::string>>
programmePolygonLayers(layers::Workspace& ws, const std::vector<std::string>& kinds,
                       const std::string& exclude)
{
    std::vector<std::pair<std::string, std::string>> targets;
    for (const auto& layer : ws.layers()) {
        const auto* kind = layers::findKind(layer.kind);
        if (!kind || !kind->programme || layer.name == exclude)
            continue;
        if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), layer.kind) == kinds.end())
            continue;
        auto features = ws.dataset().layerByName(layer.name);
        if (features && features->geometryFamily() == gis::GeometryFamily::Polygon)
            targets.emplace_back(layer.name, layer.kind);
    }
    return targets;
}

void sortByKindAndCode(ZonalResult& result)
{
    std::sort(result.rows.begin(), result.rows.end(), [](const ZonalRow& a, const ZonalRow& b) {
        return std::make_tuple(layers::kindRank(a.kind), a.code, a.layer) <
               std::make_tuple(layers::kindRank(b.kind), b.code, b.layer);
    });
}

} // namespace

ZonalResult zonal(layers::Workspace& ws, const std::string& values,
                  const layers::Progress& progress)
{
    return zonal(ws, values, std::vector<std::string>{}, progress);
}

ZonalResult zonal(layers::Workspace& ws, const std::string& values,
                  const std::vector<std::string>& kinds, const layers::Progress& progress,
                  Engine engine)
{
    for (const auto& k : kinds)
        if (!layers::findKind(k))
            throw layers::ParameterError(
                "kinds", {QT_TRANSLATE_NOOP("pa::layers", "unknown kind '%1'"), {k}});
    ZonalResult result;
    const auto raster = rasterSpec(ws, values);
    std::optional<RasterValues> pixels;
    std::optional<detail::InputLayer> table;
    if (raster)
        pixels.emplace(ws, raster->first, raster->second, result);
    else
        table = valueLayer(ws, values, result);
    // For each programme polygon, read only the value polygons near it (the GeoPackage R-tree
    // answers the envelope), test them against the polygon prepared once, and cut only those
    // that cross its edge: a million parcels cost what the few hundred around a park cost.
    // A raster is read only in the window of each polygon.
    const auto targets = programmePolygonLayers(ws, kinds, result.valuesLayer);
    std::vector<gis::Geometry> zones; // of result.rows, in the same order
    std::size_t done = 0;
    for (const auto& [layerName, kindName] : targets) {
        progress.update(static_cast<double>(done++) / static_cast<double>(targets.size()) /
                            (pixels ? 1.0 : 10.0),
                        "zonal");
        detail::InputLayer features(ws, layerName, &result.notes);
        const int code = features.table().fieldIndex("code"),
                  name = features.table().fieldIndex("name_vi");
        features.resetReading();
        while (auto read = features.next()) {
            progress.checkCancelled();
            const auto* f = &read->feature;
            auto g = std::move(read->geometry);
            if (g.isEmpty())
                continue;
            ZonalRow row{layerName,
                         kindName,
                         code >= 0 ? gis::toString(f->value(code)) : "",
                         name >= 0 ? gis::toString(f->value(name)) : "",
                         {},
                         {},
                         {},
                         0,
                         0,
                         0,
                         0};
            if (pixels)
                pixels->measure(g, row);
            else
                zones.push_back(std::move(g));
            result.rows.push_back(std::move(row));
        }
    }
    if (table)
        result.engine = detail::chooseEngine(ws, *table, engine, detail::Reach::Near);
    if (table && result.engine.database) {
        std::vector<const gis::Geometry*> pointers;
        for (const auto& z : zones)
            pointers.push_back(&z);
        const auto acc =
            measureInDatabase(ws, *table, result.field, pointers, result.notes, progress, "zonal");
        for (std::size_t i = 0; i < zones.size(); ++i)
            acc[i].fill(result.rows[i], zones[i].area());
    } else if (table) {
        // Each feature, a chunk: its value polygons read through the R-tree on the thread's own
        // connection. A polygon in cells wholly inside the feature or wholly apart from it
        // needs no geometry; one crossing its edge is clipped to it when convex (a parcel
        // nearly always is), else measured by GEOS against the feature prepared on the thread.
        const auto source = table->source({result.field});
        const auto first = source.fidRange().first, last = source.fidRange().second;
        layers::forEachChunk(
            zones.size(), source.connections(table->threads()), progress, "zonal", [&] {
                struct Worker
                {
                    std::unique_ptr<gis::TableScan> scan;
                    gis::ScanRow row;
                    gis::Shapes shapes;
                };
                auto w = std::make_shared<Worker>();
                w->scan = source.open();
                return [&, w](std::size_t i) {
                    const auto& g = zones[i];
                    const gis::PreparedGeometry prepared(g);
                    const auto envelope = *g.envelope();
                    const gis::CellClassifier cells(prepared, envelope, cellLevels(envelope));
                    TiledUnit tiles(g, kTileMarginM);
                    Accumulator acc;
                    w->scan->select(first, last, table->inLayerCrs(envelope));
                    while (w->scan->next(w->row)) {
                        FittedRow v(*table, w->row);
                        const auto& value = w->row.numbers[0];
                        if (!value || v.empty())
                            continue;
                        RingOfRow ring(v, w->row, w->shapes);
                        const double a = areaInZone(
                            cells.classify(v.envelope()), v, ring, tiles, prepared,
                            [&](const gis::Geometry& vg) { return g.intersection(vg).area(); });
                        if (a > kOverlapNoiseM2)
                            acc.add(a, *value);
                    }
                    acc.fill(result.rows[i], g.area());
                };
            });
    }
    sortByKindAndCode(result);
    progress.update(1.0, "zonal");
    return result;
}

namespace {
/// zonalByUnits()'s statistics per unit, by the database server or by PlanAtlas's threads.
std::vector<Accumulator> unitsInDatabase(layers::Workspace& ws, detail::InputLayer& table,
                                         const std::string& field,
                                         const std::vector<detail::Unit>& units, InputNotes& notes,
                                         const layers::Progress& progress);
std::vector<Accumulator> unitsInPlanAtlas(detail::InputLayer& table, const std::string& field,
                                          const std::vector<detail::Unit>& units,
                                          const layers::Progress& progress);
} // namespace

ZonalResult zonalByUnits(layers::Workspace& ws, const std::string& values,
                         const std::string& unitsLayer, const layers::Progress& progress,
                         Engine engine)
{
    ZonalResult result;
    const auto units = detail::readUnits(ws, unitsLayer, &result.notes); // in code order
    const auto registered = ws.findLayer(unitsLayer);
    auto unitRow = [&](std::size_t i) {
        return ZonalRow{unitsLayer,
                        registered ? registered->kind : std::string(),
                        units[i].code,
                        units[i].name,
                        {},
                        {},
                        {},
                        0,
                        0,
                        0,
                        0};
    };
    if (const auto raster = rasterSpec(ws, values)) {
        const RasterValues pixels(ws, raster->first, raster->second, result);
        for (std::size_t i = 0; i < units.size(); ++i) {
            progress.update(static_cast<double>(i) / static_cast<double>(units.size()),
                            "zonal by unit");
            progress.checkCancelled();
            auto row = unitRow(i);
            pixels.measure(units[i].geometry, row);
            result.rows.push_back(std::move(row));
        }
        progress.update(1.0, "zonal by unit");
        return result;
    }
    auto table = valueLayer(ws, values, result);
    result.engine = detail::chooseEngine(ws, table, engine, detail::Reach::Every);
    const auto acc = result.engine.database
                         ? unitsInDatabase(ws, table, result.field, units, result.notes, progress)
                         : unitsInPlanAtlas(table, result.field, units, progress);
    for (std::size_t i = 0; i < units.size(); ++i) {
        auto row = unitRow(i);
        acc[i].fill(row, units[i].geometry.area());
        result.rows.push_back(std::move(row));
    }
    progress.update(1.0, "zonal by unit");
    return result;
}

namespace {

std::vector<Accumulator> unitsInDatabase(layers::Workspace& ws, detail::InputLayer& table,
                                         const std::string& field,
                                         const std::vector<detail::Unit>& units, InputNotes& notes,
                                         const layers::Progress& progress)
{
    std::vector<const gis::Geometry*> pointers;
    for (const auto& unit : units)
        pointers.push_back(&unit.geometry);
    return measureInDatabase(ws, table, field, pointers, notes, progress, "zonal by unit");
}

std::vector<Accumulator> unitsInPlanAtlas(detail::InputLayer& table, const std::string& field,
                                          const std::vector<detail::Unit>& units,
                                          const layers::Progress& progress)
{
    // Shared by the threads, read only: the units and their cell grids. Each thread prepares
    // the units again, indexes them and cuts its own tiles: GEOS prepared geometries, trees and
    // the tiles' cache belong to one thread.
    // A unit's cells are made when a value polygon first meets it (of a national layer's
    // thousands of communes, those without parcels never are), no finer than 50 m: a cell the
    // size of a parcel already says "inside" for nearly all of them.
    std::vector<std::unique_ptr<gis::CellClassifier>> cells(units.size());
    std::vector<std::once_flag> made(units.size());
    auto cellsOf = [&](std::size_t u,
                       const gis::PreparedGeometry& prepared) -> const gis::CellClassifier& {
        std::call_once(made[u], [&] {
            const auto e = *units[u].geometry.envelope();
            cells[u] = std::make_unique<gis::CellClassifier>(prepared, e, cellLevels(e));
        });
        return *cells[u];
    };
    const auto source = table.source({field});
    const auto chunks = source.fidChunks();
    // One slot of statistics per chunk, merged in chunk order: the same sums in the same order
    // on one thread or several.
    std::vector<std::vector<Accumulator>> slots(chunks.size());
    layers::forEachChunk(
        chunks.size(), source.connections(table.threads()), progress, "zonal by unit", [&] {
            struct Worker
            {
                std::unique_ptr<gis::TableScan> scan;
                std::vector<std::unique_ptr<gis::PreparedGeometry>> prepared;
                std::vector<TiledUnit> tiles;
                gis::SpatialIndex index;
                gis::ScanRow row;
                gis::Shapes shapes;
            };
            auto w = std::make_shared<Worker>();
            w->scan = source.open();
            for (const auto& unit : units) {
                w->index.insert(*unit.geometry.envelope(),
                                static_cast<std::int64_t>(w->prepared.size()));
                w->prepared.push_back(std::make_unique<gis::PreparedGeometry>(unit.geometry));
                w->tiles.emplace_back(unit.geometry, kTileMarginM);
            }
            return [&, w](std::size_t chunk) {
                auto& acc = slots[chunk];
                acc.assign(units.size(), Accumulator{});
                w->scan->select(chunks[chunk].first, chunks[chunk].second);
                while (w->scan->next(w->row)) {
                    FittedRow v(table, w->row); // repaired (and noted) with or without value
                    const auto& value = w->row.numbers[0];
                    if (!value || v.empty())
                        continue;
                    const auto& envelope = v.envelope();
                    RingOfRow ring(v, w->row, w->shapes);
                    for (auto i : w->index.query(envelope)) {
                        const auto u = static_cast<std::size_t>(i);
                        // Most parcels lie in cells wholly inside one unit: their area needs
                        // no GEOS; nearly all others are convex, clipped to the unit's tile.
                        const double a =
                            areaInZone(cellsOf(u, *w->prepared[u]).classify(envelope), v, ring,
                                       w->tiles[u], *w->prepared[u], [&](const gis::Geometry& g) {
                                           return w->tiles[u].overlap(g, envelope);
                                       });
                        if (a > kOverlapNoiseM2)
                            acc[u].add(a, *value);
                    }
                }
            };
        });
    std::vector<Accumulator> acc(units.size());
    for (const auto& slot : slots)
        for (std::size_t i = 0; i < slot.size(); ++i)
            acc[i].merge(slot[i]);
    return acc;
}

} // namespace

} // namespace pa::analysis
