#include "LayerPanel.h"

#include <QDropEvent>
#include <QEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QPixmap>

namespace pa::gui {

namespace {
constexpr int kLayerRole = Qt::UserRole;
constexpr int kOpacityRole = Qt::UserRole + 1;
constexpr int kSheetRole = Qt::UserRole + 2; ///< a map sheet (raster), not a feature layer

QString percent(double opacity)
{
    return QString::number(static_cast<int>(std::lround(opacity * 100))) + QStringLiteral(" %");
}
} // namespace

LayerPanel::LayerPanel(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Layer"), tr("Opacity")});
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setRootIsDecorated(false);
    setDragDropMode(QAbstractItemView::InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(16, 16));
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &LayerPanel::showMenu);
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem*, int column) {
        if (!m_filling && column == 0)
            emit stackChanged();
    });
    connect(this, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item, int) {
        emit zoomToLayerRequested(item->data(0, kLayerRole).toString());
    });
}

void LayerPanel::setLayers(const std::vector<render::StackEntry>& stack, const std::string& lang)
{
    // Keep what the user chose (visibility, opacity, order) for layers already listed.
    std::map<std::string, std::pair<bool, double>> kept;
    std::vector<std::string> order;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const auto* item = topLevelItem(i);
        const auto name = item->data(0, kLayerRole).toString().toStdString();
        kept[name] = {item->checkState(0) == Qt::Checked, item->data(1, kOpacityRole).toDouble()};
        order.push_back(name);
    }
    m_filling = true;
    clear();
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) { // the list shows the top layer first
        auto* item = new QTreeWidgetItem(this);
        const std::string& title = lang == "en" ? it->titleEn : it->titleVi;
        item->setText(0, QString::fromStdString(title.empty() ? it->layer : title));
        item->setToolTip(0, QString::fromStdString(it->layer + " (" + it->kind + ")"));
        item->setData(0, kLayerRole, QString::fromStdString(it->layer));
        item->setIcon(0, QPixmap::fromImage(render::kindSwatch(it->kind, it->geometryType, 16)));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       Qt::ItemIsDragEnabled);
        const auto k = kept.find(it->layer);
        const bool visible = k != kept.end() ? k->second.first : it->visible;
        const bool sheet = it->kind == render::kMapSheetKind;
        item->setData(0, kSheetRole, sheet);
        if (sheet)
            item->setToolTip(0, tr("%1: map sheet placed on the map").arg(item->text(0)));
        // A sheet starts see-through: the units and features under it stay readable.
        const double opacity = k != kept.end() ? k->second.second : sheet ? 0.6 : 1.0;
        item->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
        item->setData(1, kOpacityRole, opacity);
        item->setText(1, percent(opacity));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (!order.empty()) { // the user's order where it still applies
        std::vector<QTreeWidgetItem*> items;
        while (topLevelItemCount() > 0)
            items.push_back(takeTopLevelItem(0));
        std::stable_sort(items.begin(), items.end(), [&](QTreeWidgetItem* a, QTreeWidgetItem* b) {
            auto rank = [&](QTreeWidgetItem* i) {
                const auto n = i->data(0, kLayerRole).toString().toStdString();
                const auto at = std::find(order.begin(), order.end(), n);
                return at == order.end() ? -1 : static_cast<int>(at - order.begin());
            };
            return rank(a) < rank(b);
        });
        for (auto* i : items)
            addTopLevelItem(i);
    }
    m_filling = false;
    emit stackChanged();
}

std::vector<std::pair<std::string, double>> LayerPanel::stack() const
{
    std::vector<std::pair<std::string, double>> out;
    for (int i = topLevelItemCount() - 1; i >= 0; --i) {
        const auto* item = topLevelItem(i);
        if (item->checkState(0) == Qt::Checked)
            out.emplace_back(item->data(0, kLayerRole).toString().toStdString(),
                             item->data(1, kOpacityRole).toDouble());
    }
    return out;
}

QTreeWidgetItem* LayerPanel::itemOf(const std::string& layer) const
{
    for (int i = 0; i < topLevelItemCount(); ++i)
        if (topLevelItem(i)->data(0, kLayerRole).toString().toStdString() == layer)
            return topLevelItem(i);
    return nullptr;
}

void LayerPanel::setLayerVisible(const std::string& layer, bool visible)
{
    if (auto* item = itemOf(layer))
        item->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked); // itemChanged → stackChanged
}

void LayerPanel::setLayerOpacity(const std::string& layer, double opacity)
{
    if (auto* item = itemOf(layer)) {
        opacity = std::clamp(opacity, 0.0, 1.0);
        item->setData(1, kOpacityRole, opacity);
        item->setText(1, percent(opacity));
        emit stackChanged();
    }
}

void LayerPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        setHeaderLabels({tr("Layer"), tr("Opacity")});
    QTreeWidget::changeEvent(event);
}

void LayerPanel::dropEvent(QDropEvent* event)
{
    QTreeWidget::dropEvent(event);
    emit stackChanged();
}

void LayerPanel::showMenu(const QPoint& at)
{
    auto* item = itemAt(at);
    if (!item)
        return;
    const auto layer = item->data(0, kLayerRole).toString();
    const bool sheet = item->data(0, kSheetRole).toBool();
    QMenu menu(this);
    menu.addAction(tr("Zoom to layer"), this, [this, layer] { emit zoomToLayerRequested(layer); });
    if (!sheet) // a sheet has pixels, not features
        menu.addAction(tr("Attribute table"), this,
                       [this, layer] { emit attributeTableRequested(layer); });
    menu.addAction(tr("Properties…"), this, [this, layer] { emit propertiesRequested(layer); });
    if (!sheet)
        menu.addAction(tr("Rename…"), this, [this, item, layer] {
            bool ok = false;
            const QString title =
                QInputDialog::getText(this, tr("Rename layer"), tr("Title of the layer:"),
                                      QLineEdit::Normal, item->text(0), &ok);
            if (ok && title.trimmed() != item->text(0))
                emit renameRequested(layer, title.trimmed());
        });
    if (sheet)
        menu.addAction(tr("Remove the map sheet…"), this,
                       [this, layer] { emit removeSheetRequested(layer); });
    else
        menu.addAction(tr("Remove the layer…"), this,
                       [this, layer] { emit removeLayerRequested(layer); });
    menu.addAction(tr("Opacity…"), this, [this, item, layer] {
        bool ok = false;
        const int value = QInputDialog::getInt(
            this, tr("Opacity"), tr("Opacity of %1 (%):").arg(item->text(0)),
            static_cast<int>(std::lround(item->data(1, kOpacityRole).toDouble() * 100)), 0, 100, 10,
            &ok);
        if (ok)
            setLayerOpacity(layer.toStdString(), value / 100.0);
    });
    menu.exec(viewport()->mapToGlobal(at));
}

} // namespace pa::gui
