#include "planatlas/layers/Workspace.h"

#include "Connection_p.h"
#include "Schema_p.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/TableScan.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/FeatureTable.h"
#include "planatlas/layers/LayerKind.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <pwd.h>
#include <random>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pa::layers {

using gis::sqlIdentifier;
using gis::sqlLiteral;

namespace {

std::string asText(const gis::FieldValue& value)
{
    return gis::toString(value);
}

/// "a, b, c, d, e, …": the first five of @p items, for a message.
std::string firstFive(const std::vector<std::string>& items)
{
    std::string list;
    for (std::size_t i = 0; i < items.size() && i < 5; ++i)
        list += (i ? ", " : "") + items[i];
    return list + (items.size() > 5 ? ", …" : "");
}

/// A projected CRS in metres: what areas in hectares and lengths in kilometres need.
bool isMetric(const gis::Crs& crs)
{
    return crs.isProjected() && std::abs(crs.linearUnitMetres() - 1.0) <= 1e-12;
}

std::int64_t asInt(const gis::FieldValue& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return *i;
    if (const auto* d = std::get_if<double>(&value))
        return static_cast<std::int64_t>(*d);
    if (const auto* s = std::get_if<std::string>(&value))
        return std::stoll(*s);
    return 0;
}

/// The login of the user running PlanAtlas, who edits a GeoPackage workspace.
std::string loginName()
{
    if (const passwd* entry = ::getpwuid(::geteuid()); entry && entry->pw_name && *entry->pw_name)
        return entry->pw_name;
    if (const char* user = std::getenv("USER"); user && *user)
        return user;
    return "uid " + std::to_string(::geteuid());
}

bool isReadOnlyFile(const std::string& path)
{
    if (::access(path.c_str(), W_OK) != 0)
        return true;
    // root may write anything; still honour a file marked read-only for everyone.
    struct stat st
    {
    };
    return ::stat(path.c_str(), &st) == 0 && (st.st_mode & 0222) == 0;
}

Error workspaceError(const Sentence& message)
{
    return Error(ErrorKind::Workspace, message);
}
Error workspaceError(const Sentence& message, const std::string& commandLineRemedy)
{
    return Error(ErrorKind::Workspace, message, commandLineRemedy);
}

/// PostgreSQL: whether this role may make tables in the workspace's schema.
bool mayCreateIn(gis::Dataset& dataset)
{
    const auto may = dataset.execute("SELECT has_schema_privilege(current_schema(), 'CREATE')");
    const std::string answer = may.rows.empty() ? "" : gis::toString(may.rows[0][0]);
    return answer == "1" || answer == "t" || answer == "true";
}

} // namespace

std::size_t ValidationReport::errorCount() const
{
    return static_cast<std::size_t>(
        std::count_if(problems.begin(), problems.end(),
                      [](const auto& p) { return p.severity == Problem::Severity::Error; }));
}

std::size_t ValidationReport::warningCount() const
{
    return problems.size() - errorCount();
}

std::string linkTableName(const std::string& layerName)
{
    return layerName + "_task_links";
}

std::optional<Sentence> layerNameProblem(const std::string& name)
{
    if (name.empty())
        return Sentence(QT_TRANSLATE_NOOP("pa::layers", "the layer name is empty"));
    if (name.size() > 50)
        return Sentence(
            QT_TRANSLATE_NOOP("pa::layers", "the layer name is longer than 50 characters"));
    if (!(name[0] >= 'a' && name[0] <= 'z'))
        return Sentence(
            QT_TRANSLATE_NOOP("pa::layers", "a layer name starts with a lower-case ASCII letter"));
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return Sentence(QT_TRANSLATE_NOOP(
                "pa::layers", "a layer name has only lower-case ASCII letters, digits and '_'"));
    if (name.rfind("gpkg", 0) == 0 || name.rfind("rtree_", 0) == 0 || name.rfind("pa_", 0) == 0 ||
        name.rfind("plan_", 0) == 0 || name.rfind("admin_units", 0) == 0 ||
        name.rfind("admin_crosswalk", 0) == 0 || name.rfind("sqlite", 0) == 0 ||
        name.ends_with("_task_links") || name == "layer_styles" || name == "qgis_projects")
        return Sentence(QT_TRANSLATE_NOOP("pa::layers", "'%1' is reserved for system tables"),
                        {name});
    return std::nullopt;
}

bool isValidLayerName(const std::string& name, std::string* why)
{
    const auto problem = layerNameProblem(name);
    if (problem && why)
        *why = problem->english();
    return !problem;
}

struct Workspace::Impl
{
    std::optional<gis::Dataset> dataset; // set by open()
    std::string path;
    std::string province;
    int schemaVersion = 0;
    std::optional<gis::Crs> crs;
    bool inTransaction = false;
    int layersAtBegin = 0;             ///< GDAL's layers when the transaction began
    std::string editor;                ///< the database role, or the user's login
    std::set<std::int64_t> logged;     ///< the edits this connection logged, once committed
    std::vector<std::int64_t> pending; ///< … logged in the transaction running

    gis::SqlResult query(const std::string& sql) { return dataset->execute(sql); }

    std::optional<gis::FieldValue> scalar(const std::string& sql)
    {
        auto result = query(sql);
        if (result.rows.empty() || result.rows[0].empty())
            return std::nullopt;
        return result.rows[0][0];
    }

    /// Triggers neither PlanAtlas nor GDAL made: "name (on table)". GDAL makes the
    /// GeoPackage's own (gpkg_* on gpkg_* tables), the R-tree's ("rtree_<table>_<geometry
    /// column>_insert" …) and the feature counts' ("trigger_insert_feature_count_<table>"), each
    /// named for the table it is on; PlanAtlas makes none. Anything else runs code someone
    /// else wrote on every change PlanAtlas makes.
    std::vector<std::string> foreignTriggers()
    {
        // Neither PlanAtlas nor GDAL makes triggers in a PostgreSQL schema.
        if (dataset->isPostgres()) {
            std::vector<std::string> foreign;
            for (const auto& row :
                 query("SELECT DISTINCT trigger_name, event_object_table FROM "
                       "information_schema.triggers WHERE trigger_schema = current_schema() "
                       "ORDER BY 1")
                     .rows)
                foreign.push_back("'" + asText(row[0]) + "' on " + asText(row[1]));
            return foreign;
        }
        std::map<std::string, std::string> geometryColumn;
        if (tableExists("gpkg_geometry_columns"))
            for (const auto& row :
                 query("SELECT table_name, column_name FROM gpkg_geometry_columns").rows)
                geometryColumn[asText(row[0])] = asText(row[1]);
        // Tile tables (map sheets): GDAL adds the GeoPackage standard's checks of zoom level,
        // tile column and tile row, named "<table>_zoom_insert" … and reading gpkg_tile_matrix.
        std::set<std::string> tileTables;
        if (tableExists("gpkg_contents"))
            for (const auto& row :
                 query("SELECT table_name FROM gpkg_contents WHERE data_type = 'tiles'").rows)
                tileTables.insert(asText(row[0]));
        std::vector<std::string> foreign;
        for (const auto& row :
             query("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY "
                   "name")
                 .rows) {
            const std::string name = asText(row[0]), table = asText(row[1]), sql = asText(row[2]);
            bool gdal = name.starts_with("gpkg_") && table.starts_with("gpkg_");
            if (const auto g = geometryColumn.find(table); g != geometryColumn.end()) {
                const std::string rtree = "rtree_" + table + "_" + g->second;
                for (const char* suffix :
                     {"_insert", "_update1", "_update2", "_update3", "_update4", "_update5",
                      "_update6", "_update7", "_delete"})
                    gdal = gdal || (name == rtree + suffix && sql.find(rtree) != std::string::npos);
            }
            for (const char* kind :
                 {"trigger_insert_feature_count_", "trigger_delete_feature_count_"})
                gdal = gdal ||
                       (name == kind + table && sql.find("gpkg_ogr_contents") != std::string::npos);
            if (tileTables.contains(table))
                for (const char* suffix :
                     {"_zoom_insert", "_zoom_update", "_tile_column_insert", "_tile_column_update",
                      "_tile_row_insert", "_tile_row_update"})
                    gdal = gdal || (name == table + suffix &&
                                    sql.find("gpkg_tile_matrix") != std::string::npos);
            if (!gdal)
                foreign.push_back("'" + name + "' on " + table);
        }
        return foreign;
    }

    std::int64_t count(const std::string& table, const std::string& where = {})
    {
        auto value = scalar("SELECT COUNT(*) FROM " + sqlIdentifier(table) +
                            (where.empty() ? "" : " WHERE " + where));
        return value ? asInt(*value) : 0;
    }

    /// True when @p table exists and has a 'code' column (damaged layers may lack either).
    bool hasCodeColumn(const std::string& table)
    {
        const auto layer = dataset->layerByName(table);
        return layer && layer->fieldIndex("code") >= 0;
    }

    bool columnExists(const std::string& table, const std::string& column)
    {
        if (dataset->isPostgres())
            return !dataset
                        ->run("SELECT 1 FROM information_schema.columns WHERE table_schema = "
                              "current_schema() AND table_name = ? AND column_name = ?",
                              {table, column})
                        .rows.empty();
        auto value = scalar("SELECT COUNT(*) FROM pragma_table_info(" + sqlLiteral(table) +
                            ") WHERE name = " + sqlLiteral(column));
        return value && asInt(*value) > 0;
    }

    bool tableExists(const std::string& table)
    {
        if (dataset->isPostgres())
            return dataset->hasTable(table);
        auto value = scalar("SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table','view') "
                            "AND name = " +
                            sqlLiteral(table));
        return value && asInt(*value) > 0;
    }
};

Workspace::Workspace(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Workspace Workspace::create(const std::string& path, const WorkspaceOptions& options)
{
    if (options.province.empty())
        throw Error(ErrorKind::Usage, "a workspace needs a province (--province \"Thái Nguyên\")");
    std::optional<gis::Crs> crs;
    try {
        crs = gis::Crs::fromUserInput(options.crs);
    } catch (const gis::GisError& e) {
        throw Error(ErrorKind::Usage, std::string("--crs: ") + e.what());
    }
    if (!isMetric(*crs))
        throw Error(ErrorKind::Usage,
                    "--crs " + options.crs + " (" + crs->name() +
                        ") is not a projected CRS in metres; analyses need one, e.g. EPSG:9213 "
                        "(VN-2000 / TM-3 106-30, Thái Nguyên) or EPSG:5897 (Thanh Hóa)");
    if (!crs->epsg())
        throw Error(ErrorKind::Usage, "--crs must be an EPSG code, e.g. EPSG:9213");

    const fs::path target(path);
    if (fs::exists(target))
        throw workspaceError(
            {QT_TRANSLATE_NOOP("pa::layers",
                               "'%1' already exists; PlanAtlas will not overwrite it"),
             {path}});
    if (target.has_parent_path() && !fs::is_directory(target.parent_path()))
        throw workspaceError(
            {QT_TRANSLATE_NOOP("pa::layers", "cannot create '%1': folder '%2' does not exist"),
             {path, target.parent_path().string()}});

    // Build aside and rename into place, so that a failure leaves no half-made workspace.
    std::random_device random;
    const fs::path temporary = target.parent_path() / ("." + target.stem().string() + ".tmp-" +
                                                       std::to_string(random()) + ".gpkg");
    try {
        auto dataset = gis::Dataset::createGeoPackage(temporary.string());
        dataset.startTransaction();
        schema::createSystemTables(dataset);
        const std::map<std::string, std::string> metadata = {
            {"application", "PlanAtlas"},       {"schema_version", std::to_string(kSchemaVersion)},
            {"province", options.province},     {"analysis_crs", crs->label()},
            {"analysis_crs_name", crs->name()},
        };
        for (const auto& [key, value] : metadata)
            dataset.execute("INSERT INTO pa_metadata (key, value) VALUES (" + sqlLiteral(key) +
                            ", " + sqlLiteral(value) + ")");
        dataset.execute("INSERT INTO pa_metadata (key, value) VALUES ('created_at', "
                        "strftime('%Y-%m-%dT%H:%M:%fZ','now'))");
        dataset.commitTransaction();
        dataset.close();
        // link() fails if the target appeared meanwhile, where rename() would replace it.
        if (::link(temporary.c_str(), target.c_str()) != 0) {
            const int error = errno;
            if ((error == EPERM || error == EOPNOTSUPP || error == EXDEV) && !fs::exists(target)) {
                fs::rename(temporary, target); // file systems without hard links (FAT, some shares)
                return open(path, gis::OpenMode::Update);
            }
            throw workspaceError(
                error == EEXIST
                    ? Sentence(
                          QT_TRANSLATE_NOOP("pa::layers",
                                            "'%1' already exists; PlanAtlas will not overwrite it"),
                          {path})
                    : Sentence(QT_TRANSLATE_NOOP("pa::layers", "cannot create workspace '%1': %2"),
                               {path, std::string(std::strerror(error))}));
        }
        std::error_code ignored;
        fs::remove(temporary, ignored);
    } catch (const std::exception& e) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        if (const auto* own = dynamic_cast<const Error*>(&e))
            throw *own;
        throw workspaceError({QT_TRANSLATE_NOOP("pa::layers", "cannot create workspace '%1': %2"),
                              {path, std::string(e.what())}});
    }
    return open(path, gis::OpenMode::Update);
}

Workspace Workspace::open(const std::string& path, gis::OpenMode mode, SchemaWrites schemaWrites)
{
    if (gis::isPostgresConnection(path))
        return openPostgres(path, mode, schemaWrites);
    if (!fs::exists(path))
        throw workspaceError(
            {QT_TRANSLATE_NOOP("pa::layers", "workspace '%1' does not exist"), {path}},
            "create one with 'planatlas init'");
    if (mode == gis::OpenMode::Update && isReadOnlyFile(path))
        throw RightsError(RightsError::Missing::WriteFile, {}, path,
                          "workspace '" + path +
                              "' is read-only; nothing was changed (make it writable or copy it)");
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    try {
        impl->dataset = gis::Dataset::openVector(path, mode, {}, {"GPKG"});
    } catch (const gis::GisError& e) {
        throw workspaceError(withDetail(
            {QT_TRANSLATE_NOOP("pa::layers", "'%1' cannot be opened as a GeoPackage workspace"),
             {path}},
            e.cause()));
    }
    return finishOpening(std::move(impl), mode);
}

Workspace Workspace::openPostgres(const std::string& connection, gis::OpenMode mode,
                                  SchemaWrites schemaWrites)
{
    const std::string shown = gis::displayName(connection);
    if (gis::connectionKeyword(connection, "active_schema").empty())
        throw Error(
            ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers", "'%1' names no schema; add active_schema=<province's "
                                             "schema> to the connection string"),
             {shown}});
    if (mode == gis::OpenMode::Update && schemaWrites == SchemaWrites::Refused)
        throw workspaceError(
            {QT_TRANSLATE_NOOP("pa::layers", "'%1': this change is not yet made in a workspace in "
                                             "PostGIS; make it in a GeoPackage and copy it in"),
             {shown}},
            "planatlas copy");
    auto impl = std::make_unique<Impl>();
    impl->path = shown;
    try {
        impl->dataset = gis::Dataset::openPostgres(connection, mode);
    } catch (const gis::GisError& e) {
        throw workspaceError({QT_TRANSLATE_NOOP("pa::layers", "cannot open '%1': %2"),
                              {shown, whyNotConnected(connection, e)}});
    }
    // A schema that is not there, or that this role may not read, said as such (the catalogue
    // shows a role only the tables it may read).
    const std::string schema = gis::connectionKeyword(connection, "active_schema");
    const auto rights = impl->dataset->run(
        "SELECT current_user, has_schema_privilege(n.oid, 'USAGE') FROM pg_namespace n WHERE "
        "n.nspname = ?",
        {schema});
    if (rights.rows.empty())
        throw workspaceError(
            {QT_TRANSLATE_NOOP("pa::layers", "'%1': the database has no schema '%2'"),
             {shown, schema}});
    const std::string allowed = asText(rights.rows[0][1]);
    if (allowed != "1" && allowed != "t" && allowed != "true")
        throw RightsError(RightsError::Missing::Read, asText(rights.rows[0][0]), schema,
                          "'" + shown + "': role " + asText(rights.rows[0][0]) +
                              " may not read schema '" + schema +
                              "'; the schema's owner gives the right (planatlas admin … grant " +
                              asText(rights.rows[0][0]) + " --as reader)");
    impl->editor = asText(rights.rows[0][0]);
    return finishOpening(std::move(impl), mode);
}

Workspace Workspace::finishOpening(std::unique_ptr<Impl> impl, gis::OpenMode mode)
{
    const std::string& path = impl->path;
    try {
        if (!impl->tableExists("pa_metadata"))
            throw workspaceError(
                {QT_TRANSLATE_NOOP("pa::layers", "'%1' is a GeoPackage but not a PlanAtlas "
                                                 "workspace: it has no pa_metadata table"),
                 {path}},
                "create one with 'planatlas init'");
        std::map<std::string, std::string> metadata;
        for (const auto& row : impl->query("SELECT key, value FROM pa_metadata").rows)
            metadata[asText(row[0])] = asText(row[1]);
        // A number and nothing else: "2; DROP …" is a damaged or crafted workspace, not 2.
        const std::string version = metadata["schema_version"];
        if (!version.empty() &&
            (version.size() > 4 || !std::all_of(version.begin(), version.end(),
                                                [](char c) { return c >= '0' && c <= '9'; })))
            throw workspaceError(
                {QT_TRANSLATE_NOOP("pa::layers",
                                   "workspace '%1' has schema_version '%2', which is not a number; "
                                   "it is damaged or was not written by PlanAtlas"),
                 {path, version.substr(0, 40)}});
        impl->schemaVersion = version.empty() ? 0 : std::stoi(version);
        if (impl->schemaVersion > kSchemaVersion)
            throw workspaceError(
                {QT_TRANSLATE_NOOP("pa::layers", "workspace '%1' has schema version %2, newer than "
                                                 "this PlanAtlas (%3); update PlanAtlas"),
                 {path, std::to_string(impl->schemaVersion), std::to_string(kSchemaVersion)}});
        if (impl->schemaVersion < 1)
            throw workspaceError(
                {QT_TRANSLATE_NOOP("pa::layers", "workspace '%1' has no valid schema_version"),
                 {path}});
        if (mode == gis::OpenMode::Update && !trustForeignTriggers())
            if (const auto foreign = impl->foreignTriggers(); !foreign.empty()) {
                throw workspaceError(
                    {QT_TRANSLATE_NOOP("pa::layers",
                                       "workspace '%1' has %2 trigger(s) that neither PlanAtlas "
                                       "nor GDAL made (%3); they would run on every change "
                                       "PlanAtlas makes, so nothing was changed; remove them"),
                     {path, Sentence::count(foreign.size()), firstFive(foreign)}},
                    "'planatlas validate' lists them; or allow them with --trust");
            }
        const bool postgres = impl->dataset->isPostgres();
        if (impl->schemaVersion < kSchemaVersion && mode == gis::OpenMode::Update) {
            if (postgres) {
                if (!mayCreateIn(*impl->dataset))
                    throw RightsError(
                        RightsError::Missing::AddTables, impl->editor,
                        asText(impl->dataset->execute("SELECT current_schema()").rows.at(0).at(0)),
                        "'" + path + "' has schema version " + std::to_string(impl->schemaVersion) +
                            "; this PlanAtlas writes version " + std::to_string(kSchemaVersion) +
                            " and the schema's owner must open it for writing once "
                            "to upgrade it (role " +
                            impl->editor + " may not add tables to it)");
            }
            // Upgrade in place, in one transaction: add the tables newer versions introduced.
            impl->dataset->startTransaction();
            try {
                for (const auto& table : schema::systemTables()) {
                    if (table.since <= impl->schemaVersion ||
                        impl->tableExists(std::string(table.name)))
                        continue;
                    const std::string create = schema::createTableSql(table);
                    if (!postgres) {
                        impl->query(create);
                        impl->query(schema::registerAttributeTable(table.name, table.description));
                        continue;
                    }
                    // In a schema: the table as PostgreSQL takes it, and its catalogue row
                    // keeping the GeoPackage's statement (for a copy back to a file).
                    impl->query(schema::postgresTable(create));
                    if (table.name == "pa_edit_log") // a history: editors add, never rewrite
                        for (const auto& row :
                             impl->query("SELECT DISTINCT grantee FROM "
                                         "information_schema.role_table_grants WHERE "
                                         "table_schema = current_schema() AND table_name = "
                                         "'pa_edit_log' AND privilege_type IN ('UPDATE', "
                                         "'DELETE', 'TRUNCATE') AND grantee <> current_user")
                                 .rows)
                            impl->query("REVOKE UPDATE, DELETE, TRUNCATE ON pa_edit_log FROM " +
                                        sqlIdentifier(asText(row[0])));
                    schema::enterInSchemaCatalogue(*impl->dataset, std::string(table.name),
                                                   "attributes", std::string(table.name),
                                                   std::string(table.description), create);
                }
                // A schema's styles table leaves QGIS's name (QGIS took it for
                // public.layer_styles and could not save a style in the database).
                if (postgres && impl->schemaVersion < kSchemaQgisStyles &&
                    impl->tableExists("layer_styles") && !impl->tableExists("pa_layer_styles"))
                    // (Found in current_schema(), the first schema searched: the name is its.)
                    impl->query("ALTER TABLE layer_styles RENAME TO pa_layer_styles");
                // (A table created just now already has the columns added since.)
                for (const auto& added : schema::addedColumns())
                    if (added.since > impl->schemaVersion &&
                        !impl->columnExists(std::string(added.table), std::string(added.column))) {
                        if (postgres) // (schemas began at version 5, after every added column)
                            throw workspaceError(
                                {QT_TRANSLATE_NOOP("pa::layers",
                                                   "cannot add column %1 to %2 in a schema; copy "
                                                   "the workspace again"),
                                 {std::string(added.column), std::string(added.table)}});
                        impl->query("ALTER TABLE " + sqlIdentifier(added.table) + " ADD COLUMN " +
                                    sqlIdentifier(added.column) + " " + std::string(added.type));
                    }
                impl->query(
                    "UPDATE pa_metadata SET value = " + sqlLiteral(std::to_string(kSchemaVersion)) +
                    " WHERE key = 'schema_version'");
                impl->dataset->commitTransaction();
            } catch (...) {
                impl->dataset->rollbackTransaction();
                throw;
            }
            impl->schemaVersion = kSchemaVersion;
        }
        // A table dropped by someone else would surface later as raw SQL from whichever
        // command reads it first: said now, naming it.
        if (impl->schemaVersion >= 1) {
            // (A view under a table's name is not the table: writes to it would fail.)
            std::set<std::string> present;
            for (const auto& row :
                 impl->query(impl->dataset->isPostgres()
                                 ? "SELECT table_name FROM information_schema.tables WHERE "
                                   "table_schema = current_schema() AND table_type = 'BASE TABLE'"
                                 : "SELECT name FROM sqlite_master WHERE type = 'table'")
                     .rows)
                present.insert(asText(row[0]));
            std::vector<std::string> missing;
            for (const auto& table : schema::systemTables())
                if (table.since <= impl->schemaVersion &&
                    !present.contains(std::string(table.name)))
                    missing.push_back(std::string(table.name));
            if (present.contains("pa_layers"))
                for (const auto& row : impl->query("SELECT layer_name FROM pa_layers").rows)
                    if (!present.contains(asText(row[0])))
                        missing.push_back(asText(row[0]) + " (a registered layer)");
            if (!missing.empty()) {
                throw workspaceError(
                    {QT_TRANSLATE_NOOP("pa::layers", "workspace '%1' is damaged: %2 table(s) are "
                                                     "missing (%3); restore it from a copy"),
                     {path, Sentence::count(missing.size()), firstFive(missing)}});
            }
        }
        if (postgres && mode == gis::OpenMode::Update) {
            // A reader told before anything is tried, not by the database halfway through.
            const auto may = impl->dataset->execute(
                "SELECT has_table_privilege(format('%I.%I', current_schema(), 'pa_edit_log'), "
                "'INSERT'), current_schema()");
            const std::string allowed = may.rows.empty() ? "" : asText(may.rows[0][0]);
            const std::string schema = may.rows.empty() ? std::string() : asText(may.rows[0][1]);
            if (allowed != "1" && allowed != "t" && allowed != "true")
                throw RightsError(RightsError::Missing::Change, impl->editor, schema,
                                  "role " + impl->editor + " may read schema '" + schema +
                                      "' but not change it; nothing was changed (the schema's "
                                      "owner can make it an "
                                      "editor: planatlas admin … grant " +
                                      impl->editor + " --as editor)");
        }
        if (impl->editor.empty())
            impl->editor = loginName();
        impl->province = metadata["province"];
        impl->crs = gis::Crs::fromUserInput(metadata["analysis_crs"]);
        // Edited to a geographic CRS (or one in feet), every area and distance would be in
        // other units while the tables say hectares and kilometres.
        if (!isMetric(*impl->crs))
            throw workspaceError(
                {QT_TRANSLATE_NOOP("pa::layers",
                                   "workspace '%1' is damaged: its analysis CRS %2 (%3) is not a "
                                   "projected CRS in metres, so areas and distances would not be "
                                   "hectares and kilometres; restore it from a copy"),
                 {path, impl->crs->label(), impl->crs->name()}});
    } catch (const gis::GisError& e) {
        throw workspaceError({QT_TRANSLATE_NOOP("pa::layers", "workspace '%1' is damaged: %2"),
                              {path, std::string(e.what())}});
    }
    return Workspace(std::move(impl));
}

const std::string& Workspace::path() const
{
    return m_impl->path;
}
const gis::Crs& Workspace::crs() const
{
    return *m_impl->crs;
}
const std::string& Workspace::province() const
{
    return m_impl->province;
}
int Workspace::schemaVersion() const
{
    return m_impl->schemaVersion;
}
gis::Dataset& Workspace::dataset()
{
    return *m_impl->dataset;
}

void Workspace::close()
{
    try {
        m_impl->dataset->close();
    } catch (const gis::GisError& e) {
        throw workspaceError(withDetail(
            {QT_TRANSLATE_NOOP("pa::layers", "'%1' cannot be closed"), {gis::displayName(path())}},
            e.cause()));
    }
}

bool Workspace::isShared() const
{
    return m_impl->dataset->isPostgres();
}

bool Workspace::mayAddTables() const
{
    return !isShared() || mayCreateIn(*m_impl->dataset);
}

std::string Workspace::tableName(const std::string& name) const
{
    return isShared() ? schema::postgresName(name) : name;
}

void Workspace::createTable(const std::string& name, const std::string& createSql,
                            const std::string& description)
{
    auto& dataset = *m_impl->dataset;
    if (!isShared()) {
        dataset.execute(createSql);
        if (!description.empty())
            dataset.execute(schema::registerAttributeTable(name, description));
        return;
    }
    dataset.execute(schema::postgresTableAs(createSql, name));
    schema::enterInSchemaCatalogue(dataset, name, description.empty() ? "" : "attributes",
                                   description.empty() ? "" : name, description, createSql);
}

std::map<std::string, std::string> Workspace::geometryColumns()
{
    std::map<std::string, std::string> columns;
    for (const auto& row :
         m_impl->dataset
             ->execute(isShared() ? "SELECT f_table_name, f_geometry_column FROM " +
                                        std::string(schema::kSchemaGeometryColumns) +
                                        " ORDER BY f_table_name, f_geometry_column"
                                  : std::string("SELECT table_name, column_name FROM "
                                                "gpkg_geometry_columns"))
             .rows)
        columns.emplace(asText(row[0]), asText(row[1])); // (the first, of two)
    return columns;
}

std::vector<std::string> Workspace::columnNames(const std::string& table)
{
    std::vector<std::string> names;
    if (!isShared()) {
        for (const auto& row :
             m_impl->query("PRAGMA table_info(" + gis::sqlIdentifier(table) + ")").rows)
            if (row.size() > 1)
                names.push_back(asText(row[1]));
        return names;
    }
    for (const auto& row :
         m_impl->dataset
             ->run("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                   "current_schema() AND table_name = ? ORDER BY ordinal_position",
                   {table})
             .rows)
        names.push_back(asText(row[0]));
    const auto geometry = m_impl->dataset->run("SELECT f_geometry_column FROM " +
                                                   std::string(schema::kSchemaGeometryColumns) +
                                                   " WHERE f_table_name = ?",
                                               {table});
    if (!geometry.rows.empty() && !names.empty() && names.front() == "fid") {
        const std::string column = asText(geometry.rows[0][0]);
        if (const auto it = std::find(names.begin(), names.end(), column); it != names.end()) {
            names.erase(it);
            names.insert(names.begin() + 1, column);
        }
    }
    return names;
}

const std::string& Workspace::editor() const
{
    return m_impl->editor;
}

std::string Workspace::nowSql() const
{
    return schema::nowSql(isShared());
}

void Workspace::logEdit(const Edit& edit)
{
    if (!m_impl->inTransaction)
        throw std::logic_error("Workspace::logEdit outside a transaction");
    auto orNull = [](const std::string& text) {
        return text.empty() ? gis::FieldValue{} : gis::FieldValue{text};
    };
    m_impl->dataset->run("INSERT INTO pa_edit_log (at, who, action, task_id, layer_name, "
                         "feature_code, detail) VALUES (" +
                             nowSql() + ", ?, ?, ?, ?, ?, ?)",
                         {m_impl->editor, edit.action, orNull(edit.taskId), orNull(edit.layer),
                          orNull(edit.featureCode), orNull(edit.detail)});
    const auto id = m_impl->scalar(
        isShared() ? "SELECT currval(pg_get_serial_sequence('pa_edit_log', 'fid')) AS id"
                   : "SELECT last_insert_rowid() AS id");
    if (id)
        m_impl->pending.push_back(asInt(*id));
}

std::int64_t Workspace::lastLogged() const
{
    return m_impl->logged.empty() ? 0 : *m_impl->logged.rbegin();
}

bool Workspace::loggedHere(std::int64_t edit) const
{
    return m_impl->logged.contains(edit);
}

std::vector<std::int64_t> Workspace::lockTasks(const std::vector<std::string>& taskIds)
{
    if (!m_impl->inTransaction)
        throw std::logic_error("Workspace::lockTasks outside a transaction");
    std::set<std::string> ordered(taskIds.begin(), taskIds.end());
    for (const auto& task : ordered) {
        if (isShared())
            m_impl->dataset->run("SELECT fid FROM plan_tasks WHERE task_id = ? FOR UPDATE", {task});
        else // SQLite locks the file at the first write, and holds it to the end
            m_impl->dataset->run("UPDATE plan_tasks SET task_id = task_id WHERE task_id = ?",
                                 {task});
    }
    std::vector<std::int64_t> last;
    for (const auto& task : taskIds)
        last.push_back(lastEdit(task));
    return last;
}

std::vector<LockedFeature> Workspace::lockFeatures(const std::string& layer,
                                                   const std::vector<std::int64_t>& fids)
{
    if (!m_impl->inTransaction)
        throw std::logic_error("Workspace::lockFeatures outside a transaction");
    const std::string table = gis::sqlIdentifier(layer);
    // A layer without codes is locked all the same; its features' edits are not told apart.
    const auto found = m_impl->dataset->layerByName(layer);
    const std::string code = found && found->fieldIndex("code") >= 0 ? "code" : "NULL";
    std::map<std::int64_t, std::optional<std::string>> codes;
    for (const auto fid : std::set<std::int64_t>(fids.begin(), fids.end())) {
        // PostgreSQL locks the row; SQLite locks the file at the first write and holds it.
        if (!isShared())
            m_impl->dataset->run("UPDATE " + table + " SET fid = fid WHERE fid = ?", {fid});
        const auto rows = m_impl->dataset
                              ->run("SELECT " + code + " AS code FROM " + table + " WHERE fid = ?" +
                                        std::string(isShared() ? " FOR UPDATE" : ""),
                                    {fid})
                              .rows;
        if (!rows.empty())
            codes[fid] = asText(rows[0][0]);
    }
    std::vector<LockedFeature> out;
    for (const auto fid : fids) {
        const auto& code = codes[fid];
        LockedFeature locked{code.has_value(), code.value_or(std::string()), 0};
        if (!locked.code.empty() && m_impl->tableExists("pa_edit_log")) {
            const auto rows = m_impl->dataset
                                  ->run("SELECT MAX(fid) FROM pa_edit_log WHERE layer_name = ? "
                                        "AND feature_code = ?",
                                        {layer, locked.code})
                                  .rows;
            locked.lastEdit = rows.empty() || rows[0].empty() ? 0 : asInt(rows[0][0]);
        }
        out.push_back(std::move(locked));
    }
    return out;
}

void Workspace::lockFeatureCodes()
{
    if (!m_impl->inTransaction)
        throw std::logic_error("Workspace::lockFeatureCodes outside a transaction");
    if (isShared()) // one lock per schema, held to the end of the transaction
        m_impl->dataset->execute("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext("
                                 "current_schema() || ' planatlas feature codes'))) AS held");
    else // SQLite locks the file at the first write and holds it
        m_impl->dataset->execute("UPDATE pa_layers SET layer_name = layer_name WHERE 0");
}

std::vector<LoggedEdit> Workspace::featureEdits(const std::string& layer, const std::string& code,
                                                std::int64_t after)
{
    return readEditLog(" AND layer_name = ? AND feature_code = ?", {after, layer, code});
}

std::vector<LoggedEdit> Workspace::readEditLog(const std::string& more,
                                               const std::vector<gis::FieldValue>& values)
{
    std::vector<LoggedEdit> log;
    if (!m_impl->tableExists("pa_edit_log"))
        return log;
    for (const auto& row :
         m_impl->dataset
             ->run("SELECT fid, at, who, action, task_id, layer_name, feature_code, detail FROM "
                   "pa_edit_log WHERE fid > ?" +
                       more + " ORDER BY fid",
                   values)
             .rows)
        log.push_back(
            {asInt(row[0]), asText(row[1]), asText(row[2]),
             Edit{asText(row[3]), asText(row[4]), asText(row[5]), asText(row[6]), asText(row[7])}});
    return log;
}

std::string shownTime(const std::string& at)
{
    std::string shown = at.substr(0, 19);
    std::replace(shown.begin(), shown.end(), 'T', ' ');
    return shown + " UTC";
}

std::string describe(const LoggedEdit& e)
{
    static const std::map<std::string, std::string> verbs = {
        {"link_add", "linked"},
        {"link_remove", "unlinked"},
        {"suggestion_accept", "accepted the suggestion of"},
        {"suggestion_reject", "rejected the suggestion of"},
        {"suggestion_reset", "reopened the suggestion of"},
        {"unlocated_set", "recorded it as without a place"},
        {"unlocated_forget", "took back 'without a place'"},
        {"feature_add", "drew"},
        {"feature_reshape", "gave a new shape to"},
        {"feature_remove", "deleted"},
        {"feature_restore", "brought back"},
        {"feature_split", "cut"},
        {"feature_split_undone", "made whole again"},
        {"feature_merge", "merged others into"},
        {"feature_merge_undone", "took apart"},
    };
    const auto verb = verbs.find(e.edit.action);
    return e.who + " " + (verb == verbs.end() ? e.edit.action : verb->second) +
           (e.edit.featureCode.empty() ? "" : " " + e.edit.featureCode) + " at " + shownTime(e.at);
}

std::string describe(const std::vector<LoggedEdit>& edits)
{
    std::string what;
    for (std::size_t i = 0; i < edits.size() && i < 3; ++i)
        what += (i ? "; " : "") + describe(edits[i]);
    if (edits.size() > 3)
        what += "; and " + std::to_string(edits.size() - 3) + " more change(s)";
    return what;
}

std::int64_t Workspace::lastEdit(const std::string& taskId)
{
    if (!m_impl->tableExists("pa_edit_log")) // a workspace of schema 5 opened read-only
        return 0;
    const auto rows =
        taskId.empty()
            ? m_impl->dataset->execute("SELECT MAX(fid) FROM pa_edit_log").rows
            : m_impl->dataset->run("SELECT MAX(fid) FROM pa_edit_log WHERE task_id = ?", {taskId})
                  .rows;
    return rows.empty() || rows[0].empty() ? 0 : asInt(rows[0][0]);
}

std::vector<LoggedEdit> Workspace::editLog(const std::string& taskId, std::int64_t after)
{
    if (taskId.empty())
        return readEditLog({}, {after});
    return readEditLog(" AND task_id = ?", {after, taskId});
}

bool Workspace::inTransaction() const
{
    return m_impl->inTransaction;
}

void Workspace::beginTransaction()
{
    try {
        m_impl->dataset->startTransaction();
    } catch (const gis::GisError& e) {
        throw workspaceError(withDetail(
            {QT_TRANSLATE_NOOP("pa::layers", "'%1' cannot be changed now; is another program using "
                                             "it?"),
             {gis::displayName(path())}},
            e.cause()));
    }
    if (!isShared()) // (GDAL would list a whole database's tables for it)
        m_impl->layersAtBegin = m_impl->dataset->layerCount();
    m_impl->inTransaction = true;
}

void Workspace::commitTransaction()
{
    try {
        m_impl->dataset->commitTransaction();
    } catch (const gis::GisError& e) {
        throw workspaceError(withDetail({QT_TRANSLATE_NOOP("pa::layers", "the changes cannot be "
                                                                         "written to '%1'; nothing "
                                                                         "of them was kept"),
                                         {gis::displayName(path())}},
                                        e.cause()));
    }
    m_impl->inTransaction = false;
    m_impl->logged.insert(m_impl->pending.begin(), m_impl->pending.end());
    m_impl->pending.clear();
}

void Workspace::rollbackTransaction()
{
    if (!m_impl->inTransaction)
        return;
    m_impl->inTransaction = false;
    m_impl->pending.clear();
    try {
        m_impl->dataset->rollbackTransaction();
    } catch (const gis::GisError&) {
        // Already failing; the original exception is the one to report.
    }
    // GDAL's GeoPackage driver keeps a layer made in the transaction after the rollback took
    // its table away, and would make its feature-count triggers at the next statement: the
    // file is opened anew, as it now is.
    if (!isShared() && m_impl->dataset->layerCount() != m_impl->layersAtBegin) {
        try {
            auto fresh =
                gis::Dataset::openVector(m_impl->path, gis::OpenMode::Update, {}, {"GPKG"});
            m_impl->dataset.reset();
            m_impl->dataset = std::move(fresh);
        } catch (const gis::GisError&) {
            // Kept as it is: the next statement says what is wrong with the file.
        }
    }
}

std::optional<gis::Envelope> Workspace::provinceExtent(const std::string& except)
{
    std::optional<gis::Envelope> extent;
    for (const auto& layer : layers())
        if (layer.kind == "admin_province" && layer.name != except)
            if (auto table = m_impl->dataset->layerByName(layer.name))
                if (auto e = table->extent()) {
                    if (extent)
                        extent->merge(*e);
                    else
                        extent = e;
                }
    return extent;
}

std::vector<RegisteredLayer> Workspace::layers()
{
    std::vector<RegisteredLayer> result;
    const auto rows = m_impl->query(
        "SELECT layer_name, kind, title_vi, title_en, geometry_type, source, licence, "
        "attribution, geometry_quality, source_file, source_crs, source_encoding, "
        "transformation, imported_at, link_table FROM pa_layers ORDER BY fid");
    for (const auto& row : rows.rows) {
        RegisteredLayer layer;
        std::string* fields[] = {&layer.name,           &layer.kind,         &layer.titleVi,
                                 &layer.titleEn,        &layer.geometryType, &layer.source,
                                 &layer.licence,        &layer.attribution,  &layer.geometryQuality,
                                 &layer.sourceFile,     &layer.sourceCrs,    &layer.sourceEncoding,
                                 &layer.transformation, &layer.importedAt,   &layer.linkTable};
        for (std::size_t i = 0; i < row.size() && i < std::size(fields); ++i)
            *fields[i] = asText(row[i]);
        result.push_back(std::move(layer));
    }
    return result;
}

std::optional<RegisteredLayer> Workspace::findLayer(const std::string& name)
{
    for (auto& layer : layers())
        if (layer.name == name)
            return layer;
    return std::nullopt;
}

std::vector<std::string> Workspace::featureCodes()
{
    std::vector<std::string> codes;
    for (const auto& layer : layers()) {
        if (!m_impl->hasCodeColumn(layer.name))
            continue; // validate reports it
        for (const auto& row : m_impl
                                   ->query("SELECT code FROM " + sqlIdentifier(layer.name) +
                                           " WHERE code IS NOT NULL")
                                   .rows)
            codes.push_back(asText(row[0]));
    }
    return codes;
}

WorkspaceInfo Workspace::info()
{
    WorkspaceInfo info;
    info.path = m_impl->path;
    info.province = m_impl->province;
    info.schemaVersion = m_impl->schemaVersion;
    info.crs = m_impl->crs->label();
    info.crsName = m_impl->crs->name();
    for (const auto& layer : layers()) {
        LayerSummary summary;
        summary.layer = layer;
        if (auto ogrLayer = m_impl->dataset->layerByName(layer.name)) {
            summary.features = m_impl->count(layer.name);
            summary.extent = ogrLayer->extent();
            if (summary.extent) {
                if (info.extent)
                    info.extent->merge(*summary.extent);
                else
                    info.extent = summary.extent;
            }
        }
        info.layers.push_back(std::move(summary));
    }
    info.documents = m_impl->count("plan_documents");
    info.tasks = m_impl->count("plan_tasks");
    info.agencies = m_impl->count("plan_agencies");
    info.targets = m_impl->count("plan_targets");
    info.adminUnits = m_impl->count("admin_units");
    info.crosswalkRows = m_impl->count("admin_crosswalk");
    for (const auto& row : m_impl
                               ->query("SELECT mapping_table_name FROM gpkgext_relations WHERE "
                                       "related_table_name = 'plan_tasks' ORDER BY id")
                               .rows) {
        const std::string mapping = asText(row[0]);
        if (m_impl->tableExists(mapping))
            info.links += m_impl->count(mapping);
    }
    info.relationships = m_impl->dataset->relationships();
    if (m_impl->dataset->isPostgres()) // GDAL reads the registry from GeoPackages only
        // As GDAL names them: base, related table and relation name.
        for (const auto& row : m_impl
                                   ->query("SELECT base_table_name, related_table_name, "
                                           "relation_name, mapping_table_name FROM "
                                           "gpkgext_relations ORDER BY base_table_name")
                                   .rows)
            info.relationships.push_back(
                {asText(row[0]) + "_" + asText(row[1]) + "_" + asText(row[2]), asText(row[0]),
                 asText(row[1]), asText(row[3]), asText(row[2]), "many-to-many"});
    return info;
}

namespace {
bool g_trustForeignTriggers = false;
} // namespace

void setTrustForeignTriggers(bool trust)
{
    g_trustForeignTriggers = trust;
}

bool trustForeignTriggers()
{
    return g_trustForeignTriggers;
}

ValidationReport Workspace::validate(const Progress& progress)
{
    ValidationReport report;
    auto add = [&report](Problem::Severity severity, std::string check, std::string where,
                         std::string what) {
        report.problems.push_back({severity, std::move(check), std::move(where), std::move(what)});
    };
    constexpr auto kError = Problem::Severity::Error;
    constexpr auto kWarning = Problem::Severity::Warning;

    // Schema: every system table present.
    report.checksRun.emplace_back("schema");
    for (const auto& table : schema::systemTables())
        if (table.since <= m_impl->schemaVersion && !m_impl->tableExists(std::string(table.name)))
            add(kError, "schema", "table " + std::string(table.name), "missing system table");
    if (!m_impl->tableExists("gpkgext_relations"))
        add(kError, "schema", "table gpkgext_relations",
            "Related Tables Extension registry missing");
    if (!report.problems.empty())
        return report; // the other checks read these tables

    // Code someone else planted: triggers run on every write PlanAtlas makes.
    report.checksRun.emplace_back("triggers");
    for (const auto& trigger : m_impl->foreignTriggers())
        add(kError, "triggers", "trigger " + trigger,
            "made neither by PlanAtlas nor by GDAL; it runs on every change (writes refuse the "
            "workspace unless trusted)");
    // PlanAtlas makes no views: one is another tool's, and what it shows is not checked here.
    for (const auto& row :
         m_impl
             ->query(m_impl->dataset->isPostgres()
                         ? "SELECT table_name FROM information_schema.views WHERE table_schema = "
                           "current_schema() ORDER BY 1"
                         : "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
             .rows)
        add(kWarning, "triggers", "view " + asText(row[0]),
            "made by another tool; PlanAtlas neither reads nor writes through it, and what it "
            "shows is not checked");

    const auto registered = layers();
    std::set<std::string> registeredNames;
    for (const auto& layer : registered)
        registeredNames.insert(layer.name);

    // Registry ↔ GeoPackage contents.
    report.checksRun.emplace_back("registry");
    for (const auto& row :
         m_impl->query("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").rows) {
        const auto name = asText(row[0]);
        if (!registeredNames.contains(name) && !name.starts_with(kRemovedLayerPrefix))
            add(kWarning, "registry", "layer " + name,
                "feature table not in the PlanAtlas layer registry (pa_layers); analyses ignore "
                "it");
    }
    // Map sheets: tiles and registration go together (georef stores the tiles over GDAL's own
    // connection first, then registers them; a crash between the two leaves tiles alone).
    {
        std::set<std::string> sheets;
        if (m_impl->tableExists("pa_rasters"))
            for (const auto& row : m_impl->query("SELECT layer_name FROM pa_rasters").rows)
                sheets.insert(asText(row[0]));
        std::set<std::string> tiles;
        for (const auto& row :
             m_impl->query("SELECT table_name FROM gpkg_contents WHERE data_type = 'tiles'").rows)
            tiles.insert(asText(row[0]));
        for (const auto& name : tiles)
            if (!sheets.contains(name))
                add(kWarning, "registry", "tile table " + name,
                    "raster tiles that are not a registered map sheet (pa_rasters): left by an "
                    "interrupted placing, or added by another program; maps do not show them");
        for (const auto& name : sheets)
            if (!tiles.contains(name) || !m_impl->tableExists(name))
                add(kError, "registry", "map sheet " + name,
                    "registered in pa_rasters but its tiles are gone; place the sheet again");
    }

    // What QGIS opens: the project reads its layers from "./<file name>" (a schema: QGIS opens
    // its own project from the schema, in QGIS's table qgis_projects) and every layer has a
    // PlanAtlas default style (planatlas qgis writes both; import and init keep them current).
    const bool inQgis = m_impl->tableExists("qgis_projects");
    const std::string styles = tableName("layer_styles");
    if (m_impl->tableExists(styles) && (inQgis || isShared())) {
        report.checksRun.emplace_back("qgis");
        const auto written =
            m_impl->query("SELECT value FROM pa_metadata WHERE key = 'qgis_project_file'");
        const std::string file = std::filesystem::path(path()).filename().string();
        if (isShared()) {
            if (!inQgis ||
                m_impl->query("SELECT 1 AS found FROM qgis_projects WHERE name = 'planatlas'")
                    .rows.empty())
                add(kWarning, "qgis", "QGIS project planatlas",
                    "is not in the schema, where QGIS opens it from (Project ▸ Open From ▸ "
                    "PostgreSQL): the schema's owner runs 'planatlas qgis' on it");
        } else if (!written.rows.empty() && asText(written.rows[0][0]) != file) {
            add(kWarning, "qgis", "QGIS project planatlas",
                "reads its layers from '" + asText(written.rows[0][0]) +
                    "', not from this file (renamed or copied): run 'planatlas qgis' on it");
        }
        std::set<std::string> styled;
        for (const auto& row : m_impl
                                   ->query("SELECT f_table_name FROM " + sqlIdentifier(styles) +
                                           " WHERE styleName = 'PlanAtlas'")
                                   .rows)
            styled.insert(asText(row[0]));
        for (const auto& layer : registered)
            if (!styled.contains(layer.name))
                add(kWarning, "qgis", "layer " + layer.name,
                    "has no PlanAtlas style for QGIS and is not in the QGIS project (added by "
                    "another tool?): run 'planatlas qgis' on the workspace");
    }

    std::int64_t totalFeatures = 0;
    for (const auto& layer : registered)
        if (m_impl->tableExists(layer.name))
            totalFeatures += m_impl->count(layer.name);

    std::map<std::string, std::vector<std::string>> codeOwners; // code → "layer/fid"
    std::int64_t done = 0;
    // Where features belong: the province layers' extent (no check without one).
    const std::optional<gis::Envelope> home = provinceExtent();
    report.checksRun.emplace_back("crs");
    // A CRS entry whose definition was replaced while its EPSG code stayed: GDAL reads the code,
    // QGIS and other tools may read the definition — the same data would lie elsewhere.
    try {
        // (PostGIS: the entries of the schema's geometry columns in spatial_ref_sys.)
        const bool postgres = m_impl->dataset->isPostgres();
        const auto srs = m_impl->dataset->run(
            postgres ? "SELECT srid, auth_srid, srtext FROM spatial_ref_sys WHERE lower(auth_name) "
                       "= 'epsg' AND srid IN (SELECT srid FROM " +
                           std::string(schema::kSchemaGeometryColumns) + ")"
                     : "SELECT srs_id, organization_coordsys_id, definition FROM "
                       "gpkg_spatial_ref_sys WHERE lower(organization) = 'epsg' AND srs_id > 0",
            {});
        for (const auto& row : srs.rows) {
            const std::string where =
                (postgres ? "spatial_ref_sys srid " : "gpkg_spatial_ref_sys srs_id ") +
                asText(row[0]);
            const std::string code = asText(row[1]);
            try {
                const gis::Crs byCode = gis::Crs::fromEpsg(std::stoi(code));
                std::optional<gis::Crs> defined;
                try {
                    defined = gis::Crs::fromUserInput(asText(row[2]));
                } catch (const gis::GisError&) {
                    add(kError, "crs", where, "its definition cannot be read as a CRS");
                    continue;
                }
                if (!byCode.isSame(*defined))
                    add(kError, "crs", where,
                        "says EPSG:" + code + " but its definition describes another CRS (" +
                            defined->label() +
                            "): tools that read the definition place the data elsewhere");
            } catch (const std::exception&) {
                add(kWarning, "crs", where,
                    "EPSG code '" + code + "' is not known to PROJ: its definition is not checked");
            }
        }
    } catch (const gis::GisError& e) {
        add(kError, "schema", "table gpkg_spatial_ref_sys",
            std::string("cannot be read: ") + e.what());
    }
    report.checksRun.emplace_back("geometry");
    report.checksRun.emplace_back("attributes");
    report.checksRun.emplace_back("codes");
    for (const auto& layer : registered) {
        const std::string where = "layer " + layer.name;
        const LayerKind* kind = findKind(layer.kind);
        if (!kind)
            add(kError, "registry", where, "unknown kind '" + layer.kind + "'");
        auto table = m_impl->dataset->layerByName(layer.name);
        if (!table) {
            add(kError, "registry", where, "registered but the table does not exist");
            continue;
        }
        if (table->hasGeometry()) {
            auto crs = table->crs();
            if (!crs)
                add(kError, "crs", where, "layer has no CRS");
            else if (!crs->isSame(*m_impl->crs))
                add(kError, "crs", where,
                    "layer CRS " + crs->label() + " differs from the workspace CRS " +
                        m_impl->crs->label());
        }
        // Geometries SpatiaLite wrote in its own format: GDAL reads them, but the analyses read
        // a GeoPackage's geometries themselves and refuse them. (Other values that are no
        // geometry are damage, which the reading below names.)
        if (!m_impl->dataset->isPostgres() && table->hasGeometry()) {
            const std::string fid = sqlIdentifier(table->fidColumn());
            try {
                const auto foreign = m_impl->dataset->run(
                    "SELECT " + fid + ", count(*) OVER () FROM " + sqlIdentifier(layer.name) +
                        " WHERE " + gis::spatiaLiteBlobCondition(table->geometryColumn()) +
                        " ORDER BY " + fid + " LIMIT 6",
                    {});
                if (!foreign.rows.empty()) {
                    std::vector<std::string> fids;
                    for (const auto& row : foreign.rows)
                        fids.push_back("fid " + asText(row[0]));
                    add(kError, "geometry", where,
                        asText(foreign.rows.front()[1]) + " feature(s) (" + firstFive(fids) +
                            ") hold a geometry in SpatiaLite's format, not the GeoPackage's, "
                            "which the analyses refuse: import the layer again");
                }
            } catch (const gis::GisError& e) {
                add(kError, "geometry", where,
                    std::string("its geometries cannot be checked: ") + e.what());
            }
        }
        const int codeIndex = table->fieldIndex("code");
        const int nameIndex = table->fieldIndex("name_vi");
        const int statusIndex = table->fieldIndex("status");
        const int qualityIndex = table->fieldIndex("geometry_quality");
        if (codeIndex < 0)
            add(kError, "attributes", where, "no 'code' column");
        table->resetReading();
        std::int64_t invalid = 0, noGeometry = 0, wrongFamily = 0, noName = 0, farAway = 0;
        const gis::GeometryFamily layerFamily =
            table->hasGeometry() ? table->geometryFamily() : gis::GeometryFamily::None;
        for (;;) {
            std::optional<gis::Feature> feature;
            try {
                feature = table->next();
            } catch (const gis::FeatureReadError& e) {
                // A damaged geometry blob: named, counted, and the reading goes on.
                ++done;
                ++report.featuresChecked;
                std::string code;
                try {
                    const auto row = m_impl->dataset->run(
                        "SELECT code FROM " + sqlIdentifier(layer.name) + " WHERE fid = ?",
                        {gis::FieldValue{e.fid()}});
                    if (!row.rows.empty())
                        code = asText(row.rows.front().front());
                } catch (const gis::GisError&) {
                    // no code column, or the row cannot be read either: the fid names it
                }
                add(kError, "geometry",
                    where + ", feature fid " + std::to_string(e.fid()) +
                        (code.empty() ? std::string() : " (" + code + ")"),
                    "damaged: " + e.problem());
                continue;
            }
            if (!feature)
                break;
            progress.update(totalFeatures ? static_cast<double>(done) / totalFeatures : 1.0,
                            "validate");
            ++done;
            ++report.featuresChecked;
            std::string code = codeIndex >= 0 ? asText(feature->value(codeIndex)) : std::string();
            const std::string featureWhere =
                where + ", feature " +
                (code.empty() ? "fid " + std::to_string(feature->fid()) : code);
            if (codeIndex >= 0) {
                if (code.empty())
                    add(kError, "codes", featureWhere, "empty code");
                else
                    codeOwners[code].push_back(layer.name + " fid " +
                                               std::to_string(feature->fid()));
            }
            if (nameIndex >= 0 && asText(feature->value(nameIndex)).empty())
                ++noName;
            if (statusIndex >= 0) {
                const auto status = asText(feature->value(statusIndex));
                const auto values = statusValues();
                if (!status.empty() &&
                    std::find(values.begin(), values.end(), status) == values.end())
                    add(kError, "attributes", featureWhere,
                        "status '" + status +
                            "' is not one of existing, under_construction, planned, proposed");
            }
            if (qualityIndex >= 0) {
                const auto quality = asText(feature->value(qualityIndex));
                const auto values = geometryQualityValues();
                if (std::find(values.begin(), values.end(), quality) == values.end())
                    add(kError, "attributes", featureWhere,
                        "geometry_quality '" + quality +
                            "' is not one of surveyed, digitized, indicative");
            }
            auto geometry = feature->takeGeometry();
            if (geometry.isEmpty()) {
                ++noGeometry;
                continue;
            }
            if (kind && !kind->accepts(geometry.family())) {
                ++wrongFamily;
                add(kError, "geometry", featureWhere,
                    geometry.typeName() + " in a layer of kind " + std::string(kind->id) +
                        " (expects " + kind->familiesText() + ")");
            } else if (layerFamily != gis::GeometryFamily::Collection &&
                       layerFamily != gis::GeometryFamily::None &&
                       geometry.family() != layerFamily) {
                ++wrongFamily; // a point written into a polygon table by another tool
                add(kError, "geometry", featureWhere,
                    geometry.typeName() + " in a layer declared " + table->geometryTypeName());
            }
            const auto e = geometry.envelope();
            if (!e || !std::isfinite(e->minX) || !std::isfinite(e->minY) ||
                !std::isfinite(e->maxX) || !std::isfinite(e->maxY) ||
                std::max({std::abs(e->minX), std::abs(e->minY), std::abs(e->maxX),
                          std::abs(e->maxY)}) > 1e9) {
                add(kError, "geometry", featureWhere,
                    "coordinates that are no place on Earth (not finite or beyond 10^9)");
                continue;
            }
            if (home && layer.kind != "basemap" && // a basemap covers the country
                (e->maxX < home->minX - 100000.0 || e->minX > home->maxX + 100000.0 ||
                 e->maxY < home->minY - 100000.0 || e->minY > home->maxY + 100000.0))
                ++farAway;
            const std::string reason = geometry.invalidReason();
            if (!reason.empty()) {
                ++invalid;
                add(kError, "geometry", featureWhere, "invalid geometry: " + reason);
            }
        }
        if (noGeometry)
            add(kWarning, "geometry", where,
                std::to_string(noGeometry) + " feature(s) without geometry (not on the map)");
        if (farAway)
            add(kWarning, "geometry", where,
                std::to_string(farAway) +
                    " feature(s) lie more than 100 km outside the province layers' extent");
        if (noName)
            add(kWarning, "attributes", where,
                std::to_string(noName) + " feature(s) without name_vi");

        // The layer's link table must be a registered Related Tables relation.
        if (!layer.linkTable.empty()) {
            const auto relation = m_impl->count(
                "gpkgext_relations", "mapping_table_name = " + sqlLiteral(layer.linkTable) +
                                         " AND base_table_name = " + sqlLiteral(layer.name));
            if (relation == 0)
                add(kError, "links", where,
                    "link table " + layer.linkTable + " is not registered in gpkgext_relations");
        }
    }
    for (const auto& [code, owners] : codeOwners) {
        if (owners.size() < 2)
            continue;
        std::string list;
        for (const auto& owner : owners)
            list += (list.empty() ? "" : ", ") + owner;
        add(kError, "codes", "code " + code,
            "used by " + std::to_string(owners.size()) + " features (" + list + ")");
    }

    // Dangling links and plan references.
    report.checksRun.emplace_back("links");
    for (const auto& row :
         m_impl
             ->query("SELECT base_table_name, mapping_table_name FROM gpkgext_relations WHERE "
                     "related_table_name = 'plan_tasks' ORDER BY id")
             .rows) {
        const auto base = asText(row[0]);
        const auto mapping = asText(row[1]);
        if (!m_impl->tableExists(mapping)) {
            add(kError, "links", "relation " + mapping, "mapping table missing");
            continue;
        }
        if (!m_impl->tableExists(base)) {
            add(kError, "links", "relation " + mapping, "base layer " + base + " missing");
            continue;
        }
        const auto danglingFeatures =
            m_impl->count(mapping, "base_id NOT IN (SELECT fid FROM " + sqlIdentifier(base) + ")");
        if (danglingFeatures)
            add(kError, "links", "link table " + mapping,
                std::to_string(danglingFeatures) + " link(s) to features that do not exist in " +
                    base);
        const auto danglingTasks =
            m_impl->count(mapping, "related_id NOT IN (SELECT fid FROM plan_tasks)");
        if (danglingTasks)
            add(kError, "links", "link table " + mapping,
                std::to_string(danglingTasks) + " link(s) to tasks that do not exist");
    }
    struct Reference
    {
        const char* table;
        const char* column;
        const char* target;
        const char* targetColumn;
    };
    static constexpr Reference references[] = {
        {"plan_tasks", "doc_id", "plan_documents", "doc_id"},
        {"plan_targets", "doc_id", "plan_documents", "doc_id"},
        {"plan_task_agencies", "task_id", "plan_tasks", "task_id"},
        {"plan_task_agencies", "agency_id", "plan_agencies", "agency_id"},
        {"plan_agency_aliases", "agency_id", "plan_agencies", "agency_id"},
        {"plan_agencies", "successor_id", "plan_agencies", "agency_id"},
        {"plan_link_suggestions", "task_id", "plan_tasks", "task_id"},
        {"plan_unlocated", "task_id", "plan_tasks", "task_id"},
    };
    for (const auto& ref : references) {
        if (!m_impl->tableExists(ref.table))
            continue; // an older schema; reported with the system tables
        const auto dangling = m_impl->count(
            ref.table, std::string(ref.column) + " IS NOT NULL AND " + ref.column +
                           " NOT IN (SELECT " + ref.targetColumn + " FROM " + ref.target + ")");
        if (dangling)
            add(kError, "links", std::string("table ") + ref.table,
                std::to_string(dangling) + " row(s) whose " + ref.column + " is not in " +
                    ref.target);
    }
    for (const char* column : {"old_code", "new_code"}) {
        const auto dangling =
            m_impl->count("admin_crosswalk", std::string(column) + " IS NOT NULL AND " + column +
                                                 " NOT IN (SELECT unit_code FROM admin_units)");
        if (dangling)
            add(kError, "links", "table admin_crosswalk",
                std::to_string(dangling) + " row(s) whose " + column +
                    " is not an administrative unit");
    }
    for (const auto& row : m_impl->query("SELECT DISTINCT layer_name FROM admin_units").rows) {
        const auto layer = asText(row[0]);
        if (!registeredNames.contains(layer)) {
            add(kError, "links", "table admin_units", "rows for unknown layer " + layer);
            continue;
        }
        if (!m_impl->hasCodeColumn(layer))
            continue; // already reported: missing table or 'code' column
        const auto dangling =
            m_impl->count("admin_units", "layer_name = " + sqlLiteral(layer) +
                                             " AND unit_code NOT IN (SELECT code FROM " +
                                             sqlIdentifier(layer) + ")");
        if (dangling)
            add(kError, "links", "table admin_units",
                std::to_string(dangling) + " unit(s) of " + layer +
                    " with no feature of that code");
    }
    return report;
}

} // namespace pa::layers
