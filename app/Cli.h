#pragma once
// The planatlas command line: argument parsing shared by the subcommands, exit codes.
// Subcommands only parse arguments and call the domain (layers/); they hold no GIS logic.

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Progress.h"

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pa::render {
struct QgisWritten;
}

namespace pa::cli {

/// Exit codes, documented in `planatlas --help` and README.md.
enum ExitCode : int
{
    kOk = 0,
    kProblemsFound = 1,  ///< validate found errors
    kUsage = 2,          ///< bad command line
    kInputError = 3,     ///< a source file cannot be used, or an output cannot be written
    kWorkspaceError = 4, ///< the workspace cannot be created, opened or written
    kInternalError = 5,  ///< a bug or an unexpected library failure
    kConflict = 6,       ///< someone else changed the same thing meanwhile; nothing was written
    kCancelled = 130,    ///< interrupted (Ctrl-C); nothing was written
};

struct OptionSpec
{
    std::string_view name;    ///< "--kind"
    std::string_view metavar; ///< "KIND"; empty for a flag
    std::string_view help;
    bool repeatable = false;
};

struct Command
{
    std::string_view name;
    std::string_view synopsis; ///< "WS.gpkg FILE --kind KIND [options]"
    std::string_view summary;
    std::string_view details; ///< extra help text (examples, notes)
    std::vector<OptionSpec> options;
    int minPositional = 0;
    int maxPositional = 0;
};

class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct Arguments
{
    std::vector<std::string> positional;
    std::multimap<std::string, std::string, std::less<>> values;

    [[nodiscard]] bool has(std::string_view option) const { return values.contains(option); }
    [[nodiscard]] std::string value(std::string_view option, std::string fallback = {}) const;
    [[nodiscard]] std::vector<std::string> all(std::string_view option) const;
};

/// How the command line spells a declared parameter, and back: "distance_km" ↔ "--distance-km".
std::string optionFor(const std::string& parameter);
std::string parameterFor(std::string_view option);

/// Parses arguments after the subcommand name. "--opt value" and "--opt=value" are accepted.
/// Throws UsageError naming the unknown option or missing value.
Arguments parse(const Command& command, const std::vector<std::string>& args);
std::string helpText(const Command& command);

/// Subcommands. Each returns an exit code; errors propagate as exceptions to main().
int runInit(const std::vector<std::string>& args);
int runImport(const std::vector<std::string>& args);
int runIngest(const std::vector<std::string>& args);
int runLink(const std::vector<std::string>& args);
int runTask(const std::vector<std::string>& args);
int runCrosswalk(const std::vector<std::string>& args);
int runAnalyze(const std::vector<std::string>& args);
int runGeoref(const std::vector<std::string>& args);
int runGrid(const std::vector<std::string>& args);
int runMap(const std::vector<std::string>& args);
int runParcels(const std::vector<std::string>& args);
int runQgis(const std::vector<std::string>& args);
int runReport(const std::vector<std::string>& args);
int runInfo(const std::vector<std::string>& args);
int runValidate(const std::vector<std::string>& args);
int runCopy(const std::vector<std::string>& args);
int runAdmin(const std::vector<std::string>& args);

/// Progress on stderr (only on a terminal) and Ctrl-C cancellation for the life of the object:
/// the first Ctrl-C asks the running algorithm to stop and roll back, a second one ends the
/// program. Clears its progress line when destroyed.
class TerminalProgress
{
public:
    explicit TerminalProgress(bool show = true);
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;
    [[nodiscard]] const layers::Progress& progress() const { return m_progress; }

private:
    bool m_terminal;
    int m_lastPercent = -1;
    layers::Progress m_progress;
};

/// The value of @p option as a positive number ("5", "2,5"), or @p fallback when it is absent;
/// anything else is a usage error naming the option and its @p unit ("kilometres").
double positiveNumber(const Arguments& parsed, const std::string& option, double fallback,
                      const std::string& unit);

/// The value of --lang: "vi" (default) or "en"; anything else is a usage error.
std::string language(const Arguments& parsed);

/// The value of --format: "text" (default) or "json"; anything else is a usage error.
std::string textOrJson(const Arguments& parsed);

/// @p utf8 followed by spaces to @p columns characters (not bytes: "Điều 2.đ#1" lines up with
/// "Dieu 2.d#1"), for the columns of a listing; as it is when longer.
std::string padded(const std::string& utf8, std::size_t columns);

/// After a change to a workspace in a schema that rewrote its QGIS project (import, grid,
/// parcels, georef): a warning on stderr when the project QGIS opens from the schema could not
/// be written, or the layers' default styles in the database's public.layer_styles were
/// refused (a database without that table is left to 'planatlas qgis' to say), saying that
/// @p done ("the layer is imported") stands. In planatlas-full only (CmdQgis.cpp).
void warnSchemaProject(const render::QgisWritten& written, const char* done);

/// Each notice on stderr as "warning: …", in English with its command-line remedy.
void printWarnings(const std::vector<layers::Notice>& notices);

/// Whether --help was asked for; prints the help when it was.
bool handleHelp(const Command& command, const std::vector<std::string>& args);

} // namespace pa::cli
