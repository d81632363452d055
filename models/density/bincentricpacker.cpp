#include "bincentricpacker.h"

#include "ffdpacker.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace landfall {

namespace {

// Candidates are taken from the sorted items starting at the largest that could fit; scoring a
// bounded window keeps 100,000 items at O(n log n) while still seeing the items that matter.
constexpr int kFeasibleCandidates = 48;
constexpr int kExaminedCandidates = 2048;
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

} // namespace

Packing BinCentricPacker::pack(const PackingProblem &problem, Rule rule)
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

    const std::vector<int> order = FfdPacker::decreasingOrder(problem);
    std::vector<double> size(n);
    for (int i = 0; i < n; ++i)
        size[i] = problem.normalisedSize(problem.items[order[i]]);

    // One dimension: the sizes themselves, decreasing, and where each run of equal sizes ends.
    std::vector<qint64> value;
    std::vector<int> runEnd, runStart, left; // left: unplaced items per run, kept at the run's start
    if (dims == 1) {
        value.resize(n);
        for (int i = 0; i < n; ++i)
            value[i] = problem.items[order[i]][0];
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
    auto take = [&](int i) {
        unplaced.remove(i);
        if (dims == 1)
            --left[runStart[i]];
    };
    int placed = 0;
    while (placed < n) {
        const int bin = packing.bins++;
        PackingProblem::Vector remaining = problem.capacity;
        bool first = true;
        while (placed < n) {
            double roomSum = 0;
            for (int d = 0; d < dims; ++d)
                roomSum += double(remaining[d]) * weight[d];
            // Items are sorted by decreasing size; one larger than the room in sum cannot fit.
            const int start = int(
                std::lower_bound(size.begin(), size.end(), roomSum + 1e-12, [](double a, double b) { return a > b; }) -
                size.begin());
            int best = -1;
            double bestScore = -std::numeric_limits<double>::infinity();
            int feasible = 0;
            int examined = 0;
            std::vector<int> candidates;
            for (int i = unplaced.next(first ? 0 : start);
                 i < n && feasible < kFeasibleCandidates && examined < kExaminedCandidates;
                 i = unplaced.next(i + 1), ++examined) {
                const PackingProblem::Vector &item = problem.items[order[i]];
                if (!problem.fits(remaining, item))
                    continue;
                ++feasible;
                if (int(candidates.size()) < kPairCandidates)
                    candidates.push_back(i);
                double score = rule == Rule::PairFill ? size[i] : 0;
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
                    best = i;
                }
            }
            if (best < 0)
                break;
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
                    if (problem.fits(remaining, problem.items[order[i]]))
                        candidates.push_back(i);
                double bestFill = size[best] + 1e-12;
                int pairFirst = -1, pairSecond = -1;
                for (int y : candidates) {
                    PackingProblem::Vector rest = remaining;
                    double restSum = 0;
                    for (int d = 0; d < dims; ++d) {
                        rest[d] -= problem.items[order[y]][d];
                        restSum += double(rest[d]) * weight[d];
                    }
                    const int from = int(std::lower_bound(size.begin(), size.end(), restSum + 1e-12,
                                                          [](double a, double b) { return a > b; }) -
                                         size.begin());
                    int scanned = 0;
                    for (int z = unplaced.next(from); z < n && scanned < kPartnerScan;
                         z = unplaced.next(z + 1), ++scanned) {
                        if (z == y || !problem.fits(rest, problem.items[order[z]]))
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
                            remaining[d] -= problem.items[order[chosen]][d];
                        packing.binOf[order[chosen]] = bin;
                        take(chosen);
                        ++placed;
                    }
                    continue;
                }
            }
            const int item = order[best];
            for (int d = 0; d < dims; ++d)
                remaining[d] -= problem.items[item][d];
            packing.binOf[item] = bin;
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
