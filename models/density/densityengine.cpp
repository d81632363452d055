#include "densityengine.h"

#include "demandmodel.h"
#include "nodeallocatable.h"
#include "vectorpacker.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace landfall {

namespace {

enum Dimension { kCpu = 0, kMemory = 1, kPods = 2, kDisk = 3 };

const char *const kDimensionNames[] = {"cpu", "memory", "pods", "disk"};
const char *const kNodeKeys[] = {"node.vcpu", "node.memoryGiB", "node.maxPods", "node.diskGiB"};

/** The workloads of one node pool while it is being built. */
struct PoolMembers {
    QString name;
    QString os;
    QString build;
    bool windows = false;
    std::vector<int> members;
};

QString formatMiB(qint64 mib)
{
    return QStringLiteral("%1 GiB").arg(double(mib) / 1024.0, 0, 'f', 2);
}

QString describe(int dimension, qint64 value)
{
    switch (dimension) {
    case kCpu:
        return QStringLiteral("%1 vCPU").arg(double(value) / 1000.0, 0, 'f', 3);
    case kPods:
        return QStringLiteral("%1 pods").arg(value);
    default:
        return formatMiB(value);
    }
}

PackerSettings packerSettings(const Scenario &s, double share, const DensityEngine::Options &options)
{
    const double scale = options.effortScale;
    PackerSettings settings;
    settings.ffdOnly = options.plainFfd;
    settings.searchEffort = qint64(s.packing.effortMs * scale * share * double(DensityEngine::kWorkUnitsPerMs));
    settings.exactMaxItems = s.packing.exactMaxItems;
    settings.localSearch = settings.searchEffort > 0;
    // 100,000 workloads must pack in about a second: pools this large skip the slower greedies.
    settings.allHeuristicsMaxItems = 20'000;
    return settings;
}

} // namespace

double DensityEngine::hypervisorOverheadMiB(Scenario::HypervisorOverhead model, double memoryMiB, qint64 vcpu)
{
    switch (model) {
    case Scenario::HypervisorOverhead::Kvm:
        return 0.002 * memoryMiB + 218 + 8.0 * double(vcpu);
    case Scenario::HypervisorOverhead::Vmware:
        // vSphere's overhead table grows with memory and vCPU much like KVM's; this fits its rows.
        return 0.005 * memoryMiB + 100 + 10.0 * double(vcpu);
    case Scenario::HypervisorOverhead::None:
        break;
    }
    return 0;
}

Result<DensityResult, ScenarioError> DensityEngine::run(const QList<Workload> &workloads, const Options &options) const
{
    const Scenario &s = m_scenario;
    DensityResult result;
    result.scenario = s.name;
    result.workloads = int(workloads.size());

    const DemandModel model(s);
    std::vector<WorkloadDemand> demand;
    demand.reserve(workloads.size());
    for (const Workload &w : workloads) {
        demand.push_back(model.demand(w));
        result.fallbackToProvisioned += demand.back().fellBackToProvisioned ? 1 : 0;
    }

    // One pool per OS and Windows build: a Windows node runs only images of its own build.
    QMap<QString, PoolMembers> pools;
    for (int i = 0; i < int(workloads.size()); ++i) {
        const Workload &w = workloads[i];
        PoolMembers probe;
        if (!w.windows) {
            probe.name = QStringLiteral("linux");
            probe.os = QStringLiteral("linux");
        } else {
            // On Kubernetes the image tag follows the pool's build unless it is pinned to a
            // supported node build; a container host runs each build's own images.
            QString build = s.windowsBuild;
            if (!w.imageBuild.isEmpty() &&
                (s.platform == Scenario::Platform::ContainerHost || w.imageBuild >= QLatin1String("10.0.20348")))
                build = w.imageBuild;
            probe.name = QStringLiteral("windows-") + build;
            probe.os = QStringLiteral("windows");
            probe.build = build;
            probe.windows = true;
        }
        auto it = pools.find(probe.name);
        if (it == pools.end())
            it = pools.insert(probe.name, probe);
        it->members.push_back(i);
    }

    qint64 containerDiskMiB = 0;
    for (const PoolMembers &pool : std::as_const(pools)) {
        const Allocatable alloc =
            NodeAllocatable::compute(s.node.vcpu, s.node.memoryGiB, s.node.maxPods, s.node.reserved, pool.windows);
        const double usable = 1.0 - s.node.headroomPct / 100.0;
        PackingProblem problem;
        problem.dimensions = s.node.diskGiB > 0 ? 4 : 3;
        problem.capacity[kCpu] = qint64(std::floor(double(alloc.cpuMilli) * usable + 1e-9));
        problem.capacity[kMemory] = qint64(std::floor(double(alloc.memoryMiB) * usable + 1e-9));
        problem.capacity[kPods] = s.node.maxPods;
        if (problem.dimensions == 4) {
            // Image layers are stored once per node: reserve each distinct image.
            QMap<std::pair<QString, int>, qint64> images;
            for (int i : pool.members)
                images.insert({workloads[i].baseImage, int(workloads[i].image)}, demand[i].imageMiB);
            qint64 sum = 0;
            for (qint64 size : std::as_const(images))
                sum += size;
            problem.capacity[kDisk] = qint64(s.node.diskGiB * 1024) - sum;
            if (problem.capacity[kDisk] <= 0)
                return ScenarioError{QStringLiteral("node.diskGiB"),
                                     QStringLiteral("%1 GiB does not hold the %2 pool's images (%3)")
                                         .arg(s.node.diskGiB)
                                         .arg(pool.name, formatMiB(sum))};
        }
        for (int d = 0; d < 2; ++d)
            if (problem.capacity[d] <= 0)
                return ScenarioError{QString::fromLatin1(kNodeKeys[d]),
                                     QStringLiteral("nothing is left for pods after the reservations and headroom")};
        for (int i : pool.members) {
            PackingProblem::Vector item{demand[i].cpuMilli, demand[i].memoryMiB, 1, demand[i].writableDiskMiB};
            for (int d = 0; d < problem.dimensions; ++d) {
                if (item[d] > problem.capacity[d])
                    return ScenarioError{
                        QString::fromLatin1(kNodeKeys[d]),
                        QStringLiteral("the node is too small for workload '%1': it needs %2, a "
                                       "%3 node offers %4")
                            .arg(workloads[i].name, describe(d, item[d]), pool.name, describe(d, problem.capacity[d]))};
            }
            problem.items.push_back(item);
        }
        const double share = workloads.isEmpty() ? 0 : double(pool.members.size()) / double(workloads.size());
        const PackOutcome packed = VectorPacker::pack(problem, packerSettings(s, share, options));
        const int spare = s.node.nPlusOne && packed.packing.bins > 0 ? 1 : 0;

        PoolResult out;
        out.name = pool.name;
        out.os = pool.os;
        out.build = pool.build;
        out.workloads = int(pool.members.size());
        out.nodes = packed.packing.bins + spare;
        out.lowerBound = packed.bound.value() + spare;
        out.limitingResource = QString::fromLatin1(kDimensionNames[packed.bound.limitingDimension]);
        out.method = packed.packing.method;
        out.optimal = packed.packing.provedOptimal;
        out.certificate = packed.certificate();
        out.allocatableCpuMilli = problem.capacity[kCpu];
        out.allocatableMemoryMiB = problem.capacity[kMemory];
        out.allocatableDiskMiB = problem.dimensions == 4 ? problem.capacity[kDisk] : 0;
        out.maxPods = s.node.maxPods;
        result.pools.append(out);

        // Per node: distinct images on disk, Hyper-V containers for the licences. Images are
        // numbered per pool, so a node keeps a few numbers instead of a set of strings (a set per
        // node was about 30 ms of 100,000 workloads).
        QHash<QString, int> imageNumbers;
        std::vector<std::vector<int>> nodeImages(packed.packing.bins);
        std::vector<int> hyperV(packed.packing.bins, 0);
        for (size_t k = 0; k < pool.members.size(); ++k) {
            const int i = pool.members[k];
            const int bin = packed.packing.binOf[k];
            containerDiskMiB += demand[i].writableDiskMiB;
            auto number = imageNumbers.constFind(workloads[i].baseImage);
            if (number == imageNumbers.constEnd())
                number = imageNumbers.insert(workloads[i].baseImage, int(imageNumbers.size()));
            std::vector<int> &images = nodeImages[bin];
            if (std::find(images.begin(), images.end(), *number) == images.end()) {
                images.push_back(*number);
                containerDiskMiB += demand[i].imageMiB;
            }
            hyperV[bin] += workloads[i].isolation == Isolation::HyperV ? 1 : 0;
            if (options.placement)
                result.placement.append({workloads[i].vmId, workloads[i].name, pool.name, bin + 1});
        }
        if (pool.windows) {
            for (int count : hyperV)
                result.licencesAfter += LicenceCounter::forServer(s.node.vcpu, 1, count);
            if (spare)
                result.licencesAfter += LicenceCounter::forServer(s.node.vcpu, 1, 0);
        }
    }
    if (s.platform == Scenario::Platform::Kubernetes && !workloads.isEmpty() && s.node.linuxSystemPoolNodes > 0) {
        PoolResult system;
        system.name = QStringLiteral("system");
        system.os = QStringLiteral("linux");
        system.nodes = s.node.linuxSystemPoolNodes;
        system.lowerBound = s.node.linuxSystemPoolNodes;
        system.limitingResource = QStringLiteral("system");
        system.method = QStringLiteral("fixed");
        system.optimal = true;
        system.certificate = QStringLiteral("fixed by the scenario");
        result.pools.append(system);
    }
    for (const PoolResult &pool : std::as_const(result.pools)) {
        result.containerNodes += pool.nodes;
        result.containerNodesLowerBound += pool.lowerBound;
    }
    result.containerVcpuBought = double(result.containerNodes) * s.node.vcpu;
    result.containerMemoryGiBBought = double(result.containerNodes) * s.node.memoryGiB;

    double vmVcpu = 0, vmMemoryMiB = 0, vmDiskMiB = 0, cpuMilli = 0, memoryMiB = 0;
    for (const WorkloadDemand &d : demand) {
        vmVcpu += double(d.vmVcpu);
        vmMemoryMiB += double(d.vmMemoryMiB);
        vmDiskMiB += double(d.vmDiskMiB);
        cpuMilli += double(d.cpuMilli);
        memoryMiB += double(d.memoryMiB);
    }
    result.savedVcpu = vmVcpu - cpuMilli / 1000.0;
    result.savedMemoryGiB = (vmMemoryMiB - memoryMiB) / 1024.0;
    result.savedDiskGiB = (vmDiskMiB - double(containerDiskMiB)) / 1024.0;

    if (!options.vmHosts || workloads.isEmpty())
        return result;

    // The same workloads as VMs on hypervisor hosts: vCPU overcommitted, memory never.
    const auto &h = s.host;
    const double ceiling = h.nPlusOne ? 1.0 : h.ceilingPct / 100.0;
    PackingProblem hosts;
    hosts.dimensions = 2;
    hosts.capacity[kCpu] = qint64(std::floor(h.cores * h.vcpuPerCore * ceiling + 1e-9));
    hosts.capacity[kMemory] = qint64(std::floor((h.memoryGiB - h.reserveGiB) * 1024 * ceiling + 1e-9));
    for (int i = 0; i < int(workloads.size()); ++i) {
        const WorkloadDemand &d = demand[i];
        const qint64 memory =
            d.vmMemoryMiB +
            qint64(std::ceil(hypervisorOverheadMiB(h.hypervisorOverhead, double(d.vmMemoryMiB), d.vmVcpu)));
        if (d.vmVcpu > hosts.capacity[kCpu])
            return ScenarioError{
                QStringLiteral("host.cores"),
                QStringLiteral("the host is too small for VM '%1' (%2 vCPU)").arg(workloads[i].name).arg(d.vmVcpu)};
        if (memory > hosts.capacity[kMemory])
            return ScenarioError{
                QStringLiteral("host.memoryGiB"),
                QStringLiteral("the host is too small for VM '%1' (%2)").arg(workloads[i].name, formatMiB(memory))};
        hosts.items.push_back({d.vmVcpu, memory, 0, 0});
    }
    const PackOutcome packedHosts = VectorPacker::pack(hosts, packerSettings(s, 1.0, options));
    const int spareHost = h.nPlusOne ? 1 : 0;
    result.vmHosts = packedHosts.packing.bins + spareHost;
    result.vmHostsLowerBound = packedHosts.bound.value() + spareHost;
    result.vmHostsLimitingResource = QString::fromLatin1(kDimensionNames[packedHosts.bound.limitingDimension]);
    result.hostCoresBought = double(result.vmHosts) * h.cores;
    result.hostMemoryGiBBought = double(result.vmHosts) * h.memoryGiB;

    std::vector<int> windowsVms(packedHosts.packing.bins, 0);
    for (int i = 0; i < int(workloads.size()); ++i)
        windowsVms[packedHosts.packing.binOf[i]] += workloads[i].windows ? 1 : 0;
    int busiest = 0;
    for (int count : windowsVms) {
        if (count > 0)
            result.licencesBefore += LicenceCounter::forServer(h.cores, h.sockets, count);
        busiest = std::max(busiest, count);
    }
    if (spareHost && busiest > 0) // the spare must be licensed for the VMs it takes over
        result.licencesBefore += LicenceCounter::forServer(h.cores, h.sockets, busiest);
    return result;
}

} // namespace landfall
