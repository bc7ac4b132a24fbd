// Georeferencing: fits and their residuals against a sheet whose true placement is known, and
// the warped sheet checked marker by marker, within one pixel.
#include "planatlas/gis/Georef.h"

#include "TestSupport.h"
#include "planatlas/gis/Crs.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Raster.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>

using namespace pa;

namespace {

constexpr double kX0 = 420000, kY0 = 2440000; // in Thái Nguyên, EPSG:9213

std::vector<gis::ControlPoint> controlPoints(const std::vector<test::SheetMarker>& markers,
                                             std::size_t step)
{
    std::vector<gis::ControlPoint> points;
    for (std::size_t i = 0; i < markers.size(); i += step)
        points.push_back(
            {markers[i].id, markers[i].pixel, markers[i].line, markers[i].x, markers[i].y});
    return points;
}

/// The centre of the dark pixels of the warped sheet within ±6 pixels of @p x, @p y.
std::optional<gis::Coord> darkCentre(const gis::Raster& raster, double x, double y)
{
    const double p = raster.pixelWidth();
    const auto extent = raster.extent();
    // A window aligned on the raster's own pixels, read at its own resolution.
    const double left = extent.minX + std::floor((x - extent.minX) / p - 6) * p;
    const double top = extent.maxY - std::floor((extent.maxY - y) / p - 6) * p;
    constexpr int kSize = 13;
    const auto rgba = raster.readRgba({left, top - kSize * p, left + kSize * p, top}, kSize, kSize);
    double sx = 0, sy = 0, n = 0;
    for (int r = 0; r < kSize; ++r)
        for (int c = 0; c < kSize; ++c) {
            const auto* px = &rgba[(static_cast<std::size_t>(r) * kSize + c) * 4];
            if (px[3] > 0 && px[0] < 128) {
                sx += left + (c + 0.5) * p;
                sy += top - (r + 0.5) * p;
                ++n;
            }
        }
    if (n == 0)
        return std::nullopt;
    return gis::Coord{sx / n, sy / n};
}

/// A GeoPackage holding one attribute table, as a workspace holds many.
void emptyGeoPackage(const std::string& path)
{
    auto ds = gis::Dataset::createGeoPackage(path);
    ds.createLayer("notes", nullptr, gis::GeometryFamily::None, false,
                   {{"text", gis::FieldType::String}});
    ds.close();
}

/// A synthetic sheet, an empty GeoPackage beside it and the request to warp the one into the
/// other with every fifth marker as a control point.
struct Warp
{
    test::TempDir dir;
    std::vector<test::SheetMarker> markers = test::writeTestSheet(dir.file("sheet.pgm"), kX0, kY0);
    std::string gpkg = dir.file("ws.gpkg");
    gis::WarpRequest request;

    explicit Warp(gis::GeorefMethod method, double pixelSize = 0)
        : request{{dir.file("sheet.pgm")},
                  gis::Crs::fromEpsg(9213),
                  controlPoints(markers, 5),
                  method,
                  pixelSize,
                  gpkg,
                  "sheet",
                  "Test sheet",
                  "synthetic"}
    {
        emptyGeoPackage(gpkg);
    }
};

} // namespace

TEST(Georef, ResidualsShowWhichTransformationFitsTheSheet)
{
    const test::TempDir dir;
    const auto markers = test::writeTestSheet(dir.file("sheet.pgm"), kX0, kY0);
    const auto points = controlPoints(markers, 5); // 10 points spread over the sheet

    // The sheet is bent: an affine fit misses the points by hundreds of metres …
    const auto affine = gis::fitControlPoints(points, gis::GeorefMethod::Affine);
    EXPECT_GT(affine.rmse, 50.0);
    EXPECT_FALSE(affine.exact);
    ASSERT_TRUE(affine.leaveOneOutRmse);
    EXPECT_GT(*affine.leaveOneOutRmse, affine.rmse); // a point is missed more when left out

    // … a second-order one, the distortion's own form, passes within a millimetre …
    const auto poly2 = gis::fitControlPoints(points, gis::GeorefMethod::Polynomial2);
    EXPECT_LT(poly2.rmse, 1e-3);
    ASSERT_TRUE(poly2.leaveOneOutRmse);
    EXPECT_LT(*poly2.leaveOneOutRmse, 1e-3);
    ASSERT_EQ(poly2.residuals.size(), points.size());

    // … and the thin-plate spline passes through every point by construction: its residuals say
    // nothing, its leave-one-out errors do (small here, the bend being smooth).
    const auto tps = gis::fitControlPoints(points, gis::GeorefMethod::ThinPlateSpline);
    EXPECT_TRUE(tps.exact);
    EXPECT_LT(tps.rmse, 1e-6);
    ASSERT_TRUE(tps.leaveOneOutRmse);
    EXPECT_GT(*tps.leaveOneOutRmse, 0.01);
    EXPECT_LT(*tps.leaveOneOutRmse, affine.rmse);

    // Where there is no control point, poly2 puts a marker where it truly is.
    const auto placed = gis::applyControlPoints(points, gis::GeorefMethod::Polynomial2,
                                                {{markers[1].pixel, markers[1].line}});
    EXPECT_NEAR(placed[0].x, markers[1].x, 1e-3);
    EXPECT_NEAR(placed[0].y, markers[1].y, 1e-3);
}

TEST(Georef, PointsThatCannotFixTheTransformationAreRefusedWithTheReason)
{
    const test::TempDir dir;
    const auto markers = test::writeTestSheet(dir.file("sheet.pgm"), kX0, kY0);
    // The English, and the problem with its values for a caller that words it itself.
    using P = gis::SheetError::Problem;
    struct Refusal
    {
        std::string message;
        std::optional<P> problem;
        gis::SheetError::Values values;
    };
    auto refusal = [](const std::vector<gis::ControlPoint>& points, gis::GeorefMethod method) {
        try {
            (void)gis::fitControlPoints(points, method);
        } catch (const gis::SheetError& e) {
            return Refusal{e.what(), e.problem(), e.values()};
        } catch (const gis::GisError& e) {
            return Refusal{e.what(), std::nullopt, {}};
        }
        return Refusal{};
    };
    const auto all = controlPoints(markers, 1);
    // Too few.
    const auto few =
        refusal({all[0], all[9], all[20], all[30], all[40]}, gis::GeorefMethod::Polynomial2);
    EXPECT_NE(few.message.find("at least 6 control points; 5 given"), std::string::npos)
        << few.message;
    EXPECT_EQ(few.problem, P::TooFewPoints);
    EXPECT_EQ(few.values.method, "poly2");
    EXPECT_EQ(few.values.needed, 6);
    EXPECT_EQ(few.values.given, 5);
    // On one line (the first row of markers).
    const auto line = refusal({all[0], all[1], all[2], all[3]}, gis::GeorefMethod::Affine);
    EXPECT_NE(line.message.find("one line"), std::string::npos) << line.message;
    EXPECT_EQ(line.problem, P::PixelsOnOneLine);
    // Spread on the sheet, their map positions on one line (typed along one road).
    auto typed = std::vector{all[0], all[9], all[20], all[30]};
    for (std::size_t i = 0; i < typed.size(); ++i)
        typed[i].x = typed[i].y = 1000.0 * static_cast<double>(i);
    EXPECT_EQ(refusal(typed, gis::GeorefMethod::Affine).problem, P::CoordinatesOnOneLine);
    // Two points on the same pixel, and two at the same place of the map.
    auto twice = std::vector{all[0], all[9], all[20], all[0]};
    twice[3].id = "Q";
    const auto pixel = refusal(twice, gis::GeorefMethod::Affine);
    EXPECT_NE(pixel.message.find("same pixel"), std::string::npos) << pixel.message;
    EXPECT_EQ(pixel.problem, P::SamePixel);
    EXPECT_EQ(pixel.values.first, all[0].id);
    EXPECT_EQ(pixel.values.second, "Q");
    auto same = std::vector{all[0], all[9], all[20], all[30]};
    same[3].x = same[1].x;
    same[3].y = same[1].y;
    const auto place = refusal(same, gis::GeorefMethod::Affine);
    EXPECT_EQ(place.problem, P::SameCoordinates);
    EXPECT_EQ(place.values.second, all[30].id);
    // A coordinate that is no number.
    auto nan = std::vector{all[0], all[9], all[20], all[30]};
    nan[2].x = std::nan("");
    const auto notNumber = refusal(nan, gis::GeorefMethod::ThinPlateSpline);
    EXPECT_EQ(notNumber.problem, P::PointNotANumber);
    EXPECT_EQ(notNumber.values.first, all[20].id);
}

TEST(Georef, ASheetThatCannotBeReadIsRefusedWithTheReason)
{
    const test::TempDir dir;
    auto refusal = [](const gis::SheetSource& sheet) -> std::optional<gis::SheetError::Problem> {
        try {
            (void)gis::describeSheet(sheet);
        } catch (const gis::SheetError& e) {
            EXPECT_NE(std::string(e.what()).find(sheet.path), std::string::npos) << e.what();
            return e.problem();
        }
        return std::nullopt;
    };
    using P = gis::SheetError::Problem;
    const std::string text = dir.file("notes.png");
    std::ofstream(text) << "not a picture\n";
    EXPECT_EQ(refusal({text}), P::NotAnImage);
    const std::string sheet = dir.file("sheet.pgm");
    (void)test::writeTestSheet(sheet, kX0, kY0);
    EXPECT_EQ(refusal({sheet, 2}), P::OnlyPdfHasPages);
    EXPECT_EQ(refusal({sheet}), std::nullopt);
}

TEST(Georef, WarpedSheetShowsEveryMarkerWithinOnePixelOfItsTruePlace)
{
    Warp w(gis::GeorefMethod::Polynomial2);
    const auto& request = w.request;
    const auto& gpkg = w.gpkg;
    const auto& markers = w.markers;
    double last = -1;
    bool monotonic = true;
    const auto result = gis::warpSheet(request, [&](double fraction, const char* stage) {
        if (fraction < last)
            ADD_FAILURE() << "progress went back from " << last << " to " << fraction << " ("
                          << stage << ")";
        monotonic = monotonic && fraction >= last;
        last = fraction;
        return true;
    });
    EXPECT_TRUE(monotonic);
    EXPECT_NEAR(last, 1.0, 1e-9);
    EXPECT_GT(result.width, 1000);
    EXPECT_GE(result.overviews, 2);

    const auto raster = gis::Raster::open("GPKG:" + gpkg + ":sheet");
    ASSERT_TRUE(raster.crs());
    EXPECT_EQ(raster.crs()->epsg(), 9213);
    const double pixel = raster.pixelWidth();
    EXPECT_NEAR(pixel, result.pixelSize, 1e-9);
    // Every marker, the 38 that were not control points included.
    double worst = 0;
    for (const auto& m : markers) {
        const auto centre = darkCentre(raster, m.x, m.y);
        ASSERT_TRUE(centre) << m.id << " not found near its true place";
        worst = std::max(worst, std::hypot(centre->x - m.x, centre->y - m.y));
    }
    EXPECT_LT(worst, pixel) << "worst marker " << worst << " m off, pixel " << pixel << " m";

    // Outside the sheet the raster is transparent: the bent right edge leaves the top right
    // corner of the warped raster off the sheet.
    const auto corner = raster.readRgba({raster.extent().maxX - pixel, raster.extent().maxY - pixel,
                                         raster.extent().maxX, raster.extent().maxY},
                                        1, 1);
    EXPECT_EQ(corner[3], 0);
}

TEST(Georef, CancelledWarpLeavesNoTileTable)
{
    Warp w(gis::GeorefMethod::Affine);
    const auto& request = w.request;
    const auto& gpkg = w.gpkg;
    for (double stopAt : {0.3, 0.7, 0.95}) { // while warping, writing tiles, making overviews
        EXPECT_THROW((void)gis::warpSheet(
                         request, [&](double fraction, const char*) { return fraction < stopAt; }),
                     gis::GisError);
        auto ds = gis::Dataset::openVector(gpkg, gis::OpenMode::ReadOnly);
        EXPECT_TRUE(ds.execute("SELECT 1 FROM sqlite_master WHERE name = 'sheet'").rows.empty())
            << "stopped at " << stopAt;
        EXPECT_TRUE(
            ds.execute("SELECT 1 FROM gpkg_contents WHERE table_name = 'sheet'").rows.empty());
    }
    EXPECT_NO_THROW((void)gis::warpSheet(request)); // and the name is free again
}

TEST(Georef, RgbaReadingCoversOnlyWhatTheRasterHas)
{
    Warp sheet(gis::GeorefMethod::Affine, 100); // metres per pixel, asked
    const auto& gpkg = sheet.gpkg;
    (void)gis::warpSheet(sheet.request);
    const auto raster = gis::Raster::open("GPKG:" + gpkg + ":sheet");
    EXPECT_NEAR(raster.pixelWidth(), 100, 1e-9);
    const auto e = raster.extent();
    // A window twice the raster's size, centred on it: the raster fills the middle half.
    const double w = e.maxX - e.minX, h = e.maxY - e.minY;
    const auto rgba =
        raster.readRgba({e.minX - w / 2, e.minY - h / 2, e.maxX + w / 2, e.maxY + h / 2}, 200, 200);
    auto alpha = [&](int c, int r) {
        return rgba[(static_cast<std::size_t>(r) * 200 + c) * 4 + 3];
    };
    EXPECT_EQ(alpha(10, 10), 0);
    EXPECT_EQ(alpha(190, 100), 0);
    EXPECT_EQ(alpha(100, 100), 255); // the middle of the sheet: white paper, opaque
    EXPECT_EQ(rgba[(100 * 200 + 100) * 4], 255);
}
