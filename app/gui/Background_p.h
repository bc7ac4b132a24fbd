#pragma once
// Work on the workspace that must not freeze the window: run on a worker thread with its own
// connection (GDAL datasets belong to one thread), waited for in a local event loop so that the
// window keeps painting and Cancel keeps answering.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"

#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace pa::gui {

/// Runs @p work on a worker thread with @p workspace opened in @p mode (closed, writing what is
/// pending, when it was opened for update), and returns when it is done: "" on success,
/// @p cancelledText when @p cancel was set, else the error in words. @p onProgress(percent) is
/// called in this thread every 100 ms.
QString runAndWait(const std::string& workspace, gis::OpenMode mode,
                   const std::shared_ptr<std::atomic<bool>>& cancel,
                   const std::function<void(layers::Workspace&, const layers::Progress&)>& work,
                   const std::function<void(int percent)>& onProgress,
                   const QString& cancelledText);

} // namespace pa::gui
