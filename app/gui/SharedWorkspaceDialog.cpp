#include "SharedWorkspaceDialog.h"

#include "MainWindow.h"
#include "planatlas/layers/Access.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pa::gui {

SharedWorkspaceDialog::SharedWorkspaceDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Open a shared workspace"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("A workspace in a PostGIS database, shared by the department's planners. The "
           "database is named by its service (pg_service.conf); its password is kept in the "
           "password file (.pgpass), never typed here."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_service = new QComboBox(this);
    m_service->setEditable(true);
    for (const auto& name : layers::serviceNames())
        m_service->addItem(QString::fromStdString(name));
    form->addRow(tr("Database (service)"), m_service);
    auto* list = new QPushButton(tr("List its workspaces"), this);
    form->addRow(QString(), list);
    m_workspace = new QComboBox(this);
    form->addRow(tr("Workspace"), m_workspace);
    layout->addLayout(form);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Open)->setText(tr("Open"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(list, &QPushButton::clicked, this,
            [this] { listWorkspaces(m_service->currentText().trimmed()); });
    connect(m_service, &QComboBox::activated, this,
            [this] { listWorkspaces(m_service->currentText().trimmed()); });
    if (m_service->count() == 0)
        m_status->setText(tr("No service is defined for you yet: your database administrator "
                             "adds one to pg_service.conf."));
    resize(520, sizeHint().height());
}

bool SharedWorkspaceDialog::listWorkspaces(const QString& service)
{
    m_workspace->clear();
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(false);
    if (service.isEmpty()) {
        m_status->setText(tr("Choose or type the name of a service."));
        return false;
    }
    std::vector<layers::SharedWorkspace> found;
    try {
        found = layers::sharedWorkspaces(service.toStdString());
    } catch (const std::exception& e) {
        // The engine says which service and why (not defined, no answer, no password …).
        m_status->setText(MainWindow::errorText(e));
        return false;
    }
    if (found.empty()) {
        m_status->setText(tr("The database of service %1 holds no workspace you may read; its "
                             "owner gives you the right.")
                              .arg(service));
        return false;
    }
    for (const auto& ws : found) {
        const QString schema = QString::fromStdString(ws.schema);
        const QString province = ws.province.empty() ? schema : QString::fromStdString(ws.province);
        m_workspace->addItem(tr("%1 (%2) — %3")
                                 .arg(province, schema,
                                      ws.editable ? tr("you may edit its links") : tr("read only")),
                             QString::fromStdString(layers::sharedWorkspaceConnection(
                                 service.toStdString(), ws.schema)));
    }
    m_status->setText(tr("%n workspace(s) you may read.", nullptr, static_cast<int>(found.size())));
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(true);
    return true;
}

QString SharedWorkspaceDialog::status() const
{
    return m_status->text();
}

QString SharedWorkspaceDialog::connection() const
{
    return m_workspace->currentData().toString();
}

} // namespace pa::gui
