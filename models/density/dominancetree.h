#pragma once

#include "packingproblem.h"

#include <array>
#include <vector>

namespace landfall {

/** A segment tree over numbered vectors (leaves) that finds the leftmost leaves at least as large
    as a query in every dimension: bins with room for an item (BinIndex), or, negated, items that
    fit a room (ItemIndex). Both are first fit over tens of thousands of entries in a few levels.

    Each subtree keeps its largest value per dimension and, in dimensions 0 and 1 (CPU x memory),
    a staircase of at most kSteps points that dominates every leaf. The maxima alone come from
    different leaves when CPU and memory pull apart, and a walk then descends into subtrees none of
    whose leaves matches (first fit walked most of the tree: 5 s for FFD at 100,000 items); the
    staircase is exact for up to kSteps Pareto points and a tight upper bound above, so such dead
    ends are rare and short. The tree's leaves are blocks of kBlock values, scanned in order. */
class DominanceTree {
public:
    using Vector = PackingProblem::Vector;

    /** `leaves` leaves, all set to `initial`; `scale` is a typical magnitude per dimension (a bin's
        capacity), used to weigh how much room a coarser staircase adds. */
    DominanceTree(int dimensions, int leaves, const Vector &initial, const Vector &scale);
    /** One leaf per value, in order. */
    DominanceTree(int dimensions, const std::vector<Vector> &values, const Vector &scale);

    void set(int leaf, const Vector &value);
    /** The leaf matches no query any more. */
    void clear(int leaf);
    int leaves() const { return m_leaves; }

    /** What first() returns when the walk hit its visit limit before finding or ruling out a leaf. */
    static constexpr int kGaveUp = -2;
    /** The lowest leaf at or after `from` whose value is >= `query` in every dimension, -1 when
        there is none, or kGaveUp after `visitLimit` tree nodes. */
    int first(const Vector &query, int visitLimit, int from) const;
    /** Appends to `out` the lowest `count` matching leaves at or after `from`, in order, fewer
        when there are fewer or the walk hit `visitLimit` tree nodes; false in that last case. */
    bool collect(const Vector &query, int from, int count, int visitLimit, std::vector<int> &out) const;

    /** Staircase points per subtree. More points prune more but cost more on every update: at
        100,000 items 4, 6 and 8 were within the noise of each other, 16 clearly slower. */
    static constexpr int kSteps = 4;
    /** Values per tree leaf: a short scan of adjacent values is cheaper than the last tree levels. */
    static constexpr int kBlock = 8;

private:
    using Step = std::array<qint64, 2>; ///< value in dimension 0 and 1
    /** One subtree's summary. Steps are a Pareto front: dimension 0 decreasing, 1 increasing. */
    struct Summary {
        Vector max;
        std::array<Step, kSteps> steps{};
        int count = 0;
    };
    /** Points gathered to become a staircase; room for two staircases or one block. */
    using Front = std::array<Step, std::max(2 * kSteps, kBlock)>;

    struct Walk {
        const Vector &query;
        int from;
        int visits;
    };
    int findFirst(int node, int first, int width, Walk &walk) const;
    void findAll(int node, int first, int width, Walk &walk, int count, std::vector<int> &out) const;
    /** False when no leaf under the summary can match; true when one may. */
    bool mayMatch(const Summary &summary, const Vector &query) const;
    bool matches(const Vector &value, const Vector &query) const;
    /** Sizes the tree for `leaves` leaves, all cleared. */
    void build(int leaves, const Vector &scale);
    /** Computes every summary from the values, bottom up. */
    void summariseAll();
    /** Recomputes the tree leaf of the block holding `leaf`, then its ancestors while they change. */
    void update(int leaf);
    /** Recomputes the summary of the tree leaf `node` from its block's values. */
    bool summariseBlock(int node);
    /** Recomputes `node` from its children; false when it did not change. */
    bool pull(int node);
    /** Stores the Pareto front of `points` (sorted: dimension 0 decreasing, 1 decreasing on ties),
        coarsened to kSteps points, into `summary`; false when that did not change it. */
    bool storeStaircase(const Front &points, int count, Summary &summary) const;

    int m_dimensions;
    int m_leaves;
    int m_size = 1;                  ///< tree leaves (blocks), a power of two
    std::array<double, 2> m_scale{}; ///< 1 / magnitude of dimensions 0 and 1
    std::vector<Summary> m_summary;
    std::vector<Vector> m_values; ///< per leaf; a cleared leaf holds the smallest values
};

} // namespace landfall
