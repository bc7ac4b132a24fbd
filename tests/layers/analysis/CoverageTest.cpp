// Coverage on hand-computable geometry (squares, a hole, overlapping features, lines across
// unit boundaries, a point on a boundary), checked by hand and against GDAL's SQLite dialect.

#include "planatlas/layers/analysis/Coverage.h"

#include "AnalysisFixture.h"
#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Workspace.h"

#include <gtest/gtest.h>
#include <map>
#include <sstream>

using namespace pa;
using pa::test::AnalysisFixture;

namespace {

std::map<std::string, analysis::CoverageRow> byUnitAndKind(const analysis::CoverageResult& r)
{
    std::map<std::string, analysis::CoverageRow> out;
    for (const auto& row : r.rows)
        out[row.unitCode + "/" + row.kind] = row;
    return out;
}

} // namespace

TEST_F(AnalysisFixture, CoverageHandComputedAreasLengthsCountsLinksAndGaps)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto result = analysis::coverage(ws, "units");
    EXPECT_EQ(result.crs, "EPSG:9213");
    EXPECT_EQ(result.kinds,
              (std::vector<std::string>{"industrial_park", "road", "agri_zone", "urban_centre"}));
    ASSERT_EQ(result.rows.size(), 8u); // 2 units × 4 kinds, in order
    EXPECT_EQ(result.rows[0].unitCode, "U1");
    EXPECT_EQ(result.rows[0].kind, "industrial_park");
    const auto rows = byUnitAndKind(result);
    // U1: half of P1 (50 ha) and P2 (4 ha); 100 ha unit.
    EXPECT_EQ(rows.at("U1/industrial_park").features, 2);
    EXPECT_NEAR(rows.at("U1/industrial_park").areaHa, 54.0, 1e-9);
    EXPECT_NEAR(rows.at("U1/industrial_park").sharePct, 54.0, 1e-9);
    // U2: the other half of P1 and P3, which lies inside P1: counted, but its area only once.
    EXPECT_EQ(rows.at("U2/industrial_park").features, 2);
    EXPECT_NEAR(rows.at("U2/industrial_park").areaHa, 50.0, 1e-9);
    // The agricultural zone fills U1 but for its 4 ha hole; U2 has none: a gap.
    EXPECT_NEAR(rows.at("U1/agri_zone").areaHa, 96.0, 1e-9);
    EXPECT_FALSE(rows.at("U1/agri_zone").gap);
    EXPECT_TRUE(rows.at("U2/agri_zone").gap);
    EXPECT_EQ(rows.at("U2/agri_zone").features, 0);
    // The road crosses both units: 1 km in each.
    EXPECT_NEAR(rows.at("U1/road").lengthKm, 1.0, 1e-9);
    EXPECT_NEAR(rows.at("U2/road").lengthKm, 1.0, 1e-9);
    EXPECT_NEAR(rows.at("U1/road").areaHa, 0.0, 0.0);
    // A point on the shared boundary counts for both units.
    EXPECT_EQ(rows.at("U1/urban_centre").features, 1);
    EXPECT_EQ(rows.at("U2/urban_centre").features, 2);
    // P1's task and lead reach both units; P2 and P3 have none.
    EXPECT_EQ(rows.at("U1/industrial_park").linkedTasks, 1);
    EXPECT_EQ(rows.at("U2/industrial_park").leadAgencies,
              std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(rows.at("U1/road").linkedTasks, 0);
}

TEST_F(AnalysisFixture, CoverageAgreesWithGdalsSqliteDialect)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto rows = byUnitAndKind(analysis::coverage(ws, "units"));
    for (const char* unit : {"U1", "U2"}) {
        const std::string where = std::string(" WHERE u.code = '") + unit + "'";
        const auto zone = ws.dataset().execute(
            "SELECT SUM(ST_Area(ST_Intersection(u.geom, z.geom))) / 10000.0 FROM units u, "
            "zones z" +
                where,
            "SQLite");
        const double expectedZone = zone.rows.empty() ? 0.0 : std::get<double>(zone.rows[0][0]);
        EXPECT_NEAR(rows.at(std::string(unit) + "/agri_zone").areaHa, expectedZone,
                    1e-6 * std::max(1.0, expectedZone));
        const auto road = ws.dataset().execute(
            "SELECT SUM(ST_Length(ST_Intersection(u.geom, r.geom))) / 1000.0 FROM "
            "units u, roads r" +
                where,
            "SQLite");
        const double expectedRoad = std::get<double>(road.rows[0][0]);
        EXPECT_NEAR(rows.at(std::string(unit) + "/road").lengthKm, expectedRoad,
                    1e-6 * expectedRoad);
    }
}

TEST_F(AnalysisFixture, CoverageRefusesUnitsThatAreNotPolygonLayers)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    EXPECT_THROW(analysis::coverage(ws, "roads"), layers::Error);
    EXPECT_THROW(analysis::coverage(ws, "nothing"), layers::Error);
    std::atomic<bool> cancel{true};
    layers::Progress cancelled({}, &cancel);
    try {
        analysis::coverage(ws, "units", cancelled);
        FAIL();
    } catch (const layers::Error& e) {
        EXPECT_EQ(e.kind(), layers::ErrorKind::Cancelled);
    }
}

TEST_F(AnalysisFixture, CoverageOfAMultipolygonOverAnLShapedUnit)
{
    // An L-shaped unit (U1 less its north-east quarter: 75 ha) and a park of two squares, one
    // 1 ha square in the L's northern arm, one 1 ha square in the quarter the L lacks.
    auto at = [&](double dx, double dy) {
        std::ostringstream out;
        out.precision(12);
        out << pa::test::X0 + dx << ' ' << pa::test::Y0 + dy;
        return out.str();
    };
    write("l.csv", "code,name_vi,wkt\nL,Đơn vị chữ L,\"POLYGON((" + at(0, 0) + "," + at(1000, 0) +
                       "," + at(1000, 500) + "," + at(500, 500) + "," + at(500, 1000) + "," +
                       at(0, 1000) + "," + at(0, 0) + "))\"\n");
    write("two.csv", "code,name_vi,wkt\nM,KCN hai mảnh,\"MULTIPOLYGON(((" + at(300, 600) + "," +
                         at(400, 600) + "," + at(400, 700) + "," + at(300, 700) + "," +
                         at(300, 600) + ")),((" + at(700, 700) + "," + at(800, 700) + "," +
                         at(800, 800) + "," + at(700, 800) + "," + at(700, 700) + ")))\"\n");
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "l.csv", "admin_district");
        importCsv(ws, "two.csv", "industrial_park");
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto rows = byUnitAndKind(analysis::coverage(ws, "l"));
    const auto& parks = rows.at("L/industrial_park");
    // In the L: M's first square (1 ha), P2 (4 ha) and the part of P1 west of x = 1000 and
    // south of y = 500 (x 500–1000, y 0–500: 25 ha); P1's part in the missing quarter is out.
    EXPECT_EQ(parks.features, 3);
    EXPECT_NEAR(parks.areaHa, 1.0 + 4.0 + 25.0, 1e-9);
    EXPECT_NEAR(parks.sharePct, 100.0 * 30.0 / 75.0, 1e-9);
}
