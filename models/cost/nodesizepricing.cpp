#include "nodesizepricing.h"

#include "densitycostmapping.h"
#include "skuchooser.h"

namespace landfall {

std::optional<VmSku> NodeSizePricing::skuFor(const PriceBook &book, const Scenario &scenario,
                                             const QJsonObject &rawScenario, int vcpu, double memoryGiB,
                                             bool windowsLicenceIncluded, bool kata)
{
    const QString named = DensityCostMapping::nodeSku(rawScenario);
    if (!named.isEmpty() && vcpu == scenario.node.vcpu && memoryGiB == scenario.node.memoryGiB)
        return SkuChooser::byName(book.vmSkus, named);
    SkuNeed need;
    need.vcpu = vcpu;
    need.memoryGiB = memoryGiB;
    need.nestedVirtualisation = kata;
    need.windowsLicenceIncluded = windowsLicenceIncluded;
    return SkuChooser::forNode(book.vmSkus, need);
}

Scenario NodeSizePricing::priced(const Scenario &scenario, const QJsonObject &rawScenario, const PriceBook &book)
{
    Scenario out = scenario;
    if (!out.packing.mixNodeSizes)
        return out;
    for (Scenario::NodeSize &size : out.nodeSizes) {
        if (size.hourly > 0)
            continue; // the scenario's own price stands
        const auto linuxSku = skuFor(book, scenario, rawScenario, size.vcpu, size.memoryGiB, false);
        const auto windows = skuFor(book, scenario, rawScenario, size.vcpu, size.memoryGiB, true);
        if (!linuxSku || !windows || linuxSku->linuxHourly <= 0)
            continue;
        size.hourly = linuxSku->linuxHourly;
        if (size.windowsHourly <= 0)
            size.windowsHourly = windows->windowsHourly;
    }
    return out;
}

} // namespace landfall
