#pragma once
// Georeferencing a map sheet (a scan or a PDF page of the provincial plan's maps): control
// points that tie pixels of the sheet to map coordinates, the transformation fitted to them
// with its residuals, and the sheet warped through GDAL into the workspace CRS and stored as
// GeoPackage tiles.

#include "planatlas/gis/Crs.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Geometry.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pa::gis {

/// One control point: a position on the sheet (pixel column and line from its top-left
/// corner, fractions allowed) and the map coordinates it shows, in the CRS of the fit.
struct ControlPoint
{
    std::string id;
    double pixel = 0, line = 0;
    double x = 0, y = 0;
};

/// How the sheet's pixels map to the ground.
enum class GeorefMethod
{
    Affine,          ///< first-order polynomial: shift, scale, rotation, shear (≥ 3 points)
    Polynomial2,     ///< second-order polynomial, for a sheet bent by scanning (≥ 6 points)
    ThinPlateSpline, ///< passes through every point exactly, bends in between (≥ 3 points)
};

/// "affine", "poly2" or "tps".
const char* georefMethodName(GeorefMethod method);

/// The fewest control points GDAL needs to fit @p method.
int minimumControlPoints(GeorefMethod method);

/// Control points or a map sheet that cannot be used as they are. What is wrong is a problem
/// and its values, so that a caller says it in its own language; what() is the English.
class SheetError : public GisError
{
public:
    enum class Problem
    {
        TooFewPoints,         ///< method; needed, given
        PointNotANumber,      ///< first: the point
        SamePixel,            ///< first, second: two points on one pixel of the sheet
        SameCoordinates,      ///< first, second: two points at one map position
        PixelsOnOneLine,      ///< the points lie on one line of the sheet
        CoordinatesOnOneLine, ///< their map positions lie on one line
        CannotPlace,          ///< the fit cannot place a pixel (GDAL's words in detail())
        DpiOutOfRange,        ///< path; dpi
        NoSuchPage,           ///< path; page asked, pages
        OnlyPdfHasPages,      ///< path; page asked
        NotAnImage,           ///< path (GDAL's words in detail())
        NoImageBand,          ///< path
        NoGeoreferencing,     ///< path: no control points and none of its own
        NoCrs,                ///< path: georeferenced without a CRS
        NotEightBit,          ///< path; band, dataType
    };
    struct Values
    {
        std::string path;          ///< the sheet
        std::string first, second; ///< control point ids
        std::string method;        ///< georefMethodName()
        std::string dataType;      ///< GDAL's name of a band's pixel type
        long long needed = 0, given = 0;
        int band = 0, page = 0, pages = 0;
        double dpi = 0;
    };
    SheetError(Problem problem, Values values, std::string detail = {});
    [[nodiscard]] Problem problem() const { return m_problem; }
    [[nodiscard]] const Values& values() const { return m_values; }

private:
    Problem m_problem;
    Values m_values;
};

/// How far one control point lies from where the fitted transformation puts its pixel, in
/// the units of the fit's CRS (metres in a projected CRS).
struct Residual
{
    double dx = 0, dy = 0, error = 0;
    /// The same with the transformation fitted to the other points only: how well the sheet is
    /// placed where there is no control point. Absent when the other points are too few.
    std::optional<double> leaveOneOut;
};

struct GeorefFit
{
    std::vector<Residual> residuals; ///< in the order of the points
    double rmse = 0;
    std::optional<double> leaveOneOutRmse; ///< when every point has one
    /// True when the transformation passes through every point by construction (thin-plate
    /// spline, or exactly the minimum number of points): the residuals say nothing, the
    /// leave-one-out errors do.
    bool exact = false;
};

/// Fits @p method to @p points and measures every residual and leave-one-out error. Throws
/// SheetError when the points are too few or their layout cannot fix the transformation (all on
/// one line, say), GisError when GDAL fails.
GeorefFit fitControlPoints(const std::vector<ControlPoint>& points, GeorefMethod method);

/// Where @p method fitted to @p points puts the sheet positions @p pixelLines ({pixel, line}).
std::vector<Coord> applyControlPoints(const std::vector<ControlPoint>& points, GeorefMethod method,
                                      const std::vector<Coord>& pixelLines);

/// A map sheet as GDAL reads it: any raster (PNG, JPEG, TIFF …) or one page of a PDF drawn
/// at a resolution.
struct SheetSource
{
    std::string path;
    int page = 1;     ///< PDF only: 1-based page
    double dpi = 200; ///< PDF only: the resolution the page is drawn at
};

struct SheetInfo
{
    int width = 0, height = 0, bands = 0;
    int pages = 1; ///< PDF: how many pages the file has
    bool pdf = false;
    std::optional<Crs> crs;     ///< when the sheet carries its own georeferencing
    bool georeferenced = false; ///< has a geotransform or GCPs of its own
};

/// Opens @p sheet to describe it; throws SheetError naming the file (not a raster, no such page).
SheetInfo describeSheet(const SheetSource& sheet);

/// A sheet drawn small enough to show on screen.
struct SheetPicture
{
    int width = 0, height = 0;           ///< of the picture
    int sheetWidth = 0, sheetHeight = 0; ///< of the sheet (pixel and line run over these)
    std::vector<std::uint8_t> rgba;      ///< width × height RGBA pixels, rows top to bottom
    SheetInfo info;                      ///< what describeSheet() says of it
};

/// The whole sheet averaged down to at most @p maxSide pixels a side (never enlarged). Throws
/// GisError as describeSheet does.
SheetPicture readSheetPicture(const SheetSource& sheet, int maxSide);

/// Returns false to stop the work (cancellation); the fraction runs from 0 to 1.
using WorkProgress = std::function<bool(double fraction, const char* stage)>;

struct WarpRequest
{
    SheetSource sheet;
    Crs target;                       ///< the workspace CRS; control points are in it
    std::vector<ControlPoint> points; ///< empty: the sheet's own georeferencing is used
    GeorefMethod method = GeorefMethod::Affine;
    double pixelSize = 0;    ///< in the target CRS's units; 0 keeps the sheet's own resolution
    std::string geoPackage;  ///< an existing GeoPackage, not open for writing elsewhere
    std::string table;       ///< the new tile table
    std::string identifier;  ///< gpkg_contents.identifier (a title)
    std::string description; ///< gpkg_contents.description
};

struct WarpResult
{
    int width = 0, height = 0;
    double pixelSize = 0; ///< in the target CRS's units
    Envelope extent;      ///< in the target CRS
    int overviews = 0;
};

/// Warps the sheet with GDAL (bilinear resampling; outside the sheet transparent) into
/// @p request.target and writes it into the GeoPackage as a tile table (PNG tiles, the
/// workspace CRS's own tile matrix, power-of-two overviews). Throws GisError with GDAL's
/// message; on failure or cancellation the tile table is removed again.
WarpResult warpSheet(const WarpRequest& request, const WorkProgress& progress = {});

/// Removes tile table @p table and its GeoPackage registrations (contents, tile matrix, its
/// metadata) from @p geoPackage, inside any transaction in progress.
void dropTileTable(Dataset& geoPackage, const std::string& table);
/// The same on the GeoPackage file @p geoPackage, opened for it.
void dropTileTable(const std::string& geoPackage, const std::string& table);

} // namespace pa::gis
