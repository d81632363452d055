#pragma once

#include "projectstore.h"

#include <memory>

namespace landfall {

/** One import's write into a project, in one transaction. It begins before the file's first VM
    is read; the VMs are written chunk by chunk while the rest of the file is still being read,
    and finish() writes what only the whole file tells (its excluded rows, hosts, clusters and
    counts) and commits. Destroyed unfinished (the file was refused, or a write failed), it rolls
    back: the project stays as it was. */
class InventoryWrite {
public:
    /** Begins the write of the file `record.file`, in the format `record.format`. */
    static Result<std::unique_ptr<InventoryWrite>, StoreError> begin(ProjectStore &store, const ImportRecord &record);
    ~InventoryWrite();
    InventoryWrite(const InventoryWrite &) = delete;
    InventoryWrite &operator=(const InventoryWrite &) = delete;

    /** Writes these VMs, and lets them go before the growth check: a VM without an id is inserted, or laid
        over the VM of the same identity; a VM with an id updates that row. A VM this write wrote
        already (the file lists it twice) is written again in the same row: the last row wins,
        its custom attributes, partitions, disks and NICs included. */
    std::optional<StoreError> writeVms(QList<Vm> vms);
    /** The VMs written so far, each counted once however many rows gave it. */
    int vmsWritten() const;
    /** Writes `rest` (its record with the final counts, its excluded rows, hosts and clusters;
        its VMs must have gone through writeVms()) and commits. */
    std::optional<StoreError> finish(const InventoryBatch &rest);

private:
    struct State;
    InventoryWrite(ProjectStore &store, std::unique_ptr<State> state);
    /** Refuses an input that grows the project far beyond what a real inventory of its size does. */
    std::optional<StoreError> checkGrowth() const;

    ProjectStore &m_store;
    std::unique_ptr<State> m_state;
};

} // namespace landfall
