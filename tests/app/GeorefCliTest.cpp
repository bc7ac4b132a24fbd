// `planatlas georef` as a planner runs it: a map sheet placed on the sample workspace by a CSV
// of control points or by a QGIS .points file, its residuals printed, the raster kept; and the
// refusals that leave the workspace as it was.
#include "TestSupport.h"
#include "planatlas/gis/Crs.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Transform.h"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;
using pa::test::runCli;

namespace {

constexpr double kX0 = 420000, kY0 = 2440000; // inside Thái Nguyên, EPSG:9213

/// A number as a Vietnamese spreadsheet writes it: "424849,611".
std::string vietnamese(double value)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    std::string s = buffer;
    s[s.find('.')] = ',';
    return s;
}

/// Every fifth marker as a control point, in a semicolon CSV with Vietnamese column names and
/// decimal commas, as Excel saves it in Vietnam.
std::string vietnameseCsv(const std::vector<pa::test::SheetMarker>& markers)
{
    std::string csv = "\xEF\xBB\xBFTên điểm;Cột;Dòng;X;Y\n";
    for (std::size_t i = 0; i < markers.size(); i += 5)
        csv += markers[i].id + ";" + vietnamese(markers[i].pixel) + ";" +
               vietnamese(markers[i].line) + ";" + vietnamese(markers[i].x) + ";" +
               vietnamese(markers[i].y) + "\n";
    return csv;
}

/// A copy of the Thái Nguyên sample, a synthetic sheet over it and its control points file.
struct SampleAndSheet
{
    pa::test::TempDir dir;
    std::string ws = dir.file("tn.gpkg");
    std::string sheet, points = dir.file("points.csv");
    std::vector<pa::test::SheetMarker> markers;

    explicit SampleAndSheet(const std::string& sheetName, double y0 = kY0)
        : sheet(dir.file(sheetName)), markers(pa::test::writeTestSheet(sheet, kX0, y0))
    {
        fs::copy_file(pa::test::sampleWorkspace(), ws);
        pa::test::writeBytes(points, vietnameseCsv(markers));
    }
};

/// The sheet called @p name in `info --format json`'s output (null when there is none).
const nlohmann::json& sheetNamed(const nlohmann::json& info, const std::string& name)
{
    static const nlohmann::json none;
    for (const auto& sheet : info["map_sheets"])
        if (sheet["name"] == name)
            return sheet;
    return none;
}

} // namespace

TEST(GeorefCli, PlacesASheetPrintsResidualsAndKeepsTheRaster)
{
    PLANATLAS_NEEDS_SAMPLE();
    const SampleAndSheet given("kcn_sheet.pgm");
    const auto& ws = given.ws;
    const auto& dir = given.dir;

    const auto placed =
        runCli({"georef", ws, dir.file("kcn_sheet.pgm"), "--gcp", dir.file("points.csv"),
                "--method", "poly2", "--title-vi", "Bản đồ thử nghiệm", "--sheet-date",
                "30/12/2023", "--licence", "test sheet"});
    ASSERT_EQ(placed.exitCode, 0) << placed.err;
    EXPECT_NE(placed.out.find("10 control point(s) in EPSG:9213, poly2 fit"), std::string::npos)
        << placed.out;
    EXPECT_NE(placed.out.find("P46"), std::string::npos); // one row per point
    EXPECT_NE(placed.out.find("RMS residual 0.00 m, leave-one-out RMS 0.00 m"), std::string::npos)
        << placed.out;
    EXPECT_NE(placed.out.find("Stored raster layer 'kcn_sheet'"), std::string::npos);

    const auto info = nlohmann::json::parse(runCli({"info", ws, "--format", "json"}).out);
    // The sample's own test sheet, and this one.
    ASSERT_EQ(info["map_sheets"].size(), 2u);
    const auto& sheet = sheetNamed(info, "kcn_sheet");
    EXPECT_EQ(sheet["title_vi"], "Bản đồ thử nghiệm");
    EXPECT_EQ(sheet["method"], "poly2");
    EXPECT_EQ(sheet["control_points"], 10);
    EXPECT_EQ(sheet["sheet_date"], "2023-12-30");
    EXPECT_NEAR(sheet["pixel_size_m"].get<double>(), 61.1, 0.5);
    EXPECT_EQ(runCli({"validate", ws}).exitCode, 0) << runCli({"validate", ws}).out;

    // An affine fit of the same bent sheet: the residuals show it misses by hundreds of metres.
    const auto affine = runCli({"georef", ws, dir.file("kcn_sheet.pgm"), "--gcp",
                                dir.file("points.csv"), "--layer", "kcn_affine"});
    ASSERT_EQ(affine.exitCode, 0) << affine.err;
    const auto rms = affine.out.find("RMS residual ");
    ASSERT_NE(rms, std::string::npos);
    EXPECT_GT(std::stod(affine.out.substr(rms + 13)), 100.0) << affine.out;

    // A sheet whose registration is lost (a crash between storing the tiles and registering
    // them) is reported by validate, and so are registered tiles that are gone.
    {
        pa::test::TempDir scratch;
        const auto damaged = scratch.file("damaged.gpkg");
        fs::copy_file(ws, damaged);
        {
            auto ds = pa::gis::Dataset::openVector(damaged, pa::gis::OpenMode::Update);
            for (const char* sql :
                 {"DELETE FROM pa_raster_control_points WHERE layer_name = 'kcn_affine'",
                  "DELETE FROM pa_rasters WHERE layer_name = 'kcn_affine'",
                  "DELETE FROM gpkg_contents WHERE table_name = 'kcn_sheet'"})
                ds.run(sql, {});
            ds.close();
        }
        const auto report = runCli({"validate", damaged});
        EXPECT_EQ(report.exitCode, 1) << report.out;
        EXPECT_NE(report.out.find("tile table kcn_affine"), std::string::npos) << report.out;
        EXPECT_NE(report.out.find("map sheet kcn_sheet"), std::string::npos) << report.out;
    }

    // The misplaced one removed: tiles, points and registration; the other stays.
    const auto removed = runCli({"georef", ws, "--remove", "kcn_affine"});
    ASSERT_EQ(removed.exitCode, 0) << removed.err;
    const auto after = nlohmann::json::parse(runCli({"info", ws, "--format", "json"}).out);
    ASSERT_EQ(after["map_sheets"].size(), 2u);
    EXPECT_FALSE(sheetNamed(after, "kcn_sheet").is_null());
    EXPECT_TRUE(sheetNamed(after, "kcn_affine").is_null());
    EXPECT_EQ(runCli({"validate", ws}).exitCode, 0);
    const auto again = runCli({"georef", ws, "--remove", "kcn_affine"});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_NE(again.err.find("no map sheet 'kcn_affine'"), std::string::npos) << again.err;
}

TEST(GeorefCli, ReadsAQgisPointsFileInLongitudeAndLatitude)
{
    PLANATLAS_NEEDS_SAMPLE();
    const SampleAndSheet given("sheet.png.pgm");
    const auto& ws = given.ws;
    const auto& dir = given.dir;
    const auto& markers = given.markers;
    // As QGIS's georeferencer saves it: the CRS line, rows negative, a point switched off.
    const pa::gis::CoordinateTransform toLonLat(pa::gis::Crs::fromEpsg(9213),
                                                pa::gis::Crs::fromEpsg(4326));
    std::ostringstream points;
    points.precision(12);
    points << "#CRS: " << pa::gis::Crs::fromEpsg(4326).wkt() << "\n"
           << "mapX,mapY,sourceX,sourceY,enable,dX,dY,residual\n";
    for (std::size_t i = 0; i < markers.size(); i += 4) {
        const auto lonLat = toLonLat.apply(markers[i].x, markers[i].y);
        points << lonLat[0] << "," << lonLat[1] << "," << markers[i].pixel << ","
               << -markers[i].line << "," << (i == 8 ? 0 : 1) << ",0,0,0\n";
    }
    pa::test::writeBytes(dir.file("sheet.points"), points.str());
    const auto placed = runCli({"georef", ws, dir.file("sheet.png.pgm"), "--gcp",
                                dir.file("sheet.points"), "--method", "tps", "--layer", "qgis"});
    ASSERT_EQ(placed.exitCode, 0) << placed.err;
    EXPECT_NE(placed.out.find("11 control point(s) in EPSG:4326 (1 switched off), tps fit"),
              std::string::npos)
        << placed.out;
    EXPECT_NE(placed.out.find("residuals are 0 by construction"), std::string::npos);
    // Between the points, the thin-plate spline follows the bent sheet better than an affine
    // fit does: its leave-one-out error is the smaller.
    const auto affine = runCli({"georef", ws, dir.file("sheet.png.pgm"), "--gcp",
                                dir.file("sheet.points"), "--layer", "qgis_affine"});
    ASSERT_EQ(affine.exitCode, 0) << affine.err;
    auto leaveOneOut = [](const std::string& out) {
        const auto at = out.find("leave-one-out RMS ");
        return at == std::string::npos ? -1.0 : std::stod(out.substr(at + 18));
    };
    EXPECT_GT(leaveOneOut(placed.out), 0.0) << placed.out;
    EXPECT_LT(leaveOneOut(placed.out), leaveOneOut(affine.out)) << placed.out << affine.out;
}

TEST(GeorefCli, RefusalsNameTheProblemAndLeaveTheWorkspaceAsItWas)
{
    PLANATLAS_NEEDS_SAMPLE();
    const SampleAndSheet given("sheet.pgm", kY0 - 1e6); // a northing 1 000 km off
    const auto& ws = given.ws;
    const auto& dir = given.dir;
    // Upgraded to the current schema first, so that the refusals below change nothing at all.
    ASSERT_EQ(runCli({"georef", ws, dir.file("missing.png"), "--gcp", "x.csv"}).exitCode, 3);
    const auto before = pa::test::readBytes(ws);
    auto expectRefused = [&](const std::vector<std::string>& args, int code,
                             const std::string& says) {
        const auto r = runCli(args);
        EXPECT_EQ(r.exitCode, code) << r.err;
        EXPECT_NE(r.err.find(says), std::string::npos) << r.err;
        EXPECT_EQ(pa::test::readBytes(ws), before) << "the workspace changed after: " << r.err;
    };

    // Coordinates read in the wrong CRS (a northing 1 000 km off): said with the distance.
    expectRefused({"georef", ws, dir.file("sheet.pgm"), "--gcp", given.points}, 3,
                  "km outside the province");
    // Too few points for the method, with the file named.
    pa::test::writeBytes(dir.file("few.csv"),
                         "pixel,line,x,y\n10,10,430000,2430000\n500,10,460000,2430000\n"
                         "10,500,430000,2400000\n500,500,460000,2400000\n");
    expectRefused(
        {"georef", ws, dir.file("sheet.pgm"), "--gcp", dir.file("few.csv"), "--method", "poly2"}, 3,
        "needs at least 6 control points; 4 given");
    // A column missing, a value that is no number: the line named.
    pa::test::writeBytes(dir.file("nox.csv"), "pixel,line,y\n10,10,2430000\n");
    expectRefused({"georef", ws, dir.file("sheet.pgm"), "--gcp", dir.file("nox.csv")}, 3,
                  "no column for x");
    pa::test::writeBytes(dir.file("bad.csv"), "pixel,line,x,y\n10,10,43O000,2430000\n");
    expectRefused({"georef", ws, dir.file("sheet.pgm"), "--gcp", dir.file("bad.csv")}, 3,
                  "bad.csv, line 2 (1): x '43O000' is not a number");
    // A point off the sheet.
    pa::test::writeBytes(dir.file("off.csv"), "pixel,line,x,y\n10,10,430000,2430000\n"
                                              "5000,10,460000,2430000\n10,500,430000,2400000\n"
                                              "500,500,460000,2400000\n");
    expectRefused({"georef", ws, dir.file("sheet.pgm"), "--gcp", dir.file("off.csv")}, 3,
                  "outside the sheet (1200 × 900 pixels)");
    // Not an image; no control points for a plain scan; an unknown method; a name taken.
    pa::test::writeBytes(dir.file("notes.png"), "not an image");
    expectRefused({"georef", ws, dir.file("notes.png"), "--gcp", dir.file("few.csv")}, 3,
                  "notes.png");
    expectRefused({"georef", ws, dir.file("sheet.pgm")}, 2, "--gcp");
    expectRefused({"georef", ws, dir.file("sheet.pgm"), "--method", "cubic"}, 2, "--method");
    expectRefused({"georef", ws, dir.file("sheet.pgm"), "--gcp", dir.file("few.csv"), "--layer",
                   "industrial_parks"},
                  2, "already has a layer 'industrial_parks'");
}

TEST(GeorefCli, PlacesAPdfPageDrawnAtTheResolutionAsked)
{
    PLANATLAS_NEEDS_SAMPLE();
    const SampleAndSheet given("sheet.pgm");
    const auto& ws = given.ws;
    const auto& dir = given.dir;
    // The sheet as a PDF page of 1200 × 900 points: drawn at 72 dpi it is the image again.
    const auto made = pa::test::run(
        {"gdal_translate", "-q", "-of", "PDF", dir.file("sheet.pgm"), dir.file("sheet.pdf")});
    ASSERT_EQ(made.exitCode, 0) << made.err;

    const auto wrongPage = runCli({"georef", ws, dir.file("sheet.pdf"), "--gcp",
                                   dir.file("points.csv"), "--page", "2", "--dpi", "72"});
    EXPECT_EQ(wrongPage.exitCode, 3);
    EXPECT_NE(wrongPage.err.find("the PDF has 1 page(s); page 2 asked"), std::string::npos)
        << wrongPage.err;
    // Drawn at 36 dpi the page is half the size: the points' pixels fall off it, and it is said.
    const auto halfSize = runCli(
        {"georef", ws, dir.file("sheet.pdf"), "--gcp", dir.file("points.csv"), "--dpi", "36"});
    EXPECT_EQ(halfSize.exitCode, 3);
    EXPECT_NE(halfSize.err.find("outside the sheet (600 × 450 pixels at 36 dpi)"),
              std::string::npos)
        << halfSize.err;

    const auto placed = runCli({"georef", ws, dir.file("sheet.pdf"), "--gcp",
                                dir.file("points.csv"), "--dpi", "72", "--method", "poly2"});
    ASSERT_EQ(placed.exitCode, 0) << placed.err;
    EXPECT_NE(placed.out.find("RMS residual 0.00 m"), std::string::npos) << placed.out;
    const auto info = nlohmann::json::parse(runCli({"info", ws, "--format", "json"}).out);
    ASSERT_EQ(info["map_sheets"].size(), 2u); // with the sample's test sheet
    EXPECT_EQ(sheetNamed(info, "sheet")["sheet_file"], "sheet.pdf");
    EXPECT_EQ(sheetNamed(info, "sheet")["sheet_page"], 1);
}
