#pragma once

#include "osinfo.h"
#include "workshopanswers.h"

#include <QMap>
#include <QString>

#include <optional>

namespace landfall {

enum class PowerState { On, Off, Suspended, Unknown };

QString powerStateKey(PowerState state); ///< "poweredOn", "poweredOff", "suspended", "unknown"
std::optional<PowerState> powerStateFromKey(const QString &key);

/** One virtual machine of the customer's estate: what the inventory says, plus the
    consultant's answers. Sizes carry their unit in their name. */
struct Vm {
    qint64 id = 0; ///< the project's row id; 0 while not stored

    // Identity: a VM UUID is unique within its vCenter; the name alone is not.
    QString source; ///< "rvtools", "azure-migrate" or "landfall": the format it first came from
    QString vcenter;
    QString uuid;

    QString name;
    QString dnsName;
    PowerState powerState = PowerState::Unknown;

    int vcpu = 0;
    double memoryMiB = 0;
    double provisionedMiB = 0; ///< disk space promised to the VM
    double usedMiB = 0;        ///< disk space it really uses
    int diskCount = 0;
    int nicCount = 0;

    QString osConfigured; ///< the OS it was created as (vSphere's configuration file)
    QString osReported;   ///< the OS the guest reports (VMware Tools, Azure Migrate)
    OsInfo os;            ///< normalised from osReported, or osConfigured when that is empty

    QString datacenter;
    QString cluster;
    QString host;
    QString ipAddress;
    QString annotation;
    QString firmware;

    std::optional<double> cpuUtilPct;    ///< 95th percentile of CPU use, 0-100, where known
    std::optional<double> memoryUtilPct; ///< 95th percentile of memory use, 0-100, where known

    QString application;
    QString owner;
    WorkshopAnswers answers;
    QString notes;

    QMap<QString, QString> customAttributes; ///< columns Landfall does not know, kept by header

    bool isPoweredOn() const { return powerState == PowerState::On; }
    /** The key under which a re-import finds this VM again. */
    QString identityKey() const;
};

} // namespace landfall
