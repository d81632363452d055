#pragma once

#include <QWidget>

class QAction;
class QListWidget;
class QPushButton;

namespace landfall {

class RecentFiles;

/** What the window shows while no project is open: the recent projects and the ways to begin
    (New, Open, Import, the demo), so a first start is not a blank grid of "0 VMs". */
class StartPage : public QWidget {
    Q_OBJECT
public:
    /** The buttons trigger the window's own actions: one behaviour, wherever it is started from. */
    StartPage(RecentFiles *recent, QAction *newAction, QAction *openAction, QAction *importAction, QAction *demoAction,
              QWidget *parent = nullptr);

    QListWidget *recentList() const { return m_recentList; }

Q_SIGNALS:
    /** A recent project was chosen (double click or Enter). */
    void recentChosen(const QString &path);

private:
    void rebuildRecent();
    QPushButton *button(QAction *action, const QString &objectName);

    RecentFiles *m_recent;
    QListWidget *m_recentList;
};

} // namespace landfall
