#pragma once

#include <QMessageBox>

namespace landfall {

/** Message boxes whose text is always plain text: the names in them come from files and
    projects a stranger may have written, and a file named "<a href=...>" must show as those
    characters, never as a link that opens something. QMessageBox's static functions guess
    rich text from the content, so every box with user data goes through here. */
class PlainMessageBox {
public:
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                                       QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
};

} // namespace landfall
