#include "ExportMapDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace pa::gui {

namespace {

// The dialog's remembered settings (QSettings keys).
const QString kPage = QStringLiteral("export/page");
const QString kOrientation = QStringLiteral("export/orientation");
const QString kDpi = QStringLiteral("export/dpi");
const QString kLang = QStringLiteral("export/language");
const QString kCurrentView = QStringLiteral("export/currentView");
const QString kPath = QStringLiteral("export/path");

} // namespace

ExportMapDialog::ExportMapDialog(QWidget* parent, const render::MapOptions& screen,
                                 const QString& lang)
    : QDialog(parent), m_screen(screen)
{
    setWindowTitle(tr("Export map"));
    const QSettings settings;
    auto* form = new QFormLayout(this);
    auto* pathRow = new QHBoxLayout;
    m_path = new QLineEdit(settings.value(kPath).toString(), this);
    auto* browse = new QPushButton(tr("Choose…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        // The file dialog asks itself before replacing a file; accept() need not ask again.
        const QString chosen =
            QFileDialog::getSaveFileName(this, tr("Export map"), m_path->text(),
                                         tr("PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)"));
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    form->addRow(tr("File"), pathRow);

    // The theme on screen first, with its own parameters; the others as alternatives.
    const QLocale numbers(lang == QStringLiteral("en") ? QLocale::English : QLocale::Vietnamese);
    const QString corridor =
        tr("Expressway corridor (%1 km)").arg(numbers.toString(screen.corridorKm, 'g', 4));
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Programme"), QStringLiteral("programme"));
    m_theme->addItem(tr("Coverage of districts by industrial parks"), QStringLiteral("coverage"));
    m_theme->addItem(tr("Land price"), QStringLiteral("landprice"));
    m_theme->addItem(corridor, QStringLiteral("corridor"));
    if (!screen.highlight.empty())
        m_theme->addItem(tr("What is highlighted now"), QStringLiteral("agency"));
    const int onScreen =
        screen.theme == render::Theme::Agency && !screen.highlight.empty()
            ? m_theme->count() - 1
            : static_cast<int>(screen.theme == render::Theme::Agency ? render::Theme::Programme
                                                                     : screen.theme);
    m_theme->setItemText(onScreen, m_theme->itemText(onScreen) + tr(" — as on screen"));
    m_theme->setCurrentIndex(onScreen);
    form->addRow(tr("Theme"), m_theme);

    m_page = new QComboBox(this);
    m_page->addItem(QStringLiteral("A4"));
    m_page->addItem(QStringLiteral("A3"));
    m_page->setCurrentText(settings.value(kPage, QStringLiteral("A4")).toString());
    form->addRow(tr("Page"), m_page);
    m_orientation = new QComboBox(this);
    m_orientation->addItem(tr("Landscape"), QStringLiteral("landscape"));
    m_orientation->addItem(tr("Portrait"), QStringLiteral("portrait"));
    m_orientation->setCurrentIndex(
        settings.value(kOrientation).toString() == QStringLiteral("portrait") ? 1 : 0);
    form->addRow(tr("Orientation"), m_orientation);
    m_dpi = new QSpinBox(this);
    m_dpi->setRange(72, 600);
    m_dpi->setValue(settings.value(kDpi, 300).toInt());
    m_dpi->setSuffix(QStringLiteral(" dpi"));
    form->addRow(tr("Resolution"), m_dpi);
    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("(from the theme and province)"));
    form->addRow(tr("Title"), m_title);
    m_lang = new QComboBox(this);
    m_lang->addItem(QStringLiteral("Tiếng Việt"), QStringLiteral("vi"));
    m_lang->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_lang->setCurrentIndex(settings.value(kLang, lang).toString() == QStringLiteral("en") ? 1 : 0);
    form->addRow(tr("Language"), m_lang);
    m_currentView = new QCheckBox(tr("The current view (otherwise the whole province)"), this);
    m_currentView->setChecked(settings.value(kCurrentView, true).toBool());
    form->addRow(QString(), m_currentView);
    auto* note =
        new QLabel(tr("The map shows the layers visible on screen, with their opacity."), this);
    note->setWordWrap(true);
    form->addRow(QString(), note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setText(tr("Cancel")); // Qt's own words are not translated here
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportMapDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    m_confirmReplace = [this](const QString& file) {
        return QMessageBox::question(
                   this, tr("Export map"),
                   tr("%1 already exists. Replace it?").arg(QFileInfo(file).fileName()),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };
}

QString ExportMapDialog::path() const
{
    return m_path->text();
}

void ExportMapDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

void ExportMapDialog::setConfirmReplace(std::function<bool(const QString&)> confirm)
{
    m_confirmReplace = std::move(confirm);
}

void ExportMapDialog::accept()
{
    if (QFileInfo::exists(path()) && !m_confirmReplace(path()))
        return; // the planner chooses another name
    QSettings settings;
    settings.setValue(kPage, m_page->currentText());
    settings.setValue(kOrientation, m_orientation->currentData());
    settings.setValue(kDpi, m_dpi->value());
    settings.setValue(kLang, m_lang->currentData());
    settings.setValue(kCurrentView, m_currentView->isChecked());
    settings.setValue(kPath, path());
    QDialog::accept();
}

render::MapOptions ExportMapDialog::options() const
{
    // What the screen shows: its layers, opacities and the theme's parameters.
    render::MapOptions o = m_screen;
    o.furniture = true;
    o.prepared.reset();
    o.pixelSize.reset();
    o.theme = render::parseTheme(m_theme->currentData().toString().toStdString())
                  .value_or(render::Theme::Programme);
    if (o.theme != render::Theme::Agency)
        o.highlight.clear();
    const bool a3 = m_page->currentText() == QStringLiteral("A3");
    double w = a3 ? 420 : 297, h = a3 ? 297 : 210;
    if (m_orientation->currentData().toString() == QStringLiteral("portrait"))
        std::swap(w, h);
    o.pageWidthMm = w;
    o.pageHeightMm = h;
    o.dpi = m_dpi->value();
    o.title = m_title->text().toStdString();
    o.lang = m_lang->currentData().toString().toStdString();
    if (!m_currentView->isChecked())
        o.extent.reset();
    return o;
}

} // namespace pa::gui
