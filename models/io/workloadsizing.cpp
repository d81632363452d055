#include "workloadsizing.h"

#include <algorithm>

namespace landfall {

WorkloadSizing WorkloadSizing::fromVm(const Vm &vm)
{
    WorkloadSizing sizing;
    if (vm.vcpu > 0)
        sizing.cpuCores = vm.vcpu;
    if (vm.memoryMiB > 0)
        sizing.memoryMiB = std::max(64.0, vm.memoryMiB);
    return sizing;
}

} // namespace landfall
