// CRS and transformation tests: VN-2000 TM-3 zones and UTM 48N against WGS 84, checked
// against PROJ's own cs2cs and against what the projections must give by definition.

#include "planatlas/gis/Crs.h"

#include "TestSupport.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Transform.h"

#include <cmath>
#include <gtest/gtest.h>
#include <sstream>

using pa::gis::CoordinateTransform;
using pa::gis::Crs;

namespace {

struct Place
{
    const char* name;
    int epsg;
    double lon, lat;
};

// Real places in each CRS's area of use.
const Place kPlaces[] = {
    {"TP Thái Nguyên", 9213, 105.8442, 21.5928},
    {"Định Hóa", 9213, 105.6300, 21.9100},
    {"TP Thanh Hóa", 5897, 105.7760, 19.8070},
    {"Mường Lát", 5897, 104.6000, 20.5300},
    {"Hà Nội (UTM 48N)", 3405, 105.8542, 21.0285},
    {"Thái Nguyên (UTM 48N)", 3405, 105.8442, 21.5928},
};

void PrintTo(const Place& p, std::ostream* os)
{
    *os << p.name << " EPSG:" << p.epsg;
}

class CrsRoundTrip : public ::testing::TestWithParam<Place>
{
};

/// cs2cs's answer for WGS 84 lon/lat → EPSG:code (cs2cs takes EPSG:4326 in its authority
/// order, latitude first, and writes projected CRSs easting first).
std::pair<double, double> cs2cs(const Place& place)
{
    pa::test::TempDir dir;
    std::ostringstream line;
    line.precision(10);
    line << place.lat << ' ' << place.lon << '\n';
    pa::test::writeBytes(dir.path() / "in.txt", line.str());
    const auto result = pa::test::run({"cs2cs", "-f", "%.4f", "EPSG:4326",
                                       "EPSG:" + std::to_string(place.epsg), dir.file("in.txt")});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    std::istringstream out(result.out);
    double x = NAN, y = NAN;
    out >> x >> y;
    return {x, y};
}

} // namespace

TEST_P(CrsRoundTrip, MatchesCs2csToACentimetre)
{
    const Place& place = GetParam();
    const auto wgs84 = Crs::fromEpsg(4326);
    const auto projected = Crs::fromEpsg(place.epsg);
    const CoordinateTransform forward(wgs84, projected);
    const auto [x, y] = forward.apply(place.lon, place.lat);
    const auto [ex, ey] = cs2cs(place);
    EXPECT_NEAR(x, ex, 0.01) << place.name;
    EXPECT_NEAR(y, ey, 0.01) << place.name;
    // Traditional GIS order: x is the easting (hundreds of km), y the northing (thousands).
    EXPECT_GT(x, 100000.0);
    EXPECT_LT(x, 900000.0);
    EXPECT_GT(y, 2000000.0);
}

TEST_P(CrsRoundTrip, RoundTripsBelowACentimetre)
{
    const Place& place = GetParam();
    const auto wgs84 = Crs::fromEpsg(4326);
    const auto projected = Crs::fromEpsg(place.epsg);
    const CoordinateTransform forward(wgs84, projected);
    const CoordinateTransform backward(projected, wgs84);
    const auto [x, y] = forward.apply(place.lon, place.lat);
    const auto [lon, lat] = backward.apply(x, y);
    // 1 cm is about 9e-8 degrees of latitude.
    EXPECT_NEAR(lon, place.lon, 9e-8) << place.name;
    EXPECT_NEAR(lat, place.lat, 9e-8) << place.name;
}

INSTANTIATE_TEST_SUITE_P(VietnamPlaces, CrsRoundTrip, ::testing::ValuesIn(kPlaces));

TEST(Crs, Vn2000Tm3ZonesAreProjectedInMetres)
{
    for (int code : {9213, 5897, 3405}) {
        const auto crs = Crs::fromEpsg(code);
        EXPECT_TRUE(crs.isProjected()) << code;
        EXPECT_DOUBLE_EQ(crs.linearUnitMetres(), 1.0) << code;
        EXPECT_EQ(crs.epsg(), code);
        EXPECT_EQ(crs.label(), "EPSG:" + std::to_string(code));
    }
    EXPECT_NE(Crs::fromEpsg(9213).name().find("106-30"), std::string::npos);
    EXPECT_TRUE(Crs::fromEpsg(4326).isGeographic());
    EXPECT_DOUBLE_EQ(Crs::fromEpsg(4326).linearUnitMetres(), 0.0);
}

TEST(Crs, CentralMeridianMapsToFalseEasting)
{
    // On VN-2000's own datum, a point on the zone's central meridian has x = 500 000 m
    // exactly, whatever the latitude: a check that needs no datum shift and no PROJ tool.
    const CoordinateTransform tn(Crs::fromEpsg(4756), Crs::fromEpsg(9213));
    EXPECT_NEAR(tn.apply(106.5, 21.5)[0], 500000.0, 0.001);
    const CoordinateTransform th(Crs::fromEpsg(4756), Crs::fromEpsg(5897));
    EXPECT_NEAR(th.apply(105.0, 19.8)[0], 500000.0, 0.001);
    // Swapped axes would put the point thousands of kilometres away.
    EXPECT_NEAR(tn.apply(106.5, 21.5)[1], 2378000.0, 2000.0);
}

TEST(Crs, UsesTheEpsgVn2000ToWgs84Operation)
{
    const CoordinateTransform t(Crs::fromEpsg(4326), Crs::fromEpsg(9213));
    const std::string description = t.operationDescription();
    EXPECT_NE(description.find("VN-2000 to WGS 84"), std::string::npos) << description;
    EXPECT_EQ(description.find("ballpark"), std::string::npos) << description;
    // The datum shift is real: WGS 84 and VN-2000 coordinates of one point differ by tens of
    // metres.
    const CoordinateTransform noShift(Crs::fromEpsg(4756), Crs::fromEpsg(9213));
    const auto a = t.apply(105.8442, 21.5928);
    const auto b = noShift.apply(105.8442, 21.5928);
    EXPECT_GT(std::hypot(a[0] - b[0], a[1] - b[1]), 10.0);
}

TEST(Crs, AcceptsWktAndRecognisesEquivalents)
{
    const auto fromCode = Crs::fromEpsg(9213);
    const auto fromWkt = Crs::fromUserInput(fromCode.wkt());
    EXPECT_TRUE(fromWkt.isSame(fromCode));
    EXPECT_EQ(fromWkt.epsg(), 9213);
    EXPECT_FALSE(fromCode.isSame(Crs::fromEpsg(5897)));
}

TEST(Crs, RejectsUnknownDefinitions)
{
    EXPECT_THROW(Crs::fromUserInput("EPSG:999999"), pa::gis::GisError);
    EXPECT_THROW(Crs::fromUserInput("not a crs"), pa::gis::GisError);
}
