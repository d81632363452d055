#pragma once

#include <QtGlobal>

namespace landfall {

/** One workload's demand both ways: as a container (what nodes must hold) and as a VM (what
    hosts hold today). Integer units so packing is exact. */
struct WorkloadDemand {
    qint64 cpuMilli = 0;            ///< container CPU request: the limit divided by the CPU overcommit
    qint64 cpuLimitMilli = 0;       ///< container CPU limit: the demand
    qint64 memoryMiB = 0;           ///< container memory request
    qint64 writableDiskMiB = 0;     ///< the container's writable layer
    qint64 imageMiB = 0;            ///< its base image, stored once per node
    qint64 persistentVolumeMiB = 0; ///< application data moved off the node: still bought, after
    qint64 vmVcpu = 0;              ///< the VM's vCPU under the sizing basis, whole
    qint64 vmMemoryMiB = 0;         ///< the VM's memory with its guest OS
    qint64 vmDiskMiB = 0;           ///< the VM's disk with its guest OS
    bool fellBackToProvisioned = false;
};

} // namespace landfall
