// Coverage on hand-computable geometry (squares, a hole, overlapping features, lines across
// unit boundaries, a point on a boundary), checked by hand and against GDAL's SQLite dialect.

#include "TestSupport.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Coverage.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

using namespace pa;

namespace {

// Coordinates in EPSG:9213 near TP Thái Nguyên; local offsets in metres.
constexpr double X0 = 430000, Y0 = 2380000;

std::string square(double x1, double y1, double x2, double y2, const std::string& hole = {})
{
    std::ostringstream out;
    out.precision(12);
    out << "\"POLYGON((" << X0 + x1 << ' ' << Y0 + y1 << ',' << X0 + x2 << ' ' << Y0 + y1 << ',' << X0 + x2 << ' '
        << Y0 + y2 << ',' << X0 + x1 << ' ' << Y0 + y2 << ',' << X0 + x1 << ' ' << Y0 + y1 << ')' << hole << ")\"";
    return out.str();
}

std::string ring(double x1, double y1, double x2, double y2)
{
    std::ostringstream out;
    out.precision(12);
    out << ",(" << X0 + x1 << ' ' << Y0 + y1 << ',' << X0 + x1 << ' ' << Y0 + y2 << ',' << X0 + x2 << ' ' << Y0 + y2
        << ',' << X0 + x2 << ' ' << Y0 + y1 << ',' << X0 + x1 << ' ' << Y0 + y1 << ')';
    return out.str();
}

std::string point(double x, double y)
{
    std::ostringstream out;
    out.precision(12);
    out << "\"POINT(" << X0 + x << ' ' << Y0 + y << ")\"";
    return out.str();
}

std::string line(double x1, double y1, double x2, double y2)
{
    std::ostringstream out;
    out.precision(12);
    out << "\"LINESTRING(" << X0 + x1 << ' ' << Y0 + y1 << ',' << X0 + x2 << ' ' << Y0 + y2 << ")\"";
    return out.str();
}

class Coverage : public ::testing::Test
{
protected:
    void SetUp() override
    {
        layers::Workspace::create(path(), {"Thái Nguyên", "EPSG:9213"}).close();
        write("units.csv", "code,name_vi,wkt\nU1,Đơn vị 1," + square(0, 0, 1000, 1000) + "\nU2,Đơn vị 2," +
                               square(1000, 0, 2000, 1000) + "\n");
        write("parks.csv", "code,name_vi,wkt\n"
                           "P1,KCN một," + square(500, 0, 1500, 1000) + "\n"   // 50 ha in each unit
                           "P2,KCN hai," + square(100, 100, 300, 300) + "\n"   // 4 ha in U1
                           "P3,KCN ba," + square(1200, 200, 1400, 400) + "\n"); // inside P1, in U2
        write("zones.csv", "code,name_vi,wkt\nZ1,Vùng chè," + square(0, 0, 1000, 1000, ring(400, 400, 600, 600)) + "\n");
        write("roads.csv", "code,name_vi,wkt\nR1,Quốc lộ thử," + line(0, 500, 2000, 500) + "\n");
        write("towns.csv", "code,name_vi,wkt\nT1,Thị trấn," + point(1500, 500) + "\nT2,Ranh giới," + point(1000, 500) + "\n");
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        for (auto [file, kind] : {std::pair{"units.csv", "admin_district"}, std::pair{"parks.csv", "industrial_park"},
                                  std::pair{"zones.csv", "agri_zone"}, std::pair{"roads.csv", "road"},
                                  std::pair{"towns.csv", "urban_centre"}}) {
            layers::ImportOptions o;
            o.sourcePath = m_dir.file(file);
            o.kind = kind;
            o.sourceCrs = "EPSG:9213";
            o.codeField = "code";
            layers::importLayer(ws, o);
        }
        // A task, led by Sở Công Thương, linked to P1.
        auto& ds = ws.dataset();
        ds.execute("INSERT INTO plan_documents (doc_id) VALUES ('d')");
        ds.execute("INSERT INTO plan_tasks (task_id, doc_id, text) VALUES ('d:1#1', 'd', 'Phát triển KCN một')");
        ds.execute("INSERT INTO plan_agencies (agency_id, name_vi) VALUES ('so-cong-thuong', 'Sở Công Thương')");
        ds.execute("INSERT INTO plan_task_agencies (task_id, agency_id, role) VALUES ('d:1#1', 'so-cong-thuong', 'lead')");
        ds.execute("INSERT INTO parks_task_links (base_id, related_id) VALUES "
                   "((SELECT fid FROM parks WHERE code = 'P1'), (SELECT fid FROM plan_tasks WHERE task_id = 'd:1#1'))");
        ws.close();
    }
    std::string path() const { return m_dir.file("ws.gpkg"); }
    void write(const std::string& name, const std::string& text) { pa::test::writeBytes(m_dir.file(name), text); }
    pa::test::TempDir m_dir;
};

std::map<std::string, analysis::CoverageRow> byUnitAndKind(const analysis::CoverageResult& r)
{
    std::map<std::string, analysis::CoverageRow> out;
    for (const auto& row : r.rows)
        out[row.unitCode + "/" + row.kind] = row;
    return out;
}

} // namespace

TEST_F(Coverage, HandComputedAreasLengthsCountsLinksAndGaps)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto result = analysis::coverage(ws, "units");
    EXPECT_EQ(result.crs, "EPSG:9213");
    EXPECT_EQ(result.kinds, (std::vector<std::string>{"industrial_park", "road", "agri_zone", "urban_centre"}));
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
    EXPECT_EQ(rows.at("U2/industrial_park").leadAgencies, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(rows.at("U1/road").linkedTasks, 0);
}

TEST_F(Coverage, AgreesWithGdalsSqliteDialect)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto rows = byUnitAndKind(analysis::coverage(ws, "units"));
    for (const char* unit : {"U1", "U2"}) {
        const std::string where = std::string(" WHERE u.code = '") + unit + "'";
        const auto zone = ws.dataset().execute("SELECT SUM(ST_Area(ST_Intersection(u.geom, z.geom))) / 10000.0 FROM units u, "
                                               "zones z" + where, "SQLite");
        const double expectedZone = zone.rows.empty() ? 0.0 : std::get<double>(zone.rows[0][0]);
        EXPECT_NEAR(rows.at(std::string(unit) + "/agri_zone").areaHa, expectedZone, 1e-6 * std::max(1.0, expectedZone));
        const auto road = ws.dataset().execute("SELECT SUM(ST_Length(ST_Intersection(u.geom, r.geom))) / 1000.0 FROM "
                                               "units u, roads r" + where, "SQLite");
        const double expectedRoad = std::get<double>(road.rows[0][0]);
        EXPECT_NEAR(rows.at(std::string(unit) + "/road").lengthKm, expectedRoad, 1e-6 * expectedRoad);
    }
}

TEST_F(Coverage, RefusesUnitsThatAreNotPolygonLayers)
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
