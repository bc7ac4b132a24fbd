#include "Cli.h"

#include "planatlas/layers/analysis/Csv.h"

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Footprint.h"
#include "planatlas/layers/analysis/Overlaps.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/analysis/Targets.h"
#include "planatlas/layers/analysis/Zonal.h"

#include <algorithm>

#include <nlohmann/json.hpp>


#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace pa::cli {

namespace {

const Command kAnalyze{
    "analyze",
    "WS.gpkg NAME [options] [--format csv|json|gpkg] [-o FILE]",
    "Run an analysis of the programme. Areas and lengths are computed in the workspace's\n"
    "projected CRS (hectares, kilometres).",
    "analyses:\n"
    "  coverage --units LAYER   per unit of a polygon layer and per programme kind: features,\n"
    "                           area (ha) and share of the unit, length (km), linked tasks,\n"
    "                           lead agencies, gap flag\n"
    "  footprint --by task|agency|document [--units LAYER] [--unlocated] [--due-before DATE]\n"
    "                           per task, lead agency or document: tasks, located tasks, linked\n"
    "                           features, area (ha), length (km), units touched; --unlocated\n"
    "                           lists the tasks with no place on the map instead\n"
    "  overlaps [--pairs K:K,…] [--min-ha X]\n"
    "                           each overlap polygon (WKT) between features of two kinds, its\n"
    "                           area (ha), both features with their tasks and lead agencies;\n"
    "                           by default industrial kinds against agri_zone and forest, and\n"
    "                           every polygon kind against itself\n"
    "  corridor [--distance-km D] [--status existing,planned]\n"
    "                           each programme feature's distance to the nearest expressway,\n"
    "                           whether it is within D km (default 5), counts by kind and the\n"
    "                           share of industrial area inside the corridor\n"
    "  access --to expressway|urban_centre[:TIER]\n"
    "                           each park's or zone's distance to the nearest target\n"
    "  zonal --values LAYER[:FIELD]\n"
    "                           for every programme polygon, the area-weighted mean, minimum\n"
    "                           and maximum of FIELD (default price_vnd_m2) of a polygon layer\n"
    "                           such as land price, and the share it covers; with --units,\n"
    "                           the same per unit (district, grid cell) instead\n"
    "  targets [--province LAYER]\n"
    "                           every plan target with a map metric, measured inside the\n"
    "                           province (default: the admin_province layer still valid)\n\n"
    "example: planatlas analyze ws.gpkg coverage --units districts_pre2025 --format csv -o coverage.csv",
    {
        {"--units", "LAYER", "polygon layer of the units to report (coverage, footprint, zonal)"},
        {"--layer", "LAYER", "corridor: count this layer's features (e.g. parcels) within the distance"},
        {"--kinds", "K1,K2", "zonal: only features of these kinds (e.g. industrial_park)"},
        {"--by", "WHAT", "footprint: task, agency or document"},
        {"--unlocated", "", "footprint: list the tasks that have no place on the map"},
        {"--due-before", "DATE", "footprint: only tasks whose deadline ends before DATE (2026-06-30, 30/6/2026):\n"
                                 "what is overdue on that day if not done"},
        {"--pairs", "K:K,…", "overlaps: kind pairs to examine"},
        {"--min-ha", "X", "overlaps: drop slivers smaller than X hectares"},
        {"--distance-km", "D", "corridor: distance from the expressways (default 5)"},
        {"--status", "S,…", "corridor: expressway statuses to use (default all)"},
        {"--to", "TARGET", "access: expressway or urban_centre[:tier]"},
        {"--province", "LAYER", "targets: the admin_province layer to measure in"},
        {"--values", "LAYER[:FIELD]", "zonal: polygon layer and numeric field, or FILE[:BAND] of a raster"},
        {"--format", "FMT", "csv (default), json, or gpkg (a GeoPackage layer with each row's unit,\n"
                              "feature or overlap geometry; needs -o)"},
        {"-o", "FILE", "write to FILE instead of standard output"},
    },
    2,
    2};

/// "a,b" → {"a", "b"}.
std::vector<std::string> kindList(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream list(text);
    for (std::string k; std::getline(list, k, ',');)
        if (!k.empty())
            out.push_back(k);
    return out;
}

/// Writes the output to -o FILE or standard output.
int emit(const Arguments& parsed, const std::string& text, const std::string& name, std::size_t rows)
{
    if (!parsed.has("-o")) {
        std::fputs(text.c_str(), stdout);
        return kOk;
    }
    std::ofstream file(parsed.value("-o"), std::ios::binary | std::ios::trunc);
    if (!file)
        throw layers::Error(layers::ErrorKind::Input, parsed.value("-o") + ": cannot be written");
    file << text;
    std::fprintf(stderr, "%s: %zu row(s) written to %s\n", name.c_str(), rows, parsed.value("-o").c_str());
    return kOk;
}

/// Writes @p table as a GeoPackage layer to -o FILE.
int emitGeoPackage(const Arguments& parsed, layers::Workspace& ws, const analysis::Table& table)
{
    const TerminalProgress progress;
    analysis::writeGeoPackage(ws, table, parsed.value("-o"), progress.progress());
    std::fprintf(stderr, "%s: %zu row(s) written to layer '%s' of %s\n", table.name.c_str(), table.rows.size(),
                 table.name.c_str(), parsed.value("-o").c_str());
    return kOk;
}

/// Tells on standard error what the analysis mended in its input (and returns the same lines
/// for JSON output).
std::vector<std::string> sayNotes(const std::string& name, const analysis::InputNotes& notes, const layers::Workspace& ws)
{
    const auto lines = notes.messages(ws.crs().label());
    for (const auto& line : lines)
        std::fprintf(stderr, "%s: note: %s\n", name.c_str(), line.c_str());
    return lines;
}

void writeFootprint(const analysis::FootprintResult& r, const std::string& by, const std::string& format,
                    bool unlocated, const std::vector<std::string>& notes, std::ostringstream& out)
{
    if (format == "json") {
        nlohmann::ordered_json j;
        j["analysis"] = "footprint";
        j["by"] = by;
        j["units"] = r.unitsLayer.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.unitsLayer);
        j["rows"] = nlohmann::ordered_json::array();
        for (const auto& row : r.rows)
            j["rows"].push_back({{"key", row.key},
                                 {"tasks", row.tasks},
                                 {"located", row.located},
                                 {"features", row.features},
                                 {"area_ha", row.areaHa},
                                 {"length_km", row.lengthKm},
                                 {"units", row.units}});
        j["unlocated"] = nlohmann::ordered_json::array();
        for (const auto& t : r.unlocated)
            j["unlocated"].push_back({{"task", t.taskId}, {"document", t.docId}, {"section", t.section},
                                      {"lead", t.lead}, {"deadline", t.deadline.empty() ? nlohmann::ordered_json(nullptr)
                                                                                       : nlohmann::ordered_json(t.deadline)},
                                      {"text", t.text},
                                      {"reason", t.reason.empty() ? nlohmann::ordered_json(nullptr)
                                                                  : nlohmann::ordered_json(t.reason)}});
        j["unlocated_reviewed"] = r.unlocatedReviewed;
        j["unlocated_by_document"] = r.unlocatedByDocument;
        j["unlocated_by_agency"] = r.unlocatedByAgency;
        j["dangling_links"] = r.danglingLinks;
        j["due_before"] = r.dueBefore.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.dueBefore);
        j["tasks_not_due"] = r.tasksNotDue;
        j["notes"] = notes;
        out << j.dump(2) << '\n';
        return;
    }
    out << (unlocated ? analysis::csv::unlocated(r) : analysis::csv::footprint(r));
}

void writeDistances(const std::vector<analysis::DistanceRow>& rows, const analysis::CorridorResult* corridor,
                    const std::string& format, std::ostringstream& out)
{
    if (format == "json") {
        nlohmann::ordered_json j;
        j["analysis"] = corridor ? "corridor" : "access";
        if (corridor) {
            j["distance_km"] = corridor->distanceKm;
            j["statuses"] = corridor->statuses;
            j["expressways"] = corridor->expressways;
            j["within_by_kind"] = corridor->withinByKind;
            j["industrial_area_ha"] = corridor->industrialAreaHa;
            j["industrial_inside_ha"] = corridor->industrialInsideHa;
            j["industrial_inside_pct"] = corridor->industrialAreaHa > 0
                                             ? 100.0 * corridor->industrialInsideHa / corridor->industrialAreaHa
                                             : 0.0;
        }
        j["rows"] = nlohmann::ordered_json::array();
        for (const auto& r : rows) {
            nlohmann::ordered_json row = {{"layer", r.layer}, {"kind", r.kind}, {"code", r.code}, {"name", r.name},
                                          {"nearest_code", r.nearestCode}, {"nearest_name", r.nearestName},
                                          {"distance_km", r.distanceKm}};
            if (corridor)
                row["within"] = r.within;
            j["rows"].push_back(row);
        }
        out << j.dump(2) << '\n';
        return;
    }
    out << analysis::csv::distances(rows, corridor != nullptr);
    if (corridor && corridor->industrialAreaHa > 0)
        std::fprintf(stderr, "corridor: %.1f of %.1f ha of industrial land (%.1f %%) lie within %g km of an expressway\n",
                     corridor->industrialInsideHa, corridor->industrialAreaHa,
                     100.0 * corridor->industrialInsideHa / corridor->industrialAreaHa, corridor->distanceKm);
}

void writeZonal(const analysis::ZonalResult& r, const std::string& format, const std::vector<std::string>& notes,
                std::ostringstream& out)
{
    auto opt = [](const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
    if (format == "json") {
        nlohmann::ordered_json j;
        j["analysis"] = "zonal";
        j["values"] = r.valuesLayer;
        j["field"] = r.field;
        j["notes"] = notes;
        if (r.raster) {
            j["raster_crs"] = r.rasterCrs;
            j["reprojected"] = r.reprojected;
        }
        j["rows"] = nlohmann::ordered_json::array();
        for (const auto& row : r.rows) {
            nlohmann::ordered_json o{{"layer", row.layer}, {"kind", row.kind},        {"code", row.code},
                                     {"name", row.name},   {"mean", opt(row.mean)},   {"min", opt(row.min)},
                                     {"max", opt(row.max)}, {"covered_ha", row.coveredHa}, {"covered_pct", row.coveredPct}};
            if (r.raster) {
                o["pixels"] = row.valueFeatures;
                o["nodata_pixels"] = row.noDataPixels;
            } else {
                o["value_features"] = row.valueFeatures;
            }
            j["rows"].push_back(std::move(o));
        }
        out << j.dump(2) << '\n';
        return;
    }
    out << analysis::csv::zonal(r);
}

void writeTargets(const analysis::TargetsResult& r, const std::string& format, std::ostringstream& out)
{
    if (format == "json") {
        nlohmann::ordered_json j;
        j["analysis"] = "targets";
        j["province_layer"] = r.provinceLayer;
        j["rows"] = nlohmann::ordered_json::array();
        for (const auto& t : r.rows)
            j["rows"].push_back({{"target", t.targetId}, {"document", t.docId}, {"indicator", t.indicator},
                                 {"comparator", t.comparator}, {"value", t.value},
                                 {"value_max", t.valueMax ? nlohmann::ordered_json(*t.valueMax) : nullptr},
                                 {"unit", t.unit}, {"year", t.year ? nlohmann::ordered_json(*t.year) : nullptr},
                                 {"metric", t.metric},
                                 {"measured", t.measured ? nlohmann::ordered_json(*t.measured) : nullptr},
                                 {"status", t.status}, {"province_layer", t.provinceLayer}, {"note", t.note}});
        out << j.dump(2) << '\n';
        return;
    }
    out << analysis::csv::targets(r);
}

void writeOverlaps(const analysis::OverlapsResult& r, const std::string& format, const std::vector<std::string>& notes,
                   std::ostringstream& out)
{
    auto side = [](const analysis::OverlapSide& s) {
        return nlohmann::ordered_json{{"layer", s.layer}, {"kind", s.kind}, {"code", s.code}, {"name", s.name},
                                      {"tasks", s.tasks}, {"lead_agencies", s.leadAgencies}};
    };
    if (format == "json") {
        nlohmann::ordered_json j;
        j["analysis"] = "overlaps";
        j["notes"] = notes;
        j["pairs"] = nlohmann::ordered_json::array();
        for (const auto& [a, b] : r.pairs)
            j["pairs"].push_back(a + ":" + b);
        j["rows"] = nlohmann::ordered_json::array();
        for (const auto& row : r.rows)
            j["rows"].push_back({{"a", side(row.a)}, {"b", side(row.b)}, {"area_ha", row.areaHa}, {"wkt", row.geometry.wkt()}});
        j["below_threshold"] = r.belowThreshold;
        out << j.dump(2) << '\n';
        return;
    }
    out << analysis::csv::overlaps(r);
}

} // namespace

int runAnalyze(const std::vector<std::string>& args)
{
    // "-o" is a short option: accept it as written.
    std::vector<std::string> normalised;
    for (const auto& a : args)
        normalised.push_back(a);
    if (handleHelp(kAnalyze, normalised))
        return kOk;
    const auto parsed = parse(kAnalyze, normalised);
    const std::string format = parsed.value("--format", "csv");
    if (format != "csv" && format != "json" && format != "gpkg")
        throw UsageError("--format must be csv, json or gpkg");
    if (format == "gpkg" && !parsed.has("-o"))
        throw UsageError("--format gpkg writes a GeoPackage file: give it with -o FILE.gpkg");
    const std::string& name = parsed.positional[1];
    static const std::vector<std::string> names = {"coverage", "footprint", "overlaps", "corridor",
                                                   "access",   "zonal",     "targets"};
    if (std::find(names.begin(), names.end(), name) == names.end())
        throw UsageError("unknown analysis '" + name +
                         "' (available: coverage, footprint, overlaps, corridor, access, zonal, targets)");
    std::ostringstream out;
    if (name == "zonal") {
        if (!parsed.has("--values"))
            throw UsageError("analyze zonal needs --values LAYER[:FIELD]");
        auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
        const auto result = [&] {
            const TerminalProgress progress;
            return parsed.has("--units")
                       ? analysis::zonalByUnits(ws, parsed.value("--values"), parsed.value("--units"), progress.progress())
                       : analysis::zonal(ws, parsed.value("--values"), kindList(parsed.value("--kinds")),
                                         progress.progress());
        }();
        if (result.reprojected)
            std::fprintf(stderr, "zonal: features reprojected from %s into the raster's CRS %s\n",
                         ws.crs().label().c_str(), result.rasterCrs.c_str());
        const auto notes = sayNotes(name, result.notes, ws);
        if (format == "gpkg")
            return emitGeoPackage(parsed, ws, analysis::tables::zonal(result));
        writeZonal(result, format, notes, out);
        return emit(parsed, out.str(), name, result.rows.size());
    }
    if (name == "targets") {
        auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
        const auto result = [&] {
            const TerminalProgress progress;
            return analysis::targets(ws, parsed.value("--province"), progress.progress());
        }();
        sayNotes(name, result.notes, ws);
        if (format == "gpkg")
            return emitGeoPackage(parsed, ws, analysis::tables::targets(result));
        writeTargets(result, format, out);
        return emit(parsed, out.str(), name, result.rows.size());
    }
    if (name == "corridor" || name == "access") {
        auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
        const TerminalProgress progress;
        if (name == "access") {
            if (!parsed.has("--to"))
                throw UsageError("analyze access needs --to expressway|urban_centre[:tier]");
            const auto result = analysis::access(ws, parsed.value("--to"), progress.progress());
            const auto& rows = result.rows;
            sayNotes(name, result.notes, ws);
            if (format == "gpkg")
                return emitGeoPackage(parsed, ws, analysis::tables::distances(rows, false, "access"));
            writeDistances(rows, nullptr, format, out);
            return emit(parsed, out.str(), name, rows.size());
        }
        const double distance = positiveNumber(parsed, "--distance-km", 5.0, "kilometres");
        std::vector<std::string> statuses;
        std::istringstream list(parsed.value("--status"));
        for (std::string s; std::getline(list, s, ',');)
            if (!s.empty())
                statuses.push_back(s);
        if (parsed.has("--layer")) {
            // A large layer (parcels): how much of it lies along the expressways, in one row.
            const auto r = analysis::corridorOfLayer(ws, parsed.value("--layer"), distance, statuses, progress.progress());
            sayNotes(name, r.notes, ws);
            if (format == "gpkg") {
                analysis::Table t{"corridor_layer",
                                  {{"layer"}, {"distance_km", analysis::Column::Type::Real},
                                   {"features", analysis::Column::Type::Integer},
                                   {"within", analysis::Column::Type::Integer},
                                   {"within_area_ha", analysis::Column::Type::Real}},
                                  {{r.layer, r.distanceKm, r.features, r.within, r.withinAreaHa}},
                                  {}};
                return emitGeoPackage(parsed, ws, t);
            }
            if (format == "json") {
                nlohmann::ordered_json j{{"analysis", "corridor"}, {"layer", r.layer}, {"distance_km", r.distanceKm},
                                         {"features", r.features}, {"within", r.within},
                                         {"within_area_ha", r.withinAreaHa}};
                out << j.dump(2) << '\n';
            } else {
                out << "layer,distance_km,features,within,within_area_ha\n"
                    << analysis::csv::field(r.layer) << ',' << analysis::csv::number(r.distanceKm, 4) << ',' << r.features
                    << ',' << r.within << ',' << analysis::csv::number(r.withinAreaHa, 4) << '\n';
            }
            return emit(parsed, out.str(), name, 1);
        }
        const auto result = analysis::corridor(ws, distance, statuses, progress.progress());
        sayNotes(name, result.notes, ws);
        if (format == "gpkg")
            return emitGeoPackage(parsed, ws, analysis::tables::distances(result.rows, true, "corridor"));
        writeDistances(result.rows, &result, format, out);
        return emit(parsed, out.str(), name, result.rows.size());
    }
    if (name == "coverage" && !parsed.has("--units"))
        throw UsageError("analyze coverage needs --units LAYER");
    if (name == "footprint") {
        const std::string byText = parsed.value("--by", "task");
        const auto by = byText == "task"       ? analysis::FootprintBy::Task
                        : byText == "agency"   ? analysis::FootprintBy::Agency
                        : byText == "document" ? analysis::FootprintBy::Document
                                               : throw UsageError("--by must be task, agency or document");
        auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
        const auto result = [&] {
            const TerminalProgress progress;
            return analysis::footprint(ws, by, parsed.value("--units"), progress.progress(), parsed.value("--due-before"));
        }();
        if (!result.dueBefore.empty())
            std::fprintf(stderr, "footprint: tasks due before %s only; %lld task(s) left out (due later, ongoing or "
                                 "without a deadline)\n",
                         result.dueBefore.c_str(), static_cast<long long>(result.tasksNotDue));
        if (result.danglingLinks)
            std::fprintf(stderr, "footprint: %lld link(s) point to features that no longer exist; ignored "
                                 "(planatlas validate lists them)\n",
                         static_cast<long long>(result.danglingLinks));
        const auto notes = sayNotes(name, result.notes, ws);
        if (format == "gpkg")
            return emitGeoPackage(parsed, ws, parsed.has("--unlocated") ? analysis::tables::unlocated(result)
                                                                         : analysis::tables::footprint(result));
        writeFootprint(result, byText, format, parsed.has("--unlocated"), notes, out);
        return emit(parsed, out.str(), name, parsed.has("--unlocated") ? result.unlocated.size() : result.rows.size());
    }

    if (name == "overlaps") {
        const auto pairs = parsed.has("--pairs") ? analysis::parseOverlapPairs(parsed.value("--pairs"))
                                                 : analysis::defaultOverlapPairs();
        double minHa = 0;
        if (parsed.has("--min-ha")) {
            const auto v = text::parseNumber(parsed.value("--min-ha"));
            if (!v || *v < 0)
                throw UsageError("--min-ha takes a number of hectares");
            minHa = *v;
        }
        auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
        const auto result = [&] {
            const TerminalProgress progress;
            return analysis::overlaps(ws, pairs, minHa, progress.progress());
        }();
        if (result.belowThreshold)
            std::fprintf(stderr, "overlaps: %lld overlap(s) smaller than %g ha left out\n",
                         static_cast<long long>(result.belowThreshold), minHa);
        const auto notes = sayNotes(name, result.notes, ws);
        if (format == "gpkg")
            return emitGeoPackage(parsed, ws, analysis::tables::overlaps(result));
        writeOverlaps(result, format, notes, out);
        return emit(parsed, out.str(), name, result.rows.size());
    }

    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
    const auto result = [&] {
        const TerminalProgress progress;
        return analysis::coverage(ws, parsed.value("--units"), progress.progress());
    }();

    for (const auto& [kind, n] : result.outside)
        std::fprintf(stderr, "coverage: %lld %s feature(s) reach into no unit of '%s'\n", static_cast<long long>(n),
                     kind.c_str(), result.unitsLayer.c_str());
    const auto notes = sayNotes(name, result.notes, ws);
    if (format == "gpkg")
        return emitGeoPackage(parsed, ws, analysis::tables::coverage(result));
    if (format == "json") {
        nlohmann::ordered_json j;
        j["analysis"] = "coverage";
        j["units"] = result.unitsLayer;
        j["crs"] = result.crs;
        j["kinds"] = result.kinds;
        j["outside"] = result.outside;
        j["notes"] = notes;
        j["rows"] = nlohmann::ordered_json::array();
        for (const auto& r : result.rows)
            j["rows"].push_back({{"unit_code", r.unitCode},
                                 {"unit_name", r.unitName},
                                 {"kind", r.kind},
                                 {"features", r.features},
                                 {"area_ha", r.areaHa},
                                 {"share_pct", r.sharePct},
                                 {"length_km", r.lengthKm},
                                 {"linked_tasks", r.linkedTasks},
                                 {"lead_agencies", r.leadAgencies},
                                 {"gap", r.gap}});
        out << j.dump(2) << '\n';
    } else {
        out << analysis::csv::coverage(result);
    }
    return emit(parsed, out.str(), name, result.rows.size());
}

} // namespace pa::cli
