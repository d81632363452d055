#pragma once

#include "licencecounter.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace landfall {

/** One node pool's outcome: how many nodes, how close to the optimum, and what limits it. */
/** How many nodes of one size a pool's mix of sizes buys. */
struct PoolSizeCount {
    int vcpu = 0;
    double memoryGiB = 0;
    int nodes = 0;
};

/** A pool on several node sizes at once: the mix that costs least (scenario packing.mixNodeSizes). */
struct PoolSizeMix {
    QList<PoolSizeCount> sizes; ///< the sizes used, in the scenario's order, with the N+1 spare on the largest
    double cost = 0;            ///< per hour when priced, else nodes
    double costLowerBound = 0;  ///< no mix costs less (same terms, spare included)
    QString basis;              ///< "hourly" (every size priced) or "nodes"
    int singleSizeNodes = 0;    ///< the pool's own size alone, for comparison
    double singleSizeCost = 0;
    /** The mix in words, largest size first: "3 x 16 vCPU/64 GiB + 2 x 8 vCPU/32 GiB". */
    QString inWords() const;
};

struct PoolResult {
    QString name;             ///< "linux", "windows-10.0.26100", "windows-10.0.26100-untrusted", "system", ...
    QString os;               ///< "linux" or "windows"
    QString build;            ///< the Windows build; empty for Linux
    QString purpose;          ///< general, untrusted, gpu, kata, pinned-build or system
    int nodes = 0;            ///< with the N+1 spare when the scenario asks for it
    int lowerBound = 0;       ///< on the same terms as `nodes`
    QString limitingResource; ///< "cpu", "memory", "pods", "disk" or "system"
    int workloads = 0;
    QString method;       ///< the packer that won
    bool optimal = false; ///< proven optimal packing
    /** What the packing proves, in words: "optimal: equals the lower bound (L1)" or "at most
        N nodes (x %) above the optimum: ..." (PackOutcome::certificate). */
    QString certificate;
    qint64 allocatableCpuMilli = 0; ///< per node, after reservations and headroom
    qint64 allocatableMemoryMiB = 0;
    qint64 allocatableDiskMiB = 0; ///< for writable layers, after the pool's images; 0 when not packed
    int maxPods = 0;
    int nodeVcpu = 0; ///< the pool's node size
    double nodeMemoryGiB = 0;
    int threadsPerCore = 2;
    std::optional<PoolSizeMix> sizeMix; ///< only when the scenario mixes node sizes
};

/** Where one workload runs. Nodes are numbered from 1 within their pool. */
struct Placement {
    qint64 vmId = 0;
    QString workload;
    QString pool;
    int node = 0;
};

/** A workload the plan cannot place, and why: the rest of the plan still packs. */
struct NotSchedulable {
    qint64 vmId = 0;
    QString workload;
    QString reason;
    double vcpu = 0;          ///< its CPU request, for "larger than the node"
    double memoryGiB = 0;     ///< its memory request
    int smallestNodeVcpu = 0; ///< the smallest node that takes it; 0 when the reason is not its size
    double smallestNodeMemoryGiB = 0;
};

/** Capacity bought, in the units of both sides: physical cores (a cloud vCPU is a hyper-thread), vCPU, GiB. */
struct Capacity {
    double machines = 0; ///< hosts or nodes; a share of hosts may be fractional
    double physicalCores = 0;
    double vcpu = 0; ///< hardware threads: a host's cores x threads per core, a node's vCPU
    double memoryGiB = 0;
    double diskGiB = 0;             ///< after: writable layers and images on the nodes, plus the persistent volumes
    double persistentVolumeGiB = 0; ///< after only: application data moved to network storage
};

/** The estate today: the customer's real hosts (vHost) where known, the scenario's host block otherwise. */
struct Baseline {
    QString source = QStringLiteral("scenario"); ///< "inventory" or "scenario"
    double hosts = 0;
    double physicalCores = 0;
    double memoryGiB = 0;
    QString hostModel;               ///< what the VMs were repacked onto, in words
    Capacity containerizedShare;     ///< inventory only: the containerized VMs' share of the real hosts
    int workloadsOnUnknownHosts = 0; ///< inventory only: containerized VMs whose host vHost does not list
};

/** Licences on one side, counted both ways and bought as the cheaper edition per server. */
struct LicenceSide {
    LicenceCount count; ///< if every server took Standard, or every server Datacenter
    LicenceBill bill;   ///< each server its cheaper edition, priced
};

/** Everything the density engine says about one scenario: the answer to the workshop's money question. */
struct DensityResult {
    QString scenario;
    QList<PoolResult> pools;
    int containerNodes = 0;
    int containerNodesLowerBound = 0;
    int vmHosts = 0;
    int vmHostsLowerBound = 0;
    QString vmHostsLimitingResource;
    int workloads = 0;
    int fallbackToProvisioned = 0;
    // Savings are capacity bought before minus capacity bought after, never a difference of demand.
    double savedPhysicalCores = 0;
    double savedVcpu = 0;
    double savedMemoryGiB = 0;
    double savedDiskGiB = 0;
    LicenceCount licencesBefore; ///< on the baseline: the real hosts where known
    LicenceCount licencesAfter;
    QList<Placement> placement;
    QList<NotSchedulable> notSchedulable;
    // What is bought on each side, for the what-if comparison.
    double containerVcpuBought = 0;
    double containerMemoryGiBBought = 0;
    double hostCoresBought = 0;
    double hostMemoryGiBBought = 0;

    struct Basis {
        QString sizing;
        double cpuOvercommit = 1;
        double targetUtilisationPct = 100;
        QString spares;
        int threadsPerCore = 2;
        QStringList asymmetries; ///< each deliberate difference between the sides, in words
    } basis;
    Baseline baseline;
    Capacity before; ///< the VMs repacked onto the baseline's kind of host, on the shared basis
    Capacity after;  ///< the container nodes of every pool
    struct Licences {
        QString model; ///< "hybrid-benefit" or "included"
        QString basis; ///< the terms in words
        QString currency;
        QString priceSource;
        LicenceSide before;      ///< the real hosts where known, else the repacked hosts
        LicenceSide repacked;    ///< the repacked hosts
        LicenceSide after;       ///< the Windows nodes (nothing brought under "included")
        qint64 includedVcpu = 0; ///< "included": Windows node vCPU whose licence is in the node price
    } licences;

    /** True when every workload fell back to provisioned sizing under a performance basis. */
    bool allFellBackToProvisioned() const { return workloads > 0 && fallbackToProvisioned == workloads; }
    /** The workload nodes (the system pool aside, its size is set by the scenario) and how many of
        them their local disk fills first: where that is most of them, larger node sizes need as
        many nodes, since a node's disk is one size whatever its vCPU and memory. */
    struct DiskBoundNodes {
        int diskLimited = 0;
        int nodes = 0;
        bool most() const { return nodes > 0 && 2 * diskLimited > nodes; }
    };
    DiskBoundNodes diskBoundNodes() const
    {
        DiskBoundNodes count;
        for (const PoolResult &pool : pools) {
            if (pool.limitingResource == QLatin1String("system"))
                continue;
            count.nodes += pool.nodes;
            if (pool.limitingResource == QLatin1String("disk"))
                count.diskLimited += pool.nodes;
        }
        return count;
    }
    /** A saving in words: "saves 12 physical cores" or "needs 40 GiB more memory". */
    static QString savingInWords(double saving, const QString &unit);

    /** The JSON of `landfall-cli density --json`: keys are a public interface. */
    QJsonObject toJson(bool withPlacement = true) const;
};

} // namespace landfall
