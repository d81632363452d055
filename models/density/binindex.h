#pragma once

#include "packingproblem.h"

#include <vector>

namespace landfall {

/** A segment tree over bins that keeps each subtree's largest remaining room per dimension, so
    first fit over tens of thousands of bins costs a few tree levels instead of a scan. */
class BinIndex {
public:
    BinIndex(int dimensions, int bins, const PackingProblem::Vector &initial);

    void set(int bin, const PackingProblem::Vector &remaining);
    /** Closes a bin: nothing will fit into it any more. */
    void close(int bin);
    /** The lowest-numbered bin with room for `item`, or -1. In several dimensions the subtree
        maxima can come from different bins, so the walk is capped at `visitLimit` tree nodes:
        past it the answer is -1 (no bin), which every caller treats as "open a new one". */
    int firstFit(const PackingProblem::Vector &item, int visitLimit = 4096) const;
    int bins() const { return m_bins; }

private:
    int find(int node, const PackingProblem::Vector &item, int &visits) const;
    void pull(int node);

    int m_dimensions;
    int m_bins;
    int m_size = 1;
    std::vector<PackingProblem::Vector> m_max;
};

} // namespace landfall
