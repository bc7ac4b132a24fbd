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

Symbol symbolFor(const std::string& kind, const std::string& status, const std::string& tier,
                 bool indicative, bool mute, const Units& u)
{
    Symbol s;
    const layers::LayerKind* k = layers::findKind(kind);
    const auto style = k ? k->style : layers::Style{"#d9d9d9", "#737373", 0.3};
    QColor fill = style.fill.empty() ? QColor() : colour(style.fill, 200);
    QColor stroke = colour(style.stroke);
    if (mute) {
        fill = fill.isValid() ? muted(fill) : fill;
        stroke = muted(stroke).darker(115);
    }
    const bool planned =
        status == "planned" || status == "proposed" || status == "under_construction";
    const double width = u.px(std::max(style.strokeWidthMm, 0.15));

    if (kind == "expressway") {
        s.casing = QPen(mute ? QColor(245, 245, 245) : Qt::white, u.px(1.9), Qt::SolidLine,
                        Qt::FlatCap, Qt::RoundJoin);
        s.pen = QPen(stroke, u.px(1.1), planned ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap,
                     Qt::RoundJoin);
        if (!mute)
            s.casing.setColor(QColor(255, 255, 255, 230));
        return s;
    }
    if (kind == "road") {
        s.casing =
            QPen(QColor(255, 255, 255, 200), u.px(0.9), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        s.pen = QPen(stroke, u.px(0.5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        return s;
    }
    if (kind == "railway") {
        // The classic railway: a dark line with light dashes along it.
        s.casing = QPen(stroke, u.px(0.8), Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
        s.pen = QPen(Qt::white, u.px(0.4), Qt::CustomDashLine, Qt::FlatCap, Qt::RoundJoin);
        s.pen.setDashPattern({4, 4});
        return s;
    }
    if (kind == "urban_centre") {
        static const std::map<std::string, double> size = {
            {"provincial", 4.2}, {"subregional", 3.2}, {"district", 2.4}, {"commune_cluster", 2.0}};
        const auto it = size.find(tier);
        s.mark = Mark::Circle;
        s.markMm = it == size.end() ? 2.2 : it->second;
        s.pen = QPen(mute ? stroke : QColor(0x99, 0x10, 0x20), u.px(0.35));
        s.brush = planned ? QBrush(Qt::white) : QBrush(mute ? fill : QColor(0xe3, 0x4a, 0x33));
        if (planned)
            s.pen.setStyle(Qt::DashLine);
        return s;
    }
    if (kind == "market_logistics" || kind == "infrastructure") {
        s.mark = kind == "market_logistics" ? Mark::Square : Mark::Triangle;
        s.markMm = 2.6;
        s.pen = QPen(stroke.darker(120), u.px(0.3));
        s.brush = QBrush(kind == "infrastructure" && !mute ? QColor(0x31, 0x82, 0xbd)
                                                           : (fill.isValid() ? fill : stroke));
        return s;
    }
    // Polygons (and points of polygon kinds, drawn as squares).
    s.mark = Mark::Square;
    s.markMm = 2.4;
    if (kind == "admin_province") {
        s.pen =
            QPen(QColor(0x3a, 0x3a, 0x3a), u.px(0.7), Qt::DashDotLine, Qt::FlatCap, Qt::RoundJoin);
        return s;
    }
    if (kind == "admin_district" || kind == "admin_commune") {
        s.pen = QPen(QColor(0x80, 0x80, 0x80), u.px(kind == "admin_district" ? 0.3 : 0.2),
                     Qt::DashLine);
        return s;
    }
    if (kind == "basemap") {
        s.pen = QPen(QColor(0xc8, 0xc8, 0xc8), u.px(0.15));
        s.brush = QBrush(QColor(0xe2, 0xe2, 0xdc));
        return s;
    }
    if (kind == "other" || kind == "analysis_grid") {
        s.pen = QPen(kind == "other" && !mute ? QColor(0xb3, 0x58, 0x06) : stroke,
                     u.px(kind == "other" ? 0.5 : 0.15),
                     kind == "other" ? Qt::DashLine : Qt::SolidLine);
        return s;
    }
    s.pen =
        QPen(stroke, width, indicative ? Qt::DotLine : Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    if (fill.isValid()) {
        QColor f = fill;
        if (planned) {
            f.setAlpha(90);
            QColor h = stroke;
            h.setAlpha(170);
            s.hatch = QBrush(h, Qt::BDiagPattern);
        }
        s.brush = QBrush(f);
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
