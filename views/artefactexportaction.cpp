#include "artefactexportaction.h"

#include "mainwindow.h"

#include "advisor/projectadvisor.h"
#include "io/containerartefactexporter.h"
#include "store/projectstore.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace landfall {

namespace {

constexpr const char *kDirectoryKey = "export/artefactsDirectory";

} // namespace

ArtefactExportAction *ArtefactExportAction::install(MainWindow *window)
{
    return new ArtefactExportAction(window);
}

ArtefactExportAction::ArtefactExportAction(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_menu(new QMenu(tr("E&xport"), window))
    , m_action(new QAction(tr("&Dockerfiles and Manifests..."), window))
{
    setObjectName(QStringLiteral("artefactExportAction"));
    m_menu->setObjectName(QStringLiteral("exportMenu"));
    m_action->setObjectName(QStringLiteral("exportArtefactsAction"));
    m_action->setStatusTip(tr("Write a Dockerfile and a Kubernetes manifest for every containerized VM into a folder"));
    m_menu->addAction(m_action);
    window->addFileAction(m_menu->menuAction());
    m_action->setEnabled(window->store() != nullptr);
    connect(window, &MainWindow::projectOpened, this,
            [this](ProjectStore *store) { m_action->setEnabled(store != nullptr); });
    connect(m_action, &QAction::triggered, this, &ArtefactExportAction::exportArtefacts);
}

void ArtefactExportAction::exportArtefacts()
{
    ProjectStore *store = m_window->store();
    if (!store)
        return;
    QSettings settings;
    const QString directory = QFileDialog::getExistingDirectory(
        m_window, tr("Export Dockerfiles and Manifests"),
        settings
            .value(QLatin1String(kDirectoryKey), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString());
    if (directory.isEmpty())
        return;
    settings.setValue(QLatin1String(kDirectoryKey), directory);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const ProjectAdvisor advisor(*store);
    const Result<QList<Decision>, AdvisorError> decisions = advisor.classify();
    Result<QStringList, QString> written = QStringList{};
    if (decisions)
        written = ContainerArtefactExporter::exportTo(directory, store->vms(), decisions.value(),
                                                      advisor.inputs().windowsBuild,
                                                      ContainerArtefactExporter::sizingScenario(*store));
    QApplication::restoreOverrideCursor();
    if (!decisions || !written) {
        QMessageBox::warning(
            m_window, tr("Export Dockerfiles and Manifests"),
            tr("Nothing was exported: %1").arg(decisions ? written.error() : decisions.error().message));
        return;
    }
    m_window->statusBar()->showMessage(
        tr("%n containerized workload(s) written to %1", nullptr, int(written.value().size())).arg(directory), 8000);
}

} // namespace landfall
