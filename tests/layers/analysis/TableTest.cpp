// Analysis tables written as GeoPackage layers: typed columns, each row's geometry, and a
// failed or cancelled write that leaves the earlier file as it was.

#include "planatlas/layers/analysis/Table.h"

#include "AnalysisFixture.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/analysis/Csv.h"
#include "planatlas/layers/analysis/Overlaps.h"
#include "planatlas/layers/analysis/Targets.h"

#include <atomic>
#include <gtest/gtest.h>
#include <map>

using namespace pa;
using pa::test::AnalysisFixture;

TEST_F(AnalysisFixture, CoverageAsAGeoPackageCarriesEachUnitsGeometry)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto result = analysis::coverage(ws, "units");
    const auto out = m_dir.file("coverage.gpkg");
    analysis::writeGeoPackage(ws, analysis::tables::coverage(result), out);

    auto ds = gis::Dataset::openVector(out, gis::OpenMode::ReadOnly);
    ASSERT_EQ(ds.layerNames(), std::vector<std::string>{"coverage"});
    auto layer = ds.layer(0);
    EXPECT_EQ(layer.geometryTypeName(), "Multi Polygon");
    ASSERT_TRUE(layer.crs());
    EXPECT_EQ(layer.crs()->epsg(), 9213);
    EXPECT_EQ(layer.featureCount(), static_cast<std::int64_t>(result.rows.size()));
    std::map<std::string, gis::FieldType> types;
    for (const auto& f : layer.fields())
        types[f.name] = f.type;
    EXPECT_EQ(types["unit_code"], gis::FieldType::String);
    EXPECT_EQ(types["features"], gis::FieldType::Integer64);
    EXPECT_EQ(types["area_ha"], gis::FieldType::Real);
    const int code = layer.fieldIndex("unit_code"), kind = layer.fieldIndex("kind"),
              area = layer.fieldIndex("area_ha");
    int parks = 0;
    while (auto f = layer.next()) {
        const auto g = f->takeGeometry();
        EXPECT_NEAR(g.area(), 1'000'000.0, 1e-6); // every unit is a 100 ha square
        if (gis::toString(f->value(kind)) == "industrial_park") {
            ++parks;
            // U1 holds 50 ha of P1 and the 4 ha of P2; U2 the other 50 ha of P1 (P3 lies inside
            // it).
            EXPECT_NEAR(std::get<double>(f->value(area)),
                        gis::toString(f->value(code)) == "U1" ? 54.0 : 50.0, 1e-9);
        }
    }
    EXPECT_EQ(parks, 2);
}

TEST_F(AnalysisFixture, CoverageAsLayersOneLayerPerKindEachUnitOnce)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto table = analysis::tables::coverage(analysis::coverage(ws, "units"));
    const auto layers = analysis::layersByKind(table);
    ASSERT_GT(layers.size(), 1u);
    std::size_t rows = 0;
    for (const auto& layer : layers) {
        EXPECT_EQ(layer.name.rfind("coverage_", 0), 0u) << layer.name;
        EXPECT_EQ(layer.rows.size(), 2u) << layer.name; // units U1 and U2, once each
        rows += layer.rows.size();
    }
    EXPECT_EQ(rows, table.rows.size());
    const auto out = m_dir.file("by_kind.gpkg");
    analysis::writeGeoPackage(ws, layers, out);
    auto ds = gis::Dataset::openVector(out, gis::OpenMode::ReadOnly);
    EXPECT_EQ(ds.layerNames().size(), layers.size());
    EXPECT_EQ(ds.layerByName("coverage_industrial_park")->featureCount(), 2);
    // A table whose rows do not repeat a place stays one layer.
    const auto footprint =
        analysis::tables::footprint(analysis::footprint(ws, analysis::FootprintBy::Task, "units"));
    EXPECT_EQ(analysis::layersByKind(footprint).size(), 1u);
}

TEST_F(AnalysisFixture, OverlapsAsAGeoPackageAreTheOverlapPolygons)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto table =
        analysis::tables::overlaps(analysis::overlaps(ws, analysis::defaultOverlapPairs()));
    const auto out = m_dir.file("overlaps.gpkg");
    analysis::writeGeoPackage(ws, table, out);
    auto ds = gis::Dataset::openVector(out, gis::OpenMode::ReadOnly);
    auto layer = ds.layer(0);
    EXPECT_EQ(layer.fieldIndex("wkt"), -1); // the WKT column became the geometry
    const int area = layer.fieldIndex("area_ha");
    std::int64_t rows = 0;
    while (auto f = layer.next()) {
        ++rows;
        EXPECT_NEAR(f->takeGeometry().area() / 10000.0, std::get<double>(f->value(area)), 1e-9);
    }
    EXPECT_EQ(rows, 3);
}

TEST_F(AnalysisFixture, TablesWithoutPlacesBecomeAttributeTablesAndFailuresLeaveTheOldFile)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto footprint =
        analysis::tables::footprint(analysis::footprint(ws, analysis::FootprintBy::Agency));
    const auto out = m_dir.file("footprint.gpkg");
    analysis::writeGeoPackage(ws, footprint, out);
    {
        auto ds = gis::Dataset::openVector(out, gis::OpenMode::ReadOnly);
        auto layer = ds.layer(0);
        EXPECT_FALSE(layer.hasGeometry());
        auto row = layer.next();
        ASSERT_TRUE(row);
        EXPECT_EQ(gis::toString(row->value(layer.fieldIndex("key"))), "Sở Công Thương");
        EXPECT_NEAR(std::get<double>(row->value(layer.fieldIndex("area_ha"))), 100.0, 1e-9);
    }
    const auto before = pa::test::readBytes(out);
    // Cancelled while writing: the earlier file stays, no partial file is left beside it.
    std::atomic<bool> cancel{true};
    const layers::Progress cancelled([](double, std::string_view) {}, &cancel);
    EXPECT_THROW(
        analysis::writeGeoPackage(ws, analysis::tables::coverage(analysis::coverage(ws, "units")),
                                  out, cancelled),
        layers::Error);
    EXPECT_EQ(pa::test::readBytes(out), before);
    for (const auto& entry : std::filesystem::directory_iterator(m_dir.path()))
        EXPECT_EQ(entry.path().filename().string().find(".part"), std::string::npos)
            << entry.path();
    try {
        analysis::writeGeoPackage(ws, footprint, m_dir.file("no/such/folder.gpkg"));
        FAIL();
    } catch (const layers::Error& e) {
        EXPECT_EQ(e.kind(), layers::ErrorKind::Input);
        EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
    }
}
