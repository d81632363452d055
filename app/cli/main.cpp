#include "commandline.h"

#include <QCoreApplication>
#ifdef LANDFALL_CLI_REPORT
#include <QApplication>
#endif

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

/** The report draws its charts through Qt Charts, which needs a QApplication; every other
    command keeps the plain QCoreApplication, which needs no platform plugin at all. */
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
#ifdef LANDFALL_CLI_REPORT
    if (argc > 1 && std::strcmp(argv[1], "report") == 0) {
        // A batch tool draws nothing on screen: the offscreen platform works with or without a
        // display (over ssh, in CI, in cron), and never pops up anything. A caller may still
        // choose a platform with QT_QPA_PLATFORM.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QApplication>(argc, argv);
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("landfall-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Landfall"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANDFALL_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    landfall::cli::Console console{out, err};
    const int status = landfall::cli::runCli(QCoreApplication::arguments().mid(1), console);
    out.flush();
    err.flush();
    return status;
}
