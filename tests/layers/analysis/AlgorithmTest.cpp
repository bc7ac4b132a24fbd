// The registry of analyses: every analysis declares itself completely, parameter values are
// checked against the declarations (errors name the parameter, never a command-line flag), and
// a registered analysis runs from text values as a person types them (Vietnamese "2,5").

#include "planatlas/layers/analysis/Algorithm.h"

#include "AnalysisFixture.h"
#include "TestSupport.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/analysis/Table.h"

#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace pa;
using pa::test::AnalysisFixture;

TEST(AlgorithmRegistry, EveryAnalysisIsDeclaredCompletely)
{
    std::set<std::string> names;
    for (const auto& a : analysis::algorithms()) {
        SCOPED_TRACE(a.name);
        EXPECT_TRUE(names.insert(a.name).second) << "registered twice";
        EXPECT_FALSE(a.titleVi.empty());
        EXPECT_FALSE(a.titleEn.empty());
        EXPECT_FALSE(a.help.empty());
        EXPECT_TRUE(a.compute);
        std::set<std::string> parameters;
        for (const auto& p : a.parameters) {
            SCOPED_TRACE(p.name);
            EXPECT_TRUE(parameters.insert(p.name).second);
            EXPECT_EQ(p.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_"), std::string::npos);
            EXPECT_FALSE(p.titleVi.empty());
            EXPECT_FALSE(p.titleEn.empty());
            EXPECT_FALSE(p.help.empty());
            EXPECT_EQ(p.metavar.empty(), p.type == analysis::Parameter::Type::Flag);
            if (p.type == analysis::Parameter::Type::Choice) {
                EXPECT_FALSE(p.choices.empty());
            }
            // A parameter whose name carries a unit declares it ("distance_km" → km).
            for (const std::string unit : {"km", "ha", "m"}) {
                if (p.name.size() > unit.size() + 1 && p.name.ends_with("_" + unit)) {
                    EXPECT_EQ(p.unit, unit);
                }
            }
        }
        EXPECT_EQ(analysis::findAlgorithm(a.name), &a);
    }
    for (const std::string expected :
         {"coverage", "footprint", "overlaps", "corridor", "access", "zonal", "targets", "density"})
        EXPECT_TRUE(names.contains(expected)) << expected;
    EXPECT_EQ(analysis::findAlgorithm("nonsense"), nullptr);
}

namespace {

/// The parameter a ParameterError names, or "" when @p f throws nothing or something else.
template <typename F> std::string refusedParameter(F&& f)
{
    try {
        f();
    } catch (const layers::ParameterError& e) {
        EXPECT_EQ(e.kind(), layers::ErrorKind::Usage);
        EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
        return e.parameter();
    } catch (...) {
        return "other exception";
    }
    return {};
}

analysis::ParameterValues values(std::initializer_list<std::pair<const char*, const char*>> list)
{
    analysis::ParameterValues v;
    for (const auto& [k, value] : list)
        v.set(k, value);
    return v;
}

} // namespace

TEST(AlgorithmRegistry, ValuesAreCheckedAgainstTheDeclarations)
{
    const auto& corridor = *analysis::findAlgorithm("corridor");
    EXPECT_EQ(refusedParameter([&] {
                  corridor.check(values({{"distance_km", "abc"}}));
              }),
              "distance_km");
    EXPECT_EQ(refusedParameter([&] {
                  corridor.check(values({{"distance_km", "0"}}));
              }),
              "distance_km");
    EXPECT_EQ(refusedParameter([&] {
                  corridor.check(values({{"distance_km", "-1"}}));
              }),
              "distance_km");
    EXPECT_EQ(refusedParameter([&] {
                  corridor.check(values({{"distance_km", "nan"}}));
              }),
              "distance_km");
    EXPECT_EQ(refusedParameter([&] { corridor.check(values({{"distance_km", "2,5"}})); }), "");
    EXPECT_EQ(refusedParameter([&] {
                  corridor.check(values({{"units", "x"}}));
              }),
              "units"); // not corridor's
    const auto& coverage = *analysis::findAlgorithm("coverage");
    EXPECT_EQ(refusedParameter([&] { coverage.check({}); }), "units"); // required
    const auto& footprint = *analysis::findAlgorithm("footprint");
    EXPECT_EQ(refusedParameter([&] { footprint.check(values({{"by", "district"}})); }), "by");
    EXPECT_EQ(refusedParameter([&] {
                  footprint.check(values({{"due_before", "sắp tới"}}));
              }),
              "due_before");
    EXPECT_EQ(refusedParameter([&] {
                  footprint.check(values({{"due_before", "30/6/2026"}}));
              }),
              "");
    const auto& overlaps = *analysis::findAlgorithm("overlaps");
    EXPECT_EQ(refusedParameter([&] { overlaps.check(values({{"min_ha", "-0,5"}})); }), "min_ha");
    EXPECT_EQ(refusedParameter([&] { overlaps.check(values({{"min_ha", "0"}})); }), "");
    const auto& zonal = *analysis::findAlgorithm("zonal");
    EXPECT_EQ(refusedParameter([&] {
                  zonal.check(values({{"values", "p"}, {"kinds", "industrial_park,kcn"}}));
              }),
              "kinds");
}

namespace {
class Algorithms : public AnalysisFixture
{
protected:
    void SetUp() override
    {
        AnalysisFixture::SetUp();
        addExpressway();
    }
};
} // namespace

TEST_F(Algorithms, CorridorRunsFromTypedTextAndGivesTheTypedResult)
{
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::findAlgorithm("corridor")->run(ws, values({{"distance_km", "1,2"}}));
    const auto typed = analysis::corridor(ws, 1.2);
    ASSERT_EQ(r.tables.size(), 1u);
    // Every feature, then the industrial land's total and share within the distance.
    ASSERT_EQ(r.tables[0].rows.size(), typed.rows.size() + 1);
    EXPECT_EQ(r.tables[0].columns.back().name, "within_pct");
    const auto& total = r.tables[0].rows.back();
    EXPECT_EQ(gis::toString(total[0]), "industrial_total");
    ASSERT_TRUE(std::holds_alternative<double>(total.back()));
    EXPECT_NEAR(std::get<double>(total.back()),
                100.0 * typed.industrialInsideHa / typed.industrialAreaHa, 0.005);
    // The headline figure: 20 of 104 ha of parks within 1.2 km (see ProximityTest).
    ASSERT_EQ(r.messages.size(), 1u);
    EXPECT_NE(r.messages[0].find("20.0 of 104.0 ha"), std::string::npos) << r.messages[0];
    bool sawPct = false;
    for (const auto& [key, value] : r.summary)
        if (key == "industrial_inside_pct") {
            sawPct = true;
            EXPECT_NEAR(std::get<double>(value), 100.0 * 20.0 / 104.0, 1e-6);
        }
    EXPECT_TRUE(sawPct);
    // Errors from the run name the parameter too.
    EXPECT_EQ(refusedParameter([&] {
                  analysis::findAlgorithm("corridor")->run(ws, values({{"layer", "nowhere"}}));
              }),
              "layer");
    EXPECT_EQ(refusedParameter([&] {
                  analysis::findAlgorithm("access")->run(ws, values({{"to", "airport"}}));
              }),
              "to");
    EXPECT_EQ(refusedParameter([&] {
                  analysis::findAlgorithm("coverage")->run(ws, values({{"units", "nowhere"}}));
              }),
              "units");
}

TEST_F(Algorithms, DensityPerHundredSquareKilometres)
{
    // Two 1 km² units; the expressway runs 1 km north of them and P1 crosses both: per unit
    // 1 km² → per 100 km² multiplies by 100.
    write("market.csv", "code,name_vi,wkt\nM1,Chợ đầu mối," + pa::test::point(200, 200) + "\n");
    write("road.csv", "code,name_vi,status,wkt\nE2,Cao tốc qua U1,planned," +
                          pa::test::line(0, 100, 1000, 100) + "\n");
    {
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "market.csv", "market_logistics");
        importCsv(ws, "road.csv", "expressway");
    }
    auto ws = layers::Workspace::open(path(), gis::OpenMode::ReadOnly);
    const auto r = analysis::findAlgorithm("density")->run(
        ws, values({{"units", "units"}, {"kinds", "industrial_park,market_logistics,expressway"}}));
    ASSERT_EQ(r.tables.size(), 1u);
    const auto& t = r.tables[0];
    ASSERT_EQ(t.columns.size(), 8u);
    std::map<std::string, std::vector<gis::FieldValue>> rows;
    for (const auto& row : t.rows)
        rows[std::get<std::string>(row[0]) + "/" + std::get<std::string>(row[2])] = row;
    ASSERT_EQ(rows.size(), 6u); // 2 units × 3 kinds, no other kind
    EXPECT_NEAR(std::get<double>(rows.at("U1/industrial_park")[3]), 1.0, 1e-9);   // unit_area_km2
    EXPECT_EQ(std::get<std::int64_t>(rows.at("U1/industrial_park")[4]), 2);       // P1 and P2
    EXPECT_NEAR(std::get<double>(rows.at("U1/industrial_park")[5]), 200.0, 1e-9); // per 100 km²
    EXPECT_NEAR(std::get<double>(rows.at("U2/industrial_park")[5]), 200.0, 1e-9); // P1 and P3
    EXPECT_NEAR(std::get<double>(rows.at("U1/market_logistics")[5]), 100.0, 1e-9);
    EXPECT_NEAR(std::get<double>(rows.at("U2/market_logistics")[5]), 0.0, 1e-9);
    EXPECT_NEAR(std::get<double>(rows.at("U1/expressway")[6]), 1.0, 1e-9);   // length_km
    EXPECT_NEAR(std::get<double>(rows.at("U1/expressway")[7]), 100.0, 1e-9); // km per 100 km²
    EXPECT_NEAR(std::get<double>(rows.at("U2/expressway")[7]), 0.0, 1e-9);
    EXPECT_TRUE(r.messages.empty());
    // Each row lies on its unit (for --format gpkg and the map).
    ASSERT_EQ(t.places.size(), t.rows.size());
    EXPECT_EQ(t.places[0].layer, "units");
}

TEST(AlgorithmRegistry, EveryTableColumnAndFigureHasWordsInBothLanguages)
{
    // Spreadsheets, Excel CSV and the desktop application head every column with the words of
    // one dictionary: every analysis, run on the sample, has them for all it puts out.
    PLANATLAS_NEEDS_SAMPLE();
    auto ws =
        layers::Workspace::open(pa::test::sampleWorkspace().string(), gis::OpenMode::ReadOnly);
    const std::map<std::string, std::vector<std::pair<std::string, std::string>>> given = {
        {"coverage", {{"units", "districts_pre2025"}}},
        {"density", {{"units", "districts_pre2025"}}},
        {"access", {{"to", "expressway"}}},
        {"zonal", {{"values", "land_price_illustrative"}}},
    };
    for (const auto& a : analysis::algorithms()) {
        analysis::ParameterValues v;
        if (const auto it = given.find(a.name); it != given.end())
            for (const auto& [key, value] : it->second)
                v.set(key, value);
        const auto r = a.run(ws, v);
        for (const auto& t : r.tables) {
            EXPECT_NE(analysis::tableTitle(t.name, "vi"), t.name) << a.name;
            EXPECT_NE(analysis::tableTitle(t.name, "en"), t.name) << a.name;
            for (const auto& c : t.columns)
                EXPECT_TRUE(analysis::hasColumnTitle(c.name)) << a.name << ": " << c.name;
        }
        for (const auto& [key, value] : r.summary)
            EXPECT_TRUE(a.parameter(key) || analysis::figureTitle(key, "vi") != key)
                << a.name << ": " << key;
    }
    EXPECT_EQ(analysis::columnTitle("share_pct", "vi"), "Tỷ lệ (%)");
    EXPECT_EQ(analysis::columnTitle("share_pct", "en"), "Share (%)");
    EXPECT_EQ(analysis::columnTitle("price_mean", "vi"), "price trung bình");
    EXPECT_EQ(analysis::valueTitle("kind", "industrial_park", "vi"), "Khu công nghiệp");
    EXPECT_EQ(analysis::valueTitle("name", "industrial_park", "vi"), "industrial_park");
}
