#pragma once

#include "waveplan.h"

namespace landfall {

/** Forms the move groups of an estate, each source in order: the consultant's explicit
    `moveGroup`; the application answer; the dependencies (a VM without an application joins
    the one application it talks to, and VMs without one that talk to each other move together);
    strong links between applications (at least WaveParameters::strongLinkThreshold connections
    merge them); otherwise the VM alone. A VM that talks with more than sharedServiceFanOut VMs is
    shared infrastructure (DNS, monitoring, backup): its links pull no group together and count for
    no strong link. */
class MoveGroupBuilder {
public:
    /** Fills `plan.groups` and `plan.groupOfVm`; the waves are the planner's. */
    static void build(const WaveInput &input, const WaveParameters &parameters, WavePlan &plan);
};

} // namespace landfall
