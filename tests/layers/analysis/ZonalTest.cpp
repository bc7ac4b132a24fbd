// Area-weighted land price per programme feature on the hand-computable workspace.

#include "AnalysisFixture.h"

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/analysis/Zonal.h"

#include <gtest/gtest.h>

using namespace pa;
using pa::test::AnalysisFixture;

TEST_F(AnalysisFixture, ZonalLandPriceIsAreaWeighted)
{
    // 1,000,000 VND/m² west of x = 1000 m, 3,000,000 east of it (Vietnamese thousands dots).
    write("price.csv", "code,price_vnd_m2,wkt\nL1,\"1.000.000\"," + pa::test::square(0, 0, 1000, 1000) +
                           "\nL2,\"3.000.000\"," + pa::test::square(1000, 0, 2000, 1000) + "\n");
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "price.csv", "land_price");
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::zonal(ws, "price");
    EXPECT_EQ(r.field, "price_vnd_m2");
    std::map<std::string, analysis::ZonalRow> rows;
    for (const auto& row : r.rows)
        rows[row.code] = row;
    ASSERT_TRUE(rows.contains("P1"));
    EXPECT_NEAR(*rows["P1"].mean, 2'000'000.0, 1e-6); // half in each price zone
    EXPECT_NEAR(*rows["P1"].min, 1'000'000.0, 0.0);
    EXPECT_NEAR(*rows["P1"].max, 3'000'000.0, 0.0);
    EXPECT_NEAR(rows["P1"].coveredPct, 100.0, 1e-9);
    EXPECT_NEAR(*rows["P2"].mean, 1'000'000.0, 1e-6);
    EXPECT_NEAR(rows["Z1"].coveredHa, 96.0, 1e-9); // the zone's hole has no price
    const auto parks = analysis::zonal(ws, "price", {"industrial_park"});
    EXPECT_EQ(parks.rows.size(), 3u); // P1, P2, P3: not the zone
    EXPECT_THROW(analysis::zonal(ws, "price", {"no_such_kind"}), layers::Error);
    EXPECT_THROW(analysis::zonal(ws, "price:nope"), layers::Error);
    EXPECT_THROW(analysis::zonal(ws, "roads"), layers::Error);
}

TEST_F(AnalysisFixture, ZonalByUnitsWeighsPricesCutAtUnitEdges)
{
    // One price polygon straddles the two units: 30 ha at 2,000,000 from x = 700 to 1300 m
    // (15 ha in each unit), and a 50 ha parcel at 500,000 wholly inside U1.
    write("parcels.csv", "code,price_vnd_m2,wkt\nA,2000000," + pa::test::square(700, 0, 1300, 500) +
                             "\nB,500000," + pa::test::square(0, 0, 500, 1000) + "\n");
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "parcels.csv", "land_price");
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::zonalByUnits(ws, "parcels", "units");
    ASSERT_EQ(r.rows.size(), 2u);
    const auto& u1 = r.rows[0];
    const auto& u2 = r.rows[1];
    EXPECT_EQ(u1.code, "U1");
    EXPECT_EQ(u1.valueFeatures, 2);
    EXPECT_NEAR(u1.coveredHa, 15.0 + 50.0, 1e-9);                                      // A's 15 ha + B's 50 ha
    EXPECT_NEAR(*u1.mean, (15.0 * 2e6 + 50.0 * 5e5) / 65.0, 1e-6);
    EXPECT_NEAR(u1.coveredPct, 65.0, 1e-9);
    EXPECT_EQ(u2.valueFeatures, 1);
    EXPECT_NEAR(u2.coveredHa, 15.0, 1e-9);
    EXPECT_NEAR(*u2.mean, 2e6, 1e-6);
    EXPECT_DOUBLE_EQ(*u2.min, 2e6);
    // The per-feature form counts the value polygons too: P1 (x 500–1500) meets A and B's edge.
    for (const auto& row : analysis::zonal(ws, "parcels").rows) {
        if (row.code == "P1") {
            EXPECT_EQ(row.valueFeatures, 1); // B ends at x = 500: touching is not overlapping
        }
    }
}
