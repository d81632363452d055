#include "licencecounter.h"

#include <algorithm>

namespace landfall {

qint64 LicenceCounter::licensedCores(int cores, int processors)
{
    processors = std::max(1, processors);
    const int perProcessor = (cores + processors - 1) / processors;
    return std::max<qint64>(16, qint64(processors) * std::max(8, perProcessor));
}

LicenceCount LicenceCounter::forServer(int cores, int processors, int virtualOses)
{
    const qint64 licensed = licensedCores(cores, processors);
    LicenceCount count;
    count.datacenter = licensed;
    count.standard = licensed * std::max(1, (virtualOses + 1) / 2);
    return count;
}

LicenceCount LicenceCounter::forAzureVm(int vcpu, int hyperVContainers)
{
    const qint64 licensed = std::max<qint64>(8, vcpu);
    LicenceCount count;
    count.datacenter = licensed;
    count.standard = licensed * std::max(1, (hyperVContainers + 1) / 2);
    return count;
}

LicenceBill LicenceCounter::cheaperOf(const LicenceCount &server, double standardPer16Cores,
                                      double datacenterPer16Cores)
{
    LicenceBill bill;
    bill.servers = 1;
    const double standard = double(server.standard) * standardPer16Cores / 16.0;
    const double datacenter = double(server.datacenter) * datacenterPer16Cores / 16.0;
    if (standard <= datacenter) {
        bill.standardCores = server.standard;
        bill.cost = standard;
    } else {
        bill.datacenterCores = server.datacenter;
        bill.cost = datacenter;
    }
    return bill;
}

} // namespace landfall
