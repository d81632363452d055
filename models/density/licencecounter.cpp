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

} // namespace landfall
