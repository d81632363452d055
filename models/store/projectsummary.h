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
    double usedGiB = 0;
    QMap<QString, QMap<QString, int>> osCounts; ///< family -> version ("" when not known) -> VMs
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
};

} // namespace landfall
