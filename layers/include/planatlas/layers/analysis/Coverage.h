#pragma once
// Coverage: where does the programme act? For every unit of a polygon layer and every
// programme kind in the workspace: features, area and share of the unit, length, linked tasks,
// lead agencies, and a gap flag where the unit has none of the kind. Metric, in the
// workspace's projected CRS. In a workspace kept in PostgreSQL the programme layers can be
// measured by the database server instead (analysis/Engine.h), with the same numbers.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Engine.h"
#include "planatlas/layers/analysis/Notes.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pa::analysis {

struct CoverageRow
{
    std::string unitCode;
    std::string unitName;
    std::string kind;
    std::int64_t features = 0;             ///< features of the kind that reach into the unit
    double areaHa = 0;                     ///< polygons: area of their union inside the unit
    double sharePct = 0;                   ///< areaHa as a percentage of the unit's area
    double lengthKm = 0;                   ///< lines: length inside the unit
    std::int64_t linkedTasks = 0;          ///< distinct tasks linked to those features
    std::vector<std::string> leadAgencies; ///< distinct lead agencies of those tasks, sorted
    bool gap = false;                      ///< no feature of the kind in the unit
};

struct CoverageResult
{
    std::string unitsLayer;
    std::string crs;                             ///< "EPSG:9213"
    std::vector<std::string> kinds;              ///< programme kinds analysed, registry order
    std::vector<CoverageRow> rows;               ///< by unit code, then kind
    std::map<std::string, std::int64_t> outside; ///< kind → features that reach into no unit
    std::map<std::string, double> unitAreaHa;    ///< unit code → its area (ha)
    EngineChoice engine; ///< where the programme layers were measured, and why
    InputNotes notes;
};

/// Runs the analysis. Throws layers::Error(Usage) when @p unitsLayer is not a polygon layer
/// of the workspace, Error(Cancelled) when @p progress is cancelled,
/// layers::ParameterError("engine") when @p engine is Database and a programme layer cannot be
/// measured there. Auto keeps the work in PlanAtlas: every programme feature is measured.
CoverageResult coverage(layers::Workspace& workspace, const std::string& unitsLayer,
                        const layers::Progress& progress = {}, Engine engine = Engine::Auto);

} // namespace pa::analysis
