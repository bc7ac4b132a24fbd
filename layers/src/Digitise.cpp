#include "planatlas/layers/Digitise.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Input.h"

#include <cmath>
#include <cstdio>

namespace pa::layers {

namespace {

/// The registered programme layer @p name and its table; Error(Usage) otherwise.
gis::Layer programmeTable(Workspace& ws, const std::string& name, RegisteredLayer* registered)
{
    const auto l = ws.findLayer(name);
    if (!l)
        throw Error(ErrorKind::Usage, "the workspace has no layer '" + name + "'");
    const auto* kind = findKind(l->kind);
    if (!kind || !kind->programme)
        throw Error(ErrorKind::Usage, "layer '" + name + "' is not a programme layer (" + l->kind +
                                          "); only programme features are drawn");
    auto table = ws.dataset().layerByName(name);
    if (!table || !table->hasGeometry())
        throw Error(ErrorKind::Workspace, "layer '" + name + "' has no table with geometry");
    if (registered)
        *registered = *l;
    // A map drawn before may have narrowed what the table reads: a feature rewritten must
    // carry all its fields.
    table->readAllFields();
    table->setAttributeFilter({});
    table->setSpatialFilter(std::nullopt);
    return *table;
}

/// @p shape made fit for @p table: valid, of its family, multi when the table is, in its CRS.
gis::Geometry fitted(Workspace& ws, const gis::Layer& table, const gis::Geometry& shape)
{
    if (shape.isNull() || shape.isEmpty())
        throw Error(ErrorKind::Usage, "the shape drawn is empty");
    const auto family = table.geometryFamily();
    if (shape.family() != family)
        throw Error(ErrorKind::Usage, "layer '" + table.name() + "' holds " +
                                          table.geometryTypeName() + " features; a " +
                                          shape.typeName() + " was drawn");
    gis::Geometry g = shape.clone();
    if (!g.isValid()) {
        const auto outcome = g.makeValid(family); // a bow-tie: its two triangles
        if (outcome.becameEmpty)
            throw Error(ErrorKind::Usage,
                        "the shape drawn cannot be repaired (" + outcome.reason + ")");
    }
    if (family == gis::GeometryFamily::Polygon && g.area() <= 0)
        throw Error(ErrorKind::Usage, "an area needs at least three corners that are not on "
                                      "one line");
    if (table.geometryTypeName().starts_with("Multi"))
        g.promoteToMulti();
    if (const auto crs = table.crs(); crs && !crs->isSame(ws.crs()))
        g.transform(gis::CoordinateTransform(ws.crs(), *crs));
    return g;
}

std::string fieldText(const gis::Feature& f, const gis::Layer& table, const char* field)
{
    const int i = table.fieldIndex(field);
    return i < 0 ? std::string() : gis::toString(f.value(i));
}

void set(gis::Feature& f, const gis::Layer& table, const char* field, const std::string& value)
{
    if (const int i = table.fieldIndex(field); i >= 0)
        f.setValue(i, gis::textOrNull(value));
}

} // namespace

std::string drawnSource(Workspace& ws, const std::string& sheet)
{
    if (sheet.empty())
        return "drawn on the map by hand";
    for (const auto& r : rasterLayers(ws)) {
        if (r.name != sheet)
            continue;
        std::string out = "map sheet «" + r.titleVi + "» (" + r.sheetFile;
        if (!r.sheetDate.empty())
            out += ", " + r.sheetDate;
        out += ")";
        if (r.rmseM) {
            char rms[48];
            std::snprintf(rms, sizeof rms, ", RMS %.1f m", *r.rmseM);
            out += ", " + std::to_string(r.controlPoints) + " control points" + rms;
        }
        return out;
    }
    throw Error(ErrorKind::Usage, "the workspace has no map sheet '" + sheet + "'");
}

std::int64_t addDrawnFeature(Workspace& ws, const std::string& layer, const gis::Geometry& shape,
                             const DrawnAttributes& attributes, const std::string& sheet)
{
    auto table = programmeTable(ws, layer, nullptr);
    auto trimmed = [](const std::string& s) {
        const auto first = s.find_first_not_of(" \t\r\n");
        const auto last = s.find_last_not_of(" \t\r\n");
        return first == std::string::npos ? std::string()
                                          : text::toNfc(s.substr(first, last - first + 1));
    };
    const std::string code = trimmed(attributes.code);
    const std::string name = trimmed(attributes.nameVi);
    if (code.empty())
        throw ParameterError("code", "a new feature needs a code");
    if (name.empty())
        throw ParameterError("name_vi", "a new feature needs a name");
    const auto codes = ws.featureCodes();
    if (std::find(codes.begin(), codes.end(), code) != codes.end())
        throw ParameterError("code",
                             "the workspace already has a feature with code '" + code + "'");
    const std::string source = drawnSource(ws, sheet);
    auto geometry = fitted(ws, table, shape);
    return ws.transaction([&] {
        auto f = table.newFeature();
        set(f, table, "code", code);
        set(f, table, "name_vi", name);
        set(f, table, "status", attributes.status);
        set(f, table, "geometry_quality", sheet.empty() ? "indicative" : "digitized");
        set(f, table, "source", source);
        f.setGeometry(std::move(geometry));
        return table.insert(f);
    });
}

ShapeState reshapeFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                          const gis::Geometry& shape, const std::string& sheet)
{
    auto table = programmeTable(ws, layer, nullptr);
    const std::string source = drawnSource(ws, sheet);
    auto geometry = fitted(ws, table, shape);
    return ws.transaction([&] {
        auto f = table.feature(fid);
        if (!f)
            throw Error(ErrorKind::Usage,
                        "layer '" + layer + "' has no feature fid " + std::to_string(fid));
        ShapeState before;
        before.quality = fieldText(*f, table, "geometry_quality");
        before.source = fieldText(*f, table, "source");
        {
            gis::Geometry old = f->takeGeometry();
            if (const auto crs = table.crs(); crs && !crs->isSame(ws.crs()) && !old.isNull())
                old.transform(gis::CoordinateTransform(*crs, ws.crs()));
            before.wkt = old.isNull() ? std::string() : old.wkt();
        }
        set(*f, table, "geometry_quality", sheet.empty() ? "indicative" : "digitized");
        set(*f, table, "source", source);
        f->setGeometry(std::move(geometry));
        table.update(*f);
        return before;
    });
}

void restoreShape(Workspace& ws, const std::string& layer, std::int64_t fid,
                  const ShapeState& state)
{
    auto table = programmeTable(ws, layer, nullptr);
    ws.transaction([&] {
        auto f = table.feature(fid);
        if (!f)
            throw Error(ErrorKind::Usage,
                        "layer '" + layer + "' has no feature fid " + std::to_string(fid));
        set(*f, table, "geometry_quality", state.quality);
        set(*f, table, "source", state.source);
        if (state.wkt.empty()) {
            f->setGeometry(gis::Geometry());
        } else {
            auto g = gis::Geometry::fromWkt(state.wkt);
            if (const auto crs = table.crs(); crs && !crs->isSame(ws.crs()))
                g.transform(gis::CoordinateTransform(ws.crs(), *crs));
            f->setGeometry(std::move(g));
        }
        table.update(*f);
    });
}

void removeDrawnFeature(Workspace& ws, const std::string& layer, std::int64_t fid)
{
    RegisteredLayer registered;
    auto table = programmeTable(ws, layer, &registered);
    ws.transaction([&] {
        if (!registered.linkTable.empty() && ws.dataset().layerByName(registered.linkTable))
            ws.dataset().run("DELETE FROM " + gis::sqlIdentifier(registered.linkTable) +
                                 " WHERE base_id = ?",
                             {fid});
        ws.dataset().run("DELETE FROM plan_link_suggestions WHERE layer_name = ? AND "
                         "feature_code = (SELECT code FROM " +
                             gis::sqlIdentifier(layer) + " WHERE fid = ?)",
                         {layer, fid});
        if (!table.remove(fid))
            throw Error(ErrorKind::Usage,
                        "layer '" + layer + "' has no feature fid " + std::to_string(fid));
    });
}

std::string sheetTitleOfSource(const std::string& source)
{
    static const std::string prefix = "map sheet «";
    if (source.rfind(prefix, 0) != 0)
        return {};
    const auto end = source.find("»", prefix.size());
    return end == std::string::npos ? std::string()
                                    : source.substr(prefix.size(), end - prefix.size());
}

DigitisingSummary digitisingSummary(Workspace& ws)
{
    DigitisingSummary summary;
    for (const auto& r : rasterLayers(ws))
        summary.sheets.push_back({r.name, r.titleVi, r.titleEn, r.sheetFile, r.sheetDate, r.method,
                                  r.controlPoints, r.rmseM, 0});
    for (const auto& l : ws.layers()) {
        const auto* kind = findKind(l.kind);
        const auto table = ws.dataset().layerByName(l.name);
        if (!kind || !kind->programme || !table || table->fieldIndex("geometry_quality") < 0 ||
            table->fieldIndex("source") < 0)
            continue;
        const auto rows =
            ws.dataset()
                .execute("SELECT geometry_quality, source FROM " + gis::sqlIdentifier(l.name))
                .rows;
        for (const auto& row : rows) {
            ++summary.programme;
            const std::string quality = gis::toString(row[0]);
            if (quality == "indicative")
                ++summary.indicative;
            else if (quality == "digitized")
                if (const auto title = sheetTitleOfSource(gis::toString(row[1])); !title.empty())
                    for (auto& sheet : summary.sheets)
                        if (sheet.titleVi == title) {
                            ++sheet.features;
                            break;
                        }
        }
    }
    return summary;
}

std::optional<gis::Coord> snapToVertex(Workspace& ws, const std::vector<std::string>& layers,
                                       gis::Coord at, double toleranceM)
{
    std::optional<gis::Coord> best;
    double bestDistance = toleranceM;
    const gis::Envelope around{at.x - toleranceM, at.y - toleranceM, at.x + toleranceM,
                               at.y + toleranceM};
    auto consider = [&](const gis::Coord& c) {
        const double d = std::hypot(c.x - at.x, c.y - at.y);
        if (d <= bestDistance) {
            bestDistance = d;
            best = c;
        }
    };
    for (const auto& name : layers) {
        analysis::InputLayer input(ws, name, nullptr, analysis::InputLayer::Repair::No);
        if (!input.exists() || !input.table().hasGeometry())
            continue;
        input.table().setFieldsToRead({});
        input.setSpatialFilter(around);
        input.resetReading();
        while (auto row = input.next()) {
            const auto shapes = row->geometry.shapes();
            for (const auto& p : shapes.points)
                consider(p);
            for (const auto& line : shapes.lines)
                for (const auto& c : line)
                    consider(c);
            for (const auto& polygon : shapes.polygons)
                for (const auto& ring : polygon)
                    for (const auto& c : ring)
                        consider(c);
        }
    }
    return best;
}

} // namespace pa::layers
