#pragma once
// Map sheets in the workspace: a scanned or PDF sheet of the provincial plan's maps placed on
// the workspace map by control points, warped into the workspace CRS and kept as a raster
// layer (GeoPackage tiles) with its source, its control points and their errors — the
// background the programme's real shapes are digitised from.

#include "planatlas/gis/Georef.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Sentence.h"

#include <optional>
#include <string>
#include <vector>

namespace pa::layers {

class Workspace;

/// Control points as read from a file, before they are brought into the workspace CRS.
struct ControlPointsFile
{
    std::string path;
    std::vector<gis::ControlPoint> points;
    std::optional<std::string> crs; ///< declared by the file itself (a QGIS .points file)
    int disabled = 0;               ///< rows the file switches off (QGIS "enable" = 0)
};

/// Reads control points from a CSV file (comma, semicolon or tab separated; Vietnamese or
/// English number formats) whose header names a pixel column (pixel, col, column, cột), a line
/// column (line, row, dòng, hàng), an easting (x, map_x, easting, lon) and a northing (y,
/// map_y, northing, lat), optionally an id; or a QGIS georeferencer .points file (mapX, mapY,
/// sourceX, sourceY, enable; its "#CRS:" line). Throws Error(Input) naming the file and line.
ControlPointsFile readControlPoints(const std::string& path);

/// How a map sheet was placed (RasterLayer::method: "affine", "poly2", "tps", "own") said in
/// words.
Sentence georefMethodSaid(const std::string& method);

/// What is wrong with control points or a map sheet, as a sentence a window translates.
Sentence sheetProblem(const gis::SheetError& error);

/// gis::fitControlPoints, throwing Error(Input) that says what is wrong in a sentence.
gis::GeorefFit fitControlPoints(const std::vector<gis::ControlPoint>& points,
                                gis::GeorefMethod method);

/// gis::readSheetPicture, throwing Error(Input) that says what is wrong in a sentence.
gis::SheetPicture readSheetPicture(const gis::SheetSource& sheet, int maxSide);

/// @p file's map positions brought into @p crs from the CRS the file declares (a QGIS .points
/// file's, lon/lat say); nothing to do when it declares none. Throws Error(Input) naming the file:
/// a CRS PlanAtlas does not know, no transformation, a point that cannot be brought.
void bringPointsInto(ControlPointsFile& file, const gis::Crs& crs);

/// "affine", "poly2", "tps" (and "polynomial", "thin-plate"); nullopt otherwise.
std::optional<gis::GeorefMethod> parseGeorefMethod(const std::string& name);

struct GeorefOptions
{
    gis::SheetSource sheet;
    std::string controlPoints; ///< the control points file
    /// Control points given directly (a window placing them), used when controlPoints is empty.
    /// Neither: the sheet's own georeferencing.
    std::vector<gis::ControlPoint> points;
    std::string
        pointsCrs; ///< CRS of the points' map coordinates; empty: the file's, else the workspace's
    gis::GeorefMethod method = gis::GeorefMethod::Affine;
    std::string layerName; ///< empty: from the sheet's file name
    std::string titleVi, titleEn;
    std::string sheetDate; ///< the date printed on the sheet (any form parseDate reads)
    std::string source, licence, attribution;
    double pixelSizeM = 0; ///< 0: the sheet's own resolution
};

/// A map sheet kept in the workspace (a row of pa_rasters).
struct RasterLayer
{
    std::string name;
    std::string titleVi, titleEn;
    std::string sheetFile, sheetSha256;
    int sheetPage = 1;
    double sheetDpi = 0;
    std::string sheetDate;
    std::string method; ///< "affine", "poly2", "tps" or "own" (the sheet's georeferencing)
    int controlPoints = 0;
    std::optional<double> rmseM, leaveOneOutRmseM;
    double pixelSizeM = 0;
    int width = 0, height = 0;
    std::string source, licence, attribution, createdAt;
    std::optional<gis::Envelope> extent; ///< in the workspace CRS
};

struct PlacedControlPoint
{
    gis::ControlPoint point; ///< map coordinates in the workspace CRS
    gis::Residual residual;  ///< metres
};

struct GeorefResult
{
    RasterLayer layer;
    std::vector<PlacedControlPoint> points;
    std::optional<gis::GeorefFit> fit;
    gis::WarpResult warp;
    int disabledPoints = 0;
    std::string pointsCrs; ///< the CRS the points were given in ("EPSG:4326")
};

/// Places the sheet on the workspace map and stores it as raster layer options.layerName:
/// reads the control points, brings them into the workspace CRS, checks they fall in or near
/// the province, fits the transformation, warps the sheet and registers it with its control
/// points. Nothing is kept when any step fails or is cancelled. The workspace must be open for
/// writing and not inside a transaction. Throws Error(Usage) for a wrong option,
/// Error(Input) for an unusable sheet or points file, Error(Cancelled).
GeorefResult georeference(Workspace& ws, const GeorefOptions& options,
                          const Progress& progress = {});

/// The map sheets kept in @p ws, oldest placed first (the newest is drawn on top; empty for a
/// workspace older than schema 5).
std::vector<RasterLayer> rasterLayers(Workspace& ws);
std::vector<PlacedControlPoint> rasterControlPoints(Workspace& ws, const std::string& layer);

/// Removes map sheet @p name (its tiles, its control points, its registration) in one
/// transaction; features traced over it keep their shapes and sources. Throws Error(Usage) when
/// there is no such sheet.
void removeRasterLayer(Workspace& ws, const std::string& name);

/// The name GDAL opens raster layer @p name of @p ws by ("GPKG:/path/ws.gpkg:name").
std::string rasterDataset(Workspace& ws, const std::string& name);

} // namespace pa::layers
