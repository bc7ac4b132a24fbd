// planatlas: the command-line front end. Parses the subcommand and maps errors to exit codes;
// everything else happens in layers/ and gis/.

#include "Cli.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Plan.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

namespace {

struct Subcommand
{
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>&);
};

// One table for dispatch and for the usage text.
constexpr Subcommand kSubcommands[] = {
    {"init", "create a workspace (GeoPackage) for a province", pa::cli::runInit},
    {"import", "import a GIS file as a layer of a given kind", pa::cli::runImport},
    {"ingest", "read a plan document into tasks, agencies, targets and places", pa::cli::runIngest},
    {"link", "suggest, review and edit feature–task links", pa::cli::runLink},
    {"task", "correct what the plan reader produced (lead, deadline, split, merge, not a task)",
     pa::cli::runTask},
    {"crosswalk", "load old → new administrative-unit relations", pa::cli::runCrosswalk},
    {"analyze", "run an analysis (coverage, footprint, overlaps, corridor, access, zonal, targets)",
     pa::cli::runAnalyze},
    {"georef", "place a scanned or PDF map sheet on the map by control points", pa::cli::runGeoref},
    {"grid", "make a regular analysis grid over the province", pa::cli::runGrid},
    {"parcels", "generate a synthetic parcel layer (benchmarks, demonstrations)",
     pa::cli::runParcels},
    {"map", "draw a map (PNG, SVG, PDF) of the programme or an analysis", pa::cli::runMap},
    {"report", "write the coverage report (self-contained HTML and CSV tables)",
     pa::cli::runReport},
    {"qgis", "write the layers' QGIS styles and a QGIS project into the workspace",
     pa::cli::runQgis},
    {"info", "describe a workspace", pa::cli::runInfo},
    {"validate", "check a workspace and list its problems", pa::cli::runValidate},
    {"copy", "copy a workspace between a GeoPackage and a PostGIS schema", pa::cli::runCopy},
    {"admin", "give database roles the right to read or change a workspace in PostGIS",
     pa::cli::runAdmin},
};

void printUsage()
{
    std::fputs("usage: planatlas COMMAND [options]\n\n"
               "PlanAtlas — spatial analysis of Vietnamese provincial development programmes.\n\n"
               "commands:\n",
               stdout);
    for (const auto& c : kSubcommands)
        std::printf("  %-10s %s\n", c.name, c.summary);
    std::fputs("\n'planatlas COMMAND --help' describes each command.\n"
               "  --version  print the version and the GDAL, GEOS and PROJ versions\n"
               "  --trust    (with any command) write to a workspace that carries triggers\n"
               "             neither PlanAtlas nor GDAL made\n\n"
               "exit codes: 0 ok, 1 problems found (validate), 2 usage, 3 input or output file\n"
               "            error, 4 workspace error, 5 internal error, 6 changed by\n"
               "            someone else meanwhile (nothing written), 130 cancelled\n",
               stdout);
}

int exitCodeFor(pa::layers::ErrorKind kind)
{
    switch (kind) {
    case pa::layers::ErrorKind::Usage:
        return pa::cli::kUsage;
    case pa::layers::ErrorKind::Input:
        return pa::cli::kInputError;
    case pa::layers::ErrorKind::Workspace:
        return pa::cli::kWorkspaceError;
    case pa::layers::ErrorKind::Cancelled:
        return pa::cli::kCancelled;
    case pa::layers::ErrorKind::Conflict:
        return pa::cli::kConflict;
    }
    return pa::cli::kInternalError;
}

/// What a command printed must reach its destination to the last byte: a full disk or a
/// closed pipe behind standard output is an error, not a silent exit 0.
int finishStandardOutput(const std::string& command, int code)
{
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return code;
    const int error = errno;
    std::fprintf(stderr, "planatlas %s: error: standard output: cannot be written (%s)\n",
                 command.c_str(), error ? std::strerror(error) : "write error");
    return pa::cli::kInputError;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printUsage();
        return pa::cli::kUsage;
    }
    const std::string command = args.front();
    // Only ingest reads documents that may need OCR, and only it restarts with Tesseract's
    // threads limited: the restart loads the program's hundred and fifty libraries a second
    // time (about 70 ms), which every other command — an analysis of 0.2 s — would pay too.
    if (command == "ingest")
        pa::plan::limitOcrThreads(argv);
    args.erase(args.begin());
    // --trust, with any command that writes: open a workspace that carries triggers someone
    // else made (validate lists them).
    if (const auto trust = std::find(args.begin(), args.end(), "--trust"); trust != args.end()) {
        pa::layers::setTrustForeignTriggers(true);
        args.erase(trust);
    }
    if (command == "--help" || command == "-h" || command == "help") {
        printUsage();
        return pa::cli::kOk;
    }
    if (command == "--version") {
        std::printf("planatlas %s (%s)\n", PLANATLAS_VERSION, pa::gis::libraryVersions().c_str());
        return pa::cli::kOk;
    }
    // GDAL warnings that no caller turned into an error still reach the user.
    pa::gis::setWarningHandler([](std::string_view message) {
        std::fprintf(stderr, "GDAL warning: %.*s\n", static_cast<int>(message.size()),
                     message.data());
    });
    try {
        for (const auto& c : kSubcommands)
            if (command == c.name)
                return finishStandardOutput(command, c.run(args));
        std::fprintf(stderr, "planatlas: unknown command '%s' (see 'planatlas --help')\n",
                     command.c_str());
        return pa::cli::kUsage;
    } catch (const pa::cli::UsageError& e) {
        std::fprintf(stderr, "planatlas %s: %s\n", command.c_str(), e.what());
        return pa::cli::kUsage;
    } catch (const pa::layers::ParameterError& e) {
        // Named as the command line spells it: "distance_km" → "--distance-km".
        std::fprintf(stderr, "planatlas %s: error: %s: %s\n", command.c_str(),
                     pa::cli::optionFor(e.parameter()).c_str(), e.problem().c_str());
        return pa::cli::kUsage;
    } catch (const pa::layers::Error& e) {
        std::fprintf(stderr, "planatlas %s: error: %s\n", command.c_str(), e.what());
        return exitCodeFor(e.kind());
    } catch (const pa::gis::FeatureReadError& e) {
        std::fprintf(stderr,
                     "planatlas %s: error: the workspace is damaged: %s; 'planatlas validate' "
                     "lists every damaged feature\n",
                     command.c_str(), e.what());
        return pa::cli::kWorkspaceError;
    } catch (const pa::gis::GisError& e) {
        std::fprintf(stderr, "planatlas %s: GIS library error: %s\n", command.c_str(), e.what());
        return pa::cli::kInternalError;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "planatlas %s: internal error: %s\n", command.c_str(), e.what());
        return pa::cli::kInternalError;
    }
}
