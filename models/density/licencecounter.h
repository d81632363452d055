#pragma once

#include <QtGlobal>

namespace landfall {

/** Windows Server core licences under both editions, so a plan shows which edition is cheaper. */
struct LicenceCount {
    qint64 standard = 0;   ///< core licences if every server is licensed with Standard
    qint64 datacenter = 0; ///< core licences if every server is licensed with Datacenter
    LicenceCount &operator+=(const LicenceCount &other)
    {
        standard += other.standard;
        datacenter += other.datacenter;
        return *this;
    }
};

/** What is bought when each server takes the cheaper edition at the scenario's list prices. */
struct LicenceBill {
    qint64 standardCores = 0;   ///< core licences of the servers where Standard is cheaper
    qint64 datacenterCores = 0; ///< core licences of the servers where Datacenter is cheaper
    int servers = 0;
    double cost = 0; ///< at list prices per 16-core pack
    LicenceBill &operator+=(const LicenceBill &other)
    {
        standardCores += other.standardCores;
        datacenterCores += other.datacenterCores;
        servers += other.servers;
        cost += other.cost;
        return *this;
    }
};

/** Windows Server's per-core licensing: at least 8 cores per processor and 16 per server;
    Standard covers two virtual OSEs per full licensing of the cores and stacks, Datacenter any
    number. Process-isolated containers are free under both; Hyper-V isolated ones count as OSEs. */
class LicenceCounter {
public:
    static qint64 licensedCores(int cores, int processors);
    /** One server whose physical cores must be licensed, running `virtualOses` Windows VMs or
        Hyper-V isolated containers. */
    static LicenceCount forServer(int cores, int processors, int virtualOses);
    /** One Azure VM (a node) under Azure Hybrid Benefit: its vCPU count as core licences, at least
        8 per VM; Hyper-V isolated containers stack Standard as on a server. */
    static LicenceCount forAzureVm(int vcpu, int hyperVContainers);
    /** The cheaper edition for one server, at prices per 16-core pack (licences come in packs of 2 cores). */
    static LicenceBill cheaperOf(const LicenceCount &server, double standardPer16Cores, double datacenterPer16Cores);
};

} // namespace landfall
