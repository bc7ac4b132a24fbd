// Corridor and access on the hand-computable workspace, with an expressway 1 km north of the
// units (along y = 2000 m from x = 0 to 2000 m).

#include "planatlas/layers/analysis/Proximity.h"

#include "AnalysisFixture.h"
#include "planatlas/layers/Errors.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace pa;
using pa::test::AnalysisFixture;

namespace {
class Proximity : public AnalysisFixture
{
protected:
    void SetUp() override
    {
        AnalysisFixture::SetUp();
        addExpressway();
    }
};
} // namespace

TEST_F(Proximity, CorridorDistancesAndIndustrialShare)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::corridor(ws, 1.2);
    EXPECT_EQ(r.expressways, 1);
    std::map<std::string, analysis::DistanceRow> rows;
    for (const auto& row : r.rows)
        rows[row.code] = row;
    EXPECT_NEAR(rows.at("P1").distanceKm, 1.0, 1e-9);
    EXPECT_NEAR(rows.at("P2").distanceKm, 1.7, 1e-9);
    EXPECT_NEAR(rows.at("P3").distanceKm, 1.6, 1e-9);
    EXPECT_NEAR(rows.at("T1").distanceKm, 1.5, 1e-9);
    EXPECT_TRUE(rows.at("P1").within);
    EXPECT_FALSE(rows.at("P2").within);
    EXPECT_TRUE(rows.at("Z1").within);
    EXPECT_EQ(rows.at("P1").nearestCode, "E1");
    EXPECT_EQ(r.withinByKind.at("industrial_park"), 1);
    // Parks cover 104 ha (P3 lies inside P1); the band within 1.2 km (y ≥ 800 m) holds 20 ha of P1.
    EXPECT_NEAR(r.industrialAreaHa, 104.0, 1e-9);
    EXPECT_NEAR(r.industrialInsideHa, 20.0, 1e-6);
    EXPECT_THROW(analysis::corridor(ws, 1.2, {"planned"}), layers::Error); // no planned expressway
}

TEST_F(Proximity, AccessToTownsAndExpressways)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    std::map<std::string, analysis::DistanceRow> towns;
    for (const auto& row : analysis::access(ws, "urban_centre").rows)
        towns[row.code] = row;
    EXPECT_NEAR(towns.at("P1").distanceKm, 0.0, 1e-12); // T2 lies inside P1
    EXPECT_NEAR(towns.at("P2").distanceKm, std::hypot(700.0, 200.0) / 1000.0,
                1e-9); // to T2 at (1000, 500)
    EXPECT_EQ(towns.at("P2").nearestCode, "T2");
    EXPECT_TRUE(towns.contains("Z1")); // agricultural zones too
    EXPECT_NEAR(analysis::access(ws, "expressway").rows.at(0).distanceKm, 1.0, 1e-9);
    EXPECT_THROW(analysis::access(ws, "urban_centre:provincial"), layers::Error); // no tier set
    EXPECT_THROW(analysis::access(ws, "airport"), layers::Error);
}

TEST_F(Proximity, CorridorOfALargeLayerCountsWhatLiesWithinExactly)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    // The expressway runs along y = 2000 m. Parks: P1 reaches y = 1000 (1.0 km), P3 y = 400
    // (1.6 km), P2 y = 300 (1.7 km). At exactly 1.6 km, P3 counts (ST_DWithin is inclusive).
    const auto r = analysis::corridorOfLayer(ws, "parks", 1.6);
    EXPECT_EQ(r.features, 3);
    EXPECT_EQ(r.within, 2);
    EXPECT_NEAR(r.withinAreaHa, 104.0, 1e-9);
    EXPECT_EQ(analysis::corridorOfLayer(ws, "parks", 0.99).within, 0);
    EXPECT_THROW(analysis::corridorOfLayer(ws, "no_such_layer", 1), layers::Error);
}
