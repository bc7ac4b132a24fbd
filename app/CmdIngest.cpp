#include "Cli.h"

#include "planatlas/layers/plan/Plan.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace pa::cli {

namespace {

const Command kIngest{
    "ingest",
    "[WS.gpkg] PLAN [--format json] [--doc-id ID]",
    "Read a plan document into its tasks, lead and supporting agencies, targets and place\n"
    "mentions. With --format json and no workspace, print them as JSON.",
    "PLAN may be UTF-8 (NFC or NFD), UTF-16 or Windows-1258 text, Markdown-ish text or .docx.\n\n"
    "example: planatlas ingest --format json kh-54.txt",
    {
        {"--format", "FMT", "json: print the document as JSON (text: a summary)"},
        {"--doc-id", "ID", "identifier of the document in the workspace"},
    },
    1,
    2};

nlohmann::ordered_json nullable(const std::string& s)
{
    return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

nlohmann::ordered_json toJson(const plan::ParsedPlan& p)
{
    nlohmann::ordered_json j;
    j["document"] = {{"type", nullable(p.document.type)},     {"number", nullable(p.document.number)},
                     {"date", nullable(p.document.date)},     {"issuer", nullable(p.document.issuer)},
                     {"province", nullable(p.document.province)}, {"title", nullable(p.document.title)},
                     {"format", p.sourceFormat},             {"sha256", p.contentSha256}};
    j["tasks"] = nlohmann::ordered_json::array();
    for (const auto& t : p.tasks) {
        nlohmann::ordered_json places = nlohmann::ordered_json::array();
        for (const auto& m : t.places)
            places.push_back({{"text", m.text},
                              {"type", m.type},
                              {"name", m.name},
                              {"feature_code", nullable(m.featureCode)},
                              {"confidence", m.confidence}});
        j["tasks"].push_back({{"id", t.id},
                              {"section", t.section},
                              {"heading", t.heading},
                              {"text", t.text},
                              {"lead", t.lead},
                              {"support", t.support},
                              {"collective", t.collective},
                              {"line", t.line},
                              {"places", places}});
    }
    j["targets"] = nlohmann::ordered_json::array();
    for (const auto& t : p.targets)
        j["targets"].push_back({{"section", t.section},
                                {"text", t.text},
                                {"indicator", t.indicator},
                                {"comparator", t.comparator},
                                {"value", t.value},
                                {"value_max", t.valueMax ? nlohmann::ordered_json(*t.valueMax) : nullptr},
                                {"unit", t.unit},
                                {"year", t.year ? nlohmann::ordered_json(*t.year) : nullptr},
                                {"metric", nullable(t.metric)},
                                {"line", t.line}});
    j["agencies"] = nlohmann::ordered_json::array();
    for (const auto& a : p.agencies)
        j["agencies"].push_back({{"id", a.id},
                                 {"name", a.name},
                                 {"abbreviation", nullable(a.abbreviation)},
                                 {"level", a.level},
                                 {"successor_2025", nullable(a.successor2025)},
                                 {"registered", a.registered},
                                 {"collective", a.collective}});
    j["warnings"] = p.warnings;
    return j;
}

} // namespace

int runIngest(const std::vector<std::string>& args)
{
    if (handleHelp(kIngest, args))
        return kOk;
    const auto parsed = parse(kIngest, args);
    const std::string format = textOrJson(parsed);
    if (parsed.positional.size() == 2)
        throw UsageError("writing a plan into a workspace is not available yet; use "
                         "'planatlas ingest --format json PLAN' to read it");
    const auto plan = plan::readPlan(parsed.positional.back());
    if (format == "json") {
        std::printf("%s\n", toJson(plan).dump(2).c_str());
        return kOk;
    }
    const auto& d = plan.document;
    std::printf("%s %s%s%s — %s\n", d.type.empty() ? "Văn bản" : d.type.c_str(), d.number.c_str(),
                d.date.empty() ? "" : ", ", d.date.c_str(), d.issuer.c_str());
    std::printf("%s\n\n", d.title.c_str());
    std::printf("%zu task(s), %zu target(s), %zu agencies\n", plan.tasks.size(), plan.targets.size(),
                plan.agencies.size());
    for (const auto& t : plan.tasks) {
        std::string lead;
        for (const auto& l : t.lead)
            lead += (lead.empty() ? "" : "; ") + l;
        std::printf("  %-12s %s%s\n", t.id.c_str(), lead.empty() ? "(no lead)" : lead.c_str(),
                    t.collective ? " [collective]" : "");
    }
    for (const auto& w : plan.warnings)
        std::fprintf(stderr, "warning: %s\n", w.c_str());
    return kOk;
}

} // namespace pa::cli
