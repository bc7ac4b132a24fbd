#pragma once
// The workspace as QGIS opens it: every layer's default style (QML and SLD in the GeoPackage's
// layer_styles table, as QGIS writes them) and a QGIS project inside the GeoPackage
// (qgis_projects, QGIS's GeoPackage project storage) with the layer tree grouped as a planner
// thinks, the feature → link table → task and task → agency relations, map themes and print
// layouts. Both are made from the layer kinds' one description of how they are drawn
// (layers::Symbology), the same one PlanAtlas's maps are drawn from.

#include "planatlas/layers/Workspace.h"

#include <string>

namespace pa::render {

/// The name of the project PlanAtlas keeps in the workspace ("geopackage:WS.gpkg?projectName=…").
inline constexpr const char* kQgisProjectName = "planatlas";

/// A layer's default style for QGIS: a QML document (rule-based symbols by status, outline
/// quality and class; labels; field aliases) and its SLD 1.1 equivalent.
std::string qmlStyle(const layers::RegisteredLayer& layer, const std::string& lang);
std::string sldStyle(const layers::RegisteredLayer& layer, const std::string& lang);

/// The QGIS project (.qgs XML) of the workspace, its layers read from the GeoPackage beside it.
std::string qgisProject(layers::Workspace& workspace, const std::string& lang);

struct QgisWritten
{
    int styles = 0;      ///< layers given a default style
    int relations = 0;   ///< relations defined in the project
    int themes = 0;      ///< map themes
    int layouts = 0;     ///< print layouts
    std::string project; ///< the project's URI for QGIS
};

/// Writes (or rewrites) every layer's default style and the project into the workspace, in
/// one transaction (or as part of the caller's: an import and its styles are one change): on
/// failure the workspace is as it was. Styles a person saved under other names are kept.
/// @p lang "vi" or "en" is remembered in the workspace; empty: the language chosen last (else
/// Vietnamese), so that an import keeps the words a planner chose. Throws layers::Error.
QgisWritten writeQgis(layers::Workspace& workspace, const std::string& lang = {});

} // namespace pa::render
