// landfall-cli's advisor commands: classify, override, rules, export; and the paths of summary.
#include "clicommands.h"

#include "advisor/oslifecycle.h"
#include "advisor/projectadvisor.h"
#include "advisor/rulesetjson.h"
#include "density/scenario.h"
#include "io/containerartefactexporter.h"
#include "io/tablewriters.h"
#include "report/annexworkbook.h"
#include "report/plantablebuilder.h"

#include "io/atomicfile.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace landfall::cli {

namespace {

int statusFor(const AdvisorError &error)
{
    return error.kind == AdvisorError::Kind::Store ? kProjectUnusable : kInputRejected;
}

int fail(const QString &command, const AdvisorError &error, Console &console)
{
    console.err << "landfall-cli " << command << ": " << error.message << Qt::endl;
    return statusFor(error);
}

QJsonObject decisionJson(const Vm &vm, const Decision &decision)
{
    QJsonArray rules;
    for (const RuleTraceEntry &entry : decision.trace)
        rules.append(entry.ruleId);
    QJsonObject object{{QStringLiteral("name"), vm.name},
                       {QStringLiteral("path"), migrationPathKey(decision.path)},
                       {QStringLiteral("confidence"), confidenceKey(decision.confidence)},
                       {QStringLiteral("target"), decision.target},
                       {QStringLiteral("baseImage"), decision.baseImage},
                       {QStringLiteral("isolation"), isolationKey(decision.isolation)},
                       {QStringLiteral("conditions"), QJsonArray::fromStringList(decision.conditions)},
                       {QStringLiteral("rules"), rules},
                       {QStringLiteral("reason"), decision.reason}};
    const OsRelease *release = OsLifecycle::shipped().release(vm.os);
    object.insert(QStringLiteral("endOfSupport"), release ? release->endOfSupport.toString(Qt::ISODate) : QString());
    if (decision.overridden)
        object.insert(QStringLiteral("overrideNote"), decision.overrideNote);
    return object;
}

int classifyCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("classify"),
                          QStringLiteral("classify PROJECT [--json] [--platform kubernetes|container-host] "
                                         "[--windows-build 10.0.26100] [--plan-date YYYY-MM-DD|today]"));
    args.option({QStringLiteral("json")}, QStringLiteral("Print the decisions as a JSON array."))
        .option({QStringLiteral("platform")}, QStringLiteral("Where containers run: kubernetes or container-host."),
                QStringLiteral("platform"))
        .option({QStringLiteral("windows-build")}, QStringLiteral("The Windows build of the node pool or host."),
                QStringLiteral("build"))
        .option({QStringLiteral("plan-date")},
                QStringLiteral("The plan's date, on which images and OSes are judged supported (default: today; "
                               "'today' clears a date set before)."),
                QStringLiteral("date"));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    std::optional<QDate> planDate;
    if (args.isSet(QStringLiteral("plan-date"))) {
        const QString text = args.value(QStringLiteral("plan-date"));
        planDate = text == QLatin1String("today") ? QDate() : QDate::fromString(text, Qt::ISODate);
        if (text != QLatin1String("today") && !planDate->isValid()) {
            console.err << "landfall-cli classify: plan date '" << text
                        << "' is not a date; expected YYYY-MM-DD or today" << Qt::endl;
            return kUsageError;
        }
    }
    std::optional<TargetPlatform> platform;
    if (args.isSet(QStringLiteral("platform"))) {
        platform = targetPlatformFromKey(args.value(QStringLiteral("platform")));
        if (!platform) {
            console.err << "landfall-cli classify: unknown platform '" << args.value(QStringLiteral("platform"))
                        << "'; expected kubernetes or container-host" << Qt::endl;
            return kUsageError;
        }
    }
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    ProjectAdvisor advisor(*store);
    AdvisorInputs inputs = advisor.inputs();
    if (platform)
        inputs.platform = *platform;
    if (planDate)
        inputs.planDate = *planDate;
    if (args.isSet(QStringLiteral("windows-build")))
        inputs.windowsBuild = args.value(QStringLiteral("windows-build"));
    else if (platform == TargetPlatform::Kubernetes && inputs.problem())
        inputs.windowsBuild = QLatin1String(AdvisorInputs::kDefaultWindowsBuild); // a host build kept from before
    if (std::optional<QString> problem = inputs.problem()) {
        console.err << "landfall-cli classify: " << *problem << Qt::endl;
        return kUsageError;
    }
    // New inputs are saved with the project, so that later commands (and the GUI) plan alike.
    Result<QList<Decision>, AdvisorError> decisions = QList<Decision>{};
    if (inputs != advisor.inputs()) {
        if (std::optional<AdvisorError> error = advisor.setInputs(inputs))
            return fail(QStringLiteral("classify"), *error, console);
        decisions = store->decisions();
    } else {
        decisions = advisor.classifyAndStore();
    }
    if (!decisions)
        return fail(QStringLiteral("classify"), decisions.error(), console);

    const QList<Vm> vms = store->vms();
    if (const std::optional<StoreError> failure = store->readFailure()) {
        console.err << "landfall-cli classify: " << failure->message << Qt::endl;
        return kProjectUnusable;
    }
    QHash<qint64, const Vm *> byId;
    for (const Vm &vm : vms)
        byId.insert(vm.id, &vm);
    if (args.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Decision &decision : decisions.value()) {
            if (const Vm *vm = byId.value(decision.vmId))
                array.append(decisionJson(*vm, decision));
        }
        console.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        QMap<QString, int> counts;
        for (const Decision &decision : decisions.value()) {
            const Vm *vm = byId.value(decision.vmId);
            ++counts[migrationPathKey(decision.path)];
            console.out << (vm ? vm->name : QString::number(decision.vmId)).leftJustified(32) << ' '
                        << migrationPathKey(decision.path).leftJustified(13) << ' '
                        << confidenceKey(decision.confidence).leftJustified(7) << ' ' << decision.target << '\n';
        }
        console.out << decisions.value().size() << " VMs classified:";
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            console.out << ' ' << it.key() << ' ' << it.value();
        console.out << '\n';
    }
    console.out.flush();
    return kSuccess;
}

int overrideCommand(const QStringList &arguments, Console &console)
{
    const QString synopsis = QStringLiteral("override PROJECT VM (--path PATH --note TEXT | --clear)");
    CommandArguments args(QStringLiteral("override"), synopsis);
    args.option({QStringLiteral("path")},
                QStringLiteral("The path: rehost, containerize, cloudNative, retire or retain."),
                QStringLiteral("path"))
        .option({QStringLiteral("note")}, QStringLiteral("Why the consultant decided so."), QStringLiteral("text"))
        .option({QStringLiteral("clear")}, QStringLiteral("Remove the override; the rules decide again."));
    if (!args.parse(arguments, 2, 2, console))
        return kUsageError;
    const bool clear = args.isSet(QStringLiteral("clear"));
    const bool set = args.isSet(QStringLiteral("path"));
    if (clear == set || (clear && args.isSet(QStringLiteral("note"))) || (set && !args.isSet(QStringLiteral("note")))) {
        console.err << "landfall-cli override: expected either --path PATH --note TEXT, or --clear\nusage: "
                       "landfall-cli "
                    << synopsis << Qt::endl;
        return kUsageError;
    }
    std::optional<MigrationPath> path;
    if (set) {
        path = migrationPathFromKey(args.value(QStringLiteral("path")));
        if (!path) {
            console.err << "landfall-cli override: unknown path '" << args.value(QStringLiteral("path"))
                        << "'; expected rehost, containerize, cloudNative, retire or retain" << Qt::endl;
            return kUsageError;
        }
    }
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    const QString vmName = args.positional().at(1);
    QList<qint64> ids = store->vmIdsByName(vmName);
    if (ids.isEmpty()) {
        if (const std::optional<qint64> id = store->vmIdByUuid(vmName))
            ids.append(*id);
    }
    if (ids.isEmpty()) {
        console.err << "landfall-cli override: " << store->path() << ": no VM named '" << vmName
                    << "'; expected a VM name or UUID from the inventory" << Qt::endl;
        return kInputRejected;
    }
    if (ids.size() > 1) {
        console.err << "landfall-cli override: " << store->path() << ": " << ids.size() << " VMs are named '" << vmName
                    << "' (in different vCenters); name the VM by its UUID instead" << Qt::endl;
        return kInputRejected;
    }
    ProjectAdvisor advisor(*store);
    if (std::optional<AdvisorError> error =
            advisor.setOverride(ids.constFirst(), path, args.value(QStringLiteral("note"))))
        return fail(QStringLiteral("override"), *error, console);
    if (path)
        console.out << vmName << ": path set to " << migrationPathKey(*path) << " by hand\n";
    else
        console.out << vmName << ": override removed; the rules decide\n";
    console.out.flush();
    return kSuccess;
}

int rulesCommand(const QStringList &arguments, Console &console)
{
    const QString synopsis = QStringLiteral("rules PROJECT --export FILE | --import FILE | --reset");
    CommandArguments args(QStringLiteral("rules"), synopsis);
    args.option({QStringLiteral("export")}, QStringLiteral("Write the project's rule set to FILE."),
                QStringLiteral("file"))
        .option({QStringLiteral("import")},
                QStringLiteral("Replace the project's rule set with FILE, and re-classify."), QStringLiteral("file"))
        .option({QStringLiteral("reset")}, QStringLiteral("Restore the default rules, and re-classify."));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    const int actions = int(args.isSet(QStringLiteral("export"))) + int(args.isSet(QStringLiteral("import"))) +
                        int(args.isSet(QStringLiteral("reset")));
    if (actions != 1) {
        console.err << "landfall-cli rules: expected exactly one of --export FILE, --import FILE or --reset\nusage: "
                       "landfall-cli "
                    << synopsis << Qt::endl;
        return kUsageError;
    }
    // Read the file before the project is touched: a refused rule file changes nothing.
    RuleSet imported;
    if (args.isSet(QStringLiteral("import"))) {
        const QString file = args.value(QStringLiteral("import"));
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            console.err << "landfall-cli rules: " << file << ": cannot be read: " << input.errorString() << Qt::endl;
            return kInputRejected;
        }
        Result<RuleSet, QString> parsed = RuleSetJson::parse(input.readAll(), file);
        if (!parsed) {
            console.err << "landfall-cli rules: " << parsed.error()
                        << "\nlandfall-cli rules: the rule set was not "
                           "changed"
                        << Qt::endl;
            return kInputRejected;
        }
        imported = parsed.value();
    }
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    ProjectAdvisor advisor(*store);
    if (args.isSet(QStringLiteral("export"))) {
        Result<RuleSet, AdvisorError> rules = advisor.rules();
        if (!rules)
            return fail(QStringLiteral("rules"), rules.error(), console);
        const QString file = args.value(QStringLiteral("export"));
        if (const std::optional<QString> refused = unusableDestination(file)) {
            console.err << "landfall-cli rules: " << *refused << Qt::endl;
            return kInputRejected;
        }
        if (const std::optional<QString> error = AtomicFile::writeWhole(file, RuleSetJson::write(rules.value()))) {
            console.err << "landfall-cli rules: " << *error << Qt::endl;
            return kProjectUnusable; // a write that failed (full disk, no permission): never a success
        }
        console.out << rules.value().size() << " rules written to " << file << '\n';
    } else {
        const bool reset = args.isSet(QStringLiteral("reset"));
        if (std::optional<AdvisorError> error = reset ? advisor.resetRules() : advisor.setRules(imported))
            return fail(QStringLiteral("rules"), *error, console);
        console.out << (reset ? QStringLiteral("default rules restored") : QStringLiteral("rules imported"))
                    << "; the project was re-classified\n";
    }
    console.out.flush();
    return kSuccess;
}

/** Each export option writes one kind of artefact; later ones (--csv, --xlsx) join the list. */
struct ExportTarget {
    QString option;
    QString valueName;
    QString description;
    std::function<int(ProjectStore &, const QString &value, Console &)> run;
};

int exportDockerfiles(ProjectStore &store, const QString &directory, Console &console)
{
    ProjectAdvisor advisor(store);
    Result<QList<Decision>, AdvisorError> decisions = advisor.classify();
    if (!decisions)
        return fail(QStringLiteral("export"), decisions.error(), console);
    // The requests are the demand the density engine packs, under the project's first scenario.
    const Scenario scenario = ContainerArtefactExporter::sizingScenario(store);
    Result<QStringList, QString> written = ContainerArtefactExporter::exportTo(
        directory, store.vms(), decisions.value(), advisor.inputs().windowsBuild, scenario);
    if (!written) {
        console.err << "landfall-cli export: " << written.error() << Qt::endl;
        return kProjectUnusable; // a file that could not be written in full
    }
    console.out << written.value().size() << " containerized workloads written to " << directory
                << " (a Dockerfile and " << ContainerArtefactExporter::kManifestFile
                << " each; requests sized by scenario " << scenario.name << ")\n";
    return kSuccess;
}

/** The plan as one table (a row per VM; each scenario's pool and node), written by `write`. */
int exportPlanTable(ProjectStore &store, const QString &file, Console &console,
                    const std::function<std::optional<QString>(const PlanTable &, const QString &)> &write)
{
    const Result<PlanTable, ReportError> table = PlanTableBuilder::fromStore(store);
    if (!table) {
        console.err << "landfall-cli export: " << table.error().message << Qt::endl;
        return table.error().kind == ReportError::Kind::Store ? kProjectUnusable : kInputRejected;
    }
    if (const std::optional<QString> refused = unusableDestination(file)) {
        console.err << "landfall-cli export: " << *refused << Qt::endl;
        return kInputRejected;
    }
    if (const std::optional<QString> refused = XlsxTableWriter::cellRefusal(table.value(), file);
        refused && file.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
        console.err << "landfall-cli export: " << *refused << Qt::endl;
        return kInputRejected;
    }
    if (const std::optional<QString> error = write(table.value(), file)) {
        console.err << "landfall-cli export: " << *error << Qt::endl;
        return kProjectUnusable; // the old file is left; a short or empty one never passes for success
    }
    console.out << table.value().rows.size() << " VMs written to " << file << '\n';
    return kSuccess;
}

int exportCsv(ProjectStore &store, const QString &file, Console &console)
{
    return exportPlanTable(store, file, console, [](const PlanTable &table, const QString &path) {
        return CsvTableWriter::write(table, path);
    });
}

int exportXlsx(ProjectStore &store, const QString &file, Console &console)
{
    // The report's annex: a Summary sheet and a sheet per path, headers in words with units.
    const Result<QList<XlsxSheet>, ReportError> sheets = AnnexWorkbook::fromStore(store);
    if (!sheets) {
        console.err << "landfall-cli export: " << sheets.error().message << Qt::endl;
        return sheets.error().kind == ReportError::Kind::Store ? kProjectUnusable : kInputRejected;
    }
    if (const std::optional<QString> refused = unusableDestination(file)) {
        console.err << "landfall-cli export: " << *refused << Qt::endl;
        return kInputRejected;
    }
    qsizetype vms = 0;
    for (const XlsxSheet &sheet : sheets.value()) {
        if (const std::optional<QString> refused = XlsxTableWriter::cellRefusal(sheet.table, file)) {
            console.err << "landfall-cli export: " << *refused << Qt::endl;
            return kInputRejected;
        }
        if (sheet.name != AnnexWorkbook::kSummarySheet)
            vms += sheet.table.rows.size();
    }
    if (const std::optional<QString> error = XlsxTableWriter::write(sheets.value(), file)) {
        console.err << "landfall-cli export: " << *error << Qt::endl;
        return kProjectUnusable; // the old file is left; a short or empty one never passes for success
    }
    console.out << vms << " VMs written to " << file << '\n';
    return kSuccess;
}

const QList<ExportTarget> &exportTargets()
{
    static const QList<ExportTarget> targets = {
        {QStringLiteral("dockerfiles"), QStringLiteral("dir"),
         QStringLiteral("Write a Dockerfile and a Kubernetes manifest per containerized VM into DIR."),
         exportDockerfiles},
        {QStringLiteral("csv"), QStringLiteral("file"),
         QStringLiteral("Write the plan as CSV: a row per VM with inventory, answers, decision, and each "
                        "scenario's pool and node."),
         exportCsv},
        {QStringLiteral("xlsx"), QStringLiteral("file"),
         QStringLiteral("Write the plan as an Excel workbook (the report's annex): a Summary sheet, then a sheet "
                        "per migration path with a row per VM, headers in words with their units."),
         exportXlsx},
    };
    return targets;
}

QString exportSynopsis()
{
    QStringList options;
    for (const ExportTarget &target : exportTargets())
        options.append(QStringLiteral("[--%1 %2]").arg(target.option, target.valueName.toUpper()));
    return QStringLiteral("export PROJECT ") + options.join(u' ');
}

int exportCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("export"), exportSynopsis());
    for (const ExportTarget &target : exportTargets())
        args.option({target.option}, target.description, target.valueName);
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    QList<const ExportTarget *> chosen;
    for (const ExportTarget &target : exportTargets()) {
        if (args.isSet(target.option))
            chosen.append(&target);
    }
    if (chosen.isEmpty()) {
        console.err << "landfall-cli export: nothing to export; expected at least one option\nusage: landfall-cli "
                    << exportSynopsis() << Qt::endl;
        return kUsageError;
    }
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    for (const ExportTarget *target : chosen) {
        if (const int status = target->run(*store, args.value(target->option), console); status != kSuccess)
            return status;
    }
    console.out.flush();
    return kSuccess;
}

} // namespace

void registerAdvisorCommands(CommandRegistry &registry)
{
    registry.add({QStringLiteral("classify"),
                  QStringLiteral("classify PROJECT [--json] [--platform kubernetes|container-host] "
                                 "[--windows-build 10.0.26100] [--plan-date YYYY-MM-DD|today]"),
                  QStringLiteral("Classify every VM into a migration path, and store the decisions."),
                  classifyCommand});
    registry.add({QStringLiteral("override"), QStringLiteral("override PROJECT VM (--path PATH --note TEXT | --clear)"),
                  QStringLiteral("Set a VM's path by hand, or remove that override."), overrideCommand});
    registry.add({QStringLiteral("rules"), QStringLiteral("rules PROJECT --export FILE | --import FILE | --reset"),
                  QStringLiteral("Export, import or reset the project's classification rules."), rulesCommand});
    registry.add({QStringLiteral("export"), exportSynopsis(),
                  QStringLiteral("Write the plan's artefacts (Dockerfiles and Kubernetes manifests, CSV, Excel)."),
                  exportCommand});
}

void extendSummary(ProjectStore &store, QJsonObject &summary)
{
    // Counted from a fresh classification, so that an import since the last classify (or rules
    // changed by another program) cannot show stale numbers; nothing is written.
    QJsonObject paths;
    for (const char *key : {"rehost", "containerize", "cloudNative", "retire", "retain"})
        paths.insert(QLatin1String(key), 0);
    const ProjectAdvisor advisor(store);
    Result<QList<Decision>, AdvisorError> decisions = advisor.classify();
    if (decisions) {
        for (const Decision &decision : decisions.value()) {
            const QString key = migrationPathKey(decision.path);
            paths.insert(key, paths.value(key).toInt() + 1);
        }
    }
    summary.insert(QStringLiteral("paths"), paths);
    // The VMs whose OS is past its end of support at the plan's date, or reaches it within 12 months.
    int past = 0;
    int within = 0;
    const QDate planDate = advisor.inputs().effectivePlanDate();
    for (const Vm &vm : store.vms()) {
        const SupportBand band = OsLifecycle::band(OsLifecycle::shipped().release(vm.os), planDate);
        past += band == SupportBand::Past;
        within += band == SupportBand::Within12Months;
    }
    summary.insert(QStringLiteral("endOfSupport"),
                   QJsonObject{{QStringLiteral("past"), past},
                               {QStringLiteral("within12Months"), within},
                               {QStringLiteral("planDate"), planDate.toString(Qt::ISODate)}});
}

} // namespace landfall::cli
