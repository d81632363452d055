#include "businesscasecalculator.h"

#include "onpremisesestate.h"
#include "skuchooser.h"
#include "tcoprojection.h"

#include "density/demandmodel.h"
#include "density/licencecounter.h"
#include "density/workload.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace landfall {

namespace {

constexpr MigrationPath kPaths[] = {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                                    MigrationPath::Retire, MigrationPath::Retain};

double diskGiB(const Vm &vm)
{
    return (vm.provisionedMiB > 0 ? vm.provisionedMiB : vm.usedMiB) / 1024.0;
}

double dataGiB(const Vm &vm)
{
    return (vm.usedMiB > 0 ? vm.usedMiB : vm.provisionedMiB) / 1024.0;
}

QString number(double value, int decimals = 1)
{
    return QLocale().toString(value, 'f', decimals);
}

/** A Windows licence brought under Azure Hybrid Benefit, a month: at least 8 cores per VM. */
double hybridLicenceMonthly(int vcpu, const PriceBook &book)
{
    const double cores = std::max(8, vcpu);
    return cores / 16.0 * book.licences.windowsServerStandardPer16Cores / (book.licences.amortisationYears * 12.0);
}

/** Prices one VM's path; the calculator's bookkeeping (sums, pools) stays outside. */
class VmPricer {
public:
    VmPricer(const BusinessCaseInputs &in)
        : m_in(in)
        , m_demand(in.scenario)
    {}

    std::optional<CostError> rehost(const Vm &vm, const Decision &decision, VmCost &cost) const
    {
        const Workload w = Workload::fromVm(vm, decision);
        const WorkloadDemand d = m_demand.demand(w);
        const bool windows = vm.os.isWindows();
        const bool licenceIncluded = windows && !m_in.platform.hybridBenefit;
        SkuNeed need;
        need.vcpu = double(d.vmVcpu);
        need.memoryGiB = double(d.vmMemoryMiB) / 1024.0;
        need.gpu = DensityCostMapping::needsGpu(vm);
        need.windowsLicenceIncluded = licenceIncluded;
        cost.sizedVcpu = need.vcpu;
        cost.sizedMemoryGiB = need.memoryGiB;
        cost.sizedByUtilisation = m_in.scenario.sizing.basis == Scenario::SizingBasis::Performance &&
                                  (vm.cpuUtilPct.has_value() || vm.memoryUtilPct.has_value());
        const std::optional<VmSku> sku = SkuChooser::cheapestFitting(m_in.book.vmSkus, need);
        if (!sku)
            return CostError{vm.name, QStringLiteral("no %1size in the price book has %2 vCPU and %3 GiB")
                                          .arg(need.gpu ? QStringLiteral("GPU ") : QString(), number(need.vcpu, 0),
                                               number(need.memoryGiB))};
        cost.sku = sku->name;
        cost.monthly = monthlyOf(*sku, vm, windows, licenceIncluded);
        cost.target =
            QStringLiteral("%1 (%2 vCPU, %3 GiB)").arg(sku->name).arg(sku->vcpu).arg(number(sku->memoryGiB, 0));

        // What the VM would take as provisioned: the saving that sizing by utilisation shows.
        SkuNeed provisioned = need;
        provisioned.vcpu = std::max(1, vm.vcpu);
        provisioned.memoryGiB = vm.memoryMiB / 1024.0;
        const std::optional<VmSku> asProvisioned = SkuChooser::cheapestFitting(m_in.book.vmSkus, provisioned);
        cost.provisionedSku = asProvisioned ? asProvisioned->name : QString();
        cost.provisionedMonthly = asProvisioned ? monthlyOf(*asProvisioned, vm, windows, licenceIncluded) : 0;
        return std::nullopt;
    }

    /** The SKU's hourly rate for the month, the VM's disks, and its own licence under Hybrid Benefit. */
    double monthlyOf(const VmSku &sku, const Vm &vm, bool windows, bool licenceIncluded) const
    {
        const PriceBook &b = m_in.book;
        double monthly = sku.hourly(licenceIncluded) * b.hoursPerMonth + diskGiB(vm) * b.diskGiBMonth;
        if (windows && !licenceIncluded)
            monthly += hybridLicenceMonthly(sku.vcpu, b);
        return monthly;
    }

    void cloudNative(const Vm &vm, const Decision &decision, VmCost &cost) const
    {
        const PriceBook &b = m_in.book;
        const WorkloadDemand d = m_demand.demand(Workload::fromVm(vm, decision));
        const QString target = decision.target.toLower();
        const QString role = vm.answers.value(WorkshopAnswers::Attribute::Role);
        const double data = dataGiB(vm);
        cost.sizedVcpu = double(d.vmVcpu);
        cost.sizedMemoryGiB = double(d.vmMemoryMiB) / 1024.0;
        cost.sizedByUtilisation =
            m_in.scenario.sizing.basis == Scenario::SizingBasis::Performance && vm.cpuUtilPct.has_value();
        if (target.contains(QLatin1String("database")) || role == QLatin1String("database")) {
            const double vcpu = std::max<double>(b.paas.databaseMinVcpu, cost.sizedVcpu);
            cost.monthly = vcpu * b.paas.databasePerVcpuHourly * b.hoursPerMonth + data * b.paas.databasePerGiBMonth;
            cost.target = QStringLiteral("managed database, %1 vCPU, %2 GiB").arg(number(vcpu, 0), number(data));
        } else if (target.contains(QLatin1String("file")) || role == QLatin1String("file")) {
            cost.monthly = data * b.paas.fileSharePerGiBMonth;
            cost.target = QStringLiteral("managed file share, %1 GiB").arg(number(data));
        } else {
            const double vcpu = std::max<double>(b.paas.appPlatformMinVcpu, cost.sizedVcpu);
            const double rate =
                vm.os.isWindows() ? b.paas.appPlatformWindowsPerVcpuHourly : b.paas.appPlatformPerVcpuHourly;
            cost.monthly = vcpu * rate * b.hoursPerMonth;
            cost.target = QStringLiteral("app platform, %1 vCPU").arg(number(vcpu, 0));
        }
    }

    /** The VM's data beyond its container's writable layer, on persistent volumes. */
    double persistentVolumeGiB(const Vm &vm, const Decision &decision) const
    {
        const auto &o = m_in.scenario.overheads;
        if (!o.persistentVolumes)
            return 0;
        const Workload w = Workload::fromVm(vm, decision);
        const double data = o.guestOsBaseline ? w.diskGiB - DemandModel::guestBaselineDiskGiB(w) : w.diskGiB;
        return std::max(0.0, data - std::max(o.writableLayerFloorGiB, o.ephemeralCapGiB));
    }

private:
    const BusinessCaseInputs &m_in;
    DemandModel m_demand;
};

} // namespace

Result<BusinessCase, CostError> BusinessCaseCalculator::compute(const BusinessCaseInputs &in)
{
    const PriceBook &book = in.book;
    BusinessCase bc;
    bc.currency = book.currency;
    bc.priceBookName = book.name;
    bc.priceBookDate = book.date;
    bc.scenario = in.scenario.name;
    for (MigrationPath path : kPaths) {
        bc.byPath.insert(path, 0);
        bc.beforeByPath.insert(path, 0);
    }

    const EstateShares estate = OnPremisesEstate::cost(in.vms, in.hosts, in.scenario, book);
    bc.estate = estate.cost;
    bc.before = estate.cost.total();

    QHash<qint64, const Decision *> decisionOf;
    for (const Decision &d : in.decisions)
        decisionOf.insert(d.vmId, &d);

    const VmPricer pricer(in);
    QHash<qint64, int> rowOf;
    int undecided = 0;
    QList<int> containerRows;
    for (const Vm &vm : in.vms) {
        VmCost cost;
        cost.vmId = vm.id;
        cost.name = vm.name;
        cost.before = estate.perVm.value(vm.id);
        const Decision *decision = decisionOf.value(vm.id);
        if (!decision)
            ++undecided;
        cost.path = decision ? decision->path : MigrationPath::Retain;
        switch (cost.path) {
        case MigrationPath::Rehost:
            if (const auto error = pricer.rehost(vm, *decision, cost))
                return *error;
            ++bc.rehostedVms;
            if (cost.sizedByUtilisation) {
                ++bc.vmsSizedByUtilisation;
                bc.rightSizingSaving += cost.provisionedMonthly - cost.monthly;
            }
            break;
        case MigrationPath::Containerize: {
            const double pv = pricer.persistentVolumeGiB(vm, *decision);
            cost.monthly = pv * book.diskGiBMonth;
            bc.persistentVolumesMonthly += cost.monthly;
            cost.target = QStringLiteral("containers");
            containerRows.append(int(bc.vms.size()));
            break;
        }
        case MigrationPath::CloudNative:
            pricer.cloudNative(vm, *decision, cost);
            break;
        case MigrationPath::Retire:
            cost.target = QStringLiteral("switched off");
            break;
        case MigrationPath::Retain:
            cost.monthly = cost.before;
            cost.target = QStringLiteral("stays on premises");
            break;
        }
        bc.anyUtilisation = bc.anyUtilisation || vm.cpuUtilPct.has_value() || vm.memoryUtilPct.has_value();
        rowOf.insert(vm.id, int(bc.vms.size()));
        bc.vms.append(cost);
    }

    // The node pools: their nodes at the size's rate, the nodes' OS disks, and under Hybrid
    // Benefit the Windows nodes' own licences; each pool shared by the VMs placed on it, and what
    // no VM is placed on (the system pool, the cluster fee) shared by every containerized VM.
    int windowsNodes = 0;
    for (const PoolToPrice &pool : in.platform.pools)
        windowsNodes += pool.windows ? pool.nodes : 0;
    double windowsNodeLicences = 0;
    if (in.platform.hybridBenefit && windowsNodes > 0) {
        const LicenceCount &l = in.platform.licencesAfter;
        windowsNodeLicences = std::min(double(l.standard) / 16.0 * book.licences.windowsServerStandardPer16Cores,
                                       double(l.datacenter) / 16.0 * book.licences.windowsServerDatacenterPer16Cores) /
                              (book.licences.amortisationYears * 12.0);
    }
    double shared = 0;
    for (const PoolToPrice &pool : in.platform.pools) {
        const bool licenceIncluded = pool.windows && !in.platform.hybridBenefit;
        // One size, or each size of the pool's mix, at its SKU's rate.
        QList<PoolSizeToPrice> sizes = pool.sizes;
        if (sizes.isEmpty())
            sizes.append({pool.nodeVcpu, pool.nodeMemoryGiB, pool.nodes, pool.sku});
        PoolCost priced;
        priced.name = pool.name;
        priced.nodes = 0;
        double hourly = 0;     // the pool's, all its nodes
        double nodeHourly = 0; // one node's, of the last size
        QStringList skuNames;
        for (const PoolSizeToPrice &size : std::as_const(sizes)) {
            std::optional<VmSku> sku;
            if (!size.sku.isEmpty()) {
                sku = SkuChooser::byName(book.vmSkus, size.sku);
                if (!sku)
                    return CostError{QStringLiteral("node.sku"),
                                     QStringLiteral("the scenario names size '%1', which the price book does not list")
                                         .arg(size.sku)};
            } else {
                SkuNeed need;
                need.vcpu = size.nodeVcpu;
                need.memoryGiB = size.nodeMemoryGiB;
                need.gpu = pool.gpu;
                need.nestedVirtualisation = pool.kata;
                need.windowsLicenceIncluded = licenceIncluded;
                sku = SkuChooser::forNode(book.vmSkus, need);
                if (!sku)
                    return CostError{pool.name,
                                     QStringLiteral("no %1size in the price book holds a node of %2 vCPU and %3 GiB")
                                         .arg(pool.gpu ? QStringLiteral("GPU ") : QString())
                                         .arg(size.nodeVcpu)
                                         .arg(number(size.nodeMemoryGiB, 0))};
            }
            priced.nodes += size.nodes;
            nodeHourly = sku->hourly(licenceIncluded);
            hourly += double(size.nodes) * nodeHourly;
            skuNames.append(pool.sizes.isEmpty() ? sku->name
                                                 : QStringLiteral("%1 x %2").arg(size.nodes).arg(sku->name));
        }
        priced.sku = skuNames.join(QStringLiteral(" + "));
        priced.mixed = !pool.sizes.isEmpty();
        // A mixed pool's rate is its nodes' mean, so that nodes x hourly stays the pool's hourly cost.
        priced.hourly = pool.sizes.isEmpty() || priced.nodes == 0 ? nodeHourly : hourly / double(priced.nodes);
        priced.monthly = hourly * book.hoursPerMonth + double(priced.nodes) * pool.nodeDiskGiB * book.diskGiBMonth;
        if (pool.windows && windowsNodeLicences > 0)
            priced.monthly += windowsNodeLicences * double(pool.nodes) / double(windowsNodes);
        bc.pools.append(priced);
        QList<int> rows;
        for (qint64 id : pool.vmIds) {
            const int row = rowOf.value(id, -1);
            if (row >= 0 && bc.vms[row].path == MigrationPath::Containerize)
                rows.append(row);
        }
        if (rows.isEmpty()) {
            shared += priced.monthly;
        } else {
            for (int row : std::as_const(rows))
                bc.vms[row].monthly += priced.monthly / double(rows.size());
        }
    }
    if (in.platform.kubernetesCluster)
        bc.clusterMonthly = book.kubernetesClusterHourly * book.hoursPerMonth;
    shared += bc.clusterMonthly;
    if (!containerRows.isEmpty()) {
        for (int row : std::as_const(containerRows))
            bc.vms[row].monthly += shared / double(containerRows.size());
    } else {
        bc.byPath[MigrationPath::Containerize] += shared; // nothing to share it over, but still bought
    }

    double oneOff = 0;
    for (const VmCost &cost : std::as_const(bc.vms)) {
        bc.byPath[cost.path] += cost.monthly;
        bc.beforeByPath[cost.path] += cost.before;
        oneOff += book.migration.perVm.value(cost.path, 0);
    }
    for (MigrationPath path : kPaths)
        bc.after += bc.byPath.value(path);
    bc.oneOffMigration = oneOff;

    TcoInputs tco;
    tco.before = bc.before;
    tco.stayingBefore = bc.beforeByPath.value(MigrationPath::Retain);
    tco.after = bc.after;
    tco.stayingAfter = bc.byPath.value(MigrationPath::Retain);
    tco.oneOff = oneOff;
    tco.rampShareByYear = book.migration.rampShareByYear;
    tco.waves = in.waves;
    tco.doubleRunningMonths = book.migration.doubleRunningMonths;
    tco.years = in.years;
    const TcoResult projected = TcoProjection::project(tco);
    bc.years = projected.years;
    bc.paybackMonth = projected.paybackMonth;
    bc.cumulativeBefore = projected.cumulativeBefore;
    bc.cumulativeAfter = projected.cumulativeAfter;

    // The assumptions, in sentences a CIO can read.
    QStringList &a = bc.assumptions;
    const auto money = [&](double amount) { return book.formatMoney(amount); };
    a.append(QStringLiteral("Prices from \"%1\" dated %2, in %3, at %4 hours a month; list prices change: check them "
                            "against the Azure pricing calculator for the customer's region and agreement.")
                 .arg(book.name, book.date, book.currency, number(book.hoursPerMonth, 0)));
    if (!bc.anyUtilisation) {
        a.append(QStringLiteral("No VM has utilisation data: every figure is at provisioned size (each VM on a size "
                                "that holds its configured vCPU and memory); sizing by utilisation would be lower."));
    } else if (in.scenario.sizing.basis == Scenario::SizingBasis::Performance) {
        a.append(QStringLiteral("%1 of %2 rehosted VMs are sized by utilisation (%3th percentile x %4); sizing by it "
                                "saves %5 a month against their provisioned sizes; the others are at provisioned size.")
                     .arg(bc.vmsSizedByUtilisation)
                     .arg(bc.rehostedVms)
                     .arg(number(in.scenario.sizing.percentile, 0), number(in.scenario.sizing.comfortFactor, 2),
                          money(bc.rightSizingSaving)));
    } else {
        a.append(QStringLiteral("Every VM is sized as provisioned (the scenario's sizing basis), though some have "
                                "utilisation data."));
    }
    const EstateCost &e = bc.estate;
    if (e.realHosts)
        a.append(QStringLiteral("Today: the inventory's %1 hosts (%2 cores) at %3 a host and %4 a core a year for "
                                "virtualisation, with storage at %5 a GiB and operations at %6 a VM a year.")
                     .arg(e.hosts)
                     .arg(number(e.cores, 0), money(book.onPremises.perHostYear),
                          money(book.onPremises.perCoreYearVirtualisation), money(book.onPremises.perGiBYearStorage),
                          money(book.onPremises.perVmYearOperations)));
    else
        a.append(QStringLiteral("Today: the inventory lists no hosts, so %1 hosts of %2 cores and %3 GiB are counted, "
                                "enough for the powered-on VMs at %4 vCPU per core%5; %6 a host and %7 a core a year "
                                "for virtualisation, storage at %8 a GiB and operations at %9 a VM a year.")
                     .arg(e.hosts)
                     .arg(in.scenario.host.cores)
                     .arg(number(in.scenario.host.memoryGiB, 0),
                          number(in.scenario.hostVcpuPerCore(in.scenario.host.threadsPerCore), 1),
                          in.scenario.host.nPlusOne ? QStringLiteral(" with one spare") : QString(),
                          money(book.onPremises.perHostYear), money(book.onPremises.perCoreYearVirtualisation),
                          money(book.onPremises.perGiBYearStorage), money(book.onPremises.perVmYearOperations)));
    a.append(QStringLiteral("Windows Server on premises: per host the cheaper of Standard (%1) and Datacenter (%2) per "
                            "16 cores, spread over %3 years.")
                 .arg(money(book.licences.windowsServerStandardPer16Cores),
                      money(book.licences.windowsServerDatacenterPer16Cores),
                      number(book.licences.amortisationYears, 0)));
    a.append(
        in.platform.hybridBenefit
            ? QStringLiteral("Windows in Azure under Azure Hybrid Benefit: Windows VMs and nodes at the Linux rate, "
                             "with the customer's Standard licences counted (at least 8 cores per VM).")
            : QStringLiteral("Windows in Azure with the licence included in the pay-as-you-go rate."));
    a.append(QStringLiteral("Rehosted VMs on the cheapest size that holds their sized vCPU and memory (GPU sizes only "
                            "for DirectX workloads), with their provisioned disks at %1 a GiB a month.")
                 .arg(money(book.diskGiBMonth)));
    if (!in.platform.pools.isEmpty()) {
        int nodes = 0;
        QStringList skus;
        for (const PoolCost &pool : std::as_const(bc.pools)) {
            nodes += pool.nodes;
            skus.append(pool.mixed ? QStringLiteral("%1 (%2)").arg(pool.sku, pool.name)
                                   : QStringLiteral("%1 x %2 (%3)").arg(pool.nodes).arg(pool.sku, pool.name));
        }
        a.append(QStringLiteral("Containers: %1 nodes (%2)%3, node disks and persistent volumes at the disk rate.")
                     .arg(nodes)
                     .arg(skus.join(QStringLiteral(", ")), in.platform.kubernetesCluster
                                                               ? QStringLiteral(", one managed cluster at %1 an hour")
                                                                     .arg(money(book.kubernetesClusterHourly))
                                                               : QString()));
    }
    if (in.densityResultMissing)
        a.append(QStringLiteral("The containerized VMs have no density result: their nodes are not priced."));
    if (in.platform.gpuWorkloadsOnPlainNodes > 0)
        a.append(QStringLiteral("%1 DirectX workloads are in pool %2, priced without GPUs: the density result has no "
                                "GPU pool for them.")
                     .arg(in.platform.gpuWorkloadsOnPlainNodes)
                     .arg(in.platform.gpuPlainPool));
    a.append(QStringLiteral("PaaS: managed databases at %1 a vCPU an hour (at least %2) and %3 a GiB a month, app "
                            "platforms at %4 a vCPU an hour (%5 on Windows), file shares at %6 a GiB a month.")
                 .arg(money(book.paas.databasePerVcpuHourly))
                 .arg(book.paas.databaseMinVcpu)
                 .arg(money(book.paas.databasePerGiBMonth), money(book.paas.appPlatformPerVcpuHourly),
                      money(book.paas.appPlatformWindowsPerVcpuHourly), money(book.paas.fileSharePerGiBMonth)));
    a.append(QStringLiteral("Retained VMs stay at their share of today's cost (hosts by vCPU and memory, licences by "
                            "host, their own storage and operations); retired VMs cost nothing after the move."));
    if (undecided > 0)
        a.append(
            QStringLiteral("%1 VMs have no decision yet: they are counted as staying where they are.").arg(undecided));
    const auto months = [](qsizetype n) {
        return n == 1 ? QStringLiteral("1 month") : QStringLiteral("%1 months").arg(n);
    };
    if (in.waves) {
        const WaveRamp &w = *in.waves;
        a.append(
            QStringLiteral("The move follows the project's wave plan, month by month: %1 waves move %2 VMs from "
                           "%3 to %4 (month 1 is the first wave's month, %5 in all); each VM runs in the "
                           "cloud from its wave's start and on premises until its wave's end and %6 "
                           "after; one-off migration costs %7 in all, paid as each wave starts.")
                .arg(w.waves)
                .arg(w.vms)
                .arg(w.start.toString(Qt::ISODate), w.end.toString(Qt::ISODate))
                .arg(months(w.movedShareByMonth.size()), months(book.migration.doubleRunningMonths), money(oneOff)));
    } else {
        QStringList ramp;
        for (double share : book.migration.rampShareByYear)
            ramp.append(number(share * 100, 0) + QStringLiteral(" %"));
        a.append(QStringLiteral("The move: %1 of the VMs in successive years (the price book's ramp: the project has "
                                "no wave plan), spread evenly over each year's months; each VM runs in both places "
                                "for %2; one-off migration costs %3 in all.")
                     .arg(ramp.join(QStringLiteral(", ")), months(book.migration.doubleRunningMonths), money(oneOff)));
    }
    return bc;
}

} // namespace landfall
