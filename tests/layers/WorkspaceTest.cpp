// The workspace: schema, metadata, refusal of bad paths and CRSs, validation.

#include "planatlas/layers/Workspace.h"

#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/FeatureTable.h"
#include "planatlas/layers/Importer.h"

#include <filesystem>
#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace pa::layers;
using pa::gis::OpenMode;

namespace {

std::string scalar(Workspace& ws, const std::string& sql)
{
    const auto result = ws.dataset().execute(sql);
    return result.rows.empty() ? std::string() : pa::gis::toString(result.rows[0][0]);
}

ErrorKind kindOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& e) {
        return e.kind();
    }
    ADD_FAILURE() << "no error";
    return ErrorKind::Cancelled;
}

Workspace makeWorkspace(const pa::test::TempDir& dir, const std::string& name = "ws.gpkg")
{
    return Workspace::create(dir.file(name), {"Thái Nguyên", "EPSG:9213"});
}

} // namespace

TEST(Workspace, CreatesTheSchemaAndMetadata)
{
    pa::test::TempDir dir;
    {
        auto ws = makeWorkspace(dir);
        EXPECT_EQ(ws.province(), "Thái Nguyên");
        EXPECT_EQ(ws.crs().epsg(), 9213);
        EXPECT_EQ(ws.schemaVersion(), kSchemaVersion);
        ws.close();
    }
    auto ws = Workspace::open(dir.file("ws.gpkg"), OpenMode::ReadOnly);
    for (const char* table : {"pa_metadata", "pa_layers", "plan_documents", "plan_tasks",
                              "plan_agencies", "plan_agency_aliases", "plan_task_agencies",
                              "plan_targets", "admin_units", "admin_crosswalk"})
        EXPECT_EQ(
            scalar(ws, std::string("SELECT data_type FROM gpkg_contents WHERE table_name = '") +
                           table + "'"),
            "attributes")
            << table;
    EXPECT_EQ(scalar(ws, "SELECT extension_name FROM gpkg_extensions WHERE table_name = "
                         "'gpkgext_relations'"),
              "related_tables");
    EXPECT_EQ(scalar(ws, "SELECT value FROM pa_metadata WHERE key = 'analysis_crs'"), "EPSG:9213");
    // The role constraint is real SQL, not a convention.
    EXPECT_THROW(ws.dataset().execute("INSERT INTO plan_task_agencies (task_id, agency_id, role) "
                                      "VALUES ('t', 'a', 'owner')"),
                 pa::gis::GisError);
    const auto report = ws.validate();
    EXPECT_EQ(report.errorCount(), 0u);
    EXPECT_EQ(report.warningCount(), 0u);
}

TEST(Workspace, RefusesWhatCannotBeAnAnalysisWorkspace)
{
    pa::test::TempDir dir;
    EXPECT_EQ(kindOf([&] {
                  Workspace::create(dir.file("a.gpkg"), {"Thái Nguyên", "EPSG:4326"});
              }),
              ErrorKind::Usage); // geographic
    EXPECT_EQ(kindOf([&] {
                  Workspace::create(dir.file("a.gpkg"), {"Thái Nguyên", "EPSG:99999"});
              }),
              ErrorKind::Usage);
    EXPECT_EQ(kindOf([&] {
                  Workspace::create(dir.file("a.gpkg"), {"", "EPSG:9213"});
              }),
              ErrorKind::Usage);
    EXPECT_EQ(kindOf([&] {
                  Workspace::create(dir.file("no/such/dir/a.gpkg"), {"X", "EPSG:9213"});
              }),
              ErrorKind::Workspace);
    makeWorkspace(dir, "b.gpkg").close();
    const auto before = pa::test::readBytes(dir.file("b.gpkg"));
    EXPECT_EQ(kindOf([&] { makeWorkspace(dir, "b.gpkg"); }), ErrorKind::Workspace);
    EXPECT_EQ(pa::test::readBytes(dir.file("b.gpkg")), before);
    // Nothing half-made is left behind.
    for (const auto& entry : fs::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename(), "b.gpkg");
}

TEST(Workspace, RefusesFilesThatAreNotWorkspaces)
{
    pa::test::TempDir dir;
    EXPECT_EQ(kindOf([&] { Workspace::open(dir.file("missing.gpkg"), OpenMode::ReadOnly); }),
              ErrorKind::Workspace);
    fs::copy_file(pa::test::fixture("two_layers.gpkg"), dir.file("plain.gpkg"));
    try {
        Workspace::open(dir.file("plain.gpkg"), OpenMode::ReadOnly);
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("not a PlanAtlas workspace"), std::string::npos)
            << e.what();
    }
    // A workspace cut in half (an interrupted copy).
    makeWorkspace(dir, "whole.gpkg").close();
    const auto bytes = pa::test::readBytes(dir.file("whole.gpkg"));
    pa::test::writeBytes(dir.file("half.gpkg"), bytes.substr(0, bytes.size() / 2));
    EXPECT_EQ(kindOf([&] { Workspace::open(dir.file("half.gpkg"), OpenMode::ReadOnly); }),
              ErrorKind::Workspace);
}

TEST(Workspace, RefusesNewerSchemaAndReadOnlyFiles)
{
    pa::test::TempDir dir;
    {
        auto ws = makeWorkspace(dir);
        ws.dataset().execute("UPDATE pa_metadata SET value = '99' WHERE key = 'schema_version'");
        ws.close();
    }
    try {
        Workspace::open(dir.file("ws.gpkg"), OpenMode::ReadOnly);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Workspace);
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
    makeWorkspace(dir, "ro.gpkg").close();
    fs::permissions(dir.file("ro.gpkg"),
                    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    EXPECT_EQ(kindOf([&] { Workspace::open(dir.file("ro.gpkg"), OpenMode::Update); }),
              ErrorKind::Workspace);
    EXPECT_NO_THROW(Workspace::open(dir.file("ro.gpkg"), OpenMode::ReadOnly));
}

TEST(Workspace, ValidateFindsDanglingLinksDuplicateCodesAndBadGeometry)
{
    pa::test::TempDir dir;
    auto ws = makeWorkspace(dir);
    ImportOptions a;
    a.sourcePath = pa::test::fixture("kcn_tcvn3.shp").string();
    a.kind = "industrial_park";
    a.encoding = pa::text::Encoding::Tcvn3;
    a.fieldMap = {{"name_vi", "TEN_KCN"}};
    a.codeField = "MA_KCN";
    importLayer(ws, a);
    ImportOptions b;
    b.sourcePath = pa::test::fixture("invalid_polygons.geojson").string();
    b.kind = "industrial_cluster";
    b.codeField = "code";
    importLayer(ws, b);
    EXPECT_EQ(ws.validate().errorCount(), 0u);

    // Break it the way hand edits in other tools do.
    ws.dataset().execute("UPDATE invalid_polygons SET code = 'KCN-YB' WHERE code = 'VALID'");
    ws.dataset().execute("INSERT INTO kcn_tcvn3_task_links (base_id, related_id) VALUES (999, 1)");
    ws.dataset().execute("INSERT INTO plan_task_agencies (task_id, agency_id, role) VALUES "
                         "('no-task', 'no-agency', 'lead')");
    ws.dataset().execute("UPDATE kcn_tcvn3 SET status = 'maybe' WHERE code = 'KCN-SC2'");
    const auto report = ws.validate();
    auto has = [&](const std::string& check, const std::string& text) {
        for (const auto& p : report.problems)
            if (p.check == check && (p.where + " " + p.what).find(text) != std::string::npos)
                return true;
        return false;
    };
    EXPECT_TRUE(has("codes", "KCN-YB"));
    EXPECT_TRUE(has("links", "999") || has("links", "features that do not exist"));
    EXPECT_TRUE(has("links", "plan_task_agencies"));
    EXPECT_TRUE(has("attributes", "maybe"));
    EXPECT_GE(report.errorCount(), 4u);
}

TEST(Workspace, ValidateReportsInvalidGeometryWrittenByAnotherTool)
{
    pa::test::TempDir dir;
    auto ws = makeWorkspace(dir);
    ImportOptions a;
    a.sourcePath = pa::test::fixture("invalid_polygons.geojson").string();
    a.kind = "industrial_cluster";
    a.codeField = "code";
    importLayer(ws, a);
    // Put a bow-tie back through the GIS layer API, as another program might.
    auto layer = ws.dataset().layerByName("invalid_polygons");
    ASSERT_TRUE(layer);
    auto f = layer->newFeature();
    f.setValue(layer->fieldIndex("code"), std::string("HAND-1"));
    f.setValue(layer->fieldIndex("geometry_quality"), std::string("digitized"));
    auto g = pa::gis::Geometry::fromWkt("MULTIPOLYGON(((430000 2380000,430100 2380100,430100 "
                                        "2380000,430000 2380100,430000 2380000)))");
    f.setGeometry(std::move(g));
    layer->insert(f);
    const auto report = ws.validate();
    bool found = false;
    for (const auto& p : report.problems)
        found |= p.check == "geometry" && p.where.find("HAND-1") != std::string::npos &&
                 p.what.find("Self-intersection") != std::string::npos;
    EXPECT_TRUE(found);
}

TEST(Workspace, ValidateReportsADroppedLayerInsteadOfFailing)
{
    pa::test::TempDir dir;
    auto ws = makeWorkspace(dir);
    ImportOptions a;
    a.sourcePath =
        pa::test::sampleData("thai_nguyen/districts_pre2025_geoboundaries.geojson").string();
    a.kind = "admin_district";
    a.codeField = "shapeID";
    a.layerName = "districts";
    importLayer(ws, a);
    ws.dataset().execute("DROP TABLE districts");
    ValidationReport report;
    ASSERT_NO_THROW(report = ws.validate());
    bool found = false;
    for (const auto& p : report.problems)
        found |= p.where == "layer districts" && p.what.find("does not exist") != std::string::npos;
    EXPECT_TRUE(found);
    EXPECT_NO_THROW((void)ws.featureCodes()); // later imports still work
}

TEST(Workspace, LayerNamesAreCheckedAgainstSystemNames)
{
    std::string why;
    EXPECT_TRUE(isValidLayerName("kcn_2030", &why));
    EXPECT_FALSE(isValidLayerName("KCN", &why));
    EXPECT_FALSE(isValidLayerName("2030_kcn", &why));
    EXPECT_FALSE(isValidLayerName("plan_tasks", &why));
    EXPECT_FALSE(isValidLayerName("gpkg_contents", &why));
    EXPECT_FALSE(isValidLayerName("parks_task_links", &why));
    EXPECT_FALSE(isValidLayerName("khu công nghiệp", &why));
}

TEST(WorkspaceSchema, Version1IsUpgradedInPlaceOnlyWhenOpenedForWriting)
{
    pa::test::TempDir dir;
    const std::string path = dir.file("old.gpkg");
    Workspace::create(path, {"Thái Nguyên", "EPSG:9213"}).close();
    {
        // Make it what schema 1 wrote: no plan_unlocated, no plan_documents.not_before.
        auto ws = Workspace::open(path, OpenMode::Update);
        ws.dataset().execute("DROP TABLE plan_unlocated");
        ws.dataset().execute("DELETE FROM gpkg_contents WHERE table_name = 'plan_unlocated'");
        ws.dataset().execute("ALTER TABLE plan_documents DROP COLUMN not_before");
        ws.dataset().execute("UPDATE pa_metadata SET value = '1' WHERE key = 'schema_version'");
        ws.close();
    }
    const auto before = pa::test::readBytes(path);
    {
        auto ws = Workspace::open(path, OpenMode::ReadOnly);
        EXPECT_EQ(ws.schemaVersion(), 1);
        EXPECT_EQ(ws.validate().errorCount(), 0u); // a valid schema-1 workspace
    }
    EXPECT_EQ(pa::test::readBytes(path), before);
    {
        auto ws = Workspace::open(path, OpenMode::Update);
        EXPECT_EQ(ws.schemaVersion(), kSchemaVersion);
        ws.dataset().execute(
            "INSERT INTO plan_documents (doc_id, not_before) VALUES ('d', '2023-03-30')");
        EXPECT_EQ(ws.validate().errorCount(), 0u);
        ws.close();
    }
    auto ws = Workspace::open(path, OpenMode::ReadOnly);
    EXPECT_EQ(ws.schemaVersion(), kSchemaVersion);
    EXPECT_EQ(pa::gis::toString(
                  ws.dataset().execute("SELECT COUNT(*) FROM plan_unlocated").rows.at(0).at(0)),
              "0");
}

TEST(Workspace, ALayerRemovedWithItsLinksComesBackWholeUntilPurged)
{
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    const auto copy = dir.file("ws.gpkg");
    std::filesystem::copy_file(pa::test::sampleWorkspace(), copy);
    auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::Update);
    auto names = [&] {
        std::vector<std::string> out;
        for (const auto& l : ws.layers())
            out.push_back(l.name);
        return out;
    };
    auto suggestions = [&] {
        return std::get<std::int64_t>(
            ws.dataset()
                .run("SELECT COUNT(*) FROM plan_link_suggestions WHERE layer_name = ?",
                     {std::string("industrial_parks")})
                .rows[0][0]);
    };
    const auto layers = names();
    const auto before = pa::layers::layerProperties(ws, "industrial_parks");
    const auto suggested = suggestions();
    ASSERT_GT(before.links, 0);
    ASSERT_GT(suggested, 0);

    const auto removed = pa::layers::removeLayer(ws, "industrial_parks");
    EXPECT_EQ(removed.features, before.features);
    EXPECT_EQ(removed.links, before.links);
    EXPECT_FALSE(ws.findLayer("industrial_parks"));
    EXPECT_FALSE(ws.dataset().layerByName("industrial_parks"));
    EXPECT_FALSE(ws.dataset().layerByName("industrial_parks_task_links"));
    EXPECT_EQ(suggestions(), 0);
    EXPECT_EQ(ws.validate().errorCount(), 0U);

    pa::layers::restoreLayer(ws, removed);
    EXPECT_EQ(names(), layers); // in its place in the list
    const auto after = pa::layers::layerProperties(ws, "industrial_parks");
    EXPECT_EQ(after.features, before.features);
    EXPECT_EQ(after.links, before.links);
    EXPECT_EQ(after.linkedTasks, before.linkedTasks);
    EXPECT_EQ(after.layer.titleVi, before.layer.titleVi);
    EXPECT_EQ(suggestions(), suggested);
    EXPECT_EQ(ws.validate().errorCount(), 0U);

    // Removed again and purged: nothing of it is left in the file.
    (void)pa::layers::removeLayer(ws, "industrial_parks");
    EXPECT_EQ(pa::layers::purgeRemovedLayers(ws), 2); // the layer and its link table
    EXPECT_TRUE(ws.dataset()
                    .run("SELECT name FROM sqlite_master WHERE name LIKE 'pa_removed_%' OR name "
                         "LIKE '%industrial_parks%'",
                         {})
                    .rows.empty());
    EXPECT_TRUE(ws.dataset()
                    .run("SELECT 1 FROM gpkgext_relations WHERE base_table_name LIKE "
                         "'%industrial_parks%' OR mapping_table_name LIKE '%industrial_parks%'",
                         {})
                    .rows.empty());
    EXPECT_EQ(ws.validate().errorCount(), 0U);
    EXPECT_THROW((void)pa::layers::removeLayer(ws, "industrial_parks"), pa::layers::Error);
}

TEST(Workspace, AUnitLayerRemovedTakesItsCrosswalkRowsAndBringsThemBack)
{
    // The districts before 2025 are the old side of the sample's crosswalk: removed, the
    // crosswalk rows naming them go too (else validate finds rows naming no unit); put back,
    // they come back.
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    const auto copy = dir.file("ws.gpkg");
    std::filesystem::copy_file(pa::test::sampleWorkspace(), copy);
    auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::Update);
    auto crosswalk = [&] {
        return std::get<std::int64_t>(
            ws.dataset().run("SELECT COUNT(*) FROM admin_crosswalk", {}).rows[0][0]);
    };
    const auto rows = crosswalk();
    ASSERT_GT(rows, 0);
    const auto removed = pa::layers::removeLayer(ws, "districts_pre2025");
    EXPECT_LT(crosswalk(), rows);
    const auto report = ws.validate();
    for (const auto& problem : report.problems)
        if (problem.severity == pa::layers::Problem::Severity::Error ||
            problem.where.find("removed") != std::string::npos)
            ADD_FAILURE() << problem.where << ": " << problem.what;
    pa::layers::restoreLayer(ws, removed);
    EXPECT_EQ(crosswalk(), rows);
    EXPECT_EQ(ws.validate().errorCount(), 0U);
}

// A file that is no GeoPackage (a report saved under the name, a file cut short) is refused in a
// sentence a window translates, the library's words after it in brackets.
TEST(Workspace, AFileThatIsNoGeoPackageIsRefusedInASentenceAWindowTranslates)
{
    const pa::test::TempDir dir;
    const std::string path = dir.file("ke_hoach.gpkg");
    pa::test::writeBytes(path, "not a GeoPackage\n");
    try {
        (void)Workspace::open(path, OpenMode::ReadOnly);
        FAIL() << "a text file was opened as a workspace";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Workspace);
        EXPECT_NE(e.message().find("cannot be opened as a GeoPackage workspace ("),
                  std::string::npos)
            << e.what();
        const auto said = e.sentence().say(
            [](const char* english) { return "«" + std::string(english) + "»"; }, nullptr);
        EXPECT_NE(said.find("«'" + path + "' cannot be opened as a GeoPackage workspace»"),
                  std::string::npos)
            << said;
    }
}
