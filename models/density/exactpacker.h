#pragma once

#include "packing.h"
#include "packingproblem.h"

#include <QtGlobal>

#include <optional>

namespace landfall {

/** Branch and bound for small pools, where the optimum is affordable and a heuristic's extra node
    would be a visible mistake. Bounded by a node count, so it always ends, deterministically. */
class ExactPacker {
public:
    /** A packing with fewer bins than `upperBound`, or nullopt when none exists (then
        `upperBound` is optimal, if the search finished) or the node limit was reached. */
    struct Outcome {
        std::optional<Packing> better;
        bool finished = false; ///< the whole tree was searched: the best known is optimal
    };
    static Outcome solve(const PackingProblem &problem, int upperBound, int lowerBound, qint64 nodeLimit);
};

} // namespace landfall
