#include "AnalysisDock.h"

#include "Text_p.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/analysis/Csv.h"
#include "planatlas/layers/analysis/Overlaps.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/analysis/Targets.h"
#include "planatlas/render/Map.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>
#include <set>

namespace pa::gui {

namespace {

constexpr int kRowRole = Qt::UserRole + 1;     ///< the row's index in the analysis table
constexpr int kTitleViRole = Qt::UserRole + 2; ///< a unit layer's titles in the two languages
constexpr int kTitleEnRole = Qt::UserRole + 3;

/// Sorts by the number it holds, not its Vietnamese text.
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(const QString& text, double value) : QTableWidgetItem(text), m_value(value)
    {
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override
    {
        if (const auto* n = dynamic_cast<const NumberItem*>(&other))
            return m_value < n->m_value;
        return QTableWidgetItem::operator<(other);
    }

private:
    double m_value;
};

} // namespace

AnalysisDock::AnalysisDock(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);
    for (int k = 0; k < 4; ++k) {
        auto* page = new QWidget(m_tabs);
        auto* v = new QVBoxLayout(page);
        auto* form = new QFormLayout;
        v->addLayout(form);
        if (k == static_cast<int>(Kind::Coverage)) {
            m_units = new QComboBox(page);
            m_kind = new QComboBox(page);
            m_unitsLabel = new QLabel(page);
            m_kindLabel = new QLabel(page);
            form->addRow(m_unitsLabel, m_units);
            form->addRow(m_kindLabel, m_kind);
            connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
                if (m_tables[0].rows.empty())
                    return;
                showKindRows();
                if (m_summaryText[0])
                    m_summary[0]->setText(m_summaryText[0]());
                emit coverageShown(m_units->currentData().toString(), m_kind->currentData().toString());
            });
        } else if (k == static_cast<int>(Kind::Overlaps)) {
            m_minHa = new QDoubleSpinBox(page);
            m_minHa->setRange(0, 10000);
            m_minHa->setDecimals(2);
            m_minHa->setSuffix(QStringLiteral(" ha"));
            m_minHaLabel = new QLabel(page);
            form->addRow(m_minHaLabel, m_minHa);
        } else if (k == static_cast<int>(Kind::Corridor)) {
            m_distance = new QDoubleSpinBox(page);
            m_distance->setRange(0.1, 100);
            m_distance->setDecimals(1);
            m_distance->setValue(5);
            m_distance->setSuffix(QStringLiteral(" km"));
            m_distanceLabel = new QLabel(page);
            form->addRow(m_distanceLabel, m_distance);
        }
        auto* buttons = new QHBoxLayout;
        m_runButtons[k] = new QPushButton(page);
        m_exportButtons[k] = new QPushButton(page);
        m_exportButtons[k]->setEnabled(false);
        buttons->addWidget(m_runButtons[k]);
        buttons->addWidget(m_exportButtons[k]);
        buttons->addStretch();
        v->addLayout(buttons);
        m_summary[k] = new QLabel(page);
        m_summary[k]->setWordWrap(true);
        v->addWidget(m_summary[k]);
        m_views[k] = new QTableWidget(page);
        m_views[k]->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_views[k]->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_views[k]->setSelectionMode(QAbstractItemView::SingleSelection);
        m_views[k]->setAlternatingRowColors(true);
        m_views[k]->verticalHeader()->setVisible(false);
        v->addWidget(m_views[k], 1);
        m_tabs->addTab(page, QString());
        const auto kind = static_cast<Kind>(k);
        connect(m_runButtons[k], &QPushButton::clicked, this, [this, kind] { run(kind); });
        connect(m_exportButtons[k], &QPushButton::clicked, this, [this, kind] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), QString(), tr("CSV files (*.csv)"));
            if (!path.isEmpty())
                exportCsv(kind, path);
        });
    }
    connect(m_views[static_cast<int>(Kind::Overlaps)], &QTableWidget::currentCellChanged, this, [this](int row) {
        auto* view = m_views[static_cast<int>(Kind::Overlaps)];
        if (row < 0 || !view->item(row, 0))
            return;
        const auto index = static_cast<std::size_t>(view->item(row, 0)->data(kRowRole).toInt());
        if (index < m_overlapPlaces.size())
            emit placeChosen(m_overlapPlaces[index].first, m_overlapPlaces[index].second);
    });
    auto* bar = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &AnalysisDock::cancel);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_cancelButton);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    retranslateUi();
}

void AnalysisDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AnalysisDock::retranslateUi()
{
    m_tabs->setTabText(0, tr("Coverage"));
    m_tabs->setTabText(1, tr("Overlaps"));
    m_tabs->setTabText(2, tr("Corridor"));
    m_tabs->setTabText(3, tr("Targets"));
    m_unitsLabel->setText(tr("Units"));
    m_kindLabel->setText(tr("Kind on the map"));
    m_minHaLabel->setText(tr("Leave out overlaps under"));
    m_distanceLabel->setText(tr("Distance from the expressways"));
    for (int k = 0; k < 4; ++k) {
        m_runButtons[k]->setText(tr("Run"));
        m_exportButtons[k]->setText(tr("Export CSV…"));
        if (!m_tables[k].columns.empty())
            showTable(static_cast<Kind>(k), m_tables[k]); // headers and kinds in the new language
    }
    m_cancelButton->setText(tr("Cancel"));
}

void AnalysisDock::setWorkspace(const QString& path, layers::Workspace* ws, const std::string& lang)
{
    cancel();
    m_path = path;
    m_lang = lang;
    m_units->clear();
    m_kind->clear();
    for (int k = 0; k < 4; ++k) {
        m_tables[k] = {};
        m_views[k]->clear();
        m_views[k]->setRowCount(0);
        m_views[k]->setColumnCount(0);
        m_summary[k]->clear();
        m_summaryText[k] = nullptr;
        m_exportButtons[k]->setEnabled(false);
    }
    m_overlapPlaces.clear();
    if (!ws)
        return;
    std::set<std::string> programme;
    for (const auto& l : ws->layers()) {
        const auto table = ws->dataset().layerByName(l.name);
        const auto* kind = layers::findKind(l.kind);
        if (!table || !kind)
            continue;
        const std::string& title = lang == "en" ? l.titleEn : l.titleVi;
        if ((l.kind.rfind("admin_", 0) == 0 || l.kind == "analysis_grid") &&
            table->geometryFamily() == gis::GeometryFamily::Polygon)
        {
            m_units->addItem(q(title.empty() ? l.name : title), q(l.name));
            m_units->setItemData(m_units->count() - 1, q(l.titleVi.empty() ? l.name : l.titleVi), kTitleViRole);
            m_units->setItemData(m_units->count() - 1, q(l.titleEn.empty() ? l.name : l.titleEn), kTitleEnRole);
        }
        if (kind->programme && programme.insert(l.kind).second)
            m_kind->addItem(q(std::string(lang == "en" ? kind->titleEn : kind->titleVi)), q(l.kind));
    }
    // The districts of the programme's period first: what a planner asks about.
    for (const auto& entry : render::defaultStack(*ws))
        if (entry.kind == "admin_district" && entry.visible) {
            if (const int i = m_units->findData(q(entry.layer)); i >= 0)
                m_units->setCurrentIndex(i);
            break;
        }
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(QStringLiteral("industrial_park"))));
}

QLocale AnalysisDock::numberLocale() const
{
    return QLocale(m_lang == "en" ? QLocale::English : QLocale::Vietnamese);
}

void AnalysisDock::setLanguage(const std::string& lang)
{
    m_lang = lang;
    for (int i = 0; i < m_units->count(); ++i)
        m_units->setItemText(i, m_units->itemData(i, lang == "en" ? kTitleEnRole : kTitleViRole).toString());
    for (int i = 0; i < m_kind->count(); ++i)
        if (const auto* def = layers::findKind(m_kind->itemData(i).toString().toStdString()))
            m_kind->setItemText(i, q(std::string(lang == "en" ? def->titleEn : def->titleVi)));
    retranslateUi();
}

void AnalysisDock::showTab(Kind kind) { m_tabs->setCurrentIndex(static_cast<int>(kind)); }

void AnalysisDock::run(Kind kind)
{
    if (m_path.isEmpty())
        return;
    showTab(kind);
    m_running = kind;
    switch (kind) {
    case Kind::Coverage: {
        const std::string units = m_units->currentData().toString().toStdString();
        start<analysis::CoverageResult>(
            [units](layers::Workspace& ws, const layers::Progress& p) { return analysis::coverage(ws, units, p); },
            [this](analysis::CoverageResult r) {
                m_summaryText[0] = [this, rows = r.rows] {
                    QStringList gaps;
                    for (const auto& row : rows)
                        if (row.kind == m_kind->currentData().toString().toStdString() && row.gap)
                            gaps << q(row.unitName);
                    return gaps.isEmpty() ? tr("Every unit has some of the kind shown.")
                                          : tr("Units with none of the kind shown: %1").arg(gaps.join(QStringLiteral(", ")));
                };
                showTable(Kind::Coverage, analysis::tables::coverage(r));
                emit coverageShown(q(r.unitsLayer), m_kind->currentData().toString());
            });
        break;
    }
    case Kind::Overlaps: {
        const double minHa = m_minHa->value();
        start<analysis::OverlapsResult>(
            [minHa](layers::Workspace& ws, const layers::Progress& p) {
                return analysis::overlaps(ws, analysis::defaultOverlapPairs(), minHa, p);
            },
            [this](analysis::OverlapsResult r) {
                m_overlapPlaces.clear();
                double total = 0;
                for (const auto& row : r.rows) {
                    m_overlapPlaces.emplace_back(row.geometry.shapes(), row.geometry.envelope().value_or(gis::Envelope{}));
                    total += row.areaHa;
                }
                m_summaryText[1] = [this, n = r.rows.size(), total, below = r.belowThreshold] {
                    return tr("%1 overlap(s), %2 ha in all; %3 smaller than the threshold left out.")
                        .arg(n)
                        .arg(numberLocale().toString(total, 'f', 2))
                        .arg(below);
                };
                showTable(Kind::Overlaps, analysis::tables::overlaps(r));
            });
        break;
    }
    case Kind::Corridor: {
        const double km = m_distance->value();
        start<analysis::CorridorResult>(
            [km](layers::Workspace& ws, const layers::Progress& p) { return analysis::corridor(ws, km, {}, p); },
            [this, km](analysis::CorridorResult r) {
                std::int64_t within = 0;
                for (const auto& row : r.rows)
                    within += row.within ? 1 : 0;
                const double share = r.industrialAreaHa > 0 ? 100.0 * r.industrialInsideHa / r.industrialAreaHa : 0.0;
                m_summaryText[2] = [this, within, n = r.rows.size(), km, share] {
                    return tr("%1 of %2 features within %3 km of an expressway; %4 % of the industrial area.")
                        .arg(within)
                        .arg(n)
                        .arg(numberLocale().toString(km, 'f', 1))
                        .arg(numberLocale().toString(share, 'f', 1));
                };
                showTable(Kind::Corridor, analysis::tables::distances(r.rows, true, "corridor"));
                emit corridorShown(km);
            });
        break;
    }
    case Kind::Targets:
        start<analysis::TargetsResult>(
            [](layers::Workspace& ws, const layers::Progress& p) { return analysis::targets(ws, {}, p); },
            [this](analysis::TargetsResult r) {
                std::int64_t met = 0, notMet = 0;
                for (const auto& row : r.rows) {
                    met += row.status == "met" ? 1 : 0;
                    notMet += row.status == "not met" ? 1 : 0;
                }
                m_summaryText[3] = [this, n = r.rows.size(), met, notMet] {
                    return tr("%1 target(s): %2 met, %3 not met on the map.").arg(n).arg(met).arg(notMet);
                };
                showTable(Kind::Targets, analysis::tables::targets(r));
            });
        break;
    }
}

void AnalysisDock::showTable(Kind kind, analysis::Table table)
{
    const int k = static_cast<int>(kind);
    auto* view = m_views[k];
    const QLocale locale = numberLocale();
    if (m_summaryText[k])
        m_summary[k]->setText(m_summaryText[k]());
    // Column names as planners read them; machine names in the tooltip (they are the CSV's).
    const std::map<std::string, QString> titles = {
        {"unit_code", tr("Unit code")},       {"unit_name", tr("Unit")},           {"kind", tr("Kind")},
        {"features", tr("Features")},         {"area_ha", tr("Area (ha)")},        {"share_pct", tr("Share (%)")},
        {"length_km", tr("Length (km)")},     {"linked_tasks", tr("Tasks")},       {"lead_agencies", tr("Lead agencies")},
        {"gap", tr("Gap")},                   {"code", tr("Code")},                {"name", tr("Name")},
        {"nearest_code", tr("Nearest")},      {"nearest_name", tr("Nearest name")}, {"distance_km", tr("Distance (km)")},
        {"within", tr("Within")},             {"target_id", tr("Target")},         {"doc_id", tr("Document")},
        {"indicator", tr("Indicator")},       {"comparator", tr("Comparator")},    {"value", tr("Plan value")},
        {"value_max", tr("Up to")},           {"unit", tr("Unit of measure")},     {"year", tr("Year")},
        {"metric", tr("Measured as")},        {"measured", tr("Measured")},        {"status", tr("Status")},
        {"province_layer", tr("Province")},   {"note", tr("Note")},                {"kind_a", tr("Kind A")},
        {"code_a", tr("Code A")},             {"name_a", tr("Feature A")},         {"tasks_a", tr("Tasks A")},
        {"lead_a", tr("Lead A")},             {"kind_b", tr("Kind B")},            {"code_b", tr("Code B")},
        {"name_b", tr("Feature B")},          {"tasks_b", tr("Tasks B")},          {"lead_b", tr("Lead B")},
    };
    std::vector<int> shown; // the WKT column stays in the CSV, not on screen
    for (int c = 0; c < static_cast<int>(table.columns.size()); ++c)
        if (table.columns[static_cast<std::size_t>(c)].name != "wkt")
            shown.push_back(c);
    view->setSortingEnabled(false);
    view->clear();
    view->setColumnCount(static_cast<int>(shown.size()));
    view->setRowCount(static_cast<int>(table.rows.size()));
    for (int i = 0; i < static_cast<int>(shown.size()); ++i) {
        const auto& column = table.columns[static_cast<std::size_t>(shown[static_cast<std::size_t>(i)])];
        const auto title = titles.find(column.name);
        auto* header = new QTableWidgetItem(title == titles.end() ? q(column.name) : title->second);
        header->setToolTip(q(column.name));
        view->setHorizontalHeaderItem(i, header);
    }
    for (int r = 0; r < static_cast<int>(table.rows.size()); ++r) {
        const auto& row = table.rows[static_cast<std::size_t>(r)];
        for (int i = 0; i < static_cast<int>(shown.size()); ++i) {
            const auto c = static_cast<std::size_t>(shown[static_cast<std::size_t>(i)]);
            const auto& column = table.columns[c];
            const auto& value = row[c];
            QTableWidgetItem* item = nullptr;
            if (const auto* d = std::get_if<double>(&value))
                item = new NumberItem(locale.toString(*d, 'f', std::min(column.decimals, 2)), *d); // the CSV keeps them all
            else if (const auto* n = std::get_if<std::int64_t>(&value))
                item = new NumberItem(locale.toString(static_cast<qlonglong>(*n)), static_cast<double>(*n));
            else {
                std::string text = gis::toString(value);
                if (column.name.rfind("kind", 0) == 0)
                    if (const auto* def = layers::findKind(text))
                        text = m_lang == "en" ? std::string(def->titleEn) : std::string(def->titleVi);
                item = new QTableWidgetItem(q(text));
                item->setToolTip(q(text));
            }
            if (column.name == "status") {
                const auto status = gis::toString(value);
                item->setForeground(status == "met" ? QColor(0x1a, 0x7f, 0x37) : status == "not met" ? QColor(0xb0, 0x10, 0x10)
                                                                                                       : QColor(0x60, 0x60, 0x60));
            }
            if (i == 0)
                item->setData(kRowRole, r);
            view->setItem(r, i, item);
        }
    }
    view->setSortingEnabled(true);
    view->resizeColumnsToContents();
    for (int i = 0; i < view->columnCount(); ++i)
        view->setColumnWidth(i, std::min(view->columnWidth(i), 260));
    m_tables[k] = std::move(table);
    m_exportButtons[k]->setEnabled(true);
    if (kind == Kind::Coverage) {
        // Unit names say more than the source's unit codes (kept in the CSV), and one kind at a
        // time (the one on the map, named above) reads better than every kind of every unit.
        for (int i = 0; i < static_cast<int>(shown.size()); ++i)
            if (const auto& name = m_tables[k].columns[static_cast<std::size_t>(shown[static_cast<std::size_t>(i)])].name;
                name == "unit_code" || name == "kind")
                view->setColumnHidden(i, true);
        showKindRows();
    }
}

void AnalysisDock::showKindRows()
{
    auto* view = m_views[static_cast<int>(Kind::Coverage)];
    const auto& table = m_tables[static_cast<int>(Kind::Coverage)];
    std::size_t kindColumn = 0;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (table.columns[c].name == "kind")
            kindColumn = c;
    const std::string kind = m_kind->currentData().toString().toStdString();
    for (int r = 0; r < view->rowCount(); ++r) {
        const auto* first = view->item(r, 0);
        const auto index = first ? static_cast<std::size_t>(first->data(kRowRole).toInt()) : 0;
        view->setRowHidden(r, index < table.rows.size() && gis::toString(table.rows[index][kindColumn]) != kind);
    }
}

bool AnalysisDock::exportCsv(Kind kind, const QString& path)
{
    const auto& table = m_tables[static_cast<int>(kind)];
    QFile file(path);
    if (table.columns.empty() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_status->setText(tr("Cannot write %1").arg(path));
        return false;
    }
    const std::string csv = analysis::csv::write(table);
    const bool ok = file.write(csv.data(), static_cast<qint64>(csv.size())) == static_cast<qint64>(csv.size());
    m_status->setText(ok ? tr("%1 row(s) written to %2").arg(table.rows.size()).arg(path) : tr("Cannot write %1").arg(path));
    return ok;
}

void AnalysisDock::cancel()
{
    if (m_cancel)
        *m_cancel = true;
    m_cancel.reset();
    setBusy(false);
}

void AnalysisDock::progressed(const QPointer<AnalysisDock>& dock, double fraction)
{
    if (AnalysisDock* d = dock.data(); d && d->m_cancel)
        d->m_progress->setValue(static_cast<int>(fraction * 100));
}

void AnalysisDock::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_progress->setValue(0);
    m_cancelButton->setVisible(busy);
    for (auto* b : m_runButtons)
        b->setEnabled(!busy);
    if (busy)
        m_status->setText(tr("Running…"));
}

void AnalysisDock::report(const QString& error, bool cancelled)
{
    m_status->setText(cancelled ? tr("Cancelled; nothing changed.") : error.isEmpty() ? QString() : error);
    emit finished(static_cast<int>(m_running), cancelled ? tr("cancelled") : error);
}

} // namespace pa::gui
