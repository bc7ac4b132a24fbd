#include "planatlas/layers/Copy.h"

#include "Connection_p.h"
#include "Schema_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Files.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Workspace.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <unistd.h>

namespace pa::layers {

namespace fs = std::filesystem;
using gis::Dataset;
using gis::FieldValue;
using gis::sqlIdentifier;
using gis::sqlLiteral;
using gis::SqlResult;

namespace {

// In a PostgreSQL schema the GeoPackage's registry of contents is kept as a table of the same
// name and columns (so that PlanAtlas reads it there as in a GeoPackage), with two of
// PlanAtlas's: the order of the tables, and the SQLite statement that made each table neither
// PlanAtlas's schema nor GDAL makes (QGIS's layer_styles and qgis_projects, an attribute table
// of someone else's), read back on the way home. QGIS's two keep another name in a schema
// (schema::postgresName), where QGIS has tables of its own by theirs.
constexpr const char* kContentsTable = "gpkg_contents";
constexpr const char* kRelationsTable = "gpkgext_relations";
/// Tables a GeoPackage workspace may hold outside gpkg_contents, copied as they are.
constexpr std::array<const char*, 1> kUnregisteredTables = {"qgis_projects"};
constexpr std::size_t kRowsPerInsert = 200;

Error copyError(const Sentence& message)
{
    return Error(ErrorKind::Workspace, message);
}

/// A workspace in PostgreSQL that cannot be opened, and why (a service not defined, a server
/// that does not answer, …).
Error cannotOpen(const std::string& name, const std::string& connection, const gis::GisError& e)
{
    return Error(ErrorKind::Workspace, {QT_TRANSLATE_NOOP("pa::layers", "cannot open '%1': %2"),
                                        {name, whyNotConnected(connection, e)}});
}

using schema::postgresName;
using schema::postgresTable;

/// One table of the source as gpkg_contents (or its copy) lists it.
struct Entry
{
    std::string name, dataType, identifier, description;
    std::string createSql; ///< the SQLite CREATE TABLE of a table copied row by row
    /// A map sheet's extent and CRS (gpkg_contents' min_x, min_y, max_x, max_y, srs_id).
    std::vector<FieldValue> bounds;
    FieldValue lastChange; ///< gpkg_contents' last_change
};

/// Between the statements kept for one table (its CREATE TABLE, then its triggers).
constexpr std::string_view kNextStatement = "\n-- next statement --\n";

/// The statements of @p sql, split at kNextStatement.
std::vector<std::string> statements(const std::string& sql)
{
    std::vector<std::string> parts;
    std::size_t at = 0;
    for (;;) {
        const auto next = sql.find(kNextStatement, at);
        parts.push_back(sql.substr(at, next == std::string::npos ? next : next - at));
        if (next == std::string::npos)
            return parts;
        at = next + kNextStatement.size();
    }
}

/// The GeoPackage tables that say how a map sheet's tiles lie, kept under these names in a
/// schema.
constexpr std::array<std::pair<const char*, const char*>, 3> kTileTables = {{
    {"gpkg_spatial_ref_sys", "pa_gpkg_spatial_ref_sys"},
    {"gpkg_tile_matrix_set", "pa_gpkg_tile_matrix_set"},
    {"gpkg_tile_matrix", "pa_gpkg_tile_matrix"},
}};

enum class Role
{
    System,
    Layer,
    Links,
    Tiles
};

struct Side
{
    std::optional<Dataset> handle;
    Dataset* borrowed = nullptr; ///< a connection someone else holds (a workspace's)
    Dataset& dataset() { return borrowed ? *borrowed : *handle; }
    bool postgres = false;
    std::string name;   ///< as the user gave it
    std::string schema; ///< PostgreSQL: the workspace's schema
};

std::string text(const FieldValue& value)
{
    return gis::toString(value);
}

std::string lower(std::string name)
{
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

/// Every row of @p table, columns as stored, in fid (or first column) order. On PostgreSQL a
/// column is read as an expression so that GDAL takes none of them for the result's fid.
SqlResult readRows(Side& side, const std::string& table)
{
    if (!side.postgres)
        return side.dataset().run("SELECT * FROM " + sqlIdentifier(table) + " ORDER BY 1", {});
    std::string columns;
    for (const auto& row :
         side.dataset()
             .run("SELECT column_name, data_type FROM information_schema.columns WHERE "
                  "table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                  {table})
             .rows) {
        const std::string name = text(row[0]);
        const std::string type = text(row[1]);
        const std::string cast = type == "bigint" || type == "integer" ? "BIGINT"
                                 : type == "double precision"          ? "DOUBLE PRECISION"
                                                                       : "TEXT";
        columns += (columns.empty() ? "" : ", ") + std::string("CAST(") + sqlIdentifier(name) +
                   " AS " + cast + ") AS " + sqlIdentifier(name);
    }
    if (columns.empty())
        throw copyError("'" + side.name + "' has no table " + table);
    return side.dataset().run("SELECT " + columns + " FROM " + sqlIdentifier(table) + " ORDER BY 1",
                              {});
}

/// Writes @p rows into @p table, several rows a statement.
void writeRows(Side& side, const std::string& table, const SqlResult& rows)
{
    if (rows.rows.empty())
        return;
    // PostgreSQL folds the unquoted names of a statement written for SQLite to lower case
    // ("styleName" of QGIS's layer_styles): each column goes to the target's of that name in
    // any case, as SQLite would take it.
    std::map<std::string, std::string> folded;
    if (side.postgres)
        for (const auto& row :
             side.dataset()
                 .run("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                      "current_schema() AND table_name = ?",
                      {table})
                 .rows)
            folded[lower(text(row[0]))] = text(row[0]);
    std::string columns, one;
    for (const auto& c : rows.columns) {
        const auto it = folded.find(lower(c));
        columns +=
            (columns.empty() ? "" : ", ") + sqlIdentifier(it == folded.end() ? c : it->second);
        one += one.empty() ? "?" : ", ?";
    }
    one = "(" + one + ")";
    for (std::size_t at = 0; at < rows.rows.size(); at += kRowsPerInsert) {
        const std::size_t end = std::min(rows.rows.size(), at + kRowsPerInsert);
        std::string sql = "INSERT INTO " + sqlIdentifier(table) + " (" + columns + ") VALUES ";
        std::vector<FieldValue> values;
        for (std::size_t r = at; r < end; ++r) {
            sql += (r == at ? "" : ", ") + one;
            values.insert(values.end(), rows.rows[r].begin(), rows.rows[r].end());
        }
        side.dataset().run(sql, values);
    }
}

/// PostgreSQL: serial column @p column of @p table, its sequence set past the largest value
/// copied, so that the next row written gets a new value.
void resetSequence(Side& side, const std::string& table, const std::string& column)
{
    const std::string qualified = sqlIdentifier(side.schema) + "." + sqlIdentifier(table);
    side.dataset().execute("SELECT setval(pg_get_serial_sequence(" + sqlLiteral(qualified) + ", " +
                           sqlLiteral(column) + "), (SELECT COALESCE(MAX(" + sqlIdentifier(column) +
                           "), 0) + 1 FROM " + qualified + "), false)");
}

/// PostgreSQL: each serial column's sequence set past the largest value copied, so that the
/// next row written in the schema gets a new fid.
void resetSequences(Side& side)
{
    for (const auto& row :
         side.dataset()
             .run("SELECT table_name, column_name FROM information_schema.columns WHERE "
                  "table_schema = current_schema() AND column_default LIKE 'nextval(%'",
                  {})
             .rows)
        resetSequence(side, text(row[0]), text(row[1]));
}

/// The workspace named @p name opened for reading: a GeoPackage through Workspace::open (which
/// checks it is one), a schema by its metadata.
Side openSource(const std::string& given)
{
    const std::string name = gis::displayName(given);
    Side side;
    side.name = name;
    int version = 0;
    if (gis::isPostgresConnection(given)) {
        side.postgres = true;
        side.schema = gis::connectionKeyword(given, "active_schema");
        if (side.schema.empty())
            throw Error(ErrorKind::Usage, "'" + name +
                                              "' names no schema; add active_schema=<province's "
                                              "schema> to the connection string");
        try {
            side.handle = Dataset::openPostgres(given, gis::OpenMode::ReadOnly);
        } catch (const gis::GisError& e) {
            throw cannotOpen(name, given, e);
        }
        if (!side.dataset().hasTable("pa_metadata") || !side.dataset().hasTable(kContentsTable))
            throw copyError("schema '" + side.schema + "' of '" + name +
                            "' holds no PlanAtlas workspace");
        const auto rows =
            side.dataset().run("SELECT value FROM pa_metadata WHERE key = 'schema_version'", {});
        if (!rows.rows.empty())
            version = std::atoi(text(rows.rows[0][0]).c_str());
    } else {
        auto workspace = Workspace::open(given, gis::OpenMode::ReadOnly);
        version = workspace.schemaVersion();
        workspace.close();
        side.handle = Dataset::openVector(given, gis::OpenMode::ReadOnly, {}, {"GPKG"});
    }
    if (version != kSchemaVersion)
        throw copyError("workspace '" + name + "' has schema version " + std::to_string(version) +
                        ", this PlanAtlas copies version " + std::to_string(kSchemaVersion) +
                        "; bring it up to date by writing to it once with this PlanAtlas, e.g. "
                        "planatlas qgis '" +
                        name + "' (which also writes its QGIS project again)");
    return side;
}

std::vector<Entry> contents(Side& source)
{
    // The same columns from the schema's catalogue or from gpkg_contents with the statement
    // that made each table.
    const std::string sql =
        source.postgres
            ? "SELECT table_name, data_type, identifier, description, pa_create_sql, min_x, "
              "min_y, max_x, max_y, srs_id, last_change FROM " +
                  std::string(kContentsTable) + " ORDER BY pa_ordinal"
            : "SELECT c.table_name, c.data_type, c.identifier, c.description, m.sql, c.min_x, "
              "c.min_y, c.max_x, c.max_y, c.srs_id, c.last_change FROM gpkg_contents c LEFT JOIN "
              "sqlite_master "
              "m ON m.type = 'table' AND m.name = c.table_name ORDER BY c.rowid";
    std::vector<Entry> entries;
    for (const auto& row : source.dataset().run(sql, {}).rows)
        entries.push_back({text(row[0]),
                           text(row[1]),
                           text(row[2]),
                           text(row[3]),
                           text(row[4]),
                           {row[5], row[6], row[7], row[8], row[9]},
                           row[10]});
    if (source.postgres)
        return entries;
    // A map sheet's tile table comes with GDAL's triggers that check its tile indices.
    for (auto& entry : entries)
        if (entry.dataType == "tiles")
            for (const auto& row :
                 source.dataset()
                     .run("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                          "ORDER BY name",
                          {entry.name})
                     .rows)
                entry.createSql += std::string(kNextStatement) + text(row[0]);
    for (const char* table : kUnregisteredTables)
        for (const auto& row :
             source.dataset()
                 .run("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", {table})
                 .rows)
            entries.push_back({table, "", "", "", text(row[0]), {}, {}});
    return entries;
}

/// The target: a schema that holds no table yet (made when absent), or a file that does not
/// exist yet (made aside, under @p temporary).
struct Target
{
    Side side;
    bool createdSchema = false;
    std::optional<Dataset> admin; ///< PostgreSQL: the connection outside the schema
    fs::path temporary;
};

Target openTarget(const std::string& given)
{
    const std::string name = gis::displayName(given);
    Target target;
    target.side.name = name;
    if (gis::isPostgresConnection(given)) {
        target.side.postgres = true;
        target.side.schema = gis::connectionKeyword(given, "active_schema");
        if (target.side.schema.empty())
            throw Error(ErrorKind::Usage, "'" + name +
                                              "' names no schema; add active_schema=<province's "
                                              "schema> to the connection string");
        const std::string outside = gis::withoutConnectionKeyword(
            gis::withoutConnectionKeyword(given, "active_schema"), "schemas");
        try {
            target.admin = Dataset::openPostgres(outside, gis::OpenMode::Update);
        } catch (const gis::GisError& e) {
            throw cannotOpen(name, given, e);
        }
        if (target.admin->run("SELECT 1 FROM pg_extension WHERE extname = 'postgis'", {})
                .rows.empty())
            throw copyError("the database of '" + name +
                            "' has no PostGIS; its owner runs CREATE EXTENSION postgis once");
        const bool exists = !target.admin
                                 ->run("SELECT 1 FROM information_schema.schemata WHERE "
                                       "schema_name = ?",
                                       {target.side.schema})
                                 .rows.empty();
        if (exists) {
            const auto tables = target.admin->run(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?",
                {target.side.schema});
            const std::string count = text(tables.rows.at(0).at(0));
            if (count != "0")
                throw copyError("schema '" + target.side.schema + "' of '" + name +
                                "' already holds " + count +
                                " table(s); PlanAtlas copies only into an empty or new schema");
        } else {
            try {
                target.admin->execute("CREATE SCHEMA " + sqlIdentifier(target.side.schema));
            } catch (const gis::GisError& e) {
                throw copyError("cannot create schema '" + target.side.schema + "' in '" + name +
                                "': " + e.what());
            }
            target.createdSchema = true;
        }
        try {
            target.side.handle = Dataset::openPostgres(given, gis::OpenMode::Update);
        } catch (const gis::GisError& e) {
            if (target.createdSchema)
                target.admin->execute("DROP SCHEMA " + sqlIdentifier(target.side.schema));
            throw cannotOpen(name, given, e);
        }
        return target;
    }
    const fs::path path(given);
    if (fs::exists(path))
        throw copyError("'" + name + "' already exists; PlanAtlas will not overwrite it");
    if (path.has_parent_path() && !fs::is_directory(path.parent_path()))
        throw copyError("cannot create '" + name + "': folder '" + path.parent_path().string() +
                        "' does not exist");
    std::random_device random;
    target.temporary = path.parent_path() /
                       ("." + path.stem().string() + ".tmp-" + std::to_string(random()) + ".gpkg");
    target.side.handle = Dataset::createGeoPackage(target.temporary.string());
    return target;
}

/// Moves the finished file into place; link() fails when the name was taken meanwhile.
void publish(const Target& target)
{
    const fs::path path(target.side.name);
    if (::link(target.temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        if ((error == EPERM || error == EOPNOTSUPP || error == EXDEV) && !fs::exists(path)) {
            fs::rename(target.temporary, path);
            return;
        }
        throw copyError(error == EEXIST
                            ? "'" + target.side.name +
                                  "' already exists; PlanAtlas will not "
                                  "overwrite it"
                            : "cannot write '" + target.side.name + "': " + std::strerror(error));
    }
    std::error_code ignored;
    fs::remove(target.temporary, ignored);
}

class Copy
{
public:
    Copy(Side& source, Target& target, CopyReport& report, const Progress& progress)
        : m_from(source), m_to(target.side), m_report(report), m_progress(progress)
    {
    }

    void run()
    {
        const auto entries = contents(m_from);
        const SqlResult relations = readRows(m_from, kRelationsTable);
        std::map<std::string, std::string> linkBase; // mapping table → its layer
        for (const auto& row : relations.rows) {
            std::map<std::string, std::string> r;
            for (std::size_t c = 0; c < relations.columns.size(); ++c)
                r[relations.columns[c]] = text(row[c]);
            linkBase[r["mapping_table_name"]] = r["base_table_name"];
        }
        std::set<std::string> system;
        for (const auto& table : schema::systemTables())
            system.insert(std::string(table.name));

        const double steps = static_cast<double>(entries.size() + 3);
        double done = 0;
        auto step = [&](const std::string& what) { m_progress.update(done++ / steps, what); };

        if (m_to.postgres)
            checkCrs(entries);

        step("system tables");
        createSystemTables();
        for (const auto& table : schema::systemTables())
            copyRows(std::string(table.name), "system");

        std::vector<const Entry*> sheets;
        for (const auto& entry : entries) {
            if (system.contains(entry.name) || linkBase.contains(entry.name))
                continue;
            step(entry.name);
            if (entry.dataType == "tiles") {
                sheets.push_back(&entry); // once the layers have put their CRSs in place
                continue;
            }
            if (entry.dataType == "features")
                copyLayer(entry.name);
            else if (entry.dataType == "attributes" || entry.dataType.empty())
                copyTable(entry);
            else
                m_report.notCopied.push_back(entry.name + ": a table of kind '" + entry.dataType +
                                             "', which PlanAtlas does not know how to copy");
        }

        if (!sheets.empty())
            copySheets(sheets);

        step("links");
        createRelations(relations, linkBase);
        for (const auto& [mapping, base] : linkBase) {
            (void)base;
            copyRows(mapping, "links");
        }

        step("catalogue");
        writeCatalogue(entries);
        if (m_to.postgres)
            resetSequences(m_to);
        m_progress.update(1.0, "done");
    }

    /// One map sheet only, with what says how its tiles lie, into a GeoPackage target.
    void sheet(const std::string& name)
    {
        const auto entries = contents(m_from);
        const auto found = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) {
            return e.name == name && e.dataType == "tiles";
        });
        if (found == entries.end())
            throw copyError({QT_TRANSLATE_NOOP("pa::layers", "'%1' has no map sheet '%2'"),
                             {m_from.name, name}});
        copySheets({&*found});
    }

private:
    /// Every layer's CRS must be in spatial_ref_sys before GDAL makes its geometry column;
    /// GDAL would add a missing one itself, which only the table's owner may do.
    void checkCrs(const std::vector<Entry>& entries)
    {
        for (const auto& entry : entries) {
            if (entry.dataType != "features")
                continue;
            const auto layer = m_from.dataset().layerByName(entry.name);
            const auto crs = layer ? layer->crs() : std::nullopt;
            if (!crs || !crs->epsg())
                continue; // GDAL says what it cannot do with the layer itself
            if (m_to.dataset()
                    .run("SELECT 1 FROM spatial_ref_sys WHERE auth_name = 'EPSG' AND "
                         "auth_srid = ?",
                         {static_cast<std::int64_t>(*crs->epsg())})
                    .rows.empty())
                throw copyError(
                    {QT_TRANSLATE_NOOP("pa::layers",
                                       "%1 (%2), the CRS of layer %3, is missing from the "
                                       "spatial_ref_sys of '%4'; the database's administrator "
                                       "adds the VN-2000 CRSs once with "
                                       "scripts/postgis/vn2000_spatial_ref_sys.sql"),
                     {crs->label(), crs->name(), entry.name, m_to.name}});
        }
    }

    void createSystemTables()
    {
        if (!m_to.postgres) {
            schema::createSystemTables(m_to.dataset());
            return;
        }
        for (const auto& table : schema::systemTables())
            m_to.dataset().execute(postgresTable(schema::createTableSql(table)));
        for (const auto& sql : schema::relatedTablesSetup())
            if (sql.starts_with("CREATE TABLE gpkgext_relations"))
                m_to.dataset().execute(postgresTable(sql));
        m_to.dataset().execute("CREATE TABLE " + std::string(kContentsTable) +
                               " (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, "
                               "description TEXT, last_change TEXT, min_x DOUBLE PRECISION, min_y "
                               "DOUBLE PRECISION, max_x DOUBLE PRECISION, max_y DOUBLE PRECISION, "
                               "srs_id BIGINT, pa_ordinal BIGINT NOT NULL, pa_create_sql TEXT)");
    }

    void copyRows(const std::string& table, const std::string& role, std::string into = {})
    {
        m_progress.checkCancelled();
        if (into.empty())
            into = table;
        SqlResult rows;
        try {
            rows = readRows(m_from, table);
            writeRows(m_to, into, rows);
        } catch (const gis::GisError& e) {
            throw copyError("table " + table + ": " + e.what());
        }
        m_report.tables.push_back({into, role, static_cast<std::int64_t>(rows.rows.size())});
    }

    void copyLayer(const std::string& name)
    {
        const auto from = m_from.dataset().layerByName(name);
        if (!from)
            throw copyError("'" + m_from.name + "' lists layer " + name +
                            " but GDAL cannot read it");
        std::vector<std::string> options;
        if (m_to.postgres)
            options = {"LAUNDER=NO", "PRECISION=NO", "SPATIAL_INDEX=GIST", "OVERWRITE=NO"};
        else
            options = {"SPATIAL_INDEX=YES"};
        try {
            auto to = m_to.dataset().createLayerLike(*from, name, options);
            const auto count =
                gis::copyFeatures(*from, to, [&](std::int64_t) { return !m_progress.cancelled(); });
            m_report.tables.push_back({name, "layer", count});
        } catch (const gis::GisError& e) {
            m_progress.checkCancelled();
            throw copyError("layer " + name + ": " + e.what());
        }
    }

    /// Map sheets (GeoPackage tile pyramids): each tile table made again by the statement
    /// that made it and filled row by row, the image bytes as hexadecimal text in a schema; the
    /// tile matrices and their CRSs kept alongside (a schema) or put back (a GeoPackage).
    void copySheets(const std::vector<const Entry*>& sheets)
    {
        if (m_to.postgres) {
            // Columns typed by the values they hold: GDAL's statements for these tables
            // refer to GeoPackage tables a schema does not have.
            for (const auto& [gpkg, kept] : kTileTables) {
                const auto rows = readRows(m_from, m_from.postgres ? kept : gpkg);
                createKeptTable(kept, rows);
                writeRows(m_to, kept, rows);
                m_report.tables.push_back(
                    {kept, "catalogue", static_cast<std::int64_t>(rows.rows.size())});
            }
        }
        for (const Entry* sheet : sheets) {
            if (sheet->createSql.empty())
                throw copyError({QT_TRANSLATE_NOOP("pa::layers", "'%1' lists map sheet %2 but has "
                                                                 "no statement that made its "
                                                                 "table"),
                                 {m_from.name, sheet->name}});
            if (!m_to.postgres)
                restoreSheetRegistry(*sheet);
            const auto made = statements(sheet->createSql);
            if (m_to.postgres) {
                m_to.dataset().execute(postgresTable(made.front()));
                copyTiles(sheet->name);
            } else {
                m_to.dataset().execute(made.front());
                copyTiles(sheet->name);
                for (std::size_t i = 1; i < made.size(); ++i)
                    m_to.dataset().execute(made[i]);
            }
        }
    }

public:
    /// One map sheet of a GeoPackage into a schema that holds a workspace already, inside the
    /// transaction of its connection, as a copy of the whole would have brought it: the rows of
    /// the tables that say how its tiles lie (those tables made when the schema has none yet),
    /// its CRS when the schema lacks it, its tile table and its row in the schema's catalogue.
    /// Returns the tables made.
    std::vector<std::string> sheetIntoSchema(const std::string& name)
    {
        const auto entries = contents(m_from);
        const auto found = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) {
            return e.name == name && e.dataType == "tiles";
        });
        if (found == entries.end() || found->createSql.empty())
            throw copyError({QT_TRANSLATE_NOOP("pa::layers", "'%1' has no map sheet '%2'"),
                             {m_from.name, name}});
        std::vector<std::string> made;
        for (const auto& [gpkg, kept] : kTileTables) {
            auto rows = readRows(m_from, gpkg);
            const bool crs = std::string(gpkg) == "gpkg_spatial_ref_sys";
            auto column = [&](const char* c) {
                return static_cast<std::size_t>(
                    std::find(rows.columns.begin(), rows.columns.end(), c) - rows.columns.begin());
            };
            const std::size_t key = column(crs ? "srs_id" : "table_name");
            const bool exists = m_to.dataset().hasTable(kept);
            // A CRS the schema has under the same id is left out; another CRS under that id
            // (one numbered by GDAL, without an EPSG code) would place the sheet wrongly.
            std::map<std::string, std::string> there; // srs_id → "organization:code"
            if (crs && exists)
                for (const auto& row :
                     m_to.dataset()
                         .execute("SELECT CAST(srs_id AS TEXT) AS id, lower(organization) || ':' "
                                  "|| CAST(organization_coordsys_id AS TEXT) AS authority FROM " +
                                  std::string(kept))
                         .rows)
                    there[text(row[0])] = text(row[1]);
            const std::size_t organization = column("organization");
            const std::size_t code = column("organization_coordsys_id");
            std::erase_if(rows.rows, [&](const auto& row) {
                const std::string value = text(row[key]);
                if (!crs)
                    return value != name;
                const auto it = there.find(value);
                if (it == there.end())
                    return false;
                if (organization < row.size() && code < row.size() &&
                    it->second != lower(text(row[organization])) + ":" + text(row[code]))
                    throw copyError(
                        {QT_TRANSLATE_NOOP("pa::layers",
                                           "map sheet %1: its CRS has id %2 in the sheet and "
                                           "another CRS (%3) has it in the schema; place it in a "
                                           "GeoPackage copy of the workspace and copy that in"),
                         {name, value, it->second}});
                return true;
            });
            if (!exists) {
                createKeptTable(kept, rows);
                made.emplace_back(kept);
            }
            writeRows(m_to, kept, rows);
        }
        m_to.dataset().execute(postgresTable(statements(found->createSql).front()));
        made.push_back(name);
        copyTiles(name);
        resetSequence(m_to, name, "id"); // its tile ids were copied as they were
        schema::enterInSchemaCatalogue(m_to.dataset(), name, "tiles", found->identifier,
                                       found->description, found->createSql);
        std::vector<FieldValue> bounds = found->bounds;
        bounds.resize(5);
        bounds.emplace_back(name);
        m_to.dataset().run("UPDATE " + std::string(kContentsTable) +
                               " SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, srs_id = ? WHERE "
                               "table_name = ?",
                           bounds);
        return made;
    }

private:
    /// A GeoPackage target: the sheet's CRS (when no layer brought it), its gpkg_contents row,
    /// its tile matrix set and matrices, as the source had them.
    void restoreSheetRegistry(const Entry& sheet)
    {
        const auto source = [&](const char* gpkg) -> std::string {
            for (const auto& [g, kept] : kTileTables)
                if (std::string(g) == gpkg)
                    return m_from.postgres ? kept : g;
            return gpkg;
        };
        const FieldValue srs = sheet.bounds.size() == 5 ? sheet.bounds[4] : FieldValue{};
        auto srsRows = readRows(m_from, source("gpkg_spatial_ref_sys"));
        for (auto& row : srsRows.rows) {
            const auto id = std::find(srsRows.columns.begin(), srsRows.columns.end(), "srs_id") -
                            srsRows.columns.begin();
            if (text(row[static_cast<std::size_t>(id)]) != text(srs))
                continue;
            if (!m_to.dataset()
                     .run("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?", {row[id]})
                     .rows.empty())
                break;
            SqlResult one{srsRows.columns, {row}};
            writeRows(m_to, "gpkg_spatial_ref_sys", one);
        }
        std::vector<FieldValue> contents = {sheet.name, "tiles", gis::textOrNull(sheet.identifier),
                                            gis::textOrNull(sheet.description)};
        contents.insert(contents.end(), sheet.bounds.begin(), sheet.bounds.end());
        m_to.dataset().run("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                           "description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, "
                           "?, ?, ?, ?, ?)",
                           contents);
        for (const char* matrix : {"gpkg_tile_matrix_set", "gpkg_tile_matrix"}) {
            auto rows = readRows(m_from, source(matrix));
            const auto name = std::find(rows.columns.begin(), rows.columns.end(), "table_name") -
                              rows.columns.begin();
            std::erase_if(rows.rows, [&](const auto& row) {
                return text(row[static_cast<std::size_t>(name)]) != sheet.name;
            });
            writeRows(m_to, matrix, rows);
        }
    }

    /// A schema's copy @p kept of a GeoPackage table that says how tiles lie, its columns typed
    /// by the values @p rows hold: GDAL's statements for these tables refer to GeoPackage tables
    /// a schema does not have.
    void createKeptTable(const char* kept, const SqlResult& rows)
    {
        std::string columns;
        for (std::size_t c = 0; c < rows.columns.size(); ++c) {
            std::string type = "TEXT";
            for (const auto& row : rows.rows)
                if (std::holds_alternative<std::int64_t>(row[c]))
                    type = "BIGINT";
                else if (std::holds_alternative<double>(row[c]))
                    type = "DOUBLE PRECISION";
            columns += (c ? ", " : "") + sqlIdentifier(rows.columns[c]) + " " + type;
        }
        m_to.dataset().execute("CREATE TABLE " + std::string(kept) + " (" + columns + ")");
    }

    void copyTiles(const std::string& table)
    {
        m_progress.checkCancelled();
        SqlResult rows;
        try {
            rows = m_from.postgres
                       ? readRows(m_from, table)
                       : m_from.dataset().run("SELECT id, zoom_level, tile_column, tile_row, "
                                              "hex(tile_data) AS tile_data FROM " +
                                                  sqlIdentifier(table) + " ORDER BY id",
                                              {});
            if (m_to.postgres) {
                writeRows(m_to, table, rows);
            } else {
                // The bytes go in as a blob literal; hexadecimal digits are all it may hold.
                const std::string insert = "INSERT INTO " + sqlIdentifier(table) +
                                           " (id, zoom_level, tile_column, tile_row, tile_data) "
                                           "VALUES (?, ?, ?, ?, X'";
                for (const auto& row : rows.rows) {
                    const std::string hex = text(row.at(4));
                    if (hex.size() % 2 || !std::all_of(hex.begin(), hex.end(), [](char c) {
                            return std::isxdigit(static_cast<unsigned char>(c));
                        }))
                        throw copyError(
                            {QT_TRANSLATE_NOOP("pa::layers", "map sheet %1: tile %2 is not an "
                                                             "image in hexadecimal"),
                             {table, text(row[0])}});
                    m_to.dataset().run(insert + hex + "')", {row[0], row[1], row[2], row[3]});
                }
            }
        } catch (const gis::GisError& e) {
            throw copyError(withDetail(
                {QT_TRANSLATE_NOOP("pa::layers", "map sheet %1 cannot be copied"), {table}},
                e.cause()));
        }
        m_report.tables.push_back({table, "sheet", static_cast<std::int64_t>(rows.rows.size())});
    }

    /// The link tables, created as their layers' links (with the Related Tables registry of a
    /// GeoPackage), and the registry's rows as they were.
    void createRelations(const SqlResult& relations,
                         const std::map<std::string, std::string>& links)
    {
        for (const auto& [mapping, base] : links) {
            auto statements = schema::linkTableSetup(base, mapping);
            if (m_to.postgres) {
                m_to.dataset().execute(postgresTable(statements.front()));
                continue;
            }
            // All but the last statement, which registers the relation: the rows copied below
            // do, under their own ids.
            for (std::size_t i = 0; i + 1 < statements.size(); ++i)
                m_to.dataset().execute(statements[i]);
        }
        writeRows(m_to, kRelationsTable, relations);
        m_report.tables.push_back(
            {kRelationsTable, "catalogue", static_cast<std::int64_t>(relations.rows.size())});
    }

    /// A table neither PlanAtlas's schema nor GDAL makes, made again by the statement that made
    /// it (PostgreSQL: as PostgreSQL takes it) and filled row by row.
    void copyTable(const Entry& entry)
    {
        if (entry.createSql.empty())
            throw copyError("'" + m_from.name + "' lists table " + entry.name +
                            " but has no statement that made it");
        const std::string from = m_from.postgres ? postgresName(entry.name) : entry.name;
        const std::string to = m_to.postgres ? postgresName(entry.name) : entry.name;
        const std::string sql =
            m_to.postgres ? schema::postgresTableAs(entry.createSql, entry.name) : entry.createSql;
        try {
            m_to.dataset().execute(sql);
        } catch (const gis::GisError& e) {
            throw copyError("table " + entry.name + ": " + e.what());
        }
        copyRows(from, "table", to);
    }

    /// What gpkg_contents said of each table: kept in a table of the schema, or restored into the
    /// GeoPackage's own (GDAL registers the layers it makes with their names only).
    void writeCatalogue(const std::vector<Entry>& entries)
    {
        if (m_to.postgres) {
            SqlResult rows;
            rows.columns = {"table_name",  "data_type", "identifier", "description",
                            "last_change", "min_x",     "min_y",      "max_x",
                            "max_y",       "srs_id",    "pa_ordinal", "pa_create_sql"};
            std::int64_t ordinal = 0;
            for (const auto& e : entries) {
                std::vector<FieldValue> row = {e.name, gis::textOrNull(e.dataType),
                                               gis::textOrNull(e.identifier),
                                               gis::textOrNull(e.description), e.lastChange};
                for (std::size_t i = 0; i < 5; ++i)
                    row.push_back(i < e.bounds.size() ? e.bounds[i] : FieldValue{});
                row.push_back(++ordinal);
                row.push_back(e.dataType == "features" ? FieldValue{}
                                                       : gis::textOrNull(e.createSql));
                rows.rows.push_back(std::move(row));
            }
            writeRows(m_to, kContentsTable, rows);
            m_report.tables.push_back({kContentsTable, "catalogue", ordinal});
            return;
        }
        for (const auto& e : entries) {
            if (e.dataType.empty())
                continue;
            if (m_to.dataset()
                    .run("SELECT 1 FROM gpkg_contents WHERE table_name = ?", {e.name})
                    .rows.empty())
                m_to.dataset().execute(schema::registerAttributeTable(e.name, e.description));
            m_to.dataset().run("UPDATE gpkg_contents SET identifier = ?, description = ?, "
                               "last_change = COALESCE(?, last_change) WHERE table_name = ?",
                               {gis::textOrNull(e.identifier), gis::textOrNull(e.description),
                                e.lastChange, e.name});
        }
    }

    Side& m_from;
    Side& m_to;
    CopyReport& m_report;
    const Progress& m_progress;
};

} // namespace

std::int64_t CopyReport::rows() const
{
    std::int64_t total = 0;
    for (const auto& t : tables)
        total += t.rows;
    return total;
}

CopyReport copyWorkspace(const std::string& from, const std::string& to, const Progress& progress)
{
    if (from == to)
        throw Error(ErrorKind::Usage, "copy: the source and the target are the same");
    Side source = openSource(from);
    Target target = openTarget(to);
    CopyReport report;
    report.from = gis::displayName(from);
    report.to = gis::displayName(to);
    try {
        target.side.dataset().startTransaction();
        try {
            Copy(source, target, report, progress).run();
            target.side.dataset().commitTransaction();
        } catch (...) {
            try {
                target.side.dataset().rollbackTransaction();
            } catch (const gis::GisError&) {
                // the first error is the one to tell
            }
            throw;
        }
        if (!target.side.postgres) {
            target.side.dataset().close();
            publish(target);
        }
    } catch (...) {
        if (target.side.postgres && target.createdSchema) {
            try {
                target.admin->execute("DROP SCHEMA " + sqlIdentifier(target.side.schema));
            } catch (const gis::GisError&) {
            }
        }
        if (!target.temporary.empty()) {
            target.side.handle.reset();
            std::error_code ignored;
            fs::remove(target.temporary, ignored);
        }
        try {
            throw;
        } catch (const gis::GisError& e) {
            throw copyError("cannot copy '" + gis::displayName(from) + "' to '" +
                            gis::displayName(to) + "': " + e.what());
        }
    }
    return report;
}

std::vector<std::string> putSheetInSchema(Workspace& workspace, const std::string& geoPackage,
                                          const std::string& sheet)
{
    if (!workspace.isShared() || !workspace.inTransaction())
        throw std::logic_error("putSheetInSchema: a workspace in a schema, in a transaction");
    Side source;
    source.name = gis::displayName(geoPackage);
    source.handle = Dataset::openGeoPackage(geoPackage, gis::OpenMode::ReadOnly);
    Target target;
    target.side.postgres = true;
    target.side.name = gis::displayName(workspace.path());
    target.side.schema = gis::connectionKeyword(workspace.path(), "active_schema");
    target.side.borrowed = &workspace.dataset();
    CopyReport report;
    try {
        return Copy(source, target, report, {}).sheetIntoSchema(sheet);
    } catch (const gis::GisError& e) {
        throw copyError(
            withDetail({QT_TRANSLATE_NOOP("pa::layers", "map sheet %1 cannot be put into '%2'"),
                        {sheet, target.side.name}},
                       e.cause()));
    }
}

void takeSheetOutOfSchema(Workspace& workspace, const std::string& sheet)
{
    if (!workspace.isShared() || !workspace.inTransaction())
        throw std::logic_error("takeSheetOutOfSchema: a workspace in a schema, in a transaction");
    auto& ds = workspace.dataset();
    for (const auto& [gpkg, kept] : kTileTables)
        if (std::string(gpkg) != "gpkg_spatial_ref_sys" && ds.hasTable(kept))
            ds.run("DELETE FROM " + std::string(kept) + " WHERE table_name = ?", {sheet});
    ds.run("DELETE FROM " + std::string(kContentsTable) + " WHERE table_name = ?", {sheet});
    ds.execute("DROP TABLE IF EXISTS " + sqlIdentifier(sheet));
}

namespace {

/// The sheet copies made: (workspace, sheet) → (the sheet's last change, the file).
struct SheetCopies
{
    std::mutex mutex;
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> made;
    std::size_t counter = 0; ///< names are never reused, even after a copy is freed
};

SheetCopies& sheetCopies()
{
    static SheetCopies copies;
    return copies;
}

} // namespace

std::string sheetFile(Workspace& workspace, const std::string& sheet)
{
    if (!workspace.isShared())
        return workspace.path();
    std::string lastChange;
    try {
        const auto rows = workspace.dataset().run(
            "SELECT last_change FROM " + std::string(kContentsTable) + " WHERE table_name = ?",
            {sheet});
        if (!rows.rows.empty())
            lastChange = text(rows.rows[0][0]);
    } catch (const gis::GisError& e) {
        throw copyError(
            withDetail({QT_TRANSLATE_NOOP("pa::layers", "map sheet %1 of '%2' cannot be read"),
                        {sheet, gis::displayName(workspace.path())}},
                       e.cause()));
    }
    auto& copies = sheetCopies();
    const std::pair key{workspace.path(), sheet};
    const std::lock_guard lock(copies.mutex);
    if (const auto it = copies.made.find(key); it != copies.made.end()) {
        if (it->second.first == lastChange)
            return it->second.second;
        gis::removeVirtualFile(it->second.second); // the sheet changed: its old copy goes
        copies.made.erase(it);
    }
    Side source = openSource(workspace.path());
    const std::string path =
        "/vsimem/planatlas-sheets/" + std::to_string(++copies.counter) + ".gpkg";
    Target target;
    target.side.name = path;
    try {
        target.side.handle = Dataset::createGeoPackage(path);
        CopyReport report;
        target.side.dataset().startTransaction();
        Copy(source, target, report, {}).sheet(sheet);
        target.side.dataset().commitTransaction();
        target.side.dataset().close();
    } catch (const gis::GisError& e) {
        target.side.handle.reset();
        gis::removeVirtualFile(path);
        throw copyError(
            withDetail({QT_TRANSLATE_NOOP("pa::layers", "map sheet %1 of '%2' cannot be read"),
                        {sheet, gis::displayName(workspace.path())}},
                       e.cause()));
    } catch (...) {
        target.side.handle.reset();
        gis::removeVirtualFile(path);
        throw;
    }
    copies.made.emplace(key, std::pair{lastChange, path});
    return path;
}

void forgetSheetFiles(const std::string& workspace)
{
    auto& copies = sheetCopies();
    const std::lock_guard lock(copies.mutex);
    for (auto it = copies.made.begin(); it != copies.made.end();)
        if (it->first.first == workspace) {
            gis::removeVirtualFile(it->second.second);
            it = copies.made.erase(it);
        } else {
            ++it;
        }
}

} // namespace pa::layers
