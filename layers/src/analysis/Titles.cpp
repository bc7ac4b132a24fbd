// The words a person reads for an analysis table's columns, its name and its run's figures, in
// Vietnamese and English: one dictionary for spreadsheets, Excel CSV, reports and the desktop
// application. Machine names ("share_pct") stay the names in CSV, JSON and GeoPackage output.

#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/analysis/Table.h"

#include <map>
#include <utility>

namespace pa::analysis {

namespace {

using Words = std::pair<std::string_view, std::string_view>; // vi, en

const std::map<std::string_view, Words>& columnWords()
{
    static const std::map<std::string_view, Words> words = {
        {"unit_code", {"Mã đơn vị", "Unit code"}},
        {"unit_name", {"Đơn vị", "Unit"}},
        {"kind", {"Loại", "Kind"}},
        {"features", {"Số đối tượng", "Features"}},
        {"area_ha", {"Diện tích (ha)", "Area (ha)"}},
        {"share_pct", {"Tỷ lệ (%)", "Share (%)"}},
        {"length_km", {"Chiều dài (km)", "Length (km)"}},
        {"linked_tasks", {"Nhiệm vụ", "Tasks"}},
        {"lead_agencies", {"Cơ quan chủ trì", "Lead agencies"}},
        {"gap", {"Khoảng trống", "Gap"}},
        {"code", {"Mã", "Code"}},
        {"name", {"Tên", "Name"}},
        {"nearest_code", {"Mã đối tượng gần nhất", "Nearest"}},
        {"nearest_name", {"Tên đối tượng gần nhất", "Nearest name"}},
        {"distance_km", {"Khoảng cách (km)", "Distance (km)"}},
        {"within", {"Trong phạm vi", "Within"}},
        {"within_ha", {"Diện tích trong phạm vi (ha)", "Area within (ha)"}},
        {"within_pct", {"Tỷ lệ diện tích trong phạm vi (%)", "Share of area within (%)"}},
        {"target_id", {"Chỉ tiêu", "Target"}},
        {"doc_id", {"Văn bản", "Document"}},
        {"indicator", {"Chỉ số", "Indicator"}},
        {"comparator", {"So sánh", "Comparator"}},
        {"value", {"Giá trị kế hoạch", "Plan value"}},
        {"value_max", {"Đến", "Up to"}},
        {"unit", {"Đơn vị đo", "Unit of measure"}},
        {"year", {"Năm", "Year"}},
        {"metric", {"Cách đo", "Measured as"}},
        {"measured", {"Đo được", "Measured"}},
        {"status", {"Trạng thái", "Status"}},
        {"province_layer", {"Tỉnh", "Province"}},
        {"note", {"Ghi chú", "Note"}},
        {"kind_a", {"Loại A", "Kind A"}},
        {"code_a", {"Mã A", "Code A"}},
        {"name_a", {"Đối tượng A", "Feature A"}},
        {"tasks_a", {"Nhiệm vụ A", "Tasks A"}},
        {"lead_a", {"Chủ trì A", "Lead A"}},
        {"kind_b", {"Loại B", "Kind B"}},
        {"code_b", {"Mã B", "Code B"}},
        {"name_b", {"Đối tượng B", "Feature B"}},
        {"tasks_b", {"Nhiệm vụ B", "Tasks B"}},
        {"lead_b", {"Chủ trì B", "Lead B"}},
        {"key", {"Khóa", "Key"}},
        {"tasks", {"Nhiệm vụ", "Tasks"}},
        {"located", {"Nhiệm vụ có vị trí", "Located tasks"}},
        {"units", {"Đơn vị liên quan", "Units touched"}},
        {"task_id", {"Nhiệm vụ", "Task"}},
        {"section", {"Mục", "Section"}},
        {"lead", {"Cơ quan chủ trì", "Lead agency"}},
        {"deadline", {"Thời hạn", "Deadline"}},
        {"reviewed_reason", {"Lý do", "Reason"}},
        {"text", {"Nội dung nhiệm vụ", "Task text"}},
        {"covered_ha", {"Diện tích có giá trị (ha)", "Covered (ha)"}},
        {"covered_pct", {"Tỷ lệ có giá trị (%)", "Covered (%)"}},
        {"value_features", {"Số thửa/vùng giá trị", "Value polygons"}},
        {"pixels", {"Số điểm ảnh", "Pixels"}},
        {"nodata_pixels", {"Điểm ảnh không có dữ liệu", "No-data pixels"}},
        {"unit_area_km2", {"Diện tích đơn vị (km²)", "Unit area (km²)"}},
        {"features_per_100_km2", {"Số đối tượng trên 100 km²", "Features per 100 km²"}},
        {"length_km_per_100_km2", {"km trên 100 km²", "km per 100 km²"}},
        {"layer", {"Lớp", "Layer"}},
        {"within_area_ha", {"Diện tích trong phạm vi (ha)", "Area within (ha)"}},
        {"wkt", {"Hình học (WKT)", "Geometry (WKT)"}},
        // The workspace's own columns, as QGIS's forms and tables show them.
        {"name_vi", {"Tên", "Name (Vietnamese)"}},
        {"name_en", {"Tên tiếng Anh", "Name (English)"}},
        {"planned_area_ha", {"Diện tích quy hoạch (ha)", "Planned area (ha)"}},
        {"planned_length_km", {"Chiều dài quy hoạch (km)", "Planned length (km)"}},
        {"drawn_area_ha", {"Diện tích trên bản đồ (ha)", "Drawn area (ha)"}},
        {"period", {"Giai đoạn", "Period"}},
        {"geometry_quality", {"Chất lượng hình học", "Geometry quality"}},
        {"source", {"Nguồn", "Source"}},
        {"district", {"Huyện", "District"}},
        {"commune", {"Xã", "Commune"}},
        {"route_code", {"Số hiệu tuyến", "Route number"}},
        {"road_class", {"Cấp đường", "Road class"}},
        {"product", {"Sản phẩm", "Product"}},
        {"product_class", {"Nhóm sản phẩm", "Product group"}},
        {"forest_type", {"Loại rừng", "Forest type"}},
        {"tier", {"Cấp trung tâm", "Centre tier"}},
        {"urban_class", {"Loại đô thị", "Urban class"}},
        {"land_use", {"Loại đất", "Land use"}},
        {"price_vnd_m2", {"Giá đất (đồng/m²)", "Price (VND/m²)"}},
        {"decision_ref", {"Quyết định", "Decision"}},
        {"admin_code", {"Mã đơn vị hành chính", "Administrative code"}},
        {"valid_from", {"Hiệu lực từ", "Valid from"}},
        {"valid_to", {"Hiệu lực đến", "Valid to"}},
        {"heading", {"Tiêu đề mục", "Heading"}},
        {"deadline_text", {"Thời hạn (như văn bản)", "Deadline as written"}},
        {"document_title", {"Văn bản kế hoạch", "Plan document"}},
        {"title", {"Trích yếu", "Title"}},
        {"issued_on", {"Ngày ban hành", "Issued on"}},
        {"issuer", {"Cơ quan ban hành", "Issued by"}},
        {"number", {"Số hiệu", "Number"}},
        {"role", {"Vai trò", "Role"}},
        {"agency_id", {"Cơ quan", "Agency"}},
        {"abbreviation", {"Viết tắt", "Abbreviation"}},
        {"collective", {"Giao chung nhiều cơ quan", "Shared by several agencies"}},
        {"ordinal", {"Thứ tự trong văn bản", "Order in the document"}},
        {"part", {"Phần văn bản", "Part of the document"}},
        {"rule", {"Quy tắc đọc", "Reading rule"}},
    };
    return words;
}

using Coded = std::vector<std::pair<std::pair<std::string_view, std::string_view>, Words>>;

// The coded values of the workspace's columns (status, outline quality, centre tier), in order.
const Coded& codedWords()
{
    static const Coded coded = {
        {{"status", "existing"}, {"hiện có", "existing"}},
        {{"status", "under_construction"}, {"đang xây dựng", "under construction"}},
        {{"status", "planned"}, {"quy hoạch", "planned"}},
        {{"status", "proposed"}, {"đề xuất", "proposed"}},
        {{"geometry_quality", "surveyed"}, {"đo đạc", "surveyed"}},
        {{"geometry_quality", "digitized"}, {"số hóa từ bản đồ", "digitised"}},
        {{"geometry_quality", "indicative"}, {"vị trí chỉ dẫn", "indicative"}},
        {{"tier", "provincial"}, {"cấp tỉnh", "provincial"}},
        {{"tier", "subregional"}, {"cấp tiểu vùng", "subregional"}},
        {{"tier", "district"}, {"cấp huyện", "district"}},
        {{"tier", "commune_cluster"}, {"cụm xã", "commune cluster"}},
    };
    return coded;
}

const std::map<std::string_view, Words>& tableWords()
{
    static const std::map<std::string_view, Words> words = {
        {"coverage", {"Độ phủ theo đơn vị", "Coverage by unit"}},
        {"footprint", {"Dấu vết trên bản đồ", "Plan footprint"}},
        {"unlocated", {"Nhiệm vụ chưa có vị trí", "Tasks without a place"}},
        {"corridor", {"Hành lang cao tốc", "Expressway corridor"}},
        {"access", {"Khoảng cách tiếp cận", "Access"}},
        {"zonal", {"Thống kê theo vùng", "Zonal statistics"}},
        {"targets", {"Chỉ tiêu", "Targets"}},
        {"overlaps", {"Chồng lấn", "Overlaps"}},
        {"density", {"Mật độ", "Density"}},
    };
    return words;
}

const std::map<std::string_view, Words>& figureWords()
{
    static const std::map<std::string_view, Words> words = {
        {"distance_km", {"Khoảng cách (km)", "Distance (km)"}},
        {"statuses", {"Hiện trạng cao tốc", "Expressway statuses"}},
        {"expressways", {"Số cao tốc", "Expressways"}},
        {"within_by_kind", {"Số đối tượng trong phạm vi, theo loại", "Within, by kind"}},
        {"industrial_area_ha", {"Diện tích đất công nghiệp (ha)", "Industrial land (ha)"}},
        {"industrial_inside_ha",
         {"Đất công nghiệp trong phạm vi (ha)", "Industrial land within (ha)"}},
        {"industrial_inside_pct",
         {"Tỷ lệ đất công nghiệp trong phạm vi (%)", "Share of industrial land within (%)"}},
        {"layer", {"Lớp", "Layer"}},
        {"to", {"Đến", "To"}},
        {"units", {"Lớp đơn vị", "Units layer"}},
        {"kinds", {"Loại đối tượng", "Kinds"}},
        {"by", {"Theo", "By"}},
        {"due_before", {"Hạn trước ngày", "Due before"}},
        {"tasks", {"Số nhiệm vụ", "Tasks"}},
        {"unlocated", {"Nhiệm vụ chưa có vị trí", "Tasks without a place"}},
        {"unlocated_reviewed", {"Chưa có vị trí, đã xem xét", "Without a place, reviewed"}},
        {"unlocated_by_agency", {"Chưa có vị trí, theo cơ quan", "Without a place, by agency"}},
        {"unlocated_by_document", {"Chưa có vị trí, theo văn bản", "Without a place, by document"}},
        {"tasks_not_due", {"Nhiệm vụ chưa đến hạn", "Tasks not yet due"}},
        {"dangling_links", {"Liên kết tới đối tượng đã xóa", "Links to deleted features"}},
        {"pairs", {"Cặp loại", "Kind pairs"}},
        {"overlaps", {"Số chồng lấn", "Overlaps"}},
        {"below_threshold", {"Dưới ngưỡng diện tích", "Below the area threshold"}},
        {"values", {"Giá trị", "Values"}},
        {"field", {"Trường", "Field"}},
        {"province_layer", {"Lớp tỉnh", "Province layer"}},
        {"targets", {"Số chỉ tiêu", "Targets"}},
        {"measured", {"Đo được", "Measured"}},
        {"crs", {"Hệ tọa độ", "CRS"}},
        {"outside", {"Đối tượng ngoài mọi đơn vị, theo loại", "Outside every unit, by kind"}},
    };
    return words;
}

std::string pick(const std::map<std::string_view, Words>& words, std::string_view name,
                 std::string_view lang)
{
    if (const auto it = words.find(name); it != words.end())
        return std::string(lang == "en" ? it->second.second : it->second.first);
    return std::string(name);
}

} // namespace

std::string columnTitle(std::string_view column, std::string_view lang)
{
    if (columnWords().contains(column))
        return pick(columnWords(), column, lang);
    // Zonal statistics of any field: "<field>_mean", "<field>_min", "<field>_max".
    for (const auto& [suffix, vi, en] :
         {std::tuple{"_mean", "trung bình", "mean"}, std::tuple{"_min", "nhỏ nhất", "minimum"},
          std::tuple{"_max", "lớn nhất", "maximum"}})
        if (column.ends_with(suffix))
            return std::string(column.substr(0, column.size() - std::string_view(suffix).size())) +
                   " " + (lang == "en" ? en : vi);
    return std::string(column);
}

bool hasColumnTitle(std::string_view column)
{
    return columnTitle(column, "vi") != column;
}

std::string valueTitle(std::string_view column, const std::string& value, std::string_view lang)
{
    if (column == "kind" || column == "kind_a" || column == "kind_b") {
        if (const auto* kind = layers::findKind(value))
            return std::string(lang == "en" ? kind->titleEn : kind->titleVi);
        if (value == "industrial_total") // the corridor table's last row
            return lang == "en" ? "Industrial land, total" : "Tổng đất công nghiệp";
    }
    const auto& coded = codedWords();
    for (const auto& [key, words] : coded)
        if (key.first == column && key.second == value)
            return std::string(lang == "en" ? words.second : words.first);
    return value;
}

std::vector<std::string> codedValues(std::string_view column)
{
    std::vector<std::string> values;
    for (const auto& [key, words] : codedWords())
        if (key.first == column)
            values.emplace_back(key.second);
    return values;
}

std::string tableTitle(std::string_view table, std::string_view lang)
{
    return pick(tableWords(), table, lang);
}

std::string figureTitle(std::string_view figure, std::string_view lang)
{
    return pick(figureWords(), figure, lang);
}

} // namespace pa::analysis
