#include "waves/waveplanner.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace landfall;

namespace {

/** A random estate: applications of a few VMs, explicit groups, loose VMs, every path and
    confidence, and a random dependency graph (cycles and links across applications included). */
WaveInput randomEstate(QRandomGenerator &random, int vmCount, int linkCount)
{
    static const MigrationPath paths[] = {MigrationPath::Rehost, MigrationPath::Containerize,
                                          MigrationPath::CloudNative, MigrationPath::Retire, MigrationPath::Retain};
    static const Confidence confidences[] = {Confidence::High, Confidence::Medium, Confidence::Low};
    WaveInput input;
    for (int i = 0; i < vmCount; ++i) {
        WaveVm vm;
        vm.id = i + 1;
        vm.name = QStringLiteral("vm%1").arg(i);
        const quint32 kind = random.bounded(10);
        if (kind < 5)
            vm.application = QStringLiteral("app%1").arg(random.bounded(std::max(1, vmCount / 4)));
        else if (kind < 6)
            vm.moveGroup = QStringLiteral("group%1").arg(random.bounded(std::max(1, vmCount / 10)));
        vm.path = paths[random.bounded(5)];
        vm.confidence = confidences[random.bounded(3)];
        vm.blockers = random.bounded(4) == 0 ? 1 : 0;
        vm.replicateGiB = random.bounded(2000);
        input.vms.push_back(vm);
    }
    for (int i = 0; i < linkCount; ++i) {
        const int a = int(random.bounded(vmCount));
        const int b = int(random.bounded(vmCount));
        if (a != b)
            input.links.push_back({a, b, int(random.bounded(65536))});
    }
    return input;
}

} // namespace

/** The wave plan's promises, over random estates and dependency graphs. */
class TestWaveProperties : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void randomEstates_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 60; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void randomEstates()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        const int vmCount = 5 + int(random.bounded(300));
        const WaveInput input = randomEstate(random, vmCount, int(random.bounded(quint32(vmCount * 3))));
        WaveParameters p;
        p.maxVms = 1 + int(random.bounded(40));
        p.maxTiB = 0.5 + random.bounded(10.0);
        p.waveDays = 1 + int(random.bounded(20));
        p.bandwidthGBPerDay = random.bounded(2) ? 0 : 100 + random.bounded(1000.0);
        p.start = QDate(2027, 3, 1);
        p.strongLinkThreshold = int(random.bounded(4));
        p.sharedServiceFanOut = 1 + int(random.bounded(30));
        if (random.bounded(2))
            WaveParameters::parseBlackout(QStringLiteral("2027-03-10..2027-03-20"), p.blackoutDates);
        QHash<QString, int> pins;
        const WavePlan unpinned = WavePlanner::plan(input, p);
        if (!unpinned.groups.empty() && random.bounded(2)) { // pin a few groups at random
            for (int i = 0; i < 3; ++i)
                pins.insert(unpinned.groups[random.bounded(quint32(unpinned.groups.size()))].name,
                            1 + int(random.bounded(6)));
        }
        const WavePlan plan = WavePlanner::plan(input, p, pins);

        // Every VM not retained is in exactly one wave, and its whole group with it.
        std::vector<int> waveOfVm(input.vms.size(), 0);
        int inWaves = 0;
        for (const Wave &wave : plan.waves) {
            int vms = 0;
            double tib = 0;
            for (const int g : wave.groups) {
                const MoveGroup &group = plan.groups[size_t(g)];
                QCOMPARE(group.wave, wave.number);
                for (const int member : group.members) {
                    if (input.vms[size_t(member)].path == MigrationPath::Retain)
                        continue;
                    QCOMPARE(waveOfVm[size_t(member)], 0);
                    waveOfVm[size_t(member)] = wave.number;
                    ++vms;
                    if (input.vms[size_t(member)].path != MigrationPath::Retire)
                        tib += input.vms[size_t(member)].replicateGiB / 1024.0;
                }
            }
            QCOMPARE(wave.vms, vms);
            QVERIFY(qAbs(wave.tib - tib) < 1e-6);
            inWaves += vms;
            // No wave over its limits, but for a group alone that is larger (flagged) or a pin.
            const bool over = wave.vms > p.maxVms || wave.tib > p.tibPerWave() + 1e-9;
            QCOMPARE(wave.overLimit, over);
            if (over) {
                bool pinned = false;
                for (const int g : wave.groups)
                    pinned = pinned || plan.groups[size_t(g)].pinned;
                QVERIFY2(pinned || (wave.groups.size() == 1 && plan.groups[size_t(wave.groups.front())].oversized),
                         qPrintable(QStringLiteral("wave %1 over its limit").arg(wave.number)));
            }
            QVERIFY(wave.start <= wave.end);
            QVERIFY(!p.blackoutDates.contains(wave.start));
        }
        for (size_t i = 0; i < input.vms.size(); ++i) {
            const bool retained = input.vms[i].path == MigrationPath::Retain;
            QCOMPARE(waveOfVm[i] == 0, retained);
        }
        for (size_t w = 1; w < plan.waves.size(); ++w)
            QVERIFY(plan.waves[w - 1].end < plan.waves[w].start);
        int retained = 0;
        for (const WaveVm &vm : input.vms)
            retained += vm.path == MigrationPath::Retain ? 1 : 0;
        QCOMPARE(plan.retainedVms, retained);
        QCOMPARE(inWaves + retained, int(input.vms.size()));

        // Every group's members are its own, and every VM is in one group.
        std::vector<int> seen(input.vms.size(), 0);
        for (size_t g = 0; g < plan.groups.size(); ++g) {
            for (const int member : plan.groups[g].members) {
                ++seen[size_t(member)];
                QCOMPARE(plan.groupOfVm[size_t(member)], int(g));
            }
        }
        for (const int count : seen)
            QCOMPARE(count, 1);

        // No group moves before a group it depends on unless the link is listed across waves.
        QSet<int> listed;
        for (const CrossWaveLink &cross : plan.crossWave)
            listed.insert(cross.link);
        bool anyPinned = false;
        for (const MoveGroup &group : plan.groups)
            anyPinned = anyPinned || group.pinned;
        for (size_t l = 0; l < input.links.size(); ++l) {
            const VmLink &link = input.links[l];
            const int fromWave = waveOfVm[size_t(link.source)];
            const int toWave = waveOfVm[size_t(link.target)];
            if (fromWave == 0 || toWave == 0 || input.vms[size_t(link.source)].path == MigrationPath::Retire ||
                input.vms[size_t(link.target)].path == MigrationPath::Retire)
                continue;
            QCOMPARE(listed.contains(int(l)), fromWave != toWave);
        }
        // Without pins, only a dependency cycle makes a client move first: check on the acyclic links.
        if (!anyPinned) {
            for (const CrossWaveLink &cross : plan.crossWave) {
                if (!cross.breaksOrder())
                    continue;
                bool reverseExists = false; // a path back from server to client closes a cycle
                QSet<int> reach{cross.toGroup};
                QList<int> frontier{cross.toGroup};
                while (!frontier.isEmpty() && !reverseExists) {
                    const int g = frontier.takeLast();
                    for (const VmLink &other : input.links) {
                        const auto still = [&](int vm) {
                            const MigrationPath path = input.vms[size_t(vm)].path;
                            return path != MigrationPath::Retain && path != MigrationPath::Retire;
                        };
                        if (plan.groupOfVm[size_t(other.source)] != g || !still(other.source) || !still(other.target))
                            continue;
                        const int next = plan.groupOfVm[size_t(other.target)];
                        if (next == cross.fromGroup)
                            reverseExists = true;
                        if (!reach.contains(next)) {
                            reach.insert(next);
                            frontier.append(next);
                        }
                    }
                }
                QVERIFY2(reverseExists, "a client moves before its server without a cycle or a pin");
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWaveProperties)
#include "tst_waveproperties.moc"
