#pragma once
// The main window: the map in the middle, the layers on the left, what a click found on the
// right; the status bar gives the scale and the cursor in VN-2000 and WGS 84.

#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Digitise.h"
#include "planatlas/layers/Find.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Atlas.h"
#include "planatlas/render/Map.h"
#include "planatlas/render/Qgis.h"

#include <QLabel>
#include <QMainWindow>
#include <QPointF>
#include <QPointer>
#include <QTranslator>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <optional>
#include <string>

class QAction;
class QActionGroup;
class QDockWidget;
class QLineEdit;
class QToolBar;
class QMessageBox;
class QStandardItemModel;
class QMenu;

namespace pa::gui {

class AnalysisDock;
class AttributeTable;
class DocumentView;
class GeorefDialog;
class IdentifyPanel;
class LayerPanel;
class MapCanvas;
class PlanBrowser;
class SuggestionsPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// An error of the workspace in the window's language, where its own words are English and
    /// may give a command line's remedy: what someone else changed meanwhile (a conflict), a
    /// right the role or the file lacks; any other error: its own words.
    [[nodiscard]] static QString errorText(const std::exception& error);
    /// "planatlas_b gave a new shape to KCN-03 at 10:42 04/12/2026", local time.
    [[nodiscard]] static QString editText(const layers::LoggedEdit& edit);
    /// What a planner should know of the QGIS project a change in a shared workspace rewrote:
    /// empty when it was written (or the workspace is a file), else why QGIS still opens the
    /// schema's project as it was.
    [[nodiscard]] static QString qgisProjectNote(const render::QgisWritten& written);

    /// Opens a workspace; on failure says why in the window (a message box unless
    /// setInteractive(false)) and keeps the one open before. Returns whether it opened.
    bool openWorkspace(const QString& path);
    /// Reads the workspace again as it now is (F5): what other planners changed in a shared
    /// workspace appears.
    void refreshFromWorkspace();
    /// Reads the open workspace again after a change made elsewhere (an import): new layers
    /// appear in the tree, the view and the user's layer choices stay.
    void reloadWorkspace();
    /// After an import: the workspace read again and the new layer shown.
    void addImportedLayer(const QString& layer);
    void closeWorkspace();
    /// "vi" or "en": the whole window and the map's labels.
    void setLanguage(const QString& lang);
    [[nodiscard]] QString language() const { return m_lang; }
    /// Tests: report errors through lastError() instead of message boxes.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    /// What the last plan ingested said for its reader to check (scans read with low
    /// confidence, agencies not in the registry, …), one line each; empty when nothing.
    [[nodiscard]] QString lastNotices() const { return m_lastNotices; }

    void identifyAt(double x, double y, double toleranceM);
    /// The map's right-click menu at (x, y): what is here, zoom in and out, the whole
    /// province, copy the coordinates. The caller shows it (or, in tests, triggers its actions).
    [[nodiscard]] std::unique_ptr<QMenu> mapMenu(double x, double y, double toleranceM);
    /// About: what PlanAtlas is, its version and the GDAL, GEOS, PROJ and Qt it runs on.
    [[nodiscard]] QString aboutText() const;

    [[nodiscard]] MapCanvas* canvas() const { return m_canvas; }
    [[nodiscard]] LayerPanel* layerPanel() const { return m_layers; }
    [[nodiscard]] IdentifyPanel* identifyPanel() const { return m_identify; }
    [[nodiscard]] PlanBrowser* planBrowser() const { return m_plan; }
    [[nodiscard]] AnalysisDock* analyses() const { return m_analyses; }
    [[nodiscard]] SuggestionsPanel* suggestions() const { return m_suggestions; }
    [[nodiscard]] AttributeTable* attributeTable() const { return m_attributes; }
    /// Opens the attribute table of @p layer below the map; false (said in the window) when it
    /// cannot be read.
    bool showAttributes(const QString& layer);
    /// A layer's properties (title, kind, source, licence, CRS it came from, quality, counts,
    /// links) in a window that does not block the map; null when it cannot be read (said).
    QMessageBox* showLayerProperties(const QString& layer);
    /// The georeferencer beside the map (one at a time); null without a workspace.
    GeorefDialog* openGeoreferencer();
    /// Warps and keeps the sheet as the georeferencer asks; false (said) on failure.
    bool placeSheet(const layers::GeorefOptions& options);
    /// Turns on drawing a new feature of programme layer @p layer (@p fid 0) or a new shape
    /// for feature @p fid: clicks place the corners (snapped to those of visible features),
    /// a double click ends. False (said) for a layer that cannot be drawn.
    bool startDrawing(const QString& layer, std::int64_t fid = 0);
    /// Writes what was drawn as one undoable step; a new feature asks its attributes first.
    bool saveDrawing(const std::vector<QPointF>& vertices);
    /// Turns on cutting feature @p fid of @p layer along a line drawn on the map (clicks, a
    /// double click ends): the pieces become features with its tasks (undoable).
    /// Edit the corners of feature @p fid of @p layer on the map (drag, add, remove); ends in
    /// a new shape for it as a drawing does (over the visible sheet: digitised from it).
    bool startEditingCorners(const QString& layer, std::int64_t fid);
    bool startCutting(const QString& layer, std::int64_t fid);
    /// Shows the document of task @p taskId ("doc:III.2#3") in the document view with the task
    /// chosen (@p reload: read it again, after a correction). False when there is none.
    bool showDocumentOf(const QString& taskId, bool reload = false);
    /// Records a correction of a task (plan::correctTask) as one undoable step and shows the
    /// document again; false (said) when refused.
    bool correctTask(const std::string& docId, const std::string& taskId, const std::string& action,
                     const std::string& field, const std::string& value);
    [[nodiscard]] DocumentView* documentView() const { return m_document; }
    /// Takes @p layer out of the workspace with its links to tasks, after asking; Edit → Undo
    /// puts it back until the workspace is closed, when it is deleted for good.
    bool removeLayer(const QString& layer);
    /// Selects the features in @p box (workspace CRS) of the layer whose attribute table is
    /// open, else of the top visible programme layer with features there (its table opens).
    /// Returns how many.
    int selectInBox(const gis::Envelope& box);
    /// Deletes feature @p fid of @p layer with its links, after asking (undoable).
    bool deleteFeature(const QString& layer, std::int64_t fid);
    /// Merges features @p others of @p layer into @p keep, which takes their shapes and tasks
    /// (undoable).
    bool mergeFeatures(const QString& layer, std::int64_t keep,
                       const std::vector<std::int64_t>& others);
    /// How a new feature's code, name and status are asked (a dialog unless replaced).
    using AttributeAsker = std::function<std::optional<layers::DrawnAttributes>(const QString&)>;
    void setAttributeAsker(AttributeAsker asker) { m_askAttributes = std::move(asker); }
    /// Removes map sheet @p layer after asking (shapes traced over it stay); false when not.
    bool removeSheet(const QString& layer);
    /// The visible map sheet drawings are traced from (the topmost; with @p over, the topmost
    /// under that part of the map); empty when none shows there.
    [[nodiscard]] std::string tracedSheet(const std::optional<gis::Envelope>& over = {}) const;
    /// The properties of a map sheet: where it comes from and how well it is placed.
    QMessageBox* showSheetProperties(const layers::RasterLayer& sheet);
    /// A non-modal box titled @p title holding the table rows @p rows.
    QMessageBox* propertiesBox(const QString& title, const QString& rows);
    /// Gives @p layer the title @p title in the interface's language: one undoable step
    /// written at once; false (said in the window) when refused or not written.
    bool renameLayer(const QString& layer, const QString& title);
    /// What the Find box offers for @p query: features, units, tasks and agencies, best first.
    std::vector<const layers::Findable*> findNames(const QString& query);
    /// Shows what was found: a feature or unit selected and zoomed to with its identify panel, a
    /// task chosen in the plan browser, an agency's footprint.
    void goTo(const layers::Findable& found);
    [[nodiscard]] QLineEdit* findBox() const { return m_find; }
    [[nodiscard]] QAction* importAction() const { return m_import; }
    [[nodiscard]] QAction* georefAction() const { return m_georef; }
    [[nodiscard]] QAction* measureDistanceAction() const { return m_measureDistance; }
    [[nodiscard]] QAction* measureAreaAction() const { return m_measureArea; }
    /// Accepts or rejects suggested links: one undoable step. False when nothing was written.
    bool decideSuggestions(const std::vector<std::int64_t>& ids, bool accept);
    /// Records tasks as without a place, each with the reason the suggestions dock shows for it
    /// or, given @p reasonId, that class's reason: one undoable step.
    bool confirmReasons(const std::vector<std::string>& taskIds, const std::string& reasonId = {});
    /// Reads a plan document (.txt, .docx) into the workspace with its tasks, agencies and
    /// targets, and suggests links from the places it names (background, progress, Cancel).
    bool ingestPlan(const QString& file);
    /// Shows a task's footprint: highlighted over a muted map and zoomed to; a task without a
    /// place says so in the status bar.
    void showTask(const QString& taskId);
    /// The same for every task an agency leads or supports (and its predecessors' before 2025).
    void showAgency(const QString& agency);
    void clearHighlight();
    /// Writes a map with the renderer of `planatlas map` (in the background, with progress and
    /// Cancel; the file appears only when complete). False on failure, said in the window.
    bool exportMap(const QString& path, const render::MapOptions& options);
    /// Writes an atlas (one page per feature of a layer with its tasks) the same way.
    bool exportAtlas(const QString& path, const render::AtlasOptions& options);
    /// The layers an atlas can be made of, name and title in the window's language: the
    /// programme's units first, then the other unit layers, then the programme layers.
    [[nodiscard]] std::vector<std::pair<QString, QString>> atlasLayers() const;

    /// Link editing. The task the plan browser has chosen receives the features clicked while
    /// link mode is on; each change is one undoable step written to the workspace at once.
    void setLinkMode(bool on);
    [[nodiscard]] QString chosenTask() const { return m_chosenTask; }
    /// Links or unlinks (when already linked) @p featureCode and @p taskId; false when the
    /// workspace cannot be written (said in the window).
    bool toggleLink(const QString& taskId, const std::string& featureCode,
                    const QString& featureName);
    [[nodiscard]] QUndoStack* undoStack() { return &m_undo; }
    [[nodiscard]] layers::Workspace* workspace() const { return m_ws.get(); }

protected:
    void changeEvent(QEvent* event) override;

private:
    /// Cuts feature @p fid of @p layer along the line through @p vertices (undoable).
    bool cutAlong(const QString& layer, std::int64_t fid, const std::vector<QPointF>& vertices);
    /// Deletes for good the layers removed while the workspace was open for writing.
    void purgeRemoved();
    /// Shows @p layer's attribute table again when it is the one open (rows changed).
    void reloadAttributes(const QString& layer);
    void createActions();
    void retranslateUi();
    void showError(const QString& what, const QString& why);
    void updateStatus();
    void updateRecent(const QString& path);
    void zoomToLayer(const QString& layer);
    /// Reopens the workspace for writing. A shared workspace (PostGIS) takes only the edits
    /// planners share (links, suggestions, reasons): @p sharedEdit says this is one.
    bool ensureWritable(bool sharedEdit = false);
    /// How a workspace is named in titles and messages: its file name, or "schema (service)".
    [[nodiscard]] static QString workspaceName(const QString& path);
    /// Highlights @p highlight and zooms to the features of @p tasks; false (highlight
    /// cleared) when none of them has a place.
    bool showFootprint(const std::string& highlight, const std::vector<std::string>& tasks);
    bool writeLink(const QString& taskId, const std::string& featureCode, bool add);
    /// Says who changed @p taskId since this window read it, then reads the workspace again.
    void showConflict(const QString& taskId);
    void refreshAfterEdit();
    void refreshSuggestions();
    /// Makes @p change (forward), refreshes, and pushes it as one undoable step named @p what;
    /// an exception is shown under @p failure and nothing is pushed.
    bool pushEdit(const QString& what, const QString& failure,
                  const std::function<void(bool forward)>& change);
    /// Shows why a drawing was not saved (@p e under @p failure); a conflict with another
    /// planner's change in plain words with what the workspace says of it (who changed which
    /// feature), after which the window reads the workspace again. Returns false.
    bool drawingRefused(const QString& failure, const std::exception& e);
    /// Writes a file in the background (exportMap, exportAtlas): @p busy while it runs, the
    /// error under @p failed, or @p written (with %1 the path) in the status bar.
    bool exportFile(const QString& path, const QString& busy, const QString& failed,
                    const QString& written,
                    const std::function<void(layers::Workspace&, const layers::Progress&)>& write);
    /// Runs @p work on a worker thread with its own connection to the workspace (opened in
    /// @p mode), showing @p what with progress and Cancel, and waits while the window stays
    /// alive; returns the error in words, or "" on success ("cancelled…" when cancelled).
    QString
    runInBackground(const QString& what, gis::OpenMode mode,
                    const std::function<void(layers::Workspace&, const layers::Progress&)>& work);

    std::unique_ptr<layers::Workspace> m_ws;
    QString m_path;
    std::optional<gis::CoordinateTransform> m_toWgs84;
    bool m_nothingDrawn = false; ///< the workspace opened had nothing to draw (just made)
    QString m_lang = QStringLiteral("vi");
    QTranslator m_translator;
    /// The maps' and report's catalogue: also holds the map export's refusals ("pa::layers").
    QTranslator m_mapTranslator;
    bool m_interactive = true;
    QString m_lastError;
    QString m_lastNotices;

    MapCanvas* m_canvas = nullptr;
    LayerPanel* m_layers = nullptr;
    IdentifyPanel* m_identify = nullptr;
    PlanBrowser* m_plan = nullptr;
    DocumentView* m_document = nullptr;
    QDockWidget* m_documentDock = nullptr;
    AnalysisDock* m_analyses = nullptr;
    SuggestionsPanel* m_suggestions = nullptr;
    QDockWidget* m_suggestionsDock = nullptr;
    QDockWidget* m_analysesDock = nullptr;
    QDockWidget* m_planDock = nullptr;
    QDockWidget* m_layersDock = nullptr;
    QDockWidget* m_identifyDock = nullptr;
    AttributeTable* m_attributes = nullptr;
    QLineEdit* m_find = nullptr;
    QToolBar* m_findBar = nullptr;
    QAction *m_measureDistance = nullptr, *m_measureArea = nullptr;
    QStandardItemModel* m_findModel = nullptr;
    std::vector<layers::Findable> m_findables; ///< of the open workspace; read at the first search
    QDockWidget* m_attributesDock = nullptr;
    QPointer<GeorefDialog> m_georefDialog; ///< for the open workspace only
    QString m_drawLayer;                   ///< the layer being drawn into; empty when not drawing
    std::int64_t m_drawFid = 0;  ///< the feature being given a new shape; 0: a new feature
    std::int64_t m_drawSeen = 0; ///< the edit the view was read at when the drawing started
    bool m_drawCut = false;      ///< the line drawn cuts feature m_drawFid
    AttributeAsker m_askAttributes;
    QAction* m_drawAction = nullptr;
    QLabel* m_coords = nullptr;
    QLabel* m_scale = nullptr;
    QLabel* m_state = nullptr;
    QMenu *m_fileMenu = nullptr, *m_recentMenu = nullptr, *m_viewMenu = nullptr,
          *m_langMenu = nullptr, *m_helpMenu = nullptr;
    QAction *m_export = nullptr, *m_import = nullptr, *m_ingest = nullptr, *m_georef = nullptr;
    QAction *m_openShared = nullptr, *m_refresh = nullptr;
    /// The edit log as this window last read the workspace: a link change is made on that
    /// view, and refused when someone else has changed the task since.
    std::int64_t m_seenEdit = 0;
    QAction *m_open = nullptr, *m_close = nullptr, *m_quit = nullptr, *m_zoomFull = nullptr,
            *m_zoomIn = nullptr, *m_zoomOut = nullptr, *m_clearHighlight = nullptr, *m_vi = nullptr,
            *m_en = nullptr, *m_about = nullptr;
    QUndoStack m_undo;
    QString m_chosenTask;
    bool m_writable = false;
    bool m_linkMode = false;
    bool m_refreshing = false;
    std::optional<std::pair<QPointF, double>>
        m_lastClick; ///< where identify last looked, with its tolerance
    QMenu* m_editMenu = nullptr;
    QAction *m_undoAction = nullptr, *m_redoAction = nullptr, *m_linkAction = nullptr;
    double m_lastX = 0, m_lastY = 0;
    bool m_haveCursor = false;
};

} // namespace pa::gui
