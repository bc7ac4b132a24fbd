#include "planatlas/layers/analysis/Csv.h"

#include <cmath>
#include <sstream>

namespace pa::analysis::csv {

std::string field(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string number(double v, int decimals)
{
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << (std::abs(v) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : v);
    return out.str();
}

std::string join(const std::vector<std::string>& parts, const char* separator)
{
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : separator) + p;
    return out;
}

std::string coverage(const CoverageResult& result)
{
    std::ostringstream out;
    out << "unit_code,unit_name,kind,features,area_ha,share_pct,length_km,linked_tasks,lead_agencies,gap\n";
    for (const auto& r : result.rows)
        out << field(r.unitCode) << ',' << field(r.unitName) << ',' << r.kind << ',' << r.features << ','
            << number(r.areaHa, 4) << ',' << number(r.sharePct, 4) << ',' << number(r.lengthKm, 4) << ','
            << r.linkedTasks << ',' << field(join(r.leadAgencies, "; ")) << ',' << (r.gap ? 1 : 0) << '\n';
    return out.str();
}

std::string footprint(const FootprintResult& r)
{
    std::ostringstream out;
    out << "key,tasks,located,features,area_ha,length_km,units\n";
    for (const auto& row : r.rows)
        out << field(row.key) << ',' << row.tasks << ',' << row.located << ',' << row.features << ','
            << number(row.areaHa, 4) << ',' << number(row.lengthKm, 4) << ',' << field(join(row.units, "; ")) << '\n';
    return out.str();
}

std::string unlocated(const FootprintResult& r)
{
    std::ostringstream out;
    out << "task_id,doc_id,section,lead,reviewed_reason,text\n";
    for (const auto& t : r.unlocated)
        out << field(t.taskId) << ',' << field(t.docId) << ',' << field(t.section) << ',' << field(join(t.lead, "; "))
            << ',' << field(t.reason) << ',' << field(t.text) << '\n';
    return out.str();
}

std::string distances(const std::vector<DistanceRow>& rows, bool corridor)
{
    std::ostringstream out;
    out << "kind,code,name,nearest_code,nearest_name,distance_km" << (corridor ? ",within\n" : "\n");
    for (const auto& r : rows) {
        out << r.kind << ',' << field(r.code) << ',' << field(r.name) << ',' << field(r.nearestCode) << ','
            << field(r.nearestName) << ',' << number(r.distanceKm, 4);
        if (corridor)
            out << ',' << (r.within ? 1 : 0);
        out << '\n';
    }
    return out.str();
}

std::string zonal(const ZonalResult& r)
{
    std::ostringstream out;
    auto cell = [](const std::optional<double>& v) { return v ? number(*v, 2) : std::string(); };
    out << "kind,code,name," << r.field << "_mean," << r.field << "_min," << r.field << "_max,covered_ha,covered_pct,"
        << (r.raster ? "pixels,nodata_pixels\n" : "value_features\n");
    for (const auto& row : r.rows) {
        out << row.kind << ',' << field(row.code) << ',' << field(row.name) << ',' << cell(row.mean) << ','
            << cell(row.min) << ',' << cell(row.max) << ',' << number(row.coveredHa, 4) << ',' << number(row.coveredPct, 4)
            << ',' << row.valueFeatures;
        if (r.raster)
            out << ',' << row.noDataPixels;
        out << '\n';
    }
    return out.str();
}

std::string targets(const TargetsResult& r)
{
    std::ostringstream out;
    out << "target_id,doc_id,indicator,comparator,value,value_max,unit,year,metric,measured,status,province_layer,note\n";
    for (const auto& t : r.rows)
        out << field(t.targetId) << ',' << field(t.docId) << ',' << field(t.indicator) << ',' << t.comparator << ','
            << number(t.value, 4) << ',' << (t.valueMax ? number(*t.valueMax, 4) : "") << ',' << field(t.unit) << ','
            << (t.year ? std::to_string(*t.year) : "") << ',' << t.metric << ','
            << (t.measured ? number(*t.measured, 4) : "") << ',' << t.status << ',' << field(t.provinceLayer) << ','
            << field(t.note) << '\n';
    return out.str();
}

std::string overlaps(const OverlapsResult& r)
{
    std::ostringstream out;
    out << "kind_a,code_a,name_a,tasks_a,lead_a,kind_b,code_b,name_b,tasks_b,lead_b,area_ha,wkt\n";
    for (const auto& row : r.rows)
        out << row.a.kind << ',' << field(row.a.code) << ',' << field(row.a.name) << ',' << field(join(row.a.tasks, "; "))
            << ',' << field(join(row.a.leadAgencies, "; ")) << ',' << row.b.kind << ',' << field(row.b.code) << ','
            << field(row.b.name) << ',' << field(join(row.b.tasks, "; ")) << ',' << field(join(row.b.leadAgencies, "; "))
            << ',' << number(row.areaHa, 4) << ',' << field(row.geometry.wkt()) << '\n';
    return out.str();
}

} // namespace pa::analysis::csv
