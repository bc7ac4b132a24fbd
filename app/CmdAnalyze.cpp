// `planatlas analyze`: generated from the analyses' declarations (analysis/Algorithm.h). The
// options, --help and the JSON output come from the registry; nothing here names an analysis.
#include "Cli.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/PendingFile.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Algorithm.h"
#include "planatlas/layers/analysis/Csv.h"
#include "planatlas/layers/analysis/Table.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

namespace pa::cli {

namespace {

/// The analyze command, its options and help made from the registry once.
struct Generated
{
    std::deque<std::string> text; ///< owns what the Command's views show
    Command command;

    std::string_view keep(std::string s) { return text.emplace_back(std::move(s)); }
};

const Generated& generated()
{
    static const Generated g = [] {
        Generated out;
        std::ostringstream details;
        details << "analyses:\n";
        std::vector<std::string> names;                          // option order: first appearance
        std::map<std::string, const analysis::Parameter*> first; // its first declaration
        std::map<std::string, std::vector<std::string>> users;   // parameter → analyses taking it
        for (const auto& a : analysis::algorithms()) {
            std::string synopsis = "  " + a.name;
            for (const auto& p : a.parameters) {
                const std::string option =
                    optionFor(p.name) + (p.metavar.empty() ? "" : " " + p.metavar);
                synopsis += p.required ? " " + option : " [" + option + "]";
                if (!first.contains(p.name)) {
                    names.push_back(p.name);
                    first[p.name] = &p;
                }
                users[p.name].push_back(a.name);
            }
            details << synopsis << '\n';
            std::istringstream help(a.help);
            for (std::string line; std::getline(help, line);)
                details << "                           " << line << '\n';
        }
        details << "\nexample: planatlas analyze ws.gpkg coverage --units districts_pre2025 "
                   "--format csv -o coverage.csv";
        std::vector<OptionSpec> options;
        for (const auto& name : names) {
            const auto& p = *first.at(name);
            std::string help;
            for (const auto& u : users.at(name))
                help += (help.empty() ? "" : ", ") + u;
            help += ": " + p.help;
            if (!p.defaultValue.empty())
                help += " (default " + p.defaultValue + (p.unit.empty() ? "" : " " + p.unit) + ")";
            options.push_back({out.keep(optionFor(name)), out.keep(p.metavar), out.keep(help)});
        }
        options.push_back(
            {"--format", "FMT",
             "csv (default), json, gpkg (a GeoPackage layer with each row's unit,\n"
             "feature or overlap geometry, a layer per kind where a unit has a row per kind;\n"
             "needs -o) or xlsx (an Excel workbook: a sheet per\n"
             "table with typed cells, and a sheet of the parameters and figures; needs -o)"});
        options.push_back({"--excel", "",
                           "csv for Excel: a UTF-8 byte-order mark and the columns' words as the "
                           "header"});
        options.push_back(
            {"--lang", "LANG", "xlsx and --excel: vi (default) or en for sheet and column names"});
        options.push_back({"-o", "FILE", "write to FILE instead of standard output"});
        out.command = Command{
            "analyze",
            "WS.gpkg NAME [options] [--format csv|json|gpkg|xlsx] [--excel] [-o FILE]",
            "Run an analysis of the programme. Areas and lengths are computed in the workspace's\n"
            "projected CRS (hectares, kilometres).",
            out.keep(details.str()),
            std::move(options),
            2,
            2};
        return out;
    }();
    return g;
}

nlohmann::ordered_json toJson(const gis::FieldValue& v)
{
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return *i;
    if (const auto* s = std::get_if<std::string>(&v))
        return *s;
    return nullptr;
}

nlohmann::ordered_json toJson(const analysis::SummaryValue& v)
{
    return std::visit(
        [](const auto& x) -> nlohmann::ordered_json {
            if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::monostate>)
                return nullptr;
            else
                return x;
        },
        v);
}

nlohmann::ordered_json rows(const analysis::Table& table)
{
    auto out = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) {
        nlohmann::ordered_json o = nlohmann::ordered_json::object();
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            o[table.columns[c].name] = toJson(row[c]);
        out.push_back(std::move(o));
    }
    return out;
}

/// The one JSON form of every analysis: its name, the parameters used (defaults included),
/// the figures of the whole run, notes and messages, the answer's rows, then other tables.
std::string writeJson(const analysis::Algorithm& algorithm, const analysis::ParameterValues& values,
                      const analysis::Result& result, const std::vector<std::string>& notes)
{
    nlohmann::ordered_json j;
    j["analysis"] = algorithm.name;
    auto parameters = nlohmann::ordered_json::object();
    for (const auto& p : algorithm.parameters) {
        if (!values.has(p.name) && p.defaultValue.empty())
            continue;
        if (p.type == analysis::Parameter::Type::Flag)
            parameters[p.name] = true;
        else if (p.type == analysis::Parameter::Type::Number)
            parameters[p.name] =
                values.number(p.name, text::parseNumber(p.defaultValue).value_or(0));
        else if (p.type == analysis::Parameter::Type::List ||
                 p.type == analysis::Parameter::Type::KindList)
            parameters[p.name] = values.list(p.name);
        else
            parameters[p.name] = values.text(p.name, p.defaultValue);
    }
    j["parameters"] = parameters;
    for (const auto& [key, value] : result.summary)
        j[key] = toJson(value);
    j["notes"] = notes;
    j["messages"] = result.messages;
    j["rows"] = rows(result.tables.front());
    for (std::size_t t = 1; t < result.tables.size(); ++t)
        j[result.tables[t].name] = rows(result.tables[t]);
    return j.dump(2) + '\n';
}

/// Writes the output to -o FILE (checked, complete or not at all) or standard output (checked
/// by main() when the command ends).
int emit(const Arguments& parsed, const std::string& text, const std::string& name,
         std::size_t rows)
{
    if (!parsed.has("-o")) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return kOk;
    }
    layers::writeOutputFile(parsed.value("-o"), text, layers::OutputKind::Text);
    std::fprintf(stderr, "%s: %zu row(s) written to %s\n", name.c_str(), rows,
                 parsed.value("-o").c_str());
    return kOk;
}

} // namespace

int runAnalyze(const std::vector<std::string>& args)
{
    const Command& command = generated().command;
    if (handleHelp(command, args))
        return kOk;
    const auto parsed = parse(command, args);
    const std::string format = parsed.value("--format", "csv");
    if (format != "csv" && format != "json" && format != "gpkg" && format != "xlsx")
        throw UsageError("--format must be csv, json, gpkg or xlsx");
    if (format == "gpkg" && !parsed.has("-o"))
        throw UsageError("--format gpkg writes a GeoPackage file: give it with -o FILE.gpkg");
    if (format == "xlsx" && !parsed.has("-o"))
        throw UsageError("--format xlsx writes an Excel workbook: give it with -o FILE.xlsx");
    if (parsed.has("--excel") && format != "csv")
        throw UsageError("--excel goes with --format csv");
    const std::string lang = language(parsed);
    const std::string& name = parsed.positional[1];
    const auto* algorithm = analysis::findAlgorithm(name);
    if (!algorithm) {
        std::string available;
        for (const auto& a : analysis::algorithms())
            available += (available.empty() ? "" : ", ") + a.name;
        throw UsageError("unknown analysis '" + name + "' (available: " + available + ")");
    }
    analysis::ParameterValues values;
    for (const auto& [option, value] : parsed.values) {
        if (option == "--format" || option == "-o" || option == "--excel" || option == "--lang")
            continue;
        const std::string key = parameterFor(option);
        if (!algorithm->parameter(key))
            throw UsageError("analyze " + name + " takes no option " + option +
                             " (see 'planatlas analyze --help')");
        values.set(key, value);
    }
    algorithm->check(values); // before the workspace is opened
    if (parsed.has("-o"))     // refused now, not after minutes of work
        layers::checkOutputTarget(parsed.value("-o"),
                                  format == "gpkg"   ? layers::OutputKind::GeoPackage
                                  : format == "xlsx" ? layers::OutputKind::Xlsx
                                                     : layers::OutputKind::Text);
    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
    const auto result = [&] {
        const TerminalProgress progress;
        return algorithm->compute(ws, values, progress.progress()); // checked above
    }();
    for (const auto& line : result.messages)
        std::fprintf(stderr, "%s: %s\n", name.c_str(), line.c_str());
    const auto notes = result.notes.messages(ws.crs().label());
    for (const auto& line : notes)
        std::fprintf(stderr, "%s: note: %s\n", name.c_str(), line.c_str());
    const auto& table = result.tables.front();
    if (format == "gpkg") {
        const TerminalProgress progress;
        const auto layers = analysis::layersByKind(table);
        analysis::writeGeoPackage(ws, layers, parsed.value("-o"), progress.progress());
        for (const auto& layer : layers)
            std::fprintf(stderr, "%s: %zu row(s) written to layer '%s' of %s\n", table.name.c_str(),
                         layer.rows.size(), layer.name.c_str(), parsed.value("-o").c_str());
        return kOk;
    }
    if (format == "xlsx") {
        analysis::writeSpreadsheet(
            result.tables,
            analysis::runInfo(*algorithm, values, result.summary, notes,
                              {std::filesystem::path(parsed.positional[0]).filename().string(),
                               ws.province(), ws.crs().label()},
                              lang),
            parsed.value("-o"), lang);
        std::fprintf(stderr, "%s: %zu row(s) written to %s\n", name.c_str(), table.rows.size(),
                     parsed.value("-o").c_str());
        return kOk;
    }
    const std::string text = format == "json"        ? writeJson(*algorithm, values, result, notes)
                             : parsed.has("--excel") ? analysis::csv::writeForExcel(table, lang)
                                                     : analysis::csv::write(table);
    return emit(parsed, text, name, table.rows.size());
}

} // namespace pa::cli
