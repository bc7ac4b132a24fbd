#include "Background_p.h"
#include "MainWindow.h"
#include "Text_p.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/analysis/Algorithm.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThreadPool>
#include <QTimer>
#include <QVariant>

namespace pa::gui {

namespace {

/// The title a form shows for an analysis parameter ("Khoảng cách (km)"), never its key or
/// a command-line flag.
QString parameterTitle(const std::string& name)
{
    const bool english =
        qApp && qApp->property("planatlasLanguage").toString() == QStringLiteral("en");
    for (const auto& a : analysis::algorithms())
        if (const auto* p = a.parameter(name)) {
            QString title = QString::fromStdString(english ? p->titleEn : p->titleVi);
            if (!p->unit.empty())
                title +=
                    QStringLiteral(" (") + QString::fromStdString(p->unit) + QStringLiteral(")");
            return title;
        }
    return QString::fromStdString(name);
}

} // namespace

QString runAndWait(const std::string& workspace, gis::OpenMode mode,
                   const std::shared_ptr<std::atomic<bool>>& cancel,
                   const std::function<void(layers::Workspace&, const layers::Progress&)>& work,
                   const std::function<void(int percent)>& onProgress, const QString& cancelledText)
{
    auto percent = std::make_shared<std::atomic<int>>(0);
    QString error;
    bool done = false;
    QEventLoop loop;
    QThreadPool::globalInstance()->start([&, percent] {
        try {
            auto ws = layers::Workspace::open(workspace, mode, layers::SchemaWrites::Allowed);
            const layers::Progress progress(
                [percent](double f, std::string_view) { *percent = static_cast<int>(f * 100); },
                cancel.get());
            work(ws, progress);
            if (mode == gis::OpenMode::Update)
                ws.close();
        } catch (const layers::ParameterError& e) {
            error =
                parameterTitle(e.parameter()) + QStringLiteral(": ") + said(e.problemSentence());
        } catch (const layers::Error& e) {
            error =
                e.kind() == layers::ErrorKind::Cancelled ? cancelledText : MainWindow::errorText(e);
        } catch (const std::exception& e) {
            error = said(e);
        }
        QMetaObject::invokeMethod(
            &loop,
            [&] {
                done = true;
                loop.quit();
            },
            Qt::QueuedConnection);
    });
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] { onProgress(percent->load()); });
    tick.start(100);
    while (!done)
        loop.exec();
    return error;
}

} // namespace pa::gui
