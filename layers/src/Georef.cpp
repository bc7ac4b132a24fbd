#include "planatlas/layers/Georef.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Access.h"
#include "planatlas/layers/Copy.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Hash.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace pa::layers {

namespace {

std::string readWhole(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be read"), {path}});
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

/// Splits one CSV line at @p separator; quotes ("a;b") keep a separator inside a field.
std::vector<std::string> splitCsv(const std::string& line, char separator)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == separator && !quoted) {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    for (auto& f : fields) {
        const auto first = f.find_first_not_of(" \t\r");
        const auto last = f.find_last_not_of(" \t\r");
        f = first == std::string::npos ? std::string() : f.substr(first, last - first + 1);
    }
    return fields;
}

/// The column whose folded header is one of @p names; -1 when none.
int column(const std::vector<std::string>& header, std::initializer_list<std::string_view> names)
{
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string folded = text::foldForMatch(header[i]);
        std::replace(folded.begin(), folded.end(), ' ', '_');
        for (auto name : names)
            if (folded == name)
                return static_cast<int>(i);
    }
    return -1;
}

/// @p error as an Error(Input): what SheetError says, else @p otherwise with GDAL's words (or
/// gis/'s, when GDAL gave none).
Error sheetError(const gis::GisError& error, const Sentence& otherwise)
{
    if (const auto* problem = dynamic_cast<const gis::SheetError*>(&error))
        return Error(ErrorKind::Input, sheetProblem(*problem));
    return Error(ErrorKind::Input, withDetail(otherwise, error.cause()));
}

} // namespace

Sentence georefMethodSaid(const std::string& method)
{
    if (method == "affine")
        return QT_TRANSLATE_NOOP("pa::layers", "affine (first-order polynomial)");
    if (method == "poly2")
        return QT_TRANSLATE_NOOP("pa::layers", "second-order polynomial");
    if (method == "tps")
        return QT_TRANSLATE_NOOP("pa::layers", "thin-plate spline");
    if (method == "own")
        return QT_TRANSLATE_NOOP("pa::layers", "the sheet's own georeferencing");
    return Sentence(method);
}

Sentence sheetProblem(const gis::SheetError& error)
{
    using P = gis::SheetError::Problem;
    const auto& v = error.values();
    switch (error.problem()) {
    case P::TooFewPoints:
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "the %1 transformation needs at least %2 control points; %3 "
                                  "given"),
                {georefMethodSaid(v.method), Sentence::count(v.needed), Sentence::count(v.given)}};
    case P::PointNotANumber:
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "control point %1 has a coordinate that is not a number"),
                {v.first}};
    case P::SamePixel:
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "control points %1 and %2 are on the same pixel of the sheet"),
                {v.first, v.second}};
    case P::SameCoordinates:
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "control points %1 and %2 have the same map coordinates"),
                {v.first, v.second}};
    case P::PixelsOnOneLine:
        return QT_TRANSLATE_NOOP("pa::layers",
                                 "the control points lie on one line of the sheet; spread them "
                                 "over the sheet (towards its corners)");
    case P::CoordinatesOnOneLine:
        return QT_TRANSLATE_NOOP("pa::layers",
                                 "the control points' map coordinates lie on one line; spread "
                                 "them over the sheet (towards its corners)");
    case P::CannotPlace:
        if (error.detail().empty())
            return QT_TRANSLATE_NOOP("pa::layers",
                                     "the control points' layout cannot fix the transformation; "
                                     "spread them over the sheet (towards its corners)");
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "the control points' layout cannot fix the transformation "
                                  "(GDAL: %1); spread them over the sheet (towards its corners)"),
                {error.detail()}};
    case P::DpiOutOfRange:
        return {
            QT_TRANSLATE_NOOP("pa::layers", "%1: a PDF page is drawn at 10 to 1200 dpi; %2 asked"),
            {v.path, Sentence::number(v.dpi, Sentence::kShortest)}};
    case P::NoSuchPage:
        return {QT_TRANSLATE_NOOP("pa::layers", "%1: the PDF has %2 page(s); page %3 asked"),
                {v.path, Sentence::count(v.pages), std::to_string(v.page)}};
    case P::OnlyPdfHasPages:
        return {QT_TRANSLATE_NOOP("pa::layers", "%1: only a PDF has pages"), {v.path}};
    case P::NotAnImage:
        return withDetail(
            {QT_TRANSLATE_NOOP("pa::layers", "%1: not an image GDAL reads"), {v.path}},
            error.detail());
    case P::NoImageBand:
        return {QT_TRANSLATE_NOOP("pa::layers", "%1: the file has no image band"), {v.path}};
    case P::NoGeoreferencing:
        return {QT_TRANSLATE_NOOP("pa::layers", "%1: the sheet carries no georeferencing of its "
                                                "own; give control points"),
                {v.path}};
    case P::NoCrs:
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "%1: the sheet is georeferenced but declares no coordinate "
                                  "reference system (never guessed)"),
                {v.path}};
    case P::NotEightBit:
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "%1: band %2 holds %3 pixels; a map sheet is read as an 8-bit "
                                  "image (save it as one)"),
                {v.path, std::to_string(v.band), v.dataType}};
    }
    return Sentence(std::string(error.what()));
}

gis::GeorefFit fitControlPoints(const std::vector<gis::ControlPoint>& points,
                                gis::GeorefMethod method)
{
    try {
        return gis::fitControlPoints(points, method);
    } catch (const gis::GisError& e) {
        throw sheetError(e, {QT_TRANSLATE_NOOP("pa::layers", "the %1 transformation cannot be "
                                                             "fitted to the control points"),
                             {georefMethodSaid(gis::georefMethodName(method))}});
    }
}

gis::SheetPicture readSheetPicture(const gis::SheetSource& sheet, int maxSide)
{
    try {
        return gis::readSheetPicture(sheet, maxSide);
    } catch (const gis::GisError& e) {
        throw sheetError(
            e, {QT_TRANSLATE_NOOP("pa::layers", "%1 cannot be read as a map sheet"), {sheet.path}});
    }
}

ControlPointsFile readControlPoints(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: no such file"), {path}});
    std::string bytes = readWhole(path);
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) // Excel's byte-order mark
        bytes.erase(0, 3);
    if (!text::isValidUtf8(bytes))
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers",
                                       "%1: not UTF-8 text (save the control points as UTF-8 CSV)"),
                     {path}});
    ControlPointsFile file;
    file.path = path;
    std::istringstream in(bytes);
    std::string line;
    int lineNo = 0;
    std::vector<std::string> header;
    char separator = ',';
    int pixelCol = -1, lineCol = -1, xCol = -1, yCol = -1, idCol = -1, enableCol = -1;
    bool qgis = false;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t;,") == std::string::npos)
            continue;
        if (line.rfind("#CRS:", 0) == 0) { // QGIS writes the points' CRS on the first line
            std::string crs = line.substr(5);
            crs.erase(0, crs.find_first_not_of(' '));
            if (!crs.empty())
                file.crs = crs;
            continue;
        }
        if (line[0] == '#')
            continue;
        if (header.empty()) {
            separator = line.find(';') != std::string::npos    ? ';'
                        : line.find('\t') != std::string::npos ? '\t'
                                                               : ',';
            header = splitCsv(line, separator);
            qgis = column(header, {"sourcex"}) >= 0 && column(header, {"mapx"}) >= 0;
            pixelCol = column(
                header, {"pixel", "col", "column", "cot", "sourcex", "pixel_x", "image_x", "px"});
            lineCol = column(
                header, {"line", "row", "dong", "hang", "sourcey", "pixel_y", "image_y", "py"});
            xCol = column(header,
                          {"x", "map_x", "mapx", "easting", "east", "lon", "longitude", "kinh_do"});
            yCol = column(header,
                          {"y", "map_y", "mapy", "northing", "north", "lat", "latitude", "vi_do"});
            idCol = column(header, {"id", "name", "ten", "ten_diem", "ma_diem", "so_hieu", "point",
                                    "diem", "gcp", "gcp_id"});
            enableCol = column(header, {"enable", "enabled"});
            std::string missing;
            for (auto [col, what] : {std::pair{pixelCol, "pixel"}, std::pair{lineCol, "line"},
                                     std::pair{xCol, "x"}, std::pair{yCol, "y"}})
                if (col < 0)
                    missing += std::string(missing.empty() ? "" : ", ") + what;
            if (!missing.empty())
                throw Error(
                    ErrorKind::Input,
                    {QT_TRANSLATE_NOOP(
                         "pa::layers",
                         "%1, line %2: the header names no column for %3 (expected pixel, line, x, "
                         "y — or a QGIS .points file's mapX, mapY, sourceX, sourceY)"),
                     {path, std::to_string(lineNo), missing}});
            continue;
        }
        const auto fields = splitCsv(line, separator);
        auto field = [&](int col) {
            return col < static_cast<int>(fields.size()) ? fields[col] : "";
        };
        if (enableCol >= 0 && field(enableCol) == "0") {
            ++file.disabled;
            continue;
        }
        gis::ControlPoint p;
        p.id = idCol >= 0 && !field(idCol).empty() ? text::toNfc(field(idCol))
                                                   : std::to_string(file.points.size() + 1);
        for (auto [col, out, what] :
             {std::tuple{pixelCol, &p.pixel, "pixel"}, std::tuple{lineCol, &p.line, "line"},
              std::tuple{xCol, &p.x, "x"}, std::tuple{yCol, &p.y, "y"}}) {
            const auto value = text::parseNumber(field(col));
            if (!value)
                throw Error(
                    ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1, line %2 (%3): %4 '%5' is not a number"),
                     {path, std::to_string(lineNo), p.id, std::string(what), field(col)}});
            *out = *value;
        }
        if (qgis) {
            // QGIS gives a plain image's rows as negative y (its pixel space points up).
            if (p.line > 0)
                throw Error(ErrorKind::Input,
                            {QT_TRANSLATE_NOOP(
                                 "pa::layers",
                                 "%1, line %2 (%3): sourceY is positive — these points were placed "
                                 "on a sheet that was already georeferenced; PlanAtlas needs them "
                                 "placed on the plain scan (pixel positions)"),
                             {path, std::to_string(lineNo), p.id}});
            p.line = -p.line;
        }
        if (p.pixel < 0 || p.line < 0)
            throw Error(
                ErrorKind::Input,
                {QT_TRANSLATE_NOOP("pa::layers", "%1, line %2 (%3): a pixel position is negative"),
                 {path, std::to_string(lineNo), p.id}});
        file.points.push_back(p);
    }
    if (header.empty())
        throw Error(
            ErrorKind::Input,
            {QT_TRANSLATE_NOOP("pa::layers", "%1: empty (no header, no control points)"), {path}});
    if (file.points.empty())
        throw Error(
            ErrorKind::Input,
            file.disabled
                ? Sentence(QT_TRANSLATE_NOOP(
                               "pa::layers",
                               "%1: no control points (only the header, and %2 switched off)"),
                           {path, Sentence::count(file.disabled)})
                : Sentence(
                      QT_TRANSLATE_NOOP("pa::layers", "%1: no control points (only the header)"),
                      {path}));
    return file;
}

std::optional<gis::GeorefMethod> parseGeorefMethod(const std::string& name)
{
    const std::string n = text::foldForMatch(name);
    if (n == "affine" || n == "poly1" || n == "linear")
        return gis::GeorefMethod::Affine;
    if (n == "poly2" || n == "polynomial" || n == "polynomial2")
        return gis::GeorefMethod::Polynomial2;
    if (n == "tps" || n == "thin-plate" || n == "thin_plate_spline" || n == "thin plate spline")
        return gis::GeorefMethod::ThinPlateSpline;
    return std::nullopt;
}

std::string rasterDataset(Workspace& ws, const std::string& name)
{
    // A sheet in PostGIS keeps its tiles as text: GDAL reads them from a GeoPackage copy.
    return "GPKG:" + (ws.isShared() ? sheetFile(ws, name) : ws.path()) + ":" + name;
}

namespace {

std::string asText(const gis::FieldValue& v)
{
    return gis::toString(v);
}

std::optional<double> asReal(const gis::FieldValue& v)
{
    const std::string s = gis::toString(v);
    if (s.empty())
        return std::nullopt;
    return std::stod(s);
}

bool hasRasterTables(Workspace& ws)
{
    return ws.dataset().hasTable("pa_rasters");
}

std::string layerNameFor(const std::string& sheetPath)
{
    std::string name = text::slug(std::filesystem::path(sheetPath).stem().string(), '_');
    if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z'))
        name = "sheet_" + name;
    if (name.size() > 50)
        name.resize(50);
    while (!name.empty() && name.back() == '_')
        name.pop_back();
    return name;
}

/// @p points' map positions brought from @p from into @p to; Error(Input) naming @p file.
void transformPoints(std::vector<gis::ControlPoint>& points, const gis::Crs& from,
                     const gis::Crs& to, const Sentence& file)
{
    if (from.isSame(to))
        return;
    std::optional<gis::CoordinateTransform> made;
    try {
        made.emplace(from, to);
    } catch (const gis::GisError& e) {
        throw Error(
            ErrorKind::Input,
            withDetail({QT_TRANSLATE_NOOP("pa::layers", "%1: no transformation brings %2 into %3"),
                        {file, from.label(), to.label()}},
                       e.detail()));
    }
    for (auto& p : points) {
        try {
            const auto xy = made->apply(p.x, p.y);
            p.x = xy[0];
            p.y = xy[1];
        } catch (const gis::GisError& e) {
            throw Error(ErrorKind::Input,
                        withDetail({QT_TRANSLATE_NOOP("pa::layers", "%1, point %2: (%3, %4) cannot "
                                                                    "be brought from %5 into %6"),
                                    {file, p.id, Sentence::number(p.x), Sentence::number(p.y),
                                     from.label(), to.label()}},
                                   e.detail()));
        }
    }
}

/// The points in the workspace CRS, each checked to lie in or near the province.
std::vector<gis::ControlPoint> intoWorkspace(Workspace& ws, std::vector<gis::ControlPoint> points,
                                             const gis::Crs& from, const Sentence& file)
{
    transformPoints(points, from, ws.crs(), file);
    // A sheet shows the province and some of its surroundings; a point far outside is a typing
    // error or coordinates in another CRS than the one they are read in.
    if (const auto province = ws.provinceExtent()) {
        const double margin =
            0.25 * std::max(province->maxX - province->minX, province->maxY - province->minY);
        for (const auto& p : points) {
            const double dx = std::max({0.0, province->minX - p.x, p.x - province->maxX});
            const double dy = std::max({0.0, province->minY - p.y, p.y - province->maxY});
            const double away = std::hypot(dx, dy);
            if (away > margin) {
                throw Error(ErrorKind::Input,
                            {QT_TRANSLATE_NOOP("pa::layers",
                                               "%1, point %2: (%3, %4) in %5 lies %6 km outside "
                                               "the province; are its coordinates in another CRS "
                                               "than %7?"),
                             {file, p.id, Sentence::number(p.x, 1), Sentence::number(p.y, 1),
                              ws.crs().label(), Sentence::number(away / 1000.0, 1), from.label()}},
                            "give the points' CRS");
            }
        }
    }
    return points;
}

/// A folder of its own for a sheet warped on its way into a schema, removed with what it holds
/// when the placing ends, however it ends.
class WarpFolder
{
public:
    WarpFolder()
    {
        std::random_device random;
        for (int attempt = 0;; ++attempt) { // a folder of its own: never one that was there
            m_path = std::filesystem::temp_directory_path() /
                     ("planatlas-sheet-" + std::to_string(random()) + std::to_string(random()));
            std::error_code error;
            if (std::filesystem::create_directory(m_path, error))
                break;
            if (error || attempt == 9)
                throw Error(
                    ErrorKind::Workspace,
                    {QT_TRANSLATE_NOOP("pa::layers", "cannot make a folder for the sheet in %1%2"),
                     {std::filesystem::temp_directory_path().string(),
                      error ? ": " + error.message() : std::string()}});
        }
    }
    ~WarpFolder()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    WarpFolder(const WarpFolder&) = delete;
    WarpFolder& operator=(const WarpFolder&) = delete;
    [[nodiscard]] std::string file(const std::string& name) const
    {
        return (m_path / name).string();
    }

private:
    std::filesystem::path m_path;
};

} // namespace

std::vector<RasterLayer> rasterLayers(Workspace& ws)
{
    std::vector<RasterLayer> out;
    if (!hasRasterTables(ws))
        return out;
    const auto rows =
        ws.dataset()
            .execute("SELECT r.layer_name, r.title_vi, r.title_en, r.sheet_file, r.sheet_sha256, "
                     "r.sheet_page, r.sheet_dpi, r.sheet_date, r.method, r.control_points, "
                     "r.rmse_m, r.loo_rmse_m, r.pixel_size_m, r.width, r.height, r.source, "
                     "r.licence, r.attribution, r.created_at, c.min_x, c.min_y, c.max_x, c.max_y "
                     "FROM pa_rasters r LEFT JOIN gpkg_contents c ON c.table_name = r.layer_name "
                     "ORDER BY r.created_at, r.layer_name")
            .rows;
    for (const auto& r : rows) {
        RasterLayer l;
        l.name = asText(r[0]);
        l.titleVi = asText(r[1]);
        l.titleEn = asText(r[2]);
        l.sheetFile = asText(r[3]);
        l.sheetSha256 = asText(r[4]);
        l.sheetPage = static_cast<int>(asReal(r[5]).value_or(1));
        l.sheetDpi = asReal(r[6]).value_or(0);
        l.sheetDate = asText(r[7]);
        l.method = asText(r[8]);
        l.controlPoints = static_cast<int>(asReal(r[9]).value_or(0));
        l.rmseM = asReal(r[10]);
        l.leaveOneOutRmseM = asReal(r[11]);
        l.pixelSizeM = asReal(r[12]).value_or(0);
        l.width = static_cast<int>(asReal(r[13]).value_or(0));
        l.height = static_cast<int>(asReal(r[14]).value_or(0));
        l.source = asText(r[15]);
        l.licence = asText(r[16]);
        l.attribution = asText(r[17]);
        l.createdAt = asText(r[18]);
        const auto minX = asReal(r[19]), minY = asReal(r[20]), maxX = asReal(r[21]),
                   maxY = asReal(r[22]);
        if (minX && minY && maxX && maxY)
            l.extent = gis::Envelope{*minX, *minY, *maxX, *maxY};
        out.push_back(std::move(l));
    }
    return out;
}

void removeRasterLayer(Workspace& ws, const std::string& name)
{
    const auto sheets = rasterLayers(ws);
    if (std::none_of(sheets.begin(), sheets.end(), [&](const auto& r) { return r.name == name; }))
        throw Error(
            ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no map sheet '%1'"), {name}});
    // A table goes with it: only its owner or the schema's drops it.
    if (ws.isShared() &&
        ws.dataset()
            .run("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                 "n.nspname = current_schema() AND c.relname = ? AND (pg_has_role(c.relowner, "
                 "'USAGE') OR pg_has_role(n.nspowner, 'USAGE'))",
                 {name})
            .rows.empty())
        throw Error(
            ErrorKind::Workspace,
            {QT_TRANSLATE_NOOP(
                 "pa::layers",
                 "role %1 may change the rows of '%2' but not remove its tables, and a map sheet "
                 "is a table of its own; nothing was changed (the schema's owner removes it)"),
             {ws.editor(), ws.path()}});
    ws.transaction([&] {
        ws.logEdit({"sheet_remove", {}, name, {}, {}});
        auto& ds = ws.dataset();
        ds.run("DELETE FROM pa_raster_control_points WHERE layer_name = ?", {name});
        ds.run("DELETE FROM pa_rasters WHERE layer_name = ?", {name});
        if (ws.isShared())
            takeSheetOutOfSchema(ws, name);
        else
            gis::dropTileTable(ds, name);
    });
}

std::vector<PlacedControlPoint> rasterControlPoints(Workspace& ws, const std::string& layer)
{
    std::vector<PlacedControlPoint> out;
    if (!hasRasterTables(ws))
        return out;
    const auto rows =
        ws.dataset()
            .run("SELECT point_id, pixel, line, x, y, dx_m, dy_m, residual_m, loo_m FROM "
                 "pa_raster_control_points WHERE layer_name = ? ORDER BY fid",
                 {layer})
            .rows;
    for (const auto& r : rows) {
        PlacedControlPoint p;
        p.point = {asText(r[0]), asReal(r[1]).value_or(0), asReal(r[2]).value_or(0),
                   asReal(r[3]).value_or(0), asReal(r[4]).value_or(0)};
        p.residual.dx = asReal(r[5]).value_or(0);
        p.residual.dy = asReal(r[6]).value_or(0);
        p.residual.error = asReal(r[7]).value_or(0);
        p.residual.leaveOneOut = asReal(r[8]);
        out.push_back(p);
    }
    return out;
}

void bringPointsInto(ControlPointsFile& file, const gis::Crs& crs)
{
    if (!file.crs)
        return;
    std::optional<gis::Crs> from;
    try {
        from = gis::Crs::fromUserInput(*file.crs);
    } catch (const gis::GisError& e) {
        throw Error(ErrorKind::Input,
                    Sentence("%1: %2", {file.path, unknownCrs(*file.crs, e.detail())}));
    }
    transformPoints(file.points, *from, crs, Sentence(file.path));
}

GeorefResult georeference(Workspace& ws, const GeorefOptions& options, const Progress& progress)
{
    if (ws.inTransaction())
        throw Error(ErrorKind::Workspace,
                    "a map sheet is stored outside any other change to the workspace");
    if (ws.isShared())
        checkMayAddLayers(ws, Sentence(QT_TRANSLATE_NOOP(
                                  "pa::layers", "a map sheet"))); // before the sheet is read
    if (!std::filesystem::exists(options.sheet.path))
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: no such file"), {options.sheet.path}});
    GeorefResult result;
    RasterLayer& layer = result.layer;
    layer.name = options.layerName.empty() ? layerNameFor(options.sheet.path) : options.layerName;
    {
        if (const auto why = layerNameProblem(layer.name))
            throw ParameterError(
                "layer", options.layerName.empty()
                             ? Sentence(QT_TRANSLATE_NOOP("pa::layers",
                                                          "'%1' cannot be used: %2 (made from the "
                                                          "sheet's file name; choose one)"),
                                        {layer.name, *why})
                             : Sentence(QT_TRANSLATE_NOOP("pa::layers", "'%1' cannot be used: %2"),
                                        {layer.name, *why}));
        const auto taken = ws.dataset().run(
            "SELECT 1 FROM gpkg_contents WHERE lower(table_name) = lower(?)", {layer.name});
        if (!taken.rows.empty())
            throw ParameterError(
                "layer",
                {QT_TRANSLATE_NOOP("pa::layers",
                                   "the workspace already has a layer '%1'; choose another name"),
                 {layer.name}});
    }
    if (!options.sheetDate.empty()) {
        const auto date = text::parseDate(options.sheetDate);
        if (!date)
            throw ParameterError(
                "sheet_date",
                {QT_TRANSLATE_NOOP("pa::layers", "'%1' is not a date"), {options.sheetDate}});
        layer.sheetDate = *date;
    }

    // The sheet: readable, the page there.
    gis::SheetInfo sheet;
    try {
        sheet = gis::describeSheet(options.sheet);
    } catch (const gis::GisError& e) {
        throw sheetError(e, {QT_TRANSLATE_NOOP("pa::layers", "%1 cannot be read as a map sheet"),
                             {options.sheet.path}});
    }

    // The control points, in the workspace CRS.
    std::vector<gis::ControlPoint> points;
    if (!options.controlPoints.empty() || !options.points.empty()) {
        ControlPointsFile file;
        if (!options.controlPoints.empty()) {
            file = readControlPoints(options.controlPoints);
        } else {
            file.points = options.points;
        }
        // Placed in a window, the points have no file to name.
        const Sentence where = options.controlPoints.empty()
                                   ? Sentence(QT_TRANSLATE_NOOP("pa::layers", "control points"))
                                   : Sentence(file.path);
        result.disabledPoints = file.disabled;
        const std::string crsText = !options.pointsCrs.empty()
                                        ? options.pointsCrs
                                        : (file.crs ? *file.crs : ws.crs().label());
        std::optional<gis::Crs> crs;
        try {
            crs = gis::Crs::fromUserInput(crsText);
        } catch (const gis::GisError& e) {
            throw ParameterError("gcp_crs", unknownCrs(crsText, e.detail()));
        }
        result.pointsCrs = crs->label();
        points = intoWorkspace(ws, file.points, *crs, where);
        for (const auto& p : points)
            if (p.pixel > sheet.width || p.line > sheet.height)
                throw Error(
                    ErrorKind::Input,
                    sheet.pdf
                        ? Sentence(
                              QT_TRANSLATE_NOOP("pa::layers", "%1, point %2: pixel (%3, %4) is "
                                                              "outside the sheet (%5 × %6 pixels "
                                                              "at %7 dpi)"),
                              {where, p.id, Sentence::number(p.pixel), Sentence::number(p.line),
                               Sentence::count(sheet.width), Sentence::count(sheet.height),
                               Sentence::number(options.sheet.dpi)})
                        : Sentence(
                              QT_TRANSLATE_NOOP("pa::layers", "%1, point %2: pixel (%3, %4) is "
                                                              "outside the sheet (%5 × %6 pixels)"),
                              {where, p.id, Sentence::number(p.pixel), Sentence::number(p.line),
                               Sentence::count(sheet.width), Sentence::count(sheet.height)}));
        try {
            result.fit = layers::fitControlPoints(points, options.method);
        } catch (const Error& e) {
            if (options.controlPoints.empty()) // placed in a window: no file to name
                throw;
            throw Error(ErrorKind::Input, Sentence("%1: %2", {file.path, e.sentence()}));
        }
        for (std::size_t i = 0; i < points.size(); ++i)
            result.points.push_back({points[i], result.fit->residuals[i]});
        layer.method = gis::georefMethodName(options.method);
        layer.controlPoints = static_cast<int>(points.size());
        layer.rmseM = result.fit->rmse;
        layer.leaveOneOutRmseM = result.fit->leaveOneOutRmse;
    } else {
        if (!sheet.georeferenced)
            throw ParameterError(
                "gcp", QT_TRANSLATE_NOOP("pa::layers", "the sheet carries no georeferencing of its "
                                                       "own; give a file of control points"));
        layer.method = "own";
    }
    progress.update(0.02, "sheet");

    // Warped into the workspace file (its own connection), then registered; the tiles are
    // removed again when the registration fails.
    layer.titleVi = options.titleVi.empty() ? layer.name : text::toNfc(options.titleVi);
    layer.titleEn = options.titleEn.empty() ? layer.titleVi : text::toNfc(options.titleEn);
    layer.sheetFile = std::filesystem::path(options.sheet.path).filename().string();
    layer.sheetSha256 = sha256Hex(readWhole(options.sheet.path));
    layer.sheetPage = options.sheet.page;
    layer.sheetDpi = sheet.pdf ? options.sheet.dpi : 0;
    layer.source = options.source;
    layer.licence = options.licence;
    layer.attribution = options.attribution;
    // A schema keeps a sheet's tiles as text: it is warped into a GeoPackage of its own first,
    // then copied in with its registration, in one transaction.
    std::optional<WarpFolder> folder;
    std::string into = ws.path();
    if (ws.isShared()) {
        folder.emplace();
        into = folder->file("sheet.gpkg");
        try {
            gis::Dataset::createGeoPackage(into).close();
        } catch (const gis::GisError& e) {
            throw Error(
                ErrorKind::Workspace,
                withDetail({QT_TRANSLATE_NOOP("pa::layers", "cannot make %1"), {into}}, e.cause()));
        }
    }
    gis::WarpRequest request{options.sheet,  ws.crs(),           points,
                             options.method, options.pixelSizeM, into,
                             layer.name,     layer.titleVi,      "Map sheet " + layer.sheetFile};
    auto report = [&](double fraction, const char* stage) {
        try {
            progress.update(0.02 + 0.93 * fraction, stage);
            return true;
        } catch (...) {
            return false; // cancelled: GDAL stops, the tiles are removed
        }
    };
    try {
        result.warp = gis::warpSheet(request, report);
    } catch (const gis::GisError& e) {
        progress.checkCancelled();
        throw sheetError(e, {QT_TRANSLATE_NOOP("pa::layers", "%1 cannot be placed on the map"),
                             {options.sheet.path}});
    }
    layer.pixelSizeM = result.warp.pixelSize * ws.crs().linearUnitMetres();
    layer.width = result.warp.width;
    layer.height = result.warp.height;
    try {
        progress.checkCancelled();
        ws.transaction([&] {
            ws.logEdit({"sheet_place", {}, layer.name, {}, layer.method});
            auto& ds = ws.dataset();
            if (ws.isShared())
                shareNewTables(ds, putSheetInSchema(ws, into, layer.name));
            auto real = [](std::optional<double> v) {
                return v ? gis::FieldValue(*v) : gis::FieldValue();
            };
            ds.run("INSERT INTO pa_rasters (layer_name, title_vi, title_en, sheet_file, "
                   "sheet_sha256, sheet_page, sheet_date, sheet_dpi, method, control_points, "
                   "rmse_m, loo_rmse_m, pixel_size_m, width, height, source, licence, "
                   "attribution, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?, ?, ?, " +
                       ws.nowSql() + ")",
                   {layer.name, layer.titleVi, layer.titleEn, layer.sheetFile, layer.sheetSha256,
                    std::int64_t{layer.sheetPage}, gis::textOrNull(layer.sheetDate),
                    layer.sheetDpi > 0 ? gis::FieldValue(layer.sheetDpi) : gis::FieldValue(),
                    layer.method, std::int64_t{layer.controlPoints}, real(layer.rmseM),
                    real(layer.leaveOneOutRmseM), layer.pixelSizeM, std::int64_t{layer.width},
                    std::int64_t{layer.height}, gis::textOrNull(layer.source),
                    gis::textOrNull(layer.licence), gis::textOrNull(layer.attribution)});
            for (const auto& p : result.points)
                ds.run("INSERT INTO pa_raster_control_points (layer_name, point_id, pixel, line, "
                       "x, y, dx_m, dy_m, residual_m, loo_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?)",
                       {layer.name, p.point.id, p.point.pixel, p.point.line, p.point.x, p.point.y,
                        p.residual.dx, p.residual.dy, p.residual.error,
                        real(p.residual.leaveOneOut)});
        });
    } catch (...) {
        try {
            if (!ws.isShared()) // (a schema's transaction took everything back)
                gis::dropTileTable(ws.dataset(), layer.name); // the transaction was rolled back
        } catch (const gis::GisError&) {
            // the first failure is the one to report
        }
        try {
            throw;
        } catch (const gis::GisError& e) {
            throw Error(
                ErrorKind::Workspace,
                withDetail({QT_TRANSLATE_NOOP("pa::layers", "map sheet %1 cannot be kept in '%2'; "
                                                            "nothing of it was kept"),
                            {layer.name, gis::displayName(ws.path())}},
                           e.cause()));
        }
    }
    try { // after the commit: when only this reading fails, the sheet is kept, without its time
        const auto made = ws.dataset().run("SELECT created_at FROM pa_rasters WHERE layer_name = ?",
                                           {layer.name});
        if (!made.rows.empty())
            layer.createdAt = asText(made.rows[0][0]);
    } catch (const gis::GisError&) {
    }
    progress.update(1.0, "done");
    return result;
}

} // namespace pa::layers
