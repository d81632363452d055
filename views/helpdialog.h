#pragma once

#include <QDialog>

class QMenuBar;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QWidget;

namespace landfall {

/** Help > User Guide and Help > Keyboard Shortcuts: the guide shipped with the program (a
    Markdown resource, rendered without HTML and without following links, so it works offline
    and shows nothing it was not written to show) and every shortcut of the window's actions,
    read from the actions themselves so the list cannot go stale. */
class HelpDialog : public QDialog {
    Q_OBJECT
public:
    enum Page { Guide, Shortcuts };
    /** Lists the shortcuts of every action in `menus` (the window's menu bar). */
    HelpDialog(const QMenuBar *menus, Page page, QWidget *parent = nullptr);

    QTextBrowser *guide() const { return m_guide; }
    QTableWidget *shortcuts() const { return m_shortcuts; }
    void showPage(Page page);

    /** The guide's Markdown, as shipped. */
    static QString guideText();

private:
    void fillShortcuts(const QMenuBar *menus);

    QTabWidget *m_tabs;
    QTextBrowser *m_guide;
    QTableWidget *m_shortcuts;
};

} // namespace landfall
