#include "ffdpacker.h"

#include "binindex.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

namespace landfall {

namespace {

// The index's CPU x memory staircases keep nearly every first-fit walk to a few tree levels (with
// per-dimension maxima only, the walk covered most of the tree when CPU and memory pulled apart:
// 5 s at 100,000 items). The cap stays as a guarantee: when a walk gives up, the item tries the
// most recently opened bins, which have the most room, before a new one. Both limits are counted
// in steps, not time, so FFD stays deterministic.
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
    // Sorting the keys beside the indices reads memory in order; at 100,000 items it is about
    // three times faster than a stable sort of indices that look their keys up.
    std::vector<std::pair<double, int>> keyed(problem.items.size());
    for (size_t i = 0; i < problem.items.size(); ++i)
        keyed[i] = {problem.normalisedSize(problem.items[i]), int(i)};
    std::sort(keyed.begin(), keyed.end(), [](const std::pair<double, int> &a, const std::pair<double, int> &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<int> order(keyed.size());
    for (size_t i = 0; i < keyed.size(); ++i)
        order[i] = keyed[i].second;
    return order;
}

Packing FfdPacker::pack(const PackingProblem &problem)
{
    return pack(problem, decreasingOrder(problem));
}

Packing FfdPacker::pack(const PackingProblem &problem, const std::vector<int> &order)
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
    for (size_t next = 0; next < order.size();) {
        const int item = order[next];
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
        // Copies of the item that follow it go to the same bin while they fit: the bins before it
        // have not changed, so that is where first fit would put them, and the index is updated once.
        do {
            for (int d = 0; d < problem.dimensions; ++d)
                remaining[bin][d] -= size[d];
            packing.binOf[order[next++]] = bin;
        } while (next < order.size() && problem.items[order[next]] == size && problem.fits(remaining[bin], size));
        index.set(bin, remaining[bin]);
        packing.bins = std::max(packing.bins, bin + 1);
    }
    return packing;
}

} // namespace landfall
