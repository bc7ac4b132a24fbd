#include "planatlas/gis/Georef.h"

#include "Private_p.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cpl_string.h>
#include <gdal_alg.h>
#include <gdal_utils.h>

namespace pa::gis {

namespace {
std::string sheetProblemText(SheetError::Problem problem, const SheetError::Values& v,
                             const std::string& detail);
} // namespace

int minimumControlPoints(GeorefMethod method)
{
    return method == GeorefMethod::Polynomial2 ? 6 : 3;
}

SheetError::SheetError(Problem problem, Values values, std::string detail)
    : GisError(sheetProblemText(problem, values, detail), detail), m_problem(problem),
      m_values(std::move(values))
{
}

const char* georefMethodName(GeorefMethod method)
{
    switch (method) {
    case GeorefMethod::Affine:
        return "affine";
    case GeorefMethod::Polynomial2:
        return "poly2";
    case GeorefMethod::ThinPlateSpline:
        return "tps";
    }
    return "?";
}

namespace {

/// The English of a SheetError, as the command line says it.
std::string sheetProblemText(SheetError::Problem problem, const SheetError::Values& v,
                             const std::string& detail)
{
    using P = SheetError::Problem;
    const std::string own = detail.empty() ? std::string() : " (" + detail + ")";
    switch (problem) {
    case P::TooFewPoints:
        return "the " + v.method + " transformation needs at least " + std::to_string(v.needed) +
               " control points; " + std::to_string(v.given) + " given";
    case P::PointNotANumber:
        return "control point " + v.first + " has a coordinate that is not a number";
    case P::SamePixel:
        return "control points " + v.first + " and " + v.second +
               " are on the same pixel of the sheet";
    case P::SameCoordinates:
        return "control points " + v.first + " and " + v.second + " have the same map coordinates";
    case P::PixelsOnOneLine:
        return "the control points lie on one line of the sheet; spread them over the sheet "
               "(towards its corners)";
    case P::CoordinatesOnOneLine:
        return "the control points' map coordinates lie on one line; spread them over the sheet "
               "(towards its corners)";
    case P::CannotPlace:
        return "the control points' layout cannot fix the transformation (GDAL could not place a "
               "point" +
               (detail.empty() ? std::string() : ": " + detail) + ")";
    case P::DpiOutOfRange:
        return v.path + ": a PDF page is drawn at 10 to 1200 dpi; " + CPLSPrintf("%.15g", v.dpi) +
               " asked";
    case P::NoSuchPage:
        return v.path + ": the PDF has " + std::to_string(v.pages) + " page(s); page " +
               std::to_string(v.page) + " asked";
    case P::OnlyPdfHasPages:
        return v.path + ": only a PDF has pages";
    case P::NotAnImage:
        return v.path + ": not an image GDAL reads" + own;
    case P::NoImageBand:
        return v.path + ": the file has no image band";
    case P::NoGeoreferencing:
        return v.path + ": the sheet carries no georeferencing of its own; give control points";
    case P::NoCrs:
        return v.path + ": the sheet is georeferenced but declares no coordinate reference "
                        "system (never guessed)";
    case P::NotEightBit:
        return v.path + ": band " + std::to_string(v.band) + " holds " + v.dataType +
               " pixels; a map sheet is read as an 8-bit image (save it as one)";
    }
    return "the map sheet cannot be used";
}

/// GDAL's GCP list over our points; the strings live in the points.
std::vector<GDAL_GCP> gdalPoints(const std::vector<ControlPoint>& points)
{
    std::vector<GDAL_GCP> gcps(points.size());
    static char empty[] = "";
    for (std::size_t i = 0; i < points.size(); ++i) {
        gcps[i].pszId = const_cast<char*>(points[i].id.c_str());
        gcps[i].pszInfo = empty;
        gcps[i].dfGCPPixel = points[i].pixel;
        gcps[i].dfGCPLine = points[i].line;
        gcps[i].dfGCPX = points[i].x;
        gcps[i].dfGCPY = points[i].y;
        gcps[i].dfGCPZ = 0;
    }
    return gcps;
}

/// The smaller over the larger spread of @p coords around their mean (the square root of the
/// ratio of the covariance matrix's eigenvalues): 0 when the points lie on one line.
double flatness(const std::vector<std::array<double, 2>>& coords)
{
    double mx = 0, my = 0;
    for (const auto& c : coords) {
        mx += c[0];
        my += c[1];
    }
    mx /= static_cast<double>(coords.size());
    my /= static_cast<double>(coords.size());
    double sxx = 0, syy = 0, sxy = 0;
    for (const auto& c : coords) {
        sxx += (c[0] - mx) * (c[0] - mx);
        syy += (c[1] - my) * (c[1] - my);
        sxy += (c[0] - mx) * (c[1] - my);
    }
    const double mean = (sxx + syy) / 2,
                 diff = std::sqrt(((sxx - syy) / 2) * ((sxx - syy) / 2) + sxy * sxy);
    const double large = mean + diff, small = std::max(0.0, mean - diff);
    return large > 0 ? std::sqrt(small / large) : 0.0;
}

void checkLayout(const std::vector<ControlPoint>& points, GeorefMethod method)
{
    const auto needed = static_cast<std::size_t>(minimumControlPoints(method));
    if (points.size() < needed)
        throw SheetError(SheetError::Problem::TooFewPoints,
                         {.method = georefMethodName(method),
                          .needed = static_cast<long long>(needed),
                          .given = static_cast<long long>(points.size())});
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        if (!std::isfinite(p.pixel) || !std::isfinite(p.line) || !std::isfinite(p.x) ||
            !std::isfinite(p.y))
            throw SheetError(SheetError::Problem::PointNotANumber, {.first = p.id});
        for (std::size_t j = 0; j < i; ++j) {
            const auto& q = points[j];
            if (std::hypot(p.pixel - q.pixel, p.line - q.line) < 0.5)
                throw SheetError(SheetError::Problem::SamePixel, {.first = q.id, .second = p.id});
            if (std::hypot(p.x - q.x, p.y - q.y) == 0.0)
                throw SheetError(SheetError::Problem::SameCoordinates,
                                 {.first = q.id, .second = p.id});
        }
    }
    std::vector<std::array<double, 2>> sheet, ground;
    for (const auto& p : points) {
        sheet.push_back({p.pixel, p.line});
        ground.push_back({p.x, p.y});
    }
    if (flatness(sheet) < 1e-3)
        throw SheetError(SheetError::Problem::PixelsOnOneLine, {});
    if (flatness(ground) < 1e-3)
        throw SheetError(SheetError::Problem::CoordinatesOnOneLine, {});
}

/// A fitted GDAL transformer from sheet (pixel, line) to map coordinates.
class Fitted
{
public:
    Fitted(const std::vector<ControlPoint>& points, GeorefMethod method) : m_method(method)
    {
        const auto gcps = gdalPoints(points);
        detail::ErrorCapture errors;
        const int count = static_cast<int>(gcps.size());
        m_handle =
            method == GeorefMethod::ThinPlateSpline
                ? GDALCreateTPSTransformer(count, gcps.data(), FALSE)
                : GDALCreateGCPTransformer(count, gcps.data(),
                                           method == GeorefMethod::Polynomial2 ? 2 : 1, FALSE);
        errors.throwIfFailed(std::string("cannot fit the ") + georefMethodName(method) +
                                 " transformation to the control points",
                             m_handle == nullptr);
    }
    ~Fitted()
    {
        if (!m_handle)
            return;
        if (m_method == GeorefMethod::ThinPlateSpline)
            GDALDestroyTPSTransformer(m_handle);
        else
            GDALDestroyGCPTransformer(m_handle);
    }
    Fitted(const Fitted&) = delete;
    Fitted& operator=(const Fitted&) = delete;

    /// Map coordinates of @p pixelLines; throws when the fit cannot place one.
    std::vector<Coord> apply(const std::vector<Coord>& pixelLines) const
    {
        const int n = static_cast<int>(pixelLines.size());
        std::vector<double> x(pixelLines.size()), y(pixelLines.size()), z(pixelLines.size(), 0);
        std::vector<int> ok(pixelLines.size(), 0);
        for (std::size_t i = 0; i < pixelLines.size(); ++i) {
            x[i] = pixelLines[i].x;
            y[i] = pixelLines[i].y;
        }
        detail::ErrorCapture errors;
        if (m_method == GeorefMethod::ThinPlateSpline)
            GDALTPSTransform(m_handle, FALSE, n, x.data(), y.data(), z.data(), ok.data());
        else
            GDALGCPTransform(m_handle, FALSE, n, x.data(), y.data(), z.data(), ok.data());
        std::vector<Coord> out(pixelLines.size());
        for (std::size_t i = 0; i < pixelLines.size(); ++i) {
            if (!ok[i] || !std::isfinite(x[i]) || !std::isfinite(y[i]))
                throw SheetError(SheetError::Problem::CannotPlace, {},
                                 errors.failed() ? errors.message() : std::string());
            out[i] = {x[i], y[i]};
        }
        return out;
    }

private:
    GeorefMethod m_method;
    void* m_handle = nullptr;
};

} // namespace

std::vector<Coord> applyControlPoints(const std::vector<ControlPoint>& points, GeorefMethod method,
                                      const std::vector<Coord>& pixelLines)
{
    detail::ensureGdalRegistered();
    checkLayout(points, method);
    return Fitted(points, method).apply(pixelLines);
}

GeorefFit fitControlPoints(const std::vector<ControlPoint>& points, GeorefMethod method)
{
    detail::ensureGdalRegistered();
    checkLayout(points, method);
    std::vector<Coord> sheet;
    for (const auto& p : points)
        sheet.push_back({p.pixel, p.line});
    const auto placed = Fitted(points, method).apply(sheet);
    GeorefFit fit;
    fit.exact = method == GeorefMethod::ThinPlateSpline ||
                static_cast<int>(points.size()) == minimumControlPoints(method);
    double sum = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        Residual r;
        r.dx = placed[i].x - points[i].x;
        r.dy = placed[i].y - points[i].y;
        r.error = std::hypot(r.dx, r.dy);
        sum += r.error * r.error;
        fit.residuals.push_back(r);
    }
    fit.rmse = std::sqrt(sum / static_cast<double>(points.size()));
    // Leave one out: the error at each point of the transformation fitted to the others.
    if (static_cast<int>(points.size()) > minimumControlPoints(method)) {
        double looSum = 0;
        bool every = true;
        for (std::size_t i = 0; i < points.size(); ++i) {
            std::vector<ControlPoint> others;
            for (std::size_t j = 0; j < points.size(); ++j)
                if (j != i)
                    others.push_back(points[j]);
            try {
                checkLayout(others, method);
                const auto at = Fitted(others, method).apply({{points[i].pixel, points[i].line}});
                const double e = std::hypot(at[0].x - points[i].x, at[0].y - points[i].y);
                fit.residuals[i].leaveOneOut = e;
                looSum += e * e;
            } catch (const GisError&) {
                every = false; // the others alone cannot fix it: no figure for this point
            }
        }
        if (every)
            fit.leaveOneOutRmse = std::sqrt(looSum / static_cast<double>(points.size()));
    }
    return fit;
}

// ---- Sheets -------------------------------------------------------------------------------

namespace {

bool isPdf(const std::string& path)
{
    GDALDriverH driver = GDALIdentifyDriver(path.c_str(), nullptr);
    return driver && EQUAL(GDALGetDriverShortName(driver), "PDF");
}

struct OpenedSheet
{
    GDALDatasetUniquePtr dataset;
    SheetInfo info;
};

OpenedSheet openSheet(const SheetSource& sheet)
{
    detail::ensureGdalRegistered();
    detail::ErrorCapture errors;
    OpenedSheet opened;
    opened.info.pdf = isPdf(sheet.path);
    std::string name = sheet.path;
    CPLStringList options;
    if (opened.info.pdf) {
        if (!(sheet.dpi >= 10 && sheet.dpi <= 1200))
            throw SheetError(SheetError::Problem::DpiOutOfRange,
                             {.path = sheet.path, .dpi = sheet.dpi});
        options.SetNameValue("DPI", CPLSPrintf("%.15g", sheet.dpi));
        // How many pages: a PDF of several pages lists them as subdatasets.
        GDALDatasetUniquePtr whole(GDALDataset::Open(sheet.path.c_str(),
                                                     GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr,
                                                     options.List(), nullptr));
        errors.throwIfFailed(sheet.path + ": cannot open the PDF", whole == nullptr);
        const int subdatasets = CSLCount(whole->GetMetadata("SUBDATASETS"));
        opened.info.pages = std::max(1, subdatasets / 2);
        if (sheet.page < 1 || sheet.page > opened.info.pages)
            throw SheetError(SheetError::Problem::NoSuchPage,
                             {.path = sheet.path, .page = sheet.page, .pages = opened.info.pages});
        if (opened.info.pages > 1)
            name = "PDF:" + std::to_string(sheet.page) + ":" + sheet.path;
        else
            opened.dataset = std::move(whole);
    } else if (sheet.page != 1) {
        throw SheetError(SheetError::Problem::OnlyPdfHasPages,
                         {.path = sheet.path, .page = sheet.page});
    }
    if (!opened.dataset)
        opened.dataset.reset(GDALDataset::Open(name.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                                               nullptr, options.List(), nullptr));
    if (!opened.dataset)
        throw SheetError(SheetError::Problem::NotAnImage, {.path = sheet.path},
                         errors.failed() ? errors.message() : std::string());
    auto& ds = *opened.dataset;
    if (ds.GetRasterCount() < 1)
        throw SheetError(SheetError::Problem::NoImageBand, {.path = sheet.path});
    opened.info.width = ds.GetRasterXSize();
    opened.info.height = ds.GetRasterYSize();
    opened.info.bands = ds.GetRasterCount();
    std::array<double, 6> transform{};
    const bool hasTransform =
        ds.GetGeoTransform(transform.data()) == CE_None &&
        !(transform[0] == 0 && transform[1] == 1 && transform[3] == 0 && transform[5] == 1);
    opened.info.georeferenced = hasTransform || ds.GetGCPCount() > 0;
    const OGRSpatialReference* srs = hasTransform ? ds.GetSpatialRef() : ds.GetGCPSpatialRef();
    if (opened.info.georeferenced && srs && !srs->IsEmpty()) {
        char* wkt = nullptr;
        const char* wktOptions[] = {"FORMAT=WKT2_2019", nullptr};
        srs->exportToWkt(&wkt, wktOptions);
        opened.info.crs = Crs::fromUserInput(wkt ? wkt : "");
        CPLFree(wkt);
    }
    return opened;
}

struct ProgressRange
{
    const WorkProgress* progress;
    double from, to;
    const char* stage;
};

int CPL_STDCALL onProgress(double fraction, const char*, void* data)
{
    const auto* range = static_cast<const ProgressRange*>(data);
    if (!range->progress || !*range->progress)
        return TRUE;
    fraction = std::clamp(fraction, 0.0, 1.0); // GDAL may overshoot 1 by rounding
    return (*range->progress)(range->from + (range->to - range->from) * fraction, range->stage)
               ? TRUE
               : FALSE;
}

/// Runs a GDAL utility's argument list: owns the strings for the C API.
struct Arguments
{
    CPLStringList list;
    void add(std::initializer_list<std::string> values)
    {
        for (const auto& v : values)
            list.AddString(v.c_str());
    }
};

} // namespace

SheetInfo describeSheet(const SheetSource& sheet)
{
    return openSheet(sheet).info;
}

SheetPicture readSheetPicture(const SheetSource& sheet, int maxSide)
{
    auto opened = openSheet(sheet);
    SheetPicture picture;
    picture.info = opened.info;
    picture.sheetWidth = opened.info.width;
    picture.sheetHeight = opened.info.height;
    const double scale = std::min(1.0, static_cast<double>(std::max(1, maxSide)) /
                                           std::max(picture.sheetWidth, picture.sheetHeight));
    picture.width = std::max(1, static_cast<int>(std::lround(picture.sheetWidth * scale)));
    picture.height = std::max(1, static_cast<int>(std::lround(picture.sheetHeight * scale)));
    picture.rgba.assign(static_cast<std::size_t>(picture.width) * picture.height * 4, 0);
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = scale < 1 ? GRIORA_Average : GRIORA_NearestNeighbour;
    detail::readRgbaInto(*opened.dataset, 0, 0, picture.sheetWidth, picture.sheetHeight, &extra,
                         picture.width, picture.height, picture.rgba.data(), picture.width,
                         sheet.path);
    return picture;
}

void dropTileTable(Dataset& geoPackage, const std::string& table)
{
    const std::string of = " WHERE lower(table_name) = lower(?)";
    if (geoPackage.hasTable("gpkg_metadata_reference")) {
        // Metadata GDAL wrote for this table only, then the references to it.
        geoPackage.run("DELETE FROM gpkg_metadata WHERE id IN (SELECT md_file_id FROM "
                       "gpkg_metadata_reference" +
                           of +
                           ") AND id NOT IN (SELECT md_file_id FROM gpkg_metadata_reference "
                           "WHERE lower(table_name) <> lower(?))",
                       {table, table});
        geoPackage.run("DELETE FROM gpkg_metadata_reference" + of, {table});
    }
    for (const char* registry :
         {"gpkg_extensions", "gpkg_tile_matrix", "gpkg_tile_matrix_set", "gpkg_contents"})
        if (geoPackage.hasTable(registry))
            geoPackage.run(std::string("DELETE FROM ") + registry + of, {table});
    geoPackage.run("DROP TABLE IF EXISTS " + sqlIdentifier(table), {});
}

void dropTileTable(const std::string& geoPackage, const std::string& table)
{
    auto ds = Dataset::openVector(geoPackage, OpenMode::Update, {}, {"GPKG"});
    dropTileTable(ds, table);
    ds.close();
}

WarpResult warpSheet(const WarpRequest& request, const WorkProgress& progress)
{
    auto sheet = openSheet(request.sheet);
    const auto& info = sheet.info;
    if (request.points.empty() && !info.georeferenced)
        throw SheetError(SheetError::Problem::NoGeoreferencing, {.path = request.sheet.path});
    if (request.points.empty() && !info.crs)
        throw SheetError(SheetError::Problem::NoCrs, {.path = request.sheet.path});
    GDALDataset& ds = *sheet.dataset;
    for (int b = 1; b <= ds.GetRasterCount(); ++b)
        if (ds.GetRasterBand(b)->GetRasterDataType() != GDT_Byte)
            throw SheetError(
                SheetError::Problem::NotEightBit,
                {.path = request.sheet.path,
                 .dataType = GDALGetDataTypeName(ds.GetRasterBand(b)->GetRasterDataType()),
                 .band = b});
    if (!request.points.empty())
        checkLayout(request.points, request.method);
    const std::string targetWkt = request.target.wkt();
    detail::ErrorCapture errors;

    // 1. The sheet with its control points (and its palette, if any, expanded to colours).
    Arguments translate;
    translate.add({"-of", "VRT"});
    if (ds.GetRasterBand(1)->GetColorTable())
        translate.add({"-expand", "rgba"});
    for (const auto& p : request.points)
        translate.add({"-gcp", CPLSPrintf("%.17g", p.pixel), CPLSPrintf("%.17g", p.line),
                       CPLSPrintf("%.17g", p.x), CPLSPrintf("%.17g", p.y)});
    if (!request.points.empty())
        translate.add({"-a_srs", targetWkt});
    GDALTranslateOptions* translateOptions =
        GDALTranslateOptionsNew(translate.list.List(), nullptr);
    errors.throwIfFailed("cannot prepare the sheet", translateOptions == nullptr);
    GDALDatasetUniquePtr withPoints(GDALDataset::FromHandle(
        GDALTranslate("", GDALDataset::ToHandle(&ds), translateOptions, nullptr)));
    GDALTranslateOptionsFree(translateOptions);
    errors.throwIfFailed(request.sheet.path + ": cannot attach the control points",
                         withPoints == nullptr);

    // 2. Warped into the workspace CRS, in memory.
    Arguments warp;
    warp.add({"-of", "MEM", "-t_srs", targetWkt, "-r", "bilinear", "-dstalpha"});
    if (!request.points.empty()) {
        if (request.method == GeorefMethod::ThinPlateSpline)
            warp.add({"-tps"});
        else
            warp.add({"-order", request.method == GeorefMethod::Polynomial2 ? "2" : "1"});
    }
    if (request.pixelSize > 0)
        warp.add({"-tr", CPLSPrintf("%.17g", request.pixelSize),
                  CPLSPrintf("%.17g", request.pixelSize)});
    GDALWarpAppOptions* warpOptions = GDALWarpAppOptionsNew(warp.list.List(), nullptr);
    errors.throwIfFailed("cannot prepare the warp", warpOptions == nullptr);
    ProgressRange warping{&progress, 0.0, 0.55, "warp"};
    GDALWarpAppOptionsSetProgress(warpOptions, onProgress, &warping);
    GDALDatasetH source = GDALDataset::ToHandle(withPoints.get());
    GDALDatasetUniquePtr warped(
        GDALDataset::FromHandle(GDALWarp("", nullptr, 1, &source, warpOptions, nullptr)));
    GDALWarpAppOptionsFree(warpOptions);
    if (!warped) {
        if (progress && !progress(0.55, "warp"))
            throw GisError("cancelled");
        errors.throwIfFailed(request.sheet.path + ": cannot warp the sheet", true);
    }
    WarpResult result;
    result.width = warped->GetRasterXSize();
    result.height = warped->GetRasterYSize();
    std::array<double, 6> t{};
    warped->GetGeoTransform(t.data());
    result.pixelSize = t[1];
    result.extent = {t[0], t[3] + t[5] * result.height, t[0] + t[1] * result.width, t[3]};

    // 3. Into the GeoPackage as PNG tiles (transparent outside the sheet), then overviews.
    Arguments copy;
    copy.add({"-of", "GPKG", "-co", "APPEND_SUBDATASET=YES", "-co", "RASTER_TABLE=" + request.table,
              "-co", "TILE_FORMAT=PNG", "-co", "RASTER_IDENTIFIER=" + request.identifier, "-co",
              "RASTER_DESCRIPTION=" + request.description});
    GDALTranslateOptions* copyOptions = GDALTranslateOptionsNew(copy.list.List(), nullptr);
    errors.throwIfFailed("cannot prepare the tile table", copyOptions == nullptr);
    ProgressRange storing{&progress, 0.55, 0.85, "tiles"};
    GDALTranslateOptionsSetProgress(copyOptions, onProgress, &storing);
    bool written = false;
    try {
        GDALDatasetUniquePtr stored(GDALDataset::FromHandle(
            GDALTranslate(request.geoPackage.c_str(), GDALDataset::ToHandle(warped.get()),
                          copyOptions, nullptr)));
        GDALTranslateOptionsFree(copyOptions);
        copyOptions = nullptr;
        written = true; // from here on a failure removes the table again
        if (!stored) {
            if (progress && !progress(0.85, "tiles"))
                throw GisError("cancelled");
            errors.throwIfFailed(request.geoPackage + ": cannot write tile table " + request.table,
                                 true);
        }
        std::vector<int> levels;
        for (int f = 2; std::max(result.width, result.height) / f >= 256; f *= 2)
            levels.push_back(f);
        if (!levels.empty()) {
            ProgressRange building{&progress, 0.85, 1.0, "overviews"};
            const CPLErr built =
                stored->BuildOverviews("AVERAGE", static_cast<int>(levels.size()), levels.data(), 0,
                                       nullptr, onProgress, &building);
            if (built != CE_None) {
                if (progress && !progress(1.0, "overviews"))
                    throw GisError("cancelled");
                errors.throwIfFailed(
                    request.geoPackage + ": cannot build overviews of " + request.table, true);
            }
        }
        result.overviews = static_cast<int>(levels.size());
        stored.reset(); // flushes
        errors.throwIfFailed(request.geoPackage + ": cannot write tile table " + request.table);
        if (progress && !progress(1.0, "done"))
            throw GisError("cancelled");
    } catch (...) {
        if (copyOptions)
            GDALTranslateOptionsFree(copyOptions);
        if (written) {
            try {
                dropTileTable(request.geoPackage, request.table);
            } catch (const GisError&) {
                // the first failure is the one to report
            }
        }
        throw;
    }
    return result;
}

} // namespace pa::gis
