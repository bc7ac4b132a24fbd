#include "Style_p.h"
#include "planatlas/layers/LayerKind.h"

#include <QLocale>
#include <QTranslator>
#include <cmath>
#include <cstdio>
#include <map>

namespace pa::render {

namespace {

QColor colour(std::string_view hex, int alpha = 255)
{
    QColor c(QString::fromLatin1(hex.data(), static_cast<int>(hex.size())));
    if (!c.isValid())
        c = QColor(0x73, 0x73, 0x73);
    c.setAlpha(alpha);
    return c;
}

QColor muted(const QColor& c)
{
    const int grey = qGray(c.rgb());
    const int light = 200 + (grey * 40) / 255;
    return QColor(light, light, light, c.alpha());
}

} // namespace

namespace {

Qt::PenStyle penStyle(layers::Dash dash)
{
    switch (dash) {
    case layers::Dash::Dash:
        return Qt::DashLine;
    case layers::Dash::Dot:
        return Qt::DotLine;
    case layers::Dash::DashDot:
        return Qt::DashDotLine;
    case layers::Dash::Sleepers:
        return Qt::CustomDashLine;
    case layers::Dash::Solid:
        break;
    }
    return Qt::SolidLine;
}

QPen pen(const layers::Stroke& stroke, const QColor& c, const Units& u)
{
    if (stroke.colour.empty() || stroke.widthMm <= 0)
        return Qt::NoPen;
    const Qt::PenCapStyle cap = stroke.cap == layers::Cap::Flat    ? Qt::FlatCap
                                : stroke.cap == layers::Cap::Round ? Qt::RoundCap
                                                                   : Qt::SquareCap;
    QPen p(c, u.px(stroke.widthMm), penStyle(stroke.dash), cap,
           stroke.cap == layers::Cap::Square ? Qt::BevelJoin : Qt::RoundJoin);
    if (stroke.dash == layers::Dash::Sleepers)
        p.setDashPattern({4, 4});
    return p;
}

} // namespace

Symbol symbolFor(const std::string& kind, const std::string& status, const std::string& tier,
                 bool indicative, bool mute, const Units& u)
{
    static const layers::Symbology unknown = [] {
        layers::Symbology s;
        s.fill = "#d9d9d9";
        s.line.colour = "#737373";
        s.line.widthMm = 0.3;
        s.line.cap = layers::Cap::Flat;
        s.indicativeDotted = true;
        return s;
    }();
    const layers::LayerKind* k = layers::findKind(kind);
    const layers::Symbology& look = k ? k->symbology : unknown;
    const bool planned =
        look.planned != layers::PlannedLook::Same && layers::isPlannedStatus(status);

    QColor stroke = colour(look.line.colour, look.line.alpha);
    QColor fill = look.fill.empty() ? QColor() : colour(look.fill, look.fillAlpha);
    QColor casing = colour(look.casing.colour, look.casing.alpha);
    if (mute) {
        stroke = muted(stroke).darker(115);
        fill = fill.isValid() ? muted(fill) : fill;
        casing = muted(casing);
    }

    Symbol s;
    s.pen = pen(look.line, stroke, u);
    s.casing = pen(look.casing, casing, u);
    if (indicative && look.indicativeDotted && s.pen.style() == Qt::SolidLine)
        s.pen.setStyle(Qt::DotLine);
    s.mark = look.marker == layers::Marker::Circle     ? Mark::Circle
             : look.marker == layers::Marker::Triangle ? Mark::Triangle
                                                       : Mark::Square;
    s.markMm = look.markerMm;
    for (const auto& size : look.sizes)
        if (size.value == tier)
            s.markMm = size.markerMm;
    if (fill.isValid())
        s.brush = QBrush(fill);
    if (!planned)
        return s;
    switch (look.planned) {
    case layers::PlannedLook::Hatched:
        if (fill.isValid()) {
            fill.setAlpha(90);
            s.brush = QBrush(fill);
            QColor h = stroke;
            h.setAlpha(170);
            s.hatch = QBrush(h, Qt::BDiagPattern);
        }
        break;
    case layers::PlannedLook::DashedLine:
        s.pen.setStyle(Qt::DashLine);
        break;
    case layers::PlannedLook::HollowDashed:
        s.brush = QBrush(Qt::white);
        s.pen.setStyle(Qt::DashLine);
        break;
    case layers::PlannedLook::Same:
        break;
    }
    return s;
}

QString translated(const char* context, const char* key, const std::string& lang)
{
    if (lang == "en")
        return QString::fromUtf8(key);
    static const auto* catalogue = [] {
        auto* t = new QTranslator; // lives as long as the process, as Qt's own translators
        if (!t->load(QStringLiteral(":/planatlas_render/planatlas_render_vi.qm")))
            std::fprintf(stderr, "planatlas: internal error: the Vietnamese catalogue of the "
                                 "maps and the report is missing; they are written in English\n");
        return t;
    }();
    const QString vi = catalogue->translate(context, key);
    return vi.isEmpty() ? QString::fromUtf8(key) : vi;
}

QString formatInteger(double value, const std::string& lang)
{
    const auto n = static_cast<long long>(std::llround(value));
    QString digits = QString::number(std::llabs(n));
    const QChar sep = lang == "en" ? QChar(',') : QChar('.');
    for (int i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, sep);
    return n < 0 ? QStringLiteral("-") + digits : digits;
}

QString formatDecimal(double value, int decimals, const std::string& lang)
{
    QString s = QString::number(value, 'f', decimals);
    if (lang != "en")
        s.replace(QChar('.'), QChar(','));
    return s;
}

} // namespace pa::render
