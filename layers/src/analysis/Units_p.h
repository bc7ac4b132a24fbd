#pragma once
// Shared by the analyses: the units of a polygon layer, and whether a feature reaches into one.

#include "planatlas/gis/Geometry.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Input.h"
#include "planatlas/layers/analysis/Notes.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pa::analysis::detail {

struct Unit
{
    std::string code;
    std::string name;
    gis::Geometry geometry;
};

using analysis::InputLayer; // analysis/Input.h: the one reader of analysis input

/// The units of @p layer by code (features without geometry are skipped), reprojected and
/// repaired as InputLayer does. Throws layers::Error(Usage) naming the option when the
/// layer is missing or not polygons.
std::vector<Unit> readUnits(layers::Workspace& workspace, const std::string& layer,
                            InputNotes* notes = nullptr);

/// The provinces to cover with a generated layer (parcels, a grid): each polygon of the
/// admin_province layer @p layer with its code and name, or the union of the layer when it
/// holds one feature; @p extent receives the envelope of them all. Throws layers::Error(Usage)
/// when the layer has no polygons.
std::vector<Unit> provincesToCover(layers::Workspace& workspace, const std::string& layer,
                                   gis::Envelope& extent);

/// @p requested when given (it must be an admin_province layer), else the admin_province layer
/// that is still valid (has features without valid_to). Throws layers::Error(Usage).
std::string provinceLayer(layers::Workspace& workspace, const std::string& requested);

/// The admin_province layer valid on @p isoDate; empty when none is.
std::string provinceLayerOn(layers::Workspace& workspace, const std::string& isoDate);

/// A file in the system's temporary folder, removed when this goes out of scope (on success and
/// on every error path alike): analyses that build a layer write it there and import it.
class TemporaryFile
{
public:
    explicit TemporaryFile(const std::string& prefix, const std::string& extension);
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// The union of a polygon layer's features (e.g. a province made of islands).
gis::Geometry unionOfLayer(layers::Workspace& workspace, const std::string& layer,
                           InputNotes* notes = nullptr);

/// The lead agencies (names, sorted) of every task, by the task's fid.
std::map<std::int64_t, std::set<std::string>> leadsByTaskFid(layers::Workspace& workspace);

/// Whether the intersection @p piece of a feature of @p family with a unit has positive measure
/// (area for polygons, length for lines; any point for points).
bool reaches(const gis::Geometry& piece, gis::GeometryFamily family);

} // namespace pa::analysis::detail
