// Small inputs that asked for minutes of CPU or gigabytes, and values that are no place on
// Earth (issue 19): refused up front with a message that names the limit and how to raise it,
// or handled by a method that finishes. The timings before and after are a benchmark
// (tests/bench/hostile_inputs.sh), not asserted here.

#include "TestSupport.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using pa::test::runCli;
using pa::test::runShell;

namespace {

/// A GeoJSON park whose ring runs through @p n random points around Thái Nguyên: it crosses
/// itself about n²/20 times.
std::string tangledPark(int n, const std::string& code)
{
    std::mt19937 random(42);
    std::uniform_real_distribution<double> dx(105.7, 106.0), dy(21.5, 21.8);
    std::ostringstream out;
    out.precision(10);
    out << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
        << R"({"code":")" << code
        << R"(","name":"KCN rối"},"geometry":{"type":"Polygon","coordinates":[[)";
    double x0 = 0, y0 = 0;
    for (int i = 0; i < n; ++i) {
        const double x = dx(random), y = dy(random);
        if (i == 0)
            x0 = x, y0 = y;
        out << '[' << x << ',' << y << "],";
    }
    out << '[' << x0 << ',' << y0 << "]]]}}]}";
    return out.str();
}

class HostileInput : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ws = dir.file("tn.gpkg");
        ASSERT_EQ(pa::test::thaiNguyenWorkspace(ws, "thai_nguyen/province_pre2025_odm.geojson",
                                                "admin_province", "province"),
                  "");
    }
    /// Imports @p n triangular parks P1…Pn, 2 km apart, as layer 'parks' (VN-2000 metres).
    void importParks(int n)
    {
        std::string csv = "code,name_vi,wkt\n";
        for (int i = 0; i < n; ++i) {
            const int x = 430000 + 2000 * i;
            csv += "P" + std::to_string(i + 1) + ",Khu " + std::to_string(i + 1) + ",\"POLYGON((" +
                   std::to_string(x) + " 2380000," + std::to_string(x + 1000) + " 2380000," +
                   std::to_string(x + 1000) + " 2381000," + std::to_string(x) + " 2380000))\"\n";
        }
        pa::test::writeBytes(dir.file("p.csv"), csv);
        ASSERT_EQ(runCli({"import", ws, dir.file("p.csv"), "--kind", "industrial_park", "--layer",
                          "parks", "--code-field", "code", "--src-crs", "EPSG:9213", "--quiet"})
                      .exitCode,
                  0);
    }
    /// Runs the Python @p statements on the workspace as another tool would (sqlite3 as `c`,
    /// struct imported), without the parks' R-tree triggers (they call GDAL's GeoPackage
    /// functions, which plain SQLite lacks); commits.
    [[nodiscard]] pa::test::CommandResult rewriteParks(const std::string& statements) const
    {
        return pa::test::run(
            {"/usr/bin/python3", "-c",
             "import sqlite3, struct, sys\n"
             "c = sqlite3.connect(sys.argv[1])\n"
             "for (name,) in c.execute(\"SELECT name FROM sqlite_master WHERE type = 'trigger' "
             "AND name LIKE 'rtree_parks_%'\").fetchall(): c.execute('DROP TRIGGER \"%s\"' % "
             "name)\n" +
                 statements + "c.commit()\n",
             ws});
    }
    pa::test::TempDir dir;
    std::string ws;
};

} // namespace

TEST_F(HostileInput, ATangledRingIsRepairedByAMethodThatFinishesOrRefused)
{
    pa::test::writeBytes(dir.file("t400.geojson"), tangledPark(400, "T400"));
    pa::test::writeBytes(dir.file("t400b.geojson"), tangledPark(400, "T400B"));
    auto r = runCli({"import", ws, dir.file("t400.geojson"), "--kind", "industrial_park",
                     "--code-field", "code"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE((r.out + r.err).find("structure method"), std::string::npos) << r.out << r.err;

    pa::test::writeBytes(dir.file("t1000.geojson"), tangledPark(1000, "T1000"));
    const std::string before = pa::test::readBytes(ws);
    r = runCli({"import", ws, dir.file("t1000.geojson"), "--kind", "industrial_park", "--layer",
                "tangled", "--code-field", "code"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("t1000.geojson"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("feature 1"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("PLANATLAS_LIMIT_REPAIR_CROSSINGS"), std::string::npos) << r.err;
    EXPECT_EQ(pa::test::readBytes(ws), before);
    // The limit is one setting away, both ways.
    r = runShell("PLANATLAS_LIMIT_REPAIR_CROSSINGS=1000 exec \"$@\"",
                 {pa::test::cliPath(), "import", ws, dir.file("t400b.geojson"), "--kind",
                  "industrial_park", "--layer", "again", "--code-field", "code"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("more than 1000 points"), std::string::npos) << r.err;
}

TEST_F(HostileInput, GridsMapsAndParcelsPastReasonAreRefusedUpFront)
{
    auto r = runCli({"grid", ws, "--cell-km", "0,0001"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("PLANATLAS_LIMIT_GRID_CELLS"), std::string::npos) << r.err;
    r = runShell("PLANATLAS_LIMIT_GRID_CELLS=10 exec \"$@\"",
                 {pa::test::cliPath(), "grid", ws, "--cell-km", "20"});
    EXPECT_EQ(r.exitCode, 2) << r.err; // ~30 cells of 20 km over Thái Nguyên
    EXPECT_EQ(runCli({"grid", ws, "--cell-km", "20"}).exitCode, 0);

    for (const char* extent : {"nan,0,1,1", "-1e308,-1e308,1e308,1e308", "0,0,inf,1"}) {
        r = runCli({"map", ws, "-o", dir.file("e.png"), "--extent", extent});
        EXPECT_EQ(r.exitCode, 2) << extent;
        EXPECT_NE(r.err.find("is not a coordinate"), std::string::npos) << r.err;
    }
    r = runShell(
        "PLANATLAS_LIMIT_MAP_PIXELS=1000000 exec \"$@\"",
        {pa::test::cliPath(), "map", ws, "-o", dir.file("big.png"), "--size", "1600x1200"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("PLANATLAS_LIMIT_MAP_PIXELS"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.file("big.png")));

    // 20 million parcels cannot fit in a province of 353,000 ha at 0.025 ha each: said, up front.
    r = runCli({"parcels", ws, "--count", "20.000.000"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--count"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("20000000 is more than that"), std::string::npos) << r.err;
}

TEST_F(HostileInput, ADocxOfMillionsOfAmpersandsIsReadInLinearTime)
{
    // 4 MB of '&' without a ';' made the entity scan quadratic (92 s). The test only checks
    // the result; the time is in tests/bench/hostile_inputs.sh.
    const std::string body = "<w:p><w:r><w:t>1. Sở Công Thương chủ trì xây dựng kế hoạch phát "
                             "triển cụm công nghiệp.</w:t></w:r></w:p><w:p><w:r><w:t>" +
                             std::string(1'000'000, '&') + "&#0;</w:t></w:r></w:p>";
    const std::string script =
        "import sys, zipfile\n"
        "z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\n"
        "z.writestr('[Content_Types].xml', '<Types/>')\n"
        "z.writestr('word/document.xml', '<w:document><w:body>' + open(sys.argv[2]).read() + "
        "'</w:body></w:document>')\n";
    pa::test::writeBytes(dir.file("body.xml"), body);
    const auto made = pa::test::run(
        {"/usr/bin/python3", "-c", script, dir.file("amp.docx"), dir.file("body.xml")});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const auto r = runCli({"ingest", "--format", "json", dir.file("amp.docx")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Sở Công Thương"), std::string::npos);
    EXPECT_EQ(r.out.find("\\u0000"), std::string::npos); // the NUL entity is removed, said
    EXPECT_NE(r.out.find("1 control character(s) (1 NUL) removed"), std::string::npos);
}

TEST_F(HostileInput, GarbageIsNotImportedAsData)
{
    const std::string before = pa::test::readBytes(ws);
    auto import = [&](const std::string& file, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{
            "import",       ws,     file,        "--kind",   "industrial_park",
            "--code-field", "code", "--src-crs", "EPSG:9213"};
        args.insert(args.end(), extra.begin(), extra.end());
        return runCli(args);
    };
    // WKT that cannot be read: the rows are named, nothing is imported.
    pa::test::writeBytes(dir.file("bad.csv"),
                         "code,name_vi,wkt\n"
                         "A,Một,\"POLYGON((430000 2380000,431000 2380000,431000 2381000,"
                         "430000 2380000))\"\n"
                         "B,Hai,garbage\n"
                         "C,Ba,\"POLYGON((nan nan,1 1,2 2,nan nan))\"\n");
    auto r = import(dir.file("bad.csv"));
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("row 2 ('garbage')"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("row 3"), std::string::npos) << r.err;
    // No feature with a geometry at all.
    pa::test::writeBytes(dir.file("none.geojson"),
                         R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                         R"("properties":{"code":"N1","name_vi":"Không"},"geometry":null}]})");
    r = import(dir.file("none.geojson"));
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("none of its 1 feature(s) has a geometry"), std::string::npos) << r.err;
    // VN-2000 metres declared as Web Mercator: 9 000 km away, refused with the reason.
    pa::test::writeBytes(dir.file("metres.csv"),
                         "code,name_vi,wkt\nM1,KCN,\"POINT(432000 2381000)\"\n");
    r = runCli({"import", ws, dir.file("metres.csv"), "--kind", "urban_centre", "--code-field",
                "code", "--src-crs", "EPSG:3857"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("outside the province"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--src-crs"), std::string::npos) << r.err;
    // One stray feature among good ones: imported, and counted in a warning.
    pa::test::writeBytes(dir.file("stray.csv"),
                         "code,name_vi,lon,lat\nS1,Một,105.84,21.59\nS2,Chile,-70.6,-33.4\n");
    r = runCli({"import", ws, dir.file("stray.csv"), "--kind", "urban_centre", "--code-field",
                "code", "--src-crs", "EPSG:4326"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE((r.out + r.err).find("1 feature lies more than 100 km outside the province ("),
              std::string::npos)
        << r.out << r.err;
    EXPECT_NE((r.out + r.err)
                  .find(" km away): feature 2 (check them, or give the right CRS with "
                        "--src-crs)"),
              std::string::npos)
        << r.out << r.err;
    // A code that holds the review files' separator.
    pa::test::writeBytes(dir.file("codes.csv"), "code,name_vi,lon,lat\nK;1,Một,105.84,21.59\n");
    r = runCli({"import", ws, dir.file("codes.csv"), "--kind", "market_logistics", "--code-field",
                "code", "--src-crs", "EPSG:4326"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("holds ';' or ','"), std::string::npos) << r.err;
}

TEST_F(HostileInput, CsvCellsCannotBecomeFormulasAndConfidencesAreProbabilities)
{
    pa::test::writeBytes(dir.file("u.csv"), "code,name_vi,lon,lat\nU1,Thái Nguyên,105.84,21.59\n");
    auto r = runCli({"import", ws, dir.file("u.csv"), "--kind", "urban_centre", "--code-field",
                     "code", "--src-crs", "EPSG:4326", "--quiet"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    pa::test::writeBytes(dir.file("f.csv"),
                         "code,name_vi,wkt\nF1,\"=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\","
                         "\"POLYGON((430000 2380000,431000 2380000,431000 2381000,430000 "
                         "2380000))\"\n");
    r = runCli({"import", ws, dir.file("f.csv"), "--kind", "industrial_park", "--code-field",
                "code", "--src-crs", "EPSG:9213", "--quiet"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = runCli({"analyze", ws, "access", "--to", "urban_centre"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.find(",=HYPERLINK"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(",\"=HYPERLINK"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("'=HYPERLINK"), std::string::npos) << r.out;

    for (const char* bad : {"2", "-1", "nan", "abc"}) {
        r = runCli({"link", ws, "accept", "--min-confidence", bad});
        EXPECT_EQ(r.exitCode, 2) << bad << ": " << r.err;
    }
    EXPECT_EQ(runCli({"link", ws, "accept", "--min-confidence", "0,8"}).exitCode, 0);
}

namespace {
/// Runs @p sql on @p gpkg with Python's sqlite3, as someone editing the file outside PlanAtlas.
void tamper(const std::string& gpkg, const std::string& sql)
{
    const auto r = pa::test::run({"/usr/bin/python3", "-c",
                                  "import sqlite3, sys\n"
                                  "c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); "
                                  "c.commit()",
                                  gpkg, sql});
    ASSERT_EQ(r.exitCode, 0) << r.err;
}
} // namespace

TEST_F(HostileInput, ACraftedWorkspaceIsOpenedDefensively)
{
    // A trigger planted on a PlanAtlas table would run on every write (one deleted a document
    // during an import): writes refuse the workspace, validate names the trigger, --trust
    // lets a planner who knows what it does go on.
    tamper(ws, "CREATE TRIGGER planted AFTER INSERT ON pa_layers BEGIN DELETE FROM "
               "plan_documents; END;");
    const std::string before = pa::test::readBytes(ws);
    pa::test::writeBytes(dir.file("u.csv"), "code,name_vi,lon,lat\nU1,Thái Nguyên,105.84,21.59\n");
    const std::vector<std::string> import{
        "import",       ws,     dir.file("u.csv"), "--kind",   "urban_centre",
        "--code-field", "code", "--src-crs",       "EPSG:4326"};
    auto r = runCli(import);
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("'planted' on pa_layers"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--trust"), std::string::npos) << r.err;
    EXPECT_EQ(pa::test::readBytes(ws), before);
    tamper(ws, "CREATE VIEW planted_view AS SELECT * FROM plan_tasks");
    r = runCli({"validate", ws});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.out.find("[triggers] trigger 'planted' on pa_layers"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("[triggers] view planted_view: made by another tool"), std::string::npos)
        << r.out;
    EXPECT_EQ(runCli({"info", ws}).exitCode, 0); // reading is harmless
    auto trusted = import;
    trusted.push_back("--trust");
    EXPECT_EQ(runCli(trusted).exitCode, 0);

    // A schema version that is not a number, or one from a future PlanAtlas.
    const std::string other = dir.file("other.gpkg");
    ASSERT_EQ(pa::test::thaiNguyenWorkspace(other, "thai_nguyen/province_pre2025_odm.geojson",
                                            "admin_province", "province"),
              "");
    tamper(other, "UPDATE pa_metadata SET value = '2; DROP TABLE plan_tasks' WHERE key = "
                  "'schema_version'");
    r = runCli({"info", other});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("is not a number"), std::string::npos) << r.err;
    tamper(other, "UPDATE pa_metadata SET value = '99' WHERE key = 'schema_version'");
    r = runCli({"info", other});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("newer than this PlanAtlas"), std::string::npos) << r.err;

    // Tables dropped behind PlanAtlas's back (one with a view in its place): named on opening,
    // not raw SQL later (exit 5).
    tamper(other, "UPDATE pa_metadata SET value = '3' WHERE key = 'schema_version'; "
                  "DROP TABLE plan_tasks; DROP TABLE province; "
                  "CREATE VIEW plan_tasks AS SELECT * FROM plan_documents;");
    for (const std::vector<std::string>& command : {std::vector<std::string>{"info", other},
                                                    {"analyze", other, "footprint"},
                                                    {"map", other, "-o", dir.file("m.png")}}) {
        r = runCli(command);
        EXPECT_EQ(r.exitCode, 4) << command[0] << ": " << r.err;
        EXPECT_NE(r.err.find("2 table(s) are missing (plan_tasks, province (a registered layer))"),
                  std::string::npos)
            << r.err;
    }
}

TEST_F(HostileInput, ValidateFindsGeometryNoImportWouldWrite)
{
    importParks(2);
    ASSERT_EQ(runCli({"validate", ws}).exitCode, 0);
    // Another tool writes a point into the polygon table and a point at 1e308 (GeoPackage
    // blobs made by hand).
    const auto r = rewriteParks(
        "blob = lambda x, y: b'GP\\x00\\x01' + struct.pack('<i', 9213) + b'\\x01' + "
        "struct.pack('<I', 1) + struct.pack('<dd', x, y)\n"
        "c.execute('UPDATE parks SET geom = ? WHERE code = ?', (blob(430500, 2380500), 'P1'))\n"
        "c.execute('UPDATE parks SET geom = ? WHERE code = ?', (blob(1e308, 1e308), 'P2'))\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto v = runCli({"validate", ws});
    EXPECT_EQ(v.exitCode, 1);
    EXPECT_NE(v.out.find("feature P1: Point in a layer"), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("feature P2: coordinates that are no place on Earth"), std::string::npos)
        << v.out;
}

TEST_F(HostileInput, ADamagedGeometryIsNamedAndTheRestIsStillChecked)
{
    importParks(3);
    // P2's blob cut short: a GeoPackage header and four bytes of WKB (a disk error, a tool
    // that died mid-write).
    const auto r = rewriteParks(
        "c.execute(\"UPDATE parks SET geom = X'4750000100000000DEADBEEF' WHERE code = 'P2'\")\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // validate names it, with its code, and goes on to the features after it.
    auto v = runCli({"validate", ws});
    EXPECT_EQ(v.exitCode, 1) << v.err;
    EXPECT_NE(v.out.find("layer parks, feature fid 2 (P2): damaged"), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("4 feature(s) checked"), std::string::npos) << v.out; // province + 3
    // Analyses and maps stop with a workspace error that names it, not an internal error.
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"analyze", ws, "coverage", "--units", "province"},
          {"map", ws, "-o", dir.file("m.png")}}) {
        v = runCli(command);
        EXPECT_EQ(v.exitCode, 4) << command[0] << ": " << v.err;
        EXPECT_NE(v.err.find("damaged: layer 'parks', feature fid 2"), std::string::npos) << v.err;
        EXPECT_NE(v.err.find("planatlas validate"), std::string::npos) << v.err;
    }
}

TEST_F(HostileInput, AGeometryInSpatiaLitesFormatIsNamedNotLeftOut)
{
    importParks(3);
    // P2 rewritten by a SpatiaLite tool: the same kind of polygon in SpatiaLite's own blob.
    // GDAL reads it; PlanAtlas's own reader of GeoPackage geometries must not skip it unsaid.
    const auto r = rewriteParks(
        "pts = [(432000, 2380000), (433000, 2380000), (433000, 2381000), (432000, 2380000)]\n"
        "blob = b'\\x00\\x01' + struct.pack('<i', 9213) + struct.pack('<4d', 432000, 2380000, "
        "433000, 2381000) + b'\\x7c' + struct.pack('<iii', 3, 1, len(pts)) + "
        "b''.join(struct.pack('<dd', *p) for p in pts) + b'\\xfe'\n"
        "c.execute('UPDATE parks SET geom = ? WHERE code = ?', (blob, 'P2'))\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto v = runCli({"validate", ws});
    EXPECT_EQ(v.exitCode, 1) << v.err;
    EXPECT_NE(v.out.find("layer parks: 1 feature(s) (fid 2) hold a geometry in SpatiaLite's "
                         "format"),
              std::string::npos)
        << v.out;
    EXPECT_EQ(v.out.find("fid 2 (P2): damaged"), std::string::npos) << v.out; // said once
    // The corridor analysis, which reads the parks' geometries itself, stops and names the
    // feature (before, it answered without P2 and did not say so).
    pa::test::writeBytes(dir.file("e.csv"), "code,name_vi,wkt\nE1,Cao tốc,\"LINESTRING(429000 "
                                            "2379500,436000 2379500)\"\n");
    ASSERT_EQ(runCli({"import", ws, dir.file("e.csv"), "--kind", "expressway", "--layer", "roads",
                      "--code-field", "code", "--src-crs", "EPSG:9213", "--quiet"})
                  .exitCode,
              0);
    v = runCli({"analyze", ws, "corridor", "--distance-km", "1", "--layer", "parks"});
    EXPECT_EQ(v.exitCode, 4) << v.err;
    EXPECT_NE(v.err.find("layer 'parks', feature fid 2: its geometry is a SpatiaLite geometry"),
              std::string::npos)
        << v.err;
    EXPECT_NE(v.err.find("planatlas validate"), std::string::npos) << v.err;
}

TEST_F(HostileInput, ACrsDefinitionReplacedUnderItsCodeIsFound)
{
    ASSERT_EQ(runCli({"validate", ws}).exitCode, 0);
    // The VN-2000 entry keeps its code 9213 but now defines WGS 84: GDAL goes by the code, a
    // tool that reads the definition would put the province near Null Island.
    tamper(ws, "UPDATE gpkg_spatial_ref_sys SET definition = (SELECT definition FROM "
               "gpkg_spatial_ref_sys WHERE srs_id = 4326) WHERE srs_id = 9213");
    auto r = runCli({"validate", ws});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.out.find("[crs] gpkg_spatial_ref_sys srs_id 9213: says EPSG:9213 but its "
                         "definition describes another CRS (EPSG:4326)"),
              std::string::npos)
        << r.out;
    tamper(ws, "UPDATE gpkg_spatial_ref_sys SET definition = 'nonsense' WHERE srs_id = 9213");
    r = runCli({"validate", ws});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.out.find("srs_id 9213: its definition cannot be read as a CRS"), std::string::npos)
        << r.out;
}

TEST_F(HostileInput, ACodeCarriedByTwoFeaturesIsNotLinkedByGuess)
{
    importParks(2);
    // Another tool gives a feature of a second layer a code already used (import refuses
    // that; GDAL's own SQL keeps the R-tree triggers working).
    pa::test::writeBytes(dir.file("q.csv"), "code,name_vi,lon,lat\nQ1,Chợ,105.84,21.59\n");
    ASSERT_EQ(runCli({"import", ws, dir.file("q.csv"), "--kind", "market_logistics", "--layer",
                      "markets", "--code-field", "code", "--src-crs", "EPSG:4326", "--quiet"})
                  .exitCode,
              0);
    const auto tampered =
        pa::test::run({"ogrinfo", "-q", ws, "-sql", "UPDATE markets SET code = 'P1'"});
    ASSERT_EQ(tampered.exitCode, 0) << tampered.err;
    ASSERT_EQ(runCli({"ingest", ws,
                      (pa::test::sourceDir() /
                       "tests/data/plans/synthetic/thanh-hoa_ctr-hanh-dong-synthetic.txt")
                          .string(),
                      "--doc-id", "synthetic"})
                  .exitCode,
              0);
    const auto task =
        pa::test::run({"/usr/bin/python3", "-c",
                       "import sqlite3, sys\n"
                       "print(sqlite3.connect(sys.argv[1]).execute('SELECT task_id "
                       "FROM plan_tasks ORDER BY fid LIMIT 1').fetchone()[0], end='')",
                       ws});
    ASSERT_EQ(task.exitCode, 0) << task.err;
    const std::string before = pa::test::readBytes(ws);
    const auto r = runCli({"link", ws, "add", "--task", task.out, "--feature", "P1"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("the code 'P1' belongs to 2 features (parks fid 1, markets fid 1)"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(pa::test::readBytes(ws), before);
    // A task id holding quotes is only an id that does not exist.
    const auto quoted = runCli({"link", ws, "add", "--task", "x' OR '1'='1", "--feature", "P1"});
    EXPECT_EQ(quoted.exitCode, 2);
    EXPECT_NE(quoted.err.find("no task 'x' OR '1'='1'"), std::string::npos) << quoted.err;
    EXPECT_EQ(pa::test::readBytes(ws), before);
}

TEST_F(HostileInput, AKmzThatInflatesAThousandfoldIsRefusedFromItsDirectory)
{
    // 80 MB of one placemark name, deflated to about 80 KB (the issue's was 512 MB from 522 KB).
    const auto made = pa::test::run(
        {"/usr/bin/python3", "-c",
         "import sys, zipfile\n"
         "kml = ('<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
         "<Placemark><name>' + 'A' * (80 << 20) + '</name><Point><coordinates>105.8,21.6"
         "</coordinates></Point></Placemark></Document></kml>')\n"
         "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
         "    z.writestr('doc.kml', kml)\n",
         dir.file("bomb.kmz")});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const std::string before = pa::test::readBytes(ws);
    auto r = runCli({"import", ws, dir.file("bomb.kmz"), "--kind", "urban_centre"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("bomb.kmz: expands from"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("PLANATLAS_LIMIT_ARCHIVE_EXPANSION"), std::string::npos) << r.err;
    EXPECT_EQ(pa::test::readBytes(ws), before);
    // An ordinary KMZ is far below the limit.
    EXPECT_EQ(runCli({"import", ws, (pa::test::sourceDir() / "tests/data/places.kmz").string(),
                      "--kind", "urban_centre", "--layer", "places", "--quiet"})
                  .err.find("expands from"),
              std::string::npos);
}

TEST_F(HostileInput, AnAnalysisCrsEditedToDegreesIsRefusedNotComputedIn)
{
    // Edited to WGS 84, coverage gave 0.0000 ha everywhere and corridors 2,400 km, exit 0.
    tamper(ws, "UPDATE pa_metadata SET value = 'EPSG:4326' WHERE key = 'analysis_crs'");
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"analyze", ws, "coverage", "--units", "province"},
          {"validate", ws},
          {"info", ws}}) {
        const auto r = runCli(command);
        EXPECT_EQ(r.exitCode, 4) << command[0] << ": " << r.err;
        EXPECT_NE(r.err.find("its analysis CRS EPSG:4326 (WGS 84) is not a projected CRS in "
                             "metres"),
                  std::string::npos)
            << r.err;
    }
}
