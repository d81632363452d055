#include "../models/itemmodels/inventoryfixture.h"

#include "aboutdialog.h"
#include "filedialogs.h"
#include "inventoryview.h"
#include "mainwindow.h"
#include "projectsummarypanel.h"
#include "recentfiles.h"
#include "workspaceviews.h"

#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/inventoryfiltermodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "store/projectstore.h"

#include <QAction>
#include <QComboBox>
#include <QDropEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

using namespace landfall;
using Attribute = WorkshopAnswers::Attribute;

namespace {

/** File dialogs that answer what the test tells them to, as a user would. */
class ScriptedDialogs : public FileDialogs {
public:
    QString projectToOpen(QWidget *, const QString &) override { return openPath; }
    QString projectToCreate(QWidget *, const QString &) override { return createPath; }
    QStringList inventoriesToImport(QWidget *, const QString &) override { return importPaths; }

    QString openPath;
    QString createPath;
    QStringList importPaths;
};

QString sample(const char *name)
{
    return QStringLiteral(LANDFALL_TEST_DATA "/samples/") + QLatin1String(name);
}

} // namespace

/** The desktop application's main window driven as a user would: menus, drops, edits. */
class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importThroughTheMenu();
    void importByDragAndDrop();
    void editThenUndoAndRedo();
    void bulkEditIsOneUndoStep();
    void findFocusesTheSearch();
    void filtersFromTheFilterBar();
    void filtersByPathFollowTheDecisions();
    void recentList();
    void titleShowsProjectAndModifiedState();
    void aboutShowsTheVersion();
    void exportMenuHoldsTheArtefacts();
    void aFileNamedLikeHtmlShowsAsPlainText();
    void theFirstWindowIsNoLargerThanTheScreen();
    void theSummaryAsksForTheWidthOfItsFigures();

private:
    MainWindow *createWindow();
    QString projectWithVms(const QString &name, int count);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    ScriptedDialogs *m_dialogs = nullptr;
};

void TestMainWindow::initTestCase()
{
    // Settings of our own, in an ini file in a temporary folder: tests never share state with
    // a user's Landfall or with each other.
    QCoreApplication::setOrganizationName(QStringLiteral("LandfallTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_window.reset(createWindow());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

MainWindow *TestMainWindow::createWindow()
{
    auto *window = new MainWindow;
    auto dialogs = std::make_unique<ScriptedDialogs>();
    m_dialogs = dialogs.get();
    window->setFileDialogs(std::move(dialogs));
    window->show();
    return window;
}

QString TestMainWindow::projectWithVms(const QString &name, int count)
{
    const QString path = m_dir->filePath(name);
    auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
    if (!store || !testing::fillProject(**store, count))
        return {};
    return path;
}

void TestMainWindow::importThroughTheMenu()
{
    m_dialogs->createPath = m_dir->filePath(QStringLiteral("new.landfall"));
    m_window->newAction()->trigger();
    QVERIFY(m_window->store());
    QCOMPARE(m_window->inventoryModel()->rowCount(), 0);

    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    m_dialogs->importPaths = {sample("workshop-answers-sample.csv"), sample("rvtools-vinfo-sample.csv")};
    m_window->importAction()->trigger();
    QVERIFY(m_window->isImporting());
    QVERIFY(!m_window->importAction()->isEnabled());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!m_window->isImporting());
    QVERIFY(m_window->importAction()->isEnabled());
    // The workshop answers were applied after the inventory, whatever order they were chosen in.
    QCOMPARE(m_window->inventoryModel()->rowCount(), 39);
    const int row =
        m_window->inventoryModel()->rowForId(m_window->store()->vmIdsByName(QStringLiteral("lon-db-0700000")).value(0));
    QVERIFY(row >= 0);
    QCOMPARE(m_window->inventoryModel()->vmRow(row).answer(Attribute::Role), QStringLiteral("database"));
    QCOMPARE(m_window->inventoryView()->filterModel()->rowCount(), 39);
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("countsLabel"))->text().contains(QLatin1String("39 VMs")));
}

void TestMainWindow::importByDragAndDrop()
{
    m_dialogs->createPath = m_dir->filePath(QStringLiteral("dropped.landfall"));
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(sample("rvtools-vinfo-sample.csv"))});
    const QPoint centre = m_window->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    // No project was open: the drop asked where to create one, then imported into it.
    QVERIFY(m_window->store());
    QCOMPARE(m_window->store()->path(), m_dialogs->createPath);
    QVERIFY(finished.wait(30000));
    QCOMPARE(m_window->inventoryModel()->rowCount(), 39);

    // Something that is not an inventory is not taken.
    auto *text = new QMimeData;
    text->setUrls({QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("notes.txt")))});
    QDragEnterEvent refused(centre, Qt::CopyAction, text, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &refused);
    QVERIFY(!refused.isAccepted());
    delete text;
    delete mime;
}

void TestMainWindow::editThenUndoAndRedo()
{
    QVERIFY(m_window->openProject(projectWithVms(QStringLiteral("edit.landfall"), 30)));
    InventoryView *view = m_window->inventoryView();
    QTableView *table = view->table();
    const int column = InventoryTableModel::columnForAttribute(Attribute::Stack);
    const QModelIndex cell = view->filterModel()->index(4, column);
    const qint64 id = cell.data(InventoryTableModel::IdRole).toLongLong();

    // Edit in place, as a user does: F2 opens the combo box, a choice commits it.
    table->setFocus();
    table->setCurrentIndex(cell);
    QTest::keyClick(table, Qt::Key_F2);
    auto *combo = table->findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->count(), int(WorkshopAnswers::allowedValues(Attribute::Stack).size()));
    const int java = combo->findText(QStringLiteral("java"));
    QVERIFY(java >= 0);
    combo->setCurrentIndex(java);
    Q_EMIT combo->activated(java);
    QCOMPARE(m_window->undoStack()->count(), 1);
    QCOMPARE(cell.data().toString(), QStringLiteral("java"));
    QCOMPARE(m_window->store()->vm(id)->answers.value(Attribute::Stack), QStringLiteral("java"));
    QVERIFY(m_window->isWindowModified());

    QVERIFY(m_window->undoAction()->isEnabled());
    m_window->undoAction()->trigger();
    QCOMPARE(cell.data().toString(), QStringLiteral("unknown"));
    QCOMPARE(m_window->store()->vm(id)->answers.value(Attribute::Stack), QStringLiteral("unknown"));
    QVERIFY(!m_window->isWindowModified());

    QVERIFY(m_window->redoAction()->isEnabled());
    m_window->redoAction()->trigger();
    QCOMPARE(cell.data().toString(), QStringLiteral("java"));
    QCOMPARE(m_window->store()->vm(id)->answers.value(Attribute::Stack), QStringLiteral("java"));

    // The same through the keyboard shortcuts.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(cell.data().toString(), QStringLiteral("unknown"));
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cell.data().toString(), QStringLiteral("java"));
}

void TestMainWindow::bulkEditIsOneUndoStep()
{
    QVERIFY(m_window->openProject(projectWithVms(QStringLiteral("bulk.landfall"), 100)));
    InventoryView *view = m_window->inventoryView();
    QTableView *table = view->table();
    const QAbstractItemModel *shown = table->model();
    table->selectionModel()->select(
        QItemSelection(shown->index(10, 0), shown->index(49, InventoryTableModel::ColumnCount - 1)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(view->selectedVmIds().size(), 40);

    // Edit > Set Answer for Selection > Role > web, as the menu offers it.
    QAction *web = m_window->findChild<QAction *>(QStringLiteral("role=web"));
    QVERIFY(web);
    web->trigger();
    QCOMPARE(m_window->undoStack()->count(), 1);
    const int role = InventoryTableModel::columnForAttribute(Attribute::Role);
    for (int row = 10; row < 50; ++row)
        QCOMPARE(shown->index(row, role).data().toString(), QStringLiteral("web"));
    QCOMPARE(shown->index(9, role).data().toString(), QStringLiteral("unknown"));
    QCOMPARE(shown->index(50, role).data().toString(), QStringLiteral("unknown"));

    m_window->undoAction()->trigger();
    for (int row = 0; row < 100; ++row)
        QCOMPARE(shown->index(row, role).data().toString(), QStringLiteral("unknown"));
    m_window->redoAction()->trigger();
    int web_count = 0;
    for (const VmListRow &row : m_window->store()->vmListRows())
        web_count += row.answer(Attribute::Role) == QLatin1String("web") ? 1 : 0;
    QCOMPARE(web_count, 40);
}

void TestMainWindow::findFocusesTheSearch()
{
    QVERIFY(m_window->openProject(projectWithVms(QStringLiteral("find.landfall"), 20)));
    QApplication::setActiveWindow(m_window.get());
    m_window->findAction()->trigger();
    QCOMPARE(QApplication::focusWidget(), m_window->inventoryView()->searchField());
    QTest::keyClicks(m_window->inventoryView()->searchField(), QStringLiteral("muc"));
    QTest::keyClick(m_window->inventoryView()->searchField(), Qt::Key_Return);
    QCOMPARE(m_window->inventoryView()->filterModel()->rowCount(), 5);
}

void TestMainWindow::filtersFromTheFilterBar()
{
    QVERIFY(m_window->openProject(projectWithVms(QStringLiteral("filter.landfall"), 70)));
    auto *power = m_window->findChild<QComboBox *>(QStringLiteral("powerFilter"));
    QVERIFY(power);
    power->setCurrentIndex(power->findData(QStringLiteral("poweredOff")));
    QCOMPARE(m_window->inventoryView()->filterModel()->rowCount(), 10);
    auto *cluster = m_window->findChild<QComboBox *>(QStringLiteral("clusterFilter"));
    cluster->setCurrentIndex(cluster->findData(QStringLiteral("CL-LON-1")));
    QVERIFY(m_window->inventoryView()->filterModel()->rowCount() < 10);
    power->setCurrentIndex(0);
    cluster->setCurrentIndex(0);
    QCOMPARE(m_window->inventoryView()->filterModel()->rowCount(), 70);
}

void TestMainWindow::filtersByPathFollowTheDecisions()
{
    QVERIFY(m_window->openProject(projectWithVms(QStringLiteral("paths.landfall"), 70)));
    const DecisionTableModel *plan = m_window->workspace()->decisions();
    QTRY_VERIFY(!plan->loading()); // the plan loads beside the first paint
    QCOMPARE(plan->rowCount(), 70);
    // The most common path but retire: marking a VM for decommissioning takes it off that path.
    QMap<MigrationPath, QList<qint64>> byPath;
    for (int row = 0; row < plan->rowCount(); ++row)
        byPath[plan->decision(row).path].append(plan->decision(row).vmId);
    byPath.remove(MigrationPath::Retire);
    QVERIFY(!byPath.isEmpty());
    MigrationPath chosen = byPath.firstKey();
    for (auto it = byPath.cbegin(); it != byPath.cend(); ++it) {
        if (it->size() > byPath[chosen].size())
            chosen = it.key();
    }
    const QList<qint64> onPath = byPath[chosen];

    auto *path = m_window->findChild<QComboBox *>(QStringLiteral("pathFilter"));
    QVERIFY(path);
    QVERIFY(path->isEnabled());
    path->setCurrentIndex(path->findData(int(chosen)));
    InventoryFilterModel *shown = m_window->inventoryView()->filterModel();
    QCOMPARE(shown->rowCount(), onPath.size());
    for (int row = 0; row < shown->rowCount(); ++row)
        QVERIFY(onPath.contains(shown->index(row, 0).data(InventoryTableModel::IdRole).toLongLong()));

    // A VM marked for decommissioning leaves its path, and the filtered table.
    QTableView *table = m_window->inventoryView()->table();
    table->selectionModel()->select(shown->index(0, 0),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(m_window->inventoryView()->setAnswerOnSelection(Attribute::Decommission, QStringLiteral("yes")));
    QTRY_COMPARE(shown->rowCount(), onPath.size() - 1);

    path->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 70);
}

void TestMainWindow::recentList()
{
    const QString first = projectWithVms(QStringLiteral("first.landfall"), 3);
    const QString second = projectWithVms(QStringLiteral("second.landfall"), 4);
    m_dialogs->openPath = first;
    m_window->openAction()->trigger();
    m_dialogs->openPath = second;
    m_window->openAction()->trigger();
    QCOMPARE(m_window->recentFiles()->files(), QStringList({second, first}));
    QList<QAction *> entries = m_window->recentMenu()->actions();
    QCOMPARE(entries.first()->data().toString(), second);
    QVERIFY(entries.first()->text().contains(QLatin1String("second.landfall")));

    // Choosing an entry opens it and moves it first.
    entries[1]->trigger();
    QCOMPARE(m_window->store()->path(), first);
    QCOMPARE(m_window->inventoryModel()->rowCount(), 3);
    QCOMPARE(m_window->recentFiles()->files().first(), first);

    // The list survives a restart, through QSettings.
    m_window.reset(createWindow());
    QCOMPARE(m_window->recentFiles()->files(), QStringList({first, second}));
    QCOMPARE(m_window->recentMenu()->actions().first()->data().toString(), first);

    // A project that has gone is dropped from the list when it fails to open.
    QVERIFY(QFile::remove(second));
    QVERIFY(!m_window->openProject(second));
    QCOMPARE(m_window->recentFiles()->files(), QStringList({first}));
}

void TestMainWindow::titleShowsProjectAndModifiedState()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Landfall"));
    QVERIFY(m_window->openProject(projectWithVms(QStringLiteral("title.landfall"), 5)));
    QVERIFY(m_window->windowTitle().startsWith(QLatin1String("title.landfall[*]")));
    QVERIFY(!m_window->isWindowModified());
    m_window->inventoryView()->table()->selectRow(0);
    QVERIFY(m_window->inventoryView()->setAnswerOnSelection(Attribute::Gui, QStringLiteral("none")));
    QVERIFY(m_window->isWindowModified());
}

void TestMainWindow::aboutShowsTheVersion()
{
    AboutDialog about;
    QVERIFY(about.text().contains(QLatin1String(LANDFALL_VERSION)));
}

void TestMainWindow::exportMenuHoldsTheArtefacts()
{
    // File > Export > Dockerfiles and Manifests..., enabled once a project is open.
    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("exportMenu"));
    QVERIFY(menu);
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("exportArtefactsAction"));
    QVERIFY(action);
    QVERIFY(menu->actions().contains(action));
    QVERIFY(!action->isEnabled());
    QVERIFY(m_window->openProject(projectWithVms(QStringLiteral("export.landfall"), 5)));
    QVERIFY(action->isEnabled());
}

void TestMainWindow::aFileNamedLikeHtmlShowsAsPlainText()
{
    // Issue 21: a file named like HTML, with a link, is shown as its characters, never as a link.
    const QString name = QStringLiteral("<h1>big<h1><a href='mailto:x'>click<a>.landfall"); // no '/' in a name
    const QString path = m_dir->filePath(name);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a project");
    file.close();
    QVERIFY(!m_window->openProject(path));
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"));
    QVERIFY(box);
    QCOMPARE(box->textFormat(), Qt::PlainText);
    QVERIFY(box->text().contains(QStringLiteral("<a href=")));
    for (QLabel *label : box->findChildren<QLabel *>())
        QVERIFY(label->textFormat() == Qt::PlainText || !label->text().contains(QStringLiteral("<a href")));
    box->close();
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::theFirstWindowIsNoLargerThanTheScreen()
{
    // No saved geometry (init() cleared the settings): the first size is at most the screen's,
    // unless the window cannot be made that small. It was 1440x880 on any screen, which hid the
    // summary's figures beyond the right edge of a 1280x720 projector.
    const QSize screen = m_window->screen()->availableGeometry().size();
    const QSize smallest = m_window->minimumSizeHint();
    QVERIFY2(m_window->width() <= std::max(screen.width(), smallest.width()),
             qPrintable(QString::number(m_window->width())));
    QVERIFY2(m_window->height() <= std::max(screen.height(), smallest.height()),
             qPrintable(QString::number(m_window->height())));
}

void TestMainWindow::theSummaryAsksForTheWidthOfItsFigures()
{
    auto *panel = m_window->findChild<ProjectSummaryPanel *>(QStringLiteral("projectSummaryPanel"));
    auto *figures = m_window->findChild<QLabel *>(QStringLiteral("projectSummaryFigures"));
    QVERIFY(panel && figures);
    QSignalSpy refreshed(panel, &ProjectSummaryPanel::refreshed);
    QVERIFY(m_window->openProject(projectWithVms(QStringLiteral("summary.landfall"), 5)));
    QVERIFY(refreshed.wait(5000));
    // A word-wrapped label would otherwise be as narrow as its dock, and cut the figures off.
    const int label = figures->fontMetrics().horizontalAdvance(QStringLiteral("SRM placeholders skipped"));
    QVERIFY2(figures->minimumWidth() > label, qPrintable(QString::number(figures->minimumWidth())));
}

#include "tst_mainwindow.moc"
