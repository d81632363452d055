// Hand-computed figures for the density model: allocatable, demand, baselines and overheads,
// licences and scenario validation. Every expected number is worked out in the row's comment.
#include "density/demandmodel.h"
#include "density/densityengine.h"
#include "density/licencecounter.h"
#include "density/nodeallocatable.h"
#include "density/poolplanner.h"
#include "density/scenario.h"

#include "io/workloadsizing.h"
#include "store/projectstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

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
    void tooLargeIsListedAndTheRestPacks();
    void sameBasis();
    void boughtCapacityInPhysicalCores();
    void ceilingHoldsWithNPlusOne();
    void baselineFromHosts();
    void licenceModels_data();
    void licenceModels();
    void licencesAfterBothModels();
    void poolPurposes_data();
    void poolPurposes();
    void untrustedApplicationsNeverShare();
    void kataOverheadInThePool();
    void manifestSizingFromDemand();
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
    QTest::addColumn<double>("overcommit");
    const QString provisioned = QStringLiteral("provisioned");
    const QString performance = QStringLiteral("performance");
    using I = Workload::Image;
    Workload utilised = workload(false, 4, 8192, I::Linux, Isolation::Process);
    utilised.cpuUtilPct = 50;
    utilised.memoryUtilPct = 50;
    QTest::newRow("provisioned") << provisioned << false << workload(false, 4, 8192, I::Linux, Isolation::Process)
                                 << qint64(4000) << qint64(8192) << qint64(0) << false << 1.0;
    // 4 vCPU x 50 % x 1.3 = 2.6 vCPU; 8192 x 0.5 x 1.3 = 5324.8 -> 5325 MiB.
    QTest::newRow("performance") << performance << false << utilised << qint64(2600) << qint64(5325) << qint64(0)
                                 << false << 1.0;
    QTest::newRow("performance without data falls back")
        << performance << false << workload(false, 4, 8192, I::Linux, Isolation::Process) << qint64(4000)
        << qint64(8192) << qint64(0) << true << 1.0;
    // Desktop Experience: 8192 - 2048 + 50 (Server Core image, process); disk 40 - 15 = 25 GiB,
    // of which the node keeps at most the 20 GiB ephemeral cap (data on persistent volumes).
    QTest::newRow("windows desktop, servercore, process")
        << provisioned << true << workload(true, 4, 8192, I::ServerCore, Isolation::Process, false, 40) << qint64(4000)
        << qint64(6194) << qint64(20480) << false << 1.0;
    // Server Core guest: 8192 - 1024 + 130 (Nano Server, Hyper-V); disk 12 - 10 = 2 GiB.
    QTest::newRow("windows core, nanoserver, hyper-v")
        << provisioned << true << workload(true, 2, 8192, I::NanoServer, Isolation::HyperV, true, 12) << qint64(2000)
        << qint64(7298) << qint64(2048) << false << 1.0;
    // Full image under Hyper-V: Server Core's utility VM, 360 MiB.
    QTest::newRow("windows full, hyper-v")
        << provisioned << true << workload(true, 4, 8192, I::WindowsFull, Isolation::HyperV, false, 15) << qint64(4000)
        << qint64(6504) << qint64(1024) << false << 1.0;
    // Kata (AKS Pod Sandboxing): the pod VM is sized to the memory limit, 4096 - 512 = 3584 MiB,
    // plus AKS's 600 MiB pod overhead: 4184. No CPU overhead is documented.
    QTest::newRow("linux kata") << provisioned << true << workload(false, 2, 4096, I::Linux, Isolation::Kata, false, 20)
                                << qint64(2000) << qint64(4184) << qint64(16384) << false << 1.0;
    // An untrusted Linux workload runs under Kata whatever the decision said.
    Workload untrusted = workload(false, 2, 4096, I::Linux, Isolation::Process, false, 20);
    untrusted.untrusted = true;
    QTest::newRow("linux untrusted is kata")
        << provisioned << true << untrusted << qint64(2000) << qint64(4184) << qint64(16384) << false << 1.0;
    // The same basis as the hosts: a request of the demand over the overcommit, 4000m / 2 and
    // 4000m / 4; memory is never overcommitted.
    QTest::newRow("overcommit 2") << provisioned << false << workload(false, 4, 8192, I::Linux, Isolation::Process)
                                  << qint64(2000) << qint64(8192) << qint64(0) << false << 2.0;
    QTest::newRow("overcommit 4") << provisioned << false << workload(false, 4, 8192, I::Linux, Isolation::Process)
                                  << qint64(1000) << qint64(8192) << qint64(0) << false << 4.0;
    // 2.6 vCPU under performance sizing / 2 = 1300m.
    QTest::newRow("performance, overcommit 2")
        << performance << false << utilised << qint64(1300) << qint64(5325) << qint64(0) << false << 2.0;
    // 512 - 512 is below the 128 MiB floor; + 10 MiB for runc.
    QTest::newRow("linux runc floor") << provisioned << true << workload(false, 1, 512, I::Linux, Isolation::Process)
                                      << qint64(1000) << qint64(138) << qint64(1024) << false << 1.0;
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
    QFETCH(double, overcommit);
    Scenario scenario;
    scenario.cpuOvercommit = overcommit;
    // Kubernetes runs Windows containers with process isolation only: Hyper-V rows are a container host's.
    if (w.isolation == Isolation::HyperV)
        scenario.platform = Scenario::Platform::ContainerHost;
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
    // The limit is the demand: the request times the overcommit (every row divides exactly).
    QCOMPARE(d.cpuLimitMilli, qint64(std::llround(double(cpuMilli) * overcommit)));
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
    QVERIFY(!s.host.vcpuPerCore);
    QCOMPARE(s.hostVcpuPerCore(s.host.threadsPerCore), 4.0);
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

void TestDensityModel::tooLargeIsListedAndTheRestPacks()
{
    Scenario s = Scenario::purePacking();
    s.node.vcpu = 2;
    s.node.memoryGiB = 64;
    QList<Workload> workloads{workload(false, 4, 1024, Workload::Image::Linux, Isolation::Process),
                              workload(false, 1, 1024, Workload::Image::Linux, Isolation::Process)};
    workloads[0].vmId = 1;
    workloads[0].name = QStringLiteral("big");
    workloads[1].vmId = 2;
    const auto result = DensityEngine(s).run(workloads);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const DensityResult &r = result.value();
    QCOMPARE(r.notSchedulable.size(), 1);
    QCOMPARE(r.notSchedulable[0].workload, QStringLiteral("big"));
    QCOMPARE(r.notSchedulable[0].vcpu, 4.0);
    // No reservations or headroom: the smallest size on offer with 4 vCPU is {4, 16}.
    QCOMPARE(r.notSchedulable[0].smallestNodeVcpu, 4);
    QCOMPARE(r.notSchedulable[0].smallestNodeMemoryGiB, 16.0);
    QVERIFY(r.notSchedulable[0].reason.contains(QLatin1String("4 vCPU")));
    QCOMPARE(r.placement.size(), 1);
    QCOMPARE(r.containerNodes, 1);
    // Like for like: the VM side holds only what the container side holds.
    QCOMPARE(r.vmHosts, 2); // one host for the one VM placed, and the N+1 spare
    QCOMPARE(r.before.vcpu, 2.0 * s.host.cores * s.host.threadsPerCore);
}

void TestDensityModel::sameBasis()
{
    const Scenario d;
    QCOMPARE(d.node.headroomPct, 100 - d.host.ceilingPct);
    QCOMPARE(d.node.nPlusOne, d.host.nPlusOne);
    QVERIFY(d.asymmetries().isEmpty());
    QCOMPARE(d.hostVcpuPerCore(2), 4.0); // 2 per thread x 2 threads: AVS's 4 vCPU per core

    const auto shared = Scenario::fromJson(
        QJsonDocument::fromJson(R"({"cpuOvercommit": 3, "targetUtilisationPct": 70, "spares": "none"})").object());
    QVERIFY(shared.ok());
    QCOMPARE(shared.value().node.headroomPct, 30.0);
    QCOMPARE(shared.value().host.ceilingPct, 70.0);
    QVERIFY(!shared.value().node.nPlusOne && !shared.value().host.nPlusOne);
    QCOMPARE(shared.value().hostVcpuPerCore(2), 6.0);
    QVERIFY(shared.value().asymmetries().isEmpty());

    // A side's own key is a deliberate asymmetry, and the result says so.
    const auto asymmetric = Scenario::fromJson(
        QJsonDocument::fromJson(R"({"node": {"headroomPct": 15}, "host": {"vcpuPerCore": 6, "nPlusOne": false}})")
            .object());
    QVERIFY(asymmetric.ok());
    const QStringList differences = asymmetric.value().asymmetries();
    QCOMPARE(differences.size(), 3);
    QVERIFY(differences[0].contains(QLatin1String("nodes 85 %, hosts 80 %")));
    QVERIFY(differences[1].contains(QLatin1String("nodes N+1, hosts none")));
    QVERIFY(differences[2].contains(QLatin1String("hosts 6 vCPU per physical core")));
    // An old scenario's vcpuPerCore of 4 on hyper-threaded hosts is the shared basis.
    const auto old = Scenario::fromJson(QJsonDocument::fromJson(R"({"host": {"vcpuPerCore": 4}})").object());
    QVERIFY(old.ok());
    QVERIFY(old.value().asymmetries().isEmpty());
    Scenario engineSide;
    engineSide.host.vcpuPerCore = 6;
    const auto result =
        DensityEngine(engineSide).run({workload(false, 1, 1024, Workload::Image::Linux, Isolation::Process)});
    QVERIFY(result.ok());
    QCOMPARE(result.value().basis.asymmetries.size(), 1);
    QCOMPARE(result.value().basis.cpuOvercommit, 2.0);
    QCOMPARE(result.value().basis.spares, QStringLiteral("n+1"));
}

namespace {

/** No reservations, headroom, spares or overheads: every figure of the tests below by hand. */
Scenario handScenario()
{
    Scenario s = Scenario::purePacking();
    s.host.ceilingPct = 100;
    s.host.nPlusOne = false;
    s.host.cores = 16;
    s.host.sockets = 2;
    s.host.threadsPerCore = 2;
    s.host.memoryGiB = 512;
    s.host.reserveGiB = 0;
    s.host.hypervisorOverhead = Scenario::HypervisorOverhead::None;
    return s;
}

Host host(const QString &name, const QString &model, int cores, double memoryGiB)
{
    Host h;
    h.name = name;
    h.vendor = QStringLiteral("Dell");
    h.model = model;
    h.cores = cores;
    h.sockets = 2;
    h.hyperThreading = true;
    h.memoryMiB = memoryGiB * 1024;
    return h;
}

} // namespace

void TestDensityModel::boughtCapacityInPhysicalCores()
{
    // Three 4-vCPU workloads on 8-vCPU nodes: 12000m of 8000m, two nodes of 8 vCPU = 16 vCPU,
    // 8 physical cores at 2 threads per core, 64 GiB. As VMs: 12 vCPU on one host of 16 cores x
    // 2 threads x 1 = 32 vCPU: 16 physical cores, 32 vCPU, 512 GiB.
    const Scenario s = handScenario();
    QList<Workload> workloads;
    for (int i = 0; i < 3; ++i)
        workloads.append(workload(false, 4, 1024, Workload::Image::Linux, Isolation::Process, false, 30));
    const auto result = DensityEngine(s).run(workloads);
    QVERIFY(result.ok());
    const DensityResult &r = result.value();
    QCOMPARE(r.after.machines, 2.0);
    QCOMPARE(r.after.vcpu, 16.0);
    QCOMPARE(r.after.physicalCores, 8.0);
    QCOMPARE(r.after.memoryGiB, 64.0);
    QCOMPARE(r.before.machines, 1.0);
    QCOMPARE(r.before.physicalCores, 16.0);
    QCOMPARE(r.before.vcpu, 32.0);
    QCOMPARE(r.before.memoryGiB, 512.0);
    // Savings are bought before minus bought after.
    QCOMPARE(r.savedPhysicalCores, 8.0);
    QCOMPARE(r.savedVcpu, 16.0);
    QCOMPARE(r.savedMemoryGiB, 448.0);
    // Persistent volumes: 30 GiB of data each, the node keeps the 20 GiB ephemeral cap, 10 GiB
    // moves to a volume: 30 GiB of volumes, still bought, on the after side. The disk after is
    // 3 x 20 GiB of writable layers + one 191 MiB Linux image per node (0.2 GB) + the volumes.
    QCOMPARE(r.after.persistentVolumeGiB, 30.0);
    QCOMPARE(r.before.diskGiB, 90.0);
    QCOMPARE(r.after.diskGiB, 60.0 + 2 * 191 / 1024.0 + 30.0);
    QCOMPARE(r.savedDiskGiB, r.before.diskGiB - r.after.diskGiB);
    QVERIFY(r.savedDiskGiB < 0);
    QCOMPARE(DensityResult::savingInWords(r.savedDiskGiB, QStringLiteral("GiB disk")),
             QStringLiteral("needs 0.4 GiB disk more"));
    QCOMPARE(DensityResult::savingInWords(r.savedPhysicalCores, QStringLiteral("cores")),
             QStringLiteral("saves 8 cores"));
    QCOMPARE(r.baseline.source, QStringLiteral("scenario"));
    QCOMPARE(r.baseline.physicalCores, 16.0);
    const QJsonObject json = r.toJson(false);
    for (const char *key : {"basis", "baseline", "capacity", "savings", "notSchedulable", "licenses"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json[u"capacity"][u"after"][u"persistentVolumeGiB"].toDouble(), 30.0);
    QCOMPARE(json[u"savings"][u"physicalCores"].toDouble(), 8.0);
    QCOMPARE(json[u"pools"][0][u"purpose"].toString(), QStringLiteral("general"));
}

void TestDensityModel::ceilingHoldsWithNPlusOne()
{
    // Hosts of 10 cores, 1 thread, 1 vCPU per thread, 80 % ceiling: 8 vCPU each. Five 2-vCPU VMs
    // fill 2 hosts (4 + 1), and N+1 adds a spare: 3. The ceiling is not dropped with N+1 on
    // (without it, 10 vCPU per host would take all five on one host: 1 + 1).
    Scenario s = handScenario();
    s.host.cores = 10;
    s.host.threadsPerCore = 1;
    s.host.ceilingPct = 80;
    s.host.nPlusOne = true;
    QList<Workload> workloads;
    for (int i = 0; i < 5; ++i)
        workloads.append(workload(false, 2, 1024, Workload::Image::Linux, Isolation::Process));
    const auto spare = DensityEngine(s).run(workloads);
    QVERIFY(spare.ok());
    QCOMPARE(spare.value().vmHosts, 3);
    QCOMPARE(spare.value().before.physicalCores, 30.0);
    s.host.nPlusOne = false;
    const auto noSpare = DensityEngine(s).run(workloads);
    QVERIFY(noSpare.ok());
    QCOMPARE(noSpare.value().vmHosts, 2);
}

void TestDensityModel::baselineFromHosts()
{
    // Two R640 (16 cores, 192 GiB) and one R740 (24 cores, 384 GiB). w1 (4 vCPU, 8 GiB) runs on
    // a1 beside VMs of 4 vCPU and 24 GiB: a CPU share of 4/8, a memory share of 8/32. w2 (8 vCPU,
    // 16 GiB) runs on b beside 8 vCPU and no memory: 8/16 and 16/16.
    Estate estate;
    estate.hosts = {host(QStringLiteral("a1"), QStringLiteral("R640"), 16, 192),
                    host(QStringLiteral("a2"), QStringLiteral("R640"), 16, 192),
                    host(QStringLiteral("b"), QStringLiteral("R740"), 24, 384)};
    estate.loadByHost.insert(Estate::hostKey({}, QStringLiteral("a1")), {8, 32 * 1024});
    estate.loadByHost.insert(Estate::hostKey({}, QStringLiteral("b")), {16, 16 * 1024});
    Workload w1 = workload(true, 4, 8 * 1024, Workload::Image::ServerCore, Isolation::Process);
    w1.host = QStringLiteral("a1");
    Workload w2 = workload(true, 8, 16 * 1024, Workload::Image::ServerCore, Isolation::Process);
    w2.host = QStringLiteral("B"); // host names match without regard to case
    Workload w3 = workload(false, 1, 1024, Workload::Image::Linux, Isolation::Process);
    w3.host = QStringLiteral("elsewhere");
    const auto result = DensityEngine(handScenario(), estate).run({w1, w2, w3});
    QVERIFY(result.ok());
    const DensityResult &r = result.value();
    const Baseline &b = r.baseline;
    QCOMPARE(b.source, QStringLiteral("inventory"));
    QCOMPARE(b.hosts, 3.0);
    QCOMPARE(b.physicalCores, 56.0);
    QCOMPARE(b.memoryGiB, 768.0);
    QCOMPARE(b.workloadsOnUnknownHosts, 1);
    // 0.5 x 16 + 0.5 x 24 = 20 cores; 0.25 x 192 + 1 x 384 = 432 GiB; hosts max(0.5, 0.25) +
    // max(0.5, 1) = 1.5; threads 2 x 20 = 40.
    QCOMPARE(b.containerizedShare.physicalCores, 20.0);
    QCOMPARE(b.containerizedShare.memoryGiB, 432.0);
    QCOMPARE(b.containerizedShare.machines, 1.5);
    QCOMPARE(b.containerizedShare.vcpu, 40.0);
    // Repacked onto the most common model, the R640: 13 vCPU and 25 GiB fit one host of 32 vCPU.
    QCOMPARE(r.vmHosts, 1);
    QCOMPARE(r.before.physicalCores, 16.0);
    QCOMPARE(r.before.memoryGiB, 192.0);
    QVERIFY(b.hostModel.contains(QLatin1String("Dell R640 (16 cores, 192 GiB)")));
    // Licences before on the real hosts: a1 16 cores, b 24 cores, one Windows VM each, Standard
    // is cheaper: 40 core licences, (16 + 24) x 1176 / 16 = 2940.
    QCOMPARE(r.licences.before.count.standard, qint64(40));
    QCOMPARE(r.licences.before.bill.standardCores, qint64(40));
    QCOMPARE(r.licences.before.bill.cost, 2940.0);
    QCOMPARE(r.licences.before.bill.servers, 2);
    // ... and on the repacked R640: 2 Windows VMs, 16 cores of Standard.
    QCOMPARE(r.licences.repacked.count.standard, qint64(16));
}

void TestDensityModel::licenceModels_data()
{
    QTest::addColumn<int>("cores");
    QTest::addColumn<int>("virtualOses");
    QTest::addColumn<qint64>("standardCores");
    QTest::addColumn<qint64>("datacenterCores");
    QTest::addColumn<double>("cost");
    // Per 16 cores: Standard 1176, Datacenter 6771. 10 VMs on 16 cores: 5 stacks of Standard,
    // 80 cores, 5880; Datacenter 6771: Standard is cheaper.
    QTest::newRow("10 VMs: Standard") << 16 << 10 << qint64(80) << qint64(0) << 5880.0;
    // 11 VMs: 6 stacks, 96 x 73.5 = 7056 > 6771: Datacenter.
    QTest::newRow("11 VMs: Datacenter") << 16 << 11 << qint64(0) << qint64(16) << 6771.0;
    QTest::newRow("2 VMs on 32 cores") << 32 << 2 << qint64(32) << qint64(0) << 2352.0;
}

void TestDensityModel::licenceModels()
{
    QFETCH(int, cores);
    QFETCH(int, virtualOses);
    QFETCH(qint64, standardCores);
    QFETCH(qint64, datacenterCores);
    QFETCH(double, cost);
    const Scenario s;
    QCOMPARE(s.licensing.standardPer16Cores, 1176.0); // resources/density/licence-prices.json
    QCOMPARE(s.licensing.datacenterPer16Cores, 6771.0);
    QVERIFY(s.licensing.priceSource.contains(QLatin1String("Microsoft")));
    const LicenceBill bill =
        LicenceCounter::cheaperOf(LicenceCounter::forServer(cores, 2, virtualOses), s.licensing.standardPer16Cores,
                                  s.licensing.datacenterPer16Cores);
    QCOMPARE(bill.standardCores, standardCores);
    QCOMPARE(bill.datacenterCores, datacenterCores);
    QCOMPARE(bill.cost, cost);
}

void TestDensityModel::licencesAfterBothModels()
{
    // Five Windows workloads of 1 vCPU on 4-vCPU nodes (no reservations): 2 nodes. Under Azure
    // Hybrid Benefit each node counts at least 8 core licences (not a server's 16): 16, of
    // Standard at 73.5 each = 1176. Licence-included: nothing brought, 8 vCPU in the node price.
    Scenario s = handScenario();
    s.node.vcpu = 4;
    s.node.memoryGiB = 16;
    QList<Workload> workloads;
    for (int i = 0; i < 5; ++i)
        workloads.append(workload(true, 1, 1024, Workload::Image::ServerCore, Isolation::Process));
    const auto hybrid = DensityEngine(s).run(workloads);
    QVERIFY(hybrid.ok());
    QCOMPARE(hybrid.value().containerNodes, 2);
    QCOMPARE(hybrid.value().licences.model, QStringLiteral("hybrid-benefit"));
    QCOMPARE(hybrid.value().licencesAfter.standard, qint64(16));
    QCOMPARE(hybrid.value().licencesAfter.datacenter, qint64(16));
    QCOMPARE(hybrid.value().licences.after.bill.cost, 1176.0);
    QVERIFY(hybrid.value().licences.basis.contains(QLatin1String("at least 8 per VM")));
    s.licensing.model = Scenario::LicensingModel::Included;
    const auto included = DensityEngine(s).run(workloads);
    QVERIFY(included.ok());
    QCOMPARE(included.value().licences.model, QStringLiteral("included"));
    QCOMPARE(included.value().licencesAfter.standard, qint64(0));
    QCOMPARE(included.value().licences.after.bill.cost, 0.0);
    QCOMPARE(included.value().licences.includedVcpu, qint64(8));
    QVERIFY(included.value().licences.basis.contains(QLatin1String("pay-as-you-go")));
    // Before: 5 Windows VMs on one 16-core host on 2 sockets: 3 Standard stacks = 48 cores, 3528.
    QCOMPARE(hybrid.value().licencesBefore.standard, qint64(48));
    QCOMPARE(hybrid.value().licences.before.bill.cost, 3528.0);
    // Prices of the consultant's own need a source.
    QVERIFY(!Scenario::fromJson(QJsonDocument::fromJson(R"({"licensing": {"standardPer16Cores": 900}})").object()));
    QVERIFY(Scenario::fromJson(QJsonDocument::fromJson(
                                   R"({"licensing": {"model": "included", "standardPer16Cores": 900,
                                       "priceSource": "EA price sheet 2026"}})")
                                   .object()));
}

void TestDensityModel::poolPurposes_data()
{
    QTest::addColumn<Workload>("w");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("pool");
    QTest::addColumn<QString>("purpose");
    const QString k8s = QStringLiteral("kubernetes");
    const QString host = QStringLiteral("container-host");
    using I = Workload::Image;
    const auto windows = [](const QString &image) {
        Workload w = workload(true, 1, 2048, I::ServerCore, Isolation::Process);
        w.baseImage = image;
        w.imageBuild = Workload::buildOfTag(image);
        return w;
    };
    const QString ltsc2025 = QStringLiteral("mcr.microsoft.com/windows/servercore:ltsc2025");
    const QString ltsc2019 = QStringLiteral("mcr.microsoft.com/windows/servercore:ltsc2019");
    QTest::newRow("linux") << workload(false, 1, 1024, I::Linux, Isolation::Process) << k8s << QStringLiteral("linux")
                           << QStringLiteral("general");
    Workload untrustedLinux = workload(false, 1, 1024, I::Linux, Isolation::Process);
    untrustedLinux.untrusted = true;
    QTest::newRow("untrusted linux") << untrustedLinux << k8s << QStringLiteral("linux-kata") << QStringLiteral("kata");
    QTest::newRow("windows") << windows(ltsc2025) << k8s << QStringLiteral("windows-10.0.26100")
                             << QStringLiteral("general");
    Workload untrusted = windows(ltsc2025);
    untrusted.untrusted = true;
    QTest::newRow("untrusted windows") << untrusted << k8s << QStringLiteral("windows-10.0.26100-untrusted")
                                       << QStringLiteral("untrusted");
    Workload gpu = windows(ltsc2025);
    gpu.gpu = true;
    QTest::newRow("directx") << gpu << k8s << QStringLiteral("windows-10.0.26100-gpu") << QStringLiteral("gpu");
    QTest::newRow("ltsc2022 keeps its pool")
        << windows(QStringLiteral("mcr.microsoft.com/windows/nanoserver:ltsc2022")) << k8s
        << QStringLiteral("windows-10.0.20348") << QStringLiteral("general");
    QTest::newRow("pinned on kubernetes") << windows(ltsc2019) << k8s << QString() << QString();
    QTest::newRow("pinned on a container host")
        << windows(ltsc2019) << host << QStringLiteral("windows-10.0.26100-pinned-10.0.17763")
        << QStringLiteral("pinned-build");
}

void TestDensityModel::poolPurposes()
{
    QFETCH(Workload, w);
    QFETCH(QString, platform);
    QFETCH(QString, pool);
    QFETCH(QString, purpose);
    Scenario s = handScenario();
    s.platform =
        platform == QLatin1String("kubernetes") ? Scenario::Platform::Kubernetes : Scenario::Platform::ContainerHost;
    s.node.linuxSystemPoolNodes = 2;
    s.overheads.containerOverhead = true;
    const PoolAssignment a = PoolPlanner::assign(w, s);
    QCOMPARE(a.name, pool);
    QCOMPARE(a.purpose, purpose);
    const auto result = DensityEngine(s).run({w});
    QVERIFY(result.ok());
    const DensityResult &r = result.value();
    if (pool.isEmpty()) {
        QCOMPARE(r.notSchedulable.size(), 1);
        QVERIFY(r.notSchedulable[0].reason.contains(QLatin1String("container host")));
        QCOMPARE(r.containerNodes, 0);
        return;
    }
    QCOMPARE(r.pools[0].name, pool);
    QCOMPARE(r.pools[0].purpose, purpose);
    if (s.platform == Scenario::Platform::Kubernetes) {
        QCOMPARE(r.pools.last().purpose, QStringLiteral("system"));
        QCOMPARE(r.pools.last().nodes, 2);
    }
    if (purpose == QLatin1String("gpu"))
        QCOMPARE(r.pools[0].nodeVcpu, s.gpuNode.vcpu);
    if (purpose == QLatin1String("pinned-build")) // Hyper-V isolation: Server Core's utility VM
        QCOMPARE(DemandModel(s).demand(w).memoryMiB, qint64(2048 + 360));
}

void TestDensityModel::untrustedApplicationsNeverShare()
{
    // Three small untrusted Windows workloads: two of Payroll, one of CRM. Payroll's share a node,
    // CRM gets its own: 2 nodes, and the lower bound sums the applications' bounds.
    Scenario s = handScenario();
    QList<Workload> workloads;
    for (const char *application : {"Payroll", "CRM", "payroll"}) {
        Workload w = workload(true, 1, 1024, Workload::Image::ServerCore, Isolation::Process);
        w.untrusted = true;
        w.application = QLatin1String(application);
        w.vmId = workloads.size() + 1;
        workloads.append(w);
    }
    const auto result = DensityEngine(s).run(workloads);
    QVERIFY(result.ok());
    const DensityResult &r = result.value();
    QCOMPARE(r.pools.size(), 1);
    QCOMPARE(r.pools[0].purpose, QStringLiteral("untrusted"));
    QCOMPARE(r.pools[0].nodes, 2);
    QCOMPARE(r.pools[0].lowerBound, 2);
    QCOMPARE(r.placement[0].node == r.placement[1].node, false);
    QHash<qint64, int> nodeOf;
    for (const Placement &p : r.placement)
        nodeOf.insert(p.vmId, p.node);
    QCOMPARE(nodeOf[1], nodeOf[3]);
    QVERIFY(nodeOf[1] != nodeOf[2]);
}

void TestDensityModel::kataOverheadInThePool()
{
    // Two untrusted Linux workloads of 4096 MiB on 8 GiB nodes (no reservations): each pod is
    // 4096 - 512 + 600 = 4184 MiB, two are 8368 > 8192, so they need two nodes; under runc
    // (4096 - 512 + 10 = 3594 each) one node takes both.
    Scenario s = handScenario();
    s.node.memoryGiB = 8;
    s.overheads.guestOsBaseline = true;
    s.overheads.containerOverhead = true;
    QList<Workload> workloads{workload(false, 1, 4096, Workload::Image::Linux, Isolation::Process),
                              workload(false, 1, 4096, Workload::Image::Linux, Isolation::Process)};
    const auto runc = DensityEngine(s).run(workloads);
    QVERIFY(runc.ok());
    QCOMPARE(runc.value().containerNodes, 1);
    workloads[0].untrusted = true;
    workloads[1].untrusted = true;
    const auto kata = DensityEngine(s).run(workloads);
    QVERIFY(kata.ok());
    QCOMPARE(kata.value().pools[0].purpose, QStringLiteral("kata"));
    QCOMPARE(kata.value().containerNodes, 2);
}

void TestDensityModel::manifestSizingFromDemand()
{
    // The manifest asks for what the engine packed: 4 vCPU of demand at an overcommit of 2 is a
    // request of 2 cores and a limit of 4; memory 8192 MiB both ways.
    Scenario s;
    s.cpuOvercommit = 2;
    s.overheads.guestOsBaseline = false;
    s.overheads.containerOverhead = false;
    s.sizing.basis = Scenario::SizingBasis::Provisioned;
    const WorkloadSizing sizing = WorkloadSizing::fromDemand(
        DemandModel(s).demand(workload(false, 4, 8192, Workload::Image::Linux, Isolation::Process)));
    QCOMPARE(sizing.cpuRequestMilli, qint64(2000));
    QCOMPARE(sizing.cpuLimitMilli, qint64(4000));
    QCOMPARE(sizing.memoryRequestMiB, qint64(8192));
    QCOMPARE(sizing.memoryLimitMiB, qint64(8192));
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
