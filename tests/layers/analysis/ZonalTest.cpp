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
    EXPECT_THROW(analysis::zonal(ws, "price:nope"), layers::Error);
    EXPECT_THROW(analysis::zonal(ws, "roads"), layers::Error);
}
