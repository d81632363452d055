// The node-size sweep against the scenario's own run, and the packing cache that lets the report's
// scenarios and sweeps share what they have in common without changing a figure.
#include "density/densityengine.h"
#include "density/nodesizesweep.h"
#include "density/packingcache.h"
#include "density/scenario.h"

#include <QTest>

using namespace landfall;

namespace {

/** VMs sized as provisioned, vCPU and memory drawn independently, the same on every call (a fixed
    linear congruential sequence): hard enough that a node count depends on how long the local
    search runs (at 32 x 128, a third of the effort packs one node more). */
QList<Workload> estate(int count)
{
    QList<Workload> workloads;
    quint32 state = 17;
    const auto next = [&state](quint32 range) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % range;
    };
    for (int i = 0; i < count; ++i) {
        Workload w;
        w.vmId = i + 1;
        w.name = QStringLiteral("vm%1").arg(i + 1);
        w.vcpu = 1 + int(next(16));
        w.memoryMiB = double(1024 + int(next(63 * 1024)));
        workloads.append(w);
    }
    return workloads;
}

Scenario scenario(int vcpu, double memoryGiB)
{
    Scenario s = Scenario::purePacking(); // the VM's vCPU and memory on the node, nothing added
    s.name = QStringLiteral("%1x%2").arg(vcpu).arg(memoryGiB);
    s.node.vcpu = vcpu;
    s.node.memoryGiB = memoryGiB;
    s.nodeSizes = {{16, 64}, {32, 128}, {64, 256}};
    s.packing.effortMs = 20; // little search: how much of it a point gets shows in its node count
    return s;
}

const NodeSizePoint *pointAt(const QList<NodeSizePoint> &points, int vcpu)
{
    for (const NodeSizePoint &point : points)
        if (point.size.vcpu == vcpu)
            return &point;
    return nullptr;
}

} // namespace

class TestNodeSizeSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    /** A customer's architect reads the headline and the sweep's "current size" side by side:
        they are one packing, so they agree. */
    void pointAtOwnSizeIsTheHeadline_data()
    {
        QTest::addColumn<int>("vcpu");
        QTest::addColumn<double>("memoryGiB");
        QTest::newRow("16x64") << 16 << 64.0;
        QTest::newRow("32x128") << 32 << 128.0;
        QTest::newRow("64x256") << 64 << 256.0;
    }
    void pointAtOwnSizeIsTheHeadline()
    {
        QFETCH(int, vcpu);
        QFETCH(double, memoryGiB);
        const QList<Workload> workloads = estate(3000);
        const Scenario s = scenario(vcpu, memoryGiB);
        const auto headline = DensityEngine(s).run(workloads);
        QVERIFY(headline);
        const QList<NodeSizePoint> sweep = NodeSizeSweep::run(s, workloads);
        const NodeSizePoint *own = pointAt(sweep, vcpu);
        QVERIFY(own);
        QVERIFY(own->feasible);
        QCOMPARE(own->nodes, headline.value().containerNodes);
        QCOMPARE(own->lowerBound, headline.value().containerNodesLowerBound);
        QCOMPARE(own->vcpuBought, headline.value().containerVcpuBought);
        QCOMPARE(own->memoryGiBBought, headline.value().containerMemoryGiBBought);
        QCOMPARE(own->notSchedulable, int(headline.value().notSchedulable.size()));
    }

    /** The report's runs through one cache: every figure as each run gives it alone, and what the
        runs have in common packed once. */
    void sharedCacheChangesNoFigure()
    {
        const QList<Workload> workloads = estate(3000);
        const QList<Scenario> scenarios{scenario(32, 128), scenario(64, 256)};
        PackingCache packings;
        DensityEngine::Options cached;
        cached.packings = &packings;
        for (const Scenario &s : scenarios) {
            const auto alone = DensityEngine(s).run(workloads);
            const auto shared = DensityEngine(s).run(workloads, cached);
            QVERIFY(alone && shared);
            QCOMPARE(shared.value().toJson(), alone.value().toJson());
        }
        const int ownRuns = packings.packed();
        QVERIFY(ownRuns > 0);
        for (const Scenario &s : scenarios) {
            const QList<NodeSizePoint> alone = NodeSizeSweep::run(s, workloads);
            const QList<NodeSizePoint> shared = NodeSizeSweep::run(s, workloads, &packings);
            QCOMPARE(NodeSizeSweep::toJson(shared), NodeSizeSweep::toJson(alone));
        }
        // Each sweep's points at 32 and 64 vCPU are the two scenarios' own pools, and the second
        // sweep's 16 vCPU point is the first's: only the 16 vCPU pools were packed anew.
        PackingCache sixteen;
        NodeSizeSweep::point(scenarios.first(), {16, 64}, workloads, &sixteen);
        QCOMPARE(packings.packed(), ownRuns + sixteen.packed());
    }

    void cacheKeysOnProblemAndSettings()
    {
        PackingProblem problem;
        problem.dimensions = 2;
        problem.capacity = {100, 100, 0, 0};
        for (int i = 0; i < 40; ++i)
            problem.items.push_back({10 + (i * 37) % 50, 10 + (i * 53) % 50, 0, 0});
        PackerSettings settings;
        PackingCache packings;
        const PackOutcome first = packings.pack(problem, settings);
        const PackOutcome again = packings.pack(problem, settings);
        QCOMPARE(packings.packed(), 1);
        QCOMPARE(packings.reused(), 1);
        QCOMPARE(again.packing.binOf, first.packing.binOf);
        QCOMPARE(first.packing.binOf, VectorPacker::pack(problem, settings).packing.binOf);

        settings.searchEffort /= 2; // another budget is another packing
        packings.pack(problem, settings);
        QCOMPARE(packings.packed(), 2);
        problem.items.back()[1] += 1; // so is another item
        packings.pack(problem, settings);
        QCOMPARE(packings.packed(), 3);
        problem.capacity[0] = 120; // and another node
        packings.pack(problem, settings);
        QCOMPARE(packings.packed(), 4);
        QCOMPARE(packings.reused(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNodeSizeSweep)
#include "tst_nodesizesweep.moc"
