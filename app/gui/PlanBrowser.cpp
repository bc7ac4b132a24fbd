#include "PlanBrowser.h"

#include "Text_p.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Plan.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <map>
#include <set>

namespace pa::gui {

namespace {
constexpr int kTaskRole = Qt::UserRole;       ///< task id on task items
constexpr int kSearchRole = Qt::UserRole + 1; ///< folded text searched on task items
constexpr int kLeadRole = Qt::UserRole + 2;   ///< "\n"-joined lead and support agencies
constexpr int kUnlocatedRole = Qt::UserRole + 3;
constexpr int kKindsRole = Qt::UserRole + 4; ///< "\n"-joined kinds of the linked features
constexpr int kDeadlineEndRole =
    Qt::UserRole + 5; ///< the last day its deadline allows (ISO), empty when open

} // namespace

PlanBrowser::PlanBrowser(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_documents = new QComboBox(this);
    m_agencies = new QComboBox(this);
    m_agencies->setMaxVisibleItems(20);
    m_themes = new QComboBox(this);
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_unlocated = new QCheckBox(this);
    m_dueBefore = new QLineEdit(this);
    m_dueBefore->setClearButtonEnabled(true);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(1, 130);
    m_tree->setUniformRowHeights(true);
    // The chosen task in full below the list: texts are long sentences.
    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_count = new QLabel(this);
    for (QWidget* w : std::initializer_list<QWidget*>{m_documents, m_agencies, m_themes, m_search,
                                                      m_unlocated, m_dueBefore, split, m_count})
        layout->addWidget(w);

    connect(m_documents, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            applyFilters();
    });
    connect(m_agencies, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        applyFilters();
        emit agencyChosen(m_agencies->currentData().toString());
    });
    connect(m_themes, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            applyFilters();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this] { applyFilters(); });
    connect(m_unlocated, &QCheckBox::toggled, this, [this] { applyFilters(); });
    connect(m_dueBefore, &QLineEdit::textChanged, this, [this] { applyFilters(); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const QString id = item ? item->data(0, kTaskRole).toString() : QString();
        showDetails(id);
        if (!m_filling && !id.isEmpty())
            emit taskChosen(id);
    });
    retranslateUi();
}

void PlanBrowser::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PlanBrowser::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search tasks (with or without diacritics)…"));
    m_unlocated->setText(tr("Only tasks without a place on the map"));
    m_dueBefore->setPlaceholderText(tr("Due before (dd/mm/yyyy)…"));
    m_tree->setHeaderLabels({tr("Task"), tr("Lead"), tr("Features")});
    fill();
}

void PlanBrowser::showDetails(const QString& taskId)
{
    for (const auto& d : m_plan.documents)
        for (const auto& t : d.tasks) {
            if (q(t.taskId) != taskId)
                continue;
            auto line = [](const QString& label, const QString& value) {
                return QStringLiteral("<br><i>%1:</i> %2").arg(label, value);
            };
            QString html = QStringLiteral("<p><b>%1</b> — %2")
                               .arg(q(t.taskId).toHtmlEscaped(), q(t.text).toHtmlEscaped());
            html +=
                line(tr("Document"),
                     q(d.number.empty() ? d.docId : d.number).toHtmlEscaped() +
                         (t.section.empty() ? QString()
                                            : QStringLiteral(", ") + q(t.section).toHtmlEscaped()) +
                         (t.heading.empty() ? QString()
                                            : QStringLiteral(" (") + q(t.heading).toHtmlEscaped() +
                                                  QLatin1Char(')')));
            html += line(tr("Lead"),
                         t.lead.empty() ? tr("(none named)") : joined(t.lead).toHtmlEscaped());
            if (!t.support.empty())
                html += line(tr("Supporting"), joined(t.support).toHtmlEscaped());
            if (!t.deadlineText.empty() || !t.deadline.empty())
                html +=
                    line(tr("Deadline"),
                         q(t.deadlineText.empty() ? t.deadline : t.deadlineText).toHtmlEscaped());
            html +=
                line(tr("Features"),
                     t.links > 0 ? QString::number(t.links)
                     : t.unlocatedReason.empty()
                         ? tr("Not placed on the map yet")
                         : tr("No place on the map: %1").arg(q(t.unlocatedReason).toHtmlEscaped()));
            m_details->setHtml(html + QStringLiteral("</p>"));
            return;
        }
    m_details->setHtml(
        QStringLiteral("<p style='color:#555'>%1</p>")
            .arg(tr("Choose a task to read it in full and see its footprint on the map.")));
}

QTreeWidgetItem* PlanBrowser::item(const QString& taskId) const
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, kTaskRole).toString() == taskId && (*it)->parent())
            return *it;
    return nullptr;
}

void PlanBrowser::setPlan(plan::PlanOverview plan)
{
    m_plan = std::move(plan);
    fill();
}

void PlanBrowser::setLanguage(const std::string& lang)
{
    m_lang = lang;
    fill();
}

void PlanBrowser::clear()
{
    m_plan = {};
    fill();
}

void PlanBrowser::fill()
{
    m_filling = true;
    const QString document = m_documents->currentData().toString(),
                  agency = m_agencies->currentData().toString();
    m_documents->clear();
    m_documents->addItem(tr("All documents"), QString());
    for (const auto& d : m_plan.documents)
        m_documents->addItem(q(d.number.empty() ? d.docId : d.number) + QStringLiteral(" — ") +
                                 q(d.title),
                             q(d.docId));
    m_agencies->clear();
    m_agencies->addItem(tr("All agencies"), QString());
    for (const auto& a : m_plan.agencies) {
        if (a.leadTasks + a.supportTasks == 0)
            continue;
        QString label = q(a.name) + QStringLiteral(" (%1)").arg(a.leadTasks + a.supportTasks);
        if (!a.successorName.empty())
            label += QStringLiteral(" → ") + q(a.successorName);
        m_agencies->addItem(label, q(a.name));
    }
    const QString theme = m_themes->currentData().toString();
    m_themes->clear();
    m_themes->addItem(tr("All themes"), QString());
    std::set<std::string> themes;
    for (const auto& d : m_plan.documents)
        for (const auto& t : d.tasks)
            themes.insert(t.kinds.begin(), t.kinds.end());
    std::vector<std::string> ordered(themes.begin(), themes.end());
    std::sort(ordered.begin(), ordered.end(), [](const std::string& a, const std::string& b) {
        return layers::kindRank(a) < layers::kindRank(b);
    });
    for (const auto& k : ordered)
        if (const auto* kind = layers::findKind(k))
            m_themes->addItem(
                tr("Acting on: %1")
                    .arg(q(std::string(m_lang == "en" ? kind->titleEn : kind->titleVi))),
                q(k));
    m_documents->setCurrentIndex(std::max(0, m_documents->findData(document)));
    m_agencies->setCurrentIndex(std::max(0, m_agencies->findData(agency)));
    m_themes->setCurrentIndex(std::max(0, m_themes->findData(theme)));

    m_tree->clear();
    for (const auto& d : m_plan.documents) {
        auto* doc = new QTreeWidgetItem(m_tree);
        doc->setText(0,
                     q(d.number.empty() ? d.docId : d.number) + QStringLiteral(" — ") + q(d.title));
        doc->setToolTip(0, doc->text(0));
        doc->setData(1, kTaskRole, q(d.docId)); // the document's id, for the filter
        QFont bold = doc->font(0);
        bold.setBold(true);
        doc->setFont(0, bold);
        std::map<std::string, QTreeWidgetItem*> sections;
        for (const auto& t : d.tasks) {
            const std::string key = t.section + "\n" + t.heading;
            auto& section = sections[key];
            if (!section) {
                section = new QTreeWidgetItem(doc);
                section->setText(0, q(t.section) + (t.heading.empty()
                                                        ? QString()
                                                        : QStringLiteral(". ") + q(t.heading)));
                section->setToolTip(0, section->text(0));
            }
            auto* item = new QTreeWidgetItem(section);
            item->setText(0, q(t.taskId) + QStringLiteral(" — ") + q(t.text));
            item->setToolTip(0, QStringLiteral("<p>%1</p>").arg(q(t.text).toHtmlEscaped()));
            item->setText(1, t.lead.empty() ? tr("(none named)") : joined(t.lead));
            item->setToolTip(1, item->text(1));
            if (t.links > 0) {
                item->setText(2, QString::number(t.links));
            } else {
                item->setText(2, QStringLiteral("—"));
                item->setToolTip(2, t.unlocatedReason.empty()
                                        ? tr("Not placed on the map yet")
                                        : tr("No place on the map: %1").arg(q(t.unlocatedReason)));
                item->setForeground(0, QColor(0x80, 0x80, 0x80));
            }
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            item->setData(0, kTaskRole, q(t.taskId));
            std::string all = t.taskId + " " + t.text + " " + t.section + " " + t.heading;
            for (const auto& a : t.lead)
                all += " " + a;
            for (const auto& a : t.support)
                all += " " + a;
            item->setData(0, kSearchRole, q(text::foldForMatch(all)));
            QStringList agencies;
            for (const auto& a : t.lead)
                agencies << q(a);
            for (const auto& a : t.support)
                agencies << q(a);
            item->setData(0, kLeadRole, agencies.join(QLatin1Char('\n')));
            item->setData(0, kUnlocatedRole, t.links == 0);
            item->setData(0, kDeadlineEndRole,
                          q(plan::deadlineEnd(t.deadline).value_or(std::string())));
            QStringList kinds;
            for (const auto& k : t.kinds)
                kinds << q(k);
            item->setData(0, kKindsRole, kinds.join(QLatin1Char('\n')));
        }
    }
    m_filling = false;
    applyFilters();
    showDetails({});
}

void PlanBrowser::applyFilters()
{
    const QString document = m_documents->currentData().toString();
    const QString agency = m_agencies->currentData().toString();
    // An agency stands for itself and for those it succeeded in 2025.
    QSet<QString> agencies;
    if (!agency.isEmpty()) {
        agencies.insert(agency);
        for (const auto& a : m_plan.agencies)
            if (q(a.successorName) == agency)
                agencies.insert(q(a.name));
    }
    const QString words = q(text::foldForMatch(m_search->text().toStdString()));
    const bool onlyUnlocated = m_unlocated->isChecked();
    // Due before a day typed in Vietnamese or ISO form; an unfinished date filters nothing yet.
    const auto due = text::parseDate(m_dueBefore->text().trimmed().toStdString());
    const QString dueIso = due ? q(*due) : QString();
    const QString theme = m_themes->currentData().toString();
    int shown = 0;
    for (int d = 0; d < m_tree->topLevelItemCount(); ++d) {
        auto* doc = m_tree->topLevelItem(d);
        if (!doc)
            continue;
        const bool docShown = document.isEmpty() || doc->data(1, kTaskRole).toString() == document;
        int docTasks = 0;
        for (int s = 0; s < doc->childCount(); ++s) {
            auto* section = doc->child(s);
            if (!section)
                continue;
            int sectionTasks = 0;
            for (int t = 0; t < section->childCount(); ++t) {
                auto* task = section->child(t);
                if (!task)
                    continue;
                bool show = docShown;
                if (show && !agencies.isEmpty()) {
                    const auto names = task->data(0, kLeadRole).toString().split(QLatin1Char('\n'));
                    show = std::any_of(names.begin(), names.end(),
                                       [&](const QString& n) { return agencies.contains(n); });
                }
                if (show && !words.isEmpty())
                    show = task->data(0, kSearchRole).toString().contains(words);
                if (show && onlyUnlocated)
                    show = task->data(0, kUnlocatedRole).toBool();
                if (show && !dueIso.isEmpty()) {
                    const QString end = task->data(0, kDeadlineEndRole).toString();
                    show = !end.isEmpty() && end < dueIso;
                }
                if (show && !theme.isEmpty())
                    show = task->data(0, kKindsRole)
                               .toString()
                               .split(QLatin1Char('\n'))
                               .contains(theme);
                task->setHidden(!show);
                sectionTasks += show ? 1 : 0;
            }
            section->setHidden(sectionTasks == 0);
            docTasks += sectionTasks;
        }
        doc->setHidden(docTasks == 0);
        doc->setExpanded(docTasks > 0 && (docTasks <= 40 || !document.isEmpty()));
        shown += docTasks;
    }
    const bool filtered = !document.isEmpty() || !agency.isEmpty() || !words.isEmpty() ||
                          onlyUnlocated || !theme.isEmpty();
    if (filtered)
        for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
            if ((*it)->parent() && (*it)->childCount() > 0)
                (*it)->setExpanded(true); // sections of the tasks found
    int total = 0;                        // every task, as visibleTaskIds() counts them
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        total += (*it)->parent() && !(*it)->data(0, kTaskRole).toString().isEmpty() ? 1 : 0;
    if (shown > 0)
        m_count->setText(tr("%n task(s) shown", nullptr, shown));
    else if (total == 0)
        m_count->setText(tr("No plan document in the workspace yet: File ▸ Ingest a plan "
                            "document reads one"));
    else
        m_count->setText(tr("No task matches the filters; %n task(s) in all when they are "
                            "cleared",
                            nullptr, total));
    // A task the filters now hide is no longer the one shown in full.
    if (auto* current = m_tree->currentItem();
        current && !current->data(0, kTaskRole).toString().isEmpty()) {
        bool hidden = false;
        for (auto* i = current; i; i = i->parent())
            hidden = hidden || i->isHidden();
        if (hidden) {
            m_tree->setCurrentItem(nullptr);
            m_details->setHtml(QStringLiteral("<p style='color:#555'>%1</p>")
                                   .arg(tr("The task you had chosen is not among those the "
                                           "filters show.")));
            if (!m_filling)
                emit taskChosen(QString());
        }
    }
}

void PlanBrowser::setDocumentFilter(const QString& docId)
{
    m_documents->setCurrentIndex(std::max(0, m_documents->findData(docId)));
}

void PlanBrowser::setAgencyFilter(const QString& agency)
{
    m_agencies->setCurrentIndex(std::max(0, m_agencies->findData(agency)));
}

void PlanBrowser::setSearch(const QString& words)
{
    m_search->setText(words);
}

bool PlanBrowser::setDueBefore(const QString& date)
{
    if (!date.isEmpty() && !text::parseDate(date.toStdString()))
        return false;
    m_dueBefore->setText(date);
    return true;
}

void PlanBrowser::setThemeFilter(const QString& kind)
{
    m_themes->setCurrentIndex(std::max(0, m_themes->findData(kind)));
}

void PlanBrowser::setOnlyUnlocated(bool only)
{
    m_unlocated->setChecked(only);
}

bool PlanBrowser::selectTask(const QString& taskId)
{
    auto* found = item(taskId);
    if (!found)
        return false;
    for (auto* p = found->parent(); p; p = p->parent()) {
        p->setHidden(false);
        p->setExpanded(true);
    }
    found->setHidden(false);
    m_tree->setCurrentItem(found);
    m_tree->scrollToItem(found);
    return true;
}

QStringList PlanBrowser::tasksLedBy(const QString& agency) const
{
    std::set<std::string> names{agency.toStdString()};
    for (const auto& a : m_plan.agencies)
        if (q(a.successorName) == agency)
            names.insert(a.name);
    QStringList ids;
    for (const auto& d : m_plan.documents)
        for (const auto& t : d.tasks)
            if (std::any_of(t.lead.begin(), t.lead.end(),
                            [&](const std::string& n) { return names.contains(n); }))
                ids << q(t.taskId);
    return ids;
}

QString PlanBrowser::detailsText() const
{
    return m_details->toPlainText();
}

QString PlanBrowser::countText() const
{
    return m_count->text();
}

int PlanBrowser::visibleTasks() const
{
    return static_cast<int>(visibleTaskIds().size());
}

QStringList PlanBrowser::visibleTaskIds() const
{
    QStringList ids;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        const auto id = (*it)->data(0, kTaskRole).toString();
        if (id.isEmpty() || !(*it)->parent())
            continue;
        bool hidden = false;
        for (auto* p = *it; p; p = p->parent())
            hidden = hidden || p->isHidden();
        if (!hidden)
            ids << id;
    }
    return ids;
}

} // namespace pa::gui
