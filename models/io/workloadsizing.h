#pragma once

#include "density/scenario.h"
#include "density/workloaddemand.h"

#include "domain/decision.h"
#include "domain/vm.h"

namespace landfall {

/** The resources a containerized workload asks Kubernetes for: the requests are the demand the
    density engine packs for it (its DemandModel, under the scenario), so the manifests and the
    node count agree. CPU is overcommitted through requests below limits (density.md, Like for
    like): the request is the demand over the scenario's overcommit, the limit the demand. Memory
    never is (Windows has no OOM killer; a Kata pod VM is sized to the limit), so its request
    equals its limit. */
struct WorkloadSizing {
    qint64 cpuRequestMilli = 250;
    qint64 cpuLimitMilli = 250;
    qint64 memoryRequestMiB = 512;
    qint64 memoryLimitMiB = 512;

    /** The one place the artefacts ask the density engine for a workload's demand. */
    static WorkloadSizing of(const Vm &vm, const Decision &decision, const Scenario &scenario);
    /** What the density engine packed, as requests and limits. */
    static WorkloadSizing fromDemand(const WorkloadDemand &demand);
};

} // namespace landfall
