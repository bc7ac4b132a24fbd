#include "Values_p.h"
#include "planatlas/gis/TableScan.h"
#include "planatlas/layers/Parallel.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>

namespace pa::render {

std::vector<double> tableNumbers(analysis::InputLayer& input, const std::string& field,
                                 const layers::Progress& progress)
{
    const auto table = input.source({field});
    const auto chunks = table.fidChunks();
    std::vector<std::vector<double>> parts(chunks.size());
    layers::forEachChunk(chunks.size(), table.connections(layers::workerThreads()), progress,
                         "reading " + table.layer(), [&] {
                             auto scan = std::shared_ptr<gis::TableScan>(table.open());
                             return [&, scan](std::size_t k) {
                                 scan->select(chunks[k].first, chunks[k].second);
                                 gis::ScanRow row;
                                 while (scan->next(row))
                                     if (row.numbers[0] && std::isfinite(*row.numbers[0]))
                                         parts[k].push_back(*row.numbers[0]);
                             };
                         });
    std::vector<double> values;
    for (const auto& part : parts)
        values.insert(values.end(), part.begin(), part.end());
    // Sorted in two halves at once where there are two cores (a million prices: a tenth of the
    // canvas's first picture of the parcels), then merged; the same values in the same order.
    const auto half = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    // (A thread the system refuses: one sort, as on one core.)
    std::optional<std::thread> lower;
    if (layers::workerThreads() > 1 && values.size() >= 100000)
        try {
            lower.emplace([&] { std::sort(values.begin(), half); });
        } catch (const std::system_error&) {
            lower.reset();
        }
    if (lower) {
        std::sort(half, values.end());
        lower->join();
        std::inplace_merge(values.begin(), half, values.end());
    } else {
        std::sort(values.begin(), values.end());
    }
    return values;
}

} // namespace pa::render
