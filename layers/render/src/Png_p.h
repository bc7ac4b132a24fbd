#pragma once
// A PNG encoder that compresses on several threads: the rows are cut into fixed strips, each
// filtered and deflated on its own (zlib level 1, its own window), and the strips joined into one
// zlib stream (each but the last ended by a sync flush, the Adler-32 checksums combined), as
// pigz does. A print-size page is compressed in a fraction of the time libpng needs on one
// thread, a percent or two larger; the bytes depend on the strips alone, never on the threads.

#include "planatlas/layers/Progress.h"

#include <QByteArray>
#include <QImage>

namespace pa::render {

/// @p image (opaque: its alpha is dropped) as an 8-bit RGB PNG with its dots per metre, on
/// layers::workerThreads() threads. Throws std::runtime_error if zlib fails.
QByteArray encodePng(const QImage& image, const layers::Progress& progress = {});

} // namespace pa::render
