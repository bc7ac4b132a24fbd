#pragma once
// Suggested links to review, in groups: the features one task concerns by one rule (a place it
// names, or a kind it names in general: "các khu, cụm công nghiệp" → 11 parks), with the
// evidence and how sure the suggestion is. Choosing a feature shows it on the map; choosing a
// group chooses all its features. Accept makes the links, Reject keeps them from being offered
// again; each decision, for one feature or a whole group, is one undoable step (MainWindow
// pushes it).

#include "planatlas/layers/plan/Links.h"

#include <QWidget>
#include <vector>

class QLabel;
class QMenu;
class QPushButton;
class QToolButton;
class QTreeWidget;

namespace pa::gui {

class SuggestionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SuggestionsPanel(QWidget* parent = nullptr);

    /// The pending suggestions, best first.
    void setSuggestions(std::vector<plan::LinkSuggestion> pending);
    /// The tasks with neither link nor suggestion, each with the reason suggested for having no
    /// place: listed after the groups; Accept on them records them so, with that reason, and
    /// "Another reason" with a class chosen from its menu.
    void setReasons(std::vector<plan::ReasonProposal> proposals);
    /// "en": reasons in English; otherwise in Vietnamese.
    void setLanguage(const std::string& lang);
    [[nodiscard]] const std::vector<plan::ReasonProposal>& reasons() const { return m_reasons; }
    /// Selects the tasks without a place at these indexes of reasons() (all with @p all).
    void selectReasons(const std::vector<int>& indexes, bool all = false);
    /// The tasks of the chosen reason rows (the heading row stands for all of them).
    [[nodiscard]] std::vector<std::string> selectedReasonTasks() const;
    [[nodiscard]] const std::vector<plan::LinkSuggestion>& suggestions() const { return m_pending; }
    /// Selects features by suggestion id (tests and keyboard users).
    void select(const std::vector<std::int64_t>& ids);
    /// Selects the group at @p index (in the order shown), that is all its features.
    void selectGroup(int index);
    /// The ids of the selected features, a selected group standing for all of its own.
    [[nodiscard]] std::vector<std::int64_t> selectedIds() const;
    [[nodiscard]] const std::vector<plan::SuggestionGroup>& groups() const { return m_groups; }
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }

signals:
    void decided(const std::vector<std::int64_t>& ids, bool accept);
    void reasonsConfirmed(const std::vector<std::string>& taskIds);
    /// The chosen tasks without a place are to be recorded with another reason than the one
    /// suggested: the class @p reasonId.
    void reasonsGiven(const std::vector<std::string>& taskIds, const std::string& reasonId);
    void suggestAgainRequested();
    void featureChosen(const QString& featureCode);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void rebuild();

    std::vector<plan::LinkSuggestion> m_pending;
    std::vector<plan::SuggestionGroup> m_groups;
    std::vector<plan::ReasonProposal> m_reasons;
    bool m_english = false;
    QTreeWidget* m_tree = nullptr;
    QPushButton *m_accept = nullptr, *m_reject = nullptr, *m_again = nullptr;
    QToolButton* m_otherReason = nullptr; ///< records the chosen tasks with a reason of the menu
    QMenu* m_reasonMenu = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace pa::gui
