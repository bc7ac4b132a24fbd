#include "Style_p.h"
#include "planatlas/layers/LayerKind.h"

#include <QLocale>
#include <cmath>
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

QString tr(const char* key, const std::string& lang)
{
    if (lang == "en")
        return QString::fromUtf8(key);
    static const std::map<std::string, const char*> vi = {
        {"Legend", "Chú giải"},
        {"Scale", "Tỷ lệ"},
        {"N", "B"},
        {"Sources", "Nguồn dữ liệu"},
        {"Province boundary", "Ranh giới tỉnh"},
        {"District boundary", "Ranh giới huyện"},
        {"existing", "hiện có"},
        {"planned", "quy hoạch, dự kiến"},
        {"Indicative outline (not surveyed)", "Ranh giới chỉ dẫn (không phải đo đạc)"},
        {"INDICATIVE POSITIONS: parks, zones and routes are drawn from published names and areas, "
         "not surveyed; "
         "do not measure from this map.",
         "VỊ TRÍ CHỈ DẪN: các khu, vùng, tuyến được vẽ theo địa danh và diện tích công bố, không "
         "phải số liệu đo "
         "đạc; không đo đạc trên bản đồ này."},
        {"ILLUSTRATIVE VALUES: the land prices shown are made up for demonstration, not real "
         "prices.",
         "SỐ LIỆU MINH HỌA: giá đất trên bản đồ là số liệu minh họa, không phải giá thật."},
        {"Made with PlanAtlas on", "Lập bằng PlanAtlas ngày"},
        {"… %1 more legend entries do not fit: enlarge the map",
         "… còn %1 mục chú giải không đủ chỗ: hãy phóng to bản đồ"},
        {"Coordinate system", "Hệ tọa độ"},
        {"Development programme", "Chương trình phát triển"},
        {"province", "tỉnh"},
        {"Programme features by kind", "Các đối tượng của chương trình theo loại"},
        {"Share of each unit covered by", "Tỷ lệ diện tích mỗi đơn vị thuộc"},
        {"Land price", "Giá đất"},
        {"Within", "Trong phạm vi"},
        {"of an expressway", "từ đường cao tốc"},
        {"Expressway corridor", "Hành lang đường cao tốc"},
        {"Footprint of", "Địa bàn thực hiện của"},
        {"tasks", "nhiệm vụ"},
        {"features", "đối tượng"},
        {"Other features", "Đối tượng khác"},
        {"Due by", "Hạn hoàn thành"},
        {"No end date (ongoing, annual or none given)",
         "Không có hạn cụ thể (thường xuyên, hằng năm hoặc không nêu)"},
        {"no data", "không có"},
        {"Location in Viet Nam", "Vị trí trong Việt Nam"},
    };
    const auto it = vi.find(key);
    return QString::fromUtf8(it == vi.end() ? key : it->second);
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
