#include "planatlas/layers/Limits.h"

#include "planatlas/gis/Geometry.h"

#include <cstdlib>
#include <vector>

namespace pa::layers {

namespace {

struct LimitDef
{
    Limit limit;
    std::string_view name; ///< the variable's suffix
    std::int64_t defaultValue;
};

// A plan is rarely past 1 MB of text; a grid of a million cells or a 300-megapixel map is past
// what a province needs and what the machine's memory holds comfortably.
constexpr LimitDef kLimits[] = {
    {Limit::PlanTextBytes, "PLAN_TEXT_BYTES", 32LL * 1024 * 1024},
    {Limit::GridCells, "GRID_CELLS", 1'000'000},
    {Limit::MapPixels, "MAP_PIXELS", 300'000'000},
    {Limit::RepairCrossings, "REPAIR_CROSSINGS",
     static_cast<std::int64_t>(gis::kDefaultMaxRepairCrossings)},
    // Shapefiles zip 3–20 times smaller, KML 10–30; 100 leaves room for a .dbf of blank padding.
    {Limit::ArchiveExpansion, "ARCHIVE_EXPANSION", 100},
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

Sentence limitExceeded(Limit limit)
{
    // A variable the person running PlanAtlas sets, not command-line syntax: said in windows too.
    std::vector<Sentence> values{Sentence::count(limitValue(limit)), limitVariable(limit)};
    switch (limit) {
    case Limit::PlanTextBytes:
        return {QT_TRANSLATE_NOOP("pa::layers", "more than the limit of %1 bytes of text (raise "
                                                "it with the environment variable %2)"),
                std::move(values)};
    case Limit::GridCells:
        return {QT_TRANSLATE_NOOP("pa::layers", "more than the limit of %1 cells (raise it with "
                                                "the environment variable %2)"),
                std::move(values)};
    case Limit::MapPixels:
        return {QT_TRANSLATE_NOOP("pa::layers", "more than the limit of %1 pixels (raise it with "
                                                "the environment variable %2)"),
                std::move(values)};
    case Limit::RepairCrossings:
        return {QT_TRANSLATE_NOOP("pa::layers", "more than the limit of %1 crossings (raise it "
                                                "with the environment variable %2)"),
                std::move(values)};
    case Limit::ArchiveExpansion:
        break;
    }
    return {QT_TRANSLATE_NOOP("pa::layers", "more than the limit of %1 times the archive's size "
                                            "(raise it with the environment variable %2)"),
            std::move(values)};
}

} // namespace pa::layers
