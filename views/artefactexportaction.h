#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace landfall {

class MainWindow;

/** File > Export > Dockerfiles and Manifests...: writes the same folders as `landfall-cli export
    --dockerfiles DIR` (one per containerized VM, with its Dockerfile and kubernetes.yaml). */
class ArtefactExportAction : public QObject {
    Q_OBJECT

public:
    static ArtefactExportAction *install(MainWindow *window);

private:
    explicit ArtefactExportAction(MainWindow *window);
    void exportArtefacts();

    MainWindow *m_window;
    QMenu *m_menu;
    QAction *m_action;
};

} // namespace landfall
