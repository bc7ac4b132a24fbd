#pragma once
// The CSV form of every analysis result: one definition, written by `planatlas analyze` and
// beside the report, so that the two are the same numbers byte for byte. Numbers with a dot
// decimal separator and fixed decimals (machine-readable); text fields quoted as RFC 4180.

#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/analysis/Footprint.h"
#include "planatlas/layers/analysis/Overlaps.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/analysis/Table.h"
#include "planatlas/layers/analysis/Targets.h"
#include "planatlas/layers/analysis/Zonal.h"

#include <string>
#include <vector>

namespace pa::analysis::csv {

std::string field(const std::string& text);     ///< quoted when it holds , " or newline
std::string number(double value, int decimals); ///< fixed decimals, no "-0.0000"
std::string join(const std::vector<std::string>& parts, const char* separator);

/// Any analysis table: a header of column names, then one line per row.
std::string write(const Table& table);
/// The same rows for a spreadsheet opened by double-click: a UTF-8 byte-order mark (without it
/// Excel reads Vietnamese as Windows-1252), the columns' words and coded values in @p lang, and
/// the separator and decimal symbol Excel expects in that language's region (vi: "1,25;…",
/// en: "1.25,…").
std::string writeForExcel(const Table& table, std::string_view lang);

} // namespace pa::analysis::csv
