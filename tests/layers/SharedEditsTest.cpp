// The edits planners share — links, suggestions, reviews, tasks without a place — on both
// kinds of workspace, one suite: a GeoPackage copy of the Thái Nguyên sample, and the same
// sample copied into a fresh schema of the test cluster (ctest starts it and names its folder
// in PLANATLAS_TEST_PG_DIR). Every change is one transaction recorded in the edit log with its
// author; a change made on a stale view of a task is a conflict that writes nothing.

#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Raster.h"
#include "planatlas/layers/Access.h"
#include "planatlas/layers/Copy.h"
#include "planatlas/layers/Digitise.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Algorithm.h"
#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/analysis/Zonal.h"
#include "planatlas/layers/plan/Links.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <optional>
#include <sstream>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

using pa::layers::ErrorKind;
using pa::layers::SchemaWrites;
using pa::layers::Workspace;
namespace plan = pa::plan;

class SharedEdits : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        PLANATLAS_NEEDS_SAMPLE();
        if (GetParam() == "gpkg") {
            m_planner = m_planner2 = m_scratch.file("ws.gpkg");
            pa::layers::copyWorkspace(pa::test::sampleWorkspace().string(), m_planner);
            return;
        }
        // libpq reads the cluster's service and password files (never a password given here).
        const char* cluster = std::getenv("PLANATLAS_TEST_PG_DIR");
        ASSERT_NE(cluster, nullptr)
            << "the PostGIS cases need the test cluster: run them through ctest, which starts "
               "it (tests/postgis/cluster.sh)";
        ::setenv("PGSERVICEFILE", (std::string(cluster) + "/pg_service.conf").c_str(), 1);
        ::setenv("PGPASSFILE", (std::string(cluster) + "/pgpass").c_str(), 1);
        static std::atomic<int> counter{0};
        m_schema = "shared_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
        m_planner = "PG:service=planatlas_test active_schema=" + m_schema;
        m_planner2 = "PG:service=planatlas_test_editor active_schema=" + m_schema;
        pa::layers::copyWorkspace(pa::test::sampleWorkspace().string(), m_planner);
        pa::layers::grantAccess(m_planner, "planatlas_editor", pa::layers::Access::Editor);
    }

    void TearDown() override
    {
        if (m_schema.empty())
            return;
        auto db =
            pa::gis::Dataset::openPostgres("PG:service=planatlas_test", pa::gis::OpenMode::Update);
        db.execute("DROP SCHEMA IF EXISTS " + pa::gis::sqlIdentifier(m_schema) + " CASCADE");
    }

    Workspace open(const std::string& which)
    {
        return Workspace::open(which, pa::gis::OpenMode::Update, SchemaWrites::Allowed);
    }

    /// The number of rows of the edit log and of the task's links, as a third party sees them.
    std::pair<std::size_t, std::size_t> state(const std::string& task)
    {
        auto ws = Workspace::open(m_planner, pa::gis::OpenMode::ReadOnly, SchemaWrites::Allowed);
        return {ws.editLog().size(), plan::listLinks(ws, task).size()};
    }

    pa::test::TempDir m_scratch;
    std::string m_planner, m_planner2, m_schema;
    static constexpr const char* kTask = "cv-2907:1.1#1";
};

TEST_P(SharedEdits, EveryChangeIsLoggedWithItsAuthorAndAnUnchangedLinkIsNotAChange)
{
    auto ws = open(m_planner);
    const auto before = ws.editLog().size();
    const auto last = ws.lastEdit(kTask);
    EXPECT_EQ(ws.editor(), GetParam() == "gpkg" ? ws.editor() : std::string("planatlas_owner"));
    EXPECT_FALSE(ws.editor().empty());

    EXPECT_TRUE(plan::addLink(ws, kTask, "KCN-YB"));
    EXPECT_FALSE(plan::addLink(ws, kTask, "KCN-YB")); // linked already: nothing written
    const auto log = ws.editLog({}, 0);
    ASSERT_EQ(log.size(), before + 1);
    const auto& e = log.back();
    EXPECT_EQ(e.who, ws.editor());
    EXPECT_EQ(e.edit.action, "link_add");
    EXPECT_EQ(e.edit.taskId, kTask);
    EXPECT_EQ(e.edit.layer, "industrial_parks");
    EXPECT_EQ(e.edit.featureCode, "KCN-YB");
    EXPECT_EQ(e.at.size(), 24u) << e.at; // 2026-12-04T10:42:05.123Z
    EXPECT_EQ(e.at.back(), 'Z');
    EXPECT_GT(ws.lastEdit(kTask), last);
    EXPECT_EQ(ws.lastEdit(kTask), e.id);

    EXPECT_TRUE(plan::removeLink(ws, kTask, "KCN-YB", ws.lastEdit(kTask)));
    EXPECT_FALSE(plan::removeLink(ws, kTask, "KCN-YB"));
    EXPECT_EQ(ws.editLog(kTask).back().edit.action, "link_remove");
    EXPECT_EQ(ws.editLog({}, e.id).size(), 1u);
}

TEST_P(SharedEdits, ALayerImportedIsRegisteredLoggedAndLinkedAndARefusedOneLeavesNoTrace)
{
    pa::layers::ImportOptions options;
    options.sourcePath = pa::test::fixture("kcn_tcvn3.shp").string();
    options.kind = "industrial_park";
    options.layerName = "kcn_moi";
    options.encoding = pa::text::parseEncoding("tcvn3");
    options.codeField = "MA_KCN";
    options.codePrefix = "MOI-";
    {
        // An editor of a schema changes rows, not tables: refused before anything is read.
        auto editor = open(m_planner2);
        EXPECT_EQ(editor.mayAddTables(), GetParam() == "gpkg");
        if (GetParam() == "postgis") {
            const auto layers = editor.layers().size();
            try {
                (void)pa::layers::importLayer(editor, options);
                ADD_FAILURE() << "an editor imported a layer into a schema";
            } catch (const pa::layers::Error& e) {
                EXPECT_EQ(e.kind(), ErrorKind::Workspace);
                EXPECT_NE(std::string(e.what()).find("not add tables"), std::string::npos)
                    << e.what();
            }
            EXPECT_EQ(editor.layers().size(), layers);
        }
    }
    auto ws = open(m_planner);
    ASSERT_TRUE(ws.mayAddTables());
    const auto layers = ws.layers().size();
    const auto logged = ws.editLog().size();
    // Read in a CRS that puts it hundreds of kilometres away: refused inside the transaction,
    // after the layer's table was made, and nothing of it is left.
    auto wrong = options;
    wrong.layerName = "kcn_xa";
    wrong.sourceCrs = "EPSG:32649";
    EXPECT_THROW((void)pa::layers::importLayer(ws, wrong), pa::layers::Error);
    EXPECT_EQ(ws.layers().size(), layers);
    EXPECT_EQ(ws.editLog().size(), logged);
    EXPECT_FALSE(ws.dataset().hasTable("kcn_xa"));
    EXPECT_FALSE(ws.dataset().hasTable("kcn_xa_task_links"));

    const auto report = pa::layers::importLayer(ws, options);
    EXPECT_EQ(report.features, 3);
    const auto layer = ws.findLayer("kcn_moi");
    ASSERT_TRUE(layer.has_value());
    EXPECT_EQ(layer->kind, "industrial_park");
    EXPECT_EQ(ws.layers().size(), layers + 1);
    const auto codes = ws.featureCodes();
    EXPECT_NE(std::find(codes.begin(), codes.end(), "MOI-KCN-YB"), codes.end());
    const auto log = ws.editLog();
    ASSERT_EQ(log.size(), logged + 1);
    EXPECT_EQ(log.back().edit.action, "import");
    EXPECT_EQ(log.back().edit.layer, "kcn_moi");
    EXPECT_EQ(log.back().who, ws.editor());
    ws.close();

    // The other planner links a task to a feature of the new layer.
    auto other = open(m_planner2);
    EXPECT_TRUE(plan::addLink(other, kTask, "MOI-KCN-YB"));
    const auto links = plan::listLinks(other, kTask);
    EXPECT_TRUE(std::any_of(links.begin(), links.end(),
                            [](const auto& l) { return l.featureCode == "MOI-KCN-YB"; }));
}

TEST_P(SharedEdits, AChangeOnAStaleViewIsAConflictThatWritesNothing)
{
    auto first = open(m_planner);
    const auto seen = first.lastEdit(kTask);
    {
        auto second = open(m_planner2);
        EXPECT_TRUE(plan::addLink(second, kTask, "KCN-YB", seen));
    }
    const auto before = state(kTask);
    try {
        plan::addLink(first, kTask, "KCN-DT", seen);
        FAIL() << "a change on a stale view was written";
    } catch (const pa::layers::Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        const std::string message = e.what();
        EXPECT_NE(message.find("linked KCN-YB"), std::string::npos) << message;
        EXPECT_NE(message.find("Nothing of yours was written"), std::string::npos) << message;
        const auto* conflict = dynamic_cast<const pa::layers::ConflictError*>(&e);
        ASSERT_NE(conflict, nullptr);
        EXPECT_EQ(conflict->subject(), kTask);
        ASSERT_EQ(conflict->since().size(), 1u);
        EXPECT_EQ(conflict->since()[0].edit.featureCode, "KCN-YB");
        if (GetParam() == "postgis") {
            EXPECT_NE(message.find("planatlas_editor"), std::string::npos) << message;
        }
    }
    EXPECT_EQ(state(kTask), before);
    // Read again, the same change lands.
    EXPECT_TRUE(plan::addLink(first, kTask, "KCN-DT", first.lastEdit(kTask)));
    EXPECT_EQ(state(kTask).second, before.second + 1);
}

TEST_P(SharedEdits, ASuggestionDecidedMeanwhileIsAConflict)
{
    auto first = open(m_planner);
    // The sample's suggestions are all decided: two rejected ones reopened.
    const auto decided = plan::listSuggestions(first, "rejected");
    ASSERT_GE(decided.size(), 2u);
    EXPECT_EQ(plan::resetSuggestions(first, {decided[0].id, decided[1].id}), 2);
    EXPECT_EQ(first.editLog(decided[0].taskId).back().edit.action, "suggestion_reset");
    const auto pending = plan::listSuggestions(first, "pending");
    ASSERT_EQ(pending.size(), 2u);
    {
        auto second = open(m_planner2);
        EXPECT_EQ(plan::rejectSuggestions(second, {pending[0].id}), 1);
    }
    const auto before = state(pending[1].taskId);
    try {
        // first still holds its reading of pending[0] as pending.
        plan::acceptSuggestions(first, {pending[0].id, pending[1].id}, 0.0);
        FAIL() << "accepting a suggestion rejected meanwhile was written";
    } catch (const pa::layers::Error& e) {
        // Read again inside the transaction: it is no longer pending, so it is not offered.
        EXPECT_TRUE(e.kind() == ErrorKind::Usage || e.kind() == ErrorKind::Conflict) << e.what();
    }
    EXPECT_EQ(state(pending[1].taskId), before);
    const auto all = plan::listSuggestions(first);
    const auto rejected =
        std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.id == pending[0].id; });
    ASSERT_NE(rejected, all.end());
    EXPECT_EQ(rejected->status, "rejected");
    const auto log = first.editLog(pending[0].taskId);
    ASSERT_FALSE(log.empty());
    EXPECT_EQ(log.back().edit.action, "suggestion_reject");
}

TEST_P(SharedEdits, ASuggestionNoLongerOfferedIsNamedSoEvenTheNewest)
{
    auto ws = open(m_planner);
    // The newest suggestion of all made pending again, then dropped by a run of suggest after
    // its task's words changed: every id left is lower than its.
    auto all = plan::listSuggestions(ws);
    ASSERT_FALSE(all.empty());
    const auto newest = *std::max_element(all.begin(), all.end(),
                                          [](const auto& a, const auto& b) { return a.id < b.id; });
    if (newest.status != "pending")
        ASSERT_EQ(plan::resetSuggestions(ws, {newest.id}), 1);
    ws.dataset().run("UPDATE plan_tasks SET text = ? WHERE task_id = ?",
                     {std::string("Gửi báo cáo định kỳ."), newest.taskId});
    plan::suggestLinks(ws);
    for (const auto& s : plan::listSuggestions(ws))
        ASSERT_NE(s.id, newest.id) << "still offered";
    try {
        plan::acceptSuggestions(ws, {newest.id}, 1.1);
        FAIL() << "a suggestion no longer offered was accepted";
    } catch (const pa::layers::Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict) << e.what();
        EXPECT_NE(std::string(e.what()).find("no longer offered"), std::string::npos) << e.what();
    }
}

TEST_P(SharedEdits, ALinkMadeByHandSettlesThePairsPendingSuggestion)
{
    auto ws = open(m_planner);
    const auto decided = plan::listSuggestions(ws, "rejected");
    ASSERT_FALSE(decided.empty());
    const auto& s = decided.front();
    EXPECT_EQ(plan::resetSuggestions(ws, {s.id}), 1);
    EXPECT_TRUE(plan::addLink(ws, s.taskId, s.featureCode));
    EXPECT_TRUE(plan::listSuggestions(ws, "pending").empty());
    const auto accepted = plan::listSuggestions(ws, "accepted");
    EXPECT_TRUE(
        std::any_of(accepted.begin(), accepted.end(), [&](const auto& a) { return a.id == s.id; }));
    // And a removal by hand rejects it again.
    EXPECT_TRUE(plan::removeLink(ws, s.taskId, s.featureCode));
    const auto rejected = plan::listSuggestions(ws, "rejected");
    EXPECT_TRUE(
        std::any_of(rejected.begin(), rejected.end(), [&](const auto& r) { return r.id == s.id; }));
}

TEST_P(SharedEdits, AReviewIsOneChangeLoggedLineByLineAndAStaleOneIsRefusedWhole)
{
    auto ws = open(m_planner);
    const auto csv = m_scratch.file("review.csv");
    const auto seen = ws.lastEdit(kTask);
    {
        std::ofstream out(csv);
        out << "task_id,features,reason,last_edit\n"
            << kTask << ",KCN-YB;KCN-DT,," << seen << "\n"
            << "cv-2907:1.2#1,,không gắn với địa điểm,\n";
    }
    const auto before = ws.editLog().size();
    const auto result = plan::applyReview(ws, csv);
    EXPECT_EQ(result.tasks, 2);
    EXPECT_EQ(result.unlocated, 1);
    const auto log = ws.editLog({}, ws.editLog().at(before - 1).id);
    std::size_t adds = 0, unlocated = 0;
    for (const auto& e : log) {
        adds += e.edit.action == "link_add" || e.edit.action == "suggestion_accept";
        unlocated += e.edit.action == "unlocated_set";
        EXPECT_NE(e.edit.detail.find("review.csv, line "), std::string::npos) << e.edit.detail;
    }
    EXPECT_EQ(adds, 2u);
    EXPECT_EQ(unlocated, 1u);

    // The same file again: the task has changed since 'seen', so nothing of it is written,
    // not even the second line's.
    const auto after = state(kTask);
    EXPECT_THROW(
        {
            try {
                plan::applyReview(ws, csv);
            } catch (const pa::layers::Error& e) {
                EXPECT_EQ(e.kind(), ErrorKind::Conflict);
                throw;
            }
        },
        pa::layers::Error);
    EXPECT_EQ(state(kTask), after);
}

TEST_P(SharedEdits, UnlocatedTasksAreRecordedAndTakenBackInTheLog)
{
    auto ws = open(m_planner);
    EXPECT_EQ(plan::recordUnlocated(ws, {"cv-2907:1.3#1"}, "chính sách"), 1);
    EXPECT_EQ(ws.editLog("cv-2907:1.3#1").back().edit.action, "unlocated_set");
    EXPECT_EQ(ws.editLog("cv-2907:1.3#1").back().edit.detail, "chính sách");
    // Another reason: the log keeps the one it replaces, and the one taken back.
    EXPECT_EQ(plan::recordUnlocated(ws, {"cv-2907:1.3#1"}, "đào tạo"), 1);
    EXPECT_EQ(ws.editLog("cv-2907:1.3#1").back().edit.detail, "đào tạo (was: chính sách)");
    EXPECT_EQ(plan::forgetUnlocated(ws, {"cv-2907:1.3#1", "cv-2907:1.3#1"}), 1);
    EXPECT_EQ(ws.editLog("cv-2907:1.3#1").back().edit.action, "unlocated_forget");
    EXPECT_EQ(ws.editLog("cv-2907:1.3#1").back().edit.detail, "was: đào tạo");
}

// Not an edit, but the same two backends: the analyses a database server can compute give the
// same figures there as in PlanAtlas, for any role that may read the schema; a file has no
// server, and auto says nothing there.
TEST_P(SharedEdits, ZonalCorridorAndCoverageGiveTheSameFiguresInTheDatabaseServer)
{
    using pa::analysis::Engine;
    auto ws = Workspace::open(m_planner2, pa::gis::OpenMode::ReadOnly, SchemaWrites::Allowed);
    const std::string prices = "land_price_illustrative";
    // The corridor of the programme's features is measured in PlanAtlas: asked for the server,
    // it says why not (a file has none; a schema's server counts a layer chosen to count)
    // instead of measuring here in silence.
    {
        pa::analysis::ParameterValues corridor;
        corridor.set("engine", "database");
        try {
            (void)pa::analysis::findAlgorithm("corridor")->run(ws, corridor, {});
            ADD_FAILURE() << "the corridor without a layer ran, asked for the server";
        } catch (const pa::layers::ParameterError& e) {
            EXPECT_EQ(e.parameter(), "engine");
            EXPECT_NE(e.problem().find(GetParam() == "gpkg" ? "the workspace is a file"
                                                            : "a layer chosen to count"),
                      std::string::npos)
                << e.problem();
        }
    }
    if (GetParam() == "gpkg") {
        EXPECT_THROW(pa::analysis::zonal(ws, prices, {}, {}, Engine::Database),
                     pa::layers::ParameterError);
        EXPECT_THROW(pa::analysis::coverage(ws, "districts_pre2025", {}, Engine::Database),
                     pa::layers::ParameterError);
        const auto r = pa::analysis::zonal(ws, prices, {}, {}, Engine::Auto);
        EXPECT_FALSE(r.engine.database);
        EXPECT_TRUE(r.engine.reason.empty()) << r.engine.reason;
        return;
    }
    const auto expectSame = [](const pa::analysis::ZonalResult& here,
                               const pa::analysis::ZonalResult& server) {
        EXPECT_FALSE(here.engine.database);
        EXPECT_TRUE(server.engine.database) << server.engine.reason;
        ASSERT_EQ(here.rows.size(), server.rows.size());
        int measured = 0;
        for (std::size_t i = 0; i < here.rows.size(); ++i) {
            const auto &a = here.rows[i], &b = server.rows[i];
            EXPECT_EQ(a.code, b.code);
            EXPECT_EQ(a.valueFeatures, b.valueFeatures) << a.code;
            EXPECT_NEAR(a.coveredHa, b.coveredHa, 1e-9 * std::max(1.0, a.coveredHa)) << a.code;
            ASSERT_EQ(a.mean.has_value(), b.mean.has_value()) << a.code;
            if (a.mean) {
                ++measured;
                EXPECT_NEAR(*a.mean, *b.mean, 1e-9 * *a.mean) << a.code;
                EXPECT_EQ(*a.min, *b.min) << a.code;
                EXPECT_EQ(*a.max, *b.max) << a.code;
            }
        }
        EXPECT_GT(measured, 3); // not a comparison of empty rows
    };
    expectSame(pa::analysis::zonal(ws, prices, {}, {}, Engine::PlanAtlas),
               pa::analysis::zonal(ws, prices, {}, {}, Engine::Database));
    expectSame(pa::analysis::zonalByUnits(ws, prices, "districts_pre2025", {}, Engine::PlanAtlas),
               pa::analysis::zonalByUnits(ws, prices, "districts_pre2025", {}, Engine::Database));

    const auto here =
        pa::analysis::corridorOfLayer(ws, "industrial_parks", 2.0, {}, {}, Engine::PlanAtlas);
    const auto server =
        pa::analysis::corridorOfLayer(ws, "industrial_parks", 2.0, {}, {}, Engine::Database);
    EXPECT_TRUE(server.engine.database);
    EXPECT_GT(here.within, 0);
    EXPECT_LT(here.within, here.features);
    EXPECT_EQ(here.within, server.within);
    EXPECT_NEAR(here.withinAreaHa, server.withinAreaHa, 1e-9 * here.withinAreaHa);

    // Coverage: every unit and kind the same, in the server as here (the CSV bytes are compared
    // by tests/postgis/copy_round_trip.sh); left to auto, it stays here.
    const auto covHere = pa::analysis::coverage(ws, "districts_pre2025", {}, Engine::PlanAtlas);
    const auto covServer = pa::analysis::coverage(ws, "districts_pre2025", {}, Engine::Database);
    EXPECT_TRUE(covServer.engine.database) << covServer.engine.reason;
    EXPECT_FALSE(pa::analysis::coverage(ws, "districts_pre2025").engine.database);
    ASSERT_EQ(covHere.rows.size(), covServer.rows.size());
    int covered = 0;
    for (std::size_t i = 0; i < covHere.rows.size(); ++i) {
        const auto &a = covHere.rows[i], &b = covServer.rows[i];
        EXPECT_EQ(a.unitCode + a.kind, b.unitCode + b.kind);
        EXPECT_EQ(a.features, b.features) << a.unitCode << " " << a.kind;
        EXPECT_NEAR(a.areaHa, b.areaHa, 1e-9 * std::max(1.0, a.areaHa)) << a.unitCode << a.kind;
        EXPECT_NEAR(a.lengthKm, b.lengthKm, 1e-9 * std::max(1.0, a.lengthKm)) << a.unitCode;
        EXPECT_EQ(a.linkedTasks, b.linkedTasks) << a.unitCode << " " << a.kind;
        EXPECT_EQ(a.leadAgencies, b.leadAgencies) << a.unitCode << " " << a.kind;
        covered += a.areaHa > 0 || a.lengthKm > 0;
    }
    EXPECT_GT(covered, 10); // not a comparison of gaps
    EXPECT_EQ(covHere.outside, covServer.outside);

    // A small layer left to auto stays in PlanAtlas, saying why.
    const auto small = pa::analysis::zonal(ws, prices, {}, {}, Engine::Auto);
    EXPECT_FALSE(small.engine.database);
    EXPECT_NE(small.engine.reason.find("fewer than the 200 000"), std::string::npos)
        << small.engine.reason;
}

/// A square of @p side metres with its lower left corner at (@p x, @p y), in EPSG:9213.
pa::gis::Geometry square(double x, double y, double side)
{
    char wkt[256];
    std::snprintf(wkt, sizeof wkt, "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))", x, y, x + side, y,
                  x + side, y + side, x, y + side, x, y);
    return pa::gis::Geometry::fromWkt(wkt);
}

/// The area in ha of feature @p code of industrial_parks, as a third party reads it; -1 when
/// there is none.
double parkArea(const std::string& workspace, const std::string& code)
{
    auto ws = Workspace::open(workspace, pa::gis::OpenMode::ReadOnly, SchemaWrites::Allowed);
    auto table = ws.dataset().layerByName("industrial_parks");
    table->setAttributeFilter("code = '" + code + "'");
    table->resetReading();
    auto f = table->next();
    return f ? f->takeGeometry().area() / 10000.0 : -1.0;
}

// Planners draw in the shared workspace as in a file: an editor draws, cuts, merges and deletes
// the programme's shapes, each one logged change under their role; a change made on a view of a
// feature someone changed since is a conflict that writes nothing and says who did what.
TEST_P(SharedEdits, PlannersDrawCutMergeAndDeleteShapesAndAStaleChangeIsAConflict)
{
    const std::string layer = "industrial_parks";
    // Each change on a connection of its own, as one run of a program (a GeoPackage is written
    // by one program at a time: GDAL 3.6 keeps the state of its feature-count triggers per
    // connection).
    auto first = [&](auto&& change) {
        auto ws = open(m_planner);
        return change(ws);
    };
    auto second = [&](auto&& change) {
        auto ws = open(m_planner2);
        return change(ws);
    };
    const auto editor = second([](Workspace& ws) { return ws.editor(); });

    // The editor draws a park of 100 ha; its code is then taken for everyone.
    const auto fid = second([&](Workspace& ws) {
        return pa::layers::addDrawnFeature(ws, layer, square(436000, 2380000, 1000),
                                           {"KCN-MOI", "KCN vẽ thử", "planned"}, "");
    });
    EXPECT_NEAR(parkArea(m_planner, "KCN-MOI"), 100.0, 0.01);
    auto log = first([&](Workspace& ws) { return ws.editLog(); });
    EXPECT_EQ(log.back().who, editor);
    EXPECT_EQ(log.back().edit.action, "feature_add");
    EXPECT_EQ(log.back().edit.featureCode, "KCN-MOI");
    EXPECT_EQ(log.back().edit.detail, "fid " + std::to_string(fid) + ", 100.00 ha");
    EXPECT_THROW((void)first([&](Workspace& ws) {
                     return pa::layers::addDrawnFeature(ws, layer, square(437500, 2380000, 500),
                                                        {"KCN-MOI", "Khác", ""}, "");
                 }),
                 pa::layers::ParameterError);

    // The owner reads the map; the editor redraws the park; the owner's redraw on the view read
    // before is refused, names the editor's change and writes nothing.
    const auto seen = first([&](Workspace& ws) { return ws.lastEdit(); });
    (void)second([&](Workspace& ws) {
        return pa::layers::reshapeFeature(ws, layer, fid, square(436000, 2380000, 1200), "", seen);
    });
    const auto logged = first([&](Workspace& ws) { return ws.editLog(); }).size();
    try {
        (void)first([&](Workspace& ws) {
            return pa::layers::reshapeFeature(ws, layer, fid, square(436000, 2380000, 800), "",
                                              seen);
        });
        FAIL() << "a new shape drawn on a stale view was written";
    } catch (const pa::layers::Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        const std::string message = e.what();
        EXPECT_NE(message.find(editor + " gave a new shape to KCN-MOI"), std::string::npos)
            << message;
        EXPECT_NE(message.find("Nothing of yours was written"), std::string::npos) << message;
        // What happened, for a front end to say in its own words.
        const auto* conflict = dynamic_cast<const pa::layers::ConflictError*>(&e);
        ASSERT_NE(conflict, nullptr);
        EXPECT_EQ(conflict->reason(), pa::layers::ConflictError::Reason::Changed);
        EXPECT_EQ(conflict->subject(), "KCN-MOI");
        ASSERT_EQ(conflict->since().size(), 1u);
        EXPECT_EQ(conflict->since()[0].edit.action, "feature_reshape");
        EXPECT_EQ(conflict->since()[0].who, editor);
    }
    EXPECT_EQ(first([&](Workspace& ws) { return ws.editLog(); }).size(), logged);
    EXPECT_NEAR(parkArea(m_planner, "KCN-MOI"), 144.0, 0.01);
    // Read again, the owner's change lands; so does its undo.
    const auto before = first([&](Workspace& ws) {
        return pa::layers::reshapeFeature(ws, layer, fid, square(436000, 2380000, 800), "",
                                          ws.lastEdit());
    });
    EXPECT_NEAR(parkArea(m_planner, "KCN-MOI"), 64.0, 0.01);
    first([&](Workspace& ws) {
        return pa::layers::restoreShape(ws, layer, fid, before, ws.lastEdit());
    });
    EXPECT_NEAR(parkArea(m_planner, "KCN-MOI"), 144.0, 0.01);

    // The editor cuts it in two and links survive; a delete of the piece on a view read before
    // the cut is refused.
    const auto beforeCut = second([&](Workspace& ws) { return ws.lastEdit(); });
    EXPECT_TRUE(second([&](Workspace& ws) { return plan::addLink(ws, kTask, "KCN-MOI"); }));
    const auto cut = second([&](Workspace& ws) {
        return pa::layers::splitFeature(
            ws, layer, fid,
            pa::gis::Geometry::fromWkt("LINESTRING(436500 2379000,436500 2382000)"));
    });
    ASSERT_EQ(cut.addedCodes, std::vector<std::string>{"KCN-MOI-2"});
    EXPECT_NEAR(parkArea(m_planner, "KCN-MOI") + parkArea(m_planner, "KCN-MOI-2"), 144.0, 0.01);
    EXPECT_EQ(first([&](Workspace& ws) { return plan::listLinks(ws, kTask, "KCN-MOI-2"); }).size(),
              1u);
    try {
        (void)first([&](Workspace& ws) {
            return pa::layers::mergeFeatures(ws, layer, fid, {cut.added[0]}, beforeCut);
        });
        FAIL() << "a merge on a view read before the cut was written";
    } catch (const pa::layers::Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        EXPECT_NE(std::string(e.what()).find(editor + " cut KCN-MOI"), std::string::npos)
            << e.what();
    }
    EXPECT_NEAR(parkArea(m_planner, "KCN-MOI-2"), 144.0 - parkArea(m_planner, "KCN-MOI"), 0.01);

    // Merged again by the owner, taken apart by its undo, then the piece deleted and brought
    // back: every change in the log with its author.
    const auto merged = first([&](Workspace& ws) {
        return pa::layers::mergeFeatures(ws, layer, fid, {cut.added[0]}, ws.lastEdit());
    });
    EXPECT_NEAR(parkArea(m_planner, "KCN-MOI"), 144.0, 0.01);
    EXPECT_LT(parkArea(m_planner, "KCN-MOI-2"), 0);
    first([&](Workspace& ws) {
        return pa::layers::undoMerge(ws, layer, fid, merged, ws.lastEdit());
    });
    EXPECT_GT(parkArea(m_planner, "KCN-MOI-2"), 0);
    const auto snapshot =
        second([&](Workspace& ws) { return pa::layers::deleteFeature(ws, layer, cut.added[0]); });
    EXPECT_LT(parkArea(m_planner, "KCN-MOI-2"), 0);
    EXPECT_TRUE(
        first([&](Workspace& ws) { return plan::listLinks(ws, kTask, "KCN-MOI-2"); }).empty());
    // Its code given to another park meanwhile, the deleted one cannot come back under it.
    const auto other = first([&](Workspace& ws) {
        return pa::layers::addDrawnFeature(ws, layer, square(438000, 2380000, 300),
                                           {"KCN-MOI-2", "Khác", ""}, "");
    });
    try {
        second([&](Workspace& ws) { return pa::layers::restoreFeature(ws, snapshot); });
        FAIL() << "a feature came back under a code given to another";
    } catch (const pa::layers::Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        const auto* conflict = dynamic_cast<const pa::layers::ConflictError*>(&e);
        ASSERT_NE(conflict, nullptr);
        EXPECT_EQ(conflict->reason(), pa::layers::ConflictError::Reason::CodeTaken);
        EXPECT_EQ(conflict->subject(), "KCN-MOI-2");
    }
    first([&](Workspace& ws) {
        return pa::layers::removeDrawnFeature(ws, layer, other, ws.lastEdit());
    });
    second([&](Workspace& ws) { return pa::layers::restoreFeature(ws, snapshot); });
    EXPECT_EQ(first([&](Workspace& ws) { return plan::listLinks(ws, kTask, "KCN-MOI-2"); }).size(),
              1u);

    std::vector<std::string> actions;
    for (const auto& e : first([&](Workspace& ws) { return ws.editLog({}, seen); }))
        if (e.edit.action.starts_with("feature_"))
            actions.push_back(e.who == editor ? "editor " + e.edit.action
                                              : "owner " + e.edit.action);
    const std::string owner = GetParam() == "gpkg" ? "editor " : "owner ";
    EXPECT_EQ(actions,
              (std::vector<std::string>{
                  "editor feature_reshape", owner + "feature_reshape", owner + "feature_reshape",
                  "editor feature_split", owner + "feature_merge", owner + "feature_remove",
                  owner + "feature_merge_undone", owner + "feature_restore",
                  owner + "feature_reshape", "editor feature_remove", owner + "feature_add",
                  owner + "feature_remove", "editor feature_restore"}));
}

// Two planners giving new features the same codes at the same moment: each code is given once,
// and the other planner is told it is taken.
TEST_P(SharedEdits, TwoPlannersDrawingAtOnceNeverGiveOneCodeTwice)
{
    if (GetParam() == "gpkg")
        GTEST_SKIP() << "one planner writes a GeoPackage at a time";
    constexpr int kCodes = 8;
    std::atomic<int> drawn{0}, taken{0}, failed{0};
    auto draw = [&](const std::string& workspace, double dx) {
        auto ws = open(workspace);
        for (int i = 0; i < kCodes; ++i) {
            try {
                (void)pa::layers::addDrawnFeature(
                    ws, "industrial_parks", square(430000 + dx, 2380000 + 400.0 * i, 200),
                    {"KCN-DUA-" + std::to_string(i), "KCN đua", ""}, "");
                ++drawn;
            } catch (const pa::layers::ParameterError&) {
                ++taken;
            } catch (...) {
                ++failed;
            }
        }
    };
    std::thread a(draw, m_planner, 0.0), b(draw, m_planner2, 300.0);
    a.join();
    b.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(drawn.load(), kCodes);
    EXPECT_EQ(taken.load(), kCodes);
    auto ws = Workspace::open(m_planner, pa::gis::OpenMode::ReadOnly, SchemaWrites::Allowed);
    const auto rows =
        ws.dataset()
            .execute("SELECT COUNT(*) AS n, COUNT(DISTINCT code) AS codes FROM industrial_parks "
                     "WHERE code LIKE 'KCN-DUA-%'")
            .rows;
    EXPECT_EQ(pa::gis::toString(rows[0][0]), std::to_string(kCodes));
    EXPECT_EQ(pa::gis::toString(rows[0][1]), std::to_string(kCodes));
}

// A map sheet is read where GDAL can read its tiles: the file itself, or for a schema one copy
// in memory, freed when the workspace is closed.
TEST_P(SharedEdits, AMapSheetIsReadThroughOneCopyFreedWhenTheWorkspaceCloses)
{
    auto ws = Workspace::open(m_planner, pa::gis::OpenMode::ReadOnly, SchemaWrites::Allowed);
    const auto first = pa::layers::sheetFile(ws, "test_sheet");
    if (GetParam() == "gpkg") {
        EXPECT_EQ(first, m_planner);
        return;
    }
    EXPECT_EQ(first.rfind("/vsimem/", 0), 0u) << first;
    EXPECT_EQ(pa::layers::sheetFile(ws, "test_sheet"), first); // made once
    EXPECT_GT(pa::gis::Raster::open(first).bandCount(), 0);
    pa::layers::forgetSheetFiles(ws.path());
    EXPECT_THROW(pa::gis::Raster::open(first), pa::gis::GisError);
    const auto again = pa::layers::sheetFile(ws, "test_sheet"); // made anew, under a new name
    EXPECT_NE(again, first);
    EXPECT_GT(pa::gis::Raster::open(again).bandCount(), 0);
    pa::layers::forgetSheetFiles(ws.path());
    // A sheet removed meanwhile by another planner: named, in a sentence a window translates.
    try {
        (void)pa::layers::sheetFile(ws, "removed_sheet");
        ADD_FAILURE() << "a sheet that is not there was read";
    } catch (const pa::layers::Error& e) {
        EXPECT_NE(e.message().find("has no map sheet 'removed_sheet'"), std::string::npos)
            << e.what();
        const auto said = e.sentence().say(
            [](const char* english) {
                return std::string(english) == "'%1' has no map sheet '%2'"
                           ? std::string("'%1' không có bản đồ quét '%2'")
                           : std::string();
            },
            nullptr);
        EXPECT_NE(said.find("không có bản đồ quét 'removed_sheet'"), std::string::npos) << said;
    }
}

// A server that takes the connection and never answers (a proxy whose database is gone, a VPN
// half up) is given up after libpq's connect_timeout, which PlanAtlas sets to 15 s when neither
// the connection, its service nor the user's environment does: without it libpq waits forever
// and a window with it.
TEST(SharedWorkspaceConnection, AServerThatNeverAnswersIsGivenUp)
{
    pa::gis::registerAllFormats(); // sets the default, once, before any connection
    const char* timeout = std::getenv("PGCONNECT_TIMEOUT");
    if (!timeout || std::string(timeout) != "15" || std::getenv("PGSERVICE"))
        GTEST_SKIP() << "the user's own PGCONNECT_TIMEOUT or PGSERVICE is in force";
    struct Socket
    {
        int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        ~Socket()
        {
            if (fd >= 0)
                ::close(fd);
        }
    } silent;
    ASSERT_GE(silent.fd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ASSERT_EQ(::bind(silent.fd, reinterpret_cast<sockaddr*>(&address), length), 0);
    ASSERT_EQ(::listen(silent.fd, 4), 0); // the kernel takes the connection; nobody answers
    ASSERT_EQ(::getsockname(silent.fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
    const auto started = std::chrono::steady_clock::now();
    try {
        (void)Workspace::open("PG:host=127.0.0.1 port=" + std::to_string(ntohs(address.sin_port)) +
                                  " dbname=planatlas user=nobody active_schema=a",
                              pa::gis::OpenMode::ReadOnly);
        ADD_FAILURE() << "a server that never answered was connected to";
    } catch (const pa::layers::Error& e) {
        EXPECT_NE(e.message().find("cannot be reached"), std::string::npos) << e.what();
    }
    const auto waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
    // 15 s for GDAL's attempt, 3 s for asking libpq why, and room for a busy machine.
    EXPECT_GT(waited.count(), 14.0);
    EXPECT_LT(waited.count(), 40.0);
}

// A workspace in PostgreSQL that cannot be opened is refused with why, asked of libpq: a
// service not defined, a server that does not answer, no password in the password file, the
// server refusing the role; each with libpq's own words, and no password anywhere.
TEST(SharedWorkspaceConnection, SaysWhyItCannotConnect)
{
    const char* cluster = std::getenv("PLANATLAS_TEST_PG_DIR");
    ASSERT_NE(cluster, nullptr) << "needs the test cluster: run it through ctest";
    pa::test::TempDir dir;
    // The cluster's services and three more: a port nothing listens on, a database that is not
    // there, and the owner with no password file.
    const std::string services = pa::test::readBytes(std::string(cluster) + "/pg_service.conf");
    const std::string port = [&] {
        const auto at = services.find("port=");
        return services.substr(at + 5, services.find('\n', at) - at - 5);
    }();
    pa::test::writeBytes(dir.file("pg_service.conf"),
                         services +
                             "\n[pa_down]\nhost=127.0.0.1\nport=1\ndbname=planatlas\n"
                             "user=planatlas_owner\n\n[pa_nodb]\nhost=127.0.0.1\nport=" +
                             port + "\ndbname=planatlas_khong_co\nuser=planatlas_owner\n");
    pa::test::writeBytes(dir.file("empty.pgpass"), "");
    const std::string pgpass = std::string(cluster) + "/pgpass";
    // The cluster's files again afterwards, whatever happens here.
    struct Restore
    {
        std::string cluster;
        ~Restore()
        {
            ::setenv("PGSERVICEFILE", (cluster + "/pg_service.conf").c_str(), 1);
            ::setenv("PGPASSFILE", (cluster + "/pgpass").c_str(), 1);
        }
    } restore{cluster};
    ::setenv("PGSERVICEFILE", dir.file("pg_service.conf").c_str(), 1);
    ::setenv("PGPASSFILE", pgpass.c_str(), 1);
    std::vector<std::string> said; // every refusal, searched for a password below
    auto refusal = [](const std::string& connection) -> std::string {
        try {
            pa::layers::Workspace::open(connection, pa::gis::OpenMode::ReadOnly);
        } catch (const pa::layers::Error& e) {
            return e.sentence().english();
        }
        return "opened";
    };
    auto refused = [&](const std::string& connection) {
        said.push_back(refusal(connection));
        return said.back();
    };
    const std::string noService = refused("PG:service=pa_khong_co active_schema=x");
    EXPECT_NE(noService.find("no database service 'pa_khong_co' is defined for you"),
              std::string::npos)
        << noService;
    const std::string down = refused("PG:service=pa_down active_schema=x");
    EXPECT_NE(down.find("the database server cannot be reached ("), std::string::npos) << down;
    EXPECT_NE(down.find("it may be stopped"), std::string::npos) << down;
    const std::string noDatabase = refused("PG:service=pa_nodb active_schema=x");
    EXPECT_NE(noDatabase.find("the database server refused the connection of role "
                              "'planatlas_owner'"),
              std::string::npos)
        << noDatabase;
    EXPECT_NE(noDatabase.find("planatlas_khong_co"), std::string::npos) << noDatabase;
    ::setenv("PGPASSFILE", dir.file("empty.pgpass").c_str(), 1);
    const std::string noPassword = refused("PG:service=planatlas_test active_schema=x");
    EXPECT_NE(noPassword.find("the database asks role 'planatlas_owner' for a password and the "
                              "password file (.pgpass) holds none for it"),
              std::string::npos)
        << noPassword;
    // Listing a service's workspaces says the same.
    try {
        (void)pa::layers::sharedWorkspaces("pa_down");
        ADD_FAILURE() << "listed the workspaces of a server that does not answer";
    } catch (const pa::layers::Error& e) {
        said.push_back(e.sentence().english());
        EXPECT_NE(said.back().find("cannot connect to the database of service 'pa_down': the "
                                   "database server cannot be reached"),
                  std::string::npos)
            << said.back();
    }
    // A service not defined is named once.
    try {
        (void)pa::layers::sharedWorkspaces("pa_khong_co");
        ADD_FAILURE() << "listed the workspaces of a service not defined";
    } catch (const pa::layers::Error& e) {
        said.push_back(e.sentence().english());
        EXPECT_EQ(said.back(), "no database service 'pa_khong_co' is defined for you (in "
                               "pg_service.conf); your database administrator adds it");
    }
    ::setenv("PGPASSFILE", pgpass.c_str(), 1);
    // A connection that works is not a connection problem: a schema that is not there is said
    // as such.
    const std::string noSchema = refused("PG:service=planatlas_test active_schema=pa_khong_co");
    EXPECT_EQ(noSchema.find("cannot be reached"), std::string::npos) << noSchema;
    EXPECT_EQ(noSchema.find("refused the connection"), std::string::npos) << noSchema;
    // No password of the password file in any of them.
    std::vector<std::string> passwords;
    std::istringstream lines(pa::test::readBytes(pgpass));
    for (std::string line; std::getline(lines, line);)
        if (const auto colon = line.rfind(':');
            colon != std::string::npos && colon + 1 < line.size())
            passwords.push_back(line.substr(colon + 1));
    ASSERT_FALSE(passwords.empty());
    for (const auto& message : said)
        for (const auto& password : passwords)
            EXPECT_EQ(message.find(password), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(Backends, SharedEdits, ::testing::Values("gpkg", "postgis"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

} // namespace
