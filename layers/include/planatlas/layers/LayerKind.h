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

/// How a line is dashed.
enum class Dash
{
    Solid,
    Dash,
    Dot,
    DashDot,
    Sleepers ///< equal dashes and gaps four line widths long (a railway's light inner line)
};

/// A marker drawn at a point.
enum class Marker
{
    Square,
    Circle,
    Triangle
};

/// How a line ends (and, with it, how it turns: round or flat ends turn round, square ends
/// bevelled).
enum class Cap
{
    Square,
    Flat,
    Round
};

/// A stroke: a line, an outline or a casing.
struct Stroke
{
    std::string_view colour; ///< "#RRGGBB"; empty: none
    double widthMm = 0;
    Dash dash = Dash::Solid;
    Cap cap = Cap::Square;
    int alpha = 255;
};

/// How a feature of planned status (planned, proposed, under construction) differs.
enum class PlannedLook
{
    Hatched,      ///< a paler fill with a diagonal hatch in the outline colour
    DashedLine,   ///< the line is dashed
    HollowDashed, ///< a white marker with a dashed outline
    Same          ///< drawn as existing ones
};

/// A marker size and label size by a class attribute (urban centres by tier).
struct SizeClass
{
    std::string_view value; ///< "provincial"
    double markerMm;
    double labelPt;
    bool labelBold;
    int labelPriority;
};

/// How names are written on maps.
struct LabelSpec
{
    double sizePt = 0; ///< 0: the kind is not labelled
    bool bold = false;
    bool italic = false;
    std::string_view colour = "#202020"; ///< names of emphasised features
    bool keepColour = false;             ///< the colour also when the feature is muted
    int priority = -1;                   ///< -1: by the feature's size on the map
    bool alongLine = false;
    double offsetMm = 0; ///< beside a point
    /// Beyond this scale (1:N) the names are left off in QGIS; 0: at every scale.
    double maxScaleDenominator = 0;
};

/// How a kind is drawn: the one description that PlanAtlas maps and the QGIS styles (QML,
/// SLD) written into the workspace are both made from.
struct Symbology
{
    std::string_view fill; ///< "#RRGGBB"; empty: not filled
    int fillAlpha = 200;
    Stroke line;   ///< the outline of polygons and markers, the line of lines
    Stroke casing; ///< drawn under a line
    PlannedLook planned = PlannedLook::Hatched;
    bool indicativeDotted = false; ///< indicative outlines drawn dotted
    Marker marker = Marker::Square;
    double markerMm = 2.4;
    std::string_view sizeBy; ///< attribute that picks a SizeClass ("tier")
    std::vector<SizeClass> sizes;
    LabelSpec label;
    /// Many small features (price zones, parcels, grid cells): maps stream them through the
    /// spatial index at their turn instead of holding them, and never label them.
    bool bulk = false;
    /// A catch-all kind: the legend names its features by each layer's own title ("Nhà máy
    /// thủy điện" for a layer of kind infrastructure), one entry per layer.
    bool titledByLayer = false;
};

/// Words by which a plan task concerns the features of a kind in general, without naming
/// one ("thu hút đầu tư vào các khu, cụm công nghiệp", "phát triển vùng chè"): the
/// vocabulary of thematic link suggestions.
struct Topic
{
    std::string_view phrase; ///< as a plan writes it: "khu, cụm công nghiệp"
    /// The phrase counts only when a value of the kind's narrowing attribute follows it
    /// ("vùng" in "vùng chè", "vùng trồng cây ăn quả").
    bool needsValue = false;
    /// The features the phrase names, where the kind holds others too: those whose name
    /// begins with one of these words ("quốc lộ": "Quốc lộ 20", "QL.28", not "Đường tỉnh
    /// 261"); empty: every feature of the kind.
    std::vector<std::string_view> namedAs = {};
    /// The phrase names the kind in general only when counted or gathered ("các tuyến quốc
    /// lộ", "hệ thống quốc lộ", "các tuyến cao tốc, quốc lộ"), not alone ("đấu nối với Quốc
    /// lộ").
    bool countedOnly = false;
    /// The namedAs words may stand anywhere in the name, where a kind gathers unlike things:
    /// "chợ đầu mối" names "Chợ đầu mối Linh Sơn" and "Trung tâm hội chợ triển lãm - chợ vùng
    /// Việt Bắc", "trung tâm logistics" names "Cảng cạn ICD Pleiku", not the markets.
    bool namedAnywhere = false;
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
    Symbology symbology;
    /// The family analyses and maps treat alike: "admin", "industrial" (parks, clusters,
    /// economic and high-tech zones), "transport", "land", "urban", "services", "reference".
    std::string_view group;
    /// Drawing order on maps, low first: context under programme, polygons under lines under
    /// points.
    int drawOrder;
    /// How tasks name the kind in general (empty: tasks never concern every feature of it).
    std::vector<Topic> topics = {};
    /// The attribute whose values narrow a topic when written after it ("product": "vùng chè"
    /// concerns the zones whose product is chè); empty: none.
    std::string_view narrowBy = {};
    /// Whether plan tasks name features of this kind by their own names (a park, a district, a
    /// road). False for what is laid over the map by the thousand or million (land-price plots
    /// and parcels, analysis grid cells) and for a reference basemap (neighbouring provinces
    /// drawn for context): the link suggester neither reads nor offers them (a
    /// person may still link one by hand), so such a layer does not slow every plan read into
    /// the workspace.
    bool namedInPlans = true;
    /// The attribute tasks may name a feature by besides its name: an expressway's route code
    /// ("cao tốc CT.06" is the feature whose route_code is CT.06); empty: none.
    std::string_view alsoNamedBy = {};

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

/// The kind a file or layer name suggests ("industrial_parks.geojson", "KCN_2024.shp",
/// "khu_cong_nghiep", "Vùng sản xuất nông nghiệp tập trung"): the kind whose id, Vietnamese or
/// English title or code prefix it contains as whole words, the longest such match winning;
/// empty when none does (the person chooses, nothing is guessed).
std::string kindFromName(std::string_view name);

/// "admin_province, admin_district, …" for messages.
std::string kindIdList();

/// Allowed values of status and geometry_quality.
std::span<const std::string_view> statusValues();
std::span<const std::string_view> geometryQualityValues();

/// Maps Vietnamese or English status words ("hiện có", "đang xây dựng", "quy hoạch",
/// "đề xuất", "existing", …) to the canonical value; empty when not recognised.
std::string_view canonicalStatus(std::string_view text);
/// Whether a canonical status is one of a feature not yet in use: planned, proposed or under
/// construction.
bool isPlannedStatus(std::string_view status);

} // namespace pa::layers
