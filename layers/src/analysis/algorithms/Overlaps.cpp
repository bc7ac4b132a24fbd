// overlaps: where land uses collide.
#include "planatlas/layers/analysis/Overlaps.h"

#include "planatlas/layers/analysis/Algorithm.h"

#include <cstdio>

namespace pa::analysis {

Algorithm overlapsAlgorithm()
{
    using T = Parameter::Type;
    return {"overlaps",
            "Chồng lấn sử dụng đất",
            "Land-use overlaps",
            "each overlap polygon (WKT) between features of two kinds, its area (ha), both "
            "features with\n"
            "their tasks and lead agencies; by default industrial kinds against agri_zone and "
            "forest, and\n"
            "every polygon kind against itself",
            {{.name = "pairs",
              .type = T::List,
              .titleVi = "Cặp loại",
              .titleEn = "Kind pairs",
              .help = "kind pairs to examine (industrial_park:agri_zone,forest:forest)",
              .metavar = "K:K,…"},
             {.name = "min_ha",
              .type = T::Number,
              .titleVi = "Diện tích tối thiểu",
              .titleEn = "Smallest area",
              .help = "drop slivers smaller than X hectares",
              .metavar = "X",
              .unit = "ha",
              .defaultValue = "0",
              .minimum = 0.0}},
            [](layers::Workspace& ws, const ParameterValues& v, const layers::Progress& progress) {
                const auto pairs =
                    v.has("pairs") ? parseOverlapPairs(v.text("pairs")) : defaultOverlapPairs();
                const double minHa = v.number("min_ha", 0);
                auto r = overlaps(ws, pairs, minHa, progress);
                std::vector<std::string> pairNames;
                for (const auto& [a, b] : r.pairs)
                    pairNames.push_back(a + ":" + b);
                Result out{{tables::overlaps(r)},
                           {{"pairs", pairNames}, {"below_threshold", r.belowThreshold}},
                           {},
                           r.notes};
                if (r.belowThreshold) {
                    char line[160];
                    std::snprintf(line, sizeof line, "%lld overlap(s) smaller than %g ha left out",
                                  static_cast<long long>(r.belowThreshold), minHa);
                    out.messages.emplace_back(line);
                }
                out.keep(std::move(r));
                return out;
            }};
}

} // namespace pa::analysis
