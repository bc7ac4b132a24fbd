#pragma once
// A regular analysis grid over the province, for coverage when no official units are at hand.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <string>

namespace pa::analysis {

enum class GridShape
{
    Square,
    Hex
};

struct GridOptions
{
    double cellKm = 2.0; ///< square side, or hexagon width between opposite edges
    GridShape shape = GridShape::Hex;
    std::string layerName;     ///< default "grid_<size>km_<shape>"
    std::string provinceLayer; ///< default: the admin_province layer still valid
};

/// Makes the grid (cells clipped to the province, coded "<layer>:G-<row>-<column>") and stores it
/// as an analysis_grid layer in one transaction. Returns the number of cells.
std::int64_t makeGrid(layers::Workspace& workspace, const GridOptions& options,
                      const layers::Progress& progress = {});

} // namespace pa::analysis
