// Overlaps on the hand-computable workspace.

#include "planatlas/layers/analysis/Overlaps.h"

#include "AnalysisFixture.h"
#include "planatlas/layers/Errors.h"

#include <gtest/gtest.h>

using namespace pa;
using pa::test::AnalysisFixture;

TEST_F(AnalysisFixture, OverlapsBetweenIndustryAndAgricultureAndWithinAKind)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto result = analysis::overlaps(ws, analysis::defaultOverlapPairs());
    std::map<std::string, double> area;
    for (const auto& r : result.rows)
        area[r.a.code + "×" + r.b.code] = r.areaHa;
    ASSERT_EQ(result.rows.size(), 3u);
    // P1 covers 500–1000 m of the zone's square, less the part of the 200 m hole in it (2 ha).
    EXPECT_NEAR(area["P1×Z1"], 48.0, 1e-9);
    EXPECT_NEAR(area["P2×Z1"], 4.0, 1e-9);
    EXPECT_NEAR(area["P1×P3"], 4.0, 1e-9); // a park inside a park, reported once
    const auto& p1z1 = *std::find_if(result.rows.begin(), result.rows.end(), [](const auto& r) {
        return r.a.code == "P1" && r.b.code == "Z1";
    });
    EXPECT_EQ(p1z1.a.leadAgencies, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(p1z1.a.tasks, std::vector<std::string>{"d:1#1"});
    EXPECT_TRUE(p1z1.b.tasks.empty());
    EXPECT_NEAR(p1z1.geometry.area(), 480000.0, 1e-6);
    // Slivers below --min-ha are dropped and counted.
    const auto big = analysis::overlaps(ws, analysis::defaultOverlapPairs(), 5.0);
    EXPECT_EQ(big.rows.size(), 1u);
    EXPECT_EQ(big.belowThreshold, 2);
    // Explicit pairs.
    const auto only =
        analysis::overlaps(ws, analysis::parseOverlapPairs("industrial_park:industrial_park"));
    ASSERT_EQ(only.rows.size(), 1u);
    EXPECT_THROW(analysis::parseOverlapPairs("industrial_park"), layers::Error);
    EXPECT_THROW(analysis::parseOverlapPairs("industrial_park:airport"), layers::Error);
}
