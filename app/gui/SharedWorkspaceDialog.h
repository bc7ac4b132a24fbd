#pragma once
// Open a workspace kept in PostGIS, shared by a department's planners: the database is chosen
// by its libpq service name (pg_service.conf; the password stays in ~/.pgpass, never typed
// here), then one of the province workspaces this role may read, each said with its province
// and whether this role may change it.

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace pa::gui {

class SharedWorkspaceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SharedWorkspaceDialog(QWidget* parent);

    /// Lists the workspaces of the service (also what choosing a service does); false, with
    /// the reason shown, when the database cannot be reached or holds none this role may read.
    bool listWorkspaces(const QString& service);
    QComboBox* serviceChoice() const { return m_service; }
    QComboBox* workspaceChoice() const { return m_workspace; }
    /// What the dialog shows under the choices: how many workspaces, or why none.
    [[nodiscard]] QString status() const;
    /// The chosen workspace as PlanAtlas names it ("PG:service=… active_schema=…"); empty
    /// when none is chosen.
    [[nodiscard]] QString connection() const;

private:
    QComboBox* m_service = nullptr;
    QComboBox* m_workspace = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace pa::gui
