#include "Cli.h"
#include "planatlas/layers/Workspace.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace pa::cli {

namespace {
const Command kValidate{
    "validate",
    "WS.gpkg [--format text|json]",
    "Check a workspace: schema version, geometry validity and types, CRS consistency,\n"
    "duplicate or empty codes, attribute values, dangling links and plan references.",
    "Exits 1 when any error is found (warnings alone exit 0).",
    {{"--format", "FMT", "text (default) or json"}},
    1,
    1};
} // namespace

int runValidate(const std::vector<std::string>& args)
{
    if (handleHelp(kValidate, args))
        return kOk;
    const auto parsed = parse(kValidate, args);
    const std::string format = textOrJson(parsed);
    auto workspace = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
    const auto report = workspace.validate();

    if (format == "json") {
        nlohmann::ordered_json j;
        j["workspace"] = workspace.path();
        j["schema_version"] = workspace.schemaVersion();
        j["checks"] = report.checksRun;
        j["features_checked"] = report.featuresChecked;
        j["errors"] = report.errorCount();
        j["warnings"] = report.warningCount();
        j["problems"] = nlohmann::ordered_json::array();
        for (const auto& p : report.problems)
            j["problems"].push_back(
                {{"severity", p.severity == layers::Problem::Severity::Error ? "error" : "warning"},
                 {"check", p.check},
                 {"where", p.where},
                 {"what", p.what}});
        std::printf("%s\n", j.dump(2).c_str());
    } else {
        for (const auto& p : report.problems)
            std::printf("%s [%s] %s: %s\n",
                        p.severity == layers::Problem::Severity::Error ? "ERROR  " : "warning",
                        p.check.c_str(), p.where.c_str(), p.what.c_str());
        std::string checks;
        for (const auto& c : report.checksRun)
            checks += (checks.empty() ? "" : ", ") + c;
        std::printf("%s: schema %d, %lld feature(s) checked (%s): %zu error(s), %zu warning(s)\n",
                    workspace.path().c_str(), workspace.schemaVersion(),
                    static_cast<long long>(report.featuresChecked), checks.c_str(),
                    report.errorCount(), report.warningCount());
    }
    return report.errorCount() ? kProblemsFound : kOk;
}

} // namespace pa::cli
