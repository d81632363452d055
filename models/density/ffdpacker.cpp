#include "ffdpacker.h"

#include "binindex.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>

namespace landfall {

namespace {

// When CPU and memory pull apart, the subtree maxima of the index come from different bins and an
// exact first fit walks most of the tree: O(bins) per item, 5 s at 100,000 items. So the walk is
// capped, and when it gives up the item tries the most recently opened bins before a new one. The
// newest bins have the most room, so this stops the cascade an uncapped-or-new-bin rule had (a
// capped walk that opened a bin on giving up: 3.3x on perfect instances, since every new bin made
// the next walks longer). Both limits are counted in steps, not time, so FFD stays deterministic.
constexpr int kVisitLimit = 2048;
constexpr int kRecentBins = 64;
// Items come in decreasing order and bins only fill up, so an item that dominates an earlier one
// (at least as large in every dimension) cannot fit below the bin that one's exact walk found:
// remembering the last few answers lets equal and similar items (VMs come in a few standard
// sizes) start their walk there. Exact: it changes the cost, never the bin.
constexpr int kRememberedAnswers = 16;

/** The last exact first-fit answers: the item and the lowest bin it could go to. */
class AnswerCache {
public:
    explicit AnswerCache(int dimensions)
        : m_dimensions(dimensions)
    {}
    int lowestBinFor(const PackingProblem::Vector &item) const
    {
        int from = 0;
        for (int k = 0; k < m_count; ++k) {
            bool dominates = m_bin[k] > from;
            for (int d = 0; d < m_dimensions && dominates; ++d)
                dominates = item[d] >= m_item[k][d];
            if (dominates)
                from = m_bin[k];
        }
        return from;
    }
    void remember(const PackingProblem::Vector &item, int bin)
    {
        m_item[m_next] = item;
        m_bin[m_next] = bin;
        m_next = (m_next + 1) % kRememberedAnswers;
        m_count = std::min(m_count + 1, kRememberedAnswers);
    }

private:
    int m_dimensions;
    std::array<PackingProblem::Vector, kRememberedAnswers> m_item{};
    std::array<int, kRememberedAnswers> m_bin{};
    int m_count = 0;
    int m_next = 0;
};

} // namespace

std::vector<int> FfdPacker::decreasingOrder(const PackingProblem &problem)
{
    std::vector<double> size(problem.items.size());
    for (size_t i = 0; i < problem.items.size(); ++i)
        size[i] = problem.normalisedSize(problem.items[i]);
    std::vector<int> order(problem.items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return size[a] > size[b]; });
    return order;
}

Packing FfdPacker::pack(const PackingProblem &problem)
{
    Packing packing;
    packing.method = QStringLiteral("ffd");
    const int n = problem.itemCount();
    packing.binOf.assign(n, -1);
    if (n == 0)
        return packing;
    BinIndex index(problem.dimensions, n, problem.capacity);
    std::vector<PackingProblem::Vector> remaining(n, problem.capacity);
    AnswerCache answers(problem.dimensions);
    for (int item : decreasingOrder(problem)) {
        const PackingProblem::Vector &size = problem.items[item];
        int bin = index.firstFit(size, kVisitLimit, answers.lowestBinFor(size));
        if (bin != BinIndex::kGaveUp)
            answers.remember(size, bin >= 0 ? bin : packing.bins);
        if (bin == BinIndex::kGaveUp) {
            bin = -1;
            for (int b = std::max(0, packing.bins - kRecentBins); b < packing.bins && bin < 0; ++b)
                if (problem.fits(remaining[b], problem.items[item]))
                    bin = b;
        }
        if (bin < 0)
            bin = packing.bins; // a new bin; or larger than a bin, which the engine refuses: never lose it
        for (int d = 0; d < problem.dimensions; ++d)
            remaining[bin][d] -= problem.items[item][d];
        index.set(bin, remaining[bin]);
        packing.binOf[item] = bin;
        packing.bins = std::max(packing.bins, bin + 1);
    }
    return packing;
}

} // namespace landfall
