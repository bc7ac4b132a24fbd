#pragma once
// The map canvas: the workspace drawn by the same renderer as `planatlas map` (canvas mode),
// in the background. Panning and zooming move the last picture at once and ask for a new one;
// a new request cancels the one in flight, so the window never waits for the renderer.

#include "planatlas/gis/Geometry.h"
#include "planatlas/render/Map.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pa::gui {

class MapCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// Shows @p workspacePath (a GeoPackage the canvas opens read-only in its render thread)
    /// at @p full, the extent "zoom full" returns to.
    void setWorkspace(const QString& workspacePath, const gis::Envelope& full);
    void clear();
    /// Layers to draw, bottom first, with opacities.
    void setStack(std::vector<std::pair<std::string, double>> stack);
    void setLanguage(const std::string& lang);
    /// Features drawn in colour over a muted map ("task:ID", "agency:NAME"); empty returns to
    /// the programme map.
    void setHighlight(const std::string& highlight);
    /// A theme of the renderer: the coverage choropleth of @p units by @p kind, or the corridor
    /// of @p corridorKm around the expressways; Programme returns to the plain map.
    void setTheme(render::Theme theme, const std::string& units = {}, const std::string& kind = {},
                  double corridorKm = 5);
    [[nodiscard]] render::Theme theme() const { return m_theme; }
    /// What the canvas shows, as map options: extent, visible layers with their opacities,
    /// theme with its parameters (corridor distance, coverage units and kind), highlight and
    /// language. An exported map starts from these, so that it shows what the screen shows.
    [[nodiscard]] render::MapOptions screenOptions() const;
    [[nodiscard]] const std::string& highlight() const { return m_highlight; }

    /// What a left click does: identify (and link), or add a vertex to a measurement. A
    /// measurement ends with a double click (the next click starts a new one) and is cleared
    /// when the tool changes.
    enum class Tool
    {
        Browse,
        MeasureDistance,
        MeasureArea,
        PickPoint,  ///< a click gives its position (picked), for a control point
        DrawArea,   ///< clicks place corners, a double click ends: drawn(vertices)
        DrawLine,   ///< clicks place vertices, a double click ends: drawn(vertices)
        EditCorners ///< an existing shape's corners dragged, added, removed: see editCorners
    };
    /// Starts editing the corners of a shape (a ring without its closing corner when @p area):
    /// a corner is dragged to its new place (and snaps like a drawn one), a click on the
    /// middle of a side adds a corner there, Delete removes the corner last touched; Enter or a
    /// double click ends with drawn(corners), Esc (the window's) stops.
    void editCorners(std::vector<QPointF> corners, bool area);
    [[nodiscard]] const std::vector<QPointF>& corners() const { return m_measure; }
    /// Where a click while drawing lands: a corner of a feature near it, else where it is.
    using Snapper = std::function<std::optional<QPointF>(QPointF world, double toleranceM)>;
    void setSnapper(Snapper snapper) { m_snapper = std::move(snapper); }
    void setTool(Tool tool);
    [[nodiscard]] Tool tool() const { return m_tool; }
    /// The measured line's length (metres) and, for an area, the polygon's area (m²) and
    /// perimeter (metres), on the workspace's projected CRS (grid distances).
    struct Measurement
    {
        std::size_t vertices = 0;
        double lengthM = 0, areaM2 = 0;
    };
    [[nodiscard]] Measurement measurement() const;
    /// The measurement as words: "1,25 km" or "12,3 ha · chu vi 1,9 km".
    [[nodiscard]] QString measurementText() const;

    /// A feature drawn selected (outlined over the map) until cleared with an empty Shapes.
    void setSelection(gis::Shapes shapes);
    [[nodiscard]] const gis::Shapes& selection() const { return m_selection; }

    /// Draws again (the workspace changed).
    /// Draws again after the workspace changed (its analyses are run again too).
    void refresh()
    {
        m_prepared.reset();
        m_overviews->clear();
        requestRender(0);
    }
    /// The overviews of the layers drawn in bulk, kept across redraws (see
    /// render::OverviewCache): a pan or zoom at the scales of the whole province draws a
    /// million parcels from them.
    [[nodiscard]] const render::OverviewCache& overviews() const { return *m_overviews; }
    /// What the theme drawn last took from the analyses, kept across redraws (null before).
    [[nodiscard]] std::shared_ptr<const render::ThemeData> preparedTheme() const
    {
        return m_prepared;
    }

    void zoomTo(const gis::Envelope& extent);
    void zoomFull();
    void zoomBy(double factor); ///< > 1 zooms in, about the centre

    [[nodiscard]] gis::Envelope extent() const;
    [[nodiscard]] double metresPerPixel() const { return m_mpp; }
    /// 1 : N at the screen's logical resolution.
    [[nodiscard]] double scaleDenominator() const;
    [[nodiscard]] QPointF toWorld(const QPointF& pixel) const;
    [[nodiscard]] QPointF toPixel(double x, double y) const;
    [[nodiscard]] const QImage& picture() const { return m_picture; }
    [[nodiscard]] bool isRendering() const { return m_rendering; }
    [[nodiscard]] QString lastError() const { return m_error; }

signals:
    void cursorMoved(double x, double y);
    /// A click without drag: what is within @p toleranceM metres of (x, y)?
    void clicked(double x, double y, double toleranceM);
    void extentChanged();
    /// A right click at (x, y) in the workspace CRS, @p global on the screen: the map's menu.
    void menuRequested(double x, double y, double toleranceM, const QPoint& global);
    void renderStarted();
    /// @p error is empty on success; @p milliseconds from request to picture.
    void renderFinished(qint64 milliseconds, const QString& error);
    /// With layers of 100 000+ features visible (parcels): the picture without them arrived
    /// after @p milliseconds; the full one follows with renderFinished.
    void firstPicture(qint64 milliseconds);
    /// The measurement changed (a vertex added, or it ended).
    void measured(const QString& text);
    /// PickPoint: the position clicked, in the workspace CRS.
    void picked(double x, double y);
    /// DrawArea, DrawLine: the shape ended by a double click (vertices in the workspace CRS).
    void drawn(const std::vector<QPointF>& vertices);
    /// Browse, Ctrl + drag: the box drawn, in the workspace CRS (features in it are selected).
    void boxSelected(const gis::Envelope& box);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    /// What a render job hands back.
    struct Rendered
    {
        QImage image;
        QString error;
        bool cancelled = false;
        bool partial = false; ///< the quick first picture (without layers of 100 000+ features)
        std::uint64_t job = 0;
        double cx = 0, cy = 0, mpp = 0;
        QSize size;
        std::shared_ptr<const render::ThemeData> prepared; ///< the theme's analysis results
    };
    void requestRender(int delayMs);
    void paintCoverageLegend(QPainter& painter) const;
    void startRender();
    void onRendered(Rendered rendered);
    static void deliver(const QPointer<MapCanvas>& canvas, Rendered rendered);

    QString m_path;
    gis::Envelope m_full{};
    double m_cx = 0, m_cy = 0, m_mpp = 1; ///< view: centre (workspace CRS) and metres per pixel
    std::vector<std::pair<std::string, double>> m_stack;
    std::string m_lang = "vi", m_highlight;
    render::Theme m_theme = render::Theme::Programme;
    std::string m_themeUnits, m_themeKind;
    double m_corridorKm = 5;
    /// The theme's analysis results (coverage shares, corridor band): computed by the first
    /// drawing of a theme and passed to every redraw, so that panning never runs them again.
    std::shared_ptr<const render::ThemeData> m_prepared;
    std::shared_ptr<render::OverviewCache> m_overviews = std::make_shared<render::OverviewCache>();
    gis::Shapes m_selection;
    Tool m_tool = Tool::Browse;
    std::vector<QPointF> m_measure; ///< vertices, workspace CRS
    std::optional<QPointF> m_hover; ///< the cursor while measuring, workspace CRS
    bool m_measureDone = false;
    Snapper m_snapper;
    [[nodiscard]] bool drawing() const
    {
        return m_tool == Tool::DrawArea || m_tool == Tool::DrawLine;
    }
    bool m_editArea = false; ///< EditCorners: the corners make a ring
    /// Whether the points of the tool in use make a ring (an area), not a line.
    [[nodiscard]] bool area() const
    {
        return m_tool == Tool::MeasureArea || m_tool == Tool::DrawArea ||
               (m_tool == Tool::EditCorners && m_editArea);
    }
    std::optional<std::size_t> m_grabbed; ///< EditCorners: the corner being dragged
    std::optional<std::size_t> m_touched; ///< EditCorners: the corner Delete removes
    /// EditCorners: the corner within a few pixels of @p pixel, and the side whose middle is.
    [[nodiscard]] std::optional<std::size_t> cornerAt(QPointF pixel) const;
    [[nodiscard]] std::optional<std::size_t> sideMiddleAt(QPointF pixel) const;

    QImage m_picture; ///< the last finished rendering
    double m_pictureCx = 0, m_pictureCy = 0, m_pictureMpp = 0;
    QSize m_pictureSize;

    QTimer m_debounce;
    std::shared_ptr<std::atomic<bool>> m_cancel; ///< of the job in flight
    std::uint64_t m_job = 0; ///< the latest job's number; older results are dropped
    bool m_rendering = false;
    QElapsedTimer m_requested;
    QString m_error;

    std::optional<QPoint> m_press; ///< where the left button went down
    QPoint m_last;
    bool m_dragging = false, m_boxZoom = false;
    bool m_boxSelect = false; ///< Ctrl + drag: a box that selects features
    QRect m_box;
};

} // namespace pa::gui
