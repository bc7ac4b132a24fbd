#include "planatlas/layers/Limits.h"

#include "planatlas/gis/Geometry.h"

#include <cstdlib>

namespace pa::layers {

namespace {

struct LimitDef
{
    Limit limit;
    std::string_view name; ///< the variable's suffix
    std::int64_t defaultValue;
    std::string_view unit;
};

// A plan is rarely past 1 MB of text; a grid of a million cells or a 300-megapixel map is past
// what a province needs and what the machine's memory holds comfortably.
constexpr LimitDef kLimits[] = {
    {Limit::PlanTextBytes, "PLAN_TEXT_BYTES", 32LL * 1024 * 1024, "bytes of text"},
    {Limit::GridCells, "GRID_CELLS", 1'000'000, "cells"},
    {Limit::MapPixels, "MAP_PIXELS", 300'000'000, "pixels"},
    {Limit::RepairCrossings, "REPAIR_CROSSINGS",
     static_cast<std::int64_t>(gis::kDefaultMaxRepairCrossings), "crossings"},
    // Shapefiles zip 3–20 times smaller, KML 10–30; 100 leaves room for a .dbf of blank padding.
    {Limit::ArchiveExpansion, "ARCHIVE_EXPANSION", 100, "times the archive's size"},
};

const LimitDef& def(Limit limit)
{
    for (const auto& d : kLimits)
        if (d.limit == limit)
            return d;
    return kLimits[0];
}

} // namespace

std::string limitVariable(Limit limit)
{
    return "PLANATLAS_LIMIT_" + std::string(def(limit).name);
}

std::int64_t limitValue(Limit limit)
{
    if (const char* value = std::getenv(limitVariable(limit).c_str())) {
        char* end = nullptr;
        const long long n = std::strtoll(value, &end, 10);
        if (end != value && *end == '\0' && n > 0)
            return n;
    }
    return def(limit).defaultValue;
}

std::string limitExceeded(Limit limit)
{
    return "more than the limit of " + std::to_string(limitValue(limit)) + " " +
           std::string(def(limit).unit) + " (raise it with the environment variable " +
           limitVariable(limit) + ")";
}

} // namespace pa::layers
