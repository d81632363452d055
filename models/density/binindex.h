#pragma once

#include "dominancetree.h"
#include "packingproblem.h"

namespace landfall {

/** The bins' remaining room, for first fit over tens of thousands of bins in a few tree levels. */
class BinIndex {
public:
    BinIndex(int dimensions, int bins, const PackingProblem::Vector &initial)
        : m_tree(dimensions, bins, initial, initial)
    {}

    void set(int bin, const PackingProblem::Vector &remaining) { m_tree.set(bin, remaining); }
    /** Closes a bin: nothing will fit into it any more. */
    void close(int bin) { m_tree.clear(bin); }
    /** What firstFit returns when its walk hit `visitLimit` before finding or ruling out a bin. */
    static constexpr int kGaveUp = DominanceTree::kGaveUp;
    /** The lowest-numbered bin with room for `item`, -1 when no bin has room, or kGaveUp. The
        tree's summaries are upper bounds, so the walk is capped at `visitLimit` tree nodes;
        callers that only test `>= 0` treat giving up as "no bin". Bins below `from` are skipped:
        callers that know they cannot fit pass it to save the walk. */
    int firstFit(const PackingProblem::Vector &item, int visitLimit = 4096, int from = 0) const
    {
        return m_tree.first(item, visitLimit, from);
    }
    int bins() const { return m_tree.leaves(); }

private:
    DominanceTree m_tree;
};

} // namespace landfall
