#include "planatlas/gis/TableScan.h"

#include "Private_p.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sqlite3.h>

namespace pa::gis {

namespace {

// GeoPackage geometry blob header (GeoPackage 1.3, §2.1.3): "GP", version, flags, srs_id,
// envelope. The flags hold the envelope's size (bits 1–3), the empty flag (bit 4) and the
// extended-geometry flag (bit 5).
constexpr unsigned char kEmptyFlag = 0x10, kExtendedFlag = 0x20;

/// Bytes of the header before the WKB; 0 when @p blob is not a GeoPackage geometry.
std::size_t headerSize(const unsigned char* blob, std::size_t size)
{
    if (!blob || size < 8 || blob[0] != 'G' || blob[1] != 'P')
        return 0;
    static constexpr std::size_t kEnvelopeBytes[] = {0, 32, 48, 48, 64};
    const unsigned indicator = (blob[3] >> 1) & 0x7;
    if (indicator >= std::size(kEnvelopeBytes) || size < 8 + kEnvelopeBytes[indicator])
        return 0;
    return 8 + kEnvelopeBytes[indicator];
}

// SpatiaLite's own geometry blob: 0x00, its byte order, SRID and MBR, 0x7C at byte 38, the
// geometry, 0xFE at the end; at least 44 bytes.
constexpr unsigned char kSpatiaLiteStart = 0x00, kSpatiaLiteMbrEnd = 0x7C, kSpatiaLiteEnd = 0xFE;
constexpr std::size_t kSpatiaLiteMbrEndAt = 38, kSpatiaLiteMinSize = 44;

bool isSpatiaLiteBlob(const unsigned char* blob, std::size_t size)
{
    return blob && size >= kSpatiaLiteMinSize && blob[0] == kSpatiaLiteStart && blob[1] <= 1 &&
           blob[kSpatiaLiteMbrEndAt] == kSpatiaLiteMbrEnd && blob[size - 1] == kSpatiaLiteEnd;
}

/// One byte as an SQLite blob literal: X'7C'.
std::string blobByte(unsigned char b)
{
    char out[8];
    std::snprintf(out, sizeof out, "X'%02X'", b);
    return out;
}

/// Little-endian WKB reading, bounds-checked.
class WkbReader
{
public:
    WkbReader(const unsigned char* data, std::size_t size) : m_data(data), m_size(size) {}

    bool u32(std::uint32_t& out)
    {
        if (m_at + 4 > m_size)
            return false;
        std::memcpy(&out, m_data + m_at, 4);
        m_at += 4;
        return true;
    }
    /// A geometry's byte order and type: only little-endian (the GeoPackage writers' and this
    /// machine's order) is read here.
    bool header(std::uint32_t& type)
    {
        if (m_at + 1 > m_size || m_data[m_at] != 1)
            return false;
        ++m_at;
        return u32(type);
    }
    /// @p n points appended to @p out, the envelope grown by each.
    bool coords(std::vector<Coord>& out, std::uint32_t n, std::optional<Envelope>& envelope)
    {
        const std::size_t bytes = static_cast<std::size_t>(n) * 16;
        if (m_at + bytes > m_size)
            return false;
        const auto first = out.size();
        out.resize(first + n);
        std::memcpy(out.data() + first, m_data + m_at, bytes);
        m_at += bytes;
        for (std::size_t i = first; i < out.size(); ++i) {
            const auto& c = out[i];
            if (!envelope)
                envelope = Envelope{c.x, c.y, c.x, c.y};
            else
                envelope->merge({c.x, c.y, c.x, c.y});
        }
        return true;
    }
    /// Bytes not read yet: what bounds a count read before the items it counts.
    [[nodiscard]] std::size_t remaining() const { return m_size - m_at; }
    bool points(OGRRawPoint* out, std::uint32_t n)
    {
        const std::size_t bytes = static_cast<std::size_t>(n) * 16;
        if (m_at + bytes > m_size)
            return false;
        std::memcpy(out, m_data + m_at, bytes);
        m_at += bytes;
        return true;
    }

private:
    const unsigned char* m_data;
    std::size_t m_size, m_at = 0;
};

sqlite3* handleOf(GDALDataset& dataset)
{
    return static_cast<sqlite3*>(dataset.GetInternalHandle("SQLITE_HANDLE"));
}

/// One value of the first column of @p sql's first row, read on @p db.
std::optional<std::int64_t> integerOf(sqlite3* db, const std::string& sql)
{
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
        throw GisError(sql + ": " + sqlite3_errmsg(db));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
    const int rc = sqlite3_step(raw);
    if (rc == SQLITE_ROW && sqlite3_column_type(raw, 0) != SQLITE_NULL)
        return sqlite3_column_int64(raw, 0);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        throw GisError(sql + ": " + sqlite3_errmsg(db));
    return std::nullopt;
}

/// The WKB of @p blob when it is a plain GeoPackage geometry (neither empty nor extended) in
/// the byte order this machine reads as it is (little-endian); nullopt otherwise.
std::optional<WkbReader> plainWkb(const unsigned char* blob, std::size_t size)
{
    if constexpr (std::endian::native != std::endian::little)
        return std::nullopt;
    const auto header = headerSize(blob, size);
    if (header == 0 || (blob[3] & (kEmptyFlag | kExtendedFlag)))
        return std::nullopt;
    return WkbReader(blob + header, size - header);
}

} // namespace

// ---- ScanRow ------------------------------------------------------------------------------

bool ScanRow::hasGeometry() const
{
    if (!m_blob || m_size == 0)
        return false;
    const auto header = headerSize(m_blob, m_size);
    // A value that is no GeoPackage geometry (a SpatiaLite blob written by another tool, a
    // damaged header) is not an empty one: geometry() names it rather than leaving it out.
    if (header == 0)
        return true;
    return !(m_blob[3] & kEmptyFlag) && m_size > header;
}

std::optional<SimplePolygon> ScanRow::simplePolygon() const
{
    auto reader = plainWkb(m_blob, m_size);
    if (!reader)
        return std::nullopt;
    auto& wkb = *reader;
    std::uint32_t type = 0, count = 0;
    if (!wkb.header(type))
        return std::nullopt;
    if (type == wkbMultiPolygon) {
        if (!wkb.u32(count) || count != 1 || !wkb.header(type))
            return std::nullopt;
    }
    if (type != wkbPolygon || !wkb.u32(count) || count != 1)
        return std::nullopt;
    std::uint32_t n = 0;
    OGRRawPoint p[detail::kMaxCertainRingPoints];
    if (!wkb.u32(n) || n < 4 || n > static_cast<std::uint32_t>(detail::kMaxCertainRingPoints) ||
        !wkb.points(p, n) || !detail::certainlyValidRingPoints(p, static_cast<int>(n)))
        return std::nullopt;
    SimplePolygon polygon{{p[0].x, p[0].y, p[0].x, p[0].y}, 0.0};
    for (std::uint32_t i = 1; i < n; ++i)
        polygon.envelope.merge({p[i].x, p[i].y, p[i].x, p[i].y});
    polygon.area = detail::ringArea(p, static_cast<int>(n));
    return polygon;
}

std::optional<Envelope> ScanRow::polygonShapes(Shapes& shapes) const
{
    static_assert(sizeof(Coord) == 16, "Coord is two doubles, as WKB's points");
    auto reader = plainWkb(m_blob, m_size);
    if (!reader)
        return std::nullopt;
    auto& wkb = *reader;
    std::uint32_t type = 0, parts = 1;
    if (!wkb.header(type))
        return std::nullopt;
    const bool multi = type == wkbMultiPolygon;
    if (multi && !wkb.u32(parts))
        return std::nullopt;
    if (!multi && type != wkbPolygon)
        return std::nullopt;
    // Each part of a multipolygon takes at least 9 bytes (its byte order, type and ring count),
    // each ring 4 (its point count): a count beyond what is left is damage, not a reason to
    // allocate gigabytes.
    if (multi && parts > wkb.remaining() / 9)
        return std::nullopt;
    shapes.points.clear();
    shapes.lines.clear();
    shapes.polygons.resize(parts);
    std::optional<Envelope> envelope;
    for (auto& polygon : shapes.polygons) {
        std::uint32_t rings = 0;
        if ((multi && (!wkb.header(type) || type != wkbPolygon)) || !wkb.u32(rings) ||
            rings > wkb.remaining() / 4)
            return std::nullopt;
        polygon.resize(rings);
        for (auto& ring : polygon) {
            std::uint32_t n = 0;
            ring.clear();
            if (!wkb.u32(n) || !wkb.coords(ring, n, envelope))
                return std::nullopt;
        }
    }
    // As Geometry::shapes(): a polygon without rings is no polygon.
    std::erase_if(shapes.polygons, [](const auto& polygon) { return polygon.empty(); });
    return envelope;
}

Geometry ScanRow::geometry() const
{
    if (!m_blob)
        return Geometry();
    const auto header = headerSize(m_blob, m_size);
    if (header == 0) {
        const bool spatialite = isSpatiaLiteBlob(m_blob, m_size);
        const bool gp = m_size >= 2 && m_blob[0] == 'G' && m_blob[1] == 'P';
        throw FeatureReadError(m_table, fid,
                               spatialite ? "its geometry is a SpatiaLite geometry, not a "
                                            "GeoPackage one (written by another tool)"
                               : gp       ? "its geometry's GeoPackage header is damaged"
                                          : "its geometry is not a GeoPackage geometry");
    }
    if (m_blob[3] & kEmptyFlag && m_size == header)
        return Geometry();
    OGRGeometry* parsed = nullptr;
    detail::ErrorCapture errors;
    const OGRErr err =
        OGRGeometryFactory::createFromWkb(m_blob + header, nullptr, &parsed, m_size - header);
    auto impl = std::make_unique<Geometry::Impl>();
    impl->geometry.reset(parsed);
    if (err != OGRERR_NONE || !parsed)
        throw FeatureReadError(
            m_table, fid,
            "its geometry's WKB cannot be read" +
                (errors.failed() ? " (" + errors.message() + ")" : std::string()));
    return Geometry(std::move(impl));
}

// ---- TableSource --------------------------------------------------------------------------

std::optional<TableSource> TableSource::of(Dataset& dataset, const std::string& layer,
                                           const std::vector<std::string>& numbers)
{
    auto& ds = *dataset.m_impl->dataset;
    const bool postgres = dataset.isPostgres();
    if (!ds.GetDriver() || (std::string(ds.GetDriver()->GetDescription()) != "GPKG" && !postgres))
        return std::nullopt;
    OGRLayer* table = ds.GetLayerByName(layer.c_str());
    if (!table || !*table->GetGeometryColumn() || !*table->GetFIDColumn())
        return std::nullopt;
    sqlite3* db = postgres ? nullptr : handleOf(ds);
    if (!db && !postgres)
        return std::nullopt;
    TableSource source;
    source.m_layer = layer;
    source.m_fidColumn = table->GetFIDColumn();
    source.m_geometryColumn = table->GetGeometryColumn();
    auto* defn = table->GetLayerDefn();
    for (const auto& name : numbers) {
        const int i = defn->GetFieldIndex(name.c_str());
        if (i < 0)
            throw GisError("layer '" + layer + "' has no field '" + name + "'");
        const auto type = defn->GetFieldDefn(i)->GetType();
        if (type != OFTInteger && type != OFTInteger64 && type != OFTReal)
            throw GisError("field '" + name + "' of layer '" + layer + "' is not numeric");
        source.m_numbers.push_back(name);
    }
    if (postgres) {
        source.m_postgres = &ds;
        source.m_shared = &ds;
        source.m_path = dataset.m_impl->path;
        const auto fid = sqlIdentifier(source.m_fidColumn);
        const auto range = dataset.execute(
            "SELECT CAST(min(" + fid + ") AS BIGINT) AS lo, CAST(max(" + fid +
            ") AS BIGINT) AS hi, " + columnSridSql(sqlIdentifier(layer), source.m_geometryColumn) +
            " AS srid FROM " + sqlIdentifier(layer));
        if (!range.rows.empty()) {
            const auto& row = range.rows[0];
            if (std::holds_alternative<std::int64_t>(row[0]) &&
                std::holds_alternative<std::int64_t>(row[1]))
                source.m_fids = {std::get<std::int64_t>(row[0]), std::get<std::int64_t>(row[1])};
            if (std::holds_alternative<std::int64_t>(row[2]))
                source.m_srid = std::get<std::int64_t>(row[2]);
        }
        return source;
    }
    {
        // GDAL may keep a new layer's R-tree in memory (or build it on another thread) until
        // the dataset is flushed; a connection of our own would find it incomplete.
        detail::ErrorCapture errors;
        ds.FlushCache(false);
        errors.throwIfFailed("cannot flush '" + dataset.m_impl->path + "'");
    }
    // Named after the table as it is spelt ("Parcels" asked for finds the table "parcels").
    const std::string rtree =
        "rtree_" + std::string(table->GetName()) + "_" + source.m_geometryColumn;
    if (integerOf(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = " +
                          sqlLiteral(rtree))
            .value_or(0) > 0)
        source.m_rtree = rtree;
    const auto fid = sqlIdentifier(source.m_fidColumn), from = sqlIdentifier(layer);
    const auto first = integerOf(db, "SELECT min(" + fid + ") FROM " + from);
    const auto last = integerOf(db, "SELECT max(" + fid + ") FROM " + from);
    if (first && last)
        source.m_fids = {*first, *last};
    std::error_code ec;
    source.m_path = dataset.m_impl->path;
    // A transaction in progress holds rows only this connection sees; a dataset that is not a
    // plain file (/vsimem/) cannot be opened twice.
    if (sqlite3_get_autocommit(db) == 0 || !std::filesystem::is_regular_file(source.m_path, ec))
        source.m_shared = db;
    return source;
}

std::vector<std::pair<std::int64_t, std::int64_t>> TableSource::fidChunks() const
{
    std::vector<std::pair<std::int64_t, std::int64_t>> chunks;
    const auto [first, last] = m_fids;
    if (first > last)
        return chunks;
    const auto span = static_cast<std::uint64_t>(last - first) + 1;
    const std::uint64_t size = std::max<std::uint64_t>(4096, (span + 255) / 256);
    for (std::uint64_t at = 0; at < span; at += size)
        chunks.emplace_back(first + static_cast<std::int64_t>(at),
                            first + static_cast<std::int64_t>(std::min(at + size, span) - 1));
    return chunks;
}

int TableSource::connections(int wanted) const
{
    return m_shared ? 1 : std::max(1, wanted);
}

struct TableScan::Impl
{
    // PostGIS: the current result set on GDAL's connection, and the row's geometry as a
    // GeoPackage blob.
    GDALDataset* postgres = nullptr;
    OGRLayer* result = nullptr;
    std::string postgresSql; ///< the SELECT without its WHERE
    std::string fidColumn, geometryColumn;
    std::int64_t srid = 0;
    std::vector<unsigned char> blob;
    void releaseResult()
    {
        if (result)
            postgres->ReleaseResultSet(result);
        result = nullptr;
    }

    sqlite3* db = nullptr;
    bool owned = false;
    std::string table;
    std::string plainSql, rtreeSql;
    sqlite3_stmt* plain = nullptr;
    sqlite3_stmt* rtree = nullptr;
    sqlite3_stmt* current = nullptr;
    std::size_t numbers = 0;

    ~Impl()
    {
        releaseResult();
        sqlite3_finalize(plain);
        sqlite3_finalize(rtree);
        if (owned)
            sqlite3_close_v2(db);
    }
    sqlite3_stmt* prepare(const std::string& sql)
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            throw GisError("cannot read table '" + table + "': " + sqlite3_errmsg(db));
        return statement;
    }
    [[noreturn]] void fail(const char* what) const
    {
        throw GisError("cannot read table '" + table + "' (" + what + "): " + sqlite3_errmsg(db));
    }
};

std::unique_ptr<TableScan> TableSource::open() const
{
    auto impl = std::make_unique<TableScan::Impl>();
    impl->table = m_layer;
    impl->numbers = m_numbers.size();
    if (m_postgres) {
        impl->postgres = static_cast<GDALDataset*>(m_postgres);
        impl->fidColumn = m_fidColumn;
        impl->geometryColumn = m_geometryColumn;
        impl->srid = m_srid;
        // The fid as an expression, so that GDAL keeps it among the fields; rows in fid order,
        // as a GeoPackage gives them without a rectangle.
        std::string columns = "CAST(" + sqlIdentifier(m_fidColumn) + " AS BIGINT) AS pa_fid, " +
                              sqlIdentifier(m_geometryColumn);
        for (const auto& n : m_numbers)
            columns +=
                ", CAST(" + sqlIdentifier(n) + " AS DOUBLE PRECISION) AS " + sqlIdentifier(n);
        impl->postgresSql = "SELECT " + columns + " FROM " + sqlIdentifier(m_layer);
        return std::unique_ptr<TableScan>(new TableScan(std::move(impl)));
    }
    if (m_shared) {
        impl->db = static_cast<sqlite3*>(m_shared);
    } else {
        impl->owned = true;
        if (sqlite3_open_v2(m_path.c_str(), &impl->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK)
            throw GisError("cannot open '" + m_path + "' to read table '" + m_layer +
                           "': " + (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"));
    }
    const auto fid = sqlIdentifier(m_fidColumn);
    std::string columns = fid + ", " + sqlIdentifier(m_geometryColumn);
    for (const auto& n : m_numbers)
        columns += ", " + sqlIdentifier(n);
    const auto from = " FROM " + sqlIdentifier(m_layer) + " WHERE " + fid + " BETWEEN ?1 AND ?2";
    impl->plainSql = "SELECT " + columns + from;
    if (!m_rtree.empty()) {
        std::string qualified = "t." + fid + ", t." + sqlIdentifier(m_geometryColumn);
        for (const auto& n : m_numbers)
            qualified += ", t." + sqlIdentifier(n);
        impl->rtreeSql = "SELECT " + qualified + " FROM " + sqlIdentifier(m_rtree) +
                         " AS r CROSS JOIN " + sqlIdentifier(m_layer) + " AS t ON t." + fid +
                         " = r.id WHERE r.id BETWEEN ?1 AND ?2 AND r.maxx >= ?3 AND r.minx <= ?4 "
                         "AND r.maxy >= ?5 AND r.miny <= ?6";
    }
    return std::unique_ptr<TableScan>(new TableScan(std::move(impl)));
}

// ---- TableScan ----------------------------------------------------------------------------

TableScan::TableScan(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
TableScan::~TableScan() = default;

void TableScan::select(std::int64_t first, std::int64_t last,
                       const std::optional<Envelope>& rectangle)
{
    auto& d = *m_impl;
    if (d.postgres) {
        d.releaseResult();
        const auto fid = sqlIdentifier(d.fidColumn);
        std::string sql = d.postgresSql + " WHERE " + fid + " BETWEEN " + std::to_string(first) +
                          " AND " + std::to_string(last);
        if (rectangle) {
            char box[200];
            std::snprintf(box, sizeof box, "ST_MakeEnvelope(%.17g, %.17g, %.17g, %.17g, %lld)",
                          rectangle->minX, rectangle->minY, rectangle->maxX, rectangle->maxY,
                          static_cast<long long>(d.srid));
            sql += " AND " + sqlIdentifier(d.geometryColumn) + " && " + box;
        }
        sql += " ORDER BY " + fid;
        detail::ErrorCapture errors;
        d.result = d.postgres->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        errors.throwIfFailed("cannot read table '" + d.table + "'", d.result == nullptr);
        return;
    }
    const bool useRtree = rectangle && !d.rtreeSql.empty();
    auto*& statement = useRtree ? d.rtree : d.plain;
    if (!statement)
        statement = d.prepare(useRtree ? d.rtreeSql : d.plainSql);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (sqlite3_bind_int64(statement, 1, first) != SQLITE_OK ||
        sqlite3_bind_int64(statement, 2, last) != SQLITE_OK)
        d.fail("binding the fid range");
    if (useRtree) {
        if (sqlite3_bind_double(statement, 3, rectangle->minX) != SQLITE_OK ||
            sqlite3_bind_double(statement, 4, rectangle->maxX) != SQLITE_OK ||
            sqlite3_bind_double(statement, 5, rectangle->minY) != SQLITE_OK ||
            sqlite3_bind_double(statement, 6, rectangle->maxY) != SQLITE_OK)
            d.fail("binding the rectangle");
    }
    d.current = statement;
}

bool TableScan::next(ScanRow& row)
{
    auto& d = *m_impl;
    if (d.postgres) {
        if (!d.result)
            return false;
        detail::ErrorCapture errors;
        OGRFeatureUniquePtr feature(d.result->GetNextFeature());
        errors.throwIfFailed("cannot read table '" + d.table + "'");
        if (!feature) {
            d.releaseResult();
            return false;
        }
        const int fidField = feature->GetFieldIndex("pa_fid");
        row.fid = fidField >= 0 ? feature->GetFieldAsInteger64(fidField) : feature->GetFID();
        if (row.m_table != d.table)
            row.m_table = d.table;
        // A GeoPackage blob: "GP", version 0, flags (little-endian, no envelope, empty or
        // not), the SRS id, then ISO WKB.
        const OGRGeometry* g = feature->GetGeometryRef();
        if (!g) {
            row.m_blob = nullptr;
            row.m_size = 0;
        } else {
            const auto wkb = static_cast<std::size_t>(g->WkbSize());
            d.blob.resize(8 + wkb);
            d.blob[0] = 'G';
            d.blob[1] = 'P';
            d.blob[2] = 0;
            d.blob[3] = static_cast<unsigned char>(0x01 | (g->IsEmpty() ? kEmptyFlag : 0));
            const auto srs = static_cast<std::int32_t>(d.srid);
            for (int i = 0; i < 4; ++i)
                d.blob[4 + static_cast<std::size_t>(i)] =
                    static_cast<unsigned char>((static_cast<std::uint32_t>(srs) >> (8 * i)) & 0xff);
            g->exportToWkb(wkbNDR, d.blob.data() + 8, wkbVariantIso);
            row.m_blob = d.blob.data();
            row.m_size = d.blob.size();
        }
        row.numbers.resize(d.numbers);
        for (std::size_t i = 0; i < d.numbers; ++i) {
            const int field = static_cast<int>(i) + (fidField >= 0 ? 1 : 0);
            row.numbers[i] = feature->IsFieldSetAndNotNull(field)
                                 ? std::optional<double>(feature->GetFieldAsDouble(field))
                                 : std::nullopt;
        }
        return true;
    }
    if (!d.current)
        return false;
    const int rc = sqlite3_step(d.current);
    if (rc == SQLITE_DONE) {
        d.current = nullptr;
        return false;
    }
    if (rc != SQLITE_ROW)
        d.fail("reading a row");
    auto* s = d.current;
    row.fid = sqlite3_column_int64(s, 0);
    row.m_blob = static_cast<const unsigned char*>(sqlite3_column_blob(s, 1));
    row.m_size = static_cast<std::size_t>(sqlite3_column_bytes(s, 1));
    if (row.m_table != d.table)
        row.m_table = d.table;
    row.numbers.resize(d.numbers);
    for (std::size_t i = 0; i < d.numbers; ++i) {
        const int column = static_cast<int>(i) + 2;
        switch (sqlite3_column_type(s, column)) {
        case SQLITE_INTEGER:
            row.numbers[i] = static_cast<double>(sqlite3_column_int64(s, column));
            break;
        case SQLITE_FLOAT:
            row.numbers[i] = sqlite3_column_double(s, column);
            break;
        case SQLITE_TEXT: {
            // A number stored as text in a numeric column: read as GDAL reads it, whole.
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
            char* end = nullptr;
            const double v = text ? CPLStrtod(text, &end) : 0.0;
            row.numbers[i] =
                text && end != text && *end == '\0' ? std::optional<double>(v) : std::nullopt;
            break;
        }
        default:
            row.numbers[i].reset();
        }
    }
    return true;
}

std::string spatiaLiteBlobCondition(const std::string& column)
{
    const std::string c = sqlIdentifier(column);
    return "(length(" + c + ") >= " + std::to_string(kSpatiaLiteMinSize) + " AND substr(" + c +
           ", 1, 1) = " + blobByte(kSpatiaLiteStart) + " AND substr(" + c + ", " +
           std::to_string(kSpatiaLiteMbrEndAt + 1) + ", 1) = " + blobByte(kSpatiaLiteMbrEnd) +
           " AND substr(" + c + ", -1, 1) = " + blobByte(kSpatiaLiteEnd) + ")";
}

} // namespace pa::gis
