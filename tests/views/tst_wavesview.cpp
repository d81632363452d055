#include "guifixture.h"

#include "charts/wavegantt.h"
#include "dependencygraphview.h"
#include "store/projectstore.h"
#include "waves/dependencyimporter.h"
#include "waves/waveplanmodel.h"
#include "wavesview.h"

#include <QFile>
#include <QLabel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTreeView>
#include <QUndoStack>

using namespace landfall;
using namespace landfall::testing;

namespace {

int groupOfVm(const WavePlanModel &model, const QString &vm)
{
    const WaveInput &input = model.input();
    for (size_t i = 0; i < input.vms.size(); ++i) {
        if (input.vms[i].name == vm)
            return model.plan().groupOfVm[i];
    }
    return -1;
}

} // namespace

/** The Waves page driven offscreen: groups, the Gantt chart, the dependency graph, a drag of a
    group to another wave as an undoable edit, and a move group set from the page. */
class TestWavesView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { isolateSettings(m_settings, "tst_wavesview"); }

    void groupsWavesGraphAndDrag()
    {
        QTemporaryDir dir;
        auto window = windowWithSampleProject(dir.filePath(QStringLiteral("w.landfall")));
        QVERIFY(window);
        WavesView *view = window->wavesView();
        QVERIFY(view);
        auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("views"));
        window->showView(tabs->indexOf(view));
        QVERIFY(view->isVisible());

        // Dependencies: a web and an application server on one database, another pair, an outside service.
        const QString deps = dir.filePath(QStringLiteral("deps.csv"));
        QFile file(deps);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("source,target,port,protocol\n"
                   "muc-web-0700033,lon-db-0700000,1433,tcp\n"
                   "muc-app-0700002,lon-db-0700000,1433,tcp\n"
                   "fra-app-0700024,fra-db-0700010,5432,tcp\n"
                   "fra-app-0700024,api.partner.example,443,tcp\n");
        file.close();
        const auto read = DependencyImporter::readFile(deps);
        QVERIFY(read.ok());
        QVERIFY(window->store()->importDependencies(read.value().connections).ok());
        WavePlanModel *model = view->model();
        WaveParameters parameters = model->parameters();
        parameters.maxVms = 5;
        parameters.start = QDate(2027, 2, 1);
        QVERIFY(model->setParameters(parameters));
        model->reload();

        const WavePlan &plan = model->plan();
        QVERIFY(plan.waves.size() >= 3);
        auto *groups = qobject_cast<QStandardItemModel *>(view->groupTree()->model());
        QCOMPARE(groups->rowCount(), int(plan.groups.size()));
        const int database = groupOfVm(*model, QStringLiteral("lon-db-0700000"));
        QVERIFY(database >= 0);
        QCOMPARE(groupOfVm(*model, QStringLiteral("muc-web-0700033")), database);
        QCOMPARE(plan.groups[size_t(database)].reason, MoveGroup::Reason::Dependencies);

        // The graph of the pair with the outside service: two members, the endpoint, two edges.
        const int pair = groupOfVm(*model, QStringLiteral("fra-app-0700024"));
        const QString pairName = plan.groups[size_t(pair)].name;
        view->selectGroup(pairName);
        QCOMPARE(view->graph()->nodeCount(), 3);
        QCOMPARE(view->graph()->edgeCount(), 2);

        // Drag the pair's chip onto another wave's row: one undo step, a pin, and a report.
        const int from = plan.groups[size_t(pair)].wave;
        const int to = from == 1 ? 2 : 1;
        const QPoint chip = view->gantt()->chipPosition(pairName);
        const QPoint row = view->gantt()->rowPosition(to);
        QVERIFY(!chip.isNull());
        QVERIFY(!row.isNull());
        QSignalSpy dropped(view->gantt(), &WaveGantt::groupDropped);
        QTest::mousePress(view->gantt()->viewport(), Qt::LeftButton, {}, chip);
        QTest::mouseMove(view->gantt()->viewport(), row);
        QTest::mouseRelease(view->gantt()->viewport(), Qt::LeftButton, {}, row);
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(window->undoStack()->count(), 1);
        const int moved = model->plan().groupIndex(pairName);
        QCOMPARE(model->plan().groups[size_t(moved)].wave, to);
        QVERIFY(model->plan().groups[size_t(moved)].pinned);
        QCOMPARE(window->store()->wavePins().value(pairName), to);
        QVERIFY(view->issuesLabel()->text().startsWith(QStringLiteral("Moving %1 to wave %2").arg(pairName).arg(to)));

        window->undoStack()->undo();
        QVERIFY(window->store()->wavePins().isEmpty());
        QCOMPARE(model->plan().groups[size_t(model->plan().groupIndex(pairName))].wave, from);
        window->undoStack()->redo();
        QCOMPARE(window->store()->wavePins().value(pairName), to);
        window->undoStack()->undo();

        // The consultant's move group, set from the page and undone.
        const qint64 a = window->store()->vmIdsByName(QStringLiteral("ams-print-0700027")).constFirst();
        const qint64 b = window->store()->vmIdsByName(QStringLiteral("lon-print-0700039")).constFirst();
        view->setMoveGroup({a, b}, QStringLiteral("Printing"));
        const int printing = model->plan().groupIndex(QStringLiteral("Printing"));
        QVERIFY(printing >= 0);
        QCOMPARE(model->plan().groups[size_t(printing)].reason, MoveGroup::Reason::MoveGroup);
        QCOMPARE(model->plan().groups[size_t(printing)].members.size(), size_t(2));
        window->undoStack()->undo();
        QCOMPARE(model->plan().groupIndex(QStringLiteral("Printing")), -1);
        QVERIFY(window->store()->moveGroups().isEmpty());
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestWavesView)
#include "tst_wavesview.moc"
