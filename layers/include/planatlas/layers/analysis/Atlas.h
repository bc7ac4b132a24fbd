#pragma once
// The pages of an atlas: one per feature of a layer (a district, a park…) with the plan tasks
// that concern it. A unit's page (a polygon layer that is not a programme kind: districts,
// communes, regions) lists the tasks linked to the unit itself and those linked to the
// programme features that reach into it, each with the features it acts through; any other
// feature's page lists the tasks linked to it. The renderer lays the pages out
// (render::writeAtlas); this is what they say.

#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Identify.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Notes.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pa::analysis {

struct AtlasTask
{
    layers::TaskSummary task;
    bool direct = false;          ///< linked to the page's own feature
    std::vector<std::string> via; ///< unit pages: names of the features in the unit it is linked to
};

struct AtlasPage
{
    std::string code, name; ///< name in Vietnamese (name_vi), English when asked and present
    std::int64_t fid = 0;
    gis::Envelope envelope;       ///< workspace CRS
    gis::Shapes shapes;           ///< the feature, workspace CRS, to outline it
    std::vector<AtlasTask> tasks; ///< by task id
    /// Unit pages: the programme features that reach into the unit, by kind id.
    std::map<std::string, std::int64_t> featuresByKind;
};

struct Atlas
{
    std::string layer, kind;
    bool units = false;           ///< pages of units (tasks through the features inside)
    std::vector<AtlasPage> pages; ///< by name, diacritic-insensitive, then code
    InputNotes notes;
};

/// The pages for @p layer, every feature with a shape, or only those whose code is in @p codes
/// (in the order given). @p lang "en" takes name_en where a feature has one. Throws
/// layers::ParameterError("atlas") for a layer the workspace lacks, one without features, or a
/// code it does not hold; Error(Cancelled) when @p progress is cancelled.
Atlas atlasPages(layers::Workspace& workspace, const std::string& layer,
                 const std::vector<std::string>& codes = {}, const std::string& lang = "vi",
                 const layers::Progress& progress = {});

} // namespace pa::analysis
