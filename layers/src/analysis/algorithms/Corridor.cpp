// corridor: what lies along the expressways.
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/analysis/Algorithm.h"
#include "planatlas/layers/analysis/Engine.h"
#include "planatlas/layers/analysis/Proximity.h"

#include <cstdio>

namespace pa::analysis {

Algorithm corridorAlgorithm()
{
    using T = Parameter::Type;
    return {
        "corridor",
        "Hành lang cao tốc",
        "Expressway corridor",
        "each programme feature's distance to the nearest expressway, whether it is within D km\n"
        "(default 5), counts by kind and the share of industrial area inside the corridor; with\n"
        "layer, how many features of that layer (parcels) lie within the distance",
        {{.name = "distance_km",
          .type = T::Number,
          .titleVi = "Khoảng cách",
          .titleEn = "Distance",
          .help = "distance from the expressways",
          .metavar = "D",
          .unit = "km",
          .defaultValue = "5",
          .minimum = 0.0,
          .minimumExclusive = true},
         {.name = "status",
          .type = T::List,
          .titleVi = "Hiện trạng cao tốc",
          .titleEn = "Expressway status",
          .help = "expressway statuses to use (existing,planned; default all)",
          .metavar = "S,…",
          .choices = {"existing", "under_construction", "planned", "proposed"},
          .choiceTitlesVi = {"Hiện có", "Đang xây dựng", "Quy hoạch", "Đề xuất"},
          .choiceTitlesEn = {"Existing", "Under construction", "Planned", "Proposed"}},
         {.name = "layer",
          .type = T::Layer,
          .titleVi = "Lớp đếm",
          .titleEn = "Layer to count",
          .help = "count this layer's features (e.g. parcels) within the distance",
          .metavar = "LAYER"},
         engineParameter()},
        [](layers::Workspace& ws, const ParameterValues& v, const layers::Progress& progress) {
            const double distance = v.number("distance_km", 5.0);
            const auto statuses = v.list("status");
            Result out;
            if (v.has("layer")) {
                auto r = corridorOfLayer(ws, v.text("layer"), distance, statuses, progress,
                                         engineFrom(v.text("engine")));
                out.tables.push_back(
                    {"corridor_layer",
                     {{"layer"},
                      {"distance_km", Column::Type::Real},
                      {"features", Column::Type::Integer},
                      {"within", Column::Type::Integer},
                      {"within_area_ha", Column::Type::Real}},
                     {{r.layer, r.distanceKm, r.features, r.within, r.withinAreaHa}},
                     {}});
                out.summary = {
                    {"layer", r.layer}, {"distance_km", r.distanceKm}, {"features_read", r.read}};
                out.sayEngine(r.engine);
                if (r.read < r.features)
                    out.messages.push_back(
                        std::to_string(r.read) + " of the " + std::to_string(r.features) +
                        " features of '" + r.layer +
                        "' read and measured: the others lie beyond reach of the corridor "
                        "(their envelopes do), and were not checked for invalid geometry");
                out.notes = r.notes;
                out.keep(std::move(r));
                return out;
            }
            // The programme's features are few: measured here. Asked for the server, say so
            // rather than measure them here in silence.
            if (engineFrom(v.text("engine")) == Engine::Database)
                refuseDatabase(ws, QT_TRANSLATE_NOOP("pa::layers",
                                                     "the server counts the features of a layer "
                                                     "chosen to count (parcels, say); the "
                                                     "corridor of the programme's features is "
                                                     "measured in PlanAtlas"));
            auto r = corridor(ws, distance, statuses, progress);
            const double pct =
                r.industrialAreaHa > 0 ? 100.0 * r.industrialInsideHa / r.industrialAreaHa : 0.0;
            out.tables.push_back(tables::corridor(r));
            out.summary = {{"distance_km", r.distanceKm},
                           {"statuses", r.statuses},
                           {"expressways", r.expressways},
                           {"within_by_kind", r.withinByKind},
                           {"industrial_area_ha", r.industrialAreaHa},
                           {"industrial_inside_ha", r.industrialInsideHa},
                           {"industrial_inside_pct", pct}};
            if (r.industrialAreaHa > 0) {
                char line[200];
                std::snprintf(line, sizeof line,
                              "%.1f of %.1f ha of industrial land (%.1f %%) lie within %g km of an "
                              "expressway",
                              r.industrialInsideHa, r.industrialAreaHa, pct, r.distanceKm);
                out.messages.emplace_back(line);
            }
            out.notes = r.notes;
            out.keep(std::move(r));
            return out;
        }};
}

} // namespace pa::analysis
