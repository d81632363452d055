#include "../support/testtimeout.h"
#include "guifixture.h"

#include "charts/chartstyle.h"
#include "charts/dashboardview.h"
#include "charts/livechartview.h"
#include "helpdialog.h"
#include "recentfiles.h"
#include "startpage.h"
#include "store/projectstore.h"
#include "workspaceviews.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QImage>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>

using namespace landfall;

/** The start page, the Help menu and copying a chart (issue 18, items 7, 8 and 9). */
class TestStartPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startPageWhileNoProjectIsOpen();
    void recentProjectOpensFromTheStartPage();
    void demoOpensWithScenariosAndDependencies();
    void helpShowsTheGuideAndEveryShortcut();
    void copyChartPutsAPictureOnTheClipboard();
    void copyChartFromTheChartsOwnMenu();

private:
    std::unique_ptr<MainWindow> newWindow();
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
};

void TestStartPage::initTestCase()
{
    testing::isolateSettings(m_settingsDir, "tst_startpage");
    // The demo button writes to the user's data folder: the test's own one.
    QStandardPaths::setTestModeEnabled(true);
}

std::unique_ptr<MainWindow> TestStartPage::newWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->setFileDialogs(std::make_unique<testing::SilentDialogs>());
    window->show();
    return window;
}

void TestStartPage::startPageWhileNoProjectIsOpen()
{
    auto window = newWindow();
    StartPage *start = window->startPage();
    QVERIFY(start && start->isVisible());
    auto *views = window->findChild<QTabWidget *>(QStringLiteral("views"));
    QVERIFY(!views->isVisible());
    // Each way to begin is a button that triggers the window's own action.
    for (const auto &[object, action] :
         {std::pair{"startNew", window->newAction()}, std::pair{"startOpen", window->openAction()},
          std::pair{"startImport", window->importAction()}}) {
        auto *button = start->findChild<QPushButton *>(QLatin1String(object));
        QVERIFY2(button && button->isVisible(), object);
        QSignalSpy triggered(action, &QAction::triggered);
        button->click();
        QCOMPARE(triggered.size(), 1);
    }
    // The dialogs answered nothing: still no project, still the start page.
    QVERIFY(!window->store());
    QVERIFY(start->isVisible());

    // "Open the demo" needs no dialog: the demo project opens, and the views replace the start page.
    QSignalSpy finished(window.get(), &MainWindow::importFinished);
    start->findChild<QPushButton *>(QStringLiteral("startDemo"))->click();
    QVERIFY(finished.wait(60000));
    QVERIFY(window->store());
    QCOMPARE(window->store()->path(), MainWindow::defaultDemoPath());
    QVERIFY(!start->isVisible());
    QVERIFY(views->isVisible());
}

void TestStartPage::recentProjectOpensFromTheStartPage()
{
    const QString path = m_dir.filePath(QStringLiteral("recent.landfall"));
    {
        auto first = newWindow();
        QVERIFY(first->newProject(path));
    }
    auto window = newWindow();
    QListWidget *list = window->startPage()->recentList();
    QListWidgetItem *item = nullptr;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == path)
            item = list->item(row);
    }
    QVERIFY2(item, "the project just created is listed");
    QVERIFY(item->text().startsWith(QLatin1String("recent.landfall")));
    Q_EMIT list->itemActivated(item);
    QVERIFY(window->store());
    QCOMPARE(window->store()->path(), path);
    QVERIFY(!window->startPage()->isVisible());

    // A list emptied says what to do rather than showing nothing.
    window->recentFiles()->clear();
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(QLatin1String("demo")));
    QCOMPARE(list->item(0)->flags(), Qt::NoItemFlags);
}

void TestStartPage::demoOpensWithScenariosAndDependencies()
{
    auto window = newWindow();
    const QString path = m_dir.filePath(QStringLiteral("demo.landfall"));
    QSignalSpy finished(window.get(), &MainWindow::importFinished);
    QVERIFY(window->openDemo(path));
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().first().toBool());
    QCOMPARE(window->store()->path(), path);
    QVERIFY(!window->startPage()->isVisible());
    // The demo's 320 VMs, its hosts, its two scenarios and its dependencies.
    QVERIFY2(window->store()->vmCount() > 300, qPrintable(QString::number(window->store()->vmCount())));
    QVERIFY(!window->store()->hosts().isEmpty());
    QVERIFY(window->store()->scenarioDefinition(QStringLiteral("aks-16x64")).has_value());
    QVERIFY(window->store()->scenarioDefinition(QStringLiteral("aks-32x128-licence-included")).has_value());
    QTRY_VERIFY(!window->store()->dependencies().isEmpty());

    // Opened again, the demo starts afresh: the same figures, not twice the VMs.
    const qint64 vms = window->store()->vmCount();
    finished.clear();
    QVERIFY(window->openDemo(path));
    QVERIFY(finished.wait(60000));
    QCOMPARE(window->store()->vmCount(), vms);
}

void TestStartPage::helpShowsTheGuideAndEveryShortcut()
{
    auto window = newWindow();
    window->userGuideAction()->trigger();
    auto *help = window->findChild<HelpDialog *>(QStringLiteral("helpDialog"));
    QVERIFY(help && help->isVisible());
    QVERIFY(help->guide()->isVisible());
    const QString guide = help->guide()->toPlainText();
    QVERIFY2(guide.contains(QLatin1String("Landfall user guide")), qPrintable(guide.left(200)));
    QVERIFY(guide.contains(QLatin1String("Presenter Mode")));
    // Markdown rendered, not shown raw.
    QVERIFY(!guide.contains(QLatin1String("# Landfall")));
    QVERIFY(!guide.contains(QLatin1String("**")));

    window->shortcutsAction()->trigger();
    QCOMPARE(window->findChildren<HelpDialog *>().size(), 1); // the same dialog, on its other page
    QTableWidget *table = help->shortcuts();
    QVERIFY(table->isVisible());
    QHash<QString, QString> keys;
    for (int row = 0; row < table->rowCount(); ++row)
        keys.insert(table->item(row, 1)->text(), table->item(row, 2)->text());
    QCOMPARE(keys.value(QStringLiteral("Presenter Mode")), QStringLiteral("F5"));
    QVERIFY2(keys.value(QStringLiteral("Full Screen")).contains(QLatin1String("F11")),
             qPrintable(keys.value(QStringLiteral("Full Screen"))));
    QCOMPARE(keys.value(QStringLiteral("Copy Chart")),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C).toString(QKeySequence::NativeText));
    QCOMPARE(keys.value(QStringLiteral("Import Inventory")),
             QKeySequence(Qt::CTRL | Qt::Key_I).toString(QKeySequence::NativeText));
    QCOMPARE(keys.value(QStringLiteral("Dashboard")),
             QKeySequence(Qt::CTRL | Qt::Key_5).toString(QKeySequence::NativeText));
    QVERIFY(keys.contains(QStringLiteral("User Guide")));
}

void TestStartPage::copyChartPutsAPictureOnTheClipboard()
{
    auto window = testing::windowWithSampleProject(m_dir.filePath(QStringLiteral("copy.landfall")));
    QVERIFY(window);
    // The Inventory has no chart: nothing to copy there.
    window->showView(0);
    QVERIFY(!window->chartToCopy());
    DashboardView *dashboard = window->workspace()->dashboard();
    window->showView(4);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->osChart()->emptyText().isEmpty(), landfall::test::scaledTimeout(10000));
    // The chart with the focus is the one copied.
    dashboard->osChart()->setFocus();
    QTRY_VERIFY(dashboard->osChart()->hasFocus());
    QCOMPARE(window->chartToCopy(), dashboard->osChart());
    QApplication::clipboard()->clear();
    window->copyChartAction()->trigger();
    const QImage image = QApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1920, 1200));
    // The picture is the chart, not a blank page: it holds the bars' colour.
    bool hasBars = false;
    for (int y = 0; y < image.height() && !hasBars; y += 8) {
        for (int x = 0; x < image.width() && !hasBars; x += 8)
            hasBars = image.pixelColor(x, y) == ChartStyle::primary();
    }
    QVERIFY(hasBars);
}

void TestStartPage::copyChartFromTheChartsOwnMenu()
{
    auto window = testing::windowWithSampleProject(m_dir.filePath(QStringLiteral("menu.landfall")));
    QVERIFY(window);
    DashboardView *dashboard = window->workspace()->dashboard();
    window->showView(4);
    LiveChartView *chart = dashboard->pathChart();
    QTRY_VERIFY_WITH_TIMEOUT(chart->emptyText().isEmpty(), landfall::test::scaledTimeout(10000));
    QApplication::clipboard()->clear();
    bool triggered = false;
    // The menu runs its own loop: pick its entry from inside it.
    QTimer::singleShot(100, this, [&triggered]() {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *action : menu->actions()) {
            if (action->objectName() == QLatin1String("copyChartAction") && action->isEnabled()) {
                action->trigger();
                triggered = true;
            }
        }
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(20, 20), chart->mapToGlobal(QPoint(20, 20)));
    QCoreApplication::sendEvent(chart->viewport(), &event);
    QVERIFY(triggered);
    QVERIFY(!QApplication::clipboard()->image().isNull());
}

QTEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
