#include "Cli.h"
#include "planatlas/layers/Crosswalk.h"
#include "planatlas/layers/Workspace.h"

#include <cstdio>

namespace pa::cli {

namespace {
const Command kCrosswalk{
    "crosswalk",
    "WS.gpkg FILE.csv",
    "Load old → new administrative-unit relations (e.g. the 1 July 2025 reform).",
    "The CSV has the columns old_code, old_level, relation (merged_into, split_into, renamed,\n"
    "abolished, unchanged), effective_date, and optionally new_code, new_level, area_share\n"
    "(0..1) and legal_basis. Codes are those of the workspace's administrative units.",
    {},
    2,
    2};
} // namespace

int runCrosswalk(const std::vector<std::string>& args)
{
    if (handleHelp(kCrosswalk, args))
        return kOk;
    const auto parsed = parse(kCrosswalk, args);
    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                      layers::SchemaWrites::Allowed);
    const auto r = layers::loadCrosswalk(ws, parsed.positional[1]);
    ws.close();
    const std::string repeated =
        r.repeated > 0 ? "; " + std::to_string(r.repeated) + " repeated in the file" : "";
    if (r.rows == 0) {
        std::printf("Nothing loaded: the %lld row(s) of %s are already in %s%s\n",
                    static_cast<long long>(r.alreadyThere), parsed.positional[1].c_str(),
                    parsed.positional[0].c_str(), repeated.c_str());
        return kOk;
    }
    std::printf("Loaded %lld crosswalk row(s) into %s", static_cast<long long>(r.rows),
                parsed.positional[0].c_str());
    if (r.alreadyThere > 0 || r.repeated > 0)
        std::printf(" (%lld row(s) were there already%s)", static_cast<long long>(r.alreadyThere),
                    repeated.c_str());
    if (r.unitsEnded > 0)
        std::printf("; %lld unit(s) now end the day before they were merged, split or abolished",
                    static_cast<long long>(r.unitsEnded));
    std::printf("\n");
    return kOk;
}

} // namespace pa::cli
