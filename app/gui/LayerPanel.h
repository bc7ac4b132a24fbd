#pragma once
// The layer tree: every layer of the workspace with its kind's swatch, a check box for
// visibility, drag and drop for the order (top of the list is drawn on top, as in QGIS) and
// an opacity; the canvas draws what it says.

#include "planatlas/render/Map.h"

#include <QTreeWidget>
#include <string>
#include <utility>
#include <vector>

namespace pa::gui {

class LayerPanel : public QTreeWidget
{
    Q_OBJECT

public:
    explicit LayerPanel(QWidget* parent = nullptr);

    /// @p stack bottom first, as render::defaultStack gives it.
    void setLayers(const std::vector<render::StackEntry>& stack, const std::string& lang);
    /// Visible layers, bottom first, with their opacity (0–1).
    [[nodiscard]] std::vector<std::pair<std::string, double>> stack() const;
    void setLayerVisible(const std::string& layer, bool visible);
    void setLayerOpacity(const std::string& layer, double opacity);
    [[nodiscard]] QTreeWidgetItem* itemOf(const std::string& layer) const;

signals:
    void stackChanged();
    void zoomToLayerRequested(const QString& layer);
    /// A map sheet to remove (the window asks first).
    void removeSheetRequested(const QString& layer);
    /// A layer to remove with its links (the window asks first; Edit → Undo puts it back).
    void removeLayerRequested(const QString& layer);
    void attributeTableRequested(const QString& layer);
    void propertiesRequested(const QString& layer);
    void renameRequested(const QString& layer, const QString& title);

protected:
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showMenu(const QPoint& at);
    bool m_filling = false;
};

} // namespace pa::gui
