#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace landfall {

/** The questions the main window asks about files, in one overridable place: the real
    dialogs by default, a scripted answer in tests and automation. */
class FileDialogs {
public:
    virtual ~FileDialogs() = default;
    /** An existing project to open; empty when the user cancels. */
    virtual QString projectToOpen(QWidget *parent, const QString &directory);
    /** Where to create a new project; empty when the user cancels. */
    virtual QString projectToCreate(QWidget *parent, const QString &directory);
    /** Inventory files to import; empty when the user cancels. */
    virtual QStringList inventoriesToImport(QWidget *parent, const QString &directory);
};

} // namespace landfall
