#include "planatlas/layers/LayerKind.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>

using namespace pa::layers;
using pa::gis::GeometryFamily;

TEST(LayerKind, RegistryHasTheKindsOfTheDesign)
{
    for (const char* id : {"admin_province", "admin_district", "admin_commune", "industrial_park",
                           "industrial_cluster", "economic_zone", "hitech_zone", "expressway",
                           "road", "railway", "agri_zone", "forest", "urban_centre", "tourism_area",
                           "market_logistics", "land_price", "infrastructure", "other"})
        EXPECT_NE(findKind(id), nullptr) << id;
    EXPECT_EQ(findKind("airport"), nullptr);
}

TEST(LayerKind, IdsPrefixesAndTitlesAreUniqueAndComplete)
{
    std::set<std::string_view> ids, prefixes;
    for (const auto& kind : layerKinds()) {
        EXPECT_TRUE(ids.insert(kind.id).second) << kind.id;
        EXPECT_TRUE(prefixes.insert(kind.codePrefix).second) << kind.codePrefix;
        EXPECT_FALSE(kind.titleVi.empty());
        EXPECT_FALSE(kind.titleEn.empty());
        EXPECT_FALSE(kind.families.empty());
        const auto& look = kind.symbology;
        EXPECT_EQ(look.line.colour.size(), 7u) << kind.id;
        EXPECT_GT(look.line.widthMm, 0.1) << kind.id;
        EXPECT_TRUE(look.fill.empty() || look.fill.size() == 7u) << kind.id;
        // A kind drawn by a class attribute names it among its attributes.
        if (!look.sizeBy.empty()) {
            EXPECT_TRUE(std::any_of(kind.attributes.begin(), kind.attributes.end(),
                                    [&](const AttributeSpec& a) { return a.name == look.sizeBy; }))
                << kind.id;
        }
    }
}

TEST(LayerKind, GeometryRules)
{
    EXPECT_TRUE(findKind("industrial_park")->accepts(GeometryFamily::Polygon));
    EXPECT_FALSE(findKind("industrial_park")->accepts(GeometryFamily::Line));
    EXPECT_TRUE(findKind("expressway")->accepts(GeometryFamily::Line));
    EXPECT_FALSE(findKind("expressway")->accepts(GeometryFamily::Polygon));
    EXPECT_TRUE(findKind("other")->accepts(GeometryFamily::Collection));
    EXPECT_EQ(findKind("industrial_park")->familiesText(), "polygon or point");
}

TEST(LayerKind, MapsVietnameseStatusWords)
{
    EXPECT_EQ(canonicalStatus("Hiện có"), "existing");
    EXPECT_EQ(canonicalStatus("ĐANG XÂY DỰNG"), "under_construction");
    EXPECT_EQ(canonicalStatus("quy hoạch"), "planned");
    EXPECT_EQ(canonicalStatus("Đề xuất"), "proposed");
    EXPECT_EQ(canonicalStatus("planned"), "planned");
    EXPECT_EQ(canonicalStatus("không rõ"), "");
    // As tables of clusters and roads write them, and the longer phrases they begin.
    EXPECT_EQ(canonicalStatus("hoạt động"), "existing");
    EXPECT_EQ(canonicalStatus("Đã đi vào hoạt động"), "existing");
    EXPECT_EQ(canonicalStatus("đang nâng cấp"), "existing");
    EXPECT_EQ(canonicalStatus("Đang đầu tư hạ tầng"), "under_construction");
    EXPECT_EQ(canonicalStatus("đang xây dựng dở dang"), "under_construction");
    EXPECT_EQ(canonicalStatus("Quy hoạch giai đoạn 2021 - 2030"), "planned");
    EXPECT_EQ(canonicalStatus("chưa đầu tư"), "planned");
    EXPECT_EQ(canonicalStatus("đã đầu tư xây dựng"), "existing");
    EXPECT_EQ(canonicalStatus("hoạt"), ""); // a word cut short is no phrase
    EXPECT_EQ(canonicalStatus("tạm dừng"), "");
    // What follows may undo the phrase: then the value is not read (and said so on import).
    EXPECT_EQ(canonicalStatus("Quy hoạch đã bị hủy bỏ"), "");
    EXPECT_EQ(canonicalStatus("Đã thành lập nhưng chưa đầu tư hạ tầng"), "");
    EXPECT_EQ(canonicalStatus("Đề xuất đưa ra khỏi quy hoạch"), "");
    EXPECT_EQ(canonicalStatus("Dự kiến không phát triển"), "");
}

TEST(LayerKinds, AFileNameSuggestsItsKindAndNothingIsGuessedOtherwise)
{
    // File or layer name → kind ("" when none is named).
    const std::pair<const char*, const char*> cases[] = {
        {"industrial_parks", "industrial_park"},
        {"KCN_tcvn3", "industrial_park"},
        {"cum_cong_nghiep_2024", "industrial_cluster"},
        {"Khu công nghiệp (vị trí chỉ dẫn)", "industrial_park"},
        {"urban_centres OGRGeoJSON", "urban_centre"},
        {"Vùng sản xuất nông nghiệp tập trung", "agri_zone"},
        {"expressways", "expressway"},
        {"ranh_gioi_xa", "admin_commune"},
        {"two_layers", ""},
        {"bao_cao", ""},
    };
    for (const auto& [name, kind] : cases)
        EXPECT_EQ(pa::layers::kindFromName(name), kind) << name;
}
