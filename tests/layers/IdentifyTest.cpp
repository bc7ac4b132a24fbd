// Identify: what a click on the map finds, on the hand-computable analysis workspace.

#include "planatlas/layers/Identify.h"

#include "analysis/AnalysisFixture.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/FeatureTable.h"
#include "planatlas/layers/Find.h"
#include "planatlas/layers/plan/Browse.h"

#include <gtest/gtest.h>

using namespace pa;
using pa::test::AnalysisFixture;
using pa::test::X0;
using pa::test::Y0;

TEST_F(AnalysisFixture, IdentifyFindsTheSmallestFeatureFirstWithItsTasksAndAgencies)
{
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        ws.dataset().execute("INSERT INTO plan_agencies (agency_id, name_vi) VALUES ('so-tn-mt', "
                             "'Sở Tài nguyên và Môi trường')");
        ws.dataset().execute("INSERT INTO plan_task_agencies (task_id, agency_id, role) VALUES "
                             "('d:1#1', 'so-tn-mt', 'support')");
        ws.close();
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    // Inside P3, which lies inside P1, in unit U2 (the road runs at y = 500, 200 m away).
    const auto hits = layers::identify(ws, X0 + 1300, Y0 + 300, 10.0);
    ASSERT_EQ(hits.size(), 3u);
    EXPECT_EQ(hits[0].code, "P3"); // 4 ha before P1's 100 ha
    EXPECT_EQ(hits[1].code, "P1");
    EXPECT_EQ(hits[2].code, "U2");
    EXPECT_EQ(hits[0].kind, "industrial_park");
    EXPECT_TRUE(hits[0].tasks.empty());
    ASSERT_EQ(hits[1].tasks.size(), 1u);
    const auto& task = hits[1].tasks[0];
    EXPECT_EQ(task.taskId, "d:1#1");
    EXPECT_EQ(task.text, "Phát triển KCN một");
    EXPECT_EQ(task.lead, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(task.support, std::vector<std::string>{"Sở Tài nguyên và Môi trường"});
    const auto name = std::find_if(hits[1].attributes.begin(), hits[1].attributes.end(),
                                   [](const auto& a) { return a.first == "name_vi"; });
    ASSERT_NE(name, hits[1].attributes.end());
    EXPECT_EQ(name->second, "KCN một");

    // Beside the road: within 10 m it is found, at 30 m it is not; a layer list restricts.
    const auto road = layers::identify(ws, X0 + 200, Y0 + 508, 10.0, {"roads"});
    ASSERT_EQ(road.size(), 1u);
    EXPECT_EQ(road[0].code, "R1");
    EXPECT_NEAR(road[0].distanceM, 8.0, 1e-9);
    EXPECT_TRUE(layers::identify(ws, X0 + 200, Y0 + 530, 10.0, {"roads"}).empty());
    // The town on the boundary comes first (distance 0, a point) before the units it touches.
    const auto town = layers::identify(ws, X0 + 1000, Y0 + 500, 5.0, {"towns", "units"});
    ASSERT_GE(town.size(), 3u);
    EXPECT_EQ(town[0].code, "T2");
    EXPECT_TRUE(layers::identify(ws, X0 + 5000, Y0 + 5000, 10.0).empty());
    // By code, as the suggestion list finds a feature to show it.
    const auto p1 = layers::featureByCode(ws, "P1");
    ASSERT_TRUE(p1);
    EXPECT_EQ(p1->layer, "parks");
    EXPECT_DOUBLE_EQ(p1->envelope.minX, X0 + 500);
    EXPECT_EQ(p1->tasks.size(), 1u);
    EXPECT_FALSE(layers::featureByCode(ws, "NO-SUCH-CODE"));
}

TEST_F(AnalysisFixture, PlanOverviewListsTasksWithLeadsLinksAndSuccessors)
{
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        auto& ds = ws.dataset();
        ds.execute(
            "INSERT INTO plan_agencies (agency_id, name_vi) VALUES ('so-tc', 'Sở Tài chính')");
        ds.execute("INSERT INTO plan_agencies (agency_id, name_vi, successor_id) VALUES "
                   "('so-kh-dt', 'Sở Kế hoạch và Đầu tư', 'so-tc')");
        ds.execute("INSERT INTO plan_tasks (task_id, doc_id, section, text) VALUES ('d:2#1', 'd', "
                   "'2', 'Thu hút đầu tư')");
        ds.execute("INSERT INTO plan_task_agencies (task_id, agency_id, role) VALUES ('d:2#1', "
                   "'so-kh-dt', 'lead')");
        ds.execute("INSERT INTO plan_task_agencies (task_id, agency_id, role) VALUES ('d:2#1', "
                   "'so-cong-thuong', 'support')");
        ws.close();
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto overview = plan::readPlanOverview(ws);
    ASSERT_EQ(overview.documents.size(), 1u);
    const auto& tasks = overview.documents[0].tasks;
    ASSERT_EQ(tasks.size(), 2u);
    EXPECT_EQ(tasks[0].taskId, "d:1#1");
    EXPECT_EQ(tasks[0].links, 1); // P1
    EXPECT_EQ(tasks[0].kinds, std::vector<std::string>{"industrial_park"});
    EXPECT_EQ(tasks[0].lead, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(tasks[1].links, 0);
    EXPECT_EQ(tasks[1].lead, std::vector<std::string>{"Sở Kế hoạch và Đầu tư"});
    EXPECT_EQ(tasks[1].support, std::vector<std::string>{"Sở Công Thương"});
    const auto mpi = std::find_if(overview.agencies.begin(), overview.agencies.end(),
                                  [](const auto& a) { return a.agencyId == "so-kh-dt"; });
    ASSERT_NE(mpi, overview.agencies.end());
    EXPECT_EQ(mpi->successorName, "Sở Tài chính");
    EXPECT_EQ(mpi->leadTasks, 1);
    const auto sct = std::find_if(overview.agencies.begin(), overview.agencies.end(),
                                  [](const auto& a) { return a.agencyId == "so-cong-thuong"; });
    EXPECT_EQ(sct->leadTasks, 1);
    EXPECT_EQ(sct->supportTasks, 1);

    // Where the tasks act: P1's square for d:1#1, nothing for the task without a place.
    const auto extent = plan::footprintExtent(ws, {"d:1#1", "d:2#1"});
    ASSERT_TRUE(extent);
    EXPECT_DOUBLE_EQ(extent->minX, X0 + 500);
    EXPECT_DOUBLE_EQ(extent->maxX, X0 + 1500);
    EXPECT_DOUBLE_EQ(extent->maxY, Y0 + 1000);
    EXPECT_FALSE(plan::footprintExtent(ws, {"d:2#1"}));
    EXPECT_FALSE(plan::footprintExtent(ws, {}));
}

// The attribute table's rows: every feature with its values and where it lies, at most as many
// as asked with the layer's count beside; the selected rows as a table placed by code.
TEST_F(AnalysisFixture, FeatureTableReadsALayerAndItsSelection)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto all = layers::readFeatureTable(ws, "parks");
    EXPECT_EQ(all.kind, "industrial_park");
    EXPECT_EQ(all.total, static_cast<std::int64_t>(all.rows.size()));
    ASSERT_GE(all.rows.size(), 3u);
    const auto code = std::find_if(all.fields.begin(), all.fields.end(),
                                   [](const auto& f) { return f.name == "code"; }) -
                      all.fields.begin();
    std::size_t p3 = all.rows.size();
    for (std::size_t i = 0; i < all.rows.size(); ++i)
        if (gis::toString(all.rows[i].values[static_cast<std::size_t>(code)]) == "P3")
            p3 = i;
    ASSERT_LT(p3, all.rows.size());
    ASSERT_TRUE(all.rows[p3].envelope);
    EXPECT_DOUBLE_EQ(all.rows[p3].envelope->minX, X0 + 1200);
    EXPECT_DOUBLE_EQ(all.rows[p3].envelope->maxY, Y0 + 400);
    // The shapes of a selection: P3's square.
    const auto shapes = layers::featureShapes(ws, "parks", {all.rows[p3].fid});
    ASSERT_EQ(shapes.polygons.size(), 1u);
    EXPECT_EQ(shapes.polygons[0][0].size(), 5u);
    const auto selection = layers::selectionTable(all, {p3});
    ASSERT_EQ(selection.rows.size(), 1u);
    ASSERT_EQ(selection.places.size(), 1u);
    EXPECT_EQ(selection.places[0].code, "P3");
    EXPECT_EQ(selection.columns.size(), all.fields.size());
    // A limit keeps the first rows and says how many there are.
    const auto two = layers::readFeatureTable(ws, "parks", 2);
    EXPECT_EQ(two.rows.size(), 2u);
    EXPECT_EQ(two.total, all.total);
    EXPECT_THROW(layers::readFeatureTable(ws, "no_such_layer"), layers::Error);
}

// Find: features, units, tasks and agencies by name without diacritics, the name itself first.
TEST_F(AnalysisFixture, FindMatchesNamesWithoutDiacriticsBestFirst)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto entries = layers::findables(ws);
    const auto park = layers::find(entries, "kcn mot");
    ASSERT_FALSE(park.empty());
    EXPECT_EQ(park.front()->key, "P1");
    EXPECT_EQ(park.front()->what, layers::Findable::What::Feature);
    EXPECT_EQ(park.front()->layer, "parks");
    // A unit by its name; its code too.
    const auto unit = layers::find(entries, "DON VI 2");
    ASSERT_FALSE(unit.empty());
    EXPECT_EQ(unit.front()->key, "U2");
    EXPECT_EQ(unit.front()->what, layers::Findable::What::Unit);
    EXPECT_EQ(layers::find(entries, "u2").front()->key, "U2");
    // The agency by its name, before the task whose text names it.
    const auto agency = layers::find(entries, "so cong thuong");
    ASSERT_FALSE(agency.empty());
    EXPECT_EQ(agency.front()->what, layers::Findable::What::Agency);
    EXPECT_EQ(agency.front()->key, "Sở Công Thương");
    // A task by words of its text.
    const auto task = layers::find(entries, "phat trien");
    ASSERT_FALSE(task.empty());
    EXPECT_EQ(task.front()->key, "d:1#1");
    EXPECT_TRUE(layers::find(entries, "xyzzy").empty());
    EXPECT_TRUE(layers::find(entries, "  ").empty());
}
