// Footprint by task, agency and document on the hand-computable workspace, and the unlocated
// tasks.

#include "planatlas/layers/analysis/Footprint.h"

#include "AnalysisFixture.h"
#include "planatlas/layers/Errors.h"

#include <gtest/gtest.h>

using namespace pa;
using pa::test::AnalysisFixture;

namespace {
void addTask(layers::Workspace& ws, const std::string& id, const std::string& lead,
             const std::string& layer, const std::string& code)
{
    auto& ds = ws.dataset();
    ds.execute("INSERT INTO plan_tasks (task_id, doc_id, text) VALUES ('" + id + "', 'd', 'việc " +
               id + "')");
    ds.execute("INSERT OR IGNORE INTO plan_agencies (agency_id, name_vi) VALUES ('" + lead +
               "', '" + lead + "')");
    ds.execute("INSERT INTO plan_task_agencies (task_id, agency_id, role) VALUES ('" + id + "', '" +
               lead + "', 'lead')");
    if (!code.empty())
        ds.execute("INSERT INTO " + layer +
                   "_task_links (base_id, related_id) VALUES ((SELECT fid FROM " + layer +
                   " WHERE code = '" + code + "'), (SELECT fid FROM plan_tasks WHERE task_id = '" +
                   id + "'))");
}
} // namespace

TEST_F(AnalysisFixture, FootprintByTaskAgencyAndDocument)
{
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        addTask(ws, "d:2#1", "Sở Giao thông vận tải", "roads", "R1"); // the 2 km road
        addTask(ws, "d:2#2", "Sở Công Thương", "parks", "P3");        // inside P1
        addTask(ws, "d:3#1", "Sở Tư pháp", "", "");                   // no place
        ws.close();
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto byTask = analysis::footprint(ws, analysis::FootprintBy::Task, "units");
    ASSERT_EQ(byTask.rows.size(), 4u);
    const auto& p1 = byTask.rows[0]; // d:1#1 → P1, 100 ha across both units
    EXPECT_EQ(p1.key, "d:1#1");
    EXPECT_EQ(p1.features, 1);
    EXPECT_NEAR(p1.areaHa, 100.0, 1e-9);
    EXPECT_EQ(p1.units, (std::vector<std::string>{"U1", "U2"}));
    const auto& road = byTask.rows[1];
    EXPECT_NEAR(road.lengthKm, 2.0, 1e-9);
    EXPECT_NEAR(road.areaHa, 0.0, 0.0);
    EXPECT_EQ(road.units, (std::vector<std::string>{"U1", "U2"}));
    EXPECT_EQ(byTask.rows[2].units, std::vector<std::string>{"U2"}); // P3
    EXPECT_EQ(byTask.rows[3].located, 0);

    // Sở Công Thương leads d:1#1 (P1) and d:2#2 (P3 inside P1): the union is P1's 100 ha.
    const auto byAgency = analysis::footprint(ws, analysis::FootprintBy::Agency);
    const auto ct = std::find_if(byAgency.rows.begin(), byAgency.rows.end(),
                                 [](const auto& r) { return r.key == "Sở Công Thương"; });
    ASSERT_NE(ct, byAgency.rows.end());
    EXPECT_EQ(ct->tasks, 2);
    EXPECT_EQ(ct->features, 2);
    EXPECT_NEAR(ct->areaHa, 100.0, 1e-9);
    EXPECT_TRUE(ct->units.empty()); // no --units

    const auto byDocument = analysis::footprint(ws, analysis::FootprintBy::Document, "units");
    ASSERT_EQ(byDocument.rows.size(), 1u);
    EXPECT_EQ(byDocument.rows[0].tasks, 4);
    EXPECT_EQ(byDocument.rows[0].located, 3);
    EXPECT_NEAR(byDocument.rows[0].lengthKm, 2.0, 1e-9);

    ASSERT_EQ(byTask.unlocated.size(), 1u);
    EXPECT_EQ(byTask.unlocated[0].taskId, "d:3#1");
    EXPECT_EQ(byTask.unlocated[0].lead, std::vector<std::string>{"Sở Tư pháp"});
    EXPECT_EQ(byTask.unlocatedByDocument.at("d"), 1);
    EXPECT_EQ(byTask.unlocatedByAgency.at("Sở Tư pháp"), 1);
    EXPECT_THROW(analysis::footprint(ws, analysis::FootprintBy::Task, "roads"), layers::Error);
}
