#include "planatlas/layers/analysis/Overlaps.h"

#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/SpatialIndex.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace pa::analysis {

using gis::sqlIdentifier;

namespace {

struct Feature
{
    OverlapSide side;
    gis::Geometry geometry;
};

} // namespace

std::vector<std::pair<std::string, std::string>> defaultOverlapPairs()
{
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& industrial : layers::layerKinds())
        if (industrial.group == "industrial")
            for (std::string_view other : {"agri_zone", "forest"})
                pairs.emplace_back(industrial.id, other);
    for (const auto& kind : layers::layerKinds())
        if (kind.programme && kind.accepts(gis::GeometryFamily::Polygon))
            pairs.emplace_back(kind.id, kind.id);
    return pairs;
}

std::vector<std::pair<std::string, std::string>> parseOverlapPairs(const std::string& text)
{
    std::vector<std::pair<std::string, std::string>> pairs;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        const auto colon = item.find(':');
        if (colon == std::string::npos)
            throw layers::ParameterError(
                "pairs", {QT_TRANSLATE_NOOP("pa::layers", "'%1' is not KIND:KIND"), {item}});
        std::string a = item.substr(0, colon), b = item.substr(colon + 1);
        for (const auto& k : {a, b})
            if (!layers::findKind(k))
                throw layers::ParameterError(
                    "pairs", {QT_TRANSLATE_NOOP("pa::layers", "unknown kind '%1'; kinds are: %2"),
                              {k, layers::kindIdList()}});
        pairs.emplace_back(a, b);
    }
    return pairs;
}

OverlapsResult overlaps(layers::Workspace& ws,
                        const std::vector<std::pair<std::string, std::string>>& pairs, double minHa,
                        const layers::Progress& progress)
{
    auto& ds = ws.dataset();
    OverlapsResult result;
    result.pairs = pairs;

    // Tasks and leads by task fid.
    std::map<std::int64_t, std::string> taskIds;
    for (const auto& row : ds.execute("SELECT fid + 0, task_id FROM plan_tasks").rows)
        taskIds[std::get<std::int64_t>(row[0])] = gis::toString(row[1]);
    const auto leads = detail::leadsByTaskFid(ws);

    // Polygon features of every kind named in a pair.
    std::set<std::string> kinds;
    for (const auto& [a, b] : pairs) {
        kinds.insert(a);
        kinds.insert(b);
    }
    std::map<std::string, std::vector<Feature>> byKind;
    for (const auto& layer : ws.layers()) {
        if (!kinds.contains(layer.kind))
            continue;
        detail::InputLayer input(ws, layer.name, &result.notes);
        if (!input.exists() || input.table().geometryFamily() != gis::GeometryFamily::Polygon)
            continue;
        auto* table = &input.table();
        std::map<std::int64_t, std::set<std::int64_t>> tasksOf; // feature fid → task fids
        if (!layer.linkTable.empty() && ds.layerByName(layer.linkTable))
            for (const auto& row :
                 ds.execute("SELECT base_id, related_id FROM " + sqlIdentifier(layer.linkTable))
                     .rows)
                tasksOf[std::get<std::int64_t>(row[0])].insert(std::get<std::int64_t>(row[1]));
        const int code = table->fieldIndex("code"), name = table->fieldIndex("name_vi");
        input.resetReading();
        while (auto row = input.next()) {
            const auto* f = &row->feature;
            Feature feature{{layer.name,
                             layer.kind,
                             code >= 0 ? gis::toString(f->value(code)) : std::to_string(f->fid()),
                             name >= 0 ? gis::toString(f->value(name)) : std::string(),
                             {},
                             {}},
                            std::move(row->geometry)};
            if (feature.geometry.isEmpty())
                continue;
            std::set<std::string> leadSet;
            for (const auto task : tasksOf[f->fid()]) {
                feature.side.tasks.push_back(taskIds[task]);
                if (const auto l = leads.find(task); l != leads.end())
                    leadSet.insert(l->second.begin(), l->second.end());
            }
            std::sort(feature.side.tasks.begin(), feature.side.tasks.end());
            feature.side.leadAgencies.assign(leadSet.begin(), leadSet.end());
            byKind[layer.kind].push_back(std::move(feature));
        }
    }
    for (auto& [kind, list] : byKind)
        std::sort(list.begin(), list.end(), [](const Feature& x, const Feature& y) {
            return std::tie(x.side.code, x.side.layer) < std::tie(y.side.code, y.side.layer);
        });

    std::size_t done = 0;
    for (const auto& [kindA, kindB] : pairs) {
        progress.update(static_cast<double>(done++) /
                            static_cast<double>(std::max<std::size_t>(pairs.size(), 1)),
                        "overlaps");
        const auto& listA = byKind[kindA];
        const auto& listB = byKind[kindB];
        gis::SpatialIndex index;
        for (std::size_t j = 0; j < listB.size(); ++j)
            index.insert(*listB[j].geometry.envelope(), static_cast<std::int64_t>(j));
        for (std::size_t i = 0; i < listA.size(); ++i) {
            progress.checkCancelled();
            for (auto j : index.query(*listA[i].geometry.envelope())) {
                // A kind against itself: each pair once, never a feature with itself.
                if (kindA == kindB && static_cast<std::size_t>(j) <= i)
                    continue;
                const auto& b = listB[static_cast<std::size_t>(j)];
                auto piece = listA[i].geometry.intersection(b.geometry);
                const double ha = piece.area() / 10000.0;
                if (ha <= 0)
                    continue;
                if (ha < minHa) {
                    ++result.belowThreshold;
                    continue;
                }
                result.rows.push_back({listA[i].side, b.side, ha, std::move(piece)});
            }
        }
    }
    progress.update(1.0, "overlaps");
    return result;
}

} // namespace pa::analysis
