// landfall-cli's wave commands: dependencies and waves. Thin: they read the files and the
// project, hand plain data to the wave planner and print what it says.
#include "clicommands.h"

#include "waves/dependencyimporter.h"
#include "waves/waveinput.h"
#include "waves/waveplanner.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace landfall::cli {

namespace {

const QString kParametersKey = QStringLiteral("waves/parameters");

int usage(Console &console, const CommandArguments &args, const QString &message)
{
    console.err << "landfall-cli " << message << "\nusage: " << args.synopsis() << Qt::endl;
    return kUsageError;
}

int dependenciesCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("dependencies"),
                          QStringLiteral("dependencies PROJECT [--import FILE [--skip-bad-rows]] [--clear] [--json]"));
    args.option({QStringLiteral("import")},
                QStringLiteral("Import a dependency file: Azure Migrate's dependency export or a CSV of source, "
                               "target, port, protocol."),
                QStringLiteral("file"))
        .option({QStringLiteral("skip-bad-rows")}, QStringLiteral("Import the good rows and list the others."))
        .option({QStringLiteral("clear")}, QStringLiteral("Remove every dependency first."))
        .option({QStringLiteral("json")}, QStringLiteral("Print one JSON object."));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    if (args.isSet(QStringLiteral("skip-bad-rows")) && !args.isSet(QStringLiteral("import")))
        return usage(console, args, QStringLiteral("dependencies: --skip-bad-rows needs --import"));

    // Read the file before the project is opened: a refused import changes nothing.
    std::optional<DependencyImport> imported;
    if (args.isSet(QStringLiteral("import"))) {
        auto read = DependencyImporter::readFile(args.value(QStringLiteral("import")),
                                                 args.isSet(QStringLiteral("skip-bad-rows")));
        if (!read) {
            for (const ImportIssue &issue : read.error())
                console.err << issue.toString() << '\n';
            console.err << "landfall-cli dependencies: the file was not imported (" << read.error().size()
                        << " problem(s))" << Qt::endl;
            return kInputRejected;
        }
        for (const ImportIssue &issue : read.value().skipped)
            console.err << issue.toString() << " (skipped)\n";
        console.err.flush();
        imported = std::move(read.value());
    }
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    if (args.isSet(QStringLiteral("clear"))) {
        if (const auto error = store->clearDependencies()) {
            console.err << "landfall-cli dependencies: " << error->message << Qt::endl;
            return kProjectUnusable;
        }
    }
    int resolvedEnds = 0;
    if (imported) {
        const auto written = store->importDependencies(imported->connections);
        if (!written) {
            console.err << "landfall-cli dependencies: " << written.error().message << Qt::endl;
            return kProjectUnusable;
        }
        resolvedEnds = written.value();
    }
    const QList<Dependency> all = store->dependencies();
    int betweenVms = 0;
    QSet<QString> external;
    for (const Dependency &d : all) {
        betweenVms += int(d.sourceVmId != 0 && d.targetVmId != 0);
        if (d.sourceVmId == 0)
            external.insert(d.sourceEndpoint.toCaseFolded());
        if (d.targetVmId == 0)
            external.insert(d.targetEndpoint.toCaseFolded());
    }
    if (args.isSet(QStringLiteral("json"))) {
        QJsonObject json{{QStringLiteral("dependencies"), int(all.size())},
                         {QStringLiteral("betweenVms"), betweenVms},
                         {QStringLiteral("externalEndpoints"), int(external.size())}};
        if (imported) {
            json.insert(QStringLiteral("imported"),
                        QJsonObject{{QStringLiteral("format"), imported->format},
                                    {QStringLiteral("rows"), imported->rowsRead},
                                    {QStringLiteral("connections"), int(imported->connections.size())},
                                    {QStringLiteral("endsInInventory"), resolvedEnds},
                                    {QStringLiteral("skippedRows"), int(imported->skipped.size())}});
        }
        console.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        if (imported)
            console.out << "Imported " << imported->connections.size() << " connections from " << imported->rowsRead
                        << " rows (" << imported->format << "), " << resolvedEnds << " of "
                        << 2 * imported->connections.size() << " ends are VMs of the inventory\n";
        console.out << all.size() << " dependencies: " << betweenVms << " between VMs, " << external.size()
                    << " external endpoints\n";
    }
    console.out.flush();
    return kSuccess;
}

/** The project's wave parameters with the command line's laid over them; an error is a usage error. */
Result<WaveParameters, QString> parametersFrom(const ProjectStore &store, const CommandArguments &args)
{
    WaveParameters p;
    const QString saved = store.setting(kParametersKey);
    if (!saved.isEmpty()) {
        auto read = WaveParameters::fromJson(QJsonDocument::fromJson(saved.toUtf8()).object());
        if (!read)
            return QString(QStringLiteral("the project's wave parameters: ") + read.error());
        p = read.value();
    }
    const auto number = [&](const char *name, double minimum, auto &target) -> std::optional<QString> {
        if (!args.isSet(QLatin1String(name)))
            return std::nullopt;
        bool ok = false;
        const double value = args.value(QLatin1String(name)).toDouble(&ok);
        if (!ok || value < minimum)
            return QStringLiteral("--%1: expected a number of at least %2, not '%3'")
                .arg(QLatin1String(name))
                .arg(minimum)
                .arg(args.value(QLatin1String(name)));
        target = static_cast<std::remove_reference_t<decltype(target)>>(value);
        return std::nullopt;
    };
    for (const auto &error :
         {number("max-vms", 1, p.maxVms), number("max-tib", 0.001, p.maxTiB), number("wave-days", 1, p.waveDays),
          number("bandwidth", 0, p.bandwidthGBPerDay), number("strong-links", 0, p.strongLinkThreshold)}) {
        if (error)
            return *error;
    }
    if (args.isSet(QStringLiteral("start"))) {
        p.start = QDate::fromString(args.value(QStringLiteral("start")), Qt::ISODate);
        if (!p.start.isValid())
            return QStringLiteral("--start: expected a date as YYYY-MM-DD, not '%1'")
                .arg(args.value(QStringLiteral("start")));
    }
    if (args.isSet(QStringLiteral("blackout"))) {
        p.blackoutDates.clear();
        for (const QString &part : args.value(QStringLiteral("blackout")).split(u',', Qt::SkipEmptyParts)) {
            if (!WaveParameters::parseBlackout(part, p.blackoutDates))
                return QStringLiteral("--blackout: expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, not '%1'").arg(part);
        }
    }
    return p;
}

void printPlan(const WavePlan &plan, const WaveInput &input, Console &console)
{
    QTextStream &out = console.out;
    out << plan.groups.size() << " move groups, " << plan.waves.size() << " waves, " << plan.crossWave.size()
        << " dependencies across waves, " << plan.retainedVms << " retained VMs in no wave\n\n";
    for (const Wave &wave : plan.waves) {
        out << "Wave " << wave.number << "  " << wave.start.toString(Qt::ISODate) << " to "
            << wave.end.toString(Qt::ISODate) << "  " << wave.vms << " VMs, " << QString::number(wave.tib, 'f', 2)
            << " TiB" << (wave.overLimit ? "  (over the limit)" : "") << '\n';
        for (const int g : wave.groups) {
            const MoveGroup &group = plan.groups[size_t(g)];
            out << "    " << group.name << " (" << group.movingVms << " VMs; " << group.reasonText
                << (group.pinned ? "; pinned" : "") << ")\n";
        }
    }
    if (!plan.issues.isEmpty()) {
        out << "\nTo check:\n";
        for (const QString &issue : plan.issues)
            out << "  " << issue << '\n';
    }
    Q_UNUSED(input);
}

int wavesCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("waves"),
                          QStringLiteral("waves PROJECT [--max-vms N] [--max-tib T] [--wave-days D] [--start DATE] "
                                         "[--bandwidth GB] [--blackout DATES] [--strong-links N] [--pin GROUP=WAVE] "
                                         "[--save] [--json]"));
    args.option({QStringLiteral("max-vms")}, QStringLiteral("VMs per wave at most."), QStringLiteral("n"))
        .option({QStringLiteral("max-tib")}, QStringLiteral("TiB to replicate per wave at most."), QStringLiteral("t"))
        .option({QStringLiteral("wave-days")}, QStringLiteral("The length of a wave in working days."),
                QStringLiteral("d"))
        .option({QStringLiteral("start")}, QStringLiteral("The first wave's first day (YYYY-MM-DD)."),
                QStringLiteral("date"))
        .option({QStringLiteral("bandwidth")}, QStringLiteral("Replication bandwidth in GB per day."),
                QStringLiteral("gb"))
        .option({QStringLiteral("blackout")},
                QStringLiteral("Days no wave works: dates or ranges (YYYY-MM-DD..YYYY-MM-DD), comma separated."),
                QStringLiteral("dates"))
        .option({QStringLiteral("strong-links")},
                QStringLiteral("Connections between two applications that make them one group (0: never)."),
                QStringLiteral("n"))
        .option({QStringLiteral("pin")}, QStringLiteral("Pin a group to a wave, kept in the project (WAVE 0 unpins)."),
                QStringLiteral("group=wave"))
        .option({QStringLiteral("save")}, QStringLiteral("Keep these parameters as the project's."))
        .option({QStringLiteral("json")}, QStringLiteral("Print one JSON object."));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    std::optional<std::pair<QString, int>> pin;
    if (args.isSet(QStringLiteral("pin"))) {
        const QString text = args.value(QStringLiteral("pin"));
        const qsizetype equals = text.lastIndexOf(u'=');
        bool ok = false;
        const int wave = equals > 0 ? text.mid(equals + 1).toInt(&ok) : 0;
        if (!ok || wave < 0)
            return usage(console, args, QStringLiteral("waves: --pin expects GROUP=WAVE, not '%1'").arg(text));
        pin = {text.left(equals).trimmed(), wave};
    }
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    const auto parameters = parametersFrom(*store, args);
    if (!parameters)
        return usage(console, args, QStringLiteral("waves: ") + parameters.error());
    if (args.isSet(QStringLiteral("save"))) {
        const QString json =
            QString::fromUtf8(QJsonDocument(parameters.value().toJson()).toJson(QJsonDocument::Compact));
        if (const auto error = store->setSetting(kParametersKey, json)) {
            console.err << "landfall-cli waves: " << error->message << Qt::endl;
            return kProjectUnusable;
        }
    }
    const WaveInput input = WaveInput::fromProject(*store);
    if (pin) {
        WavePlan current = WavePlanner::plan(input, parameters.value(), store->wavePins());
        if (current.groupIndex(pin->first) < 0) {
            console.err << "landfall-cli waves: no move group named '" << pin->first << "'" << Qt::endl;
            return kInputRejected;
        }
        if (const auto error = store->setWavePin(pin->first, pin->second)) {
            console.err << "landfall-cli waves: " << error->message << Qt::endl;
            return kProjectUnusable;
        }
    }
    if (!input.vms.empty() && store->decisions().isEmpty())
        console.err << "landfall-cli waves: the project has no decisions yet (landfall-cli classify): every VM is "
                       "planned as a rehost of low confidence"
                    << Qt::endl;
    const WavePlan plan = WavePlanner::plan(input, parameters.value(), store->wavePins());
    if (args.isSet(QStringLiteral("json")))
        console.out << QJsonDocument(plan.toJson(input)).toJson(QJsonDocument::Indented);
    else
        printPlan(plan, input, console);
    console.out.flush();
    return kSuccess;
}

} // namespace

void registerWaveCommands(CommandRegistry &registry)
{
    registry.add({QStringLiteral("dependencies"),
                  QStringLiteral("dependencies PROJECT [--import FILE [--skip-bad-rows]] [--clear] [--json]"),
                  QStringLiteral("Import and count the network dependencies between VMs."), dependenciesCommand});
    registry.add({QStringLiteral("waves"),
                  QStringLiteral("waves PROJECT [--max-vms N] [--max-tib T] [--wave-days D] [--start DATE] [--json]"),
                  QStringLiteral("Move groups and the waves they move in, with dates."), wavesCommand});
}

} // namespace landfall::cli
