#pragma once
// Work cut into chunks and spread over a few threads, with results that do not depend on how
// many: the chunks are fixed by the work (fid ranges, features, stretches of road), each chunk
// fills its own slot, and the caller merges the slots in chunk order — one thread or eight give
// the same sums in the same order, so the same bytes.

#include "planatlas/layers/Progress.h"

#include <cstddef>
#include <functional>
#include <string_view>

namespace pa::layers {

/// The threads an analysis uses: PLANATLAS_THREADS when set to a positive number, else the
/// machine's cores (at most 16).
[[nodiscard]] int workerThreads();

/// What one thread does with one chunk.
using ChunkWorker = std::function<void(std::size_t chunk)>;

/// Runs every chunk in [0, @p chunks) once, on up to @p threads threads (on this thread when
/// 1). Each thread takes the chunks of its own stretch of consecutive ones in order, then the
/// last chunks of the stretches with most left. Each thread first calls @p makeWorker on itself, so
/// that what the worker keeps — GEOS prepared geometries, an SQLite connection — belongs to the
/// thread that uses it. Meanwhile this thread reports @p stage's progress as chunks finish and
/// watches for cancellation; on cancellation or on the first exception of a worker the others stop
/// after their chunk, and the error is thrown here once all have stopped.
void forEachChunk(std::size_t chunks, int threads, const Progress& progress, std::string_view stage,
                  const std::function<ChunkWorker()>& makeWorker);

} // namespace pa::layers
