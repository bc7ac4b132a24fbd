#include "planatlas/render/Qgis.h"

#include "Markup_p.h"
#include "Paint_p.h"
#include "Period_p.h"
#include "Style_p.h"
#include "Values_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Files.h"
#include "planatlas/gis/Raster.h"
#include "planatlas/layers/Access.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/analysis/Input.h"
#include "planatlas/layers/analysis/Table.h"
#include "planatlas/render/Report.h"

#include <QDateTime>
#include <QFileInfo>
#include <QUrl>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace pa::render {

namespace {

using layers::LayerKind;
using layers::RegisteredLayer;
using layers::Symbology;

// The QGIS version whose project and style format is written (Debian 12's); later QGIS
// versions read it.
constexpr const char* kQgisVersion = "3.22.16-Białowieża";

std::string xml(std::string_view text)
{
    return escapeMarkup(text, true);
}

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

/// @p value as written, to the last bit (a class's bound: a parcel priced at it stays in the
/// class the map puts it in).
std::string exactNumber(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

/// "#b07cc6", 200 → "176,124,198,200" (QGIS's colour text).
std::string rgba(std::string_view hex, int alpha = 255)
{
    unsigned r = 0, g = 0, b = 0;
    if (hex.size() == 7)
        std::sscanf(std::string(hex).c_str(), "#%02x%02x%02x", &r, &g, &b);
    return std::to_string(r) + "," + std::to_string(g) + "," + std::to_string(b) + "," +
           std::to_string(alpha);
}

std::string option(std::string_view name, std::string_view value)
{
    return "<Option name=\"" + xml(name) + "\" type=\"QString\" value=\"" + xml(value) + "\"/>";
}

using Options = std::vector<std::pair<std::string, std::string>>;

/// @p dataDefined: a symbol property ("outlineStyle", "size") and the expression that sets it
/// per feature.
std::string symbolLayer(std::string_view cls, const Options& options,
                        const Options& dataDefined = {})
{
    std::string s = "<layer class=\"" + std::string(cls) +
                    "\" enabled=\"1\" pass=\"0\" locked=\"0\"><Option type=\"Map\">";
    for (const auto& [name, value] : options)
        s += option(name, value);
    s += "</Option>";
    if (!dataDefined.empty()) {
        s += "<data_defined_properties><Option type=\"Map\">" + option("name", "") +
             "<Option name=\"properties\" type=\"Map\">";
        for (const auto& [property, expression] : dataDefined)
            s += "<Option name=\"" + property +
                 "\" type=\"Map\"><Option name=\"active\" type=\"bool\" value=\"true\"/>" +
                 option("expression", expression) +
                 "<Option name=\"type\" type=\"int\" value=\"3\"/></Option>";
        s += "</Option>" + option("type", "collection") + "</Option></data_defined_properties>";
    }
    return s + "</layer>";
}

std::string dashName(layers::Dash dash)
{
    switch (dash) {
    case layers::Dash::Dash:
        return "dash";
    case layers::Dash::Dot:
        return "dot";
    case layers::Dash::DashDot:
        return "dash dot";
    case layers::Dash::Sleepers:
    case layers::Dash::Solid:
        break;
    }
    return "solid";
}

std::string capName(layers::Cap cap)
{
    return cap == layers::Cap::Flat ? "flat" : cap == layers::Cap::Round ? "round" : "square";
}

std::string joinName(layers::Cap cap)
{
    return cap == layers::Cap::Square ? "bevel" : "round";
}

/// What a rule draws: a feature's status, outline quality and size class.
struct Variant
{
    std::string filter; ///< QGIS expression; empty: every feature
    std::string label;  ///< the legend's words
    bool planned = false;
    bool indicative = false;
    const layers::SizeClass* size = nullptr;
    /// QML: the outline's style and the marker's size set per feature by these expressions
    /// (outline quality, size class), not by more rules
    std::string outlineStyleExpression, sizeExpression;
    /// A land-price class: its fill ("#rrggbb") and bounds (above the lower, up to the upper;
    /// none at the ends); noPrice: the features without a price.
    std::string classFill;
    std::optional<double> above, atMost;
    bool noPrice = false;
};

/// The expression of a size class's marker size, and of a dotted indicative outline.
std::string sizeExpression(const Symbology& look)
{
    std::string e = "CASE";
    for (const auto& size : look.sizes)
        e += " WHEN \"" + std::string(look.sizeBy) + "\" = '" + std::string(size.value) +
             "' THEN " + number(size.markerMm);
    return e + " ELSE " + number(look.markerMm) + " END";
}

const std::string kIndicativeOutline =
    "CASE WHEN \"geometry_quality\" = 'indicative' THEN 'dot' ELSE 'solid' END";

/// A priced parcel's outline as PlanAtlas's maps draw it: only where the parcel is at least
/// kPriceOutlinedFromMm across on the map (smaller, the outline would pale its class).
const std::string kPriceOutline = "CASE WHEN min(bounds_width($geometry), "
                                  "bounds_height($geometry)) * 1000 / @map_scale >= " +
                                  number(kPriceOutlinedFromMm) + " THEN 'solid' ELSE 'no' END";

enum class Family
{
    Point,
    Line,
    Polygon,
    None
};

Family familyOf(const RegisteredLayer& layer)
{
    const std::string& t = layer.geometryType;
    if (t.find("Polygon") != std::string::npos)
        return Family::Polygon;
    if (t.find("Line") != std::string::npos)
        return Family::Line;
    if (t.find("Point") != std::string::npos)
        return Family::Point;
    return Family::None;
}

std::string lineLayer(const layers::Stroke& stroke, layers::Dash dash)
{
    Options o = {{"line_color", rgba(stroke.colour, stroke.alpha)},
                 {"line_width", number(stroke.widthMm)},
                 {"line_width_unit", "MM"},
                 {"line_style", dashName(dash)},
                 {"capstyle", capName(stroke.cap)},
                 {"joinstyle", joinName(stroke.cap)},
                 {"use_custom_dash", dash == layers::Dash::Sleepers ? "1" : "0"}};
    if (dash == layers::Dash::Sleepers) {
        // Qt's dash pattern {4, 4} counts in line widths.
        const std::string d = number(4 * stroke.widthMm);
        o.push_back({"customdash", d + ";" + d});
        o.push_back({"customdash_unit", "MM"});
    }
    return symbolLayer("SimpleLine", o);
}

/// What one rule draws, decided once for the QML and the SLD writer: how a planned feature
/// differs, the outline's and the line's dash, the marker and its size.
struct RuleLook
{
    bool hatched = false, hollow = false;
    layers::Dash outline = layers::Dash::Solid, line = layers::Dash::Solid;
    const char* marker = "square";
    double markerMm = 0;
};

RuleLook ruleLook(const Symbology& look, const Variant& v)
{
    RuleLook r;
    const bool planned = v.planned && look.planned != layers::PlannedLook::Same;
    r.hatched = planned && look.planned == layers::PlannedLook::Hatched;
    r.hollow = planned && look.planned == layers::PlannedLook::HollowDashed;
    r.outline = look.line.dash;
    if (v.indicative && look.indicativeDotted && r.outline == layers::Dash::Solid)
        r.outline = layers::Dash::Dot;
    r.line = planned && look.planned == layers::PlannedLook::DashedLine ? layers::Dash::Dash
                                                                        : look.line.dash;
    r.marker = look.marker == layers::Marker::Circle     ? "circle"
               : look.marker == layers::Marker::Triangle ? "triangle"
                                                         : "square";
    r.markerMm = v.size ? v.size->markerMm : look.markerMm;
    return r;
}

/// The symbol of one rule, as PlanAtlas's maps draw it (Style.cpp reads the same Symbology).
std::string symbolXml(const Symbology& look, Family family, const Variant& v, int index)
{
    const RuleLook r = ruleLook(look, v);
    std::string type, body;
    if (family == Family::Line) {
        type = "line";
        if (!look.casing.colour.empty() && look.casing.widthMm > 0)
            body += lineLayer(look.casing, look.casing.dash);
        body += lineLayer(look.line, r.line);
    } else if (family == Family::Point) {
        type = "marker";
        std::string fill =
            look.fill.empty() ? rgba(look.line.colour, 255) : rgba(look.fill, look.fillAlpha);
        if (r.hollow)
            fill = "255,255,255,255";
        else if (r.hatched && !look.fill.empty())
            fill = rgba(look.fill, 90);
        body +=
            symbolLayer("SimpleMarker",
                        {{"name", r.marker},
                         {"size", number(r.markerMm)},
                         {"size_unit", "MM"},
                         {"color", fill},
                         {"outline_color", rgba(look.line.colour, look.line.alpha)},
                         {"outline_style", r.hollow ? "dash" : "solid"},
                         {"outline_width", number(look.line.widthMm)},
                         {"outline_width_unit", "MM"},
                         {"joinstyle", joinName(look.line.cap)}},
                        v.sizeExpression.empty() ? Options{} : Options{{"size", v.sizeExpression}});
    } else if (!v.classFill.empty()) {
        type = "fill";
        body += symbolLayer("SimpleFill",
                            {{"color", rgba(v.classFill, 255)},
                             {"style", "solid"},
                             {"outline_color", rgba("#ffffff", kPriceOutlineAlpha)},
                             {"outline_style", "solid"},
                             {"outline_width", number(kPriceOutlineMm)},
                             {"outline_width_unit", "MM"},
                             {"joinstyle", "bevel"}},
                            Options{{"outlineStyle", kPriceOutline}});
    } else {
        type = "fill";
        if (!look.fill.empty()) {
            body += symbolLayer("SimpleFill",
                                {{"color", rgba(look.fill, r.hatched ? 90 : look.fillAlpha)},
                                 {"style", "solid"},
                                 {"outline_style", "no"}});
            if (r.hatched)
                body += symbolLayer("SimpleFill", {{"color", rgba(look.line.colour, 170)},
                                                   {"style", "b_diagonal"},
                                                   {"outline_style", "no"}});
        }
        body += symbolLayer("SimpleFill",
                            {{"color", "0,0,0,0"},
                             {"style", "no"},
                             {"outline_color", rgba(look.line.colour, look.line.alpha)},
                             {"outline_style", dashName(r.outline)},
                             {"outline_width", number(look.line.widthMm)},
                             {"outline_width_unit", "MM"},
                             {"joinstyle", joinName(look.line.cap)}},
                            v.outlineStyleExpression.empty()
                                ? Options{}
                                : Options{{"outlineStyle", v.outlineStyleExpression}});
    }
    return "<symbol type=\"" + type + "\" name=\"" + std::to_string(index) +
           "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">" + body + "</symbol>";
}

bool hasField(const std::vector<std::string>& fields, std::string_view name)
{
    return std::find(fields.begin(), fields.end(), name) != fields.end();
}

std::string words(std::string_view vi, std::string_view en, const std::string& lang)
{
    return std::string(lang == "en" ? en : vi);
}

/// The rules a layer is drawn by: every combination of status, outline quality and size
/// class its kind draws differently and its columns allow.
/// @p split: every combination is a rule (SLD); otherwise (QML) the rules are by status and the
/// rest is set per feature, so that a legend has one entry per status.
std::vector<Variant> variants(const LayerKind& kind, Family family,
                              const std::vector<std::string>& fields, const std::string& lang,
                              const std::string& layerTitle, bool everyRule, const Classes* price)
{
    const Symbology& look = kind.symbology;
    const std::string title(lang == "en" ? kind.titleEn : kind.titleVi);
    static const std::string plannedList = "('planned','proposed','under_construction')";
    std::vector<Variant> out(1);
    out[0].label = layerTitle.empty() ? title : layerTitle;
    if (price && !price->breaks.empty() && family == Family::Polygon &&
        hasField(fields, "price_vnd_m2")) {
        // Priced parcels: a rule per land-price class, as the map colours them whatever their
        // status, and the features without a price in the kind's own look.
        std::vector<Variant> classes;
        const std::string column = "\"price_vnd_m2\"";
        for (std::size_t i = 0; i < price->breaks.size(); ++i) {
            Variant v;
            if (i > 0)
                v.above = price->breaks[i - 1];
            if (i + 1 < price->breaks.size())
                v.atMost = price->breaks[i];
            if (v.above)
                v.filter = column + " > " + exactNumber(*v.above);
            if (v.atMost)
                v.filter +=
                    (v.filter.empty() ? "" : " AND ") + column + " <= " + exactNumber(*v.atMost);
            if (v.filter.empty())
                v.filter = column + " IS NOT NULL";
            v.classFill = price->colours[i].name().toStdString();
            v.label = priceClassLabel(*price, i, lang).toStdString();
            classes.push_back(v);
        }
        Variant none = out[0];
        none.filter = column + " IS NULL";
        none.noPrice = true;
        none.label += " — " + words("chưa có giá", "no price", lang);
        classes.push_back(none);
        return classes;
    }
    if (look.planned != layers::PlannedLook::Same && hasField(fields, "status")) {
        out.assign(2, Variant{});
        out[0].filter = "coalesce(\"status\", '') NOT IN " + plannedList;
        out[0].label = title + " (" + words("hiện có", "existing", lang) + ")";
        out[1].filter = "\"status\" IN " + plannedList;
        out[1].label = title + " (" + words("quy hoạch, dự kiến", "planned", lang) + ")";
        out[1].planned = true;
    }
    const bool dotted = look.indicativeDotted && look.line.dash == layers::Dash::Solid &&
                        family == Family::Polygon && hasField(fields, "geometry_quality");
    const bool sized = !look.sizeBy.empty() && family == Family::Point &&
                       hasField(fields, std::string(look.sizeBy));
    if (!everyRule) {
        for (auto& v : out) {
            if (dotted)
                v.outlineStyleExpression = kIndicativeOutline;
            if (sized)
                v.sizeExpression = sizeExpression(look);
        }
        return out;
    }
    if (dotted) {
        std::vector<Variant> split;
        for (const auto& v : out) {
            Variant surveyed = v, indicative = v;
            const std::string is = "coalesce(\"geometry_quality\", '') = 'indicative'";
            surveyed.filter =
                (v.filter.empty() ? "" : "(" + v.filter + ") AND ") + "NOT (" + is + ")";
            indicative.filter = (v.filter.empty() ? "" : "(" + v.filter + ") AND ") + is;
            indicative.indicative = true;
            indicative.label += " — " + words("ranh giới chỉ dẫn", "indicative outline", lang);
            split.push_back(surveyed);
            split.push_back(indicative);
        }
        out = split;
    }
    if (sized) {
        std::vector<Variant> split;
        const std::string column = "\"" + std::string(look.sizeBy) + "\"";
        for (const auto& v : out) {
            std::string others;
            for (const auto& size : look.sizes) {
                Variant c = v;
                const std::string is = column + " = '" + std::string(size.value) + "'";
                c.filter = (v.filter.empty() ? "" : "(" + v.filter + ") AND ") + is;
                c.size = &size;
                c.label += " — " + analysis::valueTitle(look.sizeBy, std::string(size.value), lang);
                split.push_back(c);
                others +=
                    (others.empty() ? "" : ",") + std::string("'") + std::string(size.value) + "'";
            }
            Variant rest = v;
            rest.filter = (v.filter.empty() ? "" : "(" + v.filter + ") AND ") + "coalesce(" +
                          column + ", '') NOT IN (" + others + ")";
            split.push_back(rest);
        }
        out = split;
    }
    return out;
}

std::string rendererXml(const LayerKind& kind, Family family,
                        const std::vector<std::string>& fields, const std::string& lang,
                        const std::string& layerTitle, const Classes* price)
{
    const auto rules = variants(kind, family, fields, lang, layerTitle, false, price);
    std::string r = "<renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" enableorderby=\"0\" "
                    "forceraster=\"0\" referencescale=\"-1\"><rules key=\"{root}\">";
    std::string symbols;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        r += "<rule key=\"{r" + std::to_string(i) + "}\" symbol=\"" + std::to_string(i) +
             "\" label=\"" + xml(rules[i].label) + "\"" +
             (rules[i].filter.empty() ? "" : " filter=\"" + xml(rules[i].filter) + "\"") + "/>";
        symbols += symbolXml(kind.symbology, family, rules[i], static_cast<int>(i));
    }
    return r + "</rules><symbols>" + symbols + "</symbols></renderer-v2>";
}

std::string labelSettings(const layers::LabelSpec& spec, Family family, double sizePt, bool bold,
                          int priority)
{
    // PlanAtlas writes names with a white halo, centred on areas, beside points and along
    // lines; priorities 0–100 become QGIS's 0–10.
    const int placement = family == Family::Line      ? 3  // curved along the line
                          : family == Family::Polygon ? 1  // over the area's centre
                                                      : 0; // around the point
    const int qgisPriority = std::clamp(priority < 0 ? 5 : priority / 10, 0, 10);
    const bool scaled = spec.maxScaleDenominator > 0;
    return "<settings calloutType=\"simple\"><text-style fieldName=\"name_vi\" isExpression=\"0\" "
           "fontFamily=\"DejaVu Sans\" fontSize=\"" +
           number(sizePt) + "\" fontSizeUnit=\"Point\" fontWeight=\"" + (bold ? "75" : "50") +
           "\" fontItalic=\"" + (spec.italic ? "1" : "0") + "\" textColor=\"" + rgba(spec.colour) +
           "\" textOpacity=\"1\" multilineHeight=\"1\" blendMode=\"0\">"
           "<text-buffer bufferDraw=\"1\" bufferSize=\"0.6\" bufferSizeUnits=\"MM\" "
           "bufferColor=\"255,255,255,255\" bufferOpacity=\"0.9\" bufferNoFill=\"1\" "
           "bufferJoinStyle=\"128\" bufferBlendMode=\"0\"/></text-style>"
           "<text-format wrapChar=\"\" autoWrapLength=\"18\" multilineAlign=\"3\" "
           "addDirectionSymbol=\"0\" formatNumbers=\"0\" plussign=\"0\" decimals=\"3\"/>"
           "<placement placement=\"" +
           std::to_string(placement) + "\" dist=\"" + number(spec.offsetMm) +
           "\" distUnits=\"MM\" priority=\"" + std::to_string(qgisPriority) +
           "\" placementFlags=\"10\" offsetType=\"0\" centroidInside=\"1\" centroidWhole=\"0\" "
           "fitInPolygonOnly=\"0\" maxCurvedCharAngleIn=\"25\" maxCurvedCharAngleOut=\"-25\" "
           "repeatDistance=\"0\" overrunDistance=\"0\" lineAnchorPercent=\"0.5\"/>"
           "<rendering scaleVisibility=\"" +
           (scaled ? "1" : "0") + "\" scaleMin=\"0\" scaleMax=\"" +
           number(spec.maxScaleDenominator) +
           "\" obstacle=\"1\" obstacleType=\"1\" obstacleFactor=\"1\" displayAll=\"0\" "
           "upsidedownLabels=\"0\" labelPerPart=\"0\" mergeLines=\"1\" limitNumLabels=\"0\" "
           "drawLabels=\"1\" fontMinPixelSize=\"3\" fontMaxPixelSize=\"10000\" "
           "fontLimitPixelSize=\"0\" minFeatureSize=\"0\" zIndex=\"0\"/></settings>";
}

std::string labelingXml(const LayerKind& kind, Family family,
                        const std::vector<std::string>& fields)
{
    const layers::LabelSpec& spec = kind.symbology.label;
    if (spec.sizePt <= 0 || !hasField(fields, "name_vi") || family == Family::None)
        return {};
    const auto& look = kind.symbology;
    if (look.sizeBy.empty() || !hasField(fields, std::string(look.sizeBy)))
        return "<labeling type=\"simple\">" +
               labelSettings(spec, family, spec.sizePt, spec.bold, spec.priority) + "</labeling>";
    std::string r = "<labeling type=\"rule-based\"><rules key=\"{labels}\">";
    std::string others;
    const std::string column = "\"" + std::string(look.sizeBy) + "\"";
    int i = 0;
    for (const auto& size : look.sizes) {
        r += "<rule key=\"{l" + std::to_string(i++) + "}\" filter=\"" +
             xml(column + " = '" + std::string(size.value) + "'") + "\">" +
             labelSettings(spec, family, size.labelPt, size.labelBold, size.labelPriority) +
             "</rule>";
        others += (others.empty() ? "'" : ",'") + std::string(size.value) + "'";
    }
    r += "<rule key=\"{l" + std::to_string(i) + "}\" filter=\"" +
         xml("coalesce(" + column + ", '') NOT IN (" + others + ")") + "\">" +
         labelSettings(spec, family, spec.sizePt, spec.bold, spec.priority) + "</rule>";
    return r + "</rules></labeling>";
}

/// Coded columns (status, geometry_quality, tier) shown in words in forms and tables; the
/// stored values stay as they are.
std::string valueMapsXml(const std::vector<std::string>& fields, const std::string& lang)
{
    std::string f;
    for (const auto& field : fields) {
        const auto values = analysis::codedValues(field);
        if (values.empty())
            continue;
        f += "<field name=\"" + xml(field) +
             "\" configurationFlags=\"None\"><editWidget type=\"ValueMap\"><config><Option "
             "type=\"Map\"><Option name=\"map\" type=\"List\">";
        for (const auto& value : values)
            f += "<Option type=\"Map\">" + option(analysis::valueTitle(field, value, lang), value) +
                 "</Option>";
        f += "</Option></Option></config></editWidget></field>";
    }
    return f.empty() ? f : "<fieldConfiguration>" + f + "</fieldConfiguration>";
}

std::string aliasesXml(const std::vector<std::string>& fields, const std::string& lang)
{
    std::string a = "<aliases>";
    for (const auto& field : fields) {
        const std::string title = analysis::columnTitle(field, lang);
        if (title != field)
            a += "<alias field=\"" + xml(field) + "\" name=\"" + xml(title) + "\"/>";
    }
    return a + "</aliases>";
}

/// The parts of a layer's style that sit in a QML document and in a project's <maplayer>.
std::string stylePieces(const RegisteredLayer& layer, const std::vector<std::string>& fields,
                        const std::string& lang, const Classes* price)
{
    const LayerKind* kind = layers::findKind(layer.kind);
    const Family family = familyOf(layer);
    std::string s;
    if (kind && family != Family::None) {
        s += rendererXml(*kind, family, fields, lang, lang == "en" ? layer.titleEn : layer.titleVi,
                         price);
        s += labelingXml(*kind, family, fields);
    }
    s += valueMapsXml(fields, lang);
    s += aliasesXml(fields, lang);
    s += "<blendMode>0</blendMode><featureBlendMode>0</featureBlendMode>"
         "<layerOpacity>1</layerOpacity>";
    if (hasField(fields, "name_vi"))
        s += "<previewExpression>\"name_vi\"</previewExpression>";
    return s;
}

bool labelled(const RegisteredLayer& layer, const std::vector<std::string>& fields)
{
    const LayerKind* kind = layers::findKind(layer.kind);
    return kind && kind->symbology.label.sizePt > 0 && hasField(fields, "name_vi") &&
           familyOf(layer) != Family::None;
}

std::string qmlDocument(const RegisteredLayer& layer, const std::vector<std::string>& fields,
                        const std::string& lang, const Classes* price = nullptr)
{
    return std::string(
               "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"") +
           kQgisVersion +
           "\" styleCategories=\"Symbology|Labeling|Fields|Forms|Rendering\" labelsEnabled=\"" +
           (labelled(layer, fields) ? "1" : "0") + "\">" + stylePieces(layer, fields, lang, price) +
           "</qgis>\n";
}

// ---- SLD 1.1 ------------------------------------------------------------------------------

std::string sldFilter(const Variant& v, const Symbology& look,
                      const std::vector<std::string>& fields)
{
    // The same rules as QML, written as OGC filters.
    std::vector<std::string> parts;
    auto equal = [](std::string_view column, std::string_view value) {
        return "<ogc:PropertyIsEqualTo><ogc:PropertyName>" + std::string(column) +
               "</ogc:PropertyName><ogc:Literal>" + std::string(value) +
               "</ogc:Literal></ogc:PropertyIsEqualTo>";
    };
    if (v.noPrice || !v.classFill.empty()) { // a land-price class (variants() split no further)
        const std::string column = "<ogc:PropertyName>price_vnd_m2</ogc:PropertyName>";
        const std::string isNull = "<ogc:PropertyIsNull>" + column + "</ogc:PropertyIsNull>";
        if (v.noPrice)
            return "<ogc:Filter>" + isNull + "</ogc:Filter>";
        std::vector<std::string> bounds;
        if (v.above)
            bounds.push_back("<ogc:PropertyIsGreaterThan>" + column + "<ogc:Literal>" +
                             exactNumber(*v.above) + "</ogc:Literal></ogc:PropertyIsGreaterThan>");
        if (v.atMost)
            bounds.push_back("<ogc:PropertyIsLessThanOrEqualTo>" + column + "<ogc:Literal>" +
                             exactNumber(*v.atMost) +
                             "</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo>");
        if (bounds.empty())
            return "<ogc:Filter><ogc:Not>" + isNull + "</ogc:Not></ogc:Filter>";
        if (bounds.size() == 1)
            return "<ogc:Filter>" + bounds[0] + "</ogc:Filter>";
        return "<ogc:Filter><ogc:And>" + bounds[0] + bounds[1] + "</ogc:And></ogc:Filter>";
    }
    const std::string planned = "<ogc:Or>" + equal("status", "planned") +
                                equal("status", "proposed") +
                                equal("status", "under_construction") + "</ogc:Or>";
    if (look.planned != layers::PlannedLook::Same && hasField(fields, "status"))
        parts.push_back(v.planned ? planned : "<ogc:Not>" + planned + "</ogc:Not>");
    if (v.filter.find("geometry_quality") != std::string::npos) {
        const std::string is = equal("geometry_quality", "indicative");
        parts.push_back(v.indicative ? is : "<ogc:Not>" + is + "</ogc:Not>");
    }
    if (v.size)
        parts.push_back(equal(look.sizeBy, v.size->value));
    if (parts.empty())
        return {};
    if (parts.size() == 1)
        return "<ogc:Filter>" + parts[0] + "</ogc:Filter>";
    std::string all = "<ogc:Filter><ogc:And>";
    for (const auto& p : parts)
        all += p;
    return all + "</ogc:And></ogc:Filter>";
}

std::string sldStroke(const layers::Stroke& s, layers::Dash dash)
{
    std::string out = "<se:Stroke><se:SvgParameter name=\"stroke\">" + std::string(s.colour) +
                      "</se:SvgParameter><se:SvgParameter name=\"stroke-width\">" +
                      number(s.widthMm * 72 / 25.4 * 96 / 72) + "</se:SvgParameter>";
    if (s.alpha < 255)
        out += "<se:SvgParameter name=\"stroke-opacity\">" + number(s.alpha / 255.0) +
               "</se:SvgParameter>";
    out += "<se:SvgParameter name=\"stroke-linecap\">" +
           std::string(s.cap == layers::Cap::Flat ? "butt" : capName(s.cap)) +
           "</se:SvgParameter><se:SvgParameter name=\"stroke-linejoin\">" + joinName(s.cap) +
           "</se:SvgParameter>";
    const double px = s.widthMm * 96 / 25.4;
    if (dash == layers::Dash::Dash)
        out += "<se:SvgParameter name=\"stroke-dasharray\">" + number(4 * px) + " " +
               number(2 * px) + "</se:SvgParameter>";
    else if (dash == layers::Dash::Dot)
        out += "<se:SvgParameter name=\"stroke-dasharray\">" + number(px) + " " + number(2 * px) +
               "</se:SvgParameter>";
    else if (dash == layers::Dash::DashDot)
        out += "<se:SvgParameter name=\"stroke-dasharray\">" + number(4 * px) + " " +
               number(2 * px) + " " + number(px) + " " + number(2 * px) + "</se:SvgParameter>";
    else if (dash == layers::Dash::Sleepers)
        out += "<se:SvgParameter name=\"stroke-dasharray\">" + number(4 * px) + " " +
               number(4 * px) + "</se:SvgParameter>";
    return out + "</se:Stroke>";
}

std::string sldFill(std::string_view colour, int alpha)
{
    return "<se:Fill><se:SvgParameter name=\"fill\">" + std::string(colour) +
           "</se:SvgParameter><se:SvgParameter name=\"fill-opacity\">" + number(alpha / 255.0) +
           "</se:SvgParameter></se:Fill>";
}

std::string sldSymbolizer(const Symbology& look, Family family, const Variant& v)
{
    const RuleLook r = ruleLook(look, v);
    if (family == Family::Line) {
        std::string s;
        if (!look.casing.colour.empty() && look.casing.widthMm > 0)
            s += "<se:LineSymbolizer>" + sldStroke(look.casing, look.casing.dash) +
                 "</se:LineSymbolizer>";
        return s + "<se:LineSymbolizer>" + sldStroke(look.line, r.line) + "</se:LineSymbolizer>";
    }
    if (family == Family::Point) {
        return "<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>" +
               std::string(r.marker) + "</se:WellKnownName>" +
               (r.hollow
                    ? sldFill("#ffffff", 255)
                    : sldFill(look.fill.empty() ? look.line.colour : look.fill, look.fillAlpha)) +
               sldStroke(look.line, r.hollow ? layers::Dash::Dash : layers::Dash::Solid) +
               "</se:Mark><se:Size>" + number(r.markerMm * 96 / 25.4) +
               "</se:Size></se:Graphic></se:PointSymbolizer>";
    }
    if (!v.classFill.empty())
        return "<se:PolygonSymbolizer>" + sldFill(v.classFill, 255) +
               sldStroke({.colour = "#ffffff",
                          .widthMm = kPriceOutlineMm,
                          .cap = layers::Cap::Flat,
                          .alpha = kPriceOutlineAlpha},
                         layers::Dash::Solid) +
               "</se:PolygonSymbolizer>";
    std::string s = "<se:PolygonSymbolizer>";
    if (!look.fill.empty())
        s += sldFill(look.fill, r.hatched ? 90 : look.fillAlpha);
    s += sldStroke(look.line, r.outline) + "</se:PolygonSymbolizer>";
    if (r.hatched && !look.fill.empty())
        s += "<se:PolygonSymbolizer><se:Fill><se:GraphicFill><se:Graphic><se:Mark>"
             "<se:WellKnownName>shape://slash</se:WellKnownName><se:Stroke>"
             "<se:SvgParameter name=\"stroke\">" +
             std::string(look.line.colour) +
             "</se:SvgParameter><se:SvgParameter name=\"stroke-opacity\">0.67</se:SvgParameter>"
             "</se:Stroke></se:Mark><se:Size>8</se:Size></se:Graphic></se:GraphicFill></se:Fill>"
             "</se:PolygonSymbolizer>";
    return s;
}

std::string sldLabel(const layers::LabelSpec& spec, Family family, double sizePt, bool bold)
{
    std::string placement =
        family == Family::Line
            ? "<se:LinePlacement><se:GeneralizeLine>true</se:GeneralizeLine></se:LinePlacement>"
            : "<se:PointPlacement><se:AnchorPoint><se:AnchorPointX>0.5</se:AnchorPointX>"
              "<se:AnchorPointY>0.5</se:AnchorPointY></se:AnchorPoint></se:PointPlacement>";
    return "<se:TextSymbolizer><se:Label><ogc:PropertyName>name_vi</ogc:PropertyName></se:Label>"
           "<se:Font><se:SvgParameter name=\"font-family\">DejaVu Sans</se:SvgParameter>"
           "<se:SvgParameter name=\"font-size\">" +
           number(sizePt * 96 / 72) + "</se:SvgParameter>" +
           (bold ? "<se:SvgParameter name=\"font-weight\">bold</se:SvgParameter>" : "") +
           (spec.italic ? "<se:SvgParameter name=\"font-style\">italic</se:SvgParameter>" : "") +
           "</se:Font><se:LabelPlacement>" + placement +
           "</se:LabelPlacement><se:Halo><se:Radius>1.5</se:Radius>" + sldFill("#ffffff", 230) +
           "</se:Halo>" + sldFill(spec.colour, 255) + "</se:TextSymbolizer>";
}

std::string sldDocument(const RegisteredLayer& layer, const std::vector<std::string>& fields,
                        const std::string& lang, const Classes* price = nullptr)
{
    const LayerKind* kind = layers::findKind(layer.kind);
    const Family family = familyOf(layer);
    std::string rules;
    if (kind && family != Family::None) {
        const Symbology& look = kind->symbology;
        for (const auto& v : variants(*kind, family, fields, lang,
                                      lang == "en" ? layer.titleEn : layer.titleVi, true, price))
            rules += "<se:Rule><se:Name>" + xml(v.label) + "</se:Name>" +
                     sldFilter(v, look, fields) + sldSymbolizer(look, family, v) + "</se:Rule>";
        if (labelled(layer, fields)) {
            const auto& spec = look.label;
            std::string range = spec.maxScaleDenominator > 0
                                    ? "<se:MaxScaleDenominator>" +
                                          number(spec.maxScaleDenominator) +
                                          "</se:MaxScaleDenominator>"
                                    : std::string();
            rules += "<se:Rule><se:Name>" + words("Nhãn", "Labels", lang) + "</se:Name>" + range +
                     sldLabel(spec, family, spec.sizePt, spec.bold) + "</se:Rule>";
        }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" "
           "xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:se=\"http://www.opengis.net/se\" "
           "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"1.1.0\" "
           "xsi:schemaLocation=\"http://www.opengis.net/sld "
           "http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd\">"
           "<NamedLayer><se:Name>" +
           xml(layer.name) + "</se:Name><UserStyle><se:Name>" + xml(layer.name) +
           "</se:Name><se:FeatureTypeStyle>" + rules +
           "</se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>\n";
}

/// The land-price classes of the layers whose styles one write makes, by layer name: each
/// layer's prices read once, though the project and the styles both need them; and the
/// layers whose prices could not be read ("layer: why").
struct PriceMemo
{
    std::map<std::string, std::optional<Classes>> classes;
    std::vector<std::string> unread;
};

/// The land-price classes PlanAtlas's maps draw @p l's features in, from the layer's own
/// prices: for a polygon layer drawn in bulk (parcels, price zones) with a real price column;
/// else none. (A map showing several such layers classes their prices together.) A layer
/// whose prices cannot be read (no CRS, no key, a damaged table) keeps its kind's look: the
/// style is no reason to undo the change that rewrites it.
std::optional<Classes> layerPriceClasses(layers::Workspace& ws, const RegisteredLayer& l,
                                         PriceMemo* memo)
{
    const LayerKind* kind = layers::findKind(l.kind);
    if (!kind || !kind->symbology.bulk || familyOf(l) != Family::Polygon)
        return std::nullopt;
    if (memo)
        if (const auto kept = memo->classes.find(l.name); kept != memo->classes.end())
            return kept->second;
    std::optional<Classes> classes;
    // In a schema, within the caller's transaction, a failed read would abort it: in a
    // savepoint, undone alone.
    const bool savepoint = ws.isShared() && ws.inTransaction();
    if (savepoint)
        ws.dataset().execute("SAVEPOINT planatlas_price_classes");
    try {
        analysis::InputLayer input(ws, l.name, nullptr, analysis::InputLayer::Repair::No);
        const int field = input.exists() && input.table().hasGeometry()
                              ? input.table().fieldIndex("price_vnd_m2")
                              : -1;
        if (field >= 0 &&
            input.table().fields()[static_cast<std::size_t>(field)].type == gis::FieldType::Real)
            if (const auto values = tableNumbers(input, "price_vnd_m2", {}); !values.empty())
                classes = priceClasses(values);
        if (savepoint)
            ws.dataset().execute("RELEASE SAVEPOINT planatlas_price_classes");
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        classes.reset();
        if (memo)
            memo->unread.push_back(l.name + ": " + e.what());
        if (savepoint) {
            ws.dataset().execute("ROLLBACK TO SAVEPOINT planatlas_price_classes");
            ws.dataset().execute("RELEASE SAVEPOINT planatlas_price_classes");
        }
    }
    if (memo)
        memo->classes[l.name] = classes;
    return classes;
}

RegisteredLayer tableAsLayer(std::string_view table)
{
    RegisteredLayer l;
    l.name = table;
    l.geometryType = "None";
    return l;
}

} // namespace

namespace {

/// Without the workspace, a layer's columns are its kind's.
std::vector<std::string> kindFields(const RegisteredLayer& layer)
{
    std::vector<std::string> fields;
    if (const LayerKind* kind = layers::findKind(layer.kind)) {
        if (kind->programme)
            for (const auto& a : layers::commonAttributes())
                fields.emplace_back(a.name);
        for (const auto& a : kind->attributes)
            fields.emplace_back(a.name);
    }
    return fields;
}

} // namespace

std::string qmlStyle(const RegisteredLayer& layer, const std::string& lang)
{
    return qmlDocument(layer, kindFields(layer), lang);
}

std::string sldStyle(const RegisteredLayer& layer, const std::string& lang)
{
    return sldDocument(layer, kindFields(layer), lang);
}

// ---- the project ----------------------------------------------------------------------------

namespace {

struct ProjectLayer
{
    RegisteredLayer layer;
    std::string id;
    std::string title;
    std::vector<std::string> fields;
    Family family = Family::None;
    bool hidden = false;          ///< link tables: in the project, not in the layer tree
    std::optional<Classes> price; ///< a priced bulk layer's land-price classes
};

std::string layerId(std::string_view table)
{
    // QGIS ignores a layer id of 10 characters or fewer and makes up another, which breaks
    // the relations and themes that name it.
    std::string id = "planatlas_";
    for (const char c : table)
        id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return id;
}

std::string srsXml(const gis::Crs& crs)
{
    return "<spatialrefsys><wkt>" + xml(crs.wkt()) + "</wkt><authid>" + xml(crs.label()) +
           "</authid><description>" + xml(crs.name()) +
           "</description><geographicflag>false</geographicflag></spatialrefsys>";
}

std::string wkbName(Family f)
{
    switch (f) {
    case Family::Point:
        return "MultiPoint";
    case Family::Line:
        return "MultiLineString";
    case Family::Polygon:
        return "MultiPolygon";
    case Family::None:
        break;
    }
    return "NoGeometry";
}

std::string geometryName(Family f)
{
    switch (f) {
    case Family::Point:
        return "Point";
    case Family::Line:
        return "Line";
    case Family::Polygon:
        return "Polygon";
    case Family::None:
        break;
    }
    return "No geometry";
}

struct Relation
{
    std::string id, name, referencing, referenced, referencingField, referencedField;
};

/// The expression fields a task carries in QGIS: its lead agencies and its document, so that a
/// park's form lists tasks with who leads them and where they come from.
std::string taskExpressionFields()
{
    const std::string lead =
        "array_to_string(array_foreach(aggregate('" + layerId("plan_task_agencies") +
        "', 'array_agg', \"agency_id\", filter:=\"task_id\" = attribute(@parent, 'task_id') AND "
        "\"role\" = 'lead'), attribute(get_feature('" +
        layerId("plan_agencies") + "', 'agency_id', @element), 'name_vi')), '; ')";
    const std::string document = "attribute(get_feature('" + layerId("plan_documents") +
                                 "', 'doc_id', \"doc_id\"), 'title')";
    return "<expressionfields><field name=\"lead_agencies\" expression=\"" + xml(lead) +
           "\" type=\"10\" typeName=\"string\" length=\"0\" precision=\"0\" subType=\"0\" "
           "comment=\"\"/><field name=\"document_title\" expression=\"" +
           xml(document) +
           "\" type=\"10\" typeName=\"string\" length=\"0\" precision=\"0\" subType=\"0\" "
           "comment=\"\"/></expressionfields>";
}

/// Where the project reads its layers: the GeoPackage beside it ("./thai_nguyen.gpkg", through
/// QGIS's OGR provider), or the workspace's PostgreSQL schema through QGIS's PostgreSQL provider.
struct Reads
{
    std::string file;       ///< "./<file>.gpkg"
    std::string connection; ///< QGIS's connection keywords ("service='planatlas'"); empty: file
    std::string schema;
    std::map<std::string, std::string> geometry; ///< table → its geometry column (schema)
    std::map<std::string, std::string> key;      ///< table → its one-column primary key (schema)

    bool inSchema = false;

    /// A name as QgsDataSourceUri quotes it: in double quotes, '"' and '\\' escaped.
    static std::string quoted(const std::string& name) { return gis::backslashQuoted(name, '"'); }
    std::string provider() const { return inSchema ? "postgres" : "ogr"; }
    /// The data source of @p table as QGIS writes it for the provider.
    std::string of(const std::string& table) const
    {
        if (!inSchema)
            return file + "|layername=" + table;
        std::string s = connection;
        if (const auto k = key.find(table); k != key.end())
            s += " key='" + k->second + "' checkPrimaryKeyUnicity='0'";
        const auto g = geometry.find(table);
        if (g != geometry.end())
            s += " estimatedmetadata=true";
        s += " table=" + quoted(schema) + "." + quoted(table);
        if (g != geometry.end())
            s += " (" + g->second + ")";
        return s;
    }
};

std::string mapLayerXml(const ProjectLayer& pl, const Reads& reads, const gis::Crs& crs,
                        const std::vector<Relation>& relations, const std::string& lang)
{
    std::string m = "<maplayer type=\"vector\" geometry=\"" + geometryName(pl.family) +
                    "\" wkbType=\"" + wkbName(pl.family) + "\" labelsEnabled=\"" +
                    (labelled(pl.layer, pl.fields) ? "1" : "0") +
                    "\" readOnly=\"0\" hasScaleBasedVisibilityFlag=\"0\" minScale=\"0\" "
                    "maxScale=\"0\" styleCategories=\"AllStyleCategories\">";
    m += "<id>" + pl.id + "</id><datasource>" + xml(reads.of(pl.layer.name)) +
         "</datasource><layername>" + xml(pl.title) + "</layername>";
    if (pl.family != Family::None)
        m += "<srs>" + srsXml(crs) + "</srs>";
    m += "<provider encoding=\"UTF-8\">" + reads.provider() + "</provider>";
    m += std::string("<flags><Identifiable>1</Identifiable><Removable>1</Removable>"
                     "<Searchable>1</Searchable><Private>") +
         (pl.hidden ? "1" : "0") + "</Private></flags>";
    std::vector<std::string> fields = pl.fields;
    if (pl.layer.name == "plan_tasks") {
        m += taskExpressionFields();
        fields.push_back("lead_agencies");
        fields.push_back("document_title");
    }
    m += stylePieces(pl.layer, fields, lang, pl.price ? &*pl.price : nullptr);
    if (pl.layer.name == "plan_tasks")
        m += "<previewExpression>" + xml("\"task_id\" || ' — ' || left(\"text\", 100)") +
             "</previewExpression>";
    // A feature's form lists its tasks through the link table (many to many).
    std::string widgets;
    for (const auto& r : relations) {
        if (r.referenced != pl.id || r.referencing.find("_task_links") == std::string::npos)
            continue;
        for (const auto& other : relations)
            if (other.referencing == r.referencing && other.id != r.id)
                widgets += "<widget name=\"" + r.id + "\"><config type=\"Map\">" +
                           option("nm-rel", other.id) +
                           "<Option name=\"force-suppress-popup\" type=\"bool\" value=\"false\"/>"
                           "</config></widget>";
    }
    if (!widgets.empty())
        m += "<widgets>" + widgets + "</widgets>";
    return m + "</maplayer>";
}

struct Theme
{
    std::string_view vi, en;
    std::string_view needs; ///< a kind the theme is about; no theme without a layer of it
    std::function<bool(const ProjectLayer&)> visible;
};

std::string uuid(std::string_view name)
{
    // Stable identifiers: the same workspace gives the same project.
    std::uint64_t h = 1469598103934665603ull;
    for (const char c : name)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "{%08x-%04x-4%03x-a%03x-%012llx}",
                  static_cast<unsigned>(h >> 32), static_cast<unsigned>(h >> 16) & 0xffffu,
                  static_cast<unsigned>(h) & 0xfffu, static_cast<unsigned>(h >> 52) & 0xfffu,
                  static_cast<unsigned long long>(h & 0xffffffffffffull));
    return buffer;
}

std::string item(std::string_view type, std::string_view id, double x, double y, double w, double h,
                 std::string_view extra, std::string_view body, int z)
{
    const std::string pos = number(x) + "," + number(y) + ",mm";
    return "<LayoutItem type=\"" + std::string(type) + "\" uuid=\"" + uuid(id) +
           "\" templateUuid=\"" + uuid(id) + "\" id=\"" + xml(id) + "\" position=\"" + pos +
           "\" positionOnPage=\"" + pos + "\" size=\"" + number(w) + "," + number(h) +
           ",mm\" zValue=\"" + std::to_string(z) +
           "\" visibility=\"1\" referencePoint=\"0\" positionLock=\"false\" opacity=\"1\" "
           "itemRotation=\"0\" blendMode=\"0\" excludeFromExports=\"0\" " +
           std::string(extra) + ">" + std::string(body) + "</LayoutItem>";
}

std::string fontXml(std::string_view element, double sizePt, bool bold)
{
    char font[96];
    std::snprintf(font, sizeof font, "DejaVu Sans,%g,-1,5,%d,0,0,0,0,0", sizePt, bold ? 75 : 50);
    return "<" + std::string(element) + " description=\"" + font + "\" style=\"\"/>";
}

std::string labelItem(std::string_view id, std::string_view text, double x, double y, double w,
                      double h, double sizePt, bool bold, int z)
{
    return item("65641", id, x, y, w, h,
                "labelText=\"" + xml(text) +
                    "\" htmlState=\"0\" halign=\"1\" valign=\"32\" marginX=\"0\" marginY=\"0\" "
                    "frame=\"false\" background=\"false\"",
                fontXml("LabelFont", sizePt, bold) +
                    "<FontColor red=\"0\" green=\"0\" blue=\"0\" alpha=\"255\"/>",
                z);
}

std::string layoutXml(std::string_view name, const std::string& title, const std::string& sources,
                      const std::string& note, const gis::Envelope& extent,
                      const std::string& locatorLayers, const std::string& legendTree,
                      const std::string& atlasLayer, const std::string& atlasSource,
                      const std::string& atlasProvider, const std::string& lang)
{
    const std::string map = std::string(name) + " map";
    const std::string locator = std::string(name) + " locator";
    const auto extentXml = [](const gis::Envelope& e) {
        return "<Extent xmin=\"" + number(e.minX) + "\" ymin=\"" + number(e.minY) + "\" xmax=\"" +
               number(e.maxX) + "\" ymax=\"" + number(e.maxY) + "\"/>";
    };
    std::string l = "<Layout name=\"" + xml(name) +
                    "\" units=\"mm\" printResolution=\"300\" worldFileMap=\"\"><PageCollection>"
                    "<LayoutItem type=\"65638\" size=\"297,210,mm\" position=\"0,0,mm\" "
                    "positionOnPage=\"0,0,mm\" uuid=\"" +
                    uuid(std::string(name) + " page") +
                    "\" zValue=\"0\" visibility=\"1\" background=\"true\" frame=\"false\"/>"
                    "</PageCollection>";
    // The map, its frame, atlas-driven where the layout is an atlas.
    // A4 landscape: the map on the left, locator, legend and note on the right, the sources
    // along the foot. The extent takes the frame's proportions (QGIS would otherwise stretch the
    // frame to the extent's), with a margin.
    const double frameW = 192, frameH = 166;
    gis::Envelope framed = extent;
    {
        const double cx = (extent.minX + extent.maxX) / 2, cy = (extent.minY + extent.maxY) / 2;
        double w = (extent.maxX - extent.minX) * 1.04, h = (extent.maxY - extent.minY) * 1.04;
        if (w / h > frameW / frameH)
            h = w * frameH / frameW;
        else
            w = h * frameW / frameH;
        framed = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
    }
    l += item("65639", map, 8, 20, frameW, frameH,
              "frame=\"true\" background=\"true\" keepLayerSet=\"false\" drawCanvasItems=\"true\" "
              "mapRotation=\"0\" followPreset=\"false\" followPresetName=\"\" mapFlags=\"0\" "
              "labelMargin=\"0,mm\" isTemporal=\"0\"",
              extentXml(framed) + "<LayerSet/><AtlasMap atlasDriven=\"" +
                  (atlasLayer.empty() ? "0" : "1") +
                  "\" scalingMode=\"2\" margin=\"0.1\"/><labelBlockingItems/>",
              1);
    // The locator: the province in the country, the main map's extent outlined.
    gis::Envelope wide = extent;
    const double pad = std::max(extent.maxX - extent.minX, extent.maxY - extent.minY) * 3;
    wide.minX -= pad, wide.maxX += pad, wide.minY -= pad * 1.4, wide.maxY += pad * 0.6;
    l += item("65639", locator, 206, 20, 83, 46,
              "frame=\"true\" background=\"true\" keepLayerSet=\"true\" drawCanvasItems=\"false\" "
              "mapRotation=\"0\" followPreset=\"false\" followPresetName=\"\" mapFlags=\"0\" "
              "labelMargin=\"0,mm\" isTemporal=\"0\"",
              extentXml(wide) + "<LayerSet>" + locatorLayers +
                  "</LayerSet><ComposerMapOverview name=\"overview\" show=\"1\" frameMap=\"" +
                  uuid(map) +
                  "\" blendMode=\"0\" inverted=\"0\" centered=\"0\" position=\"3\" uuid=\"" +
                  uuid(locator + " overview") +
                  "\"><symbol type=\"fill\" name=\"\" alpha=\"1\" clip_to_extent=\"1\" "
                  "force_rhr=\"0\">" +
                  symbolLayer("SimpleFill", {{"color", "215,25,28,60"},
                                             {"style", "solid"},
                                             {"outline_color", "215,25,28,255"},
                                             {"outline_style", "solid"},
                                             {"outline_width", "0.4"},
                                             {"outline_width_unit", "MM"}}) +
                  "</symbol></ComposerMapOverview><AtlasMap atlasDriven=\"0\" scalingMode=\"2\" "
                  "margin=\"0.1\"/>",
              2);
    l += labelItem(std::string(name) + " title", title, 8, 6, 280, 10, 16, true, 3);
    const auto style = [](std::string_view styleName, double sizePt, bool bold, double top) {
        return "<style name=\"" + std::string(styleName) + "\" alignment=\"1\" marginTop=\"" +
               number(top) + "\">" + fontXml("styleFont", sizePt, bold) + "</style>";
    };
    // Rows of 3.6 mm (3 mm symbols, 0.6 mm apart): the twenty-odd entries of a province's
    // programme, transport and units fit the 98 mm under the locator (at 4.5 mm the last ones
    // were cut off).
    l += item("65642", std::string(name) + " legend", 206, 72, 83, 98,
              "map_uuid=\"" + uuid(map) + "\" title=\"" + xml(words("Chú giải", "Legend", lang)) +
                  "\" resizeToContents=\"0\" columnCount=\"1\" symbolWidth=\"6\" "
                  "symbolHeight=\"3\" legendFilterByAtlas=\"0\" frame=\"false\" "
                  "background=\"true\" boxSpace=\"1.5\" columnSpace=\"2\" lineSpacing=\"0.5\" "
                  "splitLayer=\"1\" equalColumnWidth=\"0\" wrapChar=\"\" fontColor=\"#000000\"",
              "<styles>" + style("title", 9, true, 0) + style("group", 7.5, true, 2) +
                  style("subgroup", 7, true, 1.5) + style("symbol", 7, false, 0.6) +
                  style("symbolLabel", 6.5, false, 1) + "</styles>" + legendTree,
              4);
    l += item("65646", std::string(name) + " scale bar", 10, 172, 70, 12,
              "mapUuid=\"" + uuid(map) +
                  "\" style=\"Single Box\" unitType=\"km\" unitLabel=\"km\" "
                  "numMapUnitsPerScaleBarUnit=\"1\" numSegments=\"2\" numSegmentsLeft=\"0\" "
                  "numUnitsPerSegment=\"10\" segmentSizeMode=\"1\" minBarWidth=\"25\" "
                  "maxBarWidth=\"50\" height=\"2\" labelBarSpace=\"2\" boxContentSpace=\"1\" "
                  "alignment=\"0\" frame=\"false\" background=\"true\"",
              fontXml("scaleBarFont", 7, false), 5);
    l += item("65640", std::string(name) + " north arrow", 188, 23, 9, 13,
              "file=\":/images/north_arrows/layout_default_north_arrow.svg\" mode=\"2\" "
              "resizeMode=\"0\" northMode=\"0\" northOffset=\"0\" anchorPoint=\"0\" mapUuid=\"" +
                  uuid(map) +
                  "\" pictureRotation=\"0\" svgFillColor=\"255,255,255,255\" "
                  "svgBorderColor=\"0,0,0,255\" svgBorderWidth=\"0.2\" frame=\"false\" "
                  "background=\"false\"",
              "", 6);
    l += labelItem(std::string(name) + " note", note, 206, 172, 83, 14, 6.5, true, 7);
    l += labelItem(std::string(name) + " sources", sources, 8, 189, 281, 16, 6, false, 8);
    if (!atlasLayer.empty())
        l += "<Atlas enabled=\"1\" hideCoverage=\"0\" filterFeatures=\"0\" coverageLayer=\"" +
             atlasLayer + "\" coverageLayerSource=\"" + xml(atlasSource) +
             "\" coverageLayerProvider=\"" + atlasProvider + "\" pageNameExpression=\"" +
             xml("\"name_vi\"") + "\" sortFeatures=\"1\" sortKey=\"" + xml("\"name_vi\"") +
             "\" sortAscending=\"1\" filenamePattern=\"" +
             xml("'" + words("ban_do_", "map_", lang) + "' || \"name_vi\"") + "\"/>";
    return l + "</Layout>";
}

/// A map sheet (GeoPackage tiles) as a QGIS raster layer, see-through as PlanAtlas shows it.
std::string sheetLayerXml(const layers::RasterLayer& sheet, const std::string& id,
                          const std::string& title, const std::string& source, int bands,
                          const gis::Crs& crs)
{
    const std::string opacity = "0.6";
    std::string renderer;
    if (bands <= 2)
        renderer = "<rasterrenderer type=\"singlebandgray\" grayBand=\"1\" alphaBand=\"" +
                   std::string(bands == 2 ? "2" : "-1") + "\" opacity=\"" + opacity +
                   "\" gradient=\"BlackToWhite\"><rasterTransparency/><contrastEnhancement>"
                   "<minValue>0</minValue><maxValue>255</maxValue><algorithm>NoEnhancement"
                   "</algorithm></contrastEnhancement></rasterrenderer>";
    else
        renderer = "<rasterrenderer type=\"multibandcolor\" redBand=\"1\" greenBand=\"2\" "
                   "blueBand=\"3\" alphaBand=\"" +
                   std::string(bands >= 4 ? "4" : "-1") + "\" opacity=\"" + opacity +
                   "\"><rasterTransparency/></rasterrenderer>";
    std::string m = "<maplayer type=\"raster\" hasScaleBasedVisibilityFlag=\"0\" "
                    "minScale=\"1e+08\" maxScale=\"0\" styleCategories=\"AllStyleCategories\">";
    if (sheet.extent)
        m += "<extent><xmin>" + number(sheet.extent->minX) + "</xmin><ymin>" +
             number(sheet.extent->minY) + "</ymin><xmax>" + number(sheet.extent->maxX) +
             "</xmax><ymax>" + number(sheet.extent->maxY) + "</ymax></extent>";
    m += "<id>" + id + "</id><datasource>" + xml("GPKG:" + source + ":" + sheet.name) +
         "</datasource><layername>" + xml(title) + "</layername><srs>" + srsXml(crs) +
         "</srs><provider>gdal</provider><pipe>" + renderer +
         "<brightnesscontrast brightness=\"0\" contrast=\"0\"/><rasterresampler "
         "maxOversampling=\"2\"/></pipe><blendMode>0</blendMode></maplayer>";
    return m;
}

} // namespace

namespace {

/// The GeoPackage the project reads its layers from, by file name: the workspace itself. A
/// workspace in a schema keeps its project for the copy back to a file (QGIS does not look for
/// it there): the file it was copied from, else one named after the schema.
std::string workspaceFile(layers::Workspace& ws)
{
    if (!ws.isShared())
        return QFileInfo(QString::fromStdString(ws.path())).fileName().toStdString();
    const auto kept =
        ws.dataset().execute("SELECT value FROM pa_metadata WHERE key = 'qgis_project_file'");
    const std::string file = kept.rows.empty() ? std::string() : gis::toString(kept.rows[0][0]);
    return file.empty() ? gis::connectionKeyword(ws.path(), "active_schema") + ".gpkg" : file;
}

using Keywords = std::vector<std::pair<std::string, std::string>>;

/// What names the database in @p connection (a service, a host and port, a database, the SSL
/// mode), without the role or any password: each planner who opens the project connects as
/// themself, by their own service file, PGUSER or login, as libpq does for PlanAtlas.
Keywords databaseKeywords(const std::string& connection)
{
    static constexpr std::string_view kKept[] = {"service", "host", "port", "dbname", "sslmode"};
    Keywords kept;
    for (auto& [key, value] : gis::connectionKeywords(connection))
        if (std::find(std::begin(kKept), std::end(kKept), key) != std::end(kKept))
            kept.emplace_back(key, value);
    return kept;
}

/// @p keywords as libpq and QGIS write them: key='value', quotes and backslashes escaped.
std::string keywordText(const Keywords& keywords)
{
    std::string text;
    for (const auto& [key, value] : keywords)
        text += (text.empty() ? "" : " ") + key + "=" + gis::connectionValue(value);
    return text;
}

/// The schema's tables as QGIS's PostgreSQL provider reads them, connecting by @p keywords.
Reads schemaReads(layers::Workspace& ws, const Keywords& keywords)
{
    Reads reads;
    reads.inSchema = true;
    reads.connection = keywordText(keywords);
    auto& ds = ws.dataset();
    reads.schema = gis::toString(ds.execute("SELECT current_schema()").rows.at(0).at(0));
    reads.geometry = ws.geometryColumns();
    for (const auto& row :
         ds.execute("SELECT c.relname AS table_name, a.attname AS key_name FROM pg_index i JOIN "
                    "pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = c.oid "
                    "AND a.attnum = i.indkey[0] WHERE i.indisprimary AND i.indnatts = 1 AND "
                    "c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = "
                    "current_schema())")
             .rows)
        reads.key[gis::toString(row[0])] = gis::toString(row[1]);
    return reads;
}

} // namespace

/// The project reading its layers where @p reads says.
static std::string projectXml(layers::Workspace& ws, const std::string& lang, const Reads& reads,
                              PriceMemo* memo = nullptr)
{
    const gis::Crs& crs = ws.crs();

    std::vector<ProjectLayer> layers;
    for (const auto& l : ws.layers()) {
        ProjectLayer pl;
        pl.layer = l;
        pl.id = layerId(l.name);
        pl.title = lang == "en" ? l.titleEn : l.titleVi;
        if (pl.title.empty())
            pl.title = l.name;
        pl.fields = ws.columnNames(l.name);
        pl.family = familyOf(l);
        pl.price = layerPriceClasses(ws, l, memo);
        layers.push_back(pl);
    }
    // Plan tables with the titles a person reads; link tables in the project, not in the tree.
    struct PlanTable
    {
        std::string_view name, vi, en;
    };
    static constexpr PlanTable planTables[] = {
        {"plan_documents", "Văn bản kế hoạch", "Plan documents"},
        {"plan_tasks", "Nhiệm vụ", "Plan tasks"},
        {"plan_agencies", "Cơ quan", "Agencies"},
        {"plan_task_agencies", "Nhiệm vụ — cơ quan (chủ trì, phối hợp)", "Task agencies"},
        {"plan_targets", "Chỉ tiêu", "Plan targets"},
    };
    std::vector<ProjectLayer> tables;
    for (const auto& t : planTables) {
        ProjectLayer pl;
        pl.layer = tableAsLayer(t.name);
        pl.id = layerId(t.name);
        pl.title = std::string(lang == "en" ? t.en : t.vi);
        pl.fields = ws.columnNames(std::string(t.name));
        tables.push_back(pl);
    }
    std::vector<ProjectLayer> links;
    std::vector<Relation> relations;
    for (const auto& pl : layers) {
        if (pl.layer.linkTable.empty())
            continue;
        ProjectLayer link;
        link.layer = tableAsLayer(pl.layer.linkTable);
        link.id = layerId(pl.layer.linkTable);
        link.title = pl.layer.linkTable;
        link.fields = ws.columnNames(pl.layer.linkTable);
        link.hidden = true;
        links.push_back(link);
        // Named as each side's form shows them: a park's form lists its tasks, a task's form
        // the features of each layer it concerns.
        relations.push_back({pl.id + "_links", words("Nhiệm vụ liên quan", "Linked tasks", lang),
                             link.id, pl.id, "base_id", "fid"});
        relations.push_back(
            {link.id + "_task", pl.title, link.id, layerId("plan_tasks"), "related_id", "fid"});
    }
    relations.push_back(
        {"planatlas_task_agencies", words("Cơ quan của nhiệm vụ", "Agencies of the task", lang),
         layerId("plan_task_agencies"), layerId("plan_tasks"), "task_id", "task_id"});
    relations.push_back(
        {"planatlas_agency_tasks", words("Nhiệm vụ của cơ quan", "Tasks of the agency", lang),
         layerId("plan_task_agencies"), layerId("plan_agencies"), "agency_id", "agency_id"});
    relations.push_back({"planatlas_document_tasks",
                         words("Nhiệm vụ của văn bản", "Tasks of the document", lang),
                         layerId("plan_tasks"), layerId("plan_documents"), "doc_id", "doc_id"});

    // The layer tree: programme by kind, transport, administrative units by period, reference,
    // then the plan tables collapsed.
    const std::string periodUnits = periodUnitsLayer(ws);
    const std::string periodProvince = periodProvinceLayer(ws);
    auto inPeriod = [&](const ProjectLayer& pl) {
        return pl.layer.name == periodUnits || pl.layer.name == periodProvince;
    };
    auto treeLayer = [&](const ProjectLayer& pl, bool checked) {
        return "<layer-tree-layer id=\"" + pl.id + "\" name=\"" + xml(pl.title) + "\" source=\"" +
               xml(reads.of(pl.layer.name)) + "\" providerKey=\"" + reads.provider() +
               "\" checked=\"" + (checked ? "Qt::Checked" : "Qt::Unchecked") +
               "\" expanded=\"0\"><customproperties/></layer-tree-layer>";
    };
    struct Group
    {
        std::string_view vi, en;
        std::function<bool(const ProjectLayer&)> holds;
        bool checked;
    };
    const std::vector<Group> groups = {
        {"Chương trình phát triển", "Development programme",
         [](const ProjectLayer& pl) {
             const auto* k = layers::findKind(pl.layer.kind);
             return k && k->programme && k->group != "transport" && k->group != "reference";
         },
         true},
        {"Giao thông", "Transport",
         [](const ProjectLayer& pl) { return layers::inGroup(pl.layer.kind, "transport"); }, true},
        {"Đơn vị hành chính của kỳ kế hoạch", "Administrative units of the plan period",
         [&](const ProjectLayer& pl) {
             return layers::inGroup(pl.layer.kind, "admin") && inPeriod(pl);
         },
         true},
        {"Đơn vị hành chính các thời kỳ khác", "Administrative units of other periods",
         [&](const ProjectLayer& pl) {
             return layers::inGroup(pl.layer.kind, "admin") && !inPeriod(pl);
         },
         false},
        {"Tham chiếu", "Reference",
         [](const ProjectLayer& pl) {
             const auto* k = layers::findKind(pl.layer.kind);
             return !k || (k->group == "reference" && pl.layer.kind != "basemap");
         },
         false},
        {"Nền", "Basemap", [](const ProjectLayer& pl) { return pl.layer.kind == "basemap"; }, true},
    };
    std::string tree = "<layer-tree-group><customproperties/>";
    std::set<std::string> placed;
    for (const auto& g : groups) {
        std::vector<const ProjectLayer*> members;
        for (const auto& pl : layers)
            if (!placed.count(pl.id) && g.holds(pl))
                members.push_back(&pl);
        if (members.empty())
            continue;
        // Points over lines over areas, as on PlanAtlas maps.
        std::stable_sort(members.begin(), members.end(), [](const auto* a, const auto* b) {
            return layers::drawOrder(a->layer.kind) > layers::drawOrder(b->layer.kind);
        });
        tree += "<layer-tree-group name=\"" + xml(words(g.vi, g.en, lang)) + "\" checked=\"" +
                (g.checked ? "Qt::Checked" : "Qt::Unchecked") +
                "\" expanded=\"1\"><customproperties/>";
        for (const auto* pl : members) {
            tree += treeLayer(*pl, true);
            placed.insert(pl->id);
        }
        tree += "</layer-tree-group>";
    }
    // Map sheets placed by georef: under the programme, see-through.
    struct Sheet
    {
        pa::layers::RasterLayer layer;
        std::string id, title;
        int bands = 4;
    };
    std::vector<Sheet> sheets;
    // QGIS reads no tiles kept in a PostgreSQL schema: a project reading the schema has no sheets.
    for (const auto& r :
         reads.inSchema ? std::vector<layers::RasterLayer>() : pa::layers::rasterLayers(ws)) {
        Sheet sh{r, layerId(r.name), lang == "en" ? r.titleEn : r.titleVi, 4};
        try {
            sh.bands = gis::Raster::open(pa::layers::rasterDataset(ws, r.name)).bandCount();
        } catch (const gis::GisError&) {
            // unreadable tiles: listed all the same, QGIS says what is wrong with them
        }
        sheets.push_back(std::move(sh));
    }
    if (!sheets.empty()) {
        tree += "<layer-tree-group name=\"" + xml(words("Bản đồ nền quét", "Map sheets", lang)) +
                "\" checked=\"Qt::Checked\" expanded=\"1\"><customproperties/>";
        for (const auto& sh : sheets)
            tree += "<layer-tree-layer id=\"" + sh.id + "\" name=\"" + xml(sh.title) +
                    "\" source=\"" + xml("GPKG:" + reads.file + ":" + sh.layer.name) +
                    "\" providerKey=\"gdal\" checked=\"Qt::Checked\" expanded=\"0\">"
                    "<customproperties/></layer-tree-layer>";
        tree += "</layer-tree-group>";
    }
    tree += "<layer-tree-group name=\"" + xml(words("Bảng kế hoạch", "Plan tables", lang)) +
            "\" checked=\"Qt::Checked\" expanded=\"0\"><customproperties/>";
    for (const auto& t : tables)
        tree += treeLayer(t, true);
    tree += "</layer-tree-group>";
    // The drawing order of PlanAtlas's maps, whatever the tree's order.
    std::vector<const ProjectLayer*> order;
    for (const auto& pl : layers)
        if (pl.family != Family::None)
            order.push_back(&pl);
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        return layers::drawOrder(a->layer.kind) > layers::drawOrder(b->layer.kind);
    });
    tree += "<custom-order enabled=\"1\">";
    for (const auto* pl : order) // the sheets over the basemap, under everything else
        if (pl->layer.kind != "basemap")
            tree += "<item>" + pl->id + "</item>";
    for (const auto& sh : sheets)
        tree += "<item>" + sh.id + "</item>";
    for (const auto* pl : order)
        if (pl->layer.kind == "basemap")
            tree += "<item>" + pl->id + "</item>";
    tree += "</custom-order></layer-tree-group>";

    std::string relationsXml = "<relations>";
    for (const auto& r : relations)
        relationsXml += "<relation id=\"" + r.id + "\" name=\"" + xml(r.name) +
                        "\" referencingLayer=\"" + r.referencing + "\" referencedLayer=\"" +
                        r.referenced + "\" strength=\"Association\"><fieldRef referencingField=\"" +
                        r.referencingField + "\" referencedField=\"" + r.referencedField +
                        "\"/></relation>";
    relationsXml += "</relations>";

    std::string projectLayers = "<projectlayers>";
    for (const auto* group : {&layers, &tables, &links})
        for (const auto& pl : *group)
            projectLayers += mapLayerXml(pl, reads, crs, relations, lang);
    for (const auto& sh : sheets)
        projectLayers += sheetLayerXml(sh.layer, sh.id, sh.title, reads.file, sh.bands, crs);
    projectLayers += "</projectlayers>";

    // Map themes: which layers PlanAtlas's themes show.
    const std::vector<Theme> themes = {
        {"Chương trình phát triển", "Development programme", "",
         [&](const ProjectLayer& pl) {
             const auto* k = layers::findKind(pl.layer.kind);
             return k && ((k->programme && k->group != "reference") || inPeriod(pl) ||
                          pl.layer.kind == "basemap");
         }},
        {"Giá đất", "Land price", "land_price",
         [&](const ProjectLayer& pl) {
             return pl.layer.kind == "land_price" || layers::inGroup(pl.layer.kind, "industrial") ||
                    pl.layer.kind == "expressway" || inPeriod(pl) || pl.layer.kind == "basemap";
         }},
        {"Hành lang đường cao tốc", "Expressway corridor", "expressway",
         [&](const ProjectLayer& pl) {
             return layers::inGroup(pl.layer.kind, "transport") ||
                    layers::inGroup(pl.layer.kind, "industrial") ||
                    pl.layer.kind == "urban_centre" || inPeriod(pl) || pl.layer.kind == "basemap";
         }},
        {"Đơn vị hành chính sau sắp xếp 2025", "Administrative units after the 2025 reform",
         "admin_province",
         [&](const ProjectLayer& pl) {
             return (layers::inGroup(pl.layer.kind, "admin") && !inPeriod(pl)) ||
                    pl.layer.kind == "basemap";
         }},
    };
    std::string presets = "<visibility-presets>";
    for (const auto& t : themes) {
        const bool relevant =
            t.needs.empty() || std::any_of(layers.begin(), layers.end(), [&](const auto& pl) {
                return pl.layer.kind == t.needs && (t.needs != "admin_province" || !inPeriod(pl));
            });
        if (!relevant)
            continue;
        std::string body;
        for (const auto& pl : layers)
            if (pl.family != Family::None && t.visible(pl))
                body +=
                    "<layer id=\"" + pl.id + "\" style=\"default\" visible=\"1\" expanded=\"0\"/>";
        if (body.empty())
            continue;
        presets += "<visibility-preset name=\"" + xml(words(t.vi, t.en, lang)) +
                   "\" has-expanded-info=\"0\" has-checked-group-info=\"0\">" + body +
                   "</visibility-preset>";
    }
    presets += "</visibility-presets>";

    // Print layouts: the programme map, and an atlas page per district of the period.
    // The layouts frame the province of the plan's period.
    std::optional<gis::Envelope> extent;
    for (const auto& summary : ws.info().layers)
        if (summary.layer.name == periodProvince)
            extent = summary.extent;
    if (!extent)
        extent = ws.provinceExtent();
    if (!extent)
        extent = gis::Envelope{0, 0, 1, 1};
    std::set<std::string> seen;
    std::string sources = words("Nguồn dữ liệu: ", "Sources: ", lang);
    bool indicative = false;
    for (const auto& pl : layers) {
        const std::string s =
            pl.layer.attribution.empty()
                ? pl.layer.source + (pl.layer.licence.empty() ? "" : " (" + pl.layer.licence + ")")
                : pl.layer.attribution;
        if (!s.empty() && seen.insert(s).second)
            sources += (seen.size() > 1 ? "; " : "") + s;
        indicative = indicative || pl.layer.geometryQuality == "indicative";
    }
    sources += " — " + words("Hệ tọa độ", "Coordinate system", lang) + ": " + crs.label() + " (" +
               crs.name() + ")";
    const std::string note =
        indicative ? words("VỊ TRÍ CHỈ DẪN: các khu, vùng, tuyến vẽ theo địa danh và diện tích "
                           "công bố, không phải số liệu đo đạc.",
                           "INDICATIVE POSITIONS: parks, zones and routes are drawn from "
                           "published names and areas, not surveyed.",
                           lang)
                   : std::string();
    std::string locatorLayers;
    for (const auto& pl : layers)
        if (pl.layer.kind == "basemap" || pl.layer.name == periodProvince)
            locatorLayers += "<Layer source=\"" + xml(reads.of(pl.layer.name)) + "\" provider=\"" +
                             reads.provider() + "\" name=\"" + xml(pl.title) + "\">" + pl.id +
                             "</Layer>";
    // The legend lists what the programme map shows: programme, transport and the units of the
    // period, each entry named by its rule (layer titles hidden).
    std::string legendTree = "<layer-tree-group><customproperties/>";
    for (const auto* pl : order) {
        const auto* k = layers::findKind(pl->layer.kind);
        if (!k || (!(k->programme && k->group != "reference") && !inPeriod(*pl)))
            continue;
        legendTree += "<layer-tree-layer id=\"" + pl->id + "\" name=\"" + xml(pl->title) +
                      "\" source=\"" + xml(reads.of(pl->layer.name)) + "\" providerKey=\"" +
                      reads.provider() +
                      "\" checked=\"Qt::Checked\" expanded=\"1\">"
                      "<customproperties><Option type=\"Map\">" +
                      option("legend/title-style", "hidden") +
                      "</Option></customproperties></layer-tree-layer>";
    }
    legendTree += "</layer-tree-group>";
    const std::string province = ws.province();
    const std::string title =
        words("Chương trình phát triển — tỉnh ", "Development programme — ", lang) + province;
    std::string layouts = "<Layouts>";
    layouts += layoutXml(words("Bản đồ chương trình", "Programme map", lang), title, sources, note,
                         *extent, locatorLayers, legendTree, "", "", "", lang);
    if (!periodUnits.empty()) {
        layouts += layoutXml(words("Tập bản đồ theo huyện", "Atlas by district", lang),
                             title + " — [% \"name_vi\" %]", sources, note, *extent, locatorLayers,
                             legendTree, layerId(periodUnits), reads.of(periodUnits),
                             reads.provider(), lang);
    }
    layouts += "</Layouts>";

    std::string canvas = "<mapcanvas name=\"theMapCanvas\" annotationsVisible=\"1\"><units>meters"
                         "</units><extent><xmin>" +
                         number(extent->minX) + "</xmin><ymin>" + number(extent->minY) +
                         "</ymin><xmax>" + number(extent->maxX) + "</xmax><ymax>" +
                         number(extent->maxY) +
                         "</ymax></extent><rotation>0</rotation><destinationsrs>" + srsXml(crs) +
                         "</destinationsrs><rendermaptile>0</rendermaptile></mapcanvas>";

    return std::string("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
                       "<qgis projectname=\"") +
           xml(title) + "\" version=\"" + kQgisVersion + "\"><homePath path=\"\"/><title>" +
           xml(title) + "</title><projectCrs>" + srsXml(crs) + "</projectCrs>" + tree +
           relationsXml + canvas + projectLayers + presets + layouts +
           "<properties><Paths><Absolute type=\"bool\">false</Absolute></Paths>"
           "<SpatialRefSys><ProjectionsEnabled type=\"int\">1</ProjectionsEnabled></SpatialRefSys>"
           "<Measurement><DistanceUnits type=\"QString\">km</DistanceUnits><AreaUnits "
           "type=\"QString\">ha</AreaUnits></Measurement></properties></qgis>\n";
}

namespace {

std::string projectOf(layers::Workspace& ws, const std::string& lang, ProjectReads from,
                      PriceMemo* memo)
{
    if (from == ProjectReads::Schema)
        return projectXml(ws, lang, schemaReads(ws, databaseKeywords(ws.path())), memo);
    Reads reads;
    reads.file = "./" + workspaceFile(ws);
    return projectXml(ws, lang, reads, memo);
}

} // namespace

std::string qgisProject(layers::Workspace& ws, const std::string& lang, ProjectReads from)
{
    return projectOf(ws, lang, from, nullptr);
}

namespace {

/// @p chosen, else the language chosen last in the workspace, else Vietnamese.
std::string projectLang(layers::Workspace& ws, const std::string& chosen)
{
    if (!chosen.empty())
        return chosen;
    const auto stored =
        ws.dataset().execute("SELECT value FROM pa_metadata WHERE key = 'qgis_lang'");
    const std::string lang = stored.rows.empty() ? "vi" : gis::toString(stored.rows[0][0]);
    return lang == "en" ? "en" : "vi";
}

std::string hexOf(const std::string& bytes)
{
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const unsigned char c : bytes) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

/// The URI QGIS opens a project of the schema by (its PostgreSQL project storage): the same
/// database keywords as the layers' connection, never a role or a password.
std::string schemaProjectUri(const Keywords& keywords, const std::string& schema)
{
    std::string host, port, query;
    const auto encoded = [](const std::string& value) {
        return QString::fromUtf8(QUrl::toPercentEncoding(QString::fromStdString(value)))
            .toStdString();
    };
    for (const auto& [key, value] : keywords) {
        if (key == "host" && !value.starts_with('/')) // a socket folder: libpq's own default
            host = value;
        else if (key == "port")
            port = value;
        else if (key == "service" || key == "dbname" || key == "sslmode")
            query += key + "=" + encoded(value) + "&";
    }
    return "postgresql://" + host + (port.empty() ? "" : ":" + port) + "?" + query +
           "schema=" + encoded(schema) + "&project=" + kQgisProjectName;
}

/// A layer's PlanAtlas style as written for QGIS.
struct LayerStyle
{
    std::string table, geometryColumn, qml, sld;
};

std::string styleDescription(const std::string& lang)
{
    return words("Kiểu hiển thị của PlanAtlas theo loại lớp", "PlanAtlas style of the layer kind",
                 lang);
}

/// The tables @p made styles, as an SQL list of literals ("'a', 'b'").
std::string tableList(const std::vector<LayerStyle>& made)
{
    std::string names;
    for (const auto& style : made)
        names += (names.empty() ? "" : ", ") + gis::sqlLiteral(style.table);
    return names;
}

/// PlanAtlas's style of each of @p ws's registered layers, in @p lang.
std::vector<LayerStyle> planatlasStyles(layers::Workspace& ws, const std::string& lang,
                                        PriceMemo* memo)
{
    std::vector<LayerStyle> made;
    const auto geometryColumns = ws.geometryColumns();
    for (const auto& l : ws.layers()) {
        const auto fields = ws.columnNames(l.name);
        const auto found = geometryColumns.find(l.name);
        const auto price = layerPriceClasses(ws, l, memo);
        const Classes* classes = price ? &*price : nullptr;
        made.push_back({l.name, found == geometryColumns.end() ? std::string() : found->second,
                        qmlDocument(l, fields, lang, classes),
                        sldDocument(l, fields, lang, classes)});
    }
    return made;
}

/// Writes @p made as the default styles of the schema's layers in the database's
/// public.layer_styles, where QGIS looks for the style of a layer added alone (from the browser,
/// not through the project): rows of this database and schema, PlanAtlas's rewritten in place,
/// others no longer default where PlanAtlas's is. Inside the caller's transaction but apart from
/// it (a savepoint, the probe too), like the project: the database's owner makes the table once
/// (scripts/postgis/qgis_styles.sql); without it, or without the right to write it, the caller's
/// change stands and @p written says why.
void putDatabaseStyles(layers::Workspace& ws, const std::string& lang,
                       const std::vector<LayerStyle>& made, QgisWritten& written)
{
    using Kind = QgisWritten::DatabaseStyles;
    auto& ds = ws.dataset();
    ds.execute("SAVEPOINT planatlas_database_styles");
    try {
        // (Read from the catalogue, which never raises, as to_regclass does without USAGE on
        // public.)
        const auto state = ds.execute(
            "SELECT coalesce((SELECT CASE WHEN has_schema_privilege(n.oid, 'USAGE') AND "
            "has_table_privilege(c.oid, 'INSERT') AND has_table_privilege(c.oid, 'UPDATE') AND "
            "has_table_privilege(c.oid, 'DELETE') THEN 'writable' ELSE 'read-only' END FROM "
            "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = "
            "'public' AND c.relname = 'layer_styles'), 'absent') AS state, current_user AS role");
        const std::string which = gis::toString(state.rows.at(0).at(0));
        if (which != "writable") {
            ds.execute("RELEASE SAVEPOINT planatlas_database_styles");
            written.databaseStylesKind = which == "absent" ? Kind::NoTable : Kind::NotAllowed;
            written.databaseStylesProblem =
                which == "absent"
                    ? "the database has no table public.layer_styles, where QGIS looks for them; "
                      "its owner makes it once with scripts/postgis/qgis_styles.sql"
                    : "role " + gis::toString(state.rows[0][1]) +
                          " may not write public.layer_styles (the database's owner grants it "
                          "with scripts/postgis/qgis_styles.sql)";
            return;
        }
        const std::string here = "f_table_catalog = current_database() AND f_table_schema = "
                                 "current_schema()";
        const std::string planatlas = gis::sqlLiteral("PlanAtlas");
        const std::string names = tableList(made);
        ds.execute("DELETE FROM public.layer_styles WHERE " + here +
                   " AND stylename = " + planatlas +
                   (names.empty() ? std::string() : " AND f_table_name NOT IN (" + names + ")"));
        for (const auto& style : made) {
            const std::string table = here + " AND f_table_name = " + gis::sqlLiteral(style.table);
            ds.execute("UPDATE public.layer_styles SET useasdefault = false WHERE " + table +
                       " AND stylename <> " + planatlas + " AND useasdefault");
            // (QGIS looks a table without geometry up by a null column.)
            const std::string values =
                "f_geometry_column = " +
                (style.geometryColumn.empty() ? std::string("NULL")
                                              : gis::sqlLiteral(style.geometryColumn)) +
                ", styleqml = " + gis::sqlLiteral(style.qml) +
                ", stylesld = " + gis::sqlLiteral(style.sld) +
                ", useasdefault = true, description = " + gis::sqlLiteral(styleDescription(lang)) +
                ", owner = current_user, update_time = CURRENT_TIMESTAMP";
            if (ds.execute("SELECT id FROM public.layer_styles WHERE " + table +
                           " AND stylename = " + planatlas)
                    .rows.empty())
                ds.execute("INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, "
                           "f_table_name, stylename) VALUES (current_database(), "
                           "current_schema(), " +
                           gis::sqlLiteral(style.table) + ", " + planatlas + ")");
            ds.execute("UPDATE public.layer_styles SET " + values + " WHERE " + table +
                       " AND stylename = " + planatlas);
        }
        // Counted from the table: a row its rules kept from this role (a table the role may not
        // change) is not counted as written.
        const auto counted = ds.execute(
            "SELECT count(*) AS n FROM public.layer_styles WHERE " + here +
            " AND stylename = " + planatlas + " AND useasdefault AND owner = current_user" +
            (names.empty() ? std::string() : " AND f_table_name IN (" + names + ")"));
        const int n = counted.rows.empty() ? 0 : std::stoi(gis::toString(counted.rows[0][0]));
        ds.execute("RELEASE SAVEPOINT planatlas_database_styles");
        written.databaseStyles = n;
        written.databaseStylesKind = Kind::Written;
        if (n < static_cast<int>(made.size())) {
            written.databaseStylesKind = Kind::Failed;
            written.databaseStylesProblem =
                std::to_string(made.size() - static_cast<std::size_t>(n)) + " of " +
                std::to_string(made.size()) +
                " were kept from this role by the table's rules (it may not change those "
                "layers' tables)";
        }
    } catch (const std::exception& e) {
        ds.execute("ROLLBACK TO SAVEPOINT planatlas_database_styles");
        written.databaseStylesKind = Kind::Failed;
        written.databaseStylesProblem =
            std::string("the database refused them (this role may not change some of the "
                        "schema's tables?): ") +
            e.what();
    }
}

/// Writes the project QGIS opens from the schema, inside the caller's transaction but apart
/// from it (a savepoint): a project that cannot be written leaves the caller's change whole and
/// says why in @p written. The database is named as when the project was first written, by
/// whoever wrote it (the owner, who made the table), so that a rewrite by a planner of another
/// service name leaves it openable by all.
void putSchemaProject(layers::Workspace& ws, const std::string& lang, QgisWritten& written,
                      SchemaConnection connection, PriceMemo* memo)
{
    auto& ds = ws.dataset();
    ds.execute("SAVEPOINT planatlas_qgis_project");
    try {
        const bool exists = !ds.execute("SELECT 1 AS found FROM pg_class WHERE relname = "
                                        "'qgis_projects' AND relnamespace = (SELECT oid FROM "
                                        "pg_namespace WHERE nspname = current_schema())")
                                 .rows.empty();
        if (!exists) {
            const auto may = ds.execute(
                "SELECT has_schema_privilege(current_schema(), 'CREATE')::int AS may_create");
            if (may.rows.empty() || gis::toString(may.rows[0][0]) != "1") {
                ds.execute("RELEASE SAVEPOINT planatlas_qgis_project");
                written.schemaProblemKind = QgisWritten::SchemaProblem::NoTable;
                written.schemaProblem = "the schema has no table qgis_projects and this role may "
                                        "not create one (the schema's owner runs 'planatlas "
                                        "qgis' once)";
                return;
            }
            // QGIS's own layout, as its PostgreSQL project storage creates it.
            ds.execute("CREATE TABLE qgis_projects (name TEXT PRIMARY KEY, metadata JSONB, "
                       "content BYTEA)");
            layers::shareNewTables(ds, {"qgis_projects"});
        }
        const auto stored = ds.run("SELECT metadata->>'planatlas_connection' AS connection FROM "
                                   "qgis_projects WHERE name = ?",
                                   {std::string(kQgisProjectName)});
        const std::string kept = stored.rows.empty() || connection == SchemaConnection::Anew
                                     ? std::string()
                                     : gis::toString(stored.rows[0][0]);
        const Keywords keywords =
            kept.empty() ? databaseKeywords(ws.path()) : gis::connectionKeywords("PG:" + kept);
        const Reads reads = schemaReads(ws, keywords);
        const std::string archive =
            gis::zipArchive({{"planatlas.qgs", projectXml(ws, lang, reads, memo)}});
        ds.execute(
            "INSERT INTO qgis_projects (name, metadata, content) VALUES (" +
            gis::sqlLiteral(kQgisProjectName) +
            ", json_build_object('last_modified_time', to_char(now() AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD\"T\"HH24:MI:SS'), 'last_modified_user', current_user, "
            "'planatlas_connection', " +
            gis::sqlLiteral(keywordText(keywords)) + ")::jsonb, decode(" +
            gis::sqlLiteral(hexOf(archive)) +
            ", 'hex')) ON CONFLICT (name) DO UPDATE SET metadata = EXCLUDED.metadata, content = "
            "EXCLUDED.content");
        ds.execute("RELEASE SAVEPOINT planatlas_qgis_project");
        written.schemaProject = schemaProjectUri(keywords, reads.schema);
        written.sheetsLeftOut = static_cast<int>(layers::rasterLayers(ws).size());
    } catch (const std::exception& e) {
        ds.execute("ROLLBACK TO SAVEPOINT planatlas_qgis_project");
        written.schemaProblemKind = QgisWritten::SchemaProblem::Failed;
        written.schemaProblem = e.what();
    }
}

} // namespace

QgisWritten writeSchemaProject(layers::Workspace& ws, const std::string& chosen)
{
    QgisWritten written;
    if (ws.isShared())
        ws.transaction([&] {
            const std::string lang = projectLang(ws, chosen);
            PriceMemo memo;
            putSchemaProject(ws, lang, written, SchemaConnection::Kept, &memo);
            putDatabaseStyles(ws, lang, planatlasStyles(ws, lang, &memo), written);
            written.unpriced = memo.unread;
        });
    return written;
}

QgisWritten writeQgis(layers::Workspace& ws, const std::string& chosen, SchemaConnection connection)
{
    QgisWritten written;
    const std::string lang = projectLang(ws, chosen);
    PriceMemo memo;
    const std::string project = projectOf(ws, lang, ProjectReads::File, &memo);
    // Counted from what the project holds, so the figures say what QGIS will find.
    auto count = [&](std::string_view needle) {
        int n = 0;
        for (std::size_t at = project.find(needle); at != std::string::npos;
             at = project.find(needle, at + 1))
            ++n;
        return n;
    };
    written.relations = count("<relation id=");
    written.themes = count("<visibility-preset name=");
    written.layouts = count("<Layout name=");
    // GeoPackage DATETIME: ISO 8601 with milliseconds, UTC.
    const std::string stamp = QDateTime::currentDateTimeUtc()
                                  .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"))
                                  .toStdString();
    const std::string content = hexOf(gis::zipArchive({{"planatlas.qgs", project}}));
    const std::string file = workspaceFile(ws);
    written.project =
        "geopackage:" + (ws.isShared() ? file : ws.path()) + "?projectName=" + kQgisProjectName;

    ws.transaction([&] {
        auto& ds = ws.dataset();
        // The tables as QGIS and GDAL create them in a GeoPackage (in a schema as a copy brings
        // them), the styles registered as an attribute table.
        // (In a schema the styles' table is pa_layer_styles: QGIS's is public.layer_styles.)
        const std::string stylesName = ws.tableName("layer_styles");
        const std::string styles = gis::sqlIdentifier(stylesName);
        if (!ds.hasTable(stylesName))
            ws.createTable(
                "layer_styles",
                "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                "f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name "
                "TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, "
                "styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui "
                "TEXT(30), update_time DATETIME DEFAULT "
                "(strftime('%Y-%m-%dT%H:%M:%fZ','now')))",
                "Default styles of the layers for QGIS (PlanAtlas)");
        const std::string projects = ws.tableName("qgis_projects");
        if (!ds.hasTable(projects))
            ws.createTable("qgis_projects",
                           "CREATE TABLE qgis_projects(name TEXT PRIMARY KEY, metadata BLOB, "
                           "content BLOB)",
                           {});
        const std::string styleName = "PlanAtlas";
        // PlanAtlas's own style is rewritten in place (a layer keeps its row); others a person
        // saved stay, no longer default where PlanAtlas's is. Styles of layers that are gone go.
        const auto made = planatlasStyles(ws, lang, &memo);
        const std::string names = tableList(made);
        ds.execute("DELETE FROM " + styles + " WHERE styleName = " + gis::sqlLiteral(styleName) +
                   (names.empty() ? std::string() : " AND f_table_name NOT IN (" + names + ")"));
        for (const auto& style : made) {
            const std::string table = gis::sqlLiteral(style.table);
            ds.execute("UPDATE " + styles + " SET useAsDefault = 0 WHERE f_table_name = " + table +
                       " AND styleName <> " + gis::sqlLiteral(styleName));
            const std::string values =
                "f_geometry_column = " + gis::sqlLiteral(style.geometryColumn) +
                ", styleQML = " + gis::sqlLiteral(style.qml) +
                ", styleSLD = " + gis::sqlLiteral(style.sld) +
                ", useAsDefault = 1, description = " + gis::sqlLiteral(styleDescription(lang)) +
                ", update_time = " + gis::sqlLiteral(stamp);
            const auto existing =
                ds.execute("SELECT id FROM " + styles + " WHERE f_table_name = " + table +
                           " AND styleName = " + gis::sqlLiteral(styleName));
            if (existing.rows.empty())
                ds.execute("INSERT INTO " + styles +
                           " (f_table_catalog, f_table_schema, f_table_name, styleName, owner, "
                           "ui) VALUES ('', '', " +
                           table + ", " + gis::sqlLiteral(styleName) + ", '', '')");
            ds.execute("UPDATE " + styles + " SET " + values + " WHERE f_table_name = " + table +
                       " AND styleName = " + gis::sqlLiteral(styleName));
            ++written.styles;
        }
        const auto remember = [&](const std::string& key, const std::string& value) {
            ds.run("DELETE FROM pa_metadata WHERE key = ?", {key});
            ds.run("INSERT INTO pa_metadata (key, value) VALUES (?, ?)", {key, value});
        };
        remember("qgis_project_file", file);
        if (!chosen.empty())
            remember("qgis_lang", lang);
        ds.execute("DELETE FROM " + gis::sqlIdentifier(projects) +
                   " WHERE name = " + gis::sqlLiteral(kQgisProjectName));
        ds.execute("INSERT INTO " + gis::sqlIdentifier(projects) +
                   " (name, metadata, content) VALUES (" + gis::sqlLiteral(kQgisProjectName) +
                   ", " +
                   gis::sqlLiteral("{\"last_modified_time\": \"" + stamp.substr(0, 19) +
                                   "\", \"last_modified_user\": \"PlanAtlas\" }") +
                   ", " + gis::sqlLiteral(content) + ")");
        if (ws.isShared()) {
            putSchemaProject(ws, lang, written, connection, &memo);
            putDatabaseStyles(ws, lang, made, written);
        }
    });
    written.unpriced = memo.unread;
    return written;
}

} // namespace pa::render
