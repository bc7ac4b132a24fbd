#include "Labels_p.h"
#include "planatlas/layers/LayerKind.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QTransform>
#include <algorithm>
#include <cmath>

namespace pa::render {

namespace {

struct Label
{
    QString text;
    QPointF anchor;
    double priority; ///< higher first
    bool point;      ///< beside a point symbol (else centred on an area)
    double offset;   ///< from the point, device units
    QFont font;
    QColor colour;
    /// A line's label: the line in device units; the name is written along it, where it runs
    /// straight enough for the word, upright.
    std::vector<QPointF> path;
};

/// Whether two convex quadrilaterals (closed or not) overlap: no edge normal of either
/// separates their projections (the separating axis theorem).
bool overlaps(const QPolygonF& a, const QPolygonF& b)
{
    auto separated = [](const QPolygonF& edges, const QPolygonF& x, const QPolygonF& y) {
        const int n = static_cast<int>(edges.size());
        for (int i = 0; i < n; ++i) {
            const QPointF e = edges[(i + 1) % n] - edges[i];
            const QPointF axis(-e.y(), e.x());
            if (axis.isNull())
                continue;
            auto range = [&](const QPolygonF& poly) {
                double lo = 1e300, hi = -1e300;
                for (const auto& v : poly) {
                    const double d = v.x() * axis.x() + v.y() * axis.y();
                    lo = std::min(lo, d);
                    hi = std::max(hi, d);
                }
                return std::pair{lo, hi};
            };
            const auto [xl, xh] = range(x);
            const auto [yl, yh] = range(y);
            if (xh < yl || yh < xl)
                return true;
        }
        return false;
    };
    return !separated(a, a, b) && !separated(b, a, b);
}

/// The point @p s device units along @p path (clamped to its ends).
QPointF along(const std::vector<QPointF>& path, double s)
{
    for (std::size_t i = 1; i < path.size(); ++i) {
        const double step = QLineF(path[i - 1], path[i]).length();
        if (s <= step && step > 0)
            return path[i - 1] + (path[i] - path[i - 1]) * (s / step);
        s -= step;
    }
    return path.back();
}

class LabelPlacer
{
public:
    LabelPlacer(QRectF frame, const std::vector<QRectF>& blocked) : m_frame(frame)
    {
        for (const auto& b : blocked)
            m_taken.emplace_back(b);
    }

    /// Places the labels, best first, skipping those that would collide; returns (placed, dropped).
    std::pair<std::int64_t, std::int64_t> place(QPainter& p, std::vector<Label> labels,
                                                const Units& u)
    {
        std::stable_sort(labels.begin(), labels.end(),
                         [](const Label& a, const Label& b) { return a.priority > b.priority; });
        std::int64_t placed = 0, dropped = 0;
        for (const auto& l : labels) {
            const QFontMetricsF fm(l.font);
            const QRectF box = fm.boundingRect(l.text);
            const double w = box.width(), h = fm.height();
            if (!l.path.empty() && placeAlong(p, l, fm, w, h, u)) {
                ++placed;
                continue;
            }
            // A line with no free straight stretch is named level beside its middle, as areas are.
            std::vector<QRectF> candidates;
            if (l.point) {
                const double o = l.offset;
                candidates = {QRectF(l.anchor.x() + o, l.anchor.y() - h / 2, w, h),
                              QRectF(l.anchor.x() - o - w, l.anchor.y() - h / 2, w, h),
                              QRectF(l.anchor.x() - w / 2, l.anchor.y() - o - h, w, h),
                              QRectF(l.anchor.x() - w / 2, l.anchor.y() + o, w, h),
                              QRectF(l.anchor.x() + o * 0.7, l.anchor.y() - o * 0.7 - h, w, h),
                              QRectF(l.anchor.x() + o * 0.7, l.anchor.y() + o * 0.7, w, h)};
            } else {
                for (double dy : {0.0, -h, h, -2 * h, 2 * h})
                    candidates.emplace_back(l.anchor.x() - w / 2, l.anchor.y() - h / 2 + dy, w, h);
            }
            bool done = false;
            for (const auto& c : candidates) {
                const QRectF padded = c.adjusted(-u.px(0.4), -u.px(0.2), u.px(0.4), u.px(0.2));
                if (!m_frame.contains(padded))
                    continue;
                if (std::any_of(m_taken.begin(), m_taken.end(),
                                [&](const QPolygonF& t) { return overlaps(t, QPolygonF(padded)); }))
                    continue;
                draw(p, l, c, fm);
                m_taken.push_back(QPolygonF(padded));
                m_placed.push_back({c.left(), c.top(), c.right(), c.bottom()});
                done = true;
                break;
            }
            (done ? placed : dropped) += 1;
        }
        return {placed, dropped};
    }

    [[nodiscard]] const std::vector<gis::Envelope>& placed() const { return m_placed; }

private:
    /// A line's name along the line: tried at the middle of its length, then further out, where
    /// the line runs straight over the word's length (a chord at least 90 % of it), turned to
    /// the line's direction and kept upright. Collisions are tested with the turned word's
    /// bounding box.
    bool placeAlong(QPainter& p, const Label& l, const QFontMetricsF& fm, double w, double h,
                    const Units& u)
    {
        double length = 0;
        for (std::size_t i = 1; i < l.path.size(); ++i)
            length += QLineF(l.path[i - 1], l.path[i]).length();
        if (length < w * 1.1)
            return false;
        for (int k = 0; k <= 26; ++k) {
            // From the middle outwards: 0.5, 0.53, 0.47, 0.56, …
            const double f = 0.5 + (k % 2 ? 1 : -1) * 0.03 * ((k + 1) / 2);
            const double s = length * f;
            if (s - w / 2 < 0 || s + w / 2 > length)
                continue;
            const QPointF a = along(l.path, s - w / 2), b = along(l.path, s + w / 2);
            if (QLineF(a, b).length() < 0.9 * w)
                continue;                        // the line bends under the word
            double angle = QLineF(a, b).angle(); // counter-clockwise degrees, y up
            double turn = -angle;                // QPainter turns clockwise, y down
            if (turn < -90)
                turn += 180;
            if (turn > 90)
                turn -= 180;
            // On the line, else just beside it on either side (the name reads as the line's).
            const QPointF mid = along(l.path, s);
            const QLineF normal = QLineF(a, b).normalVector().unitVector();
            const QPointF side = normal.p2() - normal.p1();
            for (const double offset : {0.0, 0.9 * h, -0.9 * h}) {
                const QPointF centre = mid + side * offset;
                QTransform t;
                t.translate(centre.x(), centre.y());
                t.rotate(turn);
                const QRectF word(-w / 2, -h / 2, w, h);
                const QRectF padded =
                    t.mapRect(word.adjusted(-u.px(0.4), -u.px(0.2), u.px(0.4), u.px(0.2)));
                // The turned word itself (not its bounding box) against what is taken.
                const QPolygonF turned =
                    t.map(QPolygonF(word.adjusted(-u.px(0.4), -u.px(0.2), u.px(0.4), u.px(0.2))));
                if (!m_frame.contains(padded) ||
                    std::any_of(m_taken.begin(), m_taken.end(),
                                [&](const QPolygonF& r) { return overlaps(r, turned); }))
                    continue;
                p.save();
                p.setTransform(t, true);
                draw(p, l, word, fm);
                p.restore();
                m_taken.push_back(turned);
                const QRectF bounds = t.mapRect(word);
                m_placed.push_back({bounds.left(), bounds.top(), bounds.right(), bounds.bottom()});
                return true;
            }
        }
        return false;
    }

    static void draw(QPainter& p, const Label& l, const QRectF& box, const QFontMetricsF& fm)
    {
        QPainterPath path;
        path.addText(QPointF(box.left(), box.top() + fm.ascent()), l.font, l.text);
        // Halo: a white outline under the letters, so they read over any fill.
        p.strokePath(path,
                     QPen(QColor(255, 255, 255, 235), std::max(1.5, l.font.pixelSize() * 0.28),
                          Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setPen(l.colour);
        p.setFont(l.font);
        p.drawText(QPointF(box.left(), box.top() + fm.ascent()), l.text);
    }

    QRectF m_frame;
    std::vector<QPolygonF> m_taken; ///< placed words (turned along lines) and blocked boxes
    std::vector<gis::Envelope> m_placed;
};

std::string shortName(const std::string& name)
{
    const auto paren = name.find(" (");
    return paren == std::string::npos ? name : name.substr(0, paren);
}

} // namespace

PlacedLabels placeLabels(QPainter& p, const std::vector<Drawn>& drawn, const View& view,
                         const QRectF& frame, const std::vector<QRectF>& blocked,
                         const std::map<std::string, std::pair<int, double>>& stacked,
                         const Units& u)
{
    LabelPlacer placer(frame, blocked);
    std::vector<Label> labels;
    for (const auto& d : drawn) {
        const auto* kind = layers::findKind(d.kind);
        if (!kind || kind->symbology.label.sizePt <= 0)
            continue;
        const layers::Symbology& look = kind->symbology;
        const layers::LabelSpec& spec = look.label;
        if (const auto it = stacked.find(d.layer.name);
            it != stacked.end() && it->second.second <= 0.0)
            continue; // a layer faded out entirely keeps no labels either
        for (const auto& item : d.items) {
            if (!item.labelAt || item.name.empty())
                continue;
            const QPointF at = view.map(*item.labelAt);
            // A line leaving the frame keeps its name on the stretch inside (below).
            if (!frame.contains(at) && item.shapes.lines.empty())
                continue;
            Label l;
            l.text = q(shortName(item.name));
            l.anchor = at;
            l.point = item.shapes.polygons.empty();
            const QColor own(
                QString::fromLatin1(spec.colour.data(), static_cast<int>(spec.colour.size())));
            l.colour = item.emphasised || spec.keepColour ? own : QColor(0x90, 0x90, 0x90);
            double sizePt = spec.sizePt;
            bool bold = spec.bold;
            int priority = spec.priority;
            for (const auto& size : look.sizes)
                if (size.value == item.tier) {
                    sizePt = size.labelPt;
                    bold = size.labelBold;
                    priority = size.labelPriority;
                }
            l.font = mapFont(u.pt(sizePt), bold, spec.italic);
            l.offset = u.px(spec.offsetMm);
            if (priority >= 0) {
                l.priority = priority;
            } else {
                l.priority = 50 + std::min(30.0, std::sqrt(item.areaPx) / u.px(1)) +
                             (item.emphasised ? 20 : -40);
                if (item.areaPx > 0 && item.areaPx < u.px(6) * u.px(6)) {
                    l.point = true; // small areas: beside them, like points
                    l.offset = std::sqrt(item.areaPx) / 2 + u.px(0.8);
                }
            }
            if (spec.alongLine) {
                l.point = false;
                // Written along the longest stretch of it inside the frame.
                double best = 0;
                for (const auto& line : item.shapes.lines) {
                    std::vector<QPointF> run;
                    double length = 0;
                    auto finish = [&] {
                        if (length > best) {
                            best = length;
                            l.path = run;
                        }
                        run.clear();
                        length = 0;
                    };
                    for (const auto& c : line) {
                        const QPointF device = view.map(c);
                        if (!frame.contains(device)) {
                            finish();
                            continue;
                        }
                        if (!run.empty())
                            length += QLineF(run.back(), device).length();
                        run.push_back(device);
                    }
                    finish();
                }
            }
            labels.push_back(std::move(l));
        }
    }
    PlacedLabels out;
    std::tie(out.placed, out.dropped) = placer.place(p, labels, u);
    out.boxes = placer.placed();
    return out;
}

} // namespace pa::render
