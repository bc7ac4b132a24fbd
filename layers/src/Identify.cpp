#include "planatlas/layers/Identify.h"

#include "planatlas/gis/Dataset.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <tuple>

namespace pa::layers {

using gis::sqlIdentifier;

namespace {

/// A feature as identify shows it (without its tasks).
IdentifiedFeature describe(const RegisteredLayer& layer, const gis::Layer& table,
                           const gis::Feature& f, const gis::Geometry& g)
{
    const auto fields = table.fields();
    const int code = table.fieldIndex("code"), name = table.fieldIndex("name_vi"),
              quality = table.fieldIndex("geometry_quality");
    IdentifiedFeature item;
    item.layer = layer.name;
    item.kind = layer.kind;
    item.layerTitleVi = layer.titleVi;
    item.layerTitleEn = layer.titleEn;
    item.fid = f.fid();
    item.code = code >= 0 ? gis::toString(f.value(code)) : std::string();
    item.name = name >= 0 ? gis::toString(f.value(name)) : std::string();
    item.geometryQuality = quality >= 0 ? gis::toString(f.value(quality)) : std::string();
    for (std::size_t i = 0; i < fields.size(); ++i)
        item.attributes.emplace_back(fields[i].name, gis::toString(f.value(static_cast<int>(i))));
    if (const auto e = g.envelope())
        item.envelope = *e;
    item.shapes = g.shapes();
    return item;
}

} // namespace

std::optional<IdentifiedFeature> featureByCode(Workspace& ws, const std::string& code)
{
    for (const auto& layer : ws.layers()) {
        auto table = ws.dataset().layerByName(layer.name);
        if (!table || !table->hasGeometry() || table->fieldIndex("code") < 0)
            continue;
        table->setAttributeFilter("code = " + gis::sqlLiteral(code));
        table->resetReading();
        auto f = table->next();
        table->setAttributeFilter({});
        if (!f)
            continue;
        const auto g = f->takeGeometry();
        auto item = describe(layer, *table, *f, g);
        item.tasks = tasksOfFeature(ws, layer.name, item.fid);
        return item;
    }
    return std::nullopt;
}

std::vector<TaskSummary> tasksOfFeature(Workspace& ws, const std::string& layerName,
                                        std::int64_t fid)
{
    std::vector<TaskSummary> tasks;
    const auto layer = ws.findLayer(layerName);
    if (!layer || layer->linkTable.empty() || !ws.dataset().layerByName(layer->linkTable))
        return tasks;
    auto& ds = ws.dataset();
    const auto rows = ds.execute(
        "SELECT t.task_id, t.doc_id, t.section, t.text, t.deadline, t.deadline_text FROM " +
        sqlIdentifier(layer->linkTable) +
        " l JOIN plan_tasks t ON t.fid = l.related_id WHERE l.base_id = " + std::to_string(fid) +
        " ORDER BY t.task_id");
    for (const auto& row : rows.rows)
        tasks.push_back({gis::toString(row[0]),
                         gis::toString(row[1]),
                         gis::toString(row[2]),
                         gis::toString(row[3]),
                         {},
                         {},
                         gis::toString(row[4]),
                         gis::toString(row[5])});
    if (tasks.empty())
        return tasks;
    std::string list;
    for (const auto& t : tasks)
        list += (list.empty() ? "" : ",") + gis::sqlLiteral(t.taskId);
    const auto roles = ds.execute(
        "SELECT r.task_id, r.role, a.name_vi FROM plan_task_agencies r JOIN plan_agencies a "
        "ON a.agency_id = r.agency_id WHERE r.task_id IN (" +
        list + ") ORDER BY a.name_vi");
    for (const auto& row : roles.rows) {
        const auto id = gis::toString(row[0]);
        auto t = std::find_if(tasks.begin(), tasks.end(),
                              [&](const TaskSummary& s) { return s.taskId == id; });
        if (t != tasks.end())
            (gis::toString(row[1]) == "lead" ? t->lead : t->support)
                .push_back(gis::toString(row[2]));
    }
    return tasks;
}

std::vector<IdentifiedFeature> identify(Workspace& ws, double x, double y, double toleranceM,
                                        const std::vector<std::string>& layerNames)
{
    std::vector<IdentifiedFeature> found;
    std::ostringstream wkt;
    wkt.precision(15);
    wkt << "POINT(" << x << ' ' << y << ')';
    const auto here = gis::Geometry::fromWkt(wkt.str());
    std::vector<double> areas; // beside found: polygon area (0 for points and lines), for the order
    for (const auto& layer : ws.layers()) {
        if (!layerNames.empty() &&
            std::find(layerNames.begin(), layerNames.end(), layer.name) == layerNames.end())
            continue;
        auto table = ws.dataset().layerByName(layer.name);
        if (!table || !table->hasGeometry())
            continue;
        table->setSpatialFilter(
            gis::Envelope{x - toleranceM, y - toleranceM, x + toleranceM, y + toleranceM});
        table->resetReading();
        while (auto f = table->next()) {
            const auto g = f->takeGeometry();
            if (g.isEmpty())
                continue;
            const double d = g.distance(here);
            if (d > toleranceM)
                continue;
            IdentifiedFeature item = describe(layer, *table, *f, g);
            item.distanceM = d;
            areas.push_back(g.family() == gis::GeometryFamily::Polygon ? g.area() : 0.0);
            found.push_back(std::move(item));
        }
        table->setSpatialFilter(std::nullopt);
    }
    std::vector<std::size_t> order(found.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        // Context (units, basemap, price zones, grids) after what stands on it.
        auto context = [&](std::size_t i) {
            const auto& k = found[i].kind;
            return k.rfind("admin_", 0) == 0 || k == "basemap" || k == "land_price" ||
                   k == "analysis_grid";
        };
        return std::make_tuple(found[a].distanceM, context(a), areas[a]) <
               std::make_tuple(found[b].distanceM, context(b), areas[b]);
    });
    std::vector<IdentifiedFeature> sorted;
    for (auto i : order) {
        found[i].tasks = tasksOfFeature(ws, found[i].layer, found[i].fid);
        sorted.push_back(std::move(found[i]));
    }
    return sorted;
}

} // namespace pa::layers
