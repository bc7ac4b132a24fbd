#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Limits.h"
#include "planatlas/layers/Parallel.h"

#include <algorithm>
#include <random>

namespace pa::analysis {

std::vector<layers::Notice> InputNotes::notices(const std::string& workspaceCrs) const
{
    std::vector<layers::Notice> out;
    for (const auto& [layer, crs] : reprojected)
        out.push_back({{QT_TRANSLATE_NOOP("pa::layers", "layer '%1' is stored in %2, not the "
                                                        "workspace's %3: reprojected on the way "
                                                        "in"),
                        {layer, crs, workspaceCrs}}});
    for (const auto& [layer, n] : repaired) {
        std::vector<layers::Sentence> values{layer, layers::Sentence::count(n)};
        out.push_back({n == 1
                           ? layers::Sentence(QT_TRANSLATE_NOOP("pa::layers",
                                                                "layer '%1': %2 invalid geometry "
                                                                "repaired for the analysis"),
                                              values)
                           : layers::Sentence(QT_TRANSLATE_NOOP("pa::layers",
                                                                "layer '%1': %2 invalid geometries "
                                                                "repaired for the analysis"),
                                              values),
                       "planatlas validate lists them"});
    }
    return out;
}

std::vector<std::string> InputNotes::messages(const std::string& workspaceCrs) const
{
    std::vector<std::string> out;
    for (const auto& notice : notices(workspaceCrs))
        out.push_back(notice.english());
    return out;
}

InputLayer::InputLayer(layers::Workspace& ws, const std::string& layer, InputNotes* notes,
                       Repair repair)
    : m_layer(layer), m_notes(notes), m_dataset(&ws.dataset()), m_repair(repair == Repair::Yes)
{
    auto table = ws.dataset().layerByName(layer);
    if (!table)
        return;
    m_table = *table;
    // The layer's cursor and filters are the workspace's: another reader (an analysis run
    // before on the same open workspace, the suggester, a snap to vertices) may have left them
    // anywhere.
    m_table->setAttributeFilter({});
    m_table->setSpatialFilter(std::nullopt);
    m_table->resetReading();
    if (!table->hasGeometry())
        return;
    const auto crs = table->crs();
    if (!crs)
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP("pa::layers",
                               "layer '%1' has no CRS; it cannot be analysed (never guessed)"),
             {layer}});
    if (!crs->isSame(ws.crs())) {
        m_toWorkspace.emplace(*crs, ws.crs());
        m_toLayer.emplace(ws.crs(), *crs);
        if (m_notes)
            m_notes->reprojected[layer] = crs->label();
    }
}

void InputLayer::setSpatialFilter(const std::optional<gis::Envelope>& rectangle)
{
    m_table->setSpatialFilter(inLayerCrs(rectangle));
}

std::optional<gis::Envelope>
InputLayer::inLayerCrs(const std::optional<gis::Envelope>& rectangle) const
{
    if (rectangle && m_toLayer)
        return m_toLayer->transformBounds(*rectangle);
    return rectangle;
}

std::optional<gis::Envelope> InputLayer::extent() const
{
    const auto e = m_table->extent();
    return e ? std::optional(inWorkspaceCrs(*e)) : std::nullopt;
}

gis::Envelope InputLayer::inWorkspaceCrs(const gis::Envelope& rectangle) const
{
    return m_toWorkspace ? m_toWorkspace->transformBounds(rectangle) : rectangle;
}

std::optional<InputLayer::Row> InputLayer::next()
{
    auto f = m_table->next();
    if (!f)
        return std::nullopt;
    auto g = fit(f->takeGeometry(), f->fid());
    return Row{std::move(*f), std::move(g)};
}

gis::Geometry InputLayer::fit(gis::Geometry g, std::int64_t fid)
{
    if (g.isNull() || g.isEmpty())
        return g;
    if (m_toWorkspace)
        g.transform(*m_toWorkspace);
    if (m_repair && !g.isValid()) {
        (void)g.makeValid(g.family(), static_cast<std::size_t>(
                                          layers::limitValue(layers::Limit::RepairCrossings)));
        const std::lock_guard lock(*m_notesMutex);
        if (m_notes && m_repaired.insert(fid).second)
            ++m_notes->repaired[m_layer];
    }
    return g;
}

gis::TableSource InputLayer::source(const std::vector<std::string>& numbers)
{
    std::optional<gis::TableSource> source;
    try {
        source = gis::TableSource::of(*m_dataset, m_layer, numbers);
    } catch (const gis::GisError& e) {
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP("pa::layers", "layer '%1': %2"), {m_layer, std::string(e.what())}});
    }
    if (!source)
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' is not a table of a GeoPackage workspace"),
             {m_layer}});
    return std::move(*source);
}

int InputLayer::threads() const
{
    return reprojected() ? 1 : layers::workerThreads();
}

FittedRow::FittedRow(InputLayer& input, const gis::ScanRow& row) : m_row(row)
{
    if (!row.hasGeometry())
        return;
    if (!input.reprojected()) {
        if (const auto simple = row.simplePolygon()) {
            m_envelope = simple->envelope;
            m_area = simple->area;
            m_empty = false;
            m_simple = true;
            return;
        }
    }
    m_geometry = input.fit(row.geometry(), row.fid);
    if (m_geometry->isEmpty())
        return;
    m_envelope = *m_geometry->envelope();
    m_area = m_geometry->area();
    m_empty = false;
}

const gis::Geometry& FittedRow::geometry()
{
    if (!m_geometry)
        m_geometry = m_row.geometry(); // certainly valid, in the workspace CRS: nothing to fit
    return *m_geometry;
}

namespace detail {

std::vector<Unit> readUnits(layers::Workspace& workspace, const std::string& layer,
                            InputNotes* notes)
{
    InputLayer input(workspace, layer, notes);
    if (!input.exists() || !workspace.findLayer(layer))
        throw layers::ParameterError(
            "units", {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {layer}});
    if (input.table().geometryFamily() != gis::GeometryFamily::Polygon)
        throw layers::ParameterError(
            "units",
            {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' is not a polygon layer"), {layer}});
    const int code = input.table().fieldIndex("code");
    const int name = input.table().fieldIndex("name_vi");
    std::vector<Unit> units;
    input.resetReading();
    while (auto row = input.next()) {
        const auto& f = row->feature;
        Unit u{code >= 0 ? gis::toString(f.value(code)) : std::to_string(f.fid()),
               name >= 0 ? gis::toString(f.value(name)) : std::string(), std::move(row->geometry)};
        if (!u.geometry.isEmpty())
            units.push_back(std::move(u));
    }
    std::sort(units.begin(), units.end(),
              [](const Unit& a, const Unit& b) { return a.code < b.code; });
    return units;
}

std::string provinceLayer(layers::Workspace& ws, const std::string& requested)
{
    for (const auto& layer : ws.layers()) {
        if (layer.kind != "admin_province")
            continue;
        if (!requested.empty()
                ? layer.name == requested
                : std::get<std::int64_t>(ws.dataset()
                                             .execute("SELECT COUNT(*) FROM " +
                                                      gis::sqlIdentifier(layer.name) +
                                                      " WHERE valid_to IS NULL")
                                             .rows[0][0]) > 0)
            return layer.name;
    }
    if (!requested.empty())
        throw layers::ParameterError(
            "province",
            {QT_TRANSLATE_NOOP("pa::layers", "no admin_province layer '%1'"), {requested}});
    throw layers::Error(
        layers::ErrorKind::Usage,
        QT_TRANSLATE_NOOP("pa::layers",
                          "the workspace has no admin_province layer that is still valid"));
}

std::string provinceLayerOn(layers::Workspace& ws, const std::string& isoDate)
{
    const std::string date = gis::sqlLiteral(isoDate);
    for (const auto& layer : ws.layers()) {
        if (layer.kind != "admin_province")
            continue;
        const auto n =
            ws.dataset().execute("SELECT COUNT(*) FROM " + gis::sqlIdentifier(layer.name) +
                                 " WHERE (valid_from IS NULL OR valid_from <= " + date +
                                 ") AND (valid_to IS NULL OR valid_to >= " + date + ")");
        if (std::get<std::int64_t>(n.rows[0][0]) > 0)
            return layer.name;
    }
    return {};
}

TemporaryFile::TemporaryFile(const std::string& prefix, const std::string& extension)
{
    std::random_device random;
    m_path =
        std::filesystem::temp_directory_path() / (prefix + std::to_string(random()) + extension);
}

TemporaryFile::~TemporaryFile()
{
    std::error_code ignored;
    std::filesystem::remove(m_path, ignored);
}

gis::Geometry unionOfLayer(layers::Workspace& ws, const std::string& layer, InputNotes* notes)
{
    const auto units = readUnits(ws, layer, notes);
    std::vector<const gis::Geometry*> parts;
    for (const auto& u : units)
        parts.push_back(&u.geometry);
    return gis::Geometry::unionOf(parts);
}

std::vector<Unit> provincesToCover(layers::Workspace& ws, const std::string& layer,
                                   gis::Envelope& extent)
{
    auto provinces = readUnits(ws, layer);
    if (provinces.empty())
        throw layers::Error(
            layers::ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers", "the admin_province layer '%1' has no polygons"),
             {layer}});
    if (provinces.size() == 1) // as unionOfLayer() makes it, without reading the layer again
        provinces[0].geometry = gis::Geometry::unionOf({&provinces[0].geometry});
    extent = *provinces[0].geometry.envelope();
    for (const auto& p : provinces)
        extent.merge(*p.geometry.envelope());
    return provinces;
}

std::map<std::int64_t, std::set<std::string>> leadsByTaskFid(layers::Workspace& ws)
{
    std::map<std::int64_t, std::set<std::string>> leads;
    for (const auto& row :
         ws.dataset()
             .execute("SELECT t.fid + 0, a.name_vi FROM plan_task_agencies r "
                      "JOIN plan_tasks t ON t.task_id = r.task_id "
                      "JOIN plan_agencies a ON a.agency_id = r.agency_id WHERE r.role = 'lead'")
             .rows)
        leads[std::get<std::int64_t>(row[0])].insert(gis::toString(row[1]));
    return leads;
}

bool reaches(const gis::Geometry& piece, gis::GeometryFamily family)
{
    switch (family) {
    case gis::GeometryFamily::Polygon:
        return piece.area() > 0;
    case gis::GeometryFamily::Line:
        return piece.length() > 0;
    default:
        return !piece.isEmpty();
    }
}

} // namespace detail

} // namespace pa::analysis
