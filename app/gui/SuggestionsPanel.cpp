#include "SuggestionsPanel.h"

#include "Text_p.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <set>

namespace pa::gui {

namespace {
constexpr int kIdRole = Qt::UserRole;          ///< a feature row: its suggestion id
constexpr int kGroupRole = Qt::UserRole + 1;   ///< a group row: its index
constexpr int kReasonRole = Qt::UserRole + 2;  ///< a task without a place: its index in reasons()
constexpr int kReasonsRole = Qt::UserRole + 3; ///< the heading of the tasks without a place
} // namespace

SuggestionsPanel::SuggestionsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* buttons = new QHBoxLayout;
    m_accept = new QPushButton(this);
    m_reject = new QPushButton(this);
    m_again = new QPushButton(this);
    m_otherReason = new QToolButton(this);
    m_otherReason->setPopupMode(QToolButton::InstantPopup);
    m_otherReason->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_reasonMenu = new QMenu(m_otherReason);
    m_otherReason->setMenu(m_reasonMenu);
    m_otherReason->setEnabled(false);
    for (const auto& reason : plan::reasonClasses()) {
        QAction* action = m_reasonMenu->addAction(QString());
        action->setData(q(std::string(reason.id)));
        connect(action, &QAction::triggered, this, [this, id = std::string(reason.id)] {
            if (const auto tasks = selectedReasonTasks(); !tasks.empty())
                emit reasonsGiven(tasks, id);
        });
    }
    buttons->addWidget(m_accept);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_otherReason);
    buttons->addStretch();
    buttons->addWidget(m_again);
    layout->addLayout(buttons);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setWordWrap(true);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_tree, 1);
    m_count = new QLabel(this);
    m_count->setWordWrap(true);
    layout->addWidget(m_count);
    connect(m_accept, &QPushButton::clicked, this, [this] {
        if (const auto ids = selectedIds(); !ids.empty())
            emit decided(ids, true);
        if (const auto tasks = selectedReasonTasks(); !tasks.empty())
            emit reasonsConfirmed(tasks);
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        if (const auto ids = selectedIds(); !ids.empty())
            emit decided(ids, false);
    });
    connect(m_again, &QPushButton::clicked, this, &SuggestionsPanel::suggestAgainRequested);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_otherReason->setEnabled(!selectedReasonTasks().empty()); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!item || !item->data(0, kIdRole).isValid())
            return;
        const auto id = item->data(0, kIdRole).toLongLong();
        for (const auto& s : m_pending)
            if (s.id == id)
                emit featureChosen(q(s.featureCode));
    });
    retranslateUi();
}

void SuggestionsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SuggestionsPanel::retranslateUi()
{
    m_accept->setText(tr("Accept"));
    m_accept->setToolTip(tr("Link the chosen features (a chosen group: all its features); for "
                            "a chosen task without a place, record it so with the reason shown"));
    m_reject->setText(tr("Reject"));
    m_otherReason->setText(tr("Another reason"));
    m_otherReason->setToolTip(tr("Record the chosen tasks without a place with another reason "
                                 "than the one suggested; later suggestions learn from it"));
    const auto classes = plan::reasonClasses();
    const auto actions = m_reasonMenu->actions();
    for (int i = 0; i < actions.size() && i < static_cast<int>(classes.size()); ++i) {
        const auto& reason = classes[static_cast<std::size_t>(i)];
        actions[i]->setText(q(std::string(m_english ? reason.titleEn : reason.titleVi)));
    }
    m_again->setText(tr("Suggest again"));
    m_again->setToolTip(
        tr("Read the tasks again for the places and the kinds of feature they name"));
    m_tree->setHeaderLabels({tr("Sure"), tr("Task and why · feature")});
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (auto* top = m_tree->topLevelItem(i); top->data(0, kReasonsRole).isValid()) {
            top->setText(
                1, tr("Without a place: %n task(s)", nullptr, static_cast<int>(m_reasons.size())));
            top->setToolTip(1, tr("No place of the workspace found in these tasks: the reason "
                                  "suggested for leaving each off the map"));
        }
    m_count->setText(
        tr("%n suggestion(s) to review", nullptr, static_cast<int>(m_pending.size())) +
        QStringLiteral(" · ") + tr("%n group(s)", nullptr, static_cast<int>(m_groups.size())) +
        (m_reasons.empty() ? QString()
                           : QStringLiteral(" · ") + tr("%n task(s) without a place", nullptr,
                                                        static_cast<int>(m_reasons.size()))));
}

void SuggestionsPanel::setSuggestions(std::vector<plan::LinkSuggestion> pending)
{
    m_pending = std::move(pending);
    m_groups = plan::groupSuggestions(m_pending);
    rebuild();
}

void SuggestionsPanel::setLanguage(const std::string& lang)
{
    m_english = lang == "en";
    rebuild();
}

void SuggestionsPanel::setReasons(std::vector<plan::ReasonProposal> proposals)
{
    m_reasons = std::move(proposals);
    rebuild();
}

void SuggestionsPanel::rebuild()
{
    m_tree->clear();
    auto percent = [](double confidence) {
        return QStringLiteral("%1 %").arg(static_cast<int>(std::lround(confidence * 100)));
    };
    for (int g = 0; g < static_cast<int>(m_groups.size()); ++g) {
        const auto& group = m_groups[static_cast<std::size_t>(g)];
        const auto& first = group.members.front();
        auto* top = new QTreeWidgetItem(m_tree);
        top->setData(0, kGroupRole, g);
        top->setText(0, percent(first.confidence));
        top->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        const QString why = group.evidence.empty() ? QStringLiteral("“%1”").arg(q(first.mention))
                                                   : q(group.evidence);
        top->setText(1, q(group.taskId) + QStringLiteral(" — ") + why);
        top->setToolTip(1, why);
        QFont bold = top->font(1);
        bold.setBold(true);
        top->setFont(1, bold);
        for (const auto& s : group.members) {
            auto* child = new QTreeWidgetItem(top);
            child->setData(0, kIdRole, static_cast<qlonglong>(s.id));
            child->setText(0, percent(s.confidence));
            child->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
            child->setText(1, q(s.featureName) + QStringLiteral(" (") + q(s.featureCode) +
                                  QLatin1Char(')'));
        }
        // A group of one shows its feature at once; larger groups open on demand.
        top->setExpanded(group.members.size() == 1);
    }
    if (!m_reasons.empty()) {
        auto* heading = new QTreeWidgetItem(m_tree);
        heading->setData(0, kReasonsRole, true);
        QFont bold = heading->font(1);
        bold.setBold(true);
        heading->setFont(1, bold);
        for (int i = 0; i < static_cast<int>(m_reasons.size()); ++i) {
            const auto& p = m_reasons[static_cast<std::size_t>(i)];
            auto* row = new QTreeWidgetItem(heading);
            row->setData(0, kReasonRole, i);
            const QString why =
                (p.suggestion.reason ? q(std::string(m_english ? p.suggestion.reason->titleEn
                                                               : p.suggestion.reason->titleVi))
                                     : QString()) +
                (p.suggestion.evidence.empty()
                     ? (p.suggestion.likeTask.empty()
                            ? QStringLiteral(" ← ") +
                                  tr("no words of any class: the class taken when none is named")
                            : QString())
                     : QStringLiteral(" ← ") + q(p.suggestion.evidence)) +
                (p.suggestion.likeTask.empty()
                     ? QString()
                     : (p.suggestion.evidence.empty() ? QStringLiteral(" ← ")
                                                      : QStringLiteral(" · ")) +
                           tr("like %1, reviewed so").arg(q(p.suggestion.likeTask)));
            row->setText(1, q(p.taskId) + QStringLiteral(" — ") + why);
            row->setToolTip(1, q(p.text));
        }
    }
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);
    retranslateUi();
}

void SuggestionsPanel::select(const std::vector<std::int64_t>& ids)
{
    m_tree->clearSelection();
    const std::set<std::int64_t> wanted(ids.begin(), ids.end());
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        auto* top = m_tree->topLevelItem(g);
        for (int c = 0; c < top->childCount(); ++c)
            if (wanted.contains(top->child(c)->data(0, kIdRole).toLongLong()))
                top->child(c)->setSelected(true);
    }
}

void SuggestionsPanel::selectGroup(int index)
{
    m_tree->clearSelection();
    if (auto* top = m_tree->topLevelItem(index))
        top->setSelected(true);
}

std::vector<std::int64_t> SuggestionsPanel::selectedIds() const
{
    std::set<std::int64_t> ids;
    for (const auto* item : m_tree->selectedItems()) {
        if (item->data(0, kIdRole).isValid()) {
            ids.insert(item->data(0, kIdRole).toLongLong());
        } else if (item->data(0, kGroupRole).isValid()) {
            for (int c = 0; c < item->childCount(); ++c)
                ids.insert(item->child(c)->data(0, kIdRole).toLongLong());
        }
    }
    return {ids.begin(), ids.end()};
}

void SuggestionsPanel::selectReasons(const std::vector<int>& indexes, bool all)
{
    m_tree->clearSelection();
    for (int t = 0; t < m_tree->topLevelItemCount(); ++t) {
        auto* top = m_tree->topLevelItem(t);
        if (!top->data(0, kReasonsRole).isValid())
            continue;
        if (all) {
            top->setSelected(true);
            continue;
        }
        for (int c = 0; c < top->childCount(); ++c)
            if (std::find(indexes.begin(), indexes.end(),
                          top->child(c)->data(0, kReasonRole).toInt()) != indexes.end())
                top->child(c)->setSelected(true);
    }
}

std::vector<std::string> SuggestionsPanel::selectedReasonTasks() const
{
    std::set<int> chosen;
    for (const auto* item : m_tree->selectedItems()) {
        if (item->data(0, kReasonRole).isValid())
            chosen.insert(item->data(0, kReasonRole).toInt());
        else if (item->data(0, kReasonsRole).isValid())
            for (int i = 0; i < static_cast<int>(m_reasons.size()); ++i)
                chosen.insert(i);
    }
    std::vector<std::string> tasks;
    for (int i : chosen)
        if (i >= 0 && i < static_cast<int>(m_reasons.size()))
            tasks.push_back(m_reasons[static_cast<std::size_t>(i)].taskId);
    return tasks;
}

} // namespace pa::gui
