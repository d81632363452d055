#pragma once

#include <QString>

namespace landfall {

/** One hypervisor host of the customer's estate, as RVTools' vHost tab lists it: the real
    baseline that the plan's capacity and licences are compared against. */
struct Host {
    qint64 id = 0;   ///< the project's row id; 0 while not stored
    QString vcenter; ///< with the name, the host's identity
    QString name;
    QString datacenter;
    QString cluster;
    QString cpuModel;
    int sockets = 0;             ///< `# CPU`
    int cores = 0;               ///< `# Cores`: physical cores in all, what Windows Server is licensed by
    bool hyperThreading = false; ///< `HT Active`
    double memoryMiB = 0;        ///< `# Memory`
    QString esxVersion;
    QString vendor;
    QString model;
    int vmCount = 0;   ///< `# VMs` as RVTools counted them on the host
    int vcpuCount = 0; ///< `# vCPUs` assigned on the host

    /** The key under which a re-import finds this host again. */
    QString identityKey() const { return vcenter + QLatin1Char('/') + name; }
};

} // namespace landfall
