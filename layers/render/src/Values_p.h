#pragma once
// Values read from a workspace's tables for a layer's classes: by the map (Map.cpp) and by the
// styles QGIS draws the layer with (Qgis.cpp), so that both class the same values.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/analysis/Input.h"

#include <string>
#include <vector>

namespace pa::render {

/// Every value of the real column @p field in @p input's table (NULLs, NaN and infinities left
/// out: PostgreSQL has them), sorted: read
/// on the threads straight from the table (an OGR feature per parcel took a map of a million
/// parcels a quarter of its time).
std::vector<double> tableNumbers(analysis::InputLayer& input, const std::string& field,
                                 const layers::Progress& progress);

} // namespace pa::render
