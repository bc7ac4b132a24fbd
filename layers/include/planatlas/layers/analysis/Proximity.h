#pragma once
// Proximity analyses. Corridor: what lies within a distance of the expressways, each feature's
// distance to the nearest one, and the share of industrial area inside. Access: each park's or
// zone's distance to the nearest expressway or urban centre (of a tier).

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Engine.h"
#include "planatlas/layers/analysis/Notes.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pa::analysis {

struct DistanceRow
{
    std::string layer, kind, code, name;
    std::string nearestCode, nearestName; ///< the nearest target feature
    double distanceKm = 0;
    bool within = false; ///< corridor: within the distance
    /// corridor, areas only: the feature's area and the part of it within the distance
    std::optional<double> areaHa, withinHa;
};

struct CorridorResult
{
    double distanceKm = 0;
    std::vector<std::string> statuses; ///< expressway statuses used (empty: all)
    std::int64_t expressways = 0;      ///< expressway features used
    std::vector<DistanceRow> rows;     ///< every programme feature, by kind then code
    std::map<std::string, std::int64_t> withinByKind;
    double industrialAreaHa = 0;   ///< all industrial polygons (union)
    double industrialInsideHa = 0; ///< of which inside the corridor
    InputNotes notes;              ///< layers reprojected or repaired on the way in
};

/// Throws layers::Error(Usage) when the workspace has no expressway with the statuses.
CorridorResult corridor(layers::Workspace& workspace, double distanceKm,
                        const std::vector<std::string>& statuses = {},
                        const layers::Progress& progress = {});

/// How much of a (large) layer lies along the expressways: parcels within 2 km, say.
struct LayerCorridorResult
{
    std::string layer;
    double distanceKm = 0;
    std::int64_t features = 0, within = 0;
    /// Features read and measured: those whose envelope comes within reach of the corridor (the
    /// others lie beyond it whatever their shape, and are neither read nor checked for
    /// validity); all of them when the layer has no R-tree or is stored in another CRS.
    std::int64_t read = 0;
    double withinAreaHa = 0; ///< polygons: the area of those within
    InputNotes notes;
    EngineChoice engine; ///< where the layer was measured, and why
};

/// Features of @p layer within @p distanceKm of an expressway (exact distance, as ST_DWithin):
/// the expressways prepared once, the layer read through its R-tree where the corridor reaches.
LayerCorridorResult corridorOfLayer(layers::Workspace& workspace, const std::string& layer,
                                    double distanceKm,
                                    const std::vector<std::string>& statuses = {},
                                    const layers::Progress& progress = {},
                                    Engine engine = Engine::Auto);

/// @p target: "expressway", "urban_centre" or "urban_centre:TIER" (provincial, subregional,
/// district, commune_cluster). Rows for industrial kinds and agricultural zones.
struct AccessResult
{
    std::vector<DistanceRow> rows; ///< by kind then code
    InputNotes notes;
};
AccessResult access(layers::Workspace& workspace, const std::string& target,
                    const layers::Progress& progress = {});

} // namespace pa::analysis
