#include "MainWindow.h"

#include "AnalysisDock.h"
#include "AttributeTable.h"
#include "Background_p.h"
#include "DocumentView.h"
#include "EditCommand.h"
#include "ExportMapDialog.h"
#include "GeorefDialog.h"
#include "IdentifyPanel.h"
#include "ImportDialog.h"
#include "LayerPanel.h"
#include "MapCanvas.h"
#include "PlanBrowser.h"
#include "SharedWorkspaceDialog.h"
#include "SuggestionsPanel.h"
#include "Text_p.h"
#include "planatlas/gis/Crs.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Copy.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/FeatureTable.h"
#include "planatlas/layers/Find.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/Identify.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/analysis/Table.h"
#include "planatlas/layers/plan/Browse.h"
#include "planatlas/layers/plan/Links.h"
#include "planatlas/layers/plan/Plan.h"
#include "planatlas/layers/plan/PlanStore.h"
#include "planatlas/render/Map.h"
#include "planatlas/render/Qgis.h"
#include "planatlas/render/Report.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QToolBar>
#include <atomic>
#include <new>
#include <sstream>

namespace pa::gui {

namespace {

/// A status message with @p note (what became of the QGIS project and styles) after it.
QString withNote(const QString& message, const QString& note)
{
    return note.isEmpty() ? message : message + QStringLiteral(". ") + note;
}
/// 1234567.8 → "1.234.568" in Vietnamese, "1,234,568" in English.
QString grouped(double value, const QString& lang)
{
    return QLocale(lang == QStringLiteral("en") ? QLocale::English : QLocale::Vietnamese)
        .toString(static_cast<qlonglong>(std::llround(value)));
}

/// One label–value row of a properties box; nothing when the value is empty.
QString propertyRow(const QString& label, const QString& value)
{
    if (value.trimmed().isEmpty())
        return {};
    return QStringLiteral("<tr><td style='color:#555;padding-right:10px'>%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString decimal(double value, int decimals, const QString& lang)
{
    return QLocale(lang == QStringLiteral("en") ? QLocale::English : QLocale::Vietnamese)
        .toString(value, 'f', decimals);
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    m_canvas = new MapCanvas(this);
    setCentralWidget(m_canvas);
    // Layers on the left; identify, plan and analyses share the right as tabs.
    auto dock = [this](QWidget* panel, const QString& name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(this);
        d->setObjectName(name);
        d->setWidget(panel);
        addDockWidget(area, d);
        return d;
    };
    m_layers = new LayerPanel(this);
    m_layersDock = dock(m_layers, QStringLiteral("layers"), Qt::LeftDockWidgetArea);
    m_identify = new IdentifyPanel(this);
    m_identifyDock = dock(m_identify, QStringLiteral("identify"), Qt::RightDockWidgetArea);
    m_plan = new PlanBrowser(this);
    m_planDock = dock(m_plan, QStringLiteral("plan"), Qt::RightDockWidgetArea);
    m_analyses = new AnalysisDock(this);
    m_analysesDock = dock(m_analyses, QStringLiteral("analyses"), Qt::RightDockWidgetArea);
    m_document = new DocumentView(this);
    m_documentDock = dock(m_document, QStringLiteral("document"), Qt::RightDockWidgetArea);
    m_document->setCorrector(
        [this](const std::string& doc, const std::string& task, const std::string& action,
               const std::string& field,
               const std::string& value) { return correctTask(doc, task, action, field, value); });
    connect(m_document, &DocumentView::taskChosen, this,
            [this](const QString& task) { m_plan->selectTask(task); });
    m_suggestions = new SuggestionsPanel(this);
    m_suggestionsDock = dock(m_suggestions, QStringLiteral("suggestions"), Qt::RightDockWidgetArea);
    tabifyDockWidget(m_identifyDock, m_planDock);
    tabifyDockWidget(m_planDock, m_documentDock);
    tabifyDockWidget(m_documentDock, m_suggestionsDock);
    tabifyDockWidget(m_suggestionsDock, m_analysesDock);
    m_identifyDock->raise();
    resizeDocks({m_layersDock, m_identifyDock}, {300, 460}, Qt::Horizontal);
    m_attributes = new AttributeTable(this);
    m_attributes->setWorkspaceSource([this] { return m_ws.get(); });
    m_attributesDock = dock(m_attributes, QStringLiteral("attributes"), Qt::BottomDockWidgetArea);
    m_attributesDock->hide(); // opened from a layer's menu

    m_coords = new QLabel(this);
    m_scale = new QLabel(this);
    m_state = new QLabel(this);
    statusBar()->addWidget(m_coords, 1);
    statusBar()->addPermanentWidget(m_state);
    statusBar()->addPermanentWidget(m_scale);

    connect(m_layers, &LayerPanel::stackChanged, this,
            [this] { m_canvas->setStack(m_layers->stack()); });
    connect(m_layers, &LayerPanel::zoomToLayerRequested, this, &MainWindow::zoomToLayer);
    connect(m_layers, &LayerPanel::attributeTableRequested, this, &MainWindow::showAttributes);
    connect(m_layers, &LayerPanel::propertiesRequested, this, &MainWindow::showLayerProperties);
    connect(m_layers, &LayerPanel::renameRequested, this, &MainWindow::renameLayer);
    connect(m_layers, &LayerPanel::removeSheetRequested, this, &MainWindow::removeSheet);
    connect(m_layers, &LayerPanel::removeLayerRequested, this, &MainWindow::removeLayer);
    connect(m_attributes, &AttributeTable::selectionChanged, this,
            [this](const gis::Shapes& shapes, const std::optional<gis::Envelope>&) {
                m_canvas->setSelection(shapes);
            });
    connect(m_canvas, &MapCanvas::boxSelected, this, &MainWindow::selectInBox);
    connect(m_attributes, &AttributeTable::zoomRequested, this,
            [this](const gis::Envelope& extent) { m_canvas->zoomTo(extent); });
    connect(m_canvas, &MapCanvas::cursorMoved, this, [this](double x, double y) {
        m_lastX = x;
        m_lastY = y;
        m_haveCursor = true;
        updateStatus();
    });
    connect(m_canvas, &MapCanvas::extentChanged, this, &MainWindow::updateStatus);
    connect(m_canvas, &MapCanvas::clicked, this, &MainWindow::identifyAt);
    connect(m_canvas, &MapCanvas::drawn, this, &MainWindow::saveDrawing);
    m_askAttributes = [this](const QString& layer) -> std::optional<layers::DrawnAttributes> {
        // The kind's form: code, name and status, then the kind's other attributes the layer
        // has, titled and with their units as the attribute table titles them.
        const std::string lang = m_lang.toStdString();
        const auto registered = m_ws->findLayer(layer.toStdString());
        QDialog dialog(this);
        dialog.setWindowTitle(
            tr("New feature of %1")
                .arg(registered ? q(lang == "en" ? registered->titleEn : registered->titleVi)
                                : layer));
        auto* form = new QFormLayout(&dialog);
        auto* code = new QLineEdit(&dialog);
        auto* name = new QLineEdit(&dialog);
        auto* status = new QComboBox(&dialog);
        status->addItem(tr("planned"), QStringLiteral("planned"));
        status->addItem(tr("existing"), QStringLiteral("existing"));
        status->addItem(tr("not said"), QString());
        form->addRow(tr("Code"), code);
        form->addRow(tr("Name"), name);
        form->addRow(tr("Status"), status);
        std::vector<std::pair<std::string, QWidget*>> more;
        for (const auto& field : layers::formFields(*m_ws, layer.toStdString())) {
            QWidget* input = nullptr;
            if (const auto coded = analysis::codedValues(field.name); !coded.empty()) {
                auto* box = new QComboBox(&dialog);
                box->addItem(tr("not said"), QString());
                for (const auto& value : coded)
                    box->addItem(q(analysis::valueTitle(field.name, value, lang)), q(value));
                input = box;
            } else {
                auto* edit = new QLineEdit(&dialog);
                if (field.type == gis::FieldType::Real)
                    edit->setPlaceholderText(decimal(134.9, 1, m_lang)); // typed the local way
                input = edit;
            }
            form->addRow(q(analysis::columnTitle(field.name, lang)), input);
            more.emplace_back(field.name, input);
        }
        auto* buttons = new QDialogButtonBox(&dialog);
        buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole)->setDefault(true);
        buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        layers::DrawnAttributes attributes{code->text().toStdString(), name->text().toStdString(),
                                           status->currentData().toString().toStdString()};
        for (const auto& [field, input] : more) {
            const auto* box = qobject_cast<QComboBox*>(input);
            const auto* edit = qobject_cast<QLineEdit*>(input);
            const QString value = box ? box->currentData().toString() : edit->text();
            if (!value.trimmed().isEmpty())
                attributes.more.emplace_back(field, value.toStdString());
        }
        return attributes;
    };
    connect(m_canvas, &MapCanvas::menuRequested, this,
            [this](double x, double y, double tolerance, const QPoint& global) {
                // Shown without a nested event loop; it deletes itself once closed.
                if (auto menu = mapMenu(x, y, tolerance)) {
                    menu->setAttribute(Qt::WA_DeleteOnClose);
                    menu.release()->popup(global);
                }
            });
    connect(m_canvas, &MapCanvas::renderStarted, this,
            [this] { m_state->setText(tr("Drawing…")); });
    connect(m_canvas, &MapCanvas::renderFinished, this, [this](qint64 ms, const QString& error) {
        m_state->setText(error.isEmpty() ? tr("Drawn in %1 s").arg(decimal(ms / 1000.0, 2, m_lang))
                                         : tr("Not drawn"));
    });
    connect(m_identify, &IdentifyPanel::featureActivated, this, [this](int i) {
        const auto& f = m_identify->features().at(static_cast<std::size_t>(i));
        m_canvas->setSelection(f.shapes);
        m_canvas->zoomTo(f.envelope);
    });
    connect(m_identify, &IdentifyPanel::taskActivated, this, [this](const QString& task) {
        m_planDock->raise();
        if (!m_plan->selectTask(task)) // selecting it shows it
            showTask(task);
    });
    connect(m_plan, &PlanBrowser::taskChosen, this, [this](const QString& task) {
        m_chosenTask = task;
        if (task.isEmpty()) { // the chosen task hidden by the plan's filters
            updateStatus();
            return;
        }
        if (!m_refreshing)
            showTask(task);
        if (m_document->chosenTask() != task)
            showDocumentOf(task);
        updateStatus();
    });
    connect(m_identify, &IdentifyPanel::unlinkRequested, this,
            [this](const QString& task, const QString& code, const QString& name) {
                toggleLink(task, code.toStdString(), name);
            });
    connect(m_plan, &PlanBrowser::agencyChosen, this, &MainWindow::showAgency);
    connect(m_suggestions, &SuggestionsPanel::decided, this,
            [this](const std::vector<std::int64_t>& ids, bool accept) {
                decideSuggestions(ids, accept);
            });
    connect(m_suggestions, &SuggestionsPanel::reasonsConfirmed, this,
            [this](const std::vector<std::string>& tasks) { confirmReasons(tasks); });
    connect(m_suggestions, &SuggestionsPanel::reasonsGiven, this,
            [this](const std::vector<std::string>& tasks, const std::string& reasonId) {
                confirmReasons(tasks, reasonId);
            });
    connect(m_suggestions, &SuggestionsPanel::featureChosen, this, [this](const QString& code) {
        if (!m_ws)
            return;
        if (const auto f = layers::featureByCode(*m_ws, code.toStdString())) {
            m_canvas->setSelection(f->shapes);
            m_canvas->zoomTo(f->envelope);
        }
    });
    connect(m_suggestions, &SuggestionsPanel::suggestAgainRequested, this, [this] {
        const auto error = runInBackground(
            tr("Suggesting links…"), gis::OpenMode::Update,
            [](layers::Workspace& ws, const layers::Progress&) { plan::suggestLinks(ws); });
        if (!error.isEmpty())
            showError(tr("Cannot suggest links"), error);
        reloadWorkspace();
    });
    connect(m_analyses, &AnalysisDock::coverageShown, this,
            [this](const QString& units, const QString& kind) {
                m_layers->setLayerVisible(units.toStdString(),
                                          true); // the choropleth is drawn on the units
                m_canvas->setTheme(render::Theme::Coverage, units.toStdString(),
                                   kind.toStdString());
            });
    connect(m_analyses, &AnalysisDock::corridorShown, this,
            [this](double km) { m_canvas->setTheme(render::Theme::Corridor, {}, {}, km); });
    connect(m_analyses, &AnalysisDock::overlayReleased, this, [this] {
        if (m_canvas->theme() == render::Theme::Corridor ||
            m_canvas->theme() == render::Theme::Coverage)
            m_canvas->setTheme(render::Theme::Programme, {}, {});
    });
    connect(m_analyses, &AnalysisDock::placeChosen, this,
            [this](const gis::Shapes& shapes, const gis::Envelope& extent) {
                m_canvas->setSelection(shapes);
                m_canvas->zoomTo(extent);
            });

    createActions();
    const QString saved = QSettings().value(QStringLiteral("language")).toString();
    setLanguage(saved == QStringLiteral("en") ? saved : QStringLiteral("vi"));
    resize(1280, 820);
}

MainWindow::~MainWindow()
{
    purgeRemoved();
}

void MainWindow::purgeRemoved()
{
    // Layers removed in this session can no longer be undone: their tables go for good.
    if (!m_ws || !m_writable)
        return;
    try {
        layers::purgeRemovedLayers(*m_ws);
    } catch (const std::exception&) {
        // left for the next session, which purges them too
    }
}

void MainWindow::createActions()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_open = m_fileMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open workspace"),
                                                          QFileInfo(m_path).absolutePath(),
                                                          tr("PlanAtlas workspaces (*.gpkg)"));
        if (!path.isEmpty())
            openWorkspace(path);
    });
    m_open->setShortcut(QKeySequence::Open);
    m_openShared = m_fileMenu->addAction(QString(), this, [this] {
        SharedWorkspaceDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted && !dialog.connection().isEmpty())
            openWorkspace(dialog.connection());
    });
    m_refresh = m_fileMenu->addAction(QString(), this, &MainWindow::refreshFromWorkspace);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_import = m_fileMenu->addAction(QString(), this, [this] {
        if (!m_ws)
            return;
        ImportDialog dialog(this, m_path, m_lang);
        connect(&dialog, &ImportDialog::imported, this, &MainWindow::addImportedLayer);
        dialog.exec();
    });
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_georef = m_fileMenu->addAction(QString(), this, [this] { openGeoreferencer(); });
    m_ingest = m_fileMenu->addAction(QString(), this, [this] {
        if (!m_ws)
            return;
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Ingest a plan document"), QString(),
                                         tr("Plan documents (*.txt *.docx);;All files (*)"));
        if (!file.isEmpty())
            ingestPlan(file);
    });
    m_export = m_fileMenu->addAction(QString(), this, [this] {
        if (!m_ws)
            return;
        ExportMapDialog dialog(this, m_canvas->screenOptions(), m_lang);
        if (dialog.path().isEmpty()) // else the file the dialog remembers from last time
            dialog.setPath(QFileInfo(m_path).absolutePath() + QStringLiteral("/ban-do.pdf"));
        dialog.setWorkspace(m_path, atlasLayers());
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (dialog.atlasLayer().isEmpty())
            exportMap(dialog.path(), dialog.options());
        else
            exportAtlas(dialog.path(), dialog.atlasOptions());
    });
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_close = m_fileMenu->addAction(QString(), this, &MainWindow::closeWorkspace);
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quit->setShortcut(QKeySequence::Quit);

    m_editMenu = menuBar()->addMenu(QString());
    // Our own actions rather than QUndoStack's, so that their words follow the language menu.
    m_undoAction = new QAction(this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    connect(m_undoAction, &QAction::triggered, &m_undo, &QUndoStack::undo);
    m_redoAction = new QAction(this);
    m_redoAction->setShortcut(QKeySequence::Redo);
    connect(m_redoAction, &QAction::triggered, &m_undo, &QUndoStack::redo);
    connect(&m_undo, &QUndoStack::indexChanged, this, &MainWindow::retranslateUi);
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_drawAction = m_editMenu->addAction(QString(), this, [this] {
        if (!m_ws)
            return;
        // The programme's area and line layers, by title.
        QStringList titles, names;
        for (const auto& l : m_ws->layers()) {
            const auto* kind = layers::findKind(l.kind);
            const auto table = m_ws->dataset().layerByName(l.name);
            if (kind && kind->programme && table &&
                (table->geometryFamily() == gis::GeometryFamily::Polygon ||
                 table->geometryFamily() == gis::GeometryFamily::Line)) {
                titles << q(m_lang == QStringLiteral("en") ? l.titleEn : l.titleVi);
                names << q(l.name);
            }
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Draw a new feature"), tr("Layer:"),
                                                     titles, 0, false, &ok);
        if (ok && titles.contains(chosen))
            startDrawing(names.at(titles.indexOf(chosen)));
    });
    m_linkAction = m_editMenu->addAction(QString(), this, [this](bool on) { setLinkMode(on); });
    m_linkAction->setCheckable(true);
    m_linkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    m_viewMenu = menuBar()->addMenu(QString());
    m_zoomFull = m_viewMenu->addAction(QString(), m_canvas, &MapCanvas::zoomFull);
    m_zoomFull->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_zoomIn = m_viewMenu->addAction(QString(), this, [this] { m_canvas->zoomBy(1.5); });
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    m_zoomOut = m_viewMenu->addAction(QString(), this, [this] { m_canvas->zoomBy(1 / 1.5); });
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_clearHighlight = m_viewMenu->addAction(QString(), this, &MainWindow::clearHighlight);
    m_clearHighlight->setShortcut(QKeySequence(Qt::Key_Escape));
    m_measureDistance = m_viewMenu->addAction(QString());
    m_measureArea = m_viewMenu->addAction(QString());
    for (auto* action : {m_measureDistance, m_measureArea}) {
        action->setCheckable(true);
        connect(action, &QAction::toggled, this, [this, action](bool on) {
            // One tool at a time; both off: clicks identify again.
            auto* other = action == m_measureDistance ? m_measureArea : m_measureDistance;
            if (on && other->isChecked())
                other->setChecked(false);
            m_canvas->setTool(!on                           ? MapCanvas::Tool::Browse
                              : action == m_measureDistance ? MapCanvas::Tool::MeasureDistance
                                                            : MapCanvas::Tool::MeasureArea);
            if (on)
                statusBar()->showMessage(
                    tr("Click the points to measure; double-click to end. The next click "
                       "starts again."));
            else if (!other->isChecked())
                statusBar()->clearMessage();
        });
    }
    m_measureDistance->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_measureArea->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_canvas, &MapCanvas::measured, this, [this](const QString& text) {
        if (!text.isEmpty())
            statusBar()->showMessage(tr("Measured: %1").arg(text));
    });
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_layersDock->toggleViewAction());
    m_viewMenu->addAction(m_identifyDock->toggleViewAction());
    m_viewMenu->addAction(m_planDock->toggleViewAction());
    m_viewMenu->addAction(m_documentDock->toggleViewAction());
    m_viewMenu->addAction(m_suggestionsDock->toggleViewAction());
    m_viewMenu->addAction(m_analysesDock->toggleViewAction());
    m_viewMenu->addAction(m_attributesDock->toggleViewAction());

    m_langMenu = menuBar()->addMenu(QString());
    auto* group = new QActionGroup(this);
    m_vi = m_langMenu->addAction(QStringLiteral("Tiếng Việt"), this,
                                 [this] { setLanguage(QStringLiteral("vi")); });
    m_en = m_langMenu->addAction(QStringLiteral("English"), this,
                                 [this] { setLanguage(QStringLiteral("en")); });
    for (auto* a : {m_vi, m_en}) {
        a->setCheckable(true);
        group->addAction(a);
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(
        QString(), this, [this] { QMessageBox::about(this, tr("About PlanAtlas"), aboutText()); });

    // Find: one box for features, units, tasks and agencies, at the right of the menu bar.
    m_find = new QLineEdit(this);
    m_find->setClearButtonEnabled(true);
    m_find->setFixedWidth(360);
    m_findModel = new QStandardItemModel(this);
    auto* completer = new QCompleter(m_findModel, this);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion); // matched by us
    completer->setMaxVisibleItems(15);
    m_find->setCompleter(completer);
    // In a bar of its own at the top right (a menu bar's corner widget is cut off by some
    // styles): the search box a map application has there.
    m_findBar = new QToolBar(this);
    m_findBar->setObjectName(QStringLiteral("find"));
    m_findBar->setMovable(false);
    auto* spacer = new QWidget(m_findBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_findBar->addWidget(spacer);
    m_findBar->addWidget(m_find);
    addToolBar(Qt::TopToolBarArea, m_findBar);
    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    connect(m_find, &QLineEdit::textEdited, this, [this, completer](const QString& text) {
        m_findModel->clear();
        for (const auto* f : findNames(text)) {
            auto* item = new QStandardItem(q(f->title) + QStringLiteral(" — ") + q(f->detail));
            item->setData(static_cast<int>(f - m_findables.data()), Qt::UserRole);
            m_findModel->appendRow(item);
        }
        completer->complete();
    });
    connect(completer, QOverload<const QModelIndex&>::of(&QCompleter::activated), this,
            [this](const QModelIndex& index) {
                const int i = index.data(Qt::UserRole).toInt();
                if (i >= 0 && static_cast<std::size_t>(i) < m_findables.size())
                    goTo(m_findables[static_cast<std::size_t>(i)]);
            });
}

std::vector<const layers::Findable*> MainWindow::findNames(const QString& query)
{
    if (!m_ws)
        return {};
    if (m_findables.empty())
        m_findables = layers::findables(*m_ws); // once per workspace (and after edits)
    return layers::find(m_findables, query.toStdString(), 30);
}

void MainWindow::goTo(const layers::Findable& found)
{
    if (!m_ws)
        return;
    switch (found.what) {
    case layers::Findable::What::Feature:
    case layers::Findable::What::Unit:
        if (const auto f = layers::featureByCode(*m_ws, found.key)) {
            m_canvas->setSelection(f->shapes);
            m_canvas->zoomTo(f->envelope);
            m_identify->showFeatures({*f}, m_lang.toStdString());
            m_identifyDock->raise();
        }
        break;
    case layers::Findable::What::Task:
        m_planDock->raise();
        if (!m_plan->selectTask(q(found.key))) // selecting it shows it
            showTask(q(found.key));
        break;
    case layers::Findable::What::Agency:
        showAgency(q(found.key));
        break;
    }
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_open->setText(tr("&Open workspace…"));
    m_openShared->setText(tr("Open a &shared workspace (PostGIS)…"));
    m_refresh->setText(tr("&Refresh from the workspace"));
    m_refresh->setEnabled(m_ws != nullptr);
    m_recentMenu->setTitle(tr("Open &recent"));
    m_export->setText(tr("&Export map…"));
    m_import->setText(tr("&Add a layer…"));
    // A shared workspace takes the planners' link, plan and drawing edits, and the layers and
    // map sheets its owner adds (an editor changes rows, not tables).
    const bool ownFile = m_ws != nullptr && !m_ws->isShared();
    m_import->setEnabled(ownFile || (m_ws != nullptr && m_ws->mayAddTables()));
    m_georef->setText(tr("&Place a map sheet…"));
    m_georef->setEnabled(ownFile || (m_ws != nullptr && m_ws->mayAddTables()));
    m_ingest->setText(tr("&Ingest a plan document…"));
    m_ingest->setEnabled(m_ws != nullptr); // plans are shared edits too
    m_export->setEnabled(m_ws != nullptr);
    m_close->setText(tr("&Close workspace"));
    m_quit->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    m_linkAction->setText(tr("&Link features to the chosen task"));
    m_drawAction->setText(tr("&Draw a new feature…"));
    m_drawAction->setEnabled(m_ws != nullptr); // a shared workspace takes drawings too
    m_undoAction->setEnabled(m_undo.canUndo());
    m_undoAction->setText(m_undo.canUndo() ? tr("&Undo: %1").arg(m_undo.undoText()) : tr("&Undo"));
    m_redoAction->setEnabled(m_undo.canRedo());
    m_redoAction->setText(m_undo.canRedo() ? tr("&Redo: %1").arg(m_undo.redoText()) : tr("&Redo"));
    m_viewMenu->setTitle(tr("&View"));
    m_zoomFull->setText(tr("Zoom to the &province"));
    m_zoomIn->setText(tr("Zoom &in"));
    m_zoomOut->setText(tr("Zoom &out"));
    m_clearHighlight->setText(tr("&Clear the highlight"));
    m_measureDistance->setText(tr("&Measure a distance"));
    m_measureArea->setText(tr("Measure an &area"));
    m_langMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About PlanAtlas"));
    m_find->setPlaceholderText(tr("Find a place, feature, task or agency (Ctrl+F)"));
    m_findBar->setWindowTitle(tr("Find"));
    m_layersDock->setWindowTitle(tr("Layers"));
    m_identifyDock->setWindowTitle(tr("Identify"));
    m_planDock->setWindowTitle(tr("Plan"));
    m_documentDock->setWindowTitle(tr("Plan document"));
    m_analysesDock->setWindowTitle(tr("Analyses"));
    m_suggestionsDock->setWindowTitle(tr("Suggested links"));
    {
        const std::string& layer = m_attributes->table().layer;
        const auto shown = m_ws && !layer.empty() ? m_ws->findLayer(layer)
                                                  : std::optional<layers::RegisteredLayer>();
        m_attributesDock->setWindowTitle(
            layer.empty() ? tr("Attribute table")
                          : tr("Attribute table — %1")
                                .arg(q(!shown                           ? layer
                                       : m_lang == QStringLiteral("en") ? shown->titleEn
                                                                        : shown->titleVi)));
    }
    setWindowTitle(m_path.isEmpty() ? tr("PlanAtlas")
                                    : tr("%1 — PlanAtlas").arg(workspaceName(m_path)));
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recent")).toStringList();
    for (const auto& path : recent)
        m_recentMenu->addAction(gis::isPostgresConnection(path.toStdString())
                                    ? tr("%1 (shared)").arg(workspaceName(path))
                                    : path,
                                this, [this, path] { openWorkspace(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
    m_close->setEnabled(m_ws != nullptr);
    updateStatus();
}

void MainWindow::setLanguage(const QString& lang)
{
    m_lang = lang == QStringLiteral("en") ? lang : QStringLiteral("vi");
    QSettings().setValue(QStringLiteral("language"), m_lang);
    qApp->setProperty("planatlasLanguage",
                      m_lang); // for words that come from declarations (Background.cpp)
    qApp->removeTranslator(&m_translator);
    qApp->removeTranslator(&m_mapTranslator);
    // The sources are written in English; Vietnamese comes from the compiled Linguist files,
    // the desktop's and the maps' (which holds the sentences of a map's refusals).
    if (m_lang == QStringLiteral("vi")) {
        if (m_mapTranslator.load(QStringLiteral(":/planatlas_render/planatlas_render_vi.qm")))
            qApp->installTranslator(&m_mapTranslator);
        if (m_translator.load(QStringLiteral(":/i18n/planatlas_vi.qm")))
            qApp->installTranslator(&m_translator);
    }
    (m_lang == QStringLiteral("en") ? m_en : m_vi)->setChecked(true);
    m_analyses->setLanguage(m_lang.toStdString());
    m_plan->setLanguage(m_lang.toStdString());
    m_suggestions->setLanguage(m_lang.toStdString());
    m_attributes->setLanguage(m_lang.toStdString());
    retranslateUi(); // also reached through LanguageChange
    m_canvas->setLanguage(m_lang.toStdString());
    if (m_identify->features().empty())
        m_identify->showHint();
    else
        m_identify->showFeatures(m_identify->features(), m_lang.toStdString());
    if (m_ws)
        m_layers->setLayers(render::defaultStack(*m_ws), m_lang.toStdString());
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && m_fileMenu)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

QString MainWindow::workspaceName(const QString& path)
{
    const std::string given = path.toStdString();
    if (!gis::isPostgresConnection(given))
        return QFileInfo(path).fileName();
    const auto schema = QString::fromStdString(gis::connectionKeyword(given, "active_schema"));
    const auto service = QString::fromStdString(gis::connectionKeyword(given, "service"));
    return service.isEmpty() ? schema : tr("%1 (%2)").arg(schema, service);
}

bool MainWindow::openWorkspace(const QString& path)
{
    std::unique_ptr<layers::Workspace> ws;
    const bool shared = gis::isPostgresConnection(path.toStdString());
    try {
        if (!shared && !QFileInfo::exists(path))
            throw layers::Error(layers::ErrorKind::Input,
                                tr("the file does not exist").toStdString());
        ws = std::make_unique<layers::Workspace>(layers::Workspace::open(
            path.toStdString(), gis::OpenMode::ReadOnly, layers::SchemaWrites::Allowed));
    } catch (const std::exception& e) {
        showError(tr("Cannot open %1").arg(workspaceName(path)), errorText(e));
        return false;
    }
    const auto stack = render::defaultStack(*ws);
    // Full view: the province of the programme's period when there is one, else all that is drawn.
    std::optional<gis::Envelope> full;
    const bool province = std::any_of(stack.begin(), stack.end(), [](const auto& s) {
        return s.visible && s.kind == "admin_province";
    });
    for (const auto& s : stack) {
        if (!s.visible || s.kind == "basemap" || (province && s.kind != "admin_province"))
            continue;
        if (auto e = layers::layerExtent(*ws, s.layer)) {
            if (full)
                full->merge(*e);
            else
                full = e;
        }
    }
    // A workspace with nothing to draw yet (just made): the map shows where its CRS is meant
    // to be used, and the planner adds the first layer from the File menu.
    const bool empty = !full;
    if (!full)
        if (const auto area = ws->crs().areaOfUse()) {
            try {
                const gis::CoordinateTransform toWorkspace(gis::Crs::fromEpsg(4326), ws->crs());
                gis::Envelope degrees{(*area)[0], (*area)[1], (*area)[2], (*area)[3]};
                full = toWorkspace.transformBounds(degrees);
            } catch (const std::exception&) {
                // no area in the workspace's CRS: said below
            }
        }
    if (!full) {
        showError(tr("Cannot open %1").arg(workspaceName(path)), tr("it has nothing to draw"));
        return false;
    }
    m_attributes->clear(); // another workspace's table
    m_attributesDock->hide();
    m_findables.clear();
    if (m_georefDialog) // its points are in the other workspace's CRS
        m_georefDialog->close();
    m_ws = std::move(ws);
    m_path = path;
    m_writable = false; // opened for reading; reopened for writing at the first edit
    m_seenEdit = m_ws->lastEdit();
    m_undo.clear();
    m_chosenTask.clear();
    m_lastClick.reset();
    m_toWgs84.emplace(m_ws->crs(), gis::Crs::fromEpsg(4326));
    m_identify->showHint();
    m_canvas->setSelection({});
    m_canvas->setWorkspace(path, *full);
    m_layers->clear();
    m_layers->setLayers(stack, m_lang.toStdString());
    m_canvas->setHighlight({});
    try {
        m_plan->setPlan(plan::readPlanOverview(*m_ws));
    } catch (const std::exception& e) {
        m_plan->clear();
        showError(tr("Cannot read the plan of %1").arg(workspaceName(path)), errorText(e));
    }
    m_analyses->setWorkspace(path, m_ws.get(), m_lang.toStdString());
    refreshSuggestions();
    updateRecent(path);
    retranslateUi();
    m_nothingDrawn = empty;
    if (empty)
        statusBar()->showMessage(
            tr("The workspace has no layers to draw yet: add one with File → Add a layer…"));
    return true;
}

void MainWindow::reloadWorkspace()
{
    if (m_path.isEmpty())
        return;
    try {
        m_ws = std::make_unique<layers::Workspace>(layers::Workspace::open(
            m_path.toStdString(), m_writable ? gis::OpenMode::Update : gis::OpenMode::ReadOnly,
            layers::SchemaWrites::Allowed));
    } catch (const std::exception& e) {
        showError(tr("Cannot open %1").arg(workspaceName(m_path)), errorText(e));
        return;
    }
    m_seenEdit = m_ws->lastEdit();
    m_layers->setLayers(render::defaultStack(*m_ws),
                        m_lang.toStdString()); // keeps the user's choices
    m_plan->setPlan(plan::readPlanOverview(*m_ws));
    m_analyses->setWorkspace(m_path, m_ws.get(), m_lang.toStdString());
    m_findables.clear(); // names may have changed
    refreshSuggestions();
    m_canvas->refresh();
}

void MainWindow::addImportedLayer(const QString& layer)
{
    const bool first = m_nothingDrawn;
    m_nothingDrawn = false;
    reloadWorkspace();
    m_layers->setLayerVisible(layer.toStdString(), true);
    // The first layer of a new workspace: the map goes to it.
    if (first && m_ws)
        if (const auto e = layers::layerExtent(*m_ws, layer.toStdString()))
            m_canvas->zoomTo(*e);
    statusBar()->showMessage(tr("Layer %1 added").arg(layer), 10000);
}

void MainWindow::closeWorkspace()
{
    purgeRemoved();
    if (m_georefDialog)
        m_georefDialog->close();
    m_canvas->setSelection({});
    m_canvas->clear();
    m_layers->clear();
    m_identify->showHint();
    m_plan->clear();
    m_document->clear();
    m_analyses->setWorkspace({}, nullptr, m_lang.toStdString());
    m_canvas->setHighlight({});
    m_attributes->clear();
    m_attributesDock->hide();
    m_findables.clear();
    if (m_ws)
        layers::forgetSheetFiles(m_ws->path()); // a shared workspace's sheets copied in memory
    m_ws.reset();
    m_writable = false;
    m_undo.clear();
    m_chosenTask.clear();
    m_lastClick.reset();
    m_toWgs84.reset();
    m_path.clear();
    retranslateUi();
}

QString MainWindow::aboutText() const
{
    return tr("PlanAtlas %1 — spatial analysis of provincial development programmes.\n\n"
              "Positions drawn from plan descriptions are indicative; land prices in the "
              "sample are illustrative.\n\nRuns on %2, Qt %3.")
        .arg(QStringLiteral(PLANATLAS_VERSION), q(gis::libraryVersions()),
             QString::fromLatin1(qVersion()));
}

std::unique_ptr<QMenu> MainWindow::mapMenu(double x, double y, double toleranceM)
{
    if (!m_ws)
        return nullptr;
    auto menu = std::make_unique<QMenu>(this);
    menu->addAction(tr("What is here?"), this,
                    [this, x, y, toleranceM] { identifyAt(x, y, toleranceM); });
    try {
        // The programme feature here can be given its real shape.
        for (const auto& f : layers::identify(*m_ws, x, y, toleranceM, {})) {
            const auto* kind = layers::findKind(f.kind);
            if (!kind || !kind->programme)
                continue;
            const QString layer = q(f.layer);
            const std::int64_t fid = f.fid;
            if (f.shapes.points.empty()) { // areas and lines are drawn and cut
                menu->addAction(tr("Draw the shape of %1 anew").arg(q(f.name)), this,
                                [this, layer, fid] { startDrawing(layer, fid); });
                menu->addAction(tr("Move the corners of %1").arg(q(f.name)), this,
                                [this, layer, fid] { startEditingCorners(layer, fid); });
                menu->addAction(tr("Cut %1 along a line").arg(q(f.name)), this,
                                [this, layer, fid] { startCutting(layer, fid); });
            }
            // The features of the same layer selected in its attribute table merge into it.
            std::vector<std::int64_t> others;
            if (m_attributesDock->isVisible() && m_attributes->table().layer == f.layer)
                for (const auto row : m_attributes->selectedRows())
                    if (const auto other = m_attributes->table().rows[row].fid; other != fid)
                        others.push_back(other);
            if (!others.empty())
                menu->addAction(tr("Merge the %1 selected feature(s) into %2")
                                    .arg(others.size())
                                    .arg(q(f.name)),
                                this,
                                [this, layer, fid, others] { mergeFeatures(layer, fid, others); });
            menu->addAction(tr("Delete %1…").arg(q(f.name)), this,
                            [this, layer, fid] { deleteFeature(layer, fid); });
            break;
        }
    } catch (const std::exception&) {
        // nothing to offer there
    }
    menu->addSeparator();
    menu->addAction(tr("Zoom in here"), this, [this, x, y] {
        const auto e = m_canvas->extent();
        const double w = (e.maxX - e.minX) / 4, h = (e.maxY - e.minY) / 4;
        m_canvas->zoomTo({x - w, y - h, x + w, y + h});
    });
    menu->addAction(tr("Zoom out"), this, [this] { m_canvas->zoomBy(0.5); });
    menu->addAction(tr("Whole province"), this, [this] { m_canvas->zoomFull(); });
    menu->addSeparator();
    // The position as a planner pastes it into a letter or a spreadsheet: the workspace's
    // VN-2000 metres and WGS 84 degrees.
    QString where = QStringLiteral("%1: X %2  Y %3 m")
                        .arg(q(m_ws->crs().label()), grouped(x, m_lang), grouped(y, m_lang));
    try {
        const auto lonLat = m_toWgs84->apply(x, y);
        where += QStringLiteral("; WGS 84: %1° E  %2° N")
                     .arg(decimal(lonLat[0], 6, m_lang), decimal(lonLat[1], 6, m_lang));
    } catch (const std::exception&) {
        // outside the transformation's domain: the projected position alone
    }
    menu->addAction(tr("Copy the coordinates"), this, [this, where] {
        QGuiApplication::clipboard()->setText(where);
        statusBar()->showMessage(tr("Copied: %1").arg(where), 10000);
    });
    return menu;
}

void MainWindow::identifyAt(double x, double y, double toleranceM)
{
    if (!m_ws)
        return;
    m_lastClick = std::pair{QPointF(x, y), toleranceM};
    std::vector<std::string> visible;
    for (const auto& [layer, opacity] : m_layers->stack())
        if (opacity > 0)
            visible.push_back(layer);
    try {
        auto found = layers::identify(*m_ws, x, y, toleranceM, visible);
        if (m_linkMode && !m_refreshing && !m_chosenTask.isEmpty()) {
            // The programme feature clicked (not the district under it) joins or leaves the task.
            const auto target = std::find_if(found.begin(), found.end(), [](const auto& f) {
                const auto* kind = layers::findKind(f.kind);
                return kind && kind->programme && !f.code.empty();
            });
            if (target != found.end()) {
                toggleLink(m_chosenTask, target->code, q(target->name));
                return; // toggleLink refreshes the panel
            }
            statusBar()->showMessage(tr("No programme feature here to link"), 6000);
        }
        if (!m_refreshing)
            m_canvas->setSelection(found.empty() ? gis::Shapes{} : found.front().shapes);
        // The feature clicked is selected in its attribute table too, when that is open.
        if (!m_refreshing && !found.empty() && m_attributesDock->isVisible() &&
            m_attributes->table().layer == found.front().layer)
            m_attributes->selectFids({found.front().fid});
        m_identify->showFeatures(found, m_lang.toStdString());
        if (!m_refreshing) // a refresh after an edit leaves the user's panel in front
            m_identifyDock->raise();
    } catch (const std::exception& e) {
        showError(tr("Cannot identify"), errorText(e));
    }
}

void MainWindow::showTask(const QString& taskId)
{
    if (showFootprint("task:" + taskId.toStdString(), {taskId.toStdString()}))
        statusBar()->showMessage(tr("Task %1: its features are drawn in colour").arg(taskId), 8000);
    else if (m_ws)
        statusBar()->showMessage(tr("Task %1 has no place on the map").arg(taskId), 8000);
}

void MainWindow::showAgency(const QString& agency)
{
    if (agency.isEmpty()) {
        clearHighlight();
        return;
    }
    std::vector<std::string> tasks; // the map shows what the agency leads
    for (const auto& id : m_plan->tasksLedBy(agency))
        tasks.push_back(id.toStdString());
    if (!showFootprint("agency:" + agency.toStdString(), tasks) && m_ws)
        statusBar()->showMessage(tr("No task of %1 has a place on the map").arg(agency), 8000);
}

bool MainWindow::showFootprint(const std::string& highlight, const std::vector<std::string>& tasks)
{
    if (!m_ws)
        return false;
    const auto extent = plan::footprintExtent(*m_ws, tasks);
    m_canvas->setHighlight(extent ? highlight : std::string());
    if (extent)
        m_canvas->zoomTo(*extent);
    return extent.has_value();
}

bool MainWindow::exportMap(const QString& path, const render::MapOptions& options)
{
    return exportFile(path, tr("Drawing the map…"), tr("Cannot export the map"),
                      tr("Map written to %1"),
                      [&](layers::Workspace& ws, const layers::Progress& progress) {
                          render::writeMap(ws, options, path.toStdString(), progress);
                      });
}

bool MainWindow::exportAtlas(const QString& path, const render::AtlasOptions& options)
{
    return exportFile(path, tr("Drawing the atlas…"), tr("Cannot export the atlas"),
                      tr("Atlas written to %1"),
                      [&](layers::Workspace& ws, const layers::Progress& progress) {
                          render::writeAtlas(ws, options, path.toStdString(), progress);
                      });
}

bool MainWindow::exportFile(
    const QString& path, const QString& busy, const QString& failed, const QString& written,
    const std::function<void(layers::Workspace&, const layers::Progress&)>& write)
{
    if (!m_ws)
        return false;
    const QString error = runInBackground(busy, gis::OpenMode::ReadOnly, write);
    if (!error.isEmpty()) {
        showError(failed, error);
        return false;
    }
    statusBar()->showMessage(written.arg(path), 10000);
    return true;
}

std::vector<std::pair<QString, QString>> MainWindow::atlasLayers() const
{
    std::vector<std::pair<QString, QString>> units, others;
    if (!m_ws)
        return units;
    const std::string period = render::periodUnitsLayer(*m_ws);
    for (const auto& l : m_ws->layers()) {
        const auto* kind = layers::findKind(l.kind);
        const auto table = m_ws->dataset().layerByName(l.name);
        if (!table || !table->hasGeometry() || table->featureCount(false) == 0)
            continue;
        std::pair<QString, QString> entry{
            q(l.name), q(m_lang == QStringLiteral("en") ? l.titleEn : l.titleVi)};
        if (l.name == period)
            units.insert(units.begin(), entry);
        else if (l.kind == "admin_district" || l.kind == "admin_commune")
            units.push_back(entry);
        else if (kind && kind->programme && !kind->symbology.bulk)
            others.push_back(entry);
    }
    units.insert(units.end(), others.begin(), others.end());
    return units;
}

void MainWindow::clearHighlight()
{
    if (!m_drawLayer.isEmpty()) { // Esc in the middle of a drawing stops it, writing nothing
        m_drawLayer.clear();
        m_drawFid = 0;
        m_drawCut = false;
        m_canvas->setTool(MapCanvas::Tool::Browse);
        statusBar()->showMessage(tr("Drawing stopped; nothing was written."), 6000);
        return;
    }
    m_canvas->setHighlight({}); // back to the programme map, whatever theme an analysis set
    m_canvas->setSelection({});
}

void MainWindow::setLinkMode(bool on)
{
    m_linkMode = on;
    m_linkAction->setChecked(on);
    if (on && m_chosenTask.isEmpty())
        statusBar()->showMessage(
            tr("Choose a task in the plan browser, then click the features to link to it"), 10000);
    else if (on)
        statusBar()->showMessage(
            tr("Click a feature to link it to %1, or click a linked one to unlink it")
                .arg(m_chosenTask),
            10000);
    else
        statusBar()->clearMessage();
}

bool MainWindow::ensureWritable(bool sharedEdit)
{
    if (!m_ws)
        return false;
    if (m_ws->isShared() && !sharedEdit) {
        showError(tr("Cannot change %1").arg(workspaceName(m_path)),
                  tr("in a shared workspace planners change links, suggestions, reasons, plans "
                     "and the programme's shapes, and its owner adds layers and map sheets; "
                     "layers are renamed or removed in a GeoPackage and copied in"));
        return false;
    }
    if (m_writable)
        return true;
    try {
        auto ws = std::make_unique<layers::Workspace>(layers::Workspace::open(
            m_path.toStdString(), gis::OpenMode::Update, layers::SchemaWrites::Allowed));
        m_ws = std::move(ws);
        m_writable = true;
        // Layers a session removed and could not purge (it ended abruptly) go now: no undo
        // can bring them back any more.
        if (m_undo.count() == 0)
            purgeRemoved();
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot write to %1").arg(workspaceName(m_path)), errorText(e));
        return false;
    }
}

bool MainWindow::writeLink(const QString& taskId, const std::string& featureCode, bool add)
{
    if (!ensureWritable(true))
        return false;
    try {
        // Made on the view this window shows: refused when someone changed the task since.
        if (add)
            plan::addLink(*m_ws, taskId.toStdString(), featureCode, m_seenEdit);
        else
            plan::removeLink(*m_ws, taskId.toStdString(), featureCode, m_seenEdit);
    } catch (const layers::Error& e) {
        if (e.kind() != layers::ErrorKind::Conflict) {
            showError(add ? tr("Cannot link %1").arg(q(featureCode))
                          : tr("Cannot unlink %1").arg(q(featureCode)),
                      errorText(e));
            return false;
        }
        showConflict(taskId);
        return false;
    } catch (const std::exception& e) {
        showError(add ? tr("Cannot link %1").arg(q(featureCode))
                      : tr("Cannot unlink %1").arg(q(featureCode)),
                  errorText(e));
        return false;
    }
    refreshAfterEdit();
    return true;
}

bool MainWindow::toggleLink(const QString& taskId, const std::string& featureCode,
                            const QString& featureName)
{
    if (!m_ws)
        return false;
    bool linked = false;
    try {
        linked = !plan::listLinks(*m_ws, taskId.toStdString(), featureCode).empty();
    } catch (const std::exception& e) {
        showError(tr("Cannot read the links of %1").arg(taskId), errorText(e));
        return false;
    }
    const bool add = !linked;
    if (!writeLink(taskId, featureCode, add))
        return false;
    const QString what = featureName.isEmpty() ? q(featureCode) : featureName;
    m_undo.push(new EditCommand(
        add,
        add ? tr("link %1 to %2").arg(what, taskId) : tr("unlink %1 from %2").arg(what, taskId),
        [this, taskId, featureCode](bool a) { return writeLink(taskId, featureCode, a); }));
    statusBar()->showMessage(add ? tr("%1 linked to %2").arg(what, taskId)
                                 : tr("%1 unlinked from %2").arg(what, taskId),
                             8000);
    return true;
}

void MainWindow::showConflict(const QString& taskId)
{
    QString who;
    for (const auto& e : m_ws->editLog(taskId.toStdString(), m_seenEdit))
        who = QString::fromStdString(e.who);
    showError(tr("Changed by someone else"),
              tr("%1 changed task %2 after this window last read it. Nothing of yours was "
                 "written. The map now shows the workspace as it is: look again, and repeat your "
                 "change if it still holds.")
                  .arg(who.isEmpty() ? tr("Another planner") : who, taskId));
    refreshFromWorkspace();
}

void MainWindow::refreshFromWorkspace()
{
    if (!m_ws)
        return;
    reloadWorkspace();
    refreshAfterEdit();
    statusBar()->showMessage(tr("Read again from %1").arg(workspaceName(m_path)), 5000);
}

void MainWindow::refreshAfterEdit()
{
    // Everything that shows links, as the workspace now has them; no view moves.
    m_refreshing = true;
    m_seenEdit = m_ws->lastEdit();
    const QString task = m_chosenTask;
    m_plan->setPlan(plan::readPlanOverview(*m_ws));
    if (!task.isEmpty())
        m_plan->selectTask(task);
    m_chosenTask = task;
    if (m_lastClick)
        identifyAt(m_lastClick->first.x(), m_lastClick->first.y(), m_lastClick->second);
    refreshSuggestions();
    if (!m_document->documentId().empty()) // the document's tasks may have changed
        showDocumentOf(m_document->chosenTask().isEmpty()
                           ? QString::fromStdString(m_document->documentId() + ":")
                           : m_document->chosenTask(),
                       true);
    m_canvas->refresh();
    m_refreshing = false;
}

void MainWindow::refreshSuggestions()
{
    if (!m_ws) {
        m_suggestions->setSuggestions({});
        m_suggestions->setReasons({});
        return;
    }
    try {
        m_suggestions->setSuggestions(plan::listSuggestions(*m_ws, "pending"));
        m_suggestions->setReasons(plan::proposeReasons(*m_ws));
    } catch (const std::exception& e) {
        m_suggestions->setSuggestions({});
        m_suggestions->setReasons({});
        showError(tr("Cannot read the suggested links"), errorText(e));
    }
}

bool MainWindow::decideSuggestions(const std::vector<std::int64_t>& ids, bool accept)
{
    if (!m_ws || ids.empty() || !ensureWritable(true))
        return false;
    return pushEdit(accept ? tr("accept %n suggestion(s)", nullptr, static_cast<int>(ids.size()))
                           : tr("reject %n suggestion(s)", nullptr, static_cast<int>(ids.size())),
                    accept ? tr("Cannot accept the suggestion")
                           : tr("Cannot reject the suggestion"),
                    [this, ids, accept](bool forward) {
                        if (!forward)
                            plan::resetSuggestions(*m_ws, ids);
                        else if (accept)
                            plan::acceptSuggestions(*m_ws, ids, 0.0);
                        else
                            plan::rejectSuggestions(*m_ws, ids);
                    });
}

bool MainWindow::confirmReasons(const std::vector<std::string>& taskIds,
                                const std::string& reasonId)
{
    if (!m_ws || taskIds.empty() || !ensureWritable(true))
        return false;
    // The reason is recorded in the workspace's language whatever the window's: the class's
    // Vietnamese title, as the suggested reasons are. Without a class given, each task gets the
    // reason the dock shows for it (the suggestion learns from what is recorded meanwhile).
    const auto* chosen = plan::findReasonClass(reasonId);
    if (!reasonId.empty() && !chosen)
        return false;
    const std::string given = chosen ? std::string(chosen->titleVi) : std::string();
    std::vector<plan::UnlocatedTask> tasks;
    for (const auto& task : taskIds) {
        std::string reason = given;
        if (reason.empty())
            for (const auto& p : m_suggestions->reasons())
                if (p.taskId == task && p.suggestion.reason)
                    reason = p.suggestion.reason->titleVi;
        tasks.push_back({task, reason});
    }
    return pushEdit(
        tr("leave %n task(s) without a place", nullptr, static_cast<int>(taskIds.size())),
        tr("Cannot record the tasks as without a place"), [this, taskIds, tasks](bool forward) {
            if (forward)
                plan::recordUnlocated(*m_ws, tasks);
            else
                plan::forgetUnlocated(*m_ws, taskIds);
        });
}

bool MainWindow::pushEdit(const QString& what, const QString& failure,
                          const std::function<void(bool forward)>& change)
{
    auto write = [this, failure, change](bool forward) {
        try {
            change(forward);
        } catch (const layers::Error& e) {
            if (e.kind() == layers::ErrorKind::Conflict) {
                showError(failure, tr("someone else changed it after this window last read the "
                                      "workspace; nothing of yours was written. The window now "
                                      "shows the workspace as it is.") +
                                       QStringLiteral("\n") + errorText(e));
                refreshFromWorkspace();
            } else {
                showError(failure, errorText(e));
            }
            return false;
        } catch (const std::exception& e) {
            showError(failure, errorText(e));
            return false;
        }
        refreshAfterEdit();
        return true;
    };
    if (!write(true))
        return false;
    m_undo.push(new EditCommand(true, what, write));
    return true;
}

QString MainWindow::runInBackground(
    const QString& what, gis::OpenMode mode,
    const std::function<void(layers::Workspace&, const layers::Progress&)>& work)
{
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    QProgressDialog dialog(what, tr("Cancel"), 0, 100, this);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    connect(&dialog, &QProgressDialog::canceled, &dialog, [cancel] { *cancel = true; });
    const QString error = runAndWait(
        m_path.toStdString(), mode, cancel, work, [&](int percent) { dialog.setValue(percent); },
        tr("cancelled; nothing was written"));
    dialog.reset();
    return error;
}

GeorefDialog* MainWindow::openGeoreferencer()
{
    if (!m_ws)
        return nullptr;
    if (m_georefDialog) {
        m_georefDialog->show();
        m_georefDialog->raise();
        return m_georefDialog;
    }
    m_georefDialog = new GeorefDialog(this, q(m_ws->crs().label()), m_lang);
    m_georefDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_georefDialog, &GeorefDialog::pickOnMapRequested, this, [this](bool on) {
        m_canvas->setTool(on ? MapCanvas::Tool::PickPoint : MapCanvas::Tool::Browse);
        if (on)
            statusBar()->showMessage(tr("Click on the map where the point on the sheet is."));
    });
    connect(m_canvas, &MapCanvas::picked, m_georefDialog, &GeorefDialog::mapPicked);
    connect(m_georefDialog, &GeorefDialog::placeRequested, this, &MainWindow::placeSheet);
    m_georefDialog->show();
    return m_georefDialog;
}

bool MainWindow::placeSheet(const layers::GeorefOptions& options)
{
    if (!m_ws)
        return false;
    layers::GeorefResult result;
    QString qgisNote;
    const QString error = runInBackground(
        tr("Placing %1…").arg(QFileInfo(q(options.sheet.path)).fileName()), gis::OpenMode::Update,
        [&](layers::Workspace& ws, const layers::Progress& progress) {
            result = layers::georeference(ws, options, progress);
            ws.transaction([&] { qgisNote = qgisProjectNote(render::writeQgis(ws)); }); // QGIS too
        });
    if (!error.isEmpty()) {
        showError(tr("Cannot place %1").arg(QFileInfo(q(options.sheet.path)).fileName()), error);
        return false;
    }
    reloadWorkspace();
    zoomToLayer(q(result.layer.name));
    QString message = tr("%1 placed on the map").arg(q(result.layer.titleVi));
    if (result.layer.rmseM)
        message += QStringLiteral(": ") +
                   tr("RMS residual %1 m").arg(decimal(*result.layer.rmseM, 2, m_lang));
    statusBar()->showMessage(withNote(message, qgisNote), 15000);
    return true;
}

bool MainWindow::removeSheet(const QString& layer)
{
    if (!m_ws)
        return false;
    if (m_interactive &&
        QMessageBox::question(this, tr("Remove the map sheet"),
                              tr("Remove the map sheet %1 from the workspace? The shapes traced "
                                 "over it stay. This cannot be undone; the sheet can be placed "
                                 "again from its file.")
                                  .arg(layer)) != QMessageBox::Yes)
        return false;
    if (!ensureWritable(true)) // (in a schema its owner's: said by removeRasterLayer)
        return false;
    QString qgisNote;
    try {
        m_ws->transaction([&] {
            layers::removeRasterLayer(*m_ws, layer.toStdString());
            qgisNote = qgisProjectNote(render::writeQgis(*m_ws));
        });
    } catch (const std::exception& e) {
        showError(tr("Cannot remove %1").arg(layer), errorText(e));
        return false;
    }
    m_layers->setLayers(render::defaultStack(*m_ws), m_lang.toStdString());
    statusBar()->showMessage(withNote(tr("Map sheet %1 removed").arg(layer), qgisNote), 8000);
    return true;
}

std::string MainWindow::tracedSheet(const std::optional<gis::Envelope>& over) const
{
    if (!m_ws)
        return {};
    const auto sheets = layers::rasterLayers(*m_ws);
    // A shape is traced from a sheet it lies on: one elsewhere on the map is drawn by hand.
    auto under = [&](const layers::RasterLayer& r) {
        return !over || (r.extent && r.extent->intersects(*over));
    };
    std::string traced;
    for (const auto& entry : m_layers->stack()) // bottom first: the last is on top
        if (entry.second > 0 && std::any_of(sheets.begin(), sheets.end(), [&](const auto& r) {
                return r.name == entry.first && under(r);
            }))
            traced = entry.first;
    return traced;
}

bool MainWindow::startDrawing(const QString& layer, std::int64_t fid)
{
    if (!m_ws || !ensureWritable(true)) // (said before anything is drawn, not at the end)
        return false;
    const auto registered = m_ws->findLayer(layer.toStdString());
    const auto* kind = registered ? layers::findKind(registered->kind) : nullptr;
    const auto table = m_ws->dataset().layerByName(layer.toStdString());
    if (!kind || !kind->programme || !table ||
        (table->geometryFamily() != gis::GeometryFamily::Polygon &&
         table->geometryFamily() != gis::GeometryFamily::Line)) {
        showError(tr("Cannot draw in %1").arg(layer),
                  tr("only areas and lines of the programme's layers are drawn"));
        return false;
    }
    m_drawLayer = layer;
    m_drawFid = fid;
    m_drawSeen = m_seenEdit;
    m_canvas->setSnapper([this](QPointF at, double toleranceM) -> std::optional<QPointF> {
        std::vector<std::string> visible;
        for (const auto& [name, opacity] : m_layers->stack())
            if (opacity > 0 && m_ws->findLayer(name))
                visible.push_back(name);
        if (const auto c = layers::snapToVertex(*m_ws, visible, {at.x(), at.y()}, toleranceM))
            return QPointF(c->x, c->y);
        return std::nullopt;
    });
    m_canvas->setTool(table->geometryFamily() == gis::GeometryFamily::Polygon
                          ? MapCanvas::Tool::DrawArea
                          : MapCanvas::Tool::DrawLine);
    const std::string sheet = tracedSheet();
    statusBar()->showMessage(
        (sheet.empty() ? tr("Drawing without a map sheet: the shape stays indicative.")
                       : tr("Tracing over %1.").arg(q(sheet))) +
        QStringLiteral(" ") + tr("Click the corners, double-click to end; Esc stops."));
    return true;
}

bool MainWindow::saveDrawing(const std::vector<QPointF>& vertices)
{
    const QString layer = m_drawLayer;
    const std::int64_t fid = m_drawFid;
    const std::int64_t seen = m_drawSeen;
    const bool cut = m_drawCut;
    m_drawLayer.clear();
    m_drawFid = 0;
    m_drawCut = false;
    m_canvas->setTool(MapCanvas::Tool::Browse);
    if (!m_ws || layer.isEmpty())
        return false;
    if (cut)
        return cutAlong(layer, fid, vertices);
    const bool area = m_ws->dataset().layerByName(layer.toStdString())->geometryFamily() ==
                      gis::GeometryFamily::Polygon;
    std::ostringstream wkt;
    wkt.precision(15);
    wkt << (area ? "POLYGON((" : "LINESTRING(");
    for (const auto& v : vertices)
        wkt << v.x() << ' ' << v.y() << ',';
    if (area && !vertices.empty())
        wkt << vertices.front().x() << ' ' << vertices.front().y() << ',';
    std::string text = wkt.str();
    text.back() = ')';
    if (area)
        text += ')';
    std::optional<gis::Envelope> drawnOver;
    for (const auto& v : vertices) {
        const gis::Envelope corner{v.x(), v.y(), v.x(), v.y()};
        if (drawnOver)
            drawnOver->merge(corner);
        else
            drawnOver = corner;
    }
    const std::string sheet = tracedSheet(drawnOver);
    const std::string name = layer.toStdString();
    if ((area && vertices.size() < 3) || vertices.size() < 2) {
        showError(tr("Cannot draw in %1").arg(layer), tr("too few corners"));
        return false;
    }
    const auto shape = gis::Geometry::fromWkt(text);
    if (!ensureWritable(true))
        return false;
    try {
        if (fid == 0) {
            const auto attributes = m_askAttributes ? m_askAttributes(layer) : std::nullopt;
            if (!attributes)
                return false; // the person changed their mind
            const std::int64_t added = m_ws->transaction([&] {
                const auto made = layers::addDrawnFeature(*m_ws, name, shape, *attributes, sheet);
                // (A shared workspace's QGIS project is written by its owner's qgis: several
                // planners drawing at once would each write it.)
                if (!m_ws->isShared())
                    render::writeQgis(*m_ws);
                return made;
            });
            auto made = std::make_shared<std::int64_t>(added);
            // Taken back and made again, each on what this window's own last step left.
            auto mark = std::make_shared<std::int64_t>(m_ws->lastLogged());
            const auto wktText = std::make_shared<std::string>(text);
            auto write = [this, name, made, mark, wktText, attributes, sheet](bool forward) {
                if (!ensureWritable(true))
                    return false;
                try {
                    if (forward)
                        *made = layers::addDrawnFeature(
                            *m_ws, name, gis::Geometry::fromWkt(*wktText), *attributes, sheet);
                    else
                        layers::removeDrawnFeature(*m_ws, name, *made, *mark);
                } catch (const std::exception& e) {
                    return drawingRefused(tr("Cannot draw in %1").arg(q(name)), e);
                }
                *mark = m_ws->lastLogged();
                m_canvas->refresh();
                refreshAfterEdit();
                return true;
            };
            m_undo.push(new EditCommand(true, tr("draw %1").arg(q(attributes->nameVi)), write));
            statusBar()->showMessage(tr("%1 drawn").arg(q(attributes->nameVi)), 8000);
        } else {
            // On the view the drawing started from (its corners were read then).
            const auto before = std::make_shared<layers::ShapeState>(
                layers::reshapeFeature(*m_ws, name, fid, shape, sheet, seen));
            auto mark = std::make_shared<std::int64_t>(m_ws->lastLogged());
            const auto wktText = std::make_shared<std::string>(text);
            auto write = [this, name, fid, before, mark, wktText, sheet](bool forward) {
                if (!ensureWritable(true))
                    return false;
                try {
                    if (forward)
                        *before = layers::reshapeFeature(
                            *m_ws, name, fid, gis::Geometry::fromWkt(*wktText), sheet, *mark);
                    else
                        layers::restoreShape(*m_ws, name, fid, *before, *mark);
                } catch (const std::exception& e) {
                    return drawingRefused(tr("Cannot draw in %1").arg(q(name)), e);
                }
                *mark = m_ws->lastLogged();
                m_canvas->refresh();
                refreshAfterEdit();
                return true;
            };
            m_undo.push(new EditCommand(true, tr("new shape in %1").arg(layer), write));
            statusBar()->showMessage(tr("New shape saved"), 8000);
        }
    } catch (const layers::ParameterError& e) {
        showError(tr("Cannot draw in %1").arg(layer), said(e.problemSentence()));
        return false;
    } catch (const std::exception& e) {
        return drawingRefused(tr("Cannot draw in %1").arg(layer), e);
    }
    m_canvas->refresh();
    refreshAfterEdit(); // what this window has seen includes its own change
    return true;
}

bool MainWindow::drawingRefused(const QString& failure, const std::exception& e)
{
    const auto* error = dynamic_cast<const layers::Error*>(&e);
    if (!error || error->kind() != layers::ErrorKind::Conflict) {
        showError(failure, errorText(e));
        return false;
    }
    // What changed and who changed it (the feature in question).
    showError(tr("Changed by someone else"),
              tr("Nothing of yours was written. The map now shows the workspace as it is: look "
                 "again, and repeat your change if it still holds.") +
                  QStringLiteral("\n") + errorText(e));
    refreshFromWorkspace();
    return false;
}

QString MainWindow::editText(const layers::LoggedEdit& e)
{
    const std::string& a = e.edit.action;
    const QString verb = a == "link_add"               ? tr("linked")
                         : a == "link_remove"          ? tr("unlinked")
                         : a == "suggestion_accept"    ? tr("accepted the suggestion of")
                         : a == "suggestion_reject"    ? tr("rejected the suggestion of")
                         : a == "suggestion_reset"     ? tr("reopened the suggestion of")
                         : a == "unlocated_set"        ? tr("recorded as without a place")
                         : a == "unlocated_forget"     ? tr("took back 'without a place' for")
                         : a == "feature_add"          ? tr("drew")
                         : a == "feature_reshape"      ? tr("gave a new shape to")
                         : a == "feature_remove"       ? tr("deleted")
                         : a == "feature_restore"      ? tr("brought back")
                         : a == "feature_split"        ? tr("cut")
                         : a == "feature_split_undone" ? tr("made whole again")
                         : a == "feature_merge"        ? tr("merged others into")
                         : a == "feature_merge_undone" ? tr("took apart")
                         : a == "suggest"              ? tr("made the suggestions again")
                                                       : QString::fromStdString(a);
    QDateTime at = QDateTime::fromString(QString::fromStdString(e.at), Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(QString::fromStdString(e.at), Qt::ISODate);
    const QString when = at.isValid()
                             ? at.toLocalTime().toString(QStringLiteral("HH:mm dd/MM/yyyy"))
                             : QString::fromStdString(e.at);
    const QString who = QString::fromStdString(e.who);
    // What it was done to: the feature, else the task (a task recorded as without a place).
    const std::string& what = e.edit.featureCode.empty() ? e.edit.taskId : e.edit.featureCode;
    if (what.empty())
        return tr("%1 %2 at %3").arg(who, verb, when);
    return tr("%1 %2 %3 at %4").arg(who, verb, q(what), when);
}

QString said(const std::exception& error)
{
    return MainWindow::errorText(error);
}

QString MainWindow::errorText(const std::exception& error)
{
    if (const auto* rights = dynamic_cast<const layers::RightsError*>(&error)) {
        const QString who = q(rights->who()), where = q(rights->where());
        switch (rights->missing()) {
        case layers::RightsError::Missing::Read:
            return tr("Role %1 may not read the workspace in schema %2; the schema's owner can "
                      "give it the right to read.")
                .arg(who, where);
        case layers::RightsError::Missing::Change:
            return tr("Role %1 may read the workspace in schema %2 but not change it; nothing was "
                      "changed. The schema's owner can make it an editor.")
                .arg(who, where);
        case layers::RightsError::Missing::AddTables:
            return tr("The workspace in schema %1 was made by an older PlanAtlas; its owner opens "
                      "it for writing once to bring it up to date (role %2 may not add tables "
                      "to it).")
                .arg(where, who);
        case layers::RightsError::Missing::WriteFile:
            return tr("The file %1 is read-only; nothing was changed. Make it writable, or work "
                      "on a copy.")
                .arg(QDir::toNativeSeparators(where));
        }
    }
    const auto* found = dynamic_cast<const layers::ConflictError*>(&error);
    if (!found) {
        // A workspace's words without the command line's remedy ("planatlas init").
        if (const auto* e = dynamic_cast<const layers::Error*>(&error))
            return said(e->sentence());
        if (dynamic_cast<const std::bad_alloc*>(&error))
            return tr("There is not enough memory for this work; close other programs, or work "
                      "on a smaller extent or fewer layers.");
        // Not foreseen by the engine, which says what it foresees: the library's words (or the
        // engine's own, when the library gave none) after a sentence of the window's.
        const auto* library = dynamic_cast<const gis::GisError*>(&error);
        return tr("The work stopped on an error PlanAtlas did not foresee (%1).")
            .arg(q(library ? library->cause() : std::string(error.what())));
    }
    const auto& conflict = *found;
    const QString subject = q(conflict.subject());
    switch (conflict.reason()) {
    case layers::ConflictError::Reason::Gone:
        return tr("A feature of layer %1 is no longer there: it was deleted or merged into "
                  "another meanwhile.")
            .arg(subject);
    case layers::ConflictError::Reason::CodeTaken:
        return tr("%1 cannot come back: another feature was given its code meanwhile. Give one "
                  "of them another code first.")
            .arg(subject);
    case layers::ConflictError::Reason::Changed:
        break;
    }
    const auto& since = conflict.since();
    if (since.empty())
        return tr("Someone else changed it meanwhile.");
    QStringList edits;
    for (std::size_t i = 0; i < since.size() && i < 3; ++i)
        edits << editText(since[i]);
    QString text = edits.join(QStringLiteral("; "));
    if (since.size() > 3)
        text += tr("; and %1 more change(s)").arg(since.size() - 3);
    return tr("Changed meanwhile: %1.").arg(text);
}

QString MainWindow::qgisProjectNote(const render::QgisWritten& written)
{
    using Problem = render::QgisWritten::SchemaProblem;
    QString note;
    switch (written.schemaProblemKind) {
    case Problem::None:
        break;
    case Problem::NoTable:
        note = tr("The QGIS project kept in the schema was not written anew: the schema has no "
                  "table for it and your role may not make one; its owner writes the QGIS "
                  "project once.");
        break;
    case Problem::Failed:
        note = tr("The QGIS project kept in the schema was not written anew: %1")
                   .arg(q(written.schemaProblem));
        break;
    }
    // The database's table of QGIS styles: refused, said; missing, left to its owner (the
    // command line's 'planatlas qgis' says so).
    using Styles = render::QgisWritten::DatabaseStyles;
    const QString gap = note.isEmpty() ? QString() : QStringLiteral(" ");
    if (written.databaseStylesKind == Styles::NotAllowed)
        note += gap + tr("The layers' default styles for QGIS were not written into the "
                         "database's shared table of styles: your role may not write it; the "
                         "database's owner grants it once.");
    else if (written.databaseStylesKind == Styles::Failed)
        note += gap + tr("The layers' default styles for QGIS were not written into the "
                         "database's shared table of styles: %1")
                          .arg(q(written.databaseStylesProblem));
    return note;
}

bool MainWindow::startEditingCorners(const QString& layer, std::int64_t fid)
{
    if (!m_ws)
        return false;
    gis::Shapes shapes;
    try {
        shapes = layers::featureShapes(*m_ws, layer.toStdString(), {fid});
    } catch (const std::exception& e) {
        showError(tr("Cannot edit %1").arg(layer), errorText(e));
        return false;
    }
    std::vector<gis::Coord> corners;
    bool area = false;
    if (shapes.polygons.size() == 1 && shapes.polygons[0].size() == 1 && shapes.lines.empty()) {
        corners = shapes.polygons[0][0];
        if (corners.size() > 1 && corners.front().x == corners.back().x &&
            corners.front().y == corners.back().y)
            corners.pop_back(); // the ring's closing corner is its first
        area = true;
    } else if (shapes.lines.size() == 1 && shapes.polygons.empty()) {
        corners = shapes.lines[0];
    } else {
        showError(tr("Cannot edit %1").arg(layer),
                  tr("the shape has several parts or holes; draw it anew or cut it instead"));
        return false;
    }
    if (!startDrawing(layer, fid))
        return false;
    std::vector<QPointF> points;
    for (const auto& c : corners)
        points.emplace_back(c.x, c.y);
    m_canvas->editCorners(std::move(points), area);
    const std::string sheet = tracedSheet();
    statusBar()->showMessage(
        (sheet.empty() ? tr("Editing without a map sheet: the shape stays indicative.")
                       : tr("Tracing over %1.").arg(q(sheet))) +
        QStringLiteral(" ") +
        tr("Drag a corner, click the middle of a side to add one, Delete removes the corner "
           "last touched; Enter or a double click ends, Esc stops."));
    return true;
}

bool MainWindow::startCutting(const QString& layer, std::int64_t fid)
{
    if (!m_ws)
        return false;
    const auto table = m_ws->dataset().layerByName(layer.toStdString());
    if (!table || (table->geometryFamily() != gis::GeometryFamily::Polygon &&
                   table->geometryFamily() != gis::GeometryFamily::Line)) {
        showError(tr("Cannot cut in %1").arg(layer), tr("only areas and lines can be cut"));
        return false;
    }
    m_drawLayer = layer;
    m_drawFid = fid;
    m_drawCut = true;
    m_canvas->setSnapper({});
    m_canvas->setTool(MapCanvas::Tool::DrawLine);
    statusBar()->showMessage(tr("Draw the line of the cut across the shape, from outside it to "
                                "outside it; double-click to end; Esc stops."));
    return true;
}

bool MainWindow::cutAlong(const QString& layer, std::int64_t fid,
                          const std::vector<QPointF>& vertices)
{
    if (vertices.size() < 2) {
        showError(tr("Cannot cut in %1").arg(layer), tr("too few corners"));
        return false;
    }
    std::ostringstream wkt;
    wkt.precision(15);
    wkt << "LINESTRING(";
    for (std::size_t i = 0; i < vertices.size(); ++i)
        wkt << (i ? "," : "") << vertices[i].x() << ' ' << vertices[i].y();
    wkt << ')';
    const auto cutter = std::make_shared<gis::Geometry>(gis::Geometry::fromWkt(wkt.str()));
    if (!ensureWritable(true))
        return false;
    const std::string name = layer.toStdString();
    auto result = std::make_shared<layers::SplitResult>();
    auto mark = std::make_shared<std::optional<std::int64_t>>(); // this window's own last step
    const bool done = pushEdit(tr("cut a feature of %1").arg(layer),
                               tr("Cannot cut in %1").arg(layer), [=, this](bool forward) {
                                   const auto seen = mark->value_or(m_seenEdit);
                                   if (forward)
                                       *result =
                                           layers::splitFeature(*m_ws, name, fid, *cutter, seen);
                                   else
                                       layers::undoSplit(*m_ws, name, fid, *result, seen);
                                   *mark = m_ws->lastLogged();
                               });
    if (done) {
        reloadAttributes(layer);
        statusBar()->showMessage(tr("Cut into %1 pieces; the new ones are %2")
                                     .arg(result->added.size() + 1)
                                     .arg(joined(result->addedCodes)),
                                 10000);
    }
    return done;
}

bool MainWindow::deleteFeature(const QString& layer, std::int64_t fid)
{
    if (!m_ws)
        return false;
    const std::string name = layer.toStdString();
    std::string title;
    std::size_t tasks = 0;
    if (const auto table = m_ws->dataset().layerByName(name))
        if (const auto f = table->feature(fid)) {
            const int nameField = table->fieldIndex("name_vi");
            title = nameField >= 0 ? gis::toString(f->value(nameField)) : std::string();
            tasks = layers::tasksOfFeature(*m_ws, name, fid).size();
        }
    if (m_interactive &&
        QMessageBox::question(this, tr("Delete a feature"),
                              tr("Delete %1 and its %2 link(s) to plan tasks? Edit → Undo "
                                 "brings it back.")
                                  .arg(q(title))
                                  .arg(tasks)) != QMessageBox::Yes)
        return false;
    if (!ensureWritable(true))
        return false;
    auto snapshot = std::make_shared<layers::FeatureSnapshot>();
    auto mark = std::make_shared<std::optional<std::int64_t>>(); // this window's own last step
    const bool done = pushEdit(tr("delete %1").arg(q(title)), tr("Cannot delete %1").arg(q(title)),
                               [=, this](bool forward) {
                                   if (forward)
                                       *snapshot = layers::deleteFeature(
                                           *m_ws, name, fid, mark->value_or(m_seenEdit));
                                   else
                                       layers::restoreFeature(*m_ws, *snapshot);
                                   *mark = m_ws->lastLogged();
                               });
    if (done) {
        m_canvas->setSelection({});
        reloadAttributes(layer);
        statusBar()->showMessage(tr("%1 deleted").arg(q(title)), 8000);
    }
    return done;
}

bool MainWindow::mergeFeatures(const QString& layer, std::int64_t keep,
                               const std::vector<std::int64_t>& others)
{
    if (!m_ws || !ensureWritable(true))
        return false;
    const std::string name = layer.toStdString();
    auto result = std::make_shared<layers::MergeResult>();
    auto mark = std::make_shared<std::optional<std::int64_t>>(); // this window's own last step
    const bool done = pushEdit(tr("merge %1 features of %2").arg(others.size() + 1).arg(layer),
                               tr("Cannot merge in %1").arg(layer), [=, this](bool forward) {
                                   const auto seen = mark->value_or(m_seenEdit);
                                   if (forward)
                                       *result =
                                           layers::mergeFeatures(*m_ws, name, keep, others, seen);
                                   else
                                       layers::undoMerge(*m_ws, name, keep, *result, seen);
                                   *mark = m_ws->lastLogged();
                               });
    if (done) {
        m_canvas->setSelection({});
        reloadAttributes(layer);
        statusBar()->showMessage(tr("%1 features merged into one").arg(others.size() + 1), 8000);
    }
    return done;
}

bool MainWindow::showDocumentOf(const QString& taskId, bool reload)
{
    if (!m_ws)
        return false;
    const std::string id = taskId.toStdString();
    const std::string docId = id.substr(0, id.find(':'));
    try {
        if (reload || m_document->documentId() != docId) {
            const auto overview = plan::readPlanOverview(*m_ws);
            const auto doc = std::find_if(overview.documents.begin(), overview.documents.end(),
                                          [&](const auto& d) { return d.docId == docId; });
            if (doc == overview.documents.end()) {
                m_document->clear();
                return false;
            }
            m_document->setDocument(*doc, plan::documentText(*m_ws, docId));
        }
    } catch (const std::exception& e) {
        showError(tr("Cannot show the document %1").arg(q(docId)), errorText(e));
        return false;
    }
    return m_document->chooseTask(taskId);
}

bool MainWindow::correctTask(const std::string& docId, const std::string& taskId,
                             const std::string& action, const std::string& field,
                             const std::string& value)
{
    if (!m_ws ||
        !ensureWritable(true)) // a task correction is a shared edit, as on the command line
        return false;
    const QString id = q(docId + ":" + taskId);
    if (action == "drop" && m_interactive &&
        QMessageBox::question(this, tr("Not a task"),
                              tr("Record that %1 is not a task? Its links to features go with "
                                 "it; Edit → Undo brings the task back with them.")
                                  .arg(id)) != QMessageBox::Yes)
        return false;
    // The corrections recorded from here on are what an undo takes back; the review as it was
    // (links of a task dropped or merged away go with it) is what an undo puts back.
    const auto last = std::make_shared<std::int64_t>(0);
    const auto review = std::make_shared<plan::ReviewState>();
    const bool done = pushEdit(
        tr("correct %1").arg(id), tr("Cannot correct %1").arg(id), [=, this](bool forward) {
            if (forward) {
                const auto rows =
                    m_ws->dataset()
                        .run("SELECT COALESCE(MAX(fid), 0) FROM plan_task_corrections", {})
                        .rows;
                *last = std::get<std::int64_t>(rows.at(0).at(0));
                *review = plan::saveReviewState(*m_ws, docId);
                plan::correctTask(*m_ws, docId, taskId, action, field, value);
            } else {
                m_ws->transaction([&] {
                    m_ws->dataset().run(
                        "DELETE FROM plan_task_corrections WHERE doc_id = ? AND fid > ?",
                        {docId, *last});
                    plan::rereadDocument(*m_ws, docId);
                    plan::restoreReviewState(*m_ws, *review);
                });
            }
        });
    if (done)
        statusBar()->showMessage(tr("Correction of %1 recorded; it is applied again whenever the "
                                    "document is read again")
                                     .arg(id),
                                 10000);
    return done;
}

bool MainWindow::removeLayer(const QString& layer)
{
    if (!m_ws)
        return false;
    const std::string name = layer.toStdString();
    const auto registered = m_ws->findLayer(name);
    if (!registered)
        return false;
    const QString title =
        q(m_lang == QStringLiteral("en") ? registered->titleEn : registered->titleVi);
    try {
        const auto props = layers::layerProperties(*m_ws, name);
        if (m_interactive &&
            QMessageBox::question(
                this, tr("Remove the layer"),
                tr("Remove the layer %1 with its %2 feature(s) and %3 link(s) to plan tasks? "
                   "Edit → Undo puts it back until the workspace is closed.")
                    .arg(title)
                    .arg(props.features)
                    .arg(props.links)) != QMessageBox::Yes)
            return false;
    } catch (const std::exception& e) {
        showError(tr("Cannot remove %1").arg(title), errorText(e));
        return false;
    }
    if (!ensureWritable())
        return false;
    auto removed = std::make_shared<layers::RemovedLayer>();
    auto qgisNote = std::make_shared<QString>();
    const bool done =
        pushEdit(tr("remove the layer %1").arg(title), tr("Cannot remove %1").arg(title),
                 [=, this](bool forward) {
                     m_ws->transaction([&] {
                         if (forward)
                             *removed = layers::removeLayer(*m_ws, name);
                         else
                             layers::restoreLayer(*m_ws, *removed);
                         *qgisNote = qgisProjectNote(render::writeQgis(*m_ws));
                     });
                     if (forward && q(m_attributes->table().layer) == layer) {
                         m_attributes->clear();
                         m_attributesDock->hide();
                     }
                     m_layers->setLayers(render::defaultStack(*m_ws), m_lang.toStdString());
                 });
    if (done)
        statusBar()->showMessage(withNote(tr("Layer %1 removed").arg(title), *qgisNote), 8000);
    return done;
}

int MainWindow::selectInBox(const gis::Envelope& box)
{
    if (!m_ws)
        return 0;
    try {
        std::string layer;
        std::vector<std::int64_t> fids;
        if (m_attributesDock->isVisible() && !m_attributes->table().layer.empty()) {
            layer = m_attributes->table().layer;
            fids = layers::featuresInBox(*m_ws, layer, box);
        } else {
            const auto stack = m_layers->stack(); // bottom first
            for (auto it = stack.rbegin(); it != stack.rend() && fids.empty(); ++it) {
                const auto registered = m_ws->findLayer(it->first);
                const auto* kind = registered ? layers::findKind(registered->kind) : nullptr;
                if (it->second <= 0 || !kind || !kind->programme)
                    continue;
                layer = it->first;
                fids = layers::featuresInBox(*m_ws, layer, box);
            }
            if (fids.empty()) {
                statusBar()->showMessage(tr("No programme feature in the box"), 8000);
                return 0;
            }
            showAttributes(q(layer));
        }
        const int selected = m_attributes->selectFids(fids);
        const auto registered = m_ws->findLayer(layer);
        const QString title = registered ? q(m_lang == QStringLiteral("en") ? registered->titleEn
                                                                            : registered->titleVi)
                                         : q(layer);
        statusBar()->showMessage(
            selected == static_cast<int>(fids.size())
                ? tr("%1 feature(s) of %2 selected").arg(selected).arg(title)
                : tr("%1 feature(s) of %2 selected; %3 more in the box are hidden by the "
                     "table's filter")
                      .arg(selected)
                      .arg(title)
                      .arg(static_cast<int>(fids.size()) - selected),
            10000);
        return selected;
    } catch (const std::exception& e) {
        showError(tr("Cannot select"), errorText(e));
        return 0;
    }
}

void MainWindow::reloadAttributes(const QString& layer)
{
    if (m_attributesDock->isVisible() && q(m_attributes->table().layer) == layer)
        showAttributes(layer);
}

bool MainWindow::ingestPlan(const QString& file)
{
    if (!m_ws)
        return false;
    plan::StoreReport report;
    std::size_t suggested = 0;
    std::vector<layers::Notice> notices;
    m_lastNotices.clear();
    const QString error =
        runInBackground(tr("Reading %1…").arg(QFileInfo(file).fileName()), gis::OpenMode::Update,
                        [&](layers::Workspace& ws, const layers::Progress& progress) {
                            const auto parsed = plan::readPlan(file.toStdString());
                            notices = parsed.warnings;
                            // The plan and its suggestions: one change, kept or not.
                            ws.transaction([&] {
                                progress.update(0.5, "storing");
                                report = plan::storePlan(ws, parsed, {}, file.toStdString());
                                progress.update(0.8, "suggesting");
                                suggested = plan::suggestLinks(ws, report.docId).size();
                            });
                        });
    if (!error.isEmpty()) {
        showError(tr("Cannot ingest %1").arg(QFileInfo(file).fileName()), error);
        return false;
    }
    reloadWorkspace();
    statusBar()->showMessage(tr("%1: %2 task(s) added, %3 updated; %4 agencies, %5 targets; %6 "
                                "link(s) suggested for review")
                                 .arg(q(report.docId))
                                 .arg(report.tasksAdded)
                                 .arg(report.tasksUpdated)
                                 .arg(report.agencies)
                                 .arg(report.targets)
                                 .arg(suggested),
                             15000);
    // What the reader should check, in the window's words (the command line prints them too).
    QStringList lines;
    for (const auto& line : said(notices))
        lines << QStringLiteral("• ") + line;
    m_lastNotices = lines.join(QLatin1Char('\n'));
    if (m_interactive && !lines.isEmpty()) {
        // The first few in the box, every one under Show Details (one per agency can be many).
        constexpr int kShown = 8;
        QString shown = QStringList(lines.mid(0, kShown)).join(QLatin1Char('\n'));
        if (lines.size() > kShown)
            shown += QLatin1Char('\n') + tr("… and %1 more").arg(lines.size() - kShown);
        QMessageBox box(QMessageBox::Information, tr("%1 was read").arg(QFileInfo(file).fileName()),
                        tr("Check these before reviewing its tasks:") + QLatin1Char('\n') + shown,
                        QMessageBox::Ok, this);
        if (lines.size() > kShown)
            box.setDetailedText(m_lastNotices);
        box.exec();
    }
    return true;
}

void MainWindow::zoomToLayer(const QString& layer)
{
    if (!m_ws)
        return;
    if (m_ws->dataset().layerByName(layer.toStdString())) {
        if (const auto e = layers::layerExtent(*m_ws, layer.toStdString()))
            m_canvas->zoomTo(*e);
        return;
    }
    for (const auto& sheet : layers::rasterLayers(*m_ws))
        if (sheet.name == layer.toStdString() && sheet.extent)
            m_canvas->zoomTo(*sheet.extent);
}

void MainWindow::showError(const QString& what, const QString& why)
{
    QString reason = why;
    if (reason.contains(QStringLiteral("database is locked")))
        reason += QStringLiteral("\n") +
                  tr("Another program is writing to this workspace (QGIS, a script?). Close it or "
                     "wait, then try again; nothing was changed.");
    m_lastError = what + QStringLiteral(": ") + reason;
    if (m_interactive)
        QMessageBox::warning(this, what, what + QStringLiteral(":\n") + reason);
    else
        statusBar()->showMessage(m_lastError, 10000);
}

void MainWindow::updateStatus()
{
    if (!m_ws) {
        m_coords->clear();
        m_scale->clear();
        m_state->clear();
        return;
    }
    m_scale->setText(tr("Scale 1:%1").arg(grouped(m_canvas->scaleDenominator(), m_lang)));
    if (!m_haveCursor)
        return;
    QString text =
        QStringLiteral("%1: X %2  Y %3 m")
            .arg(q(m_ws->crs().label()), grouped(m_lastX, m_lang), grouped(m_lastY, m_lang));
    try {
        const auto lonLat = m_toWgs84->apply(m_lastX, m_lastY);
        text += QStringLiteral("   WGS 84: %1° E  %2° N")
                    .arg(decimal(lonLat[0], 5, m_lang), decimal(lonLat[1], 5, m_lang));
    } catch (const std::exception&) {
        // outside the transformation's domain: the projected position alone
    }
    m_coords->setText(text);
}

void MainWindow::updateRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recent")).toStringList();
    const QString full = gis::isPostgresConnection(path.toStdString())
                             ? path // (a connection string carries no password)
                             : QFileInfo(path).absoluteFilePath();
    recent.removeAll(full);
    recent.prepend(full);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue(QStringLiteral("recent"), recent);
}

bool MainWindow::showAttributes(const QString& layer)
{
    if (!m_ws)
        return false;
    try {
        m_attributes->setTable(layers::readFeatureTable(*m_ws, layer.toStdString()),
                               m_lang.toStdString());
    } catch (const std::exception& e) {
        showError(tr("Cannot read the layer %1").arg(layer), errorText(e));
        return false;
    }
    m_attributesDock->show();
    m_attributesDock->raise();
    retranslateUi();
    return true;
}

QMessageBox* MainWindow::showLayerProperties(const QString& layer)
{
    if (!m_ws)
        return nullptr;
    for (const auto& sheet : layers::rasterLayers(*m_ws))
        if (sheet.name == layer.toStdString())
            return showSheetProperties(sheet);
    layers::LayerProperties p;
    try {
        p = layers::layerProperties(*m_ws, layer.toStdString());
    } catch (const std::exception& e) {
        showError(tr("Cannot read the layer %1").arg(layer), errorText(e));
        return nullptr;
    }
    const std::string lang = m_lang.toStdString();
    const auto& l = p.layer;
    const auto* kind = layers::findKind(l.kind);
    QString rows;
    auto row = [&rows](const QString& label, const QString& value) {
        rows += propertyRow(label, value);
    };
    row(tr("Name in the workspace"), q(l.name));
    row(tr("Kind"),
        kind ? q(std::string(lang == "en" ? kind->titleEn : kind->titleVi)) : q(l.kind));
    row(tr("Geometry"), q(l.geometryType));
    QString features = grouped(static_cast<double>(p.features), m_lang);
    if (p.withoutGeometry > 0)
        features += QStringLiteral(" (") +
                    tr("%1 without geometry").arg(grouped(p.withoutGeometry, m_lang)) +
                    QStringLiteral(")");
    row(tr("Features"), features);
    QStringList quality;
    for (const auto& [value, n] : p.byQuality)
        quality << q(analysis::valueTitle("geometry_quality", value, lang)) + QStringLiteral(": ") +
                       grouped(static_cast<double>(n), m_lang);
    row(tr("Geometry quality"), quality.join(QStringLiteral("; ")));
    row(tr("Source"), q(l.source));
    row(tr("Licence"), l.licence.empty() ? tr("none recorded") : q(l.licence));
    row(tr("Attribution"), q(l.attribution));
    row(tr("Imported from"), q(l.sourceFile));
    row(tr("Coordinate system of the source"), q(l.sourceCrs));
    row(tr("Transformation"), q(l.transformation));
    row(tr("Text encoding of the source"), q(l.sourceEncoding));
    row(tr("Imported at"), q(l.importedAt));
    row(tr("Links to plan tasks"), tr("%1 link(s): %2 feature(s), %3 task(s)")
                                       .arg(grouped(static_cast<double>(p.links), m_lang),
                                            grouped(static_cast<double>(p.linkedFeatures), m_lang),
                                            grouped(static_cast<double>(p.linkedTasks), m_lang)));
    if (p.extent)
        row(tr("Extent (%1)").arg(q(m_ws->crs().label())),
            QStringLiteral("%1, %2 – %3, %4")
                .arg(grouped(p.extent->minX, m_lang), grouped(p.extent->minY, m_lang),
                     grouped(p.extent->maxX, m_lang), grouped(p.extent->maxY, m_lang)));
    return propertiesBox(q(lang == "en" ? l.titleEn : l.titleVi), rows);
}

QMessageBox* MainWindow::propertiesBox(const QString& title, const QString& rows)
{
    auto* box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal); // the map stays usable beside it
    box->setWindowTitle(tr("Properties of %1").arg(title));
    box->setTextFormat(Qt::RichText);
    box->setText(QStringLiteral("<b>%1</b><table>%2</table>").arg(title.toHtmlEscaped(), rows));
    box->setStandardButtons(QMessageBox::Close);
    box->show();
    return box;
}

QMessageBox* MainWindow::showSheetProperties(const layers::RasterLayer& sheet)
{
    const std::string lang = m_lang.toStdString();
    QString rows;
    auto row = [&rows](const QString& label, const QString& value) {
        rows += propertyRow(label, value);
    };
    auto metres = [&](double v) { return decimal(v, 2, m_lang) + QStringLiteral(" m"); };
    row(tr("Name in the workspace"), q(sheet.name));
    row(tr("Kind"), tr("Map sheet (georeferenced raster)"));
    QString file = q(sheet.sheetFile);
    if (sheet.sheetDpi > 0)
        file += QStringLiteral(", ") +
                tr("page %1 at %2 dpi").arg(sheet.sheetPage).arg(grouped(sheet.sheetDpi, m_lang));
    row(tr("Sheet"), file);
    row(tr("Date on the sheet"), q(sheet.sheetDate));
    row(tr("Placed by"), said(layers::georefMethodSaid(sheet.method)));
    if (sheet.controlPoints > 0)
        row(tr("Control points"), QString::number(sheet.controlPoints));
    if (sheet.rmseM)
        row(tr("RMS residual"), metres(*sheet.rmseM));
    if (sheet.leaveOneOutRmseM)
        row(tr("RMS leave-one-out error"), metres(*sheet.leaveOneOutRmseM));
    row(tr("Pixel size"), metres(sheet.pixelSizeM));
    row(tr("Size"),
        tr("%1 × %2 pixels").arg(grouped(sheet.width, m_lang), grouped(sheet.height, m_lang)));
    row(tr("Source"), q(sheet.source));
    row(tr("Licence"), sheet.licence.empty() ? tr("none recorded") : q(sheet.licence));
    row(tr("Attribution"), q(sheet.attribution));
    row(tr("Placed at"), q(sheet.createdAt));
    if (sheet.extent)
        row(tr("Extent (%1)").arg(q(m_ws->crs().label())),
            QStringLiteral("%1, %2 – %3, %4")
                .arg(grouped(sheet.extent->minX, m_lang), grouped(sheet.extent->minY, m_lang),
                     grouped(sheet.extent->maxX, m_lang), grouped(sheet.extent->maxY, m_lang)));
    return propertiesBox(q(lang == "en" ? sheet.titleEn : sheet.titleVi), rows);
}

bool MainWindow::renameLayer(const QString& layer, const QString& title)
{
    if (!m_ws)
        return false;
    const auto before = m_ws->findLayer(layer.toStdString());
    if (!before)
        return false;
    const std::string lang = m_lang.toStdString();
    const QString old = q(lang == "en" ? before->titleEn : before->titleVi);
    // Writes one title (one transaction, the QGIS project's names with it) and shows it.
    auto qgisNote = std::make_shared<QString>();
    auto write = [this, layer, lang, qgisNote](const QString& to) {
        if (!ensureWritable())
            return false;
        try {
            m_ws->transaction([&] {
                layers::setLayerTitle(*m_ws, layer.toStdString(), lang, to.toStdString());
                *qgisNote = qgisProjectNote(render::writeQgis(*m_ws));
            });
        } catch (const layers::ParameterError& e) {
            showError(tr("Cannot rename %1").arg(layer), said(e.problemSentence()));
            return false;
        } catch (const std::exception& e) {
            showError(tr("Cannot rename %1").arg(layer), errorText(e));
            return false;
        }
        m_layers->setLayers(render::defaultStack(*m_ws), lang); // keeps the user's choices
        retranslateUi();                                        // the attribute table's title
        return true;
    };
    if (!write(title))
        return false;
    m_undo.push(new EditCommand(
        true, tr("rename %1 to %2").arg(old, title),
        [write, title, old](bool forward) { return write(forward ? title : old); }));
    statusBar()->showMessage(withNote(tr("%1 renamed to %2").arg(old, title), *qgisNote), 8000);
    return true;
}

} // namespace pa::gui
