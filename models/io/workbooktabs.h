#pragma once

#include "importissue.h"
#include "vmuuidindex.h"

#include "domain/cluster.h"
#include "domain/host.h"
#include "domain/vm.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace landfall {

class RecordSource;

/** Per-VM rows of one of the workbook's VM tabs (vPartition, vDisk, vNetwork), found again by
    the VM's UUID within its vCenter where the tab gives one, by name otherwise. */
template <typename Item> struct PerVmRows {
    VmUuidIndex byUuid;               ///< the VM's UUID within its vCenter
    QHash<QString, qsizetype> byName; ///< the VM's name, lower case
    std::vector<QList<Item>> lists;

    /** Files `items`, rows of one VM, under its keys, after any rows filed there before. A VM
        without a UUID (`uuid` empty) is filed by name alone. */
    void add(const QString &vcenter, const QString &uuid, const QString &nameKey, QList<Item> items)
    {
        const qsizetype index = uuid.isEmpty() ? byName.value(nameKey, -1) : byUuid.value(vcenter, uuid);
        if (index >= 0) {
            lists[size_t(index)].append(std::move(items));
            return;
        }
        if (!uuid.isEmpty())
            byUuid.insert(vcenter, uuid, qsizetype(lists.size()));
        if (!byName.contains(nameKey))
            byName.insert(nameKey, qsizetype(lists.size()));
        lists.push_back(std::move(items));
    }
    /** The rows of `vm`; by name only when the name is `nameIsUnique` in vInfo (two VMs of one name would share them).
     */
    const QList<Item> *find(const Vm &vm, bool nameIsUnique) const
    {
        if (!vm.uuid.isEmpty()) {
            const qsizetype found = byUuid.value(vm.vcenter, vm.uuid);
            if (found >= 0)
                return &lists[size_t(found)];
        }
        if (!nameIsUnique)
            return nullptr;
        const auto found = byName.constFind(vm.name.toLower());
        return found == byName.cend() ? nullptr : &lists[size_t(*found)];
    }
    bool isEmpty() const { return lists.empty(); }
};

/** The RVTools workbook's vMetaData tab: which RVTools wrote it, when, from which vCenter. */
struct ExportMetaData {
    QString rvtoolsVersion;
    QString exportedAt; ///< ISO 8601, in the exporter's time zone
    QString server;
};

/** Reads the RVTools tabs beside vInfo (vHost, vCluster, vPartition, vDisk, vNetwork,
    vMetaData). Columns are found by name; a cell that is not what its column holds is an issue
    naming file, sheet, row and column, and its row is left out. */
class WorkbookTabs {
public:
    static QList<Host> readHosts(RecordSource &table, const QString &file, const QString &sheet,
                                 QList<ImportIssue> &issues);
    static QList<Cluster> readClusters(RecordSource &table, const QString &file, const QString &sheet,
                                       QList<ImportIssue> &issues);
    static PerVmRows<VmPartition> readPartitions(RecordSource &table, const QString &file, const QString &sheet,
                                                 QList<ImportIssue> &issues);
    static PerVmRows<VmDisk> readDisks(RecordSource &table, const QString &file, const QString &sheet,
                                       QList<ImportIssue> &issues);
    static PerVmRows<VmNic> readNics(RecordSource &table, const QString &file, const QString &sheet,
                                     QList<ImportIssue> &issues);
    static ExportMetaData readMetaData(RecordSource &table);
    /** A date as a workbook stores it (days since 1899-12-30) in ISO 8601; other text as written. */
    static QString dateText(const QString &text);
};

} // namespace landfall
