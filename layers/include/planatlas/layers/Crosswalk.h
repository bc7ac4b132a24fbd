#pragma once
// The old → new administrative-unit crosswalk (e.g. the 1 July 2025 reform): loaded from a
// CSV whose codes refer to the workspace's administrative units.

#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <string>

namespace pa::layers {

struct CrosswalkResult
{
    std::int64_t rows = 0; ///< rows written
    /// Rows of the file the workspace holds already (a file loaded twice, or by two planners):
    /// not written again.
    std::int64_t alreadyThere = 0;
    /// Rows the file states twice: written once.
    std::int64_t repeated = 0;
    /// Units whose valid_to was brought forward to the day before they were merged, split or
    /// abolished (a unit cannot outlive its own ending).
    std::int64_t unitsEnded = 0;
};

/// Loads crosswalk rows from a CSV with the columns old_code, old_level, relation,
/// effective_date and optionally new_code, new_level, area_share, legal_basis, in one
/// transaction. Every code must be an administrative unit of the workspace. A unit merged,
/// split or abolished on a date ends the day before: its valid_to (in admin_units and on the
/// feature) is set to that day when it was later or open. Throws Error(Input) naming the file,
/// line and problem; the workspace is then unchanged.
CrosswalkResult loadCrosswalk(Workspace& workspace, const std::string& csvPath);

} // namespace pa::layers
