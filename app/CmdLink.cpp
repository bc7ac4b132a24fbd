#include "Cli.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Browse.h"
#include "planatlas/layers/plan/Links.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

namespace pa::cli {

namespace {

const Command kLink{
    "link",
    "WS.gpkg suggest|suggestions|accept|reject|reset|add|remove|list|review|reasons|unlocated|"
    "log [options]",
    "Link features to the plan tasks that concern them.",
    "  suggest [--doc ID]          suggest links: the features a task names (\"KCN Yên Bình\"),\n"
    "                              and all features of a kind a task names in general (\"các\n"
    "                              khu, cụm công nghiệp\", \"vùng chè\"), narrowed to the region,\n"
    "                              district or commune it names; stored for review, in groups\n"
    "  suggestions [--status S]    list stored suggestions by group, with rule and evidence\n"
    "  accept [ID …] [--group ID] [--task TASK [--rule R]] [--min-confidence X]\n"
    "                              accept suggestions by id, the group of suggestion ID, all\n"
    "                              pending ones of a task (of one rule, when it is one group),\n"
    "                              or all pending ones above X (a rejected one: reset it\n"
    "                              first)\n"
    "  reject [ID …] [--group ID] [--task TASK [--rule R]]\n"
    "                              reject suggestions (suggest will not offer them again; the\n"
    "                              link of one accepted before is removed)\n"
    "  reset [ID …] [--group ID]   undo the decision on suggestions: pending again (the link\n"
    "                              of one accepted is removed)\n"
    "  add --task TASK --feature CODE [--if-last-edit N]     link by hand\n"
    "  remove --task TASK --feature CODE [--if-last-edit N]  remove a link\n"
    "  list [--task TASK] [--feature CODE] list links (with --task: its last edit)\n"
    "  log [--task TASK]           the edit log: who changed what, when\n"
    "  review FILE.csv             apply a review: columns task_id, features (codes separated\n"
    "                              by ';') and reason (why a task has no place); suggestions\n"
    "                              listed are accepted, others of those tasks rejected; an\n"
    "                              optional column last_edit refuses tasks changed since\n"
    "  reasons [--doc ID] [--lang en]  tasks with neither link nor suggestion, each with the\n"
    "                              class of reason suggested for having no place, its id and\n"
    "                              what it covers (learning from the reasons recorded for\n"
    "                              tasks worded alike)\n"
    "  unlocated [TASK …] [--reason TEXT]\n"
    "                              without tasks: list the tasks left without a place; with\n"
    "                              tasks: record them so, with the suggested reason or TEXT\n"
    "                              (or a class: policy, administration, training,\n"
    "                              communication, reporting, programme, no_layer)\n\n"
    "Rules: place (the task names the feature), place-successor (the unit a named unit was\n"
    "merged into or renamed as, from the crosswalk), theme (it names the feature's kind in "
    "general),\n"
    "theme-value (the kind narrowed by a product, \"vùng chè\"), theme-area (the kind inside a\n"
    "region or unit the task names in the same clause).\n"
    "Task ids look like '2907-ubnd-cnnxd:2.8#1' (document id, section, number); 'planatlas\n"
    "ingest --format json PLAN' prints them.\n\n"
    "WS may be a workspace in PostGIS (\"PG:service=… active_schema=…\"), where several\n"
    "planners edit at once: every change is recorded in the edit log with its database role,\n"
    "and a change made with --if-last-edit N (the task's last edit when you read it) is\n"
    "refused with exit code 6 when someone changed the task since; nothing is written then.",
    {
        {"--doc", "ID", "only the tasks of this document (suggest, reasons, unlocated)"},
        {"--group", "ID",
         "the group (task, rule, evidence) of suggestion ID (accept, reject, reset)"},
        {"--status", "S", "pending, accepted or rejected (suggestions)"},
        {"--min-confidence", "X", "accept every pending suggestion with at least this confidence"},
        {"--task", "TASK", "task id (add, remove, list, accept, reject)"},
        {"--rule", "R",
         "place, place-successor, theme, theme-value or theme-area (accept, reject with --task)"},
        {"--feature", "CODE", "feature code (add, remove, list)"},
        {"--reason", "TEXT", "why the tasks have no place (unlocated)"},
        {"--if-last-edit", "N",
         "add, remove: only if the task's last edit is still N (see list --task); 0: none"},
        {"--format", "FMT", "text (default) or json"},
        {"--lang", "LANG", "reasons: the classes' titles in vi (default) or en"},
    },
    2,
    64};

void printSuggestions(const std::vector<plan::LinkSuggestion>& suggestions,
                      const std::string& format)
{
    // By group: the task, the rule and the evidence once, then its features.
    const auto groups = plan::groupSuggestions(suggestions);
    if (format == "json") {
        std::map<std::int64_t, std::int64_t> groupOf; // id → the id that names its group
        for (const auto& g : groups)
            for (const auto& s : g.members)
                groupOf[s.id] = g.members.front().id;
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& s : suggestions)
            j.push_back({{"id", s.id},
                         {"group", groupOf[s.id]},
                         {"task", s.taskId},
                         {"layer", s.layer},
                         {"feature", s.featureCode},
                         {"feature_name", s.featureName},
                         {"mention", s.mention},
                         {"confidence", s.confidence},
                         {"status", s.status},
                         {"rule", s.rule},
                         {"evidence", s.evidence}});
        std::printf("%s\n", j.dump(2).c_str());
        return;
    }
    for (const auto& g : groups) {
        const auto& first = g.members.front();
        const bool decided = first.status != "pending" &&
                             std::all_of(g.members.begin(), g.members.end(),
                                         [&](const auto& s) { return s.status == first.status; });
        std::printf("%s  [%s %.2f] %s%s\n", g.taskId.c_str(), g.rule.c_str(), first.confidence,
                    g.evidence.empty() ? ("“" + first.mention + "”").c_str() : g.evidence.c_str(),
                    decided ? (" [" + first.status + "]").c_str() : "");
        // A group over a layer of thousands (a forest inventory) is decided whole: its first
        // features show what it is.
        constexpr std::size_t kShown = 20, kAll = 50;
        const std::size_t shown = g.members.size() > kAll ? kShown : g.members.size();
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& s = g.members[i];
            std::printf("  %5lld  %s/%s %s%s\n", static_cast<long long>(s.id), s.layer.c_str(),
                        s.featureCode.c_str(), s.featureName.c_str(),
                        s.status == "pending" ? "" : (" [" + s.status + "]").c_str());
        }
        if (shown < g.members.size())
            std::printf("  … %zu more of this group ('--format json' lists every one)\n",
                        g.members.size() - shown);
    }
    std::printf("%zu suggestion(s) in %zu group(s); accept a group with 'link WS accept --group "
                "ID' (any of its ids)\n",
                suggestions.size(), groups.size());
}

/// @p text as a suggestion id; UsageError when it is none.
std::int64_t suggestionId(const std::string& text)
{
    try {
        std::size_t used = 0;
        const auto id = std::stoll(text, &used);
        if (used == text.size())
            return id;
    } catch (const std::exception&) {
    }
    throw UsageError("'" + text + "' is not a suggestion id");
}

std::vector<std::int64_t> ids(const std::vector<std::string>& positional)
{
    std::vector<std::int64_t> out;
    for (std::size_t i = 2; i < positional.size(); ++i)
        out.push_back(suggestionId(positional[i]));
    return out;
}

/// The suggestions of @p task (of @p rule, when given), with their statuses; Error when it has
/// none, and when those of @p statuses (what the command may decide) make more than one group
/// by the rule (each its own evidence: "KCN Sông Công I" and "KCN Yên Bình" are two decisions).
std::vector<plan::LinkSuggestion> ofTask(layers::Workspace& ws, const std::string& task,
                                         const std::string& rule,
                                         std::initializer_list<std::string_view> statuses)
{
    std::vector<plan::LinkSuggestion> mine;
    for (auto& s : plan::listSuggestions(ws))
        if (s.taskId == task && (rule.empty() || s.rule == rule))
            mine.push_back(std::move(s));
    if (mine.empty())
        throw UsageError("no suggestion of task '" + task + "'" +
                         (rule.empty() ? std::string() : " by rule '" + rule + "'") +
                         " (see 'planatlas link WS suggestions')");
    std::vector<plan::LinkSuggestion> open;
    for (const auto& s : mine)
        if (std::find(statuses.begin(), statuses.end(), s.status) != statuses.end())
            open.push_back(s);
    const auto groups = plan::groupSuggestions(open);
    if (!rule.empty() && groups.size() > 1) {
        std::string which;
        for (const auto& g : groups)
            which += "\n  --group " + std::to_string(g.members.front().id) + "  " + g.evidence;
        throw UsageError("task '" + task + "' has " + std::to_string(groups.size()) +
                         " groups by rule '" + rule + "'; choose one:" + which);
    }
    return mine;
}

/// The suggestions of the group (task, rule, evidence) suggestion @p given belongs to, with
/// their statuses. As for an id given alone when there is no suggestion @p given
/// (plan::suggestionsById).
std::vector<plan::LinkSuggestion> ofGroup(layers::Workspace& ws, const std::string& given)
{
    const std::int64_t id = suggestionId(given);
    for (const auto& g : plan::groupSuggestions(plan::listSuggestions(ws)))
        for (const auto& s : g.members)
            if (s.id == id)
                return g.members;
    plan::suggestionsById(ws, {id});            // names what became of it
    throw UsageError("no suggestion " + given); // (never: it throws)
}

/// The ids of @p group that are @p status.
std::vector<std::int64_t> idsOf(const std::vector<plan::LinkSuggestion>& group,
                                std::initializer_list<std::string_view> statuses)
{
    std::vector<std::int64_t> out;
    for (const auto& s : group)
        if (std::find(statuses.begin(), statuses.end(), s.status) != statuses.end())
            out.push_back(s.id);
    return out;
}

/// "; 2 already accepted": how many of @p ids (or of @p group) are @p status already, for the
/// line that says what was done.
std::string already(layers::Workspace& ws, const std::vector<std::int64_t>& ids,
                    const std::vector<plan::LinkSuggestion>& group, const std::string& status)
{
    std::size_t n = 0;
    if (!group.empty()) {
        n = idsOf(group, {status}).size();
    } else {
        const std::set<std::int64_t> given(ids.begin(), ids.end());
        for (const auto& s : plan::listSuggestions(ws, status))
            n += given.contains(s.id) ? 1 : 0;
    }
    return n == 0 ? std::string() : "; " + std::to_string(n) + " already " + status;
}

/// The reason class @p given names by its id, in any letter case ("Policy"); null for a reason
/// in words. An id typed one or two letters wrong ("polcy"), and words joined by underscores
/// that name no class, are refused rather than recorded as the reason.
const plan::ReasonClass* classMeant(const std::string& given)
{
    std::string word; // lower case, "no layer" and "no-layer" as "no_layer"
    for (const char c : given)
        word += c == ' ' || c == '-'
                    ? '_'
                    : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (const auto* c = plan::findReasonClass(word))
        return c;
    auto distance = [](std::string_view a, std::string_view b) { // Levenshtein
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j)
            row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const std::size_t up = row[j];
                row[j] = std::min(
                    {row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = up;
            }
        }
        return row[b.size()];
    };
    if (given.find(' ') == std::string::npos && word.size() >= 4)
        for (const auto& c : plan::reasonClasses())
            if (distance(word, c.id) <= 2)
                throw UsageError("--reason '" + given + "': did you mean the class '" +
                                 std::string(c.id) +
                                 "'? Give a class's id as it is spelt, or the reason in words");
    // Words joined by underscores and no space ("nonsense_class", "no_place") are meant as an
    // id.
    if (given.find('_') != std::string::npos && given.find(' ') == std::string::npos) {
        std::string ids;
        for (const auto& c : plan::reasonClasses())
            ids += (ids.empty() ? "" : ", ") + std::string(c.id);
        throw UsageError("--reason '" + given + "' is no class (the classes: " + ids +
                         "); give a class's id, or the reason in words");
    }
    return nullptr;
}

/// Refuses --doc @p doc when the workspace holds no such document (nothing would be listed or
/// suggested, and an empty answer would not say why).
void checkDocument(layers::Workspace& ws, const std::string& doc)
{
    if (doc.empty())
        return;
    std::string held;
    for (const auto& d : plan::readPlanOverview(ws).documents) {
        if (d.docId == doc)
            return;
        held += (held.empty() ? "" : ", ") + d.docId;
    }
    throw UsageError("--doc: the workspace has no document '" + doc + "' (" +
                     (held.empty() ? std::string("it has none yet: 'planatlas ingest' reads one")
                                   : "its documents: " + held) +
                     ")");
}

} // namespace

int runLink(const std::vector<std::string>& args)
{
    if (handleHelp(kLink, args))
        return kOk;
    const auto parsed = parse(kLink, args);
    const std::string format = textOrJson(parsed);
    const std::string lang = parsed.value("--lang", "vi");
    if (lang != "vi" && lang != "en")
        throw UsageError("--lang must be vi or en, not '" + lang + "'");
    auto title = [&](const plan::ReasonClass* c) {
        return c ? std::string(lang == "en" ? c->titleEn : c->titleVi) : std::string();
    };
    const std::string& action = parsed.positional[1];
    if (parsed.has("--lang") && action != "reasons")
        throw UsageError("--lang goes with link reasons");
    const bool writes = action == "suggest" || action == "accept" || action == "reject" ||
                        action == "reset" || action == "add" || action == "remove" ||
                        action == "review" ||
                        (action == "unlocated" && parsed.positional.size() > 2);
    if (!writes && action != "suggestions" && action != "list" && action != "unlocated" &&
        action != "reasons" && action != "log")
        throw UsageError("unknown link action '" + action +
                         "' (suggest, suggestions, accept, reject, reset, add, remove, list, "
                         "review, reasons, unlocated, log)");
    if (parsed.has("--doc") && action != "suggest" && action != "reasons" &&
        !(action == "unlocated" && parsed.positional.size() == 2))
        throw UsageError("--doc goes with link suggest, link reasons and link unlocated (the "
                         "list)");
    if (parsed.has("--group") && action != "accept" && action != "reject" && action != "reset")
        throw UsageError("--group goes with link accept, reject and reset");
    if (parsed.has("--group") &&
        (parsed.positional.size() > 2 || parsed.has("--task") || parsed.has("--min-confidence")))
        throw UsageError("--group chooses the suggestions alone: give it without ids, --task or "
                         "--min-confidence");
    std::optional<std::int64_t> basis;
    if (parsed.has("--if-last-edit")) {
        if (action != "add" && action != "remove")
            throw UsageError("--if-last-edit goes with link add and link remove");
        const std::string given = parsed.value("--if-last-edit");
        std::size_t used = 0;
        try {
            basis = std::stoll(given, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != given.size() || *basis < 0)
            throw UsageError("--if-last-edit takes an edit number (0 or more, as 'link WS list "
                             "--task TASK' shows it), not '" +
                             given + "'");
    }
    if (parsed.has("--reason") && !(action == "unlocated" && parsed.positional.size() > 2))
        throw UsageError("--reason goes with 'link WS unlocated TASK …' (the tasks it explains)");
    if (parsed.has("--rule") && !parsed.has("--task"))
        throw UsageError("--rule chooses among the suggestions of one task: give --task too");
    if (action == "review" && parsed.positional.size() != 3)
        throw UsageError("link review needs one file: planatlas link WS review FILE.csv");
    auto ws = layers::Workspace::open(parsed.positional[0],
                                      writes ? gis::OpenMode::Update : gis::OpenMode::ReadOnly,
                                      layers::SchemaWrites::Allowed);
    auto need = [&](const char* option) {
        if (!parsed.has(option))
            throw UsageError(std::string("link ") + action + " needs " + option);
        return parsed.value(option);
    };
    checkDocument(ws, parsed.value("--doc"));
    if (const std::string status = parsed.value("--status");
        !status.empty() && status != "pending" && status != "accepted" && status != "rejected")
        throw UsageError("--status takes pending, accepted or rejected, not '" + status + "'");
    // A task id as typed, diacritics perhaps left out: the workspace's own.
    const std::string task =
        parsed.has("--task") ? plan::resolveTaskId(ws, parsed.value("--task")) : std::string();
    if (action == "suggest") {
        printSuggestions(plan::suggestLinks(ws, parsed.value("--doc")), format);
    } else if (action == "suggestions") {
        printSuggestions(plan::listSuggestions(ws, parsed.value("--status")), format);
    } else if (action == "accept") {
        auto chosen = ids(parsed.positional);
        std::vector<plan::LinkSuggestion> group;
        std::string left;
        if (parsed.has("--group") || parsed.has("--task")) {
            // The group's (the task's) pending ones: those taken out of it (rejected) stay out.
            group = parsed.has("--group") ? ofGroup(ws, parsed.value("--group"))
                                          : ofTask(ws, task, parsed.value("--rule"), {"pending"});
            chosen = idsOf(group, {"pending"});
            if (const auto out = idsOf(group, {"rejected"}).size())
                left = "; " + std::to_string(out) + " rejected before left out";
        }
        if (chosen.empty() && group.empty() && !parsed.has("--min-confidence"))
            throw UsageError("link accept needs suggestion ids, --task TASK or --min-confidence X");
        double minimum = 1.1;
        if (parsed.has("--min-confidence")) {
            // "0,8" as a Vietnamese types it; NaN, 2 or -1 (which accepted everything) refused.
            const auto value = text::parseNumber(parsed.value("--min-confidence"));
            if (!value || !(*value >= 0.0 && *value <= 1.0))
                throw UsageError("--min-confidence takes a number between 0 and 1 (e.g. 0,8), "
                                 "not '" +
                                 parsed.value("--min-confidence") + "'");
            minimum = *value;
        }
        const std::string before = already(ws, chosen, group, "accepted");
        const auto n =
            chosen.empty() && !group.empty() ? 0 : plan::acceptSuggestions(ws, chosen, minimum);
        std::printf("%lld link(s) written%s%s\n", static_cast<long long>(n), before.c_str(),
                    left.c_str());
    } else if (action == "reject") {
        auto chosen = ids(parsed.positional);
        std::vector<plan::LinkSuggestion> group;
        if (parsed.has("--group") || parsed.has("--task")) {
            group = parsed.has("--group")
                        ? ofGroup(ws, parsed.value("--group"))
                        : ofTask(ws, task, parsed.value("--rule"), {"pending", "accepted"});
            chosen = idsOf(group, {"pending", "accepted"});
        }
        if (chosen.empty() && group.empty())
            throw UsageError("link reject needs suggestion ids, --group ID or --task TASK");
        const std::string before = already(ws, chosen, group, "rejected");
        const auto n = chosen.empty() ? 0 : plan::rejectSuggestions(ws, chosen);
        std::printf("%lld suggestion(s) rejected%s\n", static_cast<long long>(n), before.c_str());
    } else if (action == "reset") {
        auto chosen = ids(parsed.positional);
        std::vector<plan::LinkSuggestion> group;
        if (parsed.has("--group")) {
            group = ofGroup(ws, parsed.value("--group"));
            chosen = idsOf(group, {"accepted", "rejected"});
        }
        if (chosen.empty() && group.empty())
            throw UsageError("link reset needs suggestion ids or --group ID");
        const std::string before = already(ws, chosen, group, "pending");
        const auto n = chosen.empty() ? 0 : plan::resetSuggestions(ws, chosen);
        std::printf("%lld suggestion(s) pending again%s\n", static_cast<long long>(n),
                    before.c_str());
    } else if (action == "review") {
        const auto r = plan::applyReview(ws, parsed.positional[2]);
        std::printf(
            "Reviewed %lld task(s): %lld suggestion(s) accepted, %lld link(s) added by hand, "
            "%lld suggestion(s) rejected, %lld task(s) left without a place\n",
            static_cast<long long>(r.tasks), static_cast<long long>(r.accepted),
            static_cast<long long>(r.manual), static_cast<long long>(r.rejected),
            static_cast<long long>(r.unlocated));
    } else if (action == "reasons") {
        const auto proposals = plan::proposeReasons(ws, parsed.value("--doc"));
        if (format == "json") {
            nlohmann::ordered_json j = nlohmann::ordered_json::array();
            for (const auto& p : proposals)
                j.push_back(
                    {{"task", p.taskId},
                     {"reason_class", p.suggestion.reason ? p.suggestion.reason->id : ""},
                     {"reason", title(p.suggestion.reason)},
                     {"evidence", p.suggestion.evidence},
                     {"like_task", p.suggestion.likeTask},
                     // no class's words and no reviewed task: the default class
                     {"by_default", p.suggestion.evidence.empty() && p.suggestion.likeTask.empty()},
                     {"text", p.text}});
            std::printf("%s\n", j.dump(2).c_str());
        } else {
            for (const auto& p : proposals) {
                std::string why = p.suggestion.evidence;
                if (!p.suggestion.likeTask.empty())
                    why += (why.empty() ? "" : "; ") +
                           ("like " + p.suggestion.likeTask + ", reviewed so");
                if (why.empty())
                    why = "no words of any class: the class taken when none is named";
                // The class's id first: what 'unlocated --reason' takes.
                std::printf("%s %s%s%s%s\n", padded(p.taskId, 34).c_str(),
                            p.suggestion.reason
                                ? ("[" + std::string(p.suggestion.reason->id) + "] ").c_str()
                                : "",
                            title(p.suggestion.reason).c_str(), why.empty() ? "" : "  ← ",
                            why.c_str());
            }
            std::printf("%zu task(s) with neither link nor suggestion; record them with 'link WS "
                        "unlocated TASK …' (the suggested reason) or add their links\n",
                        proposals.size());
        }
    } else if (action == "unlocated" && parsed.positional.size() > 2) {
        std::vector<std::string> tasks;
        for (auto it = parsed.positional.begin() + 2; it != parsed.positional.end(); ++it)
            tasks.push_back(plan::resolveTaskId(ws, *it));
        // A class's id stands for its reason as the review records it.
        std::string reason = parsed.value("--reason");
        if (const auto* c = classMeant(reason))
            reason = c->titleVi;
        const std::set<std::string> recorded(tasks.begin(), tasks.end());
        std::size_t pending = 0; // rejected with the record: said, not done silently
        for (const auto& s : plan::listSuggestions(ws, "pending"))
            pending += recorded.contains(s.taskId) ? 1 : 0;
        const auto n = plan::recordUnlocated(ws, tasks, reason);
        std::printf("%lld task(s) recorded as without a place", static_cast<long long>(n));
        if (pending > 0)
            std::printf("; their %zu pending suggestion(s) rejected ('link WS reset' takes one "
                        "back)",
                        pending);
        std::printf("\n");
    } else if (action == "unlocated") {
        auto tasks = plan::listUnlocated(ws);
        if (parsed.has("--doc")) {
            const std::string prefix = parsed.value("--doc") + ":";
            std::erase_if(tasks, [&](const plan::UnlocatedTask& t) {
                return t.taskId.rfind(prefix, 0) != 0;
            });
        }
        if (format == "json") {
            nlohmann::ordered_json j = nlohmann::ordered_json::array();
            for (const auto& t : tasks)
                j.push_back({{"task", t.taskId}, {"reason", t.reason}});
            std::printf("%s\n", j.dump(2).c_str());
        } else {
            for (const auto& t : tasks)
                std::printf("%s %s\n", padded(t.taskId, 34).c_str(), t.reason.c_str());
            std::printf("%zu task(s) without a place by decision\n", tasks.size());
        }
    } else if (action == "log") {
        const auto log = ws.editLog(task);
        if (format == "json") {
            nlohmann::ordered_json j = nlohmann::ordered_json::array();
            for (const auto& e : log)
                j.push_back({{"edit", e.id},
                             {"at", e.at},
                             {"who", e.who},
                             {"action", e.edit.action},
                             {"task", e.edit.taskId},
                             {"layer", e.edit.layer},
                             {"feature", e.edit.featureCode},
                             {"detail", e.edit.detail}});
            std::printf("%s\n", j.dump(2).c_str());
        } else {
            for (const auto& e : log)
                std::printf("%6lld  %s  %-16s %-18s %s%s%s%s\n", static_cast<long long>(e.id),
                            e.at.c_str(), e.who.c_str(), e.edit.action.c_str(),
                            e.edit.taskId.c_str(), e.edit.featureCode.empty() ? "" : " → ",
                            e.edit.featureCode.c_str(),
                            e.edit.detail.empty() ? "" : ("  (" + e.edit.detail + ")").c_str());
            std::printf("%zu edit(s)\n", log.size());
        }
    } else if (action == "add") {
        need("--task");
        if (!plan::addLink(ws, task, need("--feature"), basis))
            std::printf("%s was linked to %s already; nothing changed\n", task.c_str(),
                        parsed.value("--feature").c_str());
        else
            std::printf("linked %s → %s\n", task.c_str(), parsed.value("--feature").c_str());
    } else if (action == "remove") {
        need("--task");
        if (!plan::removeLink(ws, task, need("--feature"), basis)) {
            std::fprintf(stderr, "planatlas link: %s is not linked to %s; nothing changed\n",
                         task.c_str(), parsed.value("--feature").c_str());
            return kProblemsFound;
        }
        std::printf("removed %s → %s\n", task.c_str(), parsed.value("--feature").c_str());
    } else {
        const auto links = plan::listLinks(ws, task, parsed.value("--feature"));
        if (format == "json") {
            nlohmann::ordered_json j = nlohmann::ordered_json::array();
            for (const auto& l : links)
                j.push_back({{"task", l.taskId},
                             {"layer", l.layer},
                             {"feature", l.featureCode},
                             {"feature_name", l.featureName},
                             {"source", l.source},
                             {"confidence",
                              l.confidence ? nlohmann::ordered_json(*l.confidence) : nullptr}});
            std::printf("%s\n", j.dump(2).c_str());
        } else {
            for (const auto& l : links)
                std::printf("%s → %s/%s %s  (%s)\n", padded(l.taskId, 34).c_str(), l.layer.c_str(),
                            l.featureCode.c_str(), l.featureName.c_str(), l.source.c_str());
            std::printf("%zu link(s)\n", links.size());
            if (parsed.has("--task")) {
                const auto log = ws.editLog(task);
                if (log.empty())
                    std::printf("last edit: 0 (never edited)\n");
                else
                    std::printf("last edit: %lld (%s, %s)\n", static_cast<long long>(log.back().id),
                                log.back().who.c_str(), log.back().at.c_str());
            }
        }
    }
    ws.close();
    return kOk;
}

} // namespace pa::cli
