// The furniture of a map page: layout, scale bar, north arrow, title, locator, legend, notes
// and footer.
#include "Furniture_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"

#include <QDate>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <set>

namespace pa::render {

using layers::Error;
using layers::ErrorKind;

namespace {

/// A "nice" scale-bar length in km, about @p targetKm.
double niceLength(double targetKm)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(targetKm)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= targetKm)
            return step * magnitude;
    return magnitude;
}

} // namespace

PageLayout layoutPage(const QRectF& page, bool furniture, const Units& u)
{
    PageLayout l;
    const double margin = furniture ? u.px(7) : 0.0;
    l.landscape = page.width() >= page.height();
    const QRectF inner = page.adjusted(margin, margin, -margin, -margin);
    const double titleHeight = furniture ? u.px(15) : 0.0,
                 footerHeight = furniture ? u.px(11) : 0.0;
    l.title = QRectF(inner.left(), inner.top(), inner.width(), titleHeight);
    l.footer = QRectF(inner.left(), inner.bottom() - footerHeight + u.px(1.5), inner.width(),
                      footerHeight - u.px(1.5));
    const double body = inner.height() - titleHeight - footerHeight;
    if (!furniture) {
        l.frame = inner;
    } else if (l.landscape) {
        const double panelWidth = std::min(u.px(70), inner.width() * 0.34);
        l.frame = QRectF(inner.left(), inner.top() + titleHeight,
                         inner.width() - panelWidth - u.px(4), body);
        l.panel = QRectF(l.frame.right() + u.px(4), l.frame.top(), panelWidth, l.frame.height());
    } else {
        const double panelHeight = std::min(u.px(75), body * 0.34);
        l.frame = QRectF(inner.left(), inner.top() + titleHeight, inner.width(),
                         body - panelHeight - u.px(4));
        l.panel = QRectF(inner.left(), l.frame.bottom() + u.px(4), inner.width(), panelHeight);
    }
    // A page too small for its title, legend and footer would leave no map at all: said, not
    // drawn blank.
    if (furniture && (l.frame.width() < u.px(20) || l.frame.height() < u.px(20)))
        throw Error(ErrorKind::Usage,
                    "a page of " + std::to_string(std::lround(page.width() * 25.4 / u.dpi)) +
                        " × " + std::to_string(std::lround(page.height() * 25.4 / u.dpi)) +
                        " mm is too small for a map with its title, legend and footer (at least "
                        "about 70 × 70 mm); give a larger size or a lower resolution");
    if (furniture) {
        const double scaleBarHeight = u.px(9), northSize = u.px(12);
        l.scaleBar = QRectF(l.frame.left() + u.px(3), l.frame.bottom() - u.px(3) - scaleBarHeight,
                            l.frame.width() * 0.35, scaleBarHeight);
        l.northArrow = QRectF(l.frame.right() - u.px(3) - northSize * 0.7, l.frame.top() + u.px(3),
                              northSize * 0.7, northSize);
    }
    return l;
}

std::pair<double, double> drawScaleBar(QPainter& p, const QRectF& box, const View& view,
                                       bool onPaper, const Units& u, const std::string& lang)
{
    const QRectF& frame = view.frame;
    const double metresPerUnit = 1.0 / view.scale;
    const double targetKm = frame.width() * 0.22 * metresPerUnit / 1000.0;
    const double km = niceLength(targetKm);
    double denominator = 0;
    const double length = km * 1000.0 * view.scale;
    const double x0 = box.left() + u.px(2), y0 = box.bottom() - u.px(3.2);
    p.fillRect(QRectF(box.left(), box.top(), length + u.px(14), box.height()),
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
    at(x0 + length, formatDecimal(km, km == std::floor(km) ? 0 : 1, lang) + QStringLiteral(" km"));
    if (onPaper) {
        // True on paper: metres on the ground per metre on the page.
        const double frameMetresOnPage = frame.width() / u.px(1) / 1000.0;
        denominator = (view.world.maxX - view.world.minX) / frameMetresOnPage;
        const double rounded = std::round(denominator / 1000.0) * 1000.0;
        p.drawText(QPointF(x0, y0 + u.px(4)), MapText::tr("Scale", lang) + QStringLiteral(" 1:") +
                                                  formatInteger(rounded, lang));
    }
    return {km, denominator};
}

void drawNorthArrow(QPainter& p, const QRectF& nb, const Units& u, const std::string& lang)
{
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
    const QString n = MapText::tr("N", lang);
    p.drawText(QPointF(nb.center().x() - QFontMetricsF(nf).horizontalAdvance(n) / 2,
                       nb.top() + nb.height() * 0.2),
               n);
}

QString defaultTitle(layers::Workspace& ws, const std::string& lang)
{
    const std::string province = ws.province();
    if (lang == "en")
        return MapText::tr("Development programme", lang) + " — " + q(province) + " province";
    return MapText::tr("Development programme", lang) + " — " + MapText::tr("province", lang) +
           " " + q(province);
}

void drawTitle(QPainter& p, const QRectF& box, const QString& title, const QString& subtitle,
               const Units& u)
{
    drawWrapped(p, title, box, mapFont(u.pt(14), true), QColor(0x10, 0x10, 0x10));
    drawWrapped(p, subtitle, box.adjusted(0, u.pt(14) * 1.45, 0, 0), mapFont(u.pt(9.5)),
                QColor(0x40, 0x40, 0x40));
}

double drawLocator(QPainter& p, const PageLayout& layout, layers::Workspace& ws,
                   const std::string& provinceLayer, const gis::Envelope& world, const Units& u,
                   const std::string& lang)
{
    // All the provinces, not only those in the map's extent that were drawn.
    const QRectF& panel = layout.panel;
    std::vector<gis::Shapes> country;
    gis::Envelope ce{1e300, 1e300, -1e300, -1e300};
    for (const auto& l : ws.layers())
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
    if (country.empty())
        return panel.top();
    const bool landscape = layout.landscape;
    const double boxHeight = landscape ? std::min(panel.height() * 0.36, u.px(62)) : panel.height();
    const double boxWidth = landscape ? panel.width() : std::min(panel.width() * 0.25, u.px(45));
    const QRectF box(panel.left(), panel.top(), boxWidth, boxHeight);
    const QFont cf = mapFont(u.pt(6.5), true);
    const double captionH = QFontMetricsF(cf).height();
    const QRectF mapBox = box.adjusted(0, captionH, 0, 0);
    const double s =
        std::min(mapBox.width() / (ce.maxX - ce.minX), mapBox.height() / (ce.maxY - ce.minY));
    const double w = (ce.maxX - ce.minX) * s, h = (ce.maxY - ce.minY) * s;
    const QRectF fit(mapBox.center().x() - w / 2, mapBox.center().y() - h / 2, w, h);
    View lv{ce, fit, s};
    p.setPen(QColor(0x30, 0x30, 0x30));
    p.setFont(cf);
    p.drawText(QPointF(box.left(), box.top() + QFontMetricsF(cf).ascent()),
               MapText::tr("Location in Viet Nam", lang));
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
    const QRectF extentBox(lv.map({world.minX, world.maxY}), lv.map({world.maxX, world.minY}));
    p.drawRect(extentBox.normalized().adjusted(-u.px(0.6), -u.px(0.6), u.px(0.6), u.px(0.6)));
    return landscape ? box.bottom() + u.px(2.5) : panel.top();
}

std::vector<LegendEntry> legendEntries(const std::vector<Drawn>& drawn,
                                       const ThemeDescription& theme, const ThemeContext& c,
                                       const KindStatuses& statuses,
                                       const std::vector<double>& prices, const Classes& price,
                                       bool indicative)
{
    const std::string& lang = c.lang;
    const Units& u = c.u;
    std::vector<LegendEntry> legend;
    std::set<std::string> kindsInLegend;
    for (const auto& d : drawn) {
        const layers::LayerKind* k = layers::findKind(d.kind);
        // Catch-all kinds are named by each layer's title, bulk ones (price zones) classed per
        // layer: one entry per layer; other kinds one per kind.
        const bool catchAll = k && k->symbology.titledByLayer;
        const bool perLayer = catchAll || (k && k->symbology.bulk);
        if (d.kind == "basemap" ||
            !kindsInLegend.insert(d.kind + "|" + (perLayer ? d.layer.name : "")).second)
            continue;
        if (c.run.emphasis && !d.streamed &&
            std::none_of(d.items.begin(), d.items.end(),
                         [](const Item& i) { return i.emphasised; }))
            continue; // only in the background: "other features"
        // The kind's name, or for catch-all kinds the layer's own title ("Nhà máy thủy điện").
        const QString kindTitle = catchAll || !k
                                      ? q(lang == "en" ? d.layer.titleEn : d.layer.titleVi)
                                      : q(std::string(lang == "en" ? k->titleEn : k->titleVi));
        if (d.kind == "admin_province") {
            legend.push_back({symbolSwatch(d.kind, d.layer.geometryType, "", "", false, u),
                              MapText::tr("Province boundary", lang)});
        } else if (d.kind == "admin_district") {
            legend.push_back({symbolSwatch(d.kind, d.layer.geometryType, "", "", false, u),
                              MapText::tr("District boundary", lang)});
        } else if (d.kind == "land_price" && !prices.empty()) {
            legend.push_back({nullptr, q(lang == "en" ? d.layer.titleEn : d.layer.titleVi)});
            for (std::size_t i = 0; i < price.breaks.size(); ++i) {
                const QColor colour = price.colours[i];
                const QString text = priceClassLabel(price, i, lang);
                legend.push_back({[colour](QPainter& pp, const QRectF& r) {
                                      pp.fillRect(swatchBand(r), colour);
                                  },
                                  text});
            }
        } else if (k && !k->symbology.sizes.empty()) {
            // Sized by a class (urban centres by tier): one entry, at the largest class drawn.
            std::set<std::string> classes;
            for (const auto& item : d.items)
                classes.insert(item.tier);
            std::string_view shown = k->symbology.sizes.front().value;
            for (const auto& size : k->symbology.sizes)
                if (classes.contains(std::string(size.value))) {
                    shown = size.value;
                    break;
                }
            legend.push_back({symbolSwatch(d.kind, d.layer.geometryType, "existing",
                                           std::string(shown), false, u),
                              kindTitle});
        } else if (!(k && k->symbology.bulk)) {
            const auto found = statuses.find(d.kind);
            const auto st = found == statuses.end() ? std::pair{false, false} : found->second;
            if (st.first || (!st.first && !st.second))
                legend.push_back(
                    {symbolSwatch(d.kind, d.layer.geometryType, "existing", "", false, u),
                     kindTitle +
                         (st.second ? " (" + MapText::tr("existing", lang) + ")" : QString())});
            if (st.second)
                legend.push_back(
                    {symbolSwatch(d.kind, d.layer.geometryType, "planned", "", false, u),
                     kindTitle + " (" + MapText::tr("planned", lang) + ")"});
        }
        theme.legendAfterLayer(legend, d, c);
    }
    theme.legendAfterLayers(legend, c);
    if (indicative)
        legend.push_back({symbolSwatch("industrial_park", "MULTIPOLYGON", "existing", "", true, u),
                          MapText::tr("Indicative outline (not surveyed)", lang)});
    theme.legendOfOverlay(legend, c);
    return legend;
}

LegendFit drawLegendAndNotes(QPainter& p, const PageLayout& layout, double top,
                             const std::vector<LegendEntry>& legend,
                             const std::vector<std::pair<QString, QColor>>& notes, const Units& u,
                             const std::string& lang)
{
    const QRectF& panel = layout.panel;
    const bool landscape = layout.landscape;
    const double panelGap = u.px(2.5);
    const double locatorWidth = std::min(panel.width() * 0.25, u.px(45));
    const QRectF legendColumn =
        landscape ? QRectF(panel.left(), top, panel.width(), panel.bottom() - top)
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
    LegendFit fit;
    const QRectF area(legendColumn.left(), legendColumn.top(), legendColumn.width(),
                      (landscape ? notesTop - u.px(2) : legendColumn.bottom()) -
                          legendColumn.top());
    const QFont head = mapFont(u.pt(8.5), true);
    const double headH = QFontMetricsF(head).height() + u.px(0.8);
    const double swatchW = u.px(8), columnGap = u.px(3);
    // Lays the entries out at type @p size in @p columns columns (filled top to bottom, then
    // the next), drawing them when @p draw; with @p reserve, the last row of the last column
    // stays free for the line saying what is left out. Returns how many fit.
    auto place = [&](double size, int columns, bool draw, bool reserve) {
        const double rowH = std::max(QFontMetricsF(mapFont(u.pt(size))).height(), u.px(size * 0.6));
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
                    drawWrapped(p, e.text, QRectF(textBox.left(), yy, textBox.width(), h), entry,
                                QColor(0x20, 0x20, 0x20), Qt::AlignLeft | Qt::AlignVCenter);
                }
                yy += h + u.px(0.5);
            }
            if (draw)
                fit.printed.push_back(e.text.toStdString());
            ++fitted;
            ++i;
        }
        return fitted;
    };
    // One column with the type shrinking to 5 pt, then two columns: the first layout that holds
    // every entry. When none does, the one that holds the most (one column and the larger type
    // on a tie), its last rows saying how many are left out: an entry is never dropped without
    // a word, on the map and in the report.
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
               MapText::tr("Legend", lang));
    const std::size_t shown = place(size, columns, true, !fits);
    fit.columns = columns;
    fit.omitted = static_cast<std::int64_t>(legend.size() - shown);
    if (fit.omitted > 0) {
        const QFont entry = mapFont(u.pt(size));
        const double rowH = std::max(QFontMetricsF(entry).height(), u.px(size * 0.6));
        const double width = (area.width() - columnGap * (columns - 1)) / columns;
        QFont italic = entry;
        italic.setItalic(true);
        drawWrapped(p,
                    MapText::tr("… %1 more legend entries do not fit: enlarge the map", lang)
                        .arg(fit.omitted),
                    QRectF(area.left() + (columns - 1) * (width + columnGap),
                           area.bottom() - 2 * rowH, width, 2 * rowH),
                    italic, QColor(0xb0, 0x10, 0x10));
    }
    return fit;
}

void drawFooter(QPainter& p, const QRectF& box,
                const std::vector<std::pair<std::string, std::string>>& sources,
                layers::Workspace& ws, const std::string& date, const Units& u,
                const std::string& lang)
{
    QString text = MapText::tr("Sources", lang) + ": ";
    for (std::size_t i = 0; i < sources.size(); ++i) {
        QString one = q(sources[i].second).trimmed();
        while (one.endsWith(QChar('.')))
            one.chop(1);
        text += (i ? QStringLiteral("; ") : QString()) + one;
    }
    const std::string today =
        date.empty() ? QDate::currentDate().toString(Qt::ISODate).toStdString() : date;
    const QDate d = QDate::fromString(q(today), Qt::ISODate);
    const QString when = lang == "en" ? d.toString(QStringLiteral("d MMMM yyyy"))
                                      : d.toString(QStringLiteral("dd/MM/yyyy"));
    text += QStringLiteral(" — ") + MapText::tr("Coordinate system", lang) + ": " +
            q(ws.crs().label()) + " (" + q(ws.crs().name()) + "). " +
            MapText::tr("Made with PlanAtlas on", lang) + " " + when + ".";
    for (double size = 6.5; size >= 3.5; size -= 0.5) {
        const QFont f = mapFont(u.pt(size));
        p.setFont(f);
        const QRectF need =
            p.boundingRect(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        if (need.height() <= box.height() || size <= 3.5) {
            drawWrapped(p, text, box, f, QColor(0x40, 0x40, 0x40));
            break;
        }
    }
}

} // namespace pa::render
