#pragma once

#include "domain/host.h"
#include "domain/vm.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace landfall {

/** What all of a host's VMs hold: the denominator of the containerized VMs' share of it. */
struct HostLoad {
    double vcpu = 0;
    double memoryMiB = 0;
};

/** The customer's hypervisor hosts (RVTools vHost) and what runs on each (vInfo): the baseline
    that the plan is compared against, "what you run today". Empty without vHost. */
struct Estate {
    QList<Host> hosts;
    QHash<QString, HostLoad> loadByHost; ///< by hostKey(vcenter, host name), over every VM of the inventory

    bool isEmpty() const { return hosts.isEmpty(); }
    /** The hosts and, from every VM (containerized or not), the load on each host. */
    static Estate fromInventory(const QList<Host> &hosts, const QList<Vm> &vms);
    /** The key a VM's `Host` and a vHost row share; vCenter names are left out when either side lacks one. */
    static QString hostKey(const QString &vcenter, const QString &name);
};

/** The host model most hosts of the estate are: what the VMs are repacked onto, "your kind of host". */
struct HostModel {
    QString vendor;
    QString model;
    QString cpuModel;
    int cores = 0;
    int sockets = 0;
    int threadsPerCore = 1;
    double memoryGiB = 0;
    int count = 0; ///< how many hosts of the estate are of this model

    QString describe() const;
};

/** Finds each VM's host in the estate and the model the estate has most of. */
class HostMatcher {
public:
    explicit HostMatcher(const Estate &estate);
    /** The index into the estate's hosts of the host a VM runs on, or -1. */
    int indexOf(const QString &vcenter, const QString &hostName) const;
    static std::optional<HostModel> mostCommonModel(const QList<Host> &hosts);

private:
    QHash<QString, int> m_byKey;  ///< vcenter/name
    QHash<QString, int> m_byName; ///< name alone, -1 when two vCenters share it
};

} // namespace landfall
