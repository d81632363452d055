#pragma once

#include "osinfo.h"
#include "workshopanswers.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace landfall {

enum class PowerState { On, Off, Suspended, Unknown };

QString powerStateKey(PowerState state); ///< "poweredOn", "poweredOff", "suspended", "unknown"
std::optional<PowerState> powerStateFromKey(const QString &key);

/** One partition of a VM's guest, as RVTools' vPartition tab lists it. */
struct VmPartition {
    QString path; ///< "C:\\", "/boot"
    double capacityMiB = 0;
    double consumedMiB = 0;
};

/** One virtual disk of a VM, as RVTools' vDisk tab lists it. */
struct VmDisk {
    QString label; ///< "Hard disk 1"
    double capacityMiB = 0;
    bool rawDeviceMapping = false; ///< `Raw`: a LUN passed through, not a file on a datastore
    bool shared = false;           ///< `Sharing mode` multi-writer, or a shared SCSI bus
    QString diskMode;              ///< persistent, independent_persistent, ...
    bool thin = false;
};

/** One network adapter of a VM, as RVTools' vNetwork tab lists it. */
struct VmNic {
    QString label;   ///< "Network adapter 1"
    QString adapter; ///< Vmxnet3, E1000e, ...
    QString network;
    QString macAddress;
    QString ipv4;
    QString ipv6;
    bool connected = false;
};

/** One virtual machine of the customer's estate: what the inventory says, plus the
    consultant's answers. Sizes carry their unit in their name. */
struct Vm {
    qint64 id = 0; ///< the project's row id; 0 while not stored

    // Identity: a VM UUID is unique within its vCenter; the name alone is not.
    QString source; ///< "rvtools", "azure-migrate" or "landfall": the format it first came from
    QString vcenter;
    QString uuid;
    /** For a VM without UUID whose name an earlier row of its file also gave: 2 for the second, and
        so on; 0 otherwise. Two such rows are two VMs, and a re-import finds each again by it. */
    int sameNameIndex = 0;

    QString name;
    QString dnsName;
    PowerState powerState = PowerState::Unknown;

    int vcpu = 0;
    double memoryMiB = 0;
    double provisionedMiB = 0; ///< disk space promised to the VM
    double usedMiB = 0;        ///< disk space it really uses
    /** Whether the inventory gave usedMiB: false when its export had no such column or an empty
        cell, and usedMiB is then 0 by default, not a measurement (the views say "unknown"). */
    bool usedKnown = true;
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

    // Standard vInfo columns kept as they are written (dates as ISO 8601).
    QString guestDetailedData; ///< vInfo `Guest Detailed Data`: key='value' pairs the guest reports (RVTools 4.x)
    QString folder;
    QString resourcePool;
    QString vApp;
    QString networks; ///< `Network #1` .. `#8`, joined by ", "
    QString hwVersion;
    std::optional<bool> efiSecureBoot;
    QString creationDate;
    QString powerOnDate;
    std::optional<double> activeMemoryMiB;
    QString guestState; ///< running, notRunning, ...
    QString heartbeat;  ///< green, gray, ...
    QString toolsStatus;

    // From the workbook's other tabs, where it has them.
    std::optional<double>
        guestUsedMiB;          ///< consumed space of the guest's partitions (vPartition), without swap and snapshots
    int rawDeviceMappings = 0; ///< raw device mapping disks (vDisk): they block containerizing
    int sharedDisks = 0;       ///< shared or multi-writer disks (vDisk): they complicate a rehost
    QList<VmPartition> partitions; ///< as imported; not read back by ProjectStore::vms()
    QList<VmDisk> disks;           ///< as imported; not read back by ProjectStore::vms()
    QList<VmNic> nics;             ///< as imported; not read back by ProjectStore::vms()

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
