// Hand-computed figures for the density model: allocatable, demand, baselines and overheads,
// licences and scenario validation. Every expected number is worked out in the row's comment.
#include "density/demandmodel.h"
#include "density/densityengine.h"
#include "density/licencecounter.h"
#include "density/nodeallocatable.h"
#include "density/scenario.h"

#include "store/projectstore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;

Q_DECLARE_METATYPE(landfall::Workload)

namespace {

Workload workload(bool windows, int vcpu, double memoryMiB, Workload::Image image, Isolation isolation,
                  bool serverCore = false, double diskGiB = 0)
{
    Workload w;
    w.name = QStringLiteral("w");
    w.windows = windows;
    w.vcpu = vcpu;
    w.memoryMiB = memoryMiB;
    w.image = image;
    w.isolation = isolation;
    w.serverCore = serverCore;
    w.diskGiB = diskGiB;
    return w;
}

} // namespace

/** Checks the density model's formulas against figures worked out by hand. */
class TestDensityModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void allocatable_data();
    void allocatable();
    void demand_data();
    void demand();
    void licences_data();
    void licences();
    void scenarioErrors_data();
    void scenarioErrors();
    void scenarioDefaultsRoundTrip();
    void nodeTooSmallNamesTheKey();
    void storeScenarios();
};

void TestDensityModel::allocatable_data()
{
    QTest::addColumn<int>("vcpu");
    QTest::addColumn<double>("memoryGiB");
    QTest::addColumn<int>("maxPods");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("windows");
    QTest::addColumn<qint64>("cpuMilli");
    QTest::addColumn<qint64>("memoryMiB");
    using L = QLatin1String;
    // AKS: 180m for 8 cores; min(20 x 30 + 50, 25 % of 32768) = 650 + 100 eviction.
    QTest::newRow("aks linux 8x32") << 8 << 32.0 << 30 << QString(L("aks")) << false << qint64(7820) << qint64(32018);
    // ... and 2 GiB more on Windows: 32018 - 2048.
    QTest::newRow("aks windows 8x32") << 8 << 32.0 << 30 << QString(L("aks")) << true << qint64(7820) << qint64(29970);
    // 140m for 4 cores; min(20 x 110 + 50 = 2250, 4096) + 100 = 2350.
    QTest::newRow("aks linux 4x16") << 4 << 16.0 << 110 << QString(L("aks")) << false << qint64(3860) << qint64(14034);
    // The 25 % cap: min(2250, 1024) + 100 = 1124; 100m for 2 cores.
    QTest::newRow("aks linux 2x4 cap") << 2 << 4.0 << 110 << QString(L("aks")) << false << qint64(1900) << qint64(2972);
    // 6 cores: between 140m (4) and 180m (8): 160m.
    QTest::newRow("aks linux 6 cores") << 6 << 24.0 << 30 << QString(L("aks")) << false << qint64(5840)
                                       << qint64(24576 - 750);
    // Legacy tiers on 32 GiB: 1024 + 819.2 + 819.2 + 0.06 x 16384 = 3645.44, + 750 eviction.
    QTest::newRow("aks-legacy linux 8x32")
        << 8 << 32.0 << 30 << QString(L("aks-legacy")) << false << qint64(7820) << qint64(28372);
    QTest::newRow("aks-legacy windows 8x32")
        << 8 << 32.0 << 30 << QString(L("aks-legacy")) << true << qint64(7820) << qint64(26324);
    // GKE CPU: 60 + 10 + 2 x 5 + 4 x 2.5 = 90m; memory: 3645.44 + 100 eviction.
    QTest::newRow("gke linux 8x32") << 8 << 32.0 << 110 << QString(L("gke")) << false << qint64(7910) << qint64(29022);
    // GKE has no Windows extra in this model.
    QTest::newRow("gke windows 8x32") << 8 << 32.0 << 110 << QString(L("gke")) << true << qint64(7910) << qint64(29022);
    // 4 cores: 60 + 10 + 10 = 80m; 16 GiB: 1024 + 819.2 + 819.2 = 2662.4, + 100.
    QTest::newRow("gke linux 4x16") << 4 << 16.0 << 110 << QString(L("gke")) << false << qint64(3920) << qint64(13621);
    QTest::newRow("none") << 8 << 32.0 << 30 << QString(L("none")) << true << qint64(8000) << qint64(32768);
}

void TestDensityModel::allocatable()
{
    QFETCH(int, vcpu);
    QFETCH(double, memoryGiB);
    QFETCH(int, maxPods);
    QFETCH(QString, model);
    QFETCH(bool, windows);
    QFETCH(qint64, cpuMilli);
    QFETCH(qint64, memoryMiB);
    const auto scenario =
        Scenario::fromJson(QJsonObject{{QStringLiteral("node"), QJsonObject{{QStringLiteral("reserved"), model}}}});
    QVERIFY(scenario.ok());
    const Allocatable a = NodeAllocatable::compute(vcpu, memoryGiB, maxPods, scenario.value().node.reserved, windows);
    QCOMPARE(a.cpuMilli, cpuMilli);
    QCOMPARE(a.memoryMiB, memoryMiB);
}

void TestDensityModel::demand_data()
{
    QTest::addColumn<QString>("basis");
    QTest::addColumn<bool>("overheads");
    QTest::addColumn<Workload>("w");
    QTest::addColumn<qint64>("cpuMilli");
    QTest::addColumn<qint64>("memoryMiB");
    QTest::addColumn<qint64>("writableMiB");
    QTest::addColumn<bool>("fellBack");
    const QString provisioned = QStringLiteral("provisioned");
    const QString performance = QStringLiteral("performance");
    using I = Workload::Image;
    Workload utilised = workload(false, 4, 8192, I::Linux, Isolation::Process);
    utilised.cpuUtilPct = 50;
    utilised.memoryUtilPct = 50;
    QTest::newRow("provisioned") << provisioned << false << workload(false, 4, 8192, I::Linux, Isolation::Process)
                                 << qint64(4000) << qint64(8192) << qint64(0) << false;
    // 4 vCPU x 50 % x 1.3 = 2.6 vCPU; 8192 x 0.5 x 1.3 = 5324.8 -> 5325 MiB.
    QTest::newRow("performance") << performance << false << utilised << qint64(2600) << qint64(5325) << qint64(0)
                                 << false;
    QTest::newRow("performance without data falls back")
        << performance << false << workload(false, 4, 8192, I::Linux, Isolation::Process) << qint64(4000)
        << qint64(8192) << qint64(0) << true;
    // Desktop Experience: 8192 - 2048 + 50 (Server Core image, process); disk 40 - 15 = 25 GiB,
    // of which the node keeps at most the 20 GiB ephemeral cap (data on persistent volumes).
    QTest::newRow("windows desktop, servercore, process")
        << provisioned << true << workload(true, 4, 8192, I::ServerCore, Isolation::Process, false, 40) << qint64(4000)
        << qint64(6194) << qint64(20480) << false;
    // Server Core guest: 8192 - 1024 + 130 (Nano Server, Hyper-V); disk 12 - 10 = 2 GiB.
    QTest::newRow("windows core, nanoserver, hyper-v")
        << provisioned << true << workload(true, 2, 8192, I::NanoServer, Isolation::HyperV, true, 12) << qint64(2000)
        << qint64(7298) << qint64(2048) << false;
    // Full image under Hyper-V: Server Core's utility VM, 360 MiB.
    QTest::newRow("windows full, hyper-v")
        << provisioned << true << workload(true, 4, 8192, I::WindowsFull, Isolation::HyperV, false, 15) << qint64(4000)
        << qint64(6504) << qint64(1024) << false;
    // Kata: 4096 - 512 + 120 MiB and 250m more CPU.
    QTest::newRow("linux kata") << provisioned << true << workload(false, 2, 4096, I::Linux, Isolation::Kata, false, 20)
                                << qint64(2250) << qint64(3704) << qint64(16384) << false;
    // 512 - 512 is below the 128 MiB floor; + 10 MiB for runc.
    QTest::newRow("linux runc floor") << provisioned << true << workload(false, 1, 512, I::Linux, Isolation::Process)
                                      << qint64(1000) << qint64(138) << qint64(1024) << false;
}

void TestDensityModel::demand()
{
    QFETCH(QString, basis);
    QFETCH(bool, overheads);
    QFETCH(Workload, w);
    QFETCH(qint64, cpuMilli);
    QFETCH(qint64, memoryMiB);
    QFETCH(qint64, writableMiB);
    QFETCH(bool, fellBack);
    Scenario scenario;
    scenario.sizing.basis =
        basis == QLatin1String("provisioned") ? Scenario::SizingBasis::Provisioned : Scenario::SizingBasis::Performance;
    scenario.overheads.guestOsBaseline = overheads;
    scenario.overheads.containerOverhead = overheads;
    const WorkloadDemand d = DemandModel(scenario).demand(w);
    QCOMPARE(d.cpuMilli, cpuMilli);
    QCOMPARE(d.memoryMiB, memoryMiB);
    if (overheads)
        QCOMPARE(d.writableDiskMiB, writableMiB);
    QCOMPARE(d.fellBackToProvisioned, fellBack);
}

void TestDensityModel::licences_data()
{
    QTest::addColumn<int>("cores");
    QTest::addColumn<int>("processors");
    QTest::addColumn<int>("virtualOses");
    QTest::addColumn<qint64>("standard");
    QTest::addColumn<qint64>("datacenter");
    // 32 cores on 2 processors: 32 core licences; 5 VMs need 3 Standard stacks.
    QTest::newRow("host 32 cores, 5 VMs") << 32 << 2 << 5 << qint64(96) << qint64(32);
    QTest::newRow("host 32 cores, 2 VMs") << 32 << 2 << 2 << qint64(32) << qint64(32);
    // 12 cores on 2 processors: 8 per processor minimum = 16.
    QTest::newRow("small host minimum") << 12 << 2 << 1 << qint64(16) << qint64(16);
    // 24 cores on 2 processors: 12 each = 24.
    QTest::newRow("host 24 cores, 4 VMs") << 24 << 2 << 4 << qint64(48) << qint64(24);
    // A container node of 8 vCPU: 16 per server; process isolation is free.
    QTest::newRow("node, process only") << 8 << 1 << 0 << qint64(16) << qint64(16);
    // Three Hyper-V containers count like VMs under Standard: 2 stacks.
    QTest::newRow("node, 3 hyper-v") << 8 << 1 << 3 << qint64(32) << qint64(16);
}

void TestDensityModel::licences()
{
    QFETCH(int, cores);
    QFETCH(int, processors);
    QFETCH(int, virtualOses);
    QFETCH(qint64, standard);
    QFETCH(qint64, datacenter);
    const LicenceCount count = LicenceCounter::forServer(cores, processors, virtualOses);
    QCOMPARE(count.standard, standard);
    QCOMPARE(count.datacenter, datacenter);
}

void TestDensityModel::scenarioErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key");
    QTest::newRow("platform") << QByteArray(R"({"platform": "vmware"})") << QStringLiteral("platform");
    QTest::newRow("basis") << QByteArray(R"({"sizing": {"basis": "peak"}})") << QStringLiteral("sizing.basis");
    QTest::newRow("reserved") << QByteArray(R"({"node": {"reserved": "eks"}})") << QStringLiteral("node.reserved");
    QTest::newRow("hypervisor") << QByteArray(R"({"host": {"hypervisorOverhead": "xen"}})")
                                << QStringLiteral("host.hypervisorOverhead");
    QTest::newRow("negative vcpu") << QByteArray(R"({"node": {"vcpu": -4}})") << QStringLiteral("node.vcpu");
    QTest::newRow("negative memory") << QByteArray(R"({"node": {"memoryGiB": -1}})")
                                     << QStringLiteral("node.memoryGiB");
    QTest::newRow("negative host memory")
        << QByteArray(R"({"host": {"memoryGiB": -512}})") << QStringLiteral("host.memoryGiB");
    QTest::newRow("zero comfort") << QByteArray(R"({"sizing": {"comfortFactor": 0}})")
                                  << QStringLiteral("sizing.comfortFactor");
    QTest::newRow("headroom") << QByteArray(R"({"node": {"headroomPct": 120}})") << QStringLiteral("node.headroomPct");
    QTest::newRow("not a number") << QByteArray(R"({"node": {"maxPods": "many"}})") << QStringLiteral("node.maxPods");
    QTest::newRow("not a bool") << QByteArray(R"({"node": {"nPlusOne": "yes"}})") << QStringLiteral("node.nPlusOne");
    QTest::newRow("not an object") << QByteArray(R"({"node": 5})") << QStringLiteral("node");
    QTest::newRow("node size") << QByteArray(R"({"nodeSizes": [{"vcpu": 4, "memoryGiB": 16}, {"vcpu": 0}]})")
                               << QStringLiteral("nodeSizes[1].vcpu");
    QTest::newRow("build") << QByteArray(R"({"windowsBuild": "2022"})") << QStringLiteral("windowsBuild");
    QTest::newRow("empty name") << QByteArray(R"({"name": ""})") << QStringLiteral("name");
}

void TestDensityModel::scenarioErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    const auto scenario = Scenario::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!scenario.ok());
    QCOMPARE(scenario.error().key, key);
    QVERIFY(scenario.error().toString().startsWith(key));
}

void TestDensityModel::scenarioDefaultsRoundTrip()
{
    const auto empty = Scenario::fromJson(QJsonObject());
    QVERIFY(empty.ok());
    const Scenario &s = empty.value();
    QCOMPARE(s.name, QStringLiteral("default"));
    QCOMPARE(s.sizing.percentile, 95.0);
    QCOMPARE(s.sizing.comfortFactor, 1.3);
    QCOMPARE(s.host.vcpuPerCore, 4.0);
    QCOMPARE(s.nodeSizes.size(), 3);
    const QByteArray issueExample = R"({ "name": "aks-8x32", "platform": "kubernetes", "windowsBuild": "10.0.20348",
        "sizing": { "basis": "performance", "percentile": 95, "comfortFactor": 1.3 },
        "node": { "vcpu": 8, "memoryGiB": 32, "diskGiB": 128, "maxPods": 30, "reserved": "aks",
                  "headroomPct": 20, "nPlusOne": true, "linuxSystemPoolNodes": 2 },
        "host": { "cores": 32, "memoryGiB": 512, "vcpuPerCore": 4, "reserveGiB": 8,
                  "hypervisorOverhead": "kvm", "nPlusOne": true },
        "overheads": { "guestOsBaseline": true, "containerOverhead": true },
        "nodeSizes": [ {"vcpu": 4, "memoryGiB": 16}, {"vcpu": 8, "memoryGiB": 32}, {"vcpu": 16, "memoryGiB": 64} ] })";
    const auto parsed = Scenario::fromJson(QJsonDocument::fromJson(issueExample).object());
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value().name, QStringLiteral("aks-8x32"));
    const auto again = Scenario::fromJson(parsed.value().toJson());
    QVERIFY(again.ok());
    QCOMPARE(again.value().toJson(), parsed.value().toJson());
}

void TestDensityModel::nodeTooSmallNamesTheKey()
{
    Scenario s = Scenario::purePacking();
    s.node.vcpu = 2;
    s.node.memoryGiB = 64;
    const QList<Workload> workloads{workload(false, 4, 1024, Workload::Image::Linux, Isolation::Process)};
    const auto result = DensityEngine(s).run(workloads);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().key, QStringLiteral("node.vcpu"));
    s.node.vcpu = 8;
    s.node.memoryGiB = 0.5;
    const auto memory = DensityEngine(s).run(workloads);
    QVERIFY(!memory.ok());
    QCOMPARE(memory.error().key, QStringLiteral("node.memoryGiB"));
}

void TestDensityModel::storeScenarios()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto opened =
        ProjectStore::open(dir.filePath(QStringLiteral("p.landfall")), ProjectStore::OpenMode::CreateIfMissing);
    QVERIFY(opened.ok());
    ProjectStore &store = *opened.value();
    QVERIFY(store.scenarioNames().isEmpty());
    QVERIFY(!store.saveScenario(QStringLiteral("b"), QStringLiteral("{\"name\":\"b\"}")));
    QVERIFY(!store.saveScenario(QStringLiteral("a"), QStringLiteral("{\"name\":\"a\"}")));
    QVERIFY(
        !store.saveScenario(QStringLiteral("b"), QStringLiteral("{\"name\":\"b\",\"platform\":\"container-host\"}")));
    QCOMPARE(store.scenarioNames(),
             (QStringList{QStringLiteral("b"), QStringLiteral("a")})); // replaced keeps its place
    QVERIFY(store.scenarioDefinition(QStringLiteral("b"))->contains(QLatin1String("container-host")));
    QVERIFY(!store.scenarioDefinition(QStringLiteral("c")));
    QCOMPARE(store.removeScenario(QStringLiteral("b")).value(), true);
    QCOMPARE(store.removeScenario(QStringLiteral("b")).value(), false);
    QCOMPARE(store.scenarioNames(), QStringList{QStringLiteral("a")});
}

QTEST_GUILESS_MAIN(TestDensityModel)
#include "tst_densitymodel.moc"
