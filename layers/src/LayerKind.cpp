#include "planatlas/layers/LayerKind.h"

#include "planatlas/layers/Text.h"

#include <algorithm>
#include <array>

namespace pa::layers {

using gis::FieldType;
using gis::GeometryFamily;

namespace {

constexpr GeometryFamily kPoint = GeometryFamily::Point;
constexpr GeometryFamily kLine = GeometryFamily::Line;
constexpr GeometryFamily kPolygon = GeometryFamily::Polygon;
constexpr GeometryFamily kAny = GeometryFamily::Collection;

const std::array<AttributeSpec, 9> kCommon = {{
    // Only an explicit code column: generic "id"/"ma" columns (ArcGIS's all-zero Id) are
    // not codes; --code-field names one.
    {"code", FieldType::String, true, "code"},
    {"name_vi", FieldType::String, true,
     "name_vi,ten,ten_vi,name,ten_kcn,ten_ccn,ten_don_vi,tendonvi"},
    {"name_en", FieldType::String, false, "name_en,ten_en,name_english"},
    {"status", FieldType::String, false, "status,trang_thai,hien_trang"},
    {"planned_area_ha", FieldType::Real, false, "planned_area_ha,dien_tich_ha,dientich_ha,area_ha"},
    {"planned_length_km", FieldType::Real, false, "planned_length_km,chieu_dai_km,length_km"},
    {"period", FieldType::String, false, "period,giai_doan,ky_quy_hoach"},
    {"geometry_quality", FieldType::String, false, "geometry_quality,chat_luong_hinh_hoc"},
    {"source", FieldType::String, false, "source,nguon"},
}};

std::vector<AttributeSpec> adminAttributes()
{
    return {
        {"admin_code", FieldType::String, false, "admin_code,ma_tinh,ma_huyen,ma_xa,ma_dvhc"},
        {"valid_from", FieldType::Date, false, "valid_from,hieu_luc_tu"},
        {"valid_to", FieldType::Date, false, "valid_to,hieu_luc_den"},
    };
}

const std::vector<LayerKind>& registry()
{
    static const std::vector<LayerKind> kinds = {
        {"admin_province",
         "Tỉnh, thành phố",
         "Province",
         "TINH",
         {kPolygon},
         false,
         adminAttributes(),
         {"", "#4d4d4d", 0.7},
         "admin",
         32},
        {"admin_district",
         "Huyện, thị xã, thành phố thuộc tỉnh",
         "District",
         "HUYEN",
         {kPolygon},
         false,
         adminAttributes(),
         {"", "#6e6e6e", 0.45},
         "admin",
         31},
        {"admin_commune",
         "Xã, phường, thị trấn",
         "Commune",
         "XA",
         {kPolygon},
         false,
         adminAttributes(),
         {"", "#9a9a9a", 0.25},
         "admin",
         30},
        {"industrial_park",
         "Khu công nghiệp",
         "Industrial park",
         "KCN",
         {kPolygon, kPoint},
         true,
         {},
         {"#b07cc6", "#6a3d9a", 0.35},
         "industrial",
         22},
        {"industrial_cluster",
         "Cụm công nghiệp",
         "Industrial cluster",
         "CCN",
         {kPolygon, kPoint},
         true,
         {},
         {"#d4b9da", "#8856a7", 0.3},
         "industrial",
         21},
        {"economic_zone",
         "Khu kinh tế",
         "Economic zone",
         "KKT",
         {kPolygon},
         true,
         {},
         {"#e7d4e8", "#762a83", 0.4},
         "industrial",
         20},
        {"hitech_zone",
         "Khu công nghệ cao, khu CNTT tập trung",
         "High-tech or IT zone",
         "CNC",
         {kPolygon, kPoint},
         true,
         {},
         {"#9e9ac8", "#54278f", 0.35},
         "industrial",
         23},
        {"expressway",
         "Đường cao tốc",
         "Expressway",
         "CT",
         {kLine},
         true,
         {{"route_code", FieldType::String, false, "route_code,ma_tuyen,so_hieu"}},
         {"", "#d7191c", 1.2},
         "transport",
         42},
        {"road",
         "Đường bộ",
         "Road",
         "DB",
         {kLine},
         true,
         {{"route_code", FieldType::String, false, "route_code,ma_tuyen,so_hieu"},
          {"road_class", FieldType::String, false, "road_class,cap_duong,loai_duong"}},
         {"", "#f28c28", 0.6},
         "transport",
         41},
        {"railway",
         "Đường sắt",
         "Railway",
         "DS",
         {kLine},
         true,
         {},
         {"", "#404040", 0.6},
         "transport",
         40},
        {"agri_zone",
         "Vùng sản xuất nông nghiệp tập trung",
         "Agricultural concentration zone",
         "VSX",
         {kPolygon, kPoint},
         true,
         {{"product", FieldType::String, false, "product,san_pham"},
          {"product_class", FieldType::String, false, "product_class,nhom_san_pham"}},
         {"#e6d96a", "#8c7d0b", 0.3},
         "land",
         10},
        {"forest",
         "Rừng",
         "Forest",
         "RUNG",
         {kPolygon},
         true,
         {{"forest_type", FieldType::String, false, "forest_type,loai_rung"}},
         {"#74c476", "#238b45", 0.25},
         "land",
         11},
        {"urban_centre",
         "Đô thị",
         "Urban centre",
         "DT",
         {kPoint, kPolygon},
         true,
         {{"tier", FieldType::String, false, "tier,cap_trung_tam"},
          {"urban_class", FieldType::String, false, "urban_class,loai_do_thi"}},
         {"#f4a582", "#b2182b", 0.4},
         "urban",
         53},
        {"tourism_area",
         "Khu du lịch, di tích",
         "Tourism area or heritage site",
         "DL",
         {kPolygon, kPoint},
         true,
         {},
         {"#a6dba0", "#1b7837", 0.3},
         "land",
         12},
        {"market_logistics",
         "Chợ đầu mối, trung tâm logistics",
         "Wholesale market or logistics centre",
         "CDM",
         {kPoint, kPolygon},
         true,
         {},
         {"#fdb863", "#b35806", 0.3},
         "services",
         51},
        {"land_price",
         "Giá đất",
         "Land price",
         "GD",
         {kPolygon},
         false,
         {{"land_use", FieldType::String, false, "land_use,loai_dat,muc_dich_su_dung"},
          {"price_vnd_m2", FieldType::Real, true, "price_vnd_m2,gia_dat,don_gia,gia_vnd_m2"},
          {"year", FieldType::Integer, false, "year,nam"},
          {"decision_ref", FieldType::String, false, "decision_ref,quyet_dinh,so_quyet_dinh"}},
         {"#fee8c8", "#b30000", 0.1},
         "reference",
         5},
        {"infrastructure",
         "Hạ tầng kỹ thuật",
         "Infrastructure",
         "HT",
         {kPoint, kLine, kPolygon, kAny},
         true,
         {},
         {"#bdbdbd", "#525252", 0.3},
         "services",
         50},
        {"other",
         "Khác",
         "Other",
         "KHAC",
         {kPoint, kLine, kPolygon, kAny},
         true,
         {},
         {"#d9d9d9", "#737373", 0.3},
         "reference",
         26},
        {"analysis_grid",
         "Lưới phân tích",
         "Analysis grid",
         "LUOI",
         {kPolygon},
         false,
         {},
         {"", "#969696", 0.15},
         "reference",
         6},
        {"basemap",
         "Nền tham chiếu",
         "Reference basemap",
         "NEN",
         {kPolygon, kLine, kPoint, kAny},
         false,
         {},
         {"#f2f2f2", "#bdbdbd", 0.2},
         "reference",
         0},
    };
    return kinds;
}

constexpr std::array<std::string_view, 4> kStatus = {"existing", "under_construction", "planned",
                                                     "proposed"};
constexpr std::array<std::string_view, 3> kQuality = {"surveyed", "digitized", "indicative"};

} // namespace

bool LayerKind::accepts(GeometryFamily family) const
{
    return std::find(families.begin(), families.end(), family) != families.end();
}

std::string LayerKind::familiesText() const
{
    std::string text;
    for (std::size_t i = 0; i < families.size(); ++i) {
        if (i > 0)
            text += i + 1 == families.size() ? " or " : ", ";
        text += gis::familyName(families[i]);
    }
    return text;
}

std::span<const AttributeSpec> commonAttributes()
{
    return kCommon;
}
std::span<const LayerKind> layerKinds()
{
    return registry();
}

const LayerKind* findKind(std::string_view id)
{
    for (const auto& kind : registry())
        if (kind.id == id)
            return &kind;
    return nullptr;
}

bool inGroup(std::string_view id, std::string_view group)
{
    const auto* kind = findKind(id);
    return kind && kind->group == group;
}

int drawOrder(std::string_view id)
{
    const auto* kind = findKind(id);
    return kind ? kind->drawOrder : 25;
}

std::size_t kindRank(std::string_view id)
{
    const auto& kinds = registry();
    return static_cast<std::size_t>(
        std::find_if(kinds.begin(), kinds.end(), [&](const LayerKind& k) { return k.id == id; }) -
        kinds.begin());
}

std::string kindIdList()
{
    std::string text;
    for (const auto& kind : registry()) {
        if (!text.empty())
            text += ", ";
        text += kind.id;
    }
    return text;
}

std::span<const std::string_view> statusValues()
{
    return kStatus;
}
std::span<const std::string_view> geometryQualityValues()
{
    return kQuality;
}

std::string_view canonicalStatus(std::string_view text)
{
    const std::string key = text::foldForMatch(text);
    struct Word
    {
        std::string_view folded;
        std::string_view status;
    };
    static constexpr std::array<Word, 16> words = {{
        {"existing", "existing"},
        {"hien co", "existing"},
        {"hien huu", "existing"},
        {"da xay dung", "existing"},
        {"dang hoat dong", "existing"},
        {"under_construction", "under_construction"},
        {"under construction", "under_construction"},
        {"dang xay dung", "under_construction"},
        {"dang trien khai", "under_construction"},
        {"planned", "planned"},
        {"quy hoach", "planned"},
        {"du kien", "planned"},
        {"proposed", "proposed"},
        {"de xuat", "proposed"},
        {"nghien cuu", "proposed"},
        {"bo sung quy hoach", "proposed"},
    }};
    for (const auto& word : words)
        if (key == word.folded)
            return word.status;
    return {};
}

} // namespace pa::layers
