// TableScan: a GeoPackage layer read straight from SQLite gives what OGR gives — the same
// geometries, the same areas to the last bit for the polygons it measures itself, the same
// numbers — and says "not sure" for everything it does not measure.

#include "planatlas/gis/TableScan.h"

#include "TestSupport.h"
#include "planatlas/gis/Error.h"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace pa::gis;

namespace {

constexpr double X0 = 430000, Y0 = 2380000;

std::string ringText(const std::vector<Coord>& points)
{
    std::ostringstream out;
    out.precision(17);
    out << '(';
    for (std::size_t i = 0; i <= points.size(); ++i)
        out << (i ? "," : "") << points[i % points.size()].x << ' ' << points[i % points.size()].y;
    out << ')';
    return out.str();
}

/// A star-shaped ring of @p n vertices around (cx, cy): simple whatever the radii.
std::vector<Coord> star(std::mt19937& random, double cx, double cy, int n)
{
    std::uniform_real_distribution<double> radius(4.0, 20.0);
    std::vector<Coord> points;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * M_PI * i / n, r = radius(random);
        points.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
    }
    return points;
}

enum class Shape
{
    Star,      ///< one ring, valid: measured from the WKB
    LongStar,  ///< one ring of 100 vertices: left to OGR and GEOS
    BowTie,    ///< invalid
    WithHole,  ///< two rings
    TwoParts,  ///< a multipolygon of two
    Empty,     ///< an empty polygon
    NoGeometry ///< null
};

struct Written
{
    Shape shape;
    std::optional<double> price;
};

/// A GeoPackage with one polygon layer "p" (EPSG:9213) of every shape above and a price that
/// is sometimes null; returns what was written by fid.
std::map<std::int64_t, Written> writeLayer(const std::string& path, int count)
{
    auto ds = Dataset::createGeoPackage(path);
    const auto crs = Crs::fromEpsg(9213);
    auto layer = ds.createLayer(
        "p", &crs, GeometryFamily::Polygon, true,
        {{"price", FieldType::Real}, {"n", FieldType::Integer64}, {"label", FieldType::String}});
    std::mt19937 random(7);
    std::map<std::int64_t, Written> written;
    ds.startTransaction();
    for (int i = 0; i < count; ++i) {
        const double cx = X0 + (i % 100) * 50.0, cy = Y0 + (i / 100) * 50.0;
        Shape shape = Shape::Star;
        if (i % 97 == 5)
            shape = Shape::BowTie;
        else if (i % 89 == 3)
            shape = Shape::LongStar;
        else if (i % 53 == 7)
            shape = Shape::WithHole;
        else if (i % 61 == 11)
            shape = Shape::TwoParts;
        else if (i == 17)
            shape = Shape::Empty;
        else if (i == 19)
            shape = Shape::NoGeometry;
        std::string wkt;
        switch (shape) {
        case Shape::Star:
            wkt = "POLYGON(" + ringText(star(random, cx, cy, 3 + i % 60)) + ")";
            break;
        case Shape::LongStar:
            wkt = "POLYGON(" + ringText(star(random, cx, cy, 100)) + ")";
            break;
        case Shape::BowTie:
            wkt = "POLYGON(" +
                  ringText({{cx, cy}, {cx + 20, cy + 20}, {cx + 20, cy}, {cx, cy + 20}}) + ")";
            break;
        case Shape::WithHole:
            wkt = "POLYGON(" +
                  ringText({{cx - 20, cy - 20},
                            {cx + 20, cy - 20},
                            {cx + 20, cy + 20},
                            {cx - 20, cy + 20}}) +
                  "," + ringText({{cx - 5, cy - 5}, {cx - 5, cy + 5}, {cx + 5, cy + 5}}) + ")";
            break;
        case Shape::TwoParts:
            wkt = "MULTIPOLYGON((" + ringText({{cx, cy}, {cx + 5, cy}, {cx + 5, cy + 5}}) + "),(" +
                  ringText({{cx + 10, cy}, {cx + 15, cy}, {cx + 15, cy + 5}}) + "))";
            break;
        case Shape::Empty:
            wkt = "POLYGON EMPTY";
            break;
        case Shape::NoGeometry:
            break;
        }
        auto f = layer.newFeature();
        const std::optional<double> price =
            i % 23 == 4 ? std::nullopt : std::optional<double>(1000.0 + i * 2.5);
        if (price)
            f.setValue(0, *price);
        f.setValue(1, std::int64_t{i});
        f.setValue(2, std::string("thửa ") + std::to_string(i));
        if (!wkt.empty()) {
            auto g = Geometry::fromWkt(wkt);
            g.promoteToMulti();
            f.setGeometry(std::move(g));
        }
        written[layer.insert(f)] = {shape, price};
    }
    ds.commitTransaction();
    ds.close();
    return written;
}

} // namespace

TEST(TableScan, RowsReadFromTheTableAreWhatOgrReads)
{
    pa::test::TempDir dir;
    const auto written = writeLayer(dir.file("t.gpkg"), 9000);
    auto ds = Dataset::openVector(dir.file("t.gpkg"), OpenMode::ReadOnly);
    auto source = TableSource::of(ds, "p", {"price", "n"});
    ASSERT_TRUE(source);
    EXPECT_EQ(source->fidRange().first, 1);
    EXPECT_EQ(source->fidRange().second, 9000);
    EXPECT_EQ(source->connections(2), 2); // no transaction open: connections of its own
    const auto chunks = source->fidChunks();
    ASSERT_EQ(chunks.size(), 3u); // 4 096 fids each
    EXPECT_EQ(chunks.front().first, 1);
    EXPECT_EQ(chunks.back().second, 9000);
    auto layer = ds.layerByName("p");
    ASSERT_TRUE(layer);
    auto scan = source->open();
    std::map<Shape, int> measured, seen;
    std::int64_t rows = 0, previous = 0;
    ScanRow row;
    for (const auto& [first, last] : chunks) {
        scan->select(first, last);
        while (scan->next(row)) {
            ++rows;
            EXPECT_GT(row.fid, previous); // fid order
            previous = row.fid;
            const auto& w = written.at(row.fid);
            ++seen[w.shape];
            auto feature = layer->feature(row.fid);
            ASSERT_TRUE(feature);
            const auto g = feature->takeGeometry();
            ASSERT_EQ(row.numbers.size(), 2u);
            EXPECT_EQ(row.numbers[0], w.price) << row.fid;
            EXPECT_EQ(row.numbers[1], static_cast<double>(row.fid - 1));
            EXPECT_EQ(row.hasGeometry(), !g.isEmpty()) << row.fid;
            const auto read = row.geometry();
            EXPECT_EQ(read.isNull(), g.isNull()) << row.fid;
            if (!g.isNull()) {
                EXPECT_EQ(read.wkt(), g.wkt()) << row.fid;
            }
            const auto simple = row.simplePolygon();
            if (!simple)
                continue;
            ++measured[w.shape];
            // Exactly what OGR measures, and the envelope OGR gives.
            EXPECT_EQ(simple->area, g.area()) << row.fid;
            const auto e = *g.envelope();
            EXPECT_EQ(simple->envelope.minX, e.minX);
            EXPECT_EQ(simple->envelope.minY, e.minY);
            EXPECT_EQ(simple->envelope.maxX, e.maxX);
            EXPECT_EQ(simple->envelope.maxY, e.maxY);
            EXPECT_TRUE(g.isValid()) << row.fid;
        }
    }
    EXPECT_EQ(rows, 9000);
    // Every valid one-ring star is measured from its WKB; nothing else is.
    EXPECT_EQ(measured[Shape::Star], seen[Shape::Star]);
    EXPECT_GT(seen[Shape::Star], 8000);
    for (const auto shape : {Shape::LongStar, Shape::BowTie, Shape::WithHole, Shape::TwoParts,
                             Shape::Empty, Shape::NoGeometry}) {
        EXPECT_GT(seen[shape], 0);
        EXPECT_EQ(measured[shape], 0);
    }
}

TEST(TableScan, ARectangleReadsAtLeastTheRowsWhoseEnvelopeMeetsIt)
{
    pa::test::TempDir dir;
    writeLayer(dir.file("t.gpkg"), 3000);
    auto ds = Dataset::openVector(dir.file("t.gpkg"), OpenMode::ReadOnly);
    auto layer = ds.layerByName("p");
    const Envelope rectangle{X0 + 1010, Y0 + 310, X0 + 1490, Y0 + 720};
    std::set<std::int64_t> expected;
    layer->setSpatialFilter(rectangle);
    while (auto f = layer->next())
        expected.insert(f->fid());
    ASSERT_GT(expected.size(), 50u);
    auto source = TableSource::of(ds, "p", {});
    ASSERT_FALSE(source->rtreeTable().empty());
    // The layer's name in another case finds the same table and its R-tree.
    EXPECT_EQ(TableSource::of(ds, "P", {})->rtreeTable(), source->rtreeTable());
    auto scan = source->open();
    scan->select(source->fidRange().first, source->fidRange().second, rectangle);
    std::set<std::int64_t> got;
    ScanRow row;
    while (scan->next(row))
        got.insert(row.fid);
    for (auto fid : expected)
        EXPECT_TRUE(got.contains(fid)) << fid;
    // The R-tree's single-precision bounds add only features touching the rectangle's edge.
    EXPECT_LE(got.size(), expected.size() + 10);
    // Narrowed to a fid range as well.
    scan->select(1, 1000, rectangle);
    while (scan->next(row))
        EXPECT_LE(row.fid, 1000);
}

TEST(TableScan, ATransactionInProgressIsReadThroughTheDatasetsOwnConnection)
{
    pa::test::TempDir dir;
    writeLayer(dir.file("t.gpkg"), 100);
    auto ds = Dataset::openVector(dir.file("t.gpkg"), OpenMode::Update);
    ds.startTransaction();
    auto layer = ds.layerByName("p");
    auto f = layer->newFeature();
    f.setValue(0, 5.0);
    f.setGeometry(Geometry::fromWkt("MULTIPOLYGON(((430000 2380000,430010 2380000,430010 "
                                    "2380010,430000 2380000)))"));
    const auto fid = layer->insert(f);
    auto source = TableSource::of(ds, "p", {"price"});
    ASSERT_TRUE(source);
    EXPECT_EQ(source->connections(4), 1); // the new row is this connection's alone
    EXPECT_EQ(source->fidRange().second, fid);
    auto scan = source->open();
    scan->select(fid, fid);
    ScanRow row;
    ASSERT_TRUE(scan->next(row));
    EXPECT_EQ(row.numbers[0], 5.0);
    ASSERT_TRUE(row.simplePolygon());
    EXPECT_DOUBLE_EQ(row.simplePolygon()->area, 50.0);
    scan.reset();
    ds.rollbackTransaction();
}

TEST(TableScan, WhatCannotBeScannedIsSaid)
{
    pa::test::TempDir dir;
    writeLayer(dir.file("t.gpkg"), 30);
    {
        auto ds = Dataset::openVector(dir.file("t.gpkg"), OpenMode::Update);
        EXPECT_THROW((void)TableSource::of(ds, "p", {"label"}), GisError); // text
        EXPECT_THROW((void)TableSource::of(ds, "p", {"nope"}), GisError);
        EXPECT_FALSE(TableSource::of(ds, "no_such_layer", {}));
        // A blob that is no GeoPackage geometry: said with the table and the fid.
        ds.execute("UPDATE p SET geom = X'00010203' WHERE fid = 3");
        // A SpatiaLite blob (POINT(1 2), SRID 9213), as SpatiaLite's functions write one.
        ds.execute("UPDATE p SET geom = X'0001FD230000000000000000F03F0000000000000040000000000000"
                   "F03F00000000000000407C01000000000000000000F03F0000000000000040FE' "
                   "WHERE fid = 4");
        // A multipolygon counting 4 294 967 295 parts in 9 bytes of WKB, a polygon as many
        // rings, and a multipolygon of one such polygon: damage, which must not ask for
        // gigabytes.
        ds.execute("UPDATE p SET geom = X'47500001FD2300000106000000FFFFFFFF' WHERE fid = 5");
        ds.execute("UPDATE p SET geom = X'47500001FD2300000103000000FFFFFFFF' WHERE fid = 6");
        ds.execute("UPDATE p SET geom = X'47500001FD23000001060000000100000001030000"
                   "00FFFFFFFF' WHERE fid = 7");
        ds.close();
    }
    auto ds = Dataset::openVector(dir.file("t.gpkg"), OpenMode::ReadOnly);
    auto source = TableSource::of(ds, "p", {});
    auto scan = source->open();
    scan->select(3, 3);
    ScanRow row;
    ASSERT_TRUE(scan->next(row));
    // Not an empty geometry, to be left out: a value its reader must hear about.
    EXPECT_TRUE(row.hasGeometry());
    EXPECT_FALSE(row.simplePolygon());
    Shapes shapes;
    EXPECT_FALSE(row.polygonShapes(shapes));
    try {
        (void)row.geometry();
        ADD_FAILURE() << "no error";
    } catch (const GisError& e) {
        EXPECT_NE(std::string(e.what()).find("layer 'p', feature fid 3"), std::string::npos)
            << e.what();
    }
    scan->select(4, 4);
    ASSERT_TRUE(scan->next(row));
    EXPECT_TRUE(row.hasGeometry());
    try {
        (void)row.geometry();
        ADD_FAILURE() << "no error";
    } catch (const FeatureReadError& e) {
        EXPECT_EQ(e.fid(), 4);
        EXPECT_NE(e.problem().find("SpatiaLite geometry"), std::string::npos) << e.what();
    }
    for (const std::int64_t fid : {5, 6, 7}) {
        scan->select(fid, fid);
        ASSERT_TRUE(scan->next(row));
        EXPECT_TRUE(row.hasGeometry());
        EXPECT_FALSE(row.polygonShapes(shapes)) << fid;
        EXPECT_FALSE(row.simplePolygon()) << fid;
        EXPECT_THROW((void)row.geometry(), FeatureReadError) << fid;
    }
    // Another format is not scanned this way.
    pa::test::writeBytes(
        dir.file("a.geojson"),
        R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
        R"("properties":{},"geometry":{"type":"Point","coordinates":[105,21]}}]})");
    auto json = Dataset::openVector(dir.file("a.geojson"), OpenMode::ReadOnly);
    EXPECT_FALSE(TableSource::of(json, json.layer(0).name(), {}));
}
