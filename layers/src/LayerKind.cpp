#include "planatlas/layers/LayerKind.h"

#include "planatlas/layers/Text.h"

#include <algorithm>
#include <array>

// The registry's symbologies are written with designated initializers that leave the
// defaults of the fields they do not name; GCC 12 warns about that nonetheless.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

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

// Names of areas: small, by the area's size on the map, beside it when it is small.
constexpr LabelSpec kAreaLabel{.sizePt = 6.5, .offsetMm = 2};

// Urban centres: the provincial city largest, its name bold.
std::vector<SizeClass> urbanTiers()
{
    return {
        {"provincial", 4.2, 9, true, 100},
        {"subregional", 3.2, 7.5, true, 90},
        {"district", 2.4, 7.5, false, 70},
        {"commune_cluster", 2.0, 7.5, false, 70},
    };
}

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
         {.line = {.colour = "#3a3a3a", .widthMm = 0.7, .dash = Dash::DashDot, .cap = Cap::Flat},
          .planned = PlannedLook::Same},
         "admin",
         32},
        {"admin_district",
         "Huyện, thị xã, thành phố thuộc tỉnh",
         "District",
         "HUYEN",
         {kPolygon},
         false,
         adminAttributes(),
         {.line = {.colour = "#808080", .widthMm = 0.3, .dash = Dash::Dash},
          .planned = PlannedLook::Same,
          .label = {.sizePt = 7.5,
                    .italic = true,
                    .colour = "#707070",
                    .keepColour = true,
                    .priority = 10}},
         "admin",
         31},
        {"admin_commune",
         "Xã, phường, thị trấn",
         "Commune",
         "XA",
         {kPolygon},
         false,
         adminAttributes(),
         {.line = {.colour = "#808080", .widthMm = 0.2, .dash = Dash::Dash},
          .planned = PlannedLook::Same,
          .label = {.sizePt = 6.5,
                    .italic = true,
                    .colour = "#707070",
                    .keepColour = true,
                    .priority = 5,
                    .maxScaleDenominator = 150000}},
         "admin",
         30},
        {"industrial_park",
         "Khu công nghiệp",
         "Industrial park",
         "KCN",
         {kPolygon, kPoint},
         true,
         {},
         {.fill = "#b07cc6",
          .line = {.colour = "#6a3d9a", .widthMm = 0.35, .cap = Cap::Flat},
          .indicativeDotted = true,
          .label = kAreaLabel},
         "industrial",
         22,
         {{"khu, cụm công nghiệp"},
          {"khu và cụm công nghiệp"},
          {"khu/cụm công nghiệp"},
          {"khu công nghiệp"},
          {"KCN, CCN"},
          {"KCN"}}},
        {"industrial_cluster",
         "Cụm công nghiệp",
         "Industrial cluster",
         "CCN",
         {kPolygon, kPoint},
         true,
         {},
         {.fill = "#d4b9da",
          .line = {.colour = "#8856a7", .widthMm = 0.3, .cap = Cap::Flat},
          .indicativeDotted = true,
          .label = kAreaLabel},
         "industrial",
         21,
         {{"khu, cụm công nghiệp"},
          {"khu và cụm công nghiệp"},
          {"khu/cụm công nghiệp"},
          {"cụm công nghiệp"},
          {"KCN, CCN"},
          {"CCN"}}},
        {"economic_zone",
         "Khu kinh tế",
         "Economic zone",
         "KKT",
         {kPolygon},
         true,
         {},
         {.fill = "#e7d4e8",
          .line = {.colour = "#762a83", .widthMm = 0.4, .cap = Cap::Flat},
          .indicativeDotted = true,
          .label = kAreaLabel},
         "industrial",
         20,
         {{"khu kinh tế"}, {"KKT"}}},
        {"hitech_zone",
         "Khu công nghệ cao, khu CNTT tập trung",
         "High-tech or IT zone",
         "CNC",
         {kPolygon, kPoint},
         true,
         {},
         {.fill = "#9e9ac8",
          .line = {.colour = "#54278f", .widthMm = 0.35, .cap = Cap::Flat},
          .indicativeDotted = true,
          .label = kAreaLabel},
         "industrial",
         23,
         {{"khu công nghệ cao"}, {"khu công nghệ thông tin tập trung"}, {"khu CNTT tập trung"}}},
        {"expressway",
         "Đường cao tốc",
         "Expressway",
         "CT",
         {kLine},
         true,
         {{"route_code", FieldType::String, false, "route_code,ma_tuyen,so_hieu"}},
         {.line = {.colour = "#d7191c", .widthMm = 1.1, .cap = Cap::Flat},
          .casing = {.colour = "#ffffff", .widthMm = 1.9, .cap = Cap::Flat, .alpha = 230},
          .planned = PlannedLook::DashedLine,
          .label = {.sizePt = 6.5,
                    .bold = true,
                    .colour = "#b01010",
                    .priority = 40,
                    .alongLine = true}},
         "transport",
         42,
         {{"đường cao tốc"}, {"tuyến cao tốc"}, {"cao tốc"}},
         {},
         true,
         "route_code"},
        {"road",
         "Đường bộ",
         "Road",
         "DB",
         {kLine},
         true,
         {{"route_code", FieldType::String, false, "route_code,ma_tuyen,so_hieu"},
          {"road_class", FieldType::String, false, "road_class,cap_duong,loai_duong"}},
         {.line = {.colour = "#f28c28", .widthMm = 0.5, .cap = Cap::Round},
          .casing = {.colour = "#ffffff", .widthMm = 0.9, .cap = Cap::Round, .alpha = 200},
          .planned = PlannedLook::Same},
         "transport",
         41,
         // (Roads in general are no topic: "đường" is in every street's and project's name.)
         {{"quốc lộ", false, {"quốc lộ", "QL"}, true},
          {"đường tỉnh", false, {"đường tỉnh", "ĐT", "tỉnh lộ", "TL"}, true},
          {"tỉnh lộ", false, {"đường tỉnh", "ĐT", "tỉnh lộ", "TL"}, true}},
         {},
         true,
         "route_code"},
        {"railway",
         "Đường sắt",
         "Railway",
         "DS",
         {kLine},
         true,
         {},
         {.line = {.colour = "#ffffff", .widthMm = 0.4, .dash = Dash::Sleepers, .cap = Cap::Flat},
          .casing = {.colour = "#404040", .widthMm = 0.8, .cap = Cap::Flat},
          .planned = PlannedLook::Same},
         "transport",
         40,
         {{"đường sắt"}, {"tuyến đường sắt"}}},
        {"agri_zone",
         "Vùng sản xuất nông nghiệp tập trung",
         "Agricultural concentration zone",
         "VSX",
         {kPolygon, kPoint},
         true,
         {{"product", FieldType::String, false, "product,san_pham"},
          {"product_class", FieldType::String, false, "product_class,nhom_san_pham"}},
         {.fill = "#e6d96a",
          .line = {.colour = "#8c7d0b", .widthMm = 0.3, .cap = Cap::Flat},
          .indicativeDotted = true,
          .label = kAreaLabel},
         "land",
         10,
         {{"vùng sản xuất tập trung"},
          {"vùng sản xuất hàng hóa tập trung"},
          {"vùng sản xuất nông nghiệp tập trung"},
          {"vùng sản xuất hàng hóa"},
          {"vùng chuyên canh"},
          {"vùng nguyên liệu"},
          {"vùng sản xuất nông nghiệp"},
          {"vùng", true},
          {"vùng trồng", true},
          {"vùng sản xuất", true},
          {"vùng chăn nuôi", true},
          {"vùng nuôi trồng", true},
          {"vùng nuôi", true},
          {"chăn nuôi", true},
          {"nuôi trồng", true},
          {"nuôi", true},
          {"tái canh", true},
          {"phát triển", true},
          {"nhân rộng", true}, // "nhân rộng mô hình tôm - lúa"
          {"diện tích", true}},
         "product"},
        {"forest",
         "Rừng",
         "Forest",
         "RUNG",
         {kPolygon},
         true,
         {{"forest_type", FieldType::String, false, "forest_type,loai_rung"}},
         {.fill = "#74c476",
          .line = {.colour = "#238b45", .widthMm = 0.25, .cap = Cap::Flat},
          .indicativeDotted = true,
          .label = kAreaLabel},
         "land",
         11,
         {{"rừng phòng hộ"},
          {"rừng đặc dụng"},
          {"rừng sản xuất"},
          {"rừng tự nhiên"},
          // Special-use forests by what they are called, counted: "tại các vườn quốc gia, khu
          // bảo tồn" (those so named; one named is a place: "Vườn quốc gia Yok Đôn").
          {"vườn quốc gia", false, {"vườn quốc gia"}, true},
          {"khu bảo tồn", false, {"khu bảo tồn"}, true}},
         "forest_type"},
        {"urban_centre",
         "Đô thị",
         "Urban centre",
         "DT",
         {kPoint, kPolygon},
         true,
         {{"tier", FieldType::String, false, "tier,cap_trung_tam"},
          {"urban_class", FieldType::String, false, "urban_class,loai_do_thi"}},
         {.fill = "#e34a33",
          .fillAlpha = 255,
          .line = {.colour = "#991020", .widthMm = 0.35},
          .planned = PlannedLook::HollowDashed,
          .marker = Marker::Circle,
          .markerMm = 2.2,
          .sizeBy = "tier",
          .sizes = urbanTiers(),
          .label = {.sizePt = 7.5, .colour = "#67000d", .priority = 70, .offsetMm = 2.5}},
         "urban",
         53,
         {{"hệ thống đô thị"},
          {"mạng lưới đô thị"},
          {"các đô thị"},
          {"hạ tầng đô thị"},
          {"phát triển đô thị"},
          {"chỉnh trang đô thị"},
          {"quy hoạch đô thị"}}},
        {"tourism_area",
         "Khu du lịch, di tích",
         "Tourism area or heritage site",
         "DL",
         {kPolygon, kPoint},
         true,
         {},
         {.fill = "#a6dba0",
          .line = {.colour = "#1b7837", .widthMm = 0.3, .cap = Cap::Flat},
          .indicativeDotted = true,
          .label = kAreaLabel},
         "land",
         12,
         {{"khu, điểm du lịch"},
          {"khu du lịch"},
          {"điểm du lịch"},
          {"khu di tích"},
          {"di tích lịch sử"}}},
        {"market_logistics",
         "Chợ đầu mối, trung tâm logistics",
         "Wholesale market or logistics centre",
         "CDM",
         {kPoint, kPolygon},
         true,
         {},
         {.fill = "#fdb863",
          .line = {.colour = "#954905", .widthMm = 0.3},
          .planned = PlannedLook::Same,
          .markerMm = 2.6,
          .label = kAreaLabel},
         "services",
         51,
         {{"chợ đầu mối", false, {"đầu mối", "chợ vùng"}, false, true},
          {"trung tâm logistics",
           false,
           {"logistics", "cảng cạn", "ICD", "kho ngoại quan", "trung tâm phân phối"},
           false,
           true},
          {"trung tâm hội chợ triển lãm"},
          // "mạng lưới chợ", "các chợ", "hệ thống chợ": the markets, not the logistics centres
          {"chợ", false, {"chợ"}, true}}},
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
         {.fill = "#fee8c8",
          .line = {.colour = "#b30000", .widthMm = 0.15, .cap = Cap::Flat},
          .indicativeDotted = true,
          .bulk = true},
         "reference",
         5,
         {},
         {},
         false},
        {"infrastructure",
         "Hạ tầng kỹ thuật",
         "Infrastructure",
         "HT",
         {kPoint, kLine, kPolygon, kAny},
         true,
         {},
         {.fill = "#3182bd",
          .fillAlpha = 255,
          .line = {.colour = "#444444", .widthMm = 0.3},
          .planned = PlannedLook::Same,
          .marker = Marker::Triangle,
          .markerMm = 2.6,
          .titledByLayer = true},
         "services",
         50},
        {"other",
         "Khác",
         "Other",
         "KHAC",
         {kPoint, kLine, kPolygon, kAny},
         true,
         {},
         {.line = {.colour = "#b35806", .widthMm = 0.5, .dash = Dash::Dash},
          .planned = PlannedLook::Same,
          .label = {.sizePt = 7.5,
                    .italic = true,
                    .colour = "#b35806",
                    .keepColour = true,
                    .priority = 15},
          .titledByLayer = true},
         "reference",
         26},
        {"analysis_grid",
         "Lưới phân tích",
         "Analysis grid",
         "LUOI",
         {kPolygon},
         false,
         {},
         {.line = {.colour = "#969696", .widthMm = 0.15},
          .planned = PlannedLook::Same,
          .bulk = true},
         "reference",
         6,
         {},
         {},
         false},
        {"basemap",
         "Nền tham chiếu",
         "Reference basemap",
         "NEN",
         {kPolygon, kLine, kPoint, kAny},
         false,
         {},
         {.fill = "#e2e2dc",
          .fillAlpha = 255,
          .line = {.colour = "#c8c8c8", .widthMm = 0.15},
          .planned = PlannedLook::Same},
         "reference",
         0,
         {},
         {},
         false}, // the map's background: what a task names is the workspace's own layers
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

std::string kindFromName(std::string_view name)
{
    // Words of a name between spaces: " kcn song cong shp " for "KCN_Song-Cong.shp".
    auto words = [](std::string_view text) { return " " + text::slug(text, ' ') + " "; };
    auto plural = [](const std::string& w) { return w.substr(0, w.size() - 1) + "s "; };
    const std::string haystack = words(name);
    std::string best;
    std::size_t bestLength = 0;
    for (const auto& kind : registry()) {
        const std::string id = words(kind.id), english = words(kind.titleEn);
        std::vector<std::string> needles = {id, plural(id), words(kind.titleVi), english,
                                            plural(english)};
        if (!kind.codePrefix.empty())
            needles.push_back(words(kind.codePrefix));
        for (const auto& needle : needles)
            if (needle.size() > 2 && haystack.find(needle) != std::string::npos &&
                needle.size() > bestLength) {
                best = std::string(kind.id);
                bestLength = needle.size();
            }
    }
    return best;
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

bool isPlannedStatus(std::string_view status)
{
    return status == "planned" || status == "proposed" || status == "under_construction";
}

std::string_view canonicalStatus(std::string_view text)
{
    const std::string key = text::foldForMatch(text);
    struct Word
    {
        std::string_view folded;
        std::string_view status;
    };
    // As planners' tables write a feature's state; a phrase also stands for the longer ones it
    // begins ("đang hoạt động một phần", "quy hoạch giai đoạn 2021 - 2030", "đang xây dựng hạ
    // tầng").
    static constexpr std::array<Word, 33> words = {{
        {"existing", "existing"},
        {"operational", "existing"},
        {"hien co", "existing"},
        {"hien huu", "existing"},
        {"da xay dung", "existing"},
        {"da dau tu", "existing"},
        {"dang hoat dong", "existing"},
        {"da hoat dong", "existing"},
        {"da di vao hoat dong", "existing"},
        {"hoat dong", "existing"},
        {"da thanh lap", "existing"},
        {"dang nang cap", "existing"}, // (a road being upgraded is there)
        {"dang khai thac", "existing"},
        {"under_construction", "under_construction"},
        {"under construction", "under_construction"},
        {"dang xay dung", "under_construction"},
        {"dang trien khai", "under_construction"},
        {"dang dau tu", "under_construction"},
        {"dang thi cong", "under_construction"},
        {"planned", "planned"},
        {"quy hoach", "planned"},
        {"du kien", "planned"},
        {"chua dau tu", "planned"},
        {"chua thanh lap", "planned"},
        {"chua trien khai", "planned"},
        {"thanh lap moi", "planned"},
        {"xay dung moi", "planned"},
        {"proposed", "proposed"},
        {"de xuat", "proposed"},
        {"nghien cuu", "proposed"},
        {"kien nghi", "proposed"},
        {"bo sung quy hoach", "proposed"},
        {"dua vao quy hoach", "proposed"},
    }};
    for (const auto& word : words)
        if (key == word.folded)
            return word.status;
    const Word* longest = nullptr; // of the phrases the value begins with
    for (const auto& word : words)
        if (key.size() > word.folded.size() && key.starts_with(word.folded) &&
            key[word.folded.size()] == ' ' &&
            (!longest || word.folded.size() > longest->folded.size()))
            longest = &word;
    if (!longest)
        return {};
    // … unless what follows undoes it: "quy hoạch đã bị hủy bỏ", "đã thành lập nhưng chưa đầu
    // tư", "đề xuất đưa ra khỏi quy hoạch".
    const std::string rest = " " + key.substr(longest->folded.size()) + " ";
    for (std::string_view undoing : {" khong ", " huy ", " loai ", " khoi ", " chua ", " nhung ",
                                     " tam dung ", " ngung ", " bo ", " bai bo ", " thu hoi "})
        if (rest.find(undoing) != std::string::npos)
            return {};
    return longest->status;
}

} // namespace pa::layers
