#pragma once

#include "scenario.h"
#include "workload.h"
#include "workloaddemand.h"

namespace landfall {

/** Turns a workload into its demand under a scenario: the sizing basis, the guest OS the
    container no longer carries, and the overhead its isolation mode adds. */
class DemandModel {
public:
    explicit DemandModel(const Scenario &scenario)
        : m_scenario(scenario)
    {}

    WorkloadDemand demand(const Workload &workload) const;

    static double guestBaselineMemoryMiB(const Workload &workload);
    static double guestBaselineDiskGiB(const Workload &workload);
    static double containerOverheadMiB(const Workload &workload);
    static double containerOverheadCpuMilli(const Workload &workload);
    /** The base image's size on disk: seed figures before Server 2022, current ones from it. */
    static double imageSizeMiB(Workload::Image image, const QString &build);

private:
    Scenario m_scenario;
};

} // namespace landfall
