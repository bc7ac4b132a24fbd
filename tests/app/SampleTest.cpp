// The Thái Nguyên sample workspace the build makes from data/: what a planner from the province
// would check first — the right features, inside the right units, every task accounted for.

#include "TestSupport.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Workspace.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace {

class Sample : public ::testing::Test
{
protected:
    pa::layers::Workspace ws =
        pa::layers::Workspace::open(pa::test::sampleWorkspace().string(), pa::gis::OpenMode::ReadOnly);

    std::vector<std::vector<pa::gis::FieldValue>> rows(const std::string& sql, const char* dialect = "")
    {
        return ws.dataset().execute(sql, dialect).rows;
    }
    double number(const std::string& sql, const char* dialect = "SQLite")
    {
        const auto v = rows(sql, dialect).at(0).at(0);
        if (const auto* d = std::get_if<double>(&v))
            return *d;
        return static_cast<double>(std::get<std::int64_t>(v));
    }
};

TEST_F(Sample, ProgrammeFeaturesByKind)
{
    std::map<std::string, std::int64_t> count;
    for (const auto& layer : ws.layers())
        count[layer.kind] += static_cast<std::int64_t>(number("SELECT COUNT(*) FROM \"" + layer.name + "\"", ""));
    EXPECT_EQ(count["industrial_park"], 11); // the 11 KCN of QĐ 222/QĐ-TTg
    EXPECT_EQ(count["hitech_zone"], 1);      // Khu CNTT tập trung Yên Bình
    EXPECT_EQ(count["industrial_cluster"], 4);
    EXPECT_EQ(count["expressway"], 4);       // CT.07 (three sections) and CT.39
    EXPECT_EQ(count["agri_zone"], 11);       // the six key products
    EXPECT_EQ(count["urban_centre"], 10);
    EXPECT_EQ(count["tourism_area"], 4);
    EXPECT_EQ(count["market_logistics"], 3);
    EXPECT_EQ(count["land_price"], 9);
    // Every key product of KH NQ54 has a zone.
    for (const char* product : {"chè", "na", "thịt lợn", "quế"})
        EXPECT_GE(number(std::string("SELECT COUNT(*) FROM agri_zones WHERE product = '") + product + "'", ""), 1)
            << product;
    // Drawn geometry says what it is.
    for (const auto& layer : ws.layers())
        if (layer.kind != "admin_province" && layer.kind != "admin_district" && layer.kind != "land_price" &&
            layer.kind != "road" && layer.kind != "railway" && layer.kind != "infrastructure")
            EXPECT_EQ(number("SELECT COUNT(*) FROM \"" + layer.name + "\" WHERE geometry_quality <> 'indicative'", ""),
                      0)
                << layer.name;
    EXPECT_EQ(number("SELECT COUNT(*) FROM land_price_illustrative WHERE source <> 'illustrative'", ""), 0);
}

TEST_F(Sample, ParksOfKnownAreaAreDrawnAtThatArea)
{
    // "A park of 400 ha is a ~400 ha polygon": where the plan gives the area, the drawing has it
    // (to the 1e-4 that WGS 84 coordinates rounded to 6 decimals in data/ allow).
    const auto parks = rows("SELECT code, planned_area_ha, ST_Area(geom) / 10000.0 FROM industrial_parks "
                            "WHERE planned_area_ha IS NOT NULL",
                            "SQLite");
    EXPECT_GE(parks.size(), 8u);
    for (const auto& row : parks)
        EXPECT_NEAR(std::get<double>(row[2]) / std::get<double>(row[1]), 1.0, 1e-4) << pa::gis::toString(row[0]);
}

TEST_F(Sample, DistrictsAddUpToTheProvince)
{
    const double districts = number("SELECT SUM(ST_Area(geom)) FROM districts_pre2025");
    const double province = number("SELECT SUM(ST_Area(geom)) FROM province_pre2025");
    EXPECT_NEAR(districts / province, 1.0, 0.02);
}

TEST_F(Sample, EveryParkLiesInItsDistrict)
{
    // The `district` attribute names the unit(s) a park was placed in ("Phổ Yên; Phú Bình").
    for (const auto& row : rows("SELECT code, district FROM industrial_parks UNION ALL "
                                "SELECT code, district FROM industrial_clusters UNION ALL "
                                "SELECT code, district FROM hitech_zones ORDER BY 1")) {
        const std::string code = pa::gis::toString(row[0]);
        std::string names = pa::gis::toString(row[1]), condition;
        std::stringstream list(names);
        for (std::string name; std::getline(list, name, ';');) {
            name.erase(0, name.find_first_not_of(' '));
            condition += std::string(condition.empty() ? "" : " OR ") + "d.name_vi = '" + name +
                         "' OR d.name_vi LIKE 'Thành phố " + name + "'";
        }
        ASSERT_FALSE(condition.empty()) << code;
        const double inside = number("SELECT ST_Area(ST_Intersection(f.geom, (SELECT ST_Union(d.geom) FROM "
                                     "districts_pre2025 d WHERE " + condition + "))) / ST_Area(f.geom) FROM ("
                                     "SELECT geom FROM industrial_parks WHERE code = '" + code + "' UNION ALL "
                                     "SELECT geom FROM industrial_clusters WHERE code = '" + code + "' UNION ALL "
                                     "SELECT geom FROM hitech_zones WHERE code = '" + code + "') f");
        EXPECT_GT(inside, 0.95) << code << " in " << names;
    }
}

TEST_F(Sample, NothingLiesOutsideItsProvince)
{
    for (const auto& layer : ws.layers()) {
        if (layer.kind.rfind("admin_", 0) == 0 || layer.kind == "land_price")
            continue; // units and the price table joined to them come with their own boundaries
        // Everything is in the 2025 province; all but the Chợ Mới – Bắc Kạn – Cao Bằng section
        // (and the end of the Chợ Mới section) also in the province before the merger.
        const std::string outside2025 = "SELECT COUNT(*) FROM \"" + layer.name + "\" f, province_2025 p WHERE "
                                        "ST_Length(ST_Difference(f.geom, ST_Buffer(p.geom, 1))) > 0 OR "
                                        "ST_Area(ST_Difference(f.geom, ST_Buffer(p.geom, 1))) > 0 OR "
                                        "(ST_Dimension(f.geom) = 0 AND NOT ST_Within(f.geom, p.geom))";
        const double out2025 = number(outside2025);
        if (layer.kind == "road" || layer.kind == "railway")
            continue; // national networks selected as crossing the province
        EXPECT_EQ(out2025, 0) << layer.name;
        if (layer.name == "expressways")
            continue;
        EXPECT_EQ(number("SELECT COUNT(*) FROM \"" + layer.name + "\" f, province_pre2025 p WHERE "
                         "ST_Area(ST_Difference(f.geom, ST_Buffer(p.geom, 1))) > 0 OR "
                         "(ST_Dimension(f.geom) = 0 AND NOT ST_Within(f.geom, p.geom))"),
                  0)
            << layer.name;
    }
}

TEST_F(Sample, EveryTaskIsLinkedOrDeliberatelyUnlocated)
{
    std::string linked;
    for (const auto& layer : ws.layers())
        if (!layer.linkTable.empty())
            linked += std::string(linked.empty() ? "" : " UNION ") + "SELECT related_id FROM \"" + layer.linkTable + "\"";
    const double tasks = number("SELECT COUNT(*) FROM plan_tasks", "");
    const double located = number("SELECT COUNT(*) FROM plan_tasks WHERE fid IN (" + linked + ")", "");
    const double unlocated = number("SELECT COUNT(*) FROM plan_tasks WHERE task_id IN (SELECT task_id FROM plan_unlocated)", "");
    const double both = number("SELECT COUNT(*) FROM plan_tasks WHERE fid IN (" + linked +
                                   ") AND task_id IN (SELECT task_id FROM plan_unlocated)",
                               "");
    EXPECT_EQ(tasks, 258);
    EXPECT_GT(located, 30);
    EXPECT_EQ(both, 0);
    EXPECT_EQ(located + unlocated, tasks);
    // The task on the southern region's industrial infrastructure reaches the southern parks.
    const auto south = rows("SELECT f.code FROM industrial_parks_task_links l JOIN plan_tasks t ON t.fid = l.related_id "
                            "JOIN industrial_parks f ON f.fid = l.base_id WHERE t.task_id = 'kh-nq54:III.4#3' ORDER BY 1");
    std::vector<std::string> codes;
    for (const auto& r : south)
        codes.push_back(pa::gis::toString(r[0]));
    EXPECT_NE(std::find(codes.begin(), codes.end(), "KCN-YB"), codes.end());
    EXPECT_EQ(std::find(codes.begin(), codes.end(), "KCN-QT"), codes.end()); // Quyết Thắng is in the city
    // The wholesale markets the plan names (one spelt "Diềm Thụy") are linked to their task.
    EXPECT_EQ(number("SELECT COUNT(*) FROM markets_task_links l JOIN plan_tasks t ON t.fid = l.related_id "
                     "WHERE t.task_id = 'kh-nq54:III.5.c#10'", ""),
              3);
}

TEST_F(Sample, ValidatesCleanly)
{
    EXPECT_EQ(ws.validate().errorCount(), 0u);
}

} // namespace
