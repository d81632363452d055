#include "workloadsizing.h"

#include <algorithm>

namespace landfall {

WorkloadSizing WorkloadSizing::fromVm(const Vm &vm)
{
    WorkloadSizing sizing;
    if (vm.vcpu > 0)
        sizing.cpuCores = vm.vcpu;
    sizing.cpuLimitCores = sizing.cpuCores;
    if (vm.memoryMiB > 0)
        sizing.memoryMiB = std::max(64.0, vm.memoryMiB);
    return sizing;
}

WorkloadSizing WorkloadSizing::fromDemand(const WorkloadDemand &demand)
{
    WorkloadSizing sizing;
    sizing.cpuCores = double(std::max<qint64>(1, demand.cpuMilli)) / 1000.0;
    sizing.cpuLimitCores = std::max(sizing.cpuCores, double(demand.cpuLimitMilli) / 1000.0);
    sizing.memoryMiB = std::max(64.0, double(demand.memoryMiB));
    return sizing;
}

} // namespace landfall
