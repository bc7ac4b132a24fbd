// The planatlas executable as a user runs it: help, exit codes, messages, JSON output, and the
// GeoPackage it writes checked by GDAL's own validator and relationship reader.

#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Workspace.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using pa::test::runCli;

namespace {

const std::string kPython = "/usr/bin/python3"; // Debian's, with python3-gdal

std::string initWorkspace(const pa::test::TempDir& dir)
{
    const std::string ws = dir.file("tn.gpkg");
    const auto r = runCli({"init", ws, "--province", "Thái Nguyên", "--crs", "EPSG:9213"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return ws;
}

void importDistricts(const std::string& ws)
{
    const auto r = runCli(
        {"import", ws, pa::test::sampleData("thai_nguyen/districts_pre2025_geoboundaries.geojson"),
         "--kind", "admin_district", "--layer", "districts", "--code-field", "shapeID", "--quiet"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
}

} // namespace

TEST(Cli, HelpForEveryCommand)
{
    const auto top = runCli({"--help"});
    EXPECT_EQ(top.exitCode, 0);
    EXPECT_NE(top.out.find("exit codes"), std::string::npos);
    for (const char* command : {"init", "import", "info", "validate"}) {
        const auto r = runCli({command, "--help"});
        EXPECT_EQ(r.exitCode, 0) << command;
        EXPECT_NE(r.out.find(std::string("usage: planatlas ") + command), std::string::npos)
            << r.out;
    }
    EXPECT_NE(runCli({"import", "--help"}).out.find("industrial_park"), std::string::npos);
    EXPECT_EQ(runCli({}).exitCode, 2);
    EXPECT_EQ(runCli({"frobnicate"}).exitCode, 2);
    const auto bogus = runCli({"info", "--bogus", "x.gpkg"});
    EXPECT_EQ(bogus.exitCode, 2);
    // Said once, with where to look: not "planatlas info: planatlas info: …".
    EXPECT_EQ(
        bogus.err.find("planatlas info: unknown option '--bogus' (see 'planatlas info --help')"),
        0u)
        << bogus.err;
    const auto version = runCli({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_NE(version.out.find("GDAL"), std::string::npos);
}

// planatlas starts the program a command needs (app/Commands.h): analyses and links without
// Qt's painter and the PDF and OCR readers (poppler-cpp, Tesseract; GDAL brings Poppler itself),
// maps and plan documents with them. Whichever program is started by hand answers every command.
TEST(Cli, AnalysesStartWithoutTheMapPainterOrTheDocumentReaders)
{
    const fs::path dir = fs::path(pa::test::cliPath()).parent_path();
    auto libraries = [](const fs::path& program) {
        const auto r = pa::test::run({"/usr/bin/ldd", program.string()});
        EXPECT_EQ(r.exitCode, 0) << program << r.err;
        return r.out;
    };
    const std::string launcher = libraries(pa::test::cliPath());
    EXPECT_EQ(launcher.find("libgdal"), std::string::npos) << launcher;
    EXPECT_EQ(launcher.find("libQt6"), std::string::npos) << launcher;
    const std::string core = libraries(dir / "planatlas-core");
    EXPECT_NE(core.find("libgdal"), std::string::npos) << core;
    for (const char* library : {"libQt6", "libpoppler-cpp", "libtesseract", "liblept"})
        EXPECT_EQ(core.find(library), std::string::npos) << library << "\n" << core;
    const std::string full = libraries(dir / "planatlas-full");
    for (const char* library : {"libQt6Gui", "libpoppler-cpp", "libtesseract", "liblept"})
        EXPECT_NE(full.find(library), std::string::npos) << library;

    // The core program hands a map command to the full program; the full program runs all.
    const auto viaCore = pa::test::run({(dir / "planatlas-core").string(), "map", "--help"});
    EXPECT_EQ(viaCore.exitCode, 0) << viaCore.err;
    EXPECT_EQ(viaCore.out, runCli({"map", "--help"}).out);
    EXPECT_EQ(viaCore.out.find("usage: planatlas map "), 0u) << viaCore.out;
    const auto analyzeInFull =
        pa::test::run({(dir / "planatlas-full").string(), "analyze", "--help"});
    EXPECT_EQ(analyzeInFull.exitCode, 0) << analyzeInFull.err;
    EXPECT_EQ(analyzeInFull.out, runCli({"analyze", "--help"}).out);
    // A plan document read through the core program, started by hand, as through the launcher.
    const std::string plan =
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt").string();
    const auto ingestViaCore =
        pa::test::run({(dir / "planatlas-core").string(), "ingest", "--format", "json", plan});
    EXPECT_EQ(ingestViaCore.exitCode, 0) << ingestViaCore.err;
    EXPECT_EQ(ingestViaCore.out, runCli({"ingest", "--format", "json", plan}).out);
    EXPECT_NE(ingestViaCore.out.find("2907/UBND-CNNXD"), std::string::npos);
    // Exit codes pass through the launcher unchanged.
    EXPECT_EQ(runCli({"map", "--bogus"}).exitCode, 2);
    EXPECT_EQ(runCli({"info", "/nonexistent/ws.gpkg"}).exitCode,
              pa::test::run({(dir / "planatlas-core").string(), "info", "/nonexistent/ws.gpkg"})
                  .exitCode);
    // A launcher copied away from its programs says which one it could not start.
    pa::test::TempDir alone;
    const std::string lone = alone.file("planatlas");
    fs::copy_file(pa::test::cliPath(), lone);
    const auto missing = pa::test::run({lone, "info", "ws.gpkg"});
    EXPECT_EQ(missing.exitCode, 5);
    EXPECT_NE(missing.err.find("cannot start " + alone.file("planatlas-core")), std::string::npos)
        << missing.err;
}

TEST(Cli, InitImportInfoValidate)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    const auto imp = runCli(
        {"import", ws, pa::test::sampleData("thai_nguyen/districts_pre2025_geoboundaries.geojson"),
         "--kind", "admin_district", "--layer", "districts", "--code-field", "shapeID", "--licence",
         "CC BY 3.0 IGO", "--valid-to", "2025-06-30"});
    ASSERT_EQ(imp.exitCode, 0) << imp.err;
    EXPECT_NE(imp.out.find("Imported 9 feature(s) into layer 'districts'"), std::string::npos)
        << imp.out;
    const auto shp =
        runCli({"import", ws, pa::test::fixture("kcn_tcvn3.shp"), "--kind", "industrial_park",
                "--encoding", "tcvn3", "--field", "name_vi=TEN_KCN", "--code-field", "MA_KCN",
                "--quality", "indicative", "--licence", "illustrative test data"});
    ASSERT_EQ(shp.exitCode, 0) << shp.err;

    const auto info = runCli({"info", ws, "--format", "json"});
    ASSERT_EQ(info.exitCode, 0) << info.err;
    const auto j = nlohmann::json::parse(info.out);
    EXPECT_EQ(j["crs"], "EPSG:9213");
    ASSERT_EQ(j["layers"].size(), 2u);
    EXPECT_EQ(j["layers"][0]["name"], "districts");
    EXPECT_EQ(j["layers"][0]["kind"], "admin_district");
    EXPECT_EQ(j["layers"][0]["features"], 9);
    EXPECT_EQ(j["layers"][0]["geometry_type"], "Multi Polygon");
    EXPECT_EQ(j["layers"][1]["features"], 3);
    for (const char* key : {"documents", "tasks", "agencies", "targets", "links"})
        EXPECT_EQ(j[key], 0) << key;
    EXPECT_EQ(j["relationships"].size(), 2u);
    EXPECT_EQ(j["relationships"][0]["cardinality"], "many-to-many");

    const auto text = runCli({"info", ws});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("VN-2000 / TM-3 106-30"), std::string::npos) << text.out;

    const auto valid = runCli({"validate", ws});
    EXPECT_EQ(valid.exitCode, 0) << valid.out << valid.err;
    EXPECT_NE(valid.out.find("0 error(s)"), std::string::npos) << valid.out;
}

TEST(Cli, WorkspacePassesGdalsGeoPackageValidatorAndShowsItsRelationships)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    ASSERT_EQ(runCli({"import", ws, pa::test::fixture("invalid_polygons.geojson"), "--kind",
                      "industrial_cluster", "--code-field", "code"})
                  .exitCode,
              0);
    const auto validator =
        pa::test::run({kPython, "/usr/share/doc/python3-gdal/examples/validate_gpkg.py", ws});
    EXPECT_EQ(validator.exitCode, 0) << validator.out << validator.err;
    // GDAL itself reads the feature↔task link as a Related Tables relationship.
    const auto gdal =
        pa::test::run({kPython, "-c",
                       "import sys; from osgeo import gdal; ds = gdal.OpenEx(sys.argv[1]); "
                       "r = ds.GetRelationship(ds.GetRelationshipNames()[0]); "
                       "print(r.GetLeftTableName(), r.GetRightTableName(), "
                       "r.GetMappingTableName(), r.GetCardinality() == gdal.GRC_MANY_TO_MANY)",
                       ws});
    EXPECT_EQ(gdal.exitCode, 0) << gdal.err;
    EXPECT_EQ(gdal.out, "invalid_polygons plan_tasks invalid_polygons_task_links True\n");
}

TEST(Cli, BadInputGivesAClearErrorAnExitCodeAndNoChange)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    const auto before = pa::test::readBytes(ws);
    pa::test::writeBytes(dir.file("empty.kml"), "");
    for (const char* ext : {".shp", ".shx", ".dbf"})
        fs::copy_file(pa::test::fixture(std::string("kcn_tcvn3") + ext),
                      dir.file(std::string("noprj") + ext));
    const auto gpkg = pa::test::readBytes(pa::test::fixture("two_layers.gpkg"));
    pa::test::writeBytes(dir.file("cut.gpkg"), gpkg.substr(0, gpkg.size() / 3));

    struct Case
    {
        std::vector<std::string> args;
        int exitCode;
        std::string mention;
    };
    const std::vector<Case> cases = {
        {{"import", ws, dir.file("nothere.geojson"), "--kind", "industrial_park"},
         3,
         "no such file"},
        {{"import", ws, dir.file("empty.kml"), "--kind", "industrial_park"},
         3,
         "empty.kml: the file is empty"},
        {{"import", ws, pa::test::fixture("broken.geojson").string(), "--kind", "industrial_park"},
         3,
         "broken.geojson"},
        {{"import", ws, dir.file("cut.gpkg"), "--kind", "industrial_cluster", "--source-layer",
          "ccn"},
         3,
         "cut.gpkg"},
        {{"import", ws, dir.file("noprj.shp"), "--kind", "industrial_park", "--field",
          "name_vi=TEN_KCN"},
         3,
         "no coordinate reference system"},
        {{"import", ws, pa::test::fixture("road_line.geojson").string(), "--kind",
          "industrial_park"},
         3,
         "has line geometries"},
        {{"import", ws, pa::test::fixture("road_line.geojson").string(), "--kind", "airport"},
         2,
         "unknown kind 'airport'"},
        {{"import", ws, pa::test::fixture("road_line.geojson").string()}, 2, "--kind"},
        {{"import", ws, pa::test::fixture("urban_centres.csv").string(), "--kind", "urban_centre",
          "--encoding", "koi8"},
         2,
         "--encoding"},
        {{"init", ws, "--province", "Thái Nguyên", "--crs", "EPSG:9213"}, 4, "already exists"},
        {{"init", dir.file("geo.gpkg"), "--province", "Thái Nguyên", "--crs", "EPSG:4326"},
         2,
         "not a projected CRS"},
        {{"info", dir.file("nothere.gpkg")}, 4, "does not exist"},
    };
    for (const auto& c : cases) {
        const auto r = runCli(c.args);
        EXPECT_EQ(r.exitCode, c.exitCode) << c.args[0] << " " << c.args[2] << ": " << r.err;
        EXPECT_NE(r.err.find(c.mention), std::string::npos) << r.err;
        EXPECT_EQ(pa::test::readBytes(ws), before) << c.args[2];
    }
    EXPECT_FALSE(fs::exists(dir.file("geo.gpkg")));

    // A read-only workspace.
    fs::permissions(ws, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto ro =
        runCli({"import", ws, pa::test::fixture("places.kml"), "--kind", "tourism_area"});
    EXPECT_EQ(ro.exitCode, 4);
    EXPECT_NE(ro.err.find("read-only"), std::string::npos) << ro.err;
    EXPECT_EQ(pa::test::readBytes(ws), before);
}

TEST(Cli, ValidateExitsNonZeroOnProblems)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    ASSERT_EQ(
        runCli({"import", ws, pa::test::fixture("places.kml"), "--kind", "tourism_area"}).exitCode,
        0);
    // A link to a feature and a task that do not exist, as a careless edit elsewhere leaves it.
    const auto edit = pa::test::run({kPython, "-c",
                                     "import sys, sqlite3; c = sqlite3.connect(sys.argv[1]); "
                                     "c.execute('INSERT INTO dia_danh_task_links (base_id, "
                                     "related_id) VALUES (42, 7)'); c.commit()",
                                     ws});
    ASSERT_EQ(edit.exitCode, 0) << edit.err;
    const auto r = runCli({"validate", ws, "--format", "json"});
    EXPECT_EQ(r.exitCode, 1);
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["errors"], 2);
    EXPECT_EQ(j["problems"][0]["check"], "links");
}

TEST(Cli, SampleWorkspaceBuiltFromDataIsValid)
{
    PLANATLAS_NEEDS_SAMPLE();
    const auto sample = pa::test::sampleWorkspace();
    ASSERT_TRUE(fs::exists(sample)) << sample;
    const auto info = runCli({"info", sample.string(), "--format", "json"});
    ASSERT_EQ(info.exitCode, 0) << info.err;
    const auto j = nlohmann::json::parse(info.out);
    EXPECT_EQ(j["province"], "Thái Nguyên");
    std::map<std::string, int> features;
    for (const auto& layer : j["layers"])
        features[layer["name"]] = layer["features"];
    EXPECT_EQ(features["province_pre2025"], 1);
    EXPECT_EQ(features["province_2025"], 1);
    EXPECT_EQ(features["districts_pre2025"], 9);
    EXPECT_EQ(features["national_roads"], 8); // the LegoCity roads marked as crossing Thái Nguyên
    EXPECT_EQ(features["railways"], 2);
    EXPECT_EQ(features["hydropower"], 1); // Hồ Núi Cốc
    EXPECT_EQ(j["admin_units"], 11);
    EXPECT_EQ(j["crosswalk"], 10);
    EXPECT_EQ(j["documents"], 4);
    EXPECT_EQ(j["tasks"], 257);
    const auto valid = runCli({"validate", sample.string()});
    EXPECT_EQ(valid.exitCode, 0) << valid.out;
    for (const auto& workspace : {sample, pa::test::sampleWorkspaceThanhHoa()}) {
        const auto validator = pa::test::run(
            {kPython, "/usr/share/doc/python3-gdal/examples/validate_gpkg.py", workspace.string()});
        EXPECT_EQ(validator.exitCode, 0) << workspace << validator.out << validator.err;
    }
}

TEST(Cli, IngestPrintsThePlanAsJson)
{
    const auto r =
        runCli({"ingest", "--format", "json",
                pa::test::sampleData("thai_nguyen/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt")
                    .string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["document"]["type"], "Công văn");
    EXPECT_EQ(j["document"]["number"], "2907/UBND-CNNXD");
    EXPECT_EQ(j["document"]["date"], "2023-06-19");
    EXPECT_EQ(j["document"]["issuer"], "UBND tỉnh Thái Nguyên");
    EXPECT_EQ(j["document"]["province"], "Thái Nguyên");
    ASSERT_EQ(j["tasks"].size(), 38u);
    // 2.3. Sở Tài chính: Hằng năm, chủ trì, phối hợp với Sở Kế hoạch và Đầu tư …
    nlohmann::json t;
    for (const auto& task : j["tasks"])
        if (task["section"] == "2.3")
            t = task;
    ASSERT_FALSE(t.is_null());
    EXPECT_EQ(t["section"], "2.3");
    EXPECT_EQ(t["lead"], nlohmann::json::array({"Sở Tài chính"}));
    EXPECT_EQ(t["support"], nlohmann::json::array({"Sở Kế hoạch và Đầu tư"}));
    EXPECT_EQ(t["collective"], false);
    for (const char* key : {"id", "heading", "text", "places"})
        EXPECT_TRUE(t.contains(key)) << key;
    bool khdt = false;
    for (const auto& a : j["agencies"])
        khdt |= a["name"] == "Sở Kế hoạch và Đầu tư" && a["abbreviation"] == "Sở KH&ĐT" &&
                a["successor_2025"] == "Sở Tài chính" && a["level"] == "province";
    EXPECT_TRUE(khdt);
    ASSERT_FALSE(j["targets"].empty());
    for (const char* key : {"section", "text", "indicator", "comparator", "value", "value_max",
                            "unit", "year", "metric"})
        EXPECT_TRUE(j["targets"][0].contains(key)) << key;
}

TEST(Cli, IngestRefusesWhatIsNotAPlan)
{
    pa::test::TempDir dir;
    pa::test::writeBytes(dir.file("empty.txt"), "");
    const auto empty = runCli({"ingest", "--format", "json", dir.file("empty.txt")});
    EXPECT_EQ(empty.exitCode, 3);
    EXPECT_NE(empty.err.find("empty.txt: the file is empty"), std::string::npos) << empty.err;
    pa::test::writeBytes(dir.file("note.txt"), "Ghi chú họp giao ban, không có mục nào.\n");
    const auto prose = runCli({"ingest", dir.file("note.txt")});
    EXPECT_EQ(prose.exitCode, 3);
    EXPECT_NE(prose.err.find("no numbered sections"), std::string::npos) << prose.err;
    EXPECT_TRUE(prose.out.empty());
}

TEST(Cli, IngestIntoAWorkspaceAndRefusalLeavesItUnchanged)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    const auto r = runCli(
        {"ingest", ws,
         pa::test::sampleData("thai_nguyen/plans/thai-nguyen_kh-thuc-hien-ctr37-nq29_2023.txt")
             .string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("31 task(s) added"), std::string::npos) << r.out;
    const auto info = nlohmann::json::parse(runCli({"info", ws, "--format", "json"}).out);
    EXPECT_EQ(info["documents"], 1);
    EXPECT_EQ(info["tasks"], 31);
    EXPECT_EQ(info["targets"], 13);
    const auto before = pa::test::readBytes(ws);
    pa::test::writeBytes(dir.file("blob.txt"), std::string("\x01\x02\x03\x00\x04", 5));
    const auto bad = runCli({"ingest", ws, dir.file("blob.txt")});
    EXPECT_EQ(bad.exitCode, 3);
    EXPECT_EQ(pa::test::readBytes(ws), before);
    EXPECT_EQ(runCli({"validate", ws}).exitCode, 0);
}

TEST(Cli, LinkSuggestAcceptAddRemoveList)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    importDistricts(ws);
    ASSERT_EQ(runCli({"ingest", ws,
                      pa::test::sampleData(
                          "thai_nguyen/plans/thai-nguyen_kh-co-cau-lai-nen-kinh-te-nq54_2023.txt")
                          .string(),
                      "--doc-id", "kh54"})
                  .exitCode,
              0);
    const auto suggest = runCli({"link", ws, "suggest", "--format", "json"});
    ASSERT_EQ(suggest.exitCode, 0) << suggest.err;
    const auto s = nlohmann::json::parse(suggest.out);
    ASSERT_FALSE(s.empty());
    const auto accept = runCli({"link", ws, "accept", std::to_string(s[0]["id"].get<long long>())});
    EXPECT_EQ(accept.exitCode, 0) << accept.err;
    EXPECT_NE(accept.out.find("1 link(s) written"), std::string::npos);
    const auto list = nlohmann::json::parse(runCli({"link", ws, "list", "--format", "json"}).out);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["task"], s[0]["task"]);
    EXPECT_EQ(list[0]["source"], "gazetteer");
    EXPECT_EQ(
        runCli({"link", ws, "remove", "--task", list[0]["task"], "--feature", list[0]["feature"]})
            .exitCode,
        0);
    const auto again =
        runCli({"link", ws, "remove", "--task", list[0]["task"], "--feature", list[0]["feature"]});
    EXPECT_EQ(again.exitCode, 1);
    const auto before = pa::test::readBytes(ws);
    const auto bad = runCli({"link", ws, "add", "--task", "kh54:IX.9#9", "--feature", "X"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("no task 'kh54:IX.9#9'"), std::string::npos) << bad.err;
    EXPECT_EQ(pa::test::readBytes(ws), before);
    EXPECT_EQ(runCli({"link", ws, "frobnicate"}).exitCode, 2);
}

TEST(Cli, ListingsLineUpTaskIdsWrittenWithVietnameseLetters)
{
    PLANATLAS_NEEDS_SAMPLE();
    const auto list = runCli({"link", pa::test::sampleWorkspace().string(), "list"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    // The arrow after the task id stands at the same character on every line, whether the id
    // is "nq-ktxh-2021-2025:Điều 2.II.4#2" or "cv-2907:2.4#1".
    std::set<long> columns;
    bool vietnamese = false;
    std::istringstream lines(list.out);
    for (std::string line; std::getline(lines, line);)
        if (const auto arrow = line.find(" → "); arrow != std::string::npos && arrow <= 60) {
            vietnamese |= line.substr(0, arrow).find("Điều") != std::string::npos;
            columns.insert(std::count_if(line.begin(), line.begin() + static_cast<long>(arrow),
                                         [](char c) { return (c & 0xC0) != 0x80; }));
        }
    EXPECT_TRUE(vietnamese) << "no task id with Vietnamese letters in the sample's links";
    EXPECT_EQ(columns.size(), 1u);
}

TEST(Cli, AGroupOverAForestInventoryListsItsFirstFeaturesAndJsonAll)
{
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    const auto ws = dir.file("tn.gpkg");
    std::filesystem::copy_file(pa::test::sampleWorkspace(), ws);
    // 60 forest stands (lô rừng) of protection forest in Đại Từ, as an inventory holds them.
    std::string stands = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < 60; ++i) {
        const double x = 105.60 + 0.004 * (i % 10), y = 21.62 + 0.004 * (i / 10);
        char ring[256];
        std::snprintf(ring, sizeof ring,
                      "[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]", x, y,
                      x + 0.003, y, x + 0.003, y + 0.003, x, y + 0.003, x, y);
        stands += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"ma":"LR-)" +
                  std::to_string(i) + R"(","ten":"Lô )" + std::to_string(i) +
                  R"(","loai_rung":"rừng phòng hộ"},"geometry":{"type":"Polygon","coordinates":[)" +
                  ring + "]}}";
    }
    pa::test::writeBytes(dir.file("lo_rung.geojson"), stands + "]}");
    const auto imported =
        runCli({"import", ws, dir.file("lo_rung.geojson"), "--kind", "forest", "--layer", "lo_rung",
                "--code-field", "ma", "--field", "name_vi=ten", "--field", "forest_type=loai_rung",
                "--licence", "thử nghiệm", "--quiet"});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    pa::test::writeBytes(dir.file("rung.txt"),
                         "KẾ HOẠCH\nBảo vệ rừng năm 2025\n\nII. NHIỆM VỤ\n\n1. Sở Nông nghiệp "
                         "và Môi trường chủ trì:\n\n- Bảo vệ, phát triển rừng phòng hộ.\n");
    const auto ingested = runCli({"ingest", ws, dir.file("rung.txt"), "--doc-id", "rung"});
    ASSERT_EQ(ingested.exitCode, 0) << ingested.err;
    const auto list = runCli({"link", ws, "suggestions", "--status", "pending"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("→ 60 rừng"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("… 40 more of this group"), std::string::npos) << list.out;
    EXPECT_LT(std::count(list.out.begin(), list.out.end(), '\n'), 30) << list.out;
    const auto json =
        nlohmann::json::parse(runCli({"link", ws, "suggestions", "--format", "json"}).out);
    long forest = 0;
    for (const auto& s : json)
        forest += s["layer"] == "lo_rung" ? 1 : 0;
    EXPECT_EQ(forest, 60);
}

namespace {

/// A GeoJSON square of @p half degrees around (@p lon, @p lat) with @p properties (JSON).
std::string square(double lon, double lat, double half, const std::string& properties)
{
    auto at = [&](double x, double y) {
        return "[" + std::to_string(lon + x) + "," + std::to_string(lat + y) + "]";
    };
    return R"({"type":"Feature","properties":)" + properties +
           R"(,"geometry":{"type":"Polygon","coordinates":[[)" + at(-half, -half) + "," +
           at(half, -half) + "," + at(half, half) + "," + at(-half, half) + "," + at(-half, -half) +
           "]]}}";
}

std::string collection(const std::vector<std::string>& features)
{
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i)
        out += (i ? "," : "") + features[i];
    return out + "]}";
}

} // namespace

// A centrally-run city merged with a province: "thành phố Hải Phòng" is the whole city, the old
// province bounds the parks in it, a product is named in general or in the south's words, a
// kind the workspace holds no layer of is a place with no layer, and mistyped ids are refused.
TEST(Cli, ACityMergedWithAProvinceIsReadAsItsPlannersWriteOfIt)
{
    pa::test::TempDir dir;
    const std::string ws = dir.file("hp.gpkg");
    ASSERT_EQ(runCli({"init", ws, "--province", "Hải Phòng", "--crs", "EPSG:9210"}).exitCode, 0);
    auto import = [&](const std::string& name, const std::vector<std::string>& features,
                      const std::string& kind, const std::string& validTo = {}) {
        const std::string file = dir.file(name + ".geojson");
        pa::test::writeBytes(file, collection(features));
        std::vector<std::string> args{"import", ws,        file, "--kind",
                                      kind,     "--layer", name, "--quiet"};
        if (!validTo.empty())
            args.insert(args.end(), {"--valid-to", validTo});
        const auto r = runCli(args);
        ASSERT_EQ(r.exitCode, 0) << r.err;
    };
    import("provinces", {square(106.55, 20.85, 0.5, R"({"code":"HP","name_vi":"Hải Phòng"})")},
           "admin_province");
    // Before the merger: the old city (east) and Hải Dương (west), in a layer that ended.
    import("provinces_old",
           {square(106.3, 20.95, 0.2, R"({"code":"HD-CU","name_vi":"Hải Dương"})"),
            square(106.7, 20.8, 0.15, R"({"code":"HP-CU","name_vi":"Hải Phòng"})")},
           "admin_province", "2025-06-30");
    import("parks",
           {square(106.25, 20.92, 0.01,
                   R"({"code":"KCN-DA","name_vi":"KCN Đại An","status":"existing"})"),
            square(106.78, 20.83, 0.01,
                   R"({"code":"KCN-NDV","name_vi":"KCN Nam Đình Vũ","status":"existing"})"),
            square(106.6, 20.9, 0.01,
                   R"({"code":"KCN-ADT","name_vi":"KCN An Duong phia Tay","status":"planned"})")},
           "industrial_park");
    import("centres",
           {square(106.68, 20.86, 0.01,
                   R"({"code":"DT-HP","name_vi":"Trung tâm thành phố Hải Phòng"})"),
            square(106.67, 20.93, 0.01, R"({"code":"DT-TN","name_vi":"Thủy Nguyên"})")},
           "urban_centre");
    // Two districts of one name, one in each old province; a cluster in each.
    import("districts",
           {square(106.45, 20.95, 0.04, R"({"code":"H-TH-HD","name_vi":"Thanh Hà"})"),
            square(106.35, 21.05, 0.04, R"({"code":"H-KM-HD","name_vi":"Kinh Môn"})"),
            square(106.63, 20.91, 0.04, R"({"code":"H-TN","name_vi":"Thủy Nguyên"})"),
            square(106.62, 20.72, 0.03, R"({"code":"H-TH-HP","name_vi":"Thanh Hà"})"),
            // An island district on the city's eastern edge.
            square(107.0, 20.8, 0.05, R"({"code":"H-CH","name_vi":"Cát Hải"})")},
           "admin_district", "2025-06-30");
    // Two communes of one name, in Kinh Môn and in Cát Hải.
    import("communes",
           {square(106.34, 21.04, 0.01, R"({"code":"X-TL-KM","name_vi":"Tân Lập"})"),
            square(107.0, 20.8, 0.01, R"({"code":"X-TL-CH","name_vi":"Tân Lập"})"),
            // A ward of the town of Thủy Nguyên, its centre inside.
            square(106.67, 20.93, 0.015, R"({"code":"X-MD","name_vi":"Phường Minh Đức"})")},
           "admin_commune");
    // A region drawn by the planners, named by what it is.
    import("regions", {square(106.3, 21.05, 0.1, R"({"code":"VMN","name_vi":"Khu vực miền núi"})")},
           "other");
    import("clusters",
           {square(106.45, 20.95, 0.005, R"({"code":"CCN-TH1","name_vi":"CCN Thanh Hà 1"})"),
            square(106.35, 21.05, 0.005, R"({"code":"CCN-KM","name_vi":"CCN Kinh Môn"})"),
            square(106.62, 20.72, 0.005, R"({"code":"CCN-TH2","name_vi":"CCN Thanh Hà 2"})")},
           "industrial_cluster");
    import("sites",
           {square(106.69, 20.84, 0.002, R"({"code":"DL-DH","name_vi":"Chùa Dư Hàng"})"),
            square(106.9, 20.75, 0.01, R"({"code":"DL-DS","name_vi":"Khu du lịch Đồ Sơn"})")},
           "tourism_area");
    import(
        "zones",
        {square(
             106.4, 20.9, 0.02,
             R"({"code":"VSX-QUA","name_vi":"Vùng cây ăn quả Kinh Môn","product":"cây ăn quả"})"),
         square(106.45, 20.95, 0.02,
                R"({"code":"VSX-VAI","name_vi":"Vùng vải Thanh Hà","product":"vải thiều"})"),
         square(106.6, 20.7, 0.02,
                R"({"code":"VSX-GA","name_vi":"Vùng gà Tiên Lãng","product":"trứng gà"})"),
         square(106.5, 20.75, 0.02,
                R"({"code":"VSX-CA","name_vi":"Vùng cá Vĩnh Bảo","product":"cá tra"})"),
         square(106.55, 20.75, 0.02,
                R"({"code":"VSX-CR","name_vi":"Vùng cà rốt Cẩm Giàng","product":"cà rốt"})"),
         square(106.65, 20.7, 0.02,
                R"({"code":"VSX-TIEU","name_vi":"Vùng hồ tiêu Kiến Thụy","product":"hồ tiêu"})"),
         square(106.62, 20.68, 0.01,
                R"({"code":"VSX-CAM","name_vi":"Vùng cam Tiên Lãng","product":"cam"})"),
         // A lobster farm mostly at sea: a sixth of it on land, in Cát Hải.
         square(107.07, 20.8, 0.03,
                R"({"code":"VSX-TOM","name_vi":"Vùng nuôi tôm hùm","product":"tôm hùm"})"),
         // A sixth of it across old Hải Dương's border: a sliver, not in it.
         square(106.52, 20.95, 0.03,
                R"({"code":"VSX-LUA","name_vi":"Vùng lúa An Lão","product":"lúa"})")},
        "agri_zone");
    import("zones_kkt",
           {square(106.7, 20.6, 0.05,
                   R"({"code":"KKT-PN","name_vi":"Khu kinh tế ven biển phía Nam Hải Phòng"})"),
            square(106.75, 20.8, 0.05,
                   R"({"code":"KKT-DV","name_vi":"Khu kinh tế Đình Vũ - Cát Hải"})")},
           "economic_zone");
    // Roads of two classes, named as their layers write them.
    auto road = [](double lon, double lat, const std::string& properties) {
        return R"({"type":"Feature","properties":)" + properties +
               R"(,"geometry":{"type":"LineString","coordinates":[[)" + std::to_string(lon) + "," +
               std::to_string(lat) + "],[" + std::to_string(lon + 0.1) + "," +
               std::to_string(lat + 0.05) + "]]}}";
    };
    import("roads",
           {road(106.3, 20.9, R"({"code":"QL-10","name_vi":"Quốc lộ 10"})"),
            road(106.5, 20.8, R"({"code":"QL-5","name_vi":"QL.5"})"),
            road(106.4, 20.7, R"({"code":"DT-354","name_vi":"Đường tỉnh 354"})"),
            road(106.6, 20.6, R"({"code":"QL-18C","name_vi":"QL.18C"})")},
           "road");
    // A railway named with the short form of the city's name.
    import("rails",
           {road(106.5, 20.65, R"({"code":"DS-1","name_vi":"Đường sắt TP.HCM - Hải Phòng"})")},
           "railway");
    const std::string plan = dir.file("kh.txt");
    pa::test::writeBytes(
        plan, "KẾ HOẠCH\nThực hiện năm 2026\n\nII. NHIỆM VỤ\n\n"
              "1. Sở Xây dựng chủ trì quản lý quy hoạch trên địa bàn thành phố Hải Phòng.\n\n"
              "2. Sở Công Thương chủ trì thu hút đầu tư vào các khu công nghiệp trên địa bàn "
              "tỉnh Hải Dương (cũ).\n\n"
              "3. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng trồng cây ăn trái.\n\n"
              "4. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng vải.\n\n"
              "5. Sở Nông nghiệp và Môi trường chủ trì phát triển các vùng nguyên liệu tập "
              "trung.\n\n"
              "6. Sở Công Thương chủ trì phát triển trung tâm logistics gắn với cảng biển.\n\n"
              "7. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng vải ở khu vực phía "
              "Tây.\n\n"
              "8. Sở Công Thương chủ trì thu hút đầu tư vào các khu công nghiệp khu vực phía "
              "Tây.\n\n"
              "9. Ban Quản lý khu kinh tế chủ trì lập thủ tục thành lập Khu kinh tế ven biển phía "
              "Nam Hải Phòng.\n\n"
              "10. Sở Công Thương chủ trì hoàn thiện hạ tầng khu công nghiệp phía Tây An "
              "Dương.\n\n"
              "11. Sở Công Thương chủ trì thu hút đầu tư vào các khu công nghiệp xã Đại An.\n\n"
              "12. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng nuôi cá.\n\n"
              "13. Sở Nội vụ chủ trì, phối hợp với tỉnh Hải Dương tổ chức hội nghị.\n\n"
              "14. Sở Công Thương chủ trì thu hút đầu tư vào các khu công nghiệp trên địa bàn "
              "thành phố Hải Phòng (cũ).\n\n"
              "15. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng nuôi trồng thủy sản.\n\n"
              "16. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng chăn nuôi tập trung.\n\n"
              "17. Sở Văn hóa, Thể thao và Du lịch chủ trì tôn tạo khu di tích chùa Dư Hàng.\n\n"
              "18. Sở Xây dựng chủ trì chỉnh trang Trung tâm thành phố Hải Phòng.\n\n"
              "19. Sở Công Thương chủ trì thu hút đầu tư vào KCN VSIP Thủy Nguyên.\n\n"
              "20. Sở Công Thương chủ trì đầu tư hạ tầng các cụm công nghiệp trên địa bàn huyện "
              "Thanh Hà, tỉnh Hải Dương (cũ).\n\n"
              "21. Sở Văn hóa, Thể thao và Du lịch chủ trì phát triển các khu du lịch ven biển "
              "phía Đông của tỉnh.\n\n"
              "22. Sở Nông nghiệp và Môi trường chủ trì mở rộng vùng trồng tiêu theo tiêu chuẩn "
              "hữu cơ.\n\n"
              "23. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng sản xuất đạt tiêu chuẩn "
              "VietGAP.\n\n"
              "24. Sở Công Thương chủ trì đầu tư hạ tầng các cụm công nghiệp trên địa bàn các "
              "huyện Kinh Môn, Thanh Hà, tỉnh Hải Dương (cũ).\n\n"
              "25. Công ty TNHH Du lịch Chùa Dư Hàng chủ trì tổ chức lễ hội.\n\n"
              "26. Sở Công Thương chủ trì đầu tư hạ tầng các khu công nghiệp trên địa bàn huyện "
              "Thủy Nguyên.\n\n"
              "27. Sở Nông nghiệp và Môi trường chủ trì phát triển các vùng sản xuất tập trung "
              "thuộc tỉnh Hải Dương (cũ).\n\n"
              "28. Sở Công Thương chủ trì đầu tư hạ tầng các khu công nghiệp tại các huyện phía "
              "Đông.\n\n"
              "29. Sở Xây dựng chủ trì rà soát hiện trạng các tuyến quốc lộ trên địa bàn.\n\n"
              "30. Sở Xây dựng chủ trì hướng dẫn xây dựng điểm đấu nối với Quốc lộ và tỉnh lộ.\n\n"
              "31. Sở Xây dựng chủ trì bảo trì các tuyến cao tốc, đường tỉnh.\n\n"
              "32. Sở Nông nghiệp và Môi trường chủ trì phát triển các vùng sản xuất tập trung "
              "trên địa bàn huyện Cát Hải.\n\n"
              "33. Sở Nông nghiệp và Môi trường chủ trì phát triển hồ tiêu theo hướng hữu cơ.\n\n"
              "34. Sở Nông nghiệp và Môi trường chủ trì phát triển kinh tế trang trại.\n\n"
              "35. Sở Nông nghiệp và Môi trường chủ trì khoanh định vùng cấm chăn thả gia "
              "súc.\n\n"
              "36. Sở Nội vụ chủ trì đào tạo, bồi dưỡng cán bộ làm công tác quản lý khu công "
              "nghiệp.\n\n"
              "37. Sở Nội vụ chủ trì đào tạo nguồn nhân lực cho các khu công nghiệp.\n\n"
              "38. Sở Xây dựng chủ trì nâng cấp Quốc lộ 18C và QL10.\n\n"
              "39. Sở Công Thương chủ trì thu hút đầu tư lấp đầy các khu công nghiệp đã đi vào "
              "hoạt động.\n\n"
              "40. Sở Công Thương chủ trì kêu gọi nhà đầu tư hạ tầng cho các khu công nghiệp "
              "đang quy hoạch.\n\n"
              "41. Sở Nông nghiệp và Môi trường chủ trì mở rộng nuôi tôm hùm tại huyện Cát "
              "Hải.\n\n"
              "42. Sở Xây dựng chủ trì chỉnh trang đô thị tại huyện Thanh Hà, tỉnh Hải Dương "
              "(cũ).\n\n"
              "43. Sở Công Thương chủ trì giải phóng mặt bằng khu công nghiệp giai đoạn 2.\n\n"
              "44. Sở Xây dựng chủ trì xây dựng nút giao tại ngã ba quốc lộ và đường tỉnh.\n\n"
              "45. Sở Công Thương chủ trì lấp đầy các khu công nghiệp hiện có và đầu tư hạ tầng "
              "các khu công nghiệp mới.\n\n"
              "46. Sở Nội vụ chủ trì đào tạo, bồi dưỡng cán bộ quản lý các khu công nghiệp.\n\n"
              "47. Sở Công Thương chủ trì phát triển doanh nghiệp theo cam kết hội nhập.\n\n"
              "48. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng lúa, cà rốt và hồ tiêu, "
              "xây dựng cánh đồng lớn.\n\n"
              "49. Sở Công Thương chủ trì đầu tư hạ tầng các khu công nghiệp tại các huyện phía "
              "Tây Nam.\n\n"
              "50. Sở Công Thương chủ trì thu hút đầu tư vào các cụm công nghiệp tại các huyện "
              "miền núi.\n\n"
              "51. Sở Công Thương chủ trì thu hút đầu tư vào các cụm công nghiệp ở các xã biên "
              "giới.\n\n"
              "52. Sở Xây dựng chủ trì lập quy hoạch chung xã Tân Lập, huyện Kinh Môn.\n\n"
              "53. Sở Văn hóa, Thể thao và Du lịch chủ trì phát triển Khu du lịch Đồ Sơn thành "
              "điểm du lịch quốc gia.\n\n"
              "54. Sở Công Thương chủ trì hình thành các khu công nghiệp mới.\n\n"
              "55. Sở Xây dựng chủ trì nâng cấp Quốc lộ 10 đoạn qua huyện Thủy Nguyên và QL.5 "
              "đoạn Kinh Môn - Thanh Hà.\n\n"
              "56. Sở Xây dựng chủ trì cải tạo trụ sở xã Tân Lập, huyện Kinh Môn; lập quy hoạch "
              "chung huyện Kinh Môn.\n\n"
              "57. Sở Xây dựng chủ trì nâng cấp đoạn Quốc lộ 10 qua huyện Thủy Nguyên.\n\n"
              "58. Sở Xây dựng chủ trì nâng cấp tỉnh lộ 354 nối huyện Kinh Môn với huyện Thanh "
              "Hà.\n\n"
              "59. Sở Công Thương chủ trì đôn đốc các khu công nghiệp đang xây dựng hạ tầng.\n\n"
              "60. Sở Nông nghiệp và Môi trường chủ trì phát triển các vùng cây ăn quả: vải, "
              "cam.\n\n"
              "61. Sở Xây dựng chủ trì chỉnh trang đô thị phường Minh Đức.\n\n"
              "62. Sở Xây dựng chủ trì chuẩn bị đầu tư đường sắt TP. Hồ Chí Minh - Hải Phòng.\n\n"
              "63. Sở Xây dựng chủ trì giải phóng mặt bằng đường sắt Thành phố Hồ Chí Minh - Hải "
              "Phòng.\n");
    ASSERT_EQ(runCli({"ingest", ws, plan, "--doc-id", "kh"}).exitCode, 0);
    const auto suggest = runCli({"link", ws, "suggest", "--format", "json"});
    ASSERT_EQ(suggest.exitCode, 0) << suggest.err;
    std::map<std::string, std::set<std::string>> codes; // task → features
    for (const auto& s : nlohmann::json::parse(suggest.out))
        codes[s["task"].get<std::string>()].insert(s["feature"].get<std::string>());
    EXPECT_FALSE(codes.contains("kh:II.1#1")) << "the city as a whole is no point in it";
    EXPECT_EQ(codes["kh:II.2#1"], std::set<std::string>{"KCN-DA"});
    // A class of products holds the products the vocabulary puts in it: "vải thiều" is a fruit.
    EXPECT_EQ(codes["kh:II.3#1"], (std::set<std::string>{"VSX-QUA", "VSX-VAI", "VSX-CAM"}));
    EXPECT_EQ(codes["kh:II.15#1"], (std::set<std::string>{"VSX-CA", "VSX-TOM"}));
    EXPECT_EQ(codes["kh:II.16#1"], std::set<std::string>{"VSX-GA"});
    EXPECT_EQ(codes["kh:II.4#1"], std::set<std::string>{"VSX-VAI"});
    EXPECT_EQ(codes["kh:II.5#1"],
              (std::set<std::string>{"VSX-QUA", "VSX-VAI", "VSX-GA", "VSX-CA", "VSX-CR", "VSX-TIEU",
                                     "VSX-LUA", "VSX-TOM", "VSX-CAM"}))
        << "“tập trung” is no “trứng”";
    // A region the workspace has no layer of: the two fifths of the province's outline on
    // that side, saying so ("các huyện phía Đông" with no "của tỉnh" too).
    EXPECT_EQ(codes["kh:II.7#1"], std::set<std::string>{"VSX-VAI"});
    EXPECT_NE(
        suggest.out.find("không có vùng này trong không gian làm việc: phần phía Tây chiếm 2/5"),
        std::string::npos)
        << suggest.out;
    EXPECT_EQ(codes["kh:II.8#1"], std::set<std::string>{"KCN-DA"});
    EXPECT_EQ(codes["kh:II.28#1"], std::set<std::string>{"KCN-NDV"});
    // Roads of a class, counted or gathered, are those named so; one named alone is no topic.
    EXPECT_EQ(codes["kh:II.29#1"], (std::set<std::string>{"QL-10", "QL-5", "QL-18C"}));
    // A branch's letter after the number, however the route is written.
    EXPECT_EQ(codes["kh:II.38#1"], (std::set<std::string>{"QL-18C", "QL-10"}));
    // The state said after a kind narrows it by the layer's status, saying so.
    EXPECT_EQ(codes["kh:II.39#1"], (std::set<std::string>{"KCN-DA", "KCN-NDV"}));
    EXPECT_EQ(codes["kh:II.40#1"], std::set<std::string>{"KCN-ADT"});
    EXPECT_NE(suggest.out.find("1 khu công nghiệp theo quy hoạch"), std::string::npos);
    // A product farmed ("nuôi"), without "vùng", is its zones.
    EXPECT_TRUE(codes["kh:II.41#1"].contains("VSX-TOM")) << suggest.out;
    // Nothing of the kind in the unit named: the unit is the task's place, saying so.
    EXPECT_EQ(codes["kh:II.42#1"], std::set<std::string>{"H-TH-HD"});
    EXPECT_NE(suggest.out.find("(không có đô thị nào trong đó)"), std::string::npos);
    // A phase's number is no park's name; a junction is no count of roads; the kind named in
    // two states is both; the field of staff is no place; a product only right after the verb.
    const std::set<std::string> parks{"KCN-DA", "KCN-NDV", "KCN-ADT"};
    EXPECT_EQ(codes["kh:II.43#1"], parks);
    EXPECT_FALSE(codes["kh:II.44#1"].contains("QL-10"));
    EXPECT_EQ(codes["kh:II.45#1"], parks);
    EXPECT_FALSE(codes.contains("kh:II.46#1"));
    EXPECT_FALSE(codes["kh:II.47#1"].contains("VSX-CAM"));
    // Products listed after the first are each named; a clause of other words ends the list.
    EXPECT_EQ(codes["kh:II.48#1"], (std::set<std::string>{"VSX-LUA", "VSX-CR", "VSX-TIEU"}));
    // A corner of the province, worked out as the sides are: across its diagonal.
    EXPECT_EQ(codes["kh:II.49#1"], std::set<std::string>{"KCN-DA"});
    EXPECT_NE(suggest.out.find("phần phía Tây Nam chiếm 2/5"), std::string::npos);
    // A region named by what it is: the workspace's region of that name (itself a place of the
    // programme, as a region drawn by direction is) and the clusters in it; without one, which
    // clusters it means is not known: all of them, less sure, saying so.
    EXPECT_EQ(codes["kh:II.50#1"], (std::set<std::string>{"CCN-KM", "VMN"}));
    EXPECT_EQ(codes["kh:II.51#1"], (std::set<std::string>{"CCN-TH1", "CCN-KM", "CCN-TH2"}));
    EXPECT_NE(suggest.out.find("không gian làm việc không có “các xã biên giới” để thu hẹp"),
              std::string::npos);
    // The places a road's section is named by are not the task's.
    EXPECT_EQ(codes["kh:II.55#1"], (std::set<std::string>{"QL-10", "QL-5"}));
    // "TP.HCM" in a name is the city written out.
    EXPECT_EQ(codes["kh:II.62#1"], std::set<std::string>{"DS-1"});
    EXPECT_EQ(codes["kh:II.63#1"], std::set<std::string>{"DS-1"}) << "no lake “Chí Minh”";
    // A town's work named in a ward is the ward's, not the whole town's.
    EXPECT_EQ(codes["kh:II.61#1"], std::set<std::string>{"X-MD"});
    // Under construction is not yet in use; products listed after a colon are those products.
    EXPECT_EQ(codes["kh:II.59#1"], std::set<std::string>{"KCN-ADT"});
    EXPECT_EQ(codes["kh:II.60#1"], (std::set<std::string>{"VSX-VAI", "VSX-CAM"}));
    // ... nor those a numbered road joins; "tỉnh lộ" is the old name of "đường tỉnh".
    EXPECT_EQ(codes["kh:II.58#1"], std::set<std::string>{"DT-354"});
    // ... but a section named before its road is that road ("đoạn Quốc lộ 10 qua …").
    EXPECT_TRUE(codes["kh:II.57#1"].contains("QL-10"));
    // A district that qualifies a commune and is named again on its own is a place there.
    EXPECT_EQ(codes["kh:II.56#1"], (std::set<std::string>{"X-TL-KM", "H-KM-HD"}));
    // What a place becomes is no kind of the task's; forming the kind is.
    EXPECT_EQ(codes["kh:II.53#1"], std::set<std::string>{"DL-DS"});
    EXPECT_EQ(codes["kh:II.54#1"], std::set<std::string>{"KCN-ADT"});
    // A commune named with its district is the one of that name in it, not the district.
    EXPECT_EQ(codes["kh:II.52#1"], std::set<std::string>{"X-TL-KM"});
    EXPECT_FALSE(codes.contains("kh:II.30#1"));
    EXPECT_EQ(codes["kh:II.31#1"], std::set<std::string>{"DT-354"});
    // An economic zone named with a qualifier and a direction is that zone, not every one.
    EXPECT_EQ(codes["kh:II.9#1"], std::set<std::string>{"KKT-PN"});
    // A park named with a direction, which the layer writes after the name.
    EXPECT_EQ(codes["kh:II.10#1"], std::set<std::string>{"KCN-ADT"});
    // A commune the workspace has no layer of: the parks named after it.
    EXPECT_EQ(codes["kh:II.11#1"], std::set<std::string>{"KCN-DA"});
    // "cá" is no "cà rốt".
    EXPECT_EQ(codes["kh:II.12#1"], std::set<std::string>{"VSX-CA"});
    // A feature's whole name, with no type word the reader knows ("chùa"), or with the city's
    // own name in it, is that feature; the kind's words before it are no topic. A name only
    // within another place's is not.
    EXPECT_EQ(codes["kh:II.17#1"], std::set<std::string>{"DL-DH"});
    EXPECT_EQ(codes["kh:II.18#1"], std::set<std::string>{"DT-HP"});
    EXPECT_FALSE(codes.contains("kh:II.19#1"));
    // A district named with its old province is the one of that name inside it, and no place
    // of the task.
    EXPECT_EQ(codes["kh:II.20#1"], std::set<std::string>{"CCN-TH1"});
    EXPECT_EQ(codes["kh:II.24#1"], (std::set<std::string>{"CCN-KM", "CCN-TH1"}));
    // A district that bounds the parks is not the town of its name.
    EXPECT_FALSE(codes["kh:II.26#1"].contains("DT-TN"));
    EXPECT_TRUE(codes["kh:II.26#1"].contains("KCN-ADT"));
    // A zone with a sliver across an area's border is not in it.
    EXPECT_TRUE(codes["kh:II.27#1"].contains("VSX-QUA"));
    EXPECT_TRUE(codes["kh:II.27#1"].contains("VSX-VAI"));
    EXPECT_FALSE(codes["kh:II.27#1"].contains("VSX-LUA"));
    // ... but a zone mostly at sea is measured by its part on the province's land.
    EXPECT_TRUE(codes["kh:II.32#1"].contains("VSX-TOM")) << suggest.out;
    // A product developed, without "vùng", is its zones; development alone names none.
    EXPECT_EQ(codes["kh:II.33#1"], std::set<std::string>{"VSX-TIEU"});
    EXPECT_FALSE(codes.contains("kh:II.34#1"));
    // "vùng cấm" (forbidden) is no "cam" (orange) where both are written with diacritics.
    EXPECT_FALSE(codes["kh:II.35#1"].contains("VSX-CAM"));
    // The field of the people trained is no place of the task; the parks trained for are.
    EXPECT_FALSE(codes.contains("kh:II.36#1"));
    EXPECT_EQ(codes["kh:II.37#1"], (std::set<std::string>{"KCN-DA", "KCN-NDV", "KCN-ADT"}));
    // A whole name inside a company's is the company's.
    EXPECT_FALSE(codes.contains("kh:II.25#1"));
    // A part of the province named without "khu vực": the eastern two fifths.
    EXPECT_EQ(codes["kh:II.21#1"], (std::set<std::string>{"DL-DH", "DL-DS"}));
    // "tiêu" is the pepper zones' "hồ tiêu" where a product stands, not in "tiêu chuẩn".
    EXPECT_EQ(codes["kh:II.22#1"], std::set<std::string>{"VSX-TIEU"});
    EXPECT_FALSE(codes.contains("kh:II.23#1"));
    // A province worked with is no place of the task.
    EXPECT_FALSE(codes.contains("kh:II.13#1"));
    // The city as it was before it merged: its old polygon, not the whole city of today.
    EXPECT_EQ(codes["kh:II.14#1"], (std::set<std::string>{"KCN-NDV", "KCN-ADT"}));
    // Logistics centres: no layer of them here.
    const auto reasons = runCli({"link", ws, "reasons", "--format", "json"});
    ASSERT_EQ(reasons.exitCode, 0) << reasons.err;
    std::string logistics;
    for (const auto& r : nlohmann::json::parse(reasons.out))
        if (r["task"] == "kh:II.6#1")
            logistics = r["reason_class"].get<std::string>();
    EXPECT_EQ(logistics, "no_layer") << reasons.out;
    // Listed with the class's id (what --reason takes) and its title, in English on request.
    const auto listed = runCli({"link", ws, "reasons", "--lang", "en"});
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_NE(listed.out.find("[no_layer] Spatial, but the workspace has no layer for it"),
              std::string::npos)
        << listed.out;
    EXPECT_EQ(runCli({"link", ws, "reasons", "--lang", "fr"}).exitCode, 2);

    const auto before = pa::test::readBytes(ws);
    const auto group = runCli({"link", ws, "accept", "--group", "9999"});
    EXPECT_EQ(group.exitCode, 2);
    EXPECT_NE(group.err.find("error: no suggestion 9999"), std::string::npos) << group.err;
    const auto typo = runCli({"link", ws, "unlocated", "kh:II.6#1", "--reason", "nonsense_class"});
    EXPECT_EQ(typo.exitCode, 2);
    EXPECT_NE(typo.err.find("is no class"), std::string::npos) << typo.err;
    EXPECT_EQ(pa::test::readBytes(ws), before);
}

TEST(Cli, LinkGroupsAreListedWithEvidenceAndDecidedByTaskAndRule)
{
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    const auto ws = dir.file("th.gpkg");
    std::filesystem::copy_file(pa::test::sampleWorkspaceThanhHoa(), ws);
    ASSERT_EQ(
        runCli(
            {"ingest", ws,
             pa::test::fixture("plans/synthetic/thanh-hoa_ctr-hanh-dong-synthetic.txt").string()})
            .exitCode,
        0);
    const auto list = runCli({"link", ws, "suggestions", "--status", "pending"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    // Each group once: task, rule, sureness and the evidence, then its features.
    const std::string header =
        "45-ctr-skhdt:II.3#3  [theme 0.60] “khu công nghiệp” → 8 khu công nghiệp\n";
    EXPECT_NE(list.out.find(header), std::string::npos) << list.out;
    const auto json =
        nlohmann::json::parse(runCli({"link", ws, "suggestions", "--format", "json"}).out);
    long members = 0;
    for (const auto& s : json)
        if (s["task"] == "45-ctr-skhdt:II.3#3" && s["rule"] == "theme") {
            ++members;
            EXPECT_EQ(s["evidence"], "“khu công nghiệp” → 8 khu công nghiệp");
        }
    EXPECT_EQ(members, 8);
    // A group decided in one command.
    const auto accept =
        runCli({"link", ws, "accept", "--task", "45-ctr-skhdt:II.3#3", "--rule", "theme"});
    EXPECT_EQ(accept.exitCode, 0) << accept.err;
    EXPECT_NE(accept.out.find("8 link(s) written"), std::string::npos) << accept.out;
    const auto acceptAgain =
        runCli({"link", ws, "accept", "--task", "45-ctr-skhdt:II.3#3", "--rule", "theme"});
    EXPECT_EQ(acceptAgain.exitCode, 0) << acceptAgain.err;
    EXPECT_NE(acceptAgain.out.find("0 link(s) written; 8 already accepted"), std::string::npos)
        << acceptAgain.out;
    const auto noTask = runCli({"link", ws, "accept", "--rule", "theme"});
    EXPECT_EQ(noTask.exitCode, 2);
    EXPECT_NE(noTask.err.find("--task"), std::string::npos) << noTask.err;
    // The reviewer changes their mind: the group rejected by any of its ids (its links go),
    // one suggestion made pending again, the group accepted again.
    long long anyOfGroup = -1;
    for (const auto& s : json)
        if (s["task"] == "45-ctr-skhdt:II.3#3" && s["rule"] == "theme")
            anyOfGroup = s["id"].get<long long>();
    ASSERT_GE(anyOfGroup, 0);
    const std::string group = std::to_string(anyOfGroup);
    auto linksOfTask = [&] {
        return nlohmann::json::parse(
                   runCli({"link", ws, "list", "--task", "45-ctr-skhdt:II.3#3", "--format", "json"})
                       .out)
            .size();
    };
    const auto rejectOne = runCli({"link", ws, "reject", group});
    EXPECT_EQ(rejectOne.exitCode, 0) << rejectOne.err;
    EXPECT_EQ(linksOfTask(), 7u) << "the rejected suggestion's link is removed";
    // An accept does not overturn a rejection (it may come from a list read before): reset.
    const auto acceptRejected = runCli({"link", ws, "accept", group});
    EXPECT_EQ(acceptRejected.exitCode, 6);
    EXPECT_NE(acceptRejected.err.find("link WS reset " + group), std::string::npos)
        << acceptRejected.err;
    EXPECT_EQ(linksOfTask(), 7u);
    // The group, seven accepted and one rejected, made pending again at once; accepted again.
    const auto reset = runCli({"link", ws, "reset", "--group", group});
    EXPECT_EQ(reset.exitCode, 0) << reset.err;
    EXPECT_NE(reset.out.find("8 suggestion(s) pending again"), std::string::npos) << reset.out;
    EXPECT_EQ(linksOfTask(), 0u);
    const auto again = runCli({"link", ws, "accept", "--group", group});
    EXPECT_EQ(again.exitCode, 0) << again.err;
    EXPECT_NE(again.out.find("8 link(s) written"), std::string::npos) << again.out;
    // Deciding again what is decided so is no error and writes nothing, and says so.
    const auto twice = runCli({"link", ws, "accept", "--group", group});
    EXPECT_EQ(twice.exitCode, 0) << twice.err;
    EXPECT_NE(twice.out.find("0 link(s) written; 8 already accepted"), std::string::npos)
        << twice.out;
    EXPECT_EQ(linksOfTask(), 8u);
    // JSON names each suggestion's group by the id --group takes.
    std::set<long long> groupIds;
    for (const auto& s :
         nlohmann::json::parse(runCli({"link", ws, "suggestions", "--format", "json"}).out))
        if (s["task"] == "45-ctr-skhdt:II.3#3" && s["rule"] == "theme")
            groupIds.insert(s["group"].get<long long>());
    ASSERT_EQ(groupIds.size(), 1u);
    const auto byJsonGroup =
        runCli({"link", ws, "reject", "--group", std::to_string(*groupIds.begin())});
    EXPECT_NE(byJsonGroup.out.find("8 suggestion(s) rejected"), std::string::npos)
        << byJsonGroup.out << byJsonGroup.err;
    EXPECT_EQ(linksOfTask(), 0u);
    // A mistyped status or an unknown document is refused, not answered with an empty list.
    const auto status = runCli({"link", ws, "suggestions", "--status", "pendng"});
    EXPECT_EQ(status.exitCode, 2);
    EXPECT_NE(status.err.find("pendng"), std::string::npos) << status.err;
    const auto doc = runCli({"link", ws, "suggest", "--doc", "45-ctr"});
    EXPECT_EQ(doc.exitCode, 2);
    EXPECT_NE(doc.err.find("its documents: 45-ctr-skhdt"), std::string::npos) << doc.err;
    // --group chooses alone: not with ids, a task or a confidence.
    EXPECT_EQ(runCli({"link", ws, "reject", group, "--group", group}).exitCode, 2);
    EXPECT_EQ(runCli({"link", ws, "accept", "--group", group, "--min-confidence", "0,9"}).exitCode,
              2);
    // Tasks with neither link nor suggestion, with the reason suggested; recorded with it.
    const auto reasons =
        nlohmann::json::parse(runCli({"link", ws, "reasons", "--format", "json"}).out);
    ASSERT_FALSE(reasons.empty());
    for (const auto& r : reasons) {
        EXPECT_FALSE(r["reason_class"].get<std::string>().empty()) << r.dump();
        // A class no words of the task named is said to be the default, not left unexplained.
        EXPECT_EQ(r["by_default"].get<bool>(), r["evidence"].get<std::string>().empty() &&
                                                   r["like_task"].get<std::string>().empty())
            << r.dump();
    }
    const std::string task = reasons[0]["task"];
    const auto record = runCli({"link", ws, "unlocated", task});
    EXPECT_EQ(record.exitCode, 0) << record.err;
    EXPECT_NE(record.out.find("1 task(s) recorded"), std::string::npos) << record.out;
    bool recorded = false;
    for (const auto& u :
         nlohmann::json::parse(runCli({"link", ws, "unlocated", "--format", "json"}).out))
        recorded |= u["task"] == task && u["reason"] == reasons[0]["reason"];
    EXPECT_TRUE(recorded);
    EXPECT_EQ(runCli({"link", ws, "unlocated", "--reason", "lý do"}).exitCode, 2);
    // A class's id typed a letter wrong is refused, naming the class meant; a reason of one
    // word of its own is not.
    const auto typo = runCli({"link", ws, "unlocated", task, "--reason", "polcy"});
    EXPECT_EQ(typo.exitCode, 2);
    EXPECT_NE(typo.err.find("did you mean the class 'policy'"), std::string::npos) << typo.err;
    EXPECT_EQ(runCli({"link", ws, "unlocated", task, "--reason", "Khác"}).exitCode, 0);
    // A class named by its id is recorded as its reason is; JSON says which reviewed task a
    // suggestion follows (empty here unless one decided it).
    ASSERT_GE(reasons.size(), 2u);
    const std::string second = reasons[1]["task"];
    EXPECT_TRUE(reasons[1].contains("like_task")) << reasons[1].dump();
    EXPECT_EQ(runCli({"link", ws, "unlocated", second, "--reason", "training"}).exitCode, 0);
    bool asTraining = false;
    for (const auto& u :
         nlohmann::json::parse(runCli({"link", ws, "unlocated", "--format", "json"}).out))
        asTraining |=
            u["task"] == second &&
            u["reason"] == "Không gắn với địa điểm: giáo dục, đào tạo, nguồn nhân lực, lao động";
    EXPECT_TRUE(asTraining);
}

TEST(Cli, IngestWithAWorkspaceMatchesPlacesToItsFeatures)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    importDistricts(ws);
    const auto r =
        runCli({"ingest", ws,
                pa::test::sampleData(
                    "thai_nguyen/plans/thai-nguyen_kh-co-cau-lai-nen-kinh-te-nq54_2023.txt")
                    .string(),
                "--doc-id", "kh54", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out); // stdout is only JSON; the summary is on stderr
    EXPECT_NE(r.err.find("Added document 'kh54'"), std::string::npos) << r.err;
    std::map<std::string, std::string> codes;
    for (const auto& t : j["tasks"])
        for (const auto& p : t["places"])
            if (!p["feature_code"].is_null())
                codes[p["text"]] = p["feature_code"];
    // Đại Từ's shapeID in the geoBoundaries data.
    EXPECT_EQ(codes["huyện Đại Từ"], "81297802B22157258808987");
    EXPECT_TRUE(codes.contains("huyện Phú Bình"));
}

TEST(Cli, CrosswalkLoadsAndRefusesUnknownUnits)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    ASSERT_EQ(
        runCli({"import", ws, pa::test::sampleData("thai_nguyen/province_2025_derived_odm.geojson"),
                "--kind", "admin_province", "--code-field", "ma_tinh_2025", "--code-prefix",
                "TINH2025-", "--quiet"})
            .exitCode,
        0);
    importDistricts(ws);
    const auto good =
        runCli({"crosswalk", ws, pa::test::sampleData("thai_nguyen/crosswalk_2025.csv").string()});
    // The sample crosswalk also names the pre-2025 province, which this workspace lacks.
    EXPECT_EQ(good.exitCode, 3);
    EXPECT_NE(good.err.find("crosswalk_2025.csv, line 2: old_code 'TINH2024-19'"),
              std::string::npos)
        << good.err;
    const auto before = pa::test::readBytes(ws);
    pa::test::writeBytes(
        dir.file("cw.csv"),
        "old_code,old_level,new_code,new_level,relation,effective_date\n"
        "81297802B22157258808987,district,TINH2025-19,province,abolished,01/07/2025\n"
        "81297802B19798201223775,district,TINH2025-19,province,vanished,2025-07-01\n");
    const auto bad = runCli({"crosswalk", ws, dir.file("cw.csv")});
    EXPECT_EQ(bad.exitCode, 3);
    EXPECT_NE(bad.err.find("cw.csv, line 3: relation 'vanished'"), std::string::npos) << bad.err;
    EXPECT_EQ(pa::test::readBytes(ws), before);
    pa::test::writeBytes(
        dir.file("cw.csv"),
        "old_code,old_level,new_code,new_level,relation,effective_date\n"
        "81297802B22157258808987,district,TINH2025-19,province,abolished,01/07/2025\n");
    EXPECT_EQ(runCli({"crosswalk", ws, dir.file("cw.csv")}).exitCode, 0);
    const auto info = nlohmann::json::parse(runCli({"info", ws, "--format", "json"}).out);
    EXPECT_EQ(info["crosswalk"], 1);
    EXPECT_EQ(runCli({"validate", ws}).exitCode, 0);
}

TEST(Cli, AnalyzeCoverageOnTheSampleWritesCsvAndJson)
{
    PLANATLAS_NEEDS_SAMPLE();
    const auto sample = pa::test::sampleWorkspace().string();
    const auto csv = runCli({"analyze", sample, "coverage", "--units", "districts_pre2025"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    std::istringstream lines(csv.out);
    std::string header;
    std::getline(lines, header);
    EXPECT_EQ(header, "unit_code,unit_name,kind,features,area_ha,share_pct,length_km,linked_tasks,"
                      "lead_agencies,gap");
    int rows = 0;
    for (std::string line; std::getline(lines, line);)
        ++rows;
    const auto j = nlohmann::json::parse(
        runCli({"analyze", sample, "coverage", "--units", "districts_pre2025", "--format", "json"})
            .out);
    EXPECT_EQ(static_cast<int>(j["rows"].size()), rows);
    EXPECT_EQ(rows,
              9 * static_cast<int>(j["kinds"].size())); // every district × every programme kind
    // The small-scale national roads (QL3, QL37, QL1B …) cross most districts.
    double roadKm = 0;
    for (const auto& r : j["rows"])
        if (r["kind"] == "road")
            roadKm += r["length_km"].get<double>();
    EXPECT_GT(roadKm, 100.0);
    pa::test::TempDir dir;
    const auto file = runCli(
        {"analyze", sample, "coverage", "--units", "districts_pre2025", "-o", dir.file("c.csv")});
    EXPECT_EQ(file.exitCode, 0);
    EXPECT_EQ(pa::test::readBytes(dir.file("c.csv")), csv.out);
    // As a GeoPackage: a layer per kind (each district once, as QGIS draws it), the same rows,
    // each with its district's polygon, readable by GDAL's own SQL (what QGIS and ogr2ogr see).
    const auto gpkg = runCli({"analyze", sample, "coverage", "--units", "districts_pre2025",
                              "--format", "gpkg", "-o", dir.file("c.gpkg")});
    ASSERT_EQ(gpkg.exitCode, 0) << gpkg.err;
    double gpkgHa = 0;
    for (const auto& kind : j["kinds"]) {
        const std::string layer = "coverage_" + kind.get<std::string>();
        const auto sql = pa::test::run(
            {"ogrinfo", "-q", "-ro", dir.file("c.gpkg"), "-dialect", "SQLite", "-sql",
             "SELECT count(*) AS n, count(DISTINCT unit_code) AS units, sum(area_ha) AS ha, "
             "sum(ST_Area(geom) IS NULL) AS empty, GeometryType(geom) AS type FROM " +
                 layer});
        ASSERT_EQ(sql.exitCode, 0) << layer << ": " << sql.err;
        EXPECT_NE(sql.out.find("n (Integer) = 9"), std::string::npos) << sql.out;
        EXPECT_NE(sql.out.find("units (Integer) = 9"), std::string::npos) << sql.out;
        EXPECT_NE(sql.out.find("empty (Integer) = 0"), std::string::npos) << sql.out;
        EXPECT_NE(sql.out.find("type (String) = MULTIPOLYGON"), std::string::npos) << sql.out;
        if (const auto at = sql.out.find("ha (Real) = "); at != std::string::npos)
            gpkgHa += std::stod(sql.out.substr(at + 12));
    }
    double csvHa = 0;
    for (const auto& r : j["rows"])
        csvHa += r["area_ha"].get<double>();
    EXPECT_NEAR(gpkgHa, csvHa, 1e-6 * csvHa);
    EXPECT_EQ(
        runCli({"analyze", sample, "coverage", "--units", "districts_pre2025", "--format", "gpkg"})
            .exitCode,
        2);
    EXPECT_EQ(runCli({"analyze", sample, "coverage", "--units", "national_roads"}).exitCode, 2);
    EXPECT_EQ(runCli({"analyze", sample, "coverage"}).exitCode, 2);
    EXPECT_EQ(runCli({"analyze", sample, "voronoi"}).exitCode, 2);
}

TEST(Cli, AnalyzeForExcelAsAWorkbookOrACsvWithItsByteOrderMark)
{
    PLANATLAS_NEEDS_SAMPLE();
    const auto sample = pa::test::sampleWorkspace().string();
    pa::test::TempDir dir;
    const auto csv = runCli({"analyze", sample, "corridor"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    const auto j =
        nlohmann::json::parse(runCli({"analyze", sample, "corridor", "--format", "json"}).out);
    // A workbook: the table's sheet headed in Vietnamese with typed cells, the run's sheet.
    const auto xlsx =
        runCli({"analyze", sample, "corridor", "--format", "xlsx", "-o", dir.file("c.xlsx")});
    ASSERT_EQ(xlsx.exitCode, 0) << xlsx.err;
    {
        auto book = pa::gis::Dataset::openVector(dir.file("c.xlsx"), pa::gis::OpenMode::ReadOnly,
                                                 {"HEADERS=FORCE", "FIELD_TYPES=AUTO"});
        ASSERT_EQ(book.layerNames(), (std::vector<std::string>{"Hành lang cao tốc", "Thông tin"}));
        auto sheet = book.layer(0);
        EXPECT_EQ(sheet.featureCount(), static_cast<std::int64_t>(j["rows"].size()));
        const int distance = sheet.fieldIndex("Khoảng cách (km)");
        const int kind = sheet.fieldIndex("Loại");
        ASSERT_GE(distance, 0);
        ASSERT_GE(kind, 0);
        EXPECT_EQ(sheet.fields()[static_cast<std::size_t>(distance)].type,
                  pa::gis::FieldType::Real); // numbers Excel can sum, not text
        double sheetKm = 0, jsonKm = 0;
        int parks = 0, jsonParks = 0;
        while (auto f = sheet.next()) {
            const auto value = f->value(distance);
            if (const auto* d = std::get_if<double>(&value))
                sheetKm += *d;
            parks += pa::gis::toString(f->value(kind)) == "Khu công nghiệp";
        }
        for (const auto& r : j["rows"]) {
            if (!r["distance_km"].is_null())
                jsonKm += r["distance_km"].get<double>();
            jsonParks += r["kind"] == "industrial_park";
        }
        EXPECT_NEAR(sheetKm, jsonKm, 1e-9 * jsonKm);
        EXPECT_EQ(parks, jsonParks);
        // The run's figures, the share of industrial land within the corridor among them,
        // with a decimal comma.
        auto about = book.layer(1);
        std::map<std::string, std::string> info;
        while (auto f = about.next())
            info[pa::gis::toString(f->value(0))] = pa::gis::toString(f->value(1));
        char pct[32];
        std::snprintf(pct, sizeof pct, "%.1f", j["industrial_inside_pct"].get<double>());
        std::string vietnamese = pct;
        std::replace(vietnamese.begin(), vietnamese.end(), '.', ',');
        EXPECT_EQ(info["Tỷ lệ đất công nghiệp trong phạm vi (%)"].rfind(vietnamese, 0), 0u)
            << info["Tỷ lệ đất công nghiệp trong phạm vi (%)"];
        EXPECT_EQ(info["Khoảng cách"], "5 km");
    }
    // In English on request.
    ASSERT_EQ(runCli({"analyze", sample, "corridor", "--format", "xlsx", "--lang", "en", "-o",
                      dir.file("en.xlsx")})
                  .exitCode,
              0);
    EXPECT_EQ(
        pa::gis::Dataset::openVector(dir.file("en.xlsx"), pa::gis::OpenMode::ReadOnly).layerNames(),
        (std::vector<std::string>{"Expressway corridor", "About"}));
    // CSV for a double-click: a byte-order mark, the columns' and kinds' words, and what a
    // Vietnamese Excel splits and reads as numbers (';' between cells, decimal comma); the
    // same rows.
    const auto excel = runCli({"analyze", sample, "corridor", "--excel"});
    ASSERT_EQ(excel.exitCode, 0) << excel.err;
    EXPECT_EQ(excel.out.rfind("\xEF\xBB\xBFLoại;Mã;Tên;", 0), 0u) << excel.out.substr(0, 80);
    EXPECT_NE(excel.out.find("\nKhu công nghiệp;KCN-DT;KCN Điềm Thụy;CT39-VD5;"),
              std::string::npos);
    EXPECT_NE(csv.out.find("\nindustrial_park,KCN-DT,KCN Điềm Thụy,CT39-VD5,"), std::string::npos);
    EXPECT_NE(excel.out.find(";1,2585;1;361,11;361,11;100,00\n"), std::string::npos);
    EXPECT_NE(csv.out.find(",1.2585,1,361.11,361.11,100.00\n"), std::string::npos);
    EXPECT_EQ(std::count(excel.out.begin(), excel.out.end(), '\n'),
              std::count(csv.out.begin(), csv.out.end(), '\n'));
    const auto english = runCli({"analyze", sample, "corridor", "--excel", "--lang", "en"});
    EXPECT_EQ(english.out.rfind("\xEF\xBB\xBFKind,Code,Name,", 0), 0u) << english.out.substr(0, 80);
    EXPECT_NE(english.out.find("\nIndustrial park,KCN-DT,"), std::string::npos);
    EXPECT_NE(english.out.find(",1.2585,1,361.11,361.11,100.00\n"), std::string::npos);
    // Refused before any work: a workbook needs a file; --excel is a CSV's.
    EXPECT_EQ(runCli({"analyze", sample, "corridor", "--format", "xlsx"}).exitCode, 2);
    EXPECT_EQ(runCli({"analyze", sample, "corridor", "--format", "json", "--excel"}).exitCode, 2);
    // A land-price table kept in Excel imports like its CSV, joined to the districts by name;
    // every cell of it is text (prices written "2.400.000"), and its first row still names the
    // columns.
    const auto xlsxTable = dir.file("gia_dat.xlsx");
    ASSERT_EQ(
        pa::test::run(
            {"ogr2ogr", "-f", "XLSX", xlsxTable,
             (pa::test::sourceDir() / "data/thai_nguyen/land_price_illustrative.csv").string(),
             "-nln", "Bảng giá"})
            .exitCode,
        0);
    const auto copy = dir.file("ws.gpkg");
    std::filesystem::copy_file(sample, copy);
    const auto imported =
        runCli({"import", copy, xlsxTable, "--kind", "land_price", "--layer", "gia_dat", "--join",
                "districts_pre2025:name_vi=ten_don_vi", "--licence", "CC0"});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    {
        auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
        const auto sums = ws.dataset().execute(
            "SELECT (SELECT count(*) || ' ' || sum(price_vnd_m2) FROM gia_dat), (SELECT count(*) "
            "|| ' ' || sum(price_vnd_m2) FROM land_price_illustrative)");
        EXPECT_EQ(pa::gis::toString(sums.rows.at(0).at(0)),
                  pa::gis::toString(sums.rows.at(0).at(1)));
    }
    // Footprint's two tables are two sheets.
    ASSERT_EQ(runCli({"analyze", sample, "footprint", "--format", "xlsx", "-o", dir.file("f.xlsx")})
                  .exitCode,
              0);
    EXPECT_EQ(pa::gis::Dataset::openVector(dir.file("f.xlsx"), pa::gis::OpenMode::ReadOnly)
                  .layerNames()
                  .size(),
              3u);
}

TEST(Cli, AnalyzeFootprintAndUnlocatedTasks)
{
    PLANATLAS_NEEDS_SAMPLE();
    const auto sample = pa::test::sampleWorkspace().string();
    const auto j =
        nlohmann::json::parse(runCli({"analyze", sample, "footprint", "--by", "document", "--units",
                                      "districts_pre2025", "--format", "json"})
                                  .out);
    ASSERT_EQ(j["rows"].size(), 4u); // the four plan documents
    std::int64_t tasks = 0;
    for (const auto& r : j["rows"])
        tasks += r["tasks"].get<std::int64_t>();
    EXPECT_EQ(tasks, 257);
    // The sample's tasks are all reviewed (data/thai_nguyen/task_review.csv): each unlocated
    // task carries the reviewer's reason, and the located and unlocated tasks add up.
    std::int64_t located = 0;
    for (const auto& r : j["rows"])
        located += r["located"].get<std::int64_t>();
    EXPECT_GT(located, 0);
    EXPECT_EQ(static_cast<std::int64_t>(j["unlocated"].size()) + located, 257);
    EXPECT_EQ(j["unlocated_reviewed"], j["unlocated"].size());
    std::int64_t byDocument = 0;
    for (const auto& [doc, n] : j["unlocated_by_document"].items())
        byDocument += n.get<std::int64_t>();
    EXPECT_EQ(byDocument, static_cast<std::int64_t>(j["unlocated"].size()));
    for (const auto& t : j["unlocated"])
        EXPECT_FALSE(t["reviewed_reason"].get<std::string>().empty()) << t["task_id"];
    EXPECT_EQ(j["parameters"]["by"], "document");
    const auto csv = runCli({"analyze", sample, "footprint", "--unlocated"});
    ASSERT_EQ(csv.exitCode, 0);
    EXPECT_EQ(csv.out.rfind("task_id,doc_id,section,lead,deadline,reviewed_reason,text\n", 0), 0u);
    EXPECT_EQ(runCli({"analyze", sample, "footprint", "--by", "district"}).exitCode, 2);
}

TEST(Cli, AnalyzeOverlapsWritesPolygonsWithBothSides)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    // Two parks and a tea zone from WKT in VN-2000: park A overlaps the zone by 20 ha.
    pa::test::writeBytes(dir.file("parks.csv"),
                         "code,name_vi,wkt\nA,KCN A,\"POLYGON((430000 2380000,431000 "
                         "2380000,431000 2381000,430000 2381000,430000 2380000))\"\n");
    pa::test::writeBytes(dir.file("tea.csv"),
                         "code,name_vi,wkt\nT,Vùng chè,\"POLYGON((430800 2380000,432000 "
                         "2380000,432000 2381000,430800 2381000,430800 2380000))\"\n");
    ASSERT_EQ(runCli({"import", ws, dir.file("parks.csv"), "--kind", "industrial_park", "--src-crs",
                      "EPSG:9213", "--code-field", "code", "--quiet"})
                  .exitCode,
              0);
    ASSERT_EQ(runCli({"import", ws, dir.file("tea.csv"), "--kind", "agri_zone", "--src-crs",
                      "EPSG:9213", "--code-field", "code", "--quiet"})
                  .exitCode,
              0);
    const auto r = runCli({"analyze", ws, "overlaps", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["rows"].size(), 1u);
    EXPECT_EQ(j["rows"][0]["code_a"], "A");
    EXPECT_EQ(j["rows"][0]["kind_b"], "agri_zone");
    EXPECT_NEAR(j["rows"][0]["area_ha"].get<double>(), 20.0, 1e-9);
    EXPECT_EQ(j["rows"][0]["wkt"].get<std::string>().rfind("POLYGON", 0), 0u);
    const auto filtered = runCli({"analyze", ws, "overlaps", "--min-ha", "25"});
    EXPECT_EQ(filtered.exitCode, 0);
    EXPECT_NE(filtered.err.find("1 overlap(s) smaller than 25 ha left out"), std::string::npos)
        << filtered.err;
    EXPECT_EQ(runCli({"analyze", ws, "overlaps", "--pairs", "industrial_park"}).exitCode, 2);
}

TEST(Cli, AnalyzeCorridorAndAccess)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    pa::test::writeBytes(dir.file("parks.csv"),
                         "code,name_vi,wkt\nA,KCN A,\"POLYGON((430000 2380000,431000 "
                         "2380000,431000 2381000,430000 2381000,430000 2380000))\"\n"
                         "B,KCN B,\"POLYGON((430000 2390000,431000 2390000,431000 2391000,430000 "
                         "2391000,430000 2390000))\"\n");
    pa::test::writeBytes(dir.file("ct.csv"),
                         "code,name_vi,status,wkt\nCT07,Cao tốc CT.07,existing,\"LINESTRING(429000 "
                         "2383000,433000 2383000)\"\n");
    ASSERT_EQ(runCli({"import", ws, dir.file("parks.csv"), "--kind", "industrial_park", "--src-crs",
                      "EPSG:9213", "--code-field", "code", "--quiet"})
                  .exitCode,
              0);
    ASSERT_EQ(runCli({"import", ws, dir.file("ct.csv"), "--kind", "expressway", "--src-crs",
                      "EPSG:9213", "--code-field", "code", "--quiet"})
                  .exitCode,
              0);
    const auto r = runCli({"analyze", ws, "corridor", "--distance-km", "5", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["rows"].size(), 3u); // A, B and the industrial total
    EXPECT_EQ(j["rows"][2]["kind"], "industrial_total");
    EXPECT_NEAR(j["rows"][2]["within_pct"].get<double>(), 50.0, 1e-6);
    EXPECT_NEAR(j["rows"][0]["within_ha"].get<double>(), 100.0, 1e-6); // all of A's 1 km²
    EXPECT_NEAR(j["rows"][0]["distance_km"].get<double>(), 2.0, 1e-9); // A: 2 km south of the line
    EXPECT_EQ(j["rows"][0]["within"], 1);
    EXPECT_NEAR(j["rows"][1]["distance_km"].get<double>(), 7.0, 1e-9); // B: 7 km north
    EXPECT_EQ(j["rows"][1]["within"], 0);
    EXPECT_NEAR(j["industrial_inside_pct"].get<double>(), 50.0, 1e-6); // A of A+B
    const auto access = runCli({"analyze", ws, "access", "--to", "expressway"});
    EXPECT_EQ(access.exitCode, 0);
    EXPECT_NE(access.out.find("industrial_park,B,KCN B,CT07,Cao tốc CT.07,7.0000"),
              std::string::npos)
        << access.out;
    EXPECT_EQ(runCli({"analyze", ws, "access"}).exitCode, 2);
    EXPECT_EQ(runCli({"analyze", ws, "corridor", "--status", "planned"}).exitCode, 2);
}

TEST(Cli, CorridorWithExpresswaysStoredInWgs84GivesTheSameAnswer)
{
    PLANATLAS_NEEDS_SAMPLE();
    // The issue's reproduction: the sample's expressway layer rewritten in EPSG:4326, as an
    // outside editor may leave it. Proximity used to measure degrees against metres: about
    // 2,400 km to the nearest expressway and 0 % of industrial land within 5 km, exit 0.
    pa::test::TempDir dir;
    const auto ws = dir.file("ws.gpkg");
    fs::copy_file(pa::test::sampleWorkspace(), ws);
    const auto before = runCli({"analyze", ws, "corridor", "--distance-km", "5"});
    const auto targetsBefore = runCli({"analyze", ws, "targets"});
    ASSERT_EQ(before.exitCode, 0) << before.err;
    ASSERT_EQ(pa::test::storeLayerIn(ws, "expressways", "EPSG:4326", dir), "");
    const auto after = runCli({"analyze", ws, "corridor", "--distance-km", "5"});
    ASSERT_EQ(after.exitCode, 0) << after.err;
    EXPECT_EQ(after.out, before.out); // to the fourth decimal of every kilometre
    EXPECT_NE(after.err.find("'expressways' is stored in EPSG:4326"), std::string::npos)
        << after.err;
    EXPECT_NE(after.err.find("(80.3 %)"), std::string::npos) << after.err;
    // The expressway-length targets measure the same kilometres.
    const auto targets = runCli({"analyze", ws, "targets"});
    ASSERT_EQ(targets.exitCode, 0) << targets.err;
    EXPECT_EQ(targets.out, targetsBefore.out);
    EXPECT_NE(targets.err.find("reprojected"), std::string::npos) << targets.err;
}

TEST(Cli, AnalyzeTargetsOnTheSample)
{
    PLANATLAS_NEEDS_SAMPLE();
    const auto r =
        runCli({"analyze", pa::test::sampleWorkspace().string(), "targets", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["province_layer"], "province_2025"); // the province still valid
    // The 2023 plan's "134,9 km through the province" is measured in the province of 2023 (the
    // document cites acts up to 30/3/2023), not in the province merged with Bắc Kạn in 2025;
    // the measure agrees with SpatiaLite's ST_Length(ST_Intersection(...)) on the same data.
    bool expressway = false;
    for (const auto& t : j["rows"])
        if (t["metric"] == "expressway_length_km") {
            expressway = true;
            EXPECT_DOUBLE_EQ(t["value"].get<double>(), 134.9);
            EXPECT_EQ(t["province_layer"], "province_pre2025");
            auto ws = pa::layers::Workspace::open(pa::test::sampleWorkspace().string(),
                                                  pa::gis::OpenMode::ReadOnly);
            const double expected =
                std::get<double>(ws.dataset()
                                     .execute("SELECT SUM(ST_Length(ST_Intersection(e.geom, "
                                              "p.geom))) / 1000.0 FROM expressways e, "
                                              "province_pre2025 p",
                                              "SQLite")
                                     .rows.at(0)
                                     .at(0));
            EXPECT_NEAR(t["measured"].get<double>(), expected, 1e-6 * expected);
            EXPECT_EQ(t["status"], t["measured"].get<double>() >= 0.9 * 134.9 ? "met" : "not met");
        }
    EXPECT_TRUE(expressway);
}

TEST(Cli, GridOverTheSampleProvinceThenCoverage)
{
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    const auto ws = dir.file("tn.gpkg");
    fs::copy_file(pa::test::sampleWorkspace(), ws);
    const auto grid = runCli({"grid", ws, "--cell-km", "10", "--shape", "square"});
    ASSERT_EQ(grid.exitCode, 0) << grid.err;
    EXPECT_NE(grid.out.find("square grid of"), std::string::npos) << grid.out;
    const auto j = nlohmann::json::parse(
        runCli({"analyze", ws, "coverage", "--units", "grid_10km_square", "--format", "json"}).out);
    ASSERT_FALSE(j["rows"].empty());
    // The cells tile the 2025 province: their road lengths add up to the roads' length inside it.
    const auto whole = nlohmann::json::parse(
        runCli({"analyze", ws, "coverage", "--units", "province_2025", "--format", "json"}).out);
    auto roadKm = [](const nlohmann::json& rows) {
        double km = 0;
        for (const auto& r : rows)
            if (r["kind"] == "road")
                km += r["length_km"].get<double>();
        return km;
    };
    EXPECT_GT(roadKm(whole["rows"]), 100.0);
    EXPECT_NEAR(roadKm(j["rows"]), roadKm(whole["rows"]), 1e-6 * roadKm(whole["rows"]));
    EXPECT_EQ(runCli({"validate", ws}).exitCode, 0);
    EXPECT_EQ(runCli({"grid", ws, "--cell-km", "0"}).exitCode, 2);
    EXPECT_EQ(runCli({"grid", ws, "--cell-km", "10", "--shape", "triangle"}).exitCode, 2);
}

TEST(Cli, AnalyzeZonalLandPrice)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    pa::test::writeBytes(dir.file("parks.csv"),
                         "code,name_vi,wkt\nA,KCN A,\"POLYGON((430000 2380000,431000 "
                         "2380000,431000 2381000,430000 2381000,430000 2380000))\"\n");
    // Price zones written as a Vietnamese spreadsheet would: 1.200.000 and 800.000 VND/m².
    pa::test::writeBytes(dir.file("gia.csv"),
                         "ma,loai_dat,gia_dat,wkt\n"
                         "G1,SKC,\"1.200.000\",\"POLYGON((430000 2380000,430250 2380000,430250 "
                         "2381000,430000 2381000,430000 2380000))\"\n"
                         "G2,SKC,\"800.000\",\"POLYGON((430250 2380000,431000 2380000,431000 "
                         "2381000,430250 2381000,430250 2380000))\"\n");
    ASSERT_EQ(runCli({"import", ws, dir.file("parks.csv"), "--kind", "industrial_park", "--src-crs",
                      "EPSG:9213", "--code-field", "code", "--quiet"})
                  .exitCode,
              0);
    const auto imp = runCli({"import", ws, dir.file("gia.csv"), "--kind", "land_price", "--layer",
                             "gia_dat", "--src-crs", "EPSG:9213", "--code-field", "ma", "--source",
                             "illustrative", "--quiet"});
    ASSERT_EQ(imp.exitCode, 0)
        << imp.err; // gia_dat and loai_dat are recognised as price and land use
    const auto r = runCli({"analyze", ws, "zonal", "--values", "gia_dat", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["rows"].size(), 1u);
    // A quarter of the park at 1.2 M, three quarters at 0.8 M: 0.9 M VND/m².
    EXPECT_NEAR(j["rows"][0]["price_vnd_m2_mean"].get<double>(), 900000.0, 1e-6);
    EXPECT_EQ(runCli({"analyze", ws, "zonal"}).exitCode, 2);
}

TEST(Cli, AnalyzeZonalOverARasterAgreesWithThePolygonsItWasBurntFrom)
{
    PLANATLAS_NEEDS_SAMPLE();
    // The sample's district price table burnt into a 50 m GeoTIFF by gdal_rasterize: per park,
    // the pixel mean must come close to the area-weighted polygon mean (pixels straddling a
    // district edge take one side's price).
    pa::test::TempDir dir;
    const auto sample = pa::test::sampleWorkspace().string();
    const auto tif = dir.file("price.tif");
    const auto burn = pa::test::run({"gdal_rasterize", "-q", "-l", "land_price_illustrative", "-a",
                                     "price_vnd_m2", "-tr", "50", "50", "-a_nodata", "-1", "-ot",
                                     "Float64", sample, tif});
    ASSERT_EQ(burn.exitCode, 0) << burn.err;
    const auto polygons = runCli({"analyze", sample, "zonal", "--values", "land_price_illustrative",
                                  "--kinds", "industrial_park", "--format", "json"});
    const auto pixels = runCli({"analyze", sample, "zonal", "--values", tif, "--kinds",
                                "industrial_park", "--format", "json"});
    ASSERT_EQ(polygons.exitCode, 0) << polygons.err;
    ASSERT_EQ(pixels.exitCode, 0) << pixels.err;
    const auto p = nlohmann::json::parse(polygons.out), r = nlohmann::json::parse(pixels.out);
    EXPECT_EQ(r["field"], "band1");
    EXPECT_EQ(r["raster_crs"], "EPSG:9213");
    ASSERT_EQ(p["rows"].size(), r["rows"].size());
    ASSERT_GE(r["rows"].size(), 10u);
    for (std::size_t i = 0; i < r["rows"].size(); ++i) {
        const auto& a = p["rows"][i];
        const auto& b = r["rows"][i];
        SCOPED_TRACE(a["code"].get<std::string>());
        ASSERT_EQ(a["code"], b["code"]);
        // The polygons' field and the raster's band name the mean column.
        EXPECT_NEAR(b["band1_mean"].get<double>(), a["price_vnd_m2_mean"].get<double>(),
                    0.03 * a["price_vnd_m2_mean"].get<double>());
        EXPECT_NEAR(b["covered_ha"].get<double>(), a["covered_ha"].get<double>(),
                    0.05 * a["covered_ha"].get<double>());
        EXPECT_GT(b["pixels"].get<int>(), 0);
    }
    // CSV says pixels, not value polygons; a band that does not exist is refused.
    const auto csv =
        runCli({"analyze", sample, "zonal", "--values", tif, "--kinds", "industrial_park"});
    EXPECT_NE(csv.out.find("covered_pct,pixels,nodata_pixels\n"), std::string::npos) << csv.out;
    EXPECT_EQ(runCli({"analyze", sample, "zonal", "--values", tif + ":3"}).exitCode, 2);
}

TEST(Cli, MapOfTheSampleAndItsRefusals)
{
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    const auto sample = pa::test::sampleWorkspace().string();
    const auto png = dir.file("tn.png");
    const auto r = runCli({"map", sample, "-o", png, "--size", "1200x850"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("positions are indicative"), std::string::npos) << r.out;
    EXPECT_GT(std::filesystem::file_size(png), 50000u);
    const auto pdf = dir.file("sct.pdf");
    const auto agency = runCli(
        {"map", sample, "-o", pdf, "--highlight", "agency:Sở Nông nghiệp và Phát triển nông thôn"});
    ASSERT_EQ(agency.exitCode, 0) << agency.err;
    const auto text = pa::test::run({"pdftotext", pdf, "-"});
    EXPECT_NE(text.out.find("Sở Nông nghiệp và Phát triển nông thôn"),
              std::string::npos); // the subtitle says whose
    EXPECT_NE(text.out.find("Open Development Mekong"), std::string::npos); // sources credited
    // Refusals: clear message, exit code, no file.
    EXPECT_EQ(runCli({"map", sample, "-o", dir.file("a.png"), "--theme", "heatmap"}).exitCode, 2);
    EXPECT_EQ(runCli({"map", sample}).exitCode, 2);
    EXPECT_EQ(runCli({"map", sample, "-o", dir.file("a.bmp")}).exitCode, 2);
    EXPECT_EQ(runCli({"map", sample, "-o", dir.file("a.png"), "--layers", "no_such"}).exitCode, 2);
    const auto far =
        runCli({"map", sample, "-o", dir.file("a.png"), "--extent", "100,10,101,11:EPSG:4326"});
    EXPECT_EQ(far.exitCode, 2);
    EXPECT_NE(far.err.find("does not overlap"), std::string::npos) << far.err;
    EXPECT_EQ(runCli({"map", sample, "-o", dir.file("nowhere/a.png")}).exitCode, 3);
    EXPECT_FALSE(std::filesystem::exists(dir.file("a.png")));
    // A district by its code, in lon/lat, in English.
    EXPECT_EQ(runCli({"map", sample, "-o", dir.file("b.svg"), "--extent",
                      "105.7,21.3,106.1,21.6:EPSG:4326", "--lang", "en"})
                  .exitCode,
              0);
}

TEST(Cli, ReportIsSelfContainedAndItsTablesAreTheAnalyses)
{
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    const auto sample = pa::test::sampleWorkspace().string();
    const auto out = dir.file("bao-cao");
    const auto r = runCli({"report", sample, "-o", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string page = pa::test::readBytes(out + "/index.html");
    // Self-contained: no network reference; the maps are embedded.
    EXPECT_EQ(page.find("http://"), std::string::npos);
    EXPECT_EQ(page.find("https://"), std::string::npos);
    EXPECT_EQ(page.find("src=\"/"), std::string::npos);
    std::size_t images = 0;
    for (auto p = page.find("src=\"data:image/png;base64,"); p != std::string::npos;
         p = page.find("src=\"data:image/png;base64,", p + 1))
        ++images;
    EXPECT_EQ(images, 4u);
    EXPECT_NE(page.find("<svg class=\"chart\""), std::string::npos);
    EXPECT_NE(page.find("VỊ TRÍ CHỈ DẪN"), std::string::npos);   // indicative geometry said
    EXPECT_NE(page.find("SỐ LIỆU MINH HỌA"), std::string::npos); // illustrative prices said
    // Its words from the catalogue, in Vietnamese by default, including the values translated
    // as they come from the workspace (geometry quality).
    EXPECT_NE(page.find("Báo cáo phạm vi không gian"), std::string::npos);
    EXPECT_NE(page.find(">chỉ dẫn<"), std::string::npos);
    EXPECT_EQ(page.find("Coverage report"), std::string::npos);
    EXPECT_NE(page.find("Open Development Mekong"), std::string::npos);
    // Every CSV beside it is what planatlas analyze writes for the same question.
    const std::vector<std::pair<std::string, std::vector<std::string>>> same = {
        {"coverage_by_unit.csv", {"coverage", "--units", "districts_pre2025"}},
        {"targets.csv", {"targets"}},
        {"overlaps.csv", {"overlaps"}},
        {"corridor.csv", {"corridor", "--distance-km", "5"}},
        {"access_to_expressway.csv", {"access", "--to", "expressway"}},
        {"access_to_provincial_city.csv", {"access", "--to", "urban_centre:provincial"}},
        {"land_price_by_feature.csv", {"zonal", "--values", "land_price_illustrative"}},
        {"footprint_by_agency.csv",
         {"footprint", "--by", "agency", "--units", "districts_pre2025"}},
        {"tasks_without_place.csv", {"footprint", "--by", "document", "--unlocated"}},
    };
    for (const auto& [file, analysis] : same) {
        std::vector<std::string> args = {"analyze", sample};
        args.insert(args.end(), analysis.begin(), analysis.end());
        const auto cli = runCli(args);
        ASSERT_EQ(cli.exitCode, 0) << cli.err;
        EXPECT_EQ(pa::test::readBytes(out + "/" + file), cli.out) << file;
    }
    // In English on request; refusals leave nothing behind.
    const auto en =
        runCli({"report", sample, "-o", dir.file("report-en"), "--lang", "en", "--quiet"});
    ASSERT_EQ(en.exitCode, 0) << en.err;
    EXPECT_NE(pa::test::readBytes(dir.file("report-en/index.html")).find("Coverage report"),
              std::string::npos);
    EXPECT_EQ(runCli({"report", sample}).exitCode, 2);
    EXPECT_EQ(runCli({"report", sample, "-o", dir.file("no/such/folder/r")}).exitCode, 3);
    EXPECT_FALSE(std::filesystem::exists(dir.file("no")));
    pa::test::writeBytes(dir.file("a-file"), "x");
    EXPECT_EQ(runCli({"report", sample, "-o", dir.file("a-file")}).exitCode, 3);
    const auto empty = dir.file("empty.gpkg");
    ASSERT_EQ(runCli({"init", empty, "--province", "Thái Nguyên", "--crs", "EPSG:9213"}).exitCode,
              0);
    EXPECT_EQ(runCli({"report", empty, "-o", dir.file("r-empty")}).exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(dir.file("r-empty")));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos)
            << entry.path();
}

TEST(Cli, DeadlinesAreStoredAndFootprintSaysWhatIsDueBeforeADay)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    pa::test::writeBytes(
        dir.file("kh.txt"),
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
        "1. Sở Công Thương chủ trì rà soát quy hoạch cụm công nghiệp, hoàn thành trong Quý "
        "II/2026.\n\n"
        "2. Sở Xây dựng chủ trì lập quy hoạch chung đô thị, trước ngày 30/9/2026.\n\n"
        "3. Sở Tài chính chủ trì bố trí kinh phí thực hiện hằng năm.\n\n"
        "4. Sở Nội vụ chủ trì kiện toàn bộ máy.\n");
    const auto r = runCli({"ingest", ws, dir.file("kh.txt"), "--doc-id", "kh-1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto json =
        nlohmann::json::parse(runCli({"ingest", "--format", "json", dir.file("kh.txt")}).out);
    EXPECT_EQ(json["tasks"][0]["deadline"], "2026-Q2");
    EXPECT_EQ(json["tasks"][1]["deadline"], "2026-09-30");
    EXPECT_EQ(json["tasks"][2]["deadline"], "annual");
    EXPECT_TRUE(json["tasks"][3]["deadline"].is_null());
    // On 1 July 2026 only the Quý II task is due (and overdue if not done); 30/9 is later,
    // the annual and undated tasks have no end. A Vietnamese date is read too.
    for (const std::string day : {"2026-07-01", "1/7/2026"}) {
        const auto due = runCli(
            {"analyze", ws, "footprint", "--unlocated", "--due-before", day, "--format", "json"});
        ASSERT_EQ(due.exitCode, 0) << due.err;
        const auto j = nlohmann::json::parse(due.out);
        // The tasks without a place are the answer ("rows"); the footprint follows by name.
        ASSERT_EQ(j["rows"].size(), 1u) << due.out;
        EXPECT_EQ(j["rows"][0]["task_id"], "kh-1:I.1#1");
        EXPECT_EQ(j["rows"][0]["deadline"], "2026-Q2");
        EXPECT_TRUE(j["footprint"].is_array());
        EXPECT_EQ(j["tasks_not_due"], 3);
    }
    const auto bad = runCli({"analyze", ws, "footprint", "--due-before", "sắp tới"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("not a date"), std::string::npos) << bad.err;
}

TEST(Cli, TaskCorrectionsAreKeptApartAndSurviveReingest)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    pa::test::writeBytes(dir.file("kh.txt"),
                         "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
                         "1. Sở Công Thương chủ trì rà soát quy hoạch cụm công nghiệp. Đồng thời "
                         "xây dựng cơ sở dữ liệu.\n\n"
                         "2. Sở Xây dựng chủ trì lập quy hoạch chung đô thị.\n\n"
                         "3. Sở Tài chính chủ trì bố trí kinh phí.\n\n"
                         "4. Sở Tài chính tổng hợp, báo cáo kết quả.\n\n"
                         "5. Sở Nội vụ chủ trì kiện toàn bộ máy.\n");
    ASSERT_EQ(runCli({"ingest", ws, dir.file("kh.txt"), "--doc-id", "kh"}).exitCode, 0);
    auto ok = [&](const std::vector<std::string>& args) {
        std::vector<std::string> all = {"task", ws};
        all.insert(all.end(), args.begin(), args.end());
        const auto r = runCli(all);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r;
    };
    ok({"edit", "kh:I.2#1", "--lead", "Sở Xây dựng; UBND các xã, phường", "--deadline",
        "Quý II/2026"});
    ok({"split", "kh:I.1#1", "--at", "Đồng thời"});
    ok({"merge", "kh:I.3#1", "kh:I.4#1"});
    ok({"drop", "kh:I.5#1"});
    const auto leads = [&] {
        std::map<std::string, std::string> out;
        auto w = pa::layers::Workspace::open(ws, pa::gis::OpenMode::ReadOnly);
        for (const auto& row :
             w.dataset()
                 .execute(
                     "SELECT t.task_id, group_concat(a.name_vi, ';'), t.deadline, t.text FROM "
                     "plan_tasks t "
                     "LEFT JOIN plan_task_agencies r ON r.task_id = t.task_id AND r.role = 'lead' "
                     "LEFT JOIN plan_agencies a ON a.agency_id = r.agency_id GROUP BY t.task_id")
                 .rows)
            out[pa::gis::toString(row[0])] = pa::gis::toString(row[1]) + "|" +
                                             pa::gis::toString(row[2]) + "|" +
                                             pa::gis::toString(row[3]);
        return out;
    };
    auto check = [&] {
        const auto l = leads();
        ASSERT_EQ(l.size(), 4u); // 5 read, one split in two, two merged, one dropped
        EXPECT_EQ(l.at("kh:I.1#1"),
                  "Sở Công Thương||Sở Công Thương chủ trì rà soát quy hoạch cụm công nghiệp.");
        EXPECT_EQ(l.at("kh:I.1#1-2"), "Sở Công Thương||Đồng thời xây dựng cơ sở dữ liệu.");
        EXPECT_NE(l.at("kh:I.2#1").find("Sở Xây dựng"), std::string::npos);
        EXPECT_NE(l.at("kh:I.2#1").find("UBND các xã, phường"), std::string::npos);
        EXPECT_NE(l.at("kh:I.2#1").find("|2026-Q2|"), std::string::npos);
        EXPECT_EQ(l.at("kh:I.3#1"), "Sở Tài chính||Sở Tài chính chủ trì bố trí kinh phí. Sở Tài "
                                    "chính tổng hợp, báo cáo kết quả.");
    };
    check();
    // Ingesting the same document again (or a newer reader reading it) keeps the corrections.
    ASSERT_EQ(runCli({"ingest", ws, dir.file("kh.txt"), "--doc-id", "kh"}).exitCode, 0);
    check();
    EXPECT_EQ(runCli({"validate", ws}).exitCode, 0);
    const auto list = ok({"corrections"});
    EXPECT_NE(list.out.find("5 correction(s)"), std::string::npos)
        << list.out; // lead and deadline are two
    // Refusals change nothing.
    const auto before = pa::test::readBytes(ws);
    EXPECT_EQ(runCli({"task", ws, "split", "kh:I.2#1", "--at", "không có"}).exitCode, 2);
    EXPECT_EQ(runCli({"task", ws, "edit", "kh:IX#9", "--lead", "Sở Y tế"}).exitCode, 2);
    EXPECT_EQ(runCli({"task", ws, "edit", "kh:I.2#1"}).exitCode, 2);
    EXPECT_EQ(pa::test::readBytes(ws), before);
}

TEST(Cli, IngestExplainShowsThePartsAndTheRuleOfEachTaskAndExplainsAFailure)
{
    pa::test::TempDir dir;
    const auto th =
        pa::test::sampleData("thanh_hoa/plans/thanh-hoa_ctr-hanh-dong-nq29_qd1992_2023.txt")
            .string();
    const auto r = runCli({"ingest", "--explain", th});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // The decision, its distribution list, then the programme attached after it: 49 tasks.
    EXPECT_NE(r.out.find("part wrapper"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("part distribution"), std::string::npos);
    EXPECT_NE(r.out.find("49 task(s)"), std::string::npos);
    EXPECT_NE(r.out.find("chu-tri"), std::string::npos); // the rule that read a lead
    // A document naming an agency but assigning nothing: the parts, then the error.
    pa::test::writeBytes(dir.file("e.txt"),
                         "KẾ HOẠCH\n\nI. MỤC ĐÍCH\n\n1. Sở Tài chính là cơ quan thường trực.\n");
    const auto bad = runCli({"ingest", "--explain", dir.file("e.txt")});
    EXPECT_EQ(bad.exitCode, 3);
    EXPECT_NE(bad.out.find("part plan"), std::string::npos) << bad.out;
    EXPECT_NE(bad.err.find("no task assigned to anyone"), std::string::npos) << bad.err;
}

TEST(Cli, AgencyMapColoursFeaturesByTheYearTheirTasksAreDue)
{
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    const auto ws = dir.file("tn.gpkg");
    std::filesystem::copy_file(pa::test::sampleWorkspace(), ws);
    // Two of Sở Công Thương's located tasks given deadlines (as a planner would correct them).
    ASSERT_EQ(runCli({"task", ws, "edit", "cv-2907:2.1#2", "--deadline", "trước ngày 30/6/2026"})
                  .exitCode,
              0);
    ASSERT_EQ(runCli({"task", ws, "edit", "kh-nq54:III.4#4", "--deadline", "năm 2027"}).exitCode,
              0);
    const auto svg = dir.file("sct.svg");
    const auto r = runCli({"map", ws, "-o", svg, "--theme", "agency", "--highlight",
                           "agency:Sở Công Thương", "--by-deadline", "--size", "1200x900"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string text = pa::test::readBytes(svg);
    // The earliest year in red, the next in orange, each in the legend.
    EXPECT_NE(text.find("#d73027"), std::string::npos);
    EXPECT_NE(text.find("#fc8d59"), std::string::npos);
    EXPECT_NE(text.find("Hạn hoàn thành 2026"), std::string::npos);
    EXPECT_NE(text.find("Hạn hoàn thành 2027"), std::string::npos);
    // Without --by-deadline, no year colours.
    const auto plain = runCli({"map", ws, "-o", dir.file("plain.svg"), "--theme", "agency",
                               "--highlight", "agency:Sở Công Thương", "--size", "1200x900"});
    ASSERT_EQ(plain.exitCode, 0) << plain.err;
    EXPECT_EQ(pa::test::readBytes(dir.file("plain.svg")).find("Hạn hoàn thành 2026"),
              std::string::npos);
}

TEST(Cli, IngestRefusesADocumentIdThatBreaksTaskIdsAndADifferentDocument)
{
    pa::test::TempDir dir;
    const auto ws = initWorkspace(dir);
    const std::string cv =
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt").string();
    const std::string ctr37 =
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_kh-thuc-hien-ctr37-nq29_2023.txt")
            .string();
    auto r = runCli({"ingest", ws, cv, "--doc-id", "x:1.1#1"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--doc-id"), std::string::npos) << r.err;
    ASSERT_EQ(runCli({"ingest", ws, cv, "--doc-id", "cv"}).exitCode, 0);
    r = runCli({"ingest", ws, ctr37, "--doc-id", "cv"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("is not an earlier version"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--replace"), std::string::npos) << r.err;
    r = runCli({"ingest", ws, ctr37, "--doc-id", "cv", "--replace"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("38 removed"), std::string::npos) << r.out;
}
