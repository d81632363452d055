#pragma once

#include "reportoptions.h"

#include "advisor/advisorinputs.h"
#include "advisor/ruleset.h"
#include "density/scenario.h"
#include "domain/decision.h"
#include "domain/host.h"
#include "domain/vm.h"
#include "store/projectsummary.h"

#include <QList>
#include <QString>

namespace landfall {

/** Everything a report is built from, read out of the project on the thread that owns the
    store: building from it touches no database, so it may run on a worker thread. */
struct ReportInputs {
    ReportOptions options;
    QString projectFile;
    ProjectSummary summary;
    QList<Vm> vms;
    QList<Host> hosts;         ///< the estate's hypervisor hosts (vHost): the density baseline; empty without
    QList<Decision> decisions; ///< one per VM
    QList<Scenario> scenarios; ///< in the report's order
    RuleSet rules;
    AdvisorInputs advisorInputs;
};

} // namespace landfall
