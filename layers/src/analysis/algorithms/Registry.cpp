// The registry of analyses: one line names them all, in the order they are presented.
#include "planatlas/layers/analysis/Algorithm.h"

#define PLANATLAS_ANALYSES(X)                                                                      \
    X(coverage) X(footprint) X(overlaps) X(corridor) X(access) X(zonal) X(targets) X(density)

namespace pa::analysis {

#define PLANATLAS_DECLARE(name) Algorithm name##Algorithm();
PLANATLAS_ANALYSES(PLANATLAS_DECLARE)
#undef PLANATLAS_DECLARE

const std::vector<Algorithm>& algorithms()
{
#define PLANATLAS_ENTRY(name) name##Algorithm(),
    static const std::vector<Algorithm> all{PLANATLAS_ANALYSES(PLANATLAS_ENTRY)};
#undef PLANATLAS_ENTRY
    return all;
}

const Algorithm* findAlgorithm(std::string_view name)
{
    for (const auto& a : algorithms())
        if (a.name == name)
            return &a;
    return nullptr;
}

} // namespace pa::analysis
