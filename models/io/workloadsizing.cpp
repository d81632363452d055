#include "workloadsizing.h"

#include "density/demandmodel.h"
#include "density/workload.h"

#include <algorithm>

namespace landfall {

WorkloadSizing WorkloadSizing::of(const Vm &vm, const Decision &decision, const Scenario &scenario)
{
    const Workload workload = Workload::fromVm(vm, decision);
    const WorkloadDemand demand = DemandModel(scenario).demand(workload);
    WorkloadSizing sizing;
    sizing.cpuRequestMilli = std::max<qint64>(1, demand.cpuMilli);
    sizing.cpuLimitMilli = std::max<qint64>(sizing.cpuRequestMilli, qint64(std::max(1, vm.vcpu)) * 1000);
    sizing.memoryRequestMiB = std::max<qint64>(1, demand.memoryMiB);
    sizing.memoryLimitMiB = sizing.memoryRequestMiB;
    return sizing;
}

} // namespace landfall
