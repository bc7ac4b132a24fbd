#include "Cli.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/PendingFile.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Links.h"
#include "planatlas/layers/plan/Plan.h"
#include "planatlas/layers/plan/PlanStore.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace pa::cli {

namespace {

const Command kIngest{
    "ingest",
    "[WS.gpkg] PLAN [--format json] [--doc-id ID]",
    "Read a plan document into its tasks, lead and supporting agencies, targets and place\n"
    "mentions. With a workspace, store them there in one transaction (the same document\n"
    "again updates it); with --format json, print them as JSON.",
    "PLAN may be UTF-8 (NFC or NFD), UTF-16 or Windows-1258 text, Markdown-ish text or .docx.\n\n"
    "example: planatlas ingest --format json kh-54.txt",
    {
        {"--format", "FMT", "json: print the document as JSON (text: a summary)"},
        {"--doc-id", "ID",
         "identifier of the document in the workspace (letters, digits, '-', '_', '.')"},
        {"--replace", "",
         "store the document under --doc-id even though a different document is stored\n"
         "there (its tasks, and the links and reviews made on them, are removed)"},
        {"--save-text", "FILE",
         "write the text read from a PDF or recognised from a scan to FILE, for review"},
        {"--explain", "",
         "print how the document was read: its parts and, for each task, the rule that\n"
         "gave its lead and the line it came from (no workspace is written)"},
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
    j["document"] = {{"type", nullable(p.document.type)},
                     {"number", nullable(p.document.number)},
                     {"date", nullable(p.document.date)},
                     {"issuer", nullable(p.document.issuer)},
                     {"province", nullable(p.document.province)},
                     {"title", nullable(p.document.title)},
                     {"format", p.sourceFormat},
                     {"sha256", p.contentSha256}};
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
                              {"deadline", nullable(t.deadline.normalised)},
                              {"deadline_text", nullable(t.deadline.text)},
                              {"product", nullable(t.product)},
                              {"part", t.part},
                              {"rule", t.rule},
                              {"places", places}});
    }
    j["targets"] = nlohmann::ordered_json::array();
    for (const auto& t : p.targets)
        j["targets"].push_back(
            {{"section", t.section},
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
    j["parts"] = nlohmann::ordered_json::array();
    for (const auto& part : p.parts)
        j["parts"].push_back({{"kind", part.kind},
                              {"title", part.title},
                              {"line", part.line},
                              {"tasks", part.tasks}});
    j["warnings"] = nlohmann::ordered_json::array();
    for (const auto& w : p.warnings)
        j["warnings"].push_back(w.english());
    return j;
}

} // namespace

int runIngest(const std::vector<std::string>& args)
{
    if (handleHelp(kIngest, args))
        return kOk;
    const auto parsed = parse(kIngest, args);
    const std::string format = textOrJson(parsed);
    if (parsed.has("--doc-id")) // before a long read
        try {
            plan::checkDocumentId(parsed.value("--doc-id"));
        } catch (const layers::Error& e) {
            throw UsageError(std::string("--doc-id: ") + e.what());
        }
    if (parsed.has("--replace") && (!parsed.has("--doc-id") || parsed.positional.size() != 2))
        throw UsageError("--replace needs a workspace and the --doc-id of the document to replace");
    // Scans are recognised page by page with progress on the terminal; Ctrl-C stops.
    const TerminalProgress progress(format != "json");
    plan::ReadOptions options;
    options.progress = &progress.progress();
    auto document = plan::readDocumentText(parsed.positional.back(), options);
    if (parsed.has("--save-text")) {
        // Before parsing, so that the text of a scan that reads badly can be reviewed.
        if (!document.extracted)
            std::fprintf(stderr, "note: %s is a text document; --save-text writes nothing\n",
                         parsed.positional.back().c_str());
        else
            layers::writeOutputFile(parsed.value("--save-text"), document.text,
                                    layers::OutputKind::Text);
    }
    const std::string text = parsed.has("--explain") ? document.text : std::string();
    auto plan = [&] {
        try {
            return plan::parseDocument(std::move(document), parsed.positional.back(), options);
        } catch (const layers::Error& e) {
            // --explain says what was read even when no task came of it, then fails as before.
            if (parsed.has("--explain") && e.kind() == layers::ErrorKind::Input) {
                std::printf("%s\n", parsed.positional.back().c_str());
                for (const auto& part : plan::documentParts(text))
                    std::printf("part %-12s line %5d  %s\n", part.kind.c_str(), part.line,
                                part.title.c_str());
            }
            throw;
        }
    }();
    for (const auto& [page, confidence] : plan.ocrPages)
        std::fprintf(stderr, "page %d recognised by OCR, confidence %d %%\n", page, confidence);
    if (parsed.has("--explain")) {
        auto clip = [](const std::string& s, std::size_t n) {
            return s.size() <= n ? s : text::clipUtf8(s, n) + "…";
        };
        // The segmentation, then each task with the rule that read it and the line it came from.
        std::printf("%s\n", parsed.positional.back().c_str());
        for (const auto& part : plan.parts)
            std::printf("part %-12s line %5d  %3d task(s)  %s\n", part.kind.c_str(), part.line,
                        part.tasks, clip(part.title, 70).c_str());
        for (const auto& t : plan.tasks) {
            std::string lead, support;
            for (const auto& l : t.lead)
                lead += (lead.empty() ? "" : "; ") + l;
            for (const auto& l : t.support)
                support += (support.empty() ? "" : "; ") + l;
            std::printf("line %5d  %s %-22s lead: %s%s%s%s\n             %s\n", t.line,
                        padded(t.id, 14).c_str(), t.rule.c_str(),
                        lead.empty() ? "(none)" : lead.c_str(),
                        support.empty() ? "" : ("; support: " + support).c_str(),
                        t.deadline.empty() ? "" : ("; due: " + t.deadline.normalised).c_str(),
                        t.collective ? " [collective]" : "", clip(t.text, 100).c_str());
        }
        for (const auto& t : plan.measures)
            std::printf("line %5d  %s %-22s (a measure: names nobody; stored as a task without a "
                        "lead)\n             %s\n",
                        t.line, padded(t.id, 14).c_str(), t.rule.c_str(),
                        clip(t.text, 100).c_str());
        printWarnings(plan.warnings);
        return kOk;
    }
    // (The tasks as a workspace keeps them: with the measures, which have no lead.)
    plan = plan::asStored(plan);
    if (parsed.positional.size() == 2) {
        auto workspace = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                                 layers::SchemaWrites::Allowed);
        plan::StoreOptions storeOptions;
        storeOptions.replaceDifferentDocument = parsed.has("--replace");
        // The plan and the link suggestions made from it are one change: a kill or a failure
        // between them leaves the workspace as it was.
        plan::StoreReport stored;
        std::vector<plan::LinkSuggestion> suggestions;
        workspace.transaction([&] {
            try {
                stored = plan::storePlan(workspace, plan, parsed.value("--doc-id"),
                                         parsed.positional.back(), {}, storeOptions);
            } catch (const plan::DifferentDocumentError& e) {
                throw UsageError(std::string(e.what()) +
                                 " (--doc-id ANOTHER_ID, or --replace); nothing was written");
            }
            // With a workspace, place mentions are matched against its features and units: the
            // best suggestion for each mention fills its feature_code (links are made by 'link
            // accept').
            suggestions = plan::suggestLinks(workspace, stored.docId);
        });
        for (auto& task : plan.tasks)
            for (auto& place : task.places)
                for (const auto& s : suggestions) // best first
                    if (s.taskId == stored.docId + ":" + task.id && s.mention == place.text) {
                        place.featureCode = s.featureCode;
                        break;
                    }
        workspace.close();
        // With --format json, stdout carries only the JSON; the summary goes to stderr.
        FILE* summary = format == "json" ? stderr : stdout;
        std::fprintf(summary,
                     "%s document '%s' in %s: %lld task(s) added, %lld updated, %lld removed; %lld "
                     "agencies, "
                     "%lld role(s), %lld target(s)\n",
                     stored.updated ? "Updated" : "Added", stored.docId.c_str(),
                     parsed.positional[0].c_str(), static_cast<long long>(stored.tasksAdded),
                     static_cast<long long>(stored.tasksUpdated),
                     static_cast<long long>(stored.tasksRemoved),
                     static_cast<long long>(stored.agencies), static_cast<long long>(stored.roles),
                     static_cast<long long>(stored.targets));
        if (!suggestions.empty())
            std::fprintf(
                summary,
                "%zu link suggestion(s) from the places and kinds the tasks name: review them with "
                "'planatlas link %s suggestions'\n",
                suggestions.size(), parsed.positional[0].c_str());
        if (stored.tasksRenumbered)
            std::fprintf(summary,
                         "%lld task(s) found again under another number: their links and reviews "
                         "followed them\n",
                         static_cast<long long>(stored.tasksRenumbered));
        if (stored.linksRemoved)
            std::fprintf(
                stderr,
                "warning: %lld feature link(s) removed with tasks the new version no longer has\n",
                static_cast<long long>(stored.linksRemoved));
        printWarnings(plan.warnings);
        if (format == "text")
            return kOk;
    }
    if (format == "json") {
        std::printf("%s\n", toJson(plan).dump(2).c_str());
        return kOk;
    }
    const auto& d = plan.document;
    std::printf("%s %s%s%s — %s\n", d.type.empty() ? "Văn bản" : d.type.c_str(), d.number.c_str(),
                d.date.empty() ? "" : ", ", d.date.c_str(), d.issuer.c_str());
    std::printf("%s\n\n", d.title.c_str());
    std::printf("%zu task(s), %zu target(s), %zu agencies\n", plan.tasks.size(),
                plan.targets.size(), plan.agencies.size());
    for (const auto& t : plan.tasks) {
        std::string lead;
        for (const auto& l : t.lead)
            lead += (lead.empty() ? "" : "; ") + l;
        std::printf("  %-12s %s%s\n", t.id.c_str(), lead.empty() ? "(no lead)" : lead.c_str(),
                    t.collective ? " [collective]" : "");
    }
    printWarnings(plan.warnings);
    return kOk;
}

} // namespace pa::cli
