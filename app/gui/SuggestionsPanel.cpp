#include "SuggestionsPanel.h"

#include "Text_p.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <set>

namespace pa::gui {

namespace {
constexpr int kIdRole = Qt::UserRole;
}

SuggestionsPanel::SuggestionsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* buttons = new QHBoxLayout;
    m_accept = new QPushButton(this);
    m_reject = new QPushButton(this);
    m_again = new QPushButton(this);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_reject);
    buttons->addStretch();
    buttons->addWidget(m_again);
    layout->addLayout(buttons);
    m_table = new QTableWidget(this);
    m_table->setColumnCount(4);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_count = new QLabel(this);
    layout->addWidget(m_count);
    connect(m_accept, &QPushButton::clicked, this, [this] {
        if (const auto ids = selectedIds(); !ids.empty())
            emit decided(ids, true);
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        if (const auto ids = selectedIds(); !ids.empty())
            emit decided(ids, false);
    });
    connect(m_again, &QPushButton::clicked, this, &SuggestionsPanel::suggestAgainRequested);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0 || !m_table->item(row, 0))
            return;
        const auto id = m_table->item(row, 0)->data(kIdRole).toLongLong();
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
    m_reject->setText(tr("Reject"));
    m_again->setText(tr("Suggest again"));
    m_again->setToolTip(tr("Match the places the tasks name against the features again"));
    m_table->setHorizontalHeaderLabels(
        {tr("Sure"), tr("Task"), tr("Feature"), tr("Words of the task")});
    m_count->setText(tr("%n suggestion(s) to review", nullptr, static_cast<int>(m_pending.size())));
}

void SuggestionsPanel::setSuggestions(std::vector<plan::LinkSuggestion> pending)
{
    m_pending = std::move(pending);
    m_table->setRowCount(static_cast<int>(m_pending.size()));
    const QLocale locale;
    for (int r = 0; r < static_cast<int>(m_pending.size()); ++r) {
        const auto& s = m_pending[static_cast<std::size_t>(r)];
        auto* sure = new QTableWidgetItem(
            QStringLiteral("%1 %").arg(static_cast<int>(std::lround(s.confidence * 100))));
        sure->setData(kIdRole, static_cast<qlonglong>(s.id));
        sure->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(r, 0, sure);
        m_table->setItem(r, 1, new QTableWidgetItem(q(s.taskId)));
        m_table->setItem(r, 2,
                         new QTableWidgetItem(q(s.featureName) + QStringLiteral(" (") +
                                              q(s.featureCode) + QLatin1Char(')')));
        auto* words = new QTableWidgetItem(q(s.mention));
        words->setToolTip(q(s.mention));
        m_table->setItem(r, 3, words);
    }
    m_table->resizeColumnsToContents();
    retranslateUi();
}

void SuggestionsPanel::select(const std::vector<std::int64_t>& ids)
{
    m_table->clearSelection();
    const std::set<std::int64_t> wanted(ids.begin(), ids.end());
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (wanted.contains(m_table->item(r, 0)->data(kIdRole).toLongLong()))
            m_table->selectionModel()->select(m_table->model()->index(r, 0),
                                              QItemSelectionModel::Select |
                                                  QItemSelectionModel::Rows);
}

std::vector<std::int64_t> SuggestionsPanel::selectedIds() const
{
    std::set<std::int64_t> ids;
    for (const auto* item : m_table->selectedItems())
        if (const auto* first = m_table->item(item->row(), 0))
            ids.insert(first->data(kIdRole).toLongLong());
    return {ids.begin(), ids.end()};
}

} // namespace pa::gui
