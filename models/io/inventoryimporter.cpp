#include "inventoryimporter.h"

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace landfall {

namespace {

/** Copies the fields a Landfall CSV row gave a value for; the rest of the VM stays as it was. */
void layOver(Vm &target, const MappedRow &row)
{
    const Vm &source = row.vm;
    const auto has = [&](const char *field) { return row.presentFields.contains(QLatin1String(field)); };
    if (has("os")) {
        target.osReported = source.osReported;
        target.os = source.os;
    }
    if (has("powerState"))
        target.powerState = source.powerState;
    if (has("vcpu"))
        target.vcpu = source.vcpu;
    if (has("memoryMiB"))
        target.memoryMiB = source.memoryMiB;
    if (has("provisionedMiB"))
        target.provisionedMiB = source.provisionedMiB;
    if (has("usedMiB")) {
        target.usedMiB = source.usedMiB;
        target.usedKnown = source.usedKnown;
    }
    if (has("cpuUtilPct"))
        target.cpuUtilPct = source.cpuUtilPct;
    if (has("memoryUtilPct"))
        target.memoryUtilPct = source.memoryUtilPct;
    if (has("datacenter"))
        target.datacenter = source.datacenter;
    if (has("cluster"))
        target.cluster = source.cluster;
    if (has("application"))
        target.application = source.application;
    if (has("owner"))
        target.owner = source.owner;
    if (has("notes"))
        target.notes = source.notes;
    for (WorkshopAnswers::Attribute attribute : WorkshopAnswers::attributes()) {
        if (row.presentFields.contains(WorkshopAnswers::key(attribute)))
            target.answers.setValue(attribute, source.answers.value(attribute));
    }
    for (auto it = source.customAttributes.cbegin(); it != source.customAttributes.cend(); ++it)
        target.customAttributes.insert(it.key(), it.value());
}

} // namespace

std::optional<Vm> InventoryImporter::mergeWorkshopRow(const MappedRow &row, const QString &file,
                                                      QList<ImportIssue> &issues) const
{
    std::optional<qint64> id;
    if (!row.vm.uuid.isEmpty())
        id = m_store.vmIdByUuid(row.vm.uuid);
    if (!id) {
        const QList<qint64> ids = m_store.vmIdsByName(row.vm.name);
        if (ids.size() > 1) {
            issues.append({file, row.row, QStringLiteral("name"), row.vm.name,
                           QStringLiteral("names %1 VMs in the project (the same name in several vCenters); expected "
                                          "a uuid column to say which one")
                               .arg(ids.size())});
            return std::nullopt;
        }
        if (!ids.isEmpty())
            id = ids.constFirst();
    }
    if (!id)
        return row.vm; // a VM the inventory did not have: the consultant adds it
    std::optional<Vm> existing = m_store.vm(*id);
    if (existing)
        layOver(*existing, row);
    return existing;
}

namespace {

/** Numbers the VMs without UUID that share a name within one file, in file order, so that each
    stays a VM of its own; a warning names them. The first keeps index 0, the others 2, 3, ... */
class SameNameNumbering {
public:
    void number(MappedRow &row)
    {
        if (!row.vm.uuid.isEmpty())
            return;
        Rows &rows = m_rowsOfName[row.vm.name.toLower()];
        if (rows.rowNumbers.isEmpty()) {
            rows.name = row.vm.name;
            rows.firstSeen = m_names++;
        }
        const qsizetype n = rows.rowNumbers.size();
        row.vm.sameNameIndex = n == 0 ? 0 : int(n + 1);
        rows.rowNumbers.append(row.row);
    }

    /** One warning per name given to more than one VM, in the order the names first came. */
    QStringList warnings(const QString &file) const
    {
        QList<const Rows *> repeated;
        for (const Rows &rows : m_rowsOfName) {
            if (rows.rowNumbers.size() > 1)
                repeated.append(&rows);
        }
        std::sort(repeated.begin(), repeated.end(),
                  [](const Rows *a, const Rows *b) { return a->firstSeen < b->firstSeen; });
        QStringList warnings;
        for (const Rows *rows : std::as_const(repeated)) {
            QStringList rowNumbers;
            for (const qint64 row : rows->rowNumbers)
                rowNumbers.append(QString::number(row));
            warnings.append(QStringLiteral("%1: rows %2 all name a VM %3 and give no VM UUID: they are kept as %4 "
                                           "separate VMs of that name, not merged into one")
                                .arg(file, rowNumbers.join(QStringLiteral(", ")), rows->name)
                                .arg(rows->rowNumbers.size()));
        }
        return warnings;
    }

private:
    struct Rows {
        QString name; ///< as the first row spells it
        QList<qint64> rowNumbers;
        qsizetype firstSeen = 0;
    };
    QHash<QString, Rows> m_rowsOfName; ///< by lower-cased name
    qsizetype m_names = 0;
};

void releaseFreedMemory()
{
#ifdef __GLIBC__
    // The rows' memory went back to the allocator, most of it in blocks glibc keeps for reuse;
    // what follows allocates little of that size, so the blocks are handed back to the system
    // instead of staying in the process's peak beside SQLite's pages.
    malloc_trim(0);
#endif
}

} // namespace

/** One file's import: takes its rows as they are read, writes them, and at the end commits the
    write or, for a refused file, rolls it back. */
class InventoryImporter::Run {
public:
    Run(InventoryImporter &importer, const ImportOptions &options)
        : m_importer(importer)
        , m_options(options)
    {}

    /** Rows handed over while the file is still being read. */
    void take(const ParsedInventory &soFar, QList<MappedRow> rows)
    {
        if (soFar.format == InventoryFormat::Landfall) {
            // Laid over the project as it was before the file: merged once the whole file is read.
            m_held.appendChunk(std::move(rows));
            return;
        }
        if (!soFar.acceptable(m_options)) {
            m_write.reset(); // the file will be refused: what was written goes
            return;
        }
        writeRows(soFar, std::move(rows));
    }

    ImportOutcome finish(ParsedInventory parsed)
    {
        ImportOutcome outcome;
        outcome.format = parsed.format;
        outcome.issues = parsed.issues;
        outcome.warnings = parsed.warnings;
        if (!parsed.acceptable(m_options)) {
            m_write.reset();
            if (!parsed.fatal) {
                outcome.goodRows = int(parsed.rowsMapped);
                outcome.hosts = int(parsed.hosts.size());
            }
            return outcome;
        }
        for (QList<MappedRow> &chunk : parsed.rows.takeChunks())
            m_held.appendChunk(std::move(chunk));
        QList<ImportIssue> mergeIssues;
        if (parsed.format == InventoryFormat::Landfall) {
            ChunkedList<Vm> merged;
            for (QList<MappedRow> &chunk : m_held.takeChunks()) {
                QList<Vm> vms;
                for (const MappedRow &row : std::as_const(chunk)) {
                    if (std::optional<Vm> vm = m_importer.mergeWorkshopRow(row, parsed.file, mergeIssues))
                        vms.append(std::move(*vm));
                }
                merged.appendChunk(std::move(vms));
            }
            outcome.issues.append(mergeIssues);
            if (!mergeIssues.isEmpty() && !m_options.skipBadRows) {
                m_write.reset();
                outcome.goodRows = int(merged.size());
                return outcome;
            }
            for (QList<Vm> &vms : merged.takeChunks())
                writeVms(parsed, std::move(vms));
        } else {
            for (QList<MappedRow> &chunk : m_held.takeChunks())
                writeRows(parsed, std::move(chunk));
            outcome.warnings.append(m_sameNames.warnings(parsed.file));
        }
        releaseFreedMemory();
        if (!m_write && !m_storeError)
            begin(parsed); // a file of hosts, or of templates only
        if (m_storeError) {
            outcome.storeError = m_storeError;
            return outcome;
        }

        InventoryBatch rest;
        rest.record.rvtoolsVersion = parsed.metaData.rvtoolsVersion;
        rest.record.exportedAt = parsed.metaData.exportedAt;
        rest.record.sourceServer = parsed.metaData.server;
        for (const MappedRow &row : std::as_const(parsed.excluded)) {
            const bool isTemplate = row.kind == MappedRow::Kind::Template;
            rest.excluded.append({row.vm.identityKey(), row.vm.name,
                                  isTemplate ? QStringLiteral("template") : QStringLiteral("srmPlaceholder")});
            ++(isTemplate ? outcome.excludedTemplates : outcome.excludedSrmPlaceholders);
        }
        rest.record.rowsTaken = m_write->vmsWritten();
        rest.record.rowsRefused =
            int(parsed.rowsRead - parsed.rowsMapped - parsed.excluded.size() + mergeIssues.size());
        rest.record.excludedTemplates = outcome.excludedTemplates;
        rest.record.excludedSrmPlaceholders = outcome.excludedSrmPlaceholders;
        outcome.rowsRefused = rest.record.rowsRefused;
        rest.hosts = std::move(parsed.hosts);
        rest.clusters = std::move(parsed.clusters);
        outcome.hosts = int(rest.hosts.size());
        outcome.clusters = int(rest.clusters.size());

        const int vmsWritten = m_write->vmsWritten();
        outcome.storeError = m_write->finish(rest);
        m_write.reset();
        if (outcome.storeError)
            return outcome;
        outcome.accepted = true;
        outcome.added = int(m_importer.m_store.vmCount() - m_vmsBefore);
        outcome.updated = vmsWritten - outcome.added;
        return outcome;
    }

private:
    void begin(const ParsedInventory &soFar)
    {
        ImportRecord record;
        record.file = soFar.file;
        record.format = inventoryFormatKey(soFar.format);
        Result<std::unique_ptr<InventoryWrite>, StoreError> write = InventoryWrite::begin(m_importer.m_store, record);
        if (!write) {
            m_storeError = write.error();
            return;
        }
        m_write = std::move(*write);
        m_vmsBefore = m_importer.m_store.vmCount();
    }

    /** Writes an inventory's rows (moved, not copied: an import holds 100,000 of them). */
    void writeRows(const ParsedInventory &soFar, QList<MappedRow> rows)
    {
        QList<Vm> vms;
        vms.reserve(rows.size());
        for (MappedRow &row : rows) {
            m_sameNames.number(row);
            vms.append(std::move(row.vm));
        }
        rows = {}; // what is left of the rows (the fields each gave) goes before the write
        writeVms(soFar, std::move(vms));
    }

    void writeVms(const ParsedInventory &soFar, QList<Vm> vms)
    {
        if (m_storeError)
            return;
        if (!m_write)
            begin(soFar);
        if (m_write)
            m_storeError = m_write->writeVms(std::move(vms));
        if (m_storeError)
            m_write.reset();
    }

    InventoryImporter &m_importer;
    const ImportOptions &m_options;
    std::unique_ptr<InventoryWrite> m_write; ///< begun with the first VMs written
    std::optional<StoreError> m_storeError;
    qint64 m_vmsBefore = 0;
    SameNameNumbering m_sameNames;
    ChunkedList<MappedRow> m_held; ///< rows written only once the whole file is read
};

ImportOutcome InventoryImporter::apply(ParsedInventory parsed, const ImportOptions &options)
{
    return Run(*this, options).finish(std::move(parsed));
}

ImportOutcome InventoryImporter::importFile(const QString &path, const ImportOptions &options)
{
    Run run(*this, options);
    ParsedInventory parsed =
        InventoryReader::read(path, options, {}, [&run](const ParsedInventory &soFar, QList<MappedRow> rows) {
            run.take(soFar, std::move(rows));
        });
    return run.finish(std::move(parsed));
}

} // namespace landfall
