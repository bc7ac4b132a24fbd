#include "Cli.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/Workspace.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace pa::cli {

namespace {
const Command kInfo{"info",
                    "WS.gpkg [--format text|json]",
                    "Describe a workspace: layers, kinds, feature counts, CRS, extent, the plan "
                    "and its links.",
                    "",
                    {{"--format", "FMT", "text (default) or json"}},
                    1,
                    1};

nlohmann::ordered_json envelopeJson(const std::optional<gis::Envelope>& e)
{
    if (!e)
        return nullptr;
    return nlohmann::ordered_json::array({e->minX, e->minY, e->maxX, e->maxY});
}
} // namespace

int runInfo(const std::vector<std::string>& args)
{
    if (handleHelp(kInfo, args))
        return kOk;
    const auto parsed = parse(kInfo, args);
    const std::string format = textOrJson(parsed);
    auto workspace = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
    const auto info = workspace.info();
    const auto sheets = layers::rasterLayers(workspace);
    auto optional = [](const std::optional<double>& v) {
        return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json();
    };

    if (format == "json") {
        nlohmann::ordered_json j;
        j["path"] = info.path;
        j["province"] = info.province;
        j["schema_version"] = info.schemaVersion;
        j["crs"] = info.crs;
        j["crs_name"] = info.crsName;
        j["extent"] = envelopeJson(info.extent);
        j["layers"] = nlohmann::ordered_json::array();
        for (const auto& l : info.layers) {
            j["layers"].push_back({{"name", l.layer.name},
                                   {"kind", l.layer.kind},
                                   {"title_vi", l.layer.titleVi},
                                   {"title_en", l.layer.titleEn},
                                   {"features", l.features},
                                   {"geometry_type", l.layer.geometryType},
                                   {"geometry_quality", l.layer.geometryQuality},
                                   {"extent", envelopeJson(l.extent)},
                                   {"source", l.layer.source},
                                   {"licence", l.layer.licence},
                                   {"source_crs", l.layer.sourceCrs},
                                   {"link_table", l.layer.linkTable}});
        }
        j["map_sheets"] = nlohmann::ordered_json::array();
        for (const auto& r : sheets)
            j["map_sheets"].push_back({{"name", r.name},
                                       {"title_vi", r.titleVi},
                                       {"title_en", r.titleEn},
                                       {"sheet_file", r.sheetFile},
                                       {"sheet_page", r.sheetPage},
                                       {"sheet_date", r.sheetDate},
                                       {"method", r.method},
                                       {"control_points", r.controlPoints},
                                       {"rmse_m", optional(r.rmseM)},
                                       {"leave_one_out_rmse_m", optional(r.leaveOneOutRmseM)},
                                       {"pixel_size_m", r.pixelSizeM},
                                       {"width", r.width},
                                       {"height", r.height},
                                       {"source", r.source},
                                       {"licence", r.licence}});
        j["documents"] = info.documents;
        j["tasks"] = info.tasks;
        j["agencies"] = info.agencies;
        j["targets"] = info.targets;
        j["links"] = info.links;
        j["admin_units"] = info.adminUnits;
        j["crosswalk"] = info.crosswalkRows;
        j["relationships"] = nlohmann::ordered_json::array();
        for (const auto& r : info.relationships)
            j["relationships"].push_back({{"name", r.name},
                                          {"left_table", r.leftTable},
                                          {"right_table", r.rightTable},
                                          {"mapping_table", r.mappingTable},
                                          {"related_table_type", r.relatedTableType},
                                          {"cardinality", r.cardinality}});
        std::printf("%s\n", j.dump(2).c_str());
        return kOk;
    }

    std::printf("Workspace  %s\n", info.path.c_str());
    std::printf("Province   %s\n", info.province.c_str());
    std::printf("CRS        %s (%s), schema version %d\n", info.crs.c_str(), info.crsName.c_str(),
                info.schemaVersion);
    if (info.extent)
        std::printf("Extent     %.1f, %.1f – %.1f, %.1f (m, %s)\n", info.extent->minX,
                    info.extent->minY, info.extent->maxX, info.extent->maxY, info.crs.c_str());
    std::printf("\n%-28s %-20s %-18s %9s  %s\n", "Layer", "Kind", "Geometry", "Features",
                "Quality");
    for (const auto& l : info.layers)
        std::printf("%-28s %-20s %-18s %9lld  %s\n", l.layer.name.c_str(), l.layer.kind.c_str(),
                    l.layer.geometryType.c_str(), static_cast<long long>(l.features),
                    l.layer.geometryQuality.c_str());
    if (info.layers.empty())
        std::printf("(no layers yet: add one with 'planatlas import')\n");
    if (!sheets.empty()) {
        std::printf("\n%-28s %-8s %6s %10s %9s  %s\n", "Map sheet", "Method", "Points", "RMS (m)",
                    "Pixel (m)", "Sheet");
        for (const auto& r : sheets) {
            char rms[32] = "—";
            if (r.rmseM)
                std::snprintf(rms, sizeof rms, "%.2f", *r.rmseM);
            std::printf("%-28s %-8s %6d %10s %9.2f  %s%s\n", r.name.c_str(), r.method.c_str(),
                        r.controlPoints, rms, r.pixelSizeM, r.sheetFile.c_str(),
                        r.sheetDpi > 0 ? (", page " + std::to_string(r.sheetPage)).c_str() : "");
        }
    }
    std::printf("\nPlan       %lld document(s), %lld task(s), %lld agencies, %lld target(s)\n",
                static_cast<long long>(info.documents), static_cast<long long>(info.tasks),
                static_cast<long long>(info.agencies), static_cast<long long>(info.targets));
    std::printf("Links      %lld feature–task link(s) in %zu Related Tables relation(s)\n",
                static_cast<long long>(info.links), info.relationships.size());
    std::printf("Admin      %lld unit(s) with validity, %lld crosswalk row(s)\n",
                static_cast<long long>(info.adminUnits),
                static_cast<long long>(info.crosswalkRows));
    bool anySource = false;
    for (const auto& l : info.layers) {
        if (l.layer.source.empty() && l.layer.licence.empty())
            continue;
        if (!anySource)
            std::printf("\nSources\n");
        anySource = true;
        std::printf("  %s: %s%s%s\n", l.layer.name.c_str(), l.layer.source.c_str(),
                    l.layer.licence.empty() ? "" : ", ", l.layer.licence.c_str());
    }
    for (const auto& r : sheets) {
        if (r.source.empty() && r.licence.empty())
            continue;
        if (!anySource)
            std::printf("\nSources\n");
        anySource = true;
        std::printf("  %s: %s%s%s\n", r.name.c_str(), r.source.c_str(),
                    r.licence.empty() ? "" : ", ", r.licence.c_str());
    }
    return kOk;
}

} // namespace pa::cli
