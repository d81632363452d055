#include "../support/testtimeout.h"
#include "guifixture.h"

#include "charts/dashboardview.h"
#include "charts/livechartview.h"
#include "scenarioform.h"
#include "scenarioview.h"
#include "workspaceviews.h"

#include "itemmodels/comparedscenariosmodel.h"
#include "itemmodels/nodesizesweepmodel.h"
#include "itemmodels/resourcecomparisonmodel.h"
#include "itemmodels/scenariocomparisonmodel.h"
#include "store/projectstore.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QPieSeries>
#include <QSpinBox>
#include <QTableView>
#include <QUndoStack>

using namespace landfall;

/** The scenarios page and the dashboard: a scenario edit is stored, re-packed in the background
    and changes the charts; every chart exports; workshop mode enlarges them. */
class TestDashboard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void scenarioEditChangesTheChart();
    void duplicateAndCompare();
    void everyChartExportsPngAndSvg();
    void workshopModeEnlargesTheCharts();
    void donutFollowsThePlan();

private:
    static QBarSet *barSet(LiveChartView *view, int index);
    void waitForPacking();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    WorkspaceViews *m_workspace = nullptr;
};

void TestDashboard::initTestCase()
{
    testing::isolateSettings(m_settingsDir, "tst_dashboard");
}

void TestDashboard::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = testing::windowWithSampleProject(m_dir->filePath(QStringLiteral("dashboard.landfall")));
    QVERIFY(m_window);
    m_workspace = m_window->workspace();
    waitForPacking();
}

void TestDashboard::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestDashboard::waitForPacking()
{
    m_workspace->repackNow();
    QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->scenarios()->isBusy() && !m_workspace->sweep()->isBusy(),
                             landfall::test::scaledTimeout(30000));
    QCoreApplication::processEvents(); // the charts rebuild on the next turn of the event loop
}

QBarSet *TestDashboard::barSet(LiveChartView *view, int index)
{
    const QList<QAbstractSeries *> series = view->chart()->series();
    auto *bars = series.isEmpty() ? nullptr : qobject_cast<QAbstractBarSeries *>(series.constFirst());
    return bars && index < bars->count() ? bars->barSets().at(index) : nullptr;
}

void TestDashboard::scenarioEditChangesTheChart()
{
    ScenarioView *view = m_workspace->scenarioView();
    ScenarioComparisonModel *scenarios = m_workspace->scenarios();
    QCOMPARE(scenarios->rowCount(), 1);
    QCOMPARE(scenarios->scenario(0).name, QStringLiteral("default"));
    LiveChartView *chart = m_workspace->dashboard()->scenarioChart();
    // The sample has a 32-vCPU workload: the default 8-vCPU nodes cannot run it, so it is listed
    // as not schedulable and the rest of the plan still packs (issue 14).
    QVERIFY(scenarios->result(0));
    QVERIFY(!scenarios->result(0)->notSchedulable.isEmpty());
    QVERIFY(scenarios->index(0, ScenarioComparisonModel::NotSchedulable).data().toInt() > 0);
    view->selectRow(0);
    qobject_cast<QSpinBox *>(view->form()->editor(QStringLiteral("node.vcpu")))->setValue(64);
    qobject_cast<QDoubleSpinBox *>(view->form()->editor(QStringLiteral("node.memoryGiB")))->setValue(256);
    QVERIFY(view->commitEdits());
    waitForPacking();
    QVERIFY2(scenarios->result(0), qPrintable(scenarios->index(0, ScenarioComparisonModel::Status).data().toString()));
    QVERIFY(scenarios->result(0)->workloads > 0);
    QVERIFY(scenarios->result(0)->notSchedulable.isEmpty());
    QBarSet *nodes = barSet(chart, 1);
    QVERIFY(nodes);
    QCOMPARE(nodes->count(), 1);
    const double nodesBefore = nodes->at(0);
    QCOMPARE(int(nodesBefore), scenarios->result(0)->containerNodes);

    // The consultant asks for a larger Linux system pool: four more container nodes.
    view->selectRow(0);
    auto *systemPool = qobject_cast<QSpinBox *>(view->form()->editor(QStringLiteral("node.linuxSystemPoolNodes")));
    QVERIFY(systemPool);
    QVERIFY(systemPool->toolTip().contains(QLatin1String("Default: 2")));
    systemPool->setValue(systemPool->value() + 4);
    QVERIFY(view->commitEdits());
    waitForPacking();
    QCOMPARE(scenarios->result(0)->containerNodes, int(nodesBefore) + 4);
    nodes = barSet(chart, 1);
    QVERIFY(nodes);
    QCOMPARE(nodes->at(0), nodesBefore + 4);
    // Stored with the project.
    const std::optional<QString> stored = m_window->store()->scenarioDefinition(QStringLiteral("default"));
    QVERIFY(stored);
    QVERIFY(stored->contains(QLatin1String("\"linuxSystemPoolNodes\":6")));

    // Undo takes the edit back, in the form, the project, the result and the chart; redo again.
    QUndoStack *undo = m_window->undoStack();
    undo->undo();
    QCOMPARE(systemPool->value(), 2);
    QVERIFY(m_window->store()
                ->scenarioDefinition(QStringLiteral("default"))
                ->contains(QLatin1String("\"linuxSystemPoolNodes\":2")));
    waitForPacking();
    QCOMPARE(scenarios->result(0)->containerNodes, int(nodesBefore));
    QCOMPARE(barSet(chart, 1)->at(0), nodesBefore);
    undo->redo();
    QCOMPARE(systemPool->value(), 6);
    waitForPacking();
    QCOMPARE(barSet(chart, 1)->at(0), nodesBefore + 4);
}

void TestDashboard::duplicateAndCompare()
{
    ScenarioView *view = m_workspace->scenarioView();
    view->selectRow(0);
    QVERIFY(view->duplicateCurrent());
    QCOMPARE(m_workspace->scenarios()->rowCount(), 2);
    QCOMPARE(view->currentRow(), 1);
    QCOMPARE(m_window->store()->scenarioNames().size(), 2);
    auto *nodeVcpu = qobject_cast<QSpinBox *>(view->form()->editor(QStringLiteral("node.vcpu")));
    nodeVcpu->setValue(64);
    qobject_cast<QDoubleSpinBox *>(view->form()->editor(QStringLiteral("node.memoryGiB")))->setValue(256);
    QVERIFY(view->commitEdits());
    waitForPacking();
    // Side by side: a column per scenario in the table, a category per scenario in the chart.
    QCOMPARE(view->compareTable()->model()->columnCount(), 2);
    QCOMPARE(m_workspace->dashboard()->scenarioChart()->chart()->axes(Qt::Horizontal).size(), 1);
    QCOMPARE(barSet(m_workspace->dashboard()->scenarioChart(), 0)->count(), 2);
    // Unticked scenarios leave the comparison.
    m_workspace->scenarios()->setData(m_workspace->scenarios()->index(0, 0), Qt::Unchecked, Qt::CheckStateRole);
    QCOMPARE(view->compareTable()->model()->columnCount(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(barSet(m_workspace->dashboard()->scenarioChart(), 0)->count(), 1);

    // Removing and duplicating are undo steps too.
    QUndoStack *undo = m_window->undoStack();
    const QString copyName = m_workspace->scenarios()->scenario(1).name;
    view->selectRow(1);
    QVERIFY(view->removeCurrent());
    QCOMPARE(m_workspace->scenarios()->rowCount(), 1);
    QCOMPARE(m_window->store()->scenarioNames().size(), 1);
    undo->undo();
    QCOMPARE(m_workspace->scenarios()->rowCount(), 2);
    QCOMPARE(m_workspace->scenarios()->scenario(1).name, copyName);
    QCOMPARE(m_workspace->scenarios()->scenario(1).node.vcpu, 64); // with its edits
    QVERIFY(m_window->store()->scenarioDefinition(copyName));
    QCOMPARE(undo->count(), 3); // the duplicate, its edit (vCPU and memory at once), the removal
    undo->undo();               // the edit
    QCOMPARE(m_workspace->scenarios()->scenario(1).node.vcpu, 8);
    undo->undo(); // the duplicate itself
    QCOMPARE(m_workspace->scenarios()->rowCount(), 1);
    QVERIFY(!m_window->store()->scenarioDefinition(copyName));
    undo->redo();
    QCOMPARE(m_workspace->scenarios()->rowCount(), 2);
    QVERIFY(m_window->store()->scenarioDefinition(copyName));
}

void TestDashboard::everyChartExportsPngAndSvg()
{
    const QList<LiveChartView *> charts = m_workspace->dashboard()->charts();
    QCOMPARE(charts.size(), 5);
    for (LiveChartView *chart : charts) {
        const QString png = m_dir->filePath(chart->objectName() + QStringLiteral(".png"));
        const QString svg = m_dir->filePath(chart->objectName() + QStringLiteral(".svg"));
        QVERIFY2(chart->exportTo(png), qPrintable(png));
        QVERIFY2(chart->exportTo(svg), qPrintable(svg));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1600);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("<text")); // vector text, not a picture of it
    }
}

void TestDashboard::workshopModeEnlargesTheCharts()
{
    LiveChartView *chart = m_workspace->dashboard()->pathChart();
    const int before = chart->chart()->titleFont().pixelSize();
    QAction *workshop = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(Qt::Key_F9))
            workshop = action;
    }
    QVERIFY(workshop);
    workshop->setChecked(true);
    QVERIFY(chart->chart()->titleFont().pixelSize() > before * 1.2);
    workshop->setChecked(false);
    QCOMPARE(chart->chart()->titleFont().pixelSize(), before);
}

void TestDashboard::donutFollowsThePlan()
{
    LiveChartView *chart = m_workspace->dashboard()->pathChart();
    auto *pie = qobject_cast<QPieSeries *>(chart->chart()->series().value(0));
    QVERIFY(pie);
    QCOMPARE(int(pie->sum()), 39);
    QCOMPARE(pie->count(), 5);
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
