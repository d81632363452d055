#pragma once

#include "dominancetree.h"
#include "packingproblem.h"

#include <vector>

namespace landfall {

/** The items (or groups of identical items) a greedy packer has not placed yet, by position in
    its order, to find the first few that fit a bin's room without scanning the many that do not. The tree holds the
    items negated: "item <= room" is "-item >= -room", the query the tree answers. */
class ItemIndex {
public:
    /** `items` in the packer's order; `capacity` is a bin's. */
    ItemIndex(int dimensions, const std::vector<PackingProblem::Vector> &items, const PackingProblem::Vector &capacity);

    /** The item at `position` is placed: it is never returned again. */
    void remove(int position) { m_tree.clear(position); }
    /** Appends to `out` the first `count` unplaced positions at or after `from` whose item fits
        into `room`, in order. The walk is capped at `visitLimit` tree nodes (deterministic): false
        when it stopped there, true when `out` got every fitting item or `count` of them. */
    bool fitting(const PackingProblem::Vector &room, int from, int count, int visitLimit, std::vector<int> &out) const;

private:
    int m_dimensions;
    DominanceTree m_tree;
};

} // namespace landfall
