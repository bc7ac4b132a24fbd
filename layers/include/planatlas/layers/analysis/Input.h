#pragma once
// The one reader of workspace layers for analyses and maps: geometry in the workspace CRS
// (reprojected from the layer's own, never guessed) and, for analyses, valid (repaired), with
// what was mended noted.

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Geometry.h"
#include "planatlas/gis/TableScan.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Notes.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace pa::analysis {

/// One workspace layer as every analysis reads it — the one input reader of the analyses:
/// each geometry reprojected into the workspace CRS when the layer is stored in another, and
/// repaired when invalid (GEOS MakeValid); both noted in @p notes (when given), a repaired
/// feature once however often it is read. Spatial filters are given in the workspace CRS and
/// carried into the layer's. Reading starts at the first feature, with no filter left by
/// another reader of the layer. Throws layers::Error(Input)
/// when the layer has geometry but no CRS (never guessed).
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
    /// @p geometry of feature @p fid fitted as next() fits it. Safe on several threads at
    /// once when the layer is not reprojected().
    gis::Geometry fit(gis::Geometry geometry, std::int64_t fid);

    /// Whether the layer is stored in another CRS than the workspace's.
    [[nodiscard]] bool reprojected() const { return m_toWorkspace.has_value(); }
    /// The layer's extent in the workspace's CRS (a layer stored in another CRS: its extent
    /// transformed, grown to hold it); nullopt for an empty layer or one without shapes.
    [[nodiscard]] std::optional<gis::Envelope> extent() const;
    /// @p rectangle (the layer's CRS) in the workspace's CRS, grown to hold the transformed
    /// one. Throws gis::GisError when PROJ cannot transform it.
    [[nodiscard]] gis::Envelope inWorkspaceCrs(const gis::Envelope& rectangle) const;
    /// The layer's table read directly (gis/TableScan.h) with the numeric fields @p numbers,
    /// for passes over millions of features on several threads: rows are then fitted with
    /// FittedRow. Throws layers::Error(Input) when the workspace cannot be read that way.
    [[nodiscard]] gis::TableSource source(const std::vector<std::string>& numbers);
    /// @p rectangle (workspace CRS) in the layer's CRS, grown to hold the transformed one, for
    /// TableScan::select; nullopt stays nullopt.
    [[nodiscard]] std::optional<gis::Envelope>
    inLayerCrs(const std::optional<gis::Envelope>& rectangle) const;
    /// The threads a pass over this layer may use: one when it is reprojected (a coordinate
    /// transformation serves one thread), else layers::workerThreads().
    [[nodiscard]] int threads() const;

private:
    std::string m_layer;
    InputNotes* m_notes;
    gis::Dataset* m_dataset;
    std::optional<gis::Layer> m_table;
    std::optional<gis::CoordinateTransform> m_toWorkspace, m_toLayer;
    std::set<std::int64_t> m_repaired;
    std::shared_ptr<std::mutex> m_notesMutex = std::make_shared<std::mutex>();
    bool m_repair = true;
};

/// One row of a TableScan of an InputLayer, as the analyses measure it: a polygon of one ring
/// that is certainly valid is measured from its WKB and built only if asked for; anything else
/// is read in full and fitted (reprojected, repaired) as InputLayer::next() fits it.
class FittedRow
{
public:
    FittedRow(InputLayer& input, const gis::ScanRow& row);
    /// No geometry, an empty one, or nothing left after repair.
    [[nodiscard]] bool empty() const { return m_empty; }
    [[nodiscard]] const gis::Envelope& envelope() const { return m_envelope; }
    [[nodiscard]] double area() const { return m_area; }
    /// Measured from its WKB: a polygon of one ring, certainly valid, in the workspace's CRS
    /// (ScanRow::polygonShapes() then reads its ring as it is).
    [[nodiscard]] bool simple() const { return m_simple; }
    /// The fitted geometry, built on first use.
    [[nodiscard]] const gis::Geometry& geometry();

private:
    const gis::ScanRow& m_row;
    std::optional<gis::Geometry> m_geometry;
    gis::Envelope m_envelope;
    double m_area = 0;
    bool m_empty = true;
    bool m_simple = false;
};

} // namespace pa::analysis
