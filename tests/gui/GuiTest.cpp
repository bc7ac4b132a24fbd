// The desktop application driven as a planner would (QTest, offscreen): open the sample
// workspace and see it drawn, hide a layer, click a park and find its tasks and lead
// agencies, refuse a bad file in plain words, switch to English.

#include "AnalysisDock.h"
#include "AttributeTable.h"
#include "DocumentView.h"
#include "ExportMapDialog.h"
#include "GeorefDialog.h"
#include "IdentifyPanel.h"
#include "ImportDialog.h"
#include "LayerPanel.h"
#include "MainWindow.h"
#include "MapCanvas.h"
#include "PlanBrowser.h"
#include "SharedWorkspaceDialog.h"
#include "SuggestionsPanel.h"
#include "TestSupport.h"
#include "Text_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Access.h"
#include "planatlas/layers/Copy.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Algorithm.h"
#include "planatlas/layers/plan/Browse.h"
#include "planatlas/layers/plan/Links.h"

#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <memory>
#include <new>
#include <set>

using pa::gui::MainWindow;

namespace {

/// Waits for the canvas's next picture; false on timeout or a render error.
bool drawn(MainWindow& w, int timeoutMs = 30000)
{
    QSignalSpy spy(w.canvas(), &pa::gui::MapCanvas::renderFinished);
    if (!spy.wait(timeoutMs))
        return false;
    return spy.last().at(1).toString().isEmpty();
}

/// Runs analysis @p name in the dock and waits for it; false on timeout.
bool ran(pa::gui::AnalysisDock* dock, const char* name)
{
    QSignalSpy done(dock, &pa::gui::AnalysisDock::finished);
    dock->run(name);
    return done.wait(60000);
}

/// Imports the towns fixture (a CSV of points in WGS 84) into @p workspace as layer
/// "do_thi_them" through the Add-a-layer dialog, the window told of it; the dialog's error, or
/// empty.
QString importTowns(MainWindow& w, const std::string& workspace)
{
    pa::gui::ImportDialog towns(&w, QString::fromStdString(workspace), QStringLiteral("vi"));
    QObject::connect(&towns, &pa::gui::ImportDialog::imported, &w, &MainWindow::addImportedLayer);
    if (!towns.setSource(QString::fromStdString(pa::test::fixture("urban_centres.csv").string())))
        return QStringLiteral("the dialog did not take urban_centres.csv");
    towns.crsChoice()->setCurrentIndex(towns.crsChoice()->findData(QStringLiteral("EPSG:4326")));
    towns.licenceEdit()->setText(QStringLiteral("CC BY 4.0"));
    towns.layerNameEdit()->setText(QStringLiteral("do_thi_them"));
    if (towns.runImport())
        return {};
    return towns.error().isEmpty() ? QStringLiteral("the import failed, saying nothing")
                                   : towns.error();
}

/// Distinct colours in the picture: a drawn map has many, a blank one a few.
int colours(const QImage& image)
{
    std::set<QRgb> seen;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            seen.insert(image.pixel(x, y));
    return static_cast<int>(seen.size());
}

/// A park's label point (inside it) and its linked tasks with their lead agencies, read from the
/// workspace directly.
/// The first cell of @p sql's first row in @p workspace (opened for the query), as text.
std::string firstCell(const std::string& workspace, const std::string& sql)
{
    auto ws = pa::layers::Workspace::open(workspace, pa::gis::OpenMode::ReadOnly);
    const auto rows = ws.dataset().run(sql, {}).rows;
    return rows.empty() || rows[0].empty() ? std::string() : pa::gis::toString(rows[0][0]);
}

struct Park
{
    double x = 0, y = 0;
    std::map<std::string, std::set<std::string>> leads; ///< task → lead agencies
};

Park park(const std::string& code)
{
    Park p;
    auto ws = pa::layers::Workspace::open(pa::test::sampleWorkspace().string(),
                                          pa::gis::OpenMode::ReadOnly);
    auto parks = *ws.dataset().layerByName("industrial_parks");
    parks.setAttributeFilter("code = '" + code + "'");
    auto f = parks.next();
    const auto at = f->takeGeometry().labelPoint();
    p.x = at->x;
    p.y = at->y;
    const auto rows = ws.dataset().execute(
        "SELECT t.task_id, a.name_vi FROM industrial_parks_task_links l JOIN industrial_parks k ON "
        "k.fid = l.base_id "
        "JOIN plan_tasks t ON t.fid = l.related_id LEFT JOIN plan_task_agencies r ON r.task_id = "
        "t.task_id AND "
        "r.role = 'lead' LEFT JOIN plan_agencies a ON a.agency_id = r.agency_id WHERE k.code = " +
        pa::gis::sqlLiteral(code));
    for (const auto& row : rows.rows) {
        auto& leads = p.leads[pa::gis::toString(row[0])];
        if (const auto name = pa::gis::toString(row[1]); !name.empty())
            leads.insert(name);
    }
    return p;
}

/// A copy of the sample workspace in @p dir, for tests that write.
std::string sampleCopy(const pa::test::TempDir& dir)
{
    const auto copy = dir.file("ws.gpkg");
    std::filesystem::copy_file(pa::test::sampleWorkspace(), copy);
    return copy;
}

/// A synthetic sheet over the south of the sample province placed in @p workspace as "sheet"
/// ("Tờ thử") by ten of its markers; its markers, or none when the command failed.
std::vector<pa::test::SheetMarker> placeTestSheet(const pa::test::TempDir& dir,
                                                  const std::string& workspace)
{
    const auto markers = pa::test::writeTestSheet(dir.file("sheet.pgm"), 415000, 2420000, 20);
    pa::test::writeBytes(dir.file("points.csv"), pa::test::controlPointsCsv(markers));
    const auto placed = pa::test::runCli({"georef", workspace, dir.file("sheet.pgm"), "--gcp",
                                          dir.file("points.csv"), "--method", "poly2", "--layer",
                                          "sheet", "--title-vi", "Tờ thử"});
    if (placed.exitCode != 0) {
        qWarning("%s", placed.err.c_str());
        return {};
    }
    return markers;
}

/// A main window on screen in Vietnamese with @p workspace (the sample by default) open and drawn.
std::unique_ptr<MainWindow>
sampleWindow(int width = 1200, int height = 800,
             const std::string& workspace = pa::test::sampleWorkspace().string())
{
    auto w = std::make_unique<MainWindow>();
    w->setInteractive(false);
    w->setLanguage(QStringLiteral("vi"));
    w->resize(width, height);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()) ||
        !w->openWorkspace(QString::fromStdString(workspace)) || !drawn(*w))
        return nullptr;
    return w;
}

/// A window on screen on a scratch copy of the sample (for tests that write).
struct WindowOnCopy
{
    WindowOnCopy(int width, int height)
        : copy(sampleCopy(dir)), window(sampleWindow(width, height, copy))
    {
    }
    /// The first cell of @p sql's answer on the copy.
    [[nodiscard]] std::string query(const std::string& sql) const { return firstCell(copy, sql); }

    pa::test::TempDir dir;
    std::string copy;
    std::unique_ptr<MainWindow> window;
};

} // namespace

class GuiTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!pa::test::samplesBuilt()) // every window here shows a sample
            QSKIP("needs the sample workspaces, which this build does not make "
                  "(PLANATLAS_BUILD_SAMPLES=OFF)");
        QCoreApplication::setOrganizationName(
            QStringLiteral("PlanAtlasTest")); // not the user's settings
        QCoreApplication::setApplicationName(QStringLiteral("gui-test"));
    }

    void opensTheSampleAndDrawsIt()
    {
        const auto window = sampleWindow(1200, 800);
        QVERIFY(window);
        MainWindow& w = *window;
        QVERIFY2(colours(w.canvas()->picture()) > 40, "the map looks blank");
        // The province fills the view: its extent lies within the canvas's.
        const auto e = w.canvas()->extent();
        QVERIFY(e.minX < 400000 &&
                e.maxX > 470000); // Thái Nguyên spans about 394–473 km E in EPSG:9213
        QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&Tệp"));
        const auto stack = w.layerPanel()->stack();
        QVERIFY(std::any_of(stack.begin(), stack.end(),
                            [](const auto& s) { return s.first == "industrial_parks"; }));
        QVERIFY(std::none_of(stack.begin(), stack.end(),
                             [](const auto& s) { return s.first == "land_price_illustrative"; }));
    }

    void hidingALayerRedrawsWithoutIt()
    {
        const auto window = sampleWindow(1200, 800);
        QVERIFY(window);
        MainWindow& w = *window;
        const Park p = park("KCN-PB"); // KCN Phú Bình, 675 ha: many pixels at this scale
        w.canvas()->zoomTo({p.x - 3000, p.y - 3000, p.x + 3000, p.y + 3000});
        QVERIFY(drawn(w));
        const QPoint at = w.canvas()->toPixel(p.x, p.y).toPoint();
        const QRgb with =
            w.canvas()->picture().pixel(at * w.canvas()->picture().devicePixelRatio());
        w.layerPanel()->setLayerVisible("industrial_parks", false);
        QVERIFY(drawn(w));
        const QRgb without =
            w.canvas()->picture().pixel(at * w.canvas()->picture().devicePixelRatio());
        QVERIFY(with != without);
        const auto stack = w.layerPanel()->stack();
        QVERIFY(std::none_of(stack.begin(), stack.end(),
                             [](const auto& s) { return s.first == "industrial_parks"; }));
    }

    void clickingAParkShowsItsTasksAndLeadAgencies()
    {
        const auto window = sampleWindow(1200, 800);
        QVERIFY(window);
        MainWindow& w = *window;
        const Park p = park("KCN-DT");
        QVERIFY(p.leads.size() >= 2);
        w.canvas()->zoomTo({p.x - 2000, p.y - 2000, p.x + 2000, p.y + 2000});
        QVERIFY(drawn(w));
        // A real click on the canvas where the park is.
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, w.canvas()->toPixel(p.x, p.y).toPoint());
        const auto* panel = w.identifyPanel();
        QVERIFY(!panel->features().empty());
        QCOMPARE(panel->features().front().code,
                 std::string("KCN-DT")); // the park, before the district under it
        const QString text = panel->toPlainText();
        QVERIFY2(text.startsWith(QStringLiteral("KCN Điềm Thụy")), qPrintable(text.left(200)));
        QVERIFY(text.contains(QStringLiteral("Nhiệm vụ liên quan (%1)").arg(p.leads.size())));
        // The park's own data first, in words: titled columns, coded values translated.
        const auto ownData = text.indexOf(QStringLiteral("Diện tích quy hoạch (ha)"));
        QVERIFY2(ownData > 0, qPrintable(text.left(600)));
        QVERIFY(ownData < text.indexOf(QStringLiteral("Nhiệm vụ liên quan")));
        QVERIFY(text.contains(QStringLiteral("Trạng thái\thiện có")) ||
                text.contains(QStringLiteral("Trạng thái\nhiện có")));
        QVERIFY(!text.contains(QStringLiteral("planned_area_ha")));
        QVERIFY2(text.contains(QStringLiteral("361,1")), qPrintable(text.left(600))); // ha, vi
        QVERIFY(!text.contains(QStringLiteral("indicative\n")));
        for (const auto& [task, leads] : p.leads) {
            const auto at = text.indexOf(QString::fromStdString(task) + QStringLiteral(" — "));
            QVERIFY2(at >= 0, task.c_str());
            QStringList names;
            for (const auto& name : leads)
                names << QString::fromStdString(name);
            const auto lead =
                text.indexOf(QStringLiteral("Chủ trì: ") + names.join(QStringLiteral("; ")), at);
            QVERIFY2(lead > at, task.c_str());
            QVERIFY2(lead - at < 1500, task.c_str()); // in this task's entry, not a later one
        }
    }

    void thePlanBrowserFiltersAndShowsATasksFootprint()
    {
        const auto window = sampleWindow();
        QVERIFY(window);
        MainWindow& w = *window;
        auto* browser = w.planBrowser();
        auto ws = pa::layers::Workspace::open(pa::test::sampleWorkspace().string(),
                                              pa::gis::OpenMode::ReadOnly);
        auto count = [&](const std::string& sql) {
            return static_cast<int>(
                std::get<std::int64_t>(ws.dataset().execute(sql).rows.at(0).at(0)));
        };
        QCOMPARE(browser->visibleTasks(), count("SELECT COUNT(*) FROM plan_tasks"));
        // By agency: what it leads or supports.
        const QString bql = QStringLiteral("Ban Quản lý các khu công nghiệp tỉnh");
        browser->setAgencyFilter(bql);
        QCOMPARE(browser->visibleTasks(), count("SELECT COUNT(DISTINCT r.task_id) FROM "
                                                "plan_task_agencies r JOIN plan_agencies a ON "
                                                "a.agency_id = r.agency_id WHERE a.name_vi = 'Ban "
                                                "Quản lý các khu công nghiệp tỉnh'"));
        QVERIFY(browser->visibleTasks() > 0);
        // The map shows what it leads, and goes there.
        QVERIFY(drawn(w));
        browser->setAgencyFilter({});
        // Words without diacritics find the tasks written with them.
        browser->setSearch(QStringLiteral("che bien nong san"));
        const int plain = browser->visibleTasks();
        browser->setSearch(QStringLiteral("chế biến nông sản"));
        QCOMPARE(browser->visibleTasks(), plain);
        QVERIFY(plain > 0);
        browser->setSearch({});
        browser->setOnlyUnlocated(true);
        // Tasks linked to no feature; in the sample each was reviewed and recorded as such.
        QCOMPARE(browser->visibleTasks(), count("SELECT COUNT(*) FROM plan_unlocated"));
        browser->setOnlyUnlocated(false);
        // By theme: the tasks acting on agricultural zones.
        browser->setThemeFilter(QStringLiteral("agri_zone"));
        QCOMPARE(
            browser->visibleTasks(),
            count("SELECT COUNT(DISTINCT t.task_id) FROM agri_zones_task_links l JOIN plan_tasks t "
                  "ON t.fid = l.related_id JOIN agri_zones z ON z.fid = l.base_id"));
        QVERIFY(browser->visibleTasks() > 0);
        browser->setThemeFilter({});
        // Due before a day typed the Vietnamese way: the tasks whose deadline ends earlier (the
        // workspace's deadlines, read from the plans); a half-typed date filters nothing.
        // (The Thái Nguyên plans give few dated deadlines — mostly "hằng năm", "thường xuyên";
        // a period, "trong giai đoạn 2021 - 2025", is due at its end. The Thanh Hóa test below
        // has a dated one.)
        QVERIFY(browser->setDueBefore(QStringLiteral("1/1/2031")));
        const int due = browser->visibleTasks();
        QCOMPARE(due, count("SELECT COUNT(*) FROM (SELECT CASE WHEN instr(deadline, '..') > 0 "
                            "THEN substr(deadline, instr(deadline, '..') + 2) ELSE deadline END "
                            "AS ends FROM plan_tasks) WHERE ends GLOB '20[0-2][0-9]*' AND "
                            "substr(ends, 1, 4) < '2031'"));
        QVERIFY(!browser->setDueBefore(QStringLiteral("sắp tới")));
        QCOMPARE(browser->visibleTasks(), due);
        QVERIFY(browser->setDueBefore({}));
        QCOMPARE(browser->visibleTasks(), count("SELECT COUNT(*) FROM plan_tasks"));
        // A task with a place: the map zooms to it, Điềm Thụy park in view.
        const Park p = park("KCN-DT");
        QVERIFY(browser->selectTask(QStringLiteral("cv-2907:2.11#1")));
        QVERIFY(drawn(w));
        const auto e = w.canvas()->extent();
        QVERIFY(e.minX < p.x && p.x < e.maxX && e.minY < p.y && p.y < e.maxY);
        // From the identify panel to the plan browser: the task link selects the task.
        w.identifyAt(p.x, p.y, 10);
        emit w.identifyPanel()->taskActivated(QStringLiteral("cv-2907:1.3#1"));
        auto* current = browser->tree()->currentItem();
        QVERIFY(current);
        QVERIFY(current->text(0).startsWith(QStringLiteral("cv-2907:1.3#1")));
    }

    void linkingFeaturesToATaskIsWrittenAndUndoable()
    {
        pa::test::TempDir dir;
        const auto copy = sampleCopy(dir); // this test writes
        const auto window = sampleWindow(1200, 800, copy);
        QVERIFY(window);
        MainWindow& w = *window;
        auto linksOf = [&](const std::string& task) {
            auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
            std::vector<std::string> codes;
            for (const auto& l : pa::plan::listLinks(ws, task))
                codes.push_back(l.featureCode);
            return codes;
        };
        const std::string task = "kh-ctr37:IV.2#1"; // reviewed as having no place
        QVERIFY(linksOf(task).empty());
        QVERIFY(w.planBrowser()->selectTask(QString::fromStdString(task)));
        QCOMPARE(w.chosenTask(), QString::fromStdString(task));
        w.setLinkMode(true);
        const Park p = park("KCN-DT");
        w.canvas()->zoomTo({p.x - 2000, p.y - 2000, p.x + 2000, p.y + 2000});
        QVERIFY(drawn(w));
        const QPoint at = w.canvas()->toPixel(p.x, p.y).toPoint();
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, at);
        QCOMPARE(linksOf(task), std::vector<std::string>{"KCN-DT"}); // written at once
        QCOMPARE(w.undoStack()->count(), 1);
        w.undoStack()->undo();
        QVERIFY(linksOf(task).empty());
        w.undoStack()->redo();
        QCOMPARE(linksOf(task), std::vector<std::string>{"KCN-DT"});
        // Clicking it again in link mode unlinks it.
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, at);
        QVERIFY(linksOf(task).empty());
        w.undoStack()->undo();
        QCOMPARE(linksOf(task), std::vector<std::string>{"KCN-DT"});
        // Out of link mode a click identifies; "unlink" beside a task in the panel unlinks.
        w.setLinkMode(false);
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, at);
        QVERIFY(w.identifyPanel()->toPlainText().contains(QString::fromStdString(task)));
        emit w.identifyPanel()->unlinkRequested(QString::fromStdString(task),
                                                QStringLiteral("KCN-DT"),
                                                QStringLiteral("KCN Điềm Thụy"));
        QVERIFY(linksOf(task).empty());
        QVERIFY(!w.identifyPanel()->toPlainText().contains(QString::fromStdString(task) +
                                                           QStringLiteral(" — ")));
        w.undoStack()->undo();
        QCOMPARE(linksOf(task), std::vector<std::string>{"KCN-DT"});
        // The plan browser counts it.
        const auto overview = [&] {
            auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
            return pa::plan::readPlanOverview(ws);
        }();
        for (const auto& d : overview.documents)
            for (const auto& t : d.tasks)
                if (t.taskId == task)
                    QCOMPARE(t.links, 1);
    }

    void analysesGiveTheNumbersOfTheCommandLine()
    {
        const auto window = sampleWindow();
        QVERIFY(window);
        MainWindow& w = *window;
        auto* dock = w.analyses();
        const std::string sample = pa::test::sampleWorkspace().string();
        const std::string units = dock->unitsChoice()->currentData().toString().toStdString();
        QCOMPARE(units,
                 std::string("districts_pre2025")); // the period's districts are offered first
        // Every registered analysis has its page; with the form as it opens, each gives the
        // bytes of the command line with the same values.
        const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
            {"coverage", {"coverage", "--units", units}},
            {"footprint", {"footprint"}},
            {"overlaps", {"overlaps"}},
            {"corridor", {"corridor", "--distance-km", "5"}},
            {"access", {"access", "--to", "expressway"}},
            {"zonal", {"zonal", "--values", "land_price_illustrative"}},
            {"targets", {"targets"}},
            {"density", {"density", "--units", units}},
        };
        QCOMPARE(cases.size(), pa::analysis::algorithms().size());
        // A file has no database server: where to compute is no choice here.
        auto* engine = dock->findChild<QComboBox*>(QStringLiteral("zonal.engine"));
        QVERIFY(engine && engine->isHidden());
        pa::test::TempDir dir;
        for (const auto& [name, args] : cases) {
            QSignalSpy done(dock, &pa::gui::AnalysisDock::finished);
            dock->run(name);
            QVERIFY(done.wait(60000));
            QCOMPARE(done.last().at(0).toString(), QString::fromStdString(name));
            QCOMPARE(done.last().at(1).toString(), QString());
            const auto file = dir.file("table.csv");
            QVERIFY(dock->exportTable(name, QString::fromStdString(file)));
            std::vector<std::string> cli = {"analyze", sample};
            cli.insert(cli.end(), args.begin(), args.end());
            cli.push_back("--excel"); // a CSV from the window is for a spreadsheet
            const auto expected = pa::test::runCli(cli);
            QCOMPARE(expected.exitCode, 0);
            QCOMPARE(pa::test::readBytes(file), expected.out); // the same bytes
            // The workbook: one sheet of the table's rows, then the sheet of the run.
            const auto workbook = dir.file("table.xlsx");
            QVERIFY(dock->exportTable(name, QString::fromStdString(workbook)));
            auto book = pa::gis::Dataset::openVector(workbook, pa::gis::OpenMode::ReadOnly,
                                                     {"HEADERS=FORCE"});
            QCOMPARE(book.layerCount(), 2);
            QCOMPARE(book.layer(0).featureCount(),
                     static_cast<std::int64_t>(dock->table(name).rows.size()));
            QCOMPARE(dock->view(name)->rowCount(), static_cast<int>(dock->table(name).rows.size()));
        }
        // A distance typed as a Vietnamese writes it is 2.5 km, not 25; the band on the map too.
        {
            auto* distance = qobject_cast<QLineEdit*>(dock->field("corridor", "distance_km"));
            QVERIFY(distance);
            distance->setText(QStringLiteral("2,5"));
            QSignalSpy band(dock, &pa::gui::AnalysisDock::corridorShown);
            QSignalSpy done(dock, &pa::gui::AnalysisDock::finished);
            dock->run("corridor");
            QVERIFY(done.wait(60000));
            QCOMPARE(band.size(), 1);
            QCOMPARE(band.last().at(0).toDouble(), 2.5);
            QVERIFY(dock->summary("corridor").contains(QStringLiteral("2,5 km")));
            const auto file = dir.file("corridor.csv");
            QVERIFY(dock->exportTable("corridor", QString::fromStdString(file)));
            QCOMPARE(
                pa::test::readBytes(file),
                pa::test::runCli({"analyze", sample, "corridor", "--distance-km", "2.5", "--excel"})
                    .out);
            // A value that is no number is refused by the field's title, before any work.
            distance->setText(QStringLiteral("năm"));
            QSignalSpy refused(dock, &pa::gui::AnalysisDock::finished);
            dock->run("corridor");
            QCOMPARE(refused.size(), 1);
            const QString error = refused.last().at(1).toString();
            // The engine's sentence said in Vietnamese too, the value typed as it was.
            QCOMPARE(error, QStringLiteral("Khoảng cách (km): phải là một số dương (km), không "
                                           "phải 'năm'"));
            distance->clear();
            // The database server asked for on a workspace that is a file: refused, said why.
            auto* engine = qobject_cast<QComboBox*>(dock->field("coverage", "engine"));
            QVERIFY(engine);
            engine->setCurrentIndex(engine->findData(QStringLiteral("database")));
            QVERIFY(engine->currentIndex() >= 0);
            QSignalSpy noServer(dock, &pa::gui::AnalysisDock::finished);
            dock->run("coverage");
            QVERIFY(noServer.size() == 1 || noServer.wait(60000));
            QVERIFY2(noServer.last().at(1).toString().contains(QStringLiteral(
                         "không phân tích được trong cơ sở dữ liệu: không gian làm việc là một "
                         "tệp")),
                     qPrintable(noServer.last().at(1).toString()));
            engine->setCurrentIndex(engine->findData(QStringLiteral("auto")));
        }
        // Coverage and corridor show on the map; Escape returns to the programme map. The
        // summary names the districts without an industrial park (Võ Nhai, among others).
        dock->run("coverage");
        QVERIFY(QSignalSpy(dock, &pa::gui::AnalysisDock::finished).wait(60000));
        QVERIFY2(dock->summary("coverage").contains(QStringLiteral("Võ Nhai")),
                 qPrintable(dock->summary("coverage")));
        QCOMPARE(w.canvas()->theme(), pa::render::Theme::Coverage);
        QVERIFY(drawn(w));
        // (A drawing of the programme map still in flight may be the one that just finished,
        // slow machines, sanitizers: the coverage drawing follows it.)
        QTRY_VERIFY_WITH_TIMEOUT(w.canvas()->preparedTheme() &&
                                     !w.canvas()->preparedTheme()->coverageShare.empty(),
                                 60000);
        // Redrawing (a zoom) reuses the coverage the first drawing computed: the painter runs
        // no analysis at every pan and zoom.
        const auto prepared = w.canvas()->preparedTheme();
        QVERIFY(prepared && !prepared->coverageShare.empty());
        w.canvas()->zoomBy(2.0);
        QVERIFY(drawn(w));
        QCOMPARE(w.canvas()->preparedTheme(), prepared);
        w.canvas()->zoomFull();
        QVERIFY(drawn(w));
        w.clearHighlight();
        QCOMPARE(w.canvas()->theme(), pa::render::Theme::Programme);
    }

    void anAnalysisOverlayGoesWhenAnotherRunsOrItIsClearedAndStaysGone()
    {
        pa::test::TempDir dir;
        const auto copy = sampleCopy(dir);
        const auto window = sampleWindow(1200, 800, copy);
        QVERIFY(window);
        MainWindow& w = *window;
        auto* dock = w.analyses();
        const auto theme = [&] { return w.canvas()->theme(); };
        QVERIFY(ran(dock, "corridor"));
        QCOMPARE(theme(), pa::render::Theme::Corridor);
        // Another analysis that draws nothing: the band goes.
        QVERIFY(ran(dock, "footprint"));
        QCOMPARE(theme(), pa::render::Theme::Programme);
        QVERIFY(ran(dock, "coverage"));
        QCOMPARE(theme(), pa::render::Theme::Coverage);
        w.clearHighlight();
        QCOMPARE(theme(), pa::render::Theme::Programme);
        // An import afterwards does not bring the cleared colouring back.
        const QString imported = importTowns(w, copy);
        QVERIFY2(imported.isEmpty(), qPrintable(imported));
        QVERIFY(drawn(w));
        QCOMPARE(theme(), pa::render::Theme::Programme);
    }

    void shapesTracedElsewhereOverTheSampleSheetComeInAsDigitizedFromIt()
    {
        const WindowOnCopy on(1200, 800);
        QVERIFY(on.window);
        MainWindow& w = *on.window;
        // A park traced in QGIS over the sample's test sheet, written in the workspace's CRS.
        const std::string traced = on.dir.file("kcn_ve.csv");
        pa::test::writeBytes(traced, "code,name_vi,wkt\nKCN-VE,KCN vẽ trong QGIS,\"POLYGON((434000 "
                                     "2378000,435000 2378000,435000 2379000,434000 2379000,434000 "
                                     "2378000))\"\n");
        pa::gui::ImportDialog dialog(&w, QString::fromStdString(on.copy), QStringLiteral("vi"));
        QVERIFY(dialog.setSource(QString::fromStdString(traced)));
        const int sheet = dialog.qualityChoice()->findData(QStringLiteral("sheet:test_sheet"));
        QVERIFY(sheet >= 0); // the sample's sheet is offered, by its title
        QVERIFY(
            dialog.qualityChoice()->itemText(sheet).contains(QStringLiteral("Tờ thử phía Nam")));
        dialog.qualityChoice()->setCurrentIndex(sheet);
        dialog.kindChoice()->setCurrentIndex(
            dialog.kindChoice()->findData(QStringLiteral("industrial_park")));
        dialog.crsChoice()->setCurrentIndex(
            dialog.crsChoice()->findData(QStringLiteral("EPSG:9213")));
        dialog.licenceEdit()->setText(QStringLiteral("CC BY 4.0"));
        dialog.layerNameEdit()->setText(QStringLiteral("kcn_ve"));
        QVERIFY2(dialog.runImport(), qPrintable(dialog.error()));
        QCOMPARE(on.query("SELECT geometry_quality FROM kcn_ve"), std::string("digitized"));
        QVERIFY(on.query("SELECT source FROM kcn_ve").find("map sheet «Tờ thử phía Nam") == 0);
    }

    void aNewWorkspaceOpensEmptyAndItsFirstLayerComesFromTheFileMenu()
    {
        // Made by 'planatlas init' and nothing else: the window opens it where its CRS is meant
        // to be used, says how to add a layer in its own words, and goes to the first layer the
        // planner adds from File → Add a layer.
        pa::test::TempDir dir;
        const std::string path = dir.file("moi.gpkg");
        pa::layers::Workspace::create(path, {"Thái Nguyên", "EPSG:9213"}).close();
        MainWindow w;
        w.setInteractive(false);
        w.setLanguage(QStringLiteral("vi"));
        w.resize(1000, 700);
        QVERIFY2(w.openWorkspace(QString::fromStdString(path)), qPrintable(w.lastError()));
        const QString hint = w.statusBar()->currentMessage();
        QVERIFY2(hint.contains(QStringLiteral("chưa có lớp nào")) &&
                     hint.contains(QStringLiteral("Thêm lớp dữ liệu")) &&
                     !hint.contains(QStringLiteral("planatlas")),
                 qPrintable(hint));
        const auto before = w.canvas()->extent();
        QVERIFY(before.minX < 434000 && before.maxX > 436000); // VN-2000 TM-3 106°30′: the zone
        QVERIFY(before.maxX - before.minX > 50000);
        const std::string park = dir.file("kcn.csv");
        pa::test::writeBytes(park, "code,name_vi,wkt\nKCN-1,KCN mới,\"POLYGON((434000 "
                                   "2378000,436000 2378000,436000 2380000,434000 2380000,434000 "
                                   "2378000))\"\n");
        pa::gui::ImportDialog dialog(&w, QString::fromStdString(path), QStringLiteral("vi"));
        connect(&dialog, &pa::gui::ImportDialog::imported, &w, &MainWindow::addImportedLayer);
        QVERIFY(dialog.setSource(QString::fromStdString(park)));
        dialog.kindChoice()->setCurrentIndex(
            dialog.kindChoice()->findData(QStringLiteral("industrial_park")));
        dialog.crsChoice()->setCurrentIndex(
            dialog.crsChoice()->findData(QStringLiteral("EPSG:9213")));
        dialog.licenceEdit()->setText(QStringLiteral("CC BY 4.0"));
        dialog.layerNameEdit()->setText(QStringLiteral("kcn"));
        QVERIFY2(dialog.runImport(), qPrintable(dialog.error()));
        const auto after = w.canvas()->extent();
        QVERIFY2(after.minX <= 434000 && after.maxX >= 436000 && after.maxX - after.minX < 10000,
                 qPrintable(QStringLiteral("%1 %2").arg(after.minX).arg(after.maxX)));
        // A park and no expressway yet: the corridor is refused in the window's words, without
        // the engine's English.
        QSignalSpy done(w.analyses(), &pa::gui::AnalysisDock::finished);
        w.analyses()->run("corridor");
        QVERIFY(done.wait(60000));
        QCOMPARE(done.last().at(1).toString(),
                 QStringLiteral("không gian làm việc chưa có đường cao tốc nào; hãy nhập một lớp "
                                "thuộc loại Đường cao tốc"));
    }

    void aTaskTheFiltersHideLeavesTheDetailsAndNoMatchSaysWhy()
    {
        const auto window = sampleWindow();
        QVERIFY(window);
        MainWindow& w = *window;
        auto* plan = w.planBrowser();
        const int all = plan->visibleTasks();
        QVERIFY(all > 200);
        QVERIFY(plan->selectTask(QStringLiteral("kh-nq54:III.4#4")));
        QVERIFY(plan->detailsText().contains(QStringLiteral("kh-nq54:III.4#4")));
        // Words no task has: nothing shown, said so with the way back, and the chosen task's
        // text leaves the details pane.
        plan->setSearch(QStringLiteral("khong co nhiem vu nao noi dieu nay"));
        QCOMPARE(plan->visibleTasks(), 0);
        QVERIFY2(plan->countText().contains(QString::number(all)), qPrintable(plan->countText()));
        QVERIFY2(!plan->detailsText().contains(QStringLiteral("kh-nq54:III.4#4")),
                 qPrintable(plan->detailsText()));
        plan->setSearch({});
        QCOMPARE(plan->visibleTasks(), all);
    }

    void exportsTheMapWithTheRendererOfTheCommandLine()
    {
        const auto window = sampleWindow();
        QVERIFY(window);
        MainWindow& w = *window;
        QVERIFY(w.planBrowser()->selectTask(QStringLiteral("kh-nq54:III.4#4")));
        QVERIFY(drawn(w));
        pa::gui::ExportMapDialog dialog(&w, w.canvas()->screenOptions(), QStringLiteral("vi"));
        // The highlight on the canvas is offered, and chosen, as the theme.
        QCOMPARE(dialog.themeChoice()->currentData().toString(), QStringLiteral("agency"));
        dialog.pageChoice()->setCurrentIndex(1); // A3
        auto options = dialog.options();
        QCOMPARE(options.pageWidthMm, 420.0);
        QCOMPARE(options.highlight, std::string("task:kh-nq54:III.4#4"));
        options.title = "Nhiệm vụ III.4#4 — phát triển đô thị";
        options.dpi = 100;
        pa::test::TempDir dir;
        const auto pdf = dir.file("map.pdf");
        QVERIFY(w.exportMap(QString::fromStdString(pdf), options));
        const auto info = pa::test::run({"pdfinfo", pdf});
        QVERIFY2(info.out.find("(A3)") != std::string::npos, info.out.c_str());
        QVERIFY2(info.out.find("1191 x 842 pts") != std::string::npos,
                 info.out.c_str()); // landscape
        const auto text = pa::test::run({"pdftotext", pdf, "-"});
        QVERIFY(text.out.find("Nhiệm vụ III.4#4") != std::string::npos);
        QVERIFY(text.out.find("chỉ dẫn") !=
                std::string::npos); // the indicative note is on the page
        // A bad place is refused in the window, and nothing is left behind.
        QVERIFY(!w.exportMap(QString::fromStdString(dir.file("no/such/folder/map.pdf")), options));
        // Said in the window's words, the path and the system's words as they are.
        QVERIFY2(w.lastError().contains(QStringLiteral("thư mục '")) &&
                     w.lastError().contains(QStringLiteral("' không tồn tại")) &&
                     !w.lastError().contains(QStringLiteral("does not exist")),
                 qPrintable(w.lastError()));
        const auto folder = dir.file("a-folder.pdf");
        std::filesystem::create_directory(folder);
        QVERIFY(!w.exportMap(QString::fromStdString(folder), options));
        QVERIFY2(w.lastError().contains(QStringLiteral("là một thư mục, không phải tệp; hãy chọn "
                                                       "tên tệp khác")),
                 qPrintable(w.lastError()));
        // A name of another format, and a map with every layer hidden: said in the window's
        // words, without the command line's "-o".
        QVERIFY(!w.exportMap(QString::fromStdString(dir.file("map.jpg")), options));
        QVERIFY2(w.lastError().contains(QStringLiteral("bản đồ được ghi thành tệp .png, .svg "
                                                       "hoặc .pdf")) &&
                     !w.lastError().contains(QStringLiteral("-o ")),
                 qPrintable(w.lastError()));
        // Every layer unticked in the layer panel: the export dialog's preview and the export
        // say so, and write nothing.
        for (const auto& [layer, opacity] : w.layerPanel()->stack())
            w.layerPanel()->setLayerVisible(layer, false);
        QVERIFY(w.layerPanel()->stack().empty());
        pa::gui::ExportMapDialog none(&w, w.canvas()->screenOptions(), QStringLiteral("vi"));
        QSignalSpy previews(&none, &pa::gui::ExportMapDialog::previewDrawn);
        none.setWorkspace(QString::fromStdString(pa::test::sampleWorkspace().string()),
                          w.atlasLayers());
        QVERIFY(previews.wait(30000));
        QVERIFY2(none.previewError().contains(QStringLiteral("không có lớp nào đang hiển thị")),
                 qPrintable(none.previewError()));
        QVERIFY(!w.exportMap(QString::fromStdString(dir.file("nothing.pdf")), none.options()));
        QVERIFY2(w.lastError().contains(QStringLiteral("không có lớp nào đang hiển thị")),
                 qPrintable(w.lastError()));
        QVERIFY(!std::filesystem::exists(dir.file("nothing.pdf")));
    }

    void exportedMapShowsWhatTheScreenShowsAndAsksBeforeReplacing()
    {
        const auto window = sampleWindow();
        QVERIFY(window);
        MainWindow& w = *window;
        // On screen: the corridor at 2,5 km, and the urban centres switched off.
        w.canvas()->setTheme(pa::render::Theme::Corridor, {}, {}, 2.5);
        w.layerPanel()->setLayerVisible("urban_centres", false);
        QVERIFY(drawn(w));
        pa::test::TempDir dir;
        QSettings().setValue(QStringLiteral("export/dpi"), 120); // remembered from last time
        pa::gui::ExportMapDialog dialog(&w, w.canvas()->screenOptions(), QStringLiteral("vi"));
        QCOMPARE(dialog.themeChoice()->currentData().toString(), QStringLiteral("corridor"));
        QVERIFY(dialog.themeChoice()->currentText().contains(QStringLiteral("2,5 km")));
        QCOMPARE(dialog.dpiChoice()->value(), 120);
        auto options = dialog.options();
        QCOMPARE(options.corridorKm, 2.5);
        options.dpi = 100;
        const auto pdf = dir.file("corridor.pdf");
        QVERIFY(w.exportMap(QString::fromStdString(pdf), options));
        const auto text = pa::test::run({"pdftotext", pdf, "-"}).out;
        QVERIFY2(text.find("2,5 km") != std::string::npos, text.c_str());
        // The town names are not on the page: their layer is off on screen...
        QVERIFY2(text.find("Sông Cầu") == std::string::npos, text.c_str());
        // ...and they are when it is on again.
        w.layerPanel()->setLayerVisible("urban_centres", true);
        QVERIFY(drawn(w));
        pa::gui::ExportMapDialog again(&w, w.canvas()->screenOptions(), QStringLiteral("vi"));
        auto shown = again.options();
        shown.dpi = 100;
        const auto pdf2 = dir.file("corridor2.pdf");
        QVERIFY(w.exportMap(QString::fromStdString(pdf2), shown));
        QVERIFY(pa::test::run({"pdftotext", pdf2, "-"}).out.find("Sông Cầu") != std::string::npos);
        // An existing file is replaced only when the planner says so.
        QString asked;
        again.setPath(QString::fromStdString(pdf));
        again.setConfirmReplace([&](const QString& file) {
            asked = file;
            return false;
        });
        again.accept();
        QCOMPARE(asked, QString::fromStdString(pdf));
        QCOMPARE(again.result(), int(QDialog::Rejected)); // still open, nothing chosen
        again.setConfirmReplace([](const QString&) { return true; });
        again.accept();
        QCOMPARE(again.result(), int(QDialog::Accepted));
        QCOMPARE(QSettings().value(QStringLiteral("export/path")).toString(),
                 QString::fromStdString(pdf)); // remembered for next time
    }

    void exportPreviewShowsThePageAndTheAtlasIsOnePdf()
    {
        const auto window = sampleWindow();
        QVERIFY(window);
        MainWindow& w = *window;
        pa::test::TempDir dir;
        QSettings().remove(QStringLiteral("export/atlas"));
        pa::gui::ExportMapDialog dialog(&w, w.canvas()->screenOptions(), QStringLiteral("vi"));
        dialog.setPath(QString::fromStdString(dir.file("ban-do.png")));
        QSignalSpy previews(&dialog, &pa::gui::ExportMapDialog::previewDrawn);
        dialog.setWorkspace(QString::fromStdString(pa::test::sampleWorkspace().string()),
                            w.atlasLayers());
        QVERIFY(previews.wait(30000));
        QVERIFY2(dialog.previewError().isEmpty(), qPrintable(dialog.previewError()));
        // The page as it prints: A4 landscape proportions, the map and its furniture on it.
        const QImage landscape = dialog.preview();
        QVERIFY(!landscape.isNull());
        QVERIFY(std::abs(double(landscape.width()) / landscape.height() - 297.0 / 210.0) < 0.02);
        QVERIFY(colours(landscape) > 20);
        // Portrait: drawn again, in portrait proportions.
        dialog.pageChoice()->setCurrentIndex(0);
        auto* orientation = dialog.orientationChoice();
        QCOMPARE(orientation->itemData(1).toString(), QStringLiteral("portrait"));
        orientation->setCurrentIndex(1);
        QVERIFY(previews.wait(30000));
        QVERIFY(dialog.preview().height() > dialog.preview().width());
        orientation->setCurrentIndex(0);
        QVERIFY(previews.wait(30000));
        // The atlas: the programme's districts come first; choosing it makes the file a PDF and
        // leaves the extent and title to each page.
        const auto choices = w.atlasLayers();
        QVERIFY(!choices.empty());
        QCOMPARE(choices.front().first, QStringLiteral("districts_pre2025"));
        QVERIFY(std::any_of(choices.begin(), choices.end(), [](const auto& c) {
            return c.first == QStringLiteral("industrial_parks");
        }));
        QVERIFY(std::none_of(choices.begin(), choices.end(), [](const auto& c) {
            return c.first == QStringLiteral("land_price_illustrative");
        }));
        dialog.pagesChoice()->setCurrentIndex(1);
        QVERIFY(dialog.pagesChoice()->currentText().contains(QStringLiteral("Atlas")) ||
                dialog.pagesChoice()->currentText().contains(QStringLiteral("Tập bản đồ")));
        QCOMPARE(dialog.atlasLayer(), QStringLiteral("districts_pre2025"));
        QVERIFY(dialog.path().endsWith(QStringLiteral("ban-do.pdf")));
        QVERIFY(previews.wait(30000));
        QVERIFY2(dialog.previewError().isEmpty(), qPrintable(dialog.previewError()));
        // The first atlas page differs from the province map: a district, its tasks beside it.
        QVERIFY(dialog.preview() != landscape);
        auto atlas = dialog.atlasOptions();
        QVERIFY(!atlas.map.extent);
        atlas.map.dpi = 100;
        QVERIFY(w.exportAtlas(dialog.path(), atlas));
        const auto info = pa::test::run({"pdfinfo", dialog.path().toStdString()}).out;
        const auto at = info.find("Pages:");
        QVERIFY(at != std::string::npos);
        QVERIFY2(std::stoi(info.substr(at + 6)) >= 9, info.c_str()); // nine districts at least
        dialog.setConfirmReplace([](const QString&) { return true; });
        dialog.accept();
        QCOMPARE(QSettings().value(QStringLiteral("export/atlas")).toString(),
                 QStringLiteral("districts_pre2025")); // remembered for next time
    }

    void rightClickOffersAMenuAndAboutSaysTheVersion()
    {
        const auto window = sampleWindow(1200, 800);
        QVERIFY(window);
        MainWindow& w = *window;
        const Park p = park("KCN-DT");
        // A real right click on the canvas asks for the menu at that place.
        QSignalSpy asked(w.canvas(), &pa::gui::MapCanvas::menuRequested);
        w.canvas()->zoomTo({p.x - 2000, p.y - 2000, p.x + 2000, p.y + 2000});
        QVERIFY(drawn(w));
        QTest::mouseClick(w.canvas(), Qt::RightButton, {}, w.canvas()->toPixel(p.x, p.y).toPoint());
        QCOMPARE(asked.size(), 1);
        QVERIFY(std::abs(asked.last().at(0).toDouble() - p.x) < 20);
        auto* shown = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(shown); // the menu is on screen
        shown->close();
        auto menu = w.mapMenu(p.x, p.y, 10);
        QVERIFY(menu);
        QStringList words;
        for (auto* a : menu->actions())
            if (!a->isSeparator())
                words << a->text();
        // The park here can be given its real shape, have its corners moved, be cut or deleted
        // from the same menu.
        QVERIFY(words.size() > 4 && words[1].startsWith(QStringLiteral("Vẽ lại hình của KCN")));
        QVERIFY(words[2].startsWith(QStringLiteral("Di chuyển các đỉnh của KCN")));
        QVERIFY(words[3].startsWith(QStringLiteral("Cắt KCN")));
        QVERIFY(words[4].startsWith(QStringLiteral("Xóa KCN")));
        words.remove(1, 4);
        QCOMPARE(words, (QStringList{QStringLiteral("Ở đây có gì?"),
                                     QStringLiteral("Phóng to tại đây"), QStringLiteral("Thu nhỏ"),
                                     QStringLiteral("Toàn tỉnh"), QStringLiteral("Chép tọa độ")}));
        menu->actions().constFirst()->trigger(); // what is here: the park
        QCOMPARE(w.identifyPanel()->features().front().code, std::string("KCN-DT"));
        menu->actions().constLast()->trigger(); // the coordinates, in Vietnamese numbers
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QStringLiteral("EPSG:9213: X ")), qPrintable(copied));
        QVERIFY2(copied.contains(QStringLiteral("WGS 84: 105,")), qPrintable(copied));
        // About names the version and what it runs on.
        QVERIFY(w.aboutText().contains(QStringLiteral(PLANATLAS_VERSION)));
        QVERIFY(w.aboutText().contains(QStringLiteral("GDAL")));
    }

    void importingALayerAddsItOrLeavesTheWorkspaceAsItWas()
    {
        pa::test::TempDir dir;
        const auto copy = sampleCopy(dir); // this test writes
        const auto window = sampleWindow(1200, 800, copy);
        QVERIFY(window);
        MainWindow& w = *window;
        auto layerNames = [&] {
            auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
            std::vector<std::string> names;
            for (const auto& l : ws.layers())
                names.push_back(l.name);
            return names;
        };
        const auto before = layerNames();
        const auto bytes = pa::test::readBytes(copy);

        pa::gui::ImportDialog towns(&w, QString::fromStdString(copy), QStringLiteral("vi"));
        connect(&towns, &pa::gui::ImportDialog::imported, &w, &MainWindow::addImportedLayer);
        // The kind follows the file's name until the person chooses one ("kcn_…" is a park
        // file, "urban_centres" towns), never the first kind of the list.
        QVERIFY(
            towns.setSource(QString::fromStdString(pa::test::fixture("kcn_tcvn3.shp").string())));
        QCOMPARE(towns.kindChoice()->currentData().toString(), QStringLiteral("industrial_park"));
        QVERIFY(towns.setSource(
            QString::fromStdString(pa::test::fixture("urban_centres.csv").string())));
        QCOMPARE(towns.kindChoice()->currentData().toString(), QStringLiteral("urban_centre"));
        towns.kindChoice()->setCurrentIndex(
            towns.kindChoice()->findData(QStringLiteral("urban_centre")));
        // A CSV of lon/lat says no CRS: refused, never guessed, and nothing written.
        QVERIFY(!towns.runImport());
        // Said in the window's words, with where to choose one, and no command-line option.
        QVERIFY2(towns.error().contains(QStringLiteral("không khai báo hệ tọa độ")) &&
                     towns.error().contains(QStringLiteral("Hãy chọn hệ tọa độ của tệp ở trên")) &&
                     !towns.error().contains(QStringLiteral("--")),
                 qPrintable(towns.error()));
        QVERIFY(layerNames() == before);
        QVERIFY(pa::test::readBytes(copy) == bytes);
        // A CRS typed that PROJ does not know: said by its field, in the window's words.
        towns.crsChoice()->setEditText(QStringLiteral("VN-2000 Thái Nguyên"));
        QVERIFY(!towns.runImport());
        QVERIFY2(towns.error().contains(QStringLiteral(
                     "'VN-2000 Thái Nguyên' không phải hệ tọa độ mà PlanAtlas biết; hãy ghi mã "
                     "EPSG, ví dụ EPSG:9213")),
                 qPrintable(towns.error()));
        QVERIFY(pa::test::readBytes(copy) == bytes);
        // With WGS 84 chosen from the presets, the name the sample's towns already use is refused…
        towns.crsChoice()->setCurrentIndex(
            towns.crsChoice()->findData(QStringLiteral("EPSG:4326")));
        towns.licenceEdit()->setText(QStringLiteral("CC BY 4.0"));
        QVERIFY(!towns.runImport());
        QVERIFY2(towns.error().contains(QStringLiteral("đã có lớp 'urban_centres'")),
                 qPrintable(towns.error()));
        // … said by the field where the name is typed, never by a command-line option.
        QVERIFY2(towns.error().startsWith(QStringLiteral("Tên trong không gian làm việc: ")),
                 qPrintable(towns.error()));
        QVERIFY2(!towns.error().contains(QStringLiteral("--")), qPrintable(towns.error()));
        QVERIFY(pa::test::readBytes(copy) == bytes);
        // … and under a name of its own it is imported, reprojected and shown.
        towns.layerNameEdit()->setText(QStringLiteral("do_thi_bo_sung"));
        QVERIFY2(towns.runImport(), qPrintable(towns.error()));
        QCOMPARE(towns.report().features, static_cast<std::int64_t>(4)); // the rows of the CSV
        QCOMPARE(layerNames().size(), before.size() + 1);
        const auto added = towns.report().layerName;
        QVERIFY(w.layerPanel()->itemOf(added) != nullptr);
        const auto stack = w.layerPanel()->stack();
        QVERIFY(std::any_of(stack.begin(), stack.end(),
                            [&](const auto& s) { return s.first == added; }));

        // A file that is no GIS data (a PDF saved as .geojson): said so, GDAL's words after.
        {
            pa::gui::ImportDialog wrong(&w, QString::fromStdString(copy), QStringLiteral("vi"));
            pa::test::writeBytes(dir.file("bao_cao.geojson"), "%PDF-1.4 not a layer\n");
            QVERIFY(!wrong.setSource(QString::fromStdString(dir.file("bao_cao.geojson"))));
            QVERIFY2(wrong.error().startsWith(QStringLiteral(
                         "Không đọc được bao_cao.geojson như một tệp dữ liệu GIS (")),
                     qPrintable(wrong.error()));
            QVERIFY2(!wrong.error().contains(QStringLiteral("không lường trước")),
                     qPrintable(wrong.error()));
        }
        // A Shapefile written in TCVN3: decoded, codes from its column.
        pa::gui::ImportDialog parks(&w, QString::fromStdString(copy), QStringLiteral("vi"));
        QVERIFY(
            parks.setSource(QString::fromStdString(pa::test::fixture("kcn_tcvn3.shp").string())));
        parks.kindChoice()->setCurrentIndex(
            parks.kindChoice()->findData(QStringLiteral("industrial_park")));
        parks.encodingChoice()->setCurrentIndex(
            parks.encodingChoice()->findData(QStringLiteral("tcvn3")));
        parks.codeChoice()->setCurrentIndex(parks.codeChoice()->findData(QStringLiteral("MA_KCN")));
        parks.layerNameEdit()->setText(QStringLiteral("kcn_cu")); // and no licence typed
        // Its codes are the sample's own parks' codes: refused, feature by feature, each said in
        // the window's words.
        QVERIFY(!parks.runImport());
        QVERIFY2(parks.error().contains(QStringLiteral(
                     "đối tượng số 3: mã 'KCN-DT' đã được dùng trong không gian làm việc")),
                 qPrintable(parks.error()));
        QVERIFY2(!parks.error().contains(QStringLiteral("already used")),
                 qPrintable(parks.error()));
        parks.codeChoice()->setCurrentIndex(0); // generate codes instead
        QVERIFY2(parks.runImport(), qPrintable(parks.error()));
        QVERIFY(parks.report().textConverted > 0);
        // What was converted and what is missing, each with its count, in the window's words;
        // the dialog stays open to show them until Close.
        const QString said = parks.message();
        QVERIFY2(
            said.contains(QStringLiteral("đã nhập %1 đối tượng").arg(parks.report().features)) &&
                said.contains(QStringLiteral("• %1 giá trị chữ đã được chuyển từ bảng mã")
                                  .arg(parks.report().textConverted)) &&
                said.contains(QStringLiteral("• lớp này chưa ghi giấy phép")) &&
                !said.contains(QStringLiteral("--")) &&
                !said.contains(QStringLiteral("text value")),
            qPrintable(said));
        QCOMPARE(parks.importButton()->text(), QStringLiteral("Đóng"));
        QCOMPARE(parks.result(), int(QDialog::Rejected)); // not closed yet
        const auto importedOnce = layerNames().size();
        // Another file chosen meanwhile: the button imports again (and closes, nothing to say).
        pa::gui::ImportDialog more(&w, QString::fromStdString(copy), QStringLiteral("vi"));
        QVERIFY(
            more.setSource(QString::fromStdString(pa::test::fixture("kcn_tcvn3.shp").string())));
        more.kindChoice()->setCurrentIndex(
            more.kindChoice()->findData(QStringLiteral("industrial_park")));
        more.encodingChoice()->setCurrentIndex(
            more.encodingChoice()->findData(QStringLiteral("tcvn3")));
        more.layerNameEdit()->setText(QStringLiteral("kcn_cu_2"));
        more.importButton()->click();
        QCOMPARE(more.importButton()->text(), QStringLiteral("Đóng")); // converted, no licence
        QCOMPARE(layerNames().size(), importedOnce + 1);
        QVERIFY(more.setSource(
            QString::fromStdString(pa::test::fixture("urban_centres.csv").string())));
        QCOMPARE(more.importButton()->text(), QStringLiteral("Nhập"));
        more.kindChoice()->setCurrentIndex(
            more.kindChoice()->findData(QStringLiteral("urban_centre")));
        more.crsChoice()->setCurrentIndex(more.crsChoice()->findData(QStringLiteral("EPSG:4326")));
        more.licenceEdit()->setText(QStringLiteral("CC BY 4.0"));
        more.layerNameEdit()->setText(QStringLiteral("do_thi_3"));
        more.importButton()->click();
        QCOMPARE(layerNames().size(), importedOnce + 2);
        QCOMPARE(more.result(), int(QDialog::Accepted)); // nothing to say: closed at once
        parks.importButton()->click();                   // Close: nothing imported again
        QCOMPARE(parks.result(), int(QDialog::Accepted));
        QCOMPARE(layerNames().size(), importedOnce + 2);

        // A town whose longitude lost its sign lies in the Caribbean, some 15 000 km away: the
        // distance is written as a Vietnamese reader writes numbers (a point groups thousands).
        const auto stray = dir.file("do_thi_lech.csv");
        pa::test::writeBytes(stray, "ten,lon,lat\nThành phố Thái Nguyên,105.8442,21.5928\n"
                                    "Thị xã Phổ Yên,-105.8179,21.4172\n");
        pa::gui::ImportDialog far(&w, QString::fromStdString(copy), QStringLiteral("vi"));
        QVERIFY(far.setSource(QString::fromStdString(stray)));
        far.kindChoice()->setCurrentIndex(
            far.kindChoice()->findData(QStringLiteral("urban_centre")));
        far.crsChoice()->setCurrentIndex(far.crsChoice()->findData(QStringLiteral("EPSG:4326")));
        far.licenceEdit()->setText(QStringLiteral("CC BY 4.0"));
        QVERIFY2(far.runImport(), qPrintable(far.error()));
        const QRegularExpression grouped(
            QStringLiteral("• 1 đối tượng nằm ngoài .* hơn 100 km \\(cách \\d{1,3}\\.\\d{3} km\\): "
                           "đối tượng số 2"));
        QVERIFY2(grouped.match(far.message()).hasMatch(), qPrintable(far.message()));
        auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
        auto table = *ws.dataset().layerByName(parks.report().layerName);
        bool vietnamese = false;
        while (auto f = table.next())
            vietnamese =
                vietnamese ||
                pa::gis::toString(f->value(table.fieldIndex("name_vi"))).find("Khu công nghiệp") !=
                    std::string::npos ||
                pa::gis::toString(f->value(table.fieldIndex("name_vi"))).find("KCN") !=
                    std::string::npos;
        QVERIFY(vietnamese);
    }

    void theEnginesNumbersAreWrittenAsTheWindowsLanguageWritesThem()
    {
        // The window's catalogue says which numbers go with its words, so that a sentence
        // never mixes Vietnamese words with English numbers ("12.3 km" reads as 12 300 m).
        const auto window = sampleWindow(800, 600);
        QVERIFY(window);
        using pa::layers::Sentence;
        const Sentence far(
            QT_TRANSLATE_NOOP("pa::layers", "%1, point %2: (%3, %4) in %5 lies %6 km outside "
                                            "the province; are its coordinates in another CRS "
                                            "than %7?"),
            {std::string("gcp.points"), std::string("7"), std::string("1.5"), std::string("2.5"),
             std::string("EPSG:9213"), Sentence::number(1234.56, 1), std::string("EPSG:4326")});
        const Sentence big(QT_TRANSLATE_NOOP("pa::layers",
                                             "read error after %1 feature(s), the file may be "
                                             "truncated or corrupt (GDAL: %2)"),
                           {Sentence::count(1211000), std::string("x")});
        // Vietnamese again afterwards, even when a check fails (the later tests expect it).
        const auto vietnamese = qScopeGuard([&] { window->setLanguage(QStringLiteral("vi")); });
        window->setLanguage(QStringLiteral("vi"));
        QVERIFY2(pa::gui::said(far).contains(QStringLiteral("nằm ngoài tỉnh 1.234,6 km")),
                 qPrintable(pa::gui::said(far)));
        // What the engine did not foresee is framed in the window's words: the library's own
        // words in brackets, else gis's; memory running out said as such.
        const QString library = pa::gui::MainWindow::errorText(
            pa::gis::GisError("cannot read the tiles: disk I/O error", "disk I/O error"));
        QVERIFY2(library == QStringLiteral("Công việc đã dừng vì một lỗi PlanAtlas không lường "
                                           "trước (disk I/O error)."),
                 qPrintable(library));
        QVERIFY2(
            pa::gui::MainWindow::errorText(pa::gis::GisError("the geometry is empty"))
                .contains(QStringLiteral("(the geometry is empty)")),
            qPrintable(pa::gui::MainWindow::errorText(pa::gis::GisError("the geometry is empty"))));
        QVERIFY(pa::gui::MainWindow::errorText(std::bad_alloc())
                    .startsWith(QStringLiteral("Không đủ bộ nhớ")));
        QVERIFY2(pa::gui::said(big).contains(QStringLiteral("1.211.000")),
                 qPrintable(pa::gui::said(big)));
        window->setLanguage(QStringLiteral("en"));
        QVERIFY2(pa::gui::said(far).contains(QStringLiteral("lies 1,234.6 km outside")),
                 qPrintable(pa::gui::said(far)));
        QVERIFY2(pa::gui::said(big).contains(QStringLiteral("after 1,211,000 feature(s)")),
                 qPrintable(pa::gui::said(big)));
        // The command line writes them plainly, whatever the window says.
        QVERIFY(far.english().find("lies 1234.6 km outside") != std::string::npos);
        QVERIFY(big.english().find("after 1211000 feature(s)") != std::string::npos);
    }

    void ingestingAPlanAndReviewingItsSuggestedLinks()
    {
        // The Thanh Hóa sample carries QĐ 1992 (49 tasks, reviewed): a second, synthetic programme
        // document goes in from the menu.
        pa::test::TempDir dir;
        const auto copy = dir.file("th.gpkg");
        std::filesystem::copy_file(pa::test::sampleWorkspaceThanhHoa(), copy);
        const auto window = sampleWindow(1200, 800, copy);
        QVERIFY(window);
        MainWindow& w = *window;
        QCOMPARE(w.planBrowser()->visibleTasks(), 49);
        // The document as a second tool saved it: one stray byte that is not UTF-8 at its end.
        const auto plan = dir.file("thanh-hoa_ctr-hanh-dong-synthetic.txt");
        pa::test::writeBytes(plan, pa::test::readBytes(pa::test::fixture(
                                       "plans/synthetic/thanh-hoa_ctr-hanh-dong-synthetic.txt")) +
                                       "\n\xFF\n");
        // Past the limit of a plan's text (lowered here): refused in the window's words and
        // numbers, the variable that raises it named; nothing stored.
        ::setenv("PLANATLAS_LIMIT_PLAN_TEXT_BYTES", "1000", 1);
        const bool tooLong = w.ingestPlan(QString::fromStdString(plan));
        ::unsetenv("PLANATLAS_LIMIT_PLAN_TEXT_BYTES");
        QVERIFY(!tooLong);
        QVERIFY2(w.lastError().contains(QStringLiteral("vượt giới hạn 1.000 byte chữ")) &&
                     w.lastError().contains(QStringLiteral("PLANATLAS_LIMIT_PLAN_TEXT_BYTES")) &&
                     !w.lastError().contains(QStringLiteral("limit")),
                 qPrintable(w.lastError()));
        QCOMPARE(w.planBrowser()->visibleTasks(), 49);
        QVERIFY2(w.ingestPlan(QString::fromStdString(plan)), qPrintable(w.lastError()));
        QCOMPARE(w.planBrowser()->visibleTasks(), 49 + 9);
        // What the reader should check is said in the window's words.
        QVERIFY2(w.lastNotices().contains(QStringLiteral(
                     "• 1 dòng không phải UTF-8 và đã được đọc theo Windows-1258")) &&
                     w.lastNotices().contains(
                         QStringLiteral("• cơ quan chưa có trong danh mục, giữ nguyên như văn bản "
                                        "ghi: Ban Quản lý Khu kinh tế Nghi Sơn và các khu "
                                        "công nghiệp")) &&
                     !w.lastNotices().contains(QStringLiteral("registry")),
                 qPrintable(w.lastNotices()));
        // "trong năm 2024" makes one task of the new document due before 1 January 2025.
        QVERIFY(w.planBrowser()->setDueBefore(QStringLiteral("1/1/2025")));
        QCOMPARE(w.planBrowser()->visibleTasks(), 1);
        QVERIFY(w.planBrowser()->setDueBefore({}));
        auto* panel = w.suggestions();
        const auto pending = panel->suggestions();
        // The new document's 9 tasks: its named parks, zones and districts, and — for the tasks
        // that name industrial parks in general ("các khu công nghiệp") — all 8 parks of the
        // sample as one group.
        QVERIFY(pending.size() >= 10);
        // One row per group, and one heading for the tasks without a place.
        QCOMPARE(panel->tree()->topLevelItemCount(),
                 static_cast<int>(panel->groups().size()) + (panel->reasons().empty() ? 0 : 1));
        const auto& groups = panel->groups();
        const auto thematic =
            std::find_if(groups.begin(), groups.end(), [](const pa::plan::SuggestionGroup& g) {
                return g.rule == "theme" && g.members.size() == 8;
            });
        QVERIFY(thematic != groups.end());
        QVERIFY(thematic->evidence.find("8 khu công nghiệp") != std::string::npos);
        const auto group = *thematic; // (the panel's groups are rebuilt below)
        const int groupIndex = static_cast<int>(thematic - groups.begin());
        const auto linksOf = [&](const std::string& task) {
            auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
            return pa::plan::listLinks(ws, task).size();
        };
        const auto before = linksOf(group.taskId);
        // Choosing the group chooses its 8 features; one Accept links them all, one step.
        panel->selectGroup(groupIndex);
        QCOMPARE(panel->selectedIds().size(), group.members.size());
        QVERIFY(w.decideSuggestions(panel->selectedIds(), true));
        QCOMPARE(linksOf(group.taskId), before + group.members.size());
        const int total = static_cast<int>(pending.size());
        const int left = total - static_cast<int>(group.members.size());
        QCOMPARE(static_cast<int>(panel->suggestions().size()), left);
        // One feature of another group rejected on its own.
        const auto other = std::find_if(panel->suggestions().begin(), panel->suggestions().end(),
                                        [&](const auto& s) { return s.taskId != group.taskId; });
        QVERIFY(other != panel->suggestions().end());
        panel->select({other->id});
        QCOMPARE(panel->selectedIds(), std::vector<std::int64_t>{other->id});
        QVERIFY(w.decideSuggestions(panel->selectedIds(), false));
        QCOMPARE(static_cast<int>(panel->suggestions().size()), left - 1);
        w.undoStack()->undo(); // the rejection
        QCOMPARE(static_cast<int>(panel->suggestions().size()), left);
        w.undoStack()->undo(); // the group's acceptance: its links go, its features pending again
        QCOMPARE(static_cast<int>(panel->suggestions().size()), total);
        QCOMPARE(linksOf(group.taskId), before);
        w.undoStack()->redo();
        QCOMPARE(linksOf(group.taskId), before + group.members.size());
        // The tasks with neither link nor suggestion are listed with the reason suggested;
        // Accept on one records it so, with that reason: one undoable step.
        const auto reasons = panel->reasons();
        QVERIFY(!reasons.empty());
        panel->selectReasons({0});
        QCOMPARE(panel->selectedIds().size(), std::size_t{0}); // no link suggestion chosen
        const auto tasks = panel->selectedReasonTasks();
        QCOMPARE(tasks, std::vector<std::string>{reasons[0].taskId});
        const auto unlocatedCount = [&] {
            auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
            return pa::plan::listUnlocated(ws).size();
        };
        const auto unlocatedBefore = unlocatedCount();
        QVERIFY(w.confirmReasons(tasks));
        QCOMPARE(unlocatedCount(), unlocatedBefore + 1);
        QCOMPARE(panel->reasons().size(), reasons.size() - 1);
        w.undoStack()->undo();
        QCOMPARE(unlocatedCount(), unlocatedBefore);
        QCOMPARE(panel->reasons().size(), reasons.size());
        w.undoStack()->redo();
        QCOMPARE(unlocatedCount(), unlocatedBefore + 1);
        // "Another reason" records the chosen task with a class of its menu instead (the
        // class's Vietnamese title, whatever the window's language): one undoable step.
        auto* otherReason = panel->findChild<QToolButton*>();
        QVERIFY(otherReason && otherReason->menu());
        QCOMPARE(otherReason->menu()->actions().size(), 7);
        QCOMPARE(
            otherReason->menu()->actions()[2]->text(),
            QStringLiteral("Không gắn với địa điểm: giáo dục, đào tạo, nguồn nhân lực, lao động"));
        const auto next = panel->reasons().front();
        const std::string given = next.suggestion.reason && next.suggestion.reason->id == "training"
                                      ? "policy"
                                      : "training";
        panel->selectReasons({0});
        QVERIFY(otherReason->isEnabled());
        for (QAction* a : otherReason->menu()->actions())
            if (a->data().toString().toStdString() == given)
                a->trigger();
        const auto reasonOf = [&](const std::string& task) {
            auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
            for (const auto& u : pa::plan::listUnlocated(ws))
                if (u.taskId == task)
                    return u.reason;
            return std::string();
        };
        const auto* givenClass = pa::plan::ReviewedReasons::classOf(reasonOf(next.taskId));
        QVERIFY(givenClass);
        QCOMPARE(std::string(givenClass->id), given);
        QCOMPARE(unlocatedCount(), unlocatedBefore + 2);
        w.undoStack()->undo();
        QCOMPARE(reasonOf(next.taskId), std::string());
        // A bad document is refused in words; the workspace keeps its plan.
        pa::test::writeBytes(dir.file("not-a-plan.txt"), "Biên bản họp không có nhiệm vụ nào.\n");
        QVERIFY(!w.ingestPlan(QString::fromStdString(dir.file("not-a-plan.txt"))));
        QVERIFY(!w.lastError().isEmpty());
        QCOMPARE(w.planBrowser()->visibleTasks(), 49 + 9);
    }

    void aWorkspaceLockedByAnotherProgramIsSaidSoAndNothingChanges()
    {
        pa::test::TempDir dir;
        const auto copy = sampleCopy(dir);
        const auto window = sampleWindow(1200, 800, copy);
        QVERIFY(window);
        MainWindow& w = *window;
        // Another program (QGIS, a script) holds the GeoPackage in an exclusive transaction.
        QProcess holder;
        holder.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import sqlite3,sys,time\n"
                 "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                 "c.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\ntime.sleep(60)\n"),
             QString::fromStdString(copy)});
        QVERIFY(holder.waitForReadyRead(10000));
        QCOMPARE(holder.readAll().trimmed(), QByteArray("locked"));
        QVERIFY(!w.toggleLink(QStringLiteral("kh-ctr37:IV.2#1"), "KCN-DT",
                              QStringLiteral("KCN Điềm Thụy")));
        QVERIFY2(w.lastError().contains(QStringLiteral("database is locked")),
                 qPrintable(w.lastError()));
        QVERIFY2(w.lastError().contains(QStringLiteral("Một chương trình khác")),
                 qPrintable(w.lastError()));
        QCOMPARE(w.undoStack()->count(), 0);
        holder.kill();
        holder.waitForFinished();
        // Once the other program lets go, the same edit goes through.
        QVERIFY2(w.toggleLink(QStringLiteral("kh-ctr37:IV.2#1"), "KCN-DT",
                              QStringLiteral("KCN Điềm Thụy")),
                 qPrintable(w.lastError()));
        QCOMPARE(w.undoStack()->count(), 1);
    }

    void aSharedWorkspaceIsOpenedByServiceAndTwoPlannersSeeEachOthersLinks()
    {
        // Run by ctest as Gui.SharedWorkspace, with the test cluster started.
        const char* cluster = std::getenv("PLANATLAS_TEST_PG_DIR");
        if (!cluster)
            QSKIP("needs the PostGIS test cluster: ctest -R Gui.SharedWorkspace starts it");
        ::setenv("PGSERVICEFILE", (std::string(cluster) + "/pg_service.conf").c_str(), 1);
        ::setenv("PGPASSFILE", (std::string(cluster) + "/pgpass").c_str(), 1);
        const std::string schema = "gui_" + std::to_string(::getpid());
        const std::string owner = "PG:service=planatlas_test active_schema=" + schema;
        pa::layers::copyWorkspace(pa::test::sampleWorkspace().string(), owner);
        pa::layers::grantAccess(owner, "planatlas_editor", pa::layers::Access::Editor);
        struct Drop
        {
            std::string schema;
            ~Drop()
            {
                pa::gis::Dataset::openPostgres("PG:service=planatlas_test",
                                               pa::gis::OpenMode::Update)
                    .execute("DROP SCHEMA IF EXISTS " + pa::gis::sqlIdentifier(schema) +
                             " CASCADE");
            }
        } drop{schema};

        // The dialog lists the services and, for one, the workspaces this role may read.
        MainWindow vi; // (installs the Vietnamese translation)
        vi.setLanguage(QStringLiteral("vi"));
        {
            pa::gui::SharedWorkspaceDialog dialog(nullptr);
            QVERIFY(dialog.serviceChoice()->findText(QStringLiteral("planatlas_test")) >= 0);
            // A role given no schema (the roles' administrator): none to read, and told why.
            QVERIFY2(!dialog.listWorkspaces(QStringLiteral("planatlas_test_admin")),
                     qPrintable(dialog.status()));
            QVERIFY2(dialog.status().contains(QStringLiteral("không có không gian làm việc nào")),
                     qPrintable(dialog.status()));
            // A service nobody defined: said so, in the window's words, without libpq's English.
            QVERIFY(!dialog.listWorkspaces(QStringLiteral("planatlas_khong_co")));
            QVERIFY2(dialog.status().contains(QStringLiteral("planatlas_khong_co")) &&
                         dialog.status().contains(QStringLiteral("pg_service.conf")) &&
                         !dialog.status().contains(QStringLiteral("not found")) &&
                         !dialog.status().contains(QStringLiteral("defined")),
                     qPrintable(dialog.status()));
            // The reader was not given this schema (other tests may give it theirs meanwhile).
            dialog.listWorkspaces(QStringLiteral("planatlas_test_reader"));
            QVERIFY(dialog.workspaceChoice()->findText(QString::fromStdString(schema),
                                                       Qt::MatchContains) < 0);
            QVERIFY2(dialog.listWorkspaces(QStringLiteral("planatlas_test_editor")),
                     qPrintable(dialog.status()));
            const int at = dialog.workspaceChoice()->findText(QString::fromStdString(schema),
                                                              Qt::MatchContains);
            QVERIFY(at >= 0);
            dialog.workspaceChoice()->setCurrentIndex(at);
            QVERIFY2(
                dialog.workspaceChoice()->currentText().contains(QStringLiteral("Thái Nguyên")),
                qPrintable(dialog.workspaceChoice()->currentText()));
            QCOMPARE(dialog.connection(),
                     QStringLiteral("PG:service=planatlas_test_editor active_schema=") +
                         QString::fromStdString(schema));
        }

        auto window = [](const std::string& connection) {
            auto w = std::make_unique<MainWindow>();
            w->setInteractive(false);
            w->setLanguage(QStringLiteral("vi"));
            w->resize(1000, 700);
            w->show();
            if (!w->openWorkspace(QString::fromStdString(connection)))
                qWarning("%s", qPrintable(w->lastError()));
            return w;
        };
        const auto a = window(owner);
        QVERIFY(a->workspace() && drawn(*a));
        const auto b = window("PG:service=planatlas_test_editor active_schema=" + schema);
        QVERIFY(b->workspace() && drawn(*b));
        // A shared workspace's large layers may be analysed by the database server: the zonal
        // and corridor forms offer the choice, automatic at first.
        for (const char* field : {"zonal.engine", "corridor.engine"}) {
            auto* engine = b->analyses()->findChild<QComboBox*>(QString::fromLatin1(field));
            QVERIFY2(engine && !engine->isHidden(), field);
            QCOMPARE(engine->currentData().toString(), QStringLiteral("auto"));
            QCOMPARE(engine->currentText(), QStringLiteral("Tự động"));
        }
        {
            // Asked to, the server computes the land price, and the summary says so.
            auto* dock = b->analyses();
            auto* engine = dock->findChild<QComboBox*>(QStringLiteral("zonal.engine"));
            engine->setCurrentIndex(engine->findData(QStringLiteral("database")));
            QVERIFY(ran(dock, "zonal"));
            QVERIFY2(dock->summary("zonal").contains(
                         QStringLiteral("Tính trong máy chủ cơ sở dữ liệu.")),
                     qPrintable(dock->summary("zonal")));
            engine->setCurrentIndex(engine->findData(QStringLiteral("planatlas")));
            QVERIFY(ran(dock, "zonal"));
            QVERIFY2(dock->summary("zonal").contains(QStringLiteral("Tính trong PlanAtlas.")),
                     qPrintable(dock->summary("zonal")));
        }
        QVERIFY2(b->windowTitle().contains(QString::fromStdString(schema)) &&
                     !b->windowTitle().contains(QStringLiteral("PG:")),
                 qPrintable(b->windowTitle()));
        const QString task = QStringLiteral("kh-ctr37:IV.2#1");
        auto linked = [&] {
            auto ws = pa::layers::Workspace::open(owner, pa::gis::OpenMode::ReadOnly);
            return !pa::plan::listLinks(ws, task.toStdString(), "KCN-DT").empty();
        };
        const bool before = linked();

        // A links (or unlinks); B, on its older view, tries the same: refused, nothing written,
        // told who did it, and shown the workspace as it now is.
        QVERIFY2(a->toggleLink(task, "KCN-DT", QStringLiteral("KCN Điềm Thụy")),
                 qPrintable(a->lastError()));
        QCOMPARE(linked(), !before);
        QVERIFY(!b->toggleLink(task, "KCN-DT", QStringLiteral("KCN Điềm Thụy")));
        QVERIFY2(b->lastError().contains(QStringLiteral("planatlas_owner")),
                 qPrintable(b->lastError()));
        QVERIFY2(b->lastError().contains(QStringLiteral("Không có gì của bạn được ghi")),
                 qPrintable(b->lastError()));
        QCOMPARE(linked(), !before);
        QCOMPARE(b->undoStack()->count(), 0);
        // Shown anew, B sees A's link and its own click now takes it back, as B meant.
        QVERIFY2(b->toggleLink(task, "KCN-DT", QStringLiteral("KCN Điềm Thụy")),
                 qPrintable(b->lastError()));
        QCOMPARE(linked(), before);
        // A refreshes (F5) and sees B's change: its undo of its own link is now a conflict too,
        // unless it reads again first.
        a->refreshFromWorkspace();
        const auto log = a->workspace()->editLog(task.toStdString());
        QVERIFY(log.size() >= 2);
        QCOMPARE(QString::fromStdString(log.back().who), QStringLiteral("planatlas_editor"));
        // A reader sees the workspace and may not change it: told so in the window's words,
        // without the command line's remedy, and nothing is written.
        pa::layers::grantAccess(owner, "planatlas_reader", pa::layers::Access::Reader);
        {
            const auto r = window("PG:service=planatlas_test_reader active_schema=" + schema);
            QVERIFY(r->workspace() && drawn(*r));
            const bool now = linked();
            QVERIFY(!r->toggleLink(task, "KCN-DT", QStringLiteral("KCN Điềm Thụy")));
            QVERIFY2(r->lastError().contains(QStringLiteral("được đọc nhưng không được thay đổi")),
                     qPrintable(r->lastError()));
            QVERIFY2(r->lastError().contains(QString::fromStdString(schema)),
                     qPrintable(r->lastError()));
            QVERIFY2(!r->lastError().contains(QStringLiteral("admin")) &&
                         !r->lastError().contains(QStringLiteral("--")),
                     qPrintable(r->lastError()));
            QCOMPARE(linked(), now);
        }
        // The schema's owner adds a layer; the editor, who may not make tables, is not offered
        // to, and sees the new layer once it refreshes.
        QVERIFY(a->importAction()->isEnabled());
        QVERIFY(!b->importAction()->isEnabled());
        const QString imported = importTowns(*a, owner);
        QVERIFY2(imported.isEmpty(), qPrintable(imported));
        QVERIFY(a->layerPanel()->itemOf("do_thi_them") != nullptr);
        QVERIFY(drawn(*a));
        QVERIFY(b->layerPanel()->itemOf("do_thi_them") == nullptr);
        b->refreshFromWorkspace();
        QVERIFY(b->layerPanel()->itemOf("do_thi_them") != nullptr);
        QVERIFY(drawn(*b));
        QCOMPARE(QString::fromStdString(b->workspace()->editLog().back().edit.action),
                 QStringLiteral("import"));
        // So does a map sheet: placed by the owner into the schema, listed in the editor's
        // layer tree once it refreshes.
        QVERIFY(a->georefAction()->isEnabled());
        QVERIFY(!b->georefAction()->isEnabled());
        {
            pa::test::TempDir sheetDir;
            const auto markers =
                pa::test::writeTestSheet(sheetDir.file("sheet.pgm"), 415000, 2420000, 20);
            pa::test::writeBytes(sheetDir.file("points.csv"), pa::test::controlPointsCsv(markers));
            pa::layers::GeorefOptions options;
            options.sheet.path = sheetDir.file("sheet.pgm");
            options.controlPoints = sheetDir.file("points.csv");
            options.method = pa::gis::GeorefMethod::Polynomial2;
            options.layerName = "to_chung";
            options.titleVi = "Tờ dùng chung";
            QVERIFY2(a->placeSheet(options), qPrintable(a->lastError()));
        }
        QVERIFY(a->layerPanel()->itemOf("to_chung") != nullptr);
        b->refreshFromWorkspace();
        QVERIFY(b->layerPanel()->itemOf("to_chung") != nullptr);
        QVERIFY(drawn(*b));

        // The editor draws a park of 1 km² by clicks on the map: in the schema at once, logged
        // under the editor's role, and on the owner's map once it refreshes.
        auto areaOf = [&](const std::string& code) {
            auto ws = pa::layers::Workspace::open(owner, pa::gis::OpenMode::ReadOnly);
            const auto rows = ws.dataset()
                                  .execute("SELECT ST_Area(geom) / 10000 AS ha FROM "
                                           "industrial_parks WHERE code = '" +
                                           code + "'")
                                  .rows;
            return rows.empty() ? -1.0 : std::stod(pa::gis::toString(rows[0][0]));
        };
        b->setAttributeAsker([](const QString&) {
            return std::optional<pa::layers::DrawnAttributes>(
                {"KCN-CHUNG", "KCN vẽ chung", "planned"});
        });
        const double x0 = 436000, y0 = 2380000;
        // A square of side @p m metres from (x0, y0), clicked on @p w's map: three corners, a
        // double click on the fourth.
        auto clickSquare = [&](MainWindow& w, double m) {
            for (const auto& [x, y] :
                 std::vector<std::pair<double, double>>{{x0, y0}, {x0 + m, y0}, {x0 + m, y0 + m}})
                QTest::mouseClick(w.canvas(), Qt::LeftButton, {},
                                  w.canvas()->toPixel(x, y).toPoint());
            QTest::mouseDClick(w.canvas(), Qt::LeftButton, {},
                               w.canvas()->toPixel(x0, y0 + m).toPoint());
        };
        b->canvas()->zoomTo({x0 - 200, y0 - 200, x0 + 1200, y0 + 1200});
        QVERIFY(drawn(*b));
        QVERIFY2(b->startDrawing(QStringLiteral("industrial_parks")), qPrintable(b->lastError()));
        clickSquare(*b, 1000);
        QVERIFY2(std::abs(areaOf("KCN-CHUNG") - 100) < 1, qPrintable(b->lastError()));
        QCOMPARE(QString::fromStdString(b->workspace()->editLog().back().who),
                 QStringLiteral("planatlas_editor"));
        QCOMPARE(QString::fromStdString(b->workspace()->editLog().back().edit.action),
                 QStringLiteral("feature_add"));
        a->refreshFromWorkspace();
        const auto fid = a->workspace()->dataset().run(
            "SELECT fid FROM industrial_parks WHERE code = ?", {std::string("KCN-CHUNG")});
        QCOMPARE(fid.rows.size(), std::size_t{1});
        const auto parkFid = std::get<std::int64_t>(fid.rows[0][0]);

        // Both open the same park's shape; the owner saves first; the editor's new shape, drawn
        // on the older view, is refused in plain words, writes nothing, and the editor's map is
        // read again. Read again, the editor's next shape lands, and its undo too.
        a->canvas()->zoomTo({x0 - 200, y0 - 200, x0 + 1200, y0 + 1200});
        QVERIFY(drawn(*a));
        QVERIFY2(a->startDrawing(QStringLiteral("industrial_parks"), parkFid),
                 qPrintable(a->lastError()));
        QVERIFY2(b->startDrawing(QStringLiteral("industrial_parks"), parkFid),
                 qPrintable(b->lastError()));
        clickSquare(*a, 800);
        QVERIFY2(std::abs(areaOf("KCN-CHUNG") - 64) < 1, qPrintable(a->lastError()));
        const auto undoBefore = b->undoStack()->count();
        clickSquare(*b, 500);
        QVERIFY2(std::abs(areaOf("KCN-CHUNG") - 64) < 1, qPrintable(b->lastError()));
        QVERIFY2(b->lastError().contains(QStringLiteral("Người khác đã thay đổi")) &&
                     b->lastError().contains(
                         QStringLiteral("Đã thay đổi trong lúc đó: planatlas_owner đã sửa hình "
                                        "dạng của KCN-CHUNG lúc ")),
                 qPrintable(b->lastError()));
        QVERIFY2(b->lastError().contains(QStringLiteral("Không có gì của bạn được ghi")),
                 qPrintable(b->lastError()));
        QCOMPARE(b->undoStack()->count(), undoBefore);
        QVERIFY2(b->startDrawing(QStringLiteral("industrial_parks"), parkFid),
                 qPrintable(b->lastError()));
        clickSquare(*b, 500);
        QVERIFY2(std::abs(areaOf("KCN-CHUNG") - 25) < 1, qPrintable(b->lastError()));
        b->undoStack()->undo();
        QVERIFY2(std::abs(areaOf("KCN-CHUNG") - 64) < 1, qPrintable(b->lastError()));
        b->undoStack()->redo();
        QVERIFY2(std::abs(areaOf("KCN-CHUNG") - 25) < 1, qPrintable(b->lastError()));
        // The owner, after another change of its own (a link and its undo), takes back its own
        // new shape of the park: refused, for the editor redrew the park since — its undo is made
        // on the view its own step left, not on the newest edit it has seen.
        QVERIFY2(a->toggleLink(task, "KCN-DT", QStringLiteral("KCN Điềm Thụy")),
                 qPrintable(a->lastError()));
        a->undoStack()->undo();
        a->undoStack()->undo();
        QVERIFY2(std::abs(areaOf("KCN-CHUNG") - 25) < 1, qPrintable(a->lastError()));
        QVERIFY2(a->lastError().contains(
                     QStringLiteral("planatlas_editor đã sửa hình dạng của KCN-CHUNG lúc ")),
                 qPrintable(a->lastError()));
    }

    void badFilesAreRefusedInPlainWordsAndTheOpenWorkspaceStays()
    {
        pa::test::TempDir dir;
        pa::test::writeBytes(dir.file("notes.gpkg"), "this is not a GeoPackage\n");
        MainWindow w;
        w.setInteractive(false);
        w.setLanguage(QStringLiteral("vi"));
        QVERIFY(w.openWorkspace(QString::fromStdString(pa::test::sampleWorkspace().string())));
        QVERIFY(!w.openWorkspace(QString::fromStdString(dir.file("missing.gpkg"))));
        QVERIFY2(w.lastError().contains(QStringLiteral("tệp không tồn tại")),
                 qPrintable(w.lastError()));
        QVERIFY(!w.openWorkspace(QString::fromStdString(dir.file("notes.gpkg"))));
        QVERIFY2(w.lastError().startsWith(QStringLiteral("Không mở được notes.gpkg")),
                 qPrintable(w.lastError()));
        QVERIFY(w.workspace() != nullptr); // the sample is still open
        // A GeoPackage that is no workspace: said without the command line's remedy.
        std::filesystem::copy_file(pa::test::fixture("two_layers.gpkg"), dir.file("plain.gpkg"));
        QVERIFY(!w.openWorkspace(QString::fromStdString(dir.file("plain.gpkg"))));
        QVERIFY2(
            w.lastError().contains(QStringLiteral("không phải không gian làm việc PlanAtlas")) &&
                !w.lastError().contains(QStringLiteral("planatlas init")),
            qPrintable(w.lastError()));
        // A workspace file marked read-only opens; a change is refused in Vietnamese, and the
        // file is as it was.
        const auto readOnly = dir.file("ro.gpkg");
        std::filesystem::copy_file(pa::test::sampleWorkspace(), readOnly);
        std::filesystem::permissions(readOnly,
                                     std::filesystem::perms::owner_write |
                                         std::filesystem::perms::group_write |
                                         std::filesystem::perms::others_write,
                                     std::filesystem::perm_options::remove);
        const auto before = pa::test::readBytes(readOnly);
        QVERIFY2(w.openWorkspace(QString::fromStdString(readOnly)), qPrintable(w.lastError()));
        QVERIFY(!w.toggleLink(QStringLiteral("kh-ctr37:IV.2#1"), "KCN-DT",
                              QStringLiteral("KCN Điềm Thụy")));
        QVERIFY2(w.lastError().contains(QStringLiteral("chỉ cho phép đọc")),
                 qPrintable(w.lastError()));
        QVERIFY(pa::test::readBytes(readOnly) == before);
    }

    void theAttributeTableSortsFindsSelectsAndExports()
    {
        const auto window = sampleWindow(1200, 800);
        QVERIFY(window);
        MainWindow& w = *window;
        QVERIFY(w.showAttributes(QStringLiteral("industrial_parks")));
        auto* t = w.attributeTable();
        const auto parks = w.workspace()->dataset().layerByName("industrial_parks")->featureCount();
        QCOMPARE(t->shownRows(), static_cast<int>(parks));
        QCOMPARE(t->filter()->placeholderText(),
                 QStringLiteral("Tìm trong bảng (gõ không dấu cũng được)"));
        // Columns titled in the interface's language with their units, coded values in words.
        const auto* model = t->view()->model();
        int area = -1, status = -1;
        for (int c = 0; c < model->columnCount(); ++c) {
            const QString title = model->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(!title.contains(QStringLiteral("_")), qPrintable(title)); // no raw column
            if (title == QStringLiteral("Diện tích quy hoạch (ha)"))
                area = c;
            if (title == QStringLiteral("Trạng thái"))
                status = c;
        }
        QVERIFY(area >= 0 && status >= 0);
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString s = model->index(r, status).data().toString();
            QVERIFY2(s != QStringLiteral("existing") && s != QStringLiteral("planned"),
                     qPrintable(s));
        }
        // Sorted by area, largest first, as numbers (675 before 361,1).
        t->view()->sortByColumn(area, Qt::DescendingOrder);
        auto areaAt = [&](int r) {
            return model->index(r, area)
                .data()
                .toString()
                .replace(QLatin1Char(','), QLatin1Char('.'))
                .toDouble();
        };
        for (int r = 1; r < model->rowCount(); ++r)
            QVERIFY(areaAt(r - 1) >= areaAt(r));
        QVERIFY(model->index(0, area).data().toString().contains(QLatin1Char(',')) ||
                areaAt(0) == std::floor(areaAt(0))); // Vietnamese decimal comma
        // Found without diacritics, as typed on a keyboard without Vietnamese input.
        QTest::keyClicks(t->filter(), QStringLiteral("kcn diem thuy"));
        QCOMPARE(t->shownRows(), 1);
        // Selected in the table, selected on the map.
        QVERIFY(w.canvas()->selection().polygons.empty());
        t->view()->selectRow(0);
        QCOMPARE(t->selectedRows().size(), std::size_t(1));
        QVERIFY(!w.canvas()->selection().polygons.empty());
        // The selection exported: for Excel (byte-order mark, Vietnamese headings) and as a
        // GeoPackage with the park's geometry.
        pa::test::TempDir dir;
        QVERIFY(t->exportSelection(QString::fromStdString(dir.file("kcn.csv"))));
        const std::string csv = pa::test::readBytes(dir.file("kcn.csv"));
        QVERIFY(csv.rfind("\xEF\xBB\xBF", 0) == 0);
        QVERIFY(csv.find("KCN Điềm Thụy") != std::string::npos);
        QVERIFY(csv.find("Diện tích quy hoạch (ha)") != std::string::npos);
        QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 2L);
        QVERIFY(t->exportSelection(QString::fromStdString(dir.file("kcn.gpkg"))));
        {
            auto out =
                pa::gis::Dataset::openVector(dir.file("kcn.gpkg"), pa::gis::OpenMode::ReadOnly);
            auto layer = out.layer(0);
            QCOMPARE(layer.featureCount(), std::int64_t(1));
            QVERIFY(layer.hasGeometry());
        }
        // The filter cleared: every park again; another workspace: the table empties.
        t->filter()->clear();
        QCOMPARE(t->shownRows(), static_cast<int>(parks));
    }

    void findingAnythingByNameWithoutDiacritics()
    {
        using What = pa::layers::Findable::What;
        const auto window = sampleWindow(1200, 800);
        QVERIFY(window);
        MainWindow& w = *window;
        // A park typed without diacritics: features of that name before tasks that mention it.
        const auto parks = w.findNames(QStringLiteral("kcn diem thuy"));
        QVERIFY(!parks.empty());
        QCOMPARE(parks.front()->what, What::Feature);
        QCOMPARE(parks.front()->key, std::string("KCN-DT"));
        QVERIFY(w.canvas()->selection().polygons.empty());
        w.goTo(*parks.front());
        QVERIFY(!w.canvas()->selection().polygons.empty());
        QVERIFY(!w.identifyPanel()->features().empty());
        QCOMPARE(w.identifyPanel()->features().front().code, std::string("KCN-DT"));
        const Park p = park("KCN-DT");
        const auto e = w.canvas()->extent();
        QVERIFY(e.minX < p.x && p.x < e.maxX && e.minY < p.y && p.y < e.maxY);
        // An agency by its name, a task by its id.
        const auto agency = w.findNames(QStringLiteral("so cong thuong"));
        QVERIFY(!agency.empty());
        QCOMPARE(agency.front()->what, What::Agency);
        QCOMPARE(agency.front()->key, std::string("Sở Công Thương"));
        const auto task = w.findNames(QStringLiteral("kh-nq54:III.4#4"));
        QVERIFY(!task.empty());
        QCOMPARE(task.front()->what, What::Task);
        w.goTo(*task.front());
        QCOMPARE(w.chosenTask(), QStringLiteral("kh-nq54:III.4#4"));
        // Typed into the box, the list offers them; a word the workspace lacks finds nothing.
        QTest::keyClicks(w.findBox(), QStringLiteral("yen binh"));
        QVERIFY(w.findBox()->completer()->completionModel()->rowCount() >= 3);
        QVERIFY(w.findNames(QStringLiteral("xyzzy")).empty());
        QCOMPARE(w.findBox()->placeholderText(),
                 QStringLiteral("Tìm địa danh, đối tượng, nhiệm vụ hoặc cơ quan (Ctrl+F)"));
    }

    void measuringADistanceAndAnAreaOnTheMap()
    {
        const auto window = sampleWindow(1200, 800);
        QVERIFY(window);
        MainWindow& w = *window;
        const Park p = park("KCN-DT");
        w.canvas()->zoomTo({p.x - 800, p.y - 800, p.x + 800, p.y + 800}); // about 1.3 m a pixel
        QVERIFY(drawn(w));
        auto click = [&](double x, double y) {
            QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, w.canvas()->toPixel(x, y).toPoint());
        };
        // 1.5 km along the grid's east: "1,50 km", and no identify while measuring.
        w.measureDistanceAction()->trigger();
        QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::MeasureDistance);
        click(p.x - 750, p.y);
        click(p.x + 750, p.y);
        QVERIFY(std::abs(w.canvas()->measurement().lengthM - 1500) < 5);
        QCOMPARE(w.canvas()->measurementText(), QStringLiteral("1,50 km"));
        QVERIFY(w.identifyPanel()->features().empty());
        // A 600 m square: 36 ha within 0,5 %, its perimeter 2,4 km; a double click ends it.
        w.canvas()->zoomTo({p.x - 350, p.y - 350, p.x + 350, p.y + 350}); // under a metre a pixel
        QVERIFY(drawn(w));
        w.measureAreaAction()->trigger();
        QVERIFY(!w.measureDistanceAction()->isChecked());
        click(p.x - 300, p.y - 300);
        click(p.x + 300, p.y - 300);
        click(p.x + 300, p.y + 300);
        QTest::mouseDClick(w.canvas(), Qt::LeftButton, {},
                           w.canvas()->toPixel(p.x - 300, p.y + 300).toPoint());
        const auto m = w.canvas()->measurement();
        QCOMPARE(m.vertices, std::size_t(4));
        // Exactly the area of the points clicked (each on a whole pixel), and within 1 % of
        // the square's.
        auto at = [&](double x, double y) {
            return w.canvas()->toWorld(w.canvas()->toPixel(x, y).toPoint());
        };
        const std::vector<QPointF> clicked = {at(p.x - 300, p.y - 300), at(p.x + 300, p.y - 300),
                                              at(p.x + 300, p.y + 300), at(p.x - 300, p.y + 300)};
        double twice = 0;
        for (std::size_t i = 0; i < clicked.size(); ++i)
            twice += clicked[i].x() * clicked[(i + 1) % 4].y() -
                     clicked[(i + 1) % 4].x() * clicked[i].y();
        QVERIFY2(std::abs(m.areaM2 - std::abs(twice) / 2) < 1e-6 * m.areaM2,
                 qPrintable(QString::number(m.areaM2)));
        QVERIFY2(std::abs(m.areaM2 / 10000 - 36) < 0.36, qPrintable(QString::number(m.areaM2)));
        QVERIFY(std::abs(m.lengthM - 2400) < 12);
        const QLocale vi(QLocale::Vietnamese);
        QCOMPARE(w.canvas()->measurementText(),
                 vi.toString(m.areaM2 / 10000, 'f', 1) + QStringLiteral(" ha · chu vi ") +
                     vi.toString(m.lengthM / 1000, 'f', 2) + QStringLiteral(" km"));
        // The tool off: a click identifies again.
        w.measureAreaAction()->trigger();
        QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::Browse);
        QCOMPARE(w.canvas()->measurement().vertices, std::size_t(0));
        click(p.x, p.y);
        QVERIFY(!w.identifyPanel()->features().empty());
    }

    void aLayersPropertiesSayWhereItCameFromAndWhatItHolds()
    {
        const auto window = sampleWindow(1200, 800);
        QVERIFY(window);
        MainWindow& w = *window;
        auto* box = w.showLayerProperties(QStringLiteral("industrial_parks"));
        QVERIFY(box);
        QVERIFY(!box->isModal()); // the map stays usable
        const QString text = box->text();
        const auto l = w.workspace()->findLayer("industrial_parks");
        QVERIFY(l);
        QVERIFY2(text.contains(QStringLiteral("Giấy phép")), qPrintable(text));
        QVERIFY(text.contains(QString::fromStdString(l->licence).toHtmlEscaped()));
        QVERIFY(text.contains(QStringLiteral("Khu công nghiệp")));
        QVERIFY(text.contains(QStringLiteral("vị trí chỉ dẫn: 11")));
        QVERIFY(text.contains(QStringLiteral("EPSG:9213")));
        QVERIFY(text.contains(QStringLiteral("liên kết")));
        box->close();
        QVERIFY(!w.showLayerProperties(QStringLiteral("no_such_layer")));
    }

    void aPlacedMapSheetShowsUnderTheLayersWithItsProperties()
    {
        pa::test::TempDir dir;
        const auto copy = sampleCopy(dir);
        const auto markers = placeTestSheet(dir, copy);
        QVERIFY(!markers.empty());

        const auto window = sampleWindow(1200, 800, copy);
        QVERIFY(window);
        MainWindow& w = *window;
        auto* item = w.layerPanel()->itemOf("sheet");
        QVERIFY(item);
        QCOMPARE(item->text(0), QStringLiteral("Tờ thử"));
        QCOMPARE(item->text(1), QStringLiteral("60 %")); // see-through from the start
        const auto stack = w.layerPanel()->stack();
        QVERIFY(stack.size() > 2);
        // At the bottom, over the sheet placed before it (the sample's test sheet).
        QCOMPARE(stack.at(0).first, std::string("test_sheet"));
        QCOMPARE(stack.at(1).first, std::string("sheet"));

        // Zoomed to the sheet (a double click on it), a marker is drawn where it belongs;
        // hidden, it is gone.
        auto* panel = w.layerPanel();
        panel->scrollToItem(item); // the bottom of the list: the bottom of the map
        const QPoint onItem = panel->visualItemRect(item).center();
        QTest::mousePress(panel->viewport(), Qt::LeftButton, {}, onItem); // as a person does
        QTest::mouseDClick(panel->viewport(), Qt::LeftButton, {},
                           panel->visualItemRect(item).center());
        QVERIFY(drawn(w));
        const auto e = w.canvas()->extent();
        QVERIFY(e.minX <= 415001 && e.maxY >= 2419999);
        const auto& m = markers[24];
        const QPoint at =
            w.canvas()->toPixel(m.x, m.y).toPoint() * w.canvas()->picture().devicePixelRatio();
        const int with = qGray(w.canvas()->picture().pixel(at));
        w.layerPanel()->setLayerVisible("sheet", false);
        QVERIFY(drawn(w));
        const int without = qGray(w.canvas()->picture().pixel(at));
        QVERIFY2(with + 60 < without,
                 qPrintable(QStringLiteral("%1 vs %2").arg(with).arg(without)));

        auto* box = w.showLayerProperties(QStringLiteral("sheet"));
        QVERIFY(box);
        const QString text = box->text();
        QVERIFY2(text.contains(QStringLiteral("đa thức bậc hai")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Điểm khống chế")));
        QVERIFY(text.contains(QStringLiteral("sheet.pgm")));
        QVERIFY(text.contains(QStringLiteral("0,00 m"))); // the poly2 fit of a poly2 bend
        box->close();
        // Removed: gone from the list and from the workspace.
        QVERIFY(w.removeSheet(QStringLiteral("sheet")));
        QVERIFY(!w.layerPanel()->itemOf("sheet"));
        for (const auto& kept : pa::layers::rasterLayers(*w.workspace()))
            QVERIFY(kept.name != "sheet"); // the sample's own test sheet stays
    }

    void theGeoreferencerPlacesASheetByClicksOnTheSheetAndTheMap()
    {
        pa::test::TempDir dir;
        const auto copy = sampleCopy(dir);
        const auto markers =
            pa::test::writeTestSheet(dir.file("kcn_sheet.pgm"), 415000, 2420000, 20);
        const auto window = sampleWindow(1400, 900, copy);
        QVERIFY(window);
        MainWindow& w = *window;
        auto* dialog = w.openGeoreferencer();
        QVERIFY(dialog);
        QVERIFY(!dialog->isModal()); // the main map is where the points are picked
        QVERIFY(dialog->openSheet(QString::fromStdString(dir.file("kcn_sheet.pgm"))));
        QVERIFY(!dialog->placeButton()->isEnabled());
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* sheet = dialog->sheetView();

        // Zoomed to where the sheet goes, so that a click on the map is a few metres precise.
        w.canvas()->zoomTo({415000, 2401000, 439000, 2420000});
        QVERIFY(drawn(w));
        // Six markers: a click on each on the sheet, then on the map where it truly is.
        const std::vector<std::size_t> chosen = {0, 7, 19, 28, 40, 47};
        for (const std::size_t i : chosen) {
            const auto& m = markers[i];
            QTest::mouseClick(sheet, Qt::LeftButton, {},
                              sheet->toWidget({m.pixel, m.line}).toPoint());
            QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::PickPoint);
            QTest::mouseClick(w.canvas(), Qt::LeftButton, {},
                              w.canvas()->toPixel(m.x, m.y).toPoint());
            QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::Browse);
        }
        QCOMPARE(dialog->points().size(), std::size_t(6));
        // Placed by hand on screen: within a few of the map's pixels of the truth.
        const double mpp = w.canvas()->metresPerPixel();
        const auto picked = dialog->points();
        for (std::size_t k = 0; k < chosen.size(); ++k) {
            const auto& m = markers[chosen[k]];
            QCOMPARE(picked[k].id, "P" + std::to_string(k + 1));
            QVERIFY(std::abs(picked[k].pixel - m.pixel) < 2); // the sheet shown small
            QVERIFY(std::hypot(picked[k].x - m.x, picked[k].y - m.y) < 2 * mpp);
        }
        QVERIFY2(dialog->fit(), qPrintable(dialog->status()));
        QVERIFY2(dialog->fit()->rmse > 0, qPrintable(dialog->status())); // affine: the bend shows
        QVERIFY(dialog->table()->item(0, 5)->text().contains(QLatin1Char(','))); // "1,23" in vi
        // A typed map position, in Vietnamese figures, for one more point.
        const auto& extra = markers[23];
        QTest::mouseClick(sheet, Qt::LeftButton, {},
                          sheet->toWidget({extra.pixel, extra.line}).toPoint());
        const int row = dialog->table()->rowCount() - 1;
        auto vi = [](double v) {
            return QLocale(QLocale::Vietnamese).toString(v, 'f', 1); // "415.300,5"
        };
        dialog->table()->item(row, 3)->setText(vi(extra.x));
        dialog->table()->item(row, 4)->setText(vi(extra.y));
        QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::Browse); // typed: not awaited
        dialog->mapPicked(0, 0); // nothing awaits a map click any more: ignored
        QCOMPARE(dialog->points().size(), std::size_t(7));
        QVERIFY(std::abs(dialog->points().back().x - extra.x) < 0.1);
        QVERIFY(dialog->fit()->leaveOneOutRmse);

        dialog->setMethod(pa::gis::GeorefMethod::Polynomial2);
        // The sheet is bent: the second-order fit misses the clicked points by about the
        // precision of a click on the map.
        QVERIFY(dialog->fit());
        QVERIFY2(dialog->fit()->rmse < 2 * mpp, qPrintable(dialog->status()));
        dialog->setLayerName(QStringLiteral("kcn_sheet"));
        dialog->setTitle(QStringLiteral("Bản đồ KCN thử"));
        QVERIFY(dialog->placeButton()->isEnabled());
        QTest::mouseClick(dialog->placeButton(), Qt::LeftButton);
        QVERIFY(w.layerPanel()->itemOf("kcn_sheet"));
        const auto sheets = pa::layers::rasterLayers(*w.workspace());
        QCOMPARE(sheets.size(), std::size_t(2));                // with the sample's test sheet
        QCOMPARE(sheets.back().name, std::string("kcn_sheet")); // the newest, on top
        QCOMPARE(sheets.back().controlPoints, 7);
        QCOMPARE(sheets.back().method, std::string("poly2"));
        QCOMPARE(sheets.back().titleVi, std::string("Bản đồ KCN thử"));
        dialog->close();
    }

    void theGeoreferencerSaysWhatIsWrongWithTheSheetOrItsPointsInTheWindowsLanguage()
    {
        pa::test::TempDir dir;
        const auto copy = sampleCopy(dir);
        const auto markers =
            pa::test::writeTestSheet(dir.file("kcn_sheet.pgm"), 415000, 2420000, 20);
        const auto window = sampleWindow(1400, 900, copy);
        QVERIFY(window);
        auto* dialog = window->openGeoreferencer();
        QVERIFY(dialog);
        // A file that is no picture: said in Vietnamese, GDAL's own words at most in brackets.
        const std::string notes = dir.file("ghi_chu.png");
        std::ofstream(notes) << "không phải ảnh\n";
        QVERIFY(!dialog->openSheet(QString::fromStdString(notes)));
        QVERIFY2(dialog->status().contains(QStringLiteral("không phải tệp ảnh")),
                 qPrintable(dialog->status()));
        QVERIFY2(!dialog->status().contains(QStringLiteral("not an image")),
                 qPrintable(dialog->status()));
        QVERIFY(dialog->openSheet(QString::fromStdString(dir.file("kcn_sheet.pgm"))));
        // Three points along one line of the sheet (one row of markers): the fit is refused
        // with what to do, in the window's words.
        auto load = [&](const std::vector<std::size_t>& which, const std::string& name) {
            std::ofstream csv(dir.file(name));
            csv << "id,pixel,line,x,y\n" << std::fixed << std::setprecision(3);
            std::set<std::size_t> named;
            for (const std::size_t i : which) {
                const auto& m = markers[i];
                csv << "M" << i << (named.insert(i).second ? "" : "b") << ',' << m.pixel << ','
                    << m.line << ',' << m.x << ',' << m.y << '\n';
            }
            csv.close();
            return dialog->loadPoints(QString::fromStdString(dir.file(name)));
        };
        std::vector<std::size_t> row;
        for (std::size_t i = 0; i < markers.size() && row.size() < 3; ++i)
            if (std::abs(markers[i].line - markers[0].line) < 0.5)
                row.push_back(i);
        QCOMPARE(row.size(), std::size_t(3));
        QVERIFY2(load(row, "hang.csv"), qPrintable(dialog->status()));
        QVERIFY(!dialog->fit());
        QVERIFY2(dialog->status().contains(QStringLiteral("nằm trên một đường thẳng")),
                 qPrintable(dialog->status()));
        QVERIFY2(!dialog->status().contains(QStringLiteral("one line")),
                 qPrintable(dialog->status()));
        // The same marker twice under two names: both named, in their order.
        QVERIFY(load({0, 7, 19, 7}, "hai_lan.csv"));
        QVERIFY(!dialog->fit());
        QVERIFY2(dialog->status().contains(QStringLiteral("M7 và M7b nằm trên cùng một điểm ảnh")),
                 qPrintable(dialog->status()));
        QVERIFY(load({0, 7, 19, 28, 40}, "nam_diem.csv"));
        QVERIFY2(dialog->fit(), qPrintable(dialog->status()));
        // A QGIS .points file whose CRS line names no CRS PlanAtlas knows: refused with what to
        // write instead, the points of before kept.
        {
            std::ofstream points(dir.file("qgis.points"));
            points << "#CRS: VN-2000 Thái Nguyên\nmapX,mapY,sourceX,sourceY,enable\n"
                   << std::fixed << std::setprecision(3);
            for (const std::size_t i : {0, 7, 19})
                points << markers[i].x << ',' << markers[i].y << ',' << markers[i].pixel << ','
                       << -markers[i].line << ",1\n";
        }
        QVERIFY(!dialog->loadPoints(QString::fromStdString(dir.file("qgis.points"))));
        QVERIFY2(
            dialog->status().contains(QStringLiteral("'VN-2000 Thái Nguyên' không phải hệ tọa độ")),
            qPrintable(dialog->status()));
        QCOMPARE(dialog->points().size(), std::size_t(5));
        dialog->close();
    }

    void drawingAParkOverASheetAndGivingALinkedParkItsRealShape()
    {
        pa::test::TempDir dir;
        const auto copy = sampleCopy(dir);
        const auto markers = placeTestSheet(dir, copy);
        QVERIFY(!markers.empty());
        const auto window = sampleWindow(1600, 1200, copy);
        QVERIFY(window);
        MainWindow& w = *window;
        QCOMPARE(w.tracedSheet(), std::string("sheet"));
        w.setAttributeAsker([](const QString&) {
            return std::optional<pa::layers::DrawnAttributes>(
                {"KCN-SO-HOA", "KCN số hóa thử", "planned"});
        });
        auto query = [&](const std::string& sql) { return firstCell(copy, sql); };
        const std::string count = "SELECT COUNT(*) FROM industrial_parks";
        const std::string before = query(count);

        // A square of 1 km by clicks on the map at about a metre a pixel.
        const double x0 = 425000, y0 = 2410000;
        w.canvas()->zoomTo({x0 - 100, y0 - 100, x0 + 1100, y0 + 1100});
        QVERIFY(drawn(w));
        QVERIFY2(w.canvas()->metresPerPixel() < 2.5, // a click is within about a metre
                 qPrintable(QString::number(w.canvas()->metresPerPixel())));
        QVERIFY(w.startDrawing(QStringLiteral("industrial_parks")));
        QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::DrawArea);
        const std::vector<std::pair<double, double>> corners = {
            {x0, y0}, {x0 + 1000, y0}, {x0 + 1000, y0 + 1000}, {x0, y0 + 1000}};
        for (const auto& [x, y] : corners)
            QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, w.canvas()->toPixel(x, y).toPoint());
        QTest::mouseDClick(
            w.canvas(), Qt::LeftButton, {},
            w.canvas()->toPixel(corners.back().first, corners.back().second).toPoint());
        QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::Browse);
        QCOMPARE(std::stoi(query(count)), std::stoi(before) + 1);
        const double ha = std::stod(
            query("SELECT ST_Area(geom) / 10000 FROM industrial_parks WHERE code = 'KCN-SO-HOA'"));
        QVERIFY2(std::abs(ha - 100) < 0.5, qPrintable(QString::number(ha))); // within 0.5 %
        QCOMPARE(query("SELECT geometry_quality FROM industrial_parks WHERE code = 'KCN-SO-HOA'"),
                 std::string("digitized"));
        QVERIFY(query("SELECT source FROM industrial_parks WHERE code = 'KCN-SO-HOA'")
                    .find("«Tờ thử»") != std::string::npos);
        w.undoStack()->undo();
        QCOMPARE(query(count), before);
        // Esc in the middle of a drawing: nothing written.
        QVERIFY(w.startDrawing(QStringLiteral("industrial_parks")));
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, w.canvas()->toPixel(x0, y0).toPoint());
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(w.canvas(), Qt::Key_Escape);
        QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::Browse);
        QCOMPARE(query(count), before);
        w.undoStack()->redo();
        QCOMPARE(std::stoi(query(count)), std::stoi(before) + 1);

        // A linked park given its real shape: the same feature, its name and tasks kept.
        const Park p = park("KCN-DT");
        const std::string fidOf = "SELECT fid FROM industrial_parks WHERE code = 'KCN-DT'";
        const std::string links = "SELECT COUNT(*) FROM industrial_parks_task_links WHERE "
                                  "base_id = (" +
                                  fidOf + ")";
        const std::string linksBefore = query(links);
        QVERIFY(std::stoi(linksBefore) > 0);
        const std::string areaBefore =
            query("SELECT ST_Area(geom) FROM industrial_parks WHERE code = 'KCN-DT'");
        const std::string qualityBefore =
            query("SELECT geometry_quality FROM industrial_parks WHERE code = 'KCN-DT'");
        const std::string nameBefore =
            query("SELECT name_vi FROM industrial_parks WHERE code = 'KCN-DT'");
        w.canvas()->zoomTo({p.x - 600, p.y - 600, p.x + 600, p.y + 600});
        QVERIFY(drawn(w));
        QVERIFY(w.startDrawing(QStringLiteral("industrial_parks"), std::stoll(query(fidOf))));
        for (const auto& [dx, dy] : std::vector<std::pair<double, double>>{
                 {-400, -400}, {400, -400}, {400, 400}, {-400, 400}})
            QTest::mouseClick(w.canvas(), Qt::LeftButton, {},
                              w.canvas()->toPixel(p.x + dx, p.y + dy).toPoint());
        QTest::mouseDClick(w.canvas(), Qt::LeftButton, {},
                           w.canvas()->toPixel(p.x - 400, p.y + 400).toPoint());
        const double newHa = std::stod(
            query("SELECT ST_Area(geom) / 10000 FROM industrial_parks WHERE code = 'KCN-DT'"));
        QVERIFY2(std::abs(newHa - 64) < 0.64, qPrintable(QString::number(newHa)));
        QCOMPARE(query(links), linksBefore);
        QCOMPARE(query("SELECT name_vi FROM industrial_parks WHERE code = 'KCN-DT'"), nameBefore);
        QCOMPARE(query("SELECT geometry_quality FROM industrial_parks WHERE code = 'KCN-DT'"),
                 std::string("digitized"));
        w.undoStack()->undo(); // the old shape back (through its WKT: to a micrometre)
        QVERIFY(std::abs(std::stod(query("SELECT ST_Area(geom) FROM industrial_parks WHERE code = "
                                         "'KCN-DT'")) -
                         std::stod(areaBefore)) < 1e-3);
        QCOMPARE(query("SELECT geometry_quality FROM industrial_parks WHERE code = 'KCN-DT'"),
                 qualityBefore);
    }

    void aParksCornersAreDraggedAddedAndRemovedOverTheSampleSheet()
    {
        const WindowOnCopy on(1200, 900);
        QVERIFY(on.window);
        MainWindow& w = *on.window;
        auto query = [&](const std::string& sql) { return on.query(sql); };
        const std::string fidOf = "SELECT fid FROM industrial_parks WHERE code = 'KCN-DT'";
        const std::int64_t fid = std::stoll(query(fidOf));
        const std::string area = "SELECT ST_Area(geom) FROM industrial_parks WHERE code = 'KCN-DT'";
        const std::string links =
            "SELECT COUNT(*) FROM industrial_parks_task_links WHERE base_id = (" + fidOf + ")";
        const double areaBefore = std::stod(query(area));
        const std::string linksBefore = query(links);
        const Park p = park("KCN-DT");
        w.canvas()->zoomTo({p.x - 2000, p.y - 2000, p.x + 2000, p.y + 2000});
        QVERIFY(drawn(w));

        QVERIFY(w.startEditingCorners(QStringLiteral("industrial_parks"), fid));
        auto* canvas = w.canvas();
        QCOMPARE(canvas->tool(), pa::gui::MapCanvas::Tool::EditCorners);
        const auto corners = canvas->corners();
        QVERIFY(corners.size() >= 4); // the indicative octagon, without its closing corner
        const std::size_t n = corners.size();
        // The corner farthest east dragged 60 pixels further east, as a hand does.
        std::size_t east = 0;
        for (std::size_t i = 1; i < n; ++i)
            if (corners[i].x() > corners[east].x())
                east = i;
        const QPoint from = canvas->toPixel(corners[east].x(), corners[east].y()).toPoint();
        const QPoint to = from + QPoint(60, 0);
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas, from + QPoint(20, 0));
        QTest::mouseMove(canvas, to);
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
        QCOMPARE(canvas->corners().size(), n);
        const QPointF dropped = canvas->toWorld(to);
        QVERIFY(QLineF(canvas->corners()[east], dropped).length() < 8 * canvas->metresPerPixel());
        QVERIFY(canvas->corners()[east].x() > corners[east].x() + 40 * canvas->metresPerPixel());
        // A click on the middle of the next side adds a corner there; Delete takes it out.
        const QPointF a = canvas->corners()[east], b = canvas->corners()[(east + 1) % n];
        const QPointF middle = (a + b) / 2;
        QTest::mouseClick(canvas, Qt::LeftButton, {},
                          canvas->toPixel(middle.x(), middle.y()).toPoint());
        QCOMPARE(canvas->corners().size(), n + 1);
        QVERIFY(QLineF(canvas->corners()[east + 1], middle).length() < 1e-6);
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Delete);
        QCOMPARE(canvas->corners().size(), n);
        // Enter: the park's new shape, larger, traced over the sample's test sheet under it,
        // its links kept; Undo puts the old one back.
        QTest::keyClick(canvas, Qt::Key_Return);
        QCOMPARE(canvas->tool(), pa::gui::MapCanvas::Tool::Browse);
        const double areaAfter = std::stod(query(area));
        QVERIFY2(areaAfter > areaBefore * 1.02,
                 qPrintable(QStringLiteral("%1 → %2: %3")
                                .arg(areaBefore)
                                .arg(areaAfter)
                                .arg(w.statusBar()->currentMessage())));
        QCOMPARE(query(links), linksBefore);
        QCOMPARE(query("SELECT geometry_quality FROM industrial_parks WHERE code = 'KCN-DT'"),
                 std::string("digitized"));
        QVERIFY(query("SELECT source FROM industrial_parks WHERE code = 'KCN-DT'")
                    .find("«Tờ thử phía Nam Thái Nguyên") != std::string::npos);
        w.undoStack()->undo();
        QVERIFY(std::abs(std::stod(query(area)) - areaBefore) < 1e-3);
        QCOMPARE(query("SELECT geometry_quality FROM industrial_parks WHERE code = 'KCN-DT'"),
                 std::string("indicative"));

        // Far from the sheet (Định Hóa, in the north), a shape is drawn by hand: indicative.
        w.setAttributeAsker([](const QString&) {
            return std::optional<pa::layers::DrawnAttributes>({"KCN-BAC", "KCN phía Bắc", ""});
        });
        const double x0 = 425000, y0 = 2435000;
        canvas->zoomTo({x0 - 100, y0 - 100, x0 + 1100, y0 + 1100});
        QVERIFY(drawn(w));
        QVERIFY(!w.tracedSheet().empty()); // a sheet shows, elsewhere
        QVERIFY(w.startDrawing(QStringLiteral("industrial_parks")));
        for (const auto& [x, y] : std::vector<std::pair<double, double>>{
                 {x0, y0}, {x0 + 1000, y0}, {x0 + 1000, y0 + 1000}})
            QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->toPixel(x, y).toPoint());
        QTest::mouseDClick(canvas, Qt::LeftButton, {},
                           canvas->toPixel(x0 + 1000, y0 + 1000).toPoint());
        QCOMPARE(query("SELECT geometry_quality FROM industrial_parks WHERE code = 'KCN-BAC'"),
                 std::string("indicative"));
    }

    void aBoxOrAClickOnTheMapSelectsRowsOfTheAttributeTable()
    {
        const auto window = sampleWindow(1200, 900);
        QVERIFY(window);
        MainWindow& w = *window;
        QVERIFY(w.showAttributes(QStringLiteral("industrial_parks")));
        auto* table = w.attributeTable();
        auto selectedCodes = [&] {
            std::set<std::string> codes;
            const int code = [&] {
                for (std::size_t i = 0; i < table->table().fields.size(); ++i)
                    if (table->table().fields[i].name == "code")
                        return static_cast<int>(i);
                return -1;
            }();
            for (const auto row : table->selectedRows())
                codes.insert(pa::gis::toString(
                    table->table().rows[row].values[static_cast<std::size_t>(code)]));
            return codes;
        };
        const Park p = park("KCN-DT");
        w.canvas()->zoomTo({p.x - 3000, p.y - 3000, p.x + 3000, p.y + 3000});
        QVERIFY(drawn(w));
        // Ctrl + drag a box around the park's middle: its row, and only its, is selected.
        const QPoint from = w.canvas()->toPixel(p.x - 200, p.y + 200).toPoint();
        const QPoint to = w.canvas()->toPixel(p.x + 200, p.y - 200).toPoint();
        QTest::mousePress(w.canvas(), Qt::LeftButton, Qt::ControlModifier, from);
        QTest::mouseMove(w.canvas(), (from + to) / 2);
        QTest::mouseMove(w.canvas(), to);
        QTest::mouseRelease(w.canvas(), Qt::LeftButton, Qt::ControlModifier, to);
        QCOMPARE(selectedCodes(), (std::set<std::string>{"KCN-DT"}));
        QVERIFY(!w.canvas()->selection().polygons.empty()); // and drawn selected on the map
        // The whole province: every park.
        QCOMPARE(w.selectInBox({0, 0, 1e7, 1e7}), static_cast<int>(table->table().rows.size()));
        QCOMPARE(selectedCodes().size(), table->table().rows.size());
        // A click on a park selects its row alone.
        const Park other = park("KCN-YB");
        w.canvas()->zoomTo({other.x - 3000, other.y - 3000, other.x + 3000, other.y + 3000});
        QVERIFY(drawn(w));
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {},
                          w.canvas()->toPixel(other.x, other.y).toPoint());
        QCOMPARE(selectedCodes(), (std::set<std::string>{"KCN-YB"}));
        // With it selected, the menu on another park offers to merge it in.
        auto menu = w.mapMenu(p.x, p.y, 10);
        QStringList offered;
        for (auto* a : menu->actions())
            offered << a->text();
        QVERIFY2(offered.join('|').contains(QStringLiteral("Gộp 1 đối tượng đang chọn vào KCN")),
                 qPrintable(offered.join('|')));
    }

    void removingALayerTakesItsLinksAndUndoBringsThemBack()
    {
        const WindowOnCopy on(1200, 800);
        QVERIFY(on.window);
        MainWindow& w = *on.window;
        const std::string& copy = on.copy;
        auto query = [&](const std::string& sql) { return on.query(sql); };
        const std::string links = query("SELECT COUNT(*) FROM markets_task_links");
        QVERIFY(std::stoi(links) > 0);
        const QString title = QString::fromStdString(w.workspace()->findLayer("markets")->titleVi);
        auto listed = [&] {
            return !w.layerPanel()
                        ->findItems(title, Qt::MatchExactly | Qt::MatchRecursive, 0)
                        .isEmpty();
        };
        QVERIFY(listed());
        QVERIFY(w.removeLayer(QStringLiteral("markets")));
        QVERIFY(!w.workspace()->findLayer("markets"));
        QVERIFY(!listed());
        QCOMPARE(query("SELECT COUNT(*) FROM pa_layers WHERE layer_name = 'markets'"),
                 std::string("0"));
        w.undoStack()->undo();
        QVERIFY(w.workspace()->findLayer("markets"));
        QVERIFY(listed());
        QCOMPARE(query("SELECT COUNT(*) FROM markets_task_links"), links);
        w.undoStack()->redo();
        QVERIFY(!w.workspace()->findLayer("markets"));
        // Closed: the removal is final, nothing of the layer is left in the file.
        w.closeWorkspace();
        QCOMPARE(query("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%markets%'"),
                 std::string("0"));
        auto ws = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
        QCOMPARE(ws.validate().errorCount(), std::size_t(0));
    }

    void theDocumentViewShowsTasksInTheirTextAndKeepsCorrections()
    {
        const WindowOnCopy on(1400, 900);
        QVERIFY(on.window);
        MainWindow& w = *on.window;
        auto query = [&](const std::string& sql) { return on.query(sql); };
        auto* view = w.documentView();
        // Choosing a task in the plan browser shows its document with the task chosen.
        QVERIFY(w.planBrowser()->selectTask(QStringLiteral("cv-2907:1.2#1")));
        QCOMPARE(view->documentId(), std::string("cv-2907"));
        QCOMPARE(view->chosenTask(), QStringLiteral("cv-2907:1.2#1"));
        const auto [found, all] = view->located();
        QVERIFY2(found == all && all > 30, qPrintable(QStringLiteral("%1/%2").arg(found).arg(all)));
        QVERIFY(view->text()->toPlainText().contains(QStringLiteral("Tập trung huy động")));
        // A click on another task's words in the text chooses it in the plan browser too.
        emit view->text()->anchorClicked(QUrl(QStringLiteral("task:2")));
        QCOMPARE(view->chosenTask(), QStringLiteral("cv-2907:1.3#1"));
        QCOMPARE(w.chosenTask(), QStringLiteral("cv-2907:1.3#1"));

        // Its deadline put right in place: kept as a correction, applied to the task.
        const std::string corrections = "SELECT COUNT(*) FROM plan_task_corrections";
        const std::string before = query(corrections);
        view->deadlineEdit()->setText(QStringLiteral("Quý IV/2026"));
        view->leadEdit()->setText(QStringLiteral("Sở Công Thương"));
        QVERIFY(view->saveEdits());
        QCOMPARE(std::stoi(query(corrections)), std::stoi(before) + 2);
        QCOMPARE(query("SELECT deadline_text FROM plan_tasks WHERE task_id = 'cv-2907:1.3#1'"),
                 std::string("Quý IV/2026"));
        QCOMPARE(query("SELECT a.name_vi FROM plan_task_agencies r JOIN plan_agencies a ON "
                       "a.agency_id = r.agency_id WHERE r.task_id = 'cv-2907:1.3#1' AND r.role = "
                       "'lead'"),
                 std::string("Sở Công Thương"));
        QCOMPARE(view->deadlineEdit()->text(), QStringLiteral("Quý IV/2026")); // shown again
        w.undoStack()->undo();                                                 // the lead
        w.undoStack()->undo();                                                 // the deadline
        QCOMPARE(query(corrections), before);
        QCOMPARE(query("SELECT COALESCE(deadline_text, '') FROM plan_tasks WHERE task_id = "
                       "'cv-2907:1.3#1'"),
                 std::string());

        // "Not a task": gone from the document's tasks, back with Undo.
        const std::string tasks = "SELECT COUNT(*) FROM plan_tasks WHERE doc_id = 'cv-2907'";
        const std::string count = query(tasks);
        QVERIFY(view->chooseTask(QStringLiteral("cv-2907:1.4#1")));
        QVERIFY(view->dropTask());
        QCOMPARE(std::stoi(query(tasks)), std::stoi(count) - 1);
        QCOMPARE(view->located().second, std::stoi(count) - 1);
        w.undoStack()->undo();
        QCOMPARE(query(tasks), count);
        // … with its review: it was recorded as having no place, and is again.
        QCOMPARE(query("SELECT COUNT(*) FROM plan_unlocated WHERE task_id = 'cv-2907:1.4#1'"),
                 std::string("1"));
        // A task linked to the 11 parks: dropped, its links go; undone, they come back.
        const std::string parkLinks =
            "SELECT COUNT(*) FROM industrial_parks_task_links l JOIN plan_tasks t ON t.fid = "
            "l.related_id WHERE t.task_id = 'cv-2907:2.9#2'";
        QCOMPARE(query(parkLinks), std::string("11"));
        QVERIFY(view->chooseTask(QStringLiteral("cv-2907:2.9#2")));
        QVERIFY(view->dropTask());
        QCOMPARE(query(parkLinks), std::string("0"));
        w.undoStack()->undo();
        QCOMPARE(query(parkLinks), std::string("11"));
        QCOMPARE(query(tasks), count);
    }

    void cuttingMergingAndDeletingAParkAreUndoable()
    {
        const WindowOnCopy on(1200, 900);
        QVERIFY(on.window);
        MainWindow& w = *on.window;
        auto query = [&](const std::string& sql) { return on.query(sql); };
        const std::string count = "SELECT COUNT(*) FROM industrial_parks";
        const std::string parks = query(count);
        auto linksOf = [&](const std::string& code) {
            return std::stoi(query("SELECT COUNT(*) FROM industrial_parks_task_links WHERE "
                                   "base_id = (SELECT fid FROM industrial_parks WHERE code = '" +
                                   code + "')"));
        };
        auto areaOf = [&](const std::string& code) {
            const auto a =
                query("SELECT ST_Area(geom) FROM industrial_parks WHERE code = '" + code + "'");
            return a.empty() ? -1.0 : std::stod(a);
        };
        const int links = linksOf("KCN-DT");
        const double area = areaOf("KCN-DT");
        QVERIFY(links > 0);
        const auto fid =
            std::stoll(query("SELECT fid FROM industrial_parks WHERE code = 'KCN-DT'"));
        const Park p = park("KCN-DT");

        // The map's menu on the park offers to cut and delete it.
        auto menu = w.mapMenu(p.x, p.y, 10);
        QStringList offered;
        for (auto* a : menu->actions())
            offered << a->text();
        QVERIFY2(offered.join('|').contains(QStringLiteral("Cắt")), qPrintable(offered.join('|')));
        QVERIFY2(offered.join('|').contains(QStringLiteral("Xóa")), qPrintable(offered.join('|')));

        // A line drawn across it, north to south through its middle.
        w.canvas()->zoomTo({p.x - 3000, p.y - 3000, p.x + 3000, p.y + 3000});
        QVERIFY(drawn(w));
        QVERIFY(w.startCutting(QStringLiteral("industrial_parks"), fid));
        QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::DrawLine);
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {},
                          w.canvas()->toPixel(p.x + 10, p.y + 2800).toPoint());
        QTest::mouseDClick(w.canvas(), Qt::LeftButton, {},
                           w.canvas()->toPixel(p.x + 10, p.y - 2800).toPoint());
        QCOMPARE(w.canvas()->tool(), pa::gui::MapCanvas::Tool::Browse);
        QCOMPARE(std::stoi(query(count)), std::stoi(parks) + 1);
        const double west = areaOf("KCN-DT"), east = areaOf("KCN-DT-2");
        QVERIFY(west > 0 && east > 0);
        QVERIFY(std::abs(west + east - area) < 1e-3 * area);
        QCOMPARE(linksOf("KCN-DT-2"), links); // both pieces keep the park's tasks
        QCOMPARE(linksOf("KCN-DT"), links);

        // Merged again: one park of the first area, the tasks once.
        const auto piece =
            std::stoll(query("SELECT fid FROM industrial_parks WHERE code = 'KCN-DT-2'"));
        QVERIFY(w.mergeFeatures(QStringLiteral("industrial_parks"), fid, {piece}));
        QCOMPARE(query(count), parks);
        QVERIFY(std::abs(areaOf("KCN-DT") - area) < 1e-3 * area);
        QCOMPARE(linksOf("KCN-DT"), links);
        w.undoStack()->undo(); // the merge taken back: two pieces
        QCOMPARE(std::stoi(query(count)), std::stoi(parks) + 1);
        QCOMPARE(linksOf("KCN-DT-2"), links);
        w.undoStack()->undo(); // the cut taken back: the park as it was
        QCOMPARE(query(count), parks);
        QVERIFY(std::abs(areaOf("KCN-DT") - area) < 1e-3);

        // Deleted from the map's menu (the question answered yes in tests), then undone.
        menu = w.mapMenu(p.x, p.y, 10);
        QAction* remove = nullptr;
        for (auto* a : menu->actions())
            if (a->text().startsWith(QStringLiteral("Xóa")))
                remove = a;
        QVERIFY(remove);
        remove->trigger();
        QCOMPARE(std::stoi(query(count)), std::stoi(parks) - 1);
        QCOMPARE(query("SELECT COUNT(*) FROM industrial_parks_task_links WHERE base_id = " +
                       std::to_string(fid)),
                 std::string("0"));
        w.undoStack()->undo();
        QCOMPARE(query(count), parks);
        QCOMPARE(linksOf("KCN-DT"), links);
        QCOMPARE(std::stoll(query("SELECT fid FROM industrial_parks WHERE code = 'KCN-DT'")), fid);
    }

    void renamingALayerIsWrittenAndUndoable()
    {
        pa::test::TempDir dir;
        const auto copy = sampleCopy(dir);
        const auto window = sampleWindow(1200, 800, copy);
        QVERIFY(window);
        MainWindow& w = *window;
        const std::string before = w.workspace()->findLayer("industrial_parks")->titleVi;
        auto listed = [&](const QString& title) {
            const auto items = w.layerPanel()->findItems(title, Qt::MatchExactly, 0);
            return !items.isEmpty();
        };
        QVERIFY(w.renameLayer(QStringLiteral("industrial_parks"), QStringLiteral("KCN của tỉnh")));
        QCOMPARE(w.workspace()->findLayer("industrial_parks")->titleVi,
                 std::string("KCN của tỉnh"));
        QVERIFY(listed(QStringLiteral("KCN của tỉnh")));
        w.undoStack()->undo();
        QCOMPARE(w.workspace()->findLayer("industrial_parks")->titleVi, before);
        QVERIFY(listed(QString::fromStdString(before)));
        w.undoStack()->redo();
        QCOMPARE(w.workspace()->findLayer("industrial_parks")->titleVi,
                 std::string("KCN của tỉnh"));
        // Written to the file: another reader sees it.
        {
            auto other = pa::layers::Workspace::open(copy, pa::gis::OpenMode::ReadOnly);
            QCOMPARE(other.findLayer("industrial_parks")->titleVi, std::string("KCN của tỉnh"));
        }
        // An empty title is refused and nothing changes.
        const int steps = w.undoStack()->count();
        QVERIFY(!w.renameLayer(QStringLiteral("industrial_parks"), QStringLiteral("  ")));
        QCOMPARE(w.undoStack()->count(), steps);
        QCOMPARE(w.workspace()->findLayer("industrial_parks")->titleVi,
                 std::string("KCN của tỉnh"));
    }

    void englishFromTheMenu()
    {
        MainWindow w;
        w.setInteractive(false);
        w.setLanguage(QStringLiteral("vi"));
        QVERIFY(w.openWorkspace(QString::fromStdString(pa::test::sampleWorkspace().string())));
        auto title = [&] { return w.layerPanel()->itemOf("industrial_parks")->text(0); };
        const QString vi = title();
        w.setLanguage(QStringLiteral("en"));
        QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QVERIFY2(title() != vi, qPrintable(title()));
        w.setLanguage(QStringLiteral("vi"));
        QCOMPARE(title(), vi);
        QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&Tệp"));
    }

    /// Under a real X server (xvfb-run, ctest -R Gui.Screenshots): the main views saved as PNG
    /// for a person to look at, in PLANATLAS_SCREENSHOTS.
    void screenshotsOfTheMainViews()
    {
        const QString dir = qEnvironmentVariable("PLANATLAS_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set PLANATLAS_SCREENSHOTS to a folder (ctest -R Gui.Screenshots does, under "
                  "xvfb-run)");
        const auto window = sampleWindow(1440, 900);
        QVERIFY(window);
        MainWindow& w = *window;
        auto save = [&](const QString& name) {
            QTest::qWait(200); // let the window settle after the last picture
            const QImage shot = w.grab().toImage();
            QVERIFY(shot.save(dir + QLatin1Char('/') + name));
            QVERIFY2(colours(shot) > 40, qPrintable(name));
        };
        save(QStringLiteral("1-province-vi.png"));
        const Park p = park("KCN-DT");
        w.canvas()->zoomTo({p.x - 4000, p.y - 3000, p.x + 4000, p.y + 3000});
        QVERIFY(drawn(w));
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, w.canvas()->toPixel(p.x, p.y).toPoint());
        QTest::mouseMove(w.canvas(), w.canvas()->toPixel(p.x + 500, p.y + 500).toPoint());
        save(QStringLiteral("2-identify-park-vi.png"));
        if (auto* dock = qobject_cast<QDockWidget*>(w.planBrowser()->parentWidget()))
            dock->raise();
        w.planBrowser()->setAgencyFilter(QStringLiteral("Sở Công Thương"));
        QVERIFY(drawn(w));
        save(QStringLiteral("2b-plan-agency-vi.png"));
        QVERIFY(w.planBrowser()->selectTask(QStringLiteral("kh-nq54:III.4#4")));
        QVERIFY(drawn(w));
        save(QStringLiteral("2c-plan-task-vi.png"));
        if (auto* dock = qobject_cast<QDockWidget*>(w.documentView()->parentWidget()))
            dock->raise(); // the task where it stands in its document, its form under it
        save(QStringLiteral("2c2-document-vi.png"));
        if (auto* dock = qobject_cast<QDockWidget*>(w.analyses()->parentWidget()))
            dock->raise();
        w.clearHighlight();
        w.canvas()->zoomFull();
        QVERIFY(ran(w.analyses(), "coverage"));
        QVERIFY(drawn(w));
        save(QStringLiteral("2d-coverage-vi.png"));
        {
            // A form made from the declarations: choices by title, layers by title, a date.
            QVERIFY(ran(w.analyses(), "footprint"));
            w.analyses()->showAnalysis("corridor");
            save(QStringLiteral("2d2-corridor-form-vi.png"));
            w.analyses()->showAnalysis("footprint");
        }
        save(QStringLiteral("2d3-footprint-vi.png"));
        {
            // The attribute table of the industrial parks, sorted by area, one selected.
            QVERIFY(w.showAttributes(QStringLiteral("industrial_parks")));
            auto* t = w.attributeTable();
            const auto* model = t->view()->model();
            for (int c = 0; c < model->columnCount(); ++c)
                if (model->headerData(c, Qt::Horizontal).toString() ==
                    QStringLiteral("Diện tích quy hoạch (ha)"))
                    t->view()->sortByColumn(c, Qt::DescendingOrder);
            t->view()->selectRow(0);
            QVERIFY(drawn(w));
            save(QStringLiteral("2d4-attribute-table-vi.png"));
            if (auto* dock = qobject_cast<QDockWidget*>(t->parentWidget()))
                dock->hide();
        }
        {
            // The georeferencer: a synthetic sheet (bent as scans are) and ten control points
            // fitted by an affine transformation, whose residuals show the bend.
            pa::test::TempDir sheetDir;
            const auto markers =
                pa::test::writeTestSheet(sheetDir.file("sheet.pgm"), 415000, 2420000, 20);
            pa::test::writeBytes(sheetDir.file("points.csv"),
                                 pa::test::controlPointsCsv(markers, 5));
            auto* g = w.openGeoreferencer();
            QVERIFY(g);
            QVERIFY(g->openSheet(QString::fromStdString(sheetDir.file("sheet.pgm"))));
            QVERIFY(g->loadPoints(QString::fromStdString(sheetDir.file("points.csv"))));
            QVERIFY(g->fit());
            g->resize(1100, 640);
            QVERIFY(QTest::qWaitForWindowExposed(g));
            QTest::qWait(200);
            QVERIFY(g->grab().toImage().save(dir + QStringLiteral("/2f-georeferencer-vi.png")));
            g->close();
        }
        {
            // A park drawn over a placed map sheet (synthetic, see-through) and selected.
            pa::test::TempDir copyDir;
            const auto copy = sampleCopy(copyDir);
            QVERIFY(!placeTestSheet(copyDir, copy).empty());
            const auto sheetWindow = sampleWindow(1440, 900, copy);
            QVERIFY(sheetWindow);
            MainWindow& sw = *sheetWindow;
            sw.setAttributeAsker([](const QString&) {
                return std::optional<pa::layers::DrawnAttributes>(
                    {"KCN-SO-HOA", "KCN số hóa (thử)", "planned"});
            });
            const double x0 = 424000, y0 = 2408000;
            sw.canvas()->zoomTo({x0 - 3000, y0 - 2500, x0 + 5000, y0 + 4000});
            QVERIFY(drawn(sw));
            QVERIFY(sw.startDrawing(QStringLiteral("industrial_parks")));
            for (const auto& [x, y] : std::vector<std::pair<double, double>>{{x0, y0},
                                                                             {x0 + 1800, y0 - 200},
                                                                             {x0 + 2200, y0 + 1400},
                                                                             {x0 + 300, y0 + 1700}})
                QTest::mouseClick(sw.canvas(), Qt::LeftButton, {},
                                  sw.canvas()->toPixel(x, y).toPoint());
            QTest::mouseDClick(sw.canvas(), Qt::LeftButton, {},
                               sw.canvas()->toPixel(x0 + 300, y0 + 1700).toPoint());
            QVERIFY(drawn(sw));
            // Selected, so that the identify panel shows its quality and source.
            QTest::mouseClick(sw.canvas(), Qt::LeftButton, {},
                              sw.canvas()->toPixel(x0 + 1000, y0 + 700).toPoint());
            QTest::qWait(300);
            const QImage shot = sw.grab().toImage();
            QVERIFY(shot.save(dir + QStringLiteral("/2g-digitised-park-vi.png")));
        }
        {
            // The corners of a park being moved over the sample's test sheet, beside the road
            // traced over it.
            pa::test::TempDir copyDir;
            const auto copy = sampleCopy(copyDir);
            const auto editWindow = sampleWindow(1440, 900, copy);
            QVERIFY(editWindow);
            MainWindow& ew = *editWindow;
            const Park p = park("KCN-DT");
            ew.canvas()->zoomTo({p.x - 3500, p.y - 2500, p.x + 3500, p.y + 2500});
            QVERIFY(drawn(ew));
            QVERIFY(ew.startEditingCorners(
                QStringLiteral("industrial_parks"),
                std::stoll(firstCell(copy, "SELECT fid FROM industrial_parks WHERE code = "
                                           "'KCN-DT'"))));
            const auto corners = ew.canvas()->corners();
            const QPoint from = ew.canvas()->toPixel(corners[0].x(), corners[0].y()).toPoint();
            QTest::mousePress(ew.canvas(), Qt::LeftButton, {}, from);
            QTest::mouseMove(ew.canvas(), from + QPoint(30, 10));
            QTest::mouseMove(ew.canvas(), from + QPoint(70, 25));
            QTest::mouseRelease(ew.canvas(), Qt::LeftButton, {}, from + QPoint(70, 25));
            QTest::qWait(300);
            QVERIFY(ew.grab().toImage().save(dir + QStringLiteral("/2g2-corners-vi.png")));
        }
        {
            // The export dialog with the preview of an atlas page: a district, its tasks beside.
            pa::gui::ExportMapDialog dialog(&w, w.canvas()->screenOptions(), QStringLiteral("vi"));
            QSignalSpy previews(&dialog, &pa::gui::ExportMapDialog::previewDrawn);
            dialog.setWorkspace(QString::fromStdString(pa::test::sampleWorkspace().string()),
                                w.atlasLayers());
            QVERIFY(previews.wait(30000));
            if (dialog.pagesChoice()->currentIndex() != 1) { // else remembered from last time
                dialog.pagesChoice()->setCurrentIndex(1);
                QVERIFY(previews.wait(30000));
            }
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().toImage().save(dir + QStringLiteral("/2h-print-preview-vi.png")));
        }
        {
            pa::gui::ImportDialog dialog(
                &w, QString::fromStdString(pa::test::sampleWorkspace().string()),
                QStringLiteral("vi"));
            QVERIFY(dialog.setSource(
                QString::fromStdString(pa::test::fixture("kcn_tcvn3.shp").string())));
            dialog.kindChoice()->setCurrentIndex(
                dialog.kindChoice()->findData(QStringLiteral("industrial_park")));
            dialog.encodingChoice()->setCurrentIndex(
                dialog.encodingChoice()->findData(QStringLiteral("tcvn3")));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().toImage().save(dir + QStringLiteral("/2e-import-vi.png")));
        }
        {
            // Suggested links in groups, with the tasks left without a place below them: the
            // Thanh Hóa sample with a second (synthetic) programme document just read.
            pa::test::TempDir copyDir;
            const auto copy = copyDir.file("th.gpkg");
            std::filesystem::copy_file(pa::test::sampleWorkspaceThanhHoa(), copy);
            const auto th = sampleWindow(1440, 900, copy);
            QVERIFY(th);
            QVERIFY(th->ingestPlan(QString::fromStdString(
                pa::test::fixture("plans/synthetic/thanh-hoa_ctr-hanh-dong-synthetic.txt")
                    .string())));
            if (auto* dock = qobject_cast<QDockWidget*>(th->suggestions()->parentWidget()))
                dock->raise();
            auto* tree = th->suggestions()->tree();
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                if (tree->topLevelItem(i)->childCount() == 8) {
                    tree->topLevelItem(i)->setExpanded(true);
                    th->suggestions()->selectGroup(i);
                    break;
                }
            QTest::qWait(200);
            const QImage shot = th->grab().toImage();
            QVERIFY(shot.save(dir + QStringLiteral("/2f-suggestions-vi.png")));
        }
        w.setLanguage(QStringLiteral("en"));
        w.clearHighlight();
        w.canvas()->zoomFull();
        QVERIFY(drawn(w));
        save(QStringLiteral("3-province-en.png"));
    }
};

QTEST_MAIN(GuiTest)
#include "GuiTest.moc"
