// Passes over large layers on several threads: every chunk done once, errors and cancellation
// brought back to the caller, and analyses whose figures are the same bytes on one thread or
// three — and the figures a brute-force overlay of every parcel gives.

#include "planatlas/layers/Parallel.h"

#include "AnalysisFixture.h"
#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/analysis/Input.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/analysis/Zonal.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <gtest/gtest.h>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

using namespace pa;
using pa::test::AnalysisFixture;

namespace {

/// PLANATLAS_THREADS set for one scope.
class Threads
{
public:
    explicit Threads(int n) { ::setenv("PLANATLAS_THREADS", std::to_string(n).c_str(), 1); }
    ~Threads() { ::unsetenv("PLANATLAS_THREADS"); }
    Threads(const Threads&) = delete;
    Threads& operator=(const Threads&) = delete;
};

} // namespace

TEST(Parallel, EveryChunkRunsOnceOnEveryThreadCount)
{
    for (const int threads : {1, 2, 5}) {
        std::vector<std::atomic<int>> runs(103);
        std::mutex mutex;
        std::set<std::thread::id> workers;
        layers::forEachChunk(runs.size(), threads, {}, "test", [&] {
            {
                const std::lock_guard lock(mutex);
                EXPECT_TRUE(workers.insert(std::this_thread::get_id()).second); // one per thread
            }
            return [&](std::size_t chunk) { ++runs[chunk]; };
        });
        for (const auto& r : runs)
            EXPECT_EQ(r.load(), 1) << threads << " thread(s)";
        EXPECT_LE(workers.size(), static_cast<std::size_t>(threads));
    }
    layers::forEachChunk(0, 4, {}, "test", [] { // no chunk: no worker
        ADD_FAILURE() << "a worker was made for no work";
        return layers::ChunkWorker([](std::size_t) {});
    });
}

TEST(Parallel, NeighbouringChunksMostlyRunOnOneThread)
{
    // Neighbouring chunks share pages of the file (R-tree nodes, rows at a run's edge): each
    // thread works through a stretch of consecutive chunks, so that the owner changes between
    // two neighbours only where stretches meet or a thread took over the end of another's —
    // not at every other chunk, as when the threads take the chunks in turn.
    constexpr std::size_t chunks = 64;
    std::vector<std::thread::id> owner(chunks);
    layers::forEachChunk(chunks, 2, {}, "test", [&] {
        return [&](std::size_t chunk) {
            owner[chunk] = std::this_thread::get_id();
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        };
    });
    std::size_t changes = 0;
    for (std::size_t c = 1; c < chunks; ++c)
        changes += owner[c] != owner[c - 1];
    EXPECT_GE(changes, 1U); // both threads worked
    EXPECT_LE(changes, 8U);
}

TEST(Parallel, AWorkersErrorAndACancellationReachTheCaller)
{
    // The error reaches the caller once every worker has stopped: no chunk is still running
    // when it is thrown (how many others ran first depends on the scheduler).
    std::atomic<int> running{0};
    try {
        layers::forEachChunk(200, 3, {}, "test", [&] {
            return [&](std::size_t chunk) {
                ++running;
                std::this_thread::sleep_for(std::chrono::microseconds(100));
                --running;
                if (chunk == 7)
                    throw std::runtime_error("chunk 7 is broken");
            };
        });
        ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "chunk 7 is broken");
        EXPECT_EQ(running.load(), 0);
    }
    std::atomic<bool> cancel{false};
    const layers::Progress progress([](double, std::string_view) {}, &cancel);
    try {
        layers::forEachChunk(1000, 2, progress, "test", [&] {
            return [&](std::size_t chunk) {
                if (chunk == 20)
                    cancel = true;
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            };
        });
        ADD_FAILURE() << "not cancelled";
    } catch (const layers::Error& e) {
        EXPECT_EQ(e.kind(), layers::ErrorKind::Cancelled);
    }
}

namespace {

/// 10 000 parcels on a 100 × 100 grid over the fixture's two units (20 × 10 m cells), of every
/// shape a cadastral layer holds: rectangles, jagged rings, rings with a hole, two-part parcels,
/// 80-vertex rings; one in 23 without a price. (Bow-ties come later: the importer repairs them.)
std::string parcelsCsv()
{
    using pa::test::X0;
    using pa::test::Y0;
    std::ostringstream out;
    out.precision(12);
    out << "code,price_vnd_m2,wkt\n";
    auto pt = [&](double x, double y) {
        std::ostringstream p;
        p.precision(12);
        p << X0 + x << ' ' << Y0 + y;
        return p.str();
    };
    for (int i = 0; i < 10000; ++i) {
        const double x = (i % 100) * 20.0, y = (i / 100) * 10.0;
        out << "TH" << i << ',';
        if (i % 23 != 4)
            out << 100000 + (i % 37) * 1000;
        out << ",\"";
        if (i % 89 == 3) {
            out << "POLYGON((";
            for (int k = 0; k <= 80; ++k) {
                const double a = 2 * M_PI * (k % 80) / 80;
                out << (k ? "," : "") << pt(x + 10 + 9 * std::cos(a), y + 5 + 4.5 * std::sin(a));
            }
            out << "))";
        } else if (i % 53 == 7) {
            out << "POLYGON((" << pt(x, y) << ',' << pt(x + 20, y) << ',' << pt(x + 20, y + 10)
                << ',' << pt(x, y + 10) << ',' << pt(x, y) << "),(" << pt(x + 5, y + 3) << ','
                << pt(x + 5, y + 7) << ',' << pt(x + 15, y + 7) << ',' << pt(x + 5, y + 3) << "))";
        } else if (i % 61 == 11) {
            out << "MULTIPOLYGON(((" << pt(x, y) << ',' << pt(x + 8, y) << ',' << pt(x + 8, y + 10)
                << ',' << pt(x, y) << ")),((" << pt(x + 10, y) << ',' << pt(x + 20, y) << ','
                << pt(x + 20, y + 10) << ',' << pt(x + 10, y) << ")))";
        } else if (i % 7 == 0) {
            out << "POLYGON((" << pt(x, y) << ',' << pt(x + 20, y);
            for (int k = 10; k >= 0; --k)
                out << ',' << pt(x + 2.0 * k, y + (k % 2 ? 9.0 : 10.0));
            out << ',' << pt(x, y) << "))";
        } else {
            out << "POLYGON((" << pt(x, y) << ',' << pt(x + 20, y) << ',' << pt(x + 20, y + 10)
                << ',' << pt(x, y + 10) << ',' << pt(x, y) << "))";
        }
        out << "\"\n";
    }
    return out.str();
}

/// A parcel's price as the brute-force sums read it: nullopt when it has none.
std::optional<double> priceOf(const gis::FieldValue& value)
{
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*i);
    return std::nullopt;
}

} // namespace

TEST_F(AnalysisFixture, PassesOverParcelsGiveTheSameBytesOnOneThreadOrThreeAndTheOverlaysFigures)
{
    write("parcels.csv", parcelsCsv());
    addExpressway(); // along y = 2000 m: parcels within 1.2 km are those north of y = 800 m
    int bowTies = 0;
    // Bow-ties whose envelope comes within the corridor's reach (1.2 km and 3 %: north of
    // y = 764 m), and those at least 50 m short of it (the reach read through the R-tree is cut
    // into tiles of about 20 m).
    int bowTiesInReach = 0, bowTiesFar = 0;
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "parcels.csv", "land_price");
        // Invalid parcels, as another program may leave them in the workspace's table: one in
        // 97 becomes a bow-tie, which every analysis repairs on the way in.
        auto table = *ws.dataset().layerByName("parcels");
        for (int i = 5; i < 10000; i += 97) {
            table.setAttributeFilter("code = 'TH" + std::to_string(i) + "'");
            table.resetReading();
            auto f = table.next();
            ASSERT_TRUE(f);
            const double x = pa::test::X0 + (i % 100) * 20.0, y = pa::test::Y0 + (i / 100) * 10.0;
            std::ostringstream wkt;
            wkt.precision(12);
            wkt << "MULTIPOLYGON(((" << x << ' ' << y << ',' << x + 20 << ' ' << y + 10 << ','
                << x + 20 << ' ' << y << ',' << x << ' ' << y + 10 << ',' << x << ' ' << y << ")))";
            f->setGeometry(gis::Geometry::fromWkt(wkt.str()));
            table.update(*f);
            ++bowTies;
            bowTiesInReach += (i / 100) * 10.0 + 10 >= 2000 - 1236;
            bowTiesFar += (i / 100) * 10.0 + 10 < 2000 - 1236 - 50;
        }
        table.setAttributeFilter("");
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    struct Run
    {
        analysis::ZonalResult units, parks;
        analysis::LayerCorridorResult corridor;
    };
    auto run = [&](int threads) {
        const Threads scoped(threads);
        return Run{analysis::zonalByUnits(ws, "parcels", "units"),
                   analysis::zonal(ws, "parcels", {"industrial_park"}),
                   analysis::corridorOfLayer(ws, "parcels", 1.2)};
    };
    const auto one = run(1), three = run(3);
    // The same figures to the last bit.
    auto same = [](const analysis::ZonalResult& a, const analysis::ZonalResult& b) {
        ASSERT_EQ(a.rows.size(), b.rows.size());
        for (std::size_t i = 0; i < a.rows.size(); ++i) {
            EXPECT_EQ(a.rows[i].code, b.rows[i].code);
            EXPECT_EQ(a.rows[i].mean, b.rows[i].mean) << a.rows[i].code;
            EXPECT_EQ(a.rows[i].min, b.rows[i].min);
            EXPECT_EQ(a.rows[i].max, b.rows[i].max);
            EXPECT_EQ(a.rows[i].coveredHa, b.rows[i].coveredHa) << a.rows[i].code;
            EXPECT_EQ(a.rows[i].valueFeatures, b.rows[i].valueFeatures);
        }
        EXPECT_EQ(a.notes.repaired, b.notes.repaired);
    };
    same(one.units, three.units);
    same(one.parks, three.parks);
    EXPECT_EQ(one.corridor.within, three.corridor.within);
    EXPECT_EQ(one.corridor.withinAreaHa, three.corridor.withinAreaHa);
    // Every bow-tie repaired once and said so, whichever thread met it.
    ASSERT_GT(bowTies, 50);
    EXPECT_EQ(three.units.notes.repaired.at("parcels"), bowTies);
    // The corridor reads the parcels its reach meets, and repairs those of them that need it:
    // the bow-ties in reach, none of the far ones, the same on any number of threads.
    EXPECT_EQ(one.corridor.notes.repaired, three.corridor.notes.repaired);
    EXPECT_EQ(one.corridor.read, three.corridor.read);
    ASSERT_GT(bowTiesInReach, 10);
    ASSERT_GT(bowTiesFar, 10);
    EXPECT_GE(three.corridor.notes.repaired.at("parcels"), bowTiesInReach);
    EXPECT_LE(three.corridor.notes.repaired.at("parcels"), bowTies - bowTiesFar);
    EXPECT_LT(three.corridor.read, three.corridor.features);

    // The brute-force overlay: every parcel read through the one analysis reader (repaired),
    // cut by every unit and park, and measured against the expressway.
    analysis::InputLayer parcels(ws, "parcels", nullptr), units(ws, "units", nullptr),
        parks(ws, "parks", nullptr), roads(ws, "expressway", nullptr);
    std::map<std::string, gis::Geometry> zones;
    for (auto* input : {&units, &parks}) {
        const int code = input->table().fieldIndex("code");
        input->resetReading();
        while (auto r = input->next())
            zones.emplace(gis::toString(r->feature.value(code)), std::move(r->geometry));
    }
    roads.resetReading();
    const auto road = std::move(roads.next()->geometry);
    struct Sum
    {
        double weighted = 0, covered = 0;
        std::int64_t n = 0;
    };
    std::map<std::string, Sum> sums;
    std::int64_t within = 0;
    double withinM2 = 0;
    const int price = parcels.table().fieldIndex("price_vnd_m2");
    parcels.resetReading();
    while (auto r = parcels.next()) {
        const auto& g = r->geometry;
        if (g.distance(road) <= 1200.0) {
            ++within;
            withinM2 += g.area();
        }
        const auto priced = priceOf(r->feature.value(price));
        if (!priced)
            continue;
        const double v = *priced;
        for (const auto& [code, zone] : zones) {
            if (!zone.envelope()->intersects(*g.envelope()))
                continue;
            const double a = zone.intersection(g).area();
            if (a <= 0)
                continue;
            sums[code].weighted += a * v;
            sums[code].covered += a;
            ++sums[code].n;
        }
    }
    EXPECT_EQ(three.corridor.features, 10000);
    EXPECT_GE(three.corridor.read, within);
    EXPECT_EQ(three.corridor.within, within);
    EXPECT_NEAR(three.corridor.withinAreaHa, withinM2 / 10000.0, 1e-9 * withinM2);
    EXPECT_GT(within, 1000); // a real share of the parcels, not all of them
    EXPECT_LT(within, 10000);
    for (const auto* result : {&three.units, &three.parks}) {
        ASSERT_FALSE(result->rows.empty());
        for (const auto& row : result->rows) {
            const auto& s = sums[row.code];
            EXPECT_EQ(row.valueFeatures, s.n) << row.code;
            EXPECT_NEAR(row.coveredHa, s.covered / 10000.0, 1e-9 * s.covered) << row.code;
            ASSERT_TRUE(row.mean) << row.code;
            EXPECT_NEAR(*row.mean, s.weighted / s.covered, 1e-6 * *row.mean) << row.code;
        }
    }
}

TEST_F(AnalysisFixture, ParcelsCrossingTheEdgeOfAZoneOfManyPointsAreMeasuredAsGeosCutsThem)
{
    // A zone whose ring has more points than a parcel's clip walks whole (it is clipped by the
    // tile's piece): a 300-gon of 450 m around (1000, 500) with a 280-gon hole of 150 m, its
    // edges crossing the 20 × 10 m parcels at every angle; as a district (zonal by unit) and as
    // an industrial park (zonal by feature).
    const auto polygon = [](int corners, double radius, bool hole) {
        std::ostringstream out;
        out.precision(12);
        for (int k = 0; k <= corners; ++k) {
            const double a = (hole ? -1 : 1) * 2 * M_PI * (k % corners) / corners;
            out << (k ? "," : "") << pa::test::X0 + 1000 + radius * std::cos(a) << ' '
                << pa::test::Y0 + 500 + radius * std::sin(a);
        }
        return out.str();
    };
    const std::string wkt =
        "\"POLYGON((" + polygon(300, 450, false) + "),(" + polygon(280, 150, true) + "))\"";
    write("parcels.csv", parcelsCsv());
    write("ring_units.csv", "code,name_vi,wkt\nW1,Vành đai," + wkt + "\n");
    write("ring_parks.csv", "code,name_vi,wkt\nW2,KCN vành đai," + wkt + "\n");
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "parcels.csv", "land_price");
        importCsv(ws, "ring_units.csv", "admin_district");
        importCsv(ws, "ring_parks.csv", "industrial_park");
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto byUnit = analysis::zonalByUnits(ws, "parcels", "ring_units");
    const auto byFeature = analysis::zonal(ws, "parcels", {"industrial_park"});

    analysis::InputLayer parcels(ws, "parcels", nullptr), units(ws, "ring_units", nullptr);
    units.resetReading();
    const auto zone = std::move(units.next()->geometry);
    double weighted = 0, covered = 0;
    std::int64_t n = 0, crossing = 0;
    const int price = parcels.table().fieldIndex("price_vnd_m2");
    parcels.resetReading();
    while (auto r = parcels.next()) {
        const auto priced = priceOf(r->feature.value(price));
        if (!priced)
            continue;
        const double v = *priced;
        const double a = zone.intersection(r->geometry).area();
        if (a <= 0.01) // the analyses' noise floor
            continue;
        weighted += a * v;
        covered += a;
        ++n;
        crossing += a < r->geometry.area() - 0.01;
    }
    ASSERT_GT(crossing, 300); // the edges cut hundreds of parcels
    std::vector<const analysis::ZonalRow*> rows;
    for (const auto& row : byUnit.rows)
        rows.push_back(&row);
    for (const auto& row : byFeature.rows)
        if (row.code == "W2")
            rows.push_back(&row);
    ASSERT_EQ(rows.size(), 2u);
    for (const auto* row : rows) {
        EXPECT_EQ(row->valueFeatures, n) << row->code;
        EXPECT_NEAR(row->coveredHa, covered / 10000.0, 1e-9 * covered) << row->code;
        ASSERT_TRUE(row->mean) << row->code;
        EXPECT_NEAR(*row->mean, weighted / covered, 1e-6 * *row->mean) << row->code;
    }
}
