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

    WorkloadDemand demand(const Workload &workload) const
    {
        return demand(workload, isolationOf(workload, m_scenario));
    }
    WorkloadDemand demand(const Workload &workload, Isolation isolation) const;

    /** The isolation the workload runs under in this scenario: Kata for untrusted Linux, Hyper-V
        for untrusted or pinned Windows on a container host, the advisor's choice otherwise. */
    static Isolation isolationOf(const Workload &workload, const Scenario &scenario);
    /** True when the image is tagged for an older Windows build than the scenario's nodes. */
    static bool pinnedToOlderBuild(const Workload &workload, const Scenario &scenario);
    /** AKS Pod Sandboxing's default pod overhead (RuntimeClass kata-vm-isolation). */
    static constexpr double kKataPodOverheadMiB = 600;

    static double guestBaselineMemoryMiB(const Workload &workload);
    static double guestBaselineDiskGiB(const Workload &workload);
    static double containerOverheadMiB(const Workload &workload, Isolation isolation);
    /** The base image's size on disk: seed figures before Server 2022, current ones from it. */
    static double imageSizeMiB(Workload::Image image, const QString &build);

private:
    Scenario m_scenario;
};

} // namespace landfall
