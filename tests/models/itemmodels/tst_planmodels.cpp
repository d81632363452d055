#include "../../support/testtimeout.h"
#include "inventoryfixture.h"

#include "itemmodels/comparedscenariosmodel.h"
#include "itemmodels/decisionfiltermodel.h"
#include "itemmodels/decisiontablemodel.h"
#include "itemmodels/inventorytablemodel.h"
#include "itemmodels/nodesizesweepmodel.h"
#include "itemmodels/oscountmodel.h"
#include "itemmodels/planpathcountmodel.h"
#include "itemmodels/resourcecomparisonmodel.h"
#include "itemmodels/ruletablemodel.h"
#include "itemmodels/scenariocomparisonmodel.h"
#include "itemmodels/setoverridecommand.h"
#include "itemmodels/setrulescommand.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTransposeProxyModel>
#include <QUndoStack>

using namespace landfall;
using Tester = QAbstractItemModelTester;

/** The plan's item models and their undo commands: each model and proxy checked by
    QAbstractItemModelTester through its changes, and the live re-classification timed. */
class TestPlanModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void decisionModelsPassTheTester();
    void overrideCommandUndoes();
    void backgroundLoadLandsTheSamePlan();
    void ruleModelPassesTheTester();
    void scenarioModelsPassTheTester();
    void dashboardSaysWhenNodeDiskLimits();
    void oneVmReclassifiesWithin100msAt10000Vms();

private:
    std::unique_ptr<ProjectStore> project(int vms);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPlanModels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestPlanModels::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<ProjectStore> TestPlanModels::project(int vms)
{
    auto store = ProjectStore::open(m_dir->filePath(QStringLiteral("p%1.landfall").arg(vms)),
                                    ProjectStore::OpenMode::CreateIfMissing);
    if (!store || !testing::fillProject(**store, vms))
        return nullptr;
    return std::move(*store);
}

void TestPlanModels::decisionModelsPassTheTester()
{
    auto store = project(300);
    QVERIFY(store);
    DecisionTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    DecisionFilterModel filter;
    filter.setSourceModel(&model);
    Tester filterTester(&filter, Tester::FailureReportingMode::QtTest);
    PlanPathCountModel counts(&model);
    Tester countsTester(&counts, Tester::FailureReportingMode::QtTest);
    InventoryTableModel inventory;
    OsCountModel systems(&inventory);
    Tester systemsTester(&systems, Tester::FailureReportingMode::QtTest);

    model.setStore(store.get());
    inventory.setStore(store.get());
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.columnCount(), int(DecisionTableModel::ColumnCount));
    int total = 0;
    for (int row = 0; row < counts.rowCount(); ++row)
        total += counts.index(row, PlanPathCountModel::Vms).data().toInt();
    QCOMPARE(total, 300);
    QVERIFY(systems.rowCount() > 0);
    QVERIFY(systems.rowCount() <= OsCountModel::kMaxRows);
    filter.setText(QStringLiteral("lon-"));
    QVERIFY(filter.rowCount() > 0 && filter.rowCount() < 300);
    filter.setPath(model.decision(0).path);
    QVERIFY(filter.rowCount() > 0);
    filter.sort(DecisionTableModel::Path);
    filter.setText({});
    filter.setPath(std::nullopt);
    QCOMPARE(filter.rowCount(), 300);
    model.reload();
    QCOMPARE(model.rowCount(), 300);

    // The plan sorts by its decisions: paths in plan order, names case-insensitively.
    filter.sort(DecisionTableModel::Path);
    for (int row = 1; row < filter.rowCount(); ++row) {
        const auto path = [&](int at) { return model.decision(filter.mapToSource(filter.index(at, 0)).row()).path; };
        QVERIFY(path(row - 1) <= path(row));
    }
    filter.sort(DecisionTableModel::Name, Qt::DescendingOrder);
    for (int row = 1; row < filter.rowCount(); ++row) {
        const QString above = filter.index(row - 1, DecisionTableModel::Name).data().toString();
        const QString below = filter.index(row, DecisionTableModel::Name).data().toString();
        QVERIFY2(QString::compare(above, below, Qt::CaseInsensitive) >= 0, qPrintable(above + u" / " + below));
    }
}

void TestPlanModels::overrideCommandUndoes()
{
    auto store = project(20);
    QVERIFY(store);
    DecisionTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setStore(store.get());
    QUndoStack stack;
    const qint64 id = model.decision(5).vmId;
    const MigrationPath before = model.decision(5).path;
    const MigrationPath after = before == MigrationPath::Retain ? MigrationPath::Retire : MigrationPath::Retain;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ManualOverride value;
    value.path = after;
    value.note = QStringLiteral("workshop decision");
    stack.push(new SetOverrideCommand(&model, id, value));
    QCOMPARE(model.decision(5).path, after);
    QVERIFY(model.decision(5).overridden);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store->overrides().size(), 1);
    stack.undo();
    QCOMPARE(model.decision(5).path, before);
    QVERIFY(store->overrides().isEmpty());
    stack.redo();
    QCOMPARE(model.manualOverride(id)->note, QStringLiteral("workshop decision"));
}

void TestPlanModels::backgroundLoadLandsTheSamePlan()
{
    auto store = project(500);
    QVERIFY(store);
    DecisionTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy loading(&model, &DecisionTableModel::loadingChanged);
    model.setStoreInBackground(store.get());
    QVERIFY(model.loading());
    QCOMPARE(model.rowCount(), 0);

    // An edit while the plan loads: the plan that lands must hold the VM's new decision.
    const qint64 edited = store->vms().at(7).id;
    QVERIFY(!store->setWorkshopAnswer(WorkshopAnswers::Attribute::Decommission, {{edited, QStringLiteral("yes")}}));
    model.reclassifyVms({edited});
    QTRY_VERIFY(!model.loading());
    QCOMPARE(loading.size(), 2);

    DecisionTableModel direct;
    direct.setStore(store.get());
    QCOMPARE(model.rowCount(), 500);
    QCOMPARE(model.decision(model.rowForId(edited)).path, MigrationPath::Retire);
    for (int row = 0; row < direct.rowCount(); ++row)
        QCOMPARE(model.decision(row), direct.decision(row));
    // The project keeps the plan it shows.
    QCOMPARE(store->decisions().size(), 500);
    QCOMPARE(store->decisions().at(model.rowForId(edited)).path, MigrationPath::Retire);
}

void TestPlanModels::ruleModelPassesTheTester()
{
    auto store = project(10);
    QVERIFY(store);
    RuleTableModel rules;
    Tester tester(&rules, Tester::FailureReportingMode::QtTest);
    rules.setStore(store.get());
    QCOMPARE(rules.rowCount(), int(RuleSet::defaults().size()));
    QSignalSpy changed(&rules, &RuleTableModel::rulesChanged);
    RuleSet edited = rules.rules();
    QCOMPARE(edited.setEnabled(0, false), std::nullopt);
    QUndoStack stack;
    stack.push(new SetRulesCommand(&rules, edited, QStringLiteral("disable")));
    QCOMPARE(changed.size(), 1);
    QVERIFY(!rules.rules().at(0).enabled);
    QCOMPARE(rules.index(0, RuleTableModel::Enabled).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    stack.undo();
    QVERIFY(rules.rules().at(0).enabled);
    QVERIFY(rules.rules() == RuleSet::defaults());
}

void TestPlanModels::dashboardSaysWhenNodeDiskLimits()
{
    // The demo's sweep read 31 nodes at 32, 48, 64 and 96 vCPU: node disk filled first.
    DensityResult result;
    const auto pool = [](const char *limiting, int nodes) {
        PoolResult p;
        p.limitingResource = QLatin1String(limiting);
        p.nodes = nodes;
        return p;
    };
    result.pools = {pool("disk", 7), pool("memory", 2), pool("disk", 11), pool("system", 2)};
    const QString note = ResourceComparisonModel::diskLimitNote(result);
    QVERIFY2(note.contains(QLatin1String("18 of the 20 workload nodes")), qPrintable(note));
    ResourceComparisonModel resources;
    resources.setResult(QStringLiteral("s"), {}, result);
    QCOMPARE(resources.warning(), note);
    // Where vCPU or memory fill most nodes, larger nodes do need fewer: no note.
    result.pools = {pool("disk", 3), pool("cpu", 7)};
    QVERIFY(ResourceComparisonModel::diskLimitNote(result).isEmpty());
}

void TestPlanModels::scenarioModelsPassTheTester()
{
    auto store = project(120);
    QVERIFY(store);
    DecisionTableModel decisions;
    decisions.setStore(store.get());
    QList<Workload> workloads;
    // Generated VMs carry no answers; their workloads are made by hand from every Linux VM.
    for (int row = 0; row < decisions.rowCount(); ++row) {
        const Vm &vm = decisions.vm(row);
        const bool linux = vm.os.family == QLatin1String("rhel") || vm.os.family == QLatin1String("ubuntu");
        if (linux && vm.vcpu <= 4 && vm.memoryMiB <= 8192) {
            Decision decision = decisions.decision(row);
            decision.path = MigrationPath::Containerize;
            decision.baseImage = QStringLiteral("docker.io/library/ubuntu:22.04");
            decision.isolation = Isolation::Process;
            workloads.append(Workload::fromVm(vm, decision));
        }
    }
    QVERIFY(!workloads.isEmpty());

    ScenarioComparisonModel scenarios;
    Tester tester(&scenarios, Tester::FailureReportingMode::QtTest);
    ComparedScenariosModel compared;
    compared.setSourceModel(&scenarios);
    Tester comparedTester(&compared, Tester::FailureReportingMode::QtTest);
    QTransposeProxyModel transposed;
    transposed.setSourceModel(&compared);
    Tester transposedTester(&transposed, Tester::FailureReportingMode::QtTest);
    ResourceComparisonModel resources;
    Tester resourcesTester(&resources, Tester::FailureReportingMode::QtTest);
    NodeSizeSweepModel sweep;
    Tester sweepTester(&sweep, Tester::FailureReportingMode::QtTest);

    Scenario second;
    second.name = QStringLiteral("large nodes");
    second.node.vcpu = 16;
    second.node.memoryGiB = 64;
    scenarios.setWorkloads(workloads);
    scenarios.setScenarios({Scenario(), second});
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy(), landfall::test::scaledTimeout(30000));
    QVERIFY2(scenarios.result(0) && scenarios.result(1),
             qPrintable(scenarios.index(0, ScenarioComparisonModel::Status).data().toString()));
    QCOMPARE(scenarios.index(0, ScenarioComparisonModel::ContainerNodes).data().toInt(),
             scenarios.result(0)->containerNodes);
    QCOMPARE(compared.rowCount(), 2);
    QCOMPARE(transposed.columnCount(), 2);
    scenarios.setData(scenarios.index(1, 0), Qt::Unchecked, Qt::CheckStateRole);
    QCOMPARE(compared.rowCount(), 1);
    Scenario edited = second;
    edited.node.nPlusOne = false;
    scenarios.setScenario(1, edited);
    Scenario third;
    third.name = QStringLiteral("third");
    scenarios.addScenario(third);
    scenarios.removeScenario(0);
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy(), landfall::test::scaledTimeout(30000));
    QCOMPARE(scenarios.rowCount(), 2);

    resources.setResult(scenarios.scenario(0).name, workloads, scenarios.result(0));
    QVERIFY(resources.value(ResourceComparisonModel::Vcpu, ResourceComparisonModel::Before) > 0);
    sweep.compute(Scenario(), workloads);
    QTRY_VERIFY_WITH_TIMEOUT(!sweep.isBusy(), landfall::test::scaledTimeout(30000));
    // Every size is a row; one too small for some workload says why and has no node count.
    QCOMPARE(sweep.rowCount(), int(Scenario().nodeSizes.size()));
    int current = 0;
    for (int row = 0; row < sweep.rowCount(); ++row) {
        const bool fits = sweep.index(row, NodeSizeSweepModel::Feasible).data().toBool();
        if (fits) {
            QVERIFY(sweep.index(row, NodeSizeSweepModel::Nodes).data().toInt() > 0);
            QVERIFY(sweep.index(row, NodeSizeSweepModel::Reason).data().toString().isEmpty());
        } else {
            QVERIFY(!sweep.index(row, NodeSizeSweepModel::Nodes).data().isValid());
            QVERIFY(!sweep.index(row, NodeSizeSweepModel::Reason).data().toString().isEmpty());
        }
        current += sweep.index(row, NodeSizeSweepModel::Current).data().toBool() ? 1 : 0;
    }
    QVERIFY(current <= 1);
    // The sweep's row at the scenario's own size is the scenario's own packing: the same nodes.
    sweep.compute(scenarios.scenario(0), workloads);
    QTRY_VERIFY_WITH_TIMEOUT(!sweep.isBusy(), landfall::test::scaledTimeout(30000));
    current = 0;
    for (int row = 0; row < sweep.rowCount(); ++row) {
        if (!sweep.index(row, NodeSizeSweepModel::Current).data().toBool())
            continue;
        QCOMPARE(sweep.index(row, NodeSizeSweepModel::Nodes).data().toInt(), scenarios.result(0)->containerNodes);
        ++current;
    }
    QCOMPARE(current, 1);

    // A scenario that mixes sizes and prices none counts nodes until the project's price book
    // prices its sizes; then the mix minimises cost.
    Scenario mixing;
    mixing.name = QStringLiteral("mixed");
    mixing.packing.mixNodeSizes = true;
    scenarios.setScenarios({mixing});
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy(), landfall::test::scaledTimeout(30000));
    const auto mixBasis = [&]() {
        QString basis;
        for (const PoolResult &pool : scenarios.result(0)->pools)
            if (pool.sizeMix)
                basis = pool.sizeMix->basis;
        return basis;
    };
    QVERIFY(scenarios.result(0));
    QCOMPARE(mixBasis(), QStringLiteral("nodes"));
    scenarios.setPriceBook(PriceBook::builtIn());
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy(), landfall::test::scaledTimeout(30000));
    QVERIFY(scenarios.result(0));
    QCOMPARE(mixBasis(), QStringLiteral("hourly"));
}

void TestPlanModels::oneVmReclassifiesWithin100msAt10000Vms()
{
    auto store = project(10000);
    QVERIFY(store);
    InventoryTableModel inventory;
    inventory.setStore(store.get());
    DecisionTableModel decisions;
    decisions.setStore(store.get());
    PlanPathCountModel counts(&decisions);
    const int retired = counts.count(MigrationPath::Retire);
    const qint64 id = inventory.vmRow(4321).id;

    // The edit as the inventory makes it, then the plan and its counts: what the GUI does live.
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!inventory.setAnswers(WorkshopAnswers::Attribute::Decommission, {{id, QStringLiteral("yes")}}));
    decisions.reclassifyVms({id});
    const qint64 elapsed = timer.elapsed();
    qInfo("edit, re-classify and recount one VM of 10,000: %lld ms", elapsed);
    QCOMPARE(decisions.decision(decisions.rowForId(id)).path, MigrationPath::Retire);
    QCOMPARE(counts.count(MigrationPath::Retire), retired + 1);
    QVERIFY2(elapsed < 100, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
}

QTEST_MAIN(TestPlanModels)
#include "tst_planmodels.moc"
