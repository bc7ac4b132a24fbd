#include "ExportMapDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace pa::gui {

ExportMapDialog::ExportMapDialog(QWidget* parent, const gis::Envelope& view,
                                 const std::string& highlight, const QString& lang)
    : QDialog(parent), m_view(view), m_highlight(highlight)
{
    setWindowTitle(tr("Export map"));
    auto* form = new QFormLayout(this);
    auto* pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    auto* browse = new QPushButton(tr("Choose…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen =
            QFileDialog::getSaveFileName(this, tr("Export map"), m_path->text(),
                                         tr("PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)"));
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    form->addRow(tr("File"), pathRow);
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Programme"), QStringLiteral("programme"));
    m_theme->addItem(tr("Coverage of districts by industrial parks"), QStringLiteral("coverage"));
    m_theme->addItem(tr("Land price"), QStringLiteral("landprice"));
    m_theme->addItem(tr("Expressway corridor (5 km)"), QStringLiteral("corridor"));
    if (!highlight.empty())
        m_theme->addItem(tr("What is highlighted now"), QStringLiteral("agency"));
    m_theme->setCurrentIndex(highlight.empty() ? 0 : m_theme->count() - 1);
    form->addRow(tr("Theme"), m_theme);
    m_page = new QComboBox(this);
    m_page->addItem(QStringLiteral("A4"));
    m_page->addItem(QStringLiteral("A3"));
    form->addRow(tr("Page"), m_page);
    m_orientation = new QComboBox(this);
    m_orientation->addItem(tr("Landscape"), QStringLiteral("landscape"));
    m_orientation->addItem(tr("Portrait"), QStringLiteral("portrait"));
    form->addRow(tr("Orientation"), m_orientation);
    m_dpi = new QSpinBox(this);
    m_dpi->setRange(72, 600);
    m_dpi->setValue(300);
    m_dpi->setSuffix(QStringLiteral(" dpi"));
    form->addRow(tr("Resolution"), m_dpi);
    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("(from the theme and province)"));
    form->addRow(tr("Title"), m_title);
    m_lang = new QComboBox(this);
    m_lang->addItem(QStringLiteral("Tiếng Việt"), QStringLiteral("vi"));
    m_lang->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_lang->setCurrentIndex(lang == QStringLiteral("en") ? 1 : 0);
    form->addRow(tr("Language"), m_lang);
    m_currentView = new QCheckBox(tr("The current view (otherwise the whole province)"), this);
    m_currentView->setChecked(true);
    form->addRow(QString(), m_currentView);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setText(tr("Cancel")); // Qt's own words are not translated here
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QString ExportMapDialog::path() const
{
    return m_path->text();
}

void ExportMapDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

render::MapOptions ExportMapDialog::options() const
{
    render::MapOptions o;
    o.theme = render::parseTheme(m_theme->currentData().toString().toStdString())
                  .value_or(render::Theme::Programme);
    if (o.theme == render::Theme::Agency)
        o.highlight = m_highlight;
    const bool a3 = m_page->currentText() == QStringLiteral("A3");
    double w = a3 ? 420 : 297, h = a3 ? 297 : 210;
    if (m_orientation->currentData().toString() == QStringLiteral("portrait"))
        std::swap(w, h);
    o.pageWidthMm = w;
    o.pageHeightMm = h;
    o.dpi = m_dpi->value();
    o.title = m_title->text().toStdString();
    o.lang = m_lang->currentData().toString().toStdString();
    if (m_currentView->isChecked())
        o.extent = m_view;
    return o;
}

} // namespace pa::gui
