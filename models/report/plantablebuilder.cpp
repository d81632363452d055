#include "plantablebuilder.h"

#include "planinputs.h"
#include "reportbuilder.h"
#include "vmplanlookup.h"

#include "store/projectstore.h"

#include <QHash>

namespace landfall {

namespace {

QVariant optionalNumber(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QString());
}

} // namespace

PlanTable PlanTableBuilder::build(const QList<Vm> &vms, const QList<Decision> &decisions,
                                  const QList<DensityResult> &results)
{
    PlanTable table;
    // The inventory columns keep the names of Landfall's own CSV format, so an export reads back in.
    table.header = {QStringLiteral("name"),           QStringLiteral("uuid"),       QStringLiteral("vcenter"),
                    QStringLiteral("datacenter"),     QStringLiteral("cluster"),    QStringLiteral("host"),
                    QStringLiteral("powerState"),     QStringLiteral("os"),         QStringLiteral("osReported"),
                    QStringLiteral("osConfigured"),   QStringLiteral("vcpu"),       QStringLiteral("memoryMiB"),
                    QStringLiteral("provisionedMiB"), QStringLiteral("usedMiB"),    QStringLiteral("cpuUtilPct"),
                    QStringLiteral("memoryUtilPct"),  QStringLiteral("ipAddress"),  QStringLiteral("application"),
                    QStringLiteral("owner"),          QStringLiteral("annotation"), QStringLiteral("notes")};
    for (WorkshopAnswers::Attribute attribute : WorkshopAnswers::attributes())
        table.header.append(WorkshopAnswers::key(attribute));
    table.header.append(QStringList{QStringLiteral("path"), QStringLiteral("target"), QStringLiteral("baseImage"),
                                    QStringLiteral("isolation"), QStringLiteral("confidence"),
                                    QStringLiteral("conditions"), QStringLiteral("rules"), QStringLiteral("reason"),
                                    QStringLiteral("overridden"), QStringLiteral("overrideNote")});
    for (const DensityResult &result : results)
        table.header.append(
            QStringList{result.scenario + QStringLiteral(" pool"), result.scenario + QStringLiteral(" node")});

    const VmPlanLookup plan(decisions, results);
    table.rows.reserve(vms.size());
    for (const Vm &vm : vms) {
        QVariantList row{
            vm.name, vm.uuid, vm.vcenter, vm.datacenter, vm.cluster, vm.host, powerStateKey(vm.powerState),
            vm.os.familyAndVersion(), vm.osReported, vm.osConfigured, vm.vcpu, vm.memoryMiB, vm.provisionedMiB,
            // Empty when unknown: the CSV reads back in as "not given", where 0 would say "no disk".
            VmPlanLookup::usedCell(vm, 1, QString()), optionalNumber(vm.cpuUtilPct), optionalNumber(vm.memoryUtilPct),
            vm.ipAddress, vm.application, vm.owner, vm.annotation, vm.notes};
        for (WorkshopAnswers::Attribute attribute : WorkshopAnswers::attributes())
            row.append(vm.answers.value(attribute));
        if (const Decision *decision = plan.decision(vm.id)) {
            QStringList rules;
            for (const RuleTraceEntry &entry : decision->trace)
                rules.append(entry.ruleId);
            row.append(QVariantList{
                migrationPathKey(decision->path), decision->target, decision->baseImage,
                isolationKey(decision->isolation), confidenceKey(decision->confidence),
                decision->conditions.join(QStringLiteral("; ")), rules.join(QStringLiteral(" > ")), decision->reason,
                decision->overridden ? QStringLiteral("yes") : QStringLiteral("no"), decision->overrideNote});
        } else {
            for (int i = 0; i < 10; ++i)
                row.append(QString());
        }
        row.append(plan.placementCells(vm.id));
        table.rows.append(row);
    }
    return table;
}

Result<PlanTable, ReportError> PlanTableBuilder::fromStore(ProjectStore &store, const QStringList &scenarios)
{
    Result<QList<Scenario>, ReportError> chosen = PlanInputs::scenarios(store, scenarios);
    if (!chosen)
        return chosen.error();
    Result<QList<Decision>, ReportError> decisions = PlanInputs::decisions(store);
    if (!decisions)
        return decisions.error();
    const QList<Vm> vms = store.vms();
    Result<QList<DensityResult>, ReportError> results = PlanInputs::placed(vms, decisions.value(), chosen.value());
    if (!results)
        return results.error();
    return build(vms, decisions.value(), results.value());
}

} // namespace landfall
