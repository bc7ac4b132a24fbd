#include "MapCanvas.h"

#include "Text_p.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Map.h"

#include <QCoreApplication>
#include <QFont>
#include <QKeyEvent>
#include <QLineF>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QThreadPool>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace pa::gui {

namespace {

/// Layers with more features than this (parcels, price zones) come in a second picture: the
/// first shows the programme at once.
constexpr std::int64_t kHeavyLayer = 100'000;

/// Draws @p options onto a new image; throws what drawMap throws. @p prepared receives what
/// the theme took from the analyses.
QImage draw(layers::Workspace& ws, const render::MapOptions& options, QSize size, qreal ratio,
            const std::shared_ptr<std::atomic<bool>>& cancel,
            std::shared_ptr<const render::ThemeData>& prepared)
{
    QImage image(size * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(QColor(0xf4, 0xf4, 0xf1));
    QPainter painter(&image);
    const layers::Progress progress([](double, std::string_view) {}, cancel.get());
    prepared =
        render::drawMap(ws, options, painter, QRectF(0, 0, size.width(), size.height()), progress)
            .prepared;
    return image;
}

} // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &MapCanvas::startRender);
}

MapCanvas::~MapCanvas()
{
    if (m_cancel)
        *m_cancel = true;
}

void MapCanvas::setWorkspace(const QString& workspacePath, const gis::Envelope& full)
{
    m_path = workspacePath;
    m_full = full;
    m_prepared.reset();
    m_overviews->clear();
    m_picture = QImage();
    zoomFull();
}

void MapCanvas::clear()
{
    if (m_cancel)
        *m_cancel = true;
    m_path.clear();
    m_picture = QImage();
    m_rendering = false;
    update();
}

void MapCanvas::setStack(std::vector<std::pair<std::string, double>> stack)
{
    m_stack = std::move(stack);
    requestRender(0);
}

void MapCanvas::setLanguage(const std::string& lang)
{
    m_lang = lang;
    requestRender(0);
}

void MapCanvas::setHighlight(const std::string& highlight)
{
    m_highlight = highlight;
    m_theme = highlight.empty() ? render::Theme::Programme : render::Theme::Agency;
    requestRender(0);
}

void MapCanvas::setTheme(render::Theme theme, const std::string& units, const std::string& kind,
                         double corridorKm)
{
    m_theme = theme;
    m_highlight.clear();
    m_themeUnits = units;
    m_themeKind = kind;
    m_corridorKm = corridorKm;
    requestRender(0);
}

render::MapOptions MapCanvas::screenOptions() const
{
    render::MapOptions o;
    o.extent = extent();
    o.lang = m_lang;
    o.stack = m_stack;
    o.theme = m_theme;
    o.highlight = m_highlight;
    o.unitsLayer = m_themeUnits;
    if (!m_themeKind.empty())
        o.coverageKind = m_themeKind;
    o.corridorKm = m_corridorKm;
    if (m_stack.empty())
        o.stack = {{"", 0.0}}; // nothing visible: nothing drawn (an empty stack means the theme's)
    return o;
}

void MapCanvas::setSelection(gis::Shapes shapes)
{
    m_selection = std::move(shapes);
    update();
}

void MapCanvas::zoomTo(const gis::Envelope& e)
{
    const double w = std::max(e.maxX - e.minX, 1.0), h = std::max(e.maxY - e.minY, 1.0);
    m_cx = (e.minX + e.maxX) / 2;
    m_cy = (e.minY + e.maxY) / 2;
    // A little room around what was asked for.
    m_mpp = 1.05 * std::max(w / std::max(width(), 1), h / std::max(height(), 1));
    emit extentChanged();
    requestRender(0);
}

void MapCanvas::zoomFull()
{
    zoomTo(m_full);
}

void MapCanvas::zoomBy(double factor)
{
    m_mpp /= factor;
    emit extentChanged();
    requestRender(150);
}

gis::Envelope MapCanvas::extent() const
{
    const double hw = width() * m_mpp / 2, hh = height() * m_mpp / 2;
    return {m_cx - hw, m_cy - hh, m_cx + hw, m_cy + hh};
}

double MapCanvas::scaleDenominator() const
{
    const double metresPerScreenPixel = 0.0254 / std::max(logicalDpiX(), 1);
    return m_mpp / metresPerScreenPixel;
}

QPointF MapCanvas::toWorld(const QPointF& p) const
{
    return {m_cx + (p.x() - width() / 2.0) * m_mpp, m_cy - (p.y() - height() / 2.0) * m_mpp};
}

QPointF MapCanvas::toPixel(double x, double y) const
{
    return {width() / 2.0 + (x - m_cx) / m_mpp, height() / 2.0 - (y - m_cy) / m_mpp};
}

void MapCanvas::requestRender(int delayMs)
{
    if (m_path.isEmpty())
        return;
    if (!m_rendering)
        m_requested.start();
    // A wheel turned five times asks once; a pan released asks at once.
    m_debounce.start(delayMs);
    update();
}

void MapCanvas::startRender()
{
    if (m_path.isEmpty() || width() <= 0 || height() <= 0)
        return;
    if (m_cancel)
        *m_cancel = true; // the job in flight is obsolete
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::uint64_t job = ++m_job;
    render::MapOptions o = screenOptions();
    o.furniture = false;
    o.pixelSize = std::pair{width(), height()};
    o.dpi = 96;
    o.prepared = m_prepared;
    o.overviews = m_overviews;
    const QSize size = this->size();
    const qreal ratio = devicePixelRatioF();
    const double cx = m_cx, cy = m_cy, mpp = m_mpp;
    const QString path = m_path;
    auto cancel = m_cancel;
    QPointer<MapCanvas> self(this);
    if (!m_rendering) {
        m_rendering = true;
        emit renderStarted();
    }
    QThreadPool::globalInstance()->start([=] {
        auto send = [&](Rendered r) {
            r.job = job;
            r.cx = cx;
            r.cy = cy;
            r.mpp = mpp;
            r.size = size;
            // Back in the GUI thread, and only if the canvas still exists.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, r = std::move(r)]() mutable { deliver(self, std::move(r)); },
                Qt::QueuedConnection);
        };
        Rendered r;
        if (o.stack.size() == 1 && o.stack.front().first.empty()) {
            QImage blank(size * ratio, QImage::Format_ARGB32_Premultiplied);
            blank.setDevicePixelRatio(ratio);
            blank.fill(QColor(0xf4, 0xf4, 0xf1));
            r.image = blank;
            send(std::move(r));
            return;
        }
        try {
            // Each job opens the workspace itself: GDAL datasets belong to one thread.
            auto ws = layers::Workspace::open(path.toStdString(), gis::OpenMode::ReadOnly);
            auto quick = o;
            quick.stack.clear();
            for (const auto& entry : o.stack) {
                const auto layer = ws.dataset().layerByName(entry.first);
                if (!layer || layer->featureCount(false) <= kHeavyLayer)
                    quick.stack.push_back(entry);
            }
            if (!quick.stack.empty() && quick.stack.size() < o.stack.size()) {
                Rendered first;
                first.image = draw(ws, quick, size, ratio, cancel, first.prepared);
                first.partial = true;
                r.prepared = first.prepared;
                send(std::move(first));
            }
            auto full = o;
            if (!full.prepared)
                full.prepared = r.prepared; // what the quick picture computed
            r.image = draw(ws, full, size, ratio, cancel, r.prepared);
        } catch (const layers::Error& e) {
            r.cancelled = e.kind() == layers::ErrorKind::Cancelled;
            r.error = said(e);
        } catch (const std::exception& e) {
            r.error = said(e);
        }
        send(std::move(r));
    });
}

void MapCanvas::deliver(const QPointer<MapCanvas>& canvas, Rendered rendered)
{
    if (MapCanvas* c = canvas.data())
        c->onRendered(std::move(rendered));
}

void MapCanvas::onRendered(Rendered r)
{
    if (r.job != m_job)
        return; // a newer request replaces this one
    if (!r.partial)
        m_rendering = false;
    if (r.cancelled)
        return;
    if (!r.partial)
        m_error = r.error;
    if (r.error.isEmpty()) {
        if (r.prepared)
            m_prepared = r.prepared; // kept for the redraws of the same theme
        m_picture = std::move(r.image);
        m_pictureCx = r.cx;
        m_pictureCy = r.cy;
        m_pictureMpp = r.mpp;
        m_pictureSize = r.size;
    }
    update();
    if (r.partial)
        emit firstPicture(
            m_requested.elapsed()); // the programme without the heavy layers; the rest follows
    else
        emit renderFinished(m_requested.elapsed(), r.error);
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0xf4, 0xf4, 0xf1));
    if (!m_picture.isNull() && m_pictureMpp > 0) {
        // The last picture where it now belongs: moved by a pan, scaled by a zoom, until the
        // new one arrives.
        const double s = m_pictureMpp / m_mpp;
        const QPointF topLeft = toPixel(m_pictureCx - m_pictureSize.width() * m_pictureMpp / 2,
                                        m_pictureCy + m_pictureSize.height() * m_pictureMpp / 2);
        p.setRenderHint(QPainter::SmoothPixmapTransform, s != 1.0);
        p.drawImage(QRectF(topLeft, QSizeF(m_pictureSize.width() * s, m_pictureSize.height() * s)),
                    m_picture);
    }
    if (!m_selection.polygons.empty() || !m_selection.lines.empty() ||
        !m_selection.points.empty()) {
        // The selected feature, outlined in the current view (vector: no new picture needed).
        p.setRenderHint(QPainter::Antialiasing, true);
        const QPen halo(QColor(255, 255, 255, 220), 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        const QPen pen(QColor(0x00, 0x9e, 0xe0), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        auto polyline = [this](const std::vector<gis::Coord>& coords) {
            QPolygonF out;
            for (const auto& c : coords)
                out << toPixel(c.x, c.y);
            return out;
        };
        QPainterPath path;
        for (const auto& polygon : m_selection.polygons)
            for (const auto& ring : polygon)
                path.addPolygon(polyline(ring)), path.closeSubpath();
        for (const auto& line : m_selection.lines)
            path.addPolygon(polyline(line));
        for (const auto& point : m_selection.points)
            path.addEllipse(toPixel(point.x, point.y), 8, 8);
        p.strokePath(path, halo);
        p.strokePath(path, pen);
    }
    if (!m_measure.empty()) {
        // The measurement: its line (closed for an area) to the cursor, and what it measures.
        p.setRenderHint(QPainter::Antialiasing, true);
        QPolygonF line;
        for (const auto& v : m_measure)
            line << toPixel(v.x(), v.y());
        if (m_hover && !m_measureDone)
            line << toPixel(m_hover->x(), m_hover->y());
        QPainterPath path;
        path.addPolygon(line);
        if (area() && line.size() > 2) {
            path.closeSubpath();
            p.fillPath(path, QColor(0xff, 0x7f, 0x00, 50));
        }
        p.strokePath(
            path, QPen(QColor(255, 255, 255, 220), 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.strokePath(path,
                     QPen(QColor(0xe6, 0x55, 0x0d), 2, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        if (m_tool == Tool::EditCorners) {
            // Corners as handles (the one Delete removes outlined), the middles of the sides
            // as the places a click adds one.
            const std::size_t sides = m_editArea ? line.size() : line.size() - 1;
            p.setPen(QPen(QColor(0xe6, 0x55, 0x0d), 1.5));
            p.setBrush(QColor(255, 255, 255, 230));
            for (std::size_t i = 0; i < sides && line.size() > 1; ++i)
                p.drawEllipse((line[i] + line[(i + 1) % line.size()]) / 2, 3.5, 3.5);
            for (std::size_t i = 0; i < line.size(); ++i) {
                p.fillRect(QRectF(line[i].x() - 4, line[i].y() - 4, 8, 8),
                           QColor(0xe6, 0x55, 0x0d));
                if (m_touched && *m_touched == i) {
                    p.setBrush(Qt::NoBrush);
                    p.setPen(QPen(QColor(0x1f, 0x5f, 0xbf), 2));
                    p.drawRect(QRectF(line[i].x() - 7, line[i].y() - 7, 14, 14));
                    p.setPen(QPen(QColor(0xe6, 0x55, 0x0d), 1.5));
                    p.setBrush(QColor(255, 255, 255, 230));
                }
            }
        } else {
            for (const auto& v : line)
                p.fillRect(QRectF(v.x() - 3, v.y() - 3, 6, 6), QColor(0xe6, 0x55, 0x0d));
        }
        const QString text = measurementText();
        if (!text.isEmpty()) {
            QFont f = p.font();
            f.setBold(true);
            p.setFont(f);
            const QRectF box = p.fontMetrics().boundingRect(text).adjusted(-6, -3, 6, 3);
            const QPointF at = line.back() + QPointF(12, -12);
            const QRectF placed(at, box.size());
            p.fillRect(placed, QColor(255, 255, 255, 230));
            p.setPen(QColor(0x80, 0x30, 0x00));
            p.drawText(placed, Qt::AlignCenter, text);
        }
    }
    if (m_theme == render::Theme::Coverage)
        paintCoverageLegend(p);
    if ((m_boxZoom || m_boxSelect) && !m_box.isNull()) {
        p.setPen(QPen(QColor(0x1f, 0x5f, 0xbf), 1, Qt::DashLine));
        p.setBrush(QColor(0x1f, 0x5f, 0xbf, 40));
        p.drawRect(m_box.normalized());
    }
    if (!m_error.isEmpty()) {
        p.setPen(QColor(0xa0, 0x10, 0x10));
        p.drawText(rect().adjusted(12, 12, -12, -12),
                   Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, m_error);
    }
}

void MapCanvas::paintCoverageLegend(QPainter& p) const
{
    // The choropleth's classes in the lower left: without them its colours say nothing.
    const auto classes = render::coverageLegend();
    const auto* kind = layers::findKind(m_themeKind);
    const QString title =
        tr("Share of each unit covered by %1")
            .arg(kind ? QString::fromStdString(
                            std::string(m_lang == "en" ? kind->titleEn : kind->titleVi))
                            .toLower()
                      : QString());
    const QFontMetrics fm(font());
    const int line = fm.height() + 4, swatch = fm.height();
    int width = fm.horizontalAdvance(title);
    for (const auto& [label, colour] : classes)
        width = std::max(width, swatch + 6 + fm.horizontalAdvance(QString::fromStdString(label)));
    const QRect box(10, height() - 10 - 12 - line * static_cast<int>(classes.size() + 1),
                    width + 16, 12 + line * static_cast<int>(classes.size() + 1));
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(box, QColor(255, 255, 255, 225));
    p.setPen(QColor(0x90, 0x90, 0x90));
    p.drawRect(box);
    int y = box.top() + 6;
    p.setPen(QColor(0x20, 0x20, 0x20));
    p.drawText(QRect(box.left() + 8, y, width, line), Qt::AlignLeft | Qt::AlignVCenter, title);
    for (const auto& [label, colour] : classes) {
        y += line;
        const QRect sw(box.left() + 8, y + (line - swatch) / 2, swatch, swatch);
        p.fillRect(sw, QColor::fromRgba(colour));
        p.setPen(QColor(0x80, 0x80, 0x80));
        p.drawRect(sw);
        p.setPen(QColor(0x20, 0x20, 0x20));
        p.drawText(QRect(sw.right() + 6, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                   QString::fromStdString(label));
    }
}

void MapCanvas::resizeEvent(QResizeEvent*)
{
    emit extentChanged();
    requestRender(100);
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::RightButton) {
        const QPointF world = toWorld(event->position());
        emit menuRequested(world.x(), world.y(), 4 * m_mpp, event->globalPosition().toPoint());
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    m_press = event->position().toPoint();
    m_last = *m_press;
    m_dragging = false;
    m_grabbed.reset();
    if (m_tool == Tool::EditCorners)
        if ((m_grabbed = cornerAt(event->position())))
            m_touched = m_grabbed;
    m_boxZoom = event->modifiers() & Qt::ShiftModifier;
    m_boxSelect =
        !m_boxZoom && (event->modifiers() & Qt::ControlModifier) && m_tool == Tool::Browse;
    m_box = QRect();
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF world = toWorld(event->position());
    emit cursorMoved(world.x(), world.y());
    if (m_tool != Tool::Browse && !m_measure.empty() && !m_measureDone) {
        m_hover = world;
        update();
    }
    if (!m_press)
        return;
    const QPoint at = event->position().toPoint();
    if (!m_dragging && (at - *m_press).manhattanLength() < 4)
        return;
    m_dragging = true;
    if (m_grabbed) {
        m_measure[*m_grabbed] = world; // snapped where it is let go
    } else if (m_boxZoom || m_boxSelect) {
        m_box = QRect(*m_press, at);
    } else {
        m_cx -= (at.x() - m_last.x()) * m_mpp;
        m_cy += (at.y() - m_last.y()) * m_mpp;
        m_last = at;
        emit extentChanged();
    }
    update();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_press)
        return;
    const QPoint at = event->position().toPoint();
    if (m_tool == Tool::EditCorners) {
        if (m_grabbed && m_dragging) {
            QPointF vertex = toWorld(at);
            if (m_snapper)
                if (const auto snapped = m_snapper(vertex, 8 * m_mpp))
                    vertex = *snapped;
            m_measure[*m_grabbed] = vertex;
            emit measured(measurementText());
        } else if (!m_dragging && !m_grabbed) {
            if (const auto side = sideMiddleAt(at)) { // a new corner in the middle of a side
                const QPointF& a = m_measure[*side];
                const QPointF& b = m_measure[(*side + 1) % m_measure.size()];
                m_measure.insert(m_measure.begin() + static_cast<std::ptrdiff_t>(*side) + 1,
                                 (a + b) / 2);
                m_touched = *side + 1;
                emit measured(measurementText());
            }
        } else if (m_dragging) {
            requestRender(0); // the map was panned
        }
        m_press.reset();
        m_grabbed.reset();
        m_dragging = false;
        update();
        return;
    }
    if (!m_dragging && m_tool == Tool::PickPoint) {
        const QPointF world = toWorld(at);
        emit picked(world.x(), world.y());
    } else if (!m_dragging && m_tool != Tool::Browse) {
        if (m_measureDone) { // a click after a finished measurement starts the next one
            m_measure.clear();
            m_measureDone = false;
        }
        QPointF vertex = toWorld(at);
        if (drawing() && m_snapper)
            if (const auto snapped = m_snapper(vertex, 8 * m_mpp)) // eight pixels of slack
                vertex = *snapped;
        m_measure.push_back(vertex);
        m_hover.reset();
        emit measured(measurementText());
    } else if (!m_dragging) {
        const QPointF world = toWorld(at);
        emit clicked(world.x(), world.y(), 4 * m_mpp); // four pixels of slack for the hand
    } else if (m_boxZoom && m_box.width() > 4 && m_box.height() > 4) {
        const QRect b = m_box.normalized();
        const QPointF a = toWorld(b.bottomLeft()), c = toWorld(b.topRight());
        m_boxZoom = false;
        zoomTo({a.x(), a.y(), c.x(), c.y()});
    } else if (m_boxSelect) {
        const QRect b = m_box.normalized();
        const QPointF a = toWorld(b.bottomLeft()), c = toWorld(b.topRight());
        m_boxSelect = false;
        emit boxSelected({a.x(), a.y(), c.x(), c.y()});
    } else {
        requestRender(0);
    }
    m_press.reset();
    m_dragging = m_boxZoom = m_boxSelect = false;
    m_box = QRect();
    update();
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    // The double click's first press and release added its vertex already: it ends there.
    if (m_tool == Tool::Browse || m_tool == Tool::PickPoint || event->button() != Qt::LeftButton)
        return;
    if (m_tool == Tool::EditCorners) {  // done: the corners as they are now
        const auto corners = m_measure; // a copy: what it goes to ends the editing
        emit drawn(corners);
        return;
    }
    const QPointF at = toWorld(event->position());
    if (m_measure.empty() ||
        QLineF(toPixel(m_measure.back().x(), m_measure.back().y()), event->position()).length() >
            (drawing() ? 9 : 3)) // a snapped vertex may lie a few pixels off the click
        m_measure.push_back(at); // a double click that came without its first click
    m_measureDone = true;
    m_hover.reset();
    emit measured(measurementText());
    if (drawing()) {
        const auto vertices = m_measure;
        m_measure.clear(); // drawn: the shape is the layer's now, or refused with the reason
        m_measureDone = false;
        emit drawn(vertices);
    }
    update();
}

void MapCanvas::editCorners(std::vector<QPointF> corners, bool area)
{
    setTool(Tool::EditCorners);
    m_measure = std::move(corners);
    m_editArea = area;
    m_measureDone = true; // no line to the cursor: the corners move, they are not added
    emit measured(measurementText());
    update();
}

std::optional<std::size_t> MapCanvas::cornerAt(QPointF pixel) const
{
    std::optional<std::size_t> best;
    double nearest = 7; // pixels
    for (std::size_t i = 0; i < m_measure.size(); ++i) {
        const double d = QLineF(toPixel(m_measure[i].x(), m_measure[i].y()), pixel).length();
        if (d <= nearest)
            nearest = d, best = i;
    }
    return best;
}

std::optional<std::size_t> MapCanvas::sideMiddleAt(QPointF pixel) const
{
    const std::size_t sides = m_editArea ? m_measure.size() : m_measure.size() - 1;
    for (std::size_t i = 0; i < sides && m_measure.size() > 1; ++i) {
        const QPointF mid = (m_measure[i] + m_measure[(i + 1) % m_measure.size()]) / 2;
        if (QLineF(toPixel(mid.x(), mid.y()), pixel).length() <= 6)
            return i;
    }
    return std::nullopt;
}

void MapCanvas::setTool(Tool tool)
{
    m_tool = tool;
    m_grabbed.reset();
    m_touched.reset();
    m_measure.clear();
    m_hover.reset();
    m_measureDone = false;
    setCursor(tool == Tool::Browse ? Qt::ArrowCursor : Qt::CrossCursor);
    emit measured({});
    update();
}

MapCanvas::Measurement MapCanvas::measurement() const
{
    Measurement m;
    m.vertices = m_measure.size();
    for (std::size_t i = 1; i < m_measure.size(); ++i)
        m.lengthM += QLineF(m_measure[i - 1], m_measure[i]).length();
    if (area() && m_measure.size() > 2) {
        m.lengthM += QLineF(m_measure.back(), m_measure.front()).length(); // the perimeter
        double twice = 0; // the shoelace: planar area on the projected CRS
        for (std::size_t i = 0; i < m_measure.size(); ++i) {
            const QPointF& a = m_measure[i];
            const QPointF& b = m_measure[(i + 1) % m_measure.size()];
            twice += a.x() * b.y() - b.x() * a.y();
        }
        m.areaM2 = std::abs(twice) / 2;
    }
    return m;
}

QString MapCanvas::measurementText() const
{
    const Measurement m = measurement();
    if (m.vertices < 2)
        return {};
    const QLocale locale(m_lang == "en" ? QLocale::English : QLocale::Vietnamese);
    auto km = [&](double metres) {
        return metres < 1000 ? locale.toString(metres, 'f', 0) + QStringLiteral(" m")
                             : locale.toString(metres / 1000, 'f', 2) + QStringLiteral(" km");
    };
    if (area() && m.vertices > 2)
        return locale.toString(m.areaM2 / 10000, 'f', m.areaM2 < 100000 ? 2 : 1) +
               QStringLiteral(" ha · ") + tr("perimeter") + QStringLiteral(" ") + km(m.lengthM);
    return km(m.lengthM);
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    // Zoom about the cursor: the point under it stays under it.
    const QPointF before = toWorld(event->position());
    m_mpp /= std::pow(1.25, steps);
    const QPointF after = toWorld(event->position());
    m_cx += before.x() - after.x();
    m_cy += before.y() - after.y();
    emit extentChanged();
    requestRender(150);
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    if (m_tool == Tool::EditCorners) {
        const std::size_t fewest = m_editArea ? 3 : 2;
        if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && m_touched &&
            *m_touched < m_measure.size() && m_measure.size() > fewest) {
            m_measure.erase(m_measure.begin() + static_cast<std::ptrdiff_t>(*m_touched));
            m_touched.reset();
            emit measured(measurementText());
            update();
            return;
        }
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            const auto corners = m_measure; // a copy: what it goes to ends the editing
            emit drawn(corners);
            return;
        }
    }
    const double step = 0.25;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_Left:
        m_cx -= width() * m_mpp * step;
        break;
    case Qt::Key_Right:
        m_cx += width() * m_mpp * step;
        break;
    case Qt::Key_Up:
        m_cy += height() * m_mpp * step;
        break;
    case Qt::Key_Down:
        m_cy -= height() * m_mpp * step;
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    emit extentChanged();
    requestRender(100);
}

} // namespace pa::gui
