#pragma once
// The document view: a plan document's text as the reader read it, each task's words
// highlighted where they stand (the chosen one stronger), and beside it the chosen task's lead
// and supporting agencies and deadline, editable in place, with "split here", "merge with the
// next task" and "not a task". What the planner changes is kept as a correction of the
// reader's output (plan::correctTask), applied again whenever the document is read again.

#include "planatlas/layers/plan/Browse.h"

#include <QWidget>
#include <functional>
#include <string>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace pa::gui {

class DocumentView : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentView(QWidget* parent = nullptr);

    /// Shows document @p document with its text @p text (empty: stored without it, said).
    void setDocument(const plan::StoredDocument& document, const std::string& text);
    void clear();
    /// Highlights and scrolls to task @p taskId ("doc:III.2#3") and fills the form with it;
    /// false when the document shown has no such task.
    bool chooseTask(const QString& taskId);
    [[nodiscard]] const QString& chosenTask() const { return m_chosen; }
    [[nodiscard]] const std::string& documentId() const { return m_document.docId; }
    /// Tasks whose words were found in the text / all tasks of the document.
    [[nodiscard]] std::pair<int, int> located() const;
    [[nodiscard]] QTextBrowser* text() const { return m_text; }
    [[nodiscard]] QLineEdit* leadEdit() const { return m_lead; }
    [[nodiscard]] QLineEdit* supportEdit() const { return m_support; }
    [[nodiscard]] QLineEdit* deadlineEdit() const { return m_deadline; }

    /// What the buttons ask: the window records it (plan::correctTask) and shows the document
    /// again. @p action "edit" (@p field lead, support or deadline), "split" (@p value: the
    /// words where the second task begins, the text selected), "merge" (@p value: the next
    /// task's id within the document) or "drop".
    using Corrector = std::function<bool(const std::string& docId, const std::string& taskId,
                                         const std::string& action, const std::string& field,
                                         const std::string& value)>;
    void setCorrector(Corrector corrector) { m_correct = std::move(corrector); }

    /// Saves the form's changes (each changed field one correction); false when nothing
    /// changed or the window refused.
    bool saveEdits();
    /// Splits the chosen task where the words selected in the text begin.
    bool splitAtSelection();
    bool mergeWithNext();
    bool dropTask();

signals:
    /// A task was clicked in the text.
    void taskChosen(const QString& taskId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void clearForm(); ///< no task chosen
    void render();
    [[nodiscard]] const plan::StoredTask* chosen() const;
    [[nodiscard]] std::string localId() const; ///< the chosen task's id within its document

    plan::StoredDocument m_document;
    std::string m_source;
    std::vector<std::optional<std::pair<std::size_t, std::size_t>>> m_spans;
    QString m_chosen;
    Corrector m_correct;
    QLabel* m_title = nullptr;
    QTextBrowser* m_text = nullptr;
    QLabel* m_task = nullptr;
    QLabel *m_leadLabel = nullptr, *m_supportLabel = nullptr, *m_deadlineLabel = nullptr;
    QLineEdit *m_lead = nullptr, *m_support = nullptr, *m_deadline = nullptr;
    QPushButton *m_save = nullptr, *m_split = nullptr, *m_merge = nullptr, *m_drop = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace pa::gui
