#pragma once

#include "inventoryreader.h"

#include "store/projectstore.h"

namespace landfall {

/** What an import did to the project. */
struct ImportOutcome {
    bool accepted = false; ///< false: nothing was written
    QList<ImportIssue> issues;
    QStringList warnings;
    int added = 0;
    int updated = 0;
    int excludedTemplates = 0;
    int excludedSrmPlaceholders = 0;
    int rowsRefused = 0;
    /** When refused for bad rows: the good rows that skipping the bad ones (--skip-bad-rows)
        would import; 0 when the file as a whole cannot be read. */
    int goodRows = 0;
    int hosts = 0;    ///< hosts written (vHost)
    int clusters = 0; ///< clusters written (vCluster)
    std::optional<StoreError> storeError;
};

/** Writes what InventoryReader read into a project: inventory rows become new VMs or
    update the VM of the same identity; Landfall CSV rows are laid over the VMs they name.
    A refused file writes nothing at all. */
class InventoryImporter {
public:
    explicit InventoryImporter(ProjectStore &store)
        : m_store(store)
    {}

    /** Writes `parsed` (taken by value: its VMs move into the project write). */
    ImportOutcome apply(ParsedInventory parsed, const ImportOptions &options);
    /** read() then apply(), for callers that need no progress. */
    ImportOutcome importFile(const QString &path, const ImportOptions &options);

private:
    /** Finds the VM a Landfall CSV row names and lays the row's values over it. */
    std::optional<Vm> mergeWorkshopRow(const MappedRow &row, const QString &file, QList<ImportIssue> &issues) const;
    /** Drops all but the last row of a VM that a file lists more than once. */
    static void keepLastOfEachVm(ChunkedList<Vm> &vms);
    /** Numbers the VMs without UUID that share a name, so that each stays a VM; a warning names them. */
    static QStringList separateSameNames(ChunkedList<MappedRow> &rows, const QString &file);

    ProjectStore &m_store;
};

} // namespace landfall
