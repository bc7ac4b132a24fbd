#include "Schema_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Workspace.h"

#include <regex>
#include <utility>

namespace pa::layers::schema {

using gis::sqlIdentifier;
using gis::sqlLiteral;

const std::vector<Table>& systemTables()
{
    // Dates are ISO 8601 text (GeoPackage DATE / DATETIME). Foreign keys document intent;
    // SQLite does not enforce them by default, so `planatlas validate` checks them.
    static const std::vector<Table> tables = {
        {"pa_metadata", "PlanAtlas workspace metadata (schema version, analysis CRS, province)",
         "key TEXT NOT NULL UNIQUE, value TEXT"},
        {"pa_layers", "PlanAtlas layer registry: kind, titles, source, licence, geometry quality",
         "layer_name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, title_vi TEXT NOT NULL, "
         "title_en TEXT NOT NULL, geometry_type TEXT NOT NULL, source TEXT, licence TEXT, "
         "attribution TEXT, geometry_quality TEXT CHECK (geometry_quality IN "
         "('surveyed','digitized','indicative')), source_file TEXT, source_crs TEXT, "
         "source_encoding TEXT, transformation TEXT, imported_at DATETIME, link_table TEXT"},
        {"plan_documents", "Plan documents (Kế hoạch, Quyết định, Nghị quyết, Công văn)",
         "doc_id TEXT NOT NULL UNIQUE, doc_type TEXT, number TEXT, issued_on DATE, not_before "
         "DATE, issuer TEXT, "
         "province TEXT, title TEXT, source_file TEXT, content_sha256 TEXT UNIQUE, "
         "ingested_at DATETIME, source_text TEXT"},
        {"plan_tasks", "Plan tasks with their section path and text",
         "task_id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL REFERENCES plan_documents(doc_id), "
         "section TEXT, heading TEXT, text TEXT NOT NULL, collective INTEGER NOT NULL DEFAULT 0 "
         "CHECK (collective IN (0,1)), ordinal INTEGER, deadline TEXT, deadline_text TEXT, product "
         "TEXT, "
         "part TEXT, rule TEXT"},
        {"plan_agencies", "Agencies with abbreviation, validity and 2025 successor",
         "agency_id TEXT NOT NULL UNIQUE, name_vi TEXT NOT NULL, name_en TEXT, abbreviation TEXT, "
         "level TEXT CHECK (level IN ('national','province','district','commune','other')), "
         "province TEXT, valid_from DATE, valid_to DATE, "
         "successor_id TEXT REFERENCES plan_agencies(agency_id)"},
        {"plan_agency_aliases", "Other names of agencies, with a diacritic-insensitive key",
         "agency_id TEXT NOT NULL REFERENCES plan_agencies(agency_id), alias TEXT NOT NULL, "
         "alias_folded TEXT NOT NULL, UNIQUE (agency_id, alias)"},
        {"plan_task_agencies", "Task–agency roles: lead (chủ trì) or support (phối hợp)",
         "task_id TEXT NOT NULL REFERENCES plan_tasks(task_id), "
         "agency_id TEXT NOT NULL REFERENCES plan_agencies(agency_id), "
         "role TEXT NOT NULL CHECK (role IN ('lead','support')), UNIQUE (task_id, agency_id, "
         "role)"},
        {"plan_targets", "Plan targets (chỉ tiêu) and the map metric that measures them",
         "target_id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL REFERENCES plan_documents(doc_id), "
         "section TEXT, text TEXT NOT NULL, indicator TEXT, comparator TEXT CHECK (comparator IS "
         "NULL OR comparator IN ('<','<=','=','>=','>','range','approx')), value REAL, "
         "value_max REAL, unit TEXT, year INTEGER, metric TEXT"},
        {"plan_link_suggestions",
         "Feature–task links suggested from the places and kinds tasks name, with the rule, the "
         "evidence and their review status",
         "task_id TEXT NOT NULL REFERENCES plan_tasks(task_id), layer_name TEXT NOT NULL, "
         "feature_code TEXT NOT NULL, mention TEXT, confidence REAL CHECK (confidence >= 0 AND "
         "confidence <= 1), "
         "status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN "
         "('pending','accepted','rejected')), rule TEXT, evidence TEXT, "
         "UNIQUE (task_id, layer_name, feature_code)"},
        {"plan_unlocated",
         "Tasks reviewed and deliberately left without a place on the map, with the reason",
         "task_id TEXT NOT NULL UNIQUE REFERENCES plan_tasks(task_id), reason TEXT NOT NULL, "
         "reviewed_at DATETIME",
         kSchemaPlanReview},
        {"plan_task_corrections",
         "A planner's corrections of what the plan reader produced, re-applied at every re-ingest",
         "doc_id TEXT NOT NULL, task_id TEXT NOT NULL, text_key TEXT NOT NULL, action TEXT NOT "
         "NULL CHECK (action IN "
         "('edit','split','merge','drop')), field TEXT, value TEXT, made_at DATETIME",
         kSchemaTaskDeadlines},
        {"pa_rasters",
         "Map sheets placed on the workspace map (GeoPackage tile tables): the sheet, how it was "
         "placed and how well",
         "layer_name TEXT NOT NULL UNIQUE, title_vi TEXT NOT NULL, title_en TEXT NOT NULL, "
         "sheet_file TEXT NOT NULL, sheet_sha256 TEXT, sheet_page INTEGER, sheet_dpi REAL, "
         "sheet_date DATE, method TEXT NOT NULL CHECK (method IN ('affine','poly2','tps','own')), "
         "control_points INTEGER NOT NULL DEFAULT 0, rmse_m REAL, loo_rmse_m REAL, pixel_size_m "
         "REAL, width INTEGER, height INTEGER, source TEXT, licence TEXT, attribution TEXT, "
         "created_at DATETIME",
         kSchemaRasters},
        {"pa_raster_control_points",
         "Control points of the map sheets: sheet pixel, map position in the workspace CRS, "
         "residual and leave-one-out error in metres",
         "layer_name TEXT NOT NULL REFERENCES pa_rasters(layer_name), point_id TEXT NOT NULL, "
         "pixel REAL NOT NULL, line REAL NOT NULL, x REAL NOT NULL, y REAL NOT NULL, dx_m REAL, "
         "dy_m REAL, residual_m REAL, loo_m REAL, UNIQUE (layer_name, point_id)",
         kSchemaRasters},
        {"pa_edit_log",
         "Every change planners made to the workspace: who (the database role or the login), when "
         "and what; one row per change, written in the change's own transaction",
         "at DATETIME NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL, task_id TEXT, "
         "layer_name TEXT, feature_code TEXT, detail TEXT",
         kSchemaEditLog},
        {"admin_units", "Administrative units in the workspace with their validity dates",
         "layer_name TEXT NOT NULL, unit_code TEXT NOT NULL, level TEXT NOT NULL CHECK (level IN "
         "('province','district','commune')), name_vi TEXT, valid_from DATE, valid_to DATE, "
         "UNIQUE (layer_name, unit_code)"},
        {"admin_crosswalk", "Old → new administrative units (e.g. the 1 July 2025 reform)",
         "old_code TEXT NOT NULL, old_level TEXT NOT NULL, new_code TEXT, new_level TEXT, "
         "relation TEXT NOT NULL CHECK (relation IN "
         "('merged_into','split_into','renamed','abolished','unchanged')), "
         "effective_date DATE NOT NULL, area_share REAL CHECK (area_share IS NULL OR "
         "(area_share >= 0 AND area_share <= 1)), legal_basis TEXT"},
    };
    return tables;
}

const std::vector<AddedColumn>& addedColumns()
{
    static const std::vector<AddedColumn> columns = {
        {"plan_documents", "not_before", "DATE", kSchemaPlanReview},
        {"plan_documents", "source_text", "TEXT", kSchemaTaskDeadlines},
        {"plan_tasks", "deadline", "TEXT", kSchemaTaskDeadlines},
        {"plan_tasks", "deadline_text", "TEXT", kSchemaTaskDeadlines},
        {"plan_tasks", "product", "TEXT", kSchemaTaskDeadlines},
        {"plan_tasks", "part", "TEXT", kSchemaTaskDeadlines},
        {"plan_tasks", "rule", "TEXT", kSchemaTaskDeadlines},
        {"plan_link_suggestions", "rule", "TEXT", kSchemaLinkRules},
        {"plan_link_suggestions", "evidence", "TEXT", kSchemaLinkRules},
    };
    return columns;
}

std::string registerAttributeTable(std::string_view name, std::string_view description)
{
    return "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
           "last_change) VALUES (" +
           sqlLiteral(name) + ", 'attributes', " + sqlLiteral(name) + ", " +
           sqlLiteral(description) + ", strftime('%Y-%m-%dT%H:%M:%fZ','now'))";
}

std::string createTableSql(const Table& table)
{
    return "CREATE TABLE " + sqlIdentifier(table.name) +
           " (fid INTEGER PRIMARY KEY AUTOINCREMENT, " + std::string(table.columns) + ")";
}

std::string postgresTable(std::string sql)
{
    // A serial fid, 64-bit integers, double precision reals (SQLite's REAL is 8 bytes;
    // PostgreSQL's is 4), dates kept as the ISO text SQLite holds, and references checked at
    // commit (a copy's rows arrive in fid order, an agency before its successor or not).
    static const std::vector<std::pair<std::regex, std::string>> rewrites = {
        {std::regex(R"(INTEGER PRIMARY KEY AUTOINCREMENT( NOT NULL)?)"), "BIGSERIAL PRIMARY KEY"},
        {std::regex(R"(\bINTEGER\b)"), "BIGINT"},
        {std::regex(R"(\bREAL\b)"), "DOUBLE PRECISION"},
        {std::regex(R"(\bDATETIME\b)"), "TEXT"},
        {std::regex(R"(\bDATE\b)"), "TEXT"},
        {std::regex(R"(\bBLOB\b)"), "TEXT"},
        {std::regex(R"(\bBOOLEAN\b)"), "BIGINT"}, // SQLite holds 0 and 1
        {std::regex(R"(\bTEXT\(\d+\))"), "TEXT"},
        {std::regex(R"( DEFAULT \(strftime\([^)]*\)\))"), ""},
        {std::regex(R"((REFERENCES \w+\(\w+\)))"), "$1 DEFERRABLE INITIALLY DEFERRED"},
    };
    for (const auto& [pattern, replacement] : rewrites)
        sql = std::regex_replace(sql, pattern, replacement);
    return sql;
}

std::string postgresName(const std::string& table)
{
    // QGIS's own tables in a PostgreSQL database: its project storage, "qgis_projects" in each
    // schema, and its styles, "public.layer_styles" (QGIS takes a relation of that name in any
    // schema for its own, then cannot save a style in the database).
    if (table == "qgis_projects" || table == "layer_styles")
        return "pa_" + table;
    return table;
}

std::string postgresTableAs(const std::string& createSql, const std::string& table)
{
    std::string sql = postgresTable(createSql);
    if (const std::string kept = postgresName(table); kept != table)
        if (const auto at = sql.find(table); at != std::string::npos)
            sql.replace(at, table.size(), kept);
    return sql;
}

std::string nowSql(bool postgres)
{
    return postgres ? "to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                      "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
                    : "strftime('%Y-%m-%dT%H:%M:%fZ','now')";
}

void createSystemTables(gis::Dataset& dataset)
{
    for (const auto& table : systemTables()) {
        dataset.execute(createTableSql(table));
        dataset.execute(registerAttributeTable(table.name, table.description));
    }
    for (const auto& sql : relatedTablesSetup())
        dataset.execute(sql);
}

std::vector<std::string> relatedTablesSetup()
{
    return {
        // GDAL creates gpkg_extensions only when it first needs it; the table is the
        // GeoPackage standard one.
        "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, "
        "extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, "
        "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))",
        "CREATE TABLE gpkgext_relations (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "base_table_name TEXT NOT NULL, base_primary_column TEXT NOT NULL DEFAULT 'id', "
        "related_table_name TEXT NOT NULL, related_primary_column TEXT NOT NULL DEFAULT 'id', "
        "relation_name TEXT NOT NULL, mapping_table_name TEXT NOT NULL UNIQUE)",
        "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
        "VALUES ('gpkgext_relations', NULL, " +
            sqlLiteral(kRelatedTablesExtension) + ", " + sqlLiteral(kRelatedTablesDefinition) +
            ", 'read-write')",
    };
}

namespace {

std::string linkTableDescription(const std::string& layer)
{
    return "Links between features of " + layer + " and plan tasks (Related Tables mapping)";
}

} // namespace

std::vector<std::string> linkTableSetup(const std::string& layer, const std::string& mappingTable)
{
    // The mapping table carries the Related Tables columns (base_id = the feature's fid,
    // related_id = the task's fid) plus how the link was made.
    return {
        "CREATE TABLE " + sqlIdentifier(mappingTable) +
            " (fid INTEGER PRIMARY KEY AUTOINCREMENT, base_id INTEGER NOT NULL, "
            "related_id INTEGER NOT NULL, link_source TEXT NOT NULL DEFAULT 'manual' CHECK "
            "(link_source IN ('manual','gazetteer','imported')), confidence REAL CHECK "
            "(confidence IS NULL OR (confidence >= 0 AND confidence <= 1)), created_at DATETIME, "
            "UNIQUE (base_id, related_id))",
        registerAttributeTable(mappingTable, linkTableDescription(layer)),
        "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
        "VALUES (" +
            sqlLiteral(mappingTable) + ", NULL, " + sqlLiteral(kRelatedTablesExtension) + ", " +
            sqlLiteral(kRelatedTablesDefinition) + ", 'read-write')",
        "INSERT INTO gpkgext_relations (base_table_name, base_primary_column, related_table_name, "
        "related_primary_column, relation_name, mapping_table_name) VALUES (" +
            sqlLiteral(layer) + ", 'fid', 'plan_tasks', 'fid', 'attributes', " +
            sqlLiteral(mappingTable) + ")",
    };
}

void createLinkTable(gis::Dataset& dataset, const std::string& layer,
                     const std::string& mappingTable)
{
    const auto statements = linkTableSetup(layer, mappingTable);
    if (!dataset.isPostgres()) {
        for (const auto& sql : statements)
            dataset.execute(sql);
        return;
    }
    // A schema keeps no gpkg_extensions (a copy back to a file writes it again for every
    // relation); the relation is in its gpkgext_relations as in a GeoPackage.
    dataset.execute(postgresTable(statements.front()));
    enterInSchemaCatalogue(dataset, mappingTable, "attributes", mappingTable,
                           linkTableDescription(layer), statements.front());
    dataset.execute(statements.back());
}

void enterInSchemaCatalogue(gis::Dataset& dataset, const std::string& table,
                            std::string_view dataType, const std::string& identifier,
                            const std::string& description, const std::string& createSql)
{
    // One table entered at a time, so that two at once do not take the same place.
    dataset.execute("LOCK TABLE gpkg_contents IN SHARE ROW EXCLUSIVE MODE");
    const std::string next = "(SELECT COALESCE(MAX(pa_ordinal), 0) + 1 FROM gpkg_contents)";
    if (dataType != "features") {
        dataset.run("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                    "last_change, pa_ordinal, pa_create_sql) VALUES (?, ?, ?, ?, " +
                        nowSql(true) + ", " + next + ", ?)",
                    {table, gis::textOrNull(std::string(dataType)), gis::textOrNull(identifier),
                     gis::textOrNull(description), createSql});
        return;
    }
    // As GDAL fills a GeoPackage's: the layer's extent (none while it is empty) and its CRS.
    dataset.run(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
        "last_change, min_x, min_y, max_x, max_y, srs_id, pa_ordinal) SELECT ?, "
        "'features', ?, ?, " +
            nowSql(true) + ", ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), (SELECT srid FROM " +
            std::string(kSchemaGeometryColumns) + " WHERE f_table_name = ?), " + next +
            " FROM (SELECT ST_Extent(geom) AS e FROM " + sqlIdentifier(table) + ") AS extent",
        {table, identifier, description, table});
}

} // namespace pa::layers::schema
