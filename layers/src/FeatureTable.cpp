#include "planatlas/layers/FeatureTable.h"

#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Input.h"

#include <algorithm>

namespace pa::layers {

LayerProperties layerProperties(Workspace& ws, const std::string& layer)
{
    const auto registered = ws.findLayer(layer);
    auto table = ws.dataset().layerByName(layer);
    if (!registered || !table)
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {layer}});
    LayerProperties p;
    p.layer = *registered;
    p.features = table->featureCount();
    p.extent = table->extent();
    auto count = [&](const std::string& sql) {
        const auto r = ws.dataset().execute(sql);
        return r.rows.empty() ? 0 : std::stoll("0" + gis::toString(r.rows[0][0]));
    };
    const std::string id = gis::sqlIdentifier(layer);
    if (table->hasGeometry())
        p.withoutGeometry = count("SELECT COUNT(*) FROM " + id + " WHERE geom IS NULL");
    if (table->fieldIndex("geometry_quality") >= 0)
        for (const auto& row : ws.dataset()
                                   .execute("SELECT geometry_quality, COUNT(*) FROM " + id +
                                            " GROUP BY geometry_quality")
                                   .rows)
            p.byQuality[gis::toString(row[0])] = std::stoll("0" + gis::toString(row[1]));
    if (!registered->linkTable.empty() && ws.dataset().layerByName(registered->linkTable)) {
        const std::string links = gis::sqlIdentifier(registered->linkTable);
        p.links = count("SELECT COUNT(*) FROM " + links);
        p.linkedFeatures = count("SELECT COUNT(DISTINCT base_id) FROM " + links);
        p.linkedTasks = count("SELECT COUNT(DISTINCT related_id) FROM " + links);
    }
    return p;
}

void setLayerTitle(Workspace& ws, const std::string& layer, const std::string& lang,
                   const std::string& title)
{
    if (!ws.findLayer(layer))
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {layer}});
    const std::string trimmed = text::toNfc(title);
    if (trimmed.find_first_not_of(" \t") == std::string::npos)
        throw ParameterError("title",
                             QT_TRANSLATE_NOOP("pa::layers", "a layer's title cannot be empty"));
    ws.dataset().run(std::string("UPDATE pa_layers SET ") +
                         (lang == "en" ? "title_en" : "title_vi") + " = ? WHERE layer_name = ?",
                     {trimmed, layer});
}

namespace {

/// The tables that name a layer in a layer_name column, besides its own.
const char* const kNamingTables[] = {"pa_layers", "plan_link_suggestions", "admin_units"};
const std::string kRemovedPrefix(kRemovedLayerPrefix);

std::string keptName(gis::Dataset& ds, const std::string& name)
{
    for (int n = 1;; ++n) {
        const std::string candidate =
            kRemovedPrefix + name + (n > 1 ? "_" + std::to_string(n) : "");
        if (!ds.hasTable(candidate))
            return candidate;
    }
}

std::int64_t rowCount(gis::Dataset& ds, const std::string& table)
{
    const auto rows = ds.run("SELECT COUNT(*) FROM " + gis::sqlIdentifier(table), {}).rows;
    return rows.empty() ? 0 : std::get<std::int64_t>(rows[0][0]);
}

} // namespace

RemovedLayer removeLayer(Workspace& ws, const std::string& layer)
{
    const auto registered = ws.findLayer(layer);
    if (!registered)
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {layer}});
    auto& ds = ws.dataset();
    RemovedLayer removed;
    removed.layer = layer;
    if (!registered->linkTable.empty() && ds.hasTable(registered->linkTable))
        removed.linkTable = registered->linkTable;
    ws.transaction([&] {
        ws.logEdit({"layer_remove", {}, layer, {}, {}});
        if (ds.hasTable(layer))
            removed.features = rowCount(ds, layer);
        if (!removed.linkTable.empty())
            removed.links = rowCount(ds, removed.linkTable);
        for (const char* table : kNamingTables) {
            removed.rows[table] = ds.run(
                "SELECT * FROM " + gis::sqlIdentifier(table) + " WHERE layer_name = ?", {layer});
            ds.run("DELETE FROM " + gis::sqlIdentifier(table) + " WHERE layer_name = ?", {layer});
        }
        // Crosswalk rows naming units that are gone with it (no other layer has them).
        const std::string gone =
            " FROM admin_crosswalk WHERE old_code NOT IN (SELECT unit_code FROM admin_units) OR "
            "(new_code IS NOT NULL AND new_code NOT IN (SELECT unit_code FROM admin_units))";
        if (ds.hasTable("admin_crosswalk")) {
            removed.rows["admin_crosswalk"] = ds.run("SELECT *" + gone, {});
            ds.run("DELETE" + gone, {});
        }
        try {
            if (ds.hasTable(layer)) {
                removed.keptAs = keptName(ds, layer);
                ds.renameLayer(layer, removed.keptAs);
            }
            if (!removed.linkTable.empty()) {
                removed.linkTableKeptAs = keptName(ds, removed.linkTable);
                ds.renameLayer(removed.linkTable, removed.linkTableKeptAs);
            }
        } catch (const gis::GisError& e) {
            throw Error(ErrorKind::Workspace,
                        {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' cannot be taken out: %2"),
                         {layer, std::string(e.what())}});
        }
    });
    return removed;
}

void restoreLayer(Workspace& ws, const RemovedLayer& removed)
{
    auto& ds = ws.dataset();
    if (ws.findLayer(removed.layer) || (!removed.keptAs.empty() && ds.hasTable(removed.layer)))
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "the workspace has a layer '%1' again; the "
                                                     "one removed cannot come back under its name"),
                     {removed.layer}});
    ws.transaction([&] {
        ws.logEdit({"layer_restore", {}, removed.layer, {}, {}});
        try {
            if (!removed.keptAs.empty())
                ds.renameLayer(removed.keptAs, removed.layer);
            if (!removed.linkTableKeptAs.empty())
                ds.renameLayer(removed.linkTableKeptAs, removed.linkTable);
        } catch (const gis::GisError& e) {
            throw Error(ErrorKind::Workspace,
                        {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' cannot be put back: %2"),
                         {removed.layer, std::string(e.what())}});
        }
        for (const auto& [table, result] : removed.rows)
            ds.insertRows(table, result);
    });
}

int purgeRemovedLayers(Workspace& ws)
{
    auto& ds = ws.dataset();
    int purged = 0;
    std::vector<std::string> tables;
    for (const auto& name : ds.layerNames())
        if (name.rfind(kRemovedPrefix, 0) == 0)
            tables.push_back(name);
    ws.transaction([&] {
        for (const auto& table : tables) {
            try {
                ds.deleteLayer(table);
            } catch (const gis::GisError& e) {
                throw Error(
                    ErrorKind::Workspace,
                    {QT_TRANSLATE_NOOP("pa::layers", "removed layer '%1' cannot be deleted: %2"),
                     {table, std::string(e.what())}});
            }
            ++purged;
        }
    });
    return purged;
}

namespace {

/// @p layer read as the map reads it, in the workspace's CRS; nullopt when its shapes have no
/// place on the map (no CRS, or none PROJ can take to the workspace's).
std::optional<analysis::InputLayer> placedInput(Workspace& ws, const std::string& layer)
{
    try {
        return std::optional<analysis::InputLayer>(std::in_place, ws, layer, nullptr,
                                                   analysis::InputLayer::Repair::No);
    } catch (const Error&) {
        return std::nullopt;
    } catch (const gis::GisError&) {
        return std::nullopt;
    }
}

} // namespace

FeatureTable readFeatureTable(Workspace& ws, const std::string& layer, std::size_t limit)
{
    const auto registered = ws.findLayer(layer);
    if (!registered)
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {layer}});
    // Envelopes in the workspace's CRS, where the map shows the features (a layer stored in
    // another CRS is reprojected). A layer whose shapes have no CRS has no place on the map:
    // its rows are listed without one.
    auto input = placedInput(ws, layer);
    std::optional<gis::Layer> unplaced;
    if (!input)
        unplaced = ws.dataset().layerByName(layer);
    if (input ? !input->exists() : !unplaced)
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {layer}});
    gis::Layer* table = input ? &input->table() : &*unplaced;
    FeatureTable out;
    out.layer = layer;
    out.kind = registered->kind;
    out.fields = table->fields();
    out.total = table->featureCount();
    table->resetReading();
    while (auto f = table->next()) {
        if (out.rows.size() >= limit)
            break;
        FeatureTable::Row row;
        row.fid = f->fid();
        row.values.reserve(out.fields.size());
        for (int i = 0; i < static_cast<int>(out.fields.size()); ++i)
            row.values.push_back(f->value(i));
        // The stored envelope taken to the workspace's CRS: cheap for a table of 200 000 rows;
        // a row PROJ cannot take there has no place.
        if (input && table->hasGeometry())
            if (const auto e = f->takeGeometry().envelope()) {
                try {
                    row.envelope = input->inWorkspaceCrs(*e);
                } catch (const gis::GisError&) {
                    row.envelope.reset(); // listed, without a place
                }
            }
        out.rows.push_back(std::move(row));
    }
    return out;
}

gis::Shapes featureShapes(Workspace& ws, const std::string& layer,
                          const std::vector<std::int64_t>& fids)
{
    gis::Shapes shapes;
    if (fids.empty())
        return shapes;
    // In the workspace's CRS, as the map shows them (a layer stored in another CRS is
    // reprojected): what is drawn selected, and the corners a planner moves. Shapes without a
    // CRS, or that PROJ cannot take there, have no place on the map: none.
    auto input = placedInput(ws, layer);
    if (!input || !input->exists() || !input->table().hasGeometry())
        return shapes;
    auto* table = &input->table();
    // In slices: an OGR SQL IN list of a few hundred values at a time.
    for (std::size_t start = 0; start < fids.size(); start += 500) {
        std::string list;
        for (std::size_t i = start; i < std::min(fids.size(), start + 500); ++i)
            list += (list.empty() ? "" : ",") + std::to_string(fids[i]);
        table->setAttributeFilter("fid IN (" + list + ")");
        table->resetReading();
        while (auto f = table->next()) {
            gis::Shapes s;
            try {
                s = input->fit(f->takeGeometry(), f->fid()).shapes();
            } catch (const gis::GisError&) {
                continue;
            }
            shapes.polygons.insert(shapes.polygons.end(), s.polygons.begin(), s.polygons.end());
            shapes.lines.insert(shapes.lines.end(), s.lines.begin(), s.lines.end());
            shapes.points.insert(shapes.points.end(), s.points.begin(), s.points.end());
        }
    }
    table->setAttributeFilter({});
    return shapes;
}

std::optional<gis::Envelope> layerExtent(Workspace& ws, const std::string& layer)
{
    const auto input = placedInput(ws, layer);
    if (!input || !input->exists())
        return std::nullopt;
    try {
        return input->extent();
    } catch (const gis::GisError&) {
        return std::nullopt; // an extent PROJ cannot take to the workspace's CRS
    }
}

std::vector<std::int64_t> featuresInBox(Workspace& ws, const std::string& layer,
                                        const gis::Envelope& box)
{
    std::vector<std::int64_t> fids;
    analysis::InputLayer input(ws, layer, nullptr, analysis::InputLayer::Repair::No);
    if (!input.exists() || !input.table().hasGeometry())
        return fids;
    const auto area = gis::Geometry::fromEnvelope(box);
    input.setSpatialFilter(box);
    input.resetReading();
    while (auto row = input.next())
        if (row->geometry.intersects(area))
            fids.push_back(row->feature.fid());
    input.setSpatialFilter(std::nullopt);
    std::sort(fids.begin(), fids.end());
    return fids;
}

analysis::Table selectionTable(const FeatureTable& table, const std::vector<std::size_t>& rows)
{
    analysis::Table out;
    out.name = table.layer;
    int code = -1;
    for (std::size_t i = 0; i < table.fields.size(); ++i) {
        const auto& f = table.fields[i];
        const bool integer =
            f.type == gis::FieldType::Integer || f.type == gis::FieldType::Integer64;
        const auto type = integer                          ? analysis::Column::Type::Integer
                          : f.type == gis::FieldType::Real ? analysis::Column::Type::Real
                                                           : analysis::Column::Type::Text;
        out.columns.push_back({f.name, type, 4});
        if (f.name == "code")
            code = static_cast<int>(i);
    }
    for (const std::size_t r : rows) {
        if (r >= table.rows.size())
            continue;
        const auto& row = table.rows[r];
        std::vector<gis::FieldValue> values;
        for (std::size_t i = 0; i < table.fields.size(); ++i) {
            const auto& v = row.values[i];
            // Dates and other values the analysis table has no type for travel as text.
            if (out.columns[i].type == analysis::Column::Type::Text &&
                !std::holds_alternative<std::monostate>(v) &&
                !std::holds_alternative<std::string>(v))
                values.emplace_back(gis::toString(v));
            else
                values.push_back(v);
        }
        out.rows.push_back(std::move(values));
        if (code >= 0)
            out.places.push_back(
                {table.layer, gis::toString(row.values[static_cast<std::size_t>(code)]), ""});
    }
    return out;
}

} // namespace pa::layers
