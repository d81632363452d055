#include "costfixture.h"

#include "cost/businesscasecalculator.h"
#include "cost/densitycostmapping.h"
#include "cost/nodesizepricing.h"
#include "cost/onpremisesestate.h"
#include "cost/skuchooser.h"
#include "cost/tcoprojection.h"
#include "cost/waveramp.h"
#include "density/densityengine.h"
#include "density/workload.h"

#include <QRandomGenerator>
#include <QTest>

using namespace landfall;
using namespace landfall::test;

namespace {

constexpr double kCent = 0.005;

BusinessCaseInputs inputs(const QList<Vm> &vms, const QList<Decision> &decisions)
{
    BusinessCaseInputs in;
    in.vms = vms;
    in.decisions = decisions;
    in.book = smallBook();
    return in;
}

PoolResult pool(const QString &name, const QString &os, const QString &build, int nodes)
{
    PoolResult p;
    p.name = name;
    p.os = os;
    p.build = build;
    p.nodes = nodes;
    return p;
}

const VmCost &costOf(const BusinessCase &bc, qint64 vmId)
{
    for (const VmCost &vm : bc.vms) {
        if (vm.vmId == vmId)
            return vm;
    }
    qFatal("no cost for VM %lld", vmId);
}

/** Every cloud price of the book times `factor`; the on-premises figures and licences as they were. */
PriceBook scaledCloudPrices(PriceBook book, double factor)
{
    for (VmSku &sku : book.vmSkus) {
        sku.linuxHourly *= factor;
        sku.windowsHourly *= factor;
    }
    book.diskGiBMonth *= factor;
    book.kubernetesClusterHourly *= factor;
    book.paas.databasePerVcpuHourly *= factor;
    book.paas.databasePerGiBMonth *= factor;
    book.paas.appPlatformPerVcpuHourly *= factor;
    book.paas.appPlatformWindowsPerVcpuHourly *= factor;
    book.paas.fileSharePerGiBMonth *= factor;
    return book;
}

/** smallBook() with a 16 x 64 size at 0.90 (Windows 1.60): more than four C4 nodes (4 x 0.20). */
PriceBook bookWithLargeNodes()
{
    PriceBook book = smallBook();
    VmSku large;
    large.name = QStringLiteral("D16");
    large.vcpu = 16;
    large.memoryGiB = 64;
    large.linuxHourly = 0.90;
    large.windowsHourly = 1.60;
    VmSku named = large;
    named.name = QStringLiteral("D16x");
    named.linuxHourly = 1.00;
    named.windowsHourly = 1.70;
    book.vmSkus.append(large);
    book.vmSkus.append(named);
    return book;
}

/** Two workloads of 10 vCPU / 40 GiB that only a 16 x 64 node holds, and eight of 3 vCPU / 12 GiB. */
QList<Workload> mixedWorkloads()
{
    QList<Workload> workloads;
    for (int i = 0; i < 10; ++i) {
        Workload w;
        w.vmId = i + 1;
        w.name = QStringLiteral("vm-%1").arg(i + 1);
        w.vcpu = i < 2 ? 10 : 3;
        w.memoryMiB = (i < 2 ? 40 : 12) * 1024;
        workloads.append(w);
    }
    return workloads;
}

} // namespace

/** The business case's figures, each worked out by hand from smallBook(), and its properties over random estates. */
class TestBusinessCase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rehostAtTheRateOfItsOs()
    {
        // Linux 2 x 4 GiB, 100 GiB: A2 at 0.10 x 730 = 73, disks 100 x 0.10 = 10.
        // Windows 2 x 8 GiB, 50 GiB: B2 at the Windows rate 0.18 x 730 = 131.40, disks 5.
        // Windows DirectX 4 x 16 GiB, no disk: the GPU size G6 at 0.80 x 730 = 584.
        const QList<Vm> vms{costVm(1, linuxOs(), 2, 4, 100), costVm(2, windowsOs(), 2, 8, 50),
                            costVm(3, windowsOs(), 4, 16, 0, QStringLiteral("gui=directx"))};
        auto bc = BusinessCaseCalculator::compute(
            inputs(vms, {decisionFor(1, MigrationPath::Rehost), decisionFor(2, MigrationPath::Rehost),
                         decisionFor(3, MigrationPath::Rehost)}));
        QVERIFY(bc.ok());
        QCOMPARE(costOf(*bc, 1).sku, QStringLiteral("A2"));
        QVERIFY(qAbs(costOf(*bc, 1).monthly - 83.0) < kCent);
        QCOMPARE(costOf(*bc, 2).sku, QStringLiteral("B2"));
        QVERIFY(qAbs(costOf(*bc, 2).monthly - 136.4) < kCent);
        QCOMPARE(costOf(*bc, 3).sku, QStringLiteral("G6"));
        QVERIFY(qAbs(costOf(*bc, 3).monthly - 584.0) < kCent);
        QVERIFY(qAbs(bc->byPath.value(MigrationPath::Rehost) - (83.0 + 136.4 + 584.0)) < kCent);
    }

    void hybridBenefitTakesTheLinuxRateAndCountsTheLicence()
    {
        // Windows 2 x 8 GiB at the Linux rate: B2 0.12 x 730 = 87.60, disks 5, and the licence of
        // 8 cores (the minimum per VM): 8/16 x 1,000 / 60 months = 8.33.
        BusinessCaseInputs in = inputs({costVm(2, windowsOs(), 2, 8, 50)}, {decisionFor(2, MigrationPath::Rehost)});
        in.platform.hybridBenefit = true;
        auto bc = BusinessCaseCalculator::compute(in);
        QVERIFY(bc.ok());
        QCOMPARE(costOf(*bc, 2).sku, QStringLiteral("B2"));
        QVERIFY(qAbs(costOf(*bc, 2).monthly - (87.6 + 5 + 500.0 / 60)) < kCent);
        QVERIFY(bc->assumptions.join(u' ').contains(QLatin1String("Hybrid Benefit")));
    }

    void sizingByUtilisationAndWhatItSaved()
    {
        // 8 vCPU, 32 GiB at 25 % CPU and 10 % memory, comfort 1.3: 2.6 -> 3 vCPU, 4.16 GiB: C4
        // (0.20 x 730 = 146) where provisioned takes D8 (0.40 x 730 = 292): 146 saved a month.
        Vm vm = costVm(1, linuxOs(), 8, 32, 0);
        vm.cpuUtilPct = 25;
        vm.memoryUtilPct = 10;
        auto bc = BusinessCaseCalculator::compute(inputs({vm}, {decisionFor(1, MigrationPath::Rehost)}));
        QVERIFY(bc.ok());
        const VmCost &cost = costOf(*bc, 1);
        QCOMPARE(cost.sku, QStringLiteral("C4"));
        QCOMPARE(cost.provisionedSku, QStringLiteral("D8"));
        QVERIFY(cost.sizedByUtilisation);
        QCOMPARE(cost.sizedVcpu, 3.0);
        QVERIFY(qAbs(cost.monthly - 146.0) < kCent);
        QVERIFY(qAbs(bc->rightSizingSaving - 146.0) < kCent);
        QVERIFY(bc->anyUtilisation);
        QVERIFY(bc->assumptions.join(u' ').contains(QLatin1String("1 of 1 rehosted VMs are sized by utilisation")));

        // The same VM without its utilisation: the provisioned size, and the figures say so.
        auto plain = BusinessCaseCalculator::compute(
            inputs({costVm(1, linuxOs(), 8, 32, 0)}, {decisionFor(1, MigrationPath::Rehost)}));
        QCOMPARE(costOf(*plain, 1).sku, QStringLiteral("D8"));
        QVERIFY(!plain->anyUtilisation);
        QVERIFY(plain->assumptions.join(u' ').contains(QLatin1String("No VM has utilisation data")));
    }

    void noSizeFitsIsRefusedNamingTheVm()
    {
        auto bc = BusinessCaseCalculator::compute(
            inputs({costVm(7, linuxOs(), 32, 64, 0)}, {decisionFor(7, MigrationPath::Rehost)}));
        QVERIFY(!bc.ok());
        QCOMPARE(bc.error().subject, QStringLiteral("vm-7"));
        QVERIFY(bc.error().message.contains(QLatin1String("32 vCPU")));
    }

    void containerizeOnItsPoolsNodes()
    {
        // Pool linux: 3 nodes of 4 x 16 GiB (C4 at 0.20) with a 10 GiB OS disk: 3 x (146 + 1) = 441,
        // shared by its two VMs. System pool 2 x 147 = 294 and the cluster 0.10 x 730 = 73, shared by
        // every containerized VM. VM 10's 100 GiB less the Linux guest's 4 and the 20 GiB writable
        // layer go to persistent volumes: 76 GiB x 0.10 = 7.60. A Windows pool of 2 pays 0.38 an hour.
        const QList<Vm> vms{costVm(10, linuxOs(), 2, 4, 100), costVm(11, linuxOs(), 2, 4, 10),
                            costVm(12, windowsOs(), 2, 4, 10)};
        BusinessCaseInputs in =
            inputs(vms, {decisionFor(10, MigrationPath::Containerize), decisionFor(11, MigrationPath::Containerize),
                         decisionFor(12, MigrationPath::Containerize)});
        in.platform.kubernetesCluster = true;
        in.platform.pools = {
            PoolToPrice{QStringLiteral("linux"), false, 3, 4, 16, 10, false, false, {}, {10, 11}, {}},
            PoolToPrice{QStringLiteral("windows-10.0.20348"), true, 2, 4, 16, 10, false, false, {}, {12}, {}},
            PoolToPrice{QStringLiteral("system"), false, 2, 4, 16, 10, false, false, {}, {}, {}}};
        auto bc = BusinessCaseCalculator::compute(in);
        QVERIFY2(bc.ok(), bc.ok() ? "" : qPrintable(bc.error().toString()));
        QCOMPARE(bc->pools.size(), 3);
        QCOMPARE(bc->pools[0].sku, QStringLiteral("C4"));
        QVERIFY(qAbs(bc->pools[0].monthly - 441.0) < kCent);
        QVERIFY(qAbs(bc->pools[1].monthly - 2 * (0.38 * 730 + 1)) < kCent);
        QVERIFY(qAbs(bc->pools[2].monthly - 294.0) < kCent);
        QVERIFY(qAbs(bc->clusterMonthly - 73.0) < kCent);
        QVERIFY(qAbs(bc->persistentVolumesMonthly - 7.6) < kCent);
        const double shared = (294.0 + 73.0) / 3;
        QVERIFY(qAbs(costOf(*bc, 10).monthly - (220.5 + shared + 7.6)) < kCent);
        QVERIFY(qAbs(costOf(*bc, 11).monthly - (220.5 + shared)) < kCent);
        QVERIFY(costOf(*bc, 10).sku.isEmpty());
        QVERIFY(qAbs(bc->byPath.value(MigrationPath::Containerize) - (441 + 556.8 + 294 + 73 + 7.6)) < kCent);
    }

    void mixedNodeSizesArePricedFromTheBook()
    {
        Scenario s = Scenario::purePacking();
        s.node.vcpu = 16;
        s.node.memoryGiB = 64;
        s.nodeSizes = {{4, 16}, {16, 64}, {2, 4, 0.05, 0}};
        s.packing.mixNodeSizes = true;
        const PriceBook book = bookWithLargeNodes();
        // Unpriced sizes take the cheapest SKU of their shape, both rates; a size priced by the
        // scenario keeps its price.
        Scenario priced = NodeSizePricing::priced(s, {}, book);
        QCOMPARE(priced.nodeSizes[0].hourly, 0.20);
        QCOMPARE(priced.nodeSizes[0].windowsHourly, 0.38);
        QCOMPARE(priced.nodeSizes[1].hourly, 0.90);
        QCOMPARE(priced.nodeSizes[1].windowsHourly, 1.60);
        QCOMPARE(priced.nodeSizes[2].hourly, 0.05);
        // The SKU the scenario names is the node's own size's.
        const QJsonObject raw{{QStringLiteral("node"), QJsonObject{{QStringLiteral("sku"), QStringLiteral("D16x")}}}};
        const Scenario named = NodeSizePricing::priced(s, raw, book);
        QCOMPARE(named.nodeSizes[1].hourly, 1.00);
        QCOMPARE(named.nodeSizes[0].hourly, 0.20);
        // Not mixing: nothing is priced.
        s.packing.mixNodeSizes = false;
        QCOMPARE(NodeSizePricing::priced(s, {}, book).nodeSizes[0].hourly, 0.0);
    }

    void mixedPoolChosenAndPricedAsItsMix()
    {
        // Each 16 x 64 node holds one 10/40 workload and two 3/12 ones, exactly full: two of them
        // hold both large workloads and four small ones. The four small ones left cost 4 x 0.20 =
        // 0.80 an hour on C4 nodes (one each: two need 6 vCPU), less than a third large node at
        // 0.90 that would hold them all. So the mix is 2 x D16 + 4 x C4 = 2.60 an hour, against
        // 3 x 0.90 = 2.70 on the large size alone.
        Scenario s = Scenario::purePacking();
        s.node.vcpu = 16;
        s.node.memoryGiB = 64;
        s.nodeSizes = {{4, 16}, {16, 64}};
        s.packing.mixNodeSizes = true;
        const PriceBook book = bookWithLargeNodes();
        const Scenario priced = NodeSizePricing::priced(s, {}, book);
        const QList<Workload> workloads = mixedWorkloads();
        const auto result = DensityEngine(priced).run(workloads);
        QVERIFY(result);
        const PoolResult *linuxPool = nullptr;
        for (const PoolResult &p : result.value().pools)
            if (p.os == QLatin1String("linux") && p.purpose != QLatin1String("system"))
                linuxPool = &p;
        QVERIFY(linuxPool && linuxPool->sizeMix);
        const PoolSizeMix &mix = *linuxPool->sizeMix;
        QCOMPARE(mix.basis, QStringLiteral("hourly"));
        QCOMPARE(linuxPool->nodes, 3);
        QVERIFY(qAbs(mix.cost - 2.60) < 1e-9);
        QVERIFY(qAbs(mix.singleSizeCost - 2.70) < 1e-9);
        QCOMPARE(mix.inWords(), QStringLiteral("2 x 16 vCPU/64 GiB + 4 x 4 vCPU/16 GiB"));

        // The cost model buys the mix: 2.60 an hour x 730 = 1,898 a month for the pool.
        QList<Vm> vms;
        QList<Decision> decisions;
        for (const Workload &w : workloads) {
            vms.append(costVm(w.vmId, linuxOs(), int(w.vcpu), double(w.memoryMiB) / 1024, 0));
            decisions.append(decisionFor(w.vmId, MigrationPath::Containerize));
        }
        const ContainerPlatformToPrice platform = DensityCostMapping::map(result.value(), priced, {}, workloads, vms);
        const PoolToPrice *mapped = nullptr;
        for (const PoolToPrice &p : platform.pools)
            if (p.name == linuxPool->name)
                mapped = &p;
        QVERIFY(mapped);
        QCOMPARE(mapped->nodes, 6);
        QCOMPARE(mapped->sizes.size(), 2);
        BusinessCaseInputs in = inputs(vms, decisions);
        in.book = book;
        in.platform = platform;
        auto bc = BusinessCaseCalculator::compute(in);
        QVERIFY2(bc.ok(), bc.ok() ? "" : qPrintable(bc.error().toString()));
        const PoolCost *cost = nullptr;
        for (const PoolCost &p : bc->pools)
            if (p.name == linuxPool->name)
                cost = &p;
        QVERIFY(cost);
        QCOMPARE(cost->nodes, 6);
        QCOMPARE(cost->sku, QStringLiteral("4 x C4 + 2 x D16"));
        QVERIFY(cost->mixed);
        QVERIFY2(bc->assumptions.join(u' ').contains(QLatin1String("4 x C4 + 2 x D16 (%1)").arg(linuxPool->name)),
                 qPrintable(bc->assumptions.join(u' ')));
        QVERIFY(qAbs(cost->monthly - 1898.0) < kCent);
        QVERIFY(qAbs(cost->hourly - 2.60 / 6) < 1e-9);
    }

    void mixedPoolCostsEachSizeAtItsSku()
    {
        // 2 x D16 at 0.90 and 4 x C4 at 0.20, each node with a 10 GiB disk at 0.10: 2.60 x 730 +
        // 6 x 1 = 1,904 a month. On Windows, licence included, with the large size named D16x:
        // 2 x 1.70 + 4 x 0.38 = 4.92 an hour, 4.92 x 730 + 6 = 3,597.60.
        BusinessCaseInputs in = inputs({costVm(1, linuxOs(), 2, 4, 0)}, {decisionFor(1, MigrationPath::Containerize)});
        in.book = bookWithLargeNodes();
        PoolToPrice mixed{QStringLiteral("linux"), false, 6, 16, 64, 10, false, false, {}, {1}};
        mixed.sizes = {{16, 64, 2, {}}, {4, 16, 4, {}}};
        in.platform.pools = {mixed};
        auto bc = BusinessCaseCalculator::compute(in);
        QVERIFY(bc.ok());
        QCOMPARE(bc->pools[0].sku, QStringLiteral("2 x D16 + 4 x C4"));
        QVERIFY(qAbs(bc->pools[0].monthly - 1904.0) < kCent);
        mixed.windows = true;
        mixed.sizes[0].sku = QStringLiteral("D16x"); // named: 1.70 licence included
        in.platform.pools = {mixed};
        auto windows = BusinessCaseCalculator::compute(in);
        QVERIFY(windows.ok());
        QVERIFY(qAbs(windows->pools[0].monthly - 3597.60) < kCent);
        // A size no SKU holds is refused, naming the pool.
        mixed.sizes[1].nodeVcpu = 128;
        in.platform.pools = {mixed};
        QVERIFY(!BusinessCaseCalculator::compute(in).ok());
    }

    void gpuAndKataPoolsTakeTheirSizes()
    {
        // A GPU pool of 1 node of 4 x 16: only G6 holds it among the GPU sizes; a Kata pool: N4.
        BusinessCaseInputs in = inputs({costVm(1, windowsOs(), 2, 4, 0, QStringLiteral("gui=directx"))},
                                       {decisionFor(1, MigrationPath::Containerize)});
        in.platform.pools = {PoolToPrice{QStringLiteral("gpu"), false, 1, 4, 16, 0, true, false, {}, {1}, {}},
                             PoolToPrice{QStringLiteral("kata"), false, 1, 4, 16, 0, false, true, {}, {}, {}}};
        auto bc = BusinessCaseCalculator::compute(in);
        QVERIFY(bc.ok());
        QCOMPARE(bc->pools[0].sku, QStringLiteral("G6"));
        QCOMPARE(bc->pools[1].sku, QStringLiteral("N4"));
        // A scenario naming a size the book lacks is refused, naming the key.
        in.platform.pools[0].sku = QStringLiteral("Z9");
        auto refused = BusinessCaseCalculator::compute(in);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().subject, QStringLiteral("node.sku"));
    }

    void mappingReadsPoolsPlacementAndLicensing()
    {
        DensityResult result;
        result.pools = {
            pool(QStringLiteral("linux"), QStringLiteral("linux"), {}, 3),
            pool(QStringLiteral("windows-10.0.20348"), QStringLiteral("windows"), QStringLiteral("10.0.20348"), 2),
            pool(QStringLiteral("system"), QStringLiteral("linux"), {}, 2)};
        result.placement = {{1, QStringLiteral("a"), QStringLiteral("linux"), 1},
                            {2, QStringLiteral("b"), QStringLiteral("windows-10.0.20348"), 1}};
        Workload kata;
        kata.vmId = 1;
        kata.isolation = Isolation::Kata;
        const QList<Vm> vms{costVm(1, linuxOs(), 2, 4, 0),
                            costVm(2, windowsOs(), 2, 4, 0, QStringLiteral("gui=directx"))};
        Scenario scenario;
        const QJsonObject raw{
            {QStringLiteral("node"), QJsonObject{{QStringLiteral("sku"), QStringLiteral("D8")}}},
            {QStringLiteral("licensing"), QJsonObject{{QStringLiteral("model"), QStringLiteral("hybrid-benefit")}}}};
        const ContainerPlatformToPrice p = DensityCostMapping::map(result, scenario, raw, {kata}, vms);
        QVERIFY(p.hybridBenefit);
        QVERIFY(p.kubernetesCluster);
        QCOMPARE(p.pools.size(), 3);
        QVERIFY(p.pools[0].kata);
        QCOMPARE(p.pools[0].vmIds, QList<qint64>{1});
        QVERIFY(p.pools[1].windows);
        QCOMPARE(p.pools[1].sku, QStringLiteral("D8"));
        QVERIFY(p.pools[2].sku.isEmpty()); // the system pool is sized by the book, not the scenario
        QCOMPARE(p.pools[0].nodeVcpu, scenario.node.vcpu);
        QCOMPARE(p.gpuWorkloadsOnPlainNodes, 1);
    }

    void cloudNativeByItsTarget()
    {
        // Database 1 vCPU, 40 GiB: at least 2 vCPU, 2 x 0.25 x 730 = 365, data 40 x 0.12 = 4.80.
        // Windows app platform 4 vCPU: 4 x 0.12 x 730 = 350.40. A file share of 200 GiB: 12.
        const QList<Vm> vms{costVm(1, linuxOs(), 1, 4, 40, QStringLiteral("role=database")),
                            costVm(2, windowsOs(), 4, 8, 30, QStringLiteral("role=web")),
                            costVm(3, windowsOs(), 2, 4, 200, QStringLiteral("role=file"))};
        auto bc = BusinessCaseCalculator::compute(
            inputs(vms, {decisionFor(1, MigrationPath::CloudNative, QStringLiteral("managed database (PaaS)")),
                         decisionFor(2, MigrationPath::CloudNative, QStringLiteral("app platform or functions (PaaS)")),
                         decisionFor(3, MigrationPath::CloudNative, QStringLiteral("managed file share (PaaS)"))}));
        QVERIFY(bc.ok());
        QVERIFY(qAbs(costOf(*bc, 1).monthly - 369.8) < kCent);
        QVERIFY(qAbs(costOf(*bc, 2).monthly - 350.4) < kCent);
        QVERIFY(qAbs(costOf(*bc, 3).monthly - 12.0) < kCent);
        QVERIFY(costOf(*bc, 1).sku.isEmpty());
    }

    void todayFromTheRealHosts()
    {
        // H1 (32 cores, 2 sockets) runs two Windows VMs, H2 (16 cores) a Linux VM and a powered-off
        // Windows one. Hosts 2 x 6,000 / 12 = 1,000; virtualisation 48 x 120 / 12 = 480; H1's
        // licences: Standard 32 cores = 2 packs x 1,000 = 2,000 (Datacenter 12,000) / 60 = 33.33;
        // storage 500 GiB x 1.2 / 12 = 50; operations 4 x 10 = 40.
        QList<Vm> vms{costVm(1, windowsOs(), 2, 8, 100), costVm(2, windowsOs(), 2, 8, 100),
                      costVm(3, linuxOs(), 4, 16, 200), costVm(4, windowsOs(), 2, 8, 100)};
        vms[0].host = vms[1].host = QStringLiteral("h1");
        vms[2].host = vms[3].host = QStringLiteral("H2");
        vms[3].powerState = PowerState::Off;
        Host h1;
        h1.name = QStringLiteral("H1");
        h1.cores = 32;
        h1.sockets = 2;
        Host h2;
        h2.name = QStringLiteral("h2");
        h2.cores = 16;
        h2.sockets = 1;
        const EstateShares estate = OnPremisesEstate::cost(vms, {h1, h2}, Scenario(), smallBook());
        QVERIFY(estate.cost.realHosts);
        QCOMPARE(estate.cost.hosts, 2);
        QVERIFY(qAbs(estate.cost.hardware - 1000) < kCent);
        QVERIFY(qAbs(estate.cost.virtualisation - 480) < kCent);
        QVERIFY(qAbs(estate.cost.licences - 2000.0 / 60) < kCent);
        QVERIFY(qAbs(estate.cost.storage - 50) < kCent);
        QVERIFY(qAbs(estate.cost.operations - 40) < kCent);
        // VM 1 holds a quarter of the compute (2 of 8 vCPU, 8 of 32 GiB): 370, half H1's licences,
        // its storage 10 and operations 10; the powered-off VM only its storage and operations.
        QVERIFY(qAbs(estate.perVm.value(1) - (370 + 1000.0 / 60 + 20)) < kCent);
        QVERIFY(qAbs(estate.perVm.value(4) - 20) < kCent);
        double sum = 0;
        for (double share : estate.perVm)
            sum += share;
        QVERIFY(qAbs(sum - estate.cost.total()) < kCent);
    }

    void todayFromBaselineHostsWithoutAHostInventory()
    {
        // 8 vCPU and 32 GiB fit one default host (32 cores x 4, 504 GiB); with its spare: 2 hosts.
        const QList<Vm> vms{costVm(1, windowsOs(), 2, 8, 0), costVm(2, windowsOs(), 2, 8, 0),
                            costVm(3, linuxOs(), 4, 16, 0)};
        QCOMPARE(OnPremisesEstate::baselineHosts(vms, Scenario()), 2);
        const EstateShares estate = OnPremisesEstate::cost(vms, {}, Scenario(), smallBook());
        QVERIFY(!estate.cost.realHosts);
        QCOMPARE(estate.cost.cores, 64.0);
        // One Windows VM on each host: Standard 32 cores (2 packs, 2,000) each, over 60 months.
        QVERIFY(qAbs(estate.cost.licences - 2 * 2000.0 / 60) < kCent);
        // Retained VMs keep their share; the after side holds it in `retain`.
        auto bc = BusinessCaseCalculator::compute(
            inputs(vms, {decisionFor(1, MigrationPath::Retain), decisionFor(2, MigrationPath::Retire),
                         decisionFor(3, MigrationPath::Retain)}));
        QVERIFY(qAbs(bc->byPath.value(MigrationPath::Retain) - estate.perVm.value(1) - estate.perVm.value(3)) < kCent);
        QCOMPARE(bc->byPath.value(MigrationPath::Retire), 0.0);
        QVERIFY(qAbs(bc->before - estate.cost.total()) < kCent);
    }

    void baselineHostsOnTheScenariosOwnBasis()
    {
        // 30 Linux VMs of 4 vCPU and 8 GiB on the default host (32 cores, 2 threads, 512 GiB less
        // 8 reserved, an 80 % ceiling, KVM overhead 8,192 x 0.2 % + 218 + 4 x 8 = 8,459 MiB a VM:
        // 48 VMs a host by memory). CPU overcommit 1: 64 x 0.8 = 51 vCPU a host, 12 VMs, 3 hosts
        // and the spare; overcommit 2: 102 vCPU, 25 VMs, 2 hosts and the spare; 1 vCPU per core
        // set on purpose: 25 vCPU, 6 VMs, 5 hosts and the spare.
        QList<Vm> vms;
        QList<Decision> decisions;
        for (int i = 1; i <= 30; ++i) {
            vms.append(costVm(i, linuxOs(), 4, 8, 40));
            decisions.append(decisionFor(i, MigrationPath::Containerize));
        }
        Scenario scenario;
        scenario.sizing.basis = Scenario::SizingBasis::Provisioned;
        scenario.cpuOvercommit = 1;
        QCOMPARE(OnPremisesEstate::baselineHosts(vms, scenario), 4);
        scenario.cpuOvercommit = 2;
        QCOMPARE(OnPremisesEstate::baselineHosts(vms, scenario), 3);
        Scenario asymmetric = scenario;
        asymmetric.host.vcpuPerCore = 1.0;
        QCOMPARE(OnPremisesEstate::baselineHosts(vms, asymmetric), 6);
        QCOMPARE(OnPremisesEstate::cost(vms, {}, asymmetric, smallBook()).cost.hosts, 6);
        QCOMPARE(OnPremisesEstate::cost(vms, {}, asymmetric, smallBook()).cost.cores, 6 * 32.0);

        // Cost and density count the same hosts: the density engine's VM hosts for the same VMs
        // on the same scenario, without a host inventory.
        for (const Scenario &s : {scenario, asymmetric}) {
            Scenario like = s;
            QList<Workload> workloads;
            for (int i = 0; i < vms.size(); ++i)
                workloads.append(Workload::fromVm(vms[i], decisions[i]));
            auto density = DensityEngine(like).run(workloads);
            QVERIFY2(density.ok(), density.ok() ? "" : qPrintable(density.error().toString()));
            QCOMPARE(OnPremisesEstate::baselineHosts(vms, like), density->vmHosts);
        }
    }

    void tcoWithRampAndDoubleRunning()
    {
        // 1,000 today, 400 after, 1,200 one-off, all moved in year 1 (1/12 a month), each VM one
        // month in both places. Month m of year 1 costs 1,000 (1 - (m-1)/12) + 400 m/12 + 100, a
        // saving of 50 m - 183.33: year 1 costs 10,300 (1,700 saved), year 2 4,800; the cumulative
        // saving is -250 in month 3, -50 in month 6 and +116.67 in month 7: payback in month 7.
        TcoInputs in;
        in.before = 1000;
        in.after = 400;
        in.oneOff = 1200;
        in.rampShareByYear = {1.0};
        in.doubleRunningMonths = 1;
        in.years = 2;
        const TcoResult r = TcoProjection::project(in);
        QCOMPARE(r.years.size(), 2);
        QCOMPARE(r.years[0].year, 1);
        QVERIFY(qAbs(r.years[0].before - 12000) < kCent);
        QVERIFY(qAbs(r.years[0].after - 10300) < kCent);
        QVERIFY(qAbs(r.years[0].cumulativeSaving - 1700) < kCent);
        QVERIFY(qAbs(r.years[1].after - 4800) < kCent);
        QVERIFY(qAbs(r.years[1].cumulativeSaving - 8900) < kCent);
        QCOMPARE(r.paybackMonth, std::optional<int>(7));
        QCOMPARE(r.cumulativeAfter.size(), 24);
        QVERIFY(qAbs(r.cumulativeBefore.last() - 24000) < kCent);
    }

    void tcoWithTheWavesMonthByMonth()
    {
        // Two waves: half the VMs in one from month 1 to 2, the rest in one within month 2; each
        // VM one month on premises after its wave. Started: 1/2, 1, 1; moved: 0, 1/2, 1.
        // Month 1: 1,000 + 400 x 1/2 + 1,200 x 1/2 = 1,800; month 2: 1,000 + 400 + 600 = 2,000;
        // month 3: 1,000 x 1/2 + 400 = 900; then 400. Year 1: 1,800 + 2,000 + 900 + 9 x 400 =
        // 8,300, a saving of 3,700; cumulative -800, -1,800, -1,700, -1,100, -500, +100: month 6.
        TcoInputs in;
        in.before = 1000;
        in.after = 400;
        in.oneOff = 1200;
        in.rampShareByYear = {0.5, 0.5}; // not used: the waves say when
        WaveRamp waves;
        waves.startedShareByMonth = {0.5, 1.0, 1.0};
        waves.movedShareByMonth = {0.0, 0.5, 1.0};
        in.waves = waves;
        in.doubleRunningMonths = 1;
        in.years = 1;
        const TcoResult r = TcoProjection::project(in);
        QCOMPARE(r.years.size(), 1);
        QVERIFY(qAbs(r.cumulativeAfter[0] - 1800) < kCent);
        QVERIFY(qAbs(r.cumulativeAfter[1] - 3800) < kCent);
        QVERIFY(qAbs(r.cumulativeAfter[2] - 4700) < kCent);
        QVERIFY(qAbs(r.years[0].after - 8300) < kCent);
        QVERIFY(qAbs(r.years[0].cumulativeSaving - 3700) < kCent);
        QCOMPARE(r.paybackMonth, std::optional<int>(6));
    }

    void waveRampFromAPlan()
    {
        // Waves ending in April (10 and 30 VMs, the first started in March) and June (10 VMs,
        // started on 31 May): months March to June.
        WavePlan plan;
        const auto wave = [](int number, const QDate &start, const QDate &end, int vms) {
            Wave w;
            w.number = number;
            w.start = start;
            w.end = end;
            w.vms = vms;
            return w;
        };
        plan.waves = {wave(1, QDate(2027, 3, 29), QDate(2027, 4, 9), 10),
                      wave(2, QDate(2027, 4, 12), QDate(2027, 4, 23), 30),
                      wave(3, QDate(2027, 5, 31), QDate(2027, 6, 11), 10)};
        const std::optional<WaveRamp> ramp = WaveRamp::fromPlan(plan);
        QVERIFY(ramp);
        QCOMPARE(ramp->startedShareByMonth, (QList<double>{0.2, 0.8, 1.0, 1.0}));
        QCOMPARE(ramp->movedShareByMonth, (QList<double>{0.0, 0.8, 0.8, 1.0}));
        QCOMPARE(ramp->waves, 3);
        QCOMPARE(ramp->vms, 50);
        QCOMPARE(ramp->start, QDate(2027, 3, 29));
        QCOMPARE(ramp->end, QDate(2027, 6, 11));
        QCOMPARE(WaveRamp::at(ramp->movedShareByMonth, 0), 0.0);
        QCOMPARE(WaveRamp::at(ramp->movedShareByMonth, 2), 0.8);
        QCOMPARE(WaveRamp::at(ramp->movedShareByMonth, 9), 1.0);
        QVERIFY(!WaveRamp::fromPlan(WavePlan()));

        // The business case says which ramp it used.
        const QList<Vm> vms{costVm(1, linuxOs(), 2, 8, 0), costVm(2, linuxOs(), 2, 8, 0)};
        BusinessCaseInputs in =
            inputs(vms, {decisionFor(1, MigrationPath::Rehost), decisionFor(2, MigrationPath::Retire)});
        auto byYears = BusinessCaseCalculator::compute(in);
        QVERIFY(byYears->assumptions.join(u' ').contains(QLatin1String("the project has no wave plan")));
        in.waves = ramp;
        auto byWaves = BusinessCaseCalculator::compute(in);
        const QString said = byWaves->assumptions.join(u' ');
        QVERIFY2(said.contains(QLatin1String("follows the project's wave plan, month by month: 3 waves move 50 VMs "
                                             "from 2027-03-29 to 2027-06-11")),
                 qPrintable(said));
        QVERIFY(!said.contains(QLatin1String("no wave plan")));
        // The same monthly figures, another path over the months.
        QCOMPARE(byWaves->after, byYears->after);
        QVERIFY(byWaves->years[0].after != byYears->years[0].after);
    }

    void rampOverTwoYears()
    {
        // Half in each year: by the end of month 6, a quarter moved; of month 18, three quarters.
        QCOMPARE(TcoProjection::movedBy(6, {0.5, 0.5}), 0.25);
        QCOMPARE(TcoProjection::movedBy(18, {0.5, 0.5}), 0.75);
        QCOMPARE(TcoProjection::movedBy(30, {0.5, 0.5}), 1.0);
        QCOMPARE(TcoProjection::movedBy(0, {0.5, 0.5}), 0.0);
    }

    void paybackNeverOrAfterTheHorizon()
    {
        TcoInputs dearer;
        dearer.before = 1000;
        dearer.after = 1100;
        QVERIFY(!TcoProjection::project(dearer).paybackMonth);

        // 1,000 against 990 with 12,000 one-off: -11,935 after year 1, then 10 a month: month 12 + 1,194.
        TcoInputs slow;
        slow.before = 1000;
        slow.after = 990;
        slow.oneOff = 12000;
        slow.years = 1;
        QCOMPARE(TcoProjection::project(slow).paybackMonth, std::optional<int>(1206));
    }

    void properties_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 17u, 99u})
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void properties()
    {
        // A random estate through the density engine and the default price book.
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        QList<Vm> vms;
        QList<Decision> decisions;
        const MigrationPath paths[] = {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                                       MigrationPath::Retire, MigrationPath::Retain};
        for (int i = 1; i <= 150; ++i) {
            const bool win = random.bounded(2) == 0;
            Vm vm = costVm(i, win ? windowsOs() : linuxOs(), 1 + random.bounded(16), 1 + random.bounded(64),
                           random.bounded(500), random.bounded(10) == 0 ? QStringLiteral("gui=directx") : QString());
            vm.powerState = random.bounded(8) == 0 ? PowerState::Off : PowerState::On;
            if (random.bounded(2) == 0) {
                vm.cpuUtilPct = random.bounded(100.0);
                vm.memoryUtilPct = random.bounded(100.0);
            }
            vms.append(vm);
            const MigrationPath path = paths[random.bounded(5)];
            decisions.append(decisionFor(i, path,
                                         path == MigrationPath::CloudNative && random.bounded(2) == 0
                                             ? QStringLiteral("managed database (PaaS)")
                                             : QString()));
        }
        QList<Workload> workloads;
        for (int i = 0; i < vms.size(); ++i) {
            if (decisions[i].path == MigrationPath::Containerize)
                workloads.append(Workload::fromVm(vms[i], decisions[i]));
        }
        Scenario scenario;
        scenario.node.vcpu = 32;
        scenario.node.memoryGiB = 256;
        const auto density = DensityEngine(scenario).run(workloads);
        QVERIFY2(density.ok(), density.ok() ? "" : qPrintable(density.error().toString()));

        BusinessCaseInputs in;
        in.vms = vms;
        in.decisions = decisions;
        in.scenario = scenario;
        in.platform = DensityCostMapping::map(density.value(), scenario, {}, workloads, vms);
        in.book = PriceBook::builtIn();
        auto bc = BusinessCaseCalculator::compute(in);
        QVERIFY2(bc.ok(), bc.ok() ? "" : qPrintable(bc.error().toString()));

        // monthly.after is the sum of byPath, in the model and in the JSON.
        double sum = 0;
        for (double part : bc->byPath)
            sum += part;
        QVERIFY(qAbs(bc->after - sum) < 1e-6);
        const QJsonObject monthly = bc->toJson().value(QLatin1String("monthly")).toObject();
        double jsonSum = 0;
        for (const QJsonValue part : monthly.value(QLatin1String("byPath")).toObject())
            jsonSum += part.toDouble();
        QVERIFY(qAbs(monthly.value(QLatin1String("after")).toDouble() - jsonSum) < 1e-6);
        QVERIFY(qAbs(bc->before - bc->estate.total()) < 1e-6);

        // No rehosted VM on a size smaller than its sizing; each one's rate x hours plus its disks.
        for (const VmCost &cost : bc->vms) {
            if (cost.path != MigrationPath::Rehost)
                continue;
            const auto sku = SkuChooser::byName(in.book.vmSkus, cost.sku);
            QVERIFY(sku);
            QVERIFY2(sku->vcpu >= cost.sizedVcpu && sku->memoryGiB + 1e-9 >= cost.sizedMemoryGiB,
                     qPrintable(cost.name));
            const Vm &vm = vms[int(cost.vmId) - 1];
            QCOMPARE(sku->gpu, DensityCostMapping::needsGpu(vm));
            const double rate = vm.os.isWindows() ? sku->windowsHourly : sku->linuxHourly;
            QVERIFY(qAbs(cost.monthly -
                         (rate * in.book.hoursPerMonth + vm.provisionedMiB / 1024 * in.book.diskGiBMonth)) < 1e-6);
        }

        // Doubling every cloud price doubles the cloud part of `after`, and leaves today alone.
        BusinessCaseInputs doubled = in;
        doubled.book = scaledCloudPrices(in.book, 2);
        auto bc2 = BusinessCaseCalculator::compute(doubled);
        QVERIFY(bc2.ok());
        QVERIFY(bc->cloudAfter() > 0);
        QVERIFY(qAbs(bc2->cloudAfter() - 2 * bc->cloudAfter()) < 1e-6 * bc->cloudAfter());
        QVERIFY(qAbs(bc2->before - bc->before) < 1e-9);
        QVERIFY(qAbs(bc2->byPath.value(MigrationPath::Retain) - bc->byPath.value(MigrationPath::Retain)) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestBusinessCase)
#include "tst_businesscase.moc"
