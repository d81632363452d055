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

ImportOutcome InventoryImporter::apply(ParsedInventory parsed, const ImportOptions &options)
{
    ImportOutcome outcome;
    outcome.issues = parsed.issues;
    outcome.warnings = parsed.warnings;
    if (!parsed.acceptable(options)) {
        if (!parsed.fatal)
            outcome.goodRows = int(parsed.rows.size());
        return outcome;
    }

    if (parsed.format != InventoryFormat::Landfall)
        outcome.warnings.append(separateSameNames(parsed.rows, parsed.file));

    InventoryBatch batch;
    batch.record.file = parsed.file;
    batch.record.format = inventoryFormatKey(parsed.format);
    batch.record.rvtoolsVersion = parsed.metaData.rvtoolsVersion;
    batch.record.exportedAt = parsed.metaData.exportedAt;
    batch.record.sourceServer = parsed.metaData.server;
    batch.hosts = std::move(parsed.hosts);
    batch.clusters = std::move(parsed.clusters);
    outcome.hosts = int(batch.hosts.size());
    outcome.clusters = int(batch.clusters.size());
    const qsizetype rowsMapped = parsed.rows.size();
    QList<ImportIssue> mergeIssues;
    // The VMs keep the chunks their rows were mapped in, and a chunk of rows is let go once its
    // VMs are out: what is left of the rows (each VM's moved-from body, the fields it gave) would
    // otherwise stay beside the batch, 1.2 KB a VM.
    for (QList<MappedRow> &chunk : parsed.rows.takeChunks()) {
        QList<Vm> vms;
        vms.reserve(chunk.size());
        for (MappedRow &row : chunk) {
            if (parsed.format == InventoryFormat::Landfall) {
                std::optional<Vm> merged = mergeWorkshopRow(row, parsed.file, mergeIssues);
                if (merged)
                    vms.append(std::move(*merged));
            } else {
                vms.append(std::move(row.vm)); // moved, not copied: an import holds 100,000 of them
            }
        }
        chunk = {};
        batch.vms.appendChunk(std::move(vms));
    }
#ifdef __GLIBC__
    // The rows' memory went back to the allocator, most of it in blocks glibc keeps for reuse; the
    // write that follows allocates little of that size, so the blocks are handed back to the
    // system instead of staying in the process's peak beside SQLite's pages.
    malloc_trim(0);
#endif
    outcome.issues.append(mergeIssues);
    if (!mergeIssues.isEmpty() && !options.skipBadRows) {
        outcome.goodRows = int(batch.vms.size());
        return outcome;
    }
    keepLastOfEachVm(batch.vms);

    for (const MappedRow &row : parsed.excluded) {
        const bool isTemplate = row.kind == MappedRow::Kind::Template;
        batch.excluded.append({row.vm.identityKey(), row.vm.name,
                               isTemplate ? QStringLiteral("template") : QStringLiteral("srmPlaceholder")});
        ++(isTemplate ? outcome.excludedTemplates : outcome.excludedSrmPlaceholders);
    }
    const qint64 before = m_store.vmCount();
    batch.record.rowsTaken = int(batch.vms.size());
    batch.record.rowsRefused = int(parsed.rowsRead - rowsMapped - parsed.excluded.size() + mergeIssues.size());
    batch.record.excludedTemplates = outcome.excludedTemplates;
    batch.record.excludedSrmPlaceholders = outcome.excludedSrmPlaceholders;
    outcome.rowsRefused = batch.record.rowsRefused;

    const int vmsWritten = int(batch.vms.size());
    outcome.storeError = m_store.importInventory(std::move(batch));
    if (outcome.storeError)
        return outcome;
    outcome.accepted = true;
    outcome.added = int(m_store.vmCount() - before);
    outcome.updated = vmsWritten - outcome.added;
    return outcome;
}

QStringList InventoryImporter::separateSameNames(ChunkedList<MappedRow> &rows, const QString &file)
{
    QHash<QString, QList<qsizetype>> rowsOfName;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i].vm.uuid.isEmpty())
            rowsOfName[rows[i].vm.name.toLower()].append(i);
    }
    QStringList warnings;
    QList<qsizetype> firsts;
    for (auto it = rowsOfName.cbegin(); it != rowsOfName.cend(); ++it) {
        if (it->size() > 1)
            firsts.append(it->constFirst());
    }
    std::sort(firsts.begin(), firsts.end()); // in file order, whatever the hash's
    for (const qsizetype first : firsts) {
        const QList<qsizetype> &same = rowsOfName[rows[first].vm.name.toLower()];
        QStringList rowNumbers;
        for (qsizetype n = 0; n < same.size(); ++n) {
            rows[same[n]].vm.sameNameIndex = n == 0 ? 0 : int(n + 1);
            rowNumbers.append(QString::number(rows[same[n]].row));
        }
        warnings.append(QStringLiteral("%1: rows %2 all name a VM %3 and give no VM UUID: they are kept as %4 "
                                       "separate VMs of that name, not merged into one")
                            .arg(file, rowNumbers.join(QStringLiteral(", ")), rows[first].vm.name)
                            .arg(same.size()));
    }
    return warnings;
}

void InventoryImporter::keepLastOfEachVm(ChunkedList<Vm> &vms)
{
    // The same VM twice in one file would be counted as added twice; the last row wins, in the
    // place of the first. Most files hold no repeat, and then nothing moves.
    QHash<QString, qsizetype> firstIndexOf;
    firstIndexOf.reserve(vms.size());
    QList<qsizetype> repeats;
    qsizetype i = 0;
    for (auto vm = vms.begin(); vm != vms.end(); ++vm, ++i) {
        const QString key = vm->id != 0 ? QString::number(vm->id) : vm->identityKey();
        const auto first = firstIndexOf.constFind(key);
        if (first == firstIndexOf.cend()) {
            firstIndexOf.insert(key, i);
        } else {
            vms[*first] = std::move(*vm);
            repeats.append(i);
        }
    }
    for (auto repeat = repeats.crbegin(); repeat != repeats.crend(); ++repeat)
        vms.removeAt(*repeat);
}

ImportOutcome InventoryImporter::importFile(const QString &path, const ImportOptions &options)
{
    return apply(InventoryReader::read(path, options), options);
}

} // namespace landfall
