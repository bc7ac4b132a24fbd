#pragma once
// Targets: are the plan's measurable targets met? Every plan target whose metric the map can
// measure (expressway length, number and area of industrial parks and clusters, forest cover)
// is measured inside the province and compared with the plan value.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Notes.h"

#include <optional>
#include <string>
#include <vector>

namespace pa::analysis {

struct TargetRow
{
    std::string targetId, docId, indicator, comparator, unit, metric;
    double value = 0;
    std::optional<double> valueMax;
    std::optional<int> year;
    std::optional<double> measured;
    std::string status; ///< "met", "not met", "no data", "not measurable"
    std::string note;
    std::string provinceLayer; ///< where it was measured
};

struct TargetsResult
{
    std::string provinceLayer;   ///< the province asked for, or the one still valid (see targets())
    std::vector<TargetRow> rows; ///< by document, then in the order the document states them
    InputNotes notes;            ///< what was reprojected or repaired to measure
};

/// @p provinceLayer: an admin_province layer to measure every target in. Empty measures each
/// target in the province as it was when its document was issued (issued_on, or else the
/// latest date its preamble cites), so that a 2023 target "in the province" is not measured
/// in the province merged in 2025; a document with no date falls back to the province still
/// valid (no valid_to). Throws layers::Error(Usage) when there is none.
TargetsResult targets(layers::Workspace& workspace, const std::string& provinceLayer = {},
                      const layers::Progress& progress = {});

/// Whether @p measured satisfies "comparator value [value_max]"; "approx" allows 10 % either way,
/// "=" 1 %.
bool targetMet(const std::string& comparator, double value, std::optional<double> valueMax,
               double measured);

} // namespace pa::analysis
