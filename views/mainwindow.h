#pragma once

#include "io/inventoryreader.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QMimeData;
class QProgressDialog;
class QStackedWidget;
class QTabWidget;
class QTemporaryDir;
class QTimer;
class QUndoStack;

namespace landfall {

class FileDialogs;
class ImportJob;
class InventoryTableModel;
class InventoryView;
class LiveChartView;
class ProjectStore;
class ProjectSummaryPanel;
class RecentFiles;
class StartPage;
class WavesView;
class WorkspaceViews;
struct ImportJobResult;

/** Landfall's main window: the project's life cycle (new, open, import), the undo stack every
    edit goes through, and a frame the views plug into (addView(), addDock()).

    The project is a SQLite file and every edit is written to it at once, so there is no Save:
    "modified" (the title's asterisk) means "edited since it was opened or imported", which Undo
    can still revert. Nothing is ever left unsaved; what could be lost (an open editor, a
    running import) is committed or asked about before the window closes. */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Replaces the file dialogs (tests and automation script them). */
    void setFileDialogs(std::unique_ptr<FileDialogs> dialogs);

    /** Opens an existing project; false (with the reason shown) if it cannot be used. */
    bool openProject(const QString &path);
    /** Creates an empty project at `path`, replacing a file the user agreed to replace. */
    bool newProject(const QString &path);
    /** Imports inventory files into the open project (asking for a new one if none is open),
        on a worker thread with a progress dialog; false if it could not start. */
    bool importFiles(const QStringList &paths, const ImportOptions &options = {});
    bool isImporting() const;
    /** Creates the demo project (the shipped demo inventory, workshop answers, scenarios and
        dependencies) at `path`, by default demo.landfall in the user's data folder, replacing
        an earlier one; false if it could not start. */
    bool openDemo(const QString &path = {});
    /** Where openDemo() puts the demo project by default. */
    static QString defaultDemoPath();

    /** Adds a view as a page of the central area, with a View menu entry; returns its index. */
    int addView(QWidget *view, const QString &title, const QKeySequence &shortcut = {});
    /** Adds a dock (give it an objectName: its place is saved) with a View > Panels entry. */
    void addDock(QDockWidget *dock, Qt::DockWidgetArea area);
    /** Adds a File menu action in the place kept for Export and Report, above Quit. */
    void addFileAction(QAction *action);
    void showView(int index);

    ProjectStore *store() const { return m_store.get(); }
    InventoryTableModel *inventoryModel() const { return m_model; }
    InventoryView *inventoryView() const { return m_inventoryView; }
    QUndoStack *undoStack() const { return m_undoStack; }
    RecentFiles *recentFiles() const { return m_recent; }
    QMenu *recentMenu() const { return m_recentMenu; }
    QAction *importAction() const { return m_importAction; }
    QAction *newAction() const { return m_newAction; }
    QAction *openAction() const { return m_openAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *findAction() const { return m_findAction; }
    QAction *demoAction() const { return m_demoAction; }
    /** Edit > Copy Chart: the chart with the focus, or the current view's first chart. */
    QAction *copyChartAction() const { return m_copyChartAction; }
    QAction *userGuideAction() const { return m_userGuideAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    /** The chart Edit > Copy Chart copies now; null when the current view has none. */
    LiveChartView *chartToCopy() const;
    /** Shown while no project is open. */
    StartPage *startPage() const { return m_startPage; }
    QProgressDialog *importProgress() const { return m_progress; }
    /** The plan, rules, scenarios and dashboard pages, with their models. */
    WorkspaceViews *workspace() const { return m_workspace; }
    WavesView *wavesView() const { return m_wavesView; }
    bool isWorkshopMode() const;
    /** Presenter mode (F5): the docks, toolbars and status bar hidden, workshop-size text. */
    bool isPresenterMode() const;
    /** How much larger than on a desk the charts draw in presenter mode: grows with the
        window's height, so the text reads alike from the back of a room at 720 and 1080 lines. */
    double presenterFontScale() const;
    QAction *presenterAction() const { return m_presenterAction; }
    QAction *fullScreenAction() const { return m_fullScreenAction; }

Q_SIGNALS:
    /** A project was opened or created; views read from store(). */
    void projectOpened(landfall::ProjectStore *store);
    /** The inventory was re-read (after an import). */
    void inventoryReloaded();
    /** An import ended; `accepted` when every file was taken. */
    void importFinished(bool accepted);
    /** Workshop mode (large text for a projector) was switched on or off. */
    void workshopModeChanged(bool on);
    /** Presenter mode was switched on or off, or its window changed size while on. */
    void presenterModeChanged(bool on);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void rebuildRecentMenu();
    void updateTitle();
    void updateCounts();
    void updateSavedLabel();
    void updateUndoActions();
    void setProject(std::unique_ptr<ProjectStore> store);
    void showError(const QString &title, const QString &text, const QString &details = {});
    /** The refusal of an import: its first problems in the dialog itself, and where skipping
        the bad rows would import something, a button that does. */
    void showImportRefused(const QStringList &problems, const QStringList &retryable, int goodRows);
    void onImportFinished(const ImportJobResult &result);
    void updateImportProgress();
    void setWorkshopMode(bool on);
    void setPresenterMode(bool on);
    /** Every grid's (and tree's) columns as wide as their headers and contents in the window's font. */
    void fitGridColumns();
    /** Fits the grids of `view` again whenever their rows change, in the larger font: a plan
        loaded in the background would otherwise keep the widths of its empty grid. */
    void refitGridsOnNewRows(QWidget *view);
    void showHelp(int page);
    void updateCentralPage();
    QString lastDirectory(const QString &key) const;
    void rememberDirectory(const QString &key, const QString &path);
    static QStringList droppableFiles(const QMimeData *mime);

    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<FileDialogs> m_dialogs;
    InventoryTableModel *m_model;
    QUndoStack *m_undoStack;
    RecentFiles *m_recent;
    ImportJob *m_import;
    QStackedWidget *m_pages; ///< the start page, or the views once a project is open
    QTabWidget *m_views;
    StartPage *m_startPage = nullptr;
    std::unique_ptr<QTemporaryDir> m_demoFiles; ///< the demo's files, read by the running import
    InventoryView *m_inventoryView;
    ProjectSummaryPanel *m_summary;
    WorkspaceViews *m_workspace = nullptr;
    WavesView *m_wavesView = nullptr;
    QProgressDialog *m_progress = nullptr;
    QTimer *m_progressTimer;
    QTimer *m_countsTimer;
    QTimer *m_fitTimer = nullptr; ///< fits the grids once their rows are there (workshop and presenter mode)
    QLabel *m_countsLabel;
    QLabel *m_savedLabel;
    QFont m_baseFont;
    bool m_stateRestored = false;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QActionGroup *m_viewGroup;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_fileExtrasSeparator = nullptr; ///< Export and Report go above this
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_workshopAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_presenterAction = nullptr;
    QList<QPointer<QWidget>> m_hiddenForPresenter; ///< shown again when presenter mode ends
    bool m_workshopBeforePresenter = false;
    QAction *m_aboutAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_copyChartAction = nullptr;
    QAction *m_userGuideAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    double m_presenterScale = 0;
};

} // namespace landfall
