#include "AnalysisDock.h"

#include "Text_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/PendingFile.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Csv.h"
#include "planatlas/render/Map.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <map>
#include <set>

namespace pa::gui {

namespace {

using Type = analysis::Parameter::Type;

constexpr int kRowRole = Qt::UserRole + 1; ///< the row's index in the analysis table
constexpr int kTitleViRole =
    Qt::UserRole + 2; ///< a layer's or choice's titles in the two languages
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

/// A parameter whose form offers the workspace's layers.
bool offersLayers(const analysis::Parameter& p)
{
    return p.type == Type::Layer || (p.type == Type::Text && !p.layerKinds.empty());
}

/// The index of column @p name in @p table, or -1.
int column(const analysis::Table& table, const std::string& name)
{
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (table.columns[c].name == name)
            return static_cast<int>(c);
    return -1;
}

/// An item of a choice list or combo box that carries both titles, so that a change of language
/// renames it in place.
void setTitles(QComboBox* box, int index, const std::string& vi, const std::string& en)
{
    box->setItemData(index, q(vi), kTitleViRole);
    box->setItemData(index, q(en), kTitleEnRole);
}

/// A check list as tall as its items, up to about six rows.
void fitHeight(QListWidget* list)
{
    const int row = list->count() > 0 ? list->sizeHintForRow(0) : 18;
    list->setMaximumHeight(std::min(list->count(), 6) * row + 2 * list->frameWidth() + 2);
}

} // namespace

AnalysisDock::AnalysisDock(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QFormLayout;
    m_choice = new QComboBox(this);
    m_choiceLabel = new QLabel(this);
    top->addRow(m_choiceLabel, m_choice);
    layout->addLayout(top);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);
    connect(m_choice, &QComboBox::currentIndexChanged, m_stack, &QStackedWidget::setCurrentIndex);

    for (const auto& algorithm : analysis::algorithms()) {
        Page page{&algorithm, new QWidget(m_stack),
                  nullptr,    {},
                  nullptr,    nullptr,
                  nullptr,    nullptr,
                  {},         {},
                  {},         {},
                  nullptr};
        auto* v = new QVBoxLayout(page.widget);
        v->setContentsMargins(0, 0, 0, 0);
        page.form = new QFormLayout;
        v->addLayout(page.form);
        for (const auto& p : algorithm.parameters) {
            QWidget* widget = nullptr;
            if (offersLayers(p)) {
                auto* box = new QComboBox(page.widget);
                box->setEditable(p.type == Type::Text); // a path or LAYER:FIELD may be typed too
                widget = box;
            } else if (p.type == Type::Choice) {
                auto* box = new QComboBox(page.widget);
                for (std::size_t i = 0; i < p.choices.size(); ++i) {
                    box->addItem(q(p.choices[i]), q(p.choices[i]));
                    if (i < p.choiceTitlesVi.size() && i < p.choiceTitlesEn.size())
                        setTitles(box, box->count() - 1, p.choiceTitlesVi[i], p.choiceTitlesEn[i]);
                }
                box->setCurrentIndex(std::max(0, box->findData(q(p.defaultValue))));
                widget = box;
            } else if (p.type == Type::KindList || (p.type == Type::List && !p.choices.empty())) {
                auto* list = new QListWidget(page.widget);
                for (std::size_t i = 0; i < p.choices.size(); ++i) {
                    auto* item = new QListWidgetItem(q(p.choices[i]), list);
                    item->setData(Qt::UserRole, q(p.choices[i]));
                    if (i < p.choiceTitlesVi.size() && i < p.choiceTitlesEn.size()) {
                        item->setData(kTitleViRole, q(p.choiceTitlesVi[i]));
                        item->setData(kTitleEnRole, q(p.choiceTitlesEn[i]));
                    }
                    item->setCheckState(Qt::Unchecked);
                }
                fitHeight(list);
                widget = list;
            } else if (p.type == Type::Flag) {
                widget = new QCheckBox(page.widget);
            } else {
                widget = new QLineEdit(page.widget); // numbers as typed: "2,5" is read as 2.5
            }
            widget->setObjectName(q(algorithm.name + "." + p.name));
            auto* label = new QLabel(page.widget);
            page.form->addRow(label, widget);
            page.fields.push_back({&p, label, widget});
        }
        if (algorithm.name == "coverage") {
            m_kind = new QComboBox(page.widget);
            m_kindLabel = new QLabel(page.widget);
            page.form->addRow(m_kindLabel, m_kind);
            connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
                Page* coverage = this->page("coverage");
                if (!coverage || coverage->table.rows.empty())
                    return;
                showKindRows();
                if (coverage->summaryText)
                    coverage->summary->setText(coverage->summaryText());
                emit coverageShown(unitsChoice()->currentData().toString(),
                                   m_kind->currentData().toString());
            });
        }
        auto* buttons = new QHBoxLayout;
        page.runButton = new QPushButton(page.widget);
        page.exportButton = new QPushButton(page.widget);
        page.exportButton->setEnabled(false);
        buttons->addWidget(page.runButton);
        buttons->addWidget(page.exportButton);
        buttons->addStretch();
        v->addLayout(buttons);
        page.summary = new QLabel(page.widget);
        page.summary->setWordWrap(true);
        v->addWidget(page.summary);
        page.view = new QTableWidget(page.widget);
        page.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        page.view->setSelectionBehavior(QAbstractItemView::SelectRows);
        page.view->setSelectionMode(QAbstractItemView::SingleSelection);
        page.view->setAlternatingRowColors(true);
        page.view->verticalHeader()->setVisible(false);
        v->addWidget(page.view, 1);
        m_stack->addWidget(page.widget);
        m_choice->addItem(q(algorithm.titleVi), q(algorithm.name));
        setTitles(m_choice, m_choice->count() - 1, algorithm.titleVi, algorithm.titleEn);
        const std::string name = algorithm.name;
        connect(page.runButton, &QPushButton::clicked, this, [this, name] { run(name); });
        connect(page.exportButton, &QPushButton::clicked, this, [this, name] {
            QString filter;
            QString path = QFileDialog::getSaveFileName(
                this, tr("Export table"), QString(),
                tr("Excel workbooks (*.xlsx)") + QStringLiteral(";;") + tr("CSV files (*.csv)"),
                &filter);
            if (path.isEmpty())
                return;
            const QString extension = filter.contains(QStringLiteral("*.csv"))
                                          ? QStringLiteral(".csv")
                                          : QStringLiteral(".xlsx");
            if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive) &&
                !path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive))
                path += extension;
            exportTable(name, path);
        });
        m_pages.push_back(std::move(page));
    }
    if (Page* overlaps = page("overlaps"))
        connect(overlaps->view, &QTableWidget::currentCellChanged, this, [this, overlaps](int row) {
            if (row < 0 || !overlaps->view->item(row, 0))
                return;
            const auto index =
                static_cast<std::size_t>(overlaps->view->item(row, 0)->data(kRowRole).toInt());
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

AnalysisDock::Page* AnalysisDock::page(const std::string& name)
{
    for (auto& p : m_pages)
        if (p.algorithm->name == name)
            return &p;
    return nullptr;
}

const AnalysisDock::Page* AnalysisDock::page(const std::string& name) const
{
    for (const auto& p : m_pages)
        if (p.algorithm->name == name)
            return &p;
    return nullptr;
}

const analysis::Table& AnalysisDock::table(const std::string& name) const
{
    static const analysis::Table none;
    const Page* p = page(name);
    return p ? p->table : none;
}

QTableWidget* AnalysisDock::view(const std::string& name) const
{
    const Page* p = page(name);
    return p ? p->view : nullptr;
}

QWidget* AnalysisDock::field(const std::string& name, const std::string& parameter) const
{
    if (const Page* p = page(name))
        for (const auto& f : p->fields)
            if (f.parameter->name == parameter)
                return f.widget;
    return nullptr;
}

QString AnalysisDock::summary(const std::string& name) const
{
    const Page* p = page(name);
    return p ? p->summary->text() : QString();
}

QComboBox* AnalysisDock::unitsChoice() const
{
    return qobject_cast<QComboBox*>(field("coverage", "units"));
}

void AnalysisDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString AnalysisDock::title(const analysis::Parameter& p) const
{
    QString t = q(english() ? p.titleEn : p.titleVi);
    if (!p.unit.empty())
        t += QStringLiteral(" (") + q(p.unit) + QStringLiteral(")");
    return t;
}

QString AnalysisDock::refusal(const layers::ParameterError& error) const
{
    for (const auto& p : m_pages)
        if (p.algorithm->name == m_running)
            if (const auto* parameter = p.algorithm->parameter(error.parameter()))
                return title(*parameter) + QStringLiteral(": ") + said(error.problemSentence());
    return said(error.problemSentence());
}

QString AnalysisDock::failure(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return said(e);
    }
}

void AnalysisDock::retranslateUi()
{
    const int role = english() ? kTitleEnRole : kTitleViRole;
    auto retitle = [role](QComboBox* box) {
        for (int i = 0; i < box->count(); ++i)
            if (const auto t = box->itemData(i, role).toString(); !t.isEmpty())
                box->setItemText(i, t);
    };
    m_choiceLabel->setText(tr("Analysis"));
    retitle(m_choice);
    m_kindLabel->setText(tr("Kind on the map"));
    for (auto& page : m_pages) {
        for (const auto& f : page.fields) {
            f.label->setText(title(*f.parameter));
            f.label->setToolTip(q(f.parameter->help));
            if (auto* box = qobject_cast<QComboBox*>(f.widget)) {
                retitle(box);
                if (offersLayers(*f.parameter) && !f.parameter->required && box->count() > 0 &&
                    box->itemData(0).toString().isEmpty())
                    box->setItemText(0, tr("(none)"));
            } else if (auto* list = qobject_cast<QListWidget*>(f.widget)) {
                for (int i = 0; i < list->count(); ++i)
                    if (const auto t = list->item(i)->data(role).toString(); !t.isEmpty())
                        list->item(i)->setText(t);
            } else if (auto* line = qobject_cast<QLineEdit*>(f.widget)) {
                const auto& p = *f.parameter;
                QString hint = p.type == Type::Date ? tr("e.g. 30/6/2026") : QString();
                if (p.type == Type::Number && !p.defaultValue.empty())
                    hint = numberLocale().toString(text::parseNumber(p.defaultValue).value_or(0));
                line->setPlaceholderText(hint);
            }
        }
        page.runButton->setText(tr("Run"));
        page.exportButton->setText(tr("Export…"));
        if (!page.table.columns.empty())
            showTable(page, page.table); // headers, kinds and notes in the new language
    }
    m_cancelButton->setText(tr("Cancel"));
}

void AnalysisDock::setWorkspace(const QString& path, layers::Workspace* ws, const std::string& lang)
{
    cancel();
    m_path = path;
    m_lang = lang;
    m_province = ws ? ws->province() : std::string();
    m_crs = ws ? ws->crs().label() : std::string();
    for (auto& page : m_pages) {
        page.table = {};
        page.view->clear();
        page.view->setRowCount(0);
        page.view->setColumnCount(0);
        page.summary->clear();
        page.summary->setToolTip(QString());
        page.summaryText = nullptr;
        page.notes.clear();
        page.exportButton->setEnabled(false);
    }
    m_overlapPlaces.clear();
    fillLayerChoices(ws);
    // Where to compute is a choice only where there is a database server to do it.
    const bool shared = ws != nullptr && ws->isShared();
    for (auto& page : m_pages)
        for (auto& field : page.fields)
            if (field.parameter->name == "engine")
                page.form->setRowVisible(field.widget, shared);
    retranslateUi();
}

void AnalysisDock::fillLayerChoices(layers::Workspace* ws)
{
    m_kind->clear();
    std::set<std::string> programme;
    std::vector<layers::RegisteredLayer> registered;
    std::map<std::string, bool> polygons;
    if (ws)
        for (const auto& l : ws->layers()) {
            const auto table = ws->dataset().layerByName(l.name);
            const auto* kind = layers::findKind(l.kind);
            if (!table || !kind)
                continue;
            registered.push_back(l);
            polygons[l.name] = table->geometryFamily() == gis::GeometryFamily::Polygon;
            if (kind->programme && programme.insert(l.kind).second) {
                m_kind->addItem(q(std::string(kind->titleVi)), q(l.kind));
                setTitles(m_kind, m_kind->count() - 1, std::string(kind->titleVi),
                          std::string(kind->titleEn));
            }
        }
    // The districts of the programme's period first: what a planner asks about.
    std::string districts;
    if (ws)
        for (const auto& entry : render::defaultStack(*ws))
            if (entry.kind == "admin_district" && entry.visible) {
                districts = entry.layer;
                break;
            }
    for (auto& page : m_pages)
        for (const auto& f : page.fields) {
            const auto& p = *f.parameter;
            if (offersLayers(p)) {
                auto* box = qobject_cast<QComboBox*>(f.widget);
                box->clear();
                if (!p.required)
                    box->addItem(tr("(none)"), QString());
                for (const auto& l : registered) {
                    if (!analysis::Algorithm::offers(p, l.kind) ||
                        (p.polygonsOnly && !polygons[l.name]))
                        continue;
                    box->addItem(q(l.titleVi.empty() ? l.name : l.titleVi), q(l.name));
                    setTitles(box, box->count() - 1, l.titleVi.empty() ? l.name : l.titleVi,
                              l.titleEn.empty() ? l.name : l.titleEn);
                }
                if (p.required && !districts.empty())
                    if (const int i = box->findData(q(districts)); i >= 0)
                        box->setCurrentIndex(i);
            } else if (p.type == Type::KindList) {
                auto* list = qobject_cast<QListWidget*>(f.widget);
                list->clear();
                for (const auto& kind : layers::layerKinds()) {
                    if (!programme.contains(std::string(kind.id)))
                        continue;
                    auto* item = new QListWidgetItem(q(std::string(kind.titleVi)), list);
                    item->setData(Qt::UserRole, q(std::string(kind.id)));
                    item->setData(kTitleViRole, q(std::string(kind.titleVi)));
                    item->setData(kTitleEnRole, q(std::string(kind.titleEn)));
                    item->setCheckState(Qt::Unchecked);
                }
                fitHeight(list);
            }
        }
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(QStringLiteral("industrial_park"))));
}

QLocale AnalysisDock::numberLocale() const
{
    return QLocale(english() ? QLocale::English : QLocale::Vietnamese);
}

void AnalysisDock::setLanguage(const std::string& lang)
{
    m_lang = lang;
    retranslateUi();
}

void AnalysisDock::showAnalysis(const std::string& name)
{
    const int i = m_choice->findData(q(name));
    if (i >= 0)
        m_choice->setCurrentIndex(i);
}

analysis::ParameterValues AnalysisDock::values(const Page& page) const
{
    analysis::ParameterValues values;
    for (const auto& f : page.fields) {
        const std::string& name = f.parameter->name;
        if (auto* box = qobject_cast<QComboBox*>(f.widget)) {
            // An edited text (a raster path) counts when it is not one of the offered layers.
            QString value = box->currentData().toString();
            if (box->isEditable() && box->currentText() != box->itemText(box->currentIndex()))
                value = box->currentText().trimmed();
            if (!value.isEmpty())
                values.set(name, value.toStdString());
        } else if (auto* list = qobject_cast<QListWidget*>(f.widget)) {
            QStringList checked;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    checked << list->item(i)->data(Qt::UserRole).toString();
            if (!checked.isEmpty())
                values.set(name, checked.join(QLatin1Char(',')).toStdString());
        } else if (auto* check = qobject_cast<QCheckBox*>(f.widget)) {
            if (check->isChecked())
                values.set(name, "");
        } else if (auto* line = qobject_cast<QLineEdit*>(f.widget)) {
            if (const auto text = line->text().trimmed(); !text.isEmpty())
                values.set(name, text.toStdString());
        }
    }
    return values;
}

void AnalysisDock::run(const std::string& name)
{
    Page* target = page(name);
    if (m_path.isEmpty() || !target)
        return;
    showAnalysis(name);
    m_running = name;
    const auto* algorithm = target->algorithm;
    const auto given = values(*target);
    try {
        algorithm->check(given); // a value typed wrong is said before any work starts
    } catch (const layers::ParameterError& e) {
        report(refusal(e), false);
        return;
    }
    start<analysis::Result>(
        [algorithm, given](layers::Workspace& ws, const layers::Progress& p) {
            return algorithm->compute(ws, given, p); // checked above
        },
        [this, name, given](analysis::Result r) {
            if (Page* done = page(name))
                finish(*done, std::move(r), given);
        });
}

void AnalysisDock::finish(Page& page, analysis::Result result,
                          const analysis::ParameterValues& given)
{
    const std::string& name = page.algorithm->name;
    auto figure = [&result](const std::string& key) -> double {
        for (const auto& [k, v] : result.summary)
            if (k == key) {
                if (const auto* d = std::get_if<double>(&v))
                    return *d;
                if (const auto* i = std::get_if<std::int64_t>(&v))
                    return static_cast<double>(*i);
            }
        return 0;
    };
    page.given = given;
    page.figures = result.summary;
    // Kept as sentences: the tooltip and a workbook's information sheet say them in the
    // language of the moment.
    page.notes = result.notes.notices(m_crs);
    analysis::Table table = std::move(result.tables.front());
    const std::size_t rows = table.rows.size();
    auto sum = [&table](const std::string& columnName) {
        double total = 0;
        if (const int c = column(table, columnName); c >= 0)
            for (const auto& row : table.rows) {
                const auto& v = row[static_cast<std::size_t>(c)];
                total += std::holds_alternative<double>(v) ? std::get<double>(v)
                         : std::holds_alternative<std::int64_t>(v)
                             ? static_cast<double>(std::get<std::int64_t>(v))
                             : 0.0;
            }
        return total;
    };
    if (name == "coverage") {
        page.summaryText = [this, &page] {
            QStringList gaps;
            const int kind = column(page.table, "kind"), gap = column(page.table, "gap"),
                      unit = column(page.table, "unit_name");
            const std::string shown = m_kind->currentData().toString().toStdString();
            for (const auto& row : page.table.rows)
                if (gis::toString(row[static_cast<std::size_t>(kind)]) == shown &&
                    std::get<std::int64_t>(row[static_cast<std::size_t>(gap)]) == 1)
                    gaps << q(gis::toString(row[static_cast<std::size_t>(unit)]));
            return gaps.isEmpty() ? tr("Every unit has some of the kind shown.")
                                  : tr("Units with none of the kind shown: %1")
                                        .arg(gaps.join(QStringLiteral(", ")));
        };
    } else if (name == "overlaps") {
        m_overlapPlaces.clear();
        for (const auto& place : table.places) {
            const auto g = gis::Geometry::fromWkt(place.wkt);
            m_overlapPlaces.emplace_back(g.shapes(), g.envelope().value_or(gis::Envelope{}));
        }
        page.summaryText = [this, rows, total = sum("area_ha"), below = figure("below_threshold")] {
            return tr("%1 overlap(s), %2 ha in all; %3 smaller than the threshold left out.")
                .arg(rows)
                .arg(numberLocale().toString(total, 'f', 2))
                .arg(static_cast<qlonglong>(below));
        };
    } else if (name == "corridor" && table.name == "corridor") {
        const double km = given.number("distance_km", 5.0);
        page.summaryText = [this, within = sum("within"), rows, km,
                            share = figure("industrial_inside_pct")] {
            return tr("%1 of %2 features within %3 km of an expressway; %4 % of the industrial "
                      "area.")
                .arg(static_cast<qlonglong>(within))
                .arg(rows)
                .arg(numberLocale().toString(km, 'f', 1))
                .arg(numberLocale().toString(share, 'f', 1));
        };
    } else if (name == "targets") {
        std::int64_t met = 0, notMet = 0;
        if (const int status = column(table, "status"); status >= 0)
            for (const auto& row : table.rows) {
                const auto s = gis::toString(row[static_cast<std::size_t>(status)]);
                met += s == "met" ? 1 : 0;
                notMet += s == "not met" ? 1 : 0;
            }
        page.summaryText = [rows, met, notMet] {
            return tr("%1 target(s): %2 met, %3 not met on the map.")
                .arg(rows)
                .arg(met)
                .arg(notMet);
        };
    } else {
        page.summaryText = [rows] { return tr("%1 row(s).").arg(rows); };
    }
    // Where a large layer of a shared workspace was computed (the command line also says why).
    for (const auto& [key, value] : result.summary)
        if (const auto* where = std::get_if<std::string>(&value); where && key == "engine") {
            const QString said = *where == "database" ? tr("Computed by the database server.")
                                                      : tr("Computed by PlanAtlas.");
            page.summaryText = [inner = page.summaryText, said] {
                return inner() + QLatin1Char(' ') + said;
            };
        }
    showTable(page, std::move(table)); // with what the analysis mended in its input
    if (name == "coverage")
        emit coverageShown(q(given.text("units")), m_kind->currentData().toString());
    else if (name == "corridor" && !given.has("layer"))
        emit corridorShown(given.number("distance_km", 5.0));
    else
        emit overlayReleased(); // what an earlier analysis drew is not this one's
}

void AnalysisDock::showTable(Page& page, analysis::Table table)
{
    auto* view = page.view;
    const QLocale locale = numberLocale();
    // Column names as planners read them (the one dictionary of the analyses); machine names in
    // the tooltip (they are the CSV's).
    auto titleOf = [this](const std::string& name) {
        return q(analysis::columnTitle(name, m_lang));
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
        const auto& col =
            table.columns[static_cast<std::size_t>(shown[static_cast<std::size_t>(i)])];
        auto* header = new QTableWidgetItem(titleOf(col.name));
        header->setToolTip(q(col.name));
        view->setHorizontalHeaderItem(i, header);
        view->setColumnHidden(i, false);
    }
    for (int r = 0; r < static_cast<int>(table.rows.size()); ++r) {
        const auto& row = table.rows[static_cast<std::size_t>(r)];
        for (int i = 0; i < static_cast<int>(shown.size()); ++i) {
            const auto c = static_cast<std::size_t>(shown[static_cast<std::size_t>(i)]);
            const auto& col = table.columns[c];
            const auto& value = row[c];
            QTableWidgetItem* item = nullptr;
            if (const auto* d = std::get_if<double>(&value))
                item = new NumberItem(locale.toString(*d, 'f', std::min(col.decimals, 2)),
                                      *d); // the CSV keeps them all
            else if (const auto* n = std::get_if<std::int64_t>(&value))
                item = new NumberItem(locale.toString(static_cast<qlonglong>(*n)),
                                      static_cast<double>(*n));
            else {
                std::string text = gis::toString(value);
                if (col.name.rfind("kind", 0) == 0)
                    if (const auto* def = layers::findKind(text))
                        text = english() ? std::string(def->titleEn) : std::string(def->titleVi);
                item = new QTableWidgetItem(q(text));
                item->setToolTip(q(text));
            }
            if (col.name == "status") {
                const auto status = gis::toString(value);
                item->setForeground(status == "met"       ? QColor(0x1a, 0x7f, 0x37)
                                    : status == "not met" ? QColor(0xb0, 0x10, 0x10)
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
    page.table = std::move(table);
    page.exportButton->setEnabled(true);
    if (page.summaryText) // some summaries read the table
        page.summary->setText(page.summaryText());
    // What the analysis mended in its input, said beside the figures (as the CLI does).
    page.summary->setToolTip(said(page.notes).join(QLatin1Char('\n')));
    if (page.algorithm->name == "coverage") {
        // Unit names say more than the source's unit codes (kept in the CSV), and one kind at a
        // time (the one on the map, named above) reads better than every kind of every unit.
        for (int i = 0; i < static_cast<int>(shown.size()); ++i)
            if (const auto& name =
                    page.table.columns[static_cast<std::size_t>(shown[static_cast<std::size_t>(i)])]
                        .name;
                name == "unit_code" || name == "kind")
                view->setColumnHidden(i, true);
        showKindRows();
    }
}

void AnalysisDock::showKindRows()
{
    const Page* coverage = page("coverage");
    if (!coverage)
        return;
    auto* view = coverage->view;
    const auto& table = coverage->table;
    const int kindColumn = column(table, "kind");
    if (kindColumn < 0)
        return;
    const std::string kind = m_kind->currentData().toString().toStdString();
    for (int r = 0; r < view->rowCount(); ++r) {
        const auto* first = view->item(r, 0);
        const auto index = first ? static_cast<std::size_t>(first->data(kRowRole).toInt()) : 0;
        view->setRowHidden(
            r, index < table.rows.size() &&
                   gis::toString(table.rows[index][static_cast<std::size_t>(kindColumn)]) != kind);
    }
}

bool AnalysisDock::exportTable(const std::string& name, const QString& path)
{
    const auto& t = table(name);
    const Page* p = page(name);
    m_status->setToolTip(QString());
    if (t.columns.empty()) {
        m_status->setText(tr("Cannot write %1").arg(path));
        return false;
    }
    try {
        // The same checked writer as the command line: never over a workspace or a link,
        // complete or not at all.
        if (path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive)) {
            std::vector<std::string> notesSaid; // in the window's language, as its tooltip
            for (const auto& line : said(p->notes))
                notesSaid.push_back(line.toStdString());
            analysis::writeSpreadsheet(
                {t},
                analysis::runInfo(*p->algorithm, p->given, p->figures, notesSaid,
                                  {QFileInfo(m_path).fileName().toStdString(), m_province, m_crs},
                                  m_lang),
                path.toStdString(), m_lang);
        } else {
            layers::writeOutputFile(path.toStdString(), analysis::csv::writeForExcel(t, m_lang),
                                    layers::OutputKind::Text);
        }
    } catch (const layers::Error& e) {
        m_status->setText(tr("Cannot write %1").arg(path));
        m_status->setToolTip(said(e));
        return false;
    }
    m_status->setText(tr("%1 row(s) written to %2").arg(t.rows.size()).arg(path));
    return true;
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
    for (auto& page : m_pages)
        page.runButton->setEnabled(!busy);
    if (busy)
        m_status->setText(tr("Running…"));
}

void AnalysisDock::report(const QString& error, bool cancelled)
{
    m_status->setText(cancelled         ? tr("Cancelled; nothing changed.")
                      : error.isEmpty() ? QString()
                                        : error);
    emit finished(q(m_running), cancelled ? tr("cancelled") : error);
}

} // namespace pa::gui
