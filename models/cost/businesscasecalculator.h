#pragma once

#include "businesscase.h"
#include "densitycostmapping.h"
#include "pricebook.h"
#include "waveramp.h"

#include "density/scenario.h"
#include "domain/decision.h"
#include "domain/host.h"
#include "domain/result.h"
#include "domain/vm.h"

#include <QList>

namespace landfall {

/** Why a business case could not be made: what (a VM, a pool, a key) and why. */
struct CostError {
    QString subject;
    QString message;
    QString toString() const { return subject + QStringLiteral(": ") + message; }
};

/** Everything a business case is computed from: plain data, so it is tested without a project. */
struct BusinessCaseInputs {
    QList<Vm> vms;
    QList<Decision> decisions; ///< a VM without one is counted as staying where it is
    QList<Host> hosts;         ///< the real hosts; empty: the scenario's baseline host size
    Scenario scenario;
    ContainerPlatformToPrice platform; ///< the containerized VMs' node pools, from DensityCostMapping
    bool densityResultMissing = false; ///< the containerized VMs could not be packed: their nodes are unpriced
    PriceBook book;
    int years = 3;
    /** The project's wave plan as a ramp: the move follows it month by month instead of the book's
        per-year shares; none when the project has no wave plan. */
    std::optional<WaveRamp> waves;
};

/** Prices every VM's path from the price book (rehost on the cheapest fitting size, containers on
    their pools' nodes, PaaS by its sized vCPU and data, retain at its share of today), prices
    today's estate, and projects both over the years with the ramp, double running and payback. */
class BusinessCaseCalculator {
public:
    static Result<BusinessCase, CostError> compute(const BusinessCaseInputs &inputs);
};

} // namespace landfall
