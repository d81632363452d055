#pragma once

#include "density/workloaddemand.h"
#include "domain/vm.h"

namespace landfall {

/** The resources a containerized workload asks Kubernetes for: requests for the scheduler and
    limits for the kubelet. CPU is overcommitted through requests below limits (density.md, Like
    for like); memory never is, so its request equals its limit. */
struct WorkloadSizing {
    double cpuCores = 0.25;      ///< the CPU request
    double cpuLimitCores = 0.25; ///< the CPU limit: the demand
    double memoryMiB = 512;      ///< request and limit (a Kata pod VM is sized to it)

    /** The VM's vCPUs and memory, with a floor for VMs the inventory gives no size; request = limit. */
    static WorkloadSizing fromVm(const Vm &vm);
    /** What the density engine packed: the request its demand over the scenario's overcommit, the limit its demand. */
    static WorkloadSizing fromDemand(const WorkloadDemand &demand);
};

} // namespace landfall
