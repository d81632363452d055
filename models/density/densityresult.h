#pragma once

#include "licencecounter.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace landfall {

/** One node pool's outcome: how many nodes, how close to the optimum, and what limits it. */
struct PoolResult {
    QString name;             ///< "linux", "windows-10.0.20348", "system"
    QString os;               ///< "linux" or "windows"
    QString build;            ///< the Windows build; empty for Linux
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
};

/** Where one workload runs. Nodes are numbered from 1 within their pool. */
struct Placement {
    qint64 vmId = 0;
    QString workload;
    QString pool;
    int node = 0;
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
    double savedVcpu = 0;
    double savedMemoryGiB = 0;
    double savedDiskGiB = 0;
    LicenceCount licencesBefore;
    LicenceCount licencesAfter;
    QList<Placement> placement;
    // What is bought on each side, for the what-if comparison.
    double containerVcpuBought = 0;
    double containerMemoryGiBBought = 0;
    double hostCoresBought = 0;
    double hostMemoryGiBBought = 0;

    /** The JSON of `landfall-cli density --json`: keys are a public interface. */
    QJsonObject toJson(bool withPlacement = true) const;
};

} // namespace landfall
