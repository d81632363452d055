#include "ffdpacker.h"

#include "binindex.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace landfall {

namespace {

// Uncapped: a capped walk (tried: 1024 nodes) opens new bins too eagerly when CPU and memory
// pull apart (3.3x on perfect instances). Speed at 100,000 items is an open item, see bench/density.
constexpr int kVisitLimit = std::numeric_limits<int>::max();

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
    for (int item : decreasingOrder(problem)) {
        int bin = index.firstFit(problem.items[item], kVisitLimit);
        if (bin < 0)
            bin = packing.bins; // larger than a bin: the engine refuses such scenarios; never lose it
        for (int d = 0; d < problem.dimensions; ++d)
            remaining[bin][d] -= problem.items[item][d];
        index.set(bin, remaining[bin]);
        packing.binOf[item] = bin;
        packing.bins = std::max(packing.bins, bin + 1);
    }
    return packing;
}

} // namespace landfall
