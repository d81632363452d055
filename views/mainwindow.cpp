#include "mainwindow.h"

#include "artefactexportaction.h"

#include "aboutdialog.h"
#include "filedialogs.h"
#include "frozencolumntable.h"
#include "importjob.h"
#include "inventoryview.h"
#include "projectsummarypanel.h"
#include "recentfiles.h"
#include "report/reportactions.h"
#include "wavesview.h"
#include "workspaceviews.h"

#include "itemmodels/inventoryfiltermodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "store/projectstore.h"
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
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>

namespace landfall {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kWorkshopKey = QStringLiteral("mainWindow/workshopMode");
const QString kProjectDirKey = QStringLiteral("directories/project");
const QString kImportDirKey = QStringLiteral("directories/import");
constexpr double kWorkshopScale = 1.5;

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
    , m_views(new QTabWidget(this))
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
    setCentralWidget(m_views);

    createActions();
    createMenus();
    ReportActions::install(this);        // File > Report... and File > Export Plan...
    ArtefactExportAction::install(this); // File > Export > Dockerfiles and Manifests...
    addView(m_inventoryView, tr("&Inventory"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_workspace = new WorkspaceViews(this); // Plan, Rules, Scenarios and Dashboard: Ctrl+2 to Ctrl+5
    m_wavesView = new WavesView(m_undoStack, m_views);
    addView(m_wavesView, tr("&Waves"), QKeySequence(Qt::CTRL | Qt::Key_6));
    connect(this, &MainWindow::projectOpened, m_wavesView, &WavesView::setStore);
    connect(this, &MainWindow::inventoryReloaded, m_wavesView->model(), &WavePlanModel::reload);

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
    connect(m_import, &ImportJob::finished, this, &MainWindow::onImportFinished);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &MainWindow::updateImportProgress);

    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1440, 880);
    m_workshopAction->setChecked(settings.value(kWorkshopKey, false).toBool());
    rebuildRecentMenu();
    updateTitle();
    updateCounts();
    updateUndoActions();
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
    } else {
        for (const QPointer<QWidget> &panel : std::as_const(m_hiddenForPresenter)) {
            if (panel)
                panel->show();
        }
        m_hiddenForPresenter.clear();
        m_workshopAction->setChecked(m_workshopBeforePresenter);
        statusBar()->show();
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
