#pragma once
// What is here? The features at a point of the map, with their attributes and the plan tasks
// linked to them (document, section, text, lead and supporting agencies): what the desktop
// application shows when a planner clicks the map.

#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pa::layers {

struct TaskSummary
{
    std::string taskId, docId, section, text;
    std::vector<std::string> lead, support; ///< agency names (Vietnamese), sorted
    std::string deadline;     ///< normalised ("2025", "annual", "ongoing"…); empty: none
    std::string deadlineText; ///< as the document words it ("hằng năm")
};

struct IdentifiedFeature
{
    std::string layer, kind, layerTitleVi, layerTitleEn;
    std::int64_t fid = 0;
    std::string code, name;
    std::vector<std::pair<std::string, std::string>>
        attributes;                 ///< field name → value, in field order
    std::vector<TaskSummary> tasks; ///< linked tasks, by task id
    double distanceM = 0;           ///< 0 inside a polygon
    gis::Envelope envelope;
    gis::Shapes shapes;          ///< for drawing it selected
    std::string geometryQuality; ///< "indicative", "digitized", "surveyed" or empty
};

/// The features of @p layerNames (every layer with geometry when empty) within @p toleranceM
/// metres of (@p x, @p y) in the workspace CRS: polygons that contain the point, lines and
/// points within the tolerance. Nearest first; at the same distance, programme features before
/// the context they stand on (units, basemap, price zones, grids), and points and lines before
/// polygons, the smaller polygon before the larger (the one a click meant).
std::vector<IdentifiedFeature> identify(Workspace& workspace, double x, double y, double toleranceM,
                                        const std::vector<std::string>& layerNames = {});

/// The feature of any layer with this code (codes are unique in a workspace), as identify
/// describes it; nullopt when there is none.
std::optional<IdentifiedFeature> featureByCode(Workspace& workspace, const std::string& code);

/// The tasks linked to one feature (by layer and fid).
std::vector<TaskSummary> tasksOfFeature(Workspace& workspace, const std::string& layer,
                                        std::int64_t fid);

} // namespace pa::layers
