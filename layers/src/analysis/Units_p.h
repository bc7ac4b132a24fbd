#pragma once
// Shared by the analyses: the units of a polygon layer, and whether a feature reaches into one.

#include "planatlas/gis/Geometry.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Workspace.h"
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

/// One workspace layer as every analysis reads it — the one input reader of the analyses:
/// each geometry reprojected into the workspace CRS when the layer is stored in another, and
/// repaired when invalid (GEOS MakeValid); both noted in @p notes (when given), a repaired
/// feature once however often it is read. Spatial filters are given in the workspace CRS and
/// carried into the layer's. Throws layers::Error(Input) when the layer has geometry but no
/// CRS (never guessed).
class InputLayer
{
public:
    InputLayer(layers::Workspace& workspace, const std::string& layer, InputNotes* notes);
    /// Whether the workspace has the table (a registered layer whose table is gone has none).
    [[nodiscard]] bool exists() const { return m_table.has_value(); }
    [[nodiscard]] const std::string& name() const { return m_layer; }
    /// The table, for its fields (fieldIndex, setFieldsToRead) and counts; exists() first.
    [[nodiscard]] gis::Layer& table() { return *m_table; }
    /// Only features whose envelope meets @p rectangle (workspace CRS) from now on; nullopt
    /// reads all again.
    void setSpatialFilter(const std::optional<gis::Envelope>& rectangle);
    void resetReading() { m_table->resetReading(); }

    struct Row
    {
        gis::Feature feature;   ///< attributes (its geometry taken out)
        gis::Geometry geometry; ///< fitted; empty when the feature has none or repair left nothing
    };
    /// The next feature, or nullopt at the end.
    std::optional<Row> next();
    /// @p geometry of feature @p fid fitted as next() fits it.
    gis::Geometry fit(gis::Geometry geometry, std::int64_t fid);

private:
    std::string m_layer;
    InputNotes* m_notes;
    std::optional<gis::Layer> m_table;
    std::optional<gis::CoordinateTransform> m_toWorkspace, m_toLayer;
    std::set<std::int64_t> m_repaired;
};

/// The units of @p layer by code (features without geometry are skipped), reprojected and
/// repaired as InputLayer does. Throws layers::Error(Usage) naming the option when the
/// layer is missing or not polygons.
std::vector<Unit> readUnits(layers::Workspace& workspace, const std::string& layer,
                            InputNotes* notes = nullptr);

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
