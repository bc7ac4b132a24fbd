// targets: are the plan's measurable targets met?
#include "planatlas/layers/analysis/Targets.h"

#include "planatlas/layers/analysis/Algorithm.h"

namespace pa::analysis {

Algorithm targetsAlgorithm()
{
    using T = Parameter::Type;
    return {
        "targets",
        "Chỉ tiêu của kế hoạch",
        "Plan targets",
        "every plan target with a map metric, measured inside the province (default: the province "
        "as\n"
        "it was when each document was issued)",
        {{.name = "province",
          .type = T::Layer,
          .titleVi = "Tỉnh",
          .titleEn = "Province",
          .help = "the admin_province layer to measure in",
          .metavar = "LAYER",
          .layerKinds = {"admin_province"},
          .polygonsOnly = true}},
        [](layers::Workspace& ws, const ParameterValues& v, const layers::Progress& progress) {
            auto r = targets(ws, v.text("province"), progress);
            Result out{{tables::targets(r)}, {{"province_layer", r.provinceLayer}}, {}, r.notes};
            out.keep(std::move(r));
            return out;
        }};
}

} // namespace pa::analysis
