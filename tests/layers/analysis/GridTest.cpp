// Analysis grids over the hand-computable province.

#include "planatlas/layers/analysis/Grid.h"

#include "AnalysisFixture.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/analysis/Coverage.h"

#include <gtest/gtest.h>

using namespace pa;
using pa::test::AnalysisFixture;

TEST_F(AnalysisFixture, GridsTileTheProvinceAndServeAsUnits)
{
    write("province.csv",
          "code,name_vi,wkt\nPR,Tỉnh thử," + pa::test::square(0, 0, 2000, 3000) + "\n");
    auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
    importCsv(ws, "province.csv", "admin_province");
    analysis::GridOptions squares;
    squares.cellKm = 1.0;
    squares.shape = analysis::GridShape::Square;
    EXPECT_EQ(analysis::makeGrid(ws, squares), 6); // 2 km × 3 km in 1 km squares
    analysis::GridOptions hexes;
    hexes.cellKm = 0.5;
    const auto cells = analysis::makeGrid(ws, hexes);
    EXPECT_GT(cells, 24); // more, smaller cells than 6 km² / 0.2165 km² ≈ 28, some clipped
    auto areaOf = [&](const std::string& layer) {
        return std::get<double>(
            ws.dataset().execute("SELECT SUM(ST_Area(geom)) FROM " + layer, "SQLite").rows[0][0]);
    };
    // Either grid covers the province exactly: 600 ha.
    EXPECT_NEAR(areaOf("grid_1km_square") / 1e4, 600.0, 1e-6);
    EXPECT_NEAR(areaOf("grid_0_5km_hex") / 1e4, 600.0, 1e-6);
    // The grid works as coverage units: P1's 100 ha fall in the cells it crosses.
    double parks = 0;
    for (const auto& row : analysis::coverage(ws, "grid_1km_square").rows)
        if (row.kind == "industrial_park")
            parks += row.areaHa;
    EXPECT_NEAR(parks, 104.0, 1e-6);
    EXPECT_EQ(ws.validate().errorCount(), 0u);
    squares.cellKm = 0;
    EXPECT_THROW(analysis::makeGrid(ws, squares), layers::Error);
}
