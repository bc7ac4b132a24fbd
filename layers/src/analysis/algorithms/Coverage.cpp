// coverage: per unit and programme kind, what the programme covers and who leads there.
#include "planatlas/layers/analysis/Coverage.h"

#include "planatlas/layers/analysis/Algorithm.h"

namespace pa::analysis {

Algorithm coverageAlgorithm()
{
    using T = Parameter::Type;
    return {"coverage",
            "Độ phủ theo đơn vị hành chính",
            "Coverage by unit",
            "per unit of a polygon layer and per programme kind: features, area (ha) and share of "
            "the unit,\n"
            "length (km), linked tasks, lead agencies, gap flag",
            {{.name = "units",
              .type = T::Layer,
              .titleVi = "Đơn vị",
              .titleEn = "Units",
              .help = "polygon layer of the units to report (districts, communes, a grid)",
              .metavar = "LAYER",
              .required = true,
              .layerKinds = {"admin_*", "analysis_grid"},
              .polygonsOnly = true},
             engineParameter()},
            [](layers::Workspace& ws, const ParameterValues& v, const layers::Progress& progress) {
                auto r = coverage(ws, v.text("units"), progress, engineFrom(v.text("engine")));
                Result out{{tables::coverage(r)},
                           {{"units", r.unitsLayer},
                            {"crs", r.crs},
                            {"kinds", r.kinds},
                            {"outside", r.outside}},
                           {},
                           r.notes};
                if (r.kinds.empty()) // an empty table is said, not left to be guessed at
                    out.messages.push_back(
                        "the workspace has no programme layer to measure (industrial parks, "
                        "expressways, agricultural zones, urban centres …): the table has no "
                        "rows");
                for (const auto& [kind, n] : r.outside)
                    out.messages.push_back(std::to_string(n) + " " + kind +
                                           " feature(s) reach into no unit of '" + r.unitsLayer +
                                           "'");
                out.sayEngine(r.engine);
                out.keep(std::move(r));
                return out;
            }};
}

} // namespace pa::analysis
