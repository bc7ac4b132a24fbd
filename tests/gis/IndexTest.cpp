// The envelope short-cuts the analyses rely on: the cell classifier of a prepared polygon and
// the spatial index, checked against the exact GEOS answer on many random rectangles.

#include "planatlas/gis/Geometry.h"
#include "planatlas/gis/Prepared.h"
#include "planatlas/gis/SpatialIndex.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

using namespace pa::gis;

TEST(CellClassifier, NeverContradictsTheExactTest)
{
    // An L-shaped polygon with a hole: 0–1000 × 0–400 plus 0–400 × 400–1000, hole 100–200².
    const auto l = Geometry::fromWkt("POLYGON((0 0,1000 0,1000 400,400 400,400 1000,0 1000,0 0),"
                                     "(100 100,100 200,200 200,200 100,100 100))");
    const PreparedGeometry prepared(l);
    const CellClassifier cells(prepared, *l.envelope(), 6);
    EXPECT_EQ(cells.classify({500, 50, 600, 150}), CellClassifier::Where::Inside);
    EXPECT_EQ(cells.classify({600, 600, 700, 700}),
              CellClassifier::Where::Outside); // in the L's notch
    EXPECT_EQ(cells.classify({120, 120, 180, 180}), CellClassifier::Where::Outside); // in the hole
    EXPECT_EQ(cells.classify({350, 350, 450, 450}),
              CellClassifier::Where::Boundary); // across the inner corner
    EXPECT_EQ(cells.classify({2000, 0, 2100, 100}),
              CellClassifier::Where::Outside); // beyond the envelope
    EXPECT_EQ(cells.classify({-50, 500, 50, 600}),
              CellClassifier::Where::Boundary); // across the outer edge
    // Damaged coordinates: from inside the L to 1e308, and not a number. Never "outside".
    EXPECT_EQ(cells.classify({500, 50, 1e308, 150}), CellClassifier::Where::Boundary);
    EXPECT_EQ(cells.classify({120, 120, 1e308, 180}), CellClassifier::Where::Boundary); // hole on
    EXPECT_EQ(cells.classify({-1e308, 50, 600, 150}), CellClassifier::Where::Boundary);
    EXPECT_EQ(cells.classify({500, 50, std::nan(""), 150}), CellClassifier::Where::Boundary);

    std::mt19937 random(42);
    std::uniform_real_distribution<double> at(-100, 1100), size(1, 150);
    int inside = 0, outside = 0, boundary = 0;
    for (int i = 0; i < 5000; ++i) {
        const double x = at(random), y = at(random);
        const Envelope r{x, y, x + size(random), y + size(random)};
        switch (cells.classify(r)) {
        case CellClassifier::Where::Inside:
            ++inside;
            ASSERT_TRUE(prepared.containsRectangle(r)) << r.minX << ' ' << r.minY;
            break;
        case CellClassifier::Where::Outside:
            ++outside;
            ASSERT_FALSE(prepared.intersectsRectangle(r)) << r.minX << ' ' << r.minY;
            break;
        case CellClassifier::Where::Boundary:
            ++boundary;
            break;
        }
    }
    // The short-cut answers most rectangles; the exact test is left for those near an edge.
    EXPECT_GT(inside + outside, 3 * boundary);
}

TEST(CellClassifier, EveryCellOfAScannedPolygonAgreesWithGeos)
{
    // The scan of edges against the exact answer for every cell it does not leave to GEOS: a
    // star of 40 spikes, a multipolygon with a hole and an island in it, a buffered line (arcs of
    // many short edges), and a polygon whose edges lie on the cells' own sides.
    std::mt19937 random(3);
    std::uniform_real_distribution<double> radius(300, 1000);
    std::string star = "POLYGON((";
    for (int k = 0; k <= 40; ++k) {
        const double a = 2 * M_PI * (k % 40) / 40, r = k % 40 ? radius(random) : 1000;
        star += (k ? "," : "") + std::to_string(5000 + r * std::cos(a)) + ' ' +
                std::to_string(7000 + r * std::sin(a));
    }
    star += "))";
    std::vector<Geometry> shapes;
    shapes.push_back(Geometry::fromWkt(star));
    shapes.push_back(
        Geometry::fromWkt("MULTIPOLYGON(((0 0,900 0,900 900,0 900,0 0),(100 100,800 100,800 800,"
                          "100 800,100 100)),((300 300,600 300,450 650,300 300)),"
                          "((1000 0,1300 40,1200 500,1000 0)))"));
    shapes.push_back(Geometry::fromWkt("LINESTRING(0 0,400 300,500 900,1500 1000)").buffer(120));
    shapes.push_back(Geometry::fromWkt("POLYGON((0 0,640 0,640 320,320 320,320 640,0 640,0 0))"));
    for (const auto& shape : shapes) {
        const PreparedGeometry prepared(shape);
        const auto e = *shape.envelope();
        const CellClassifier cells(prepared, e, 6);
        const double w = (e.maxX - e.minX) / 64, h = (e.maxY - e.minY) / 64;
        int decided = 0;
        for (int r = 0; r < 64; ++r)
            for (int c = 0; c < 64; ++c) {
                // The cell shrunk a little, so that the classify() of one cell is asked.
                const Envelope cell{e.minX + c * w + w * 0.01, e.minY + r * h + h * 0.01,
                                    e.minX + (c + 1) * w - w * 0.01,
                                    e.minY + (r + 1) * h - h * 0.01};
                switch (cells.classify(cell)) {
                case CellClassifier::Where::Inside:
                    ++decided;
                    ASSERT_TRUE(prepared.containsRectangle(cell))
                        << shape.wkt() << ' ' << r << ' ' << c;
                    break;
                case CellClassifier::Where::Outside:
                    ++decided;
                    ASSERT_FALSE(prepared.intersectsRectangle(cell))
                        << shape.wkt() << ' ' << r << ' ' << c;
                    break;
                case CellClassifier::Where::Boundary:
                    break;
                }
            }
        EXPECT_GT(decided, 64 * 64 / 2) << shape.wkt(); // most cells need no GEOS
    }
}

TEST(SpatialIndex, FindsWhatABruteForceScanFinds)
{
    std::mt19937 random(7);
    std::uniform_real_distribution<double> at(0, 1000), size(0, 100);
    for (const int items : {5, 32, 33, 500}) { // the small index scans, the large one asks the tree
        SCOPED_TRACE(items);
        SpatialIndex index;
        std::vector<Envelope> boxes;
        for (int i = 0; i < items; ++i) {
            const double x = at(random), y = at(random);
            boxes.push_back({x, y, x + size(random), y + size(random)});
            index.insert(boxes.back(), i);
        }
        for (int q = 0; q < 200; ++q) {
            const double x = at(random), y = at(random);
            const Envelope query{x, y, x + size(random), y + size(random)};
            std::vector<std::int64_t> expected;
            for (int i = 0; i < items; ++i) {
                const auto& b = boxes[static_cast<std::size_t>(i)];
                if (b.minX <= query.maxX && query.minX <= b.maxX && b.minY <= query.maxY &&
                    query.minY <= b.maxY)
                    expected.push_back(i);
            }
            ASSERT_EQ(index.query(query), expected);
        }
    }
}

namespace {

/// A closed ring of @p corners points on an ellipse (convex) or, with @p notch, with one
/// corner pulled toward the centre (not convex); anticlockwise unless @p clockwise.
std::vector<Coord> ringAround(double cx, double cy, double rx, double ry, double turn, int corners,
                              bool notch = false, bool clockwise = false)
{
    std::vector<Coord> ring;
    for (int k = 0; k < corners; ++k) {
        const double t = turn + 2 * M_PI * k / corners;
        const double f = notch && k == 1 ? 0.2 : 1.0;
        ring.push_back({cx + f * rx * std::cos(t), cy + f * ry * std::sin(t)});
    }
    if (clockwise)
        std::reverse(ring.begin(), ring.end());
    ring.push_back(ring.front());
    return ring;
}

std::string wktOf(const std::vector<Coord>& ring)
{
    std::string wkt = "POLYGON((";
    for (std::size_t i = 0; i < ring.size(); ++i) {
        char point[64];
        std::snprintf(point, sizeof point, "%s%.10f %.10f", i ? "," : "", ring[i].x, ring[i].y);
        wkt += point;
    }
    return wkt + "))";
}

/// ConvexOverlap against GEOS's overlay on @p n random convex rings over @p zone, a tenth of
/// them clockwise; returns how many met the zone's edge (area strictly between 0 and whole).
int expectSameAreasAsGeos(const Geometry& zone, double x0, double y0, double x1, double y1,
                          double size, int n)
{
    const ConvexOverlap clip(zone);
    std::mt19937 random(7);
    std::uniform_real_distribution<double> x(x0, x1), y(y0, y1), r(size / 4, size),
        turn(0, 2 * M_PI);
    std::uniform_int_distribution<int> corners(3, 8);
    int crossing = 0;
    for (int i = 0; i < n; ++i) {
        const auto ring = ringAround(x(random), y(random), r(random), r(random), turn(random),
                                     corners(random), false, i % 10 == 0);
        const auto parcel = Geometry::fromWkt(wktOf(ring));
        const double expected = zone.intersection(parcel).area();
        const auto got = clip.area(ring);
        EXPECT_TRUE(got.has_value()) << wktOf(ring);
        if (!got)
            continue;
        // Far finer than the 0.01 m² below which the analyses count no overlap.
        EXPECT_NEAR(*got, expected, 1e-9 * std::max(1.0, parcel.area())) << wktOf(ring);
        if (expected > 1e-3 && expected < parcel.area() - 1e-3)
            ++crossing;
    }
    return crossing;
}

} // namespace

TEST(ConvexOverlap, ClipsConvexPolygonsAsGeosCutsThem)
{
    // The L with a hole of the classifier's test, crossed by random convex polygons.
    const auto l = Geometry::fromWkt("POLYGON((0 0,1000 0,1000 400,400 400,400 1000,0 1000,0 0),"
                                     "(100 100,100 200,200 200,200 100,100 100))");
    EXPECT_GT(expectSameAreasAsGeos(l, -100, -100, 1100, 1100, 150, 2000), 300);
    // The same ring turned the other way (clockwise exterior, anticlockwise hole) clips alike.
    const auto turned = Geometry::fromWkt("POLYGON((0 0,0 1000,400 1000,400 400,1000 400,1000 0,"
                                          "0 0),(100 100,200 100,200 200,100 200,100 100))");
    EXPECT_GT(expectSameAreasAsGeos(turned, -100, -100, 1100, 1100, 150, 500), 50);
    // Two parts, one of them a concave star, in VN-2000 metres (about 2.4 million north): the
    // areas do not lose their last digits to the coordinates' size.
    const auto parts = Geometry::fromWkt(
        "MULTIPOLYGON(((440000 2370000,441000 2370000,441000 2371000,440000 2371000,440000 "
        "2370000)),((442000 2370000,442500 2370400,443000 2370000,442700 2370500,443000 2371000,"
        "442500 2370600,442000 2371000,442300 2370500,442000 2370000)))");
    EXPECT_GT(expectSameAreasAsGeos(parts, 439800, 2369800, 443200, 2371200, 120, 2000), 300);
}

TEST(ConvexOverlap, AnswersOnlyForConvexRings)
{
    const auto square = Geometry::fromWkt("POLYGON((0 0,100 0,100 100,0 100,0 0))");
    const ConvexOverlap clip(square);
    using Area = std::optional<double>;
    // Wholly inside, wholly outside, half in.
    const auto hexagon = ringAround(50, 50, 10, 10, 0.3, 6);
    ASSERT_TRUE(clip.area(hexagon));
    EXPECT_NEAR(*clip.area(hexagon), Geometry::fromWkt(wktOf(hexagon)).area(), 1e-9);
    EXPECT_EQ(clip.area(ringAround(300, 50, 10, 10, 0.3, 6)), Area(0.0));
    ASSERT_TRUE(clip.area({{90, 0}, {110, 0}, {110, 10}, {90, 10}, {90, 0}}));
    EXPECT_NEAR(*clip.area({{90, 0}, {110, 0}, {110, 10}, {90, 10}, {90, 0}}), 100.0, 1e-9);
    // Sharing the square's edge from inside (all of it counts) and from outside (none), and
    // meeting it corner to corner.
    EXPECT_EQ(clip.area({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}), Area(100.0));
    EXPECT_EQ(clip.area({{100, 20}, {110, 20}, {110, 30}, {100, 30}, {100, 20}}), Area(0.0));
    EXPECT_EQ(clip.area({{100, 100}, {110, 100}, {110, 110}, {100, 110}, {100, 100}}), Area(0.0));
    // Not convex, so no answer (GEOS is asked instead): a corner pulled in; a reflex corner
    // behind a repeated point; a pentagram (turns one way, twice round); a bow-tie.
    EXPECT_FALSE(clip.area(ringAround(50, 50, 10, 10, 0.3, 6, true)));
    EXPECT_FALSE(clip.area({{0, 0}, {10, 0}, {10, 10}, {5, 5}, {5, 5}, {0, 10}, {0, 0}}));
    std::vector<Coord> star;
    for (int k = 0; k <= 5; ++k)
        star.push_back(
            {50 + 20 * std::cos(4 * M_PI * k / 5), 50 + 20 * std::sin(4 * M_PI * k / 5)});
    EXPECT_FALSE(clip.area(star));
    EXPECT_FALSE(clip.area({{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}));
    // A repeated point on a convex ring changes nothing.
    EXPECT_EQ(clip.area({{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}), Area(100.0));
    // A ring without area (a line walked there and back) has none inside either.
    EXPECT_EQ(clip.area({{10, 10}, {20, 20}, {10, 10}, {10, 10}}), Area(0.0));
    // Points and lines have no area to share.
    const ConvexOverlap line(Geometry::fromWkt("LINESTRING(0 0,100 100)"));
    EXPECT_EQ(line.area(hexagon), Area(0.0));
    EXPECT_EQ(line.points(), 0u);
    EXPECT_EQ(clip.points(), 4u);
}

TEST(ConvexOverlap, ATriangleClipsAsAPolygonSurfacesOfFacesAreLeftToGeos)
{
    // A lone triangle (which a GeoPackage may hold) clips as the polygon it is, never as
    // nothing. A TIN or a polyhedral surface is drawn as its faces, but faces may lie over
    // each other on the map (a building's roof over its floor), so their sum is no area: the
    // clip does not answer for them, and GEOS is asked.
    const std::vector<Coord> across = {{90, 40}, {110, 40}, {110, 60}, {90, 60}, {90, 40}};
    for (const char* wkt : {"TIN(((0 0,100 0,100 100,0 0)),((0 0,100 100,0 100,0 0)))",
                            "POLYHEDRALSURFACE Z(((0 0 0,100 0 0,100 100 0,0 100 0,0 0 0)),"
                            "((0 0 9,100 0 9,100 100 9,0 100 9,0 0 9)))",
                            "GEOMETRYCOLLECTION(TIN(((0 0,100 0,100 100,0 0))))"}) {
        EXPECT_FALSE(ConvexOverlap(Geometry::fromWkt(wkt)).area(across)) << wkt;
        EXPECT_GT(Geometry::fromWkt(wkt).shapes().polygons.size(), 0u) << wkt;
    }
    const ConvexOverlap triangle(Geometry::fromWkt("TRIANGLE((0 0,100 0,100 100,0 0))"));
    const std::vector<Coord> middle = {{40, 40}, {60, 40}, {60, 60}, {40, 60}, {40, 40}};
    ASSERT_TRUE(triangle.area(middle));
    EXPECT_NEAR(*triangle.area(middle), 200.0, 1e-9); // the half below the diagonal y = x
}
