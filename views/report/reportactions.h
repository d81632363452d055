#pragma once

#include <QObject>

class QAction;

namespace landfall {

class MainWindow;

/** File > Report... and File > Export Plan...: the report and the exports from the desktop,
    the same code as `landfall-cli report` and `export --csv/--xlsx`. Kept out of MainWindow
    so the window only gains one line. */
class ReportActions : public QObject {
    Q_OBJECT
public:
    /** Adds both actions to the window's File menu; the window owns the result. */
    static ReportActions *install(MainWindow *window);

    QAction *reportAction() const { return m_report; }
    QAction *exportAction() const { return m_export; }

private:
    explicit ReportActions(MainWindow *window);
    void report();
    void exportPlan();

    MainWindow *m_window;
    QAction *m_report;
    QAction *m_export;
};

} // namespace landfall
