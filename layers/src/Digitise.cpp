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

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace pa::layers {

namespace {

/// The registered programme layer @p name and its table; Error(Usage) otherwise.
gis::Layer programmeTable(Workspace& ws, const std::string& name, RegisteredLayer* registered)
{
    const auto l = ws.findLayer(name);
    if (!l)
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {name}});
    const auto* kind = findKind(l->kind);
    if (!kind || !kind->programme)
        throw Error(
            ErrorKind::Usage,
            {QT_TRANSLATE_NOOP(
                 "pa::layers",
                 "layer '%1' is not a programme layer (%2); only programme features are drawn"),
             {name, l->kind}});
    auto table = ws.dataset().layerByName(name);
    if (!table || !table->hasGeometry())
        throw Error(
            ErrorKind::Workspace,
            {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' has no table with geometry"), {name}});
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
        throw Error(ErrorKind::Usage, QT_TRANSLATE_NOOP("pa::layers", "the shape drawn is empty"));
    const auto family = table.geometryFamily();
    if (shape.family() != family)
        throw Error(
            ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' holds %2 features; a %3 was drawn"),
             {table.name(), table.geometryTypeName(), shape.typeName()}});
    gis::Geometry g = shape.clone();
    if (!g.isValid()) {
        const auto outcome = g.makeValid(family); // a bow-tie: its two triangles
        if (outcome.becameEmpty)
            throw Error(ErrorKind::Usage,
                        {QT_TRANSLATE_NOOP("pa::layers", "the shape drawn cannot be repaired (%1)"),
                         {outcome.reason}});
    }
    if (family == gis::GeometryFamily::Polygon && g.area() <= 0)
        throw Error(
            ErrorKind::Usage,
            QT_TRANSLATE_NOOP("pa::layers",
                              "an area needs at least three corners that are not on one line"));
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

/// The shape of @p f (taken out of it) in the workspace CRS.
gis::Geometry shapeOf(Workspace& ws, const gis::Layer& table, gis::Feature& f)
{
    gis::Geometry g = f.takeGeometry();
    if (const auto crs = table.crs(); crs && !crs->isSame(ws.crs()) && !g.isNull())
        g.transform(gis::CoordinateTransform(*crs, ws.crs()));
    return g;
}

/// A shape kept as WKT in the workspace CRS (ShapeState, FeatureSnapshot), for @p table.
gis::Geometry fromKeptWkt(Workspace& ws, const gis::Layer& table, const std::string& wkt)
{
    auto g = gis::Geometry::fromWkt(wkt);
    if (const auto crs = table.crs(); crs && !crs->isSame(ws.crs()))
        g.transform(gis::CoordinateTransform(ws.crs(), *crs));
    return g;
}

/// What restoreShape needs to give @p f back its shape @p shape (workspace CRS).
ShapeState stateOf(const gis::Feature& f, const gis::Layer& table, const gis::Geometry& shape)
{
    return {shape.isNull() ? std::string() : shape.wkt(), fieldText(f, table, "geometry_quality"),
            fieldText(f, table, "source")};
}

/// A shape's size as the edit log says it: "12.34 ha" of an area, "3.21 km" of a line, nothing
/// of a point or of no shape.
std::string sizeOf(const gis::Geometry& shape)
{
    if (shape.isNull() || shape.isEmpty())
        return {};
    char text[64];
    switch (shape.family()) {
    case gis::GeometryFamily::Polygon:
        std::snprintf(text, sizeof text, "%.2f ha", shape.area() / 10000.0);
        return text;
    case gis::GeometryFamily::Line:
        std::snprintf(text, sizeof text, "%.2f km", shape.length() / 1000.0);
        return text;
    default:
        return {};
    }
}

/// "fid 12" and, when it has one, the shape's size: "fid 12, 12.34 ha" (@p shape in the
/// workspace CRS, which is metric).
std::string fidAndSize(std::int64_t fid, const gis::Geometry& shape)
{
    const std::string size = sizeOf(shape);
    return "fid " + std::to_string(fid) + (size.empty() ? "" : ", " + size);
}

/// A new shape for feature @p fid: "fid 3: 12.34 ha → 14.10 ha" (shapes in the workspace CRS).
std::string resized(std::int64_t fid, const gis::Geometry& was, const gis::Geometry& now)
{
    const std::string a = sizeOf(was), b = sizeOf(now);
    return "fid " + std::to_string(fid) + (a.empty() && b.empty() ? "" : ": " + a + " → " + b);
}

/// "K1, K1-2, K1-3".
std::string codeList(const std::vector<std::string>& codes)
{
    std::string list;
    for (const auto& code : codes)
        list += (list.empty() ? "" : ", ") + code;
    return list;
}

gis::Feature featureOf(const gis::Layer& table, const std::string& layer, std::int64_t fid)
{
    auto f = table.feature(fid);
    if (!f)
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' has no feature fid %2"),
                     {layer, std::to_string(fid)}});
    return std::move(*f);
}

std::vector<std::int64_t> linkedTasks(Workspace& ws, const RegisteredLayer& l, std::int64_t fid)
{
    std::vector<std::int64_t> tasks;
    if (l.linkTable.empty() || !ws.dataset().layerByName(l.linkTable))
        return tasks;
    for (const auto& row : ws.dataset()
                               .run("SELECT related_id FROM " + gis::sqlIdentifier(l.linkTable) +
                                        " WHERE base_id = ? ORDER BY related_id",
                                    {fid})
                               .rows)
        tasks.push_back(std::get<std::int64_t>(row[0]));
    return tasks;
}

void addLink(Workspace& ws, const RegisteredLayer& l, std::int64_t fid, std::int64_t task)
{
    if (l.linkTable.empty() || !ws.dataset().layerByName(l.linkTable))
        throw Error(ErrorKind::Workspace,
                    {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' has no link table"), {l.name}});
    ws.dataset().run("INSERT INTO " + gis::sqlIdentifier(l.linkTable) +
                         " (base_id, related_id) VALUES (?, ?)",
                     {fid, task});
}

/// Deletes a feature with its links and the suggestions that name it (inside a transaction).
void erase(Workspace& ws, gis::Layer& table, const RegisteredLayer& l, std::int64_t fid)
{
    if (!l.linkTable.empty() && ws.dataset().layerByName(l.linkTable))
        ws.dataset().run("DELETE FROM " + gis::sqlIdentifier(l.linkTable) + " WHERE base_id = ?",
                         {fid});
    ws.dataset().run("DELETE FROM plan_link_suggestions WHERE layer_name = ? AND "
                     "feature_code = (SELECT code FROM " +
                         gis::sqlIdentifier(l.name) + " WHERE fid = ?)",
                     {l.name, fid});
    if (!table.remove(fid))
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' has no feature fid %2"),
                     {l.name, std::to_string(fid)}});
}

/// The value of field @p name in @p snapshot, as text; empty when it has none.
std::string valueOf(const FeatureSnapshot& snapshot, const std::string& name)
{
    for (const auto& [field, value] : snapshot.values)
        if (field == name)
            return gis::toString(value);
    return {};
}

/// Inside a transaction: locks features @p fids of @p layer, and refuses (Conflict, nothing
/// written) when one of them was changed or deleted after edit @p seen, the edit the planner's
/// view was read at; said with who did what.
void lockAsSeen(Workspace& ws, const std::string& layer, const std::vector<std::int64_t>& fids,
                std::optional<std::int64_t> seen)
{
    const auto locked = ws.lockFeatures(layer, fids);
    if (!seen)
        return;
    const std::string after = " after you read it (at edit " + std::to_string(*seen) + ")";
    const std::string nothing =
        ". Nothing of yours was written: look at the map again and redo what still holds";
    for (std::size_t i = 0; i < fids.size(); ++i) {
        const auto& f = locked[i];
        if (!f.exists) {
            if (ws.lastEdit() > *seen) // gone meanwhile; otherwise it never was (featureOf says)
                throw ConflictError(
                    "layer '" + layer + "' has no feature fid " + std::to_string(fids[i]) +
                        " any more: it was deleted or merged away" + after + nothing,
                    ConflictError::Reason::Gone, layer);
            continue;
        }
        if (f.lastEdit <= *seen)
            continue;
        // Changes of one's own since (a cut, then its merge undone) are no one else's.
        auto since = ws.featureEdits(layer, f.code, *seen);
        std::erase_if(since, [&](const LoggedEdit& e) { return ws.loggedHere(e.id); });
        if (since.empty())
            continue;
        throw ConflictError("feature " + f.code + " of layer '" + layer +
                                "' was changed by someone else" + after + ": " + describe(since) +
                                nothing,
                            ConflictError::Reason::Changed, f.code, since);
    }
}

/// A code not yet in the workspace: @p base "-2", "-3"…
std::string freeCode(const std::vector<std::string>& taken, const std::string& base, int& next)
{
    for (;; ++next) {
        const std::string code = base + "-" + std::to_string(next);
        if (std::find(taken.begin(), taken.end(), code) == taken.end())
            return code;
    }
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
    throw Error(ErrorKind::Usage,
                {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no map sheet '%1'"), {sheet}});
}

std::vector<gis::FieldDef> formFields(Workspace& ws, const std::string& layer)
{
    RegisteredLayer registered;
    const auto table = programmeTable(ws, layer, &registered);
    std::set<std::string> asked;
    for (const auto& a : commonAttributes())
        asked.emplace(a.name);
    if (const auto* kind = findKind(registered.kind))
        for (const auto& a : kind->attributes)
            asked.emplace(a.name);
    for (const char* set : {"code", "name_vi", "status", "geometry_quality", "source"})
        asked.erase(set);
    std::vector<gis::FieldDef> out;
    for (const auto& f : table.fields())
        if (asked.contains(f.name))
            out.push_back(f);
    return out;
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
        throw ParameterError("code", QT_TRANSLATE_NOOP("pa::layers", "a new feature needs a code"));
    if (name.empty())
        throw ParameterError("name_vi",
                             QT_TRANSLATE_NOOP("pa::layers", "a new feature needs a name"));
    const std::string source = drawnSource(ws, sheet);
    auto geometry = fitted(ws, table, shape);
    // The form's other values, typed as the layer's fields are.
    std::vector<std::pair<int, gis::FieldValue>> values;
    const auto fields = formFields(ws, layer);
    for (const auto& entry : attributes.more) {
        const std::string& field = entry.first; // a lambda captures it (no structured binding)
        const std::string& typed = entry.second;
        const auto def = std::find_if(fields.begin(), fields.end(),
                                      [&](const gis::FieldDef& d) { return d.name == field; });
        if (def == fields.end())
            throw ParameterError(
                field, {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' has no attribute '%2'"),
                        {layer, field}});
        const std::string value = trimmed(typed);
        gis::FieldValue v;
        if (!value.empty() &&
            (def->type == gis::FieldType::Real || def->type == gis::FieldType::Integer ||
             def->type == gis::FieldType::Integer64)) {
            const auto number = text::parseNumber(value);
            if (!number)
                throw ParameterError(
                    field, {QT_TRANSLATE_NOOP("pa::layers", "'%1' is not a number"), {value}});
            if (def->type == gis::FieldType::Real)
                v = *number;
            else
                v = static_cast<std::int64_t>(std::llround(*number));
        } else if (!value.empty()) {
            v = value;
        }
        values.emplace_back(table.fieldIndex(field), v);
    }
    return ws.transaction([&] {
        // Another planner may be giving the same code at this moment: one waits for the other.
        ws.lockFeatureCodes();
        const auto codes = ws.featureCodes();
        if (std::find(codes.begin(), codes.end(), code) != codes.end())
            throw ParameterError(
                "code", {QT_TRANSLATE_NOOP("pa::layers",
                                           "the workspace already has a feature with code '%1'"),
                         {code}});
        auto f = table.newFeature();
        for (const auto& [index, value] : values)
            f.setValue(index, value);
        set(f, table, "code", code);
        set(f, table, "name_vi", name);
        set(f, table, "status", attributes.status);
        set(f, table, "geometry_quality", sheet.empty() ? "indicative" : "digitized");
        set(f, table, "source", source);
        f.setGeometry(std::move(geometry));
        const auto fid = table.insert(f);
        ws.logEdit({"feature_add", {}, layer, code, fidAndSize(fid, shape)});
        return fid;
    });
}

ShapeState reshapeFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                          const gis::Geometry& shape, const std::string& sheet,
                          std::optional<std::int64_t> seen)
{
    auto table = programmeTable(ws, layer, nullptr);
    const std::string source = drawnSource(ws, sheet);
    auto geometry = fitted(ws, table, shape);
    return ws.transaction([&] {
        lockAsSeen(ws, layer, {fid}, seen);
        auto f = featureOf(table, layer, fid);
        const auto old = shapeOf(ws, table, f);
        const ShapeState before = stateOf(f, table, old);
        ws.logEdit(
            {"feature_reshape", {}, layer, fieldText(f, table, "code"), resized(fid, old, shape)});
        set(f, table, "geometry_quality", sheet.empty() ? "indicative" : "digitized");
        set(f, table, "source", source);
        f.setGeometry(std::move(geometry));
        table.update(f);
        return before;
    });
}

void restoreShape(Workspace& ws, const std::string& layer, std::int64_t fid,
                  const ShapeState& state, std::optional<std::int64_t> seen)
{
    auto table = programmeTable(ws, layer, nullptr);
    ws.transaction([&] {
        lockAsSeen(ws, layer, {fid}, seen);
        auto f = featureOf(table, layer, fid);
        const auto back = state.wkt.empty() ? gis::Geometry() : gis::Geometry::fromWkt(state.wkt);
        ws.logEdit({"feature_reshape",
                    {},
                    layer,
                    fieldText(f, table, "code"),
                    resized(fid, shapeOf(ws, table, f), back) + " (as it was)"});
        set(f, table, "geometry_quality", state.quality);
        set(f, table, "source", state.source);
        f.setGeometry(state.wkt.empty() ? gis::Geometry() : fromKeptWkt(ws, table, state.wkt));
        table.update(f);
    });
}

void removeDrawnFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                        std::optional<std::int64_t> seen)
{
    RegisteredLayer registered;
    auto table = programmeTable(ws, layer, &registered);
    ws.transaction([&] {
        lockAsSeen(ws, layer, {fid}, seen);
        auto f = featureOf(table, layer, fid);
        ws.logEdit({"feature_remove",
                    {},
                    layer,
                    fieldText(f, table, "code"),
                    fidAndSize(fid, shapeOf(ws, table, f))});
        erase(ws, table, registered, fid);
    });
}

FeatureSnapshot deleteFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                              std::optional<std::int64_t> seen)
{
    RegisteredLayer registered;
    auto table = programmeTable(ws, layer, &registered);
    return ws.transaction([&] {
        lockAsSeen(ws, layer, {fid}, seen);
        auto f = featureOf(table, layer, fid);
        FeatureSnapshot snapshot;
        snapshot.layer = layer;
        snapshot.fid = fid;
        const auto fields = table.fields();
        for (std::size_t i = 0; i < fields.size(); ++i)
            snapshot.values.emplace_back(fields[i].name, f.value(static_cast<int>(i)));
        const auto shape = shapeOf(ws, table, f);
        ws.logEdit(
            {"feature_remove", {}, layer, fieldText(f, table, "code"), fidAndSize(fid, shape)});
        snapshot.wkt = shape.isNull() ? std::string() : shape.wkt();
        snapshot.taskFids = linkedTasks(ws, registered, fid);
        for (auto& row :
             ws.dataset()
                 .run("SELECT task_id, mention, confidence, status, rule, evidence FROM "
                      "plan_link_suggestions WHERE layer_name = ? AND feature_code = ?",
                      {layer, fieldText(f, table, "code")})
                 .rows)
            snapshot.suggestions.push_back(std::move(row));
        erase(ws, table, registered, fid);
        return snapshot;
    });
}

void restoreFeature(Workspace& ws, const FeatureSnapshot& snapshot)
{
    RegisteredLayer registered;
    auto table = programmeTable(ws, snapshot.layer, &registered);
    const std::string code = valueOf(snapshot, "code");
    ws.transaction([&] {
        // Given to another feature meanwhile (deleted here, drawn anew elsewhere), the code
        // would name two features.
        ws.lockFeatureCodes();
        const auto codes = ws.featureCodes();
        if (!code.empty() && std::find(codes.begin(), codes.end(), code) != codes.end())
            throw ConflictError("feature " + code + " cannot come back to layer '" +
                                    snapshot.layer +
                                    "': another feature was given its code meanwhile. Nothing "
                                    "was written: give one of them another code first",
                                ConflictError::Reason::CodeTaken, code);
        ws.logEdit({"feature_restore",
                    {},
                    snapshot.layer,
                    code,
                    fidAndSize(snapshot.fid, snapshot.wkt.empty()
                                                 ? gis::Geometry()
                                                 : gis::Geometry::fromWkt(snapshot.wkt))});
        auto f = table.newFeature();
        f.setFid(snapshot.fid);
        for (const auto& [name, value] : snapshot.values)
            if (const int i = table.fieldIndex(name); i >= 0)
                f.setValue(i, value);
        if (!snapshot.wkt.empty())
            f.setGeometry(fromKeptWkt(ws, table, snapshot.wkt));
        table.insert(f);
        for (const auto task : snapshot.taskFids)
            addLink(ws, registered, snapshot.fid, task);
        for (const auto& row : snapshot.suggestions) {
            std::vector<gis::FieldValue> values{row[0], snapshot.layer, code};
            values.insert(values.end(), row.begin() + 1, row.end());
            ws.dataset().run("INSERT INTO plan_link_suggestions (task_id, layer_name, "
                             "feature_code, mention, confidence, status, rule, evidence) VALUES "
                             "(?, ?, ?, ?, ?, ?, ?, ?)",
                             values);
        }
    });
}

SplitResult splitFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                         const gis::Geometry& cutter, std::optional<std::int64_t> seen)
{
    RegisteredLayer registered;
    auto table = programmeTable(ws, layer, &registered);
    // The shape is cut as read here, outside the transaction: changed meanwhile, refused.
    const std::int64_t readAt = seen.value_or(ws.lastEdit());
    auto f = featureOf(table, layer, fid);
    const std::string name = fieldText(f, table, "name_vi");
    const auto shape = shapeOf(ws, table, f);
    std::vector<gis::Geometry> pieces;
    try {
        pieces = shape.splitBy(cutter);
    } catch (const gis::GisError& e) {
        throw Error(ErrorKind::Usage, {QT_TRANSLATE_NOOP("pa::layers", "'%1' cannot be cut: %2"),
                                       {name, std::string(e.what())}});
    }
    if (pieces.size() < 2)
        throw Error(
            ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers", "the line does not cut '%1' in two: draw it across "
                                             "the shape, from outside it to outside it"),
             {name}});
    return ws.transaction([&] {
        lockAsSeen(ws, layer, {fid}, readAt);
        ws.lockFeatureCodes();
        SplitResult result;
        result.before = stateOf(f, table, shape);
        const auto tasks = linkedTasks(ws, registered, fid);
        const auto taken = ws.featureCodes();
        const std::string code = fieldText(f, table, "code");
        const std::string nameEn = fieldText(f, table, "name_en");
        int next = 2;
        for (std::size_t i = 1; i < pieces.size(); ++i) {
            auto piece = table.newFeature();
            for (int k = 0; k < static_cast<int>(table.fields().size()); ++k)
                piece.setValue(k, f.value(k));
            const std::string pieceCode = freeCode(taken, code, next);
            const int number = next++;
            set(piece, table, "code", pieceCode);
            set(piece, table, "name_vi", name + " (phần " + std::to_string(number) + ")");
            if (!nameEn.empty())
                set(piece, table, "name_en", nameEn + " (part " + std::to_string(number) + ")");
            piece.setGeometry(fitted(ws, table, pieces[i]));
            const auto added = table.insert(piece);
            for (const auto task : tasks)
                addLink(ws, registered, added, task);
            result.added.push_back(added);
            result.addedCodes.push_back(pieceCode);
        }
        // "fid 3 cut in 3: KCN-A (12.00 ha) keeps its code; new KCN-A-2, KCN-A-3".
        ws.logEdit({"feature_split",
                    {},
                    layer,
                    code,
                    "fid " + std::to_string(fid) + " cut in " + std::to_string(pieces.size()) +
                        ": " + code + " (" + sizeOf(pieces[0]) + ") keeps its code; new " +
                        codeList(result.addedCodes)});
        f.setGeometry(fitted(ws, table, pieces[0]));
        table.update(f);
        return result;
    });
}

void undoSplit(Workspace& ws, const std::string& layer, std::int64_t fid, const SplitResult& result,
               std::optional<std::int64_t> seen)
{
    RegisteredLayer registered;
    auto table = programmeTable(ws, layer, &registered);
    ws.transaction([&] {
        std::vector<std::int64_t> touched{fid};
        touched.insert(touched.end(), result.added.begin(), result.added.end());
        lockAsSeen(ws, layer, touched, seen);
        auto f = featureOf(table, layer, fid);
        ws.logEdit({"feature_split_undone",
                    {},
                    layer,
                    fieldText(f, table, "code"),
                    "fid " + std::to_string(fid) + " whole again; " + codeList(result.addedCodes) +
                        " removed"});
        for (const auto added : result.added)
            erase(ws, table, registered, added);
        restoreShape(ws, layer, fid, result.before); // (locked and compared above)
    });
}

MergeResult mergeFeatures(Workspace& ws, const std::string& layer, std::int64_t keep,
                          const std::vector<std::int64_t>& others, std::optional<std::int64_t> seen)
{
    RegisteredLayer registered;
    auto table = programmeTable(ws, layer, &registered);
    if (others.empty())
        throw Error(ErrorKind::Usage,
                    QT_TRANSLATE_NOOP("pa::layers", "choose at least two features to merge"));
    // The union is made of the shapes as read here, outside the transaction: changed
    // meanwhile, refused.
    const std::int64_t readAt = seen.value_or(ws.lastEdit());
    auto kept = featureOf(table, layer, keep);
    std::vector<gis::Geometry> shapes;
    shapes.push_back(shapeOf(ws, table, kept));
    for (const auto other : others) {
        if (other == keep)
            throw Error(ErrorKind::Usage,
                        QT_TRANSLATE_NOOP("pa::layers", "a feature cannot be merged into itself"));
        auto f = featureOf(table, layer, other);
        shapes.push_back(shapeOf(ws, table, f));
    }
    std::vector<const gis::Geometry*> parts;
    for (const auto& g : shapes)
        parts.push_back(&g);
    const auto whole = gis::Geometry::unionOf(parts);
    return ws.transaction([&] {
        std::vector<std::int64_t> touched{keep};
        touched.insert(touched.end(), others.begin(), others.end());
        lockAsSeen(ws, layer, touched, readAt);
        std::vector<std::string> takenIn;
        for (const auto other : others)
            takenIn.push_back(fieldText(featureOf(table, layer, other), table, "code"));
        ws.logEdit({"feature_merge",
                    {},
                    layer,
                    fieldText(kept, table, "code"),
                    "fid " + std::to_string(keep) + " takes in " + codeList(takenIn) + ": " +
                        sizeOf(shapes.front()) + " → " + sizeOf(whole)});
        MergeResult result;
        result.before = stateOf(kept, table, shapes.front());
        const auto keptTasks = linkedTasks(ws, registered, keep);
        std::set<std::int64_t> have(keptTasks.begin(), keptTasks.end());
        bool indicative = result.before.quality == "indicative";
        for (const auto other : others) {
            // What it was (quality, links) is in what deleting it returns.
            result.removed.push_back(deleteFeature(ws, layer, other));
            const auto& removed = result.removed.back();
            indicative = indicative || valueOf(removed, "geometry_quality") == "indicative";
            for (const auto task : removed.taskFids)
                if (have.insert(task).second)
                    result.tasksAdded.push_back(task);
        }
        for (const auto task : result.tasksAdded)
            addLink(ws, registered, keep, task);
        // As exact as its least exact part: one indicative part makes the whole indicative.
        auto merge = table.feature(keep);
        if (indicative)
            set(*merge, table, "geometry_quality", "indicative");
        merge->setGeometry(fitted(ws, table, whole));
        table.update(*merge);
        return result;
    });
}

void undoMerge(Workspace& ws, const std::string& layer, std::int64_t keep,
               const MergeResult& result, std::optional<std::int64_t> seen)
{
    RegisteredLayer registered;
    const auto table = programmeTable(ws, layer, &registered); // a programme layer, or said so
    ws.transaction([&] {
        lockAsSeen(ws, layer, {keep}, seen);
        std::vector<std::string> back;
        for (const auto& removed : result.removed)
            back.push_back(valueOf(removed, "code"));
        ws.logEdit({"feature_merge_undone",
                    {},
                    layer,
                    fieldText(featureOf(table, layer, keep), table, "code"),
                    "fid " + std::to_string(keep) + " apart again; " + codeList(back) + " back"});
        for (const auto task : result.tasksAdded)
            ws.dataset().run("DELETE FROM " + gis::sqlIdentifier(registered.linkTable) +
                                 " WHERE base_id = ? AND related_id = ?",
                             {keep, task});
        for (const auto& removed : result.removed)
            restoreFeature(ws, removed);
        restoreShape(ws, layer, keep, result.before); // (locked and compared above)
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
