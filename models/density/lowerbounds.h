#pragma once

#include "packingproblem.h"

#include <algorithm>
#include <vector>

namespace landfall {

/** A proven minimum of bins for a problem, and the dimension that sets it. */
struct LowerBound {
    int l1 = 0;  ///< max over dimensions of ceil(sum / capacity)
    int l2 = 0;  ///< Martello-Toth L2, the best over dimensions
    int dff = 0; ///< the best dual feasible function bound over dimensions
    /** ceil of the arc-flow LP relaxation (the Gilmore-Gomory bound), where the packer solved it */
    int arcFlow = 0;
    int limitingDimension = 0;
    int value() const { return std::max({l1, l2, dff, arcFlow}); }
    /** Which bound sets value(): "L1", "Martello-Toth L2", "dual feasible function" or "arc-flow LP". */
    const char *source() const
    {
        return l1 >= value()    ? "L1"
               : l2 >= value()  ? "Martello-Toth L2"
               : dff >= value() ? "dual feasible function"
                                : "arc-flow LP";
    }
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
    /** The best bound of a family of dual feasible functions for one dimension: Fekete and
        Schepers' u^(k) (2001) and Carlier, Clautiaux and Moukrim's f_CCM (2007). A DFF maps item
        sizes so that whatever fitted in a bin still fits, so ceil(sum f(size) / f(capacity)) is a
        bound; the family comes close to the LP relaxation on the classic 1-D instances. */
    static int dualFeasible(std::vector<qint64> sizes, qint64 capacity);

private:
    static int dualFeasibleSorted(const std::vector<qint64> &sizes, qint64 capacity);
};

} // namespace landfall
