// Canvas benchmark: the desktop application's map with a layer of N synthetic parcels made
// visible (the moment a planner ticks it in the layer tree): time to the first picture (the
// programme without the parcels), time to the full picture, and the longest the event loop went
// without running while the user zooms with the wheel during rendering (a 5 ms timer measures
// the gaps). Prints one line per run; tests/bench/canvas_parcels.sh takes medians and runs the
// peer. Not a test.
//   bench_canvas WS.gpkg LAYER RUNS [PICTURES]   (PICTURES-overview.png, PICTURES-close.png)

#include "LayerPanel.h"
#include "MainWindow.h"
#include "MapCanvas.h"
#include "planatlas/layers/Workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_canvas WS.gpkg LAYER RUNS [PICTURES]\n");
        return 2;
    }
    QCoreApplication::setOrganizationName(QStringLiteral("PlanAtlasBench"));
    const QString path = QString::fromLocal8Bit(argv[1]);
    const std::string layer = argv[2];
    const int runs = std::atoi(argv[3]);
    for (int run = 0; run < runs; ++run) {
        pa::gui::MainWindow w;
        w.setInteractive(false);
        w.resize(1600, 1000);
        w.show();
        QElapsedTimer opening;
        opening.start();
        if (!QTest::qWaitForWindowExposed(&w) || !w.openWorkspace(path)) {
            std::fprintf(stderr, "cannot open %s: %s\n", argv[1], qPrintable(w.lastError()));
            return 1;
        }
        const qint64 open = opening.elapsed(); // on the event loop's thread: the window waits
        auto* canvas = w.canvas();
        if (!QSignalSpy(canvas, &pa::gui::MapCanvas::renderFinished).wait(60000))
            return 1;
        // An edit and its undo, each with the refresh of what shows links (plan, suggestions,
        // reasons), on the event loop's thread: how long the window stands still after an edit.
        std::string task;
        {
            auto ws = pa::layers::Workspace::open(argv[1], pa::gis::OpenMode::ReadOnly);
            const auto rows =
                ws.dataset()
                    .execute("SELECT task_id FROM plan_tasks ORDER BY ordinal LIMIT 1")
                    .rows;
            if (!rows.empty())
                task = pa::gis::toString(rows[0][0]);
        }
        qint64 edit = -1;
        if (!task.empty()) {
            QElapsedTimer editing;
            editing.start();
            if (w.confirmReasons({task}))
                w.undoStack()->undo();
            edit = editing.elapsed() / 2;
            QSignalSpy(canvas, &pa::gui::MapCanvas::renderFinished).wait(60000);
        }
        // Tick the parcels in the layer tree and measure.
        qint64 first = -1, full = -1, stall = 0, last = 0;
        QElapsedTimer clock;
        QTimer beat;
        beat.setTimerType(Qt::PreciseTimer);
        QObject::connect(&beat, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            stall = std::max(stall, now - last);
            last = now;
        });
        QObject::connect(canvas, &pa::gui::MapCanvas::firstPicture, [&](qint64) {
            if (first < 0)
                first = clock.elapsed();
        });
        QSignalSpy finished(canvas, &pa::gui::MapCanvas::renderFinished);
        clock.start();
        beat.start(5);
        w.layerPanel()->setLayerVisible(layer, true);
        if (!finished.wait(120000))
            return 1;
        full = clock.elapsed();
        if (first < 0)
            first = full;
        // Then the user zooms in and out with the wheel, ten turns 80 ms apart, while the
        // canvas keeps rendering (each turn cancels the picture in flight).
        const QPointF centre(canvas->width() / 2.0, canvas->height() / 2.0);
        stall = 0;
        last = clock.elapsed();
        for (int turn = 0; turn < 10; ++turn) {
            const int delta = turn % 2 ? -120 : 120;
            QWheelEvent wheel(centre, canvas->mapToGlobal(centre), QPoint(), QPoint(0, delta),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(canvas, &wheel);
            QTest::qWait(80);
        }
        finished.clear();
        finished.wait(120000);
        beat.stop();
        // Then a pan by a quarter of the canvas (the arrow key) and a zoom out and in (the
        // keys): each the time from the key to the full picture, the canvas's wait before it
        // starts drawing included.
        auto timed = [&](int key) {
            finished.clear();
            QTest::keyClick(canvas, static_cast<Qt::Key>(key));
            if (!finished.wait(120000))
                return qint64(-1);
            return finished.takeFirst().at(0).toLongLong();
        };
        const qint64 pan = timed(Qt::Key_Right);
        const qint64 zoomOut = timed(Qt::Key_Minus);
        const qint64 zoomIn = timed(Qt::Key_Plus);
        if (argc > 4) // the picture drawn from the overview, to look at
            canvas->picture().save(QString::fromLocal8Bit(argv[4]) +
                                   QStringLiteral("-overview.png"));
        // Then closer than the overview (six steps in at once): the parcels drawn themselves.
        finished.clear();
        for (int step = 0; step < 6; ++step)
            QTest::keyClick(canvas, Qt::Key_Plus);
        const qint64 close =
            finished.wait(120000) ? finished.takeFirst().at(0).toLongLong() : qint64(-1);
        if (argc > 4)
            canvas->picture().save(QString::fromLocal8Bit(argv[4]) + QStringLiteral("-close.png"));
        std::printf("run %d canvas %dx%d first_ms %lld full_ms %lld stall_ms %lld pan_ms %lld "
                    "zoom_out_ms %lld zoom_in_ms %lld close_ms %lld overviews %lld open_ms %lld "
                    "edit_ms %lld\n",
                    run + 1, canvas->width(), canvas->height(), static_cast<long long>(first),
                    static_cast<long long>(full), static_cast<long long>(stall),
                    static_cast<long long>(pan), static_cast<long long>(zoomOut),
                    static_cast<long long>(zoomIn), static_cast<long long>(close),
                    static_cast<long long>(canvas->overviews().made()),
                    static_cast<long long>(open), static_cast<long long>(edit));
        std::fflush(stdout);
    }
    return 0;
}
