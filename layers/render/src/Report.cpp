#include "planatlas/render/Report.h"

#include "Markup_p.h"
#include "Period_p.h"
#include "Style_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Digitise.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/PendingFile.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Algorithm.h"
#include "planatlas/layers/analysis/Csv.h"
#include "planatlas/render/Map.h"

#include <QBuffer>
#include <QByteArray>
#include <QDate>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>

namespace pa::render {

using layers::Error;
using layers::ErrorKind;
namespace fs = std::filesystem;
namespace csv = analysis::csv;

namespace {

std::string html(const std::string& text)
{
    return escapeMarkup(text);
}

/// The report's words: `ReportText::tr("Maps", lang)`, English in the source, Vietnamese from the
/// catalogue (lupdate collects them as context "Report").
class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(Report)
public:
    static std::string tr(const char* key, const std::string& lang)
    {
        return translated("Report", key, lang).toStdString();
    }
};

/// Values the report translates as they come from the workspace (target status, geometry
/// quality), listed for the catalogue.
[[maybe_unused]] constexpr const char* kTranslatedValues[] = {
    QT_TRANSLATE_NOOP("Report", "met"),       QT_TRANSLATE_NOOP("Report", "not met"),
    QT_TRANSLATE_NOOP("Report", "no data"),   QT_TRANSLATE_NOOP("Report", "not measurable"),
    QT_TRANSLATE_NOOP("Report", "none"),      QT_TRANSLATE_NOOP("Report", "surveyed"),
    QT_TRANSLATE_NOOP("Report", "digitized"), QT_TRANSLATE_NOOP("Report", "indicative"),
};

std::string fmt(double v, int decimals, const std::string& lang)
{
    if (decimals == 0)
        return formatInteger(v, lang).toStdString();
    // Thousands and the decimal part, Vietnamese style: 1.234,5
    const double rounded = std::round(v * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    const double whole = std::trunc(rounded);
    std::string out = formatInteger(whole, lang).toStdString();
    std::string frac =
        formatDecimal(std::abs(rounded - whole), decimals, "en").toStdString().substr(1); // ".5"
    if (lang != "en")
        frac[0] = ',';
    if (v < 0 && whole == 0)
        out = "-" + out;
    return out + frac;
}

std::string kindTitle(const std::string& kind, const std::string& lang)
{
    const auto* k = layers::findKind(kind);
    return k ? std::string(lang == "en" ? k->titleEn : k->titleVi) : kind;
}

/// A horizontal bar chart as inline SVG (one or two series).
std::string barChart(const std::vector<std::string>& labels, const std::vector<double>& a,
                     const std::vector<double>& b, const std::string& nameA,
                     const std::string& nameB, const std::string& lang)
{
    const double rowH = 26, labelW = 290, barW = 380, top = b.empty() ? 8 : 30;
    double maxV = 0;
    for (std::size_t i = 0; i < labels.size(); ++i)
        maxV = std::max(maxV, a[i] + (b.empty() ? 0 : b[i]));
    if (maxV <= 0)
        maxV = 1;
    const double height = top + rowH * static_cast<double>(labels.size()) + 8;
    std::ostringstream s;
    s.precision(6);
    s << "<svg class=\"chart\" viewBox=\"0 0 " << labelW + barW + 90 << ' ' << height
      << "\" width=\"" << labelW + barW + 90 << "\" height=\"" << height << "\" role=\"img\">";
    if (!b.empty()) {
        s << "<rect x=\"" << labelW
          << "\" y=\"6\" width=\"12\" height=\"12\" fill=\"#6a3d9a\"/><text x=\"" << labelW + 16
          << "\" y=\"16\">" << html(nameA) << "</text>";
        s << "<rect x=\"" << labelW + 170
          << "\" y=\"6\" width=\"12\" height=\"12\" fill=\"#cfcfcf\"/><text x=\"" << labelW + 186
          << "\" y=\"16\">" << html(nameB) << "</text>";
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double y = top + rowH * static_cast<double>(i);
        const double wa = barW * a[i] / maxV, wb = b.empty() ? 0 : barW * b[i] / maxV;
        s << "<text x=\"" << labelW - 8 << "\" y=\"" << y + 17 << "\" text-anchor=\"end\">"
          << html(labels[i]) << "</text>";
        s << "<rect x=\"" << labelW << "\" y=\"" << y + 5 << "\" width=\"" << wa
          << "\" height=\"16\" fill=\"#6a3d9a\"/>";
        if (!b.empty())
            s << "<rect x=\"" << labelW + wa << "\" y=\"" << y + 5 << "\" width=\"" << wb
              << "\" height=\"16\" fill=\"#cfcfcf\"/>";
        const double total = a[i] + (b.empty() ? 0 : b[i]);
        s << "<text x=\"" << labelW + wa + wb + 6 << "\" y=\"" << y + 17 << "\">"
          << html(b.empty() ? fmt(total, total < 100 ? 1 : 0, lang)
                            : fmt(a[i], 0, lang) + " / " + fmt(total, 0, lang))
          << "</text>";
    }
    s << "</svg>";
    return s.str();
}

/// A map rendered to PNG and embedded as a data URI.
std::string mapImage(layers::Workspace& ws, MapOptions o, const ReportOptions& r, MapReport& report)
{
    o.pixelSize =
        std::pair{r.mapWidthPx, static_cast<int>(std::lround(r.mapWidthPx * 210.0 / 297.0))};
    o.dpi = static_cast<int>(std::lround(r.mapWidthPx / (297.0 / 25.4)));
    o.lang = r.lang;
    o.date = r.date;
    QImage image(o.pixelSize->first, o.pixelSize->second, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        report = drawMap(ws, o, painter, QRectF(0, 0, image.width(), image.height()));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return "data:image/png;base64," + bytes.toBase64().toStdString();
}

struct Table
{
    std::vector<std::string> head;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> numeric; ///< right-aligned columns
};

std::string tableHtml(const Table& t)
{
    std::ostringstream s;
    s << "<table><thead><tr>";
    for (std::size_t i = 0; i < t.head.size(); ++i)
        s << "<th" << (i < t.numeric.size() && t.numeric[i] ? " class=\"n\"" : "") << ">"
          << html(t.head[i]) << "</th>";
    s << "</tr></thead><tbody>";
    for (const auto& row : t.rows) {
        s << "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i)
            s << "<td" << (i < t.numeric.size() && t.numeric[i] ? " class=\"n\"" : "") << ">"
              << row[i] << "</td>";
        s << "</tr>";
    }
    s << "</tbody></table>";
    return s.str();
}

/// What the sections are made from: the registered analyses run as `planatlas analyze` runs
/// them (the same declarations, parameters by their declared names), the CSV each writes, and
/// what the data says of itself (indicative geometry, illustrative values).
struct ReportInputs
{
    std::string units;                  ///< the units of the programme's period
    std::vector<analysis::Result> runs; ///< own what the pointers below read
    const analysis::CoverageResult* coverage = nullptr;
    const analysis::FootprintResult *byDocument = nullptr, *byAgency = nullptr;
    const analysis::OverlapsResult* overlaps = nullptr;
    bool hasExpressway = false, hasTown = false, hasPrice = false;
    std::string priceLayer;
    const analysis::CorridorResult* corridor = nullptr;
    std::vector<analysis::DistanceRow> accessExpressway, accessCity;
    const analysis::ZonalResult* zonal = nullptr;
    const analysis::TargetsResult* targets = nullptr;
    bool indicative = false, illustrative = false;
    std::map<std::string, std::string> csvFiles; ///< file name → content
};

/// Runs the registered analysis @p name with @p values, keeps the CSV it writes as @p file and
/// returns its own result (a @p T).
template <class T>
const T* runAnalysis(layers::Workspace& ws, ReportInputs& in, const char* name,
                     const std::vector<std::pair<std::string, std::string>>& values,
                     const char* file)
{
    const analysis::Algorithm* algorithm = analysis::findAlgorithm(name);
    if (!algorithm)
        throw std::logic_error(std::string("the report needs the analysis ") + name);
    analysis::ParameterValues given;
    for (const auto& [parameter, value] : values)
        given.set(parameter, value);
    in.runs.push_back(algorithm->run(ws, given));
    const analysis::Result& result = in.runs.back();
    in.csvFiles[file] = csv::write(result.tables.front());
    return result.detail<T>();
}

ReportInputs runAnalyses(layers::Workspace& ws, const ReportOptions& o,
                         const layers::Progress& progress)
{
    ReportInputs in;
    in.runs.reserve(10);
    in.units = periodUnitsLayer(ws);
    progress.update(0.02, "coverage");
    if (!in.units.empty())
        in.coverage = runAnalysis<analysis::CoverageResult>(
            ws, in, "coverage", {{"units", in.units}}, "coverage_by_unit.csv");
    progress.update(0.15, "footprint");
    in.byDocument = runAnalysis<analysis::FootprintResult>(
        ws, in, "footprint", {{"by", "document"}, {"unlocated", ""}}, "tasks_without_place.csv");
    std::vector<std::pair<std::string, std::string>> byAgency = {{"by", "agency"}};
    if (!in.units.empty())
        byAgency.emplace_back("units", in.units);
    in.byAgency = runAnalysis<analysis::FootprintResult>(ws, in, "footprint", byAgency,
                                                         "footprint_by_agency.csv");
    progress.update(0.3, "overlaps");
    in.overlaps = runAnalysis<analysis::OverlapsResult>(ws, in, "overlaps", {}, "overlaps.csv");
    for (const auto& l : ws.layers()) {
        in.hasExpressway = in.hasExpressway || l.kind == "expressway";
        in.hasTown = in.hasTown || l.kind == "urban_centre";
        if (l.kind == "land_price" && in.priceLayer.empty())
            in.hasPrice = true, in.priceLayer = l.name;
    }
    progress.update(0.4, "corridor");
    if (in.hasExpressway) {
        char km[32];
        std::snprintf(km, sizeof km, "%.10g", o.corridorKm);
        in.corridor = runAnalysis<analysis::CorridorResult>(ws, in, "corridor",
                                                            {{"distance_km", km}}, "corridor.csv");
        if (const auto* a = runAnalysis<analysis::AccessResult>(
                ws, in, "access", {{"to", "expressway"}}, "access_to_expressway.csv"))
            in.accessExpressway = a->rows;
    }
    if (in.hasTown) {
        try {
            if (const auto* a = runAnalysis<analysis::AccessResult>(
                    ws, in, "access", {{"to", "urban_centre:provincial"}},
                    "access_to_provincial_city.csv"))
                in.accessCity = a->rows;
        } catch (const Error&) {
            // no provincial centre among the towns: the column stays empty
        }
    }
    if (in.hasPrice)
        in.zonal = runAnalysis<analysis::ZonalResult>(ws, in, "zonal", {{"values", in.priceLayer}},
                                                      "land_price_by_feature.csv");
    progress.update(0.5, "targets");
    try {
        in.targets = runAnalysis<analysis::TargetsResult>(ws, in, "targets", {}, "targets.csv");
    } catch (const Error&) {
        // no province layer: no targets section
    }
    for (const auto& l : ws.layers()) {
        if (l.kind == "basemap" || l.kind.rfind("admin_", 0) == 0)
            continue;
        const auto t2 = gis::sqlIdentifier(l.name);
        if (ws.dataset().layerByName(l.name)->fieldIndex("geometry_quality") >= 0 &&
            scalar(ws, "SELECT COUNT(*) FROM " + t2 + " WHERE geometry_quality = 'indicative'") !=
                "0")
            in.indicative = true;
        if (l.kind == "land_price" && ws.dataset().layerByName(l.name)->fieldIndex("source") >= 0 &&
            scalar(ws, "SELECT COUNT(*) FROM " + t2 + " WHERE source = 'illustrative'") != "0")
            in.illustrative = true;
    }
    return in;
}

/// The page being written and what its sections share.
struct Page
{
    layers::Workspace& ws;
    const ReportOptions& options;
    const ReportInputs& inputs;
    std::ostringstream& html;
    ReportResult& result;
    const layers::Progress& progress;
};

/// The head of the page: title, date, CRS, and the notes that govern how to read the rest.
void headSection(Page& page)
{
    layers::Workspace& ws = page.ws;
    const ReportOptions& o = page.options;
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    const std::string province = ws.province();
    const std::string title =
        lang == "en" ? ReportText::tr("Coverage report", lang) + " — " + province + " province"
                     : ReportText::tr("Coverage report", lang) + " — " +
                           ReportText::tr("province", lang) + " " + province;
    h << "<!DOCTYPE html>\n<html lang=\"" << lang << "\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
      << html(title) << "</title>"
      << "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1100px;margin:24px "
         "auto;padding:0 16px;"
         "color:#1a1a1a;line-height:1.45}h1{font-size:1.6em;margin-bottom:0}h2{border-bottom:2px "
         "solid #6a3d9a;"
         "padding-bottom:4px;margin-top:2em}table{border-collapse:collapse;width:100%;font-size:."
         "86em;margin:.6em 0}"
         "th,td{border:1px solid #d0d0d0;padding:4px "
         "6px;vertical-align:top;text-align:left}th{background:#f1edf5}"
         "td.n,th.n{text-align:right;white-space:nowrap}.note{padding:8px 12px;margin:10px "
         "0;border-left:5px solid;"
         "font-weight:bold}.indicative{border-color:#b35806;color:#7a3c04;background:#fff4e6}."
         "illustrative{"
         "border-color:#c00000;color:#900;background:#fdeaea}.met{color:#1b7837;font-weight:bold}."
         "notmet{color:"
         "#b2182b;font-weight:bold}.muted{color:#777}figure{margin:1em 0}figure "
         "img{width:100%;border:1px solid "
         "#ccc}figcaption{font-size:.9em;color:#444}svg.chart "
         "text{font-size:13px;fill:#222}.sub{color:#555}"
         "details{margin:.5em 0}.wide{overflow-x:auto}.wide "
         "td:first-child{white-space:nowrap}</style></head><body>\n";
    h << "<h1>" << html(title) << "</h1>\n<p class=\"sub\">"
      << html(ReportText::tr("Prepared on", lang)) << ' '
      << html(lang == "en" ? o.date
                           : QDate::fromString(QString::fromStdString(o.date), Qt::ISODate)
                                 .toString(QStringLiteral("dd/MM/yyyy"))
                                 .toStdString())
      << " · " << html(ws.crs().label() + " (" + ws.crs().name() + ")") << "</p>\n";

    // Notes first: they govern how to read everything below.
    if (in.indicative)
        h << "<p class=\"note indicative\">"
          << html(ReportText::tr(
                 "INDICATIVE POSITIONS: parks, zones and routes are drawn from published names "
                 "and areas, not "
                 "surveyed; areas and distances below are indicative.",
                 lang))
          << "</p>\n";
    if (in.illustrative)
        h << "<p class=\"note illustrative\">"
          << html(ReportText::tr(
                 "ILLUSTRATIVE VALUES: the land prices in this report are made up for "
                 "demonstration, not real prices.",
                 lang))
          << "</p>\n";
}

/// The programme at a glance: its documents and tasks, its features by kind.
void glanceSection(Page& page)
{
    layers::Workspace& ws = page.ws;
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    ReportResult& result = page.result;
    h << "<h2>" << html(ReportText::tr("The programme at a glance", lang)) << "</h2>\n";
    {
        Table docs{{ReportText::tr("document", lang), ReportText::tr("type", lang),
                    ReportText::tr("number", lang), ReportText::tr("date", lang),
                    ReportText::tr("tasks", lang), ReportText::tr("with a place", lang),
                    ReportText::tr("without a place", lang)},
                   {},
                   {false, false, false, false, true, true, true}};
        std::vector<std::string> labels;
        std::vector<double> located, unlocated;
        const bool notBefore = ws.schemaVersion() >= layers::kSchemaPlanReview;
        for (const auto& row : in.byDocument->rows) {
            auto dmy = [&](const std::string& iso) {
                return lang == "en" || iso.empty()
                           ? iso
                           : QDate::fromString(QString::fromStdString(iso), Qt::ISODate)
                                 .toString(QStringLiteral("dd/MM/yyyy"))
                                 .toStdString();
            };
            const auto doc = ws.dataset().execute(
                std::string("SELECT doc_type, number, issued_on, ") +
                (notBefore ? "not_before" : "NULL") +
                " FROM plan_documents WHERE doc_id = " + gis::sqlLiteral(row.key));
            std::vector<std::string> cell(4);
            if (!doc.rows.empty())
                for (std::size_t i = 0; i < cell.size(); ++i)
                    cell[i] = gis::toString(doc.rows[0][i]);
            const std::string &type = cell[0], &number = cell[1];
            std::string date = dmy(cell[2]);
            if (date.empty() && !cell[3].empty())
                date = (lang == "en" ? "not stated; after " : "không ghi; sau ") + dmy(cell[3]);
            docs.rows.push_back({html(row.key), html(type), html(number), html(date),
                                 fmt(static_cast<double>(row.tasks), 0, lang),
                                 fmt(static_cast<double>(row.located), 0, lang),
                                 fmt(static_cast<double>(row.tasks - row.located), 0, lang)});
            labels.push_back(row.key);
            located.push_back(static_cast<double>(row.located));
            unlocated.push_back(static_cast<double>(row.tasks - row.located));
        }
        if (!docs.rows.empty()) {
            h << "<h3>" << html(ReportText::tr("Plan documents", lang)) << "</h3>"
              << tableHtml(docs);
            h << "<h3>" << html(ReportText::tr("Tasks by document", lang)) << "</h3>"
              << barChart(labels, located, unlocated, ReportText::tr("with a place", lang),
                          ReportText::tr("without a place", lang), lang);
            ++result.charts, ++result.tables;
        }
        // Features by kind: count, area, length.
        std::map<std::size_t, std::tuple<std::string, std::int64_t, double, double>> kinds;
        const std::string provinceLayer = periodProvinceLayer(ws);
        const std::string inside = provinceLayer.empty()
                                       ? std::string("geom")
                                       : "ST_Intersection(geom, (SELECT ST_Union(geom) FROM " +
                                             gis::sqlIdentifier(provinceLayer) + "))";
        for (const auto& l : ws.layers()) {
            const auto* k = layers::findKind(l.kind);
            if (!k || !k->programme || l.kind == "other")
                continue;
            const auto id = gis::sqlIdentifier(l.name);
            // Areas and lengths inside the province (national roads run far beyond it).
            const auto r = ws.dataset().execute("SELECT COUNT(*), SUM(ST_Area(" + inside +
                                                    ")), SUM(ST_Length(" + inside + ")) FROM " +
                                                    id + " WHERE geom IS NOT NULL",
                                                "SQLite");
            auto num = [](const gis::FieldValue& v) {
                if (const auto* d = std::get_if<double>(&v))
                    return *d;
                if (const auto* i = std::get_if<std::int64_t>(&v))
                    return static_cast<double>(*i);
                return 0.0;
            };
            auto& entry = kinds[layers::kindRank(l.kind)];
            std::get<0>(entry) = l.kind;
            std::get<1>(entry) += static_cast<std::int64_t>(num(r.rows[0][0]));
            const bool polygon = l.geometryType.find("Polygon") != std::string::npos;
            const bool line = l.geometryType.find("Line") != std::string::npos;
            std::get<2>(entry) += polygon ? num(r.rows[0][1]) / 10000.0 : 0.0;
            std::get<3>(entry) += line ? num(r.rows[0][2]) / 1000.0 : 0.0;
        }
        Table features{{ReportText::tr("kind", lang), ReportText::tr("features", lang),
                        ReportText::tr("area (ha)", lang), ReportText::tr("length (km)", lang)},
                       {},
                       {false, true, true, true}};
        std::vector<std::string> areaLabels;
        std::vector<double> areas;
        for (const auto& [rank, entry] : kinds) {
            const auto& [kind, n, area, length] = entry;
            features.rows.push_back(
                {html(kindTitle(kind, lang)), fmt(static_cast<double>(n), 0, lang),
                 area > 0 ? fmt(area, 1, lang) : "", length > 0 ? fmt(length, 1, lang) : ""});
            if (area > 0 && kind != "other")
                areaLabels.push_back(kindTitle(kind, lang)), areas.push_back(area);
        }
        h << "<h3>" << html(ReportText::tr("Features of the programme by kind", lang)) << "</h3>"
          << "<p class=\"sub\">"
          << html(ReportText::tr("Areas and lengths inside the province of the plan's period.",
                                 lang))
          << "</p>" << tableHtml(features);
        ++result.tables;
        if (!areas.empty()) {
            h << "<h3>" << html(ReportText::tr("Programme area by kind (ha)", lang)) << "</h3>"
              << barChart(areaLabels, areas, {}, "", "", lang);
            ++result.charts;
        }
    }
}

/// The maps: programme, corridor, coverage, land price (those the workspace can draw).
void mapsSection(Page& page)
{
    layers::Workspace& ws = page.ws;
    const ReportOptions& o = page.options;
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    ReportResult& result = page.result;
    const layers::Progress& progress = page.progress;
    progress.update(0.55, "maps");
    h << "<h2>" << html(ReportText::tr("Maps", lang)) << "</h2>\n";
    auto figure = [&](MapOptions m, const std::string& caption) {
        MapReport mr;
        if (m.title.empty())
            m.title = caption.substr(0, caption.find(" — "));
        const std::string uri = mapImage(ws, std::move(m), o, mr);
        h << "<figure><img alt=\"" << html(caption) << "\" src=\"" << uri << "\"><figcaption>"
          << html(caption) << "</figcaption></figure>\n";
        ++result.maps;
    };
    figure(MapOptions{}, ReportText::tr("Programme features", lang));
    if (in.hasExpressway) {
        MapOptions m;
        m.theme = Theme::Corridor;
        m.corridorKm = o.corridorKm;
        figure(m, ReportText::tr("Expressway corridor", lang) + " (" + fmt(o.corridorKm, 0, lang) +
                      " km)");
    }
    if (!in.units.empty()) {
        MapOptions m;
        m.theme = Theme::Coverage;
        m.unitsLayer = in.units;
        figure(m, ReportText::tr("Share of each district's area in industrial parks", lang));
    }
    if (in.hasPrice) {
        MapOptions m;
        m.theme = Theme::LandPrice;
        figure(m, ReportText::tr("Land price", lang) +
                      (in.illustrative
                           ? " — " + ReportText::tr(
                                         "ILLUSTRATIVE VALUES: the land prices in this report "
                                         "are made up for demonstration, not real prices.",
                                         lang)
                           : std::string()));
    }
}

/// Coverage by unit: the share (or length, or count) of each kind in each unit.
void coverageSection(Page& page)
{
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    ReportResult& result = page.result;
    const layers::Progress& progress = page.progress;
    progress.update(0.8, "tables");
    if (in.coverage) {
        h << "<h2>" << html(ReportText::tr("Coverage by unit", lang)) << "</h2>\n";
        // One row per unit; for each kind with any feature, the share (polygons) or length (lines).
        std::vector<std::string> shown;
        for (const auto& kind : in.coverage->kinds)
            if (kind != "other" && kind != "road" && kind != "railway" &&
                kind != "infrastructure" && kind != "urban_centre" && kind != "market_logistics" &&
                std::any_of(in.coverage->rows.begin(), in.coverage->rows.end(),
                            [&](const auto& r) { return r.kind == kind && r.features > 0; }))
                shown.push_back(kind);
        Table table{{ReportText::tr("unit", lang)}, {}, {false}};
        for (const auto& kind : shown)
            table.head.push_back(kindTitle(kind, lang)), table.numeric.push_back(true);
        std::map<std::string, std::vector<std::string>> byUnit;
        std::vector<std::string> order;
        for (const auto& r : in.coverage->rows) {
            auto& cells = byUnit[r.unitCode];
            if (cells.empty()) {
                cells.assign(shown.size() + 1, "");
                cells[0] = html(r.unitName);
                order.push_back(r.unitCode);
            }
            const auto it = std::find(shown.begin(), shown.end(), r.kind);
            if (it == shown.end())
                continue;
            std::string cell;
            if (r.gap)
                cell = "<span class=\"muted\" title=\"" +
                       html(ReportText::tr("gap: none of this kind", lang)) + "\">—</span>";
            else if (r.areaHa > 0)
                cell = fmt(r.sharePct, 1, lang) + " %";
            else if (r.lengthKm > 0)
                cell = fmt(r.lengthKm, 1, lang) + " km";
            else
                cell = fmt(static_cast<double>(r.features), 0, lang);
            cells[static_cast<std::size_t>(it - shown.begin()) + 1] = cell;
        }
        std::sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
            return text::foldForMatch(byUnit[a][0]) < text::foldForMatch(byUnit[b][0]);
        });
        for (const auto& code : order)
            table.rows.push_back(byUnit[code]);
        h << "<div class=\"wide\">" << tableHtml(table) << "</div>";
        ++result.tables;
    }
}

/// Tasks without a place on the map, by document, with the reason.
void unlocatedSection(Page& page)
{
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    ReportResult& result = page.result;
    h << "<h2>" << html(ReportText::tr("Tasks without a place on the map", lang)) << "</h2>\n";
    Table counts{{ReportText::tr("document", lang), ReportText::tr("without a place", lang)},
                 {},
                 {false, true}};
    for (const auto& [doc, n] : in.byDocument->unlocatedByDocument)
        counts.rows.push_back({html(doc), fmt(static_cast<double>(n), 0, lang)});
    h << tableHtml(counts);
    Table list{{"ID", ReportText::tr("lead agency", lang), ReportText::tr("reason", lang),
                ReportText::tr("tasks", lang)},
               {},
               {}};
    for (const auto& task : in.byDocument->unlocated) {
        std::string lead;
        for (const auto& a : task.lead)
            lead += (lead.empty() ? "" : "; ") + a;
        list.rows.push_back(
            {html(task.taskId), html(lead), html(task.reason),
             html(task.text.size() > 240 ? task.text.substr(0, task.text.rfind(' ', 240)) + " …"
                                         : task.text)});
    }
    h << "<details><summary>" << html(ReportText::tr("Show the tasks", lang)) << " ("
      << in.byDocument->unlocated.size() << ")</summary>" << tableHtml(list) << "</details>\n";
    result.tables += 2;
}

/// Overlaps between incompatible uses, with the agencies on each side.
void overlapsSection(Page& page)
{
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    ReportResult& result = page.result;
    h << "<h2>" << html(ReportText::tr("Overlaps between incompatible uses", lang)) << "</h2>\n";
    if (in.overlaps->rows.empty()) {
        h << "<p>" << html(ReportText::tr("No overlaps between the kinds examined.", lang))
          << "</p>\n";
    } else {
        Table table{{"A", ReportText::tr("lead agency", lang) + " A", "B",
                     ReportText::tr("lead agency", lang) + " B", ReportText::tr("area (ha)", lang)},
                    {},
                    {false, false, false, false, true}};
        for (const auto& r : in.overlaps->rows)
            table.rows.push_back({html(r.a.name + " (" + r.a.code + ")"),
                                  html(csv::join(r.a.leadAgencies, "; ")),
                                  html(r.b.name + " (" + r.b.code + ")"),
                                  html(csv::join(r.b.leadAgencies, "; ")), fmt(r.areaHa, 1, lang)});
        h << tableHtml(table);
        ++result.tables;
    }
}

/// The industrial land within the corridor; each feature's distances.
void corridorSection(Page& page)
{
    const ReportOptions& o = page.options;
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    ReportResult& result = page.result;
    if (in.corridor) {
        h << "<h2>" << html(ReportText::tr("Corridor and access", lang)) << "</h2>\n";
        if (in.corridor->industrialAreaHa > 0)
            h << "<p><strong>"
              << fmt(100.0 * in.corridor->industrialInsideHa / in.corridor->industrialAreaHa, 1,
                     lang)
              << " %</strong> (" << fmt(in.corridor->industrialInsideHa, 0, lang) << " / "
              << fmt(in.corridor->industrialAreaHa, 0, lang) << " ha) "
              << html(ReportText::tr("of industrial land lies within", lang)) << ' '
              << fmt(o.corridorKm, 0, lang) << " km "
              << html(ReportText::tr("of an expressway", lang)) << ".</p>\n";
        std::map<std::string, double> toCity;
        for (const auto& r : in.accessCity)
            toCity[r.code] = r.distanceKm;
        Table table{{ReportText::tr("kind", lang), "",
                     ReportText::tr("to the nearest expressway (km)", lang),
                     ReportText::tr("to the provincial city (km)", lang)},
                    {},
                    {false, false, true, true}};
        for (const auto& r : in.accessExpressway) {
            const auto city = toCity.find(r.code);
            table.rows.push_back({html(kindTitle(r.kind, lang)), html(r.name),
                                  fmt(r.distanceKm, 1, lang),
                                  city == toCity.end() ? "" : fmt(city->second, 1, lang)});
        }
        h << tableHtml(table);
        ++result.tables;
    }
}

/// Land price by industrial park.
void landPriceSection(Page& page)
{
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    ReportResult& result = page.result;
    if (in.zonal) {
        h << "<h2>" << html(ReportText::tr("Land price by park", lang)) << "</h2>\n";
        if (in.illustrative)
            h << "<p class=\"note illustrative\">"
              << html(ReportText::tr(
                     "ILLUSTRATIVE VALUES: the land prices in this report are made up for "
                     "demonstration, not real "
                     "prices.",
                     lang))
              << "</p>\n";
        Table table{{ReportText::tr("kind", lang), "", ReportText::tr("mean (VND/m²)", lang),
                     ReportText::tr("min", lang), ReportText::tr("max", lang)},
                    {},
                    {false, false, true, true, true}};
        for (const auto& r : in.zonal->rows) {
            if (!layers::inGroup(r.kind, "industrial"))
                continue;
            auto cell = [&](const std::optional<double>& v) {
                return v ? fmt(*v, 0, lang) : std::string();
            };
            table.rows.push_back({html(kindTitle(r.kind, lang)), html(r.name), cell(r.mean),
                                  cell(r.min), cell(r.max)});
        }
        h << tableHtml(table);
        ++result.tables;
    }
}

/// The targets with their measured values and status.
void targetsSection(Page& page)
{
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    ReportResult& result = page.result;
    if (in.targets) {
        h << "<h2>" << html(ReportText::tr("Targets", lang)) << "</h2>\n";
        Table table{{ReportText::tr("document", lang), ReportText::tr("indicator", lang),
                     ReportText::tr("plan", lang), ReportText::tr("measured", lang),
                     ReportText::tr("status", lang)},
                    {},
                    {false, false, true, true, false}};
        for (const auto& r : in.targets->rows) {
            const std::string cls = r.status == "met"       ? "met"
                                    : r.status == "not met" ? "notmet"
                                                            : "muted";
            std::string plan =
                (r.comparator == "approx"                         ? "≈ "
                 : r.comparator == ">="                           ? "≥ "
                 : r.comparator == "<="                           ? "≤ "
                 : r.comparator == "range" || r.comparator == "=" ? ""
                                                                  : r.comparator + " ") +
                fmt(r.value, r.value == std::floor(r.value) ? 0 : 1, lang) +
                (r.valueMax ? " – " + fmt(*r.valueMax, 1, lang) : "") + " " + r.unit;
            table.rows.push_back({html(r.docId), html(r.indicator), html(plan),
                                  r.measured ? fmt(*r.measured, 1, lang) + " " + html(r.unit) : "",
                                  "<span class=\"" + cls + "\">" +
                                      html(ReportText::tr(r.status.c_str(), lang)) + "</span>"});
        }
        h << tableHtml(table);
        ++result.tables;
    }
}

/// Data sources and quality; the CSV files beside the page.
void sourcesSection(Page& page)
{
    layers::Workspace& ws = page.ws;
    const std::string& lang = page.options.lang;
    const ReportInputs& in = page.inputs;
    std::ostringstream& h = page.html;
    ReportResult& result = page.result;
    h << "<h2>" << html(ReportText::tr("Data sources and quality", lang)) << "</h2>\n";
    Table table{{ReportText::tr("layer", lang), ReportText::tr("features", lang),
                 ReportText::tr("quality", lang), ReportText::tr("source", lang),
                 ReportText::tr("licence", lang)},
                {},
                {false, true, false, false, false}};
    for (const auto& l : ws.layers()) {
        const std::string n = scalar(ws, "SELECT COUNT(*) FROM " + gis::sqlIdentifier(l.name));
        table.rows.push_back(
            {html(lang == "en" ? l.titleEn : l.titleVi), n,
             html(ReportText::tr(l.geometryQuality.c_str(), lang)),
             html(l.attribution.empty() ? l.source : l.attribution + " " + l.source),
             html(l.licence)});
    }
    h << tableHtml(table);
    ++result.tables;
    // Where the programme's shapes come from: traced over which map sheet, or still indicative.
    const auto digitising = layers::digitisingSummary(ws);
    if (digitising.programme > 0) {
        h << "<h3>" << html(ReportText::tr("Shapes of the programme's features", lang))
          << "</h3>\n<p>"
          << html(QString::fromStdString(
                      ReportText::tr("%1 of %2 programme features are still indicative (drawn "
                                     "from names and areas, not traced from a map).",
                                     lang))
                      .arg(QString::fromStdString(
                               fmt(static_cast<double>(digitising.indicative), 0, lang)),
                           QString::fromStdString(
                               fmt(static_cast<double>(digitising.programme), 0, lang)))
                      .toStdString())
          << "</p>\n";
        if (!digitising.sheets.empty()) {
            Table sheets{
                {ReportText::tr("map sheet", lang), ReportText::tr("file", lang),
                 ReportText::tr("date on the sheet", lang), ReportText::tr("control points", lang),
                 ReportText::tr("RMS residual (m)", lang), ReportText::tr("features traced", lang)},
                {},
                {false, false, false, true, true, true}};
            for (const auto& sheet : digitising.sheets)
                sheets.rows.push_back({html(lang == "en" ? sheet.titleEn : sheet.titleVi),
                                       html(sheet.sheetFile), html(sheet.sheetDate),
                                       fmt(sheet.controlPoints, 0, lang),
                                       sheet.rmseM ? fmt(*sheet.rmseM, 1, lang) : std::string("—"),
                                       fmt(static_cast<double>(sheet.features), 0, lang)});
            h << tableHtml(sheets);
            ++result.tables;
        }
    }
    h << "<h3>" << html(ReportText::tr("Tables as CSV", lang)) << "</h3><ul>";
    for (const auto& [name, content] : in.csvFiles)
        h << "<li><a href=\"" << html(name) << "\">" << html(name) << "</a></li>";
    h << "</ul>\n<p class=\"sub\">"
      << html(ReportText::tr("This report was made by PlanAtlas from the workspace", lang)) << ' '
      << html(ws.isShared() ? gis::connectionKeyword(ws.path(), "active_schema") + " (PostgreSQL)"
                            : fs::path(ws.path()).filename().string())
      << ". "
      << html(ReportText::tr("Every number here is also in the CSV files beside this page, the "
                             "same as PlanAtlas's analyses write them.",
                             lang))
      << "</p>\n";
}

/// The report's sections in the order they are read. A new section is one function and its line
/// here.
constexpr void (*kSections[])(Page&) = {
    headSection,     glanceSection,   mapsSection,      coverageSection, unlocatedSection,
    overlapsSection, corridorSection, landPriceSection, targetsSection,  sourcesSection,
};

} // namespace

ReportResult writeReport(layers::Workspace& ws, const std::string& directory,
                         const ReportOptions& options, const layers::Progress& progress)
{
    ensureGuiApplication();
    const std::string& lang = options.lang;
    if (lang != "vi" && lang != "en")
        throw Error(ErrorKind::Usage, "--lang must be vi or en");
    const fs::path target(directory);
    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    if (!fs::is_directory(parent, ec))
        throw Error(ErrorKind::Input,
                    directory + ": the folder '" + parent.string() + "' does not exist");
    if (fs::exists(target, ec) && !fs::is_directory(target, ec))
        throw Error(ErrorKind::Input, directory + ": exists and is not a folder");
    if (ws.layers().empty())
        throw Error(ErrorKind::Usage,
                    "the workspace '" + ws.path() + "' is empty: nothing to report");

    ReportResult result;
    ReportOptions o = options;
    if (o.date.empty())
        o.date = QDate::currentDate().toString(Qt::ISODate).toStdString();

    const ReportInputs inputs = runAnalyses(ws, o, progress);
    result.unitsLayer = inputs.units;
    std::ostringstream h;
    Page page{ws, o, inputs, h, result, progress};
    for (const auto section : kSections)
        section(page);
    h << "</body></html>\n";

    // ---- write aside, then move in ----
    progress.update(0.95, "writing");
    std::random_device random;
    const fs::path partial =
        parent / ("." + target.filename().string() + ".partial-" + std::to_string(random()));
    struct Cleanup
    {
        fs::path p;
        ~Cleanup()
        {
            std::error_code e;
            fs::remove_all(p, e);
        }
    } cleanup{partial};
    fs::create_directories(partial, ec);
    if (ec)
        throw Error(ErrorKind::Input, directory + ": cannot be written (" + ec.message() + ")");
    auto put = [&](const std::string& name, const std::string& content) {
        layers::checkOutputTarget((target / name).string(), layers::OutputKind::Text);
        layers::writeCompletely(partial / name, content, (target / name).string());
    };
    put("index.html", h.str());
    for (const auto& [name, content] : inputs.csvFiles)
        put(name, content);
    fs::create_directories(target, ec);
    if (ec)
        throw Error(ErrorKind::Input, directory + ": cannot be created (" + ec.message() + ")");
    std::vector<std::string> names = {"index.html"};
    for (const auto& [name, content] : inputs.csvFiles)
        names.push_back(name);
    for (const auto& name : names) {
        fs::rename(partial / name, target / name, ec);
        if (ec)
            throw Error(ErrorKind::Input,
                        (target / name).string() + ": cannot be written (" + ec.message() + ")");
        result.files.push_back((target / name).string());
    }
    result.indexPath = (target / "index.html").string();
    progress.update(1.0, "report");
    return result;
}

} // namespace pa::render
