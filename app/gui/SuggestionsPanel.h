#pragma once
// Suggested links to review: the places a task names, matched against the workspace's features
// (with the words that name them and how sure the match is). Choosing one shows the feature
// on the map; Accept makes the link, Reject keeps it from being offered again; each decision is
// one undoable step (MainWindow pushes it).

#include "planatlas/layers/plan/Links.h"

#include <QWidget>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pa::gui {

class SuggestionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SuggestionsPanel(QWidget* parent = nullptr);

    /// The pending suggestions, best first.
    void setSuggestions(std::vector<plan::LinkSuggestion> pending);
    [[nodiscard]] const std::vector<plan::LinkSuggestion>& suggestions() const { return m_pending; }
    /// Selects rows by suggestion id (tests and keyboard users).
    void select(const std::vector<std::int64_t>& ids);
    [[nodiscard]] std::vector<std::int64_t> selectedIds() const;
    [[nodiscard]] QTableWidget* table() const { return m_table; }

signals:
    void decided(const std::vector<std::int64_t>& ids, bool accept);
    void suggestAgainRequested();
    void featureChosen(const QString& featureCode);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::vector<plan::LinkSuggestion> m_pending;
    QTableWidget* m_table = nullptr;
    QPushButton *m_accept = nullptr, *m_reject = nullptr, *m_again = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace pa::gui
