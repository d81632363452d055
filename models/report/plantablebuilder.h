#pragma once

#include "reporterror.h"

#include "density/densityresult.h"
#include "domain/decision.h"
#include "domain/result.h"
#include "domain/vm.h"
#include "io/plantable.h"

#include <QList>
#include <QStringList>

namespace landfall {

class ProjectStore;

/** Lays the plan out as one table for the CSV and Excel exports: a row per VM with its
    inventory, the workshop answers, the decision, and for each scenario its pool and node. */
class PlanTableBuilder {
public:
    /** `results` carry their placement; each adds a "<scenario> pool" and "<scenario> node" column. */
    static PlanTable build(const QList<Vm> &vms, const QList<Decision> &decisions, const QList<DensityResult> &results);
    /** Reads the project (classifying when needed) and runs the scenarios; with no names, every
        scenario of the project, or "default" when it has none. */
    static Result<PlanTable, ReportError> fromStore(ProjectStore &store, const QStringList &scenarios = {});
};

} // namespace landfall
