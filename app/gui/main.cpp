// planatlas-gui: the desktop application. `planatlas-gui [WS.gpkg]`.

#include "MainWindow.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/plan/Plan.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char** argv)
{
    pa::plan::limitOcrThreads(argv); // before Qt: restarts with Tesseract limited to one thread
    pa::gis::registerAllFormats();   // here, not first from a canvas or import thread
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PlanAtlas"));
    QApplication::setApplicationName(QStringLiteral("PlanAtlas"));
    QApplication::setApplicationVersion(QStringLiteral(PLANATLAS_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("PlanAtlas — spatial analysis of provincial development programmes"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QStringLiteral("a PlanAtlas workspace (.gpkg) to open"));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("vi (default) or en"),
                            QStringLiteral("LANG"));
    parser.addOption(lang);
    parser.process(app);

    pa::gui::MainWindow window;
    if (parser.isSet(lang))
        window.setLanguage(parser.value(lang));
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openWorkspace(parser.positionalArguments().first());
    return QApplication::exec();
}
