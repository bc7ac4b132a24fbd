// The layer painter's primitives: features to device paths, point marks, the map's type,
// choropleth classes and legend swatches.
#include "Paint_p.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace pa::render {

QPolygonF toDevice(const std::vector<gis::Coord>& ring, const View& v, double tolerance)
{
    QPolygonF out;
    toDevice(ring, v, tolerance, out);
    return out;
}

void toDevice(const std::vector<gis::Coord>& ring, const View& v, double tolerance, QPolygonF& out)
{
    out.clear();
    out.reserve(static_cast<qsizetype>(ring.size()));
    QPointF last;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const QPointF p = v.map(ring[i]);
        if (i > 0 && i + 1 < ring.size() && std::abs(p.x() - last.x()) < tolerance &&
            std::abs(p.y() - last.y()) < tolerance)
            continue;
        out << p;
        last = p;
    }
}

QPainterPath polygonPath(const std::vector<std::vector<gis::Coord>>& rings, const View& v,
                         double tolerance)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const auto& ring : rings) {
        const QPolygonF poly = toDevice(ring, v, tolerance);
        if (poly.size() >= 3)
            path.addPolygon(poly), path.closeSubpath();
    }
    return path;
}

void drawMark(QPainter& p, const Symbol& s, const QPointF& at, const Units& u)
{
    const double r = u.px(s.markMm) / 2;
    p.setPen(s.pen);
    p.setBrush(s.brush);
    switch (s.mark) {
    case Mark::Circle:
        p.drawEllipse(at, r, r);
        break;
    case Mark::Triangle: {
        QPolygonF t;
        t << QPointF(at.x(), at.y() - r) << QPointF(at.x() + r, at.y() + r * 0.8)
          << QPointF(at.x() - r, at.y() + r * 0.8);
        p.drawPolygon(t);
        break;
    }
    default:
        p.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
        break;
    }
}

void paintArea(QPainter& p, const Symbol& s, const QPainterPath& path)
{
    if (s.brush.style() != Qt::NoBrush)
        p.fillPath(path, s.brush);
    if (s.hatch.style() != Qt::NoBrush)
        p.fillPath(path, s.hatch);
    if (s.pen.style() != Qt::NoPen)
        p.strokePath(path, s.pen);
}

void paintLine(QPainter& p, const Symbol& s, const QPainterPath& path)
{
    if (s.casing.style() != Qt::NoPen)
        p.strokePath(path, s.casing);
    p.strokePath(path, s.pen);
}

double drawItem(QPainter& p, const Symbol& s, const Item& item, const View& v, const Units& u)
{
    const double tolerance = 0.4; // device units: finer detail cannot show
    double area = 0;
    for (const auto& polygon : item.shapes.polygons) {
        const QPainterPath path = polygonPath(polygon, v, tolerance);
        const QRectF box = path.boundingRect();
        if (box.width() < 0.5 && box.height() < 0.5)
            continue; // sub-pixel
        area += box.width() * box.height();
        paintArea(p, s, path);
    }
    for (const auto& line : item.shapes.lines) {
        const QPolygonF poly = toDevice(line, v, tolerance);
        if (poly.size() < 2)
            continue;
        QPainterPath path;
        path.addPolygon(poly);
        paintLine(p, s, path);
    }
    for (const auto& point : item.shapes.points)
        drawMark(p, s, v.map(point), u);
    return area;
}

QFont mapFont(double pixelSize, bool bold, bool italic)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(pixelSize))));
    f.setBold(bold);
    f.setItalic(italic);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

double drawWrapped(QPainter& p, const QString& text, const QRectF& box, const QFont& font,
                   const QColor& colour, int flags)
{
    p.setFont(font);
    p.setPen(colour);
    const QRectF needed = p.boundingRect(box, flags | Qt::TextWordWrap, text);
    p.drawText(box, flags | Qt::TextWordWrap, text);
    return needed.height();
}

const Classes& coverageClasses()
{
    static const Classes classes{{0.0, 1.0, 5.0, 10.0, 100.0},
                                 {QColor(0xf7, 0xf7, 0xf7), QColor(0xe7, 0xd4, 0xe8),
                                  QColor(0xc2, 0xa5, 0xcf), QColor(0x99, 0x70, 0xab),
                                  QColor(0x76, 0x2a, 0x83)}};
    return classes;
}

const std::vector<QString>& coverageClassNames()
{
    static const std::vector<QString> names = {
        QStringLiteral("0 %"), QStringLiteral("0 – 1 %"), QStringLiteral("1 – 5 %"),
        QStringLiteral("5 – 10 %"), QStringLiteral("> 10 %")};
    return names;
}

Classes quantileClasses(const std::vector<double>& given, const std::vector<QColor>& ramp)
{
    Classes c;
    if (given.empty() || ramp.empty())
        return c;
    // A table's values come sorted (tableNumbers): read in place, not copied and sorted again
    // (a million prices at every picture of the canvas).
    std::vector<double> sorted;
    if (!std::is_sorted(given.begin(), given.end())) {
        sorted = given;
        std::sort(sorted.begin(), sorted.end());
    }
    const std::vector<double>& values = sorted.empty() ? given : sorted;
    c.lowest = values.front();
    // The distinct values, as far as they are no more than the colours.
    std::vector<double> distinct;
    for (const double v : values)
        if (distinct.empty() || distinct.back() != v) {
            distinct.push_back(v);
            if (distinct.size() > ramp.size())
                break;
        }
    if (distinct.size() <= ramp.size()) {
        c.breaks = std::move(distinct); // a class for each value
    } else {
        // Equal count over the features, not over the distinct values: a price list is
        // skewed (most parcels rural and cheap, a few in town dear), and quantiles of the
        // distinct values put nine parcels in ten into the first class.
        const std::size_t n = ramp.size(), count = values.size();
        for (std::size_t i = 1; i <= n; ++i)
            c.breaks.push_back(values[(i * count + n - 1) / n - 1]);
        // A value shared by more than a class's share merges classes.
        c.breaks.erase(std::unique(c.breaks.begin(), c.breaks.end()), c.breaks.end());
    }
    for (std::size_t i = 0; i < c.breaks.size(); ++i)
        c.colours.push_back(
            ramp[ramp.size() == c.breaks.size()
                     ? i
                     : (i * (ramp.size() - 1)) / std::max<std::size_t>(1, c.breaks.size() - 1)]);
    return c;
}

Classes priceClasses(const std::vector<double>& prices)
{
    static const std::vector<QColor> ramp = {QColor(0xfe, 0xf0, 0xd9), QColor(0xfd, 0xcc, 0x8a),
                                             QColor(0xfc, 0x8d, 0x59), QColor(0xe3, 0x4a, 0x33),
                                             QColor(0xb3, 0x00, 0x00)};
    return quantileClasses(prices, ramp);
}

QString priceClassLabel(const Classes& c, std::size_t i, const std::string& lang)
{
    const QString lower = formatInteger(i == 0 ? c.lowest : c.breaks[i - 1], lang);
    return (i == 0 ? lower : QStringLiteral("> ") + lower) + QStringLiteral(" – ") +
           formatInteger(c.breaks[i], lang) + QStringLiteral(" đ/m²");
}

std::function<void(QPainter&, const QRectF&)>
symbolSwatch(const std::string& kind, const std::string& geometryType, const std::string& status,
             const std::string& tier, bool indicative, const Units& u, bool muted)
{
    // Drawn as the layer's features are: a mark for points, a stroke for lines, else an area.
    const QString type = QString::fromStdString(geometryType).toUpper();
    const bool points = type.contains(QStringLiteral("POINT"));
    const bool lines = !points && type.contains(QStringLiteral("LINE"));
    return [=](QPainter& pp, const QRectF& r) {
        const Symbol s = symbolFor(kind, status, tier, indicative, muted, u);
        if (points) {
            drawMark(pp, s, r.center(), u);
        } else if (lines) {
            QPainterPath path;
            path.moveTo(r.left(), r.center().y());
            path.lineTo(r.right(), r.center().y());
            paintLine(pp, s, path);
        } else {
            QPainterPath path;
            path.addRect(swatchBand(r));
            paintArea(pp, s, path);
        }
    };
}

} // namespace pa::render
