#include "mainwindow.h"

#include "businesscaseview.h"

#include "artefactexportaction.h"

#include "aboutdialog.h"
#include "charts/livechartview.h"
#include "filedialogs.h"
#include "frozencolumntable.h"
#include "helpdialog.h"
#include "importjob.h"
#include "inventoryview.h"
#include "projectsummarypanel.h"
#include "recentfiles.h"
#include "report/reportactions.h"
#include "startpage.h"
#include "wavesview.h"
#include "workspaceviews.h"

#include "density/scenario.h"
#include "itemmodels/inventoryfiltermodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "store/projectstore.h"
#include "waves/dependencyimporter.h"
#include "waves/waveplanmodel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QUrl>

#include <algorithm>

namespace landfall {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kWorkshopKey = QStringLiteral("mainWindow/workshopMode");
const QString kProjectDirKey = QStringLiteral("directories/project");
const QString kImportDirKey = QStringLiteral("directories/import");
constexpr double kWorkshopScale = 1.5;
/** Charts in presenter mode: this much larger than on a desk at 720 lines, in proportion above. */
constexpr double kPresenterScaleAt720 = 1.2;
constexpr double kPresenterScaleMost = 1.9;
/** A grid column fitted to its contents never takes more than this of the window's font
    heights: a long note column must not push the rest out of sight. */
constexpr int kFittedColumnMostLines = 22;
/** The demo's files, as shipped in the program's resources. */
const QStringList kDemoInventory = {QStringLiteral("demo-rvtools-vinfo.csv"), QStringLiteral("demo-rvtools-vhost.csv"),
                                    QStringLiteral("demo-workshop-answers.csv")};

bool isProjectFile(const QString &path)
{
    return path.endsWith(QLatin1String(".landfall"), Qt::CaseInsensitive);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_dialogs(std::make_unique<FileDialogs>())
    , m_model(new InventoryTableModel(this))
    , m_undoStack(new QUndoStack(this))
    , m_recent(new RecentFiles(this))
    , m_import(new ImportJob(this))
    , m_pages(new QStackedWidget(this))
    , m_views(new QTabWidget(m_pages))
    , m_inventoryView(new InventoryView(m_model, m_undoStack, m_views))
    , m_summary(new ProjectSummaryPanel(this))
    , m_progressTimer(new QTimer(this))
    , m_countsTimer(new QTimer(this))
    , m_countsLabel(new QLabel(this))
    , m_savedLabel(new QLabel(this))
    , m_baseFont(font())
    , m_viewGroup(new QActionGroup(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    m_views->setObjectName(QStringLiteral("views"));
    m_views->setDocumentMode(true);
    m_views->setAccessibleName(tr("Views"));
    m_pages->setObjectName(QStringLiteral("pages"));
    setCentralWidget(m_pages);

    createActions();
    createMenus();
    m_startPage = new StartPage(m_recent, m_newAction, m_openAction, m_importAction, m_demoAction, m_pages);
    connect(m_startPage, &StartPage::recentChosen, this, &MainWindow::openProject);
    m_pages->addWidget(m_startPage);
    m_pages->addWidget(m_views);
    ReportActions::install(this);        // File > Report... and File > Export Plan...
    ArtefactExportAction::install(this); // File > Export > Dockerfiles and Manifests...
    addView(m_inventoryView, tr("&Inventory"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_workspace = new WorkspaceViews(this); // Plan, Rules, Scenarios and Dashboard: Ctrl+2 to Ctrl+5
    m_wavesView = new WavesView(m_undoStack, m_views);
    addView(m_wavesView, tr("&Waves"), QKeySequence(Qt::CTRL | Qt::Key_6));
    connect(this, &MainWindow::projectOpened, m_wavesView, &WavesView::setStore);
    connect(this, &MainWindow::inventoryReloaded, m_wavesView->model(), &WavePlanModel::reload);
    // The business case ramps with the waves: a pin, a move group or new parameters price it again.
    connect(m_wavesView->model(), &WavePlanModel::planChanged, m_workspace->businessCase(),
            &BusinessCaseView::schedule);

    auto *summaryDock = new QDockWidget(tr("Project Summary"), this);
    summaryDock->setObjectName(QStringLiteral("projectSummaryDock"));
    summaryDock->setWidget(m_summary);
    addDock(summaryDock, Qt::RightDockWidgetArea);

    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_countsLabel->setAccessibleName(tr("Inventory counts"));
    m_savedLabel->setObjectName(QStringLiteral("savedLabel"));
    m_savedLabel->setToolTip(tr("Every change is written to the project file as you make it; Undo reverts it."));
    m_countsLabel->setContentsMargins(8, 0, 8, 0);
    m_savedLabel->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_savedLabel);

    // Counts are recounted once per turn of the event loop, however many changes arrive.
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(0);
    connect(m_countsTimer, &QTimer::timeout, this, &MainWindow::updateCounts);
    connect(m_inventoryView, &InventoryView::countsChanged, m_countsTimer, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::modelReset, m_countsTimer, qOverload<>(&QTimer::start));
    connect(m_model, &InventoryTableModel::writeFailed, this, [this](const QString &message) {
        showError(tr("The change was not saved"), tr("Landfall could not write the change to the project."), message);
    });
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MainWindow::updateUndoActions);
    // The saved label tells the same story as the title's modified mark, at every undo step.
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &MainWindow::updateSavedLabel);
    // The selection count is the current view's: the Inventory's is not shown on the Plan.
    connect(m_views, &QTabWidget::currentChanged, m_countsTimer, qOverload<>(&QTimer::start));
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);
    // The larger font's column widths are measured on the rows: again once the rows are there.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() {
        if (isWorkshopMode())
            QTimer::singleShot(0, this, &MainWindow::fitGridColumns);
    });
    connect(m_import, &ImportJob::finished, this, &MainWindow::onImportFinished);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &MainWindow::updateImportProgress);

    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        // The first start: roomy, but never larger than the screen (a projector's 1280x720 would
        // otherwise hide the window's right edge, and the summary with it).
        QSize size(1440, 880);
        if (const QScreen *shownOn = screen())
            size = size.boundedTo(shownOn->availableGeometry().size());
        resize(size);
    }
    m_workshopAction->setChecked(settings.value(kWorkshopKey, false).toBool());
    rebuildRecentMenu();
    updateTitle();
    updateCounts();
    updateUndoActions();
    updateCentralPage();
}

MainWindow::~MainWindow()
{
    // Children outlive the members: stop them calling back into a window whose store is gone,
    // and detach the model before the store closes its connection.
    disconnect(m_undoStack, nullptr, this, nullptr);
    disconnect(m_import, nullptr, this, nullptr);
    m_model->setStore(nullptr);
}

void MainWindow::setFileDialogs(std::unique_ptr<FileDialogs> dialogs)
{
    m_dialogs = std::move(dialogs);
}

void MainWindow::createActions()
{
    QStyle *s = style();
    m_newAction = new QAction(s->standardIcon(QStyle::SP_FileIcon), tr("&New Project..."), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Create an empty project file"));
    connect(m_newAction, &QAction::triggered, this, [this]() {
        const QString path = m_dialogs->projectToCreate(this, lastDirectory(kProjectDirKey));
        if (!path.isEmpty())
            newProject(path);
    });

    m_openAction = new QAction(s->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Project..."), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a Landfall project file"));
    connect(m_openAction, &QAction::triggered, this, [this]() {
        const QString path = m_dialogs->projectToOpen(this, lastDirectory(kProjectDirKey));
        if (!path.isEmpty())
            openProject(path);
    });

    m_importAction = new QAction(s->standardIcon(QStyle::SP_ArrowDown), tr("&Import Inventory..."), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Import an RVTools, Azure Migrate or Landfall CSV/xlsx file"));
    connect(m_importAction, &QAction::triggered, this, [this]() {
        const QStringList paths = m_dialogs->inventoriesToImport(this, lastDirectory(kImportDirKey));
        if (!paths.isEmpty())
            importFiles(paths);
    });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = new QAction(s->standardIcon(QStyle::SP_ArrowBack), tr("&Undo"), this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    connect(m_undoAction, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    m_redoAction = new QAction(s->standardIcon(QStyle::SP_ArrowForward), tr("&Redo"), this);
    // Both conventions on every platform: consultants come from Windows and from Linux alike.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    m_redoAction->setShortcuts(redoKeys);
    connect(m_redoAction, &QAction::triggered, m_undoStack, &QUndoStack::redo);

    m_findAction = new QAction(s->standardIcon(QStyle::SP_FileDialogContentsView), tr("&Find..."), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Filter the inventory by name, IP, host, cluster or OS"));
    connect(m_findAction, &QAction::triggered, this, [this]() {
        showView(m_views->indexOf(m_inventoryView));
        m_inventoryView->focusSearch();
    });

    m_workshopAction = new QAction(tr("&Workshop Mode"), this);
    m_workshopAction->setCheckable(true);
    m_workshopAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_workshopAction->setStatusTip(tr("Large text for a projector"));
    connect(m_workshopAction, &QAction::toggled, this, &MainWindow::setWorkshopMode);

    m_fullScreenAction = new QAction(tr("&Full Screen"), this);
    m_fullScreenAction->setCheckable(true);
    // F11 on every platform, as presenters expect, besides the platform's own key.
    QList<QKeySequence> fullScreenKeys = QKeySequence::keyBindings(QKeySequence::FullScreen);
    if (!fullScreenKeys.contains(QKeySequence(Qt::Key_F11)))
        fullScreenKeys.prepend(QKeySequence(Qt::Key_F11));
    m_fullScreenAction->setShortcuts(fullScreenKeys);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });

    m_presenterAction = new QAction(tr("&Presenter Mode"), this);
    m_presenterAction->setObjectName(QStringLiteral("presenterAction"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_presenterAction->setStatusTip(tr("Hide the panels and enlarge the text, for a projector (F5)"));
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);

    m_demoAction = new QAction(s->standardIcon(QStyle::SP_DirHomeIcon), tr("Open the &Demo"), this);
    m_demoAction->setObjectName(QStringLiteral("demoAction"));
    m_demoAction->setStatusTip(tr("Create a project from the shipped demo inventory, to look around safely"));
    connect(m_demoAction, &QAction::triggered, this, [this]() { openDemo(); });

    m_copyChartAction = new QAction(tr("Copy &Chart"), this);
    m_copyChartAction->setObjectName(QStringLiteral("copyChartAction"));
    // Not Ctrl+C: that copies the grid's selection.
    m_copyChartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyChartAction->setStatusTip(tr("Copy the chart with the focus as a picture, for pasting into a slide"));
    connect(m_copyChartAction, &QAction::triggered, this, [this]() {
        if (LiveChartView *chart = chartToCopy()) {
            chart->copyToClipboard();
            statusBar()->showMessage(tr("Copied the chart \u201c%1\u201d as a picture").arg(chart->title()), 5000);
        }
    });

    m_userGuideAction = new QAction(s->standardIcon(QStyle::SP_DialogHelpButton), tr("&User Guide"), this);
    m_userGuideAction->setObjectName(QStringLiteral("userGuideAction"));
    m_userGuideAction->setShortcut(QKeySequence::HelpContents);
    connect(m_userGuideAction, &QAction::triggered, this, [this]() { showHelp(HelpDialog::Guide); });
    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, [this]() { showHelp(HelpDialog::Shortcuts); });

    m_aboutAction = new QAction(tr("&About Landfall"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this]() {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_fileMenu->addAction(m_demoAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_importAction);
    // Export and Report (later work) are inserted here, by addFileAction().
    m_fileExtrasSeparator = m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addAction(m_copyChartAction);
    connect(edit, &QMenu::aboutToShow, this, [this]() { m_copyChartAction->setEnabled(chartToCopy() != nullptr); });
    edit->addMenu(m_inventoryView->createSetAnswerMenu(edit));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewGroup->setExclusive(true);
    m_viewMenu->addSeparator();
    m_panelsMenu = m_viewMenu->addMenu(tr("&Panels"));
    m_viewMenu->addMenu(m_inventoryView->createColumnMenu(m_viewMenu)); // the inventory's column chooser
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_presenterAction);
    m_viewMenu->addAction(m_workshopAction);
    m_viewMenu->addAction(m_fullScreenAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_userGuideAction);
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    connect(aboutQt, &QAction::triggered, this, [this]() { QMessageBox::aboutQt(this); });

    QToolBar *tools = addToolBar(tr("Main Toolbar"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_newAction);
    tools->addAction(m_openAction);
    tools->addAction(m_importAction);
    tools->addSeparator();
    tools->addAction(m_undoAction);
    tools->addAction(m_redoAction);
    m_panelsMenu->addAction(tools->toggleViewAction());

    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) {
        const QList<QAction *> actions = m_viewGroup->actions();
        if (index >= 0 && index < actions.size())
            actions[index]->setChecked(true);
    });
}

int MainWindow::addView(QWidget *view, const QString &title, const QKeySequence &shortcut)
{
    const int index = m_views->addTab(view, QString(title).remove(u'&'));
    refitGridsOnNewRows(view);
    QAction *action = new QAction(title, m_viewGroup);
    action->setCheckable(true);
    action->setShortcut(shortcut);
    action->setChecked(m_views->currentIndex() == index);
    connect(action, &QAction::triggered, this, [this, view]() { showView(m_views->indexOf(view)); });
    m_viewMenu->insertAction(m_viewMenu->actions().value(m_viewGroup->actions().size() - 1), action);
    return index;
}

void MainWindow::addDock(QDockWidget *dock, Qt::DockWidgetArea area)
{
    addDockWidget(area, dock);
    m_panelsMenu->addAction(dock->toggleViewAction());
}

void MainWindow::addFileAction(QAction *action)
{
    m_fileMenu->insertAction(m_fileExtrasSeparator, action);
}

void MainWindow::showView(int index)
{
    if (index < 0 || index >= m_views->count())
        return;
    m_views->setCurrentIndex(index);
    m_views->widget(index)->setFocus();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        // "&1 name" gives each entry a number to press; the full path is in the tooltip.
        QAction *action = m_recentMenu->addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()).replace(QLatin1String("&&"), QLatin1String("&")));
        action->setData(path);
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path]() { openProject(path); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, m_recent, &RecentFiles::clear);
}

void MainWindow::updateTitle()
{
    if (!m_store) {
        setWindowTitle(tr("Landfall"));
        setWindowModified(false);
        return;
    }
    setWindowTitle(tr("%1[*] — Landfall").arg(QFileInfo(m_store->path()).fileName()));
    setWindowModified(!m_undoStack->isClean());
}

void MainWindow::updateCounts()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    const int shown = m_inventoryView->filterModel()->rowCount();
    const QItemSelectionModel *selection = m_inventoryView->table()->selectionModel();
    const int selected = selection ? int(selection->selectedRows().size()) : 0;
    QString text = tr("%1 VMs").arg(locale.toString(total));
    if (shown != total)
        text += tr("  ·  %1 shown").arg(locale.toString(shown));
    if (selected > 0 && m_views->currentWidget() == m_inventoryView)
        text += tr("  ·  %1 selected").arg(locale.toString(selected));
    text += tr("  ·  %1 powered on").arg(locale.toString(m_model->poweredOnCount()));
    m_countsLabel->setText(m_store ? text : tr("No project"));
    updateSavedLabel();
}

void MainWindow::updateSavedLabel()
{
    if (!m_store)
        m_savedLabel->clear();
    else if (m_store->readFailure())
        m_savedLabel->setText(tr("The project could not be read: nothing is saved"));
    else if (m_undoStack->isClean())
        m_savedLabel->setText(tr("No changes since opened"));
    else
        m_savedLabel->setText(tr("Changed since opened · every change saved"));
}

void MainWindow::updateUndoActions()
{
    const bool busy = isImporting();
    m_undoAction->setEnabled(!busy && m_undoStack->canUndo());
    m_redoAction->setEnabled(!busy && m_undoStack->canRedo());
    m_undoAction->setText(m_undoStack->canUndo() ? tr("&Undo %1").arg(m_undoStack->undoText()) : tr("&Undo"));
    m_redoAction->setText(m_undoStack->canRedo() ? tr("&Redo %1").arg(m_undoStack->redoText()) : tr("&Redo"));
    m_importAction->setEnabled(!busy);
    m_newAction->setEnabled(!busy);
    m_openAction->setEnabled(!busy);
    m_recentMenu->setEnabled(!busy);
}

void MainWindow::setProject(std::unique_ptr<ProjectStore> store)
{
    // Nothing of the last project follows into this one: its filters, sort, selection,
    // messages and undo steps.
    m_inventoryView->resetForNewProject();
    statusBar()->clearMessage();
    m_undoStack->clear();
    m_model->setStore(nullptr);
    m_store = std::move(store);
    m_model->setStore(m_store.get());
    m_summary->refresh(m_store.get()); // on the thread pool: the inventory paints meanwhile
    if (m_store) {
        m_recent->add(m_store->path());
        rememberDirectory(kProjectDirKey, m_store->path());
    }
    updateTitle();
    updateCounts();
    updateUndoActions();
    updateCentralPage();
    if (m_store) {
        // A read that failed leaves the views with nothing rather than part of the project, and
        // the store writes nothing from then on: say so instead of showing a smaller estate.
        if (const std::optional<StoreError> failure = m_store->readFailure())
            showError(tr("The project cannot be read"),
                      tr("%1 could not be read in full; Landfall shows and saves nothing of it.")
                          .arg(QFileInfo(m_store->path()).fileName()),
                      failure->message);
    }
    Q_EMIT projectOpened(m_store.get());
}

bool MainWindow::openProject(const QString &path)
{
    if (isImporting())
        return false;
    auto store = ProjectStore::open(path, ProjectStore::OpenMode::ExistingOnly);
    if (!store) {
        if (!QFileInfo::exists(path))
            m_recent->remove(path);
        showError(tr("Cannot open the project"), tr("%1 cannot be opened.").arg(QFileInfo(path).fileName()),
                  store.error().message);
        return false;
    }
    setProject(std::move(*store));
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::newProject(const QString &path)
{
    if (isImporting())
        return false;
    if (m_store && QFileInfo(m_store->path()) == QFileInfo(path))
        setProject(nullptr);
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        showError(tr("Cannot create the project"), tr("%1 cannot be replaced.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
    if (!store) {
        showError(tr("Cannot create the project"), tr("%1 cannot be created.").arg(QDir::toNativeSeparators(path)),
                  store.error().message);
        return false;
    }
    setProject(std::move(*store));
    statusBar()->showMessage(tr("Created %1: import an inventory to begin").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

bool MainWindow::isImporting() const
{
    return m_import->isRunning();
}

bool MainWindow::importFiles(const QStringList &paths, const ImportOptions &options)
{
    if (paths.isEmpty() || isImporting())
        return false;
    if (!m_store) {
        const QString path = m_dialogs->projectToCreate(this, lastDirectory(kProjectDirKey));
        if (path.isEmpty() || !newProject(path))
            return false;
    }
    rememberDirectory(kImportDirKey, paths.constFirst());
    m_inventoryView->setEditable(false);
    m_import->start(m_store->path(), paths, options);

    m_progress = new QProgressDialog(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setWindowTitle(tr("Importing"));
    m_progress->setLabelText(paths.size() == 1 ? tr("Reading %1...").arg(QFileInfo(paths.constFirst()).fileName())
                                               : tr("Reading %n files...", nullptr, int(paths.size())));
    m_progress->setRange(0, 1000);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(300);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAccessibleName(tr("Import progress"));
    connect(m_progress, &QProgressDialog::canceled, m_import, &ImportJob::cancel);
    m_progressTimer->start();
    updateUndoActions();
    return true;
}

void MainWindow::updateImportProgress()
{
    if (!m_progress)
        return;
    const int permille = m_import->progressPermille();
    if (permille < 0) {
        if (m_progress->maximum() != 0) {
            m_progress->setLabelText(tr("Saving to the project..."));
            m_progress->setCancelButton(nullptr); // the write is one transaction: it finishes or never happened
            m_progress->setRange(0, 0);
        }
        return;
    }
    m_progress->setValue(permille);
}

void MainWindow::onImportFinished(const ImportJobResult &result)
{
    m_progressTimer->stop();
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    m_inventoryView->setEditable(true);
    updateUndoActions();

    if (result.cancelled) {
        statusBar()->showMessage(tr("Import cancelled: the project is unchanged"), 8000);
        Q_EMIT importFinished(false);
        return;
    }
    if (!result.storeError.isEmpty()) {
        showError(tr("Import failed"), tr("The project could not be written; it is unchanged."), result.storeError);
        Q_EMIT importFinished(false);
        return;
    }
    bool allAccepted = true;
    bool anyAccepted = false;
    int added = 0;
    int updated = 0;
    QStringList problems;
    QStringList retryable; // refused files whose good rows can be imported on their own
    int goodRows = 0;
    for (qsizetype i = 0; i < result.outcomes.size(); ++i) {
        const ImportOutcome &outcome = result.outcomes[i];
        if (!outcome.accepted && !outcome.storeError && outcome.goodRows > 0 && i < result.files.size()) {
            retryable.append(result.files[i]);
            goodRows += outcome.goodRows;
        }
        anyAccepted = anyAccepted || outcome.accepted;
        allAccepted = allAccepted && outcome.accepted;
        added += outcome.added;
        updated += outcome.updated;
        if (outcome.storeError)
            problems.append(outcome.storeError->message);
        for (const ImportIssue &issue : outcome.issues)
            problems.append(issue.toString());
    }
    if (anyAccepted) {
        // The import rewrote VMs that earlier undo steps would restore: those steps no longer apply.
        m_undoStack->clear();
        m_inventoryView->clearFilters(); // the imported VMs are shown, not hidden by an old filter
        m_model->reload();
        m_summary->refresh(m_store.get());
        Q_EMIT inventoryReloaded();
        statusBar()->showMessage(
            tr("Imported: %1 VMs added, %2 updated").arg(QLocale().toString(added), QLocale().toString(updated)),
            10000);
    }
    if (!allAccepted)
        showImportRefused(problems, retryable, goodRows);
    updateCounts();
    Q_EMIT importFinished(allAccepted);
}

void MainWindow::showError(const QString &title, const QString &text, const QString &details)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    // Plain text: the text names files and VMs, which a stranger may have named "<a href=...>".
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDetailedText(details);
    box->setAccessibleName(title);
    // Not exec(): the window goes on repainting, and an unattended run (tests, scripts) never hangs.
    box->open();
    statusBar()->showMessage(title, 8000);
}

void MainWindow::showImportRefused(const QStringList &problems, const QStringList &retryable, int goodRows)
{
    constexpr int kShownInline = 5;
    const QLocale locale;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Import refused"),
                                tr("Some files were not imported, and nothing of them was written. "
                                   "%n problem(s) found:",
                                   nullptr, int(problems.size())),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setAccessibleName(box->windowTitle());
    // The cause is in the dialog itself: the first problems, each naming file, row and column.
    QStringList shown = problems.mid(0, kShownInline);
    if (problems.size() > kShownInline)
        shown.append(
            tr("... and %1 more, listed in the details.").arg(locale.toString(problems.size() - kShownInline)));
    box->setInformativeText(shown.join(u'\n'));
    box->setDetailedText(problems.mid(0, 200).join(u'\n'));
    if (!retryable.isEmpty()) {
        QPushButton *good =
            box->addButton(tr("Import the &Good Rows (%1)").arg(locale.toString(goodRows)), QMessageBox::AcceptRole);
        good->setObjectName(QStringLiteral("importGoodRows"));
        good->setToolTip(tr("Import the rows without problems and leave out the bad ones, as landfall-cli "
                            "import --skip-bad-rows does"));
        connect(good, &QPushButton::clicked, this, [this, retryable]() {
            ImportOptions options;
            options.skipBadRows = true;
            // After the box has closed: a new import opens its own progress dialog.
            QTimer::singleShot(0, this, [this, retryable, options]() { importFiles(retryable, options); });
        });
    }
    box->addButton(retryable.isEmpty() ? QMessageBox::Ok : QMessageBox::Cancel);
    box->open();
    statusBar()->showMessage(tr("Import refused"), 8000);
}

void MainWindow::setWorkshopMode(bool on)
{
    QFont font = m_baseFont;
    if (on)
        font.setPointSizeF(m_baseFont.pointSizeF() * kWorkshopScale);
    setFont(font);
    m_inventoryView->table()->verticalHeader()->setDefaultSectionSize(QFontMetrics(font).height() + 8);
    QSettings().setValue(kWorkshopKey, on);
    Q_EMIT workshopModeChanged(on);
    fitGridColumns();
}

void MainWindow::fitGridColumns()
{
    // Headers such as "Memory GiB" and "Change rate" read whole in the larger font: every grid's
    // columns take the width of their header and of the rows in view (Qt looks at a bounded
    // number of rows, so a 20,000-VM inventory fits as fast as a small one).
    const int most = QFontMetrics(font()).height() * kFittedColumnMostLines;
    for (QAbstractItemView *view : m_views->findChildren<QAbstractItemView *>()) {
        auto *table = qobject_cast<QTableView *>(view);
        auto *tree = qobject_cast<QTreeView *>(view);
        QHeaderView *header = table ? table->horizontalHeader() : tree ? tree->header() : nullptr;
        if (!header || !view->model() || header->count() == 0 || header->sectionResizeMode(0) == QHeaderView::Stretch)
            continue;
        // The header reads in the grid's font: the Plan's and the Rules' kept the desk's size.
        header->setFont(view->font());
        if (table)
            table->verticalHeader()->setDefaultSectionSize(QFontMetrics(table->font()).height() + 8);
        for (int column = 0; column < header->count(); ++column) {
            if (header->isSectionHidden(column) || header->sectionResizeMode(column) != QHeaderView::Interactive)
                continue;
            const int fitted = std::max(static_cast<const QAbstractItemView *>(view)->sizeHintForColumn(column),
                                        header->sectionSizeHint(column));
            header->resizeSection(column, std::min(fitted, most));
        }
    }
}

void MainWindow::refitGridsOnNewRows(QWidget *view)
{
    if (!m_fitTimer) {
        m_fitTimer = new QTimer(this);
        m_fitTimer->setSingleShot(true);
        m_fitTimer->setInterval(0); // once per turn of the event loop, however many rows arrive
        connect(m_fitTimer, &QTimer::timeout, this, [this]() {
            if (isWorkshopMode())
                fitGridColumns();
        });
    }
    for (QAbstractItemView *grid : view->findChildren<QAbstractItemView *>()) {
        if (QAbstractItemModel *model = grid->model()) {
            connect(model, &QAbstractItemModel::modelReset, m_fitTimer, qOverload<>(&QTimer::start));
            connect(model, &QAbstractItemModel::rowsInserted, m_fitTimer, qOverload<>(&QTimer::start));
        }
    }
}

double MainWindow::presenterFontScale() const
{
    return std::clamp(kPresenterScaleAt720 * height() / 720.0, kPresenterScaleAt720, kPresenterScaleMost);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // The charts follow the screen presenter mode is shown on: larger at 1080 lines than at 720.
    if (m_presenterAction && isPresenterMode() && !qFuzzyCompare(m_presenterScale, presenterFontScale())) {
        m_presenterScale = presenterFontScale();
        Q_EMIT presenterModeChanged(true);
    }
}

void MainWindow::updateCentralPage()
{
    m_pages->setCurrentWidget(m_store ? static_cast<QWidget *>(m_views) : m_startPage);
}

LiveChartView *MainWindow::chartToCopy() const
{
    if (m_pages->currentWidget() != m_views || !m_views->currentWidget())
        return nullptr;
    QWidget *page = m_views->currentWidget();
    const auto copyable = [page](LiveChartView *chart) {
        return chart && page->isAncestorOf(chart) && chart->isVisible() && chart->emptyText().isEmpty();
    };
    // The chart with the focus (a click gives it), else the page's first chart.
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (auto *chart = qobject_cast<LiveChartView *>(w); copyable(chart))
            return chart;
    }
    for (LiveChartView *chart : page->findChildren<LiveChartView *>()) {
        if (copyable(chart))
            return chart;
    }
    return nullptr;
}

void MainWindow::showHelp(int page)
{
    auto *dialog = findChild<HelpDialog *>(QStringLiteral("helpDialog"));
    if (!dialog) {
        dialog = new HelpDialog(menuBar(), HelpDialog::Page(page), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->showPage(HelpDialog::Page(page));
    dialog->show();
    dialog->raise();
}

QString MainWindow::defaultDemoPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.landfall"));
}

bool MainWindow::openDemo(const QString &requested)
{
    if (isImporting())
        return false;
    const QString path = requested.isEmpty() ? defaultDemoPath() : requested;
    // The importers read files: the shipped ones are copied out of the program for the import.
    auto files = std::make_unique<QTemporaryDir>();
    QStringList inventory;
    for (const QString &name : kDemoInventory + QStringList{QStringLiteral("demo-dependencies.csv")}) {
        const QString target = files->filePath(name);
        if (!files->isValid() || !QFile::copy(QStringLiteral(":/landfall/demo/") + name, target)) {
            showError(tr("Cannot open the demo"), tr("The demo's files could not be written to a temporary folder."),
                      files->errorString());
            return false;
        }
        if (kDemoInventory.contains(name))
            inventory.append(target);
    }
    if (m_store && QFileInfo(m_store->path()) == QFileInfo(path))
        setProject(nullptr);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || (QFileInfo::exists(path) && !QFile::remove(path))) {
        showError(tr("Cannot open the demo"), tr("%1 cannot be replaced.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    {
        // The demo's what-if scenarios, as landfall-cli scenario --add stores them, are in the
        // project before it opens: the Scenarios page and the dashboard show them from the start.
        auto created = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        if (!created) {
            showError(tr("Cannot open the demo"), tr("%1 cannot be created.").arg(QDir::toNativeSeparators(path)),
                      created.error().message);
            return false;
        }
        for (const QString &name :
             {QStringLiteral("aks-16x64.json"), QStringLiteral("aks-32x128-licence-included.json")}) {
            QFile file(QStringLiteral(":/landfall/demo/scenarios/") + name);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            auto scenario = Scenario::fromJson(QJsonDocument::fromJson(file.readAll()).object());
            if (scenario)
                (*created)->saveScenario(
                    scenario->name,
                    QString::fromUtf8(QJsonDocument(scenario->toJson()).toJson(QJsonDocument::Compact)));
        }
    }
    if (!openProject(path))
        return false;
    m_demoFiles = std::move(files);
    // The network dependencies name the demo's VMs: they go in once the VMs are there.
    const QString dependencies = m_demoFiles->filePath(QStringLiteral("demo-dependencies.csv"));
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(this, &MainWindow::importFinished, this, [this, once, dependencies](bool accepted) {
        disconnect(*once);
        if (accepted && m_store) {
            if (auto read = DependencyImporter::readFile(dependencies, false))
                m_store->importDependencies(read.value().connections);
            Q_EMIT inventoryReloaded();
        }
        m_demoFiles.reset();
        if (m_store)
            statusBar()->showMessage(tr("The demo project is %1").arg(QDir::toNativeSeparators(m_store->path())),
                                     10000);
    });
    if (!importFiles(inventory)) {
        disconnect(*once);
        m_demoFiles.reset();
        return false;
    }
    return true;
}

void MainWindow::setPresenterMode(bool on)
{
    if (on) {
        // The docks and toolbars shown now come back as they were when presenter mode ends.
        m_hiddenForPresenter.clear();
        for (QWidget *panel : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
            if (panel->isVisible())
                m_hiddenForPresenter.append(panel);
        }
        for (QWidget *panel : findChildren<QToolBar *>(Qt::FindDirectChildrenOnly)) {
            if (panel->isVisible())
                m_hiddenForPresenter.append(panel);
        }
        for (const QPointer<QWidget> &panel : std::as_const(m_hiddenForPresenter))
            panel->hide();
        m_workshopBeforePresenter = m_workshopAction->isChecked();
        m_workshopAction->setChecked(true);
        statusBar()->hide();
        m_presenterScale = presenterFontScale();
        Q_EMIT presenterModeChanged(true);
    } else {
        for (const QPointer<QWidget> &panel : std::as_const(m_hiddenForPresenter)) {
            if (panel)
                panel->show();
        }
        m_hiddenForPresenter.clear();
        m_workshopAction->setChecked(m_workshopBeforePresenter);
        statusBar()->show();
        Q_EMIT presenterModeChanged(false);
    }
}

bool MainWindow::isPresenterMode() const
{
    return m_presenterAction->isChecked();
}

bool MainWindow::isWorkshopMode() const
{
    return m_workshopAction->isChecked();
}

QString MainWindow::lastDirectory(const QString &key) const
{
    return QSettings().value(key, QDir::homePath()).toString();
}

void MainWindow::rememberDirectory(const QString &key, const QString &path)
{
    QSettings().setValue(key, QFileInfo(path).absolutePath());
}

void MainWindow::showEvent(QShowEvent *event)
{
    // Restored at the first show, not in the constructor: views and docks added since then
    // (by later work) get their saved places too.
    if (!m_stateRestored) {
        m_stateRestored = true;
        restoreState(QSettings().value(kStateKey).toByteArray());
    }
    QMainWindow::showEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isImporting()) {
        const auto answer = QMessageBox::question(
            this, tr("Import running"),
            tr("An import is still running. Stop it and close? Files not yet written are not imported."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_import->cancel();
        m_import->waitForFinished();
    }
    m_inventoryView->commitPendingEdit();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    event->accept();
}

QStringList MainWindow::droppableFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("csv") || suffix == QLatin1String("xlsx") || isProjectFile(path))
            files.append(path);
    }
    return files;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!isImporting() && !droppableFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = droppableFiles(event->mimeData());
    if (files.isEmpty() || isImporting())
        return;
    event->acceptProposedAction();
    QStringList inventories;
    for (const QString &file : files) {
        if (isProjectFile(file)) {
            openProject(file); // a dropped project is opened; its inventories, if any, go into it
        } else {
            inventories.append(file);
        }
    }
    if (!inventories.isEmpty())
        importFiles(inventories);
}

} // namespace landfall
