#pragma once

#include "packing.h"
#include "packingproblem.h"

#include <QtGlobal>

namespace landfall {

/** The local search that turns a good greedy packing into a near-optimal one: it empties the
    least-full bins, pushes their items into the others by insertion and by swaps that move
    larger items in and smaller ones out, and keeps the change only when bins were saved.
    Its budget is counted in work units, not seconds, so the same input gives the same result. */
class RepackSearch {
public:
    static Packing improve(const PackingProblem &problem, const Packing &start, int lowerBound, qint64 effort,
                           quint32 seed = 20110101u);
};

} // namespace landfall
