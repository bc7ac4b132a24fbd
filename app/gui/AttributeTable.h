#pragma once
// The attribute table of a layer: its features as rows, sortable by any column, filtered by a
// search box (without case or diacritics, as the plan browser searches), columns titled in the
// interface's language with their units, coded values in words. Selected rows are selected on
// the map; the selection can be zoomed to and exported as GeoPackage, Excel workbook or CSV.

#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/FeatureTable.h"
#include "planatlas/layers/Workspace.h"

#include <QWidget>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace pa::gui {

class FeatureTableModel;

class AttributeTable : public QWidget
{
    Q_OBJECT

public:
    explicit AttributeTable(QWidget* parent = nullptr);

    /// Where the open workspace is found when the selection's shapes are read or it is
    /// exported (the window reopens it for writing; null: none open).
    void setWorkspaceSource(std::function<layers::Workspace*()> source)
    {
        m_workspace = std::move(source);
    }
    /// Shows @p table, read from the open workspace.
    void setTable(layers::FeatureTable table, const std::string& lang);
    void clear();
    void setLanguage(const std::string& lang);

    [[nodiscard]] const layers::FeatureTable& table() const { return m_table; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QLineEdit* filter() const { return m_filter; }
    /// Rows shown after the filter.
    [[nodiscard]] int shownRows() const;
    /// The selected rows, as indexes into table().rows, in the order shown.
    [[nodiscard]] std::vector<std::size_t> selectedRows() const;
    /// Selects the rows of features @p fids (added to the selection when @p add), as a click or
    /// a box on the map asks; rows the filter hides are not selected. Returns how many were.
    int selectFids(const std::vector<std::int64_t>& fids, bool add = false);
    /// Writes the selected rows (all shown rows when none is selected) to @p path: .gpkg, .xlsx
    /// or .csv (for Excel, in the interface's language). Says the outcome in the status line.
    bool exportSelection(const QString& path);

signals:
    /// The selection on the map: its shapes and where they lie (empty: nothing selected).
    void selectionChanged(const gis::Shapes& shapes, const std::optional<gis::Envelope>& extent);
    void zoomRequested(const gis::Envelope& extent);

private:
    void retranslate();
    void onSelectionChanged();
    void updateStatus();
    [[nodiscard]] std::optional<gis::Envelope> selectionExtent() const;

    std::function<layers::Workspace*()> m_workspace;
    layers::FeatureTable m_table;
    std::string m_lang = "vi";
    FeatureTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QPushButton *m_zoom = nullptr, *m_export = nullptr;
    QLabel* m_status = nullptr;
    QString m_outcome; ///< what the last export did
};

} // namespace pa::gui
