#pragma once

#include "density/scenario.h"

#include "domain/decision.h"
#include "domain/vm.h"

namespace landfall {

/** The resources a containerized workload asks Kubernetes for: the requests are the demand the
    density engine packs for it (its DemandModel, under the scenario), so the manifests and the
    node count agree; the limits let CPU burst up to the VM's own vCPUs, and hold memory at the
    request (Windows has no OOM killer and is never overcommitted; a Kata pod VM is sized to it). */
struct WorkloadSizing {
    qint64 cpuRequestMilli = 250;
    qint64 cpuLimitMilli = 250;
    qint64 memoryRequestMiB = 512;
    qint64 memoryLimitMiB = 512;

    /** The one place the artefacts ask the density engine for a workload's demand. */
    static WorkloadSizing of(const Vm &vm, const Decision &decision, const Scenario &scenario);
};

} // namespace landfall
