#pragma once
// The page around the map: its layout (title, map frame, panel, footer) and the furniture
// items drawn on it — scale bar, north arrow, title, locator inset, legend, notes and the
// footer with the sources. Each item is drawn into the box the layout gives it.

#include "Paint_p.h"
#include "Themes_p.h"
#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pa::render {

/// Where everything sits on the page (device units). Without furniture (a canvas) the frame is
/// the whole page and the other boxes are empty.
struct PageLayout
{
    bool landscape = true; ///< the panel beside the map (else under it)
    QRectF title, frame, panel, footer;
    QRectF scaleBar, northArrow; ///< inside the frame, kept free of labels
};

/// Lays out @p page. Throws layers::Error(Usage) when it is too small for a map with its
/// furniture.
PageLayout layoutPage(const QRectF& page, bool furniture, const Units& u);

/// Draws the scale bar in @p box for @p view; the 1:N scale under it when @p onPaper. Returns
/// the bar's length in km and (on paper) the scale denominator.
std::pair<double, double> drawScaleBar(QPainter& p, const QRectF& box, const View& view,
                                       bool onPaper, const Units& u, const std::string& lang);

/// Grid north of the projected CRS, in @p box.
void drawNorthArrow(QPainter& p, const QRectF& box, const Units& u, const std::string& lang);

/// The title and subtitle in @p box.
void drawTitle(QPainter& p, const QRectF& box, const QString& title, const QString& subtitle,
               const Units& u);

/// The title a map has when none is given: the programme of the workspace's province.
QString defaultTitle(layers::Workspace& ws, const std::string& lang);

/// The locator at the top of @p layout's panel: the country's provinces (the basemap), the
/// province of @p provinceLayer in red, @p world's box. Returns the top of what remains of the
/// panel below it (the panel's top when there is no basemap or the panel is under the map).
double drawLocator(QPainter& p, const PageLayout& layout, layers::Workspace& ws,
                   const std::string& provinceLayer, const gis::Envelope& world, const Units& u,
                   const std::string& lang);

/// What the drawn layers put in the legend: for each kind whether features are existing,
/// planned.
using KindStatuses = std::map<std::string, std::pair<bool, bool>>;

/// The legend of what is drawn: each kind (by status; catch-all kinds by layer), the classes of
/// a choropleth, then what the theme adds, the indicative outline, the theme's overlay.
std::vector<LegendEntry> legendEntries(const std::vector<Drawn>& drawn,
                                       const ThemeDescription& theme, const ThemeContext& c,
                                       const KindStatuses& statuses,
                                       const std::vector<double>& prices, const Classes& price,
                                       bool indicative);

struct LegendFit
{
    int columns = 1;
    std::int64_t omitted = 0;         ///< entries that fit in neither column (said on the map)
    std::vector<std::string> printed; ///< the entries drawn
};

/// The notes (at the foot of the panel: they show whatever the legend's length), then the
/// legend in the panel's space left below @p top, its type shrinking and flowing into a second
/// column when the entries are many; what fits nowhere is said.
LegendFit drawLegendAndNotes(QPainter& p, const PageLayout& layout, double top,
                             const std::vector<LegendEntry>& legend,
                             const std::vector<std::pair<QString, QColor>>& notes, const Units& u,
                             const std::string& lang);

/// The footer: every source with its licence, the CRS and the date (ISO; empty: today); the
/// type shrinks until the whole text fits (sources are never cut).
void drawFooter(QPainter& p, const QRectF& box,
                const std::vector<std::pair<std::string, std::string>>& sources,
                layers::Workspace& ws, const std::string& date, const Units& u,
                const std::string& lang);

} // namespace pa::render
