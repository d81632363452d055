#include "annexworkbook.h"

#include "planinputs.h"
#include "reportbuilder.h"
#include "vmplanlookup.h"

#include "density/densityengine.h"
#include "store/projectstore.h"

#include <QFileInfo>
#include <QHash>
#include <QtConcurrent>

#include <array>

namespace landfall {

namespace {

constexpr std::array kPaths{MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                            MigrationPath::Retire, MigrationPath::Retain};

double gib(double mib)
{
    return mib / 1024.0;
}

QVariant optionalNumber(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QString());
}

QString powerStateWords(PowerState state)
{
    switch (state) {
    case PowerState::On:
        return QStringLiteral("On");
    case PowerState::Off:
        return QStringLiteral("Off");
    case PowerState::Suspended:
        return QStringLiteral("Suspended");
    case PowerState::Unknown:
        break;
    }
    return QStringLiteral("Unknown");
}

QString isolationWords(Isolation isolation)
{
    switch (isolation) {
    case Isolation::None:
        return QStringLiteral("None");
    case Isolation::Process:
        return QStringLiteral("Process");
    case Isolation::HyperV:
        return QStringLiteral("Hyper-V");
    case Isolation::Kata:
        return QStringLiteral("Kata Containers");
    }
    return {};
}

QString confidenceWords(Confidence confidence)
{
    switch (confidence) {
    case Confidence::High:
        return QStringLiteral("High");
    case Confidence::Medium:
        return QStringLiteral("Medium");
    case Confidence::Low:
        return QStringLiteral("Low");
    }
    return {};
}

/** The workshop question each answer column holds, in the words of the workshop sheet. */
QString answerHeader(WorkshopAnswers::Attribute attribute)
{
    using A = WorkshopAnswers::Attribute;
    switch (attribute) {
    case A::Role:
        return QStringLiteral("Role");
    case A::Stack:
        return QStringLiteral("Technology stack");
    case A::Gui:
        return QStringLiteral("Needs a desktop (GUI)");
    case A::KernelDriver:
        return QStringLiteral("Needs a kernel driver");
    case A::WindowsAuth:
        return QStringLiteral("Uses Windows authentication");
    case A::SourceAvailable:
        return QStringLiteral("Source code available");
    case A::ChangeRate:
        return QStringLiteral("Rate of change");
    case A::Trust:
        return QStringLiteral("Trust level");
    case A::Decommission:
        return QStringLiteral("To be decommissioned");
    case A::MustStayOnPrem:
        return QStringLiteral("Must stay on premises");
    }
    return WorkshopAnswers::key(attribute);
}

/** The operating system as the customer knows it: what the guest reports, else what the VM
    was created as, else Landfall's normalised family and version. */
QString operatingSystem(const Vm &vm)
{
    if (!vm.osReported.isEmpty())
        return vm.osReported;
    if (!vm.osConfigured.isEmpty())
        return vm.osConfigured;
    return vm.os.familyAndVersion();
}

QStringList vmHeader(const QList<DensityResult> &results)
{
    QStringList header{QStringLiteral("VM"),
                       QStringLiteral("Application"),
                       QStringLiteral("Owner"),
                       QStringLiteral("Datacenter"),
                       QStringLiteral("Cluster"),
                       QStringLiteral("Host"),
                       QStringLiteral("vCenter"),
                       QStringLiteral("Power state"),
                       QStringLiteral("Operating system"),
                       QStringLiteral("vCPU"),
                       QStringLiteral("Memory (GiB)"),
                       QStringLiteral("Storage provisioned (GiB)"),
                       QStringLiteral("Storage used (GiB)"),
                       QStringLiteral("CPU use, 95th percentile (%)"),
                       QStringLiteral("Memory use, 95th percentile (%)"),
                       QStringLiteral("IP address"),
                       QStringLiteral("Migration path"),
                       QStringLiteral("Target"),
                       QStringLiteral("Base image"),
                       QStringLiteral("Isolation"),
                       QStringLiteral("Confidence"),
                       QStringLiteral("Conditions to check"),
                       QStringLiteral("Reason"),
                       QStringLiteral("Path set by the consultant"),
                       QStringLiteral("Consultant's note")};
    for (WorkshopAnswers::Attribute attribute : WorkshopAnswers::attributes())
        header.append(answerHeader(attribute));
    for (const DensityResult &result : results) {
        header.append(QStringLiteral("Node pool (%1)").arg(result.scenario));
        header.append(QStringLiteral("Node (%1)").arg(result.scenario));
    }
    header.append({QStringLiteral("Annotation"), QStringLiteral("Notes")});
    return header;
}

} // namespace

QList<XlsxSheet> AnnexWorkbook::build(const QList<Vm> &vms, const QList<Decision> &decisions,
                                      const QList<DensityResult> &results)
{
    const VmPlanLookup plan(decisions, results);
    const QStringList header = vmHeader(results);
    // One sheet per path in the report's order, then the VMs without a decision, if any.
    QList<XlsxSheet> pathSheets;
    for (MigrationPath path : kPaths)
        pathSheets.append({ReportBuilder::pathLabel(path), {header, {}}});
    pathSheets.append({kUnclassifiedSheet, {header, {}}});
    struct Totals {
        qint64 vms = 0;
        qint64 poweredOn = 0;
        qint64 vcpu = 0;
        double memoryMiB = 0;
        double provisionedMiB = 0;
        double usedMiB = 0; ///< of the VMs whose used disk is known
        qint64 usedUnknown = 0;
    };
    QList<Totals> totals(pathSheets.size());

    for (const Vm &vm : vms) {
        const Decision *decision = plan.decision(vm.id);
        const qsizetype sheet =
            decision ? qsizetype(std::find(kPaths.begin(), kPaths.end(), decision->path) - kPaths.begin())
                     : pathSheets.size() - 1;
        QVariantList row{vm.name,
                         vm.application,
                         vm.owner,
                         vm.datacenter,
                         vm.cluster,
                         vm.host,
                         vm.vcenter,
                         powerStateWords(vm.powerState),
                         operatingSystem(vm),
                         vm.vcpu,
                         gib(vm.memoryMiB),
                         gib(vm.provisionedMiB),
                         VmPlanLookup::usedCell(vm, 1024.0, QStringLiteral("unknown")),
                         optionalNumber(vm.cpuUtilPct),
                         optionalNumber(vm.memoryUtilPct),
                         vm.ipAddress};
        if (decision) {
            row.append(QVariantList{
                ReportBuilder::pathLabel(decision->path), decision->target, decision->baseImage,
                decision->path == MigrationPath::Containerize ? isolationWords(decision->isolation) : QString(),
                confidenceWords(decision->confidence), decision->conditions.join(QStringLiteral("; ")),
                decision->reason, decision->overridden ? QStringLiteral("Yes") : QStringLiteral("No"),
                decision->overrideNote});
        } else {
            row.append(QStringLiteral("Not classified"));
            for (int i = 0; i < 8; ++i)
                row.append(QString());
        }
        for (WorkshopAnswers::Attribute attribute : WorkshopAnswers::attributes())
            row.append(vm.answers.value(attribute));
        row.append(plan.placementCells(vm.id));
        row.append(QVariantList{vm.annotation, vm.notes});
        pathSheets[sheet].table.rows.append(row);

        Totals &t = totals[sheet];
        ++t.vms;
        t.poweredOn += vm.isPoweredOn() ? 1 : 0;
        t.vcpu += vm.vcpu;
        t.memoryMiB += vm.memoryMiB;
        t.provisionedMiB += vm.provisionedMiB;
        if (vm.usedKnown)
            t.usedMiB += vm.usedMiB;
        else
            ++t.usedUnknown;
    }

    XlsxSheet summary{kSummarySheet,
                      {{QStringLiteral("Migration path"), QStringLiteral("VMs"), QStringLiteral("Powered on"),
                        QStringLiteral("vCPU"), QStringLiteral("Memory (GiB)"),
                        QStringLiteral("Storage provisioned (GiB)"), QStringLiteral("Storage used (GiB)"),
                        QStringLiteral("VMs whose storage used is unknown"), QStringLiteral("Sheet")},
                       {}}};
    Totals all;
    QList<XlsxSheet> sheets;
    for (qsizetype i = 0; i < pathSheets.size(); ++i) {
        const Totals &t = totals.at(i);
        const bool unclassified = i == pathSheets.size() - 1;
        if (unclassified && t.vms == 0)
            continue; // a classified project has no such sheet
        // Every path has its line in the summary; a path without VMs has no sheet.
        summary.table.rows.append(QVariantList{pathSheets.at(i).name, t.vms, t.poweredOn, t.vcpu, gib(t.memoryMiB),
                                               gib(t.provisionedMiB), gib(t.usedMiB), t.usedUnknown,
                                               t.vms > 0 ? pathSheets.at(i).name : QStringLiteral("(none)")});
        all.vms += t.vms;
        all.poweredOn += t.poweredOn;
        all.vcpu += t.vcpu;
        all.memoryMiB += t.memoryMiB;
        all.provisionedMiB += t.provisionedMiB;
        all.usedMiB += t.usedMiB;
        all.usedUnknown += t.usedUnknown;
        if (t.vms > 0)
            sheets.append(pathSheets.at(i));
    }
    summary.table.rows.append(QVariantList{QStringLiteral("Total"), all.vms, all.poweredOn, all.vcpu,
                                           gib(all.memoryMiB), gib(all.provisionedMiB), gib(all.usedMiB),
                                           all.usedUnknown, QString()});
    sheets.prepend(summary);
    return sheets;
}

Result<QList<XlsxSheet>, ReportError> AnnexWorkbook::fromStore(ProjectStore &store, const QStringList &scenarios)
{
    Result<QList<Scenario>, ReportError> chosen = PlanInputs::scenarios(store, scenarios);
    if (!chosen)
        return chosen.error();
    Result<QList<Decision>, ReportError> decisions = PlanInputs::decisions(store);
    if (!decisions)
        return decisions.error();
    const QList<Vm> vms = store.vms();
    if (const std::optional<StoreError> failure = store.readFailure())
        return ReportError{ReportError::Kind::Store, failure->message};
    Result<QList<DensityResult>, ReportError> results = PlanInputs::placed(vms, decisions.value(), chosen.value());
    if (!results)
        return results.error();
    return build(vms, decisions.value(), results.value());
}

QList<XlsxSheet> AnnexWorkbook::fromReport(const ReportInputs &inputs, const ReportModel &model)
{
    QList<DensityResult> results;
    for (const ScenarioOutcome &outcome : model.scenarios)
        results.append(outcome.result);
    return build(inputs.vms, inputs.decisions, results);
}

std::optional<QString> AnnexWorkbook::refusal(const ReportInputs &inputs, const QString &path)
{
    // The scenario columns add only pool names (bounded for display) and node numbers: the
    // sheets without them hold every cell that could be too long.
    for (const XlsxSheet &sheet : build(inputs.vms, inputs.decisions, {})) {
        if (std::optional<QString> refused = XlsxTableWriter::cellRefusal(sheet.table, path))
            return refused;
    }
    return std::nullopt;
}

QString AnnexWorkbook::pathBeside(const QString &pdfPath)
{
    const QFileInfo pdf(pdfPath);
    const QString base =
        pdf.suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0 ? pdf.completeBaseName() : pdf.fileName();
    const QString name = base + QStringLiteral("-annex.xlsx");
    const QString folder = QFileInfo(pdfPath).path();
    return pdfPath.contains(u'/') ? folder + u'/' + name : name;
}

} // namespace landfall
