#pragma once

#include "filedialogs.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace landfall::testing {

/** File dialogs that answer nothing: the GUI tests open and import through MainWindow's API. */
class SilentDialogs : public FileDialogs {
public:
    QString projectToOpen(QWidget *, const QString &) override { return {}; }
    QString projectToCreate(QWidget *, const QString &) override { return {}; }
    QStringList inventoriesToImport(QWidget *, const QString &) override { return {}; }
};

inline QString sample(const char *name)
{
    return QStringLiteral(LANDFALL_TEST_DATA "/samples/") + QLatin1String(name);
}

/** Settings of the test's own, in a temporary folder: tests never share state with a user's
    Landfall or with each other. */
inline void isolateSettings(const QTemporaryDir &dir, const char *application)
{
    QCoreApplication::setOrganizationName(QStringLiteral("LandfallTest"));
    QCoreApplication::setApplicationName(QLatin1String(application));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
}

/** A shown main window with a new project at `path` holding the sample inventory and workshop
    answers (39 VMs, some of them containerized); null if the import failed. */
inline std::unique_ptr<MainWindow> windowWithSampleProject(const QString &path)
{
    auto window = std::make_unique<MainWindow>();
    window->setFileDialogs(std::make_unique<SilentDialogs>());
    window->show();
    if (!window->newProject(path))
        return nullptr;
    QSignalSpy finished(window.get(), &MainWindow::importFinished);
    if (!window->importFiles({sample("rvtools-vinfo-sample.csv"), sample("workshop-answers-sample.csv")}) ||
        !finished.wait(30000) || !finished.first().first().toBool())
        return nullptr;
    return window;
}

} // namespace landfall::testing
