#include "inventoryimporter.h"

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
    if (has("usedMiB"))
        target.usedMiB = source.usedMiB;
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
    if (!parsed.acceptable(options))
        return outcome;

    InventoryBatch batch;
    batch.record.file = parsed.file;
    batch.record.format = inventoryFormatKey(parsed.format);
    batch.vms.reserve(parsed.rows.size());
    QList<ImportIssue> mergeIssues;
    for (MappedRow &row : parsed.rows) {
        if (parsed.format == InventoryFormat::Landfall) {
            std::optional<Vm> merged = mergeWorkshopRow(row, parsed.file, mergeIssues);
            if (merged)
                batch.vms.append(std::move(*merged));
        } else {
            batch.vms.append(std::move(row.vm)); // moved, not copied: an import holds 100,000 of them
        }
    }
    outcome.issues.append(mergeIssues);
    if (!mergeIssues.isEmpty() && !options.skipBadRows)
        return outcome;
    keepLastOfEachVm(batch.vms);

    for (const MappedRow &row : parsed.excluded) {
        const bool isTemplate = row.kind == MappedRow::Kind::Template;
        batch.excluded.append({row.vm.identityKey(), row.vm.name,
                               isTemplate ? QStringLiteral("template") : QStringLiteral("srmPlaceholder")});
        ++(isTemplate ? outcome.excludedTemplates : outcome.excludedSrmPlaceholders);
    }
    const qint64 before = m_store.vmCount();
    batch.record.rowsTaken = int(batch.vms.size());
    batch.record.rowsRefused = int(parsed.rowsRead - parsed.rows.size() - parsed.excluded.size() + mergeIssues.size());
    batch.record.excludedTemplates = outcome.excludedTemplates;
    batch.record.excludedSrmPlaceholders = outcome.excludedSrmPlaceholders;
    outcome.rowsRefused = batch.record.rowsRefused;

    outcome.storeError = m_store.importInventory(batch);
    if (outcome.storeError)
        return outcome;
    outcome.accepted = true;
    outcome.added = int(m_store.vmCount() - before);
    outcome.updated = int(batch.vms.size()) - outcome.added;
    return outcome;
}

void InventoryImporter::keepLastOfEachVm(QList<Vm> &vms)
{
    // The same VM twice in one file would be counted as added twice; the last row wins, in the
    // place of the first. Most files hold no repeat, and then nothing moves.
    QHash<QString, qsizetype> firstIndexOf;
    firstIndexOf.reserve(vms.size());
    QList<qsizetype> repeats;
    for (qsizetype i = 0; i < vms.size(); ++i) {
        const Vm &vm = vms.at(i);
        const QString key = vm.id != 0 ? QString::number(vm.id) : vm.identityKey();
        const auto first = firstIndexOf.constFind(key);
        if (first == firstIndexOf.cend()) {
            firstIndexOf.insert(key, i);
        } else {
            vms[*first] = std::move(vms[i]);
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
