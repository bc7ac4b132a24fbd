#pragma once
// The layer painter's parts: what is drawn of a layer (items in device terms), the map view
// (world → device), the primitives that paint a feature, the classes of a choropleth and a
// legend entry. Shared by the map's composition (Map.cpp), its themes (Themes.cpp) and its
// furniture (Furniture.cpp); nothing here reads the workspace.

#include "Style_p.h"
#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Workspace.h"

#include <QColor>
#include <QFont>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class QPainter;

namespace pa::render {

inline QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

/// One feature as the map holds it: its shapes in the workspace CRS and what styles it.
struct Item
{
    gis::Shapes shapes;
    gis::Envelope envelope;
    std::string code, name, status, tier, source;
    bool indicative = false;
    bool emphasised = true;      ///< false: drawn muted (the background of a highlight)
    std::optional<double> value; ///< land price, coverage share: picks the class
    std::optional<gis::Coord> labelAt;
    double areaPx = 0; ///< on the map, for label priority
};

/// A layer as the map draws it.
struct Drawn
{
    layers::RegisteredLayer layer;
    std::string kind;
    int z = 0;
    std::vector<Item> items;
    /// Large unlabelled layers (land price, parcels, grids) are not held in memory: they are
    /// read again at their turn and drawn feature by feature through the R-tree.
    bool streamed = false;
};

/// Map view: world (workspace CRS, metres) → device.
struct View
{
    gis::Envelope world;
    QRectF frame;
    double scale = 1; ///< device units per metre
    [[nodiscard]] QPointF map(const gis::Coord& c) const
    {
        return {frame.left() + (c.x - world.minX) * scale,
                frame.bottom() - (c.y - world.minY) * scale};
    }
};

/// Ring → device polygon, dropping vertices closer than @p tolerance to the last kept one.
QPolygonF toDevice(const std::vector<gis::Coord>& ring, const View& v, double tolerance);
/// The same into @p out, whose memory is kept from one ring to the next.
void toDevice(const std::vector<gis::Coord>& ring, const View& v, double tolerance, QPolygonF& out);

/// Rings → one path (odd-even fill: holes stay open).
QPainterPath polygonPath(const std::vector<std::vector<gis::Coord>>& rings, const View& v,
                         double tolerance);

/// A point symbol at @p at.
void drawMark(QPainter& p, const Symbol& s, const QPointF& at, const Units& u);

/// An area in @p s: fill, hatch over it, outline.
void paintArea(QPainter& p, const Symbol& s, const QPainterPath& path);
/// A line in @p s: casing under it, then the line.
void paintLine(QPainter& p, const Symbol& s, const QPainterPath& path);

/// Draws one feature; returns its area on the map in square device units.
double drawItem(QPainter& p, const Symbol& s, const Item& item, const View& v, const Units& u);

/// The map's typeface at @p pixelSize.
QFont mapFont(double pixelSize, bool bold = false, bool italic = false);

/// Text wrapped into @p box's width; returns the height used.
double drawWrapped(QPainter& p, const QString& text, const QRectF& box, const QFont& font,
                   const QColor& colour, int flags = Qt::AlignLeft | Qt::AlignTop);

/// Classes of a choropleth: upper bounds and their colours.
struct Classes
{
    std::vector<double> breaks; ///< upper bounds, ascending
    std::vector<QColor> colours;
    double lowest = 0; ///< the least value classed (the first class's lower bound)
    [[nodiscard]] int of(double v) const
    {
        for (std::size_t i = 0; i < breaks.size(); ++i)
            if (v <= breaks[i])
                return static_cast<int>(i);
        return static_cast<int>(breaks.size()) - 1;
    }
};

/// The coverage choropleth's classes of share (%): none, up to 1, 5, 10, more.
const Classes& coverageClasses();
const std::vector<QString>& coverageClassNames();

/// Up to one class per colour of @p ramp, each holding about as many of @p values as the
/// others (equal count); a class per value where there are no more values than colours.
Classes quantileClasses(const std::vector<double>& values, const std::vector<QColor>& ramp);

/// The land-price classes of the values drawn (the price ramp at their quantiles).
Classes priceClasses(const std::vector<double>& prices);

/// Class @p i of land-price classes @p c as a legend reads it ("> 53.000 – 75.000 đ/m²"): the
/// map's legend and QGIS's rules.
QString priceClassLabel(const Classes& c, std::size_t i, const std::string& lang);

/// The band of a legend row a box swatch fills: the row without its top and bottom 15 %.
inline QRectF swatchBand(const QRectF& r)
{
    return r.adjusted(0, r.height() * 0.15, 0, -r.height() * 0.15);
}

/// A legend entry: its swatch (null: a heading over the entries that follow) and its words.
struct LegendEntry
{
    std::function<void(QPainter&, const QRectF&)> swatch;
    QString text;
};

/// The swatch of features of @p kind, of @p geometryType ("Multi Point", "MULTIPOLYGON"…), as
/// the map draws them.
std::function<void(QPainter&, const QRectF&)>
symbolSwatch(const std::string& kind, const std::string& geometryType, const std::string& status,
             const std::string& tier, bool indicative, const Units& u, bool muted = false);

} // namespace pa::render
