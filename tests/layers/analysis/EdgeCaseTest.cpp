// What workspaces edited outside PlanAtlas hold, and how the analyses answer: a unit layer in
// another CRS, an invalid polygon, features in no unit, polygons that only touch, a task
// linked to a deleted feature, an emptied layer. Every figure is computable by hand from
// AnalysisFixture's squares.

#include "AnalysisFixture.h"
#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/analysis/Footprint.h"
#include "planatlas/layers/analysis/Overlaps.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/analysis/Table.h"
#include "planatlas/layers/analysis/Zonal.h"

#include <gtest/gtest.h>
#include <map>
#include <sstream>

using namespace pa;
using pa::test::AnalysisFixture;
using pa::test::X0;
using pa::test::Y0;

namespace {

std::string wkt(const std::string& local)
{
    // "x y, x y" in local metres → the fixture's EPSG:9213 coordinates.
    std::istringstream in(local);
    std::ostringstream out;
    out.precision(12);
    double x = 0, y = 0;
    char comma = 0;
    bool first = true;
    while (in >> x >> y) {
        out << (first ? "" : ",") << X0 + x << ' ' << Y0 + y;
        first = false;
        in >> comma;
    }
    return "POLYGON((" + out.str() + "))";
}

std::map<std::string, analysis::CoverageRow> byUnitAndKind(const analysis::CoverageResult& r)
{
    std::map<std::string, analysis::CoverageRow> rows;
    for (const auto& row : r.rows)
        rows[row.unitCode + "/" + row.kind] = row;
    return rows;
}

} // namespace

class EdgeCases : public AnalysisFixture
{
protected:
    /// One price polygon of 1,000,000 VND/m² under everything.
    void addPrice()
    {
        write("price.csv", "code,price_vnd_m2,wkt\nALL,1000000," +
                               pa::test::square(-1000, -1000, 4000, 2000) + "\n");
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "price.csv", "land_price");
    }
    /// Adds a park as an external editor would: straight into the table, no repair.
    void addPark(const std::string& code, const std::string& polygonWkt)
    {
        auto ds = gis::Dataset::openVector(path(), gis::OpenMode::Update);
        auto parks = *ds.layerByName("parks");
        auto f = parks.newFeature();
        f.setValue(parks.fieldIndex("code"), code);
        f.setValue(parks.fieldIndex("name_vi"), "KCN " + code);
        f.setGeometry(gis::Geometry::fromWkt(polygonWkt));
        parks.insert(f);
        ds.close();
    }
};

TEST_F(EdgeCases, UnitLayerInAnotherCrsIsReprojectedAndSaidSo)
{
    // The units copied into the workspace in WGS 84 by ogr2ogr, and registered by hand.
    const auto copy =
        pa::test::run({"ogr2ogr", "-update", "-t_srs", "EPSG:4326", "-nln", "units_wgs84", "-lco",
                       "IDENTIFIER=units in WGS 84", path(), path(), "units"});
    ASSERT_EQ(copy.exitCode, 0) << copy.err;
    {
        auto ds = gis::Dataset::openVector(path(), gis::OpenMode::Update);
        ds.execute("INSERT INTO pa_layers (layer_name, kind, title_vi, title_en, geometry_type) "
                   "VALUES ('units_wgs84', 'admin_district', 'Đơn vị (WGS 84)', 'Units (WGS 84)', "
                   "'MULTIPOLYGON')");
        ds.close();
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto local = analysis::coverage(ws, "units");
    const auto wgs84 = analysis::coverage(ws, "units_wgs84");
    EXPECT_TRUE(local.notes.empty());
    ASSERT_EQ(wgs84.notes.reprojected.size(), 1u);
    EXPECT_EQ(wgs84.notes.reprojected.at("units_wgs84"), "EPSG:4326");
    ASSERT_EQ(wgs84.notes.messages("EPSG:9213").size(), 1u);
    EXPECT_NE(wgs84.notes.messages("EPSG:9213")[0].find("reprojected"), std::string::npos);
    // The same figures as the units in the workspace CRS, to what the round trip through
    // WGS 84 (the VN-2000 datum shift there and back) moves a vertex: about a millimetre,
    // 1 m² on a 100 ha square.
    ASSERT_EQ(local.rows.size(), wgs84.rows.size());
    std::int64_t towns = 0;
    for (std::size_t i = 0; i < local.rows.size(); ++i) {
        SCOPED_TRACE(local.rows[i].unitCode + "/" + local.rows[i].kind);
        EXPECT_NEAR(local.rows[i].areaHa, wgs84.rows[i].areaHa, 1e-3);
        EXPECT_NEAR(local.rows[i].lengthKm, wgs84.rows[i].lengthKm, 1e-5);
        if (local.rows[i].kind != "urban_centre")
            EXPECT_EQ(local.rows[i].features, wgs84.rows[i].features);
        else
            towns += wgs84.rows[i].features;
    }
    // T2 sits exactly on the shared boundary, which the round trip moves by a millimetre: it
    // falls in one unit or both, never in none.
    EXPECT_GE(towns, 2);
    EXPECT_FALSE(wgs84.outside.contains("urban_centre"));
    // Written as a GeoPackage, the units' polygons are in the workspace CRS too: 100 ha each.
    const auto gpkg = m_dir.file("coverage_wgs84.gpkg");
    analysis::writeGeoPackage(ws, analysis::tables::coverage(wgs84), gpkg);
    {
        auto out = gis::Dataset::openVector(gpkg, gis::OpenMode::ReadOnly);
        auto layer = out.layer(0);
        EXPECT_EQ(layer.crs()->epsg(), 9213);
        while (auto f = layer.next())
            EXPECT_NEAR(f->takeGeometry().area(), 1'000'000.0, 10.0);
    }
    // Zonal and footprint by these units say so too.
    EXPECT_EQ(analysis::footprint(ws, analysis::FootprintBy::Task, "units_wgs84")
                  .notes.reprojected.size(),
              1u);
}

TEST_F(EdgeCases, InvalidPolygonIsRepairedAndCounted)
{
    // A bow-tie in U2: two triangles of 1 ha each once repaired (GEOS MakeValid keeps every
    // vertex), crossing at (1700, 700).
    addPark("BOW", wkt("1600 600, 1800 800, 1800 600, 1600 800, 1600 600"));
    addPrice();
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::coverage(ws, "units");
    EXPECT_EQ(r.notes.repaired.at("parks"), 1);
    // Said with its count; the command line adds where to see them, a window does not.
    const auto notices = r.notes.notices("EPSG:9213");
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].sentence.english(),
              "layer 'parks': 1 invalid geometry repaired for the analysis");
    EXPECT_EQ(r.notes.messages("EPSG:9213").at(0),
              "layer 'parks': 1 invalid geometry repaired for the analysis (planatlas validate "
              "lists them)");
    auto rows = byUnitAndKind(r);
    EXPECT_NEAR(rows["U2/industrial_park"].areaHa, 50.0 + 2.0,
                1e-9); // P1's half, the bow-tie (P3 lies in P1)
    EXPECT_EQ(rows["U2/industrial_park"].features, 3);
    const auto overlaps = analysis::overlaps(ws, analysis::defaultOverlapPairs());
    EXPECT_EQ(overlaps.notes.repaired.at("parks"), 1);
    const auto zonal = analysis::zonal(ws, "price", {"industrial_park"});
    EXPECT_EQ(zonal.notes.repaired.at("parks"), 1);
    for (const auto& row : zonal.rows)
        if (row.code == "BOW") {
            EXPECT_NEAR(row.coveredHa, 2.0, 1e-9);
            EXPECT_NEAR(*row.mean, 1e6, 1e-6);
        }
}

TEST_F(EdgeCases, FeaturesInNoUnitAndPolygonsThatOnlyTouch)
{
    // P4 lies below U1 and touches it (and the zone Z1) along y = 0; P5 is far east of both units.
    addPark("P4", wkt("0 -200, 200 -200, 200 0, 0 0, 0 -200"));
    addPark("P5", wkt("3000 0, 3200 0, 3200 200, 3000 200, 3000 0"));
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::coverage(ws, "units");
    EXPECT_EQ(r.outside.at("industrial_park"), 2); // touching is not reaching into
    auto rows = byUnitAndKind(r);
    EXPECT_EQ(rows["U1/industrial_park"].features, 2); // P1 and P2 only
    EXPECT_NEAR(rows["U1/industrial_park"].areaHa, 54.0, 1e-9);
    EXPECT_FALSE(r.outside.contains("agri_zone"));
    // A shared edge is not an overlap: no row, and not a sliver either.
    const auto o = analysis::overlaps(ws, analysis::defaultOverlapPairs(), 0.0);
    EXPECT_EQ(o.rows.size(), 3u); // P1×Z1, P2×Z1, P1×P3 as before
    EXPECT_EQ(o.belowThreshold, 0);
    for (const auto& row : o.rows)
        EXPECT_TRUE(row.a.code != "P4" && row.b.code != "P4");
}

TEST_F(EdgeCases, TaskLinkedToADeletedFeatureCountsAsUnlocated)
{
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        auto& ds = ws.dataset();
        ds.execute("INSERT INTO plan_tasks (task_id, doc_id, text) VALUES ('d:1#2', 'd', 'Mở rộng "
                   "KCN hai')");
        ds.execute("INSERT INTO parks_task_links (base_id, related_id) VALUES "
                   "((SELECT fid FROM parks WHERE code = 'P2'), (SELECT fid FROM plan_tasks WHERE "
                   "task_id = 'd:1#2'))");
        ws.close();
    }
    {
        // Deleted outside PlanAtlas (QGIS, ogr2ogr): the link row stays behind.
        auto ds = gis::Dataset::openVector(path(), gis::OpenMode::Update);
        ds.execute("DELETE FROM parks WHERE code = 'P2'");
        ds.close();
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::footprint(ws, analysis::FootprintBy::Task);
    EXPECT_EQ(r.danglingLinks, 1);
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[0].key, "d:1#1");
    EXPECT_EQ(r.rows[0].located, 1);
    EXPECT_NEAR(r.rows[0].areaHa, 100.0, 1e-9);
    EXPECT_EQ(r.rows[1].key, "d:1#2");
    EXPECT_EQ(r.rows[1].located, 0);
    EXPECT_EQ(r.rows[1].features, 0);
    ASSERT_EQ(r.unlocated.size(), 1u);
    EXPECT_EQ(r.unlocated[0].taskId, "d:1#2");
}

TEST_F(EdgeCases, EmptiedLayerGivesGapsAndNoRows)
{
    {
        auto ds = gis::Dataset::openVector(path(), gis::OpenMode::Update);
        ds.execute("DELETE FROM parks");
        ds.close();
    }
    addPrice();
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    auto rows = byUnitAndKind(analysis::coverage(ws, "units"));
    ASSERT_TRUE(rows.contains("U1/industrial_park")); // the kind is still reported, as a gap
    EXPECT_TRUE(rows["U1/industrial_park"].gap);
    EXPECT_EQ(rows["U2/industrial_park"].features, 0);
    EXPECT_NEAR(rows["U1/agri_zone"].areaHa, 96.0, 1e-9);
    EXPECT_TRUE(analysis::zonal(ws, "price", {"industrial_park"}).rows.empty());
    EXPECT_TRUE(analysis::overlaps(ws, analysis::defaultOverlapPairs()).rows.empty());
    const auto f = analysis::footprint(ws, analysis::FootprintBy::Agency);
    ASSERT_EQ(f.rows.size(), 1u);
    EXPECT_EQ(f.rows[0].located, 0);
    EXPECT_EQ(f.danglingLinks, 1); // the link of d:1#1 to P1
}

namespace {

/// Stores every layer of the workspace at @p path in WGS 84 as an outside editor may leave
/// them: each table rewritten by ogr2ogr (same name, same fids), the registry untouched.
void storeEveryLayerInWgs84(const pa::test::TempDir& dir, const std::string& path,
                            const std::vector<std::string>& layers)
{
    for (const auto& layer : layers) {
        ASSERT_EQ(pa::test::storeLayerIn(path, layer, "EPSG:4326", dir), "");
        auto ds = gis::Dataset::openVector(path, gis::OpenMode::ReadOnly);
        ASSERT_EQ(ds.layerByName(layer)->crs()->epsg(), 4326) << layer;
    }
}

} // namespace

TEST_F(EdgeCases, EveryInputLayerInAnotherCrsIsReprojectedInEveryAnalysis)
{
    // The regression of the corridor bug: proximity read its inputs with a reader of its own
    // and measured WGS 84 degrees against metres (2,400 km, 0 % of industry within 5 km).
    addExpressway();
    addPrice();
    struct Figures
    {
        analysis::CorridorResult corridor;
        analysis::LayerCorridorResult corridorOfParks;
        analysis::AccessResult access;
        analysis::OverlapsResult overlaps;
        analysis::ZonalResult zonal, zonalByUnits;
    };
    auto measure = [&] {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
        return Figures{analysis::corridor(ws, 1.2),
                       analysis::corridorOfLayer(ws, "parks", 1.2),
                       analysis::access(ws, "urban_centre"),
                       analysis::overlaps(ws, analysis::defaultOverlapPairs(), 0),
                       analysis::zonal(ws, "price"),
                       analysis::zonalByUnits(ws, "price", "units")};
    };
    const auto local = measure();
    EXPECT_TRUE(local.corridor.notes.empty());
    storeEveryLayerInWgs84(m_dir, path(),
                           {"units", "parks", "zones", "towns", "expressway", "price"});
    const auto wgs84 = measure();

    // Corridor: the same distances (to a millimetre of datum round trip) and the same share.
    ASSERT_EQ(wgs84.corridor.rows.size(), local.corridor.rows.size());
    for (std::size_t i = 0; i < local.corridor.rows.size(); ++i) {
        SCOPED_TRACE(local.corridor.rows[i].code);
        EXPECT_EQ(wgs84.corridor.rows[i].code, local.corridor.rows[i].code);
        EXPECT_NEAR(wgs84.corridor.rows[i].distanceKm, local.corridor.rows[i].distanceKm, 1e-5);
        EXPECT_EQ(wgs84.corridor.rows[i].within, local.corridor.rows[i].within);
    }
    EXPECT_NEAR(wgs84.corridor.industrialInsideHa, 20.0, 1e-3);
    EXPECT_NEAR(wgs84.corridor.industrialAreaHa, 104.0, 1e-3);
    EXPECT_EQ(wgs84.corridor.notes.reprojected.size(), 4u); // parks, zones, towns, expressway
    EXPECT_EQ(wgs84.corridor.notes.reprojected.at("expressway"), "EPSG:4326");
    // A large layer read through the R-tree: the search rectangles are carried into the
    // layer's CRS, so the parks along the expressway are found (P1 only within 1.2 km).
    EXPECT_EQ(wgs84.corridorOfParks.within, local.corridorOfParks.within);
    EXPECT_EQ(local.corridorOfParks.within, 1);
    EXPECT_NEAR(wgs84.corridorOfParks.withinAreaHa, 100.0, 1e-3);
    EXPECT_EQ(wgs84.corridorOfParks.notes.reprojected.count("parks"), 1u);
    // Access.
    ASSERT_EQ(wgs84.access.rows.size(), local.access.rows.size());
    for (std::size_t i = 0; i < local.access.rows.size(); ++i) {
        EXPECT_EQ(wgs84.access.rows[i].nearestCode, local.access.rows[i].nearestCode);
        EXPECT_NEAR(wgs84.access.rows[i].distanceKm, local.access.rows[i].distanceKm, 1e-5);
    }
    EXPECT_FALSE(wgs84.access.notes.empty());
    // Overlaps: the same pairs and hectares.
    ASSERT_EQ(wgs84.overlaps.rows.size(), local.overlaps.rows.size());
    ASSERT_FALSE(local.overlaps.rows.empty());
    for (std::size_t i = 0; i < local.overlaps.rows.size(); ++i)
        EXPECT_NEAR(wgs84.overlaps.rows[i].areaHa, local.overlaps.rows[i].areaHa, 1e-3);
    // Zonal: the price layer in WGS 84 too, read through the R-tree around each park.
    ASSERT_EQ(wgs84.zonal.rows.size(), local.zonal.rows.size());
    for (std::size_t i = 0; i < local.zonal.rows.size(); ++i) {
        SCOPED_TRACE(local.zonal.rows[i].code);
        ASSERT_TRUE(wgs84.zonal.rows[i].mean.has_value());
        EXPECT_NEAR(*wgs84.zonal.rows[i].mean, 1'000'000.0, 1e-3);
        EXPECT_NEAR(wgs84.zonal.rows[i].coveredHa, local.zonal.rows[i].coveredHa, 1e-3);
    }
    EXPECT_EQ(wgs84.zonal.notes.reprojected.count("price"), 1u);
    ASSERT_EQ(wgs84.zonalByUnits.rows.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i)
        EXPECT_NEAR(wgs84.zonalByUnits.rows[i].coveredHa, local.zonalByUnits.rows[i].coveredHa,
                    1e-3);
}
