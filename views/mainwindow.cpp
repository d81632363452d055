#include "mainwindow.h"

namespace landfall {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("Landfall"));
}

} // namespace landfall
