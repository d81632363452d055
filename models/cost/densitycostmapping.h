#pragma once

#include "density/densityresult.h"
#include "density/scenario.h"
#include "density/workload.h"
#include "domain/vm.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace landfall {

/** One node size of a pool that mixes sizes, as the cost model prices it. */
struct PoolSizeToPrice {
    int nodeVcpu = 0;
    double nodeMemoryGiB = 0;
    int nodes = 0;
    QString sku; ///< named by the scenario (`node.sku`, for the node's own size); empty: the cheapest of the shape
};

/** One node pool as the cost model prices it. */
struct PoolToPrice {
    QString name;
    bool windows = false;
    int nodes = 0;
    int nodeVcpu = 0;
    double nodeMemoryGiB = 0;
    double nodeDiskGiB = 0; ///< each node's OS disk, bought as a managed disk
    bool gpu = false;       ///< GPU nodes (DirectX workloads)
    bool kata = false;      ///< nested virtualisation for Kata pod VMs
    QString sku;            ///< named by the scenario; empty: the cheapest size of the node's shape
    QList<qint64> vmIds;    ///< the VMs placed on it; the system pool has none
    /** The pool's mix of node sizes (scenario packing.mixNodeSizes): each size priced at its own
        SKU, `nodes` their total, instead of `nodes` of one size. Empty: one size. */
    QList<PoolSizeToPrice> sizes;
};

/** The container platform the density engine sized, reduced to what has a price. */
struct ContainerPlatformToPrice {
    QList<PoolToPrice> pools;
    bool kubernetesCluster = false;   ///< one managed cluster, with its fee
    bool hybridBenefit = false;       ///< Windows at the Linux rate, with the customer's licences counted
    LicenceCount licencesAfter;       ///< Windows Server core licences of the Windows nodes
    int gpuWorkloadsOnPlainNodes = 0; ///< DirectX workloads the density result put in a pool without GPUs
    QString gpuPlainPool;             ///< where they are
};

/** The one place that reads a density result for the cost model: which pools, how many nodes of
    which size, GPU or Kata, under which Windows licence model. Kept small and apart so that a
    richer density result (pool purposes, licensing models, capacity bought) changes this class only. */
class DensityCostMapping {
public:
    /** `rawScenario` is the scenario's stored JSON: its optional `node.sku` and
        `licensing.model` ("hybrid-benefit" or "included") are read here. */
    static ContainerPlatformToPrice map(const DensityResult &result, const Scenario &scenario,
                                        const QJsonObject &rawScenario, const QList<Workload> &workloads,
                                        const QList<Vm> &vms);
    /** True when the scenario licenses Windows through Azure Hybrid Benefit. */
    static bool hybridBenefit(const QJsonObject &rawScenario);
    /** The node size the scenario names, empty when it names none. */
    static QString nodeSku(const QJsonObject &rawScenario);
    /** True for a VM whose workload needs a GPU: the consultant said it draws with DirectX. */
    static bool needsGpu(const Vm &vm);
};

} // namespace landfall
