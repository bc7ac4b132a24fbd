// Scores the plan reader against gold annotations written from the text
// (tests/data/plans/corpus/*.gold.tsv, *.targets.tsv): per document, per layout and in total,
// both with every rule and leave-one-out (each document read without the assignment rules
// written for it), and over the documents held out (no reader code written from them).
//
//   score_plans GOLD_DIR SOURCE_DIR... [--tsv OUT] [--floors FILE] [--only NAME]
//
// With --floors, exits 1 when a total falls below the floor named there (a regression guard;
// the figures themselves are what the closing notes quote).

#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Plan.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using pa::text::foldForMatch;

namespace {

std::vector<std::string> splitTabs(const std::string& line)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto tab = line.find('\t', start);
        out.push_back(
            line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos)
            break;
        start = tab + 1;
    }
    return out;
}

std::string trim(std::string s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r'))
        s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ')
        ++i;
    return s.substr(i);
}

std::vector<std::string> splitBars(const std::string& cell)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto bar = cell.find(" | ", start);
        std::string part =
            trim(cell.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (!part.empty())
            out.push_back(part);
        if (bar == std::string::npos)
            break;
        start = bar + 3;
    }
    return out;
}

struct GoldTask
{
    int line = 0;
    std::vector<std::string> lead, support, places;
    std::string deadline;
    bool collective = false;
};

struct GoldTarget
{
    int line = 0;
    double value = 0;
};

struct Gold
{
    std::string name;
    std::map<std::string, std::string> facts;
    std::vector<GoldTask> tasks;
    std::vector<GoldTarget> targets;
};

Gold readGold(const fs::path& goldFile)
{
    Gold g;
    g.name = goldFile.filename().string();
    g.name.resize(g.name.size() - std::string(".gold.tsv").size());
    std::ifstream in(goldFile);
    std::string line;
    bool header = false;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const auto cells = splitTabs(line);
        if (line[0] == '@') {
            if (cells.size() >= 2 && cells[0] != "@part")
                g.facts[cells[0].substr(1)] = trim(cells[1]);
            continue;
        }
        if (!header) { // the column names
            header = true;
            continue;
        }
        GoldTask t;
        try {
            t.line = std::stoi(cells.at(0));
        } catch (const std::exception&) {
            std::cerr << goldFile.string() << ": not a task row: " << line << "\n";
            continue;
        }
        auto cell = [&](std::size_t i) { return i < cells.size() ? cells[i] : std::string(); };
        t.lead = splitBars(cell(1));
        t.support = splitBars(cell(2));
        t.deadline = trim(cell(3));
        t.collective = trim(cell(5)) == "1";
        t.places = splitBars(cell(6));
        g.tasks.push_back(std::move(t));
    }
    fs::path targets = goldFile;
    targets.replace_filename(g.name + ".targets.tsv");
    std::ifstream tin(targets);
    header = false;
    while (std::getline(tin, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        if (!header) {
            header = true;
            continue;
        }
        const auto cells = splitTabs(line);
        try {
            g.targets.push_back({std::stoi(cells.at(0)), std::stod(cells.at(3))});
        } catch (const std::exception&) {
            std::cerr << targets.string() << ": not a target row: " << line << "\n";
        }
    }
    return g;
}

/// An agency name reduced for comparison: folded, abbreviations expanded, the province
/// suffix ("tỉnh", "tỉnh Đồng Tháp", "thành phố") dropped, punctuation removed.
std::string agencyKey(const std::string& name, const std::string& province)
{
    std::string f = foldForMatch(name);
    std::string out;
    for (char c : f)
        out +=
            (std::isalnum(static_cast<unsigned char>(c)) || c == ' ') ? c : (c == '&' ? '&' : ' ');
    std::istringstream words(out);
    std::vector<std::string> w;
    for (std::string word; words >> word;) {
        static const std::map<std::string, std::string> expand = {
            {"ubnd", "uy ban nhan dan"}, {"hdnd", "hoi dong nhan dan"},
            {"bql", "ban quan ly"},      {"kcn", "khu cong nghiep"},
            {"kkt", "khu kinh te"},      {"ccn", "cum cong nghiep"},
            {"tp", "thanh pho"},         {"ubmttq", "uy ban mat tran to quoc"}};
        if (auto it = expand.find(word); it != expand.end()) {
            std::istringstream more(it->second);
            for (std::string m; more >> m;)
                w.push_back(m);
        } else {
            w.push_back(word);
        }
    }
    std::vector<std::string> provinceWords;
    std::istringstream pw(foldForMatch(province));
    for (std::string p; pw >> p;)
        provinceWords.push_back(p);
    // Drop a trailing province name, then a trailing "tinh" / "thanh pho".
    if (!provinceWords.empty() && w.size() > provinceWords.size() &&
        std::equal(provinceWords.begin(), provinceWords.end(),
                   w.end() - static_cast<long>(provinceWords.size())))
        w.resize(w.size() - provinceWords.size());
    if (w.size() > 1 && w.back() == "tinh")
        w.pop_back();
    else if (w.size() > 2 && w[w.size() - 2] == "thanh" && w.back() == "pho")
        w.resize(w.size() - 2);
    std::string key;
    for (const auto& word : w)
        key += (key.empty() ? "" : " ") + word;
    return key;
}

/// The class of a collective group, so that the same group written two ways is one: "các sở,
/// ngành có liên quan" and "các sở, ban, ngành" are the departments; "UBND các xã, phường" and
/// "UBND cấp xã" the commune committees. Empty for a single body.
std::string groupClass(const std::string& key)
{
    auto has = [&](std::string_view w) {
        return (" " + key + " ").find(" " + std::string(w) + " ") != std::string::npos;
    };
    // Plural also when two kinds of unit are listed: "UBND xã, phường" is every commune and ward.
    const bool plural = key.rfind("cac ", 0) == 0 || has("cac") || has("cap") ||
                        (has("xa") && has("phuong")) ||
                        (has("huyen") && (has("thi") || has("thanh")));
    if (!plural)
        return {};
    if (has("uy") && has("ban") && has("nhan") && (has("xa") || has("phuong")))
        return "group:communes";
    if (has("uy") && has("ban") && has("nhan") && has("huyen"))
        return "group:districts";
    if (has("so") || has("nganh"))
        return "group:departments";
    if (has("doanh") && has("nghiep"))
        return "group:enterprises";
    if (has("co") && has("quan"))
        return "group:agencies";
    if (has("don") && has("vi"))
        return "group:agencies";
    return {};
}

bool sameAgency(const std::string& a, const std::string& b)
{
    if (a == b)
        return true;
    if (const std::string ga = groupClass(a); !ga.empty() && ga == groupClass(b))
        return true;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    // "so tai chinh" ~ "so tai chinh co quan thuong truc ban chi dao"
    return std::count(shorter.begin(), shorter.end(), ' ') >= 1 &&
           longer.rfind(shorter + " ", 0) == 0;
}

bool sameLeads(const std::vector<std::string>& gold, const std::vector<std::string>& got,
               const std::string& province)
{
    std::vector<std::string> g, p;
    for (const auto& s : gold)
        g.push_back(agencyKey(s, province));
    for (const auto& s : got)
        p.push_back(agencyKey(s, province));
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end()), p.end());
    if (g.size() != p.size())
        return false;
    std::vector<bool> used(p.size(), false);
    for (const auto& x : g) {
        bool found = false;
        for (std::size_t k = 0; k < p.size() && !found; ++k)
            if (!used[k] && sameAgency(x, p[k]))
                used[k] = found = true;
        if (!found)
            return false;
    }
    return true;
}

/// The proper name of a place mention: folded, type words removed.
std::string placeKey(const std::string& text)
{
    std::string f = foldForMatch(text);
    for (char& c : f)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = ' ';
    static const std::set<std::string> typeWords = {
        "xa",   "phuong", "dac",  "khu",  "huyen",  "thi", "tran", "tinh",  "thanh",
        "pho",  "kinh",   "te",   "cong", "nghiep", "cum", "kcn",  "ccn",   "kkt",
        "song", "ho",     "dao",  "cang", "ga",     "cao", "toc",  "duong", "quoc",
        "lo",   "sat",    "nha",  "may",  "cac",    "du",  "lich", "cho",   "dau",
        "moi",  "tuyen",  "vung", "ql",   "dt"};
    std::istringstream words(f);
    std::string key;
    for (std::string w; words >> w;)
        if (!typeWords.contains(w))
            key += (key.empty() ? "" : " ") + w;
    return key.empty() ? foldForMatch(text) : key;
}

struct Counts
{
    int goldTasks = 0, gotTasks = 0, matched = 0;
    int leadsRight = 0, leadsGold = 0;
    int deadlinesGold = 0, deadlinesRight = 0;
    int placesGold = 0, placesCaught = 0;
    int targetsGold = 0, targetsFound = 0;
    bool error = false;

    Counts& operator+=(const Counts& o)
    {
        goldTasks += o.goldTasks;
        gotTasks += o.gotTasks;
        matched += o.matched;
        leadsRight += o.leadsRight;
        leadsGold += o.leadsGold;
        deadlinesGold += o.deadlinesGold;
        deadlinesRight += o.deadlinesRight;
        placesGold += o.placesGold;
        placesCaught += o.placesCaught;
        targetsGold += o.targetsGold;
        targetsFound += o.targetsFound;
        error = error || o.error;
        return *this;
    }
};

double ratio(int a, int b)
{
    return b == 0 ? std::nan("") : static_cast<double>(a) / b;
}

Counts score(const Gold& gold, const pa::plan::ParsedPlan& plan, std::ostream* detail)
{
    Counts c;
    c.goldTasks = static_cast<int>(gold.tasks.size());
    c.gotTasks = static_cast<int>(plan.tasks.size());
    const std::string province =
        gold.facts.contains("province") ? gold.facts.at("province") : plan.document.province;
    // One-to-one matching by line, closest pairs first, within ±2 lines.
    struct Pair
    {
        int distance;
        std::size_t g, p;
    };
    std::vector<Pair> pairs;
    for (std::size_t g = 0; g < gold.tasks.size(); ++g)
        for (std::size_t p = 0; p < plan.tasks.size(); ++p)
            if (const int d = std::abs(gold.tasks[g].line - plan.tasks[p].line); d <= 2)
                pairs.push_back({d, g, p});
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const Pair& a, const Pair& b) { return a.distance < b.distance; });
    std::vector<int> goldToGot(gold.tasks.size(), -1), gotToGold(plan.tasks.size(), -1);
    for (const auto& pr : pairs)
        if (goldToGot[pr.g] < 0 && gotToGold[pr.p] < 0) {
            goldToGot[pr.g] = static_cast<int>(pr.p);
            gotToGold[pr.p] = static_cast<int>(pr.g);
        }
    for (std::size_t g = 0; g < gold.tasks.size(); ++g) {
        const GoldTask& gt = gold.tasks[g];
        const bool leadKnown = !(gt.lead.size() == 1 && gt.lead[0] == "-");
        if (leadKnown)
            ++c.leadsGold;
        if (!gt.deadline.empty())
            ++c.deadlinesGold;
        c.placesGold += static_cast<int>(gt.places.size());
        if (goldToGot[g] < 0) {
            if (detail)
                *detail << "  missed  line " << gt.line << "\n";
            continue;
        }
        ++c.matched;
        const auto& task = plan.tasks[static_cast<std::size_t>(goldToGot[g])];
        if (leadKnown) {
            if (sameLeads(gt.lead, task.lead, province))
                ++c.leadsRight;
            else if (detail) {
                *detail << "  lead    line " << gt.line << ": gold ";
                for (const auto& l : gt.lead)
                    *detail << "[" << l << "]";
                *detail << " got ";
                for (const auto& l : task.lead)
                    *detail << "[" << l << "]";
                *detail << "\n";
            }
        }
        if (!gt.deadline.empty()) {
            if (task.deadline.normalised == gt.deadline)
                ++c.deadlinesRight;
            else if (detail)
                *detail << "  due     line " << gt.line << ": gold " << gt.deadline << " got '"
                        << task.deadline.normalised << "'\n";
        }
        for (const auto& place : gt.places) {
            const std::string key = placeKey(place);
            const bool caught =
                std::any_of(task.places.begin(), task.places.end(), [&](const auto& m) {
                    const std::string got = placeKey(m.text);
                    return got == key || (!m.name.empty() && placeKey(m.name) == key);
                });
            if (caught)
                ++c.placesCaught;
            else if (detail)
                *detail << "  place   line " << gt.line << ": " << place << "\n";
        }
    }
    if (detail) {
        std::map<std::string, std::pair<int, int>> byRule; // rule → (matched, extra)
        for (std::size_t p = 0; p < plan.tasks.size(); ++p)
            (gotToGold[p] < 0 ? byRule[plan.tasks[p].rule].second
                              : byRule[plan.tasks[p].rule].first)++;
        *detail << "  rules  ";
        for (const auto& [rule, n] : byRule)
            *detail << " " << rule << " " << n.first << "/" << n.second;
        *detail << "  (matched/extra)\n";
    }
    if (detail)
        for (std::size_t p = 0; p < plan.tasks.size(); ++p)
            if (gotToGold[p] < 0)
                *detail << "  extra   line " << plan.tasks[p].line << " [" << plan.tasks[p].rule
                        << "] " << plan.tasks[p].text.substr(0, 70) << "\n";
    c.targetsGold = static_cast<int>(gold.targets.size());
    std::vector<bool> used(plan.targets.size(), false);
    for (const auto& gt : gold.targets) {
        bool found = false;
        for (std::size_t k = 0; k < plan.targets.size() && !found; ++k) {
            const auto& t = plan.targets[k];
            if (used[k] || std::abs(t.line - gt.line) > 2)
                continue;
            if (std::abs(t.value - gt.value) <= 1e-9 * std::max(1.0, std::abs(gt.value))) {
                used[k] = true;
                ++c.targetsFound;
                found = true;
            }
        }
        if (detail && !found)
            *detail << "  target  line " << gt.line << ": gold " << gt.value << " missed\n";
    }
    if (detail)
        for (std::size_t k = 0; k < plan.targets.size(); ++k)
            if (!used[k])
                *detail << "  xtarget line " << plan.targets[k].line << ": "
                        << plan.targets[k].value << " " << plan.targets[k].unit << "\n";
    return c;
}

std::string pct(int a, int b)
{
    if (b == 0)
        return "    –";
    std::ostringstream s;
    s << std::fixed << std::setprecision(0) << std::setw(4) << 100.0 * a / b << "%";
    return s.str();
}

void printRow(std::ostream& out, const std::string& name, const Counts& c)
{
    out << std::left << std::setw(44) << name.substr(0, 43) << std::right << std::setw(5)
        << c.goldTasks << std::setw(5) << c.gotTasks << "  " << pct(c.matched, c.goldTasks) << "  "
        << pct(c.matched, c.gotTasks) << "  " << pct(c.leadsRight, c.leadsGold) << "  "
        << pct(c.deadlinesRight, c.deadlinesGold) << "  " << pct(c.placesCaught, c.placesGold)
        << "  " << pct(c.targetsFound, c.targetsGold) << (c.error ? "  ERROR" : "") << "\n";
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: score_plans GOLD_DIR SOURCE_DIR... [--tsv OUT] [--floors FILE] "
                     "[--only NAME] [--detail]\n";
        return 2;
    }
    const fs::path goldDir = argv[1];
    std::vector<fs::path> sourceDirs;
    std::string tsvOut, floorsFile, only;
    bool detail = false;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--tsv" && i + 1 < argc)
            tsvOut = argv[++i];
        else if (a == "--floors" && i + 1 < argc)
            floorsFile = argv[++i];
        else if (a == "--only" && i + 1 < argc)
            only = argv[++i];
        else if (a == "--detail")
            detail = true;
        else
            sourceDirs.emplace_back(a);
    }
    std::map<std::string, std::string> layouts;
    {
        std::ifstream in(goldDir / "layouts.tsv");
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line[0] != '#')
                if (const auto cells = splitTabs(line); cells.size() >= 2)
                    layouts[cells[0]] = cells[1];
    }
    std::set<std::string> tuned; // documents reader code was written from (tuned.tsv)
    {
        std::ifstream in(goldDir / "tuned.tsv");
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line[0] != '#')
                tuned.insert(splitTabs(line)[0]);
    }
    std::vector<fs::path> goldFiles;
    for (const auto& e : fs::directory_iterator(goldDir))
        if (e.path().string().ends_with(".gold.tsv"))
            goldFiles.push_back(e.path());
    std::sort(goldFiles.begin(), goldFiles.end());

    Counts all, allLoo, heldOut;
    std::map<std::string, Counts> byLayout, byLayoutLoo;
    std::ostringstream table, tableLoo, details;
    std::ofstream tsv;
    if (!tsvOut.empty())
        tsv.open(tsvOut);
    if (tsv)
        tsv << "document\tmode\tgold_tasks\tread_tasks\tmatched\tleads_right\tleads_"
               "gold\tdeadlines_right\t"
               "deadlines_gold\tplaces_caught\tplaces_gold\ttargets_found\ttargets_gold\n";
    int scored = 0;
    for (const auto& gf : goldFiles) {
        const Gold gold = readGold(gf);
        if (!only.empty() && gold.name != only)
            continue;
        fs::path source;
        for (const auto& dir : sourceDirs)
            if (fs::exists(dir / (gold.name + ".txt")))
                source = dir / (gold.name + ".txt");
        if (source.empty()) {
            std::cerr << "skipped " << gold.name << ": no source document in the given folders\n";
            continue;
        }
        ++scored;
        for (const bool loo : {false, true}) {
            Counts c;
            pa::plan::ReadOptions options;
            if (loo)
                options.withoutRulesFor = gold.name;
            try {
                const auto plan = pa::plan::readPlan(source.string(), options);
                if (detail && !loo)
                    details << gold.name << "\n";
                c = score(gold, plan, detail && !loo ? &details : nullptr);
            } catch (const std::exception& e) {
                c.goldTasks = static_cast<int>(gold.tasks.size());
                c.targetsGold = static_cast<int>(gold.targets.size());
                for (const auto& t : gold.tasks) {
                    c.leadsGold += !(t.lead.size() == 1 && t.lead[0] == "-");
                    c.deadlinesGold += !t.deadline.empty();
                    c.placesGold += static_cast<int>(t.places.size());
                }
                c.error = true;
                std::cerr << gold.name << ": " << e.what() << "\n";
            }
            const std::string layout = layouts.contains(gold.name) ? layouts[gold.name] : "?";
            (loo ? allLoo : all) += c;
            if (!loo && !tuned.contains(gold.name))
                heldOut += c;
            (loo ? byLayoutLoo : byLayout)[layout] += c;
            printRow(loo ? tableLoo : table, gold.name, c);
            if (tsv)
                tsv << gold.name << '\t' << (loo ? "leave-one-out" : "all-rules") << '\t'
                    << c.goldTasks << '\t' << c.gotTasks << '\t' << c.matched << '\t'
                    << c.leadsRight << '\t' << c.leadsGold << '\t' << c.deadlinesRight << '\t'
                    << c.deadlinesGold << '\t' << c.placesCaught << '\t' << c.placesGold << '\t'
                    << c.targetsFound << '\t' << c.targetsGold << '\n';
        }
    }
    if (scored == 0) {
        std::cerr << "no gold file could be scored (gold in " << goldDir.string() << ")\n";
        return 2;
    }
    const std::string head = "document                                     gold read  recall  prec "
                             " leads   due  places targets\n";
    std::cout << "All rules (documents the rules were tuned on included):\n" << head << table.str();
    for (const auto& [layout, c] : byLayout)
        printRow(std::cout, "  layout " + layout, c);
    printRow(std::cout, "TOTAL", all);
    std::cout << "\nLeave-one-out (each document read without the rules written for it):\n"
              << head << tableLoo.str();
    for (const auto& [layout, c] : byLayoutLoo)
        printRow(std::cout, "  layout " + layout, c);
    printRow(std::cout, "TOTAL", allLoo);
    std::cout << "\nHeld out (documents no reader code was written from, tuned.tsv):\n" << head;
    printRow(std::cout, "TOTAL held out", heldOut);
    if (detail)
        std::cout << "\n" << details.str();

    if (!floorsFile.empty()) {
        // "metric mode minimum": recall all 0.80
        std::ifstream in(floorsFile);
        int failures = 0;
        for (std::string line; std::getline(in, line);) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream s(line);
            std::string metric, mode;
            double minimum = 0;
            if (!(s >> metric >> mode >> minimum))
                continue;
            const Counts& c = mode == "loo" ? allLoo : mode == "held-out" ? heldOut : all;
            const std::map<std::string, double> value = {
                {"recall", ratio(c.matched, c.goldTasks)},
                {"precision", ratio(c.matched, c.gotTasks)},
                {"leads", ratio(c.leadsRight, c.leadsGold)},
                {"deadlines", ratio(c.deadlinesRight, c.deadlinesGold)},
                {"places", ratio(c.placesCaught, c.placesGold)},
                {"targets", ratio(c.targetsFound, c.targetsGold)}};
            const auto it = value.find(metric);
            if (it == value.end() || !(it->second >= minimum)) {
                std::cout << "FLOOR NOT MET: " << metric << " (" << mode
                          << ") = " << (it == value.end() ? std::nan("") : it->second) << " < "
                          << minimum << "\n";
                ++failures;
            }
        }
        if (failures)
            return 1;
    }
    return 0;
}
