#pragma once
// Reading a GeoPackage layer's rows straight from its SQLite table, for analyses that pass over
// millions of features and need only the geometry and a number or two (parcels and their land
// price): no OGR feature per row; a polygon of one ring that is certainly valid measured from
// its WKB without building any geometry; the layer's R-tree narrowing a rectangle; and, when the
// workspace has no transaction open, one read-only connection per thread, each reading its own
// fid range.
//
// A TableSource is made on the thread that owns the Dataset; its scans may then be opened and
// used on other threads (one scan per thread) when connections() > 1.

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Geometry.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pa::gis {

/// A polygon measured from its WKB: its envelope and its area, exactly as OGR measures it.
struct SimplePolygon
{
    Envelope envelope;
    double area = 0;
};

/// One row of a TableScan; valid until the scan's next().
class ScanRow
{
public:
    std::int64_t fid = 0;
    /// The fields asked for, in order: nullopt for null (or text that is no number).
    std::vector<std::optional<double>> numbers;

    /// False when the feature has no geometry or an empty one; true for any other value,
    /// including one that is no GeoPackage geometry (geometry() then says so).
    [[nodiscard]] bool hasGeometry() const;
    /// The polygon when it is one ring (a polygon, or a multipolygon of one part) that is
    /// certainly valid — the test Geometry::isValid() makes before it asks GEOS — read from the
    /// WKB; nullopt for anything else, which geometry() then reads in full.
    [[nodiscard]] std::optional<SimplePolygon> simplePolygon() const;
    /// A polygon or multipolygon read from its WKB into @p shapes (as Geometry::shapes() gives
    /// them, closing points included; valid or not), reusing its vectors, for drawing;
    /// returns its envelope. nullopt, with @p shapes unspecified, for any other geometry, an empty
    /// one or WKB this does not read (then geometry().shapes()).
    [[nodiscard]] std::optional<Envelope> polygonShapes(Shapes& shapes) const;
    /// The geometry, in the layer's CRS. Throws FeatureReadError naming the table and fid when
    /// the value is not a GeoPackage geometry or its WKB cannot be read.
    [[nodiscard]] Geometry geometry() const;

private:
    friend class TableScan;
    const unsigned char* m_blob = nullptr;
    std::size_t m_size = 0;
    std::string m_table;
};

class TableScan;

/// Where and how a GeoPackage layer is read: its table, fid and geometry columns, R-tree and
/// fid range, and the connections that may read it.
class TableSource
{
public:
    /// The source of @p layer of @p dataset, reading the numeric fields @p numbers (integer or
    /// real). nullopt when @p dataset is neither a GeoPackage nor a PostGIS database or the
    /// layer is not a table with a geometry column. From PostGIS the rows come through GDAL's
    /// connection (one scan at a time, on the dataset's thread), each geometry rewritten as a
    /// GeoPackage blob so that rows read alike from either. Pending writes are flushed first (GDAL
    /// builds some R-trees late), so other connections see what this one sees. Throws GisError for
    /// a field the layer does not have or that is not numeric.
    static std::optional<TableSource> of(Dataset& dataset, const std::string& layer,
                                         const std::vector<std::string>& numbers);

    /// How many scans may read at once: 1 when the dataset's connection has a transaction open
    /// (its pending rows are visible to it alone; the one scan then reads through it, on the
    /// dataset's thread), else @p wanted.
    [[nodiscard]] int connections(int wanted) const;
    /// Smallest and largest fid; {1, 0} when the table is empty.
    [[nodiscard]] std::pair<std::int64_t, std::int64_t> fidRange() const { return m_fids; }
    /// fidRange() cut into consecutive ranges of 4 096 fids (fewer, larger ones past 256):
    /// chunks fixed by the table alone, whatever the number of threads that read them.
    [[nodiscard]] std::vector<std::pair<std::int64_t, std::int64_t>> fidChunks() const;
    [[nodiscard]] const std::string& layer() const { return m_layer; }
    [[nodiscard]] const std::string& fidColumn() const { return m_fidColumn; }
    /// The layer's R-tree table (columns id, minx, maxx, miny, maxy); empty when it has none.
    [[nodiscard]] const std::string& rtreeTable() const { return m_rtree; }

    /// A scan with its own read-only connection (the dataset's own when connections() is 1).
    [[nodiscard]] std::unique_ptr<TableScan> open() const;

private:
    TableSource() = default;
    std::string m_path, m_layer, m_fidColumn, m_geometryColumn, m_rtree;
    std::vector<std::string> m_numbers;
    std::pair<std::int64_t, std::int64_t> m_fids{1, 0};
    void* m_shared = nullptr;   ///< sqlite3* of the dataset while it has a transaction open
    void* m_postgres = nullptr; ///< GDALDataset* of a PostGIS dataset
    std::int64_t m_srid = 0;    ///< PostGIS: the geometry column's SRID
};

class TableScan
{
public:
    ~TableScan();
    TableScan(const TableScan&) = delete;
    TableScan& operator=(const TableScan&) = delete;

    /// Reads the rows with fid in [@p first, @p last] from now on, and of those only the rows
    /// whose envelope may meet @p rectangle (the R-tree's bounds are rounded outwards to
    /// single precision, so a few more come; a table without R-tree gives all). Rows come in
    /// fid order, or with a rectangle in the R-tree's order (walking the tree and reading each
    /// row by its fid: sorting a million fids first cost a map a sixth of its time) — the same
    /// order each time the same file is read.
    void select(std::int64_t first, std::int64_t last,
                const std::optional<Envelope>& rectangle = std::nullopt);
    /// The next row into @p row; false at the end. Throws GisError naming the table when SQLite
    /// reports an error (a corrupt page).
    bool next(ScanRow& row);

private:
    friend class TableSource;
    struct Impl;
    explicit TableScan(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// An SQLite condition, true where the GeoPackage geometry column @p column holds a geometry in
/// SpatiaLite's own blob format (as another tool may write one): the values ScanRow::geometry()
/// refuses by that name, to be found without reading them.
[[nodiscard]] std::string spatiaLiteBlobCondition(const std::string& column);

} // namespace pa::gis
