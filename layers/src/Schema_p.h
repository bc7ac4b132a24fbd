#pragma once
// The workspace schema (version kSchemaVersion): PlanAtlas's own tables, all GeoPackage
// attribute tables (registered in gpkg_contents so GIS clients list them).

#include <string>
#include <string_view>
#include <vector>

namespace pa::gis {
class Dataset;
}

namespace pa::layers::schema {

struct Table
{
    std::string_view name;
    std::string_view description;
    std::string_view columns; ///< column and constraint definitions, after the fid column
    int since = 1;            ///< schema version that introduced the table
};

/// Columns added to system tables after their first version (for upgrades in place).
struct AddedColumn
{
    std::string_view table, column, type;
    int since;
};
const std::vector<AddedColumn>& addedColumns();

/// PostGIS: the geometry columns of the schema a connection works in, as a subquery with
/// PostGIS's column names (f_table_name, f_geometry_column, srid), read from the catalogue.
/// PostGIS's geometry_columns view is not used: it deparses every constraint of the database,
/// and fails ("could not open relation with OID …") while another schema is being dropped. The
/// SRID is the column type's, as GDAL and PlanAtlas make every column (a column constrained
/// the old way, by a CHECK, gives 0 here where the view would read the constraint).
inline constexpr std::string_view kSchemaGeometryColumns =
    "(SELECT c.relname AS f_table_name, a.attname AS f_geometry_column, "
    "postgis_typmod_srid(a.atttypmod) AS srid FROM pg_attribute a JOIN pg_class c ON c.oid = "
    "a.attrelid JOIN pg_type t ON t.oid = a.atttypid WHERE c.relnamespace = (SELECT oid FROM "
    "pg_namespace WHERE nspname = current_schema()) AND t.typname = 'geometry' AND a.attnum > 0 "
    "AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')) AS schema_geometry";

/// PlanAtlas system tables in creation order.
const std::vector<Table>& systemTables();

/// Statements that create the Related Tables Extension registry.
std::vector<std::string> relatedTablesSetup();

/// Statements that create the mapping table linking @p layer's features to plan_tasks and
/// register it as a many-to-many Related Tables relation.
std::vector<std::string> linkTableSetup(const std::string& layer, const std::string& mappingTable);

/// Creates the mapping table linking @p layer's features to plan_tasks and registers it, in a
/// GeoPackage as linkTableSetup() says, in a PostgreSQL schema as a copy would have brought it:
/// the table as PostgreSQL takes it, its row in the schema's catalogue and its relation.
void createLinkTable(gis::Dataset& dataset, const std::string& layer,
                     const std::string& mappingTable);

/// PostgreSQL: enters @p table in the schema's catalogue (its table gpkg_contents, kept as a
/// GeoPackage's with the order of the tables and the statement that makes each in a
/// GeoPackage), after every table already there. A layer ("features", made by GDAL, no
/// statement) gets its extent and CRS from its geometry column "geom".
void enterInSchemaCatalogue(gis::Dataset& dataset, const std::string& table,
                            std::string_view dataType, const std::string& identifier,
                            const std::string& description, const std::string& createSql);

/// Creates the system tables (registered as attribute tables) and the Related Tables registry
/// in a new, empty GeoPackage: a workspace without its metadata rows.
void createSystemTables(gis::Dataset& dataset);

/// The CREATE TABLE of a system table in a GeoPackage (the statement SQLite keeps).
std::string createTableSql(const Table& table);

/// A CREATE TABLE written for SQLite as PostgreSQL takes it.
std::string postgresTable(std::string sql);

/// The name a table of a GeoPackage workspace takes in a PostgreSQL schema, where its own would
/// mean something else: QGIS keeps its projects in a table "qgis_projects" of another layout
/// there, and its styles in "public.layer_styles" (found by name in whichever schema).
std::string postgresName(const std::string& table);

/// @p createSql, the CREATE TABLE of GeoPackage table @p table, as PostgreSQL takes it and
/// under the name the table has in a schema (postgresName).
std::string postgresTableAs(const std::string& createSql, const std::string& table);

/// SQL giving the current time as ISO 8601 UTC text with milliseconds ("…T10:42:05.123Z"), in
/// PostgreSQL's dialect or SQLite's.
std::string nowSql(bool postgres);

/// INSERT into gpkg_contents for an attribute table.
std::string registerAttributeTable(std::string_view name, std::string_view description);

inline constexpr std::string_view kRelatedTablesExtension = "related_tables";
inline constexpr std::string_view kRelatedTablesDefinition =
    "http://www.geopackage.org/18-000.html";

} // namespace pa::layers::schema
