#pragma once
// Coverage: where does the programme act? For every unit of a polygon layer and every
// programme kind in the workspace: features, area and share of the unit, length, linked tasks,
// lead agencies, and a gap flag where the unit has none of the kind. Metric, in the
// workspace's projected CRS.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
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
    InputNotes notes;
};

/// Runs the analysis. Throws layers::Error(Usage) when @p unitsLayer is not a polygon layer
/// of the workspace, Error(Cancelled) when @p progress is cancelled.
CoverageResult coverage(layers::Workspace& workspace, const std::string& unitsLayer,
                        const layers::Progress& progress = {});

} // namespace pa::analysis
