#pragma once

#include "reportoptions.h"

#include "advisor/advisorinputs.h"
#include "advisor/ruleset.h"
#include "cost/businesscase.h"
#include "cost/projectbusinesscase.h"
#include "density/scenario.h"
#include "domain/decision.h"
#include "domain/host.h"
#include "domain/vm.h"
#include "store/projectsummary.h"
#include "waves/waveinput.h"
#include "waves/waveparameters.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

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

    /** The scenario the consultant marked as recommended (kept in the project), and why; empty when none. */
    QString recommended;
    QString recommendationWhy;
    /** The business case of the recommended scenario (else the first); none when it cannot be made. */
    std::optional<BusinessCase> businessCase;
    QString businessCaseError; ///< why there is none, in words
    /** What the business case is computed from when it is not computed yet: build() finishes it
        with its scenario's density result, so that each scenario is packed once. */
    std::optional<BusinessCaseSource> businessCaseSource;
    WaveInput waveInput;
    WaveParameters waveParameters;
    QHash<QString, int> wavePins;
    /** The consultant has planned waves (dependencies, move groups, pins or wave settings): the
        business case then follows the waves; otherwise they are Landfall's first proposal. */
    bool wavePlanRecorded = false;
};

} // namespace landfall
