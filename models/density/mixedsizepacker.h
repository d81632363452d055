#pragma once

#include "packingproblem.h"
#include "vectorpacker.h"

#include <vector>

namespace landfall {

/** One node size on offer to a pool: a bin's capacity and what a node of it costs. */
struct BinType {
    PackingProblem::Vector capacity{};
    double cost = 1; ///< per node: its hourly price, or 1 (node count) when no price is known
};

/** A packing onto bins of several sizes, its cost and a bound on the least cost. */
struct MixedPacking {
    std::vector<int> binOf;     ///< per item, its bin
    std::vector<int> typeOfBin; ///< per bin, its index into the types
    std::vector<int> countOfType;
    double cost = 0;
    /** No packing costs less: per dimension, the demand at the cheapest cost per unit of capacity,
        and at least the cheapest size that holds the largest item. */
    double costLowerBound = 0;
    bool feasible = false; ///< false when an item fits no size
};

/** Variable-sized bin packing: the mix of node sizes that costs least. Each size packs the whole
    pool (VectorPacker), every bin is then shrunk to the cheapest size that holds it, and the
    least-filled bins are repacked onto each size while that lowers the cost. Deterministic. */
class MixedSizePacker {
public:
    /** `problem.capacity` is ignored: the types give the capacities. */
    static MixedPacking pack(const PackingProblem &problem, const std::vector<BinType> &types,
                             const PackerSettings &settings);
    static double costLowerBound(const PackingProblem &problem, const std::vector<BinType> &types);
};

} // namespace landfall
