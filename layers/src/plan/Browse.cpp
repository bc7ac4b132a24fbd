#include "planatlas/layers/plan/Browse.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"

#include <algorithm>
#include <map>
#include <set>

namespace pa::plan {

using gis::sqlIdentifier;
using gis::sqlLiteral;

namespace {

std::string text(const gis::FieldValue& v)
{
    return gis::toString(v);
}
std::int64_t integer(const gis::FieldValue& v)
{
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return *i;
    return 0;
}

} // namespace

std::string documentText(layers::Workspace& ws, const std::string& docId)
{
    const auto rows =
        ws.dataset().run("SELECT source_text FROM plan_documents WHERE doc_id = ?", {docId}).rows;
    return rows.empty() ? std::string() : gis::toString(rows[0][0]);
}

namespace {

/// Folded text with white space squeezed to one space, and each byte's source offset.
struct Squeezed
{
    std::string text;
    std::vector<std::size_t> origin; ///< one more than text: the end
};

Squeezed squeeze(const std::string& source)
{
    const auto folded = text::foldWithOffsets(source);
    Squeezed out;
    bool space = true; // no leading space
    for (std::size_t i = 0; i < folded.folded.size(); ++i) {
        const char c = folded.folded[i];
        const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (blank) {
            if (space)
                continue;
            space = true;
            out.text.push_back(' ');
        } else {
            space = false;
            out.text.push_back(c);
        }
        out.origin.push_back(folded.origin[i]);
    }
    out.origin.push_back(folded.origin.empty() ? source.size() : folded.origin.back());
    return out;
}

} // namespace

std::vector<std::optional<std::pair<std::size_t, std::size_t>>>
taskSpans(const std::string& source, const std::vector<std::string>& taskTexts)
{
    std::vector<std::optional<std::pair<std::size_t, std::size_t>>> spans;
    const Squeezed doc = squeeze(source);
    std::size_t from = 0;
    for (const auto& task : taskTexts) {
        std::string key = squeeze(task).text;
        while (!key.empty() && key.back() == ' ')
            key.pop_back();
        // Found by its first words (a reader may have joined or trimmed the end), then as far as
        // its words go on.
        constexpr std::size_t kProbe = 60;
        const std::string probe = key.substr(0, std::min(kProbe, key.size()));
        const auto at = probe.size() < 8 ? std::string::npos : doc.text.find(probe, from);
        if (at == std::string::npos) {
            spans.emplace_back(std::nullopt);
            continue;
        }
        std::size_t end = at + probe.size();
        std::size_t k = probe.size();
        while (k < key.size() && end < doc.text.size() && doc.text[end] == key[k])
            ++end, ++k;
        spans.emplace_back(std::pair{doc.origin[at], doc.origin[end]});
        from = end;
    }
    return spans;
}

PlanOverview readPlanOverview(layers::Workspace& ws)
{
    auto& ds = ws.dataset();
    PlanOverview out;
    std::map<std::string, std::size_t> docIndex;
    for (const auto& row :
         ds.execute("SELECT doc_id, doc_type, number, issued_on, title FROM plan_documents "
                    "ORDER BY issued_on IS NULL, issued_on, doc_id")
             .rows) {
        docIndex[text(row[0])] = out.documents.size();
        out.documents.push_back(
            {text(row[0]), text(row[1]), text(row[2]), text(row[3]), text(row[4]), {}});
    }

    // Links per task fid, over every registered link table, and the kinds they reach.
    std::map<std::int64_t, std::int64_t> links;
    std::map<std::int64_t, std::set<std::string>> kinds;
    for (const auto& layer : ws.layers()) {
        if (layer.linkTable.empty() || !ds.layerByName(layer.linkTable) ||
            !ds.layerByName(layer.name))
            continue;
        for (const auto& row :
             ds.execute("SELECT l.related_id, COUNT(*) FROM " + sqlIdentifier(layer.linkTable) +
                        " l JOIN " + sqlIdentifier(layer.name) +
                        " f ON f.fid = l.base_id GROUP BY l.related_id")
                 .rows) {
            links[integer(row[0])] += integer(row[1]);
            kinds[integer(row[0])].insert(layer.kind);
        }
    }
    std::map<std::string, std::string> reasons;
    if (ws.schemaVersion() >= layers::kSchemaPlanReview)
        for (const auto& row : ds.execute("SELECT task_id, reason FROM plan_unlocated").rows)
            reasons[text(row[0])] = text(row[1]);

    std::map<std::string, std::pair<std::size_t, std::size_t>> taskIndex; // task → (document, task)
    const bool deadlines = ws.schemaVersion() >= layers::kSchemaTaskDeadlines;
    for (const auto& row :
         ds.execute(std::string("SELECT fid + 0, task_id, doc_id, section, heading, text, ") +
                    (deadlines ? "deadline, deadline_text" : "NULL, NULL") +
                    " FROM plan_tasks ORDER BY doc_id, ordinal, task_id")
             .rows) {
        const auto doc = docIndex.find(text(row[2]));
        if (doc == docIndex.end())
            continue; // a task of no stored document (validate reports it)
        auto& tasks = out.documents[doc->second].tasks;
        StoredTask t{text(row[1]), text(row[2]), text(row[3]), text(row[4]),
                     text(row[5]), {},           {},           0,
                     {},           {},           text(row[6]), text(row[7])};
        if (const auto l = links.find(integer(row[0])); l != links.end())
            t.links = l->second;
        if (const auto k = kinds.find(integer(row[0])); k != kinds.end()) {
            t.kinds.assign(k->second.begin(), k->second.end());
            std::sort(t.kinds.begin(), t.kinds.end(),
                      [](const std::string& a, const std::string& b) {
                          return layers::kindRank(a) < layers::kindRank(b);
                      });
        }
        if (const auto r = reasons.find(t.taskId); r != reasons.end())
            t.unlocatedReason = r->second;
        taskIndex[t.taskId] = {doc->second, tasks.size()};
        tasks.push_back(std::move(t));
    }

    std::map<std::string, StoredAgency> agencies;
    for (const auto& row : ds.execute("SELECT a.agency_id, a.name_vi, a.abbreviation, s.name_vi AS "
                                      "successor_name FROM plan_agencies a "
                                      "LEFT JOIN plan_agencies s ON s.agency_id = a.successor_id")
                               .rows)
        agencies[text(row[0])] = {text(row[0]), text(row[1]), text(row[2]), text(row[3]), 0, 0};
    for (const auto& row : ds.execute("SELECT task_id, agency_id, role FROM plan_task_agencies "
                                      "ORDER BY task_id, role, agency_id")
                               .rows) {
        const auto agency = agencies.find(text(row[1]));
        const auto task = taskIndex.find(text(row[0]));
        if (agency == agencies.end() || task == taskIndex.end())
            continue;
        auto& t = out.documents[task->second.first].tasks[task->second.second];
        const bool lead = text(row[2]) == "lead";
        (lead ? t.lead : t.support).push_back(agency->second.name);
        ++(lead ? agency->second.leadTasks : agency->second.supportTasks);
    }
    for (auto& d : out.documents)
        for (auto& t : d.tasks) {
            std::sort(t.lead.begin(), t.lead.end());
            std::sort(t.support.begin(), t.support.end());
        }
    for (auto& [id, a] : agencies)
        out.agencies.push_back(std::move(a));
    std::sort(out.agencies.begin(), out.agencies.end(),
              [](const StoredAgency& a, const StoredAgency& b) { return a.name < b.name; });
    return out;
}

std::optional<gis::Envelope> footprintExtent(layers::Workspace& ws,
                                             const std::vector<std::string>& taskIds)
{
    if (taskIds.empty())
        return std::nullopt;
    auto& ds = ws.dataset();
    std::string list;
    for (const auto& id : taskIds)
        list += (list.empty() ? "" : ",") + sqlLiteral(id);
    std::optional<gis::Envelope> extent;
    for (const auto& layer : ws.layers()) {
        if (layer.linkTable.empty() || !ds.layerByName(layer.linkTable))
            continue;
        auto table = ds.layerByName(layer.name);
        if (!table || !table->hasGeometry())
            continue;
        const auto fids = ds.execute(
            "SELECT DISTINCT l.base_id FROM " + sqlIdentifier(layer.linkTable) +
            " l JOIN plan_tasks t ON t.fid = l.related_id WHERE t.task_id IN (" + list + ")");
        if (fids.rows.empty())
            continue;
        std::string where;
        for (const auto& row : fids.rows)
            where += (where.empty() ? "fid IN (" : ",") + std::to_string(integer(row[0]));
        table->setAttributeFilter(where + ")");
        table->resetReading();
        while (auto f = table->next()) {
            const auto g = f->takeGeometry();
            if (const auto e = g.envelope()) {
                if (extent)
                    extent->merge(*e);
                else
                    extent = e;
            }
        }
        table->setAttributeFilter({});
    }
    return extent;
}

} // namespace pa::plan
