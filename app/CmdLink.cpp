#include "Cli.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Links.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace pa::cli {

namespace {

const Command kLink{
    "link",
    "WS.gpkg suggest|suggestions|accept|reject|add|remove|list|review|unlocated [options]",
    "Link features to the plan tasks that concern them.",
    "  suggest [--doc ID]          match the places the tasks name against the workspace's\n"
    "                              features and units; store the matches as suggestions\n"
    "  suggestions [--status S]    list stored suggestions (pending, accepted, rejected)\n"
    "  accept [ID …] [--min-confidence X]\n"
    "                              accept suggestions by id, or all pending ones above X\n"
    "  reject ID …                 reject suggestions (suggest will not offer them again)\n"
    "  add --task TASK --feature CODE      link by hand\n"
    "  remove --task TASK --feature CODE   remove a link\n"
    "  list [--task TASK] [--feature CODE] list links\n"
    "  review FILE.csv             apply a review: columns task_id, features (codes separated\n"
    "                              by ';') and reason (why a task has no place); suggestions\n"
    "                              listed are accepted, others of those tasks rejected\n"
    "  unlocated                   tasks reviewed and deliberately left without a place\n\n"
    "Task ids look like '2907-ubnd-cnnxd:2.8#1' (document id, section, number); 'planatlas\n"
    "ingest --format json PLAN' prints them.",
    {
        {"--doc", "ID", "only the tasks of this document (suggest)"},
        {"--status", "S", "pending, accepted or rejected (suggestions)"},
        {"--min-confidence", "X", "accept every pending suggestion with at least this confidence"},
        {"--task", "TASK", "task id (add, remove, list)"},
        {"--feature", "CODE", "feature code (add, remove, list)"},
        {"--format", "FMT", "text (default) or json"},
    },
    2,
    64};

void printSuggestions(const std::vector<plan::LinkSuggestion>& suggestions,
                      const std::string& format)
{
    if (format == "json") {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& s : suggestions)
            j.push_back({{"id", s.id},
                         {"task", s.taskId},
                         {"layer", s.layer},
                         {"feature", s.featureCode},
                         {"feature_name", s.featureName},
                         {"mention", s.mention},
                         {"confidence", s.confidence},
                         {"status", s.status}});
        std::printf("%s\n", j.dump(2).c_str());
        return;
    }
    for (const auto& s : suggestions)
        std::printf("%5lld  %.2f  %-34s → %s/%s %s  (\"%s\")%s\n", static_cast<long long>(s.id),
                    s.confidence, s.taskId.c_str(), s.layer.c_str(), s.featureCode.c_str(),
                    s.featureName.c_str(), s.mention.c_str(),
                    s.status == "pending" ? "" : (" [" + s.status + "]").c_str());
    std::printf("%zu suggestion(s)\n", suggestions.size());
}

std::vector<std::int64_t> ids(const std::vector<std::string>& positional)
{
    std::vector<std::int64_t> out;
    for (std::size_t i = 2; i < positional.size(); ++i) {
        try {
            std::size_t used = 0;
            out.push_back(std::stoll(positional[i], &used));
            if (used != positional[i].size())
                throw std::invalid_argument("");
        } catch (const std::exception&) {
            throw UsageError("'" + positional[i] + "' is not a suggestion id");
        }
    }
    return out;
}

} // namespace

int runLink(const std::vector<std::string>& args)
{
    if (handleHelp(kLink, args))
        return kOk;
    const auto parsed = parse(kLink, args);
    const std::string format = textOrJson(parsed);
    const std::string& action = parsed.positional[1];
    const bool writes = action == "suggest" || action == "accept" || action == "reject" ||
                        action == "add" || action == "remove" || action == "review";
    if (!writes && action != "suggestions" && action != "list" && action != "unlocated")
        throw UsageError(
            "unknown link action '" + action +
            "' (suggest, suggestions, accept, reject, add, remove, list, review, unlocated)");
    if (action == "review" && parsed.positional.size() != 3)
        throw UsageError("link review needs one file: planatlas link WS review FILE.csv");
    auto ws = layers::Workspace::open(parsed.positional[0],
                                      writes ? gis::OpenMode::Update : gis::OpenMode::ReadOnly);
    auto need = [&](const char* option) {
        if (!parsed.has(option))
            throw UsageError(std::string("link ") + action + " needs " + option);
        return parsed.value(option);
    };
    if (action == "suggest") {
        printSuggestions(plan::suggestLinks(ws, parsed.value("--doc")), format);
    } else if (action == "suggestions") {
        printSuggestions(plan::listSuggestions(ws, parsed.value("--status")), format);
    } else if (action == "accept") {
        const auto chosen = ids(parsed.positional);
        if (chosen.empty() && !parsed.has("--min-confidence"))
            throw UsageError("link accept needs suggestion ids or --min-confidence X");
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
        const auto n = plan::acceptSuggestions(ws, chosen, minimum);
        std::printf("%lld link(s) written\n", static_cast<long long>(n));
    } else if (action == "reject") {
        const auto chosen = ids(parsed.positional);
        if (chosen.empty())
            throw UsageError("link reject needs suggestion ids");
        std::printf("%lld suggestion(s) rejected\n",
                    static_cast<long long>(plan::rejectSuggestions(ws, chosen)));
    } else if (action == "review") {
        const auto r = plan::applyReview(ws, parsed.positional[2]);
        std::printf(
            "Reviewed %lld task(s): %lld suggestion(s) accepted, %lld link(s) added by hand, "
            "%lld suggestion(s) rejected, %lld task(s) left without a place\n",
            static_cast<long long>(r.tasks), static_cast<long long>(r.accepted),
            static_cast<long long>(r.manual), static_cast<long long>(r.rejected),
            static_cast<long long>(r.unlocated));
    } else if (action == "unlocated") {
        const auto tasks = plan::listUnlocated(ws);
        if (format == "json") {
            nlohmann::ordered_json j = nlohmann::ordered_json::array();
            for (const auto& t : tasks)
                j.push_back({{"task", t.taskId}, {"reason", t.reason}});
            std::printf("%s\n", j.dump(2).c_str());
        } else {
            for (const auto& t : tasks)
                std::printf("%-34s %s\n", t.taskId.c_str(), t.reason.c_str());
            std::printf("%zu task(s) without a place by decision\n", tasks.size());
        }
    } else if (action == "add") {
        plan::addLink(ws, need("--task"), need("--feature"));
        std::printf("linked %s → %s\n", parsed.value("--task").c_str(),
                    parsed.value("--feature").c_str());
    } else if (action == "remove") {
        if (!plan::removeLink(ws, need("--task"), need("--feature"))) {
            std::fprintf(stderr, "planatlas link: %s is not linked to %s; nothing changed\n",
                         parsed.value("--task").c_str(), parsed.value("--feature").c_str());
            return kProblemsFound;
        }
        std::printf("removed %s → %s\n", parsed.value("--task").c_str(),
                    parsed.value("--feature").c_str());
    } else {
        const auto links = plan::listLinks(ws, parsed.value("--task"), parsed.value("--feature"));
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
                std::printf("%-34s → %s/%s %s  (%s)\n", l.taskId.c_str(), l.layer.c_str(),
                            l.featureCode.c_str(), l.featureName.c_str(), l.source.c_str());
            std::printf("%zu link(s)\n", links.size());
        }
    }
    ws.close();
    return kOk;
}

} // namespace pa::cli
