#pragma once
// Drawing the programme's shapes by hand, usually traced over a placed map sheet: a new
// feature, or a new shape for an existing one (its links to tasks kept: the feature stays the
// same row). What was drawn says where it comes from: its geometry_quality becomes
// "digitized" and its source names the sheet, its date and how well the sheet was placed;
// without a sheet the shape stays "indicative", drawn on the map by hand.
//
// Several planners may draw in one shared workspace at once. Every change locks the features
// it touches until it ends (and a new code is given under a lock on the workspace's codes), so
// two changes of one feature happen one after the other. A change made on what a planner saw,
// @p seen the number of the last edit their view was read at, is refused as a Conflict that
// writes nothing when one of its features was changed or deleted by anyone after that edit;
// the message says who did what. Without @p seen a cut or a merge compares with the edit log
// as it was when the function read the features, outside its transaction.

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Geometry.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pa::layers {

class Workspace;

/// The attributes a person gives a new feature (the kind's common ones).
struct DrawnAttributes
{
    std::string code;   ///< unique in the workspace
    std::string nameVi; ///< required
    std::string status; ///< "existing", "planned" …; empty: none
    /// The kind's other attributes as typed (field → text; see formFields): numbers the
    /// Vietnamese way ("134,9", "1.211"), empty text for none.
    std::vector<std::pair<std::string, std::string>> more = {};
};

/// The attributes of @p layer a new feature's form asks besides code, name and status: the
/// kind's attributes the layer has (name_en, planned_area_ha, period, product…), in the
/// layer's order; never its quality or source, which drawing sets.
std::vector<gis::FieldDef> formFields(Workspace& ws, const std::string& layer);

/// What a shape was before it was redrawn (to take the change back).
struct ShapeState
{
    std::string wkt; ///< in the workspace CRS
    std::string quality, source;
};

/// Adds a feature of @p shape (workspace CRS) to programme layer @p layer, traced over map
/// sheet @p sheet (empty: none). The shape is repaired when invalid and must be of the
/// layer's family (area, line or point). One transaction. Returns its fid. Throws
/// Error(Usage) naming what is wrong (no such layer, a code taken, no name, a shape of the
/// wrong family, a polygon of fewer than three corners; ParameterError naming the attribute
/// for a value that is not a number where one is asked).
std::int64_t addDrawnFeature(Workspace& ws, const std::string& layer, const gis::Geometry& shape,
                             const DrawnAttributes& attributes, const std::string& sheet);

/// Gives feature @p fid of @p layer the shape @p shape traced over @p sheet; its links, code
/// and attributes stay. Returns what it was. One transaction. Throws as addDrawnFeature.
ShapeState reshapeFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                          const gis::Geometry& shape, const std::string& sheet,
                          std::optional<std::int64_t> seen = std::nullopt);

/// Puts back a shape reshapeFeature took away.
void restoreShape(Workspace& ws, const std::string& layer, std::int64_t fid,
                  const ShapeState& state, std::optional<std::int64_t> seen = std::nullopt);

/// Deletes feature @p fid that addDrawnFeature made, with any link to it. One transaction.
void removeDrawnFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                        std::optional<std::int64_t> seen = std::nullopt);

/// Everything a deleted feature was, to put it back: its row (every field, its fid), its shape,
/// its links to tasks and the link suggestions that named it.
struct FeatureSnapshot
{
    std::string layer;
    std::int64_t fid = 0;
    std::vector<std::pair<std::string, gis::FieldValue>> values; ///< every field, by name
    std::string wkt;                                             ///< workspace CRS
    std::vector<std::int64_t> taskFids;                          ///< linked tasks
    /// Suggestions naming it: task_id, mention, confidence, status, rule, evidence.
    std::vector<std::vector<gis::FieldValue>> suggestions;
};

/// Deletes feature @p fid of programme layer @p layer with its links and the suggestions that
/// name it; returns what it was. One transaction. Throws Error(Usage) for a missing feature.
FeatureSnapshot deleteFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                              std::optional<std::int64_t> seen = std::nullopt);

/// Puts back a feature deleteFeature took away: the same fid, values, shape and links. A
/// Conflict when its code was given to another feature meanwhile.
void restoreFeature(Workspace& ws, const FeatureSnapshot& snapshot);

/// What a split did, to take it back.
struct SplitResult
{
    ShapeState before;               ///< the feature cut, as it was
    std::vector<std::int64_t> added; ///< the other pieces, new features
    std::vector<std::string> addedCodes;
};

/// Cuts feature @p fid of @p layer along line @p cutter (workspace CRS). The largest piece stays
/// the feature (its code, attributes and links); every other piece becomes a new feature with
/// the same attributes and links, its code "CODE-2", "CODE-3"… and its name "NAME (phần 2)"….
/// One transaction. Throws Error(Usage) when the line does not cut the shape in two.
SplitResult splitFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                         const gis::Geometry& cutter,
                         std::optional<std::int64_t> seen = std::nullopt);

/// Takes a split back: the pieces added are deleted and the feature gets its shape again.
void undoSplit(Workspace& ws, const std::string& layer, std::int64_t fid, const SplitResult& result,
               std::optional<std::int64_t> seen = std::nullopt);

/// What a merge did, to take it back.
struct MergeResult
{
    ShapeState before;                    ///< the feature kept, as it was
    std::vector<FeatureSnapshot> removed; ///< the features merged into it
    std::vector<std::int64_t> tasksAdded; ///< links the kept feature took over
};

/// Merges features @p others of @p layer into feature @p keep: its shape becomes the union, it
/// takes over their links, and they are deleted. Areas must touch or overlap (a merge that
/// would leave separate pieces is refused, say so). One transaction.
MergeResult mergeFeatures(Workspace& ws, const std::string& layer, std::int64_t keep,
                          const std::vector<std::int64_t>& others,
                          std::optional<std::int64_t> seen = std::nullopt);

/// Takes a merge back: the features merged come back and the kept one loses what it took.
void undoMerge(Workspace& ws, const std::string& layer, std::int64_t keep,
               const MergeResult& result, std::optional<std::int64_t> seen = std::nullopt);

/// The source recorded for a shape traced over @p sheet: "map sheet «T» (file, date),
/// N control points, RMS x m"; "drawn on the map by hand" without one.
std::string drawnSource(Workspace& ws, const std::string& sheet);

/// Where the programme's shapes come from: per map sheet, the features traced over it; and
/// the features still indicative.
struct DigitisingSummary
{
    struct Sheet
    {
        std::string name, titleVi, titleEn, sheetFile, sheetDate, method;
        int controlPoints = 0;
        std::optional<double> rmseM;
        std::int64_t features = 0; ///< programme features whose source names this sheet
    };
    std::vector<Sheet> sheets;
    std::int64_t indicative = 0; ///< programme features still indicative
    std::int64_t programme = 0;  ///< programme features in all
};
DigitisingSummary digitisingSummary(Workspace& ws);

/// The title of the map sheet a drawn shape's source names ("map sheet «T» (…)" → "T"); empty
/// for any other source.
std::string sheetTitleOfSource(const std::string& source);

/// The corner of a feature of @p layers (or of the administrative units among them) nearest
/// to @p at within @p toleranceM metres: where a click snaps to.
std::optional<gis::Coord> snapToVertex(Workspace& ws, const std::vector<std::string>& layers,
                                       gis::Coord at, double toleranceM);

} // namespace pa::layers
