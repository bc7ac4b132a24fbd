#include "planatlas/render/Atlas.h"

#include "Paint_p.h"
#include "Style_p.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/PendingFile.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Atlas.h"

#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>
#include <filesystem>

namespace pa::render {

using layers::Error;
using layers::ErrorKind;

namespace {

/// Ground half-width a page shows at least around a small feature (a park, a market), so that
/// the reader sees where it lies.
constexpr double kMinimumHalfExtentM = 3000;

/// One sheet of paper: the map of a feature with its first tasks, or a continuation with more.
struct Sheet
{
    std::size_t page = 0; ///< index into Atlas::pages
    bool continuation = false;
    /// The tasks on it, each with its place on the page (device units), as laid out once.
    std::vector<std::pair<std::size_t, QRectF>> tasks;
};

class AtlasComposer
{
public:
    AtlasComposer(layers::Workspace& ws, const AtlasOptions& o, const analysis::Atlas& atlas,
                  QPainter& p, const QRectF& page)
        : m_ws(ws), m_o(o), m_atlas(atlas), m_p(p),
          m_page(page), m_u{static_cast<double>(o.map.dpi)}, m_lang(o.map.lang)
    {
        m_landscape = page.width() >= page.height();
        const double margin = m_u.px(7);
        if (m_landscape) {
            m_mapRect = QRectF(page.left(), page.top(), page.width() * 0.63, page.height());
            m_taskRect = QRectF(m_mapRect.right() + m_u.px(1), page.top() + margin,
                                page.right() - margin - m_mapRect.right() - m_u.px(1),
                                page.height() - 2 * margin - m_u.px(6));
        } else {
            m_mapRect = QRectF(page.left(), page.top(), page.width(), page.height() * 0.6);
            m_taskRect = QRectF(page.left() + margin, m_mapRect.bottom() + m_u.px(1),
                                page.width() - 2 * margin,
                                page.bottom() - m_mapRect.bottom() - margin - m_u.px(7));
        }
        m_continuationRect =
            QRectF(page.left() + margin, page.top() + margin + m_u.px(12),
                   page.width() - 2 * margin, page.height() - 2 * margin - m_u.px(18));
        m_head = mapFont(m_u.pt(10), true);
        m_id = mapFont(m_u.pt(7.5), true);
        m_text = mapFont(m_u.pt(7.5));
        m_small = mapFont(m_u.pt(6.5));
    }

    /// Cuts every page's tasks into sheets by the space they take, and places each: under the
    /// head beside the map, then in two columns on continuation pages.
    std::vector<Sheet> layout()
    {
        std::vector<Sheet> sheets;
        const double columnWidth = (m_continuationRect.width() - m_u.px(6)) / 2;
        for (std::size_t i = 0; i < m_atlas.pages.size(); ++i) {
            const auto& page = m_atlas.pages[i];
            Sheet sheet{i, false, {}};
            const double headBottom = m_taskRect.top() + headHeight(page, m_taskRect.width());
            QRectF column(m_taskRect.left(), headBottom, m_taskRect.width(),
                          m_taskRect.bottom() - headBottom);
            double y = column.top();
            for (std::size_t t = 0; t < page.tasks.size();) {
                const double h = taskHeight(page, page.tasks[t], column.width());
                if (y + h <= column.bottom() || sheet.tasks.empty()) { // one taller than a page
                    sheet.tasks.emplace_back(t, QRectF(column.left(), y, column.width(), h));
                    y += h;
                    ++t;
                } else if (sheet.continuation && column.left() == m_continuationRect.left()) {
                    column.moveLeft(column.left() + columnWidth + m_u.px(6)); // second column
                    y = column.top();
                } else {
                    sheets.push_back(std::move(sheet));
                    sheet = Sheet{i, true, {}};
                    column = QRectF(m_continuationRect.left(), m_continuationRect.top(),
                                    columnWidth, m_continuationRect.height());
                    y = column.top();
                }
            }
            sheets.push_back(std::move(sheet));
        }
        return sheets;
    }

    void paint(const Sheet& sheet, std::size_t number, std::size_t total,
               const layers::Progress& progress)
    {
        const auto& page = m_atlas.pages[sheet.page];
        m_p.fillRect(m_page, Qt::white);
        if (!sheet.continuation) {
            MapOptions o = m_o.map;
            o.extent = pageExtent(page);
            o.title = page.name;
            const MapReport map = drawMap(m_ws, o, m_p, m_mapRect, progress);
            for (const auto& [layer, crs] : map.inputNotes.reprojected)
                m_notes.reprojected[layer] = crs;
            outline(page, map);
            drawHead(page, m_taskRect);
            const std::size_t listed = sheet.tasks.empty() ? 0 : sheet.tasks.back().first + 1;
            if (listed < page.tasks.size())
                drawWrapped(
                    m_p,
                    MapText::tr("%1 more on the next page", m_lang).arg(page.tasks.size() - listed),
                    QRectF(m_taskRect.left(), m_taskRect.bottom() + m_u.px(1), m_taskRect.width(),
                           m_u.px(5)),
                    m_small, QColor(0x55, 0x55, 0x55));
        } else {
            const QRectF headBox(m_continuationRect.left(), m_page.top() + m_u.px(7),
                                 m_continuationRect.width(), m_u.px(10));
            drawWrapped(m_p,
                        q(page.name) + QStringLiteral(" — ") +
                            MapText::tr("plan tasks (continued)", m_lang),
                        headBox, m_head, QColor(0x20, 0x20, 0x20));
        }
        for (const auto& [task, box] : sheet.tasks)
            drawTask(page, page.tasks[task], box);
        const QRectF numberBox(m_page.left(), m_page.bottom() - m_u.px(6),
                               m_page.width() - m_u.px(7), m_u.px(4));
        m_p.setFont(m_small);
        m_p.setPen(QColor(0x60, 0x60, 0x60));
        m_p.drawText(numberBox, Qt::AlignRight | Qt::AlignVCenter,
                     MapText::tr("Page %1 of %2", m_lang).arg(number).arg(total));
    }

    [[nodiscard]] const analysis::InputNotes& notes() const { return m_notes; }

private:
    /// The feature with room around it: a unit fills the frame, a small feature shows its
    /// surroundings.
    [[nodiscard]] static gis::Envelope pageExtent(const analysis::AtlasPage& page)
    {
        const auto& e = page.envelope;
        const double cx = (e.minX + e.maxX) / 2, cy = (e.minY + e.maxY) / 2;
        const double hw = std::max((e.maxX - e.minX) / 2 * 1.15, kMinimumHalfExtentM);
        const double hh = std::max((e.maxY - e.minY) / 2 * 1.15, kMinimumHalfExtentM);
        return {cx - hw, cy - hh, cx + hw, cy + hh};
    }

    /// The page's feature drawn over the map: a unit with the land outside it veiled, any
    /// other feature in a strong outline.
    void outline(const analysis::AtlasPage& page, const MapReport& map)
    {
        const QRectF frame(map.frame.minX, map.frame.minY, map.frame.maxX - map.frame.minX,
                           map.frame.maxY - map.frame.minY);
        const View view{map.extent, frame, 1.0 / map.metresPerPixel};
        m_p.save();
        m_p.setClipRect(frame);
        m_p.setRenderHint(QPainter::Antialiasing, true);
        QPainterPath shape;
        for (const auto& polygon : page.shapes.polygons)
            shape.addPath(polygonPath(polygon, view, 0.3));
        if (m_atlas.units && !shape.isEmpty()) {
            QPainterPath veil;
            veil.addRect(frame);
            veil.addPath(shape);
            veil.setFillRule(Qt::OddEvenFill);
            m_p.fillPath(veil, QColor(255, 255, 255, 120));
        }
        const QColor red(0xc6, 0x28, 0x28);
        m_p.setBrush(Qt::NoBrush);
        m_p.setPen(QPen(red, m_u.px(0.7), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        m_p.drawPath(shape);
        for (const auto& line : page.shapes.lines) {
            const QPolygonF device = toDevice(line, view, 0.3);
            m_p.setPen(QPen(QColor(255, 255, 255, 200), m_u.px(1.8), Qt::SolidLine, Qt::RoundCap,
                            Qt::RoundJoin));
            m_p.drawPolyline(device);
            m_p.setPen(QPen(red, m_u.px(0.9), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            m_p.drawPolyline(device);
        }
        m_p.setPen(QPen(red, m_u.px(0.6)));
        for (const auto& point : page.shapes.points)
            m_p.drawEllipse(view.map(point), m_u.px(2.5), m_u.px(2.5));
        m_p.restore();
    }

    /// "Plan tasks (N)" and, for a unit, what lies in it.
    [[nodiscard]] QString headText(const analysis::AtlasPage& page) const
    {
        return MapText::tr("Plan tasks (%1)", m_lang).arg(page.tasks.size());
    }

    [[nodiscard]] QString insideText(const analysis::AtlasPage& page) const
    {
        if (!m_atlas.units)
            return {};
        QStringList parts;
        for (const auto& kind : layers::layerKinds()) {
            const auto it = page.featuresByKind.find(std::string(kind.id));
            if (it != page.featuresByKind.end())
                parts << QStringLiteral("%1 %2").arg(
                    q(std::string(m_lang == "en" ? kind.titleEn : kind.titleVi)),
                    QString::number(it->second));
        }
        if (parts.isEmpty())
            return MapText::tr("No programme feature reaches into this unit.", m_lang);
        return MapText::tr("Inside: %1", m_lang).arg(parts.join(QStringLiteral(" · ")));
    }

    [[nodiscard]] QString emptyText() const
    {
        return m_atlas.units ? MapText::tr("No plan task is linked to this unit or to a "
                                           "programme feature inside it.",
                                           m_lang)
                             : MapText::tr("No plan task is linked to this feature yet.", m_lang);
    }

    [[nodiscard]] double measure(const QString& text, const QFont& font, double width) const
    {
        if (text.isEmpty())
            return 0;
        m_p.setFont(font);
        return m_p.boundingRect(QRectF(0, 0, width, 1e6), Qt::AlignLeft | Qt::TextWordWrap, text)
            .height();
    }

    [[nodiscard]] double headHeight(const analysis::AtlasPage& page, double width) const
    {
        double h = measure(headText(page), m_head, width) + m_u.px(1.5);
        if (const auto inside = insideText(page); !inside.isEmpty())
            h += measure(inside, m_small, width) + m_u.px(1.5);
        if (page.tasks.empty())
            h += measure(emptyText(), m_text, width);
        return h + m_u.px(1.5);
    }

    /// The head as headHeight measured it; the tasks are placed under it.
    void drawHead(const analysis::AtlasPage& page, const QRectF& box)
    {
        const QColor ink(0x20, 0x20, 0x20), grey(0x55, 0x55, 0x55);
        double y = box.top();
        y += drawWrapped(m_p, headText(page), QRectF(box.left(), y, box.width(), box.height()),
                         m_head, ink) +
             m_u.px(1.5);
        if (const auto inside = insideText(page); !inside.isEmpty())
            y += drawWrapped(m_p, inside, QRectF(box.left(), y, box.width(), box.height()), m_small,
                             grey) +
                 m_u.px(1.5);
        if (page.tasks.empty())
            y += drawWrapped(m_p, emptyText(), QRectF(box.left(), y, box.width(), box.height()),
                             m_text, QColor(0xb3, 0x58, 0x06));
        // A rule under the head.
        m_p.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), m_u.px(0.2)));
        m_p.drawLine(QPointF(box.left(), y + m_u.px(0.7)), QPointF(box.right(), y + m_u.px(0.7)));
    }

    [[nodiscard]] QString idLine(const analysis::AtlasTask& t) const
    {
        QString line = q(t.task.taskId);
        const std::string& deadline =
            m_lang == "en" || t.task.deadlineText.empty() ? t.task.deadline : t.task.deadlineText;
        if (!deadline.empty())
            line += QStringLiteral("  ·  ") +
                    MapText::tr("due: %1", m_lang).arg(q(text::lowerFirst(deadline)));
        return line;
    }

    [[nodiscard]] QString bodyText(const analysis::AtlasTask& t) const
    {
        // A long task is cut after about five lines; the plan browser has the whole text.
        constexpr std::size_t maxBytes = 560;
        std::string body = t.task.text;
        if (body.size() > maxBytes)
            body = text::clipUtf8(body, maxBytes) + "…";
        return q(body);
    }

    [[nodiscard]] QString agencyText(const analysis::AtlasTask& t) const
    {
        auto names = [](const std::vector<std::string>& list, std::size_t most) {
            QStringList out;
            for (std::size_t i = 0; i < list.size() && i < most; ++i)
                out << q(list[i]);
            if (list.size() > most)
                out << QString::number(list.size() - most) + QStringLiteral(" …");
            return out.join(QStringLiteral(", "));
        };
        QString s = MapText::tr("Lead: %1", m_lang)
                        .arg(t.task.lead.empty() ? MapText::tr("not named", m_lang)
                                                 : names(t.task.lead, 3));
        if (!t.task.support.empty())
            s += QStringLiteral("; ") +
                 MapText::tr("support: %1", m_lang).arg(names(t.task.support, 4));
        return s;
    }

    [[nodiscard]] QString viaText(const analysis::AtlasTask& t) const
    {
        if (!m_atlas.units)
            return {};
        QStringList parts;
        if (t.direct)
            parts << MapText::tr("the unit itself", m_lang);
        for (const auto& name : t.via)
            parts << q(name);
        return MapText::tr("Through: %1", m_lang).arg(parts.join(QStringLiteral(", ")));
    }

    [[nodiscard]] double taskHeight(const analysis::AtlasPage&, const analysis::AtlasTask& t,
                                    double width) const
    {
        return measure(idLine(t), m_id, width) + measure(bodyText(t), m_text, width) +
               measure(agencyText(t), m_small, width) + measure(viaText(t), m_small, width) +
               m_u.px(2.2);
    }

    void drawTask(const analysis::AtlasPage&, const analysis::AtlasTask& t, const QRectF& box)
    {
        const QColor ink(0x20, 0x20, 0x20), grey(0x55, 0x55, 0x55), blue(0x1f, 0x4e, 0x79);
        double y = box.top();
        auto next = [&](const QString& text, const QFont& font, const QColor& colour) {
            if (!text.isEmpty())
                y += drawWrapped(m_p, text, QRectF(box.left(), y, box.width(), 1e6), font, colour);
        };
        next(idLine(t), m_id, blue);
        next(bodyText(t), m_text, ink);
        next(agencyText(t), m_small, grey);
        next(viaText(t), m_small, grey);
    }

    layers::Workspace& m_ws;
    const AtlasOptions& m_o;
    const analysis::Atlas& m_atlas;
    QPainter& m_p;
    const QRectF m_page;
    const Units m_u;
    const std::string m_lang;
    bool m_landscape = true;
    QRectF m_mapRect, m_taskRect, m_continuationRect;
    QFont m_head, m_id, m_text, m_small;
    analysis::InputNotes m_notes;
};

void checkOptions(const AtlasOptions& o)
{
    if (o.map.pixelSize)
        throw Error(ErrorKind::Usage, "an atlas is printed on pages: give a page size, not a "
                                      "pixel size");
    if (!o.map.furniture)
        throw Error(ErrorKind::Usage, "an atlas page needs its title, legend and footer");
}

AtlasReport reportOf(const analysis::Atlas& atlas, const std::vector<Sheet>& sheets)
{
    AtlasReport report;
    report.layer = atlas.layer;
    report.units = atlas.units;
    report.pages = static_cast<std::int64_t>(sheets.size());
    for (const auto& page : atlas.pages) {
        report.features.push_back(page.code);
        report.tasksListed += static_cast<std::int64_t>(page.tasks.size());
        if (page.tasks.empty())
            ++report.featuresWithoutTasks;
    }
    report.inputNotes = atlas.notes;
    return report;
}

/// What the pages need from the analyses, run once for all of them.
AtlasOptions prepared(layers::Workspace& ws, const AtlasOptions& o,
                      const layers::Progress& progress)
{
    AtlasOptions out = o;
    if (!out.map.prepared || !out.map.prepared->fits(out.map))
        out.map.prepared = prepareTheme(ws, out.map, progress);
    return out;
}

} // namespace

AtlasReport writeAtlas(layers::Workspace& ws, const AtlasOptions& options, const std::string& path,
                       const layers::Progress& progress)
{
    ensureGuiApplication();
    checkOptions(options);
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".pdf")
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: an atlas is written as one .pdf file of "
                                                     "its pages"),
                     {path}});
    layers::PendingFile pending(path, layers::OutputKind::Pdf);
    const auto atlas = analysis::atlasPages(
        ws, options.layer, options.codes, options.map.lang,
        layers::Progress([&](double f, std::string_view s) { progress.update(0.05 * f, s); },
                         nullptr));
    const AtlasOptions o = prepared(ws, options, progress);

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setResolution(o.map.dpi);
    pdf.setPageSize(
        QPageSize(QSizeF(o.map.pageWidthMm, o.map.pageHeightMm), QPageSize::Millimeter));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    const auto title = ws.findLayer(options.layer);
    pdf.setTitle(QStringLiteral("PlanAtlas — ") +
                 q(title ? (o.map.lang == "en" ? title->titleEn : title->titleVi) : options.layer));
    pdf.setCreator(QStringLiteral("PlanAtlas"));
    QPainter painter;
    if (!painter.begin(&pdf))
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be written"), {path}});
    const QRectF page(0, 0, pdf.width(), pdf.height());
    AtlasComposer composer(ws, o, atlas, painter, page);
    const auto sheets = composer.layout();
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (i > 0)
            pdf.newPage();
        const double from =
                         0.05 + 0.95 * static_cast<double>(i) / static_cast<double>(sheets.size()),
                     span = 0.95 / static_cast<double>(sheets.size());
        composer.paint(
            sheets[i], i + 1, sheets.size(),
            layers::Progress(
                [&](double f, std::string_view s) { progress.update(from + span * f, s); },
                nullptr));
    }
    painter.end();
    buffer.close();
    pending.write(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    pending.commit();
    auto report = reportOf(atlas, sheets);
    for (const auto& [layer, crs] : composer.notes().reprojected)
        report.inputNotes.reprojected[layer] = crs;
    progress.update(1.0, "atlas");
    return report;
}

AtlasReport drawAtlasPreview(layers::Workspace& ws, const AtlasOptions& options, QPainter& painter,
                             const QRectF& page, const layers::Progress& progress)
{
    checkOptions(options);
    const auto atlas = analysis::atlasPages(ws, options.layer, options.codes, options.map.lang);
    const AtlasOptions o = prepared(ws, options, progress);
    AtlasComposer composer(ws, o, atlas, painter, page);
    const auto sheets = composer.layout();
    composer.paint(sheets.front(), 1, sheets.size(), progress);
    return reportOf(atlas, sheets);
}

} // namespace pa::render
