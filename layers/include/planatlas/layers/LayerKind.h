#pragma once
// Layer kinds: one descriptor per kind, all registered in one table (LayerKind.cpp), so
// that adding a kind is one small change.

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Geometry.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pa::layers {

/// An attribute a kind's features carry in the workspace.
struct AttributeSpec
{
    std::string_view name; ///< column name, with its unit where it has one (_ha, _km)
    gis::FieldType type;
    bool required;            ///< the import refuses a source that cannot fill it
    std::string_view aliases; ///< comma-separated source column names recognised for it
};

struct Style
{
    std::string_view fill;   ///< "#RRGGBB" or empty for lines and points
    std::string_view stroke; ///< "#RRGGBB"
    double strokeWidthMm;
};

struct LayerKind
{
    std::string_view id;         ///< "industrial_park"
    std::string_view titleVi;    ///< "Khu công nghiệp"
    std::string_view titleEn;    ///< "Industrial park"
    std::string_view codePrefix; ///< prefix of generated feature codes, "KCN"
    /// Geometry families a layer of this kind may hold (None = non-spatial allowed).
    std::vector<gis::GeometryFamily> families;
    bool programme;                        ///< a programme feature (carries the common attributes)
    std::vector<AttributeSpec> attributes; ///< kind-specific, after the common ones
    Style style;
    /// The family analyses and maps treat alike: "admin", "industrial" (parks, clusters,
    /// economic and high-tech zones), "transport", "land", "urban", "services", "reference".
    std::string_view group;
    /// Drawing order on maps, low first: context under programme, polygons under lines under
    /// points.
    int drawOrder;

    [[nodiscard]] bool accepts(gis::GeometryFamily family) const;
    [[nodiscard]] std::string familiesText() const; ///< "polygon", "point or polygon"
};

/// Attributes every programme feature carries (code, name_vi, …, source).
std::span<const AttributeSpec> commonAttributes();

std::span<const LayerKind> layerKinds();
/// The kind with this id, or nullptr.
const LayerKind* findKind(std::string_view id);
/// Position of a kind in the registry (the order reports list kinds in); unknown kinds last.
std::size_t kindRank(std::string_view id);

/// Whether kind @p id belongs to @p group (see LayerKind::group); false for an unknown kind.
bool inGroup(std::string_view id, std::string_view group);
/// The drawing order of kind @p id (LayerKind::drawOrder); unknown kinds between programme
/// polygons and boundaries.
int drawOrder(std::string_view id);

/// "admin_province, admin_district, …" for messages.
std::string kindIdList();

/// Allowed values of status and geometry_quality.
std::span<const std::string_view> statusValues();
std::span<const std::string_view> geometryQualityValues();

/// Maps Vietnamese or English status words ("hiện có", "đang xây dựng", "quy hoạch",
/// "đề xuất", "existing", …) to the canonical value; empty when not recognised.
std::string_view canonicalStatus(std::string_view text);

} // namespace pa::layers
