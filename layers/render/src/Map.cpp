#include "planatlas/render/Map.h"

#include "Period_p.h"
#include "Style_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Limits.h"
#include "planatlas/layers/PendingFile.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/analysis/Input.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/plan/Links.h"
#include "planatlas/layers/plan/Plan.h"
#include "planatlas/render/Report.h"

#include <QBuffer>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QLineF>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QPolygonF>
#include <QSvgGenerator>
#include <QTransform>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unistd.h>

namespace pa::render {

using gis::sqlIdentifier;
using gis::sqlLiteral;
using layers::Error;
using layers::ErrorKind;

std::optional<Theme> parseTheme(const std::string& name)
{
    static const std::map<std::string, Theme> themes = {{"programme", Theme::Programme},
                                                        {"coverage", Theme::Coverage},
                                                        {"landprice", Theme::LandPrice},
                                                        {"corridor", Theme::Corridor},
                                                        {"agency", Theme::Agency}};
    const auto it = themes.find(name);
    return it == themes.end() ? std::nullopt : std::optional<Theme>(it->second);
}

void ensureGuiApplication()
{
    if (QGuiApplication::instance())
        return;
    if (!std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") &&
        !std::getenv("WAYLAND_DISPLAY"))
        setenv("QT_QPA_PLATFORM", "offscreen", 0);
    if (!std::getenv("XDG_RUNTIME_DIR")) {
        // Qt wants a private runtime folder; without a desktop session there is none.
        const std::string dir = (std::filesystem::temp_directory_path() /
                                 ("planatlas-runtime-" + std::to_string(getuid())))
                                    .string();
        std::filesystem::create_directories(dir);
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace);
        setenv("XDG_RUNTIME_DIR", dir.c_str(), 0);
    }
    static int argc = 1;
    static char name[] = "planatlas";
    static char* argv[] = {name, nullptr};
    static auto* app = new QGuiApplication(argc, argv); // lives as long as the process
    (void)app;
}

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// ---- what is drawn ------------------------------------------------------------------------

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

bool streamedKind(const std::string& kind)
{
    return kind == "land_price" || kind == "analysis_grid";
}

bool labelledKind(const std::string& kind)
{
    const auto* k = layers::findKind(kind);
    return k && k->symbology.label.sizePt > 0;
}

bool madeUp(const std::string& source)
{
    return source == "illustrative" || source == "synthetic";
}

/// Context every map draws: the basemap, the province of the period and the district layers
/// (drawMap keeps the units valid in the period); other provinces, communes and grids never.
std::optional<bool> contextShown(const layers::RegisteredLayer& l, const std::string& provinceLayer)
{
    if (l.kind == "basemap" || l.name == provinceLayer || l.kind == "admin_district")
        return true;
    if (l.kind == "admin_province" || l.kind == "admin_commune" || l.kind == "analysis_grid")
        return false;
    return std::nullopt;
}

/// What the programme map draws of the other layers: programme kinds and infrastructure, not
/// price zones.
bool programmeShown(const layers::RegisteredLayer& l)
{
    const layers::LayerKind* k = layers::findKind(l.kind);
    return l.kind != "land_price" && k && (k->programme || l.kind == "infrastructure");
}

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
QPolygonF toDevice(const std::vector<gis::Coord>& ring, const View& v, double tolerance)
{
    QPolygonF out;
    out.reserve(static_cast<int>(ring.size()));
    QPointF last;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const QPointF p = v.map(ring[i]);
        if (i > 0 && i + 1 < ring.size() && std::abs(p.x() - last.x()) < tolerance &&
            std::abs(p.y() - last.y()) < tolerance)
            continue;
        out << p;
        last = p;
    }
    return out;
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

/// Draws one feature; returns its area on the map in square device units.
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
        if (s.brush.style() != Qt::NoBrush)
            p.fillPath(path, s.brush);
        if (s.hatch.style() != Qt::NoBrush)
            p.fillPath(path, s.hatch);
        if (s.pen.style() != Qt::NoPen)
            p.strokePath(path, s.pen);
    }
    for (const auto& line : item.shapes.lines) {
        const QPolygonF poly = toDevice(line, v, tolerance);
        if (poly.size() < 2)
            continue;
        QPainterPath path;
        path.addPolygon(poly);
        if (s.casing.style() != Qt::NoPen)
            p.strokePath(path, s.casing);
        p.strokePath(path, s.pen);
    }
    for (const auto& point : item.shapes.points)
        drawMark(p, s, v.map(point), u);
    return area;
}

// ---- labels -----------------------------------------------------------------------------

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

namespace {

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

} // namespace

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

QFont mapFont(double pixelSize, bool bold = false, bool italic = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(pixelSize))));
    f.setBold(bold);
    f.setItalic(italic);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

/// Text wrapped into @p width; returns the height used.
double drawWrapped(QPainter& p, const QString& text, const QRectF& box, const QFont& font,
                   const QColor& colour, int flags = Qt::AlignLeft | Qt::AlignTop)
{
    p.setFont(font);
    p.setPen(colour);
    const QRectF needed = p.boundingRect(box, flags | Qt::TextWordWrap, text);
    p.drawText(box, flags | Qt::TextWordWrap, text);
    return needed.height();
}

/// A "nice" scale-bar length in km, about @p targetKm.
double niceLength(double targetKm)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(targetKm)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= targetKm)
            return step * magnitude;
    return magnitude;
}

std::string shortName(const std::string& name)
{
    const auto paren = name.find(" (");
    return paren == std::string::npos ? name : name.substr(0, paren);
}

/// Codes of the features linked to the tasks a highlight names; @p what describes it.
std::set<std::string> highlightCodes(layers::Workspace& ws, const std::string& spec,
                                     std::string& what, std::int64_t& tasks,
                                     std::map<std::string, int>* dueYear = nullptr)
{
    const auto colon = spec.find(':');
    if (colon == std::string::npos)
        throw Error(ErrorKind::Usage,
                    "--highlight takes task:ID, agency:NAME or document:ID, not '" + spec + "'");
    const std::string type = spec.substr(0, colon), value = spec.substr(colon + 1);
    std::string taskFilter;
    if (type == "task") {
        taskFilter = "task_id = " + sqlLiteral(value);
        what = value;
    } else if (type == "document") {
        taskFilter = "doc_id = " + sqlLiteral(value);
        what = value;
    } else if (type == "agency") {
        // By name, abbreviation or alias, without case or diacritics; its predecessors count too.
        const std::string folded = text::foldForMatch(value);
        std::set<std::string> ids;
        for (const auto& row :
             ws.dataset()
                 .execute("SELECT agency_id, name_vi, abbreviation FROM plan_agencies")
                 .rows)
            if (text::foldForMatch(gis::toString(row[1])) == folded ||
                text::foldForMatch(gis::toString(row[2])) == folded ||
                gis::toString(row[0]) == value)
                ids.insert(gis::toString(row[0])), what = gis::toString(row[1]);
        for (const auto& row :
             ws.dataset().execute("SELECT agency_id, alias FROM plan_agency_aliases").rows)
            if (text::foldForMatch(gis::toString(row[1])) == folded)
                ids.insert(gis::toString(row[0]));
        if (ids.empty())
            throw Error(ErrorKind::Usage, "--highlight agency:" + value +
                                              ": no agency of that name in the workspace");
        if (what.empty())
            what = value;
        std::string list;
        for (const auto& id : ids)
            list += (list.empty() ? "" : ", ") + sqlLiteral(id);
        taskFilter = "task_id IN (SELECT task_id FROM plan_task_agencies WHERE role = 'lead' AND "
                     "agency_id IN (" +
                     list + "))";
    } else {
        throw Error(ErrorKind::Usage,
                    "--highlight takes task:ID, agency:NAME or document:ID, not '" + spec + "'");
    }
    std::set<std::string> codes;
    tasks = 0;
    const bool deadlines = ws.schemaVersion() >= layers::kSchemaTaskDeadlines;
    for (const auto& row :
         ws.dataset()
             .execute(std::string("SELECT task_id, ") + (deadlines ? "deadline" : "NULL") +
                      " FROM plan_tasks WHERE " + taskFilter)
             .rows) {
        ++tasks;
        // The earliest year any of its tasks is due by (ongoing and undated tasks give none).
        const auto end = plan::deadlineEnd(gis::toString(row[1]));
        for (const auto& l : plan::listLinks(ws, gis::toString(row[0]))) {
            codes.insert(l.featureCode);
            if (dueYear && end) {
                const int year = std::stoi(end->substr(0, 4));
                auto [it, added] = dueYear->emplace(l.featureCode, year);
                if (!added)
                    it->second = std::min(it->second, year);
            }
        }
    }
    if (tasks == 0)
        throw Error(ErrorKind::Usage, "--highlight " + spec + ": no task matches");
    return codes;
}

struct Classes
{
    std::vector<double> breaks; ///< upper bounds, ascending
    std::vector<QColor> colours;
    [[nodiscard]] int of(double v) const
    {
        for (std::size_t i = 0; i < breaks.size(); ++i)
            if (v <= breaks[i])
                return static_cast<int>(i);
        return static_cast<int>(breaks.size()) - 1;
    }
};

/// The coverage choropleth's classes of share (%): none, up to 1, 5, 10, more.
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

/// Up to five classes at the quantiles of the distinct values.
Classes quantileClasses(std::vector<double> values, const std::vector<QColor>& ramp)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    Classes c;
    const std::size_t n = std::min<std::size_t>(ramp.size(), values.size());
    for (std::size_t i = 1; i <= n; ++i)
        c.breaks.push_back(
            values[std::min(values.size() - 1, (i * values.size() + n - 1) / n - 1)]);
    c.breaks.erase(std::unique(c.breaks.begin(), c.breaks.end()), c.breaks.end());
    for (std::size_t i = 0; i < c.breaks.size(); ++i)
        c.colours.push_back(
            ramp[ramp.size() == c.breaks.size()
                     ? i
                     : (i * (ramp.size() - 1)) / std::max<std::size_t>(1, c.breaks.size() - 1)]);
    return c;
}

/// The colour of a deadline year among @p years: the earliest red, then orange, yellow, green
/// and blue for later ones (years past the sixth share the last colour).
QColor dueColour(const std::set<int>& years, int year)
{
    static const QColor palette[] = {QColor(0xd7, 0x30, 0x27), QColor(0xfc, 0x8d, 0x59),
                                     QColor(0xfe, 0xe0, 0x90), QColor(0x91, 0xcf, 0x60),
                                     QColor(0x1a, 0x98, 0x50), QColor(0x45, 0x75, 0xb4)};
    const auto rank = static_cast<std::size_t>(std::distance(years.begin(), years.find(year)));
    return palette[std::min<std::size_t>(rank, 5)];
}

struct LegendEntry
{
    std::function<void(QPainter&, const QRectF&)> swatch;
    QString text;
};

} // namespace

bool ThemeData::fits(const MapOptions& o) const
{
    switch (o.theme) {
    case Theme::Coverage:
        return theme == o.theme && requestedUnits == o.unitsLayer && coverageKind == o.coverageKind;
    case Theme::Corridor:
        return theme == o.theme && corridorKm == o.corridorKm;
    default:
        return theme == o.theme;
    }
}

std::shared_ptr<const ThemeData> prepareTheme(layers::Workspace& ws, const MapOptions& o,
                                              const layers::Progress& progress)
{
    auto data = std::make_shared<ThemeData>();
    data->theme = o.theme;
    data->requestedUnits = o.unitsLayer;
    data->coverageKind = o.coverageKind;
    data->corridorKm = o.corridorKm;
    if (o.theme == Theme::Corridor) {
        const auto c = analysis::corridor(ws, o.corridorKm, {}, progress);
        for (const auto& r : c.rows)
            if (r.within)
                data->corridorCodes.insert(r.code);
        data->notes = c.notes;
        std::vector<gis::Geometry> buffers;
        for (const auto& l : ws.layers())
            if (l.kind == "expressway") {
                analysis::InputLayer t(ws, l.name, &data->notes);
                if (!t.exists())
                    continue;
                t.resetReading();
                while (auto f = t.next())
                    if (!f->geometry.isEmpty())
                        buffers.push_back(f->geometry.buffer(o.corridorKm * 1000.0));
            }
        std::vector<const gis::Geometry*> parts;
        for (const auto& b : buffers)
            parts.push_back(&b);
        if (!parts.empty())
            data->corridorArea = gis::Geometry::unionOf(parts);
    } else if (o.theme == Theme::Coverage) {
        data->unitsLayer = o.unitsLayer.empty() ? periodUnitsLayer(ws) : o.unitsLayer;
        if (data->unitsLayer.empty())
            throw Error(
                ErrorKind::Usage,
                "the coverage theme needs a unit layer (--units); the workspace has no districts");
        if (!layers::findKind(o.coverageKind))
            throw Error(ErrorKind::Usage, "unknown kind '" + o.coverageKind + "'");
        const auto c = analysis::coverage(ws, data->unitsLayer, progress);
        for (const auto& r : c.rows)
            if (r.kind == o.coverageKind)
                data->coverageShare[r.unitCode] = r.sharePct;
        data->notes = c.notes;
    }
    return data;
}

MapReport drawMap(layers::Workspace& ws, const MapOptions& o, QPainter& p, const QRectF& page,
                  const layers::Progress& progress)
{
    MapReport report;
    const Units u{static_cast<double>(o.dpi)};
    const std::string& lang = o.lang;
    const auto layers = ws.layers();
    if (layers.empty())
        throw Error(ErrorKind::Usage, "the workspace '" + ws.path() + "' has no layers to draw");

    // ---- the period, its province and units -------------------------------------------------
    const std::string date = periodDate(ws);
    const std::string provinceLayer = periodProvinceLayer(ws);
    // Units drawn: those valid on the period's date, or at the end of their layer's validity.
    std::string unitDate = date;
    const std::string lastUnit = [&] {
        std::string latest;
        for (const auto& l : layers)
            if (l.kind == "admin_district")
                latest = std::max(latest,
                                  scalar(ws, "SELECT MAX(valid_to) FROM " + sqlIdentifier(l.name)));
        return latest;
    }();
    if (!lastUnit.empty() && lastUnit < unitDate)
        unitDate = lastUnit;

    std::set<std::string> only(o.layers.begin(), o.layers.end());
    for (const auto& name : only)
        if (std::none_of(layers.begin(), layers.end(),
                         [&](const auto& l) { return l.name == name; }))
            throw Error(ErrorKind::Usage, "--layers: the workspace has no layer '" + name + "'");
    std::map<std::string, std::pair<int, double>> stacked; // layer → (position, opacity)
    for (const auto& [name, opacity] : o.stack) {
        if (std::none_of(layers.begin(), layers.end(),
                         [&name = name](const auto& l) { return l.name == name; }))
            throw Error(ErrorKind::Usage, "the workspace has no layer '" + name + "'");
        stacked.emplace(name,
                        std::pair{static_cast<int>(stacked.size()), std::clamp(opacity, 0.0, 1.0)});
    }

    // ---- extent ------------------------------------------------------------------------------
    std::optional<gis::Envelope> provinceEnvelope;
    if (!provinceLayer.empty())
        provinceEnvelope = ws.dataset().layerByName(provinceLayer)->extent();
    std::optional<gis::Envelope> dataEnvelope;
    for (const auto& l : layers)
        if (l.kind != "basemap")
            if (auto t = ws.dataset().layerByName(l.name))
                if (auto e = t->extent()) {
                    if (dataEnvelope)
                        dataEnvelope->merge(*e);
                    else
                        dataEnvelope = e;
                }
    if (!dataEnvelope)
        throw Error(ErrorKind::Usage, "the workspace '" + ws.path() + "' has no features to draw");
    gis::Envelope world = o.extent           ? *o.extent
                          : provinceEnvelope ? *provinceEnvelope
                                             : *dataEnvelope;
    if (o.extent && o.furniture &&
        (world.maxX <= dataEnvelope->minX || world.minX >= dataEnvelope->maxX ||
         world.maxY <= dataEnvelope->minY || world.minY >= dataEnvelope->maxY))
        throw Error(ErrorKind::Usage,
                    "the extent does not overlap the workspace's data (which spans " +
                        std::to_string(static_cast<long long>(dataEnvelope->minX)) + ", " +
                        std::to_string(static_cast<long long>(dataEnvelope->minY)) + " – " +
                        std::to_string(static_cast<long long>(dataEnvelope->maxX)) + ", " +
                        std::to_string(static_cast<long long>(dataEnvelope->maxY)) + " m in " +
                        ws.crs().label() + ")");
    if (world.maxX - world.minX <= 0 || world.maxY - world.minY <= 0)
        throw Error(ErrorKind::Usage, "the map extent is empty");

    // ---- layout ------------------------------------------------------------------------------
    const double margin = o.furniture ? u.px(7) : 0.0;
    const bool landscape = page.width() >= page.height();
    const QRectF inner = page.adjusted(margin, margin, -margin, -margin);
    const double titleHeight = o.furniture ? u.px(15) : 0.0,
                 footerHeight = o.furniture ? u.px(11) : 0.0;
    const QRectF titleBox(inner.left(), inner.top(), inner.width(), titleHeight);
    const QRectF footer(inner.left(), inner.bottom() - footerHeight + u.px(1.5), inner.width(),
                        footerHeight - u.px(1.5));
    QRectF frame, panel;
    const double body = inner.height() - titleHeight - footerHeight;
    if (!o.furniture) {
        frame = inner;
    } else if (landscape) {
        const double panelWidth = std::min(u.px(70), inner.width() * 0.34);
        frame = QRectF(inner.left(), inner.top() + titleHeight,
                       inner.width() - panelWidth - u.px(4), body);
        panel = QRectF(frame.right() + u.px(4), frame.top(), panelWidth, frame.height());
    } else {
        const double panelHeight = std::min(u.px(75), body * 0.34);
        frame = QRectF(inner.left(), inner.top() + titleHeight, inner.width(),
                       body - panelHeight - u.px(4));
        panel = QRectF(inner.left(), frame.bottom() + u.px(4), inner.width(), panelHeight);
    }
    // A page too small for its title, legend and footer would leave no map at all: said, not
    // drawn blank.
    if (o.furniture && (frame.width() < u.px(20) || frame.height() < u.px(20)))
        throw Error(ErrorKind::Usage,
                    "a page of " + std::to_string(std::lround(page.width() * 25.4 / u.dpi)) +
                        " × " + std::to_string(std::lround(page.height() * 25.4 / u.dpi)) +
                        " mm is too small for a map with its title, legend and footer (at least "
                        "about 70 × 70 mm); give a larger size or a lower resolution");
    // Fit the extent to the frame (expand the short side), with a small margin.
    {
        const double pad = o.furniture ? 0.03 : 0.0; // a canvas shows exactly what it asks for
        const double padX = (world.maxX - world.minX) * pad, padY = (world.maxY - world.minY) * pad;
        world.minX -= padX, world.maxX += padX, world.minY -= padY, world.maxY += padY;
        const double sx = frame.width() / (world.maxX - world.minX),
                     sy = frame.height() / (world.maxY - world.minY);
        const double s = std::min(sx, sy);
        const double cx = (world.minX + world.maxX) / 2, cy = (world.minY + world.maxY) / 2;
        const double hw = frame.width() / s / 2, hh = frame.height() / s / 2;
        world = {cx - hw, cy - hh, cx + hw, cy + hh};
    }
    View view{world, frame, frame.width() / (world.maxX - world.minX)};
    const auto worldBox = gis::Geometry::fromEnvelope(world);

    // ---- theme inputs ---------------------------------------------------------------------------
    // What the theme needs from the analyses: given (a canvas keeps it), or computed here once.
    const auto prepared =
        o.prepared && o.prepared->fits(o) ? o.prepared : prepareTheme(ws, o, progress);
    report.prepared = prepared;
    for (const auto& [layer, crs] : prepared->notes.reprojected)
        report.inputNotes.reprojected[layer] = crs;
    std::set<std::string> emphasised; // codes drawn in colour (Agency, Corridor)
    bool useEmphasis = false;
    std::string subtitle = o.subtitle;
    std::vector<Label> labels;
    std::vector<LegendEntry> legend;
    std::optional<gis::Geometry> corridorArea;
    std::map<std::string, double> coverageShare; // unit code → share %
    std::map<std::string, int> dueYear; // Agency theme by deadline: feature code → year due
    std::set<int> dueYears;
    std::string coverageUnits;
    if (o.theme == Theme::Agency) {
        if (o.highlight.empty())
            throw Error(ErrorKind::Usage,
                        "the agency theme needs --highlight task:ID, agency:NAME or document:ID");
        std::string what;
        std::int64_t tasks = 0;
        emphasised =
            highlightCodes(ws, o.highlight, what, tasks, o.byDeadline ? &dueYear : nullptr);
        useEmphasis = true;
        for (const auto& [code, year] : dueYear)
            dueYears.insert(year);
        if (subtitle.empty())
            subtitle = (tr("Footprint of", lang) + " " + q(what) + " — " + QString::number(tasks) +
                        " " + tr("tasks", lang) + ", " + QString::number(emphasised.size()) + " " +
                        tr("features", lang))
                           .toStdString();
    } else if (o.theme == Theme::Corridor) {
        emphasised = prepared->corridorCodes;
        useEmphasis = true;
        if (prepared->corridorArea)
            corridorArea = prepared->corridorArea->clone();
        if (subtitle.empty())
            subtitle = (tr("Expressway corridor", lang) + ": " + tr("Within", lang) + " " +
                        formatDecimal(o.corridorKm,
                                      o.corridorKm == std::floor(o.corridorKm) ? 0 : 1, lang) +
                        " km " + tr("of an expressway", lang))
                           .toStdString();
    } else if (o.theme == Theme::Coverage) {
        coverageUnits = prepared->unitsLayer;
        coverageShare = prepared->coverageShare;
        const auto* k = layers::findKind(o.coverageKind);
        if (subtitle.empty())
            subtitle = (tr("Share of each unit covered by", lang) + " " +
                        q(std::string(lang == "en" ? k->titleEn : k->titleVi)).toLower())
                           .toStdString();
    } else if (o.theme == Theme::LandPrice) {
        if (subtitle.empty())
            subtitle = tr("Land price", lang).toStdString() + " (VND/m²)";
    } else if (subtitle.empty()) {
        subtitle = tr("Programme features by kind", lang).toStdString();
    }

    // ---- read the layers ---------------------------------------------------------------------
    auto wanted = [&](const layers::RegisteredLayer& l) {
        if (!stacked.empty())
            return stacked.contains(l.name);
        if (const auto context = contextShown(l, provinceLayer))
            return *context;
        if (!only.empty())
            return only.contains(l.name);
        switch (o.theme) {
        case Theme::LandPrice:
            return l.kind == "land_price" || l.kind == "expressway" || l.kind == "urban_centre" ||
                   l.kind == "industrial_park" || l.kind == "economic_zone" ||
                   l.kind == "hitech_zone";
        case Theme::Coverage:
            return l.kind == o.coverageKind || l.kind == "expressway" || l.kind == "urban_centre";
        default:
            return programmeShown(l);
        }
    };
    std::vector<Drawn> drawn;
    std::vector<double> prices;
    std::size_t layerIndex = 0;
    for (const auto& l : layers) {
        progress.update(0.1 + 0.6 * static_cast<double>(layerIndex++) /
                                  static_cast<double>(layers.size()),
                        "reading");
        if (!wanted(l))
            continue;
        // Read as analyses read: a layer stored in another CRS is reprojected (and said so),
        // never drawn at the wrong place or silently left off the map.
        analysis::InputLayer input(ws, l.name, &report.inputNotes,
                                   analysis::InputLayer::Repair::No);
        if (!input.exists() || !input.table().hasGeometry())
            continue;
        gis::Layer* table = &input.table();
        Drawn d{l, l.kind, layers::drawOrder(l.kind), {}, streamedKind(l.kind)};
        if (const auto it = stacked.find(l.name); it != stacked.end())
            d.z = it->second.first;
        if (d.streamed) {
            const int priceField = table->fieldIndex("price_vnd_m2");
            if (priceField >= 0)
                for (const auto& row :
                     ws.dataset()
                         .execute("SELECT price_vnd_m2 FROM " + sqlIdentifier(l.name) +
                                  " WHERE price_vnd_m2 IS NOT NULL")
                         .rows)
                    if (const auto* v = std::get_if<double>(&row[0]))
                        prices.push_back(*v);
            drawn.push_back(std::move(d));
            continue;
        }
        const int code = table->fieldIndex("code"), nameVi = table->fieldIndex("name_vi"),
                  nameEn = table->fieldIndex("name_en"), status = table->fieldIndex("status"),
                  tier = table->fieldIndex("tier"), quality = table->fieldIndex("geometry_quality"),
                  source = table->fieldIndex("source"), price = table->fieldIndex("price_vnd_m2"),
                  validFrom = table->fieldIndex("valid_from"),
                  validTo = table->fieldIndex("valid_to");
        const bool admin = l.kind.rfind("admin_", 0) == 0;
        input.resetReading();
        while (auto row = input.next()) {
            const auto* f = &row->feature;
            auto text = [&](int i) { return i < 0 ? std::string() : gis::toString(f->value(i)); };
            if (admin && l.kind == "admin_district") {
                const std::string from = text(validFrom), to = text(validTo);
                if ((!from.empty() && from > unitDate) || (!to.empty() && to < unitDate))
                    continue; // not a unit of the period
            }
            auto& g = row->geometry;
            if (g.isEmpty())
                continue;
            const auto e = g.envelope();
            if (!e || e->maxX < world.minX || e->minX > world.maxX || e->maxY < world.minY ||
                e->minY > world.maxY)
                continue; // off the map
            Item item;
            item.envelope = *e;
            item.code = text(code);
            item.name = lang == "en" && !text(nameEn).empty() ? text(nameEn) : text(nameVi);
            item.status = text(status);
            item.tier = text(tier);
            item.source = text(source);
            item.indicative = text(quality) == "indicative";
            if (price >= 0) {
                const gis::FieldValue v = f->value(price);
                if (const auto* number = std::get_if<double>(&v)) {
                    item.value = *number;
                    prices.push_back(*number);
                }
            }
            if (o.theme == Theme::Coverage && l.name == coverageUnits) {
                const auto it = coverageShare.find(item.code);
                if (it != coverageShare.end())
                    item.value = it->second;
            }
            item.emphasised = !useEmphasis || admin || l.kind == "basemap" ||
                              emphasised.contains(item.code) ||
                              (o.theme == Theme::Corridor && l.kind == "expressway");
            if (labelledKind(l.kind))
                item.labelAt = g.labelPoint();
            item.shapes = g.shapes();
            d.items.push_back(std::move(item));
        }
        if (o.theme == Theme::Coverage && l.name == coverageUnits)
            d.z = 4; // the choropleth is the ground the features stand on
        if (const auto it = stacked.find(l.name); it != stacked.end())
            d.z = it->second.first;
        if (!d.items.empty())
            drawn.push_back(std::move(d));
    }
    std::stable_sort(drawn.begin(), drawn.end(),
                     [](const Drawn& a, const Drawn& b) { return a.z < b.z; });

    // ---- classes ------------------------------------------------------------------------------
    const std::vector<QColor> priceRamp = {QColor(0xfe, 0xf0, 0xd9), QColor(0xfd, 0xcc, 0x8a),
                                           QColor(0xfc, 0x8d, 0x59), QColor(0xe3, 0x4a, 0x33),
                                           QColor(0xb3, 0x00, 0x00)};
    const Classes priceClasses = quantileClasses(prices, priceRamp);
    const Classes& shareClasses = coverageClasses();

    // ---- paint ---------------------------------------------------------------------------------
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(page, Qt::white);
    p.setClipRect(frame);
    p.fillRect(
        frame,
        QColor(0xf4, 0xf4, 0xf1)); // what no polygon covers: sea or other countries alike (no data)
    std::set<std::string> sourcesSeen;
    std::vector<std::pair<std::string, std::string>> sources; // title, attribution
    bool anyPlanned = false, anyExisting = false;
    std::map<std::string, std::pair<bool, bool>> statusesByKind; // kind → (existing, planned)
    bool groundDone = false;
    auto paintGround = [&] {
        // The province of the period: white ground under its programme, over the neighbours.
        groundDone = true;
        for (const auto& d : drawn)
            if (d.kind == "admin_province")
                for (const auto& item : d.items)
                    for (const auto& poly : item.shapes.polygons)
                        p.fillPath(polygonPath(poly, view, 0.4), Qt::white);
    };
    for (auto& d : drawn) {
        progress.update(0.7 + 0.2 * static_cast<double>(&d - drawn.data()) /
                                  static_cast<double>(drawn.size()),
                        "drawing");
        if (!groundDone && d.kind != "basemap")
            paintGround();
        const auto stackedHere = stacked.find(d.layer.name);
        p.setOpacity(stackedHere == stacked.end() ? 1.0 : stackedHere->second.second);
        report.layersDrawn.push_back(d.layer.name);
        const std::string key = d.layer.attribution.empty() ? d.layer.source : d.layer.attribution;
        if (!key.empty() && sourcesSeen.insert(key).second)
            sources.emplace_back(lang == "en" ? d.layer.titleEn : d.layer.titleVi,
                                 d.layer.attribution.empty()
                                     ? d.layer.source + " (" + d.layer.licence + ")"
                                     : d.layer.attribution);
        if (d.streamed) {
            analysis::InputLayer input(ws, d.layer.name, &report.inputNotes,
                                       analysis::InputLayer::Repair::No);
            gis::Layer* t = &input.table();
            const int price = t->fieldIndex("price_vnd_m2"), source = t->fieldIndex("source");
            const Symbol base = symbolFor(d.kind, "", "", false, false, u);
            input.setSpatialFilter(world);
            std::vector<std::string> needed; // the driver need not read the other fields
            for (const int i : {price, source})
                if (i >= 0)
                    needed.push_back(t->fields()[static_cast<std::size_t>(i)].name);
            t->setFieldsToRead(needed);
            input.resetReading();
            std::int64_t n = 0;
            while (auto row = input.next()) {
                const auto* f = &row->feature;
                if (++n % 20000 == 0)
                    progress.update(0.75, "drawing " + d.layer.name);
                Symbol s = base;
                if (price >= 0 && !priceClasses.breaks.empty())
                    if (const auto v = f->value(price); std::holds_alternative<double>(v)) {
                        s.brush = QBrush(priceClasses.colours[static_cast<std::size_t>(
                            priceClasses.of(std::get<double>(v)))]);
                        s.pen = QPen(QColor(255, 255, 255, 150), u.px(0.1));
                    }
                if (source >= 0 && madeUp(gis::toString(f->value(source))))
                    report.illustrative = true;
                ++report.featuresDrawn;
                const auto& g = row->geometry;
                const auto e = g.envelope();
                if (!e)
                    continue;
                // A feature smaller than a pixel is a pixel of its colour: not lost from the
                // map, and not worth converting into paths.
                const QPointF a = view.map({e->minX, e->minY}), b = view.map({e->maxX, e->maxY});
                if (std::abs(b.x() - a.x()) < 1.5 && std::abs(a.y() - b.y()) < 1.5) {
                    if (s.brush.style() != Qt::NoBrush)
                        p.fillRect(
                            QRectF((a.x() + b.x()) / 2 - 0.5, (a.y() + b.y()) / 2 - 0.5, 1, 1),
                            s.brush);
                    continue;
                }
                Item item;
                item.shapes = g.shapes();
                drawItem(p, s, item, view, u);
            }
            t->readAllFields();
            input.setSpatialFilter(std::nullopt);
            continue;
        }
        for (auto& item : d.items) {
            const bool planned = layers::isPlannedStatus(item.status);
            Symbol s =
                symbolFor(d.kind, item.status, item.tier, item.indicative, !item.emphasised, u);
            if (d.kind == "land_price" && item.value && !priceClasses.breaks.empty()) {
                s.brush = QBrush(
                    priceClasses.colours[static_cast<std::size_t>(priceClasses.of(*item.value))]);
                s.pen = QPen(QColor(255, 255, 255, 180), u.px(0.2));
            }
            if (o.theme == Theme::Coverage && d.layer.name == coverageUnits) {
                const double v = item.value.value_or(0.0);
                s.brush =
                    QBrush(shareClasses.colours[static_cast<std::size_t>(shareClasses.of(v))]);
            }
            if (d.kind == "admin_province")
                s.brush = Qt::NoBrush;
            if (o.theme == Theme::Coverage && d.kind == o.coverageKind) {
                s.brush =
                    QBrush(QColor(255, 255, 255, 170)); // the features over their units' shade
                s.pen.setColor(QColor(0x3f, 0x00, 0x7d));
            }
            if (o.byDeadline && item.emphasised && useEmphasis) {
                // Earliest due first in the warmest colour; features whose tasks have no end date
                // keep their kind's symbol.
                if (const auto due = dueYear.find(item.code); due != dueYear.end()) {
                    const QColor c = dueColour(dueYears, due->second);
                    if (s.brush.style() != Qt::NoBrush)
                        s.brush = QBrush(c);
                    s.pen.setColor(c.darker(140));
                }
            }
            ++report.featuresDrawn;
            if (useEmphasis && item.emphasised && layers::findKind(d.kind) &&
                layers::findKind(d.kind)->programme &&
                !(o.theme == Theme::Corridor && d.kind == "expressway"))
                ++report.emphasised;
            item.areaPx = drawItem(p, s, item, view, u);
            if (item.indicative && item.emphasised && d.kind != "basemap")
                report.indicative = true;
            if (d.kind == "land_price" && madeUp(item.source))
                report.illustrative = true;
            if (layers::findKind(d.kind) && layers::findKind(d.kind)->programme &&
                item.emphasised) {
                auto& st = statusesByKind[d.kind];
                (planned ? st.second : st.first) = true;
                (planned ? anyPlanned : anyExisting) = true;
            }
        }
    }
    p.setOpacity(1.0);
    if (corridorArea) {
        // The corridor band over the features: translucent, with a dashed edge.
        const auto inView = corridorArea->intersection(worldBox);
        const auto shapes = inView.shapes();
        for (const auto& poly : shapes.polygons) {
            const QPainterPath path = polygonPath(poly, view, 0.4);
            p.fillPath(path, QColor(0xd7, 0x19, 0x1c, 40));
            p.strokePath(path, QPen(QColor(0xd7, 0x19, 0x1c, 200), u.px(0.35), Qt::DashLine));
        }
    }

    // ---- labels -------------------------------------------------------------------------------
    const double scaleBarHeight = u.px(9), northSize = u.px(12);
    const QRectF scaleBarBox(frame.left() + u.px(3), frame.bottom() - u.px(3) - scaleBarHeight,
                             frame.width() * 0.35, scaleBarHeight);
    const QRectF northBox(frame.right() - u.px(3) - northSize * 0.7, frame.top() + u.px(3),
                          northSize * 0.7, northSize);
    LabelPlacer placer(frame, o.furniture ? std::vector<QRectF>{scaleBarBox, northBox}
                                          : std::vector<QRectF>{});
    for (const auto& d : drawn) {
        if (!labelledKind(d.kind))
            continue;
        const layers::Symbology& look = layers::findKind(d.kind)->symbology;
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
    const auto [placed, dropped] = placer.place(p, labels, u);
    report.labelsPlaced = placed;
    report.labelsDropped = dropped;
    report.labels = placer.placed();
    report.frame = {frame.left(), frame.top(), frame.right(), frame.bottom()};
    report.extent = world;
    report.metresPerPixel = 1.0 / view.scale;
    if (!o.furniture) {
        p.restore();
        progress.update(1.0, "map");
        return report;
    }
    p.setClipping(false);
    p.setPen(QPen(QColor(0x40, 0x40, 0x40), u.px(0.35)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame);

    // ---- scale bar and north arrow --------------------------------------------------------------
    {
        const double metresPerUnit = 1.0 / view.scale;
        const double targetKm = frame.width() * 0.22 * metresPerUnit / 1000.0;
        const double km = niceLength(targetKm);
        report.scaleBarKm = km;
        const double length = km * 1000.0 * view.scale;
        const double x0 = scaleBarBox.left() + u.px(2), y0 = scaleBarBox.bottom() - u.px(3.2);
        p.fillRect(
            QRectF(scaleBarBox.left(), scaleBarBox.top(), length + u.px(14), scaleBarBox.height()),
            QColor(255, 255, 255, 210));
        const int segments = 4;
        for (int i = 0; i < segments; ++i) {
            const QRectF seg(x0 + length * i / segments, y0, length / segments, u.px(1.2));
            p.fillRect(seg, i % 2 ? Qt::white : QColor(0x20, 0x20, 0x20));
        }
        p.setPen(QPen(QColor(0x20, 0x20, 0x20), u.px(0.2)));
        p.drawRect(QRectF(x0, y0, length, u.px(1.2)));
        const QFont f = mapFont(u.pt(6.5));
        p.setFont(f);
        const QFontMetricsF fm(f);
        auto at = [&](double x, const QString& s) {
            p.drawText(QPointF(x - fm.horizontalAdvance(s) / 2, y0 - u.px(0.8)), s);
        };
        at(x0, QStringLiteral("0"));
        at(x0 + length / 2, formatDecimal(km / 2, km / 2 == std::floor(km / 2) ? 0 : 1, lang));
        at(x0 + length,
           formatDecimal(km, km == std::floor(km) ? 0 : 1, lang) + QStringLiteral(" km"));
        if (!o.pixelSize) {
            // True on paper: metres on the ground per metre on the page.
            const double frameMetresOnPage = frame.width() / u.px(1) / 1000.0;
            report.scaleDenominator = (world.maxX - world.minX) / frameMetresOnPage;
            const double rounded = std::round(report.scaleDenominator / 1000.0) * 1000.0;
            p.drawText(QPointF(x0, y0 + u.px(4)),
                       tr("Scale", lang) + QStringLiteral(" 1:") + formatInteger(rounded, lang));
        }
        // North arrow (grid north of the projected CRS).
        const QRectF nb = northBox;
        QPolygonF arrow;
        arrow << QPointF(nb.center().x(), nb.top() + nb.height() * 0.25)
              << QPointF(nb.right(), nb.bottom())
              << QPointF(nb.center().x(), nb.bottom() - nb.height() * 0.2)
              << QPointF(nb.left(), nb.bottom());
        p.setPen(QPen(QColor(0x20, 0x20, 0x20), u.px(0.25)));
        p.setBrush(QColor(0x20, 0x20, 0x20));
        p.drawPolygon(arrow);
        const QFont nf = mapFont(u.pt(8), true);
        p.setFont(nf);
        const QString n = tr("N", lang);
        p.drawText(QPointF(nb.center().x() - QFontMetricsF(nf).horizontalAdvance(n) / 2,
                           nb.top() + nb.height() * 0.2),
                   n);
    }

    // ---- title ----------------------------------------------------------------------------------
    {
        QString title = q(o.title);
        if (title.isEmpty()) {
            const std::string province = ws.province();
            title = tr("Development programme", lang) + " — " + tr("province", lang) + " " +
                    q(province);
            if (lang == "en")
                title = tr("Development programme", lang) + " — " + q(province) + " province";
        }
        drawWrapped(p, title, titleBox, mapFont(u.pt(14), true), QColor(0x10, 0x10, 0x10));
        drawWrapped(p, q(subtitle), titleBox.adjusted(0, u.pt(14) * 1.45, 0, 0), mapFont(u.pt(9.5)),
                    QColor(0x40, 0x40, 0x40));
    }

    // ---- panel: locator, legend, notes, sources
    // ---------------------------------------------------
    double y = panel.top();
    const double panelGap = u.px(2.5);
    {
        // Locator: the country's provinces, this province in red, the map's frame.
        // (All the provinces, not only those in the map's extent that were drawn above.)
        std::vector<gis::Shapes> country;
        gis::Envelope ce{1e300, 1e300, -1e300, -1e300};
        for (const auto& l : layers)
            if (l.kind == "basemap")
                if (auto t = ws.dataset().layerByName(l.name)) {
                    t->resetReading();
                    while (auto f = t->next()) {
                        auto g = f->takeGeometry();
                        if (auto e = g.envelope()) {
                            ce.merge(*e);
                            country.push_back(g.shapes());
                        }
                    }
                }
        if (!country.empty()) {
            const double boxHeight =
                landscape ? std::min(panel.height() * 0.36, u.px(62)) : panel.height();
            const double boxWidth =
                landscape ? panel.width() : std::min(panel.width() * 0.25, u.px(45));
            const QRectF box(panel.left(), panel.top(), boxWidth, boxHeight);
            const QFont cf = mapFont(u.pt(6.5), true);
            const double captionH = QFontMetricsF(cf).height();
            const QRectF mapBox = box.adjusted(0, captionH, 0, 0);
            const double s = std::min(mapBox.width() / (ce.maxX - ce.minX),
                                      mapBox.height() / (ce.maxY - ce.minY));
            const double w = (ce.maxX - ce.minX) * s, h = (ce.maxY - ce.minY) * s;
            const QRectF fit(mapBox.center().x() - w / 2, mapBox.center().y() - h / 2, w, h);
            View lv{ce, fit, s};
            p.setPen(QColor(0x30, 0x30, 0x30));
            p.setFont(cf);
            p.drawText(QPointF(box.left(), box.top() + QFontMetricsF(cf).ascent()),
                       tr("Location in Viet Nam", lang));
            for (const auto& shapes : country)
                for (const auto& poly : shapes.polygons) {
                    const QPainterPath path = polygonPath(poly, lv, 0.6);
                    p.fillPath(path, QColor(0xe4, 0xe4, 0xe0));
                    p.strokePath(path, QPen(QColor(0xb0, 0xb0, 0xb0), u.px(0.1)));
                }
            if (!provinceLayer.empty())
                if (auto t = ws.dataset().layerByName(provinceLayer)) {
                    t->resetReading();
                    while (auto f = t->next())
                        for (const auto& poly : f->takeGeometry().shapes().polygons)
                            p.fillPath(polygonPath(poly, lv, 0.3), QColor(0xd7, 0x19, 0x1c));
                }
            p.setPen(QPen(QColor(0x20, 0x20, 0x20), u.px(0.25)));
            p.setBrush(Qt::NoBrush);
            const QRectF extentBox(lv.map({world.minX, world.maxY}),
                                   lv.map({world.maxX, world.minY}));
            p.drawRect(
                extentBox.normalized().adjusted(-u.px(0.6), -u.px(0.6), u.px(0.6), u.px(0.6)));
            if (landscape)
                y = box.bottom() + panelGap;
        }
    }

    // Legend from what is drawn.
    auto symbolSwatch = [&](const std::string& kind, const std::string& status,
                            const std::string& tier, bool indicative, bool muted = false) {
        return [=, &u](QPainter& pp, const QRectF& r) {
            const Symbol s = symbolFor(kind, status, tier, indicative, muted, u);
            if (s.mark != Mark::None && (kind == "urban_centre" || kind == "market_logistics" ||
                                         kind == "infrastructure")) {
                drawMark(pp, s, r.center(), u);
            } else if (kind == "expressway" || kind == "road" || kind == "railway") {
                QPainterPath path;
                path.moveTo(r.left(), r.center().y());
                path.lineTo(r.right(), r.center().y());
                if (s.casing.style() != Qt::NoPen)
                    pp.strokePath(path, s.casing);
                pp.strokePath(path, s.pen);
            } else {
                QPainterPath path;
                path.addRect(r.adjusted(0, r.height() * 0.15, 0, -r.height() * 0.15));
                if (s.brush.style() != Qt::NoBrush)
                    pp.fillPath(path, s.brush);
                if (s.hatch.style() != Qt::NoBrush)
                    pp.fillPath(path, s.hatch);
                if (s.pen.style() != Qt::NoPen)
                    pp.strokePath(path, s.pen);
            }
        };
    };
    std::set<std::string> kindsInLegend;
    for (const auto& d : drawn) {
        const bool perLayer =
            d.kind == "land_price" || d.kind == "other" || d.kind == "infrastructure";
        if (d.kind == "basemap" ||
            !kindsInLegend.insert(d.kind + "|" + (perLayer ? d.layer.name : "")).second)
            continue;
        if (useEmphasis && !d.streamed &&
            std::none_of(d.items.begin(), d.items.end(),
                         [](const Item& i) { return i.emphasised; }))
            continue; // only in the background: "other features"
        const layers::LayerKind* k = layers::findKind(d.kind);
        // The kind's name, or for catch-all kinds the layer's own title ("Nhà máy thủy điện").
        const bool catchAll = d.kind == "other" || d.kind == "infrastructure";
        const QString kindTitle = catchAll || !k
                                      ? q(lang == "en" ? d.layer.titleEn : d.layer.titleVi)
                                      : q(std::string(lang == "en" ? k->titleEn : k->titleVi));
        if (d.kind == "admin_province") {
            legend.push_back({symbolSwatch(d.kind, "", "", false), tr("Province boundary", lang)});
        } else if (d.kind == "admin_district") {
            legend.push_back({symbolSwatch(d.kind, "", "", false), tr("District boundary", lang)});
            if (o.theme == Theme::Coverage && d.layer.name == coverageUnits) {
                const auto* ck = layers::findKind(o.coverageKind);
                legend.push_back(
                    {nullptr,
                     tr("Share of each unit covered by", lang) + " " +
                         q(std::string(lang == "en" ? ck->titleEn : ck->titleVi)).toLower()});
                const auto& names = coverageClassNames();
                for (std::size_t i = 0; i < names.size(); ++i) {
                    const QColor c = shareClasses.colours[i];
                    legend.push_back(
                        {[c, &u](QPainter& pp, const QRectF& r) {
                             pp.fillRect(r.adjusted(0, r.height() * 0.15, 0, -r.height() * 0.15),
                                         c);
                             pp.setPen(QPen(QColor(0x80, 0x80, 0x80), u.px(0.15)));
                             pp.drawRect(r.adjusted(0, r.height() * 0.15, 0, -r.height() * 0.15));
                         },
                         names[i]});
                }
            }
        } else if (d.kind == "land_price" && !prices.empty()) {
            legend.push_back({nullptr, q(lang == "en" ? d.layer.titleEn : d.layer.titleVi)});
            double lower = *std::min_element(prices.begin(), prices.end());
            for (std::size_t i = 0; i < priceClasses.breaks.size(); ++i) {
                const QColor c = priceClasses.colours[i];
                const QString text = (i == 0 ? formatInteger(lower, lang)
                                             : QStringLiteral("> ") + formatInteger(lower, lang)) +
                                     QStringLiteral(" – ") +
                                     formatInteger(priceClasses.breaks[i], lang) +
                                     QStringLiteral(" đ/m²");
                lower = priceClasses.breaks[i];
                legend.push_back(
                    {[c](QPainter& pp, const QRectF& r) {
                         pp.fillRect(r.adjusted(0, r.height() * 0.15, 0, -r.height() * 0.15), c);
                     },
                     text});
            }
        } else {
            const auto st = statusesByKind[d.kind];
            if (d.kind == "urban_centre") {
                std::set<std::string> tiers;
                for (const auto& item : d.items)
                    tiers.insert(item.tier);
                legend.push_back(
                    {symbolSwatch(d.kind, "existing",
                                  tiers.contains("provincial") ? "provincial" : "subregional",
                                  false),
                     kindTitle});
                continue;
            }
            if (d.kind == "land_price" || d.kind == "analysis_grid")
                continue;
            if (st.first || (!st.first && !st.second))
                legend.push_back(
                    {symbolSwatch(d.kind, "existing", "", false),
                     kindTitle + (st.second ? " (" + tr("existing", lang) + ")" : QString())});
            if (st.second)
                legend.push_back({symbolSwatch(d.kind, "planned", "", false),
                                  kindTitle + " (" + tr("planned", lang) + ")"});
        }
    }
    for (const int year : dueYears) {
        const QColor c = dueColour(dueYears, year);
        legend.push_back({[c, &u](QPainter& pp, const QRectF& r) {
                              pp.setPen(QPen(c.darker(140), u.px(0.3)));
                              pp.setBrush(c);
                              pp.drawRect(r.adjusted(0, r.height() * 0.15, 0, -r.height() * 0.15));
                          },
                          tr("Due by", lang) + " " + QString::number(year)});
    }
    if (!dueYears.empty())
        legend.push_back({symbolSwatch("industrial_park", "existing", "", false),
                          tr("No end date (ongoing, annual or none given)", lang)});
    if (useEmphasis)
        legend.push_back({symbolSwatch("industrial_park", "existing", "", false, true),
                          tr("Other features", lang)});
    if (report.indicative)
        legend.push_back({symbolSwatch("industrial_park", "existing", "", true),
                          tr("Indicative outline (not surveyed)", lang)});
    if (corridorArea)
        legend.push_back({[&u](QPainter& pp, const QRectF& r) {
                              pp.fillRect(r.adjusted(0, r.height() * 0.15, 0, -r.height() * 0.15),
                                          QColor(0xd7, 0x19, 0x1c, 40));
                              pp.setPen(
                                  QPen(QColor(0xd7, 0x19, 0x1c, 200), u.px(0.3), Qt::DashLine));
                              pp.drawRect(r.adjusted(0, r.height() * 0.15, 0, -r.height() * 0.15));
                          },
                          tr("Within", lang) + " " + formatDecimal(o.corridorKm, 0, lang) + " km " +
                              tr("of an expressway", lang)});
    // Notes at the foot of the panel (they must show whatever the legend's length), then the
    // legend in the space left, its type shrinking when the entries are many.
    std::vector<std::pair<QString, QColor>> notes;
    if (report.illustrative)
        notes.emplace_back(tr("ILLUSTRATIVE VALUES: the land prices shown are made up for "
                              "demonstration, not real prices.",
                              lang),
                           QColor(0xc0, 0x00, 0x00));
    if (report.indicative)
        notes.emplace_back(tr("INDICATIVE POSITIONS: parks, zones and routes are drawn from "
                              "published names and areas, "
                              "not surveyed; do not measure from this map.",
                              lang),
                           QColor(0xb3, 0x58, 0x06));
    const double locatorWidth = std::min(panel.width() * 0.25, u.px(45));
    const QRectF legendColumn =
        landscape ? QRectF(panel.left(), y, panel.width(), panel.bottom() - y)
                  : QRectF(panel.left() + locatorWidth + panelGap, panel.top(),
                           (panel.width() - locatorWidth - panelGap) * 0.6, panel.height());
    const QRectF notesColumn =
        landscape ? legendColumn
                  : QRectF(legendColumn.right() + panelGap, panel.top(),
                           panel.right() - legendColumn.right() - panelGap, panel.height());
    double notesTop = notesColumn.bottom();
    {
        const QFont noteFont = mapFont(u.pt(7), true);
        p.setFont(noteFont);
        double height = 0;
        for (const auto& [text, colour] : notes)
            height +=
                p.boundingRect(notesColumn, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text)
                    .height() +
                u.px(1.5);
        notesTop = landscape ? notesColumn.bottom() - height : notesColumn.top();
        double yy = notesTop;
        for (const auto& [text, colour] : notes)
            yy += drawWrapped(p, text,
                              QRectF(notesColumn.left(), yy, notesColumn.width(),
                                     notesColumn.bottom() - yy),
                              noteFont, colour) +
                  u.px(1.5);
    }
    {
        const QRectF area(legendColumn.left(), legendColumn.top(), legendColumn.width(),
                          (landscape ? notesTop - u.px(2) : legendColumn.bottom()) -
                              legendColumn.top());
        const QFont head = mapFont(u.pt(8.5), true);
        const double headH = QFontMetricsF(head).height() + u.px(0.8);
        const double swatchW = u.px(8), columnGap = u.px(3);
        // Lays the entries out at type @p size in @p columns columns (filled top to bottom,
        // then the next), drawing them when @p draw; with @p reserve, the last row of the last
        // column stays free for the line saying what is left out. Returns how many fit.
        auto place = [&](double size, int columns, bool draw, bool reserve) {
            const double rowH =
                std::max(QFontMetricsF(mapFont(u.pt(size))).height(), u.px(size * 0.6));
            const QFont entry = mapFont(u.pt(size));
            QFont bold = entry;
            bold.setBold(true);
            const double width = (area.width() - columnGap * (columns - 1)) / columns;
            double yy = area.top() + headH;
            int column = 0;
            std::size_t fitted = 0;
            for (std::size_t i = 0; i < legend.size();) {
                const auto& e = legend[i];
                const double left = area.left() + column * (width + columnGap);
                const double bottom =
                    area.bottom() - (reserve && column == columns - 1 ? 2 * rowH + u.px(0.5) : 0);
                const QRectF textBox(left + swatchW + u.px(2), yy, width - swatchW - u.px(2),
                                     area.bottom() - yy);
                p.setFont(entry);
                const double textH =
                    p.boundingRect(textBox, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, e.text)
                        .height();
                const double h = std::max(rowH, textH);
                if (yy + h > bottom) {
                    if (++column == columns || yy == area.top() + headH)
                        break; // no column left, or the entry is taller than a whole column
                    yy = area.top() + headH;
                    continue; // the same entry at the top of the next column
                }
                if (!e.swatch) { // a heading over the classes that follow
                    if (draw)
                        drawWrapped(p, e.text, QRectF(left, yy, width, h + rowH), bold,
                                    QColor(0x20, 0x20, 0x20));
                    p.setFont(bold);
                    yy += p.boundingRect(QRectF(left, yy, width, area.bottom() - yy),
                                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, e.text)
                              .height() +
                          u.px(0.5);
                } else {
                    if (draw) {
                        e.swatch(p, QRectF(left, yy + (h - rowH) / 2, swatchW, rowH));
                        drawWrapped(p, e.text, QRectF(textBox.left(), yy, textBox.width(), h),
                                    entry, QColor(0x20, 0x20, 0x20),
                                    Qt::AlignLeft | Qt::AlignVCenter);
                    }
                    yy += h + u.px(0.5);
                }
                if (draw)
                    report.legend.push_back(e.text.toStdString());
                ++fitted;
                ++i;
            }
            return fitted;
        };
        // One column with the type shrinking to 5 pt, then two columns: the first layout that
        // holds every entry. When none does, the one that holds the most (one column and the
        // larger type on a tie), its last rows saying how many are left out: an entry is never
        // dropped without a word, on the map and in the report.
        double size = 7.0;
        int columns = 1;
        bool fits = false;
        for (int c = 1; c <= 2 && !fits; ++c)
            for (double s = 7.0; s >= 5.0 && !fits; s -= 0.5)
                if (place(s, c, false, false) == legend.size()) {
                    size = s, columns = c;
                    fits = true;
                }
        if (!fits) {
            std::size_t most = 0;
            for (int c = 1; c <= 2; ++c)
                for (double s = 7.0; s >= 5.0; s -= 0.5)
                    if (const auto n = place(s, c, false, true); n > most) {
                        most = n;
                        size = s, columns = c;
                    }
        }
        p.setFont(head);
        p.setPen(QColor(0x10, 0x10, 0x10));
        p.drawText(QPointF(area.left(), area.top() + QFontMetricsF(head).ascent()),
                   tr("Legend", lang));
        const std::size_t shown = place(size, columns, true, !fits);
        report.legendColumns = columns;
        report.legendOmitted = static_cast<std::int64_t>(legend.size() - shown);
        if (report.legendOmitted > 0) {
            const QFont entry = mapFont(u.pt(size));
            const double rowH = std::max(QFontMetricsF(entry).height(), u.px(size * 0.6));
            const double width = (area.width() - columnGap * (columns - 1)) / columns;
            QFont italic = entry;
            italic.setItalic(true);
            drawWrapped(p,
                        tr("… %1 more legend entries do not fit: enlarge the map", lang)
                            .arg(report.legendOmitted),
                        QRectF(area.left() + (columns - 1) * (width + columnGap),
                               area.bottom() - 2 * rowH, width, 2 * rowH),
                        italic, QColor(0xb0, 0x10, 0x10));
        }
    }
    {
        // Footer: every source with its licence, the CRS and the date; the font shrinks until
        // the whole text fits (sources are never cut).
        QString text = tr("Sources", lang) + ": ";
        for (std::size_t i = 0; i < sources.size(); ++i) {
            QString one = q(sources[i].second).trimmed();
            while (one.endsWith(QChar('.')))
                one.chop(1);
            text += (i ? QStringLiteral("; ") : QString()) + one;
        }
        const std::string today =
            o.date.empty() ? QDate::currentDate().toString(Qt::ISODate).toStdString() : o.date;
        const QDate d = QDate::fromString(q(today), Qt::ISODate);
        const QString when = lang == "en" ? d.toString(QStringLiteral("d MMMM yyyy"))
                                          : d.toString(QStringLiteral("dd/MM/yyyy"));
        text += QStringLiteral(" — ") + tr("Coordinate system", lang) + ": " + q(ws.crs().label()) +
                " (" + q(ws.crs().name()) + "). " + tr("Made with PlanAtlas on", lang) + " " +
                when + ".";
        for (double size = 6.5; size >= 3.5; size -= 0.5) {
            const QFont f = mapFont(u.pt(size));
            p.setFont(f);
            const QRectF need =
                p.boundingRect(footer, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
            if (need.height() <= footer.height() || size <= 3.5) {
                drawWrapped(p, text, footer, f, QColor(0x40, 0x40, 0x40));
                break;
            }
        }
    }
    p.restore();
    progress.update(1.0, "map");
    return report;
}

std::vector<std::pair<std::string, unsigned int>> coverageLegend()
{
    std::vector<std::pair<std::string, unsigned int>> out;
    for (std::size_t i = 0; i < coverageClassNames().size(); ++i)
        out.emplace_back(coverageClassNames()[i].toStdString(),
                         coverageClasses().colours[i].rgba());
    return out;
}

std::vector<StackEntry> defaultStack(layers::Workspace& ws)
{
    const std::string provinceLayer = periodProvinceLayer(ws);
    const std::string unitsLayer = periodUnitsLayer(ws);
    std::vector<StackEntry> stack;
    for (const auto& l : ws.layers()) {
        auto table = ws.dataset().layerByName(l.name);
        if (!table || !table->hasGeometry())
            continue;
        // As the programme map, but of the district layers only the period's (a canvas stacks
        // whole layers; it does not filter units by date).
        const bool visible = l.kind == "admin_district"
                                 ? unitsLayer.empty() || l.name == unitsLayer
                                 : contextShown(l, provinceLayer).value_or(programmeShown(l));
        stack.push_back({l.name, l.kind, l.titleVi, l.titleEn, l.geometryType, visible});
    }
    std::stable_sort(stack.begin(), stack.end(), [](const StackEntry& a, const StackEntry& b) {
        return layers::drawOrder(a.kind) < layers::drawOrder(b.kind);
    });
    return stack;
}

QImage kindSwatch(const std::string& kind, const std::string& geometryType, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, true);
    const Units u{96.0 * size / 16.0}; // a 16 px swatch at screen resolution
    const Symbol s = symbolFor(kind, "existing", "provincial", false, false, u);
    const QString type = QString::fromStdString(geometryType).toUpper();
    const double m = size * 0.15;
    if (type.contains(QStringLiteral("POINT"))) {
        drawMark(p, s, QPointF(size / 2.0, size / 2.0), Units{96.0 * size / 16.0 * 0.9});
    } else if (type.contains(QStringLiteral("LINE"))) {
        QPainterPath path;
        path.moveTo(m, size * 0.7);
        path.cubicTo(size * 0.4, size * 0.2, size * 0.6, size * 0.9, size - m, size * 0.3);
        if (s.casing.style() != Qt::NoPen)
            p.strokePath(path, s.casing);
        p.strokePath(path, s.pen);
    } else {
        QPainterPath path;
        path.addRect(QRectF(m, m, size - 2 * m, size - 2 * m));
        if (s.brush.style() != Qt::NoBrush)
            p.fillPath(path, s.brush);
        if (s.hatch.style() != Qt::NoBrush)
            p.fillPath(path, s.hatch);
        p.strokePath(path, s.pen.style() == Qt::NoPen ? QPen(QColor(0x80, 0x80, 0x80), 1) : s.pen);
    }
    return image;
}

std::optional<gis::Envelope> extentFor(layers::Workspace& ws, const std::string& spec)
{
    if (spec.empty() || spec == "province")
        return std::nullopt;
    if (spec.find(',') != std::string::npos) {
        std::string numbers = spec, crsText;
        if (const auto colon = spec.find(':'); colon != std::string::npos)
            numbers = spec.substr(0, colon), crsText = spec.substr(colon + 1);
        std::vector<double> v;
        std::size_t start = 0;
        while (start <= numbers.size()) {
            const auto comma = numbers.find(',', start);
            const std::string part = numbers.substr(
                start, comma == std::string::npos ? std::string::npos : comma - start);
            char* end = nullptr;
            const double x = std::strtod(part.c_str(), &end);
            if (part.empty() || *end != '\0')
                throw Error(ErrorKind::Usage,
                            "--extent '" + spec + "': '" + part + "' is not a number");
            // NaN, infinities and 1e308 are no place on Earth in any CRS (a million km).
            if (!std::isfinite(x) || std::abs(x) > 1e9)
                throw Error(ErrorKind::Usage,
                            "--extent '" + spec + "': '" + part + "' is not a coordinate");
            v.push_back(x);
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        if (v.size() != 4 || v[2] <= v[0] || v[3] <= v[1])
            throw Error(ErrorKind::Usage,
                        "--extent takes minx,miny,maxx,maxy with min < max, not '" + spec + "'");
        gis::Envelope e{v[0], v[1], v[2], v[3]};
        if (!crsText.empty()) {
            std::optional<gis::Crs> crs;
            try {
                crs = gis::Crs::fromUserInput(crsText);
            } catch (const gis::GisError& err) {
                throw Error(ErrorKind::Usage,
                            "--extent: '" + crsText + "' is not a CRS (" + err.what() + ")");
            }
            const gis::CoordinateTransform t(*crs, ws.crs());
            gis::Envelope out{1e300, 1e300, -1e300, -1e300};
            for (int i = 0; i <= 10; ++i)
                for (int j = 0; j <= 10; ++j) {
                    // The rectangle's edges and inside, densified: a lon/lat box is curved in TM-3.
                    if (i != 0 && i != 10 && j != 0 && j != 10)
                        continue;
                    const auto xy = t.apply(e.minX + (e.maxX - e.minX) * i / 10,
                                            e.minY + (e.maxY - e.minY) * j / 10);
                    out.merge({xy[0], xy[1], xy[0], xy[1]});
                }
            e = out;
        }
        return e;
    }
    for (const auto& l : ws.layers()) {
        auto t = ws.dataset().layerByName(l.name);
        if (!t || t->fieldIndex("code") < 0 || !t->hasGeometry())
            continue;
        t->setAttributeFilter("code = " + sqlLiteral(spec));
        std::optional<gis::Envelope> e;
        while (auto f = t->next())
            if (auto fe = f->takeGeometry().envelope()) {
                if (e)
                    e->merge(*fe);
                else
                    e = fe;
            }
        t->setAttributeFilter({});
        if (e)
            return e;
    }
    throw Error(ErrorKind::Usage,
                "--extent: no feature with code '" + spec +
                    "' (give province, a feature code, or minx,miny,maxx,maxy[:EPSG:N])");
}

MapReport writeMap(layers::Workspace& ws, const MapOptions& o, const std::string& path,
                   const layers::Progress& progress)
{
    ensureGuiApplication();
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::string ext = target.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".png" && ext != ".svg" && ext != ".pdf")
        throw Error(ErrorKind::Usage, "-o " + path + ": the map is written as .png, .svg or .pdf");
    // Checked before the drawing starts; the map is drawn into memory and written through
    // PendingFile, so a full disk or a refused target is an error naming the file, never a
    // truncated map.
    layers::PendingFile pending(path, ext == ".png"   ? layers::OutputKind::Png
                                      : ext == ".svg" ? layers::OutputKind::Svg
                                                      : layers::OutputKind::Pdf);

    const double mmW = o.pixelSize ? o.pixelSize->first * 25.4 / o.dpi : o.pageWidthMm;
    const double mmH = o.pixelSize ? o.pixelSize->second * 25.4 / o.dpi : o.pageHeightMm;
    const int pxW =
        o.pixelSize ? o.pixelSize->first : static_cast<int>(std::lround(mmW / 25.4 * o.dpi));
    const int pxH =
        o.pixelSize ? o.pixelSize->second : static_cast<int>(std::lround(mmH / 25.4 * o.dpi));
    if (ext == ".png" && static_cast<double>(pxW) * pxH >
                             static_cast<double>(layers::limitValue(layers::Limit::MapPixels)))
        throw Error(ErrorKind::Usage, "a map of " + std::to_string(pxW) + " × " +
                                          std::to_string(pxH) + " pixels is " +
                                          layers::limitExceeded(layers::Limit::MapPixels) +
                                          "; give a smaller size or a lower resolution");
    MapReport report;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // Document titles are metadata text: escaped, so "A & B" or "<script>" stay text.
    const QString title = QString::fromStdString(o.title.empty() ? "PlanAtlas map" : o.title);
    if (ext == ".png") {
        QImage image(pxW, pxH, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(static_cast<int>(std::lround(o.dpi / 0.0254)));
        image.setDotsPerMeterY(static_cast<int>(std::lround(o.dpi / 0.0254)));
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            report = drawMap(ws, o, painter, QRectF(0, 0, pxW, pxH), progress);
        }
        if (!image.save(&buffer, "PNG"))
            throw Error(ErrorKind::Input, path + ": cannot be written (the PNG encoder failed)");
    } else if (ext == ".svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(pxW, pxH));
        svg.setViewBox(QRectF(0, 0, pxW, pxH));
        svg.setResolution(o.dpi);
        svg.setTitle(title.toHtmlEscaped());
        svg.setDescription(QStringLiteral("PlanAtlas"));
        {
            QPainter painter;
            if (!painter.begin(&svg))
                throw Error(ErrorKind::Input, path + ": cannot be written");
            report = drawMap(ws, o, painter, QRectF(0, 0, pxW, pxH), progress);
        }
    } else {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(o.dpi);
        pdf.setPageSize(QPageSize(QSizeF(mmW, mmH), QPageSize::Millimeter));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("PlanAtlas"));
        QPainter painter;
        if (!painter.begin(&pdf))
            throw Error(ErrorKind::Input, path + ": cannot be written");
        report = drawMap(ws, o, painter, QRectF(0, 0, pdf.width(), pdf.height()), progress);
        painter.end();
    }
    buffer.close();
    pending.write(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    pending.commit();
    return report;
}

} // namespace pa::render
