// landfall: the desktop application. main() only reads the command line and wires a project
// into the main window; everything else lives in landfall_views.
#include "businesscaseview.h"
#include "mainwindow.h"
#include "planview.h"
#include "workspaceviews.h"

#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/nodesizesweepmodel.h"
#include "itemmodels/scenariocomparisonmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QScreen>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

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
    QCommandLineOption view(QStringLiteral("view"),
                            QCoreApplication::translate("main", "Show a view at the start: inventory, plan, rules, "
                                                                "scenarios, dashboard or business case."),
                            QStringLiteral("name"));
    view.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(view);
    QCommandLineOption presenter(QStringLiteral("presenter"),
                                 QCoreApplication::translate("main", "Start in presenter mode (F5)."));
    presenter.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(presenter);
}

/** Shows the page whose tab reads `name` (case and accelerators ignored); false if none does. */
bool showViewNamed(landfall::MainWindow &window, const QString &name)
{
    auto *views = window.findChild<QTabWidget *>(QStringLiteral("views"));
    for (int i = 0; views && i < views->count(); ++i) {
        if (views->tabText(i).remove(u'&').compare(name, Qt::CaseInsensitive) == 0) {
            window.showView(i);
            return true;
        }
    }
    return false;
}

/** True while the plan is still loading or the density engine packing: a screenshot waits. */
bool isPacking(const landfall::MainWindow &window)
{
    const landfall::WorkspaceViews *workspace = window.workspace();
    return workspace && (workspace->decisions()->loading() || workspace->scenarios()->isBusy() ||
                         workspace->sweep()->isBusy() || workspace->businessCase()->isBusy());
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
    const QString view = parser.value(QStringLiteral("view"));
    // A screenshot shows the window as large as the screen it is taken on (Xvfb's -screen size),
    // so the pictures show the layout at the sizes asked for: 1600×1000, 1280×720.
    if (!screenshot.isEmpty() && window.screen())
        window.setGeometry(window.screen()->availableGeometry());
    window.show();
    if (parser.isSet(QStringLiteral("presenter")))
        window.presenterAction()->setChecked(true);

    if (!positional.isEmpty()) {
        const QString project = positional.constFirst();
        if (QFileInfo::exists(project) || imports.isEmpty())
            window.openProject(project);
        else
            window.newProject(project);
    }

    if (!view.isEmpty() && !showViewNamed(window, view))
        std::fprintf(stderr, "no view named %s\n", qPrintable(view));

    const auto takeScreenshot = [&window, screenshot, view]() {
        if (!view.isEmpty())
            showViewNamed(window, view); // again: an import may have changed the page
        // The picture waits for the background packing (at most 20 s), then for the charts to settle.
        auto *poll = new QTimer(&window);
        poll->setInterval(200);
        auto waited = std::make_shared<int>(0);
        QObject::connect(poll, &QTimer::timeout, &window, [&window, screenshot, poll, waited]() {
            *waited += poll->interval();
            if (*waited < 800 || (isPacking(window) && *waited < 20000))
                return;
            poll->stop();
            // A picture of the plan shows a decision's details: the first containerized VM's,
            // once the plan has loaded (it loads in the background).
            if (const landfall::WorkspaceViews *workspace = window.workspace()) {
                const landfall::DecisionTableModel *decisions = workspace->decisions();
                for (int row = 0; row < decisions->rowCount(); ++row) {
                    if (decisions->decision(row).path == landfall::MigrationPath::Containerize) {
                        workspace->planView()->selectVm(decisions->decision(row).vmId);
                        break;
                    }
                }
            }
            QTimer::singleShot(400, &window, [&window, screenshot]() {
                const bool saved = window.grab().save(screenshot);
                std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "could not save",
                             qPrintable(screenshot));
                QCoreApplication::exit(saved ? 0 : 1);
            });
        });
        poll->start();
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
