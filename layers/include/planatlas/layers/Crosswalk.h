#pragma once
// The old → new administrative-unit crosswalk (e.g. the 1 July 2025 reform): loaded from a
// CSV whose codes refer to the workspace's administrative units.

#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <string>

namespace pa::layers {

/// Loads crosswalk rows from a CSV with the columns old_code, old_level, relation,
/// effective_date and optionally new_code, new_level, area_share, legal_basis, in one
/// transaction. Every code must be an administrative unit of the workspace. Throws
/// Error(Input) naming the file, line and problem; the workspace is then unchanged.
std::int64_t loadCrosswalk(Workspace& workspace, const std::string& csvPath);

} // namespace pa::layers
