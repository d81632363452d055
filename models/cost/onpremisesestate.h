#pragma once

#include "businesscase.h"
#include "pricebook.h"

#include "density/scenario.h"
#include "domain/host.h"
#include "domain/vm.h"

#include <QHash>
#include <QList>

namespace landfall {

/** Today's estate priced per month, and each VM's share of it. */
struct EstateShares {
    EstateCost cost;
    QHash<qint64, double> perVm; ///< sums to cost.total() when the estate has VMs
};

/** Prices the on-premises estate as it runs today: its hosts (the real ones where the inventory
    lists them, else enough hosts of the scenario's size for the powered-on VMs), their
    virtualisation, Windows Server licences (the cheaper edition per host), storage and operations;
    and shares it out over the VMs, so a retained VM keeps its part. */
class OnPremisesEstate {
public:
    static EstateShares cost(const QList<Vm> &vms, const QList<Host> &hosts, const Scenario &scenario,
                             const PriceBook &book);
    /** Hosts of the scenario's host size that hold the powered-on VMs as provisioned, counted as the
        density engine counts VM hosts: each host's vCPU at the scenario's vCPU per core (its
        `host.vcpuPerCore`, else its threads x its CPU overcommit) and memory less the reserve, both
        capped by the ceiling, the hypervisor's overhead per VM, packed first-fit decreasing, with
        the spare. A VM larger than the host takes one of its own. */
    static int baselineHosts(const QList<Vm> &vms, const Scenario &scenario);
    /** One host's Windows Server licences a month, the cheaper of Standard and Datacenter. */
    static double licencesPerMonth(int cores, int sockets, int windowsVms, const PriceBook &book);
};

} // namespace landfall
