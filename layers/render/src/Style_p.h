#pragma once
// How each kind is drawn (Vietnamese planning-map habits: industrial purple, agriculture
// yellow-green, forest green, urban salmon/red, expressways red with casing, planned features
// hatched or dashed) and the map's own words in Vietnamese and English.

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QPen>
#include <QString>
#include <string>

namespace pa::render {

/// Millimetres → device pixels at the map's resolution.
struct Units
{
    double dpi = 150;
    [[nodiscard]] double px(double mm) const { return mm * dpi / 25.4; }
    [[nodiscard]] double pt(double points) const { return points * dpi / 72.0; }
};

/// A priced parcel's outline, white, translucent and thin, drawn only where the parcel is at
/// least kPriceOutlinedFromMm across on the map: at a province's scale a parcel is two or three
/// pixels and the outline would pale its class. The maps (Map.cpp) and QGIS's style (Qgis.cpp).
constexpr double kPriceOutlineMm = 0.1;
constexpr int kPriceOutlineAlpha = 150;
constexpr double kPriceOutlinedFromMm = 0.8;

enum class Mark
{
    None,
    Circle,
    Square,
    Triangle
};

struct Symbol
{
    QPen pen = Qt::NoPen;
    QBrush brush = Qt::NoBrush;
    QBrush hatch = Qt::NoBrush; ///< drawn over the fill (planned polygons)
    QPen casing = Qt::NoPen;    ///< drawn under lines (expressways)
    Mark mark = Mark::None;
    double markMm = 0;
};

/// The symbol of a feature of @p kind with @p status ("existing", "planned", …), @p tier
/// (urban centres) and @p indicative geometry; @p muted draws it in greys (a highlight's
/// background).
Symbol symbolFor(const std::string& kind, const std::string& status, const std::string& tier,
                 bool indicative, bool muted, const Units& u);

/// Words of the maps and the report: English in the source, Vietnamese in the Qt Linguist
/// catalogue layers/render/i18n/planatlas_render_vi.ts, compiled into the library. The language
/// is chosen per call (a map in English from the Vietnamese desktop). @p context is the
/// catalogue's ("Map", "Report"); a key it lacks stays English.
QString translated(const char* context, const char* key, const std::string& lang);

/// The map's words: `MapText::tr("Legend", lang)` (lupdate collects them as context "Map").
class MapText
{
    Q_DECLARE_TR_FUNCTIONS(Map)
public:
    static QString tr(const char* key, const std::string& lang)
    {
        return translated("Map", key, lang);
    }
};

/// 1234567.8 → "1.234.568" (vi) or "1,234,568" (en).
QString formatInteger(double value, const std::string& lang);

/// A number with @p decimals, Vietnamese decimal comma for vi ("134,9").
QString formatDecimal(double value, int decimals, const std::string& lang);

} // namespace pa::render
