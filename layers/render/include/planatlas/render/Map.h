#pragma once
// Maps of a workspace, drawn with Qt's painter onto an image, an SVG or a PDF page: the same
// renderer serves `planatlas map`, the report and (later) the desktop application.
//
// A map shows the layers a theme selects, styled by kind (Vietnamese planning-map colours),
// with labels placed without collisions, a legend of what is drawn, a scale bar true in the
// workspace's projected CRS, a north arrow, a locator inset, the sources and their licences,
// the date, and a visible note wherever geometry is indicative or values are illustrative.

#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Notes.h"

#include <QImage>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

class QImage;
class QPainter;
class QRectF;

namespace pa::render {

enum class Theme
{
    Programme, ///< every programme layer over the administrative units
    Coverage,  ///< choropleth of units by the share of their area a kind covers
    LandPrice, ///< land-price polygons in classes of VND/m²
    Corridor,  ///< expressway buffers and the features inside them
    Agency,    ///< one agency's, task's or document's footprint over a muted background
};
/// "programme", "coverage", … → Theme; nullopt for an unknown name.
std::optional<Theme> parseTheme(const std::string& name);
/// A theme as front ends offer it: its name (`--theme`) and what it shows (one line, English).
struct ThemeInfo
{
    Theme theme = Theme::Programme;
    std::string name, help;
};
/// Every theme, in the order they are offered.
std::vector<ThemeInfo> themes();

struct MapOptions;

/// What a theme takes from the analyses - the coverage shares of the units, the corridor's
/// features and its band - computed once by prepareTheme(). The painter never runs an analysis
/// when it is given one that fits (MapOptions::prepared): a canvas redrawing at every pan and
/// zoom keeps it (MapReport::prepared hands it back).
struct ThemeData
{
    Theme theme = Theme::Programme;
    std::string requestedUnits; ///< MapOptions::unitsLayer as asked (empty: the period's)
    std::string unitsLayer;     ///< Coverage: the unit layer used
    std::string coverageKind;   ///< Coverage
    double corridorKm = 0;      ///< Corridor
    std::map<std::string, double> coverageShare; ///< Coverage: unit code → share % of the kind
    std::set<std::string> corridorCodes;         ///< Corridor: features within the distance
    std::optional<gis::Geometry> corridorArea;   ///< Corridor: the band, workspace CRS
    analysis::InputNotes notes;

    /// Whether this was prepared for what @p options ask.
    [[nodiscard]] bool fits(const MapOptions& options) const;
};

/// Rasterised overviews of the layers drawn in bulk (parcels, land-price plots), kept by a
/// canvas across its redraws. Levels of the layer's whole extent: the finest 2 048 pixels on its
/// long side, each next one half as fine, each drawn at its own scale by the first map that
/// needs it. A map whose view shows at least the finest level's ground per pixel is drawn from
/// the level at most twice as fine as the view, scaled down, instead of reading the layer's
/// table; a closer view draws the features. A level is found again while its layer's table is
/// unchanged (the GeoPackage's record of the table's last change, to the millisecond, and its
/// row count) and its colours are the same: an edit through GDAL, whichever process made it,
/// makes the next map draw a new one. The same cache keeps the values a bulk layer's classes are
/// made from. Safe to share between threads.
class OverviewCache
{
public:
    struct Entry
    {
        QImage image;               ///< a level of an overview
        gis::Envelope world;        ///< what it shows, workspace CRS
        std::vector<double> values; ///< or a field's values (the prices the classes come from)
    };
    /// The overview kept under @p key, or null.
    [[nodiscard]] std::shared_ptr<const Entry> find(const std::string& key) const;
    /// Keeps @p entry under @p key (the oldest overviews go past kKept).
    void keep(const std::string& key, std::shared_ptr<const Entry> entry);
    void clear();
    /// How many entries were made since the cache was made.
    [[nodiscard]] std::int64_t made() const;

    static constexpr std::size_t kKept = 12;

private:
    mutable std::mutex m_mutex;
    std::vector<std::pair<std::string, std::shared_ptr<const Entry>>> m_entries; ///< oldest first
    std::int64_t m_made = 0;
};

struct MapOptions
{
    Theme theme = Theme::Programme;
    std::vector<std::string>
        layers; ///< draw only these (besides units and basemap); empty: the theme's
    /// Map extent in the workspace CRS; empty: the province of the programme's period.
    std::optional<gis::Envelope> extent;
    double pageWidthMm = 297, pageHeightMm = 210; ///< A4 landscape by default
    int dpi = 150;
    /// Width × height in pixels instead of a page (then dpi only scales text and lines).
    std::optional<std::pair<int, int>> pixelSize;
    std::string title, subtitle; ///< empty: from the theme and province
    std::string lang = "vi";     ///< "vi" or "en"
    std::string highlight;       ///< Agency theme: "task:ID", "agency:NAME" or "document:ID"
    bool byDeadline = false; ///< Agency theme: colour the features by the year their tasks are due
    double corridorKm = 5;   ///< Corridor theme
    std::string unitsLayer;  ///< Coverage theme; empty: the district layer of the period
    std::string coverageKind = "industrial_park"; ///< Coverage theme
    std::string date;                             ///< shown on the map (ISO); empty: today
    /// false: a canvas (the desktop application) — the map fills the page edge to edge at
    /// exactly `extent` (only its aspect adapted), without title, panel, scale bar, north
    /// arrow or footer; labels are still placed.
    bool furniture = true;
    /// Canvas: the layers to draw, bottom first, each with an opacity 0–1. When not empty it
    /// replaces the theme's choice and the kinds' order (units and basemap included only if
    /// listed).
    std::vector<std::pair<std::string, double>> stack;
    /// The theme's analysis results, prepared before (see ThemeData); null or unfitting: the
    /// renderer prepares them.
    std::shared_ptr<const ThemeData> prepared;
    /// Map sheets placed by `planatlas georef`, each with an opacity 0–1, drawn over the
    /// province's ground and under every layer, with their source in the footer. A canvas's
    /// stack may name sheets too; they are drawn at the same place.
    std::vector<std::pair<std::string, double>> sheets;
    /// A canvas's overviews of the layers drawn in bulk (see OverviewCache); null: every
    /// feature is drawn.
    std::shared_ptr<OverviewCache> overviews;
};

/// Runs what the theme of @p options needs from the analyses (nothing for the programme,
/// land-price and agency themes). Throws layers::Error(Usage) as drawMap does for a coverage
/// theme without units or with an unknown kind.
std::shared_ptr<const ThemeData> prepareTheme(layers::Workspace& workspace,
                                              const MapOptions& options,
                                              const layers::Progress& progress = {});

struct MapReport
{
    std::vector<std::string> layersDrawn; ///< in drawing order
    std::int64_t featuresDrawn = 0;       ///< features drawn from the tables (not from overviews)
    /// Layers drawn from a canvas's overview (MapOptions::overviews), whose features are not
    /// counted in featuresDrawn.
    std::vector<std::string> overviews;
    std::int64_t labelsPlaced = 0, labelsDropped = 0; ///< dropped: would have collided
    double scaleDenominator = 0;     ///< 1 : N on the page (0 for a pixel-size image)
    double scaleBarKm = 0;           ///< length the scale bar stands for
    bool indicative = false;         ///< some drawn geometry is indicative (and the map says so)
    bool illustrative = false;       ///< some drawn values are illustrative (and the map says so)
    std::vector<std::string> legend; ///< legend entries, as printed
    int legendColumns = 1;           ///< 2 when the entries flowed into a second column
    std::int64_t legendOmitted = 0;  ///< entries that fit in neither column (said on the map)
    analysis::InputNotes inputNotes; ///< layers stored in another CRS, reprojected to be drawn
    std::shared_ptr<const ThemeData>
        prepared;                      ///< what the theme used (to pass to the next drawing)
    double metresPerPixel = 0;         ///< ground metres per device unit in the map frame
    gis::Envelope frame;               ///< the map frame, device units (y down)
    gis::Envelope extent;              ///< what the frame shows, workspace CRS
    std::vector<gis::Envelope> labels; ///< boxes of the labels placed, device units (y down)
    std::int64_t emphasised = 0;       ///< Agency and Corridor themes: features drawn in colour
    /// Features drawn whose shape was traced over a map sheet, by the sheet's title (the map
    /// says so).
    std::map<std::string, std::int64_t> digitised;
    /// What the theme says of its data, in English (on a page the map says it too), e.g. that
    /// the workspace has no feature of the kind a coverage map shows.
    std::vector<std::string> notes;
};

/// Draws the map onto @p painter inside @p page (device units). Throws layers::Error(Usage)
/// for an unknown layer, a highlight that matches nothing or an extent that misses the data.
MapReport drawMap(layers::Workspace& workspace, const MapOptions& options, QPainter& painter,
                  const QRectF& page, const layers::Progress& progress = {});

/// Renders to @p path: .png, .svg or .pdf by its extension. The file is written beside its
/// final name and moved into place at the end, so a failure leaves no partial output.
MapReport writeMap(layers::Workspace& workspace, const MapOptions& options, const std::string& path,
                   const layers::Progress& progress = {});

/// The envelope (workspace CRS) an --extent names: "province" (nullopt: the default), the code
/// of a feature (a district, a park…), or "minx,miny,maxx,maxy[:EPSG:N]" (in the workspace CRS
/// unless a CRS is given, e.g. lon/lat with ":EPSG:4326"). Throws layers::Error(Usage).
std::optional<gis::Envelope> extentFor(layers::Workspace& workspace, const std::string& spec);

/// The kind of a map sheet in a canvas's stack (StackEntry::kind); its geometryType is "raster".
inline constexpr const char* kMapSheetKind = "map_sheet";

/// A layer as a canvas stacks it.
struct StackEntry
{
    std::string layer, kind, titleVi, titleEn, geometryType;
    bool visible = true; ///< drawn by default (what the programme theme draws)
};

/// The workspace's layers with geometry in the order maps draw them (bottom first: basemap,
/// price zones, areas, units, lines, points), each visible when the programme theme would
/// draw it (the province and districts of the programme's period, programme kinds and
/// infrastructure; not price zones, grids, communes or other periods' units). The map sheets
/// come first, visible (kind kMapSheetKind).
std::vector<StackEntry> defaultStack(layers::Workspace& workspace);

/// The coverage theme's classes of share, lowest first: label ("1 – 5 %") and colour (ARGB), for
/// a legend drawn elsewhere (the desktop canvas).
std::vector<std::pair<std::string, unsigned int>> coverageLegend();

/// A legend swatch: how features of @p kind and @p geometryType ("MULTIPOLYGON", …) are
/// drawn, on a transparent @p size × @p size image.
QImage kindSwatch(const std::string& kind, const std::string& geometryType, int size);

/// Makes sure a Qt GUI application exists (offscreen when there is no display) so fonts and
/// painting work in a command-line program. Safe to call more than once.
void ensureGuiApplication();

} // namespace pa::render
