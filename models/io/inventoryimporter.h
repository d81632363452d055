#pragma once

#include "inventoryreader.h"

#include "store/inventorywrite.h"

namespace landfall {

/** What an import did to the project. */
struct ImportOutcome {
    bool accepted = false;                          ///< false: nothing was written
    InventoryFormat format = InventoryFormat::Auto; ///< as the file was read
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
    int hosts = 0;    ///< hosts written (vHost); when refused for bad rows, the hosts skipping them would write
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
    /** Reads the file and writes it: a CSV's VMs are written while the rest of it is still being
        read, in one transaction that a refused file rolls back. For one file; of several, read
        them all first and apply() each, so that one refused leaves the project untouched. */
    ImportOutcome importFile(const QString &path, const ImportOptions &options);

private:
    class Run;
    /** Finds the VM a Landfall CSV row names and lays the row's values over it. */
    std::optional<Vm> mergeWorkshopRow(const MappedRow &row, const QString &file, QList<ImportIssue> &issues) const;

    ProjectStore &m_store;
};

} // namespace landfall
