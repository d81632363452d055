#include "skuchooser.h"

#include <cmath>

namespace landfall {

namespace {

constexpr double kEpsilon = 1e-9;

bool suits(const VmSku &sku, const SkuNeed &need)
{
    return sku.gpu == need.gpu && (!need.nestedVirtualisation || sku.nestedVirtualisation);
}

bool fits(const VmSku &sku, const SkuNeed &need)
{
    return suits(sku, need) && double(sku.vcpu) + kEpsilon >= need.vcpu && sku.memoryGiB + kEpsilon >= need.memoryGiB;
}

/** Cheaper first; at the same price the smaller size, then the name, so the choice is stable. */
bool better(const VmSku &a, const VmSku &b, bool windows)
{
    const double pa = a.hourly(windows);
    const double pb = b.hourly(windows);
    if (std::abs(pa - pb) > kEpsilon)
        return pa < pb;
    if (a.vcpu != b.vcpu)
        return a.vcpu < b.vcpu;
    if (std::abs(a.memoryGiB - b.memoryGiB) > kEpsilon)
        return a.memoryGiB < b.memoryGiB;
    return a.name < b.name;
}

} // namespace

std::optional<VmSku> SkuChooser::cheapestFitting(const QList<VmSku> &skus, const SkuNeed &need)
{
    const VmSku *best = nullptr;
    for (const VmSku &sku : skus) {
        if (fits(sku, need) && (!best || better(sku, *best, need.windowsLicenceIncluded)))
            best = &sku;
    }
    return best ? std::optional<VmSku>(*best) : std::nullopt;
}

std::optional<VmSku> SkuChooser::forNode(const QList<VmSku> &skus, const SkuNeed &need)
{
    const VmSku *best = nullptr;
    for (const VmSku &sku : skus) {
        const bool exact = suits(sku, need) && std::abs(double(sku.vcpu) - need.vcpu) < kEpsilon &&
                           std::abs(sku.memoryGiB - need.memoryGiB) < kEpsilon;
        if (exact && (!best || better(sku, *best, need.windowsLicenceIncluded)))
            best = &sku;
    }
    if (best)
        return *best;
    return cheapestFitting(skus, need);
}

std::optional<VmSku> SkuChooser::byName(const QList<VmSku> &skus, const QString &name)
{
    for (const VmSku &sku : skus) {
        if (sku.name.compare(name, Qt::CaseInsensitive) == 0)
            return sku;
    }
    return std::nullopt;
}

} // namespace landfall
