#pragma once

#include <QString>

namespace landfall {

/** One vSphere cluster of the customer's estate, as RVTools' vCluster tab lists it. */
struct Cluster {
    qint64 id = 0;   ///< the project's row id; 0 while not stored
    QString vcenter; ///< with the name, the cluster's identity
    QString name;
    int hostCount = 0;             ///< `NumHosts`
    int effectiveHosts = 0;        ///< `numEffectiveHosts`: hosts available to run VMs
    bool haEnabled = false;        ///< `HA enabled`
    int failoverLevel = 0;         ///< `Failover Level`: host failures HA reserves capacity for
    double totalCpuMhz = 0;        ///< `TotalCpu`
    double effectiveCpuMhz = 0;    ///< `Effective Cpu`
    double totalMemoryMiB = 0;     ///< `TotalMemory`
    double effectiveMemoryMiB = 0; ///< `Effective Memory`
    int cpuCores = 0;              ///< `NumCpuCores`
    int cpuThreads = 0;            ///< `NumCpuThreads`

    /** The key under which a re-import finds this cluster again. */
    QString identityKey() const { return vcenter.toLower() + QLatin1Char('/') + name.toLower(); }
};

} // namespace landfall
