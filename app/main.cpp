// planatlas: the command-line front end. Parses the subcommand and maps errors to exit codes;
// everything else happens in layers/ and gis/.

#include "Cli.h"
#include "Commands.h"
#include "Programs.h"
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
    /// Null in planatlas-core for a command planatlas-full holds (Commands.h).
    int (*run)(const std::vector<std::string>&);
    bool ocr; ///< may run Tesseract (Commands.h)
};

#ifdef PLANATLAS_FULL
#define PLANATLAS_RUN_Full(function) pa::cli::function
#else
#define PLANATLAS_RUN_Full(function) nullptr
#endif
#define PLANATLAS_RUN_Core(function) pa::cli::function

// One table for dispatch and for the usage text.
constexpr Subcommand kSubcommands[] = {
#define PLANATLAS_SUBCOMMAND(name, summary, function, program, ocr)                                \
    {#name, summary, PLANATLAS_RUN_##program(function), ocr},
    PLANATLAS_COMMANDS(PLANATLAS_SUBCOMMAND)
#undef PLANATLAS_SUBCOMMAND
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
#ifdef PLANATLAS_FULL
    // A command that may run Tesseract restarts with its threads limited, unless the launcher
    // or planatlas-core set the limit already (they do; this is for planatlas-full started by
    // hand). No other command restarts: loading the libraries again costs about 70 ms.
    for (const auto& c : kSubcommands)
        if (c.ocr && command == c.name)
            pa::plan::limitOcrThreads(argv);
#endif
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
                return c.run ? finishStandardOutput(command, c.run(args))
                             : pa::cli::startProgram(pa::cli::Program::Full, c.ocr, argv);
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
