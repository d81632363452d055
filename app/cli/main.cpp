#include "commandline.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
