#include "ExportMapDialog.h"

#include "Text_p.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QThreadPool>
#include <QVBoxLayout>
#include <cmath>

namespace pa::gui {

namespace {

// The dialog's remembered settings (QSettings keys).
const QString kPage = QStringLiteral("export/page");
const QString kOrientation = QStringLiteral("export/orientation");
const QString kDpi = QStringLiteral("export/dpi");
const QString kLang = QStringLiteral("export/language");
const QString kCurrentView = QStringLiteral("export/currentView");
const QString kPath = QStringLiteral("export/path");
const QString kAtlas = QStringLiteral("export/atlas");

/// The preview's box on screen, pixels.
constexpr int kPreviewWidth = 520, kPreviewHeight = 380;

bool isPdf(const QString& path)
{
    return path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive);
}

} // namespace

ExportMapDialog::ExportMapDialog(QWidget* parent, const render::MapOptions& screen,
                                 const QString& lang)
    : QDialog(parent), m_screen(screen)
{
    setWindowTitle(tr("Export map"));
    const QSettings settings;
    auto* root = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    root->addLayout(columns, 1);
    auto* form = new QFormLayout;
    columns->addLayout(form, 0);
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

    m_pages = new QComboBox(this);
    m_pages->addItem(tr("One map"), QString());
    form->addRow(tr("Pages"), m_pages);

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
    // The page as it will print.
    auto* previewColumn = new QVBoxLayout;
    m_previewCaption = new QLabel(tr("Preview of the page as it will print"), this);
    m_previewCaption->setWordWrap(true);
    m_previewLabel = new QLabel(this);
    m_previewLabel->setFixedSize(kPreviewWidth, kPreviewHeight);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setStyleSheet(QStringLiteral("background: #8a8a8a;"));
    previewColumn->addWidget(m_previewCaption);
    previewColumn->addWidget(m_previewLabel);
    previewColumn->addStretch(1);
    columns->addLayout(previewColumn, 1);
    m_previewLabel->hide();
    m_previewCaption->hide();
    m_previewTimer.setSingleShot(true);
    connect(&m_previewTimer, &QTimer::timeout, this, &ExportMapDialog::drawPreview);
    for (QComboBox* box : {m_theme, m_page, m_orientation, m_lang, m_pages})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportMapDialog::schedulePreview);
    connect(m_pages, &QComboBox::currentIndexChanged, this, &ExportMapDialog::pagesChanged);
    connect(m_title, &QLineEdit::textChanged, this, &ExportMapDialog::schedulePreview);
    connect(m_currentView, &QCheckBox::toggled, this, &ExportMapDialog::schedulePreview);

    // Buttons of our own words: Qt resets a standard button's text to its own untranslated one
    // whenever the language changes.
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole)->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportMapDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    root->addWidget(buttons);
    m_confirmReplace = [this](const QString& file) {
        return QMessageBox::question(
                   this, tr("Export map"),
                   tr("%1 already exists. Replace it?").arg(QFileInfo(file).fileName()),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };
}

ExportMapDialog::~ExportMapDialog()
{
    if (m_previewCancel)
        *m_previewCancel = true; // a preview still drawing is not wanted any more
}

void ExportMapDialog::setWorkspace(const QString& workspacePath,
                                   const std::vector<std::pair<QString, QString>>& atlasLayers)
{
    m_workspace = workspacePath;
    const QString remembered = QSettings().value(kAtlas).toString();
    {
        const QSignalBlocker quiet(m_pages);
        for (const auto& [name, title] : atlasLayers) {
            m_pages->addItem(tr("Atlas: a page for each %1").arg(title.toLower()), name);
            if (name == remembered)
                m_pages->setCurrentIndex(m_pages->count() - 1);
        }
    }
    pagesChanged();
    m_previewLabel->show();
    m_previewCaption->show();
    schedulePreview();
}

QString ExportMapDialog::atlasLayer() const
{
    return m_pages->currentData().toString();
}

render::AtlasOptions ExportMapDialog::atlasOptions() const
{
    render::AtlasOptions o;
    o.map = options();
    o.map.extent.reset();
    o.map.title.clear();
    o.layer = atlasLayer().toStdString();
    return o;
}

void ExportMapDialog::pagesChanged()
{
    const bool atlas = !atlasLayer().isEmpty();
    // An atlas makes each page's extent and title itself, and is one PDF.
    m_currentView->setEnabled(!atlas);
    m_title->setEnabled(!atlas);
    if (atlas && !path().isEmpty() && !isPdf(path())) {
        const QFileInfo info(path());
        setPath(info.dir().filePath(info.completeBaseName() + QStringLiteral(".pdf")));
    }
}

void ExportMapDialog::schedulePreview()
{
    if (m_workspace.isEmpty())
        return;
    m_previewCaption->setText(tr("Drawing the preview…"));
    m_previewTimer.start(250); // several changes in a row draw once
}

void ExportMapDialog::drawPreview()
{
    if (m_previewCancel)
        *m_previewCancel = true; // the preview in flight is obsolete
    m_previewCancel = std::make_shared<std::atomic<bool>>(false);
    const std::uint64_t job = ++m_previewJob;
    // The page fitted into the box, drawn at twice the resolution and scaled down smoothly.
    render::MapOptions o = options();
    const double mmPerPixel =
        std::max(o.pageWidthMm / kPreviewWidth, o.pageHeightMm / kPreviewHeight) / 2.0;
    o.dpi = std::max(1, static_cast<int>(std::floor(25.4 / mmPerPixel)));
    const int width = static_cast<int>(std::lround(o.pageWidthMm / 25.4 * o.dpi));
    const int height = static_cast<int>(std::lround(o.pageHeightMm / 25.4 * o.dpi));
    render::AtlasOptions atlas;
    if (!atlasLayer().isEmpty())
        atlas = atlasOptions();
    atlas.map.dpi = o.dpi;
    const QString workspace = m_workspace;
    auto cancel = m_previewCancel;
    QPointer<ExportMapDialog> self(this);
    QThreadPool::globalInstance()->start([=] {
        QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QString error;
        try {
            // Its own connection: GDAL datasets belong to one thread.
            auto ws = layers::Workspace::open(workspace.toStdString(), gis::OpenMode::ReadOnly);
            const layers::Progress progress({}, cancel.get());
            QPainter painter(&image);
            if (atlas.layer.empty())
                (void)render::drawMap(ws, o, painter, QRectF(0, 0, width, height), progress);
            else
                (void)render::drawAtlasPreview(ws, atlas, painter, QRectF(0, 0, width, height),
                                               progress);
        } catch (const layers::Error& e) {
            if (e.kind() == layers::ErrorKind::Cancelled)
                return;
            error = said(e);
        } catch (const std::exception& e) {
            error = said(e);
        }
        const QImage shown =
            image.scaled(width / 2, height / 2, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, job, shown, error] {
                ExportMapDialog* d = self.data();
                if (!d || d->m_previewJob != job)
                    return; // closed, or a newer preview is coming
                d->m_previewError = error;
                if (error.isEmpty()) {
                    d->m_previewImage = shown;
                    d->m_previewLabel->setPixmap(QPixmap::fromImage(shown));
                    d->m_previewCaption->setText(
                        d->atlasLayer().isEmpty()
                            ? tr("Preview of the page as it will print")
                            : tr("Preview of the atlas's first page as it will print"));
                } else {
                    d->m_previewLabel->clear();
                    d->m_previewCaption->setText(tr("The preview cannot be drawn: %1").arg(error));
                }
                emit d->previewDrawn();
            },
            Qt::QueuedConnection);
    });
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
    pagesChanged(); // an atlas is a PDF whatever name was typed
    if (QFileInfo::exists(path()) && !m_confirmReplace(path()))
        return; // the planner chooses another name
    QSettings settings;
    settings.setValue(kAtlas, atlasLayer());
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
