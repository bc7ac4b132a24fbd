#include "Cli.h"

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Coverage.h"

#include <nlohmann/json.hpp>


#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace pa::cli {

namespace {

const Command kAnalyze{
    "analyze",
    "WS.gpkg NAME [options] [--format csv|json] [-o FILE]",
    "Run an analysis of the programme. Areas and lengths are computed in the workspace's\n"
    "projected CRS (hectares, kilometres).",
    "analyses:\n"
    "  coverage --units LAYER   per unit of a polygon layer and per programme kind: features,\n"
    "                           area (ha) and share of the unit, length (km), linked tasks,\n"
    "                           lead agencies, gap flag\n\n"
    "example: planatlas analyze ws.gpkg coverage --units districts_pre2025 --format csv -o coverage.csv",
    {
        {"--units", "LAYER", "polygon layer whose units the coverage is reported for"},
        {"--format", "FMT", "csv (default) or json"},
        {"-o", "FILE", "write to FILE instead of standard output"},
    },
    2,
    2};

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string number(double v, int decimals)
{
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << (std::abs(v) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : v);
    return out.str();
}

std::string join(const std::vector<std::string>& parts, const char* separator)
{
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : separator) + p;
    return out;
}

} // namespace

int runAnalyze(const std::vector<std::string>& args)
{
    // "-o" is a short option: accept it as written.
    std::vector<std::string> normalised;
    for (const auto& a : args)
        normalised.push_back(a);
    if (handleHelp(kAnalyze, normalised))
        return kOk;
    const auto parsed = parse(kAnalyze, normalised);
    const std::string format = parsed.value("--format", "csv");
    if (format != "csv" && format != "json")
        throw UsageError("--format must be csv or json (GeoPackage output is not available yet)");
    const std::string& name = parsed.positional[1];
    if (name != "coverage")
        throw UsageError("unknown analysis '" + name + "' (available: coverage)");
    if (!parsed.has("--units"))
        throw UsageError("analyze coverage needs --units LAYER");

    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
    const auto result = [&] {
        const TerminalProgress progress;
        return analysis::coverage(ws, parsed.value("--units"), progress.progress());
    }();

    std::ostringstream out;
    if (format == "json") {
        nlohmann::ordered_json j;
        j["analysis"] = "coverage";
        j["units"] = result.unitsLayer;
        j["crs"] = result.crs;
        j["kinds"] = result.kinds;
        j["rows"] = nlohmann::ordered_json::array();
        for (const auto& r : result.rows)
            j["rows"].push_back({{"unit_code", r.unitCode},
                                 {"unit_name", r.unitName},
                                 {"kind", r.kind},
                                 {"features", r.features},
                                 {"area_ha", r.areaHa},
                                 {"share_pct", r.sharePct},
                                 {"length_km", r.lengthKm},
                                 {"linked_tasks", r.linkedTasks},
                                 {"lead_agencies", r.leadAgencies},
                                 {"gap", r.gap}});
        out << j.dump(2) << '\n';
    } else {
        out << "unit_code,unit_name,kind,features,area_ha,share_pct,length_km,linked_tasks,lead_agencies,gap\n";
        for (const auto& r : result.rows)
            out << csvField(r.unitCode) << ',' << csvField(r.unitName) << ',' << r.kind << ',' << r.features << ','
                << number(r.areaHa, 4) << ',' << number(r.sharePct, 4) << ',' << number(r.lengthKm, 4) << ','
                << r.linkedTasks << ',' << csvField(join(r.leadAgencies, "; ")) << ',' << (r.gap ? 1 : 0) << '\n';
    }
    if (parsed.has("-o")) {
        std::ofstream file(parsed.value("-o"), std::ios::binary | std::ios::trunc);
        if (!file)
            throw layers::Error(layers::ErrorKind::Input, parsed.value("-o") + ": cannot be written");
        file << out.str();
        std::fprintf(stderr, "coverage: %zu row(s) written to %s\n", result.rows.size(), parsed.value("-o").c_str());
    } else {
        std::fputs(out.str().c_str(), stdout);
    }
    return kOk;
}

} // namespace pa::cli
