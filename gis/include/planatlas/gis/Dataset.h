#pragma once
// Vector datasets through GDAL: reading any format GDAL opens, writing GeoPackages.
// Layer and Feature objects borrow from the Dataset that made them and must not outlive it.

#include "planatlas/gis/Crs.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Geometry.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pa::gis {

enum class FieldType
{
    Integer,
    Integer64,
    Real,
    String,
    Date,
    DateTime,
    Other
};

struct FieldDef
{
    std::string name;
    FieldType type = FieldType::String;
    bool notNull = false;
    bool unique = false;
};

/// A field value. Strings are the bytes GDAL returned: UTF-8 for most drivers, or the raw
/// legacy bytes when a source was opened without recoding (Shapefile ENCODING="").
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

std::string toString(const FieldValue& value);
/// A text value to bind (Dataset::run): null when empty, as a column stores what is not known.
FieldValue textOrNull(const std::string& text);

class Dataset;

class Feature
{
public:
    Feature();
    ~Feature();
    Feature(Feature&&) noexcept;
    Feature& operator=(Feature&&) noexcept;
    Feature(const Feature&) = delete;
    Feature& operator=(const Feature&) = delete;

    [[nodiscard]] std::int64_t fid() const;
    [[nodiscard]] int fieldCount() const;
    [[nodiscard]] FieldValue value(int index) const;
    /// Takes the geometry out of the feature (null Geometry when it has none).
    Geometry takeGeometry();

    void setValue(int index, const FieldValue& value);
    void setGeometry(Geometry geometry);
    /// The fid Layer::insert writes it under (a feature put back where it was); unset: the
    /// layer's next.
    void setFid(std::int64_t fid);

    struct Impl;
    [[nodiscard]] Impl& impl() { return *m_impl; }
    explicit Feature(std::unique_ptr<Impl> impl);

private:
    std::unique_ptr<Impl> m_impl;
};

/// A non-owning view of one layer of a Dataset.
class Layer
{
public:
    [[nodiscard]] std::string name() const;
    [[nodiscard]] std::optional<Crs> crs() const;
    [[nodiscard]] std::string
    geometryTypeName() const; ///< e.g. "Multi Polygon", "None", "Unknown (any)"
    [[nodiscard]] GeometryFamily geometryFamily() const; ///< Collection also for "Unknown"
    [[nodiscard]] bool hasGeometry() const;
    /// The names of the geometry and FID columns in the database ("geom", "fid"); empty when
    /// the driver has none (a shapefile's FID).
    [[nodiscard]] std::string geometryColumn() const;
    [[nodiscard]] std::string fidColumn() const;
    /// Feature count; -1 when the driver cannot tell without a scan and @p force is false.
    [[nodiscard]] std::int64_t featureCount(bool force = true) const;
    [[nodiscard]] std::optional<Envelope> extent() const;
    [[nodiscard]] std::vector<FieldDef> fields() const;
    [[nodiscard]] int fieldIndex(std::string_view name) const; ///< -1 when absent

    void resetReading();
    /// Restricts reading to features matching an OGR SQL WHERE expression ("ma = 'HA13'");
    /// empty clears it. Throws GisError naming the expression when GDAL rejects it.
    void setAttributeFilter(const std::string& where);
    /// Restricts reading to features whose envelope meets @p rectangle (the GeoPackage's R-tree
    /// answers it); nullopt clears it.
    void setSpatialFilter(const std::optional<Envelope>& rectangle);
    /// Reads only these attribute fields (none when empty) and the geometry from now on,
    /// sparing the driver the others (a million parcels' land-use strings); the others read as
    /// null until readAllFields(). Throws GisError for a name the layer does not have.
    void setFieldsToRead(const std::vector<std::string>& names);
    void readAllFields();
    /// Next feature, or nullopt at the end. Throws GisError when the driver reports a read
    /// error (truncated file, corrupt record).
    std::optional<Feature> next();

    void createField(const FieldDef& field);
    [[nodiscard]] Feature newFeature() const;
    /// Inserts and returns the new FID.
    std::int64_t insert(Feature& feature);
    /// The feature with @p fid; nullopt when there is none.
    [[nodiscard]] std::optional<Feature> feature(std::int64_t fid) const;
    /// Writes @p feature (read with feature() or next()) back under its fid.
    void update(Feature& feature);
    /// Deletes the feature with @p fid; false when there was none.
    bool remove(std::int64_t fid);

    explicit Layer(void* handle) : m_handle(handle) {}
    [[nodiscard]] void* handle() const { return m_handle; }

private:
    void* m_handle; // OGRLayer*, owned by the dataset
};

/// The rows of an SQL result set, values in column order.
struct SqlResult
{
    std::vector<std::string> columns;
    std::vector<std::vector<FieldValue>> rows;
};

/// A relationship as GDAL reads it (e.g. from the GeoPackage Related Tables Extension).
struct RelationshipInfo
{
    std::string name;
    std::string leftTable;
    std::string rightTable;
    std::string mappingTable;
    std::string relatedTableType;
    std::string cardinality; ///< "one-to-one", "one-to-many", "many-to-one", "many-to-many"
};

enum class OpenMode
{
    ReadOnly,
    Update
};

class Dataset
{
public:
    /// Opens any vector dataset GDAL reads. @p openOptions are GDAL open options ("KEY=VALUE");
    /// "HEADERS=FORCE" (spreadsheets: the first row names the columns) works with GDAL 3.6 too.
    /// Throws GisError with GDAL's message when it cannot be opened as a vector dataset.
    static Dataset openVector(const std::string& path, OpenMode mode,
                              const std::vector<std::string>& openOptions = {},
                              const std::vector<std::string>& allowedDrivers = {});
    /// Opens a GeoPackage whatever it holds (layers, tables, only tiles), for its tables and
    /// SQL. Throws GisError with GDAL's message.
    static Dataset openGeoPackage(const std::string& path, OpenMode mode);
    /// Creates a new, empty GeoPackage. Fails if @p path exists.
    static Dataset createGeoPackage(const std::string& path);
    /// Opens a PostgreSQL/PostGIS database named by a GDAL connection string
    /// ("PG:service=planatlas active_schema=thai_nguyen"): libpq's conventions find the host,
    /// the role and the password (pg_service.conf, .pgpass, PG* variables). Refuses a string
    /// carrying a password, which would end up in shell histories and logs. With
    /// active_schema=, only that schema's tables are layers, named without it.
    static Dataset openPostgres(const std::string& connection, OpenMode mode);
    /// Creates a new, empty vector dataset with GDAL's driver @p driver ("GPKG", "XLSX" …).
    /// Fails if @p path exists or the driver is missing.
    /// (Drivers such as XLSX write the file only on close().)
    static Dataset createVector(const std::string& path, const std::string& driver);

    Dataset(Dataset&&) noexcept;
    Dataset& operator=(Dataset&&) noexcept;
    Dataset(const Dataset&) = delete;
    Dataset& operator=(const Dataset&) = delete;
    ~Dataset();

    [[nodiscard]] std::string driverName() const;
    [[nodiscard]] bool isPostgres() const;
    [[nodiscard]] std::string path() const;
    [[nodiscard]] int layerCount() const;
    [[nodiscard]] Layer layer(int index) const;
    [[nodiscard]] std::optional<Layer> layerByName(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> layerNames() const;

    /// Creates a layer. @p crs null and @p family None make a non-spatial (attribute) table.
    Layer createLayer(const std::string& name, const Crs* crs, GeometryFamily family, bool multi,
                      const std::vector<FieldDef>& fields,
                      const std::vector<std::string>& options = {});

    /// Renames layer @p from to @p to with everything the format keeps of it (a GeoPackage's
    /// contents, geometry columns, spatial index, relations). Throws GisError.
    void renameLayer(const std::string& from, const std::string& to);
    /// Deletes layer @p name with everything the format keeps of it. Throws GisError.
    void deleteLayer(const std::string& name);

    void startTransaction();
    void commitTransaction();
    void rollbackTransaction();

    /// Runs SQL in the dataset's native dialect (SQLite for GeoPackage). Statements that
    /// return no result set give an empty SqlResult. @p dialect "SQLite" selects GDAL's SQLite
    /// dialect (with SpatiaLite functions); empty uses the native one. Throws GisError on failure.
    SqlResult execute(const std::string& sql, const std::string& dialect = {});
    /// Runs one SQL statement whose values are '?' placeholders bound to @p values in order
    /// (null, integer, real, text) on the GeoPackage's own SQLite connection, inside any
    /// transaction in progress: a value never becomes SQL text, whatever it holds (quotes, a
    /// NUL). Returns the rows of a SELECT. On PostgreSQL the values are written into the
    /// statement as literals (quotes doubled, standard-conforming; a NUL refused), on GDAL's
    /// connection and in its transaction. Throws GisError for another driver or on failure,
    /// naming the statement.
    SqlResult run(const std::string& sql, const std::vector<FieldValue>& values);
    /// Writes @p rows (as a SELECT returned them: its columns, its rows) into @p table with
    /// run(), one INSERT a row; with @p replace, a row whose key is taken replaces it.
    void insertRows(const std::string& table, const SqlResult& rows, bool replace = false);

    /// Whether the GeoPackage's SQLite database has a table @p name (any table: a layer, a
    /// tile or attribute table, a table set aside). GeoPackage only, as run().
    [[nodiscard]] bool hasTable(const std::string& name);

    [[nodiscard]] std::vector<RelationshipInfo> relationships() const;

    /// Creates layer @p name shaped as @p source: the same fields (types, widths, subtypes,
    /// nullability), geometry type, CRS, geometry and fid column names. @p options are GDAL
    /// layer creation options added to those.
    Layer createLayerLike(Layer source, const std::string& name,
                          const std::vector<std::string>& options = {});

    /// Writes pending changes (e.g. GeoPackage extents) and closes; errors are thrown.
    void close();

    struct Impl;

private:
    friend class TableSource; // reads the GeoPackage's tables on connections of its own
    explicit Dataset(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// Copies every feature of @p from into @p to (made with createLayerLike) under its own fid,
/// fields matched by name; @p progress gets the count so far every few thousand features and
/// stops the copy (GisError) when it returns false. Returns the count copied.
std::int64_t copyFeatures(Layer from, Layer to,
                          const std::function<bool(std::int64_t)>& progress = {});

/// @p sql with each '?' outside quotes and quoted names replaced by the PostgreSQL literal of
/// the matching value: integers as digits, reals as exact decimal text, text quoted with its
/// quotes doubled (and as an escape string when it holds a backslash, whatever
/// standard_conforming_strings says), null as NULL. For drivers without bound parameters
/// (PostgreSQL through GDAL). Throws GisError naming @p where when the counts differ, and for
/// a text holding a NUL.
[[nodiscard]] std::string bindAsLiterals(const std::string& sql,
                                         const std::vector<FieldValue>& values,
                                         const std::string& where);

/// Whether @p name is a PostgreSQL connection string ("PG:…") rather than a file.
[[nodiscard]] bool isPostgresConnection(std::string_view name);
/// The value of @p keyword ("active_schema") in a "PG:" connection string; empty when absent.
[[nodiscard]] std::string connectionKeyword(std::string_view connection, std::string_view keyword);
/// Every keyword of a "PG:" connection string with its value (quotes and escapes removed), in
/// the order written; empty for anything else.
[[nodiscard]] std::vector<std::pair<std::string, std::string>>
connectionKeywords(std::string_view connection);
/// @p value between two @p quote characters, each @p quote and backslash in it escaped by a
/// backslash: how libpq reads a connection value back ('it\'s') and how QgsDataSourceUri
/// quotes a name ("my \"table\"").
[[nodiscard]] std::string backslashQuoted(std::string_view value, char quote);
/// @p value as a connection string's value, the way libpq reads it back: in single quotes,
/// quotes and backslashes escaped ("it's" → 'it\'s').
[[nodiscard]] std::string connectionValue(std::string_view value);
/// @p name as it may be shown or logged: a connection string's password= value replaced by
/// "***"; anything else as it is.
[[nodiscard]] std::string displayName(std::string_view name);
/// Why @p connection cannot be opened when GDAL failed to with @p message, asked of libpq
/// itself; nullopt when libpq connects (the failure was something else).
[[nodiscard]] std::optional<ConnectionError> connectionProblem(const std::string& connection,
                                                               const std::string& message);
/// @p connection without @p keyword and its value.
[[nodiscard]] std::string withoutConnectionKeyword(std::string_view connection,
                                                   std::string_view keyword);

/// Quotes a string as an SQL literal ('it''s').
std::string sqlLiteral(std::string_view text);
/// Quotes an identifier ("my ""table""").
std::string sqlIdentifier(std::string_view name);
/// PostGIS: an SQL expression for the SRID of @p column (unquoted) of @p table (an SQL table
/// name, quoted, optionally schema-qualified): the column type's, else the first shape's, else
/// 0. Read from the catalogue, not by PostGIS's Find_SRID, whose view fails while another
/// schema is being dropped.
std::string columnSridSql(const std::string& table, const std::string& column);

/// Receives GDAL warnings and debug messages that no caller turned into an error.
using LogHandler = std::function<void(std::string_view message)>;
void setWarningHandler(LogHandler handler);

/// Version strings of the linked libraries, e.g. for --version.
std::string libraryVersions();

/// Registers every GDAL driver now. A workspace opens with its own driver alone and any other
/// format registers them all when first opened; an application that opens other formats from
/// worker threads calls this first, on its main thread.
void registerAllFormats();

} // namespace pa::gis
