#pragma once
// Overlaps: where do incompatible uses collide? Each overlap polygon between features of two
// kinds (by default industrial kinds against agricultural zones and forest, and every kind
// against itself), with its area and, on each side, the feature, its tasks and lead agencies.

#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Notes.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pa::analysis {

struct OverlapSide
{
    std::string layer, kind, code, name;
    std::vector<std::string> tasks;
    std::vector<std::string> leadAgencies;
};

struct OverlapRow
{
    OverlapSide a, b;
    double areaHa = 0;
    gis::Geometry geometry; ///< the overlap, in the workspace CRS
};

struct OverlapsResult
{
    std::vector<std::pair<std::string, std::string>> pairs; ///< kind pairs examined
    std::vector<OverlapRow> rows;                           ///< by kind pair, then codes
    std::int64_t belowThreshold = 0;                        ///< overlaps dropped as slivers
    InputNotes notes;
};

/// The default kind pairs ("industrial_park:agri_zone", …, "agri_zone:agri_zone", …).
std::vector<std::pair<std::string, std::string>> defaultOverlapPairs();

/// Parses "industrial_park:agri_zone,forest:forest"; throws layers::Error(Usage) naming a bad
/// pair or an unknown kind.
std::vector<std::pair<std::string, std::string>> parseOverlapPairs(const std::string& text);

OverlapsResult overlaps(layers::Workspace& workspace,
                        const std::vector<std::pair<std::string, std::string>>& pairs,
                        double minHa = 0.0, const layers::Progress& progress = {});

} // namespace pa::analysis
