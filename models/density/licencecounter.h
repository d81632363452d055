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

/** Windows Server's per-core licensing: at least 8 cores per processor and 16 per server;
    Standard covers two virtual OSEs per full licensing of the cores and stacks, Datacenter any
    number. Process-isolated containers are free under both; Hyper-V isolated ones count as OSEs. */
class LicenceCounter {
public:
    static qint64 licensedCores(int cores, int processors);
    /** One server whose physical cores must be licensed, running `virtualOses` Windows VMs or
        Hyper-V isolated containers. */
    static LicenceCount forServer(int cores, int processors, int virtualOses);
};

} // namespace landfall
