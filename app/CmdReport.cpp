#include "Cli.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Report.h"

#include <cstdio>

namespace pa::cli {

namespace {
const Command kReport{
    "report",
    "WS.gpkg -o DIR [--lang vi|en] [--distance-km KM]",
    "Write the coverage report: DIR/index.html, self-contained (maps and charts embedded, no\n"
    "network references), and every table as CSV beside it.",
    "Sections: the programme at a glance, maps, coverage by unit, tasks without a place,\n"
    "overlaps with the agencies on each side, corridor and access, land price by park, the\n"
    "targets with measured values and status, data sources and quality notes. The CSV files\n"
    "are the ones 'planatlas analyze' writes for the same analyses.\n\n"
    "example: planatlas report ws.gpkg -o bao-cao/ && xdg-open bao-cao/index.html",
    {
        {"-o", "DIR", "output folder (required; created if missing)"},
        {"--lang", "LANG", "vi (default) or en"},
        {"--distance-km", "KM", "expressway corridor width (default 5)"},
        {"--quiet", "", "print nothing but errors"},
    },
    1,
    1};
} // namespace

int runReport(const std::vector<std::string>& args)
{
    if (handleHelp(kReport, args))
        return kOk;
    const auto parsed = parse(kReport, args);
    if (!parsed.has("-o"))
        throw UsageError("planatlas report needs -o DIR");
    render::ReportOptions o;
    o.lang = language(parsed);
    o.corridorKm = positiveNumber(parsed, "--distance-km", o.corridorKm, "kilometres");
    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
    const auto result = [&] {
        const TerminalProgress progress(!parsed.has("--quiet"));
        return render::writeReport(ws, parsed.value("-o"), o, progress.progress());
    }();
    if (!parsed.has("--quiet"))
        std::printf(
            "Wrote %s: %lld map(s), %lld table(s), %lld chart(s); %zu CSV file(s) beside it\n",
            result.indexPath.c_str(), static_cast<long long>(result.maps),
            static_cast<long long>(result.tables), static_cast<long long>(result.charts),
            result.files.size() - 1);
    return kOk;
}

} // namespace pa::cli
