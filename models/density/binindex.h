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
    /** What firstFit returns when its walk hit `visitLimit` before finding or ruling out a bin. */
    static constexpr int kGaveUp = -2;
    /** The lowest-numbered bin with room for `item`, -1 when no bin has room, or kGaveUp. In
        several dimensions the subtree maxima can come from different bins, so the walk is capped
        at `visitLimit` tree nodes; callers that only test `>= 0` treat giving up as "no bin".
        Bins below `from` are skipped: callers that know they cannot fit pass it to save the walk. */
    int firstFit(const PackingProblem::Vector &item, int visitLimit = 4096, int from = 0) const;
    int bins() const { return m_bins; }

private:
    int find(int node, int first, int width, const PackingProblem::Vector &item, int from, int &visits) const;
    void pull(int node);

    int m_dimensions;
    int m_bins;
    int m_size = 1;
    std::vector<PackingProblem::Vector> m_max;
};

} // namespace landfall
