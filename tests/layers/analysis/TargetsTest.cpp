// Targets measured on the hand-computable workspace.

#include "planatlas/layers/analysis/Targets.h"

#include "AnalysisFixture.h"
#include "planatlas/layers/Errors.h"

#include <gtest/gtest.h>

using namespace pa;
using pa::test::AnalysisFixture;

TEST(TargetStatus, ComparatorsDecide)
{
    EXPECT_TRUE(analysis::targetMet(">", 60, {}, 60.5));
    EXPECT_FALSE(analysis::targetMet(">", 60, {}, 60));
    EXPECT_TRUE(analysis::targetMet(">=", 60, {}, 60));
    EXPECT_TRUE(analysis::targetMet("<", 20, {}, 19));
    EXPECT_TRUE(analysis::targetMet("range", 35, 40.0, 37));
    EXPECT_FALSE(analysis::targetMet("range", 35, 40.0, 41));
    EXPECT_TRUE(analysis::targetMet("approx", 134.9, {}, 125.0)); // within 10 %
    EXPECT_FALSE(analysis::targetMet("approx", 134.9, {}, 120.0));
    EXPECT_TRUE(analysis::targetMet("=", 3, {}, 3));
}

TEST_F(AnalysisFixture, TargetsAreMeasuredInTheProvince)
{
    write("province.csv",
          "code,name_vi,wkt\nPR,Tỉnh thử," + pa::test::square(0, 0, 2000, 3000) + "\n");
    write("expressway.csv",
          "code,name_vi,wkt\nE1,Cao tốc," + pa::test::line(0, 2000, 2000, 2000) + "\n");
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "province.csv", "admin_province");
        importCsv(ws, "expressway.csv", "expressway");
        auto& ds = ws.dataset();
        for (const char* values :
             {"('d:T1', 'd', 'cao tốc', 'Tổng chiều dài cao tốc', 'approx', 2.1, NULL, 'km', 2030, "
              "'expressway_length_km')",
              "('d:T2', 'd', 'kcn', 'Diện tích KCN', '>=', 110, NULL, 'ha', 2030, "
              "'industrial_park_area_ha')",
              "('d:T3', 'd', 'kcn', 'Số KCN', '=', 3, NULL, 'khu', 2030, 'industrial_park_count')",
              "('d:T4', 'd', 'rừng', 'Tỷ lệ che phủ rừng', '>=', 46, NULL, '%', 2025, "
              "'forest_cover_pct')",
              "('d:T5', 'd', 'đô thị', 'Tỷ lệ đô thị hóa', '>', 60, NULL, '%', 2030, "
              "'urbanisation_rate_pct')"})
            ds.execute(std::string("INSERT INTO plan_targets (target_id, doc_id, text, indicator, "
                                   "comparator, value, "
                                   "value_max, unit, year, metric) VALUES ") +
                       values);
        ws.close();
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::targets(ws);
    EXPECT_EQ(r.provinceLayer, "province");
    ASSERT_EQ(r.rows.size(), 5u);
    EXPECT_NEAR(*r.rows[0].measured, 2.0, 1e-9); // the 2 km expressway, within 10 % of 2.1
    EXPECT_EQ(r.rows[0].status, "met");
    EXPECT_NEAR(*r.rows[1].measured, 104.0, 1e-9); // P1 ∪ P2 ∪ P3
    EXPECT_EQ(r.rows[1].status, "not met");
    EXPECT_NEAR(*r.rows[2].measured, 3.0, 0.0);
    EXPECT_EQ(r.rows[2].status, "met");
    EXPECT_EQ(r.rows[3].status, "no data");        // no forest layer
    EXPECT_EQ(r.rows[4].status, "not measurable"); // population, not geometry
    EXPECT_THROW(analysis::targets(ws, "units"), layers::Error);
}
