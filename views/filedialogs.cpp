#include "filedialogs.h"

#include <QCoreApplication>
#include <QFileDialog>

namespace landfall {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("landfall::FileDialogs", text);
}

QString projectFilter()
{
    return tr("Landfall projects (*.landfall);;All files (*)");
}

} // namespace

QString FileDialogs::projectToOpen(QWidget *parent, const QString &directory)
{
    return QFileDialog::getOpenFileName(parent, tr("Open Project"), directory, projectFilter());
}

QString FileDialogs::projectToCreate(QWidget *parent, const QString &directory)
{
    QString path = QFileDialog::getSaveFileName(parent, tr("New Project"), directory, projectFilter());
    if (!path.isEmpty() && !path.endsWith(QLatin1String(".landfall")))
        path += QLatin1String(".landfall");
    return path;
}

QStringList FileDialogs::inventoriesToImport(QWidget *parent, const QString &directory)
{
    return QFileDialog::getOpenFileNames(
        parent, tr("Import Inventory"), directory,
        tr("Inventories (*.csv *.xlsx);;RVTools workbooks (*.xlsx);;CSV files (*.csv);;All files (*)"));
}

} // namespace landfall
