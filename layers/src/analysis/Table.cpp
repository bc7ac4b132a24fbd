#include "planatlas/layers/analysis/Table.h"

#include "Units_p.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/PendingFile.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Csv.h"

#include <map>
#include <optional>
#include <set>

namespace pa::analysis {

namespace {

using Type = Column::Type;
using gis::FieldValue;

FieldValue text(const std::string& s)
{
    return s;
}
FieldValue integer(std::int64_t v)
{
    return v;
}
FieldValue real(double v)
{
    return v;
}
FieldValue optional(const std::optional<double>& v)
{
    return v ? FieldValue(*v) : FieldValue();
}
FieldValue list(const std::vector<std::string>& parts)
{
    return csv::join(parts, "; ");
}

} // namespace

namespace tables {

Table coverage(const CoverageResult& result)
{
    Table t{"coverage",
            {{"unit_code"},
             {"unit_name"},
             {"kind"},
             {"features", Type::Integer},
             {"area_ha", Type::Real},
             {"share_pct", Type::Real},
             {"length_km", Type::Real},
             {"linked_tasks", Type::Integer},
             {"lead_agencies"},
             {"gap", Type::Integer}},
            {},
            {}};
    for (const auto& r : result.rows) {
        t.rows.push_back({text(r.unitCode), text(r.unitName), text(r.kind), integer(r.features),
                          real(r.areaHa), real(r.sharePct), real(r.lengthKm),
                          integer(r.linkedTasks), list(r.leadAgencies), integer(r.gap ? 1 : 0)});
        t.places.push_back({result.unitsLayer, r.unitCode, {}});
    }
    return t;
}

Table footprint(const FootprintResult& result)
{
    Table t{"footprint",
            {{"key"},
             {"tasks", Type::Integer},
             {"located", Type::Integer},
             {"features", Type::Integer},
             {"area_ha", Type::Real},
             {"length_km", Type::Real},
             {"units"}},
            {},
            {}};
    for (const auto& r : result.rows)
        t.rows.push_back({text(r.key), integer(r.tasks), integer(r.located), integer(r.features),
                          real(r.areaHa), real(r.lengthKm), list(r.units)});
    return t;
}

Table unlocated(const FootprintResult& result)
{
    Table t{"unlocated",
            {{"task_id"},
             {"doc_id"},
             {"section"},
             {"lead"},
             {"deadline"},
             {"reviewed_reason"},
             {"text"}},
            {},
            {}};
    for (const auto& r : result.unlocated)
        t.rows.push_back({text(r.taskId), text(r.docId), text(r.section), list(r.lead),
                          text(r.deadline), text(r.reason), text(r.text)});
    return t;
}

Table distances(const std::vector<DistanceRow>& rows, bool corridor, const std::string& name)
{
    Table t{name,
            {{"kind"},
             {"code"},
             {"name"},
             {"nearest_code"},
             {"nearest_name"},
             {"distance_km", Type::Real}},
            {},
            {}};
    if (corridor)
        t.columns.push_back({"within", Type::Integer});
    for (const auto& r : rows) {
        t.rows.push_back({text(r.kind), text(r.code), text(r.name), text(r.nearestCode),
                          text(r.nearestName), real(r.distanceKm)});
        if (corridor)
            t.rows.back().push_back(integer(r.within ? 1 : 0));
        t.places.push_back({r.layer, r.code, {}});
    }
    return t;
}

Table corridor(const CorridorResult& result)
{
    Table t = distances(result.rows, true, "corridor");
    // Hundredths of a hectare and of a percent: finer figures would only show the arithmetic
    // of reprojection, not a difference on the ground.
    t.columns.push_back({"area_ha", Type::Real, 2});
    t.columns.push_back({"within_ha", Type::Real, 2});
    t.columns.push_back({"within_pct", Type::Real, 2});
    auto share = [](const std::optional<double>& part, const std::optional<double>& whole) {
        return part && whole && *whole > 0 ? std::optional<double>(100.0 * *part / *whole)
                                           : std::nullopt;
    };
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        const auto& r = result.rows[i];
        t.rows[i].push_back(optional(r.areaHa));
        t.rows[i].push_back(optional(r.withinHa));
        t.rows[i].push_back(optional(share(r.withinHa, r.areaHa)));
    }
    if (result.industrialAreaHa > 0) {
        // The share a planner quotes, in the table itself (also on stderr and in JSON).
        std::vector<FieldValue> total(t.columns.size(), FieldValue{});
        total[0] = text("industrial_total");
        total[2] = text("industrial land (parks, clusters and zones, overlaps counted once)");
        total[t.columns.size() - 3] = real(result.industrialAreaHa);
        total[t.columns.size() - 2] = real(result.industrialInsideHa);
        total[t.columns.size() - 1] =
            real(100.0 * result.industrialInsideHa / result.industrialAreaHa);
        t.rows.push_back(std::move(total));
        t.places.push_back({});
    }
    return t;
}

Table zonal(const ZonalResult& result)
{
    Table t{"zonal",
            {{"kind"},
             {"code"},
             {"name"},
             {result.field + "_mean", Type::Real, 2},
             {result.field + "_min", Type::Real, 2},
             {result.field + "_max", Type::Real, 2},
             {"covered_ha", Type::Real},
             {"covered_pct", Type::Real},
             {result.raster ? "pixels" : "value_features", Type::Integer}},
            {},
            {}};
    if (result.raster)
        t.columns.push_back({"nodata_pixels", Type::Integer});
    for (const auto& r : result.rows) {
        t.rows.push_back({text(r.kind), text(r.code), text(r.name), optional(r.mean),
                          optional(r.min), optional(r.max), real(r.coveredHa), real(r.coveredPct),
                          integer(r.valueFeatures)});
        if (result.raster)
            t.rows.back().push_back(integer(r.noDataPixels));
        t.places.push_back({r.layer, r.code, {}});
    }
    return t;
}

Table targets(const TargetsResult& result)
{
    Table t{"targets",
            {{"target_id"},
             {"doc_id"},
             {"indicator"},
             {"comparator"},
             {"value", Type::Real},
             {"value_max", Type::Real},
             {"unit"},
             {"year", Type::Integer},
             {"metric"},
             {"measured", Type::Real},
             {"status"},
             {"province_layer"},
             {"note"}},
            {},
            {}};
    for (const auto& r : result.rows)
        t.rows.push_back({text(r.targetId), text(r.docId), text(r.indicator), text(r.comparator),
                          real(r.value), optional(r.valueMax), text(r.unit),
                          r.year ? integer(*r.year) : FieldValue(), text(r.metric),
                          optional(r.measured), text(r.status), text(r.provinceLayer),
                          text(r.note)});
    return t;
}

Table overlaps(const OverlapsResult& result)
{
    Table t{"overlaps",
            {{"kind_a"},
             {"code_a"},
             {"name_a"},
             {"tasks_a"},
             {"lead_a"},
             {"kind_b"},
             {"code_b"},
             {"name_b"},
             {"tasks_b"},
             {"lead_b"},
             {"area_ha", Type::Real},
             {"wkt"}},
            {},
            {}};
    for (const auto& r : result.rows) {
        const auto wkt = r.geometry.wkt();
        t.rows.push_back({text(r.a.kind), text(r.a.code), text(r.a.name), list(r.a.tasks),
                          list(r.a.leadAgencies), text(r.b.kind), text(r.b.code), text(r.b.name),
                          list(r.b.tasks), list(r.b.leadAgencies), real(r.areaHa), text(wkt)});
        t.places.push_back({{}, {}, wkt});
    }
    return t;
}

} // namespace tables

namespace {

/// Geometries of workspace features by code, read once per layer.
class PlaceReader
{
public:
    explicit PlaceReader(layers::Workspace& ws) : m_ws(ws) {}

    gis::Geometry geometry(const Place& place)
    {
        if (!place.wkt.empty())
            return gis::Geometry::fromWkt(place.wkt);
        if (place.layer.empty())
            return {};
        auto& byCode = m_layers[place.layer];
        if (!byCode) {
            byCode.emplace();
            // In the workspace CRS and valid, as the analysis saw them (a unit layer stored
            // in another CRS would otherwise be written with the wrong coordinates).
            detail::InputLayer layer(m_ws, place.layer, nullptr);
            if (layer.exists()) {
                const int code = layer.table().fieldIndex("code");
                layer.resetReading();
                while (auto row = layer.next()) {
                    // Units without a code field are known by their fid (see readUnits).
                    const auto& f = row->feature;
                    auto key = code >= 0 ? gis::toString(f.value(code)) : std::to_string(f.fid());
                    byCode->emplace(std::move(key), std::move(row->geometry));
                }
            }
        }
        const auto it = byCode->find(place.code);
        return it == byCode->end() ? gis::Geometry() : it->second.clone();
    }

private:
    layers::Workspace& m_ws;
    std::map<std::string, std::optional<std::map<std::string, gis::Geometry>>> m_layers;
};

gis::FieldType fieldType(Type type)
{
    switch (type) {
    case Type::Integer:
        return gis::FieldType::Integer64;
    case Type::Real:
        return gis::FieldType::Real;
    case Type::Text:
        return gis::FieldType::String;
    }
    return gis::FieldType::String;
}

} // namespace

void writeSpreadsheet(const std::vector<Table>& tables, const std::vector<InfoLine>& info,
                      const std::string& path, std::string_view lang)
{
    layers::PendingFile file(path, layers::OutputKind::Xlsx); // moved in when complete
    // Excel's rules for sheet names: at most 31 characters, none of []:*?/\, each once.
    std::set<std::string> sheetNames;
    auto sheetName = [&](std::string name) {
        for (char& c : name)
            if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos)
                c = '-';
        name = text::clipUtf8(name, 31);
        for (int n = 2; sheetNames.contains(name); ++n)
            name = text::clipUtf8(name, 27) + " (" + std::to_string(n) + ")";
        sheetNames.insert(name);
        return name;
    };
    try {
        auto out = gis::Dataset::createVector(file.path().string(), "XLSX");
        for (const auto& table : tables) {
            std::vector<gis::FieldDef> fields;
            std::vector<std::size_t> kept; // the WKT column stays in CSV and GeoPackage output
            std::set<std::string> headers;
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                if (table.columns[c].name == "wkt")
                    continue;
                std::string header = columnTitle(table.columns[c].name, lang);
                if (!headers.insert(header).second) // two columns, one title: say which
                    header += " (" + table.columns[c].name + ")";
                fields.push_back({header, fieldType(table.columns[c].type)});
                kept.push_back(c);
            }
            auto layer = out.createLayer(sheetName(tableTitle(table.name, lang)), nullptr,
                                         gis::GeometryFamily::None, false, fields);
            for (const auto& row : table.rows) {
                auto feature = layer.newFeature();
                for (std::size_t k = 0; k < kept.size(); ++k) {
                    const auto& value = row[kept[k]];
                    if (const auto* s = std::get_if<std::string>(&value))
                        feature.setValue(static_cast<int>(k),
                                         valueTitle(table.columns[kept[k]].name, *s, lang));
                    else
                        feature.setValue(static_cast<int>(k), value);
                }
                layer.insert(feature);
            }
        }
        const bool en = lang == "en";
        auto about = out.createLayer(sheetName(en ? "About" : "Thông tin"), nullptr,
                                     gis::GeometryFamily::None, false,
                                     {{en ? "Item" : "Mục", gis::FieldType::String},
                                      {en ? "Value" : "Giá trị", gis::FieldType::String}});
        for (const auto& line : info) {
            auto feature = about.newFeature();
            feature.setValue(0, line.label);
            feature.setValue(1, line.value);
            about.insert(feature);
        }
        out.close();
    } catch (const gis::GisError& e) {
        throw layers::Error(layers::ErrorKind::Input,
                            {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be written: %2"),
                             {path, std::string(e.what())}});
    }
    file.commit();
}

namespace {

/// One table as a layer of the GeoPackage @p out being written, in a transaction of its own;
/// @p places reads each unit layer once for all the tables.
void writeLayer(gis::Dataset& out, layers::Workspace& ws, PlaceReader& places, const Table& table,
                const layers::Progress& progress)
{
    const bool spatial = !table.places.empty();
    std::vector<gis::FieldDef> fields;
    for (const auto& c : table.columns)
        if (!(spatial && c.name == "wkt")) // the geometry is the geometry column
            fields.push_back({c.name, fieldType(c.type)});
    // One geometry type when every row has the same family (units and parks: MultiPolygon),
    // so that GIS software styles the layer without asking.
    std::vector<gis::Geometry> geometries;
    std::optional<gis::GeometryFamily> family;
    bool mixed = false;
    if (spatial) {
        for (const auto& place : table.places) {
            geometries.push_back(places.geometry(place));
            if (geometries.back().isNull() || geometries.back().isEmpty())
                continue;
            const auto f = geometries.back().family();
            mixed = mixed || (family && *family != f);
            family = f;
        }
    }
    const bool single = family && !mixed && *family != gis::GeometryFamily::Collection;
    auto layer = out.createLayer(
        table.name, spatial ? &ws.crs() : nullptr,
        !spatial ? gis::GeometryFamily::None
        : single ? *family
                 : gis::GeometryFamily::Collection,
        single, fields, {"DESCRIPTION=" + std::string(layers::kAnalysisOutputDescription)});
    out.startTransaction();
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        if (i % 1000 == 0) {
            progress.checkCancelled();
            progress.update(static_cast<double>(i) / static_cast<double>(table.rows.size()),
                            "writing " + table.name);
        }
        auto feature = layer.newFeature();
        int field = 0;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (spatial && table.columns[c].name == "wkt")
                continue;
            feature.setValue(field++, table.rows[i][c]);
        }
        if (spatial && !geometries[i].isNull()) {
            if (single)
                geometries[i].promoteToMulti();
            feature.setGeometry(std::move(geometries[i]));
        }
        layer.insert(feature);
    }
    out.commitTransaction();
}

} // namespace

std::vector<Table> layersByKind(const Table& table)
{
    int kindColumn = -1;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (table.columns[c].name == "kind")
            kindColumn = static_cast<int>(c);
    std::set<std::pair<std::string, std::string>> seen;
    bool repeated = false;
    for (const auto& place : table.places)
        if (!place.code.empty())
            repeated = repeated || !seen.insert({place.layer, place.code}).second;
    if (kindColumn < 0 || !repeated)
        return {table};
    std::vector<Table> out;
    std::map<std::string, std::size_t> byKind; // kind → index in out, in order of appearance
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::string kind = gis::toString(table.rows[r][static_cast<std::size_t>(kindColumn)]);
        auto [it, added] = byKind.emplace(kind, out.size());
        if (added)
            out.push_back({table.name + "_" + kind, table.columns, {}, {}});
        out[it->second].rows.push_back(table.rows[r]);
        out[it->second].places.push_back(table.places[r]);
    }
    return out;
}

void writeGeoPackage(layers::Workspace& ws, const std::vector<Table>& tables,
                     const std::string& path, const layers::Progress& progress)
{
    layers::PendingFile file(path, layers::OutputKind::GeoPackage); // moved in when complete
    try {
        auto out = gis::Dataset::createGeoPackage(file.path().string());
        PlaceReader places(ws);
        for (const auto& table : tables) {
            writeLayer(out, ws, places, table, progress);
        }
        out.close();
    } catch (const gis::GisError& e) {
        throw layers::Error(layers::ErrorKind::Input,
                            {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be written: %2"),
                             {path, std::string(e.what())}});
    }
    file.commit();
    progress.update(1.0, "writing " + (tables.empty() ? std::string() : tables.front().name));
}

void writeGeoPackage(layers::Workspace& ws, const Table& table, const std::string& path,
                     const layers::Progress& progress)
{
    writeGeoPackage(ws, std::vector<Table>{table}, path, progress);
}

} // namespace pa::analysis
