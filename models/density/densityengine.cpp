#include "densityengine.h"

#include "demandmodel.h"
#include "mixedsizepacker.h"
#include "nodeallocatable.h"
#include "packingcache.h"
#include "poolplanner.h"
#include "vectorpacker.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>
#include <optional>

namespace landfall {

namespace {

enum Dimension { kCpu = 0, kMemory = 1, kPods = 2, kDisk = 3 };

const char *const kDimensionNames[] = {"cpu", "memory", "pods", "disk"};
const char *const kNodeKeys[] = {"node.vcpu", "node.memoryGiB", "node.maxPods", "node.diskGiB"};

/** The workloads of one node pool while it is being built. */
struct PoolMembers {
    PoolAssignment assignment;
    std::vector<int> members;
};

/** One node size with what a pod gets of it after reservations and headroom. */
struct NodeShape {
    int vcpu = 0;
    double memoryGiB = 0;
    qint64 cpuMilli = 0;
    qint64 memoryMiB = 0;
};

NodeShape shapeOf(const Scenario &s, int vcpu, double memoryGiB, bool windows)
{
    const Allocatable alloc = NodeAllocatable::compute(vcpu, memoryGiB, s.node.maxPods, s.node.reserved, windows);
    const double usable = 1.0 - s.node.headroomPct / 100.0;
    return {vcpu, memoryGiB, qint64(std::floor(double(alloc.cpuMilli) * usable + 1e-9)),
            qint64(std::floor(double(alloc.memoryMiB) * usable + 1e-9))};
}

/** The smallest node that takes a workload too large for its pool's node: first the scenario's
    sizes on offer, then doublings of the pool's node at its memory per vCPU. */
std::optional<NodeShape> smallestNodeFor(const Scenario &s, int baseVcpu, double baseMemoryGiB, bool windows,
                                         qint64 cpuMilli, qint64 memoryMiB)
{
    QList<Scenario::NodeSize> sizes = s.nodeSizes;
    std::sort(sizes.begin(), sizes.end(), [](const Scenario::NodeSize &a, const Scenario::NodeSize &b) {
        return std::pair(a.vcpu, a.memoryGiB) < std::pair(b.vcpu, b.memoryGiB);
    });
    for (const Scenario::NodeSize &size : std::as_const(sizes)) {
        const NodeShape shape = shapeOf(s, size.vcpu, size.memoryGiB, windows);
        if (shape.cpuMilli >= cpuMilli && shape.memoryMiB >= memoryMiB)
            return shape;
    }
    const double memoryPerVcpu = baseMemoryGiB / double(std::max(1, baseVcpu));
    for (int vcpu = std::max(1, baseVcpu) * 2; vcpu <= 1024; vcpu *= 2) {
        const NodeShape shape = shapeOf(s, vcpu, memoryPerVcpu * vcpu, windows);
        if (shape.cpuMilli >= cpuMilli && shape.memoryMiB >= memoryMiB)
            return shape;
    }
    return std::nullopt;
}

/** Who may share a node in a pool of untrusted workloads: one application; an unnamed one is alone. */
QString applicationKey(const Workload &w)
{
    const QString application = w.application.trimmed().toLower();
    return application.isEmpty() ? QStringLiteral("#vm%1#%2").arg(w.vmId).arg(w.name) : application;
}

QString money(double value, const QString &currency)
{
    return QStringLiteral("%1 %2").arg(QString::number(value, 'f', 0), currency);
}

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

PackOutcome pack(const PackingProblem &problem, const PackerSettings &settings, const DensityEngine::Options &options)
{
    return options.packings ? options.packings->pack(problem, settings) : VectorPacker::pack(problem, settings);
}

PackerSettings packerSettings(const Scenario &s, double share, const DensityEngine::Options &options)
{
    PackerSettings settings;
    settings.ffdOnly = options.plainFfd;
    settings.searchEffort = qint64(s.packing.effortMs * share * double(DensityEngine::kWorkUnitsPerMs));
    settings.exactMaxItems = s.packing.exactMaxItems;
    settings.localSearch = settings.searchEffort > 0;
    // 100,000 workloads must pack in about a second: pools this large skip the slower greedies.
    settings.allHeuristicsMaxItems = 20'000;
    return settings;
}

/** The pool on the scenario's sizes mixed (MixedSizePacker): at the sizes' hourly prices when
    every size has one, else by node count (ties to fewer vCPU). The N+1 spare is one node of the
    largest size the mix uses, so it can take any node's pods. */
PoolSizeMix sizeMix(const Scenario &s, const PoolAssignment &a, const PackingProblem &problem,
                    const std::vector<int> &members, const std::vector<WorkloadDemand> &demand, int singleSizeNodes,
                    const PackerSettings &settings)
{
    const bool priced = std::all_of(s.nodeSizes.begin(), s.nodeSizes.end(),
                                    [](const Scenario::NodeSize &size) { return size.hourly > 0; });
    const bool included = a.windows && s.licensing.model == Scenario::LicensingModel::Included;
    auto costOf = [&](const Scenario::NodeSize &size) {
        if (!priced)
            return 1.0 + double(size.vcpu) * 1e-6;
        return included && size.windowsHourly > 0 ? size.windowsHourly : size.hourly;
    };
    std::vector<BinType> types;
    std::vector<int> sizeOfType;
    for (int k = 0; k < int(s.nodeSizes.size()); ++k) {
        const Scenario::NodeSize &size = s.nodeSizes[k];
        const NodeShape shape = shapeOf(s, size.vcpu, size.memoryGiB, a.windows);
        if (shape.cpuMilli <= 0 || shape.memoryMiB <= 0)
            continue;
        BinType type;
        type.capacity = problem.capacity;
        type.capacity[kCpu] = shape.cpuMilli;
        type.capacity[kMemory] = shape.memoryMiB;
        type.cost = costOf(size);
        types.push_back(type);
        sizeOfType.push_back(k);
    }
    PackingProblem items;
    items.dimensions = problem.dimensions;
    for (int i : members)
        items.items.push_back({demand[i].cpuMilli, demand[i].memoryMiB, 1, demand[i].writableDiskMiB});
    const MixedPacking mixed = MixedSizePacker::pack(items, types, settings);
    PoolSizeMix mix;
    mix.basis = priced ? QStringLiteral("hourly") : QStringLiteral("nodes");
    mix.singleSizeNodes = singleSizeNodes;
    const Scenario::NodeSize own{a.gpu ? s.gpuNode.vcpu : s.node.vcpu, a.gpu ? s.gpuNode.memoryGiB : s.node.memoryGiB};
    for (const Scenario::NodeSize &size : s.nodeSizes)
        if (size.vcpu == own.vcpu && size.memoryGiB == own.memoryGiB)
            mix.singleSizeCost = double(singleSizeNodes) * costOf(size);
    if (!priced)
        mix.singleSizeCost = singleSizeNodes;
    if (!mixed.feasible || types.empty())
        return mix;
    std::vector<int> counts = mixed.countOfType;
    int largest = -1;
    for (int t = 0; t < int(types.size()); ++t)
        if (counts[t] > 0 && (largest < 0 || s.nodeSizes[sizeOfType[t]].vcpu > s.nodeSizes[sizeOfType[largest]].vcpu))
            largest = t;
    double cheapest = types.front().cost;
    for (const BinType &type : types)
        cheapest = std::min(cheapest, type.cost);
    mix.cost = mixed.cost;
    mix.costLowerBound = mixed.costLowerBound;
    if (s.node.nPlusOne && largest >= 0) {
        ++counts[largest];
        mix.cost += types[largest].cost;
        mix.costLowerBound += cheapest;
    }
    for (int t = 0; t < int(types.size()); ++t)
        if (counts[t] > 0)
            mix.sizes.append({s.nodeSizes[sizeOfType[t]].vcpu, s.nodeSizes[sizeOfType[t]].memoryGiB, counts[t]});
    if (!priced) { // whole nodes: the figures shown count nodes, without the vCPU tie-break
        std::vector<BinType> unit = types;
        for (BinType &type : unit)
            type.cost = 1;
        mix.cost = 0;
        for (int count : counts)
            mix.cost += count;
        mix.costLowerBound =
            std::ceil(MixedSizePacker::costLowerBound(items, unit) - 1e-9) + (s.node.nPlusOne && largest >= 0 ? 1 : 0);
    }
    return mix;
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
    result.basis.sizing = Scenario::sizingBasisKey(s.sizing.basis);
    result.basis.cpuOvercommit = s.cpuOvercommit;
    result.basis.targetUtilisationPct = s.targetUtilisationPct;
    result.basis.spares = s.nPlusOne ? QStringLiteral("n+1") : QStringLiteral("none");
    result.basis.threadsPerCore = s.node.threadsPerCore;
    result.basis.asymmetries = s.asymmetries();

    const DemandModel model(s);
    std::vector<WorkloadDemand> demand;
    std::vector<Isolation> isolation;
    demand.reserve(workloads.size());
    isolation.reserve(workloads.size());
    for (const Workload &w : workloads) {
        isolation.push_back(DemandModel::isolationOf(w, s));
        demand.push_back(model.demand(w, isolation.back()));
        result.fallbackToProvisioned += demand.back().fellBackToProvisioned ? 1 : 0;
    }

    // The pools the advice asks for; a workload no pool can take is listed, and the rest packs.
    std::vector<char> placed(workloads.size(), 0);
    QMap<QString, PoolMembers> pools;
    for (int i = 0; i < int(workloads.size()); ++i) {
        const PoolAssignment a = PoolPlanner::assign(workloads[i], s);
        if (!a.notSchedulable.isEmpty()) {
            result.notSchedulable.append({workloads[i].vmId, workloads[i].name, a.notSchedulable});
            continue;
        }
        auto it = pools.find(a.name);
        if (it == pools.end())
            it = pools.insert(a.name, PoolMembers{a, {}});
        it->members.push_back(i);
    }

    qint64 containerDiskMiB = 0;
    qint64 persistentMiB = 0;
    LicenceSide licencesAfter;
    for (const PoolMembers &pool : std::as_const(pools)) {
        const PoolAssignment &a = pool.assignment;
        const int nodeVcpu = a.gpu ? s.gpuNode.vcpu : s.node.vcpu;
        const double nodeMemoryGiB = a.gpu ? s.gpuNode.memoryGiB : s.node.memoryGiB;
        const int threads = a.gpu ? s.gpuNode.threadsPerCore : s.node.threadsPerCore;
        const NodeShape shape = shapeOf(s, nodeVcpu, nodeMemoryGiB, a.windows);
        PackingProblem problem;
        problem.dimensions = s.node.diskGiB > 0 ? 4 : 3;
        problem.capacity[kCpu] = shape.cpuMilli;
        problem.capacity[kMemory] = shape.memoryMiB;
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
                                         .arg(a.name, formatMiB(sum))};
        }
        for (int d = 0; d < 2; ++d)
            if (problem.capacity[d] <= 0)
                return ScenarioError{a.gpu ? QStringLiteral("gpuNode") : QString::fromLatin1(kNodeKeys[d]),
                                     QStringLiteral("nothing is left for pods after the reservations and headroom")};

        // Untrusted workloads of different applications never share a node: each application
        // packs onto nodes of its own (the pod anti-affinity of the manifests).
        QMap<QString, std::vector<int>> groups;
        for (int i : pool.members) {
            const PackingProblem::Vector item{demand[i].cpuMilli, demand[i].memoryMiB, 1, demand[i].writableDiskMiB};
            int tooLarge = -1;
            for (int d = 0; d < problem.dimensions && tooLarge < 0; ++d)
                if (item[d] > problem.capacity[d])
                    tooLarge = d;
            if (tooLarge >= 0) {
                NotSchedulable n{workloads[i].vmId,
                                 workloads[i].name,
                                 {},
                                 double(demand[i].cpuMilli) / 1000.0,
                                 double(demand[i].memoryMiB) / 1024.0};
                const auto smallest =
                    smallestNodeFor(s, nodeVcpu, nodeMemoryGiB, a.windows, demand[i].cpuMilli, demand[i].memoryMiB);
                n.reason = QStringLiteral("larger than the %1 pool's node (%2 vCPU, %3 GiB): it needs %4, the node "
                                          "offers %5")
                               .arg(a.name)
                               .arg(nodeVcpu)
                               .arg(nodeMemoryGiB)
                               .arg(describe(tooLarge, item[tooLarge]), describe(tooLarge, problem.capacity[tooLarge]));
                if (smallest && tooLarge != kDisk) {
                    n.smallestNodeVcpu = smallest->vcpu;
                    n.smallestNodeMemoryGiB = smallest->memoryGiB;
                    n.reason += QStringLiteral("; the smallest node that takes it has %1 vCPU and %2 GiB")
                                    .arg(smallest->vcpu)
                                    .arg(smallest->memoryGiB);
                }
                result.notSchedulable.append(n);
                continue;
            }
            groups[a.separateApplications ? applicationKey(workloads[i]) : QString()].push_back(i);
        }
        if (groups.isEmpty())
            continue;

        const double share = workloads.isEmpty() ? 0 : double(pool.members.size()) / double(workloads.size());
        std::vector<int> members;
        std::vector<int> binOf;
        int bins = 0;
        int bound = 0;
        int limiting = kCpu;
        int largestBound = -1;
        QStringList methods;
        QString certificate;
        bool optimal = true;
        for (const std::vector<int> &group : std::as_const(groups)) {
            PackingProblem part = problem;
            part.items.clear();
            part.items.reserve(group.size());
            for (int i : group)
                part.items.push_back({demand[i].cpuMilli, demand[i].memoryMiB, 1, demand[i].writableDiskMiB});
            const double groupShare = share * double(group.size()) / double(pool.members.size());
            const PackOutcome packed = pack(part, packerSettings(s, groupShare, options), options);
            for (size_t k = 0; k < group.size(); ++k) {
                members.push_back(group[k]);
                binOf.push_back(bins + packed.packing.binOf[k]);
            }
            bins += packed.packing.bins;
            bound += packed.bound.value();
            if (packed.bound.value() > largestBound) {
                largestBound = packed.bound.value();
                limiting = packed.bound.limitingDimension;
            }
            if (!methods.contains(packed.packing.method))
                methods.append(packed.packing.method);
            optimal = optimal && packed.packing.provedOptimal;
            certificate = packed.certificate();
        }
        // Separate application groups are separate packings: their bounds add up, and the pool
        // is optimal when every group is.
        if (groups.size() > 1) {
            const int gap = bins - bound;
            certificate = optimal || gap <= 0
                              ? QStringLiteral("optimal: each of its %1 application groups is packed optimally")
                                    .arg(groups.size())
                              : QStringLiteral("at most %1 node%2 above the optimum: lower bound %3 (the sum over "
                                               "its %4 application groups)")
                                    .arg(gap)
                                    .arg(gap == 1 ? QString() : QStringLiteral("s"))
                                    .arg(bound)
                                    .arg(groups.size());
        }
        const int spare = s.node.nPlusOne && bins > 0 ? 1 : 0;

        PoolResult out;
        out.name = a.name;
        out.os = a.os;
        out.build = a.build;
        out.purpose = a.purpose;
        out.workloads = int(members.size());
        out.nodes = bins + spare;
        out.lowerBound = bound + spare;
        out.limitingResource = QString::fromLatin1(kDimensionNames[limiting]);
        out.method = methods.join(u'+');
        out.optimal = optimal || bins <= bound;
        out.certificate = certificate;
        out.allocatableCpuMilli = problem.capacity[kCpu];
        out.allocatableMemoryMiB = problem.capacity[kMemory];
        out.allocatableDiskMiB = problem.dimensions == 4 ? problem.capacity[kDisk] : 0;
        out.maxPods = s.node.maxPods;
        out.nodeVcpu = nodeVcpu;
        out.nodeMemoryGiB = nodeMemoryGiB;
        out.threadsPerCore = threads;
        if (s.packing.mixNodeSizes && !a.gpu && groups.size() == 1 && !s.nodeSizes.isEmpty())
            out.sizeMix = sizeMix(s, a, problem, members, demand, bins + spare, packerSettings(s, share, options));
        result.pools.append(out);

        // Per node: distinct images on disk, Hyper-V containers for the licences. Images are
        // numbered per pool, so a node keeps a few numbers instead of a set of strings (a set per
        // node was about 30 ms of 100,000 workloads).
        QHash<QString, int> imageNumbers;
        std::vector<std::vector<int>> nodeImages(bins);
        std::vector<int> hyperV(bins, 0);
        for (size_t k = 0; k < members.size(); ++k) {
            const int i = members[k];
            const int bin = binOf[k];
            placed[i] = 1;
            containerDiskMiB += demand[i].writableDiskMiB;
            persistentMiB += demand[i].persistentVolumeMiB;
            auto number = imageNumbers.constFind(workloads[i].baseImage);
            if (number == imageNumbers.constEnd())
                number = imageNumbers.insert(workloads[i].baseImage, int(imageNumbers.size()));
            std::vector<int> &images = nodeImages[bin];
            if (std::find(images.begin(), images.end(), *number) == images.end()) {
                images.push_back(*number);
                containerDiskMiB += demand[i].imageMiB;
            }
            hyperV[bin] += isolation[i] == Isolation::HyperV ? 1 : 0;
            if (options.placement)
                result.placement.append({workloads[i].vmId, workloads[i].name, a.name, bin + 1});
        }
        if (a.windows) {
            if (spare)
                hyperV.push_back(0); // the spare runs Windows too
            for (int count : hyperV) {
                if (s.licensing.model == Scenario::LicensingModel::Included) {
                    result.licences.includedVcpu += nodeVcpu;
                    continue;
                }
                const LicenceCount node = LicenceCounter::forAzureVm(nodeVcpu, count);
                licencesAfter.count += node;
                licencesAfter.bill +=
                    LicenceCounter::cheaperOf(node, s.licensing.standardPer16Cores, s.licensing.datacenterPer16Cores);
            }
        }
    }
    if (s.platform == Scenario::Platform::Kubernetes && !result.pools.isEmpty() && s.node.linuxSystemPoolNodes > 0) {
        PoolResult system;
        system.name = QStringLiteral("system");
        system.os = QStringLiteral("linux");
        system.purpose = QStringLiteral("system");
        system.nodes = s.node.linuxSystemPoolNodes;
        system.lowerBound = s.node.linuxSystemPoolNodes;
        system.limitingResource = QStringLiteral("system");
        system.method = QStringLiteral("fixed");
        system.optimal = true;
        system.nodeVcpu = s.node.vcpu;
        system.nodeMemoryGiB = s.node.memoryGiB;
        system.threadsPerCore = s.node.threadsPerCore;
        system.certificate = QStringLiteral("fixed by the scenario");
        result.pools.append(system);
    }
    Capacity &after = result.after;
    for (const PoolResult &pool : std::as_const(result.pools)) {
        result.containerNodes += pool.nodes;
        result.containerNodesLowerBound += pool.lowerBound;
        after.machines += pool.nodes;
        after.vcpu += double(pool.nodes) * pool.nodeVcpu;
        after.physicalCores += double(pool.nodes) * pool.nodeVcpu / double(std::max(1, pool.threadsPerCore));
        after.memoryGiB += double(pool.nodes) * pool.nodeMemoryGiB;
    }
    after.persistentVolumeGiB = double(persistentMiB) / 1024.0;
    after.diskGiB = double(containerDiskMiB) / 1024.0 + after.persistentVolumeGiB;
    result.containerVcpuBought = after.vcpu;
    result.containerMemoryGiBBought = after.memoryGiB;
    result.licences.model = Scenario::licensingModelKey(s.licensing.model);
    result.licences.currency = s.licensing.currency;
    result.licences.priceSource = s.licensing.priceSource;
    result.licences.after = licencesAfter;
    result.licencesAfter = licencesAfter.count;

    if (!options.vmHosts || workloads.isEmpty())
        return result;

    // The same workloads as VMs on hosts like the customer's, on the same basis: vCPU
    // overcommitted as the nodes are, memory never, each host capped by the target utilisation
    // whether or not a spare is kept.
    const std::optional<HostModel> estateModel = HostMatcher::mostCommonModel(m_estate.hosts);
    HostModel hostModel;
    if (estateModel) {
        hostModel = *estateModel;
    } else {
        hostModel.cores = s.host.cores;
        hostModel.sockets = s.host.sockets;
        hostModel.threadsPerCore = s.host.threadsPerCore;
        hostModel.memoryGiB = s.host.memoryGiB;
    }
    const auto &h = s.host;
    const double ceiling = h.ceilingPct / 100.0;
    if (hostModel.memoryGiB <= h.reserveGiB)
        return ScenarioError{QStringLiteral("host.reserveGiB"),
                             QStringLiteral("must be less than the host's memory (%1 GiB)").arg(hostModel.memoryGiB)};
    PackingProblem hosts;
    hosts.dimensions = 2;
    hosts.capacity[kCpu] =
        qint64(std::floor(hostModel.cores * s.hostVcpuPerCore(hostModel.threadsPerCore) * ceiling + 1e-9));
    hosts.capacity[kMemory] = qint64(std::floor((hostModel.memoryGiB - h.reserveGiB) * 1024 * ceiling + 1e-9));
    std::vector<int> onHosts;
    double vmDiskMiB = 0;
    for (int i = 0; i < int(workloads.size()); ++i) {
        if (!placed[i])
            continue; // like for like: both sides hold the same workloads
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
        onHosts.push_back(i);
        vmDiskMiB += double(d.vmDiskMiB);
    }
    PackOutcome packedHosts; // none when no workload could be placed: nothing to compare
    if (!hosts.items.empty())
        packedHosts = pack(hosts, packerSettings(s, 1.0, options), options);
    const int spareHost = h.nPlusOne && packedHosts.packing.bins > 0 ? 1 : 0;
    result.vmHosts = packedHosts.packing.bins + spareHost;
    result.vmHostsLowerBound = packedHosts.bound.value() + spareHost;
    result.vmHostsLimitingResource = QString::fromLatin1(kDimensionNames[packedHosts.bound.limitingDimension]);
    result.hostCoresBought = double(result.vmHosts) * hostModel.cores;
    result.hostMemoryGiBBought = double(result.vmHosts) * hostModel.memoryGiB;
    Capacity &before = result.before;
    before.machines = result.vmHosts;
    before.physicalCores = result.hostCoresBought;
    before.vcpu = result.hostCoresBought * hostModel.threadsPerCore;
    before.memoryGiB = result.hostMemoryGiBBought;
    before.diskGiB = vmDiskMiB / 1024.0;
    result.savedPhysicalCores = before.physicalCores - after.physicalCores;
    result.savedVcpu = before.vcpu - after.vcpu;
    result.savedMemoryGiB = before.memoryGiB - after.memoryGiB;
    result.savedDiskGiB = before.diskGiB - after.diskGiB;

    const auto price = [&s](const LicenceCount &server) {
        return LicenceCounter::cheaperOf(server, s.licensing.standardPer16Cores, s.licensing.datacenterPer16Cores);
    };
    std::vector<int> windowsVms(packedHosts.packing.bins, 0);
    for (size_t k = 0; k < onHosts.size(); ++k)
        windowsVms[packedHosts.packing.binOf[k]] += workloads[onHosts[k]].windows ? 1 : 0;
    int busiest = 0;
    LicenceSide &repacked = result.licences.repacked;
    for (int count : windowsVms) {
        if (count > 0) {
            const LicenceCount server = LicenceCounter::forServer(hostModel.cores, hostModel.sockets, count);
            repacked.count += server;
            repacked.bill += price(server);
        }
        busiest = std::max(busiest, count);
    }
    if (spareHost && busiest > 0) { // the spare must be licensed for the VMs it takes over
        const LicenceCount server = LicenceCounter::forServer(hostModel.cores, hostModel.sockets, busiest);
        repacked.count += server;
        repacked.bill += price(server);
    }

    Baseline &baseline = result.baseline;
    baseline.hostModel =
        QStringLiteral("%1 x %2")
            .arg(result.vmHosts)
            .arg(estateModel ? estateModel->describe()
                             : QStringLiteral("the scenario's host (%1 cores, %2 GiB)").arg(h.cores).arg(h.memoryGiB));
    if (m_estate.isEmpty()) {
        baseline.source = QStringLiteral("scenario");
        baseline.hosts = before.machines;
        baseline.physicalCores = before.physicalCores;
        baseline.memoryGiB = before.memoryGiB;
        result.licences.before = repacked;
    } else {
        // What the customer runs: every host of vHost, and the containerized VMs' share of each by
        // the vCPU and memory they hold there.
        baseline.source = QStringLiteral("inventory");
        baseline.hosts = double(m_estate.hosts.size());
        for (const Host &host : m_estate.hosts) {
            baseline.physicalCores += host.cores;
            baseline.memoryGiB += host.memoryMiB / 1024.0;
        }
        const HostMatcher matcher(m_estate);
        std::vector<HostLoad> containerized(m_estate.hosts.size());
        std::vector<int> windowsOnHost(m_estate.hosts.size(), 0);
        for (int i : onHosts) {
            const int index = matcher.indexOf(workloads[i].vcenter, workloads[i].host);
            if (index < 0) {
                ++baseline.workloadsOnUnknownHosts;
                continue;
            }
            containerized[index].vcpu += workloads[i].vcpu;
            containerized[index].memoryMiB += workloads[i].memoryMiB;
            windowsOnHost[index] += workloads[i].windows ? 1 : 0;
        }
        Capacity &share = baseline.containerizedShare;
        LicenceSide &today = result.licences.before;
        for (int k = 0; k < int(m_estate.hosts.size()); ++k) {
            const Host &host = m_estate.hosts[k];
            if (containerized[k].vcpu <= 0 && containerized[k].memoryMiB <= 0)
                continue;
            // Without the other VMs' figures (an estate of hosts alone), vHost's `# vCPUs` gives the
            // CPU share, and the memory share is taken to be the same.
            const HostLoad load = m_estate.loadByHost.value(Estate::hostKey(host.vcenter, host.name));
            const double vcpuOnHost = load.vcpu > 0 ? load.vcpu : double(host.vcpuCount);
            const double cpuShare = vcpuOnHost > 0 ? std::min(1.0, containerized[k].vcpu / vcpuOnHost) : 1.0;
            const double memoryShare =
                load.memoryMiB > 0 ? std::min(1.0, containerized[k].memoryMiB / load.memoryMiB) : cpuShare;
            share.machines += std::max(cpuShare, memoryShare);
            share.physicalCores += cpuShare * host.cores;
            share.vcpu += cpuShare * host.cores * (host.hyperThreading ? 2 : 1);
            share.memoryGiB += memoryShare * host.memoryMiB / 1024.0;
            if (windowsOnHost[k] > 0) {
                const LicenceCount server = LicenceCounter::forServer(host.cores, host.sockets, windowsOnHost[k]);
                today.count += server;
                today.bill += price(server);
            }
        }
        share.diskGiB = before.diskGiB;
    }
    result.licencesBefore = result.licences.before.count;

    const QString prices =
        QStringLiteral("at list prices of %1 (Standard) and %2 (Datacenter) per 16 cores (%3)")
            .arg(money(s.licensing.standardPer16Cores, s.licensing.currency),
                 money(s.licensing.datacenterPer16Cores, s.licensing.currency), s.licensing.priceSource);
    const QString beforeWords =
        m_estate.isEmpty()
            ? QStringLiteral("Before: the %1 repacked hosts, each licensed per physical core (at least 8 per "
                             "processor and 16 per server) with the cheaper of Standard (stacked per 2 Windows VMs) "
                             "and Datacenter, %2.")
                  .arg(result.vmHosts)
                  .arg(prices)
            : QStringLiteral("Before: the customer's %1 real hosts that run containerized Windows VMs, each licensed "
                             "per physical core (at least 8 per processor and 16 per server) with the cheaper of "
                             "Standard (stacked per 2 Windows VMs) and Datacenter, %2.")
                  .arg(result.licences.before.bill.servers)
                  .arg(prices);
    const QString afterWords =
        s.licensing.model == Scenario::LicensingModel::Included
            ? QStringLiteral("After: licence-included: the Windows Server licence of the Windows nodes (%1 vCPU) is "
                             "in their pay-as-you-go price; no licences are brought.")
                  .arg(result.licences.includedVcpu)
            : QStringLiteral("After: Azure Hybrid Benefit: each Windows node's vCPU count as core licences, at least "
                             "8 per VM, the cheaper of Standard and Datacenter at the same prices; it needs Software "
                             "Assurance or subscription licences, and Standard licences moved to Azure may not stay "
                             "on premises beyond the 180-day migration allowance (Datacenter ones may).");
    result.licences.basis = beforeWords + u' ' + afterWords;
    return result;
}

} // namespace landfall
