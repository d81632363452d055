#pragma once

#include <QMainWindow>

namespace landfall {

/** Landfall's main window. */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace landfall
