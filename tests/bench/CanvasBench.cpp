// Canvas benchmark: the desktop application's map with a layer of N synthetic parcels made
// visible (the moment a planner ticks it in the layer tree): time to the first picture (the
// programme without the parcels), time to the full picture, and the longest the event loop went
// without running while the user zooms with the wheel during rendering (a 5 ms timer measures
// the gaps). Prints one line per run; tests/bench/canvas_parcels.sh takes medians and runs the
// peer. Not a test.
//   bench_canvas WS.gpkg LAYER RUNS

#include "LayerPanel.h"
#include "MainWindow.h"
#include "MapCanvas.h"

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
        std::fprintf(stderr, "usage: bench_canvas WS.gpkg LAYER RUNS\n");
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
        if (!QTest::qWaitForWindowExposed(&w) || !w.openWorkspace(path)) {
            std::fprintf(stderr, "cannot open %s: %s\n", argv[1], qPrintable(w.lastError()));
            return 1;
        }
        auto* canvas = w.canvas();
        if (!QSignalSpy(canvas, &pa::gui::MapCanvas::renderFinished).wait(60000))
            return 1;
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
        std::printf("run %d canvas %dx%d first_ms %lld full_ms %lld stall_ms %lld\n", run + 1,
                    canvas->width(), canvas->height(), static_cast<long long>(first),
                    static_cast<long long>(full), static_cast<long long>(stall));
        std::fflush(stdout);
    }
    return 0;
}
