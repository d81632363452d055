#pragma once

#include "packing.h"
#include "packingproblem.h"

#include <vector>

namespace landfall {

/** The bin-centric greedy heuristics of Panigrahy et al., "Heuristics for Vector Bin Packing"
    (2011): fill one bin at a time with the item that best matches its remaining room. They beat
    FFD when dimensions are uncorrelated, which CPU and memory of real estates are. */
class BinCentricPacker {
public:
    enum class Rule {
        DotProduct, ///< maximise item . remaining room (normalised)
        L2Norm,     ///< minimise |remaining room - item| (normalised)
        PairFill,   ///< the fullest bin by one item or two (minimum bin slack, one step deep)
    };
    static Packing pack(const PackingProblem &problem, Rule rule);
    /** The same with FfdPacker::decreasingOrder() given, for callers that sort once for several packers. */
    static Packing pack(const PackingProblem &problem, Rule rule, std::vector<int> order);
};

} // namespace landfall
