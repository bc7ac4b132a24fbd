#include "AttributeTable.h"

#include "Text_p.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/PendingFile.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Csv.h"

#include <QAbstractTableModel>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

namespace pa::gui {

namespace {

constexpr int kSortRole = Qt::UserRole;       ///< numbers as numbers, text folded
constexpr int kFoldedRole = Qt::UserRole + 1; ///< what the search box matches
constexpr int kRowRole = Qt::UserRole + 2;    ///< index into FeatureTable::rows

} // namespace

/// The rows of a FeatureTable as Qt shows them.
class FeatureTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void reset(const layers::FeatureTable* table, const std::string& lang)
    {
        beginResetModel();
        m_table = table;
        m_lang = lang;
        // Made once per table, not per cell shown.
        m_locale = QLocale(lang == "en" ? QLocale::English : QLocale::Vietnamese);
        m_locale.setNumberOptions(QLocale::OmitGroupSeparator);
        m_folded.clear();
        if (m_table) {
            m_folded.reserve(m_table->rows.size());
            for (const auto& row : m_table->rows) {
                std::string all;
                for (std::size_t c = 0; c < row.values.size(); ++c)
                    all += text(row, c).toStdString() + '\n';
                m_folded.push_back(q(text::foldForMatch(all)));
            }
        }
        endResetModel();
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->fields.size());
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!m_table || !index.isValid())
            return {};
        const auto& row = m_table->rows[static_cast<std::size_t>(index.row())];
        const auto column = static_cast<std::size_t>(index.column());
        const auto& value = row.values[column];
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return text(row, column);
        case Qt::TextAlignmentRole:
            return std::holds_alternative<double>(value) ||
                           std::holds_alternative<std::int64_t>(value)
                       ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case kSortRole:
            if (const auto* d = std::get_if<double>(&value))
                return *d;
            if (const auto* i = std::get_if<std::int64_t>(&value))
                return static_cast<qlonglong>(*i);
            return q(text::foldForMatch(text(row, column).toStdString()));
        case kFoldedRole:
            return m_folded[static_cast<std::size_t>(index.row())];
        case kRowRole:
            return index.row();
        default:
            return {};
        }
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (!m_table || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        if (orientation == Qt::Vertical)
            return section + 1;
        const auto& name = m_table->fields[static_cast<std::size_t>(section)].name;
        return q(analysis::columnTitle(name, m_lang));
    }

private:
    /// A value as a person reads it: coded values in words, numbers with the language's
    /// decimal mark and no grouping (years and codes stay as written).
    QString text(const layers::FeatureTable::Row& row, std::size_t column) const
    {
        const auto& value = row.values[column];
        if (const auto* d = std::get_if<double>(&value))
            return m_locale.toString(*d, 'f', QLocale::FloatingPointShortest);
        if (const auto* i = std::get_if<std::int64_t>(&value))
            return m_locale.toString(static_cast<qlonglong>(*i));
        if (std::holds_alternative<std::monostate>(value))
            return {};
        return q(analysis::valueTitle(m_table->fields[column].name, gis::toString(value), m_lang));
    }

    const layers::FeatureTable* m_table = nullptr;
    std::string m_lang = "vi";
    QLocale m_locale;
    std::vector<QString> m_folded; ///< per row: every cell as shown, folded
};

namespace {

/// Keeps the rows whose cells, as shown and without case or diacritics, hold what is typed
/// ("yen binh" finds "Yên Bình").
class FoldingFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setQuery(const QString& query)
    {
        m_query = q(text::foldForMatch(query.trimmed().toStdString()));
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (m_query.isEmpty())
            return true;
        return sourceModel()->index(row, 0, parent).data(kFoldedRole).toString().contains(m_query);
    }

private:
    QString m_query;
};

} // namespace

AttributeTable::AttributeTable(QWidget* parent) : QWidget(parent)
{
    m_model = new FeatureTableModel(this);
    auto* proxy = new FoldingFilter(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(kSortRole);
    m_proxy = proxy;
    m_filter = new QLineEdit(this);
    m_filter->setClearButtonEnabled(true);
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->verticalHeader()->setVisible(false);
    m_zoom = new QPushButton(this);
    m_export = new QPushButton(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_zoom);
    top->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textChanged, this, [this, proxy](const QString& text) {
        proxy->setQuery(text);
        updateStatus();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AttributeTable::onSelectionChanged);
    connect(m_zoom, &QPushButton::clicked, this, [this] {
        if (const auto e = selectionExtent())
            emit zoomRequested(*e);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        QString filter;
        QString path = QFileDialog::getSaveFileName(
            this, tr("Export selection"), q(m_table.layer),
            tr("GeoPackage (*.gpkg)") + QStringLiteral(";;") + tr("Excel workbooks (*.xlsx)") +
                QStringLiteral(";;") + tr("CSV files (*.csv)"),
            &filter);
        if (path.isEmpty())
            return;
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix != QStringLiteral("gpkg") && suffix != QStringLiteral("xlsx") &&
            suffix != QStringLiteral("csv"))
            path += filter.contains(QStringLiteral("*.csv"))    ? QStringLiteral(".csv")
                    : filter.contains(QStringLiteral("*.xlsx")) ? QStringLiteral(".xlsx")
                                                                : QStringLiteral(".gpkg");
        exportSelection(path);
    });
    retranslate();
}

void AttributeTable::retranslate()
{
    m_filter->setPlaceholderText(tr("Search the table (without diacritics too)"));
    m_zoom->setText(tr("Zoom to selection"));
    m_export->setText(tr("Export selection…"));
    updateStatus();
}

void AttributeTable::setTable(layers::FeatureTable table, const std::string& lang)
{
    m_table = std::move(table);
    m_lang = lang;
    m_outcome.clear();
    m_model->reset(&m_table, m_lang);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the layer's order until a title is clicked
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), 260));
    updateStatus();
}

void AttributeTable::clear()
{
    m_model->reset(nullptr, m_lang);
    m_table = {};
    m_outcome.clear();
    updateStatus();
}

void AttributeTable::setLanguage(const std::string& lang)
{
    m_lang = lang;
    m_model->reset(m_table.layer.empty() ? nullptr : &m_table, m_lang);
    retranslate(); // the window installed the language's translator first
}

int AttributeTable::shownRows() const
{
    return m_proxy->rowCount();
}

std::vector<std::size_t> AttributeTable::selectedRows() const
{
    std::vector<std::size_t> rows;
    for (const auto& index : m_view->selectionModel()->selectedRows())
        rows.push_back(static_cast<std::size_t>(index.data(kRowRole).toInt()));
    std::sort(rows.begin(), rows.end(), [this](std::size_t a, std::size_t b) {
        return m_proxy->mapFromSource(m_model->index(static_cast<int>(a), 0)).row() <
               m_proxy->mapFromSource(m_model->index(static_cast<int>(b), 0)).row();
    });
    return rows;
}

int AttributeTable::selectFids(const std::vector<std::int64_t>& fids, bool add)
{
    const std::set<std::int64_t> wanted(fids.begin(), fids.end());
    QItemSelection selection;
    int count = 0;
    for (std::size_t r = 0; r < m_table.rows.size(); ++r) {
        if (!wanted.contains(m_table.rows[r].fid))
            continue;
        const QModelIndex shown = m_proxy->mapFromSource(m_model->index(static_cast<int>(r), 0));
        if (!shown.isValid())
            continue; // filtered out
        selection.select(shown, shown);
        ++count;
    }
    m_view->selectionModel()->select(
        selection, (add ? QItemSelectionModel::Select : QItemSelectionModel::ClearAndSelect) |
                       QItemSelectionModel::Rows);
    if (count > 0)
        m_view->scrollTo(selection.indexes().constFirst());
    return count;
}

std::optional<gis::Envelope> AttributeTable::selectionExtent() const
{
    std::optional<gis::Envelope> extent;
    for (const std::size_t r : selectedRows())
        if (const auto& e = m_table.rows[r].envelope) {
            if (extent)
                extent->merge(*e);
            else
                extent = e;
        }
    return extent;
}

void AttributeTable::onSelectionChanged()
{
    gis::Shapes shapes;
    if (auto* ws = m_workspace ? m_workspace() : nullptr) {
        std::vector<std::int64_t> fids;
        for (const std::size_t r : selectedRows())
            fids.push_back(m_table.rows[r].fid);
        try {
            shapes = layers::featureShapes(*ws, m_table.layer, fids);
        } catch (const std::exception&) {
            shapes = {}; // rows chosen all the same; the map only cannot show them
        }
    }
    emit selectionChanged(shapes, selectionExtent());
    updateStatus();
}

bool AttributeTable::exportSelection(const QString& path)
{
    auto* ws = m_workspace ? m_workspace() : nullptr;
    if (!ws || m_table.layer.empty())
        return false;
    std::vector<std::size_t> rows = selectedRows();
    if (rows.empty()) // nothing selected: what the table shows
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            rows.push_back(static_cast<std::size_t>(m_proxy->index(r, 0).data(kRowRole).toInt()));
    const auto table = layers::selectionTable(m_table, rows);
    try {
        const std::string target = path.toStdString();
        if (path.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive))
            analysis::writeGeoPackage(*ws, table, target);
        else if (path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive))
            analysis::writeSpreadsheet({table}, {}, target, m_lang);
        else
            layers::writeOutputFile(target, analysis::csv::writeForExcel(table, m_lang),
                                    layers::OutputKind::Text);
    } catch (const layers::Error& e) {
        m_outcome = tr("Cannot write %1: %2").arg(path, said(e));
        updateStatus();
        return false;
    }
    m_outcome = tr("%1 feature(s) written to %2").arg(table.rows.size()).arg(path);
    updateStatus();
    return true;
}

void AttributeTable::updateStatus()
{
    const bool loaded = !m_table.layer.empty();
    const auto selected = loaded ? m_view->selectionModel()->selectedRows().size() : 0;
    m_zoom->setEnabled(selected > 0);
    m_export->setEnabled(loaded && shownRows() > 0);
    if (!loaded) {
        m_status->setText(tr("Right-click a layer and choose Attribute table."));
        return;
    }
    QString text = tr("%1 of %2 feature(s) shown, %3 selected")
                       .arg(shownRows())
                       .arg(m_table.rows.size())
                       .arg(selected);
    if (m_table.total > static_cast<std::int64_t>(m_table.rows.size()))
        text += QStringLiteral(" — ") + tr("the layer holds %1; only the first %2 are listed")
                                            .arg(m_table.total)
                                            .arg(m_table.rows.size());
    if (!m_outcome.isEmpty())
        text += QStringLiteral("\n") + m_outcome;
    m_status->setText(text);
}

} // namespace pa::gui
