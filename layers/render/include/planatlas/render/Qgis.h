#pragma once
// The workspace as QGIS opens it: every layer's default style (QML and SLD in the GeoPackage's
// layer_styles table, as QGIS writes them) and a QGIS project inside the GeoPackage
// (qgis_projects, QGIS's GeoPackage project storage) with the layer tree grouped as a planner
// thinks, the feature → link table → task and task → agency relations, map themes and print
// layouts. Both are made from the layer kinds' one description of how they are drawn
// (layers::Symbology), the same one PlanAtlas's maps are drawn from.

#include "planatlas/layers/Workspace.h"

#include <string>
#include <vector>

namespace pa::render {

/// The name of the project PlanAtlas keeps in the workspace ("geopackage:WS.gpkg?projectName=…").
inline constexpr const char* kQgisProjectName = "planatlas";

/// A layer's default style for QGIS: a QML document (rule-based symbols by status, outline
/// quality and class; labels; field aliases) and its SLD 1.1 equivalent.
std::string qmlStyle(const layers::RegisteredLayer& layer, const std::string& lang);
std::string sldStyle(const layers::RegisteredLayer& layer, const std::string& lang);

/// Where a project reads its layers from.
enum class ProjectReads
{
    /// The GeoPackage beside the project: the workspace's file, or for a workspace in a schema
    /// the file it is copied back to.
    File,
    /// The workspace's PostgreSQL schema, through QGIS's PostgreSQL provider, connecting as the
    /// workspace's connection names the database (service, host, port, dbname) but without its
    /// role or password. Map sheets are left out: QGIS reads no tiles kept in a schema.
    Schema,
};

/// The QGIS project (.qgs XML) of the workspace.
std::string qgisProject(layers::Workspace& workspace, const std::string& lang,
                        ProjectReads from = ProjectReads::File);

struct QgisWritten
{
    int styles = 0;      ///< layers given a default style
    int relations = 0;   ///< relations defined in the project
    int themes = 0;      ///< map themes
    int layouts = 0;     ///< print layouts
    std::string project; ///< the project's URI for QGIS
    /// A workspace in a schema: the URI of the project QGIS opens from the schema itself
    /// (QGIS's PostgreSQL project storage, table qgis_projects); empty when not written, and
    /// schemaProblem says why (a role that may not create the missing table, no rights on it).
    std::string schemaProject;
    std::string schemaProblem;
    /// Why schemaProject is empty, for a window to word it: the table is missing and this role
    /// may not create it (the schema's owner writes the project once), or writing it failed
    /// (schemaProblem holds the database's message).
    enum class SchemaProblem
    {
        None,
        NoTable,
        Failed,
    } schemaProblemKind = SchemaProblem::None;
    int sheetsLeftOut = 0; ///< map sheets the schema's project cannot show
    /// Layers of land prices drawn in QGIS in their kind's one colour, not in price classes,
    /// because their prices could not be read ("layer: why").
    std::vector<std::string> unpriced;
    /// A workspace in a schema: the layers' default styles written to the database's
    /// public.layer_styles, where QGIS finds the style of a layer added alone (not through the
    /// project); 0, and databaseStylesProblem says why, when the table is missing, this role may
    /// not write it or the database refused.
    int databaseStyles = 0;
    std::string databaseStylesProblem;
    /// What became of them: a GeoPackage has none; else written, or why not (no table, a role
    /// without the right to write it, or the database refused).
    enum class DatabaseStyles
    {
        NotApplicable,
        Written,
        NoTable,
        NotAllowed,
        Failed,
    } databaseStylesKind = DatabaseStyles::NotApplicable;
    /// Whether the table was there but its styles were not written (a role without the right,
    /// or the database refused): said after any change; a missing table only by 'qgis'.
    [[nodiscard]] bool databaseStylesRefused() const
    {
        return databaseStylesKind == DatabaseStyles::NotAllowed ||
               databaseStylesKind == DatabaseStyles::Failed;
    }
};

/// Which database the project QGIS opens from a schema names: the one it named before (that of
/// the connection that first wrote it, so that planners of other service names rewrite it
/// unchanged), or the one the writing connection names (a department that renamed its service
/// or moved its server; the first project named the writer's anyway).
enum class SchemaConnection
{
    Kept,
    Anew,
};

/// Writes (or rewrites) every layer's default style and the project into the workspace, in
/// one transaction (or as part of the caller's: an import and its styles are one change): on
/// failure the workspace is as it was. Styles a person saved under other names are kept.
/// @p lang "vi" or "en" is remembered in the workspace; empty: the language chosen last (else
/// Vietnamese), so that an import keeps the words a planner chose. A workspace in a schema gets
/// both projects: the one kept for its copy to a file, and one QGIS opens from the schema
/// (writeSchemaProject; one that cannot be written is said in schemaProblem and leaves the rest
/// written) and, in the database's public.layer_styles, its layers' default styles (the same).
/// Throws layers::Error.
QgisWritten writeQgis(layers::Workspace& workspace, const std::string& lang = {},
                      SchemaConnection connection = SchemaConnection::Kept);

/// Writes only the project QGIS opens from a workspace's schema (table qgis_projects, in QGIS's
/// layout: name, metadata JSONB, content BYTEA holding the .qgz), creating the table when absent
/// and the role may; the styles and the project kept for the copy to a file are left as they
/// are (a copy into a schema stays the file's twin). The project names the database as the
/// connection that first wrote it does (kept in its metadata), so that planners rewriting it
/// under other service names leave it as all can open it. Fills schemaProject (the URI) or
/// schemaProblem, and sheetsLeftOut. Also writes the layers' default styles into the
/// database's public.layer_styles where it may (databaseStyles…). A file: nothing.
QgisWritten writeSchemaProject(layers::Workspace& workspace, const std::string& lang = {});

} // namespace pa::render
