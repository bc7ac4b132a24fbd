#include "GeorefDialog.h"

#include "Text_p.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Text.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <cmath>
#include <cstring>

namespace pa::gui {

namespace {

/// The picture of a sheet a window shows: at most this many pixels a side (a click is placed
/// to about sheet size / kPictureSide pixels of the sheet).
constexpr int kPictureSide = 4096;

enum Column
{
    kId,
    kPixel,
    kLine,
    kX,
    kY,
    kResidual,
    kLeaveOneOut,
    kColumns
};

} // namespace

// ---- SheetView ------------------------------------------------------------------------------

SheetView::SheetView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(360, 300);
    setMouseTracking(false);
    setCursor(Qt::CrossCursor);
}

void SheetView::setPicture(const QImage& picture, int sheetWidth, int sheetHeight)
{
    m_picture = picture;
    m_sheetWidth = sheetWidth;
    m_sheetHeight = sheetHeight;
    fit();
}

void SheetView::setPoints(const std::vector<std::pair<QString, QPointF>>& points, int current)
{
    m_points = points;
    m_current = current;
    update();
}

QPointF SheetView::toWidget(QPointF sheet) const
{
    return m_origin + sheet * m_scale;
}

QPointF SheetView::toSheet(QPointF widget) const
{
    return (widget - m_origin) / m_scale;
}

void SheetView::fit()
{
    if (m_sheetWidth <= 0 || m_sheetHeight <= 0)
        return;
    m_scale = std::min(width() / m_sheetWidth, height() / m_sheetHeight);
    m_origin =
        QPointF((width() - m_sheetWidth * m_scale) / 2, (height() - m_sheetHeight * m_scale) / 2);
    update();
}

void SheetView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x55, 0x55, 0x55));
    if (m_picture.isNull()) {
        p.setPen(Qt::white);
        p.drawText(rect(), Qt::AlignCenter, tr("Open a scanned or PDF map sheet"));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform, m_scale < 4);
    p.drawImage(QRectF(m_origin, QSizeF(m_sheetWidth * m_scale, m_sheetHeight * m_scale)),
                m_picture);
    p.setRenderHint(QPainter::Antialiasing, true);
    QFont font = p.font();
    font.setBold(true);
    p.setFont(font);
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const QPointF at = toWidget(m_points[i].second);
        const bool current = static_cast<int>(i) == m_current;
        const QColor colour = current ? QColor(0xff, 0x8c, 0x00) : QColor(0xd0, 0x10, 0x10);
        p.setPen(QPen(Qt::white, 4));
        p.drawLine(at - QPointF(9, 0), at + QPointF(9, 0));
        p.drawLine(at - QPointF(0, 9), at + QPointF(0, 9));
        p.setPen(QPen(colour, 2));
        p.drawLine(at - QPointF(9, 0), at + QPointF(9, 0));
        p.drawLine(at - QPointF(0, 9), at + QPointF(0, 9));
        p.drawText(at + QPointF(8, -6), m_points[i].first);
    }
}

void SheetView::resizeEvent(QResizeEvent*)
{
    fit();
}

void SheetView::wheelEvent(QWheelEvent* event)
{
    if (m_picture.isNull())
        return;
    const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
    const QPointF at = event->position();
    const QPointF sheet = toSheet(at);
    m_scale = std::clamp(m_scale * factor, 0.01, 40.0);
    m_origin = at - sheet * m_scale; // the point under the cursor stays there
    update();
}

void SheetView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_press = event->position();
    m_lastMove = event->position();
    m_dragging = false;
}

void SheetView::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_press)
        return;
    if (!m_dragging && QLineF(*m_press, event->position()).length() > 4)
        m_dragging = true;
    if (m_dragging) {
        m_origin += event->position() - m_lastMove;
        m_lastMove = event->position();
        update();
    }
}

void SheetView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_press)
        return;
    if (!m_dragging && !m_picture.isNull()) {
        const QPointF sheet = toSheet(event->position());
        if (sheet.x() >= 0 && sheet.y() >= 0 && sheet.x() <= m_sheetWidth &&
            sheet.y() <= m_sheetHeight)
            emit clickedAt(sheet.x(), sheet.y());
    }
    m_press.reset();
    m_dragging = false;
}

// ---- GeorefDialog ---------------------------------------------------------------------------

GeorefDialog::GeorefDialog(QWidget* parent, const QString& crsLabel, const QString& lang)
    : QDialog(parent), m_crsLabel(crsLabel), m_lang(lang)
{
    setWindowTitle(tr("Place a map sheet"));
    setModal(false); // the main map is where the points are picked
    resize(1000, 640);
    auto* layout = new QVBoxLayout(this);

    auto* sheetRow = new QHBoxLayout;
    auto* open = new QPushButton(tr("Open a sheet…"), this);
    m_sheetLabel = new QLabel(tr("No sheet"), this);
    m_page = new QSpinBox(this);
    m_page->setRange(1, 999);
    m_page->setPrefix(tr("page "));
    m_dpi = new QDoubleSpinBox(this);
    m_dpi->setRange(10, 1200);
    m_dpi->setDecimals(0);
    m_dpi->setValue(150);
    m_dpi->setSuffix(QStringLiteral(" dpi"));
    m_page->setEnabled(false);
    m_dpi->setEnabled(false);
    sheetRow->addWidget(open);
    sheetRow->addWidget(m_sheetLabel, 1);
    sheetRow->addWidget(m_page);
    sheetRow->addWidget(m_dpi);
    layout->addLayout(sheetRow);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a map sheet"), QString(),
            tr("Map sheets (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"));
        if (!path.isEmpty())
            openSheet(path, 1, m_dpi->value());
    });
    auto reopen = [this] {
        if (!m_sheet.path.empty() && !m_filling)
            openSheet(q(m_sheet.path), m_page->value(), m_dpi->value());
    };
    connect(m_page, &QSpinBox::valueChanged, this, reopen);
    connect(m_dpi, &QDoubleSpinBox::editingFinished, this, reopen);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_view = new SheetView(split);
    auto* side = new QWidget(split);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(
        new QLabel(tr("Sheet position in pixels; map position X, Y in %1").arg(crsLabel), side));
    m_table = new QTableWidget(0, kColumns, side);
    m_table->setHorizontalHeaderLabels({tr("Point"), tr("Column"), tr("Row"), QStringLiteral("X"),
                                        QStringLiteral("Y"), tr("Residual (m)"),
                                        tr("Leave-one-out (m)")});
    m_table->verticalHeader()->hide(); // the point's name says which it is
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setToolTip(tr("Residual: how far the fitted transformation misses the point. "
                           "Leave-one-out: how far it misses it when fitted without it — "
                           "the error to expect between the points."));
    sideLayout->addWidget(m_table, 1);
    auto* pointButtons = new QHBoxLayout;
    auto* remove = new QPushButton(tr("Remove point"), side);
    auto* load = new QPushButton(tr("Load points…"), side);
    auto* save = new QPushButton(tr("Save points…"), side);
    pointButtons->addWidget(remove);
    pointButtons->addWidget(load);
    pointButtons->addWidget(save);
    sideLayout->addLayout(pointButtons);
    auto* form = new QFormLayout;
    m_method = new QComboBox(side);
    m_method->addItem(tr("Affine (at least 3 points)"),
                      static_cast<int>(gis::GeorefMethod::Affine));
    m_method->addItem(tr("Second-order polynomial (at least 6)"),
                      static_cast<int>(gis::GeorefMethod::Polynomial2));
    m_method->addItem(tr("Thin-plate spline (at least 3)"),
                      static_cast<int>(gis::GeorefMethod::ThinPlateSpline));
    form->addRow(tr("Transformation"), m_method);
    m_layerName = new QLineEdit(side);
    m_layerName->setPlaceholderText(tr("from the file's name"));
    form->addRow(tr("Layer name"), m_layerName);
    m_title = new QLineEdit(side);
    form->addRow(tr("Title"), m_title);
    m_sheetDate = new QLineEdit(side);
    m_sheetDate->setPlaceholderText(tr("e.g. 30/12/2023"));
    form->addRow(tr("Date on the sheet"), m_sheetDate);
    m_licence = new QLineEdit(side);
    form->addRow(tr("Licence or terms"), m_licence);
    sideLayout->addLayout(form);
    m_statusLabel = new QLabel(side);
    m_statusLabel->setWordWrap(true);
    sideLayout->addWidget(m_statusLabel);
    split->addWidget(m_view);
    split->addWidget(side);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({460, 640}); // the table whole: its error columns matter most
    layout->addWidget(split, 1);

    auto* buttons = new QHBoxLayout;
    m_place = new QPushButton(tr("Place on the map"), this);
    auto* close = new QPushButton(tr("Close"), this);
    buttons->addStretch(1);
    buttons->addWidget(m_place);
    buttons->addWidget(close);
    layout->addLayout(buttons);

    connect(m_view, &SheetView::clickedAt, this,
            [this](double pixel, double line) { addPoint(pixel, line); });
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] { refit(); });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_filling || (item->column() != kX && item->column() != kY && item->column() != kId))
            return;
        if (item->column() != kId && !item->text().trimmed().isEmpty() &&
            !text::parseNumber(item->text().trimmed().toStdString())) {
            m_status = tr("'%1' is not a number").arg(item->text());
            m_statusLabel->setText(m_status);
            return;
        }
        // Both coordinates typed: the point no longer waits for a click on the map.
        const int row = item->row();
        if (row == m_pending &&
            text::parseNumber(m_table->item(row, kX)->text().trimmed().toStdString()) &&
            text::parseNumber(m_table->item(row, kY)->text().trimmed().toStdString())) {
            m_pending = -1;
            emit pickOnMapRequested(false);
        }
        refit();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        if (m_pending == row) {
            m_pending = -1;
            emit pickOnMapRequested(false);
        } else if (m_pending > row) {
            --m_pending;
        }
        refit();
    });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Load control points"), QString(),
            tr("Control points (*.csv *.points *.txt);;All files (*)"));
        if (!path.isEmpty())
            loadPoints(path);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save control points"),
                                                          QString(), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            savePoints(path);
    });
    connect(m_place, &QPushButton::clicked, this, [this] { emit placeRequested(options()); });
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(this, &QDialog::finished, this, [this] {
        if (m_pending >= 0)
            emit pickOnMapRequested(false);
        m_pending = -1;
    });
    refit();
}

QString GeorefDialog::number(double value, int decimals) const
{
    return QLocale(m_lang == QStringLiteral("en") ? QLocale::English : QLocale::Vietnamese)
        .toString(value, 'f', decimals);
}

gis::GeorefMethod GeorefDialog::method() const
{
    return static_cast<gis::GeorefMethod>(m_method->currentData().toInt());
}

void GeorefDialog::setMethod(gis::GeorefMethod method)
{
    m_method->setCurrentIndex(m_method->findData(static_cast<int>(method)));
}

void GeorefDialog::setLayerName(const QString& name)
{
    m_layerName->setText(name);
}

void GeorefDialog::setTitle(const QString& title)
{
    m_title->setText(title);
}

bool GeorefDialog::openSheet(const QString& path, int page, double dpi)
{
    gis::SheetSource sheet{path.toStdString(), page, dpi};
    gis::SheetPicture picture;
    try {
        picture = layers::readSheetPicture(sheet, kPictureSide);
    } catch (const layers::Error& e) {
        m_status = said(e);
        m_statusLabel->setText(m_status);
        return false;
    }
    const auto& info = picture.info;
    m_sheet = sheet;
    QImage image(picture.width, picture.height, QImage::Format_RGBA8888);
    for (int y = 0; y < picture.height; ++y)
        std::memcpy(image.scanLine(y),
                    picture.rgba.data() + static_cast<std::size_t>(y) * picture.width * 4,
                    static_cast<std::size_t>(picture.width) * 4);
    m_view->setPicture(image, picture.sheetWidth, picture.sheetHeight);
    m_filling = true;
    m_page->setEnabled(info.pdf);
    m_dpi->setEnabled(info.pdf);
    m_page->setMaximum(std::max(1, info.pages));
    m_page->setValue(page);
    m_dpi->setValue(dpi);
    m_filling = false;
    m_sheetLabel->setText(tr("%1 — %2 × %3 pixels")
                              .arg(QFileInfo(path).fileName())
                              .arg(picture.sheetWidth)
                              .arg(picture.sheetHeight));
    if (m_title->text().isEmpty())
        m_title->setText(QFileInfo(path).completeBaseName());
    refit();
    return true;
}

int GeorefDialog::addPoint(double pixel, double line)
{
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    int next = 1;
    for (int r = 0; r < row; ++r)
        if (const auto* id = m_table->item(r, kId))
            next = std::max(next, id->text().mid(1).toInt() + 1);
    auto set = [&](int column, const QString& text, bool editable) {
        auto* item = new QTableWidgetItem(text);
        if (!editable)
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        item->setTextAlignment(column == kId ? Qt::AlignLeft | Qt::AlignVCenter
                                             : Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, column, item);
    };
    set(kId, QStringLiteral("P%1").arg(next), true);
    set(kPixel, number(pixel, 1), false);
    set(kLine, number(line, 1), false);
    m_table->item(row, kPixel)->setData(Qt::UserRole, pixel);
    m_table->item(row, kLine)->setData(Qt::UserRole, line);
    set(kX, QString(), true);
    set(kY, QString(), true);
    set(kResidual, QString(), false);
    set(kLeaveOneOut, QString(), false);
    m_filling = false;
    m_table->selectRow(row);
    m_pending = row;
    emit pickOnMapRequested(true);
    refit();
    return row;
}

void GeorefDialog::setMapPosition(int row, double x, double y)
{
    if (row < 0 || row >= m_table->rowCount())
        return;
    m_filling = true;
    m_table->item(row, kX)->setText(number(x, 2));
    m_table->item(row, kY)->setText(number(y, 2));
    m_filling = false;
    if (m_pending == row) {
        m_pending = -1;
        emit pickOnMapRequested(false);
    }
    refit();
}

void GeorefDialog::mapPicked(double x, double y)
{
    if (m_pending >= 0)
        setMapPosition(m_pending, x, y);
}

std::vector<gis::ControlPoint> GeorefDialog::points() const
{
    std::vector<gis::ControlPoint> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto x = text::parseNumber(m_table->item(r, kX)->text().trimmed().toStdString());
        const auto y = text::parseNumber(m_table->item(r, kY)->text().trimmed().toStdString());
        if (!x || !y)
            continue;
        out.push_back({m_table->item(r, kId)->text().toStdString(),
                       m_table->item(r, kPixel)->data(Qt::UserRole).toDouble(),
                       m_table->item(r, kLine)->data(Qt::UserRole).toDouble(), *x, *y});
    }
    return out;
}

QString GeorefDialog::status() const
{
    return m_status;
}

void GeorefDialog::refit()
{
    const auto complete = points();
    m_fit.reset();
    const int needed = gis::minimumControlPoints(method());
    if (m_sheet.path.empty())
        m_status = tr("Open the map sheet first.");
    else if (m_pending >= 0)
        m_status = tr("Now click the same place on the main map, or type its coordinates.");
    else if (static_cast<int>(complete.size()) < needed)
        m_status = tr("Click a place you can find on the map (a crossroads, a bridge, a grid "
                      "intersection): %1 of at least %2 points.")
                       .arg(complete.size())
                       .arg(needed);
    else {
        try {
            m_fit = layers::fitControlPoints(complete, method());
            m_status = tr("RMS residual %1 m").arg(number(m_fit->rmse, 2));
            if (m_fit->leaveOneOutRmse)
                m_status += QStringLiteral(", ") +
                            tr("leave-one-out %1 m").arg(number(*m_fit->leaveOneOutRmse, 2));
            if (m_fit->exact)
                m_status += QStringLiteral(". ") +
                            tr("This transformation passes through every point: only the "
                               "leave-one-out errors measure it.");
        } catch (const layers::Error& e) {
            m_status = said(e);
        }
    }
    // The error columns, and the worst point stands out.
    m_filling = true;
    std::size_t k = 0;
    double worst = 0;
    int worstRow = -1;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const bool has = text::parseNumber(m_table->item(r, kX)->text().toStdString()) &&
                         text::parseNumber(m_table->item(r, kY)->text().toStdString());
        QString residual, loo;
        if (has && m_fit && k < m_fit->residuals.size()) {
            const auto& res = m_fit->residuals[k];
            residual = number(res.error, 2);
            if (res.leaveOneOut) {
                loo = number(*res.leaveOneOut, 2);
                if (*res.leaveOneOut > worst) {
                    worst = *res.leaveOneOut;
                    worstRow = r;
                }
            }
        }
        if (has)
            ++k;
        m_table->item(r, kResidual)->setText(residual);
        m_table->item(r, kLeaveOneOut)->setText(loo);
    }
    for (int r = 0; r < m_table->rowCount(); ++r)
        m_table->item(r, kLeaveOneOut)
            ->setForeground(r == worstRow ? QBrush(QColor(0xc0, 0x20, 0x20)) : QBrush());
    m_filling = false;
    m_statusLabel->setText(m_status);
    m_place->setEnabled(m_fit.has_value());
    showPoints();
}

void GeorefDialog::showPoints()
{
    std::vector<std::pair<QString, QPointF>> shown;
    for (int r = 0; r < m_table->rowCount(); ++r)
        shown.emplace_back(m_table->item(r, kId)->text(),
                           QPointF(m_table->item(r, kPixel)->data(Qt::UserRole).toDouble(),
                                   m_table->item(r, kLine)->data(Qt::UserRole).toDouble()));
    m_view->setPoints(shown, m_pending);
}

bool GeorefDialog::loadPoints(const QString& path)
{
    layers::ControlPointsFile file;
    try {
        file = layers::readControlPoints(path.toStdString());
    } catch (const layers::Error& e) {
        m_status = said(e);
        m_statusLabel->setText(m_status);
        return false;
    }
    if (file.crs) {
        // A QGIS .points file may give its map positions in another CRS (lon/lat): shown, and
        // placed, in the workspace's.
        try {
            layers::bringPointsInto(file, gis::Crs::fromUserInput(m_crsLabel.toStdString()));
        } catch (const layers::Error& e) {
            m_status = said(e);
            m_statusLabel->setText(m_status);
            return false;
        } catch (const gis::GisError& e) { // the workspace's CRS, as its label names it
            m_status = tr("The points of %1 cannot be brought into the workspace's CRS %2 (%3).")
                           .arg(QFileInfo(path).fileName(), m_crsLabel, q(e.cause()));
            m_statusLabel->setText(m_status);
            return false;
        }
    }
    m_table->setRowCount(0);
    for (const auto& p : file.points) {
        const int row = addPoint(p.pixel, p.line);
        m_filling = true;
        m_table->item(row, kId)->setText(q(p.id));
        m_filling = false;
        setMapPosition(row, p.x, p.y);
    }
    return true;
}

bool GeorefDialog::savePoints(const QString& path) const
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    QString csv = QStringLiteral("id,pixel,line,x,y\n");
    for (const auto& p : points())
        csv += QStringLiteral("%1,%2,%3,%4,%5\n")
                   .arg(q(p.id))
                   .arg(p.pixel, 0, 'f', 2)
                   .arg(p.line, 0, 'f', 2)
                   .arg(p.x, 0, 'f', 3)
                   .arg(p.y, 0, 'f', 3);
    out.write(csv.toUtf8());
    return out.commit();
}

layers::GeorefOptions GeorefDialog::options() const
{
    layers::GeorefOptions o;
    o.sheet = m_sheet;
    o.points = points();
    o.method = method();
    o.layerName = m_layerName->text().trimmed().toStdString();
    o.titleVi = m_title->text().trimmed().toStdString();
    o.titleEn = o.titleVi;
    o.sheetDate = m_sheetDate->text().trimmed().toStdString();
    o.licence = m_licence->text().trimmed().toStdString();
    return o;
}

} // namespace pa::gui
