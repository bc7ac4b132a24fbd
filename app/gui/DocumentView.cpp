#include "DocumentView.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace pa::gui {

namespace {

QString joinedNames(const std::vector<std::string>& names)
{
    QStringList out;
    for (const auto& n : names)
        out << QString::fromStdString(n);
    return out.join(QStringLiteral("; "));
}

} // namespace

DocumentView::DocumentView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_text = new QTextBrowser(this);
    m_text->setOpenLinks(false);
    layout->addWidget(m_text, 1);
    connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() != QStringLiteral("task"))
            return;
        bool ok = false;
        const auto i = url.path().toULongLong(&ok);
        if (!ok || i >= m_document.tasks.size())
            return;
        const QString id = QString::fromStdString(m_document.tasks[i].taskId);
        chooseTask(id);
        emit taskChosen(id);
    });
    m_task = new QLabel(this);
    m_task->setWordWrap(true);
    layout->addWidget(m_task);
    auto* form = new QFormLayout;
    for (auto [label, edit] :
         {std::pair{&m_leadLabel, &m_lead}, std::pair{&m_supportLabel, &m_support},
          std::pair{&m_deadlineLabel, &m_deadline}}) {
        *label = new QLabel(this);
        *edit = new QLineEdit(this);
        form->addRow(*label, *edit);
    }
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    for (auto** b : {&m_save, &m_split, &m_merge, &m_drop}) {
        *b = new QPushButton(this);
        buttons->addWidget(*b);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    connect(m_save, &QPushButton::clicked, this, [this] { saveEdits(); });
    connect(m_split, &QPushButton::clicked, this, [this] { splitAtSelection(); });
    connect(m_merge, &QPushButton::clicked, this, [this] { mergeWithNext(); });
    connect(m_drop, &QPushButton::clicked, this, [this] { dropTask(); });
    retranslateUi();
    clear();
}

void DocumentView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DocumentView::retranslateUi()
{
    m_leadLabel->setText(tr("Lead"));
    m_supportLabel->setText(tr("Support"));
    m_deadlineLabel->setText(tr("Deadline"));
    m_lead->setPlaceholderText(tr("agencies separated by ;"));
    m_support->setPlaceholderText(tr("agencies separated by ;"));
    m_save->setText(tr("Save"));
    m_split->setText(tr("Split at the selected words"));
    m_merge->setText(tr("Merge with the next task"));
    m_drop->setText(tr("Not a task"));
    m_hint->setText(tr("Click a highlighted task in the text to choose it. Changes are kept as "
                       "corrections of the reader's output and applied again whenever the "
                       "document is read again; Edit → Undo takes one back."));
    if (m_document.docId.empty())
        m_title->setText(tr("Choose a task in the plan browser to see its document."));
}

void DocumentView::clearForm()
{
    m_chosen.clear();
    m_task->clear();
    for (auto* e : {m_lead, m_support, m_deadline})
        e->clear();
    for (auto* w : std::initializer_list<QWidget*>{m_lead, m_support, m_deadline, m_save, m_split,
                                                   m_merge, m_drop})
        w->setEnabled(false);
}

void DocumentView::clear()
{
    m_document = {};
    m_source.clear();
    m_spans.clear();
    m_text->clear();
    clearForm();
    retranslateUi();
}

void DocumentView::setDocument(const plan::StoredDocument& document, const std::string& text)
{
    m_document = document;
    m_source = text;
    std::vector<std::string> texts;
    for (const auto& t : document.tasks)
        texts.push_back(t.text);
    m_spans = plan::taskSpans(m_source, texts);
    clearForm();
    QString title =
        QString::fromStdString(document.title.empty() ? document.docId : document.title);
    if (!document.number.empty())
        title +=
            QStringLiteral(" (") + QString::fromStdString(document.number) + QStringLiteral(")");
    const auto [found, all] = located();
    title += QStringLiteral(" — ") + tr("%1 of %2 tasks found in the text").arg(found).arg(all);
    m_title->setText(title);
    render();
}

std::pair<int, int> DocumentView::located() const
{
    int found = 0;
    for (const auto& s : m_spans)
        found += s ? 1 : 0;
    return {found, static_cast<int>(m_spans.size())};
}

void DocumentView::render()
{
    if (m_source.empty()) {
        m_text->setPlainText(tr("The workspace keeps no text of this document (it was stored "
                                "before PlanAtlas kept texts): ingest it again to see it here."));
        return;
    }
    QString html = QStringLiteral("<div style=\"white-space: pre-wrap;\">");
    std::size_t at = 0;
    auto piece = [&](std::size_t from, std::size_t to) {
        return QString::fromStdString(m_source.substr(from, to - from)).toHtmlEscaped();
    };
    for (std::size_t i = 0; i < m_spans.size(); ++i) {
        if (!m_spans[i] || m_spans[i]->first < at)
            continue;
        const auto [begin, end] = *m_spans[i];
        const bool chosen = QString::fromStdString(m_document.tasks[i].taskId) == m_chosen;
        html += piece(at, begin);
        html += QStringLiteral("<a name=\"t%1\" href=\"task:%1\" style=\"color:#202020; "
                               "text-decoration:none; background-color:%2;\">")
                    .arg(i)
                    .arg(chosen ? QStringLiteral("#ffc107") : QStringLiteral("#fff3c4"));
        html += piece(begin, end) + QStringLiteral("</a>");
        at = end;
    }
    html += piece(at, m_source.size()) + QStringLiteral("</div>");
    const int scroll = m_text->verticalScrollBar() ? m_text->verticalScrollBar()->value() : 0;
    m_text->setHtml(html);
    m_text->verticalScrollBar()->setValue(scroll);
}

const plan::StoredTask* DocumentView::chosen() const
{
    for (const auto& t : m_document.tasks)
        if (QString::fromStdString(t.taskId) == m_chosen)
            return &t;
    return nullptr;
}

std::string DocumentView::localId() const
{
    const std::string id = m_chosen.toStdString();
    const auto colon = id.find(':');
    return colon == std::string::npos ? id : id.substr(colon + 1);
}

bool DocumentView::chooseTask(const QString& taskId)
{
    std::size_t index = m_document.tasks.size();
    for (std::size_t i = 0; i < m_document.tasks.size(); ++i)
        if (QString::fromStdString(m_document.tasks[i].taskId) == taskId)
            index = i;
    if (index == m_document.tasks.size())
        return false;
    m_chosen = taskId;
    const auto& t = m_document.tasks[index];
    QString what = QStringLiteral("<b>%1</b>").arg(taskId.toHtmlEscaped());
    if (!t.section.empty())
        what += QStringLiteral(" · ") + QString::fromStdString(t.section).toHtmlEscaped();
    if (index < m_spans.size() && !m_spans[index])
        what += QStringLiteral("<br>") +
                tr("Its words are not found in the text (rewritten by a correction?).");
    m_task->setText(what);
    m_lead->setText(joinedNames(t.lead));
    m_support->setText(joinedNames(t.support));
    m_deadline->setText(QString::fromStdString(t.deadlineText));
    for (auto* w :
         std::initializer_list<QWidget*>{m_lead, m_support, m_deadline, m_save, m_split, m_drop})
        w->setEnabled(true);
    m_merge->setEnabled(index + 1 < m_document.tasks.size());
    render();
    if (index < m_spans.size() && m_spans[index])
        m_text->scrollToAnchor(QStringLiteral("t%1").arg(index));
    return true;
}

bool DocumentView::saveEdits()
{
    const auto* t = chosen();
    if (!t || !m_correct)
        return false;
    const std::pair<const char*, std::pair<QString, QString>> fields[] = {
        {"lead", {m_lead->text().trimmed(), joinedNames(t->lead)}},
        {"support", {m_support->text().trimmed(), joinedNames(t->support)}},
        {"deadline", {m_deadline->text().trimmed(), QString::fromStdString(t->deadlineText)}}};
    bool changed = false;
    const std::string doc = m_document.docId, id = localId();
    for (const auto& [field, values] : fields) {
        if (values.first == values.second)
            continue;
        if (!m_correct(doc, id, "edit", field, values.first.toStdString()))
            return false;
        changed = true;
    }
    return changed;
}

bool DocumentView::splitAtSelection()
{
    if (!chosen() || !m_correct)
        return false;
    QString words = m_text->textCursor().selectedText();
    words.replace(QChar::ParagraphSeparator, QLatin1Char(' '));
    words = words.simplified();
    if (words.isEmpty()) {
        m_hint->setText(tr("Select in the text the words where the second task begins, then "
                           "split."));
        return false;
    }
    return m_correct(m_document.docId, localId(), "split", "", words.toStdString());
}

bool DocumentView::mergeWithNext()
{
    if (!chosen() || !m_correct)
        return false;
    for (std::size_t i = 0; i + 1 < m_document.tasks.size(); ++i)
        if (QString::fromStdString(m_document.tasks[i].taskId) == m_chosen) {
            const std::string next = m_document.tasks[i + 1].taskId;
            const auto colon = next.find(':');
            return m_correct(m_document.docId, localId(), "merge", "",
                             colon == std::string::npos ? next : next.substr(colon + 1));
        }
    return false;
}

bool DocumentView::dropTask()
{
    if (!chosen() || !m_correct)
        return false;
    return m_correct(m_document.docId, localId(), "drop", "", "");
}

} // namespace pa::gui
