// landfall: the desktop application. main() only reads the command line and wires a project
// into the main window; everything else lives in landfall_views.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QScreen>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Plans the move of a company's virtual machines to the cloud."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QCoreApplication::translate("main", "The project file (.landfall) to open."),
                                 QStringLiteral("[project]"));
    parser.addOption({QStringLiteral("import"),
                      QCoreApplication::translate("main", "Import an inventory file into the project (repeatable)."),
                      QStringLiteral("file")});
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QCoreApplication::translate("main", "Save a picture of the window and quit."),
                                  QStringLiteral("png"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshot);
}

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Landfall"));
    QCoreApplication::setOrganizationName(QStringLiteral("Landfall"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANDFALL_VERSION));
}

/** --version and --help answer without a display, as on a build server. */
bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--version", "-v", "--help", "-h", "-?", "--help-all"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        QCommandLineParser parser;
        describe(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    nameApplication();
    QCommandLineParser parser;
    describe(parser);
    parser.process(app);

    landfall::MainWindow window;
    const QStringList positional = parser.positionalArguments();
    const QStringList imports = parser.values(QStringLiteral("import"));
    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    window.show();

    if (!positional.isEmpty()) {
        const QString project = positional.constFirst();
        if (QFileInfo::exists(project) || imports.isEmpty())
            window.openProject(project);
        else
            window.newProject(project);
    }

    const auto takeScreenshot = [&window, screenshot]() {
        QTimer::singleShot(800, &window, [&window, screenshot]() {
            const bool saved = window.grab().save(screenshot);
            std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "could not save",
                         qPrintable(screenshot));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    };
    if (!imports.isEmpty() && window.store()) {
        QObject::connect(&window, &landfall::MainWindow::importFinished, &window, [takeScreenshot, screenshot]() {
            if (!screenshot.isEmpty())
                takeScreenshot();
        });
        window.importFiles(imports);
    } else if (!screenshot.isEmpty()) {
        takeScreenshot();
    }
    return QApplication::exec();
}
