// access: how far each park or zone is from an expressway or a town.
#include "planatlas/layers/analysis/Algorithm.h"
#include "planatlas/layers/analysis/Proximity.h"

namespace pa::analysis {

Algorithm accessAlgorithm()
{
    using T = Parameter::Type;
    return {"access",
            "Khoảng cách tiếp cận",
            "Access",
            "each park's or zone's distance to the nearest expressway or urban centre (of a tier)",
            {{.name = "to", .type = T::Text, .titleVi = "Đến", .titleEn = "To",
              .help = "expressway or urban_centre[:tier] (provincial, subregional, district, commune_cluster)",
              .metavar = "TARGET", .required = true}},
            [](layers::Workspace& ws, const ParameterValues& v, const layers::Progress& progress) {
                auto r = access(ws, v.text("to"), progress);
                return Result{{tables::distances(r.rows, false, "access")}, {{"to", v.text("to")}}, {}, r.notes};
            }};
}

} // namespace pa::analysis
