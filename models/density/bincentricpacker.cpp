#include "bincentricpacker.h"

#include "ffdpacker.h"
#include "itemindex.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace landfall {

namespace {

// Candidates are the first items in sorted order (the largest) that fit, one per group of identical
// items: scoring a bounded number keeps 100,000 items at O(n log n) while still seeing the items
// that matter. The item index finds them without scanning the items that do not fit (a scan capped
// at 2,048 items closed nearly full bins early and cost L2-norm 8 % more nodes than FFD at 100,000).
constexpr int kFeasibleCandidates = 16;
constexpr int kCandidateVisits = 4096; ///< tree nodes per search, so that the cost stays bounded
constexpr int kPairCandidates = 24;
constexpr int kPartnerScan = 64;
// In one dimension the best pair is found exactly over distinct sizes (Falkenauer's triplets need
// the exact complement, which a window of the largest candidates misses); capped per bin so that
// 100,000 distinct sizes stay near O(n log n).
constexpr int kExactPairSizes = 512;

/** Skips placed items in O(alpha(n)): next(i) is the first unplaced index at or after i. */
class NextUnplaced {
public:
    explicit NextUnplaced(int n)
        : m_parent(n + 1)
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }
    int next(int i)
    {
        while (m_parent[i] != i) {
            m_parent[i] = m_parent[m_parent[i]];
            i = m_parent[i];
        }
        return i;
    }
    void remove(int i) { m_parent[i] = i + 1; }

private:
    std::vector<int> m_parent;
};

/** The first groups of identical items that fit the bin being filled, kept from one step to the
    next. While a bin fills its room only shrinks, so the groups that fit now are those of the last
    answer that still fit and still have items, and the index is asked for more only when fewer
    than wanted are left. The same groups as asking the index at every step, with far fewer walks. */
class FittingGroups {
public:
    FittingGroups(const ItemIndex &index, const std::vector<PackingProblem::Vector> &groupItem,
                  const std::vector<int> &groupLeft, const PackingProblem &problem)
        : m_index(index)
        , m_groupItem(groupItem)
        , m_groupLeft(groupLeft)
        , m_problem(problem)
    {}

    void newBin()
    {
        m_known.clear();
        m_searchedTo = 0;
        m_complete = false;
    }
    /** The first `count` groups, in order, with unplaced items that fit into `room`. */
    const std::vector<int> &get(const PackingProblem::Vector &room, int count)
    {
        std::erase_if(m_known,
                      [&](int group) { return m_groupLeft[group] == 0 || !m_problem.fits(room, m_groupItem[group]); });
        if (int(m_known.size()) < count && !m_complete) {
            // Ask for a few more than needed, so that the next steps can be served from memory.
            const int wanted = 2 * count - int(m_known.size());
            const size_t before = m_known.size();
            const bool walked = m_index.fitting(room, m_searchedTo, wanted, kCandidateVisits, m_known);
            m_complete = walked && int(m_known.size() - before) < wanted;
            if (m_known.size() > before)
                m_searchedTo = m_known.back() + 1;
        }
        m_answer.assign(m_known.begin(), m_known.begin() + std::min<size_t>(m_known.size(), size_t(count)));
        return m_answer;
    }

private:
    const ItemIndex &m_index;
    const std::vector<PackingProblem::Vector> &m_groupItem;
    const std::vector<int> &m_groupLeft;
    const PackingProblem &m_problem;
    std::vector<int> m_known; ///< every fitting group before m_searchedTo, in order
    int m_searchedTo = 0;     ///< groups before this one have been searched
    bool m_complete = false;  ///< no fitting group lies after m_known
    std::vector<int> m_answer;
};

} // namespace

Packing BinCentricPacker::pack(const PackingProblem &problem, Rule rule)
{
    return pack(problem, rule, FfdPacker::decreasingOrder(problem));
}

Packing BinCentricPacker::pack(const PackingProblem &problem, Rule rule, std::vector<int> order)
{
    Packing packing;
    packing.method = rule == Rule::DotProduct ? QStringLiteral("dot-product")
                     : rule == Rule::L2Norm   ? QStringLiteral("l2-norm")
                                              : QStringLiteral("pair-fill");
    const int n = problem.itemCount();
    packing.binOf.assign(n, -1);
    if (n == 0)
        return packing;
    const int dims = problem.dimensions;
    std::array<double, PackingProblem::kMaxDimensions> weight{};
    for (int d = 0; d < dims; ++d)
        weight[d] = 1.0 / double(problem.capacity[d]);

    // FFD's order, with identical items made adjacent where equal sizes tie, and the items copied in
    // that order so that what is read together lies together.
    std::vector<double> size(n);
    for (int i = 0; i < n; ++i)
        size[i] = problem.normalisedSize(problem.items[order[i]]);
    for (int runBegin = 0, runEnd = 0; runBegin < n; runBegin = runEnd) {
        while (runEnd < n && size[runEnd] == size[runBegin])
            ++runEnd;
        std::stable_sort(order.begin() + runBegin, order.begin() + runEnd,
                         [&](int a, int b) { return problem.items[a] < problem.items[b]; });
    }
    std::vector<PackingProblem::Vector> sorted(n);
    for (int i = 0; i < n; ++i)
        sorted[i] = problem.items[order[i]];
    // Identical items (VMs come in standard sizes: 3,624 distinct among 100,000) are one entry of
    // the item index, so the candidates are distinct and the search for them is short.
    std::vector<int> groupOf(n), groupStart, groupLeft;
    std::vector<PackingProblem::Vector> groupItem;
    for (int i = 0; i < n; ++i) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
            groupStart.push_back(i);
            groupLeft.push_back(0);
            groupItem.push_back(sorted[i]);
        }
        groupOf[i] = int(groupStart.size()) - 1;
        ++groupLeft.back();
    }

    // One dimension: the sizes themselves, decreasing, and where each run of equal sizes ends.
    std::vector<qint64> value;
    std::vector<int> runEnd, runStart, left; // left: unplaced items per run, kept at the run's start
    if (dims == 1) {
        value.resize(n);
        for (int i = 0; i < n; ++i)
            value[i] = sorted[i][0];
        runEnd.resize(n);
        for (int i = n - 1; i >= 0; --i)
            runEnd[i] = i + 1 < n && value[i + 1] == value[i] ? runEnd[i + 1] : i + 1;
        runStart.resize(n);
        left.assign(n, 0);
        for (int i = 0; i < n; ++i) {
            runStart[i] = i > 0 && value[i - 1] == value[i] ? runStart[i - 1] : i;
            ++left[runStart[i]];
        }
    }
    auto firstAtMost = [&](qint64 v) {
        return int(std::lower_bound(value.begin(), value.end(), v, [](qint64 a, qint64 b) { return a > b; }) -
                   value.begin());
    };

    NextUnplaced unplaced(n);
    ItemIndex unplacedGroups(dims, groupItem, problem.capacity);
    auto take = [&](int i) {
        unplaced.remove(i);
        if (--groupLeft[groupOf[i]] == 0)
            unplacedGroups.remove(groupOf[i]);
        if (dims == 1)
            --left[runStart[i]];
    };
    int placed = 0;
    std::vector<int> candidates; // reused from step to step
    FittingGroups fittingGroups(unplacedGroups, groupItem, groupLeft, problem);
    while (placed < n) {
        const int bin = packing.bins++;
        fittingGroups.newBin();
        PackingProblem::Vector remaining = problem.capacity;
        bool first = true;
        while (placed < n) {
            double roomSum = 0;
            for (int d = 0; d < dims; ++d)
                roomSum += double(remaining[d]) * weight[d];
            double bestScore = -std::numeric_limits<double>::infinity();
            candidates.clear();
            int bestGroup = -1;
            for (int group : fittingGroups.get(remaining, kFeasibleCandidates)) {
                const PackingProblem::Vector &item = groupItem[group];
                if (rule == Rule::PairFill && int(candidates.size()) < kPairCandidates)
                    candidates.push_back(unplaced.next(groupStart[group]));
                double score = rule == Rule::PairFill ? size[groupStart[group]] : 0;
                for (int d = 0; d < dims; ++d) {
                    const double a = double(item[d]) * weight[d];
                    const double r = double(remaining[d]) * weight[d];
                    if (rule == Rule::DotProduct)
                        score += a * r;
                    else if (rule == Rule::L2Norm)
                        score -= (r - a) * (r - a);
                }
                if (score > bestScore) {
                    bestScore = score;
                    bestGroup = group;
                }
            }
            if (bestGroup < 0)
                break;
            const int best = unplaced.next(groupStart[bestGroup]);
            if (rule == Rule::PairFill && !first && dims == 1) {
                // The pair y >= z with the largest y + z <= room, over each distinct size of y. Of
                // equally full pairs, the one whose scarcer size has the most copies left: taking
                // the last copy of a size is what strands another bin's exact complement.
                const qint64 room = remaining[0];
                qint64 bestFill = value[best];
                int bestSpare = -1;
                int pairFirst = -1, pairSecond = -1;
                int tried = 0;
                for (int y = unplaced.next(firstAtMost(room)); y < n && tried < kExactPairSizes;
                     y = unplaced.next(runEnd[y]), ++tried) {
                    if (2 * value[y] < bestFill) // z <= y: no pair from here on can do as well
                        break;
                    const int z = unplaced.next(std::max(firstAtMost(room - value[y]), y + 1));
                    if (z >= n)
                        continue;
                    const qint64 fill = value[y] + value[z];
                    const int spare = runStart[y] == runStart[z] ? left[runStart[y]] - 2
                                                                 : std::min(left[runStart[y]], left[runStart[z]]) - 1;
                    if (fill > bestFill || (fill == bestFill && pairFirst >= 0 && spare > bestSpare)) {
                        bestFill = fill;
                        bestSpare = spare;
                        pairFirst = y;
                        pairSecond = z;
                    }
                }
                if (pairFirst >= 0) {
                    for (int chosen : {pairFirst, pairSecond}) {
                        remaining[0] -= value[chosen];
                        packing.binOf[order[chosen]] = bin;
                        take(chosen);
                        ++placed;
                    }
                    continue;
                }
            } else if (rule == Rule::PairFill && !first) {
                // Minimum bin slack, one step deep: two items that fill the bin better than the
                // best single one. For each candidate the partner is the largest item that fits.
                // Of a pair that fills the room, the larger item is at least half of it: also try
                // candidates from just below half the room, where the two sizes meet.
                const int half = int(std::lower_bound(size.begin(), size.end(), roomSum / 2 + 1e-12,
                                                      [](double a, double b) { return a > b; }) -
                                     size.begin());
                int looked = 0;
                for (int i = unplaced.next(half);
                     i < n && looked < kPartnerScan && int(candidates.size()) < 2 * kPairCandidates;
                     i = unplaced.next(i + 1), ++looked)
                    if (problem.fits(remaining, sorted[i]))
                        candidates.push_back(i);
                double bestFill = size[best] + 1e-12;
                int pairFirst = -1, pairSecond = -1;
                for (int y : candidates) {
                    PackingProblem::Vector rest = remaining;
                    double restSum = 0;
                    for (int d = 0; d < dims; ++d) {
                        rest[d] -= sorted[y][d];
                        restSum += double(rest[d]) * weight[d];
                    }
                    const int from = int(std::lower_bound(size.begin(), size.end(), restSum + 1e-12,
                                                          [](double a, double b) { return a > b; }) -
                                         size.begin());
                    int scanned = 0;
                    for (int z = unplaced.next(from); z < n && scanned < kPartnerScan;
                         z = unplaced.next(z + 1), ++scanned) {
                        if (z == y || !problem.fits(rest, sorted[z]))
                            continue;
                        if (size[y] + size[z] > bestFill) {
                            bestFill = size[y] + size[z];
                            pairFirst = y;
                            pairSecond = z;
                        }
                        break;
                    }
                }
                if (pairFirst >= 0) {
                    for (int chosen : {pairFirst, pairSecond}) {
                        for (int d = 0; d < dims; ++d)
                            remaining[d] -= sorted[chosen][d];
                        packing.binOf[order[chosen]] = bin;
                        take(chosen);
                        ++placed;
                    }
                    continue;
                }
            }
            for (int d = 0; d < dims; ++d)
                remaining[d] -= sorted[best][d];
            packing.binOf[order[best]] = bin;
            take(best);
            ++placed;
            first = false;
        }
        if (first) { // an item larger than a bin: give it a bin of its own rather than loop forever
            const int i = unplaced.next(0);
            packing.binOf[order[i]] = bin;
            take(i);
            ++placed;
        }
    }
    return packing;
}

} // namespace landfall
