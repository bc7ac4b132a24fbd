#include "planatlas/layers/Parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace pa::layers {

int workerThreads()
{
    if (const char* value = std::getenv("PLANATLAS_THREADS")) {
        char* end = nullptr;
        const long n = std::strtol(value, &end, 10);
        if (end != value && *end == '\0' && n > 0)
            return static_cast<int>(std::min(n, 64L));
    }
    return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1U, 16U));
}

void forEachChunk(std::size_t chunks, int threads, const Progress& progress, std::string_view stage,
                  const std::function<ChunkWorker()>& makeWorker)
{
    if (chunks == 0)
        return;
    const auto n = std::min(static_cast<std::size_t>(std::max(threads, 1)), chunks);
    if (n == 1) {
        const auto work = makeWorker();
        for (std::size_t c = 0; c < chunks; ++c) {
            progress.update(static_cast<double>(c) / static_cast<double>(chunks), stage);
            work(c);
        }
        return;
    }
    // Each thread starts on its own stretch of consecutive chunks and takes them in order, so
    // that neighbouring chunks — which share pages of the file (an R-tree's nodes, the table
    // rows at a run's edge) — are read by one connection, not once by each; a thread done
    // with its stretch takes the last chunk of the stretch with most left.
    struct Stretch
    {
        std::size_t front, back; ///< the chunks [front, back) not yet taken
    };
    std::vector<Stretch> stretches(n);
    for (std::size_t t = 0; t < n; ++t)
        stretches[t] = {chunks * t / n, chunks * (t + 1) / n};
    std::mutex taking;
    const auto take = [&](std::size_t t) -> std::optional<std::size_t> {
        const std::lock_guard lock(taking);
        if (stretches[t].front < stretches[t].back)
            return stretches[t].front++;
        auto most = std::max_element(
            stretches.begin(), stretches.end(),
            [](const Stretch& a, const Stretch& b) { return a.back - a.front < b.back - b.front; });
        if (most->front == most->back)
            return std::nullopt;
        return --most->back;
    };
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable changed;
    std::exception_ptr error;
    std::size_t finished = 0;
    std::vector<std::thread> pool;
    pool.reserve(n);
    for (std::size_t t = 0; t < n; ++t)
        pool.emplace_back([&, t] {
            try {
                const auto work = makeWorker();
                while (!stop && !progress.cancelled()) {
                    const auto c = take(t);
                    if (!c)
                        break;
                    work(*c);
                    ++done;
                    changed.notify_one();
                }
            } catch (...) {
                const std::lock_guard lock(mutex);
                if (!error)
                    error = std::current_exception();
                stop = true;
            }
            const std::lock_guard lock(mutex);
            ++finished;
            changed.notify_one();
        });
    const auto joinAll = [&] {
        for (auto& thread : pool)
            thread.join();
    };
    try {
        std::unique_lock lock(mutex);
        while (finished < n) {
            lock.unlock();
            progress.update(static_cast<double>(done) / static_cast<double>(chunks), stage);
            lock.lock();
            changed.wait_for(lock, std::chrono::milliseconds(100));
        }
    } catch (...) {
        stop = true;
        joinAll();
        throw;
    }
    joinAll();
    if (error)
        std::rethrow_exception(error);
    progress.checkCancelled(); // workers stopped early on cancellation: say so, never a partial
}

} // namespace pa::layers
