// Area-weighted land price per programme feature on the hand-computable workspace.

#include "planatlas/layers/analysis/Zonal.h"

#include "AnalysisFixture.h"
#include "planatlas/layers/Errors.h"

#include <gtest/gtest.h>
#include <map>
#include <sstream>

using namespace pa;
using pa::test::AnalysisFixture;

TEST_F(AnalysisFixture, ZonalLandPriceIsAreaWeighted)
{
    // 1,000,000 VND/m² west of x = 1000 m, 3,000,000 east of it (Vietnamese thousands dots).
    write("price.csv", "code,price_vnd_m2,wkt\nL1,\"1.000.000\"," +
                           pa::test::square(0, 0, 1000, 1000) + "\nL2,\"3.000.000\"," +
                           pa::test::square(1000, 0, 2000, 1000) + "\n");
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "price.csv", "land_price");
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::zonal(ws, "price");
    EXPECT_EQ(r.field, "price_vnd_m2");
    std::map<std::string, analysis::ZonalRow> rows;
    for (const auto& row : r.rows)
        rows[row.code] = row;
    ASSERT_TRUE(rows.contains("P1"));
    EXPECT_NEAR(*rows["P1"].mean, 2'000'000.0, 1e-6); // half in each price zone
    EXPECT_NEAR(*rows["P1"].min, 1'000'000.0, 0.0);
    EXPECT_NEAR(*rows["P1"].max, 3'000'000.0, 0.0);
    EXPECT_NEAR(rows["P1"].coveredPct, 100.0, 1e-9);
    EXPECT_NEAR(*rows["P2"].mean, 1'000'000.0, 1e-6);
    EXPECT_NEAR(rows["Z1"].coveredHa, 96.0, 1e-9); // the zone's hole has no price
    const auto parks = analysis::zonal(ws, "price", {"industrial_park"});
    EXPECT_EQ(parks.rows.size(), 3u); // P1, P2, P3: not the zone
    EXPECT_THROW(analysis::zonal(ws, "price", {"no_such_kind"}), layers::Error);
    EXPECT_THROW(analysis::zonal(ws, "price:nope"), layers::Error);
    EXPECT_THROW(analysis::zonal(ws, "roads"), layers::Error);
}

TEST_F(AnalysisFixture, ZonalByUnitsWeighsPricesCutAtUnitEdges)
{
    // One price polygon straddles the two units: 30 ha at 2,000,000 from x = 700 to 1300 m
    // (15 ha in each unit), and a 50 ha parcel at 500,000 wholly inside U1.
    write("parcels.csv", "code,price_vnd_m2,wkt\nA,2000000," + pa::test::square(700, 0, 1300, 500) +
                             "\nB,500000," + pa::test::square(0, 0, 500, 1000) + "\n");
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "parcels.csv", "land_price");
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::zonalByUnits(ws, "parcels", "units");
    ASSERT_EQ(r.rows.size(), 2u);
    const auto& u1 = r.rows[0];
    const auto& u2 = r.rows[1];
    EXPECT_EQ(u1.code, "U1");
    EXPECT_EQ(u1.valueFeatures, 2);
    EXPECT_NEAR(u1.coveredHa, 15.0 + 50.0, 1e-9); // A's 15 ha + B's 50 ha
    EXPECT_NEAR(*u1.mean, (15.0 * 2e6 + 50.0 * 5e5) / 65.0, 1e-6);
    EXPECT_NEAR(u1.coveredPct, 65.0, 1e-9);
    EXPECT_EQ(u2.valueFeatures, 1);
    EXPECT_NEAR(u2.coveredHa, 15.0, 1e-9);
    EXPECT_NEAR(*u2.mean, 2e6, 1e-6);
    EXPECT_DOUBLE_EQ(*u2.min, 2e6);
    // The per-feature form counts the value polygons too: P1 (x 500–1500) meets A and B's edge.
    for (const auto& row : analysis::zonal(ws, "parcels").rows) {
        if (row.code == "P1") {
            EXPECT_EQ(row.valueFeatures, 1); // B ends at x = 500: touching is not overlapping
        }
    }
}

namespace {

/// A GeoTIFF made from an ESRI ASCII grid by gdal_translate (as a data provider would hand it
/// over); @p srs empty leaves the raster without a CRS.
std::string makeGeoTiff(const pa::test::TempDir& dir, const std::string& name,
                        const std::string& asciiGrid, const std::string& srs)
{
    const auto asc = dir.file(name + ".asc"), tif = dir.file(name + ".tif");
    pa::test::writeBytes(asc, asciiGrid);
    std::vector<std::string> argv{"gdal_translate", "-q", "-of", "GTiff"};
    if (!srs.empty())
        argv.insert(argv.end(), {"-a_srs", srs});
    argv.insert(argv.end(), {asc, tif});
    const auto r = pa::test::run(argv);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return tif;
}

} // namespace

TEST_F(AnalysisFixture, ZonalOverARasterCountsPixelsWhoseCentreIsInside)
{
    // 20 × 10 pixels of 100 m over both units; a pixel's value is its column number (1–20) and
    // one pixel of column 8 in the top row holds no data.
    std::ostringstream grid;
    grid.precision(12);
    grid << "ncols 20\nnrows 10\nxllcorner " << pa::test::X0 << "\nyllcorner " << pa::test::Y0
         << "\ncellsize 100\nNODATA_value -9999\n";
    for (int row = 0; row < 10; ++row) {
        for (int col = 0; col < 20; ++col)
            grid << (row == 0 && col == 7 ? -9999 : col + 1) << ' ';
        grid << '\n';
    }
    const auto tif = makeGeoTiff(m_dir, "cols", grid.str(), "EPSG:9213");
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::zonal(ws, tif);
    EXPECT_TRUE(r.raster);
    EXPECT_FALSE(r.reprojected);
    EXPECT_EQ(r.field, "band1");
    std::map<std::string, analysis::ZonalRow> rows;
    for (const auto& row : r.rows)
        rows[row.code] = row;
    // P1, x 500–1500: columns 6–15, ten rows, less the no-data pixel (value 8).
    EXPECT_EQ(rows["P1"].valueFeatures, 99);
    EXPECT_EQ(rows["P1"].noDataPixels, 1);
    EXPECT_NEAR(*rows["P1"].mean, (10.5 * 100 - 8) / 99, 1e-12);
    EXPECT_EQ(*rows["P1"].min, 6);
    EXPECT_EQ(*rows["P1"].max, 15);
    EXPECT_NEAR(rows["P1"].coveredHa, 99.0, 1e-9);
    EXPECT_NEAR(rows["P1"].coveredPct, 99.0, 1e-9);
    // P2, 100–300 m square: four pixels of columns 2 and 3.
    EXPECT_EQ(rows["P2"].valueFeatures, 4);
    EXPECT_NEAR(*rows["P2"].mean, 2.5, 1e-12);
    // Z1 is U1 less a 200 m hole: the hole's four pixel centres are out.
    EXPECT_EQ(rows["Z1"].valueFeatures + rows["Z1"].noDataPixels, 96);

    const auto units = analysis::zonalByUnits(ws, tif + ":1", "units");
    ASSERT_EQ(units.rows.size(), 2u);
    EXPECT_EQ(units.rows[0].valueFeatures, 99);
    EXPECT_NEAR(*units.rows[0].mean, (55.0 * 10 - 8) / 99, 1e-12);
    EXPECT_EQ(units.rows[1].valueFeatures, 100);
    EXPECT_NEAR(*units.rows[1].mean, 15.5, 1e-12);

    EXPECT_THROW(analysis::zonal(ws, tif + ":2"), layers::Error);     // one band only
    EXPECT_THROW(analysis::zonal(ws, tif + ":first"), layers::Error); // not a band number

    // A picture not placed on the map, and a file that is no raster: each said as what it is,
    // in a sentence a window translates.
    pa::test::writeBytes(m_dir.file("scan.pgm"), std::string("P5\n2 2\n255\n\x01\x02\x03\x04"));
    pa::test::writeBytes(m_dir.file("notes.tif"), "not a raster\n");
    const auto translated = [](const char* english) { return "«" + std::string(english) + "»"; };
    for (const auto& [file, problem] :
         {std::pair{std::string("scan.pgm"), std::string("the raster is not georeferenced")},
          std::pair{std::string("notes.tif"), std::string("not a raster GDAL reads")}}) {
        try {
            (void)analysis::zonal(ws, m_dir.file(file));
            ADD_FAILURE() << file << " was read as a raster of values";
        } catch (const layers::Error& e) {
            EXPECT_EQ(e.kind(), layers::ErrorKind::Input);
            EXPECT_NE(e.message().find(problem), std::string::npos) << e.what();
            const auto said = e.sentence().say(translated, nullptr);
            // The problem itself is a template of the catalogue's, not gis's words in brackets.
            EXPECT_NE(said.find("«" + m_dir.file(file) + ": " + problem), std::string::npos)
                << said;
        }
    }
}

TEST_F(AnalysisFixture, ZonalOverARasterInAnotherCrsReprojectsTheFeatures)
{
    // A constant raster in WGS 84 (about 10 × 11 m pixels) around the fixture, which lies
    // between 105.826° and 105.846° E, 21.514° and 21.523° N.
    std::string constant =
        "ncols 500\nnrows 350\nxllcorner 105.81\nyllcorner 21.50\ncellsize 0.0001\n";
    for (int row = 0; row < 350; ++row) {
        for (int col = 0; col < 500; ++col)
            constant += "7 ";
        constant += '\n';
    }
    const auto tif = makeGeoTiff(m_dir, "wgs84", constant, "EPSG:4326");
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::zonal(ws, tif, {"industrial_park"});
    EXPECT_TRUE(r.reprojected);
    EXPECT_EQ(r.rasterCrs, "EPSG:4326");
    ASSERT_EQ(r.rows.size(), 3u);
    for (const auto& row : r.rows) {
        SCOPED_TRACE(row.code);
        ASSERT_TRUE(row.mean);
        EXPECT_EQ(*row.mean, 7.0);
        // Pixel count × one pixel's area in EPSG:9213 comes within 2 % of the park's area.
        EXPECT_NEAR(row.coveredPct, 100.0, 2.0);
    }

    const auto bare = makeGeoTiff(m_dir, "bare", constant, "");
    try {
        (void)analysis::zonal(ws, bare);
        FAIL() << "a raster without CRS was used";
    } catch (const layers::Error& e) {
        EXPECT_EQ(e.kind(), layers::ErrorKind::Input);
        EXPECT_NE(std::string(e.what()).find("no CRS"), std::string::npos) << e.what();
    }
}
