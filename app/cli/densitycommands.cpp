// landfall-cli's density commands: scenario, density and compare. Thin: they read the project,
// hand plain data to the density engine and print what it says.
#include "clicommands.h"

#include "cost/nodesizepricing.h"
#include "cost/projectbusinesscase.h"
#include "density/densityengine.h"
#include "density/estate.h"
#include "density/nodesizesweep.h"
#include "density/packingcache.h"
#include "density/scenario.h"
#include "density/workload.h"
#include "domain/quantityformat.h"
#include "report/planinputs.h"
#include "report/reportsettings.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace landfall::cli {

namespace {

const QString kDefaultScenario = QStringLiteral("default");

/** A scenario by name from the project, as stored; "default" (all defaults) when the project has none by that name. */
Result<Scenario, ScenarioError> storedScenario(const ProjectStore &store, const QString &name)
{
    const std::optional<QString> definition = store.scenarioDefinition(name);
    if (!definition) {
        if (name == kDefaultScenario)
            return Scenario();
        QStringList known = store.scenarioNames();
        if (!known.contains(kDefaultScenario))
            known.append(kDefaultScenario);
        return ScenarioError{
            QStringLiteral("scenario"),
            QStringLiteral("no scenario named '%1'; the project has %2").arg(name, known.join(QStringLiteral(", ")))};
    }
    return Scenario::fromJson(QJsonDocument::fromJson(definition->toUtf8()).object());
}

/** The scenario the density engine runs: as stored, with the node sizes it mixes priced from the
    project's price book where the scenario gives no price (NodeSizePricing), as `cost` prices them. */
Result<Scenario, ScenarioError> loadScenario(const ProjectStore &store, const QString &name)
{
    auto scenario = storedScenario(store, name);
    if (!scenario || !scenario.value().packing.mixNodeSizes)
        return scenario;
    const auto book = ProjectBusinessCase::priceBook(store);
    if (!book)
        return scenario; // unpriced: the mix counts nodes; `cost` says what is wrong with the book
    const std::optional<QString> definition = store.scenarioDefinition(name);
    const QJsonObject raw = definition ? QJsonDocument::fromJson(definition->toUtf8()).object() : QJsonObject();
    return NodeSizePricing::priced(scenario.value(), raw, book.value());
}

/** The containerized VMs of the project as the density engine's workloads, and the estate they
    run on today (the hosts of vHost, empty without it). The stored decisions are used only when
    they are verified and cover every VM; otherwise the plan is recomputed (and stored), as for
    the report. */
struct DensityInputs {
    QList<Workload> workloads;
    Estate estate;
};

DensityInputs densityInputs(ProjectStore &store)
{
    QHash<qint64, Decision> decisions;
    const Result<QList<Decision>, ReportError> plan = PlanInputs::decisions(store);
    for (const Decision &decision : plan ? plan.value() : QList<Decision>{})
        decisions.insert(decision.vmId, decision);
    DensityInputs inputs;
    QList<Workload> &workloads = inputs.workloads;
    const QList<Vm> vms = store.vms();
    inputs.estate = Estate::fromInventory(store.hosts(), vms);
    for (const Vm &vm : vms) {
        const auto it = decisions.constFind(vm.id);
        if (it != decisions.cend() && it->path == MigrationPath::Containerize)
            workloads.append(Workload::fromVm(vm, *it));
    }
    return inputs;
}

int refuse(Console &console, const QString &command, const QString &message)
{
    console.err << "landfall-cli " << command << ": " << message << Qt::endl;
    return kInputRejected;
}

int scenarioCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("scenario"),
                          QStringLiteral("scenario PROJECT (--add FILE.json | --list | --remove NAME | --recommend "
                                         "NAME [--why TEXT] | --recommend none)"));
    args.option({QStringLiteral("add")}, QStringLiteral("Add a scenario, replacing one of the same name."),
                QStringLiteral("file"))
        .option({QStringLiteral("list")}, QStringLiteral("List the project's scenarios."))
        .option({QStringLiteral("remove")}, QStringLiteral("Remove a scenario."), QStringLiteral("name"))
        .option({QStringLiteral("recommend")},
                QStringLiteral("Mark a scenario as the one the report recommends (\"none\" clears the mark)."),
                QStringLiteral("name"))
        .option({QStringLiteral("why")}, QStringLiteral("With --recommend: why, in a sentence the report prints."),
                QStringLiteral("text"));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    const int actions = int(args.isSet(QStringLiteral("add"))) + int(args.isSet(QStringLiteral("list"))) +
                        int(args.isSet(QStringLiteral("remove"))) + int(args.isSet(QStringLiteral("recommend")));
    if (actions != 1 || (args.isSet(QStringLiteral("why")) && !args.isSet(QStringLiteral("recommend")))) {
        console.err << "landfall-cli scenario: give exactly one of --add, --list, --remove and --recommend (--why "
                       "only with --recommend)\nusage: "
                    << args.synopsis() << Qt::endl;
        return kUsageError;
    }

    // Read and check the file before the project is opened: a refused scenario changes nothing.
    std::optional<Scenario> added;
    QJsonObject addedFile;
    if (args.isSet(QStringLiteral("add"))) {
        const QString file = args.value(QStringLiteral("add"));
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            return refuse(console, QStringLiteral("scenario"),
                          QStringLiteral("cannot read %1: %2").arg(file, input.errorString()));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(input.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return refuse(console, QStringLiteral("scenario"),
                          QStringLiteral("%1 is not a JSON object (%2 at offset %3)")
                              .arg(file, parseError.errorString())
                              .arg(parseError.offset));
        const auto scenario = Scenario::fromJson(document.object());
        if (!scenario)
            return refuse(console, QStringLiteral("scenario"),
                          file + QStringLiteral(": ") + scenario.error().toString());
        added = scenario.value();
        addedFile = document.object();
    }

    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    if (added) {
        const bool replaced = store->scenarioDefinition(added->name).has_value();
        const QString json = QString::fromUtf8(
            QJsonDocument(ProjectBusinessCase::definitionToStore(*added, addedFile)).toJson(QJsonDocument::Compact));
        if (const auto error = store->saveScenario(added->name, json)) {
            console.err << "landfall-cli scenario: " << error->message << Qt::endl;
            return kProjectUnusable;
        }
        console.out << "scenario " << added->name << (replaced ? " replaced" : " added") << Qt::endl;
        return kSuccess;
    }
    if (args.isSet(QStringLiteral("recommend"))) {
        const QString name = args.value(QStringLiteral("recommend"));
        const bool clear = name == QLatin1String("none");
        if (!clear && !store->scenarioNames().contains(name) && name != kDefaultScenario)
            return refuse(
                console, QStringLiteral("scenario"),
                QStringLiteral("no scenario named '%1'; the project has: %2")
                    .arg(name, (store->scenarioNames() + QStringList{kDefaultScenario}).join(QStringLiteral(", "))));
        for (const auto &[key, value] :
             {std::pair{ReportSettings::kRecommended, clear ? QString() : name},
              std::pair{ReportSettings::kRecommendationWhy, clear ? QString() : args.value(QStringLiteral("why"))}}) {
            // A setting is never NULL: an empty one is "none".
            if (const auto error = store->setSetting(key, value.isNull() ? QStringLiteral("") : value)) {
                console.err << "landfall-cli scenario: " << error->message << Qt::endl;
                return kProjectUnusable;
            }
        }
        console.out << (clear ? QStringLiteral("no scenario recommended")
                              : QStringLiteral("scenario %1 recommended").arg(name))
                    << Qt::endl;
        return kSuccess;
    }
    if (args.isSet(QStringLiteral("list"))) {
        const QStringList names = store->scenarioNames();
        const QString recommended = store->setting(ReportSettings::kRecommended);
        for (const QString &name : names)
            console.out << name << (name == recommended ? " (recommended)" : "") << '\n';
        if (!names.contains(kDefaultScenario))
            console.out << kDefaultScenario << " (built in: every default)\n";
        console.out.flush();
        return kSuccess;
    }
    const QString name = args.value(QStringLiteral("remove"));
    const auto removed = store->removeScenario(name);
    if (!removed) {
        console.err << "landfall-cli scenario: " << removed.error().message << Qt::endl;
        return kProjectUnusable;
    }
    if (!removed.value())
        return refuse(console, QStringLiteral("scenario"), QStringLiteral("no scenario named '%1'").arg(name));
    // A removed scenario is no longer recommended.
    if (store->setting(ReportSettings::kRecommended) == name) {
        if (const auto error = store->setSetting(ReportSettings::kRecommended, QStringLiteral(""))) {
            console.err << "landfall-cli scenario: " << error->message << Qt::endl;
            return kProjectUnusable;
        }
    }
    console.out << "scenario " << name << " removed" << Qt::endl;
    return kSuccess;
}

void printDensityText(const DensityResult &r, Console &console)
{
    QTextStream &out = console.out;
    out << "Scenario " << r.scenario << ": " << r.workloads << " containerized workloads";
    if (r.fallbackToProvisioned > 0)
        out << " (" << r.fallbackToProvisioned << " sized as provisioned: no utilisation data)";
    out << '\n';
    if (r.allFellBackToProvisioned() && r.basis.sizing == QLatin1String("performance"))
        out << "Warning: no workload has utilisation data, so every one is sized as provisioned, not by "
               "performance.\n";
    out << "Basis of both sides: " << r.basis.sizing << " sizing, CPU overcommit " << r.basis.cpuOvercommit
        << " vCPU per vCPU, target utilisation " << r.basis.targetUtilisationPct << " %, spares " << r.basis.spares
        << ", " << r.basis.threadsPerCore << " threads per core\n";
    for (const QString &asymmetry : r.basis.asymmetries)
        out << "  deliberate asymmetry: " << asymmetry << '\n';
    out << "\nNode pools:\n";
    for (const PoolResult &pool : r.pools) {
        out << "  " << pool.name.leftJustified(34) << QString::number(pool.nodes).rightJustified(6) << " nodes"
            << "  (" << pool.purpose << ", lower bound " << pool.lowerBound << ", limited by " << pool.limitingResource
            << ", " << pool.workloads << " workloads)\n";
        if (pool.sizeMix && !pool.sizeMix->sizes.isEmpty()) {
            const PoolSizeMix &mix = *pool.sizeMix;
            const bool hourly = mix.basis == QLatin1String("hourly");
            const auto cost = [&](double value) -> QString {
                return hourly ? QString::number(value, 'f', 2) + QStringLiteral(" an hour")
                              : QString::number(value, 'f', 0) + QStringLiteral(" nodes");
            };
            out << "    mixed sizes: " << mix.inWords() << "  (" << cost(mix.cost) << ", at least "
                << cost(mix.costLowerBound) << "; one size: " << mix.singleSizeNodes << " nodes";
            if (hourly)
                out << ", " << cost(mix.singleSizeCost);
            out << ")\n";
        }
    }
    if (!r.notSchedulable.isEmpty()) {
        out << "\nNot schedulable (" << r.notSchedulable.size() << "):\n";
        for (const NotSchedulable &n : r.notSchedulable)
            out << "  " << n.workload << ": " << n.reason << '\n';
    }
    out << "\nContainer nodes: " << r.containerNodes << " (at most " << r.containerNodes - r.containerNodesLowerBound
        << " from the optimum)\n"
        << "VM hosts:        " << r.vmHosts << " (at most " << r.vmHosts - r.vmHostsLowerBound
        << " from the optimum, limited by " << r.vmHostsLimitingResource << "), " << r.baseline.hostModel << '\n';
    if (r.baseline.source == QLatin1String("inventory"))
        out << "Today:           " << r.baseline.hosts << " real hosts, " << r.baseline.physicalCores
            << " physical cores, " << QString::number(r.baseline.memoryGiB, 'f', 0)
            << " GiB; the containerized VMs hold "
            << QString::number(r.baseline.containerizedShare.physicalCores, 'f', 1) << " cores and "
            << QString::number(r.baseline.containerizedShare.memoryGiB, 'f', 0) << " GiB of them\n";
    else
        out << "Today:           no hosts in the inventory (vHost): the scenario's host block is the baseline\n";
    const auto capacity = [&](const char *label, const Capacity &c) {
        // The figures the dashboard's resources chart shows, written by the same helper (sizes in
        // GiB, TiB or PiB); --json keeps the raw numbers.
        out << label << QuantityFormat::count(c.machines) << " machines, " << QuantityFormat::count(c.physicalCores)
            << " physical cores (" << QuantityFormat::count(c.vcpu) << " vCPU), "
            << QuantityFormat::gibibytes(c.memoryGiB) << " memory, " << QuantityFormat::gibibytes(c.diskGiB)
            << " disk\n";
    };
    capacity("Bought before:   ", r.before);
    capacity("Bought after:    ", r.after);
    out << "                 of the disk after, " << QString::number(r.after.persistentVolumeGiB, 'f', 0)
        << " GiB are persistent volumes\n"
        << "Before - after:  " << DensityResult::savingInWords(r.savedPhysicalCores, QStringLiteral("physical cores"))
        << ", " << DensityResult::savingInWords(r.savedMemoryGiB, QStringLiteral("GiB memory")) << ", "
        << DensityResult::savingInWords(r.savedDiskGiB, QStringLiteral("GiB disk")) << '\n'
        << "Windows Server core licences (" << r.licences.model << "), Standard / Datacenter: before "
        << r.licencesBefore.standard << " / " << r.licencesBefore.datacenter << ", after " << r.licencesAfter.standard
        << " / " << r.licencesAfter.datacenter << "; cheaper per server: before "
        << QString::number(r.licences.before.bill.cost, 'f', 0) << ' ' << r.licences.currency << ", after "
        << QString::number(r.licences.after.bill.cost, 'f', 0) << ' ' << r.licences.currency << '\n'
        << "  " << r.licences.basis << '\n';
}

int densityCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("density"), QStringLiteral("density PROJECT --scenario NAME [--json]"));
    args.option({QStringLiteral("scenario")}, QStringLiteral("The scenario; 'default' uses every default."),
                QStringLiteral("name"))
        .option({QStringLiteral("json")}, QStringLiteral("Print one JSON object."));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    const QString name =
        args.isSet(QStringLiteral("scenario")) ? args.value(QStringLiteral("scenario")) : kDefaultScenario;
    const auto scenario = loadScenario(*store, name);
    if (!scenario)
        return refuse(console, QStringLiteral("density"), scenario.error().toString());
    const DensityInputs inputs = densityInputs(*store);
    const QList<Workload> &workloads = inputs.workloads;
    // The sweep's point at the scenario's own node size is the scenario's own packing: shared.
    PackingCache packings;
    DensityEngine::Options options;
    options.packings = &packings;
    const auto result = DensityEngine(scenario.value(), inputs.estate).run(workloads, options);
    if (!result)
        return refuse(console, QStringLiteral("density"), result.error().toString());
    if (args.isSet(QStringLiteral("json"))) {
        QJsonObject json = result.value().toJson();
        json.insert(QStringLiteral("nodeSizes"),
                    NodeSizeSweep::toJson(NodeSizeSweep::run(scenario.value(), workloads, &packings)));
        console.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        printDensityText(result.value(), console);
    }
    console.out.flush();
    return kSuccess;
}

int compareCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("compare"), QStringLiteral("compare PROJECT NAME NAME... [--json]"));
    args.option({QStringLiteral("json")}, QStringLiteral("Print one JSON object."));
    if (!args.parse(arguments, 3, -1, console))
        return kUsageError;
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    const DensityInputs inputs = densityInputs(*store);
    const QList<Workload> &workloads = inputs.workloads;
    QList<DensityResult> results;
    QList<Result<BusinessCase, CostError>> costs; // a scenario the price book cannot price is still compared
    for (const QString &name : args.positional().mid(1)) {
        const auto scenario = loadScenario(*store, name);
        if (!scenario)
            return refuse(console, QStringLiteral("compare"), scenario.error().toString());
        DensityEngine::Options options;
        options.placement = false;
        const auto result = DensityEngine(scenario.value(), inputs.estate).run(workloads, options);
        if (!result)
            return refuse(console, QStringLiteral("compare"), name + QStringLiteral(": ") + result.error().toString());
        results.append(result.value());
        costs.append(ProjectBusinessCase::compute(*store, name, 3));
    }
    if (args.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (int i = 0; i < results.size(); ++i) {
            QJsonObject scenario = results[i].toJson(false);
            const Result<BusinessCase, CostError> &cost = costs[i];
            if (cost) {
                QJsonObject monthly = cost.value().monthlyJson();
                monthly.insert(QStringLiteral("currency"), cost.value().currency);
                monthly.insert(QStringLiteral("paybackMonth"), cost.value().paybackMonth
                                                                   ? QJsonValue(*cost.value().paybackMonth)
                                                                   : QJsonValue(QJsonValue::Null));
                scenario.insert(QStringLiteral("monthlyCost"), monthly);
            } else {
                scenario.insert(QStringLiteral("monthlyCost"), QJsonValue(QJsonValue::Null));
                scenario.insert(QStringLiteral("monthlyCostError"), cost.error().toString());
            }
            array.append(scenario);
        }
        console.out << QJsonDocument(QJsonObject{{QStringLiteral("scenarios"), array}}).toJson(QJsonDocument::Indented);
        console.out.flush();
        return kSuccess;
    }
    QTextStream &out = console.out;
    // Each column is as wide as the longest scenario name, with two spaces between columns.
    qsizetype width = 12;
    for (const DensityResult &r : std::as_const(results))
        width = std::max(width, r.scenario.size());
    auto row = [&](const QString &label, const std::function<QString(const DensityResult &)> &cell) {
        out << label.leftJustified(34);
        for (const DensityResult &r : std::as_const(results))
            out << "  " << cell(r).rightJustified(width);
        out << '\n';
    };
    row(QStringLiteral("scenario"), [](const DensityResult &r) { return r.scenario; });
    row(QStringLiteral("container nodes (lower bound)"), [](const DensityResult &r) {
        return QStringLiteral("%1 (%2)").arg(r.containerNodes).arg(r.containerNodesLowerBound);
    });
    row(QStringLiteral("VM hosts (lower bound)"),
        [](const DensityResult &r) { return QStringLiteral("%1 (%2)").arg(r.vmHosts).arg(r.vmHostsLowerBound); });
    row(QStringLiteral("physical cores before / after"), [](const DensityResult &r) {
        return QStringLiteral("%1 / %2").arg(r.before.physicalCores, 0, 'f', 0).arg(r.after.physicalCores, 0, 'f', 0);
    });
    row(QStringLiteral("memory GiB before / after"), [](const DensityResult &r) {
        return QStringLiteral("%1 / %2").arg(r.before.memoryGiB, 0, 'f', 0).arg(r.after.memoryGiB, 0, 'f', 0);
    });
    row(QStringLiteral("saved physical cores (- = more)"),
        [](const DensityResult &r) { return QString::number(r.savedPhysicalCores, 'f', 1); });
    row(QStringLiteral("saved vCPU (- = more)"),
        [](const DensityResult &r) { return QString::number(r.savedVcpu, 'f', 1); });
    row(QStringLiteral("saved memory GiB (- = more)"),
        [](const DensityResult &r) { return QString::number(r.savedMemoryGiB, 'f', 1); });
    row(QStringLiteral("saved disk GiB (- = more)"),
        [](const DensityResult &r) { return QString::number(r.savedDiskGiB, 'f', 1); });
    row(QStringLiteral("persistent volumes GiB (after)"),
        [](const DensityResult &r) { return QString::number(r.after.persistentVolumeGiB, 'f', 1); });
    row(QStringLiteral("not schedulable"),
        [](const DensityResult &r) { return QString::number(r.notSchedulable.size()); });
    row(QStringLiteral("licences before (Std / DC)"), [](const DensityResult &r) {
        return QStringLiteral("%1 / %2").arg(r.licencesBefore.standard).arg(r.licencesBefore.datacenter);
    });
    row(QStringLiteral("licences after (Std / DC)"), [](const DensityResult &r) {
        return QStringLiteral("%1 / %2").arg(r.licencesAfter.standard).arg(r.licencesAfter.datacenter);
    });
    row(QStringLiteral("licence cost before / after"), [](const DensityResult &r) {
        // Licence-included nodes carry their licence in the node price: not a saving of the licences.
        return QStringLiteral("%1 / %2")
            .arg(r.licences.before.bill.cost, 0, 'f', 0)
            .arg(r.licences.model == QLatin1String("included") ? QStringLiteral("in node price")
                                                               : QString::number(r.licences.after.bill.cost, 'f', 0));
    });
    row(QStringLiteral("licensing after"), [](const DensityResult &r) { return r.licences.model; });
    // The business case of each scenario, a month, in the price book's currency (`cost` for the detail).
    const auto money = [&](const DensityResult &r, const std::function<QString(const BusinessCase &)> &cell) {
        const qsizetype i = &r - results.constData(); // `row` hands out the list's own elements
        return costs[i] ? cell(costs[i].value()) : QStringLiteral("not priced");
    };
    const auto book = ProjectBusinessCase::priceBook(*store);
    const PriceBook priced = book ? book.value() : PriceBook::builtIn();
    row(QStringLiteral("cost a month today / after"), [&](const DensityResult &r) {
        return money(r, [&](const BusinessCase &bc) {
            return QStringLiteral("%1 / %2").arg(priced.formatMoney(bc.before, 0), priced.formatMoney(bc.after, 0));
        });
    });
    row(QStringLiteral("containers a month (nodes, cluster)"), [&](const DensityResult &r) {
        return money(r, [&](const BusinessCase &bc) {
            return priced.formatMoney(bc.byPath.value(MigrationPath::Containerize), 0);
        });
    });
    row(QStringLiteral("payback month"), [&](const DensityResult &r) {
        return money(r, [](const BusinessCase &bc) {
            return bc.paybackMonth ? QString::number(*bc.paybackMonth) : QStringLiteral("never");
        });
    });
    for (int i = 0; i < costs.size(); ++i) {
        if (!costs[i])
            out << "not priced (" << results[i].scenario << "): " << costs[i].error().toString() << '\n';
    }
    out.flush();
    return kSuccess;
}

} // namespace

void registerDensityCommands(CommandRegistry &registry)
{
    registry.add({QStringLiteral("scenario"),
                  QStringLiteral("scenario PROJECT (--add FILE.json | --list | --remove NAME | --recommend NAME [--why "
                                 "TEXT])"),
                  QStringLiteral("Manage the density what-if scenarios of PROJECT."), scenarioCommand});
    registry.add({QStringLiteral("density"), QStringLiteral("density PROJECT --scenario NAME [--json]"),
                  QStringLiteral("Nodes against VM hosts for the containerized workloads, with bounds, savings, "
                                 "licences and the placement."),
                  densityCommand});
    registry.add({QStringLiteral("compare"), QStringLiteral("compare PROJECT NAME NAME... [--json]"),
                  QStringLiteral("Compare density scenarios side by side."), compareCommand});
}

} // namespace landfall::cli
