#include "../support/testtimeout.h"
#include "guifixture.h"

#include "inventoryview.h"
#include "mainwindow.h"
#include "planview.h"
#include "report/reportdialog.h"
#include "ruleseditor.h"
#include "scenarioview.h"
#include "workspaceviews.h"

#include "itemmodels/comparedscenariosmodel.h"
#include "itemmodels/decisionfiltermodel.h"
#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/inventoryfiltermodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "itemmodels/scenariocomparisonmodel.h"
#include "store/projectstore.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QUndoStack>

using namespace landfall;

namespace {

/** Gives the selected VMs an answer some of them do not have yet: an edit that is an undo step. */
bool changeAnswer(InventoryView *view, WorkshopAnswers::Attribute attribute)
{
    for (const QString &value : WorkshopAnswers::allowedValues(attribute)) {
        if (view->setAnswerOnSelection(attribute, value))
            return true;
    }
    return false;
}

/** The key of a VM's answer, as the table holds it. */
QString answerOf(InventoryView *view, int row, WorkshopAnswers::Attribute attribute)
{
    return view->filterModel()
        ->index(row, InventoryTableModel::columnForAttribute(attribute))
        .data(InventoryTableModel::KeyRole)
        .toString();
}

} // namespace

/** State belongs to its project and its view (issue 18, item 2): each leak a consultant met,
    as a regression test, with the main window driven offscreen. */
class TestProjectState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void inventoryStateResetsWhenAnotherProjectOpens_data();
    void inventoryStateResetsWhenAnotherProjectOpens();
    void planAndRulesStateResetsWhenAnotherProjectOpens();
    void renamedScenarioIsRenamedInTheComparison();
    void workInProgressMessageClearsWhenTheWorkEnds();
    void workInProgressMessageNeverFollowsIntoAnotherProject();
    void selectionCountIsPerView();
    void reclassificationKeepsTheSelectedVm();
    void titleAndSavedLabelAgree();
    void filterHidingEveryRowSaysSoAndOffersToClear();
    void undoLabelsNameTheQuestion();
    void importRefusalShowsTheProblemsAndImportsTheGoodRows();
    void reportDialogLabelsHaveNoLiteralAmpersand();
    void presenterModeHidesThePanelsAndGivesThemBack();

private:
    void typeSearch(const QString &text);
    int countsSelectedShown() const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestProjectState::initTestCase()
{
    testing::isolateSettings(m_settingsDir, "tst_projectstate");
}

void TestProjectState::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = testing::windowWithSampleProject(m_dir->filePath(QStringLiteral("first.landfall")));
    QVERIFY(m_window);
}

void TestProjectState::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestProjectState::typeSearch(const QString &text)
{
    QLineEdit *search = m_window->inventoryView()->searchField();
    search->clear();
    QTest::keyClicks(search, text);
    QTest::keyClick(search, Qt::Key_Return); // filters at once, without the typing pause
}

void TestProjectState::inventoryStateResetsWhenAnotherProjectOpens_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("File > New") << QStringLiteral("new");
    QTest::newRow("File > Open") << QStringLiteral("open");
    QTest::newRow("File > Import") << QStringLiteral("import");
}

void TestProjectState::inventoryStateResetsWhenAnotherProjectOpens()
{
    QFETCH(QString, how);
    InventoryView *view = m_window->inventoryView();
    const QString other = m_dir->filePath(QStringLiteral("other.landfall"));
    if (how == QLatin1String("open")) {
        QVERIFY(m_window->newProject(other)); // a project to open later, with the sample VMs
        QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
        QVERIFY(m_window->importFiles({testing::sample("rvtools-vinfo-sample.csv")}));
        QVERIFY(finished.wait(30000));
        QVERIFY(m_window->openProject(m_dir->filePath(QStringLiteral("first.landfall"))));
    }

    // The last project's habits: a filter, a sort, a selection, an edit, a message.
    view->table()->sortByColumn(InventoryTableModel::Vcpu, Qt::DescendingOrder);
    view->table()->selectRow(0);
    QVERIFY(changeAnswer(view, WorkshopAnswers::Attribute::Role));
    typeSearch(QStringLiteral("lon-"));
    QVERIFY(view->filterModel()->rowCount() < m_window->inventoryModel()->rowCount());
    m_window->statusBar()->showMessage(QStringLiteral("Saved; re-packing the last project..."));
    QVERIFY(m_window->undoStack()->count() > 0);

    if (how == QLatin1String("new")) {
        QVERIFY(m_window->newProject(other));
    } else if (how == QLatin1String("open")) {
        QVERIFY(m_window->openProject(other));
    } else {
        // The window asks for a new project when none is open; here one is, and gets the VMs.
        QVERIFY(m_window->newProject(other));
        typeSearch(QStringLiteral("lon-")); // typed before the import, on an empty project
    }
    if (how != QLatin1String("open")) {
        QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
        QVERIFY(m_window->importFiles({testing::sample("rvtools-vinfo-sample.csv")}));
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
    }

    QCOMPARE(m_window->inventoryModel()->rowCount(), 39);
    QCOMPARE(view->searchField()->text(), QString());
    QCOMPARE(view->filterModel()->rowCount(), 39); // not "0 shown", not "12 shown"
    for (const char *combo : {"osFamilyFilter", "clusterFilter", "powerFilter", "pathFilter"})
        QCOMPARE(view->findChild<QComboBox *>(QLatin1String(combo))->currentIndex(), 0);
    QCOMPARE(view->table()->horizontalHeader()->sortIndicatorSection(), int(InventoryTableModel::Name));
    QCOMPARE(view->table()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    QVERIFY(!view->table()->selectionModel()->hasSelection());
    QVERIFY(m_window->statusBar()->currentMessage() != QStringLiteral("Saved; re-packing the last project..."));
    QCOMPARE(m_window->undoStack()->count(), 0);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!view->noMatchBar()->isVisible());
}

void TestProjectState::planAndRulesStateResetsWhenAnotherProjectOpens()
{
    PlanView *plan = m_window->workspace()->planView();
    m_window->showView(1);
    QTRY_COMPARE(m_window->workspace()->decisions()->rowCount(), 39);
    plan->findChild<QLineEdit *>(QStringLiteral("planSearch"))->setText(QStringLiteral("lon-"));
    plan->pathFilter()->setCurrentIndex(2);
    plan->table()->sortByColumn(DecisionTableModel::Path, Qt::DescendingOrder);
    RulesEditor *rules = m_window->workspace()->rulesEditor();
    QCOMPARE(rules->setRuleEnabled(0, false), std::nullopt);
    QVERIFY(!rules->message()->text().isEmpty());

    QVERIFY(m_window->newProject(m_dir->filePath(QStringLiteral("other.landfall"))));
    QCOMPARE(plan->findChild<QLineEdit *>(QStringLiteral("planSearch"))->text(), QString());
    QCOMPARE(plan->pathFilter()->currentIndex(), 0);
    QCOMPARE(plan->table()->horizontalHeader()->sortIndicatorSection(), int(DecisionTableModel::Name));
    QVERIFY(!plan->currentVmId());
    QCOMPARE(rules->message()->text(), QString());
}

void TestProjectState::renamedScenarioIsRenamedInTheComparison()
{
    ScenarioView *view = m_window->workspace()->scenarioView();
    ScenarioComparisonModel *scenarios = m_window->workspace()->scenarios();
    QCOMPARE(scenarios->rowCount(), 1);
    const QString before = scenarios->scenario(0).name;
    QAbstractItemModel *comparison = view->compareTable()->model();
    QCOMPARE(comparison->headerData(0, Qt::Horizontal).toString(), before);
    // The header repaints only when told: a rename must say that the header changed.
    QSignalSpy headerChanged(comparison, &QAbstractItemModel::headerDataChanged);

    Scenario renamed = scenarios->scenario(0);
    renamed.name = QStringLiteral("Workshop 64 vCPU");
    QVERIFY(view->applyScenario(before, renamed));
    QVERIFY(headerChanged.count() >= 1);
    QCOMPARE(headerChanged.first().at(0).value<Qt::Orientation>(), Qt::Horizontal);
    QCOMPARE(comparison->headerData(0, Qt::Horizontal).toString(), renamed.name);
    QCOMPARE(view->comparedModel()->index(0, ScenarioComparisonModel::Name).data().toString(), renamed.name);
    QCOMPARE(view->list()->model()->index(0, 0).data().toString(), renamed.name);
    QVERIFY(m_window->store()->scenarioNames().contains(renamed.name));
    QVERIFY(!m_window->store()->scenarioNames().contains(before));
}

void TestProjectState::workInProgressMessageClearsWhenTheWorkEnds()
{
    ScenarioView *view = m_window->workspace()->scenarioView();
    ScenarioComparisonModel *scenarios = m_window->workspace()->scenarios();
    auto *message = view->findChild<QLabel *>(QStringLiteral("scenarioMessage"));
    QVERIFY(message);
    QTRY_VERIFY(!scenarios->isBusy());
    Scenario edited = scenarios->scenario(0);
    edited.node.vcpu = edited.node.vcpu * 2;
    QSignalSpy packed(scenarios, &ScenarioComparisonModel::resultChanged);
    QVERIFY(view->applyScenario(edited.name, edited));
    QVERIFY(message->text().contains(QLatin1String("re-packing")));
    QTRY_VERIFY_WITH_TIMEOUT(packed.count() > 0 && !scenarios->isBusy(), landfall::test::scaledTimeout(30000));
    QVERIFY2(!message->text().contains(QLatin1String("re-packing")), qPrintable(message->text()));
}

void TestProjectState::workInProgressMessageNeverFollowsIntoAnotherProject()
{
    ScenarioView *view = m_window->workspace()->scenarioView();
    ScenarioComparisonModel *scenarios = m_window->workspace()->scenarios();
    auto *message = view->findChild<QLabel *>(QStringLiteral("scenarioMessage"));
    Scenario edited = scenarios->scenario(0);
    edited.node.vcpu = edited.node.vcpu * 2;
    QVERIFY(view->applyScenario(edited.name, edited));
    QVERIFY(message->text().contains(QLatin1String("re-packing")));
    QVERIFY(m_window->newProject(m_dir->filePath(QStringLiteral("other.landfall"))));
    QCOMPARE(message->text(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios->isBusy(), landfall::test::scaledTimeout(30000));
    QCOMPARE(message->text(), QString());
}

int TestProjectState::countsSelectedShown() const
{
    const QString text = m_window->findChild<QLabel *>(QStringLiteral("countsLabel"))->text();
    return text.contains(QLatin1String("selected")) ? 1 : 0;
}

void TestProjectState::selectionCountIsPerView()
{
    InventoryView *view = m_window->inventoryView();
    m_window->showView(0);
    view->table()->selectAll();
    QTRY_COMPARE(countsSelectedShown(), 1); // the counts are recounted once per turn of the event loop
    for (int page = 1; page <= 3; ++page) { // Plan, Rules, Scenarios
        m_window->showView(page);
        QTRY_COMPARE(countsSelectedShown(), 0);
    }
    m_window->showView(0);
    QTRY_COMPARE(countsSelectedShown(), 1);
}

void TestProjectState::reclassificationKeepsTheSelectedVm()
{
    PlanView *plan = m_window->workspace()->planView();
    DecisionTableModel *decisions = m_window->workspace()->decisions();
    m_window->showView(1);
    QTRY_COMPARE(decisions->rowCount(), 39);
    // A VM far down the list, so that "row 0" or "the same row" would be another VM.
    const QModelIndex far = plan->table()->model()->index(20, 0);
    plan->table()->setCurrentIndex(far);
    const std::optional<qint64> chosen = plan->currentVmId();
    QVERIFY(chosen);
    const QString name = decisions->vm(decisions->rowForId(*chosen)).name;

    QCOMPARE(m_window->workspace()->rulesEditor()->setRuleEnabled(0, false), std::nullopt);
    QTRY_COMPARE(decisions->rowCount(), 39);
    QTRY_COMPARE(plan->currentVmId(), chosen);
    QVERIFY(plan->detail()->toPlainText().contains(name));
    m_window->undoAction()->trigger();
    QTRY_COMPARE(decisions->rowCount(), 39);
    QTRY_COMPARE(plan->currentVmId(), chosen);
}

void TestProjectState::titleAndSavedLabelAgree()
{
    auto *saved = m_window->findChild<QLabel *>(QStringLiteral("savedLabel"));
    QVERIFY(saved);
    const QString unchanged = saved->text();
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!unchanged.isEmpty());

    InventoryView *view = m_window->inventoryView();
    view->table()->selectRow(0);
    QVERIFY(changeAnswer(view, WorkshopAnswers::Attribute::Trust));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(saved->text() != unchanged);
    QVERIFY2(saved->text().contains(QLatin1String("Changed")), qPrintable(saved->text()));

    m_window->undoAction()->trigger();
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(saved->text(), unchanged);
    m_window->redoAction()->trigger();
    QVERIFY(m_window->isWindowModified());
    QVERIFY(saved->text() != unchanged);
}

void TestProjectState::filterHidingEveryRowSaysSoAndOffersToClear()
{
    InventoryView *view = m_window->inventoryView();
    m_window->showView(0);
    QVERIFY(!view->noMatchBar()->isVisible());
    typeSearch(QStringLiteral("no-such-vm-anywhere"));
    QCOMPARE(view->filterModel()->rowCount(), 0);
    QTRY_VERIFY(view->noMatchBar()->isVisible());
    auto *text = view->findChild<QLabel *>(QStringLiteral("inventoryNoMatchText"));
    QVERIFY(text->text().contains(QLatin1String("39")));

    auto *clear = view->findChild<QPushButton *>(QStringLiteral("inventoryClearFilters"));
    QVERIFY(clear && clear->isVisible());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(view->searchField()->text(), QString());
    QCOMPARE(view->filterModel()->rowCount(), 39);
    QVERIFY(!view->noMatchBar()->isVisible());
    // The debounced search does not bring the cleared text back.
    QTest::qWait(300);
    QCOMPARE(view->filterModel()->rowCount(), 39);

    // A combo filter that hides everything says so too.
    auto *power = view->findChild<QComboBox *>(QStringLiteral("powerFilter"));
    typeSearch(QStringLiteral("lon-"));
    bool hidden = false;
    for (int i = 1; i < power->count() && !hidden; ++i) {
        power->setCurrentIndex(i);
        QCoreApplication::processEvents();
        hidden = view->filterModel()->rowCount() == 0;
    }
    if (hidden) {
        QVERIFY(view->noMatchBar()->isVisible());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(power->currentIndex(), 0);
        QCOMPARE(view->filterModel()->rowCount(), 39);
    }
}

void TestProjectState::undoLabelsNameTheQuestion()
{
    using A = WorkshopAnswers::Attribute;
    InventoryView *view = m_window->inventoryView();
    QItemSelectionModel *selection = view->table()->selectionModel();
    const QString value = QStringLiteral("yes");
    int changing = 0;
    for (int row = 0; row < 8; ++row) {
        selection->select(view->filterModel()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        changing += answerOf(view, row, A::MustStayOnPrem) != value ? 1 : 0;
    }
    QVERIFY2(changing >= 2, "the sample's first VMs are expected to have no answer to this yet");
    QVERIFY(view->setAnswerOnSelection(A::MustStayOnPrem, value));
    const QString expected = QStringLiteral("Set Must stay on premises to yes on %1 VMs").arg(changing);
    QCOMPARE(m_window->undoStack()->undoText(), expected);
    QCOMPARE(m_window->undoAction()->text(), QStringLiteral("&Undo ") + expected);
    QVERIFY(!m_window->undoAction()->text().contains(QLatin1String("mustStayOnPrem")));

    view->table()->selectRow(0);
    const QString name = view->filterModel()->index(0, InventoryTableModel::Name).data().toString();
    const QString other = answerOf(view, 0, A::KernelDriver) == value ? QStringLiteral("no") : value;
    QVERIFY(view->setAnswerOnSelection(A::KernelDriver, other));
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Set Kernel driver of %1 to %2").arg(name, other));
}

void TestProjectState::importRefusalShowsTheProblemsAndImportsTheGoodRows()
{
    // The sample with one VM's vCPU count spoilt: a bad row among good ones.
    QFile in(testing::sample("rvtools-vinfo-sample.csv"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = in.readAll().split('\n');
    QList<QByteArray> cells = lines[1].split(',');
    QCOMPARE(cells.value(16), QByteArray("1")); // CPUs of lon-db-0700000
    cells[16] = "many";
    lines[1] = cells.join(',');
    const QString bad = m_dir->filePath(QStringLiteral("one-bad-row.csv"));
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(lines.join('\n'));
    out.close();

    QVERIFY(m_window->newProject(m_dir->filePath(QStringLiteral("other.landfall"))));
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QVERIFY(m_window->importFiles({bad}));
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.takeFirst().first().toBool());
    QCOMPARE(m_window->inventoryModel()->rowCount(), 0); // refused: the project is unchanged

    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("errorMessage"))) && box->isVisible());
    // The cause is in the dialog, not behind Show Details: file, row, column.
    const QString shown = box->informativeText();
    QVERIFY2(shown.contains(QLatin1String("one-bad-row.csv")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String(":2:")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("CPUs")), qPrintable(shown));
    auto *good = box->findChild<QPushButton *>(QStringLiteral("importGoodRows"));
    QVERIFY(good);
    QVERIFY2(good->text().contains(QLatin1String("38")), qPrintable(good->text()));

    good->click();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.takeFirst().first().toBool());
    QCOMPARE(m_window->inventoryModel()->rowCount(), 38);
}

void TestProjectState::reportDialogLabelsHaveNoLiteralAmpersand()
{
    ReportDialog dialog({QStringLiteral("default")}, m_window.get());
    dialog.show();
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    int mnemonics = 0;
    for (QLabel *label : labels) {
        if (!label->text().contains(u'&'))
            continue;
        ++mnemonics;
        // A label with a "&" and no buddy shows the "&" as it is: "&Logo:".
        QVERIFY2(label->buddy(), qPrintable(label->text()));
    }
    QVERIFY(mnemonics >= 5);
}

void TestProjectState::presenterModeHidesThePanelsAndGivesThemBack()
{
    QCOMPARE(m_window->presenterAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QVERIFY(m_window->fullScreenAction()->shortcuts().contains(QKeySequence(Qt::Key_F11)));
    auto *summary = m_window->findChild<QDockWidget *>(QStringLiteral("projectSummaryDock"));
    QVERIFY(summary && summary->isVisible());
    const QFont before = m_window->font();
    QVERIFY(!m_window->isWorkshopMode());

    m_window->presenterAction()->trigger();
    QVERIFY(m_window->isPresenterMode());
    QVERIFY(!summary->isVisible());
    QVERIFY(!m_window->statusBar()->isVisible());
    QVERIFY(m_window->isWorkshopMode());
    QVERIFY(m_window->font().pointSizeF() > before.pointSizeF());

    m_window->presenterAction()->trigger();
    QVERIFY(!m_window->isPresenterMode());
    QVERIFY(summary->isVisible());
    QVERIFY(m_window->statusBar()->isVisible());
    QVERIFY(!m_window->isWorkshopMode());
    QCOMPARE(m_window->font().pointSizeF(), before.pointSizeF());
}

QTEST_MAIN(TestProjectState)
#include "tst_projectstate.moc"
