#include "planatlas/render/Map.h"

#include "Furniture_p.h"
#include "Labels_p.h"
#include "Paint_p.h"
#include "Period_p.h"
#include "Png_p.h"
#include "Style_p.h"
#include "Themes_p.h"
#include "Values_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Raster.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Digitise.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/FeatureTable.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Limits.h"
#include "planatlas/layers/Parallel.h"
#include "planatlas/layers/PendingFile.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/analysis/Input.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/plan/Links.h"
#include "planatlas/layers/plan/Plan.h"
#include "planatlas/render/Report.h"

#include <QBuffer>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QLineF>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QPolygonF>
#include <QSvgGenerator>
#include <QTransform>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unistd.h>

namespace pa::render {

using gis::sqlIdentifier;
using gis::sqlLiteral;
using layers::Error;
using layers::ErrorKind;

void ensureGuiApplication()
{
    if (QGuiApplication::instance())
        return;
    if (!std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") &&
        !std::getenv("WAYLAND_DISPLAY"))
        setenv("QT_QPA_PLATFORM", "offscreen", 0);
    if (!std::getenv("XDG_RUNTIME_DIR")) {
        // Qt wants a private runtime folder; without a desktop session there is none.
        const std::string dir = (std::filesystem::temp_directory_path() /
                                 ("planatlas-runtime-" + std::to_string(getuid())))
                                    .string();
        std::filesystem::create_directories(dir);
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace);
        setenv("XDG_RUNTIME_DIR", dir.c_str(), 0);
    }
    static int argc = 1;
    static char name[] = "planatlas";
    static char* argv[] = {name, nullptr};
    static auto* app = new QGuiApplication(argc, argv); // lives as long as the process
    (void)app;
}

namespace {

bool streamedKind(const std::string& kind)
{
    const auto* k = layers::findKind(kind);
    return k && k->symbology.bulk;
}

/// The features of @p field's layer whose source says they are made up (illustrative values,
/// synthetic parcels), as an attribute filter.
std::string madeUpFilter(const std::string& field)
{
    return sqlIdentifier(field) + " IN (" + sqlLiteral("illustrative") + ", " +
           sqlLiteral("synthetic") + ")";
}

/// One map's composition: the layers the theme selects, read and painted in order, the theme's
/// overlay, the labels, then the furniture the page layout places. Each step is a member; the
/// theme (Themes.cpp) and the furniture (Furniture.cpp) know nothing of one another.
class Composer
{
public:
    Composer(layers::Workspace& ws, const MapOptions& o, QPainter& p,
             const layers::Progress& progress)
        : m_ws(ws), m_o(o), m_p(p), m_progress(progress), m_u{static_cast<double>(o.dpi)},
          m_layers(ws.layers()), m_theme(themeDescription(o.theme))
    {
    }

    MapReport draw(const QRectF& page)
    {
        if (m_layers.empty())
            throw Error(
                ErrorKind::Usage,
                {QT_TRANSLATE_NOOP("pa::layers", "the workspace '%1' has no layers to draw; "
                                                 "add a layer first"),
                 {m_ws.path()}});
        period();
        checkLayerNames();
        gis::Envelope world = extent();
        m_layout = layoutPage(page, m_o.furniture, m_u);
        m_view = fit(world, m_layout.frame);
        // What the theme needs from the analyses: given (a canvas keeps it), or computed here
        // once.
        const auto prepared = m_o.prepared && m_o.prepared->fits(m_o)
                                  ? m_o.prepared
                                  : prepareTheme(m_ws, m_o, m_progress);
        m_report.prepared = prepared;
        for (const auto& [layer, crs] : prepared->notes.reprojected)
            m_report.inputNotes.reprojected[layer] = crs;
        const ThemeRun run = m_theme.begin(m_ws, m_o, *prepared);
        const ThemeContext c{m_o, *prepared, run, m_u, m_o.lang};
        for (const auto& note : run.notes)
            m_report.notes.push_back(note.first);
        readLayers(c);
        // The painter as it was given, also when drawing fails half-way (a layer unreadable).
        struct Saved
        {
            QPainter& p;
            explicit Saved(QPainter& painter) : p(painter) { p.save(); }
            ~Saved() { p.restore(); }
            Saved(const Saved&) = delete;
            Saved& operator=(const Saved&) = delete;
        } saved(m_p);
        paintLayers(page, c);
        m_theme.overlay(m_p, m_view, c);
        labels();
        if (m_o.furniture)
            furniture(c);
        m_progress.update(1.0, "map");
        return std::move(m_report);
    }

private:
    /// The period's province and the date its units are taken at: the period's, or the end of
    /// the unit layers' validity when that is earlier.
    void period()
    {
        m_provinceLayer = periodProvinceLayer(m_ws);
        m_unitDate = periodDate(m_ws);
        std::string lastUnit;
        for (const auto& l : m_layers)
            if (l.kind == "admin_district")
                lastUnit = std::max(
                    lastUnit, scalar(m_ws, "SELECT MAX(valid_to) FROM " + sqlIdentifier(l.name)));
        if (!lastUnit.empty() && lastUnit < m_unitDate)
            m_unitDate = lastUnit;
    }

    void checkLayerNames()
    {
        m_only = std::set<std::string>(m_o.layers.begin(), m_o.layers.end());
        auto exists = [&](const std::string& name) {
            return std::any_of(m_layers.begin(), m_layers.end(),
                               [&](const auto& l) { return l.name == name; });
        };
        for (const auto& name : m_only)
            if (!exists(name))
                throw Error(ErrorKind::Usage,
                            "--layers: the workspace has no layer '" + name + "'");
        const auto sheets = layers::rasterLayers(m_ws);
        auto sheet = [&](const std::string& name) -> const layers::RasterLayer* {
            for (const auto& r : sheets)
                if (r.name == name)
                    return &r;
            return nullptr;
        };
        for (const auto& [name, opacity] : m_o.sheets) {
            const auto* r = sheet(name);
            if (!r)
                throw Error(ErrorKind::Usage, "the workspace has no map sheet '" + name + "'");
            m_sheets.emplace_back(*r, std::clamp(opacity, 0.0, 1.0));
        }
        for (const auto& [name, opacity] : m_o.stack) {
            if (const auto* r = sheet(name)) {
                m_sheets.emplace_back(*r, std::clamp(opacity, 0.0, 1.0));
                continue;
            }
            if (name.empty()) // every layer hidden
                throw Error(ErrorKind::Usage,
                            QT_TRANSLATE_NOOP("pa::layers", "no layer is shown; show at least one "
                                                            "to draw the map"));
            if (!exists(name))
                throw Error(
                    ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {name}});
            m_stacked.emplace(
                name, std::pair{static_cast<int>(m_stacked.size()), std::clamp(opacity, 0.0, 1.0)});
        }
    }

    /// The extent asked for, else the province of the period, else all the data.
    gis::Envelope extent()
    {
        std::optional<gis::Envelope> provinceEnvelope;
        if (!m_provinceLayer.empty())
            provinceEnvelope = layers::layerExtent(m_ws, m_provinceLayer);
        std::optional<gis::Envelope> data;
        for (const auto& l : m_layers)
            if (l.kind != "basemap")
                if (auto e = layers::layerExtent(m_ws, l.name)) {
                    if (data)
                        data->merge(*e);
                    else
                        data = e;
                }
        if (!data)
            throw Error(ErrorKind::Usage,
                        {QT_TRANSLATE_NOOP("pa::layers", "the workspace '%1' has no features to "
                                                         "draw"),
                         {m_ws.path()}});
        const gis::Envelope world = m_o.extent         ? *m_o.extent
                                    : provinceEnvelope ? *provinceEnvelope
                                                       : *data;
        if (m_o.extent && m_o.furniture &&
            (world.maxX <= data->minX || world.minX >= data->maxX || world.maxY <= data->minY ||
             world.minY >= data->maxY))
            throw Error(
                ErrorKind::Usage,
                {QT_TRANSLATE_NOOP("pa::layers", "the extent does not overlap the workspace's data "
                                                 "(which spans %1, %2 – %3, %4 m in %5)"),
                 {layers::Sentence::number(std::trunc(data->minX), 0),
                  layers::Sentence::number(std::trunc(data->minY), 0),
                  layers::Sentence::number(std::trunc(data->maxX), 0),
                  layers::Sentence::number(std::trunc(data->maxY), 0), m_ws.crs().label()}});
        if (world.maxX - world.minX <= 0 || world.maxY - world.minY <= 0)
            throw Error(ErrorKind::Usage,
                        QT_TRANSLATE_NOOP("pa::layers", "the map extent is empty"));
        return world;
    }

    /// The extent fitted to the frame (the short side expanded), with a small margin on a
    /// page; a canvas shows exactly what it asks for.
    [[nodiscard]] View fit(gis::Envelope world, const QRectF& frame) const
    {
        const double pad = m_o.furniture ? 0.03 : 0.0;
        const double padX = (world.maxX - world.minX) * pad, padY = (world.maxY - world.minY) * pad;
        world.minX -= padX, world.maxX += padX, world.minY -= padY, world.maxY += padY;
        const double sx = frame.width() / (world.maxX - world.minX),
                     sy = frame.height() / (world.maxY - world.minY);
        const double s = std::min(sx, sy);
        const double cx = (world.minX + world.maxX) / 2, cy = (world.minY + world.maxY) / 2;
        const double hw = frame.width() / s / 2, hh = frame.height() / s / 2;
        world = {cx - hw, cy - hh, cx + hw, cy + hh};
        return View{world, frame, frame.width() / (world.maxX - world.minX)};
    }

    /// Whether the map draws @p l: a canvas's stack, else the context every map draws, else
    /// the layers named, else the theme's choice.
    [[nodiscard]] bool wanted(const layers::RegisteredLayer& l) const
    {
        if (!m_stacked.empty())
            return m_stacked.contains(l.name);
        if (const auto context = contextShown(l, m_provinceLayer))
            return *context;
        if (!m_only.empty())
            return m_only.contains(l.name);
        return m_theme.shows(l, m_o);
    }

    /// Reads what the map draws of each wanted layer into m_drawn, in drawing order. Read as
    /// analyses read: a layer stored in another CRS is reprojected (and said so), never drawn
    /// at the wrong place or silently left off the map.
    void readLayers(const ThemeContext& c)
    {
        const gis::Envelope& world = m_view.world;
        std::size_t layerIndex = 0;
        for (const auto& l : m_layers) {
            m_progress.update(0.1 + 0.6 * static_cast<double>(layerIndex++) /
                                        static_cast<double>(m_layers.size()),
                              "reading");
            if (!wanted(l))
                continue;
            analysis::InputLayer input(m_ws, l.name, &m_report.inputNotes,
                                       analysis::InputLayer::Repair::No);
            if (!input.exists() || !input.table().hasGeometry())
                continue;
            gis::Layer* table = &input.table();
            Drawn d{l, l.kind, layers::drawOrder(l.kind), {}, streamedKind(l.kind)};
            if (d.streamed) {
                const int priceField = table->fieldIndex("price_vnd_m2");
                if (priceField >= 0 && table->fields()[static_cast<std::size_t>(priceField)].type ==
                                           gis::FieldType::Real) {
                    const auto prices = streamedNumbers(input, "price_vnd_m2");
                    m_prices.insert(m_prices.end(), prices.begin(), prices.end());
                }
                if (const auto it = m_stacked.find(l.name); it != m_stacked.end())
                    d.z = it->second.first;
                m_drawn.push_back(std::move(d));
                continue;
            }
            const int code = table->fieldIndex("code"), nameVi = table->fieldIndex("name_vi"),
                      nameEn = table->fieldIndex("name_en"), status = table->fieldIndex("status"),
                      tier = table->fieldIndex("tier"),
                      quality = table->fieldIndex("geometry_quality"),
                      source = table->fieldIndex("source"),
                      price = table->fieldIndex("price_vnd_m2"),
                      validFrom = table->fieldIndex("valid_from"),
                      validTo = table->fieldIndex("valid_to");
            const bool admin = l.kind.rfind("admin_", 0) == 0;
            const auto* kind = layers::findKind(l.kind);
            const bool labelled = kind && kind->symbology.label.sizePt > 0;
            input.resetReading();
            while (auto row = input.next()) {
                const auto* f = &row->feature;
                auto text = [&](int i) {
                    return i < 0 ? std::string() : gis::toString(f->value(i));
                };
                if (l.kind == "admin_district") {
                    const std::string from = text(validFrom), to = text(validTo);
                    if ((!from.empty() && from > m_unitDate) || (!to.empty() && to < m_unitDate))
                        continue; // not a unit of the period
                }
                auto& g = row->geometry;
                if (g.isEmpty())
                    continue;
                const auto e = g.envelope();
                if (!e || e->maxX < world.minX || e->minX > world.maxX || e->maxY < world.minY ||
                    e->minY > world.maxY)
                    continue; // off the map
                Item item;
                item.envelope = *e;
                item.code = text(code);
                item.name = m_o.lang == "en" && !text(nameEn).empty() ? text(nameEn) : text(nameVi);
                item.status = text(status);
                item.tier = text(tier);
                item.source = text(source);
                item.indicative = text(quality) == "indicative";
                if (price >= 0) {
                    const gis::FieldValue v = f->value(price);
                    if (const auto* number = std::get_if<double>(&v);
                        number && std::isfinite(*number)) { // NaN, ∞ (PostgreSQL): no price
                        item.value = *number;
                        m_prices.push_back(*number);
                    }
                }
                if (const auto v = m_theme.value(d, item, c))
                    item.value = v;
                item.emphasised = !c.run.emphasis || admin || l.kind == "basemap" ||
                                  c.run.emphasised.contains(item.code) ||
                                  m_theme.alwaysEmphasised(l.kind);
                if (labelled)
                    item.labelAt = g.labelPoint();
                item.shapes = g.shapes();
                d.items.push_back(std::move(item));
            }
            if (const auto z = m_theme.z(d, c))
                d.z = *z;
            if (const auto it = m_stacked.find(l.name); it != m_stacked.end())
                d.z = it->second.first;
            if (!d.items.empty())
                m_drawn.push_back(std::move(d));
        }
        std::stable_sort(m_drawn.begin(), m_drawn.end(),
                         [](const Drawn& a, const Drawn& b) { return a.z < b.z; });
        m_priceClasses = priceClasses(m_prices);
    }

    /// What names @p input's table in its present state: the workspace, the layer, the
    /// GeoPackage's record of the table's last change (GDAL stamps it on every edit) and the row
    /// count.
    std::string tableStamp(analysis::InputLayer& input) const
    {
        std::string stamp = m_ws.path() + "\n" + input.name() + "\n";
        for (const auto& row :
             m_ws.dataset()
                 .execute(
                     "SELECT CAST(last_change AS TEXT) FROM gpkg_contents WHERE table_name = " +
                     sqlLiteral(input.name()))
                 .rows)
            stamp += gis::toString(row[0]);
        return stamp + "\n" + std::to_string(input.table().featureCount(false));
    }

    /// Every value of the real field @p field of a streamed layer, ascending (tableNumbers), or
    /// kept by a canvas's overviews while the table is the same.
    std::vector<double> streamedNumbers(analysis::InputLayer& input, const std::string& field) const
    {
        std::string key;
        if (m_o.overviews) {
            key = "values\n" + field + "\n" + tableStamp(input);
            if (const auto kept = m_o.overviews->find(key))
                return kept->values;
        }
        auto values = tableNumbers(input, field, m_progress);
        if (m_o.overviews) {
            auto entry = std::make_shared<OverviewCache::Entry>();
            entry->values = values;
            m_o.overviews->keep(key, std::move(entry));
        }
        return values;
    }

    /// The province of the period: white ground under its programme, over the neighbours.
    void paintGround()
    {
        for (const auto& d : m_drawn)
            if (d.kind == "admin_province")
                for (const auto& item : d.items)
                    for (const auto& poly : item.shapes.polygons)
                        m_p.fillPath(polygonPath(poly, m_view, 0.4), Qt::white);
    }

    /// Whether the view shows a feature of @p input whose @p sourceField says it is made up. Asked
    /// of the table first (kept with a canvas's overviews while the table is the same), then, if
    /// any is, of the view through the R-tree, stopping at the first: an OGR filter on both
    /// listed every fid in view first, a fifth of a canvas's redraw.
    bool showsMadeUp(analysis::InputLayer& input, const gis::TableSource& table,
                     const std::string& sourceField) const
    {
        const std::string filter = madeUpFilter(sourceField);
        const auto any = [&](const std::string& sql) {
            return !m_ws.dataset().execute(sql).rows.empty();
        };
        const std::string key = "made-up\n" + sourceField + "\n" + tableStamp(input);
        bool inTable = false;
        if (const auto kept = m_o.overviews ? m_o.overviews->find(key) : nullptr) {
            inTable = !kept->values.empty();
        } else {
            inTable = any("SELECT 1 FROM " + sqlIdentifier(input.name()) + " WHERE " + filter +
                          " LIMIT 1");
            if (m_o.overviews) {
                auto entry = std::make_shared<OverviewCache::Entry>();
                if (inTable)
                    entry->values = {1.0};
                m_o.overviews->keep(key, std::move(entry));
            }
        }
        if (!inTable)
            return false;
        const auto rect = input.inLayerCrs(m_view.world);
        if (table.rtreeTable().empty() || !rect) {
            gis::Layer* t = &input.table();
            t->setAttributeFilter(filter);
            input.setSpatialFilter(m_view.world);
            input.resetReading();
            const bool shown = t->next().has_value();
            t->setAttributeFilter("");
            input.setSpatialFilter(std::nullopt);
            return shown;
        }
        const auto number = [](double v) {
            char text[32];
            std::snprintf(text, sizeof text, "%.17g", v);
            return std::string(text);
        };
        return any("SELECT 1 FROM " + sqlIdentifier(table.rtreeTable()) + " AS r CROSS JOIN " +
                   sqlIdentifier(input.name()) + " AS t ON t." + sqlIdentifier(table.fidColumn()) +
                   " = r.id WHERE r.maxx >= " + number(rect->minX) +
                   " AND r.minx <= " + number(rect->maxX) + " AND r.maxy >= " + number(rect->minY) +
                   " AND r.miny <= " + number(rect->maxY) + " AND t." + filter + " LIMIT 1");
    }

    /// How a streamed layer's features are drawn.
    struct Stream
    {
        analysis::InputLayer& input;
        std::pair<std::int64_t, std::int64_t> fids;
        bool priced;
        Symbol base;
        QPen pricePen, basePen;
        /// A priced feature narrower than this on the map (device units) is filled without its
        /// outline (kPriceOutlinedFromMm).
        double outlinedFrom = 0;
    };

    /// A large layer read again at its turn, straight from its table through the R-tree
    /// (gis/TableScan.h: no OGR feature per parcel), and drawn feature by feature.
    void paintStreamed(const Drawn& d)
    {
        analysis::InputLayer input(m_ws, d.layer.name, &m_report.inputNotes,
                                   analysis::InputLayer::Repair::No);
        gis::Layer* t = &input.table();
        const auto fields = t->fields();
        const int price = t->fieldIndex("price_vnd_m2"), source = t->fieldIndex("source");
        const bool priced = price >= 0 &&
                            fields[static_cast<std::size_t>(price)].type == gis::FieldType::Real &&
                            !m_priceClasses.breaks.empty();
        const Symbol base = symbolFor(d.kind, "", "", false, false, m_u);
        // On an image, an outline about a pixel wide is drawn as a hairline a pixel wide: the
        // same to the eye, without outlining each of a million shapes (a PDF or SVG keeps the
        // width asked, which a printer honours).
        const bool raster = m_p.device() && m_p.device()->devType() == QInternal::Image;
        const auto thin = [raster](QPen pen) {
            if (raster && pen.style() != Qt::NoPen && pen.widthF() <= 1.5) {
                pen.setWidthF(1.0);
                pen.setCosmetic(true);
            }
            return pen;
        };
        const QPen pricePen =
            thin(QPen(QColor(255, 255, 255, kPriceOutlineAlpha), m_u.px(kPriceOutlineMm)));
        const QPen basePen = thin(base.pen);
        // Whether the map shows made-up features (the note says so): asked once of the
        // features in view, not of each.
        const auto table = input.source(priced ? std::vector<std::string>{"price_vnd_m2"}
                                               : std::vector<std::string>{});
        if (source >= 0 && !m_report.illustrative)
            m_report.illustrative =
                showsMadeUp(input, table, fields[static_cast<std::size_t>(source)].name);
        const Stream style{
            input, table.fidRange(), priced, base, pricePen, basePen, m_u.px(kPriceOutlinedFromMm)};
        if (!raster || !m_p.transform().isIdentity()) {
            // A PDF or SVG: one pass, drawn as it is read (vector output stays vector); the
            // same on an image drawn through a transformation.
            // Every feature drawn counts, as in the top and bottom bands of an image (which count
            // what touches the frame's edge too).
            auto scan = table.open();
            const gis::Envelope everyRow{m_view.world.minX, -1e300, m_view.world.maxX, 1e300};
            m_report.featuresDrawn += drawRows(m_p, m_view, *scan, style, m_view.world, everyRow);
            return;
        }
        // A canvas's view that shows more ground per pixel than the layer's overview holds is
        // drawn from the overview (made once, kept while the table and its colours are the same).
        if (m_o.overviews && !input.reprojected())
            if (const auto overview = overviewFor(d, input, table, style)) {
                paintOverview(*overview);
                m_report.overviews.push_back(d.layer.name);
                return;
            }
        m_report.featuresDrawn += drawBands(m_p, m_view, m_layout.frame.toAlignedRect(), style,
                                            table, input.threads(), "drawing " + d.layer.name);
    }

    /// Draws @p st's rows over @p view into @p frame of @p target, an image: the frame cut into
    /// kBands bands drawn on the threads, each into an image of its own from its own connection,
    /// then laid on @p target top to bottom. The bands are fixed, so the picture is the same
    /// whatever the number of threads. Returns the features counted (each in one band).
    std::int64_t drawBands(QPainter& target, const View& view, const QRect& frame, const Stream& st,
                           const gis::TableSource& table, int threads,
                           const std::string& stage) const
    {
        constexpr int kBands = 4;
        const int bandHeight = (frame.height() + kBands - 1) / kBands;
        // Antialiasing reaches a pixel beyond an edge, an outline half its width.
        const double margin =
            std::max({2.0, st.basePen.widthF(), st.pricePen.widthF()}) / view.scale;
        std::vector<QImage> images(kBands);
        std::vector<std::int64_t> drawn(kBands, 0);
        const auto renderHints = target.renderHints();
        const auto makeWorker = [&] {
            auto scan = std::shared_ptr<gis::TableScan>(table.open());
            return [&, scan](std::size_t k) {
                const QRect band =
                    QRect(frame.left(), frame.top() + static_cast<int>(k) * bandHeight,
                          frame.width(), bandHeight)
                        .intersected(frame);
                if (band.isEmpty())
                    return;
                // The band's world rows: device y grows downwards, world y upwards.
                const double top =
                                 view.world.minY + (view.frame.bottom() - band.top()) / view.scale,
                             bottom = view.world.minY +
                                      (view.frame.bottom() - band.bottom() - 1) / view.scale;
                const gis::Envelope counted{view.world.minX, k + 1 == kBands ? -1e300 : bottom,
                                            view.world.maxX, k == 0 ? 1e300 : top};
                const gis::Envelope window{view.world.minX, bottom - margin, view.world.maxX,
                                           top + margin};
                QImage image(band.size(), QImage::Format_ARGB32_Premultiplied);
                image.fill(Qt::transparent);
                QPainter p(&image);
                p.setRenderHints(renderHints);
                p.translate(-band.left(), -band.top());
                drawn[k] = drawRows(p, view, *scan, st, window, counted);
                p.end();
                images[k] = std::move(image);
            };
        };
        layers::forEachChunk(kBands, table.connections(threads), m_progress, stage, makeWorker);
        std::int64_t n = 0;
        for (int k = 0; k < kBands; ++k) {
            if (!images[static_cast<std::size_t>(k)].isNull())
                target.drawImage(QPoint(frame.left(), frame.top() + k * bandHeight),
                                 images[static_cast<std::size_t>(k)]);
            n += drawn[static_cast<std::size_t>(k)];
        }
        return n;
    }

    /// The overview of streamed layer @p d that this map's view is drawn from: the level at most
    /// √2 times as fine as the view (outlines and plots keep about their weight when it is
    /// scaled down), kept or drawn now; null when the view is closer than the finest level (the
    /// features are drawn) or the layer has no extent.
    std::shared_ptr<const OverviewCache::Entry> overviewFor(const Drawn& d,
                                                            analysis::InputLayer& input,
                                                            const gis::TableSource& table,
                                                            const Stream& st)
    {
        const auto extent = input.extent();
        if (!extent || extent->maxX <= extent->minX || extent->maxY <= extent->minY)
            return nullptr;
        // The finest level: square pixels, the long side kFinestPx with a pixel of margin all
        // round; each next level √2 times coarser.
        constexpr int kFinestPx = 2048;
        const double finest =
            std::max(extent->maxX - extent->minX, extent->maxY - extent->minY) / (kFinestPx - 2);
        const double viewMpp = 1 / m_view.scale;
        if (viewMpp < finest)
            return nullptr; // closer than the finest level: the features themselves
        int level = 0;
        while (finest * std::pow(std::sqrt(2.0), level + 1) <= viewMpp && level < 60)
            ++level;
        const double mpp = finest * std::pow(std::sqrt(2.0), level);
        // The key: the table in its present state, the kind, the colours and the level.
        std::string key = "overview\n" + tableStamp(input) + "\n" + d.kind + "\noutlined from " +
                          std::to_string(st.outlinedFrom);
        if (st.priced)
            for (std::size_t i = 0; i < m_priceClasses.breaks.size(); ++i)
                key += "\n" + std::to_string(m_priceClasses.breaks[i]) + " " +
                       std::to_string(m_priceClasses.colours[i].rgba());
        const auto levelKey = [&](int k) { return key + "\nlevel " + std::to_string(k); };
        if (auto kept = m_o.overviews->find(levelKey(level)))
            return kept;
        // A level one or two steps finer is kept (the view zoomed out): this one is it averaged
        // down, at once, its outlines at least half their weight.
        for (int finer = level - 1; finer >= std::max(0, level - 2); --finer)
            if (const auto kept = m_o.overviews->find(levelKey(finer))) {
                const double ratio = std::pow(std::sqrt(2.0), level - finer);
                auto entry = std::make_shared<OverviewCache::Entry>(*kept);
                entry->image = kept->image.scaled(
                    std::max(1, static_cast<int>(std::lround(kept->image.width() / ratio))),
                    std::max(1, static_cast<int>(std::lround(kept->image.height() / ratio))),
                    Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
                m_o.overviews->keep(levelKey(level), entry);
                return entry;
            }
        const int width = static_cast<int>(std::ceil((extent->maxX - extent->minX) / mpp) + 2),
                  height = static_cast<int>(std::ceil((extent->maxY - extent->minY) / mpp) + 2);
        auto entry = std::make_shared<OverviewCache::Entry>();
        entry->world = {extent->minX - mpp, extent->minY - mpp, extent->minX + (width - 1) * mpp,
                        extent->minY + (height - 1) * mpp};
        const View view{entry->world, QRectF(0, 0, width, height), 1 / mpp};
        entry->image = QImage(width, height, QImage::Format_ARGB32_Premultiplied);
        entry->image.fill(Qt::transparent);
        {
            QPainter p(&entry->image);
            p.setRenderHints(m_p.renderHints());
            // A level is shown up to √2 times smaller: parcels are outlined only where they are
            // large enough on the view however small it shows them. (Between, a parcel the view
            // would outline is not: a touch darker, where an outline too many paled its class.)
            Stream coarser = st;
            coarser.outlinedFrom *= std::sqrt(2.0);
            drawBands(p, view, QRect(0, 0, width, height), coarser, table, input.threads(),
                      "drawing " + d.layer.name + " (overview)");
        }
        m_o.overviews->keep(levelKey(level), entry);
        return entry;
    }

    /// @p overview scaled onto the frame.
    void paintOverview(const OverviewCache::Entry& overview)
    {
        const QPointF topLeft = m_view.map({overview.world.minX, overview.world.maxY}),
                      bottomRight = m_view.map({overview.world.maxX, overview.world.minY});
        m_p.save();
        m_p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        m_p.drawImage(QRectF(topLeft, bottomRight), overview.image);
        m_p.restore();
    }

    /// Draws on @p p the features @p scan reads whose envelope meets @p window, mapped by
    /// @p view, and returns how many of them have the lower edge of their envelope (within the
    /// view) in @p counted's rows — each feature counted in one band only.
    std::int64_t drawRows(QPainter& p, const View& view, gis::TableScan& scan, const Stream& st,
                          const gis::Envelope& window, const gis::Envelope& counted) const
    {
        auto& input = st.input;
        scan.select(st.fids.first, st.fids.second, input.inLayerCrs(window));
        gis::ScanRow row;
        Item item;
        QPolygonF ringBuffer;
        // A feature's style: its price class, or kBase. The painter's pen and brush are set when
        // the style changes, not per feature (comparing and copying pens was a tenth of a print
        // map's time).
        constexpr int kBase = -1, kUnset = -1000;
        std::vector<QBrush> classBrushes;
        if (st.priced)
            for (const auto& c : m_priceClasses.colours)
                classBrushes.emplace_back(c);
        const auto brushOf = [&](int style) -> const QBrush& {
            return style == kBase ? st.base.brush : classBrushes[static_cast<std::size_t>(style)];
        };
        int painterStyle = kUnset;
        // Priced features too small for an outline are filled without antialiasing: adjacent
        // parcels then tile the pixels exactly, as gdal_rasterize burns them, where antialiased
        // edges leave pale seams between them (the paper's white showing through each edge
        // pixel twice, a grid over the whole class at a province's scale).
        const bool smoothAsked = p.testRenderHint(QPainter::Antialiasing);
        bool smooth = smoothAsked;
        const auto smoothing = [&](bool on) {
            if (on != smooth)
                p.setRenderHint(QPainter::Antialiasing, smooth = on);
        };
        std::int64_t n = 0;
        while (scan.next(row)) {
            if (!row.hasGeometry())
                continue;
            auto e = input.reprojected() ? std::nullopt : row.polygonShapes(item.shapes);
            if (!e) {
                const auto g = input.fit(row.geometry(), row.fid);
                e = g.envelope();
                if (!e)
                    continue;
                item.shapes = g.shapes();
            }
            if (!e->intersects(window) || !e->intersects(view.world))
                continue;
            if (const double low = std::max(e->minY, view.world.minY);
                low >= counted.minY && low < counted.maxY)
                ++n;
            const int style = st.priced && row.numbers[0] && std::isfinite(*row.numbers[0])
                                  ? m_priceClasses.of(*row.numbers[0])
                                  : kBase;
            const QBrush& brush = brushOf(style);
            // A feature smaller than a pixel is a pixel of its colour: not lost from the map,
            // and not worth converting into paths.
            const QPointF a = view.map({e->minX, e->minY}), b = view.map({e->maxX, e->maxY});
            const double wide = std::abs(b.x() - a.x()), high = std::abs(a.y() - b.y());
            const bool outlined = style == kBase || std::min(wide, high) >= st.outlinedFrom;
            smoothing(smoothAsked && outlined);
            if (wide < 1.5 && high < 1.5) {
                if (brush.style() != Qt::NoBrush)
                    p.fillRect(QRectF((a.x() + b.x()) / 2 - 0.5, (a.y() + b.y()) / 2 - 0.5, 1, 1),
                               brush);
                continue;
            }
            // A parcel of one ring with a fill and no hatch: one polygon call, its points
            // written into a buffer kept across parcels (a path per parcel was most of a print
            // map's time).
            if (item.shapes.polygons.size() == 1 && item.shapes.polygons[0].size() == 1 &&
                item.shapes.lines.empty() && item.shapes.points.empty() &&
                st.base.hatch.style() == Qt::NoBrush) {
                toDevice(item.shapes.polygons[0][0], view, 0.4, ringBuffer); // as drawItem
                if (ringBuffer.size() < 3)
                    continue;
                // The painter's style: the class, and whether the outline is drawn (a negative
                // key when it is not).
                if (const int key = outlined ? style : -3 - style; key != painterStyle) {
                    p.setPen(style == kBase ? st.basePen
                             : outlined     ? st.pricePen
                                            : QPen(Qt::NoPen));
                    p.setBrush(brush);
                    painterStyle = key;
                }
                p.drawPolygon(ringBuffer, Qt::OddEvenFill);
                continue;
            }
            Symbol s = st.base;
            s.pen = style == kBase ? st.basePen : outlined ? st.pricePen : QPen(Qt::NoPen);
            s.brush = brush;
            drawItem(p, s, item, view, m_u);
            painterStyle = kUnset; // drawItem sets its own
        }
        smoothing(smoothAsked);
        return n;
    }

    void paintLayers(const QRectF& page, const ThemeContext& c)
    {
        m_p.setRenderHint(QPainter::Antialiasing, true);
        m_p.setRenderHint(QPainter::TextAntialiasing, true);
        m_p.fillRect(page, Qt::white);
        m_p.setClipRect(m_layout.frame);
        // What no polygon covers: sea or other countries alike (no data).
        m_p.fillRect(m_layout.frame, QColor(0xf4, 0xf4, 0xf1));
        std::set<std::string> sourcesSeen;
        bool groundDone = false;
        for (auto& d : m_drawn) {
            m_progress.update(0.7 + 0.2 * static_cast<double>(&d - m_drawn.data()) /
                                        static_cast<double>(m_drawn.size()),
                              "drawing");
            if (!groundDone && d.kind != "basemap") {
                paintGround();
                paintSheets();
                groundDone = true;
            }
            const auto stackedHere = m_stacked.find(d.layer.name);
            m_p.setOpacity(stackedHere == m_stacked.end() ? 1.0 : stackedHere->second.second);
            m_report.layersDrawn.push_back(d.layer.name);
            const std::string key =
                d.layer.attribution.empty() ? d.layer.source : d.layer.attribution;
            if (!key.empty() && sourcesSeen.insert(key).second)
                m_sources.emplace_back(m_o.lang == "en" ? d.layer.titleEn : d.layer.titleVi,
                                       d.layer.attribution.empty()
                                           ? d.layer.source + " (" + d.layer.licence + ")"
                                           : d.layer.attribution);
            if (d.streamed) {
                paintStreamed(d);
                continue;
            }
            const layers::LayerKind* kind = layers::findKind(d.kind);
            const bool programme = kind && kind->programme;
            for (auto& item : d.items) {
                Symbol s = symbolFor(d.kind, item.status, item.tier, item.indicative,
                                     !item.emphasised, m_u);
                if (d.kind == "admin_province")
                    s.brush = Qt::NoBrush;
                m_theme.restyle(s, d, item, c);
                ++m_report.featuresDrawn;
                if (c.run.emphasis && item.emphasised && programme &&
                    !m_theme.alwaysEmphasised(d.kind))
                    ++m_report.emphasised;
                item.areaPx = drawItem(m_p, s, item, m_view, m_u);
                if (item.indicative && item.emphasised && d.kind != "basemap")
                    m_report.indicative = true;
                if (!item.indicative && programme)
                    if (const auto sheet = layers::sheetTitleOfSource(item.source); !sheet.empty())
                        ++m_report.digitised[sheet];
                if (programme && item.emphasised) {
                    const bool planned = layers::isPlannedStatus(item.status);
                    auto& st = m_statuses[d.kind];
                    (planned ? st.second : st.first) = true;
                }
            }
        }
        if (!groundDone)
            paintSheets();
        m_p.setOpacity(1.0);
    }

    /// The map sheets over the ground, read from their tiles at the frame's resolution (from
    /// overviews when the map shows them small).
    void paintSheets()
    {
        const QRectF frame = m_layout.frame;
        // Device units are pixels on an image, points or dots on a PDF or SVG: at most about
        // 8 000 pixels a side whatever the device.
        const double scale = std::min(1.0, 8000.0 / std::max(frame.width(), frame.height()));
        const int width = std::max(1, static_cast<int>(std::lround(frame.width() * scale)));
        const int height = std::max(1, static_cast<int>(std::lround(frame.height() * scale)));
        for (const auto& [sheet, opacity] : m_sheets) {
            std::vector<std::uint8_t> rgba;
            try {
                rgba = gis::Raster::open(layers::rasterDataset(m_ws, sheet.name))
                           .readRgba(m_view.world, width, height);
            } catch (const gis::GisError& e) {
                throw Error(ErrorKind::Workspace,
                            layers::withDetail(
                                {QT_TRANSLATE_NOOP("pa::layers", "map sheet '%1' cannot be read"),
                                 {sheet.name}},
                                e.cause()));
            }
            const QImage image(rgba.data(), width, height, width * 4, QImage::Format_RGBA8888);
            m_p.setOpacity(opacity);
            m_p.drawImage(frame, image);
            m_p.setOpacity(1.0);
            m_report.layersDrawn.push_back(sheet.name);
            // "Map sheet «title» (file, date), placed by N control points, RMS x m (licence)"
            QString placed =
                MapText::tr("Map sheet", m_o.lang) + QStringLiteral(" «") +
                QString::fromStdString(m_o.lang == "en" ? sheet.titleEn : sheet.titleVi) +
                QStringLiteral("» (") + QString::fromStdString(sheet.sheetFile);
            if (!sheet.sheetDate.empty())
                placed += QStringLiteral(", ") + QString::fromStdString(sheet.sheetDate);
            placed += QStringLiteral(")");
            if (sheet.rmseM)
                placed += QStringLiteral(", ") +
                          MapText::tr("placed by %1 control points, RMS %2 m", m_o.lang)
                              .arg(sheet.controlPoints)
                              .arg(formatDecimal(*sheet.rmseM, 1, m_o.lang));
            if (!sheet.attribution.empty())
                placed += QStringLiteral(", ") + QString::fromStdString(sheet.attribution);
            if (!sheet.licence.empty())
                placed += QStringLiteral(" (") + QString::fromStdString(sheet.licence) + ")";
            m_sources.emplace_back(sheet.titleVi, placed.toStdString());
        }
    }

    void labels()
    {
        const auto placed =
            placeLabels(m_p, m_drawn, m_view, m_layout.frame,
                        m_o.furniture ? std::vector<QRectF>{m_layout.scaleBar, m_layout.northArrow}
                                      : std::vector<QRectF>{},
                        m_stacked, m_u);
        m_report.labelsPlaced = placed.placed;
        m_report.labelsDropped = placed.dropped;
        m_report.labels = placed.boxes;
        const QRectF& frame = m_layout.frame;
        m_report.frame = {frame.left(), frame.top(), frame.right(), frame.bottom()};
        m_report.extent = m_view.world;
        m_report.metresPerPixel = 1.0 / m_view.scale;
    }

    void furniture(const ThemeContext& c)
    {
        const std::string& lang = m_o.lang;
        m_p.setClipping(false);
        m_p.setPen(QPen(QColor(0x40, 0x40, 0x40), m_u.px(0.35)));
        m_p.setBrush(Qt::NoBrush);
        m_p.drawRect(m_layout.frame);
        std::tie(m_report.scaleBarKm, m_report.scaleDenominator) =
            drawScaleBar(m_p, m_layout.scaleBar, m_view, !m_o.pixelSize, m_u, lang);
        drawNorthArrow(m_p, m_layout.northArrow, m_u, lang);
        drawTitle(m_p, m_layout.title, m_o.title.empty() ? defaultTitle(m_ws, lang) : q(m_o.title),
                  q(m_o.subtitle.empty() ? c.run.subtitle : m_o.subtitle), m_u);
        const double top =
            drawLocator(m_p, m_layout, m_ws, m_provinceLayer, m_view.world, m_u, lang);
        const auto legend = legendEntries(m_drawn, m_theme, c, m_statuses, m_prices, m_priceClasses,
                                          m_report.indicative);
        std::vector<std::pair<QString, QColor>> notes;
        for (const auto& note : c.run.notes)
            notes.emplace_back(note.second, QColor(0xc0, 0x00, 0x00));
        if (m_report.illustrative)
            notes.emplace_back(
                MapText::tr("ILLUSTRATIVE VALUES: the land prices shown are made up for "
                            "demonstration, not real prices.",
                            lang),
                QColor(0xc0, 0x00, 0x00));
        if (m_report.indicative)
            notes.emplace_back(
                MapText::tr("INDICATIVE POSITIONS: parks, zones and routes are drawn from "
                            "published names and areas, "
                            "not surveyed; do not measure from this map.",
                            lang),
                QColor(0xb3, 0x58, 0x06));
        for (const auto& [sheet, count] : m_report.digitised)
            notes.emplace_back(MapText::tr("DIGITISED: %1 feature(s) traced from the map sheet "
                                           "«%2»; as exact as the sheet and its placing.",
                                           lang)
                                   .arg(count)
                                   .arg(QString::fromStdString(sheet)),
                               QColor(0x1b, 0x5e, 0x20));
        auto fit = drawLegendAndNotes(m_p, m_layout, top, legend, notes, m_u, lang);
        m_report.legend = std::move(fit.printed);
        m_report.legendColumns = fit.columns;
        m_report.legendOmitted = fit.omitted;
        drawFooter(m_p, m_layout.footer, m_sources, m_ws, m_o.date, m_u, lang);
    }

    layers::Workspace& m_ws;
    const MapOptions& m_o;
    QPainter& m_p;
    const layers::Progress& m_progress;
    const Units m_u;
    const std::vector<layers::RegisteredLayer> m_layers;
    const ThemeDescription& m_theme;
    MapReport m_report;
    std::string m_provinceLayer, m_unitDate;
    std::set<std::string> m_only;
    std::map<std::string, std::pair<int, double>> m_stacked;      // layer → (position, opacity)
    std::vector<std::pair<layers::RasterLayer, double>> m_sheets; // map sheet, opacity
    PageLayout m_layout;
    View m_view;
    std::vector<Drawn> m_drawn;
    std::vector<double> m_prices;
    Classes m_priceClasses;
    KindStatuses m_statuses;
    std::vector<std::pair<std::string, std::string>> m_sources; // title, attribution
};

} // namespace

std::shared_ptr<const OverviewCache::Entry> OverviewCache::find(const std::string& key) const
{
    const std::lock_guard lock(m_mutex);
    for (const auto& [k, entry] : m_entries)
        if (k == key)
            return entry;
    return nullptr;
}

void OverviewCache::keep(const std::string& key, std::shared_ptr<const Entry> entry)
{
    const std::lock_guard lock(m_mutex);
    std::erase_if(m_entries, [&](const auto& e) { return e.first == key; });
    m_entries.emplace_back(key, std::move(entry));
    if (m_entries.size() > kKept)
        m_entries.erase(m_entries.begin());
    ++m_made;
}

void OverviewCache::clear()
{
    const std::lock_guard lock(m_mutex);
    m_entries.clear();
}

std::int64_t OverviewCache::made() const
{
    const std::lock_guard lock(m_mutex);
    return m_made;
}

MapReport drawMap(layers::Workspace& ws, const MapOptions& o, QPainter& p, const QRectF& page,
                  const layers::Progress& progress)
{
    return Composer(ws, o, p, progress).draw(page);
}

std::vector<std::pair<std::string, unsigned int>> coverageLegend()
{
    std::vector<std::pair<std::string, unsigned int>> out;
    for (std::size_t i = 0; i < coverageClassNames().size(); ++i)
        out.emplace_back(coverageClassNames()[i].toStdString(),
                         coverageClasses().colours[i].rgba());
    return out;
}

std::vector<StackEntry> defaultStack(layers::Workspace& ws)
{
    const std::string provinceLayer = periodProvinceLayer(ws);
    const std::string unitsLayer = periodUnitsLayer(ws);
    std::vector<StackEntry> stack;
    for (const auto& sheet : layers::rasterLayers(ws))
        if (sheet.extent) // tiles still there (validate reports a sheet whose tiles are gone)
            stack.push_back(
                {sheet.name, kMapSheetKind, sheet.titleVi, sheet.titleEn, "raster", true});
    for (const auto& l : ws.layers()) {
        auto table = ws.dataset().layerByName(l.name);
        if (!table || !table->hasGeometry())
            continue;
        // As the programme map, but of the district layers only the period's (a canvas stacks
        // whole layers; it does not filter units by date).
        const bool visible = l.kind == "admin_district"
                                 ? unitsLayer.empty() || l.name == unitsLayer
                                 : contextShown(l, provinceLayer).value_or(programmeShown(l));
        stack.push_back({l.name, l.kind, l.titleVi, l.titleEn, l.geometryType, visible});
    }
    std::stable_sort(stack.begin(), stack.end(), [](const StackEntry& a, const StackEntry& b) {
        const bool sheetA = a.kind == kMapSheetKind, sheetB = b.kind == kMapSheetKind;
        if (sheetA != sheetB)
            return sheetA; // the sheets at the bottom, where maps draw them
        return layers::drawOrder(a.kind) < layers::drawOrder(b.kind);
    });
    return stack;
}

QImage kindSwatch(const std::string& kind, const std::string& geometryType, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, true);
    const Units u{96.0 * size / 16.0}; // a 16 px swatch at screen resolution
    const Symbol s = symbolFor(kind, "existing", "provincial", false, false, u);
    const QString type = QString::fromStdString(geometryType).toUpper();
    const double m = size * 0.15;
    if (type == QStringLiteral("RASTER")) {
        // A sheet of paper with a bent line on it: a scanned map.
        const QRectF sheet(m, m * 0.6, size - 2 * m, size - 1.2 * m);
        p.fillRect(sheet, QColor(0xfb, 0xf7, 0xea));
        p.setPen(QPen(QColor(0x8a, 0x80, 0x6a), std::max(1.0, size / 16.0)));
        p.drawRect(sheet);
        QPainterPath contour;
        contour.moveTo(sheet.left() + 2, sheet.bottom() - 3);
        contour.cubicTo(sheet.center().x(), sheet.top(), sheet.center().x(), sheet.bottom(),
                        sheet.right() - 2, sheet.top() + 3);
        p.setPen(QPen(QColor(0xc0, 0x5a, 0x3c), std::max(1.0, size / 12.0)));
        p.drawPath(contour);
    } else if (type.contains(QStringLiteral("POINT"))) {
        drawMark(p, s, QPointF(size / 2.0, size / 2.0), Units{96.0 * size / 16.0 * 0.9});
    } else if (type.contains(QStringLiteral("LINE"))) {
        QPainterPath path;
        path.moveTo(m, size * 0.7);
        path.cubicTo(size * 0.4, size * 0.2, size * 0.6, size * 0.9, size - m, size * 0.3);
        paintLine(p, s, path);
    } else {
        QPainterPath path;
        path.addRect(QRectF(m, m, size - 2 * m, size - 2 * m));
        if (s.brush.style() != Qt::NoBrush)
            p.fillPath(path, s.brush);
        if (s.hatch.style() != Qt::NoBrush)
            p.fillPath(path, s.hatch);
        p.strokePath(path, s.pen.style() == Qt::NoPen ? QPen(QColor(0x80, 0x80, 0x80), 1) : s.pen);
    }
    return image;
}

std::optional<gis::Envelope> extentFor(layers::Workspace& ws, const std::string& spec)
{
    if (spec.empty() || spec == "province")
        return std::nullopt;
    if (spec.find(',') != std::string::npos) {
        std::string numbers = spec, crsText;
        if (const auto colon = spec.find(':'); colon != std::string::npos)
            numbers = spec.substr(0, colon), crsText = spec.substr(colon + 1);
        std::vector<double> v;
        std::size_t start = 0;
        while (start <= numbers.size()) {
            const auto comma = numbers.find(',', start);
            const std::string part = numbers.substr(
                start, comma == std::string::npos ? std::string::npos : comma - start);
            char* end = nullptr;
            const double x = std::strtod(part.c_str(), &end);
            if (part.empty() || *end != '\0')
                throw Error(ErrorKind::Usage,
                            "--extent '" + spec + "': '" + part + "' is not a number");
            // NaN, infinities and 1e308 are no place on Earth in any CRS (a million km).
            if (!std::isfinite(x) || std::abs(x) > 1e9)
                throw Error(ErrorKind::Usage,
                            "--extent '" + spec + "': '" + part + "' is not a coordinate");
            v.push_back(x);
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        if (v.size() != 4 || v[2] <= v[0] || v[3] <= v[1])
            throw Error(ErrorKind::Usage,
                        "--extent takes minx,miny,maxx,maxy with min < max, not '" + spec + "'");
        gis::Envelope e{v[0], v[1], v[2], v[3]};
        if (!crsText.empty()) {
            std::optional<gis::Crs> crs;
            try {
                crs = gis::Crs::fromUserInput(crsText);
            } catch (const gis::GisError& err) {
                throw Error(ErrorKind::Usage,
                            "--extent: '" + crsText + "' is not a CRS (" + err.what() + ")");
            }
            const gis::CoordinateTransform t(*crs, ws.crs());
            gis::Envelope out{1e300, 1e300, -1e300, -1e300};
            for (int i = 0; i <= 10; ++i)
                for (int j = 0; j <= 10; ++j) {
                    // The rectangle's edges and inside, densified: a lon/lat box is curved in TM-3.
                    if (i != 0 && i != 10 && j != 0 && j != 10)
                        continue;
                    const auto xy = t.apply(e.minX + (e.maxX - e.minX) * i / 10,
                                            e.minY + (e.maxY - e.minY) * j / 10);
                    out.merge({xy[0], xy[1], xy[0], xy[1]});
                }
            e = out;
        }
        return e;
    }
    for (const auto& l : ws.layers()) {
        auto t = ws.dataset().layerByName(l.name);
        if (!t || t->fieldIndex("code") < 0 || !t->hasGeometry())
            continue;
        t->setAttributeFilter("code = " + sqlLiteral(spec));
        std::optional<gis::Envelope> e;
        while (auto f = t->next())
            if (auto fe = f->takeGeometry().envelope()) {
                if (e)
                    e->merge(*fe);
                else
                    e = fe;
            }
        t->setAttributeFilter({});
        if (e)
            return e;
    }
    throw Error(ErrorKind::Usage,
                "--extent: no feature with code '" + spec +
                    "' (give province, a feature code, or minx,miny,maxx,maxy[:EPSG:N])");
}

MapReport writeMap(layers::Workspace& ws, const MapOptions& o, const std::string& path,
                   const layers::Progress& progress)
{
    ensureGuiApplication();
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::string ext = target.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".png" && ext != ".svg" && ext != ".pdf")
        throw Error(
            ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers", "%1: a map is written as a .png, .svg or .pdf file"),
             {path}});
    // Checked before the drawing starts; the map is drawn into memory and written through
    // PendingFile, so a full disk or a refused target is an error naming the file, never a
    // truncated map.
    layers::PendingFile pending(path, ext == ".png"   ? layers::OutputKind::Png
                                      : ext == ".svg" ? layers::OutputKind::Svg
                                                      : layers::OutputKind::Pdf);

    const double mmW = o.pixelSize ? o.pixelSize->first * 25.4 / o.dpi : o.pageWidthMm;
    const double mmH = o.pixelSize ? o.pixelSize->second * 25.4 / o.dpi : o.pageHeightMm;
    const int pxW =
        o.pixelSize ? o.pixelSize->first : static_cast<int>(std::lround(mmW / 25.4 * o.dpi));
    const int pxH =
        o.pixelSize ? o.pixelSize->second : static_cast<int>(std::lround(mmH / 25.4 * o.dpi));
    if (ext == ".png" && static_cast<double>(pxW) * pxH >
                             static_cast<double>(layers::limitValue(layers::Limit::MapPixels)))
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "a map of %1 × %2 pixels is %3; give a "
                                                     "smaller size or a lower resolution"),
                     {layers::Sentence::count(pxW), layers::Sentence::count(pxH),
                      layers::limitExceeded(layers::Limit::MapPixels)}});
    MapReport report;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // Document titles are metadata text: escaped, so "A & B" or "<script>" stay text.
    const QString title = QString::fromStdString(o.title.empty() ? "PlanAtlas map" : o.title);
    if (ext == ".png") {
        // Opaque (the page is white): written as RGB, a quarter less to compress.
        QImage image(pxW, pxH, QImage::Format_RGB32);
        image.setDotsPerMeterX(static_cast<int>(std::lround(o.dpi / 0.0254)));
        image.setDotsPerMeterY(static_cast<int>(std::lround(o.dpi / 0.0254)));
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            report = drawMap(ws, o, painter, QRectF(0, 0, pxW, pxH), progress);
        }
        // Compressed on the threads, strip by strip, at zlib's fastest level (Png_p.h).
        try {
            bytes = encodePng(image, progress);
        } catch (const std::runtime_error& e) {
            throw Error(
                ErrorKind::Input,
                layers::withDetail(
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be written"), {path}}, e.what()));
        }
    } else if (ext == ".svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(pxW, pxH));
        svg.setViewBox(QRectF(0, 0, pxW, pxH));
        svg.setResolution(o.dpi);
        svg.setTitle(title.toHtmlEscaped());
        svg.setDescription(QStringLiteral("PlanAtlas"));
        {
            QPainter painter;
            if (!painter.begin(&svg))
                throw Error(ErrorKind::Input,
                            {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be written"), {path}});
            report = drawMap(ws, o, painter, QRectF(0, 0, pxW, pxH), progress);
        }
    } else {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(o.dpi);
        pdf.setPageSize(QPageSize(QSizeF(mmW, mmH), QPageSize::Millimeter));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("PlanAtlas"));
        QPainter painter;
        if (!painter.begin(&pdf))
            throw Error(ErrorKind::Input,
                        {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be written"), {path}});
        report = drawMap(ws, o, painter, QRectF(0, 0, pdf.width(), pdf.height()), progress);
        painter.end();
    }
    buffer.close();
    pending.write(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    pending.commit();
    return report;
}

} // namespace pa::render
