#include "planatlas/layers/Find.h"

#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace pa::layers {

namespace {

std::vector<std::string> words(const std::string& folded)
{
    std::vector<std::string> out;
    std::istringstream in(folded);
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

} // namespace

std::vector<Findable> findables(Workspace& ws)
{
    std::vector<Findable> out;
    auto& ds = ws.dataset();
    for (const auto& l : ws.layers()) {
        const auto* kind = findKind(l.kind);
        const bool admin = l.kind.rfind("admin_", 0) == 0;
        if (!kind || (!kind->programme && !admin && !kind->symbology.titledByLayer))
            continue; // price zones, grids and the basemap are not looked for by name
        auto table = ds.layerByName(l.name);
        if (!table || table->fieldIndex("code") < 0 || table->fieldIndex("name_vi") < 0)
            continue;
        const bool english = table->fieldIndex("name_en") >= 0;
        for (const auto& row :
             ds.execute("SELECT code, name_vi" + std::string(english ? ", name_en" : "") +
                        " FROM " + gis::sqlIdentifier(l.name) + " WHERE code IS NOT NULL")
                 .rows) {
            Findable f;
            f.what = admin ? Findable::What::Unit : Findable::What::Feature;
            f.key = gis::toString(row[0]);
            f.title = gis::toString(row[1]);
            f.detail = l.titleVi.empty() ? l.name : l.titleVi;
            f.layer = l.name;
            f.folded = text::foldForMatch(f.title + " " + f.key + " " +
                                          (english ? gis::toString(row[2]) : std::string()));
            out.push_back(std::move(f));
        }
    }
    if (ds.layerByName("plan_tasks"))
        for (const auto& row :
             ds.execute("SELECT task_id, text, doc_id FROM plan_tasks ORDER BY doc_id, task_id")
                 .rows) {
            Findable f;
            f.what = Findable::What::Task;
            f.key = gis::toString(row[0]);
            f.title = gis::toString(row[1]);
            f.detail = gis::toString(row[2]);
            f.folded = text::foldForMatch(f.key + " " + f.title);
            out.push_back(std::move(f));
        }
    if (ds.layerByName("plan_agencies")) {
        std::map<std::string, std::string> aliases; // agency id → its other names
        if (ds.layerByName("plan_agency_aliases"))
            for (const auto& row :
                 ds.execute("SELECT agency_id, alias FROM plan_agency_aliases").rows)
                aliases[gis::toString(row[0])] += " " + gis::toString(row[1]);
        for (const auto& row :
             ds.execute("SELECT agency_id, name_vi, abbreviation FROM plan_agencies").rows) {
            Findable f;
            f.what = Findable::What::Agency;
            f.key = gis::toString(row[1]);
            f.title = f.key;
            f.detail = gis::toString(row[2]);
            f.folded =
                text::foldForMatch(f.title + " " + f.detail + aliases[gis::toString(row[0])]);
            out.push_back(std::move(f));
        }
    }
    return out;
}

std::vector<const Findable*> find(const std::vector<Findable>& entries, const std::string& query,
                                  std::size_t limit)
{
    const std::string folded = text::foldForMatch(query);
    const auto wanted = words(folded);
    std::vector<std::pair<int, const Findable*>> hits; // (rank, entry), lower rank first
    if (wanted.empty())
        return {};
    for (const auto& e : entries) {
        if (!std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
                return e.folded.find(w) != std::string::npos;
            }))
            continue;
        // The name itself, then names that start with it, then hold it, then other words; at
        // each, places before agencies before tasks (a name typed is more often a place).
        const std::string title = text::foldForMatch(e.title);
        const int rank = title == folded                           ? 0
                         : title.rfind(folded, 0) == 0             ? 1
                         : title.find(folded) != std::string::npos ? 2
                                                                   : 3;
        const int what = e.what == Findable::What::Feature  ? 0
                         : e.what == Findable::What::Unit   ? 1
                         : e.what == Findable::What::Agency ? 2
                                                            : 3;
        hits.emplace_back(rank * 4 + what, &e);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Findable*> out;
    for (const auto& [rank, e] : hits) {
        if (out.size() >= limit)
            break;
        out.push_back(e);
    }
    return out;
}

} // namespace pa::layers
