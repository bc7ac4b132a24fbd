// access: how far each park or zone is from an expressway or a town.
#include "planatlas/layers/analysis/Algorithm.h"
#include "planatlas/layers/analysis/Proximity.h"

namespace pa::analysis {

Algorithm accessAlgorithm()
{
    using T = Parameter::Type;
    return {
        "access",
        "Khoảng cách tiếp cận",
        "Access",
        "each park's or zone's distance to the nearest expressway or urban centre (of a tier)",
        {{.name = "to",
          .type = T::Choice,
          .titleVi = "Đến",
          .titleEn = "To",
          .help = "expressway, or urban_centre with an optional tier",
          .metavar = "TARGET",
          .choices = {"expressway", "urban_centre", "urban_centre:provincial",
                      "urban_centre:subregional", "urban_centre:district",
                      "urban_centre:commune_cluster"},
          .required = true,
          .choiceTitlesVi = {"Cao tốc gần nhất", "Đô thị gần nhất", "Trung tâm tỉnh",
                             "Đô thị trung tâm tiểu vùng", "Đô thị cấp huyện", "Trung tâm cụm xã"},
          .choiceTitlesEn = {"Nearest expressway", "Nearest urban centre", "Provincial centre",
                             "Subregional centre", "District town", "Commune-cluster centre"}}},
        [](layers::Workspace& ws, const ParameterValues& v, const layers::Progress& progress) {
            auto r = access(ws, v.text("to"), progress);
            Result out{
                {tables::distances(r.rows, false, "access")}, {{"to", v.text("to")}}, {}, r.notes};
            out.keep(std::move(r));
            return out;
        }};
}

} // namespace pa::analysis
