#pragma once

#include <QMap>
#include <QString>

namespace landfall {

/** The headline numbers of a project's inventory. */
struct ProjectSummary {
    int vms = 0; ///< VMs in the plan (templates and SRM placeholders are not)
    int excludedTemplates = 0;
    int excludedSrmPlaceholders = 0;
    int poweredOn = 0;
    qint64 vcpu = 0;
    double memoryGiB = 0;
    double provisionedGiB = 0;
    double usedGiB = 0;                         ///< over the VMs whose inventory gave their used disk
    int vmsWithoutUsedDisk = 0;                 ///< VMs whose inventory did not give it (not counted as 0 in usedGiB)
    QMap<QString, QMap<QString, int>> osCounts; ///< family -> version ("" when not known) -> VMs
    double guestUsedGiB = 0;                    ///< the guests' used disk (vPartition), over the VMs that have it

    /** The estate's hypervisor hosts (vHost): what the customer runs and licenses today. */
    struct Hosts {
        int count = 0;
        qint64 cores = 0;
        qint64 sockets = 0;
        double memoryGiB = 0;
    } hosts;
};

/** One import, as kept in the project's history. */
struct ImportRecord {
    qint64 id = 0;
    QString file;
    QString format;
    QString importedAt; ///< ISO 8601, UTC
    int rowsTaken = 0;
    int rowsRefused = 0;
    int excludedTemplates = 0;
    int excludedSrmPlaceholders = 0;
    QString rvtoolsVersion; ///< from the workbook's vMetaData tab, where it has one
    QString exportedAt;     ///< when the export was written (vMetaData), ISO 8601 in the exporter's time zone
    QString sourceServer;   ///< the vCenter the export was taken from (vMetaData `Server`)
};

} // namespace landfall
