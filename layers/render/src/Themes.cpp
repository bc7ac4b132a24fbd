// The map themes, one description each: the programme, coverage choropleth, land price,
// expressway corridor and an agency's (task's, document's) footprint.
#include "Period_p.h"
#include "Themes_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Limits.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/analysis/Input.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/plan/Links.h"
#include "planatlas/layers/plan/Plan.h"
#include "planatlas/render/Report.h"

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <memory>

namespace pa::render {

using gis::sqlLiteral;
using layers::Error;
using layers::ErrorKind;

namespace {

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
            throw Error(ErrorKind::Usage,
                        {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no agency named '%1'"),
                         {value}},
                        "--highlight " + spec);
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
    if (tasks == 0) {
        const std::string remedy = "--highlight " + spec;
        if (type == "task")
            throw Error(
                ErrorKind::Usage,
                {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no task '%1'"), {value}},
                remedy);
        if (type == "document")
            throw Error(ErrorKind::Usage,
                        {QT_TRANSLATE_NOOP("pa::layers", "document '%1' has no task in the "
                                                         "workspace"),
                         {value}},
                        remedy);
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1 leads no task of the workspace"), {what}},
                    remedy);
    }
    return codes;
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

} // namespace

std::optional<bool> contextShown(const layers::RegisteredLayer& l, const std::string& provinceLayer)
{
    if (l.kind == "basemap" || l.name == provinceLayer || l.kind == "admin_district")
        return true;
    if (l.kind == "admin_province" || l.kind == "admin_commune" || l.kind == "analysis_grid")
        return false;
    return std::nullopt;
}

bool programmeShown(const layers::RegisteredLayer& l)
{
    const layers::LayerKind* k = layers::findKind(l.kind);
    return l.kind != "land_price" && k && (k->programme || l.kind == "infrastructure");
}

bool ThemeDescription::shows(const layers::RegisteredLayer& layer, const MapOptions&) const
{
    return programmeShown(layer);
}

void ThemeDescription::legendAfterLayers(std::vector<LegendEntry>& legend,
                                         const ThemeContext& c) const
{
    const Units u = c.u;
    for (const int year : c.run.dueYears) {
        const QColor colour = dueColour(c.run.dueYears, year);
        legend.push_back({[colour, u](QPainter& pp, const QRectF& r) {
                              pp.setPen(QPen(colour.darker(140), u.px(0.3)));
                              pp.setBrush(colour);
                              pp.drawRect(swatchBand(r));
                          },
                          MapText::tr("Due by", c.lang) + " " + QString::number(year)});
    }
    if (!c.run.dueYears.empty())
        legend.push_back(
            {symbolSwatch("industrial_park", "MULTIPOLYGON", "existing", "", false, c.u),
             MapText::tr("No end date (ongoing, annual or none given)", c.lang)});
    if (c.run.emphasis)
        legend.push_back(
            {symbolSwatch("industrial_park", "MULTIPOLYGON", "existing", "", false, c.u, true),
             MapText::tr("Other features", c.lang)});
}

namespace {

ThemeRun subtitled(std::string subtitle)
{
    ThemeRun run;
    run.subtitle = std::move(subtitle);
    return run;
}

/// Every programme layer over the administrative units, styled by kind.
class ProgrammeTheme final : public ThemeDescription
{
public:
    [[nodiscard]] Theme id() const override { return Theme::Programme; }
    [[nodiscard]] const char* name() const override { return "programme"; }
    [[nodiscard]] const char* help() const override
    {
        return "every programme layer over the units of the plan's period (default)";
    }
    [[nodiscard]] ThemeRun begin(layers::Workspace&, const MapOptions& o,
                                 const ThemeData&) const override
    {
        return subtitled(MapText::tr("Programme features by kind", o.lang).toStdString());
    }
};

/// Land-price zones in classes of VND/m², with the features investors look for over them.
class LandPriceTheme final : public ThemeDescription
{
public:
    [[nodiscard]] Theme id() const override { return Theme::LandPrice; }
    [[nodiscard]] const char* name() const override { return "landprice"; }
    [[nodiscard]] const char* help() const override
    {
        return "land-price polygons in classes of VND/m², with the parks and expressways";
    }
    [[nodiscard]] ThemeRun begin(layers::Workspace&, const MapOptions& o,
                                 const ThemeData&) const override
    {
        return subtitled(MapText::tr("Land price", o.lang).toStdString() + " (VND/m²)");
    }
    [[nodiscard]] bool shows(const layers::RegisteredLayer& l, const MapOptions&) const override
    {
        return l.kind == "land_price" || l.kind == "expressway" || l.kind == "urban_centre" ||
               l.kind == "industrial_park" || l.kind == "economic_zone" || l.kind == "hitech_zone";
    }
};

/// A choropleth of the units by the share of their area a kind covers, the features of the
/// kind over it.
class CoverageTheme final : public ThemeDescription
{
public:
    [[nodiscard]] Theme id() const override { return Theme::Coverage; }
    [[nodiscard]] const char* name() const override { return "coverage"; }
    [[nodiscard]] const char* help() const override
    {
        return "units shaded by the share of their area a kind covers (--kind, --units)";
    }
    void prepare(layers::Workspace& ws, const MapOptions& o, ThemeData& data,
                 const layers::Progress& progress) const override
    {
        data.unitsLayer = o.unitsLayer.empty() ? periodUnitsLayer(ws) : o.unitsLayer;
        if (data.unitsLayer.empty())
            throw Error(ErrorKind::Usage,
                        layers::Sentence(QT_TRANSLATE_NOOP(
                            "pa::layers", "the coverage theme needs a layer of "
                                          "units; the workspace has no districts")),
                        "give one with --units");
        if (!layers::findKind(o.coverageKind))
            throw Error(ErrorKind::Usage, "unknown kind '" + o.coverageKind + "'");
        const auto c = analysis::coverage(ws, data.unitsLayer, progress);
        for (const auto& r : c.rows)
            if (r.kind == o.coverageKind)
                data.coverageShare[r.unitCode] = r.sharePct;
        data.notes = c.notes;
    }
    [[nodiscard]] bool fits(const ThemeData& data, const MapOptions& o) const override
    {
        return data.requestedUnits == o.unitsLayer && data.coverageKind == o.coverageKind;
    }
    [[nodiscard]] ThemeRun begin(layers::Workspace&, const MapOptions& o,
                                 const ThemeData& data) const override
    {
        const auto* k = layers::findKind(o.coverageKind);
        const QString kindTitle = q(std::string(o.lang == "en" ? k->titleEn : k->titleVi));
        ThemeRun run = subtitled(
            (MapText::tr("Share of each unit covered by", o.lang) + " " + kindTitle.toLower())
                .toStdString());
        // The analysis gives rows only for the kinds the workspace holds: none of this kind
        // would colour every unit "0 %" without a word.
        if (data.coverageShare.empty())
            run.notes.emplace_back(
                "the workspace has no feature of kind " + o.coverageKind + ": every unit shows 0 %",
                MapText::tr("NO DATA: the workspace has no feature of the kind %1; every unit "
                            "shows 0 %.",
                            o.lang)
                    .arg(kindTitle.toLower()));
        return run;
    }
    [[nodiscard]] bool shows(const layers::RegisteredLayer& l, const MapOptions& o) const override
    {
        return l.kind == o.coverageKind || l.kind == "expressway" || l.kind == "urban_centre";
    }
    [[nodiscard]] std::optional<double> value(const Drawn& d, const Item& item,
                                              const ThemeContext& c) const override
    {
        if (d.layer.name != c.data.unitsLayer)
            return std::nullopt;
        const auto it = c.data.coverageShare.find(item.code);
        return it == c.data.coverageShare.end() ? std::nullopt : std::optional(it->second);
    }
    [[nodiscard]] std::optional<int> z(const Drawn& d, const ThemeContext& c) const override
    {
        if (d.layer.name == c.data.unitsLayer)
            return 4; // the choropleth is the ground the features stand on
        return std::nullopt;
    }
    void restyle(Symbol& s, const Drawn& d, const Item& item, const ThemeContext& c) const override
    {
        if (d.layer.name == c.data.unitsLayer) {
            const Classes& classes = coverageClasses();
            s.brush = QBrush(
                classes.colours[static_cast<std::size_t>(classes.of(item.value.value_or(0.0)))]);
        }
        if (d.kind == c.options.coverageKind) {
            s.brush = QBrush(QColor(255, 255, 255, 170)); // the features over their units' shade
            s.pen.setColor(QColor(0x3f, 0x00, 0x7d));
        }
    }
    void legendAfterLayer(std::vector<LegendEntry>& legend, const Drawn& d,
                          const ThemeContext& c) const override
    {
        if (d.layer.name != c.data.unitsLayer)
            return;
        const auto* k = layers::findKind(c.options.coverageKind);
        legend.push_back(
            {nullptr, MapText::tr("Share of each unit covered by", c.lang) + " " +
                          q(std::string(c.lang == "en" ? k->titleEn : k->titleVi)).toLower()});
        const auto& names = coverageClassNames();
        const Units u = c.u;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const QColor colour = coverageClasses().colours[i];
            legend.push_back({[colour, u](QPainter& pp, const QRectF& r) {
                                  pp.fillRect(swatchBand(r), colour);
                                  pp.setPen(QPen(QColor(0x80, 0x80, 0x80), u.px(0.15)));
                                  pp.drawRect(swatchBand(r));
                              },
                              names[i]});
        }
    }
};

/// The expressways' band of the corridor distance, the features inside it in colour.
class CorridorTheme final : public ThemeDescription
{
public:
    [[nodiscard]] Theme id() const override { return Theme::Corridor; }
    [[nodiscard]] const char* name() const override { return "corridor"; }
    [[nodiscard]] const char* help() const override
    {
        return "the expressway buffer (--distance-km) and the features inside it";
    }
    void prepare(layers::Workspace& ws, const MapOptions& o, ThemeData& data,
                 const layers::Progress& progress) const override
    {
        const auto c = analysis::corridor(ws, o.corridorKm, {}, progress);
        for (const auto& r : c.rows)
            if (r.within)
                data.corridorCodes.insert(r.code);
        data.notes = c.notes;
        std::vector<gis::Geometry> buffers;
        for (const auto& l : ws.layers())
            if (l.kind == "expressway") {
                analysis::InputLayer t(ws, l.name, &data.notes);
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
            data.corridorArea = gis::Geometry::unionOf(parts);
    }
    [[nodiscard]] bool fits(const ThemeData& data, const MapOptions& o) const override
    {
        return data.corridorKm == o.corridorKm;
    }
    [[nodiscard]] ThemeRun begin(layers::Workspace&, const MapOptions& o,
                                 const ThemeData& data) const override
    {
        ThemeRun run;
        run.emphasised = data.corridorCodes;
        run.emphasis = true;
        run.subtitle =
            (MapText::tr("Expressway corridor", o.lang) + ": " + MapText::tr("Within", o.lang) +
             " " +
             formatDecimal(o.corridorKm, o.corridorKm == std::floor(o.corridorKm) ? 0 : 1, o.lang) +
             " km " + MapText::tr("of an expressway", o.lang))
                .toStdString();
        return run;
    }
    [[nodiscard]] bool alwaysEmphasised(const std::string& kind) const override
    {
        return kind == "expressway";
    }
    void overlay(QPainter& p, const View& view, const ThemeContext& c) const override
    {
        if (!c.data.corridorArea)
            return;
        // The corridor band over the features: translucent, with a dashed edge.
        const auto inView =
            c.data.corridorArea->intersection(gis::Geometry::fromEnvelope(view.world));
        const auto shapes = inView.shapes();
        for (const auto& poly : shapes.polygons) {
            const QPainterPath path = polygonPath(poly, view, 0.4);
            p.fillPath(path, QColor(0xd7, 0x19, 0x1c, 40));
            p.strokePath(path, QPen(QColor(0xd7, 0x19, 0x1c, 200), c.u.px(0.35), Qt::DashLine));
        }
    }
    void legendOfOverlay(std::vector<LegendEntry>& legend, const ThemeContext& c) const override
    {
        if (!c.data.corridorArea)
            return;
        const Units u = c.u;
        legend.push_back(
            {[u](QPainter& pp, const QRectF& r) {
                 pp.fillRect(swatchBand(r), QColor(0xd7, 0x19, 0x1c, 40));
                 pp.setPen(QPen(QColor(0xd7, 0x19, 0x1c, 200), u.px(0.3), Qt::DashLine));
                 pp.drawRect(swatchBand(r));
             },
             MapText::tr("Within", c.lang) + " " + formatDecimal(c.options.corridorKm, 0, c.lang) +
                 " km " + MapText::tr("of an expressway", c.lang)});
    }
};

/// One agency's, task's or document's footprint in colour over a muted background; by
/// deadline, coloured by the year its tasks are due.
class AgencyTheme final : public ThemeDescription
{
public:
    [[nodiscard]] Theme id() const override { return Theme::Agency; }
    [[nodiscard]] const char* name() const override { return "agency"; }
    [[nodiscard]] const char* help() const override
    {
        return "one agency's, task's or document's footprint (--highlight) over a muted map";
    }
    [[nodiscard]] ThemeRun begin(layers::Workspace& ws, const MapOptions& o,
                                 const ThemeData&) const override
    {
        if (o.highlight.empty())
            throw Error(ErrorKind::Usage,
                        "the agency theme needs --highlight task:ID, agency:NAME or document:ID");
        ThemeRun run;
        std::string what;
        std::int64_t tasks = 0;
        run.emphasised =
            highlightCodes(ws, o.highlight, what, tasks, o.byDeadline ? &run.dueYear : nullptr);
        run.emphasis = true;
        for (const auto& [code, year] : run.dueYear)
            run.dueYears.insert(year);
        run.subtitle =
            (MapText::tr("Footprint of", o.lang) + " " + q(what) + " — " + QString::number(tasks) +
             " " + MapText::tr("tasks", o.lang) + ", " + QString::number(run.emphasised.size()) +
             " " + MapText::tr("features", o.lang))
                .toStdString();
        return run;
    }
    void restyle(Symbol& s, const Drawn&, const Item& item, const ThemeContext& c) const override
    {
        if (!c.options.byDeadline || !item.emphasised)
            return;
        // Earliest due first in the warmest colour; features whose tasks have no end date keep
        // their kind's symbol.
        if (const auto due = c.run.dueYear.find(item.code); due != c.run.dueYear.end()) {
            const QColor colour = dueColour(c.run.dueYears, due->second);
            if (s.brush.style() != Qt::NoBrush)
                s.brush = QBrush(colour);
            s.pen.setColor(colour.darker(140));
        }
    }
};

} // namespace

const std::vector<const ThemeDescription*>& themeDescriptions()
{
    static const ProgrammeTheme programme;
    static const CoverageTheme coverage;
    static const LandPriceTheme landPrice;
    static const CorridorTheme corridor;
    static const AgencyTheme agency;
    static const std::vector<const ThemeDescription*> all{&programme, &coverage, &landPrice,
                                                          &corridor, &agency};
    return all;
}

const ThemeDescription& themeDescription(Theme theme)
{
    for (const auto* t : themeDescriptions())
        if (t->id() == theme)
            return *t;
    return *themeDescriptions().front();
}

std::optional<Theme> parseTheme(const std::string& name)
{
    for (const auto* t : themeDescriptions())
        if (name == t->name())
            return t->id();
    return std::nullopt;
}

std::vector<ThemeInfo> themes()
{
    std::vector<ThemeInfo> out;
    for (const auto* t : themeDescriptions())
        out.push_back({t->id(), t->name(), t->help()});
    return out;
}

bool ThemeData::fits(const MapOptions& o) const
{
    return theme == o.theme && themeDescription(o.theme).fits(*this, o);
}

std::shared_ptr<const ThemeData> prepareTheme(layers::Workspace& ws, const MapOptions& o,
                                              const layers::Progress& progress)
{
    auto data = std::make_shared<ThemeData>();
    data->theme = o.theme;
    data->requestedUnits = o.unitsLayer;
    data->coverageKind = o.coverageKind;
    data->corridorKm = o.corridorKm;
    themeDescription(o.theme).prepare(ws, o, *data, progress);
    return data;
}

} // namespace pa::render
