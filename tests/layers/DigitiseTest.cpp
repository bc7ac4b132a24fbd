// Drawing programme shapes by hand over a placed map sheet: the shape's size is what was drawn,
// the source names the sheet, links survive a new shape, and every change can be taken back.
#include "planatlas/layers/Digitise.h"

#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/FeatureTable.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Workspace.h"

#include <gtest/gtest.h>

namespace {

constexpr double X0 = 420000, Y0 = 2380000; // Thái Nguyên, EPSG:9213

std::string rect(double x1, double y1, double x2, double y2)
{
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "\"POLYGON((%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f))\"", X0 + x1,
                  Y0 + y1, X0 + x2, Y0 + y1, X0 + x2, Y0 + y2, X0 + x1, Y0 + y2, X0 + x1, Y0 + y1);
    return buffer;
}

pa::gis::Geometry square(double x, double y, double side)
{
    char wkt[256];
    std::snprintf(wkt, sizeof wkt, "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))", x, y, x + side, y,
                  x + side, y + side, x, y + side, x, y);
    return pa::gis::Geometry::fromWkt(wkt);
}

class Digitise : public ::testing::Test
{
protected:
    void SetUp() override
    {
        pa::layers::Workspace::create(path(), {"Thái Nguyên", "EPSG:9213"}).close();
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        add(ws, "province", "admin_province",
            "code,name_vi,wkt\nT,Tỉnh thử," + rect(0, 0, 30000, 20000) + "\n");
        add(ws, "parks", "industrial_park",
            "code,name_vi,status,geometry_quality,wkt\nK1,KCN thử,planned,indicative," +
                rect(4000, 3000, 6000, 5000) + "\n");
        auto& ds = ws.dataset();
        ds.execute("INSERT INTO plan_documents (doc_id) VALUES ('d')");
        ds.execute("INSERT INTO plan_tasks (task_id, doc_id, text) VALUES ('d:1#1', 'd', 'KCN')");
        ds.execute("INSERT INTO parks_task_links (base_id, related_id) VALUES ((SELECT fid FROM "
                   "parks WHERE code = 'K1'), (SELECT fid FROM plan_tasks))");
        // A sheet over the province, placed by ten points.
        const auto markers =
            pa::test::writeTestSheet(m_dir.file("sheet.pgm"), X0 + 2000, Y0 + 19000, 20);
        pa::test::writeBytes(m_dir.file("points.csv"), pa::test::controlPointsCsv(markers));
        pa::layers::GeorefOptions g;
        g.sheet.path = m_dir.file("sheet.pgm");
        g.controlPoints = m_dir.file("points.csv");
        g.method = pa::gis::GeorefMethod::Polynomial2;
        g.layerName = "sheet";
        g.titleVi = "Tờ thử";
        g.sheetDate = "2023-12-30";
        (void)pa::layers::georeference(ws, g);
        ws.close();
    }

    void add(pa::layers::Workspace& ws, const std::string& layer, const std::string& kind,
             const std::string& csv)
    {
        const std::string file = m_dir.file(layer + ".csv");
        pa::test::writeBytes(file, csv);
        pa::layers::ImportOptions o;
        o.sourcePath = file;
        o.kind = kind;
        o.layerName = layer;
        o.sourceCrs = "EPSG:9213";
        o.codeField = "code";
        pa::layers::importLayer(ws, o);
    }

    std::string path() const { return m_dir.file("ws.gpkg"); }

    /// Quality, source and area (ha) of the feature with @p code.
    std::tuple<std::string, std::string, double> feature(pa::layers::Workspace& ws,
                                                         const std::string& code)
    {
        const auto rows =
            ws.dataset()
                .run("SELECT geometry_quality, source, ST_Area(geom) / 10000 FROM parks WHERE "
                     "code = ?",
                     {code})
                .rows;
        if (rows.empty())
            return {};
        return {pa::gis::toString(rows[0][0]), pa::gis::toString(rows[0][1]),
                std::stod(pa::gis::toString(rows[0][2]))};
    }

    std::int64_t links(pa::layers::Workspace& ws)
    {
        return std::stoll(pa::gis::toString(
            ws.dataset().execute("SELECT COUNT(*) FROM parks_task_links").rows[0][0]));
    }

    pa::test::TempDir m_dir;
};

} // namespace

TEST_F(Digitise, ANewFeatureIsTheShapeDrawnAndSaysWhichSheetItCameFrom)
{
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
    const auto fid = pa::layers::addDrawnFeature(ws, "parks", square(X0 + 10000, Y0 + 10000, 1000),
                                                 {"K2", "KCN số hóa", "planned"}, "sheet");
    EXPECT_GT(fid, 0);
    const auto [quality, source, ha] = feature(ws, "K2");
    EXPECT_EQ(quality, "digitized");
    EXPECT_NEAR(ha, 100.0, 1e-6);
    EXPECT_NE(source.find("map sheet «Tờ thử» (sheet.pgm, 2023-12-30), 10 control points, RMS"),
              std::string::npos)
        << source;
    // Without a sheet: drawn by hand, still indicative.
    pa::layers::addDrawnFeature(ws, "parks", square(X0 + 12000, Y0 + 10000, 500),
                                {"K3", "KCN vẽ tay", ""}, "");
    EXPECT_EQ(std::get<0>(feature(ws, "K3")), "indicative");
    EXPECT_EQ(std::get<1>(feature(ws, "K3")), "drawn on the map by hand");
    // Each drawing is in the edit log, by whoever drew it.
    const auto log = ws.editLog();
    ASSERT_GE(log.size(), 2u);
    EXPECT_EQ(log.back().edit.action, "feature_add");
    EXPECT_EQ(log.back().edit.layer, "parks");
    EXPECT_EQ(log.back().edit.featureCode, "K3");
    EXPECT_EQ(
        log.back().edit.detail,
        "fid " +
            pa::gis::toString(
                ws.dataset().run("SELECT fid FROM parks WHERE code = ?", {"K3"}).rows.at(0).at(0)) +
            ", 25.00 ha");
    EXPECT_EQ(log.back().who, ws.editor());
    ws.close();

    // Refused, and nothing written: a code taken, no name, a line in an area layer, no sheet.
    const auto before = pa::test::readBytes(path());
    auto ws2 = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
    EXPECT_THROW(
        pa::layers::addDrawnFeature(ws2, "parks", square(X0, Y0, 100), {"K1", "x", ""}, "sheet"),
        pa::layers::ParameterError);
    EXPECT_THROW(
        pa::layers::addDrawnFeature(ws2, "parks", square(X0, Y0, 100), {"K9", " ", ""}, "sheet"),
        pa::layers::Error);
    EXPECT_THROW(pa::layers::addDrawnFeature(
                     ws2, "parks",
                     pa::gis::Geometry::fromWkt("LINESTRING(420000 2380000,421000 2381000)"),
                     {"K9", "x", ""}, "sheet"),
                 pa::layers::Error);
    EXPECT_THROW(
        pa::layers::addDrawnFeature(ws2, "parks", square(X0, Y0, 100), {"K9", "x", ""}, "no_sheet"),
        pa::layers::Error);
    EXPECT_THROW(
        pa::layers::addDrawnFeature(ws2, "province", square(X0, Y0, 100), {"K9", "x", ""}, "sheet"),
        pa::layers::Error); // not a programme layer
    ws2.close();
    EXPECT_TRUE(pa::test::readBytes(path()) == before) << "a refused drawing changed the workspace";

    // A bow-tie is repaired into its two triangles.
    auto again = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
    const auto k4 = pa::layers::addDrawnFeature(
        again, "parks",
        pa::gis::Geometry::fromWkt("POLYGON((430000 2390000,431000 2391000,431000 2390000,430000 "
                                   "2391000,430000 2390000))"),
        {"K4", "Nơ", ""}, "sheet");
    EXPECT_NEAR(std::get<2>(feature(again, "K4")), 50.0, 1e-6);
    // Taken back (undo of an addition): gone, with nothing left behind.
    pa::layers::removeDrawnFeature(again, "parks", k4);
    EXPECT_TRUE(again.dataset().execute("SELECT 1 FROM parks WHERE code = 'K4'").rows.empty());
}

TEST_F(Digitise, ANewShapeKeepsTheFeaturesLinksAndCanBeTakenBack)
{
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
    const auto k1 = std::stoll(pa::gis::toString(
        ws.dataset().run("SELECT fid FROM parks WHERE code = ?", {"K1"}).rows.at(0).at(0)));
    const auto [quality0, source0, ha0] = feature(ws, "K1");
    EXPECT_EQ(quality0, "indicative");
    EXPECT_NEAR(ha0, 400.0, 1e-6);
    EXPECT_EQ(links(ws), 1);
    const auto before =
        pa::layers::reshapeFeature(ws, "parks", k1, square(X0 + 4200, Y0 + 3100, 1500), "sheet");
    const auto [quality1, source1, ha1] = feature(ws, "K1");
    EXPECT_EQ(quality1, "digitized");
    EXPECT_NEAR(ha1, 225.0, 1e-6);
    EXPECT_NE(source1.find("«Tờ thử»"), std::string::npos);
    EXPECT_EQ(links(ws), 1); // the same feature: its task still concerns it
    EXPECT_EQ(before.quality, "indicative");
    // The log says which feature and what it was: 400 ha before, 225 ha after.
    EXPECT_EQ(ws.editLog().back().edit.featureCode, "K1");
    EXPECT_EQ(ws.editLog().back().edit.detail,
              "fid " + std::to_string(k1) + ": 400.00 ha → 225.00 ha");
    pa::layers::restoreShape(ws, "parks", k1, before);
    EXPECT_EQ(ws.editLog().back().edit.detail,
              "fid " + std::to_string(k1) + ": 225.00 ha → 400.00 ha (as it was)");
    const auto [quality2, source2, ha2] = feature(ws, "K1");
    EXPECT_EQ(quality2, "indicative");
    EXPECT_EQ(source2, source0);
    EXPECT_NEAR(ha2, 400.0, 1e-6);
}

TEST_F(Digitise, CornersOfALayerStoredInAnotherCrsAreWhereTheMapShowsThem)
{
    // The parks rewritten in WGS 84 by an outside editor: the corners a planner moves, the
    // selection drawn and the attribute table's zoom are in the workspace's CRS, where the map
    // shows the park (they were in degrees, nowhere near it).
    std::int64_t k1 = 0;
    pa::gis::Shapes before;
    {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::ReadOnly);
        k1 = std::stoll(pa::gis::toString(
            ws.dataset().run("SELECT fid FROM parks WHERE code = ?", {"K1"}).rows.at(0).at(0)));
        before = pa::layers::featureShapes(ws, "parks", {k1});
    }
    ASSERT_EQ(before.polygons.size(), 1u);
    ASSERT_EQ(pa::test::storeLayerIn(path(), "parks", "EPSG:4326", m_dir), "");
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
    const auto after = pa::layers::featureShapes(ws, "parks", {k1});
    ASSERT_EQ(after.polygons.size(), 1u);
    const auto& ring = after.polygons[0][0];
    ASSERT_EQ(ring.size(), before.polygons[0][0].size());
    for (std::size_t i = 0; i < ring.size(); ++i) {
        EXPECT_NEAR(ring[i].x, before.polygons[0][0][i].x, 0.01) << i;
        EXPECT_NEAR(ring[i].y, before.polygons[0][0][i].y, 0.01) << i;
    }
    const auto table = pa::layers::readFeatureTable(ws, "parks");
    ASSERT_EQ(table.rows.size(), 1u);
    ASSERT_TRUE(table.rows[0].envelope.has_value());
    // The row's envelope and the layer's extent, where the window zooms and the map frames:
    // the park's box held, grown by what the turn of the grid adds (a few metres).
    const auto holdsThePark = [](const pa::gis::Envelope& e) {
        return e.minX <= X0 + 4000.01 && e.minX > X0 + 4000 - 50 && e.maxX >= X0 + 5999.99 &&
               e.maxX < X0 + 6000 + 50 && e.minY <= Y0 + 3000.01 && e.minY > Y0 + 3000 - 50 &&
               e.maxY >= Y0 + 4999.99 && e.maxY < Y0 + 5000 + 50;
    };
    EXPECT_TRUE(holdsThePark(*table.rows[0].envelope));
    const auto extent = pa::layers::layerExtent(ws, "parks");
    ASSERT_TRUE(extent.has_value());
    EXPECT_TRUE(holdsThePark(*extent)) << extent->minX << " " << extent->maxX;

    // The south-east corner pulled 100 m east, as the window moves it, and saved: 10 ha more,
    // and the corner read back where it was put.
    auto moved = ring;
    std::size_t corner = 0;
    for (std::size_t i = 0; i < moved.size(); ++i)
        if (std::abs(moved[i].x - (X0 + 6000)) < 1 && std::abs(moved[i].y - (Y0 + 3000)) < 1)
            corner = i;
    for (auto& c : moved)
        if (std::abs(c.x - ring[corner].x) < 1e-6 && std::abs(c.y - ring[corner].y) < 1e-6)
            c.x += 100;
    std::string wkt = "POLYGON((";
    for (std::size_t i = 0; i < moved.size(); ++i)
        wkt += (i ? "," : "") + std::to_string(moved[i].x) + " " + std::to_string(moved[i].y);
    wkt += "))";
    (void)pa::layers::reshapeFeature(ws, "parks", k1, pa::gis::Geometry::fromWkt(wkt), "");
    EXPECT_EQ(ws.editLog().back().edit.detail,
              "fid " + std::to_string(k1) + ": 400.00 ha → 410.00 ha");
    const auto saved = pa::layers::featureShapes(ws, "parks", {k1});
    ASSERT_EQ(saved.polygons.size(), 1u);
    bool found = false;
    for (const auto& c : saved.polygons[0][0])
        found = found || (std::abs(c.x - (X0 + 6100)) < 0.01 && std::abs(c.y - (Y0 + 3000)) < 0.01);
    EXPECT_TRUE(found) << "the moved corner is not where it was put";
}

TEST_F(Digitise, AClickSnapsToTheNearestCornerWithinTheTolerance)
{
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::ReadOnly);
    // K1's corner (4 km, 3 km) and the province's (0, 0).
    const auto snapped =
        pa::layers::snapToVertex(ws, {"parks", "province"}, {X0 + 4003, Y0 + 2996}, 10);
    ASSERT_TRUE(snapped);
    EXPECT_DOUBLE_EQ(snapped->x, X0 + 4000);
    EXPECT_DOUBLE_EQ(snapped->y, Y0 + 3000);
    EXPECT_FALSE(pa::layers::snapToVertex(ws, {"parks"}, {X0 + 4020, Y0 + 3000}, 10));
    const auto corner = pa::layers::snapToVertex(ws, {"parks", "province"}, {X0 + 5, Y0 - 5}, 10);
    ASSERT_TRUE(corner);
    EXPECT_DOUBLE_EQ(corner->x, X0);
}

namespace {

std::int64_t fidOf(pa::layers::Workspace& ws, const std::string& code)
{
    const auto rows = ws.dataset().run("SELECT fid FROM parks WHERE code = ?", {code}).rows;
    return rows.empty() ? -1 : std::stoll(pa::gis::toString(rows.at(0).at(0)));
}

std::string line(double x1, double y1, double x2, double y2)
{
    return "LINESTRING(" + std::to_string(X0 + x1) + " " + std::to_string(Y0 + y1) + "," +
           std::to_string(X0 + x2) + " " + std::to_string(Y0 + y2) + ")";
}

} // namespace

TEST_F(Digitise, ALineAcrossSplitsAParkAndEveryPieceKeepsItsTasks)
{
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
    const auto k1 = fidOf(ws, "K1"); // 2 × 2 km, 400 ha
    // A line that stops inside the park does not cut it in two.
    EXPECT_THROW((void)pa::layers::splitFeature(
                     ws, "parks", k1, pa::gis::Geometry::fromWkt(line(3000, 4000, 5000, 4000))),
                 pa::layers::Error);
    // Cut at x = 4 500 m: 100 ha west, 300 ha east; the larger piece stays K1.
    const auto split = pa::layers::splitFeature(
        ws, "parks", k1, pa::gis::Geometry::fromWkt(line(4500, 2000, 4500, 6000)));
    ASSERT_EQ(split.added.size(), 1U);
    EXPECT_EQ(split.addedCodes, std::vector<std::string>{"K1-2"});
    EXPECT_NEAR(std::get<2>(feature(ws, "K1")), 300.0, 1e-6);
    EXPECT_NEAR(std::get<2>(feature(ws, "K1-2")), 100.0, 1e-6);
    EXPECT_EQ(std::get<0>(feature(ws, "K1-2")), "indicative"); // as exact as what was cut
    EXPECT_EQ(pa::gis::toString(ws.dataset()
                                    .run("SELECT name_vi FROM parks WHERE code = ?", {"K1-2"})
                                    .rows.at(0)
                                    .at(0)),
              "KCN thử (phần 2)");
    EXPECT_EQ(links(ws), 2); // the task concerns both pieces
    EXPECT_EQ(ws.editLog().back().edit.detail,
              "fid " + std::to_string(k1) + " cut in 2: K1 (300.00 ha) keeps its code; new K1-2");
    // Taken back: one park of 400 ha with its one link.
    pa::layers::undoSplit(ws, "parks", k1, split);
    EXPECT_EQ(fidOf(ws, "K1-2"), -1);
    EXPECT_NEAR(std::get<2>(feature(ws, "K1")), 400.0, 1e-6);
    const auto log = ws.editLog();
    EXPECT_TRUE(std::any_of(log.begin(), log.end(), [&](const auto& e) {
        return e.edit.action == "feature_split_undone" &&
               e.edit.detail == "fid " + std::to_string(k1) + " whole again; K1-2 removed";
    }));
    EXPECT_EQ(links(ws), 1);
}

TEST_F(Digitise, MergingTakesOverTheLinksAndDeletingCanBeTakenBack)
{
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
    const auto k1 = fidOf(ws, "K1");
    // A second park touching K1 on its east side, drawn over the sheet, linked to its own task.
    const auto k2 = pa::layers::addDrawnFeature(
        ws, "parks",
        pa::gis::Geometry::fromWkt(
            "POLYGON((" + std::to_string(X0 + 6000) + " " + std::to_string(Y0 + 3000) + "," +
            std::to_string(X0 + 7000) + " " + std::to_string(Y0 + 3000) + "," +
            std::to_string(X0 + 7000) + " " + std::to_string(Y0 + 5000) + "," +
            std::to_string(X0 + 6000) + " " + std::to_string(Y0 + 5000) + "," +
            std::to_string(X0 + 6000) + " " + std::to_string(Y0 + 3000) + "))"),
        {"K2", "KCN mở rộng", "planned"}, "sheet");
    auto& ds = ws.dataset();
    ds.execute("INSERT INTO plan_tasks (task_id, doc_id, text) VALUES ('d:1#2', 'd', 'Mở rộng')");
    ds.run("INSERT INTO parks_task_links (base_id, related_id) VALUES (?, (SELECT fid FROM "
           "plan_tasks WHERE task_id = 'd:1#2'))",
           {k2});
    ds.execute("INSERT INTO plan_link_suggestions (task_id, layer_name, feature_code, mention, "
               "confidence, status, rule, evidence) VALUES ('d:1#1', 'parks', 'K2', 'KCN', 0.8, "
               "'pending', 'kind', 'các KCN')");
    ASSERT_EQ(links(ws), 2);

    // Deleting K2 takes its link and suggestion with it; undo brings all back, same fid.
    const auto deleted = pa::layers::deleteFeature(ws, "parks", k2);
    EXPECT_EQ(fidOf(ws, "K2"), -1);
    EXPECT_EQ(links(ws), 1);
    EXPECT_EQ(ds.execute("SELECT COUNT(*) FROM plan_link_suggestions").rows[0][0],
              pa::gis::FieldValue(std::int64_t{0}));
    pa::layers::restoreFeature(ws, deleted);
    EXPECT_EQ(fidOf(ws, "K2"), k2);
    EXPECT_EQ(std::get<0>(feature(ws, "K2")), "digitized");
    EXPECT_NEAR(std::get<2>(feature(ws, "K2")), 200.0, 1e-6);
    EXPECT_EQ(links(ws), 2);
    EXPECT_EQ(pa::gis::toString(
                  ds.execute("SELECT evidence FROM plan_link_suggestions WHERE feature_code = 'K2'")
                      .rows.at(0)
                      .at(0)),
              "các KCN");

    // K2 merged into K1: one park of 600 ha with both tasks; indicative, as K1 was.
    const auto merged = pa::layers::mergeFeatures(ws, "parks", k1, {k2});
    EXPECT_EQ(fidOf(ws, "K2"), -1);
    EXPECT_NEAR(std::get<2>(feature(ws, "K1")), 600.0, 1e-6);
    EXPECT_EQ(std::get<0>(feature(ws, "K1")), "indicative");
    EXPECT_EQ(links(ws), 2);
    EXPECT_EQ(merged.tasksAdded.size(), 1U);
    {
        const auto log = ws.editLog();
        EXPECT_TRUE(std::any_of(log.begin(), log.end(), [&](const auto& e) {
            return e.edit.action == "feature_merge" && e.edit.featureCode == "K1" &&
                   e.edit.detail ==
                       "fid " + std::to_string(k1) + " takes in K2: 400.00 ha → 600.00 ha";
        }));
        EXPECT_TRUE(std::any_of(log.begin(), log.end(), [&](const auto& e) {
            return e.edit.action == "feature_remove" && e.edit.featureCode == "K2" &&
                   e.edit.detail == "fid " + std::to_string(k2) + ", 200.00 ha";
        }));
    }
    EXPECT_EQ(
        std::stoll(pa::gis::toString(
            ds.run("SELECT COUNT(*) FROM parks_task_links WHERE base_id = ?", {k1}).rows[0][0])),
        2);
    EXPECT_THROW((void)pa::layers::mergeFeatures(ws, "parks", k1, {k1}), pa::layers::Error);
    pa::layers::undoMerge(ws, "parks", k1, merged);
    EXPECT_NEAR(std::get<2>(feature(ws, "K1")), 400.0, 1e-6);
    EXPECT_NEAR(std::get<2>(feature(ws, "K2")), 200.0, 1e-6);
    EXPECT_EQ(
        std::stoll(pa::gis::toString(
            ds.run("SELECT COUNT(*) FROM parks_task_links WHERE base_id = ?", {k1}).rows[0][0])),
        1);
    EXPECT_EQ(links(ws), 2);
}

TEST_F(Digitise, ANewFeatureTakesTheKindsOtherAttributesTypedTheVietnameseWay)
{
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
    std::vector<std::string> asked;
    for (const auto& f : pa::layers::formFields(ws, "parks"))
        asked.push_back(f.name);
    // The kind's attributes the layer has; never what drawing itself sets.
    EXPECT_NE(std::find(asked.begin(), asked.end(), "planned_area_ha"), asked.end());
    EXPECT_NE(std::find(asked.begin(), asked.end(), "name_en"), asked.end());
    for (const char* set : {"code", "name_vi", "status", "geometry_quality", "source"})
        EXPECT_EQ(std::find(asked.begin(), asked.end(), set), asked.end()) << set;

    const auto square = pa::gis::Geometry::fromWkt(
        "POLYGON((" + std::to_string(X0 + 10000) + " " + std::to_string(Y0 + 10000) + "," +
        std::to_string(X0 + 11000) + " " + std::to_string(Y0 + 10000) + "," +
        std::to_string(X0 + 11000) + " " + std::to_string(Y0 + 11000) + "," +
        std::to_string(X0 + 10000) + " " + std::to_string(Y0 + 11000) + "," +
        std::to_string(X0 + 10000) + " " + std::to_string(Y0 + 10000) + "))");
    pa::layers::DrawnAttributes a{"K9", "KCN mới", "planned"};
    a.more = {{"planned_area_ha", "1.134,9"}, {"name_en", "New park"}};
    (void)pa::layers::addDrawnFeature(ws, "parks", square, a, "sheet");
    const auto row = ws.dataset()
                         .run("SELECT planned_area_ha, name_en FROM parks WHERE code = ?", {"K9"})
                         .rows.at(0);
    EXPECT_EQ(row[0], pa::gis::FieldValue(1134.9));
    EXPECT_EQ(row[1], pa::gis::FieldValue(std::string("New park")));

    // A value that is no number, or an attribute drawing sets itself: refused, naming it.
    auto refused = [&](const std::string& field, const std::string& value) {
        pa::layers::DrawnAttributes bad{"K10", "KCN khác", ""};
        bad.more = {{field, value}};
        try {
            (void)pa::layers::addDrawnFeature(ws, "parks", square, bad, "");
            ADD_FAILURE() << field << " = " << value << " was taken";
        } catch (const pa::layers::ParameterError& e) {
            EXPECT_EQ(e.parameter(), field);
        }
        EXPECT_TRUE(ws.dataset().run("SELECT 1 FROM parks WHERE code = 'K10'", {}).rows.empty());
    };
    refused("planned_area_ha", "khoảng 100");
    refused("source", "bịa ra");
}

TEST_F(Digitise, ShapesTracedInAnotherProgramComeInDigitizedFromTheirSheet)
{
    // Traced in QGIS over the placed sheet: the file says "indicative" and has its own source,
    // but it was traced over the sheet, and the import says so.
    const std::string file = m_dir.file("traced.csv");
    pa::test::writeBytes(file, "code,name_vi,status,geometry_quality,source,wkt\n"
                               "K7,KCN vẽ trong QGIS,planned,indicative,tôi vẽ," +
                                   rect(9000, 9000, 10000, 10000) + "\n");
    pa::layers::ImportOptions o;
    o.sourcePath = file;
    o.kind = "industrial_park";
    o.layerName = "traced";
    o.sourceCrs = "EPSG:9213";
    o.codeField = "code";
    o.tracedFrom = "sheet";

    // Refused, nothing written: a sheet the workspace does not have, a quality that
    // contradicts the tracing, a kind that records no source per feature.
    const auto before = pa::test::readBytes(path());
    for (const auto& [sheet, quality, kind] : {std::tuple{"no_sheet", "", "industrial_park"},
                                               std::tuple{"sheet", "indicative", "industrial_park"},
                                               std::tuple{"sheet", "", "admin_district"}}) {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        auto refused = o;
        refused.tracedFrom = sheet;
        refused.geometryQuality = quality;
        refused.kind = kind;
        try {
            pa::layers::importLayer(ws, refused);
            ADD_FAILURE() << "imported with sheet " << sheet << ", quality '" << quality
                          << "', kind " << kind;
        } catch (const pa::layers::Error& e) {
            if (std::string_view(sheet) == "no_sheet")
                EXPECT_NE(std::string(e.what()).find("no_sheet"), std::string::npos) << e.what();
        }
        ws.close();
    }
    EXPECT_TRUE(pa::test::readBytes(path()) == before) << "a refused import changed the workspace";

    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
    pa::layers::importLayer(ws, o);
    const auto rows =
        ws.dataset()
            .execute("SELECT geometry_quality, source, ST_Area(geom) / 10000 FROM traced WHERE "
                     "code = 'K7'")
            .rows;
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(pa::gis::toString(rows[0][0]), "digitized");
    EXPECT_EQ(pa::gis::toString(rows[0][1])
                  .rfind("map sheet «Tờ thử» (sheet.pgm, 2023-12-30), 10 "
                         "control points, RMS",
                         0),
              0u)
        << pa::gis::toString(rows[0][1]);
    EXPECT_NEAR(std::stod(pa::gis::toString(rows[0][2])), 100.0, 1e-6);
    // The sheet's summary counts it with the shapes drawn in PlanAtlas.
    const auto summary = pa::layers::digitisingSummary(ws);
    ASSERT_EQ(summary.sheets.size(), 1u);
    EXPECT_EQ(summary.sheets[0].features, 1);
}
