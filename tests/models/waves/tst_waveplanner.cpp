#include "waves/dependencygraphlayout.h"
#include "waves/migrationramp.h"
#include "waves/waveplanner.h"

#include <QJsonArray>
#include <QTest>

using namespace landfall;

namespace {

/** A small estate written out by hand. */
class Estate {
public:
    Estate &vm(const QString &name, const QString &application = {}, const QString &moveGroup = {},
               MigrationPath path = MigrationPath::Rehost, Confidence confidence = Confidence::High, int blockers = 0,
               double gib = 10)
    {
        WaveVm w;
        w.id = qint64(m_input.vms.size()) + 1;
        w.name = name;
        w.application = application;
        w.moveGroup = moveGroup;
        w.path = path;
        w.confidence = confidence;
        w.blockers = blockers;
        w.replicateGiB = gib;
        m_input.vms.push_back(w);
        return *this;
    }
    Estate &link(const QString &from, const QString &to, int port = 443, int times = 1)
    {
        for (int i = 0; i < times; ++i)
            m_input.links.push_back({index(from), index(to), port + i});
        return *this;
    }
    int index(const QString &name) const
    {
        for (size_t i = 0; i < m_input.vms.size(); ++i) {
            if (m_input.vms[i].name == name)
                return int(i);
        }
        qFatal("no VM %s", qPrintable(name));
    }
    const WaveInput &input() const { return m_input; }

private:
    WaveInput m_input;
};

const MoveGroup &groupOf(const WavePlan &plan, const Estate &estate, const QString &vm)
{
    return plan.groups[size_t(plan.groupOfVm[size_t(estate.index(vm))])];
}

WaveParameters roomy()
{
    WaveParameters p;
    p.maxVms = 1000;
    p.maxTiB = 1000;
    p.bandwidthGBPerDay = 0;
    p.start = QDate(2027, 1, 4); // a Monday
    return p;
}

} // namespace

/** Move groups from each source in order, the waves under each constraint, the order, pins and moves. */
class TestWavePlanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void groupsFromEachSourceInOrder()
    {
        Estate e;
        e.vm(QStringLiteral("a1"), {}, QStringLiteral("Payroll"))
            .vm(QStringLiteral("a2"), QStringLiteral("Shop"), QStringLiteral("payroll")) // explicit beats application
            .vm(QStringLiteral("x1"), QStringLiteral("Shop"))
            .vm(QStringLiteral("x2"), QStringLiteral("shop"))
            .vm(QStringLiteral("d1")) // talks only to Shop: joins it
            .vm(QStringLiteral("s1")) // talks to Shop and Crm: joins neither
            .vm(QStringLiteral("c1"), QStringLiteral("Crm"))
            .vm(QStringLiteral("u1"))
            .vm(QStringLiteral("u2"))
            .vm(QStringLiteral("y1"), QStringLiteral("Billing"))
            .vm(QStringLiteral("z1"), QStringLiteral("Ledger"))
            .vm(QStringLiteral("lone"));
        e.link(QStringLiteral("d1"), QStringLiteral("x1"))
            .link(QStringLiteral("s1"), QStringLiteral("x2"))
            .link(QStringLiteral("s1"), QStringLiteral("c1"))
            .link(QStringLiteral("u1"), QStringLiteral("u2"))
            .link(QStringLiteral("a1"), QStringLiteral("x1"), 80, 20) // explicit groups never merge
            .link(QStringLiteral("y1"), QStringLiteral("z1"), 1000, 3);
        WaveParameters p = roomy();
        p.strongLinkThreshold = 3;
        WavePlan plan = WavePlanner::plan(e.input(), p);

        const MoveGroup &payroll = groupOf(plan, e, QStringLiteral("a2"));
        QCOMPARE(payroll.name, QStringLiteral("Payroll"));
        QCOMPARE(payroll.reason, MoveGroup::Reason::MoveGroup);
        QCOMPARE(payroll.members.size(), size_t(2));
        const MoveGroup &shop = groupOf(plan, e, QStringLiteral("x1"));
        QCOMPARE(shop.name, QStringLiteral("Shop"));
        QCOMPARE(shop.reason, MoveGroup::Reason::Dependencies); // d1 joined it through a link
        QCOMPARE(plan.groupOfVm[size_t(e.index(QStringLiteral("x2")))],
                 plan.groupOfVm[size_t(e.index(QStringLiteral("d1")))]);
        QCOMPARE(shop.members.size(), size_t(3));
        QCOMPARE(groupOf(plan, e, QStringLiteral("c1")).reason, MoveGroup::Reason::Application);
        QCOMPARE(groupOf(plan, e, QStringLiteral("s1")).reason, MoveGroup::Reason::Alone);
        const MoveGroup &linked = groupOf(plan, e, QStringLiteral("u2"));
        QCOMPARE(linked.reason, MoveGroup::Reason::Dependencies);
        QCOMPARE(linked.name, QStringLiteral("u1 and 1 linked"));
        const MoveGroup &strong = groupOf(plan, e, QStringLiteral("z1"));
        QCOMPARE(strong.reason, MoveGroup::Reason::StrongLinks);
        QCOMPARE(strong.name, QStringLiteral("Billing + Ledger"));
        QCOMPARE(groupOf(plan, e, QStringLiteral("lone")).reason, MoveGroup::Reason::Alone);
        QCOMPARE(groupOf(plan, e, QStringLiteral("lone")).name, QStringLiteral("lone"));

        // Below the threshold the two applications stay apart; at 0 strong links never merge.
        p.strongLinkThreshold = 4;
        plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(groupOf(plan, e, QStringLiteral("z1")).reason, MoveGroup::Reason::Application);
        p.strongLinkThreshold = 0;
        plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(groupOf(plan, e, QStringLiteral("y1")).name, QStringLiteral("Billing"));
    }

    void sharedServicesBindNoGroup()
    {
        Estate e;
        e.vm(QStringLiteral("dns"));
        for (int i = 0; i < 30; ++i)
            e.vm(QStringLiteral("vm%1").arg(i)).link(QStringLiteral("vm%1").arg(i), QStringLiteral("dns"), 53);
        WaveParameters p = roomy();
        p.sharedServiceFanOut = 25;
        WavePlan plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(plan.groups.size(), size_t(31));
        p.sharedServiceFanOut = 30;
        plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(plan.groups.size(), size_t(1));
    }

    void limits_data()
    {
        QTest::addColumn<int>("maxVms");
        QTest::addColumn<double>("maxTiB");
        QTest::addColumn<double>("bandwidth");
        QTest::addColumn<int>("waves");
        // Ten applications of three VMs of 400 GiB each (1.17 TiB a group).
        QTest::newRow("max VMs") << 7 << 1000.0 << 0.0 << 5;
        QTest::newRow("max TiB") << 1000 << 2.5 << 0.0 << 5;
        QTest::newRow("bandwidth") << 1000 << 1000.0 << 300.0 << 4; // 300 GB a day for 14 days = 4.1 TiB
        QTest::newRow("every limit, the tightest wins") << 9 << 2.5 << 300.0 << 5;
    }
    void limits()
    {
        QFETCH(int, maxVms);
        QFETCH(double, maxTiB);
        QFETCH(double, bandwidth);
        QFETCH(int, waves);
        Estate e;
        for (int a = 0; a < 10; ++a) {
            for (int v = 0; v < 3; ++v)
                e.vm(QStringLiteral("app%1-%2").arg(a).arg(v), QStringLiteral("app%1").arg(a), {},
                     MigrationPath::Rehost, Confidence::High, 0, 400);
        }
        WaveParameters p = roomy();
        p.maxVms = maxVms;
        p.maxTiB = maxTiB;
        p.bandwidthGBPerDay = bandwidth;
        const WavePlan plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(int(plan.waves.size()), waves);
        for (const Wave &wave : plan.waves) {
            QVERIFY(wave.vms <= maxVms);
            QVERIFY(wave.tib <= p.tibPerWave() + 1e-9);
            QVERIFY(!wave.overLimit);
        }
        QVERIFY(plan.issues.isEmpty());
    }

    void datesAndBlackouts()
    {
        Estate e;
        e.vm(QStringLiteral("a"), QStringLiteral("A")).vm(QStringLiteral("b"), QStringLiteral("B"));
        WaveParameters p = roomy();
        p.maxVms = 1;
        p.waveDays = 7;
        WavePlan plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(plan.waves.size(), size_t(2));
        QCOMPARE(plan.waves[0].start, QDate(2027, 1, 4));
        QCOMPARE(plan.waves[0].end, QDate(2027, 1, 10));
        QCOMPARE(plan.waves[1].start, QDate(2027, 1, 11));
        QCOMPARE(plan.waves[1].end, QDate(2027, 1, 17));

        // Two blackout days inside the first wave lengthen it; one on the next start moves it.
        QVERIFY(WaveParameters::parseBlackout(QStringLiteral("2027-01-06..2027-01-07"), p.blackoutDates));
        QVERIFY(WaveParameters::parseBlackout(QStringLiteral("2027-01-13"), p.blackoutDates));
        QVERIFY(!WaveParameters::parseBlackout(QStringLiteral("2027-01-13..2027-01-01"), p.blackoutDates));
        plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(plan.waves[0].end, QDate(2027, 1, 12));
        QCOMPARE(plan.waves[1].start, QDate(2027, 1, 14));
        QCOMPARE(plan.waves[1].end, QDate(2027, 1, 20));

        // A start on a blackout day starts after it; a wave lasts as long as its data takes.
        p.blackoutDates = {QDate(2027, 1, 4)};
        p.bandwidthGBPerDay = 1;
        plan = WavePlanner::plan(e.input(), p); // 10 GiB at 1 GB a day: 10 days
        QCOMPARE(plan.waves[0].start, QDate(2027, 1, 5));
        QCOMPARE(plan.waves[0].end, QDate(2027, 1, 14));
    }

    void oversizedGroupIsAWaveOfItsOwn()
    {
        Estate e;
        e.vm(QStringLiteral("small"), QStringLiteral("S"));
        for (int i = 0; i < 12; ++i)
            e.vm(QStringLiteral("big%1").arg(i), QStringLiteral("Big"));
        WaveParameters p = roomy();
        p.maxVms = 5;
        const WavePlan plan = WavePlanner::plan(e.input(), p);
        const MoveGroup &big = groupOf(plan, e, QStringLiteral("big0"));
        QVERIFY(big.oversized);
        const Wave &wave = plan.waves[size_t(big.wave - 1)];
        QCOMPARE(wave.groups.size(), size_t(1));
        QVERIFY(wave.overLimit);
        QCOMPARE(plan.issues.size(), 1);
        QVERIFY(plan.issues.constFirst().startsWith(QLatin1String("group Big is larger than a wave")));
        QVERIFY(!groupOf(plan, e, QStringLiteral("small")).oversized);
    }

    void order()
    {
        Estate e;
        e.vm(QStringLiteral("blocked"), QStringLiteral("Blocked"), {}, MigrationPath::Containerize, Confidence::High, 2)
            .vm(QStringLiteral("medium"), QStringLiteral("Medium"), {}, MigrationPath::Rehost, Confidence::Medium)
            .vm(QStringLiteral("pilot"), QStringLiteral("Pilot"), {}, MigrationPath::Rehost, Confidence::High)
            .vm(QStringLiteral("old"), QStringLiteral("Old"), {}, MigrationPath::Retire, Confidence::Low)
            .vm(QStringLiteral("kept"), QStringLiteral("Kept"), {}, MigrationPath::Retain)
            .vm(QStringLiteral("client"), QStringLiteral("Client"), {}, MigrationPath::Rehost, Confidence::High)
            .vm(QStringLiteral("server"), QStringLiteral("Server"), {}, MigrationPath::CloudNative, Confidence::Low);
        e.link(QStringLiteral("client"), QStringLiteral("server"), 1433);
        WaveParameters p = roomy();
        p.maxVms = 1;
        const WavePlan plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(groupOf(plan, e, QStringLiteral("old")).wave, 1);   // retire first
        QCOMPARE(groupOf(plan, e, QStringLiteral("pilot")).wave, 2); // the least risky as pilot
        QVERIFY(groupOf(plan, e, QStringLiteral("medium")).wave > 2);
        QCOMPARE(groupOf(plan, e, QStringLiteral("blocked")).wave, int(plan.waves.size())); // blockers last
        QCOMPARE(groupOf(plan, e, QStringLiteral("kept")).wave, 0);                         // retained: no wave
        QCOMPARE(plan.retainedVms, 1);
        QCOMPARE(plan.waves.size(), size_t(6));
        // The client waits for the low-confidence server it depends on.
        QVERIFY(groupOf(plan, e, QStringLiteral("client")).wave > groupOf(plan, e, QStringLiteral("server")).wave);
        QCOMPARE(plan.crossWave.size(), size_t(1));
        QVERIFY(!plan.crossWave.front().breaksOrder());
        QVERIFY(plan.issues.isEmpty());
    }

    void retiredServerStillUsed()
    {
        Estate e;
        e.vm(QStringLiteral("old-db"), QStringLiteral("Old"), {}, MigrationPath::Retire)
            .vm(QStringLiteral("app"), QStringLiteral("App"));
        e.link(QStringLiteral("app"), QStringLiteral("old-db"), 1433);
        WaveParameters p = roomy();
        p.maxVms = 1;
        const WavePlan plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(groupOf(plan, e, QStringLiteral("old-db")).wave, 1); // the link orders nothing
        QVERIFY(plan.crossWave.empty());
        QCOMPARE(plan.issues,
                 QStringList{QStringLiteral(
                     "group Old is retired in wave 1, but 1 connection(s) from VMs that move still reach it")});
    }

    void pinsAndMoves()
    {
        Estate e;
        e.vm(QStringLiteral("web"), QStringLiteral("Web")).vm(QStringLiteral("db"), QStringLiteral("Db"));
        e.vm(QStringLiteral("other"), QStringLiteral("Other"));
        e.link(QStringLiteral("web"), QStringLiteral("db"), 5432);
        WaveParameters p = roomy();
        p.maxVms = 1;
        WavePlan plan = WavePlanner::plan(e.input(), p);
        QVERIFY(plan.issues.isEmpty());
        QVERIFY(groupOf(plan, e, QStringLiteral("web")).wave > groupOf(plan, e, QStringLiteral("db")).wave);

        // Pin Other to wave 5: the waves run to 5, Other is there and pinned.
        plan = WavePlanner::plan(e.input(), p, {{QStringLiteral("Other"), 5}});
        QCOMPARE(groupOf(plan, e, QStringLiteral("other")).wave, 5);
        QVERIFY(groupOf(plan, e, QStringLiteral("other")).pinned);
        QCOMPARE(plan.waves.size(), size_t(5));
        QVERIFY(plan.issues.isEmpty());

        // Move Web to wave 1, before the database it depends on: the plan says what that breaks.
        plan = WavePlanner::plan(e.input(), p, {{QStringLiteral("Web"), 1}});
        QCOMPARE(groupOf(plan, e, QStringLiteral("web")).wave, 1);
        QVERIFY(groupOf(plan, e, QStringLiteral("db")).wave > 1);
        QCOMPARE(plan.crossWave.size(), size_t(1));
        QVERIFY(plan.crossWave.front().breaksOrder());
        QCOMPARE(plan.issues.size(), 1);
        QVERIFY(plan.issues.constFirst().startsWith(QLatin1String("group Web (wave 1) moves before group Db")));

        // Two groups pinned to one wave of one VM: over its limit, said.
        plan = WavePlanner::plan(e.input(), p, {{QStringLiteral("Web"), 2}, {QStringLiteral("Db"), 2}});
        QVERIFY(plan.waves[1].overLimit);
        QVERIFY(plan.issues.constFirst().startsWith(QLatin1String("wave 2 is over its limit")));
    }

    void cycleIsBrokenAndListed()
    {
        Estate e;
        e.vm(QStringLiteral("a"), QStringLiteral("A")).vm(QStringLiteral("b"), QStringLiteral("B"));
        e.link(QStringLiteral("a"), QStringLiteral("b"), 1).link(QStringLiteral("b"), QStringLiteral("a"), 2);
        WaveParameters p = roomy();
        p.maxVms = 1;
        p.strongLinkThreshold = 0;
        const WavePlan plan = WavePlanner::plan(e.input(), p);
        QCOMPARE(plan.waves.size(), size_t(2));
        QCOMPARE(plan.crossWave.size(), size_t(2));
        int broken = 0;
        for (const CrossWaveLink &link : plan.crossWave)
            broken += link.breaksOrder() ? 1 : 0;
        QCOMPARE(broken, 1);
    }

    void json()
    {
        Estate e;
        e.vm(QStringLiteral("web"), QStringLiteral("Web")).vm(QStringLiteral("db"), QStringLiteral("Db"));
        e.link(QStringLiteral("web"), QStringLiteral("db"), 5432);
        WaveParameters p = roomy();
        p.maxVms = 1;
        const WaveInput &input = e.input();
        const QJsonObject json = WavePlanner::plan(input, p).toJson(input);
        const QJsonObject group = json.value(QLatin1String("groups")).toArray().first().toObject();
        for (const char *key : {"name", "reason", "vms"})
            QVERIFY2(group.contains(QLatin1String(key)), key);
        QCOMPARE(group.value(QLatin1String("vms")).toArray().first().toString(), QStringLiteral("web"));
        const QJsonObject wave = json.value(QLatin1String("waves")).toArray().first().toObject();
        for (const char *key : {"number", "start", "end", "groups", "vms", "tib"})
            QVERIFY2(wave.contains(QLatin1String(key)), key);
        QCOMPARE(wave.value(QLatin1String("start")).toString(), QStringLiteral("2027-01-04"));
        QCOMPARE(wave.value(QLatin1String("groups")).toArray().first().toString(), QStringLiteral("Db"));
        const QJsonObject cross = json.value(QLatin1String("crossWaveDependencies")).toArray().first().toObject();
        QCOMPARE(cross.value(QLatin1String("from")).toString(), QStringLiteral("web"));
        QCOMPARE(cross.value(QLatin1String("to")).toString(), QStringLiteral("db"));
        QCOMPARE(cross.value(QLatin1String("port")).toInt(), 5432);
    }

    void parametersRoundTrip()
    {
        WaveParameters p = roomy();
        QVERIFY(WaveParameters::parseBlackout(QStringLiteral("2027-04-01..2027-04-03"), p.blackoutDates));
        const auto back = WaveParameters::fromJson(p.toJson());
        QVERIFY(back.ok());
        QVERIFY(back.value() == p);
        QVERIFY(!WaveParameters::fromJson({{QStringLiteral("maxVms"), 0}}).ok());
        QVERIFY(!WaveParameters::fromJson({{QStringLiteral("start"), QStringLiteral("soon")}}).ok());
    }

    void rampFollowsTheWaves()
    {
        Estate e;
        for (int i = 0; i < 4; ++i)
            e.vm(QStringLiteral("v%1").arg(i), QStringLiteral("A%1").arg(i));
        WaveParameters p = roomy();
        p.maxVms = 1;
        p.waveDays = 14; // waves end 01-17, 01-31, 02-14, 02-28
        const QList<double> ramp = MigrationRamp::movedShareByMonth(WavePlanner::plan(e.input(), p));
        QCOMPARE(ramp, (QList<double>{0.5, 1.0}));
        QVERIFY(MigrationRamp::movedShareByMonth(WavePlan()).isEmpty());
    }

    void graphLayoutPutsClientsLeftOfServers()
    {
        // web -> app -> db, web -> cache, and a cycle db -> app.
        const QList<QPointF> at = DependencyGraphLayout::layout(4, {{0, 1}, {1, 2}, {0, 3}, {2, 1}});
        QCOMPARE(at.size(), 4);
        QVERIFY(at[0].x() < at[1].x());
        QVERIFY(at[1].x() < at[2].x());
        QVERIFY(at[0].x() < at[3].x());
        QVERIFY(at[1] != at[3]);
    }
};

QTEST_GUILESS_MAIN(TestWavePlanner)
#include "tst_waveplanner.moc"
