#pragma once
// A layer's features as a table: what the desktop application's attribute table shows, sorts,
// filters and exports (selected rows as GeoPackage, spreadsheet or CSV).

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Table.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pa::layers {

struct FeatureTable
{
    std::string layer, kind;
    std::vector<gis::FieldDef> fields; ///< the attribute columns, in the layer's order
    struct Row
    {
        std::int64_t fid = 0;
        std::vector<gis::FieldValue> values; ///< one per field
        std::optional<gis::Envelope> envelope;
    };
    std::vector<Row> rows;
    std::int64_t total = 0; ///< features in the layer; rows holds at most the limit asked
};

/// What a layer's properties show: its registration (title, kind, source, licence, quality,
/// the file, CRS and encoding it came from and how it was transformed), and its counts.
struct LayerProperties
{
    RegisteredLayer layer;
    std::int64_t features = 0, withoutGeometry = 0;
    std::int64_t links = 0, linkedFeatures = 0, linkedTasks = 0;
    std::map<std::string, std::int64_t> byQuality; ///< geometry_quality → features
    std::optional<gis::Envelope> extent;           ///< workspace CRS
};
/// Throws Error(Usage) for a layer the workspace does not have.
LayerProperties layerProperties(Workspace& workspace, const std::string& layer);

/// Gives @p layer the title @p title in @p lang ("vi" or "en"): what the layer list, legends
/// and reports call it (its name in the workspace stays). Throws Error(Usage) for an unknown
/// layer or an empty title.
void setLayerTitle(Workspace& workspace, const std::string& layer, const std::string& lang,
                   const std::string& title);

/// A layer taken out of the workspace, kept aside (its tables renamed "pa_removed_…") until
/// purgeRemovedLayers() deletes them for good: what putting it back needs.
/// What the tables of a removed layer are called until purged ("pa_removed_" + name).
inline constexpr std::string_view kRemovedLayerPrefix = "pa_removed_";

struct RemovedLayer
{
    std::string layer, linkTable;        ///< names as they were
    std::string keptAs, linkTableKeptAs; ///< the tables' names while removed
    /// Rows of other tables that named the layer, to be written back: table → (columns, rows).
    std::map<std::string, gis::SqlResult> rows;
    std::int64_t features = 0, links = 0;
};

/// Takes @p layer out of the workspace with its links to tasks, the suggestions naming its
/// features, its units' validity and the crosswalk rows naming them, as one transaction.
/// Throws Error(Usage) for a layer the workspace does not have.
RemovedLayer removeLayer(Workspace& workspace, const std::string& layer);

/// Puts back a layer removeLayer took out (before purgeRemovedLayers ran).
void restoreLayer(Workspace& workspace, const RemovedLayer& removed);

/// Deletes the tables of removed layers for good; returns how many layers went.
int purgeRemovedLayers(Workspace& workspace);

/// The features of @p layer (at most @p limit of them, in fid order). Throws Error(Usage) for a
/// layer the workspace does not have.
FeatureTable readFeatureTable(Workspace& workspace, const std::string& layer,
                              std::size_t limit = 200000);

/// The shapes of the features @p fids of @p layer (to show them selected on the map).
gis::Shapes featureShapes(Workspace& workspace, const std::string& layer,
                          const std::vector<std::int64_t>& fids);

/// The extent of @p layer in the workspace's CRS, where the map shows it (a layer stored in
/// another CRS is reprojected); nullopt for a layer that is missing, empty, without shapes, or
/// whose shapes have no CRS (no place on the map).
std::optional<gis::Envelope> layerExtent(Workspace& workspace, const std::string& layer);

/// The fids of @p layer's features whose shape meets @p box (workspace CRS; a layer stored in
/// another CRS is reprojected): what a box drawn on the map selects. In fid order.
std::vector<std::int64_t> featuresInBox(Workspace& workspace, const std::string& layer,
                                        const gis::Envelope& box);

/// The rows @p rows (indexes into @p table.rows) as an analysis table, each row placed at its
/// feature (by code, when the layer has codes): written as GeoPackage, spreadsheet or CSV by
/// the writers every analysis table uses.
analysis::Table selectionTable(const FeatureTable& table, const std::vector<std::size_t>& rows);

} // namespace pa::layers
