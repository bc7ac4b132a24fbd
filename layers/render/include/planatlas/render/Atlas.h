#pragma once
// The atlas: one map page per feature of a layer — per district, per park — zoomed to it, the
// feature outlined, and beside the map the plan tasks that concern it (lead and supporting
// agencies, deadline, and for a unit the features inside it the task acts through). Tasks that do
// not fit continue on the next page. Written as one PDF, pages numbered.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Map.h"

#include <QRectF>
#include <cstdint>
#include <string>
#include <vector>

class QPainter;

namespace pa::render {

struct AtlasOptions
{
    /// The pages' maps: theme, layers or stack, sheets, page size, dpi, language. Its extent,
    /// title and subtitle are each page's own; a pixel size is refused (an atlas is pages).
    MapOptions map;
    std::string layer;              ///< one page per feature of this layer
    std::vector<std::string> codes; ///< only these features, in this order; empty: all
};

struct AtlasReport
{
    std::string layer;
    bool units = false;                ///< unit pages (tasks through the features inside)
    std::vector<std::string> features; ///< codes, in page order
    std::int64_t pages = 0;            ///< sheets printed, continuations included
    std::int64_t tasksListed = 0;      ///< task entries over all pages
    std::int64_t featuresWithoutTasks = 0;
    analysis::InputNotes inputNotes;
};

/// Writes the atlas to @p path (.pdf), complete or not at all. Throws layers::Error(Usage) for
/// another extension, an unknown layer or code, or a pixel size.
AtlasReport writeAtlas(layers::Workspace& workspace, const AtlasOptions& options,
                       const std::string& path, const layers::Progress& progress = {});

/// Draws the first sheet of the atlas onto @p painter inside @p page (device units): what the
/// export dialog previews. Same errors as writeAtlas.
AtlasReport drawAtlasPreview(layers::Workspace& workspace, const AtlasOptions& options,
                             QPainter& painter, const QRectF& page,
                             const layers::Progress& progress = {});

} // namespace pa::render
