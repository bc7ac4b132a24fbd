#pragma once
// The one reader of workspace layers for analyses and maps: geometry in the workspace CRS
// (reprojected from the layer's own, never guessed) and, for analyses, valid (repaired), with
// what was mended noted.

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Geometry.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Notes.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace pa::analysis {

/// One workspace layer as every analysis reads it — the one input reader of the analyses:
/// each geometry reprojected into the workspace CRS when the layer is stored in another, and
/// repaired when invalid (GEOS MakeValid); both noted in @p notes (when given), a repaired
/// feature once however often it is read. Spatial filters are given in the workspace CRS and
/// carried into the layer's. Throws layers::Error(Input) when the layer has geometry but no
/// CRS (never guessed).
class InputLayer
{
public:
    enum class Repair
    {
        Yes,
        No
    };
    /// @p repair No: geometry is only reprojected (a map draws an invalid polygon as it is).
    InputLayer(layers::Workspace& workspace, const std::string& layer, InputNotes* notes,
               Repair repair = Repair::Yes);
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
    bool m_repair = true;
};

} // namespace pa::analysis
