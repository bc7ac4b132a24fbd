#include "Cli.h"

#include "planatlas/layers/Text.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <sstream>
#include <unistd.h>

namespace pa::cli {

std::string Arguments::value(std::string_view option, std::string fallback) const
{
    auto it = values.find(option);
    return it == values.end() ? fallback : it->second;
}

std::vector<std::string> Arguments::all(std::string_view option) const
{
    std::vector<std::string> result;
    auto [first, last] = values.equal_range(option);
    for (auto it = first; it != last; ++it)
        result.push_back(it->second);
    return result;
}

std::string optionFor(const std::string& parameter)
{
    std::string out = "--" + parameter;
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

std::string parameterFor(std::string_view option)
{
    std::string out(option.substr(option.rfind("--", 0) == 0 ? 2 : 0));
    std::replace(out.begin(), out.end(), '-', '_');
    return out;
}

Arguments parse(const Command& command, const std::vector<std::string>& args)
{
    Arguments parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if ((arg.size() > 2 && arg.rfind("--", 0) == 0) ||
            (arg.size() == 2 && arg[0] == '-' && arg[1] != '-')) {
            std::string name = arg;
            std::string inlineValue;
            bool hasInline = false;
            if (auto eq = arg.find('='); eq != std::string::npos) {
                name = arg.substr(0, eq);
                inlineValue = arg.substr(eq + 1);
                hasInline = true;
            }
            const OptionSpec* spec = nullptr;
            for (const auto& candidate : command.options)
                if (candidate.name == name)
                    spec = &candidate;
            if (!spec)
                throw UsageError("unknown option '" + name + "' (see 'planatlas " +
                                 std::string(command.name) + " --help')");
            if (spec->metavar.empty()) {
                if (hasInline)
                    throw UsageError("option " + name + " takes no value");
                parsed.values.emplace(name, "");
                continue;
            }
            if (!hasInline) {
                if (i + 1 >= args.size())
                    throw UsageError("option " + name + " needs a value (" +
                                     std::string(spec->metavar) + ")");
                inlineValue = args[++i];
            }
            if (!spec->repeatable && parsed.values.contains(name))
                throw UsageError("option " + name + " given twice");
            parsed.values.emplace(name, inlineValue);
        } else {
            parsed.positional.push_back(arg);
        }
    }
    const int n = static_cast<int>(parsed.positional.size());
    if (n < command.minPositional || n > command.maxPositional)
        throw UsageError("usage: planatlas " + std::string(command.name) + " " +
                         std::string(command.synopsis) + " (see --help)");
    return parsed;
}

std::string helpText(const Command& command)
{
    std::ostringstream out;
    out << "usage: planatlas " << command.name << ' ' << command.synopsis << "\n\n"
        << command.summary << "\n";
    if (!command.options.empty()) {
        out << "\noptions:\n";
        for (const auto& option : command.options) {
            std::string left = "  " + std::string(option.name);
            if (!option.metavar.empty())
                left += " " + std::string(option.metavar);
            out << left;
            // Pad by characters, not bytes ("K:K,…" has a three-byte ellipsis).
            const auto width =
                static_cast<std::size_t>(std::count_if(left.begin(), left.end(), [](char c) {
                    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                }));
            if (width < 28)
                out << std::string(28 - width, ' ');
            else
                out << "\n" << std::string(28, ' ');
            // Continuation lines of a help text line up under its first.
            std::string help(option.help);
            for (auto at = help.find('\n'); at != std::string::npos; at = help.find('\n', at + 1))
                help.insert(at + 1, std::string(28, ' '));
            out << help << (option.repeatable ? " (repeatable)" : "") << '\n';
        }
    }
    if (!command.details.empty())
        out << '\n' << command.details << '\n';
    out << "\nexit codes: 0 ok, 1 problems found (validate), 2 usage, 3 input file error,\n"
           "            4 workspace error, 5 internal error, 130 cancelled\n";
    return out.str();
}

namespace {
std::atomic<bool> g_cancel{false};
extern "C" void onInterrupt(int)
{
    // First Ctrl-C: cancel at the next check and roll back. A second one, while GDAL or GEOS
    // is busy in a long call, ends the program (an open transaction is then never committed).
    g_cancel.store(true);
    std::signal(SIGINT, SIG_DFL);
}
} // namespace

TerminalProgress::TerminalProgress(bool show)
    : m_terminal(show && ::isatty(STDERR_FILENO)),
      m_progress(
          [this](double fraction, std::string_view stage) {
              const int percent = static_cast<int>(fraction * 100.0);
              if (!m_terminal || percent == m_lastPercent)
                  return;
              m_lastPercent = percent;
              std::fprintf(stderr, "\r%.*s %3d%%", static_cast<int>(stage.size()), stage.data(),
                           percent);
              std::fflush(stderr);
          },
          &g_cancel)
{
    g_cancel.store(false);
    std::signal(SIGINT, onInterrupt);
}

TerminalProgress::~TerminalProgress()
{
    std::signal(SIGINT, SIG_DFL);
    if (m_terminal && m_lastPercent >= 0)
        std::fputs("\r\033[K", stderr);
}

double positiveNumber(const Arguments& parsed, const std::string& option, double fallback,
                      const std::string& unit)
{
    if (!parsed.has(option))
        return fallback;
    const auto v = text::parseNumber(parsed.value(option));
    if (!v || *v <= 0)
        throw UsageError(option + " takes a positive number of " + unit + ", not '" +
                         parsed.value(option) + "'");
    return *v;
}

std::string language(const Arguments& parsed)
{
    std::string lang = parsed.value("--lang", "vi");
    if (lang != "vi" && lang != "en")
        throw UsageError("--lang must be vi or en");
    return lang;
}

std::string textOrJson(const Arguments& parsed)
{
    std::string format = parsed.value("--format", "text");
    if (format != "text" && format != "json")
        throw UsageError("--format must be text or json, not '" + format + "'");
    return format;
}

std::string padded(const std::string& utf8, std::size_t columns)
{
    // Characters counted as the bytes that begin one (not 10xxxxxx continuations).
    const auto characters =
        static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    return characters >= columns ? utf8 : utf8 + std::string(columns - characters, ' ');
}

void printWarnings(const std::vector<layers::Notice>& notices)
{
    for (const auto& notice : notices)
        std::fprintf(stderr, "warning: %s\n", notice.english().c_str());
}

bool handleHelp(const Command& command, const std::vector<std::string>& args)
{
    for (const auto& arg : args)
        if (arg == "--help" || arg == "-h") {
            std::fputs(helpText(command).c_str(), stdout);
            return true;
        }
    return false;
}

} // namespace pa::cli
