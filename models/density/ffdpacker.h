#pragma once

#include "packing.h"
#include "packingproblem.h"

#include <vector>

namespace landfall {

/** First-fit decreasing on the normalised size, as the Kubernetes cluster autoscaler's binpacking
    estimator does: the baseline every other packer must beat. */
class FfdPacker {
public:
    static Packing pack(const PackingProblem &problem);
    /** The same with the items' decreasingOrder() given, for callers that sort once for several packers. */
    static Packing pack(const PackingProblem &problem, const std::vector<int> &order);
    /** The items in the order FFD takes them: normalised size decreasing, index for ties. */
    static std::vector<int> decreasingOrder(const PackingProblem &problem);
};

} // namespace landfall
