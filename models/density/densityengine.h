#pragma once

#include "densityresult.h"
#include "estate.h"
#include "scenario.h"
#include "scenarioerror.h"
#include "workload.h"

#include "domain/result.h"

#include <QList>

namespace landfall {

class PackingCache;

/** Turns the containerized workloads and a scenario into nodes per pool, VM hosts, bounds,
    capacity bought before and after on one basis, licences and the placement: the density
    answer, from plain data only. */
class DensityEngine {
public:
    struct Options {
        bool vmHosts = true;   ///< also pack the workloads as VMs onto hypervisor hosts
        bool placement = true; ///< list where each workload runs
        bool plainFfd = false; ///< pack with first-fit decreasing only: the baseline in benchmarks
        /** Packs each pool through it, when given: runs that share it pack an identical pool once
            (the same figures, since packing is deterministic). */
        PackingCache *packings = nullptr;
    };
    /** Local search work units per millisecond of `packing.effortMs`, measured on a 2020s core. */
    static constexpr qint64 kWorkUnitsPerMs = 200'000;

    /** `estate`: the customer's hosts, the baseline; without it the scenario's host block is. */
    explicit DensityEngine(Scenario scenario, Estate estate = {})
        : m_scenario(std::move(scenario))
        , m_estate(std::move(estate))
    {}

    Result<DensityResult, ScenarioError> run(const QList<Workload> &workloads) const
    {
        return run(workloads, Options());
    }
    Result<DensityResult, ScenarioError> run(const QList<Workload> &workloads, const Options &options) const;

    /** The hypervisor's memory per VM: KVM's 0.2 % + 218 MiB + 8 MiB per vCPU, or an
        approximation of VMware's table. */
    static double hypervisorOverheadMiB(Scenario::HypervisorOverhead model, double memoryMiB, qint64 vcpu);

private:
    Scenario m_scenario;
    Estate m_estate;
};

} // namespace landfall
