// planatlas: the command-line front end. Parses the subcommand and maps errors to exit codes;
// everything else happens in layers/ and gis/.

#include "Cli.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

void printUsage()
{
    std::fputs(
        "usage: planatlas COMMAND [options]\n\n"
        "PlanAtlas — spatial analysis of Vietnamese provincial development programmes.\n\n"
        "commands:\n"
        "  init       create a workspace (GeoPackage) for a province\n"
        "  import     import a GIS file as a layer of a given kind\n"
        "  ingest     read a plan document into tasks, agencies, targets and places\n"
        "  link       suggest, review and edit feature–task links\n"
        "  crosswalk  load old → new administrative-unit relations\n"
        "  analyze    run an analysis (coverage, footprint, overlaps, corridor, access, zonal, targets)\n"
        "  grid       make a regular analysis grid over the province\n"
        "  info       describe a workspace\n"
        "  validate   check a workspace and list its problems\n\n"
        "'planatlas COMMAND --help' describes each command.\n"
        "  --version  print the version and the GDAL, GEOS and PROJ versions\n\n"
        "exit codes: 0 ok, 1 problems found (validate), 2 usage, 3 input file error,\n"
        "            4 workspace error, 5 internal error, 130 cancelled\n",
        stdout);
}

int exitCodeFor(pa::layers::ErrorKind kind)
{
    switch (kind) {
    case pa::layers::ErrorKind::Usage: return pa::cli::kUsage;
    case pa::layers::ErrorKind::Input: return pa::cli::kInputError;
    case pa::layers::ErrorKind::Workspace: return pa::cli::kWorkspaceError;
    case pa::layers::ErrorKind::Cancelled: return pa::cli::kCancelled;
    }
    return pa::cli::kInternalError;
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
    args.erase(args.begin());
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
        std::fprintf(stderr, "GDAL warning: %.*s\n", static_cast<int>(message.size()), message.data());
    });
    try {
        if (command == "init")
            return pa::cli::runInit(args);
        if (command == "import")
            return pa::cli::runImport(args);
        if (command == "ingest")
            return pa::cli::runIngest(args);
        if (command == "grid")
            return pa::cli::runGrid(args);
        if (command == "analyze")
            return pa::cli::runAnalyze(args);
        if (command == "crosswalk")
            return pa::cli::runCrosswalk(args);
        if (command == "link")
            return pa::cli::runLink(args);
        if (command == "info")
            return pa::cli::runInfo(args);
        if (command == "validate")
            return pa::cli::runValidate(args);
        std::fprintf(stderr, "planatlas: unknown command '%s' (see 'planatlas --help')\n", command.c_str());
        return pa::cli::kUsage;
    } catch (const pa::cli::UsageError& e) {
        std::fprintf(stderr, "planatlas %s: %s\n", command.c_str(), e.what());
        return pa::cli::kUsage;
    } catch (const pa::layers::Error& e) {
        std::fprintf(stderr, "planatlas %s: error: %s\n", command.c_str(), e.what());
        return exitCodeFor(e.kind());
    } catch (const pa::gis::GisError& e) {
        std::fprintf(stderr, "planatlas %s: GIS library error: %s\n", command.c_str(), e.what());
        return pa::cli::kInternalError;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "planatlas %s: internal error: %s\n", command.c_str(), e.what());
        return pa::cli::kInternalError;
    }
}
