#pragma once
// The plan browser: documents → sections → tasks, each task with its lead agency and how many
// features carry it (or why it has none). Filters by document, by agency (an agency merged in
// 2025 brings its predecessors' tasks along), by words (without diacritics as well as with),
// and to the tasks without a place. Choosing a task or an agency shows its footprint on the map.

#include "planatlas/layers/plan/Browse.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace pa::gui {

class PlanBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit PlanBrowser(QWidget* parent = nullptr);

    void setPlan(plan::PlanOverview plan);
    /// "vi" or "en": the names of kinds in the theme filter.
    void setLanguage(const std::string& lang);
    void clear();

    /// Filters; empty shows all. The agency is given by name.
    void setDocumentFilter(const QString& docId);
    void setAgencyFilter(const QString& agency);
    void setSearch(const QString& words);
    void setOnlyUnlocated(bool only);
    /// Tasks whose deadline ends before @p date (ISO or "30/6/2026"); empty for all. False
    /// (and the filter unchanged) when it is not a date.
    bool setDueBefore(const QString& date);
    /// Tasks linked to features of @p kind (e.g. "agri_zone"); empty for all.
    void setThemeFilter(const QString& kind);
    /// Selects and shows a task (e.g. followed from the identify panel); false if unknown.
    bool selectTask(const QString& taskId);

    /// Tasks @p agency leads, with those its predecessors led before the 2025 mergers.
    [[nodiscard]] QStringList tasksLedBy(const QString& agency) const;
    [[nodiscard]] int visibleTasks() const;
    [[nodiscard]] QStringList visibleTaskIds() const;
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    /// What the details pane and the count line say (tests, screen readers).
    [[nodiscard]] QString detailsText() const;
    [[nodiscard]] QString countText() const;

signals:
    /// A task was chosen; empty when the chosen one was hidden by the filters.
    void taskChosen(const QString& taskId);
    /// The agency filter changed to @p agency (its name); empty when cleared.
    void agencyChosen(const QString& agency);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fill();
    void applyFilters();
    void showDetails(const QString& taskId);
    [[nodiscard]] QTreeWidgetItem* item(const QString& taskId) const;

    plan::PlanOverview m_plan;
    std::string m_lang = "vi";
    QComboBox* m_documents = nullptr;
    QComboBox* m_agencies = nullptr;
    QComboBox* m_themes = nullptr;
    QLineEdit* m_search = nullptr;
    QCheckBox* m_unlocated = nullptr;
    QLineEdit* m_dueBefore =
        nullptr; ///< a date: only tasks due before it (overdue then if not done)
    QTreeWidget* m_tree = nullptr;
    QTextBrowser* m_details = nullptr;
    QLabel* m_count = nullptr;
    bool m_filling = false;
};

} // namespace pa::gui
