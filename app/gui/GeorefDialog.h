#pragma once
// The georeferencer: a scanned or PDF map sheet shown beside the main map; each control point
// is a click on the sheet, then a click on the map (or its coordinates typed); the residuals
// and leave-one-out errors of the chosen transformation are shown per point in metres as the
// points are placed; "Place on the map" warps the sheet and keeps it in the workspace.

#include "planatlas/gis/Georef.h"
#include "planatlas/layers/Georef.h"

#include <QDialog>
#include <QImage>
#include <QPointF>
#include <optional>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace pa::gui {

/// The sheet, zoomable (wheel) and movable (drag); a click without drag gives the sheet
/// position (pixel, line) clicked; the control points are drawn on it.
class SheetView : public QWidget
{
    Q_OBJECT
public:
    explicit SheetView(QWidget* parent = nullptr);
    void setPicture(const QImage& picture, int sheetWidth, int sheetHeight);
    void setPoints(const std::vector<std::pair<QString, QPointF>>& points, int current);
    /// Where sheet position @p sheet (pixel, line) is in the widget, and back.
    [[nodiscard]] QPointF toWidget(QPointF sheet) const;
    [[nodiscard]] QPointF toSheet(QPointF widget) const;
    [[nodiscard]] bool hasPicture() const { return !m_picture.isNull(); }

signals:
    void clickedAt(double pixel, double line);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void fit();
    QImage m_picture;
    double m_sheetWidth = 0, m_sheetHeight = 0;
    double m_scale = 1; ///< widget pixels per sheet pixel
    QPointF m_origin;   ///< where the sheet's top-left corner is in the widget
    std::optional<QPointF> m_press;
    QPointF m_lastMove;
    bool m_dragging = false;
    std::vector<std::pair<QString, QPointF>> m_points;
    int m_current = -1;
};

class GeorefDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p crsLabel: the workspace CRS the map positions are in ("EPSG:9213").
    GeorefDialog(QWidget* parent, const QString& crsLabel, const QString& lang);

    /// Shows @p path (a PDF drawn at @p dpi, page @p page); false, with the reason shown, when
    /// it cannot be read.
    bool openSheet(const QString& path, int page = 1, double dpi = 150);
    /// A new control point at a sheet position; its map position is picked next. Its row.
    int addPoint(double pixel, double line);
    /// The map position of the point in @p row (workspace CRS).
    void setMapPosition(int row, double x, double y);
    /// Reads the points of a CSV or QGIS .points file (replacing those shown).
    bool loadPoints(const QString& path);
    bool savePoints(const QString& path) const;
    void setMethod(gis::GeorefMethod method);
    void setLayerName(const QString& name);
    void setTitle(const QString& title);

    /// The points with both positions, in the table's order.
    [[nodiscard]] std::vector<gis::ControlPoint> points() const;
    /// The fit of the complete points (nullopt while too few, or with the reason in status()).
    [[nodiscard]] const std::optional<gis::GeorefFit>& fit() const { return m_fit; }
    [[nodiscard]] QString status() const;
    /// What "Place on the map" hands over.
    [[nodiscard]] layers::GeorefOptions options() const;
    [[nodiscard]] QTableWidget* table() const { return m_table; }
    [[nodiscard]] SheetView* sheetView() const { return m_view; }
    [[nodiscard]] QPushButton* placeButton() const { return m_place; }

signals:
    /// On: the next click on the main map is this dialog's (mapPicked); off: the map is as before.
    void pickOnMapRequested(bool on);
    void placeRequested(const pa::layers::GeorefOptions& options);

public slots:
    void mapPicked(double x, double y);

private:
    void refit();
    void showPoints();
    [[nodiscard]] QString number(double value, int decimals) const;
    [[nodiscard]] gis::GeorefMethod method() const;

    QString m_crsLabel, m_lang;
    gis::SheetSource m_sheet;
    SheetView* m_view = nullptr;
    QTableWidget* m_table = nullptr;
    QComboBox* m_method = nullptr;
    QLineEdit *m_layerName = nullptr, *m_title = nullptr, *m_sheetDate = nullptr,
              *m_licence = nullptr;
    QLabel *m_statusLabel = nullptr, *m_sheetLabel = nullptr;
    QSpinBox* m_page = nullptr;
    QDoubleSpinBox* m_dpi = nullptr;
    QPushButton* m_place = nullptr;
    std::optional<gis::GeorefFit> m_fit;
    QString m_status;
    int m_pending = -1; ///< the row whose map position is awaited
    bool m_filling = false;
};

} // namespace pa::gui
