#include "clicommands.h"

#include "io/inventoryimporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace landfall::cli {

namespace {

void printIssues(const QList<ImportIssue> &issues, Console &console)
{
    for (const ImportIssue &issue : issues)
        console.err << issue.toString() << '\n';
    console.err.flush();
}

QString importReport(const QString &file, InventoryFormat format, const ImportOutcome &outcome)
{
    QString text = QStringLiteral("%1 (%2): %3 added, %4 updated")
                       .arg(file, inventoryFormatKey(format))
                       .arg(outcome.added)
                       .arg(outcome.updated);
    if (outcome.excludedTemplates + outcome.excludedSrmPlaceholders > 0)
        text += QStringLiteral(", %1 templates and %2 SRM placeholders excluded")
                    .arg(outcome.excludedTemplates)
                    .arg(outcome.excludedSrmPlaceholders);
    if (outcome.hosts > 0)
        text += QStringLiteral(", %1 hosts").arg(outcome.hosts);
    if (outcome.clusters > 0)
        text += QStringLiteral(", %1 clusters").arg(outcome.clusters);
    if (outcome.rowsRefused > 0)
        text += QStringLiteral(", %1 bad rows skipped").arg(outcome.rowsRefused);
    return text;
}

int importCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("import"),
                          QStringLiteral("import PROJECT FILE... [--format auto|rvtools|azure-migrate|landfall] "
                                         "[--skip-bad-rows]"));
    args.option({QStringLiteral("format")}, QStringLiteral("The inventory format; auto reads it from the header."),
                QStringLiteral("format"))
        .option({QStringLiteral("skip-bad-rows")}, QStringLiteral("Import the good rows and list the bad ones."));
    if (!args.parse(arguments, 2, -1, console))
        return kUsageError;
    ImportOptions options;
    options.skipBadRows = args.isSet(QStringLiteral("skip-bad-rows"));
    if (args.isSet(QStringLiteral("format"))) {
        const std::optional<InventoryFormat> format = inventoryFormatFromKey(args.value(QStringLiteral("format")));
        if (!format) {
            console.err << "landfall-cli import: unknown format '" << args.value(QStringLiteral("format"))
                        << "'; expected auto, rvtools, azure-migrate or landfall" << Qt::endl;
            return kUsageError;
        }
        options.format = *format;
    }

    // Of several files, every one is read before the project is touched, so that a refused one
    // changes nothing. One file is written while it is read, in a transaction its refusal rolls back.
    const QStringList files = args.positional().mid(1);
    const bool oneFile = files.size() == 1;
    QList<ParsedInventory> parsed;
    bool refused = false;
    bool skippingWouldHelp = true; // only when every refused file has good rows to take
    for (const QString &file : oneFile ? QStringList() : files) {
        parsed.append(InventoryReader::read(file, options));
        for (const QString &warning : parsed.constLast().warnings)
            console.err << "warning: " << warning << '\n';
        if (!parsed.constLast().acceptable(options)) {
            printIssues(parsed.constLast().issues, console);
            refused = true;
            const ParsedInventory &last = parsed.constLast();
            skippingWouldHelp &= !last.fatal && (last.rowsMapped > 0 || !last.hosts.isEmpty());
        }
    }
    const auto refuse = [&console](bool skippingHelps) {
        if (skippingHelps)
            console.err << "landfall-cli import: nothing was imported; fix the rows above, or use --skip-bad-rows "
                           "to import the good ones"
                        << Qt::endl;
        else
            console.err << "landfall-cli import: nothing was imported; fix the problems above" << Qt::endl;
        return kInputRejected;
    };
    if (refused)
        return refuse(skippingWouldHelp);

    const QString projectPath = args.positional().constFirst();
    std::unique_ptr<ProjectStore> store = openProject(projectPath, ProjectStore::OpenMode::CreateIfMissing, console);
    if (!store)
        return kProjectUnusable;
    InventoryImporter importer(*store);
    int imported = 0;
    int status = kSuccess;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &file = files[i];
        ImportOutcome outcome;
        qsizetype warningsPrinted = 0;
        if (oneFile) {
            outcome = importer.importFile(file, options);
        } else {
            warningsPrinted = parsed[i].warnings.size();
            outcome = importer.apply(std::move(parsed[i]), options);
        }
        if (oneFile && !outcome.accepted && !outcome.storeError) {
            for (const QString &warning : outcome.warnings)
                console.err << "warning: " << warning << '\n';
            printIssues(outcome.issues, console);
            status = refuse(outcome.goodRows > 0 || outcome.hosts > 0);
            break;
        }
        printIssues(outcome.issues, console);
        for (const QString &warning : outcome.warnings.mid(warningsPrinted))
            console.err << "warning: " << warning << '\n';
        if (outcome.storeError) {
            console.err << "landfall-cli import: " << outcome.storeError->message << Qt::endl;
            // An input the project refuses (it would grow beyond its bound) is the input's fault;
            // a full disk, an I/O error or a busy or damaged project is the project's.
            status = outcome.storeError->kind == StoreError::Kind::Rejected ? kInputRejected : kProjectUnusable;
            break;
        }
        if (!outcome.accepted) {
            console.err << "landfall-cli import: " << file << " was not imported" << Qt::endl;
            status = kInputRejected;
            break;
        }
        ++imported;
        console.out << importReport(file, outcome.format, outcome) << '\n';
    }
    // Another landfall-cli may have written into the project this one created (and then found
    // busy): remove it only while it holds nothing.
    const bool created = store->wasCreated() && store->vmCount() == 0 && store->importHistory().isEmpty();
    store.reset();
    if (imported == 0 && created)
        QFile::remove(projectPath); // the project did not exist before this failed import: leave none behind
    console.out.flush();
    return status;
}

QJsonObject summaryJson(const ProjectSummary &summary, const QList<ImportRecord> &history)
{
    QJsonArray sources;
    for (const ImportRecord &record : history) {
        sources.append(QJsonObject{
            {QStringLiteral("file"), record.file},
            {QStringLiteral("format"), record.format},
            {QStringLiteral("rvtoolsVersion"),
             record.rvtoolsVersion.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(record.rvtoolsVersion)},
            {QStringLiteral("exportedAt"),
             record.exportedAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(record.exportedAt)},
            {QStringLiteral("importedAt"), record.importedAt},
        });
    }
    QJsonObject os;
    for (auto family = summary.osCounts.cbegin(); family != summary.osCounts.cend(); ++family) {
        QJsonObject versions;
        for (auto version = family->cbegin(); version != family->cend(); ++version)
            versions.insert(version.key().isEmpty() ? QStringLiteral("unknown") : version.key(), version.value());
        os.insert(family.key(), versions);
    }
    return QJsonObject{
        {QStringLiteral("vms"), summary.vms},
        {QStringLiteral("excluded"), QJsonObject{{QStringLiteral("templates"), summary.excludedTemplates},
                                                 {QStringLiteral("srmPlaceholders"), summary.excludedSrmPlaceholders}}},
        {QStringLiteral("poweredOn"), summary.poweredOn},
        {QStringLiteral("vcpu"), summary.vcpu},
        {QStringLiteral("memoryGiB"), summary.memoryGiB},
        {QStringLiteral("provisionedGiB"), summary.provisionedGiB},
        {QStringLiteral("usedGiB"), summary.usedGiB},
        {QStringLiteral("vmsWithoutUsedDisk"), summary.vmsWithoutUsedDisk},
        {QStringLiteral("guestUsedGiB"), summary.guestUsedGiB},
        {QStringLiteral("os"), os},
        {QStringLiteral("hosts"), QJsonObject{{QStringLiteral("count"), summary.hosts.count},
                                              {QStringLiteral("cores"), summary.hosts.cores},
                                              {QStringLiteral("sockets"), summary.hosts.sockets},
                                              {QStringLiteral("memoryGiB"), summary.hosts.memoryGiB}}},
        {QStringLiteral("sources"), sources},
    };
}

/** The used disk, saying over how many VMs it is unknown rather than counting those as 0. */
QString usedText(const ProjectSummary &summary)
{
    if (summary.vms > 0 && summary.vmsWithoutUsedDisk == summary.vms)
        return QStringLiteral("unknown (the inventory does not give it)");
    QString text = QString::number(summary.usedGiB, 'f', 1) + QStringLiteral(" GiB");
    if (summary.vmsWithoutUsedDisk > 0)
        text += QStringLiteral(" (unknown for %1 VMs, not counted)").arg(summary.vmsWithoutUsedDisk);
    return text;
}

void printSummaryText(const ProjectSummary &summary, Console &console)
{
    QTextStream &out = console.out;
    out << "VMs in the plan:   " << summary.vms << " (" << summary.poweredOn << " powered on)\n"
        << "Excluded:          " << summary.excludedTemplates << " templates, " << summary.excludedSrmPlaceholders
        << " SRM placeholders\n"
        << "vCPU:              " << summary.vcpu << '\n'
        << "Memory:            " << QString::number(summary.memoryGiB, 'f', 1) << " GiB\n"
        << "Disk provisioned:  " << QString::number(summary.provisionedGiB, 'f', 1) << " GiB\n"
        << "Disk in use:       " << usedText(summary) << '\n'
        << "Guest disk in use: " << QString::number(summary.guestUsedGiB, 'f', 1) << " GiB (vPartition)\n"
        << "Hosts:             " << summary.hosts.count << " (" << summary.hosts.sockets << " sockets, "
        << summary.hosts.cores << " cores, " << QString::number(summary.hosts.memoryGiB, 'f', 1) << " GiB)\n"
        << "Operating systems:\n";
    for (auto family = summary.osCounts.cbegin(); family != summary.osCounts.cend(); ++family) {
        for (auto version = family->cbegin(); version != family->cend(); ++version) {
            const QString label = family.key() + (version.key().isEmpty() ? QString() : u' ' + version.key());
            out << "  " << label.leftJustified(28) << version.value() << '\n';
        }
    }
}

int summaryCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("summary"), QStringLiteral("summary PROJECT [--json]"));
    args.option({QStringLiteral("json")}, QStringLiteral("Print one JSON object."));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    // Read-only: nothing is written, not even the upgrade of an older project (which is
    // migrated in memory), so a summary works on a project in a read-only folder.
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ReadOnly, console);
    if (!store)
        return kProjectUnusable;
    const ProjectSummary summary = store->summary();
    QJsonObject json = summaryJson(summary, store->importHistory());
    extendSummary(*store, json);
    if (const std::optional<StoreError> failure = store->readFailure()) {
        console.err << "landfall-cli summary: " << failure->message << Qt::endl;
        return kProjectUnusable;
    }
    if (args.isSet(QStringLiteral("json")))
        console.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    else
        printSummaryText(summary, console);
    console.out.flush();
    return kSuccess;
}

} // namespace

void registerInventoryCommands(CommandRegistry &registry)
{
    registry.add(
        {QStringLiteral("import"),
         QStringLiteral("import PROJECT FILE... [--format auto|rvtools|azure-migrate|landfall] [--skip-bad-rows]"),
         QStringLiteral("Import inventories into PROJECT, creating it if needed."), importCommand});
    registry.add({QStringLiteral("summary"), QStringLiteral("summary PROJECT [--json]"),
                  QStringLiteral("Print the headline numbers of PROJECT."), summaryCommand});
}

void registerCommands(CommandRegistry &registry)
{
    registerInventoryCommands(registry);
    registerAdvisorCommands(registry);
    registerDensityCommands(registry);
    registerCostCommands(registry);
    registerWaveCommands(registry);
#ifdef LANDFALL_CLI_REPORT
    registerReportCommands(registry);
#endif
}

} // namespace landfall::cli
