#include "ImportDialog.h"

#include "Background_p.h"
#include "MainWindow.h"
#include "Text_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Qgis.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pa::gui {

ImportDialog::ImportDialog(QWidget* parent, const QString& workspacePath, const QString& lang)
    : QDialog(parent), m_workspace(workspacePath), m_lang(lang)
{
    setWindowTitle(tr("Add a layer"));
    resize(620, 640);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);
    auto* pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setReadOnly(true);
    auto* browse = new QPushButton(tr("Choose…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("File"), pathRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Add a layer"), QString(),
                                         tr("GIS files (*.shp *.zip *.gpkg *.geojson *.json *.kml "
                                            "*.kmz *.csv *.fgb *.gml);;All files (*)"));
        if (!path.isEmpty())
            setSource(path);
    });
    m_sourceLayer = new QComboBox(this);
    form->addRow(tr("Layer of the file"), m_sourceLayer);
    connect(m_sourceLayer, &QComboBox::currentIndexChanged, this,
            [this] { setSource(m_path->text()); });
    m_kind = new QComboBox(this);
    for (const auto& kind : layers::layerKinds())
        m_kind->addItem(q(std::string(lang == QStringLiteral("en") ? kind.titleEn : kind.titleVi)),
                        q(std::string(kind.id)));
    form->addRow(tr("Kind"), m_kind);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportDialog::fillAttributes);
    // A kind the person chose is kept; until then it follows the file's name.
    connect(m_kind, &QComboBox::activated, this, [this] { m_kindChosen = true; });
    m_layerName = new QLineEdit(this);
    m_layerName->setPlaceholderText(tr("(from the file's name)"));
    form->addRow(tr("Name in the workspace"), m_layerName);
    m_crs = new QComboBox(this);
    m_crs->setEditable(true);
    m_crs->addItem(tr("As the file declares"), QString());
    m_crs->addItem(tr("EPSG:9213 — VN-2000 / TM-3 106°30′ (Thái Nguyên)"),
                   QStringLiteral("EPSG:9213"));
    m_crs->addItem(tr("EPSG:5897 — VN-2000 / TM-3 105° (Thanh Hóa)"), QStringLiteral("EPSG:5897"));
    m_crs->addItem(tr("EPSG:3405 — VN-2000 / UTM zone 48N"), QStringLiteral("EPSG:3405"));
    m_crs->addItem(tr("EPSG:4326 — WGS 84 longitude/latitude"), QStringLiteral("EPSG:4326"));
    m_crs->addItem(tr("EPSG:32648 — WGS 84 / UTM zone 48N"), QStringLiteral("EPSG:32648"));
    m_crs->setToolTip(
        tr("Only for a file without a CRS, or one whose CRS is wrong; never guessed"));
    form->addRow(tr("Coordinate system"), m_crs);
    m_encoding = new QComboBox(this);
    m_encoding->addItem(tr("Unicode, or as the file declares"), QString());
    m_encoding->addItem(tr("TCVN3 (ABC, .Vn fonts)"), QStringLiteral("tcvn3"));
    m_encoding->addItem(tr("VNI-Windows"), QStringLiteral("vni"));
    m_encoding->addItem(tr("Windows-1258"), QStringLiteral("cp1258"));
    form->addRow(tr("Text encoding"), m_encoding);
    m_code = new QComboBox(this);
    form->addRow(tr("Column with codes"), m_code);
    m_quality = new QComboBox(this);
    m_quality->addItem(tr("digitized"), QStringLiteral("digitized"));
    m_quality->addItem(tr("surveyed"), QStringLiteral("surveyed"));
    m_quality->addItem(tr("indicative (positions from descriptions)"),
                       QStringLiteral("indicative"));
    // Shapes traced over a map sheet of the workspace (in QGIS, say) say which one.
    try {
        auto ws = layers::Workspace::open(workspacePath.toStdString(), gis::OpenMode::ReadOnly);
        for (const auto& sheet : layers::rasterLayers(ws))
            m_quality->addItem(
                tr("digitized, traced over the map sheet %1")
                    .arg(q(lang == QStringLiteral("en")
                               ? sheet.titleEn.empty() ? sheet.titleVi : sheet.titleEn
                               : sheet.titleVi)),
                QStringLiteral("sheet:") + q(sheet.name));
    } catch (const std::exception&) {
        // No sheet to offer: the import says what is wrong with the workspace.
    }
    form->addRow(tr("Geometry"), m_quality);
    m_source = new QLineEdit(this);
    form->addRow(tr("Source"), m_source);
    m_licence = new QLineEdit(this);
    m_licence->setPlaceholderText(tr("e.g. CC BY 4.0; every layer keeps its licence"));
    form->addRow(tr("Licence"), m_licence);
    m_fields = new QTableWidget(this);
    m_fields->setColumnCount(2);
    m_fields->setHorizontalHeaderLabels({tr("Attribute"), tr("Column of the file")});
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->verticalHeader()->setVisible(false);
    layout->addWidget(
        new QLabel(tr("Attributes of the kind and the columns that fill them"), this));
    layout->addWidget(m_fields, 1);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setText(tr("Cancel")); // Qt's own words are not translated here
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_done || (runImport() && m_report.warnings.empty()))
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_cancel)
            cancelImport(); // stops the import; the dialog stays to say so
        else
            reject();
    });
    fillAttributes();
}

ImportDialog::~ImportDialog()
{
    cancelImport();
}

bool ImportDialog::setSource(const QString& path)
{
    const QString chosenLayer = m_path->text() == path ? m_sourceLayer->currentText() : QString();
    if (m_done) { // another file after an import the dialog stayed open for: Import again
        m_done = false;
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
        m_buttons->button(QDialogButtonBox::Cancel)->setVisible(true);
    }
    m_path->setText(path);
    m_columns.clear();
    try {
        auto ds = gis::Dataset::openVector(path.toStdString(), gis::OpenMode::ReadOnly);
        const auto names = ds.layerNames();
        m_sourceLayer->blockSignals(true);
        m_sourceLayer->clear();
        for (const auto& n : names)
            m_sourceLayer->addItem(q(n));
        m_sourceLayer->setCurrentIndex(std::max(0, m_sourceLayer->findText(chosenLayer)));
        m_sourceLayer->setEnabled(names.size() > 1);
        m_sourceLayer->blockSignals(false);
        if (names.empty()) {
            m_error = tr("%1 holds no layer to import.").arg(QFileInfo(path).fileName());
            m_message->setText(m_error);
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
            return false;
        }
        const auto layer = ds.layerByName(m_sourceLayer->currentText().toStdString());
        for (const auto& f : layer->fields())
            m_columns << q(f.name);
        m_message->setText(tr("%1: %2 feature(s), %3")
                               .arg(QFileInfo(path).fileName())
                               .arg(layer->featureCount(true))
                               .arg(layer->crs() ? q(layer->crs()->label())
                                                 : tr("no coordinate system declared")));
        m_error.clear();
    } catch (const gis::GisError& e) { // not a file GDAL reads as vector data, most often
        m_error = tr("%1 cannot be read as a GIS file (%2).")
                      .arg(QFileInfo(path).fileName(), q(e.cause()));
        m_message->setText(m_error);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        return false;
    } catch (const std::exception& e) {
        m_error = tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), said(e));
        m_message->setText(m_error);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        return false;
    }
    if (!m_kindChosen) {
        const auto guess = layers::kindFromName(QFileInfo(path).completeBaseName().toStdString() +
                                                " " + m_sourceLayer->currentText().toStdString());
        if (const int i = m_kind->findData(q(guess)); !guess.empty() && i >= 0)
            m_kind->setCurrentIndex(i);
    }
    m_code->clear();
    m_code->addItem(tr("(generate codes)"), QString());
    for (const auto& c : m_columns)
        m_code->addItem(c, c);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    fillAttributes();
    return true;
}

void ImportDialog::fillAttributes()
{
    const auto* kind = layers::findKind(m_kind->currentData().toString().toStdString());
    if (!kind)
        return;
    std::vector<const layers::AttributeSpec*> specs;
    if (kind->programme)
        for (const auto& a : layers::commonAttributes())
            specs.push_back(&a);
    for (const auto& a : kind->attributes)
        specs.push_back(&a);
    m_fields->setRowCount(static_cast<int>(specs.size()));
    for (int r = 0; r < static_cast<int>(specs.size()); ++r) {
        const auto& spec = *specs[static_cast<std::size_t>(r)];
        auto* name = new QTableWidgetItem(q(std::string(spec.name)) +
                                          (spec.required ? QStringLiteral(" *") : QString()));
        name->setFlags(Qt::ItemIsEnabled);
        name->setData(Qt::UserRole, q(std::string(spec.name)));
        m_fields->setItem(r, 0, name);
        auto* choice = new QComboBox(m_fields);
        choice->addItem(tr("(recognised by name)"), QString());
        for (const auto& c : m_columns)
            choice->addItem(c, c);
        m_fields->setCellWidget(r, 1, choice);
    }
    m_fields->resizeColumnToContents(0);
}

layers::ImportOptions ImportDialog::options() const
{
    layers::ImportOptions o;
    o.sourcePath = m_path->text().toStdString();
    o.kind = m_kind->currentData().toString().toStdString();
    o.layerName = m_layerName->text().trimmed().toStdString();
    o.sourceLayer =
        m_sourceLayer->count() > 1 ? m_sourceLayer->currentText().toStdString() : std::string();
    // A preset gives its EPSG code; typed text ("EPSG:9210") is taken as written.
    const QString crs =
        m_crs->currentIndex() >= 0 && m_crs->currentText() == m_crs->itemText(m_crs->currentIndex())
            ? m_crs->currentData().toString()
            : m_crs->currentText().trimmed();
    o.sourceCrs = crs.toStdString();
    if (const auto e = m_encoding->currentData().toString(); !e.isEmpty())
        o.encoding = text::parseEncoding(e.toStdString());
    o.codeField = m_code->currentData().toString().toStdString();
    if (const QString quality = m_quality->currentData().toString();
        quality.startsWith(QStringLiteral("sheet:")))
        o.tracedFrom = quality.mid(6).toStdString(); // digitized, from that sheet
    else
        o.geometryQuality = quality.toStdString();
    o.source = m_source->text().toStdString();
    o.licence = m_licence->text().toStdString();
    for (int r = 0; r < m_fields->rowCount(); ++r)
        if (const auto* choice = qobject_cast<QComboBox*>(m_fields->cellWidget(r, 1)))
            if (const auto column = choice->currentData().toString(); !column.isEmpty())
                o.fieldMap.emplace_back(
                    m_fields->item(r, 0)->data(Qt::UserRole).toString().toStdString(),
                    column.toStdString());
    return o;
}

bool ImportDialog::runImport()
{
    if (m_cancel || m_path->text().isEmpty())
        return false;
    const auto o = options();
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_message->setText(tr("Importing…"));
    layers::ImportReport report;
    QString qgisNote;
    std::string remedy; // the parameter whose field would put a refusal right
    // The import's own connection, for writing; one transaction inside importLayer.
    QString error = runAndWait(
        m_workspace.toStdString(), gis::OpenMode::Update, cancel,
        [&](layers::Workspace& ws, const layers::Progress& progress) {
            // The layer and its QGIS style and project entry are one change.
            try {
                report = ws.transaction([&] {
                    auto imported = layers::importLayer(ws, o, progress);
                    qgisNote = MainWindow::qgisProjectNote(render::writeQgis(ws));
                    return imported;
                });
            } catch (const layers::ParameterError& e) {
                // Named by the field of this dialog that sets it, not by a command-line option.
                const auto& p = e.parameter();
                const QString field = p == "layer"     ? tr("Name in the workspace")
                                      : p == "kind"    ? tr("Kind")
                                      : p == "src_crs" ? tr("Coordinate system")
                                      : p == "quality" || p == "traced_from" ? tr("Geometry")
                                                                             : q(p);
                throw layers::Error(e.kind(), layers::Sentence("%1: %2", {field.toStdString(),
                                                                          e.problemSentence()}));
            } catch (const layers::Error& e) {
                remedy = e.remedyParameter();
                throw;
            }
        },
        [this](int percent) { m_progress->setValue(percent); },
        tr("Cancelled: the workspace is as it was."));
    const bool ok = error.isEmpty();
    m_cancel.reset();
    m_progress->setVisible(false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    if (!ok) {
        if (const QString hint = fieldHint(remedy); !hint.isEmpty())
            error += QStringLiteral("\n") + hint;
        m_error = error;
        m_message->setText(error);
        return false;
    }
    m_error.clear();
    m_report = report;
    QString text = tr("Layer %1: %2 feature(s) imported.")
                       .arg(q(report.layerName),
                            sentenceLocale().toString(static_cast<qlonglong>(report.features)));
    // Each repair and problem with its count, as the command line lists them, in the window's
    // words; the dialog stays open to show them until Close or another file is chosen.
    for (const auto& line : said(report.warnings))
        text += QStringLiteral("\n• ") + line;
    if (!qgisNote.isEmpty())
        text += QLatin1Char('\n') + qgisNote;
    m_message->setText(text);
    if (!report.warnings.empty()) {
        m_done = true;
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Close"));
        m_buttons->button(QDialogButtonBox::Cancel)->setVisible(false);
    }
    emit imported(q(report.layerName));
    return true;
}

QString ImportDialog::message() const
{
    return m_message->text();
}

QPushButton* ImportDialog::importButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString ImportDialog::fieldHint(const std::string& parameter) const
{
    if (parameter == "src_crs")
        return tr("Choose the file's coordinate system above.");
    if (parameter == "encoding")
        return tr("Choose the text encoding above.");
    if (parameter == "field")
        return tr("Choose a column for it in the table of attributes.");
    return {};
}

void ImportDialog::cancelImport()
{
    if (m_cancel)
        *m_cancel = true;
}

} // namespace pa::gui
