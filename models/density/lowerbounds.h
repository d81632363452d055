#pragma once

#include "packingproblem.h"

#include <vector>

namespace landfall {

/** A proven minimum of bins for a problem, and the dimension that sets it. */
struct LowerBound {
    int l1 = 0; ///< max over dimensions of ceil(sum / capacity)
    int l2 = 0; ///< Martello-Toth L2, the best over dimensions
    int limitingDimension = 0;
    int value() const { return std::max(l1, l2); }
};

/** Lower bounds for vector bin packing: the result's gap to them is what we show the user as
    "at most N nodes from the optimum". */
class LowerBounds {
public:
    static LowerBound compute(const PackingProblem &problem);
    /** ceil(sum / capacity) for one dimension. */
    static int l1(const std::vector<qint64> &sizes, qint64 capacity);
    /** Martello and Toth's L2 for one dimension (1990), in O(n log n). */
    static int l2(std::vector<qint64> sizes, qint64 capacity);
};

} // namespace landfall
