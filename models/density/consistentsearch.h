#pragma once

#include "packing.h"
#include "packingproblem.h"

#include <QtGlobal>

namespace landfall {

/** Consistent neighbourhood search, after Buljubasic and Vasquez (Computers & OR, 2016): the
    improvement stage that still moves when every node is exactly full. To save a bin it keeps
    all but three bins of the packing feasible and holds the rest of the items in a set of
    unplaced items; swaps of one or two items between a bin and that set, chosen by tabu search,
    shrink the set until it fits into two bins. Its budget is counted in work units, so the same
    input gives the same result. */
class ConsistentSearch {
public:
    /** A packing with as few bins as the budget allows, down to `lowerBound`; `start` itself
        when no bin could be saved. */
    static Packing improve(const PackingProblem &problem, const Packing &start, int lowerBound, qint64 effort,
                           quint32 seed = 20160101u);
};

} // namespace landfall
