#pragma once

#include "domain/vm.h"

namespace landfall {

/** The resources a containerized workload asks Kubernetes for. The density engine will size
    workloads; until it does, the VM's own size stands in. */
struct WorkloadSizing {
    double cpuCores = 0.25;
    double memoryMiB = 512;

    /** The VM's vCPUs and memory, with a floor for VMs the inventory gives no size. */
    static WorkloadSizing fromVm(const Vm &vm);
};

} // namespace landfall
