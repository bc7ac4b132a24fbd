#pragma once
// The limits past which PlanAtlas refuses an input up front rather than grind through it for
// minutes or gigabytes: one table, each with its default, its unit and the environment
// variable that raises it (PLANATLAS_LIMIT_<NAME>), so a planner with a real need is one
// setting away and a hostile file is one clear message away.

#include "planatlas/layers/Sentence.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace pa::layers {

enum class Limit
{
    PlanTextBytes,   ///< text of one plan document (after extraction), bytes
    GridCells,       ///< cells of an analysis grid
    MapPixels,       ///< pixels of one raster map
    RepairCrossings, ///< points where a polygon's rings cross, for geometry repair
    /// how many times its own size a zip archive (.kmz, zipped shapefile) may expand to, when
    /// it expands past 64 MB: a zip bomb's one small member that inflates to gigabytes
    ArchiveExpansion,
};

/// The limit in force: PLANATLAS_LIMIT_<NAME> when set to a positive number, else the default.
[[nodiscard]] std::int64_t limitValue(Limit limit);
/// "PLANATLAS_LIMIT_GRID_CELLS".
[[nodiscard]] std::string limitVariable(Limit limit);
/// A sentence for an error: "more than the limit of 1000000 cells (raise it with the
/// environment variable PLANATLAS_LIMIT_GRID_CELLS)".
[[nodiscard]] Sentence limitExceeded(Limit limit);

} // namespace pa::layers
