#include "Cli.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Qgis.h"

#include <cstdio>

namespace pa::cli {

namespace {
const Command kQgis{
    "qgis",
    "WS.gpkg [--lang vi|en]",
    "Write, or bring up to date, what QGIS needs to open the workspace as PlanAtlas shows it:\n"
    "every layer's default style (QML and SLD in the table layer_styles, made from the same\n"
    "description of each layer kind as PlanAtlas's maps) and a QGIS project inside the\n"
    "GeoPackage (table qgis_projects): layers grouped by programme, transport, administrative\n"
    "units by period, reference and plan tables; the relations feature → link table → task and\n"
    "task → agencies, so that a park's form lists its tasks with their lead agencies; map\n"
    "themes; a print layout and an atlas by district.",
    "In QGIS: Project ▸ Open From ▸ GeoPackage, choose the workspace and the project\n"
    "'planatlas'; or add any layer: its PlanAtlas style is its default style.\n"
    "init, import, grid and parcels keep both current; run this after changing the workspace\n"
    "by other means. Styles saved in QGIS under another name are kept; the project 'planatlas' is\n"
    "rewritten whole, so save your own changes to it under another name (Project ▸ Save To ▸\n"
    "GeoPackage). After renaming or copying the workspace file, run this again (validate\n"
    "says so): the project reads its layers from the file of its own name.\n"
    "A workspace in a PostgreSQL schema gets a project QGIS opens from the schema itself\n"
    "(Project ▸ Open From ▸ PostgreSQL; table qgis_projects), its layers read through QGIS's\n"
    "PostgreSQL provider. It names the database (service, host, port, dbname) as the\n"
    "connection that first wrote it did, whoever rewrites it (--repoint: as this connection\n"
    "does), but no role and no password: each planner connects as themself, so give every\n"
    "planner a service of the same name in their own pg_service.conf. Map sheets\n"
    "are not in it (QGIS reads no tiles kept in a schema). A second project, for the copy of\n"
    "the workspace to a file, is kept as well. A layer added alone takes its default style from\n"
    "the database's table public.layer_styles, which the database's owner makes once:\n"
    "  psql \"service=…\" -f scripts/postgis/qgis_styles.sql\n"
    "(each role may then set the default style of the tables it may change, and save styles\n"
    "of its own for the tables it may read); PlanAtlas writes its styles there too, for the\n"
    "schema's layers.\n\n"
    "example: planatlas qgis thai_nguyen.gpkg",
    {
        {"--lang", "LANG",
         "vi or en: the words of the legend, groups and layouts (default: as chosen last, else "
         "vi)"},
        {"--repoint", "",
         "a workspace in a schema: the project QGIS opens from the schema names the database as "
         "this connection does, no longer as its first writer's did (a renamed service, a moved "
         "server)"},
        {"--quiet", "", "print nothing but errors"},
    },
    1,
    1};
} // namespace

int runQgis(const std::vector<std::string>& args)
{
    if (handleHelp(kQgis, args))
        return kOk;
    const auto parsed = parse(kQgis, args);
    const std::string lang = parsed.value("--lang");
    if (!lang.empty() && lang != "vi" && lang != "en")
        throw UsageError("--lang must be vi or en");
    const bool repoint = parsed.has("--repoint");
    if (repoint && !gis::isPostgresConnection(parsed.positional[0]))
        throw UsageError("--repoint is for a workspace in a PostgreSQL schema: a GeoPackage's "
                         "project reads the file it is in");
    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                      layers::SchemaWrites::Allowed);
    const auto written = render::writeQgis(
        ws, lang, repoint ? render::SchemaConnection::Anew : render::SchemaConnection::Kept);
    const bool shared = ws.isShared();
    ws.close();
    if (parsed.has("--quiet"))
        return kOk;
    std::printf("QGIS: %d layer styles, project '%s' with %d relations, %d map themes, %d "
                "print layouts\n",
                written.styles, render::kQgisProjectName, written.relations, written.themes,
                written.layouts);
    for (const auto& layer : written.unpriced)
        std::printf("  in one colour, not in land-price classes (its prices could not be read): "
                    "%s\n",
                    layer.c_str());
    if (!shared) {
        std::printf("  open in QGIS: %s\n", written.project.c_str());
        return kOk;
    }
    if (written.schemaProject.empty())
        std::printf("  not written where QGIS opens it from the schema: %s\n",
                    written.schemaProblem.c_str());
    else
        std::printf("  open in QGIS from the schema: %s\n", written.schemaProject.c_str());
    if (written.sheetsLeftOut > 0)
        std::printf("  %d map sheet(s) not in it: QGIS reads no tiles kept in a schema\n",
                    written.sheetsLeftOut);
    if (written.databaseStylesProblem.empty())
        std::printf(
            "  %d default style(s) in public.layer_styles, for layers added alone in QGIS\n",
            written.databaseStyles);
    else
        std::printf("  no default styles for layers added alone in QGIS: %s\n",
                    written.databaseStylesProblem.c_str());
    std::printf("  kept for the copy to a file (planatlas copy): %s\n", written.project.c_str());
    return kOk;
}

void warnSchemaProject(const render::QgisWritten& written, const char* done)
{
    if (!written.schemaProblem.empty())
        std::fprintf(stderr,
                     "warning: %s, but the QGIS project QGIS opens from the schema was not "
                     "written anew: %s\n",
                     done, written.schemaProblem.c_str());
    if (written.databaseStylesRefused())
        std::fprintf(stderr,
                     "warning: %s, but the layers' default styles in public.layer_styles were "
                     "not written anew: %s\n",
                     done, written.databaseStylesProblem.c_str());
}

} // namespace pa::cli
