#pragma once
// Drawing the programme's shapes by hand, usually traced over a placed map sheet: a new
// feature, or a new shape for an existing one (its links to tasks kept: the feature stays the
// same row). What was drawn says where it comes from: its geometry_quality becomes
// "digitized" and its source names the sheet, its date and how well the sheet was placed;
// without a sheet the shape stays "indicative", drawn on the map by hand.

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
};

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
/// wrong family, a polygon of fewer than three corners).
std::int64_t addDrawnFeature(Workspace& ws, const std::string& layer, const gis::Geometry& shape,
                             const DrawnAttributes& attributes, const std::string& sheet);

/// Gives feature @p fid of @p layer the shape @p shape traced over @p sheet; its links, code
/// and attributes stay. Returns what it was. One transaction. Throws as addDrawnFeature.
ShapeState reshapeFeature(Workspace& ws, const std::string& layer, std::int64_t fid,
                          const gis::Geometry& shape, const std::string& sheet);

/// Puts back a shape reshapeFeature took away.
void restoreShape(Workspace& ws, const std::string& layer, std::int64_t fid,
                  const ShapeState& state);

/// Deletes feature @p fid that addDrawnFeature made, with any link to it. One transaction.
void removeDrawnFeature(Workspace& ws, const std::string& layer, std::int64_t fid);

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
