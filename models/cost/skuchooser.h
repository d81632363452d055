#pragma once

#include "pricebook.h"

#include <QList>

#include <optional>

namespace landfall {

/** What a VM or a node needs of a cloud size. */
struct SkuNeed {
    double vcpu = 1;
    double memoryGiB = 1;
    bool gpu = false;                  ///< only GPU sizes for GPU work, and never a GPU size for anything else
    bool nestedVirtualisation = false; ///< Kata pod VMs need sizes that run nested VMs
    bool windowsLicenceIncluded = false;
};

/** Picks the size a VM or node is bought as: the cheapest in the book that fits. */
class SkuChooser {
public:
    /** The cheapest size with at least the vCPU and memory asked for, at the rate the need pays;
        ties go to the smaller size. Nothing when no size of the book fits. */
    static std::optional<VmSku> cheapestFitting(const QList<VmSku> &skus, const SkuNeed &need);
    /** A node size: the cheapest of exactly that shape, else the cheapest that fits it. */
    static std::optional<VmSku> forNode(const QList<VmSku> &skus, const SkuNeed &need);
    static std::optional<VmSku> byName(const QList<VmSku> &skus, const QString &name);
};

} // namespace landfall
