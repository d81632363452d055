#pragma once

#include <QString>

#include <vector>

namespace landfall {

/** A solution of a PackingProblem: the bin of every item, and how it was found. */
struct Packing {
    std::vector<int> binOf; ///< per item, its bin in [0, bins)
    int bins = 0;
    QString method;             ///< "ffd", "dot-product", "l2-norm", then "+local-search" or "exact"
    bool provedOptimal = false; ///< equal to the lower bound, or proven by exact search
};

} // namespace landfall
