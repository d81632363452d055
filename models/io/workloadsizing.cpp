#include "workloadsizing.h"

#include "density/demandmodel.h"
#include "density/workload.h"

#include <algorithm>

namespace landfall {

WorkloadSizing WorkloadSizing::of(const Vm &vm, const Decision &decision, const Scenario &scenario)
{
    return fromDemand(DemandModel(scenario).demand(Workload::fromVm(vm, decision)));
}

WorkloadSizing WorkloadSizing::fromDemand(const WorkloadDemand &demand)
{
    WorkloadSizing sizing;
    sizing.cpuRequestMilli = std::max<qint64>(1, demand.cpuMilli);
    sizing.cpuLimitMilli = std::max(sizing.cpuRequestMilli, demand.cpuLimitMilli);
    sizing.memoryRequestMiB = std::max<qint64>(1, demand.memoryMiB);
    sizing.memoryLimitMiB = sizing.memoryRequestMiB;
    return sizing;
}

} // namespace landfall
