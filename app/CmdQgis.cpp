#include "Cli.h"
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
    "says so): the project reads its layers from the file of its own name.\n\n"
    "example: planatlas qgis thai_nguyen.gpkg",
    {
        {"--lang", "LANG",
         "vi or en: the words of the legend, groups and layouts (default: as chosen last, else "
         "vi)"},
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
    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                      layers::SchemaWrites::Allowed);
    const auto written = render::writeQgis(ws, lang);
    const bool shared = ws.isShared();
    ws.close();
    if (!parsed.has("--quiet"))
        std::printf("QGIS: %d layer styles, project '%s' with %d relations, %d map themes, %d "
                    "print layouts\n  %s: %s\n",
                    written.styles, render::kQgisProjectName, written.relations, written.themes,
                    written.layouts,
                    // QGIS does not look for a project in a PlanAtlas schema: it travels with the
                    // workspace's copy to a file.
                    shared ? "kept in the schema; open in QGIS once copied to a file (planatlas "
                             "copy)"
                           : "open in QGIS",
                    written.project.c_str());
    return kOk;
}

} // namespace pa::cli
