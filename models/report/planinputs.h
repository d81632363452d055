#pragma once

#include "reporterror.h"

#include "density/densityresult.h"
#include "density/scenario.h"
#include "density/workload.h"
#include "domain/decision.h"
#include "domain/result.h"
#include "domain/vm.h"

#include <QList>
#include <QStringList>

namespace landfall {

class ProjectStore;

/** Reads what the report and the exports share out of a project: decisions for every VM
    (classifying first when the stored ones do not cover the inventory) and the scenarios by
    name, with "default" standing for every default, as `landfall-cli density` does. */
class PlanInputs {
public:
    static inline const QString kDefaultScenario = QStringLiteral("default");

    /** The stored decisions when they cover every VM; otherwise classifies and stores anew. */
    static Result<QList<Decision>, ReportError> decisions(ProjectStore &store);
    /** The named scenarios; with no names, every scenario of the project, or "default" when it has none. */
    static Result<QList<Scenario>, ReportError> scenarios(const ProjectStore &store, const QStringList &names);
    /** The containerized VMs as the density engine's workloads. */
    static QList<Workload> containerWorkloads(const QList<Vm> &vms, const QList<Decision> &decisions);
    /** Each scenario run with its placement (which VM on which pool and node), side by side;
        each result named after its scenario. The first scenario that cannot run is the error. */
    static Result<QList<DensityResult>, ReportError> placed(const QList<Vm> &vms, const QList<Decision> &decisions,
                                                            const QList<Scenario> &scenarios);
};

} // namespace landfall
