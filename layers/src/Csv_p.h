#pragma once
// Small CSV tables PlanAtlas reads itself (crosswalks, link reviews), through GDAL's CSV driver
// with every column read as text.

#include "planatlas/gis/Dataset.h"

#include <string>

namespace pa::layers {

/// Opens @p path as a CSV table; throws Error(Input) naming the file when it is missing or
/// cannot be read. Rows are numbered from line 2 (line 1 is the header).
gis::Dataset openCsvTable(const std::string& path);

} // namespace pa::layers
