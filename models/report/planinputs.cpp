#include "planinputs.h"

#include "advisor/projectadvisor.h"
#include "density/densityengine.h"
#include "store/projectstore.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QtConcurrent>

namespace landfall {

Result<QList<Decision>, ReportError> PlanInputs::decisions(ProjectStore &store)
{
    QList<Decision> stored = store.decisions();
    QSet<qint64> decided;
    for (const Decision &decision : std::as_const(stored))
        decided.insert(decision.vmId);
    bool complete = true;
    for (const Vm &vm : store.vms()) {
        if (!decided.contains(vm.id)) {
            complete = false;
            break;
        }
    }
    if (complete)
        return stored;
    // An import since the last classification (or none yet): a report must not leave VMs out.
    ProjectAdvisor advisor(store);
    Result<QList<Decision>, AdvisorError> fresh = advisor.classifyAndStore();
    if (!fresh)
        return ReportError{fresh.error().kind == AdvisorError::Kind::Store ? ReportError::Kind::Store
                                                                           : ReportError::Kind::Input,
                           fresh.error().message};
    return fresh.value();
}

Result<QList<Scenario>, ReportError> PlanInputs::scenarios(const ProjectStore &store, const QStringList &names)
{
    QStringList wanted = names;
    if (wanted.isEmpty())
        wanted = store.scenarioNames();
    if (wanted.isEmpty())
        wanted.append(kDefaultScenario);
    QList<Scenario> scenarios;
    for (const QString &name : std::as_const(wanted)) {
        const std::optional<QString> definition = store.scenarioDefinition(name);
        if (!definition) {
            if (name == kDefaultScenario) {
                scenarios.append(Scenario());
                continue;
            }
            QStringList known = store.scenarioNames();
            if (!known.contains(kDefaultScenario))
                known.append(kDefaultScenario);
            return ReportError{ReportError::Kind::Input, QStringLiteral("no scenario named '%1'; the project has %2")
                                                             .arg(name, known.join(QStringLiteral(", ")))};
        }
        Result<Scenario, ScenarioError> scenario =
            Scenario::fromJson(QJsonDocument::fromJson(definition->toUtf8()).object());
        if (!scenario)
            return ReportError{ReportError::Kind::Input, name + QStringLiteral(": ") + scenario.error().toString()};
        Scenario named = scenario.value();
        named.name = name; // the name the project lists it under is the one the consultant asks for
        scenarios.append(named);
    }
    return scenarios;
}

QList<Workload> PlanInputs::containerWorkloads(const QList<Vm> &vms, const QList<Decision> &decisions)
{
    QHash<qint64, const Decision *> byVm;
    for (const Decision &decision : decisions)
        byVm.insert(decision.vmId, &decision);
    QList<Workload> workloads;
    for (const Vm &vm : vms) {
        const Decision *decision = byVm.value(vm.id);
        if (decision && decision->path == MigrationPath::Containerize)
            workloads.append(Workload::fromVm(vm, *decision));
    }
    return workloads;
}

Result<QList<DensityResult>, ReportError> PlanInputs::placed(const QList<Vm> &vms, const QList<Decision> &decisions,
                                                             const QList<Scenario> &scenarios)
{
    const QList<Workload> workloads = containerWorkloads(vms, decisions);
    QList<Result<DensityResult, ScenarioError>> runs = QtConcurrent::blockingMapped(
        scenarios, [&workloads](const Scenario &scenario) { return DensityEngine(scenario).run(workloads); });
    QList<DensityResult> results;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        if (!runs[i])
            return ReportError{ReportError::Kind::Input,
                               scenarios.at(i).name + QStringLiteral(": ") + runs[i].error().toString()};
        results.append(runs[i].value());
        results.last().scenario = scenarios.at(i).name;
    }
    return results;
}

} // namespace landfall
