#include "planatlas/layers/analysis/Footprint.h"

#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/SpatialIndex.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Links.h"
#include "planatlas/layers/plan/Plan.h"

#include <algorithm>
#include <set>

namespace pa::analysis {

using gis::GeometryFamily;
using gis::sqlIdentifier;
using layers::Error;
using layers::ErrorKind;

namespace {

struct LinkedFeature
{
    std::string id; ///< "layer/fid"
    gis::Geometry geometry;
};

struct Task
{
    std::string id, docId, section, text, deadline;
    std::vector<std::string> lead;
    std::vector<std::size_t> features; ///< indices into the feature list
};

} // namespace

FootprintResult footprint(layers::Workspace& ws, FootprintBy by, const std::string& unitsLayer,
                          const layers::Progress& progress, const std::string& dueBefore)
{
    auto& ds = ws.dataset();
    const auto due = dueBefore.empty() ? std::optional<std::string>() : text::parseDate(dueBefore);
    if (!dueBefore.empty() && !due)
        throw layers::ParameterError(
            "due_before",
            {QT_TRANSLATE_NOOP("pa::layers", "'%1' is not a date (2026-06-30 or 30/6/2026)"),
             {dueBefore}});
    const std::string dueIso = due.value_or(std::string());
    FootprintResult result;
    result.by = by;
    result.unitsLayer = unitsLayer;

    // Units.
    std::vector<detail::Unit> units;
    if (!unitsLayer.empty())
        units = detail::readUnits(ws, unitsLayer, &result.notes);
    gis::SpatialIndex unitIndex;
    for (std::size_t u = 0; u < units.size(); ++u)
        unitIndex.insert(*units[u].geometry.envelope(), static_cast<std::int64_t>(u));

    // Tasks with their leads.
    std::vector<Task> tasks;
    std::map<std::int64_t, std::size_t> taskByFid;
    result.dueBefore = dueIso;
    for (const auto& row : ds.execute("SELECT fid + 0, task_id, doc_id, section, text, deadline "
                                      "FROM plan_tasks ORDER BY task_id")
                               .rows) {
        const std::string deadline = gis::toString(row[5]);
        if (!dueIso.empty()) {
            // Due before the day: its deadline ends earlier (ongoing or undated tasks never are).
            const auto end = plan::deadlineEnd(deadline);
            if (!end || *end >= dueIso) {
                ++result.tasksNotDue;
                continue;
            }
        }
        taskByFid[std::get<std::int64_t>(row[0])] = tasks.size();
        tasks.push_back({gis::toString(row[1]),
                         gis::toString(row[2]),
                         gis::toString(row[3]),
                         gis::toString(row[4]),
                         deadline,
                         {},
                         {}});
    }
    for (const auto& [fid, leads] : detail::leadsByTaskFid(ws))
        if (auto t = taskByFid.find(fid); t != taskByFid.end())
            tasks[t->second].lead.assign(leads.begin(), leads.end());

    // Linked features, read once each.
    std::vector<LinkedFeature> features;
    for (const auto& layer : ws.layers()) {
        if (layer.linkTable.empty() || !ds.layerByName(layer.linkTable) ||
            !ds.layerByName(layer.name))
            continue;
        const auto links =
            ds.execute("SELECT base_id, related_id FROM " + sqlIdentifier(layer.linkTable) +
                       " ORDER BY base_id, related_id");
        if (links.rows.empty())
            continue;
        detail::InputLayer table(ws, layer.name, &result.notes);
        std::map<std::int64_t, std::size_t> index; // fid → feature index
        std::set<std::int64_t> wanted;
        for (const auto& row : links.rows)
            wanted.insert(std::get<std::int64_t>(row[0]));
        table.resetReading();
        while (auto f = table.table().next()) {
            const auto fid = f->fid();
            if (!wanted.contains(fid))
                continue;
            index[fid] = features.size();
            features.push_back(
                {layer.name + "/" + std::to_string(fid), table.fit(f->takeGeometry(), fid)});
        }
        for (const auto& row : links.rows) {
            const auto task = taskByFid.find(std::get<std::int64_t>(row[1]));
            const auto feature = index.find(std::get<std::int64_t>(row[0]));
            if (feature == index.end())
                ++result.danglingLinks;
            if (task != taskByFid.end() && feature != index.end())
                tasks[task->second].features.push_back(feature->second);
        }
    }

    // Groups.
    std::map<std::string, std::vector<std::size_t>> groups; // key → task indices
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        switch (by) {
        case FootprintBy::Task:
            groups[tasks[i].id].push_back(i);
            break;
        case FootprintBy::Document:
            groups[tasks[i].docId].push_back(i);
            break;
        case FootprintBy::Agency:
            for (const auto& a : tasks[i].lead)
                groups[a].push_back(i);
            break;
        }
    }
    std::size_t done = 0;
    for (const auto& [key, members] : groups) {
        progress.update(static_cast<double>(done++) / static_cast<double>(groups.size()),
                        "footprint");
        FootprintRow row;
        row.key = key;
        row.tasks = static_cast<std::int64_t>(members.size());
        std::set<std::size_t> featureSet;
        for (auto t : members) {
            if (!tasks[t].features.empty())
                ++row.located;
            featureSet.insert(tasks[t].features.begin(), tasks[t].features.end());
        }
        row.features = static_cast<std::int64_t>(featureSet.size());
        std::vector<const gis::Geometry*> polygons;
        std::set<std::string> touched;
        for (auto i : featureSet) {
            const auto& g = features[i].geometry;
            if (g.isEmpty())
                continue;
            if (g.family() == GeometryFamily::Polygon)
                polygons.push_back(&g);
            row.lengthKm += g.length() / 1000.0;
            for (auto u : unitIndex.query(*g.envelope())) {
                const auto& unit = units[static_cast<std::size_t>(u)];
                if (detail::reaches(unit.geometry.intersection(g), g.family()))
                    touched.insert(unit.code);
            }
        }
        if (!polygons.empty())
            row.areaHa = gis::Geometry::unionOf(polygons).area() / 10000.0;
        row.units.assign(touched.begin(), touched.end());
        result.rows.push_back(std::move(row));
    }
    std::map<std::string, std::string> reasons;
    for (auto& u : plan::listUnlocated(ws))
        reasons.emplace(std::move(u.taskId), std::move(u.reason));
    for (const auto& t : tasks) {
        if (!t.features.empty())
            continue;
        const auto reason = reasons.find(t.id);
        result.unlocated.push_back({t.id, t.docId, t.section, t.text, t.deadline, t.lead,
                                    reason == reasons.end() ? std::string() : reason->second});
        if (reason != reasons.end())
            ++result.unlocatedReviewed;
        ++result.unlocatedByDocument[t.docId];
        for (const auto& a : t.lead)
            ++result.unlocatedByAgency[a];
    }
    progress.update(1.0, "footprint");
    return result;
}

} // namespace pa::analysis
