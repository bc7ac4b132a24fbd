// Scores the link suggester against reviewed links (data/<province>/task_review.csv, a
// reviewer's decisions task by task) and the suggested reasons against reason classes written
// from the text (task_reason_classes.csv): recall and precision per document, per rule and in
// total, kept apart for the documents the vocabulary and rules were tuned on and for those held
// out (never read while writing them: each is scored with no rule written for it).
//
//   score_links [--tuned DOC,DOC…] [--floors FILE] [--corpus PLAN.txt=GOLD.csv …] WS.gpkg
//   REVIEW.csv REASONS.csv [WS REVIEW REASONS …]
//
// --corpus scores the suggested reasons on plan documents of other provinces, with no
// workspace: GOLD.csv labels every task the reader finds (task_id,label,note) with a reason
// class, or "place" for a task that acts on places (left out of the reason score).
//
// Each workspace is copied, its links, reviews and suggestions removed, and suggest run on it.
// With --floors, exits 1 when a held-out figure falls below its floor (a regression guard; the
// figures themselves are what the closing notes quote).

#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Links.h"
#include "planatlas/layers/plan/Plan.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

/// The rows of a CSV table, by column name, read as the workspace reads reviews (GDAL's CSV
/// driver, every column text).
std::vector<std::map<std::string, std::string>> readCsv(const std::string& path)
{
    auto csv = pa::gis::Dataset::openVector(path, pa::gis::OpenMode::ReadOnly,
                                            {"AUTODETECT_TYPE=NO"}, {"CSV"});
    auto table = csv.layer(0);
    const auto fields = table.fields();
    std::vector<std::map<std::string, std::string>> rows;
    while (auto f = table.next()) {
        std::map<std::string, std::string> r;
        for (std::size_t i = 0; i < fields.size(); ++i)
            r[fields[i].name] = pa::gis::toString(f->value(static_cast<int>(i)));
        rows.push_back(std::move(r));
    }
    return rows;
}

std::string docOf(const std::string& taskId)
{
    return taskId.substr(0, taskId.find(':'));
}

struct Count
{
    long gold = 0, suggested = 0, correct = 0;
    [[nodiscard]] double recall() const { return gold ? double(correct) / gold : 0; }
    [[nodiscard]] double precision() const { return suggested ? double(correct) / suggested : 0; }
};

struct ReasonCount
{
    long gold = 0, right = 0;
    [[nodiscard]] double share() const { return gold ? double(right) / gold : 0; }
};

using Confusion = std::map<std::string, std::map<std::string, long>>; // gold → suggested → n

/// Scores the reason suggested for task @p task (@p text) against class @p gold into
/// @p counts; whether it was right. The suggestion learns from @p reviewed (the tasks reviewed
/// before it). Only a tuned document's misses are looked into: they go to @p confusion (and are
/// shown with SCORE_LINKS_SHOW set), when given.
bool scoreReason(const std::string& task, const std::string& text, const std::string& gold,
                 bool held, std::initializer_list<ReasonCount*> counts, Confusion* confusion,
                 const std::set<std::string>& kinds, const pa::plan::ReviewedReasons& reviewed = {},
                 const std::string& province = {}, bool suggestedNothing = false)
{
    const auto s = pa::plan::suggestReason(text, reviewed, task, kinds, province, suggestedNothing);
    const bool right = s.reason && s.reason->id == gold;
    for (ReasonCount* c : counts) {
        ++c->gold;
        c->right += right;
    }
    if (held || !confusion)
        return right;
    ++(*confusion)[gold][s.reason ? std::string(s.reason->id) : "-"];
    if (std::getenv("SCORE_LINKS_SHOW") && !right)
        std::printf("reason %s: gold %s, suggested %s %s\n  %s\n", task.c_str(), gold.c_str(),
                    s.reason ? s.reason->id.data() : "-", s.evidence.c_str(),
                    text.substr(0, 400).c_str());
    return right;
}

/// Records task @p task (@p text) in @p reviewed with the class @p gold, as its reviewer would.
void learn(pa::plan::ReviewedReasons& reviewed, const std::string& task, const std::string& text,
           const std::string& gold)
{
    if (const auto* c = pa::plan::findReasonClass(gold))
        reviewed.add(task, text, *c);
}

/// The reason figures per document and per set.
void printReasons(const std::map<std::string, ReasonCount>& byDoc,
                  const std::map<bool, ReasonCount>& total, const std::set<std::string>& tuned)
{
    for (const auto& [doc, c] : byDoc)
        std::printf("%-22s %-8s %4ld tasks %5.1f%% right\n", doc.c_str(),
                    tuned.contains(doc) ? "tuned" : "held-out", c.gold, 100 * c.share());
    for (const auto& [held, c] : total)
        std::printf("%-22s %-8s %4ld tasks %5.1f%% right\n", "TOTAL", held ? "held-out" : "tuned",
                    c.gold, 100 * c.share());
}

} // namespace

int main(int argc, char** argv)
{
    std::set<std::string> tuned;
    std::string floorsPath;
    std::vector<std::string> inputs;
    std::vector<std::pair<std::string, std::string>> corpus; // plan text, its gold labels
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--tuned" && i + 1 < argc) {
            std::stringstream ss(argv[++i]);
            for (std::string d; std::getline(ss, d, ',');)
                tuned.insert(d);
        } else if (a == "--floors" && i + 1 < argc) {
            floorsPath = argv[++i];
        } else if (a == "--corpus" && i + 1 < argc) {
            const std::string pair = argv[++i];
            const auto eq = pair.find('=');
            if (eq == std::string::npos) {
                std::cerr << "--corpus takes PLAN.txt=GOLD.csv\n";
                return 2;
            }
            corpus.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
        } else {
            inputs.push_back(a);
        }
    }
    if (inputs.empty() || inputs.size() % 3 != 0) {
        std::cerr << "usage: score_links [--tuned DOC,…] [--floors FILE] WS REVIEW REASONS …\n";
        return 2;
    }
    // (held out?, key) → counts
    std::map<std::string, Count> byDoc, byRule;
    std::map<bool, Count> total;
    std::map<std::string, ReasonCount> reasonsByDoc, inReviewByDoc;
    std::map<bool, ReasonCount> reasonsTotal, inReviewTotal;
    Confusion confusion;
    std::map<bool, long> unlocatedWithSuggestions, unlocatedTasks;
    // The reviewer's work, per set: groups to decide, single suggestions to take out of an
    // accepted group, links to add by hand, reasons to confirm or to type.
    struct Effort
    {
        long groups = 0, wrong = 0, byHand = 0, reasonsConfirmed = 0, reasonsTyped = 0;
    };
    std::map<bool, Effort> effort;
    const fs::path tmp = fs::temp_directory_path() / ("score_links_" + std::to_string(::getpid()));
    fs::create_directories(tmp);
    std::set<std::string> sampleKinds;
    for (std::size_t t = 0; t < inputs.size(); t += 3) {
        const fs::path copy = tmp / fs::path(inputs[t]).filename();
        fs::copy_file(inputs[t], copy, fs::copy_options::overwrite_existing);
        auto ws = pa::layers::Workspace::open(copy.string(), pa::gis::OpenMode::Update);
        // Reasons are suggested as for this workspace, which holds the layers a planning
        // workspace holds (the corpus's are read as for the samples' together).
        std::set<std::string> kinds;
        for (const auto& layer : ws.layers())
            kinds.insert(layer.kind);
        sampleKinds.insert(kinds.begin(), kinds.end());
        ws.transaction([&] {
            for (const auto& layer : ws.layers())
                if (!layer.linkTable.empty())
                    ws.dataset().execute("DELETE FROM \"" + layer.linkTable + "\"");
            ws.dataset().execute("DELETE FROM plan_link_suggestions");
            ws.dataset().execute("DELETE FROM plan_unlocated");
            return 0;
        });
        const auto suggestions = pa::plan::suggestLinks(ws);
        std::map<std::string, std::set<std::string>> gold; // task → codes
        std::set<std::string> reviewed;
        for (const auto& r : readCsv(inputs[t + 1])) {
            const std::string task = r.at("task_id");
            reviewed.insert(task);
            std::stringstream ss(r.at("features"));
            for (std::string code; std::getline(ss, code, ';');)
                if (!code.empty())
                    gold[task].insert(code);
        }
        std::set<std::string> suggestedTasks;
        for (const auto& task : reviewed) {
            const std::string doc = docOf(task);
            const bool held = !tuned.contains(doc);
            const long n = gold.contains(task) ? static_cast<long>(gold[task].size()) : 0;
            byDoc[doc].gold += n;
            total[held].gold += n;
        }
        for (const auto& s : suggestions) {
            if (!reviewed.contains(s.taskId))
                continue;
            suggestedTasks.insert(s.taskId);
            const std::string doc = docOf(s.taskId);
            const bool held = !tuned.contains(doc);
            const bool right = gold.contains(s.taskId) && gold[s.taskId].contains(s.featureCode);
            for (Count* c : {&byDoc[doc], &byRule[(held ? "held-out " : "tuned    ") + s.rule],
                             &total[held]}) {
                ++c->suggested;
                c->correct += right;
            }
        }
        for (const auto& g : pa::plan::groupSuggestions(suggestions))
            if (reviewed.contains(g.taskId))
                ++effort[!tuned.contains(docOf(g.taskId))].groups;
        for (const auto& entry : gold) {
            const std::string& task = entry.first; // (a lambda cannot capture a binding in C++20)
            const bool held = !tuned.contains(docOf(task));
            for (const auto& code : entry.second)
                effort[held].byHand += std::none_of(
                    suggestions.begin(), suggestions.end(), [&](const pa::plan::LinkSuggestion& s) {
                        return s.taskId == task && s.featureCode == code;
                    });
        }
        for (const auto& s : suggestions)
            if (reviewed.contains(s.taskId) &&
                !(gold.contains(s.taskId) && gold[s.taskId].contains(s.featureCode)))
                ++effort[!tuned.contains(docOf(s.taskId))].wrong;
        // The reasons as the reviewer meets them going through each document in order: each
        // suggestion also learns from the document's tasks reviewed before it.
        pa::plan::ReviewedReasons inReview;
        std::string inReviewDoc;
        for (const auto& r : readCsv(inputs[t + 2])) {
            const std::string task = r.at("task_id");
            const std::string doc = docOf(task);
            if (doc != inReviewDoc) {
                inReview = {};
                inReviewDoc = doc;
            }
            const bool held = !tuned.contains(doc);
            ++unlocatedTasks[held];
            unlocatedWithSuggestions[held] += suggestedTasks.contains(task);
            const auto found =
                ws.dataset().run("SELECT text FROM plan_tasks WHERE task_id = ?", {task});
            if (found.rows.empty())
                throw std::runtime_error("no task " + task + " in " + inputs[t]);
            const std::string text = pa::gis::toString(found.rows[0][0]);
            // (As `link reasons` suggests them after `link suggest`: knowing which tasks it
            // offered nothing.)
            const bool nothing = !suggestedTasks.contains(task);
            scoreReason(task, text, r.at("reason_class"), held,
                        {&reasonsByDoc[doc], &reasonsTotal[held]}, &confusion, kinds, {},
                        ws.province(), nothing);
            const bool right = scoreReason(task, text, r.at("reason_class"), held,
                                           {&inReviewByDoc[doc], &inReviewTotal[held]}, nullptr,
                                           kinds, inReview, ws.province(), nothing);
            learn(inReview, task, text, r.at("reason_class"));
            if (!suggestedTasks.contains(task))
                ++(right ? effort[held].reasonsConfirmed : effort[held].reasonsTyped);
        }
        ws.close();
    }
    fs::remove_all(tmp);
    // Gold links of each rule's reach are not knowable per rule; recall per rule is the share of
    // all gold links of its set that the rule found.
    for (auto& [key, c] : byRule)
        c.gold = total[key.rfind("held-out", 0) == 0].gold;

    std::printf("Link suggestions against reviewed links (recall = share of reviewed links "
                "suggested, precision = share of suggestions the reviewer kept)\n\n");
    std::printf("%-22s %-8s %6s %6s %6s %8s %9s\n", "document", "set", "gold", "sugg", "right",
                "recall", "precision");
    for (const auto& [doc, c] : byDoc)
        std::printf("%-22s %-8s %6ld %6ld %6ld %7.1f%% %8.1f%%\n", doc.c_str(),
                    tuned.contains(doc) ? "tuned" : "held-out", c.gold, c.suggested, c.correct,
                    100 * c.recall(), 100 * c.precision());
    for (bool held : {false, true})
        if (total.contains(held))
            std::printf("%-22s %-8s %6ld %6ld %6ld %7.1f%% %8.1f%%\n", "TOTAL",
                        held ? "held-out" : "tuned", total[held].gold, total[held].suggested,
                        total[held].correct, 100 * total[held].recall(),
                        100 * total[held].precision());
    std::printf("\nper rule (recall: share of all reviewed links of the set)\n");
    for (const auto& [rule, c] : byRule)
        std::printf("%-31s %6ld %6ld %7.1f%% %8.1f%%\n", rule.c_str(), c.suggested, c.correct,
                    100 * c.recall(), 100 * c.precision());
    std::printf("\nTasks reviewed without a place that still got suggestions: tuned %ld of %ld, "
                "held-out %ld of %ld\n",
                unlocatedWithSuggestions[false], unlocatedTasks[false],
                unlocatedWithSuggestions[true], unlocatedTasks[true]);
    std::printf("\nSuggested reasons against the reason classes written from the text, each task "
                "alone\n");
    printReasons(reasonsByDoc, reasonsTotal, tuned);
    std::printf("\nThe same in review order (each suggestion also learns from the reasons of the "
                "document's tasks reviewed before it)\n");
    printReasons(inReviewByDoc, inReviewTotal, tuned);
    // Other provinces' documents: the reason suggested for each task labelled with a reason
    // class, from its text alone (the reader's tasks; no workspace, so no place is known).
    std::map<std::string, ReasonCount> corpusByDoc, corpusInReviewByDoc;
    std::map<bool, ReasonCount> corpusTotal, corpusInReviewTotal;
    for (const auto& [planPath, goldPath] : corpus) {
        pa::plan::ReviewedReasons inReview; // a document of its own province, reviewed alone
        std::map<std::string, std::string> texts;
        for (const auto& t : pa::plan::readPlan(planPath).tasks)
            texts[t.id] = t.text;
        for (const auto& r : readCsv(goldPath)) {
            if (r.at("label") == "place")
                continue;
            const std::string task = r.at("task_id");
            const std::string doc = docOf(task);
            const bool held = !tuned.contains(doc);
            const auto text = texts.find(task.substr(task.find(':') + 1));
            if (text == texts.end()) {
                std::cerr << goldPath << ": the reader finds no task " << task << " in " << planPath
                          << "\n";
                return 2;
            }
            scoreReason(task, text->second, r.at("label"), held,
                        {&corpusByDoc[doc], &corpusTotal[held]}, &confusion, sampleKinds);
            scoreReason(task, text->second, r.at("label"), held,
                        {&corpusInReviewByDoc[doc], &corpusInReviewTotal[held]}, nullptr,
                        sampleKinds, inReview);
            learn(inReview, task, text->second, r.at("label"));
        }
    }
    if (!corpus.empty()) {
        std::printf("\nSuggested reasons on other provinces' documents (text only, labels "
                    "written from the text)\n");
        printReasons(corpusByDoc, corpusTotal, tuned);
        std::printf("\nThe same in review order (each suggestion also learns from the reasons of "
                    "the document's tasks reviewed before it)\n");
        printReasons(corpusInReviewByDoc, corpusInReviewTotal, tuned);
    }

    std::printf("\nconfusion on the tuned documents (gold → suggested: n)\n");
    for (const auto& [g, row] : confusion) {
        std::printf("  %-15s", g.c_str());
        for (const auto& [s, n] : row)
            std::printf(" %s:%ld", s.c_str(), n);
        std::printf("\n");
    }

    // A model of the reviewer's time, to compare with reviewing by hand: 15 s to read a group
    // and accept or reject it, 5 s to take one feature out of it, 30 s to find a feature and
    // link it by hand, 5 s to confirm a suggested reason, 30 s to type one (the reasons as
    // suggested in review order, as the desktop's suggestions show them after each decision).
    std::printf("\nReview work (model: 15 s a group, 5 s a feature taken out, 30 s a link by hand, "
                "5 s a reason confirmed, 30 s a reason typed)\n");
    for (bool held : {false, true}) {
        if (!effort.contains(held))
            continue;
        const auto& e = effort[held];
        const double minutes = (15.0 * e.groups + 5.0 * e.wrong + 30.0 * e.byHand +
                                5.0 * e.reasonsConfirmed + 30.0 * e.reasonsTyped) /
                               60.0;
        const double byHandOnly =
            (30.0 * total[held].gold + 30.0 * (e.reasonsConfirmed + e.reasonsTyped)) / 60.0;
        std::printf("%-8s %4ld groups, %4ld features taken out, %4ld links by hand, %4ld reasons "
                    "confirmed, %4ld typed: %5.0f min (all by hand: %5.0f min)\n",
                    held ? "held-out" : "tuned", e.groups, e.wrong, e.byHand, e.reasonsConfirmed,
                    e.reasonsTyped, minutes, byHandOnly);
    }

    if (floorsPath.empty())
        return 0;
    std::ifstream floors(floorsPath);
    if (!floors) {
        std::cerr << "cannot read " << floorsPath << "\n";
        return 2;
    }
    const std::map<std::string, double> figures = {
        {"heldout_recall", total[true].recall()},
        {"heldout_precision", total[true].precision()},
        {"heldout_reasons", reasonsTotal[true].share()},
        {"tuned_recall", total[false].recall()},
        {"tuned_precision", total[false].precision()},
        {"tuned_reasons", reasonsTotal[false].share()},
        {"corpus_heldout_reasons", corpusTotal[true].share()},
        {"corpus_tuned_reasons", corpusTotal[false].share()},
        {"heldout_reasons_in_review", inReviewTotal[true].share()},
        {"corpus_heldout_reasons_in_review", corpusInReviewTotal[true].share()},
    };
    int failed = 0;
    for (std::string key; floors >> key;) {
        if (key[0] == '#') {
            std::getline(floors, key);
            continue;
        }
        double floor = 0;
        floors >> floor;
        if (!figures.contains(key)) {
            std::cerr << floorsPath << ": unknown figure '" << key << "'\n";
            return 2;
        }
        if (figures.at(key) + 1e-9 < floor) {
            std::cerr << "below floor: " << key << " = " << figures.at(key) << " < " << floor
                      << "\n";
            ++failed;
        }
    }
    return failed ? 1 : 0;
}
