#pragma once
// The coverage report: one self-contained index.html (maps and charts embedded, no network
// references) for a Department director, in Vietnamese or English, with every table also
// written as CSV beside it — the same CSV `planatlas analyze` writes.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"

#include <string>
#include <vector>

namespace pa::render {

struct ReportOptions
{
    std::string lang = "vi";
    std::string date; ///< shown in the report (ISO); empty: today
    double corridorKm = 5;
    int mapWidthPx = 1500; ///< embedded maps (A4 landscape proportions)
};

struct ReportResult
{
    std::string indexPath;
    std::vector<std::string> files; ///< everything written, index.html first
    std::string unitsLayer;         ///< the units the coverage table is by
    std::int64_t maps = 0, tables = 0, charts = 0;
};

/// Writes the report into @p directory (created if missing; files of an earlier report are
/// replaced). Everything is built in a sibling folder and moved in at the end, so a failure
/// leaves nothing half-written. Throws layers::Error.
ReportResult writeReport(layers::Workspace& workspace, const std::string& directory,
                         const ReportOptions& options, const layers::Progress& progress = {});

/// The administrative units of the programme's period (the districts valid on the latest plan
/// document's date), which reports and coverage maps use by default; empty when there are none.
std::string periodUnitsLayer(layers::Workspace& workspace);

} // namespace pa::render
