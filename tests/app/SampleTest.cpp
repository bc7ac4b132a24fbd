// The Thái Nguyên sample workspace the build makes from data/: what a planner from the province
// would check first — the right features, inside the right units, every task accounted for.

#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Digitise.h"
#include "planatlas/layers/Workspace.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <sstream>

namespace {

class SampleBase
{
protected:
    explicit SampleBase(const std::filesystem::path& path)
    {
        if (pa::test::samplesBuilt())
            ws = std::make_unique<pa::layers::Workspace>(
                pa::layers::Workspace::open(path.string(), pa::gis::OpenMode::ReadOnly));
    }
    std::unique_ptr<pa::layers::Workspace>
        ws; ///< null when the samples are not built (the test skips)

    /// Tasks of the workspace: all, linked to a feature, recorded without a place, both.
    struct TaskReview
    {
        double tasks, located, unlocated, both;
    };
    TaskReview review()
    {
        std::string linked;
        for (const auto& layer : ws->layers())
            if (!layer.linkTable.empty())
                linked += std::string(linked.empty() ? "" : " UNION ") +
                          "SELECT related_id FROM \"" + layer.linkTable + "\"";
        return {number("SELECT COUNT(*) FROM plan_tasks", ""),
                number("SELECT COUNT(*) FROM plan_tasks WHERE fid IN (" + linked + ")", ""),
                number("SELECT COUNT(*) FROM plan_tasks WHERE task_id IN (SELECT task_id FROM "
                       "plan_unlocated)",
                       ""),
                number("SELECT COUNT(*) FROM plan_tasks WHERE fid IN (" + linked +
                           ") AND task_id IN (SELECT task_id FROM plan_unlocated)",
                       "")};
    }

    std::vector<std::vector<pa::gis::FieldValue>> rows(const std::string& sql,
                                                       const char* dialect = "")
    {
        return ws->dataset().execute(sql, dialect).rows;
    }
    double number(const std::string& sql, const char* dialect = "SQLite")
    {
        const auto v = rows(sql, dialect).at(0).at(0);
        if (const auto* d = std::get_if<double>(&v))
            return *d;
        return static_cast<double>(std::get<std::int64_t>(v));
    }

    /// Share (0..1) of each industrial feature's area inside the district(s) its `district`
    /// attribute names ("Phổ Yên; Phú Bình"; "Thành phố X" may be written "X").
    std::map<std::string, double> shareInNamedDistricts(const std::vector<std::string>& layers)
    {
        std::map<std::string, double> share;
        for (const auto& layer : layers)
            for (const auto& row :
                 rows("SELECT code, district FROM \"" + layer + "\" ORDER BY code")) {
                const std::string code = pa::gis::toString(row[0]);
                std::string condition;
                std::stringstream list(pa::gis::toString(row[1]));
                for (std::string name; std::getline(list, name, ';');) {
                    name.erase(0, name.find_first_not_of(' '));
                    for (const char* prefix : {"", "Thành phố ", "Thị xã "})
                        condition += std::string(condition.empty() ? "" : " OR ") +
                                     "d.name_vi = '" + prefix + name + "'";
                }
                share[code] =
                    condition.empty()
                        ? 0.0
                        : number("SELECT ST_Area(ST_Intersection(f.geom, (SELECT ST_Union(d.geom) "
                                 "FROM districts_pre2025 d WHERE " +
                                 condition + "))) / ST_Area(f.geom) FROM \"" + layer +
                                 "\" f WHERE code = '" + code + "'");
            }
        return share;
    }

    /// Programme features (not units, not the price table) outside @p provinceLayer, by layer.
    std::map<std::string, double> outside(const std::string& provinceLayer, bool skipNetworks)
    {
        std::map<std::string, double> out;
        for (const auto& layer : ws->layers()) {
            if (layer.kind.rfind("admin_", 0) == 0 || layer.kind == "land_price" ||
                layer.kind == "basemap")
                continue; // units, the price table joined to them and the locator map have their
                          // own extent
            if (skipNetworks && (layer.kind == "road" || layer.kind == "railway"))
                continue; // national networks selected as crossing the province
            out[layer.name] =
                number("SELECT COUNT(*) FROM \"" + layer.name + "\" f, \"" + provinceLayer +
                       "\" p WHERE ST_Length(ST_Difference(f.geom, ST_Buffer(p.geom, 1))) > 0 OR "
                       "ST_Area(ST_Difference(f.geom, ST_Buffer(p.geom, 1))) > 0 OR "
                       "(ST_Dimension(f.geom) = 0 AND NOT ST_Within(f.geom, p.geom))");
        }
        return out;
    }
};

class Sample : public SampleBase, public ::testing::Test
{
protected:
    Sample() : SampleBase(pa::test::sampleWorkspace()) {}
    void SetUp() override { PLANATLAS_NEEDS_SAMPLE(); }
};

class SampleThanhHoa : public SampleBase, public ::testing::Test
{
protected:
    SampleThanhHoa() : SampleBase(pa::test::sampleWorkspaceThanhHoa()) {}
    void SetUp() override { PLANATLAS_NEEDS_SAMPLE(); }
};

TEST_F(Sample, ProgrammeFeaturesByKind)
{
    std::map<std::string, std::int64_t> count;
    for (const auto& layer : ws->layers())
        count[layer.kind] +=
            static_cast<std::int64_t>(number("SELECT COUNT(*) FROM \"" + layer.name + "\"", ""));
    EXPECT_EQ(count["industrial_park"], 11); // the 11 KCN of QĐ 222/QĐ-TTg
    EXPECT_EQ(count["hitech_zone"], 1);      // Khu CNTT tập trung Yên Bình
    EXPECT_EQ(count["industrial_cluster"], 4);
    EXPECT_EQ(count["expressway"], 4); // CT.07 (three sections) and CT.39
    EXPECT_EQ(count["agri_zone"], 11); // the six key products
    EXPECT_EQ(count["urban_centre"], 10);
    EXPECT_EQ(count["tourism_area"], 4);
    EXPECT_EQ(count["market_logistics"], 3);
    EXPECT_EQ(count["land_price"], 9);
    // Every key product of KH NQ54 has a zone.
    for (const char* product : {"chè", "na", "thịt lợn", "quế"})
        EXPECT_GE(
            number(std::string("SELECT COUNT(*) FROM agri_zones WHERE product = '") + product + "'",
                   ""),
            1)
            << product;
    // Drawn geometry says what it is.
    for (const auto& layer : ws->layers()) {
        if (layer.kind != "admin_province" && layer.kind != "admin_district" &&
            layer.kind != "land_price" && layer.kind != "road" && layer.kind != "railway" &&
            layer.kind != "infrastructure" && layer.kind != "basemap") {
            EXPECT_EQ(number("SELECT COUNT(*) FROM \"" + layer.name +
                                 "\" WHERE geometry_quality <> 'indicative'",
                             ""),
                      0)
                << layer.name;
        }
    }
    EXPECT_EQ(
        number("SELECT COUNT(*) FROM land_price_illustrative WHERE source <> 'illustrative'", ""),
        0);
    // Every drawn feature says where its position and figures come from.
    for (const char* layer :
         {"industrial_parks", "hitech_zones", "industrial_clusters", "expressways", "agri_zones",
          "urban_centres", "tourism_areas", "markets", "regions"})
        EXPECT_EQ(number(std::string("SELECT COUNT(*) FROM ") + layer +
                             " WHERE source IS NULL OR source = ''",
                         ""),
                  0)
            << layer;
}

TEST_F(Sample, ParksOfKnownAreaAreDrawnAtThatArea)
{
    // "A park of 400 ha is a ~400 ha polygon": where the plan gives the area, the drawing has it
    // (to the 1e-4 that WGS 84 coordinates rounded to 6 decimals in data/ allow).
    const auto parks =
        rows("SELECT code, planned_area_ha, ST_Area(geom) / 10000.0 FROM industrial_parks "
             "WHERE planned_area_ha IS NOT NULL",
             "SQLite");
    EXPECT_GE(parks.size(), 8u);
    for (const auto& row : parks)
        EXPECT_NEAR(std::get<double>(row[2]) / std::get<double>(row[1]), 1.0, 1e-4)
            << pa::gis::toString(row[0]);
}

TEST_F(Sample, DistrictsAddUpToTheProvince)
{
    const double districts = number("SELECT SUM(ST_Area(geom)) FROM districts_pre2025");
    const double province = number("SELECT SUM(ST_Area(geom)) FROM province_pre2025");
    EXPECT_NEAR(districts / province, 1.0, 0.02);
}

TEST_F(Sample, EveryParkLiesInItsDistrict)
{
    const auto share =
        shareInNamedDistricts({"industrial_parks", "industrial_clusters", "hitech_zones"});
    EXPECT_EQ(share.size(), 16u);
    for (const auto& [code, inside] : share)
        EXPECT_GT(inside, 0.95) << code;
}

TEST_F(Sample, NothingLiesOutsideItsProvince)
{
    // Everything is in the 2025 province; all but the expressways (the Chợ Mới – Bắc Kạn –
    // Cao Bằng section, the end of the Chợ Mới section) also in the province before the merger.
    for (const auto& [layer, n] : outside("province_2025", true))
        EXPECT_EQ(n, 0) << layer;
    for (const auto& [layer, n] : outside("province_pre2025", true))
        EXPECT_EQ(n, layer == "expressways" ? 2 : 0) << layer;
}

TEST_F(Sample, ARoadTracedOverTheTestSheetLiesOnTheRoadTheSheetShows)
{
    // The sheet is drawn from the national roads layer in another CRS, placed again by its grid
    // and traced by hand: the traced line must come back onto that layer. 100 m is five sheet
    // pixels; a sheet placed wrongly (axes swapped, the wrong CRS, a pixel origin off by a
    // line) misses by kilometres.
    const auto sheets = pa::layers::digitisingSummary(*ws);
    ASSERT_EQ(sheets.sheets.size(), 1u);
    const auto& sheet = sheets.sheets[0];
    EXPECT_EQ(sheet.name, "test_sheet");
    EXPECT_EQ(sheet.controlPoints, 9);
    ASSERT_TRUE(sheet.rmseM.has_value());
    EXPECT_LT(*sheet.rmseM, 5.0);
    EXPECT_EQ(sheet.features, 1);
    EXPECT_NE(sheet.titleVi.find("không phải bản đồ quy hoạch"), std::string::npos)
        << "the sheet must say it is not a plan map";
    const auto traced = rows("SELECT geometry_quality, source FROM roads_traced_test");
    ASSERT_EQ(traced.size(), 1u);
    EXPECT_EQ(pa::gis::toString(traced[0][0]), "digitized");
    EXPECT_EQ(pa::layers::sheetTitleOfSource(pa::gis::toString(traced[0][1])), sheet.titleVi);
    EXPECT_GT(number("SELECT ST_Length(geom) FROM roads_traced_test"), 30000);
    EXPECT_NEAR(number("SELECT COALESCE(ST_Length(ST_Difference(t.geom, (SELECT "
                       "ST_Buffer(ST_Union(geom), 100) FROM national_roads))), 0) FROM "
                       "roads_traced_test t"),
                0.0, 1e-6);
}

TEST_F(SampleThanhHoa, TheDecisionsProgrammeIsReadAndEveryTaskReviewed)
{
    // QĐ 1992 whole, as published: the programme attached after the decision's distribution
    // list gives its 49 tasks, each linked to features or recorded without a place.
    const TaskReview r = review();
    EXPECT_EQ(r.tasks, 49);
    EXPECT_GE(r.located, 10);
    EXPECT_EQ(r.both, 0);
    EXPECT_EQ(r.located + r.unlocated, r.tasks);
    // "các khu công nghiệp Lam Sơn – Sao Vàng, Bỉm Sơn, Ngọc Lặc, Bãi Trành, Thạch Quảng" is five
    // parks.
    const auto parks = rows("SELECT f.code FROM industrial_parks_task_links l JOIN plan_tasks t ON "
                            "t.fid = l.related_id "
                            "JOIN industrial_parks f ON f.fid = l.base_id WHERE t.task_id = "
                            "'qd-1992:III.3#5' ORDER BY 1");
    std::vector<std::string> codes;
    for (const auto& p : parks)
        codes.push_back(pa::gis::toString(p.at(0)));
    EXPECT_EQ(codes, (std::vector<std::string>{"TH-KCN-BS", "TH-KCN-BT", "TH-KCN-LSSV", "TH-KCN-NL",
                                               "TH-KCN-TQ"}));
}

TEST_F(Sample, EveryTaskIsLinkedOrDeliberatelyUnlocated)
{
    std::string linked;
    for (const auto& layer : ws->layers())
        if (!layer.linkTable.empty())
            linked += std::string(linked.empty() ? "" : " UNION ") + "SELECT related_id FROM \"" +
                      layer.linkTable + "\"";
    const double tasks = number("SELECT COUNT(*) FROM plan_tasks", "");
    const double located =
        number("SELECT COUNT(*) FROM plan_tasks WHERE fid IN (" + linked + ")", "");
    const double unlocated = number(
        "SELECT COUNT(*) FROM plan_tasks WHERE task_id IN (SELECT task_id FROM plan_unlocated)",
        "");
    const double both = number("SELECT COUNT(*) FROM plan_tasks WHERE fid IN (" + linked +
                                   ") AND task_id IN (SELECT task_id FROM plan_unlocated)",
                               "");
    EXPECT_EQ(tasks, 257);
    EXPECT_GT(located, 30);
    EXPECT_EQ(both, 0);
    EXPECT_EQ(located + unlocated, tasks);
    // The task on the southern region's industrial infrastructure reaches the southern parks.
    const auto south = rows("SELECT f.code FROM industrial_parks_task_links l JOIN plan_tasks t ON "
                            "t.fid = l.related_id "
                            "JOIN industrial_parks f ON f.fid = l.base_id WHERE t.task_id = "
                            "'kh-nq54:III.4#3' ORDER BY 1");
    std::vector<std::string> codes;
    for (const auto& r : south)
        codes.push_back(pa::gis::toString(r[0]));
    EXPECT_NE(std::find(codes.begin(), codes.end(), "KCN-YB"), codes.end());
    EXPECT_EQ(std::find(codes.begin(), codes.end(), "KCN-QT"),
              codes.end()); // Quyết Thắng is in the city
    // The wholesale markets the plan names (one spelt "Diềm Thụy") are linked to their task.
    EXPECT_EQ(
        number(
            "SELECT COUNT(*) FROM markets_task_links l JOIN plan_tasks t ON t.fid = l.related_id "
            "WHERE t.task_id = 'kh-nq54:III.5.c#10'",
            ""),
        3);
}

TEST_F(Sample, AtlasOfTheDistrictsFromTheCommandLine)
{
    pa::test::TempDir dir;
    const std::string pdf = dir.file("atlas_huyen.pdf");
    const auto r = pa::test::runCli(
        {"map", pa::test::sampleWorkspace().string(), "-o", pdf, "--atlas", "districts_pre2025"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("for 9 feature(s) of districts_pre2025"), std::string::npos) << r.out;
    const auto text = pa::test::run({"pdftotext", "-layout", pdf, "-"}).out;
    // Every district has its page; the city's lists the tasks of the parks inside it with
    // their lead agencies.
    for (const auto& row : ws->dataset().execute("SELECT name_vi FROM districts_pre2025").rows)
        EXPECT_NE(text.find(pa::gis::toString(row[0])), std::string::npos)
            << pa::gis::toString(row[0]);
    EXPECT_NE(text.find("Qua: KCN"), std::string::npos);
    EXPECT_NE(text.find("Chủ trì: "), std::string::npos);
    EXPECT_EQ(
        pa::test::runCli({"map", pa::test::sampleWorkspace().string(), "-o", dir.file("x.pdf"),
                          "--atlas", "districts_pre2025", "--extent", "province"})
            .exitCode,
        2);
}

TEST_F(Sample, ValidatesCleanly)
{
    EXPECT_EQ(ws->validate().errorCount(), 0u);
}

TEST_F(SampleThanhHoa, FeaturesUnitsAndTheDongSonMerger)
{
    std::map<std::string, std::int64_t> count;
    for (const auto& layer : ws->layers())
        count[layer.kind] +=
            static_cast<std::int64_t>(number("SELECT COUNT(*) FROM \"" + layer.name + "\"", ""));
    EXPECT_EQ(count["admin_district"],
              28); // the 27 units of the 2020 layout and the 2024 merged city
    EXPECT_EQ(count["industrial_park"], 8);
    EXPECT_EQ(count["economic_zone"], 1);
    EXPECT_EQ(count["expressway"], 1);
    EXPECT_EQ(count["urban_centre"], 9); // 6, and 3 new urban areas QĐ 1992 names
    // The 27 districts cover the province (SOURCES.md section 8: 11,096.4 vs 11,083.2 km²).
    const double districts = number("SELECT SUM(ST_Area(geom)) FROM districts_pre2025");
    const double province = number("SELECT SUM(ST_Area(geom)) FROM province");
    EXPECT_NEAR(districts / province, 1.0, 0.02);
    EXPECT_NEAR(districts / 1e6, 11096.4, 0.5);
    // Đông Sơn (81.2 km²) and the city (146.9 km²) make the enlarged city of 228.1 km², and the
    // two old units end the day before it begins.
    EXPECT_NEAR(number("SELECT ST_Area(geom) / 1e6 FROM district_2024_merger"), 228.1, 0.1);
    const auto ended = rows(
        "SELECT name_vi, valid_to FROM admin_units WHERE valid_to = '2024-11-30' ORDER BY name_vi");
    ASSERT_EQ(ended.size(), 2u);
    EXPECT_EQ(pa::gis::toString(ended[0][0]), "Thành phố Thanh Hóa");
    EXPECT_EQ(pa::gis::toString(ended[1][0]), "Đông Sơn");
    EXPECT_EQ(number("SELECT COUNT(*) FROM admin_crosswalk WHERE relation = 'merged_into' AND "
                     "new_code = 'TH-HUYEN-TPTH-2024'",
                     ""),
              2);
    for (const auto& [code, inside] : shareInNamedDistricts({"industrial_parks"}))
        EXPECT_GT(inside, 0.95) << code;
    for (const auto& [layer, n] : outside("province", false))
        EXPECT_EQ(n, 0) << layer;
    EXPECT_EQ(ws->validate().errorCount(), 0u);
}

TEST(SampleThanhHoaPlan, StandsReadyToIngestAPlan)
{
    PLANATLAS_NEEDS_SAMPLE();
    // No plan comes with the Thanh Hóa sample; a user's document goes straight in.
    pa::test::TempDir dir;
    const auto copy = dir.file("th.gpkg");
    std::filesystem::copy_file(pa::test::sampleWorkspaceThanhHoa(), copy);
    const auto r = pa::test::runCli(
        {"ingest", copy,
         pa::test::fixture("plans/synthetic/thanh-hoa_ctr-hanh-dong-synthetic.txt").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
    EXPECT_GT(
        std::get<std::int64_t>(ws.dataset().execute("SELECT COUNT(*) FROM plan_tasks").rows[0][0]),
        0);
    EXPECT_EQ(ws.validate().errorCount(), 0u);
}

/// The one number @p sql returns (SQLite's dialect, with SpatiaLite's functions).
double number(pa::layers::Workspace& ws, const std::string& sql)
{
    const auto v = ws.dataset().execute(sql, "SQLite").rows.at(0).at(0);
    return std::holds_alternative<double>(v) ? std::get<double>(v)
                                             : static_cast<double>(std::get<std::int64_t>(v));
}

} // namespace

TEST(SampleParcels, SyntheticParcelsTileTheProvinceWithoutGapsOrOverlaps)
{
    // A 6 × 5 km province (3,000 ha) with a notch, so that parcels are cut at its boundary.
    pa::test::TempDir dir;
    const auto copy = dir.file("p.gpkg");
    ASSERT_EQ(pa::test::runCli({"init", copy, "--province", "Thử", "--crs", "EPSG:9213"}).exitCode,
              0);
    pa::test::writeBytes(
        dir.file("province.csv"),
        "code,name_vi,wkt\nP,Tỉnh thử,\"POLYGON((430000 2380000,436000 2380000,436000 2385000,"
        "433300 2385000,433300 2383100,432700 2383100,432700 2385000,430000 2385000,430000 "
        "2380000))\"\n");
    ASSERT_EQ(
        pa::test::runCli({"import", copy, dir.file("province.csv"), "--kind", "admin_province",
                          "--src-crs", "EPSG:9213", "--code-field", "code", "--quiet"})
            .exitCode,
        0);
    const auto r = pa::test::runCli({"parcels", copy, "--count", "4.000", "--seed", "5"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
    auto one = [&](const std::string& sql) { return number(ws, sql); };
    const double n = one("SELECT COUNT(*) FROM parcels_synthetic");
    EXPECT_GT(n, 3000); // about the 4,000 asked for: 0.74 ha each on average
    EXPECT_LT(n, 5000);
    // They tile the province: their areas add up to it, and to their union (no overlaps).
    const double sum = one("SELECT SUM(ST_Area(geom)) FROM parcels_synthetic");
    const double province = one("SELECT SUM(ST_Area(geom)) FROM province");
    EXPECT_NEAR(sum / province, 1.0, 0.005);
    EXPECT_NEAR(one("SELECT ST_Area(ST_Union(geom)) FROM parcels_synthetic") / sum, 1.0, 1e-6);
    // Whole parcels (not cut by the boundary) are 0.05–3 ha; every one has a use and a price.
    EXPECT_GE(one("SELECT MIN(ST_Area(p.geom)) FROM parcels_synthetic p, province v "
                  "WHERE NOT ST_Intersects(p.geom, ST_Boundary(v.geom))"),
              500.0);
    EXPECT_LE(one("SELECT MAX(ST_Area(geom)) FROM parcels_synthetic"), 30000.0);
    EXPECT_EQ(one("SELECT COUNT(*) FROM parcels_synthetic WHERE land_use IS NULL OR price_vnd_m2 "
                  "IS NULL"),
              0);
    EXPECT_EQ(one("SELECT COUNT(*) FROM parcels_synthetic WHERE source <> 'synthetic'"), 0);
    // The same seed gives the same parcels.
    const auto again2 = dir.file("p3.gpkg");
    ASSERT_EQ(
        pa::test::runCli({"init", again2, "--province", "Thử", "--crs", "EPSG:9213"}).exitCode, 0);
    ASSERT_EQ(
        pa::test::runCli({"import", again2, dir.file("province.csv"), "--kind", "admin_province",
                          "--src-crs", "EPSG:9213", "--code-field", "code", "--quiet"})
            .exitCode,
        0);
    ASSERT_EQ(pa::test::runCli({"parcels", again2, "--count", "4000", "--seed", "5"}).exitCode, 0);
    auto ws2 = pa::layers::Workspace::open(again2, pa::gis::OpenMode::ReadOnly);
    const auto a = ws.dataset()
                       .execute("SELECT SUM(price_vnd_m2), COUNT(*) FROM parcels_synthetic")
                       .rows.at(0);
    const auto b = ws2.dataset()
                       .execute("SELECT SUM(price_vnd_m2), COUNT(*) FROM parcels_synthetic")
                       .rows.at(0);
    EXPECT_EQ(pa::gis::toString(a[0]), pa::gis::toString(b[0]));
    EXPECT_EQ(pa::gis::toString(a[1]), pa::gis::toString(b[1]));
    EXPECT_EQ(pa::test::runCli({"parcels", copy, "--count", "10"}).exitCode, 2); // the layer exists
}

TEST(SampleParcels, ProvincesOfANationalLayerAreTiledEachToItsBorders)
{
    // Two provinces side by side, 6 × 5 km each, in one admin_province layer (as the 34 of a
    // national workspace): parcels and grid cells end at the border and record their province.
    pa::test::TempDir dir;
    const auto ws = dir.file("n.gpkg");
    ASSERT_EQ(
        pa::test::runCli({"init", ws, "--province", "Việt Nam", "--crs", "EPSG:3405"}).exitCode, 0);
    pa::test::writeBytes(
        dir.file("provinces.csv"),
        "code,name_vi,wkt\nA,Tỉnh A,\"POLYGON((500000 2300000,506000 2300000,506000 2305000,"
        "500000 2305000,500000 2300000))\"\nB,Tỉnh B,\"POLYGON((506000 2300000,512000 2300000,"
        "512000 2305000,506000 2305000,506000 2300000))\"\n");
    ASSERT_EQ(pa::test::runCli({"import", ws, dir.file("provinces.csv"), "--kind", "admin_province",
                                "--src-crs", "EPSG:3405", "--code-field", "code", "--quiet"})
                  .exitCode,
              0);
    auto r = pa::test::runCli({"parcels", ws, "--count", "7000", "--seed", "3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("2 province(s)"), std::string::npos) << r.out;
    r = pa::test::runCli({"grid", ws, "--cell-km", "2", "--shape", "square"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto w = pa::layers::Workspace::open(ws, pa::gis::OpenMode::ReadOnly);
    auto one = [&](const std::string& sql) { return number(w, sql); };
    // Both provinces tiled, each parcel inside the province it names, none astride the border.
    EXPECT_NEAR(one("SELECT SUM(ST_Area(geom)) FROM parcels_synthetic") / 6e7, 1.0, 0.005);
    for (const char* layer : {"parcels_synthetic", "grid_2km_square"}) {
        EXPECT_EQ(one(std::string("SELECT COUNT(*) FROM ") + layer +
                      " x JOIN provinces p ON p.code = x.province_code WHERE ST_Area("
                      "ST_Intersection(x.geom, p.geom)) < ST_Area(x.geom) - 0.01"),
                  0)
            << layer;
        EXPECT_EQ(one(std::string("SELECT COUNT(DISTINCT province_code) FROM ") + layer), 2)
            << layer;
        EXPECT_EQ(one(std::string("SELECT COUNT(*) FROM ") + layer +
                      " WHERE province_code IS NULL OR province_code NOT IN ('A', 'B')"),
                  0)
            << layer;
    }
    EXPECT_NEAR(one("SELECT 1.0 * SUM(province_code = 'A') / COUNT(*) FROM parcels_synthetic"), 0.5,
                0.05);
    // The border at x = 506 km cuts the 2 km column 502–504… 504–506|506–508: 3 + 3 columns of
    // 3 rows (the top row 1 km high), codes naming the province.
    EXPECT_EQ(one("SELECT COUNT(*) FROM grid_2km_square"), 18);
    EXPECT_EQ(one("SELECT COUNT(*) FROM grid_2km_square WHERE code LIKE 'grid_2km_square:G-A-%'"),
              9);

    // Far fewer parcels than the area holds at 1.25 ha each parcel a share of the 1 km blocks,
    // said, at the usual sizes: 300 in 6,000 ha is one block in twenty, not 20-ha parcels.
    const auto few = dir.file("few.gpkg");
    std::filesystem::copy_file(ws, few);
    r = pa::test::runCli({"parcels", few, "--count", "300", "--layer", "few_parcels"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("of their 1 km blocks parcelled"), std::string::npos) << r.out;
    auto f = pa::layers::Workspace::open(few, pa::gis::OpenMode::ReadOnly);
    const double n = number(f, "SELECT COUNT(*) FROM few_parcels");
    EXPECT_GT(n, 50);
    EXPECT_LT(n, 1000);
    const double mean = number(f, "SELECT AVG(ST_Area(geom)) FROM few_parcels");
    EXPECT_GT(mean, 5000.0);
    EXPECT_LT(mean, 15000.0);
}
