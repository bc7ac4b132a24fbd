#include "Cli.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Corrections.h"
#include "planatlas/layers/plan/PlanStore.h"

#include <cstdio>

namespace pa::cli {

namespace {

const Command kTask{
    "task",
    "WS.gpkg edit|split|merge|drop|corrections [TASK] [OTHER] [options]",
    "Correct what the plan reader produced: a task's lead, support, deadline or text, a task\n"
    "split in two or two merged, a paragraph that is not a task dropped. Corrections are kept\n"
    "apart from the reader's output and applied again whenever the document is ingested again\n"
    "or read again by a newer PlanAtlas.",
    "TASK is a task id as 'planatlas ingest' and 'link list' show it (kh-nq54:III.2#3).\n\n"
    "examples:\n"
    "  planatlas task ws.gpkg edit kh-617:PL1/I#2 --lead \"Sở Công Thương; Sở Tài chính\" "
    "--deadline \"Quý II/2026\"\n"
    "  planatlas task ws.gpkg split kh-617:III.1#1 --at \"Đồng thời\"\n"
    "  planatlas task ws.gpkg merge kh-617:III.1#1 kh-617:III.1#2\n"
    "  planatlas task ws.gpkg drop kh-617:IV.7#1\n"
    "  planatlas task ws.gpkg corrections",
    {
        {"--lead", "NAMES", "edit: the lead agencies, separated by ';'"},
        {"--support", "NAMES", "edit: the supporting agencies, separated by ';'"},
        {"--deadline", "WORDS",
         "edit: the deadline as written (\"Quý II/2026\", \"trước ngày 30/6/2026\")"},
        {"--text", "TEXT", "edit: the task's words"},
        {"--at", "WORDS", "split: the words where the second task begins"},
    },
    2,
    4};

/// "kh-617:III.1#1" → ("kh-617", "III.1#1").
std::pair<std::string, std::string> splitTaskId(const std::string& id)
{
    const auto colon = id.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == id.size())
        throw UsageError("'" + id +
                         "' is not a task id (document:section#n, as 'planatlas ingest' shows)");
    return {id.substr(0, colon), id.substr(colon + 1)};
}

} // namespace

int runTask(const std::vector<std::string>& args)
{
    if (handleHelp(kTask, args))
        return kOk;
    const auto parsed = parse(kTask, args);
    const std::string action = parsed.positional[1];
    if (action == "corrections") {
        auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly,
                                          layers::SchemaWrites::Allowed);
        if (ws.schemaVersion() < layers::kSchemaTaskDeadlines) {
            std::printf("no corrections (the workspace predates them)\n");
            return kOk;
        }
        const auto rows = ws.dataset().execute("SELECT made_at, doc_id, task_id, action, field, "
                                               "value FROM plan_task_corrections ORDER BY fid");
        for (const auto& r : rows.rows)
            std::printf("%s  %s:%s  %s%s%s%s\n", gis::toString(r[0]).c_str(),
                        gis::toString(r[1]).c_str(), gis::toString(r[2]).c_str(),
                        gis::toString(r[3]).c_str(),
                        gis::toString(r[4]).empty() ? "" : (" " + gis::toString(r[4])).c_str(),
                        gis::toString(r[5]).empty() ? "" : " = ", gis::toString(r[5]).c_str());
        std::printf("%zu correction(s)\n", rows.rows.size());
        return kOk;
    }
    if (action != "edit" && action != "split" && action != "merge" && action != "drop")
        throw UsageError("unknown action '" + action + "' (edit, split, merge, drop, corrections)");
    if (parsed.positional.size() < 3)
        throw UsageError("'task " + action + "' needs the task id");
    // Plain names, not a structured binding: lambdas below capture them (clang 14).
    const auto ids = splitTaskId(parsed.positional[2]);
    const std::string docId = ids.first, taskId = ids.second;

    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                      layers::SchemaWrites::Allowed);
    plan::StoreReport report;
    if (action == "edit") {
        std::vector<std::pair<std::string, std::string>> edits;
        for (const char* field : {"lead", "support", "deadline", "text"})
            if (parsed.has(std::string("--") + field))
                edits.emplace_back(field, parsed.value(std::string("--") + field));
        if (edits.empty())
            throw UsageError("'task edit' needs --lead, --support, --deadline or --text");
        // All the edits or none.
        ws.transaction([&] {
            for (const auto& [field, value] : edits) {
                const auto one = plan::correctTask(ws, docId, taskId, "edit", field, value);
                report.corrections.unmatched = one.corrections.unmatched;
                report.corrections.applied = one.corrections.applied;
                report.tasksAdded = one.tasksAdded;
                report.tasksUpdated = one.tasksUpdated;
            }
        });
    } else if (action == "split") {
        if (!parsed.has("--at"))
            throw UsageError("'task split' needs --at WORDS: where the second task begins");
        report = plan::correctTask(ws, docId, taskId, "split", "", parsed.value("--at"));
    } else if (action == "merge") {
        if (parsed.positional.size() < 4)
            throw UsageError("'task merge' needs the id of the task to merge into the first");
        const auto [otherDoc, otherId] = splitTaskId(parsed.positional[3]);
        if (otherDoc != docId)
            throw UsageError("'" + parsed.positional[3] + "' is not another task of document '" +
                             docId + "'");
        report = plan::correctTask(ws, docId, taskId, "merge", "", otherId);
    } else {
        report = plan::correctTask(ws, docId, taskId, "drop");
    }
    ws.close();
    std::printf("%s %s: %d correction(s) of document '%s' applied; %lld task(s) now\n",
                action.c_str(), parsed.positional[2].c_str(), report.corrections.applied,
                docId.c_str(), static_cast<long long>(report.tasksAdded + report.tasksUpdated));
    for (const auto& u : report.corrections.unmatched)
        std::fprintf(stderr, "warning: a stored correction no longer finds its task: %s\n",
                     u.c_str());
    if (report.linksRemoved)
        std::fprintf(stderr, "note: %lld feature link(s) of the dropped task removed\n",
                     static_cast<long long>(report.linksRemoved));
    return kOk;
}

} // namespace pa::cli
