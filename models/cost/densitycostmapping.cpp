#include "densitycostmapping.h"

#include <QHash>

namespace landfall {

bool DensityCostMapping::hybridBenefit(const QJsonObject &rawScenario)
{
    const QString model =
        rawScenario.value(QLatin1String("licensing")).toObject().value(QLatin1String("model")).toString();
    return model == QLatin1String("hybrid-benefit");
}

QString DensityCostMapping::nodeSku(const QJsonObject &rawScenario)
{
    return rawScenario.value(QLatin1String("node")).toObject().value(QLatin1String("sku")).toString();
}

bool DensityCostMapping::needsGpu(const Vm &vm)
{
    return vm.answers.value(WorkshopAnswers::Attribute::Gui) == QLatin1String("directx");
}

ContainerPlatformToPrice DensityCostMapping::map(const DensityResult &result, const Scenario &scenario,
                                                 const QJsonObject &rawScenario, const QList<Workload> &workloads,
                                                 const QList<Vm> &vms)
{
    ContainerPlatformToPrice out;
    out.hybridBenefit = hybridBenefit(rawScenario);
    out.kubernetesCluster = scenario.platform == Scenario::Platform::Kubernetes && !result.pools.isEmpty();
    out.licencesAfter = result.licencesAfter;

    QHash<qint64, const Workload *> workloadOf;
    for (const Workload &w : workloads)
        workloadOf.insert(w.vmId, &w);
    QHash<qint64, bool> gpuOf;
    for (const Vm &vm : vms)
        gpuOf.insert(vm.id, needsGpu(vm));
    QHash<QString, QList<qint64>> members;
    for (const Placement &p : result.placement)
        members[p.pool].append(p.vmId);

    const QString sku = nodeSku(rawScenario);
    for (const PoolResult &pool : result.pools) {
        PoolToPrice priced;
        priced.name = pool.name;
        priced.windows = pool.os == QLatin1String("windows");
        priced.nodes = pool.nodes;
        // Each pool's own node size: a GPU pool's nodes are the scenario's GPU node.
        priced.nodeVcpu = pool.nodeVcpu > 0 ? pool.nodeVcpu : scenario.node.vcpu;
        priced.nodeMemoryGiB = pool.nodeMemoryGiB > 0 ? pool.nodeMemoryGiB : scenario.node.memoryGiB;
        priced.nodeDiskGiB = scenario.node.diskGiB;
        priced.gpu = pool.purpose == QLatin1String("gpu");
        priced.kata = pool.purpose == QLatin1String("kata");
        // The scenario's node SKU names the general node size, not the GPU one.
        priced.sku = pool.name == QLatin1String("system") || priced.gpu ? QString() : sku;
        priced.vmIds = members.value(pool.name);
        if (pool.sizeMix && !pool.sizeMix->sizes.isEmpty()) {
            // The mix the engine chose replaces the single-size packing: that is what is bought.
            priced.nodes = 0;
            for (const PoolSizeCount &size : pool.sizeMix->sizes) {
                const bool ownSize = size.vcpu == scenario.node.vcpu && size.memoryGiB == scenario.node.memoryGiB;
                priced.sizes.append({size.vcpu, size.memoryGiB, size.nodes, ownSize ? sku : QString()});
                priced.nodes += size.nodes;
            }
        }
        int gpuWorkloads = 0;
        for (qint64 id : std::as_const(priced.vmIds)) {
            const Workload *w = workloadOf.value(id);
            priced.kata = priced.kata || (w && w->isolation == Isolation::Kata);
            gpuWorkloads += gpuOf.value(id) ? 1 : 0;
        }
        if (!priced.gpu && gpuWorkloads > 0) {
            out.gpuWorkloadsOnPlainNodes += gpuWorkloads;
            out.gpuPlainPool = pool.name;
        }
        out.pools.append(priced);
    }
    return out;
}

} // namespace landfall
