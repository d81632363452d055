#include "aboutdialog.h"

#include <QApplication>

namespace landfall {

AboutDialog::AboutDialog(QWidget *parent)
    : QMessageBox(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Landfall"));
    setIconPixmap(QApplication::windowIcon().pixmap(64, 64));
    setTextFormat(Qt::RichText);
    setText(
        tr("<h3>Landfall %1</h3>"
           "<p>Plans the move of a company's virtual machines to the cloud: which to containerise, "
           "which to rehost, and how much hardware the result needs.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QStringLiteral(LANDFALL_VERSION), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    setStandardButtons(QMessageBox::Close);
    setAccessibleName(tr("About Landfall"));
}

} // namespace landfall
