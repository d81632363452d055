#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Landfall"));
    QApplication::setOrganizationName(QStringLiteral("Landfall"));
    QApplication::setApplicationVersion(QStringLiteral(LANDFALL_VERSION));
    landfall::MainWindow window;
    window.show();
    return QApplication::exec();
}
