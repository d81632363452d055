#include "lowerbounds.h"

#include <algorithm>

namespace landfall {

namespace {

qint64 ceilDiv(qint64 a, qint64 b)
{
    return a <= 0 ? 0 : (a + b - 1) / b;
}

} // namespace

int LowerBounds::l1(const std::vector<qint64> &sizes, qint64 capacity)
{
    qint64 sum = 0;
    for (qint64 s : sizes)
        sum += s;
    return int(ceilDiv(sum, capacity));
}

int LowerBounds::l2(std::vector<qint64> sizes, qint64 capacity)
{
    // For alpha in [0, C/2]: J1 = items > C - alpha (alone in a bin), J2 = items in (C/2, C - alpha]
    // (one per bin), J3 = items in [alpha, C/2] (must use J2's leftover room or new bins).
    std::sort(sizes.begin(), sizes.end());
    const int n = int(sizes.size());
    std::vector<qint64> prefix(n + 1, 0);
    for (int i = 0; i < n; ++i)
        prefix[i + 1] = prefix[i] + sizes[i];
    auto countAbove = [&](qint64 v) {
        return n - int(std::upper_bound(sizes.begin(), sizes.end(), v) - sizes.begin());
    };
    auto firstAtLeast = [&](qint64 v) { return int(std::lower_bound(sizes.begin(), sizes.end(), v) - sizes.begin()); };
    auto sumRange = [&](int from, int to) { return prefix[to] - prefix[from]; }; // [from, to)

    std::vector<qint64> alphas{0};
    for (qint64 s : sizes)
        if (2 * s <= capacity && s != alphas.back())
            alphas.push_back(s);
    int best = 0;
    const int halfEnd = n - countAbove(capacity / 2); // items <= C/2 are [0, halfEnd)
    for (qint64 alpha : alphas) {
        const int j1Begin = n - countAbove(capacity - alpha);
        const int j2Begin = halfEnd;
        const int j3Begin = firstAtLeast(alpha);
        const int j1 = n - j1Begin;
        const int j2 = j1Begin - j2Begin;
        const qint64 j2Room = qint64(j2) * capacity - sumRange(j2Begin, j1Begin);
        const qint64 j3Sum = sumRange(j3Begin, halfEnd);
        const int bound = j1 + j2 + int(ceilDiv(j3Sum - j2Room, capacity));
        best = std::max(best, bound);
    }
    return best;
}

LowerBound LowerBounds::compute(const PackingProblem &problem)
{
    LowerBound bound;
    int limitingValue = -1;
    double limitingLoad = -1;
    for (int d = 0; d < problem.dimensions; ++d) {
        std::vector<qint64> sizes;
        sizes.reserve(problem.items.size());
        for (const auto &item : problem.items)
            sizes.push_back(item[d]);
        double load = 0;
        for (qint64 s : sizes)
            load += double(s);
        load /= double(problem.capacity[d]);
        const int one = l1(sizes, problem.capacity[d]);
        const int two = l2(std::move(sizes), problem.capacity[d]);
        bound.l1 = std::max(bound.l1, one);
        bound.l2 = std::max(bound.l2, two);
        // Equal bounds are told apart by the load itself; exact ties keep the earlier dimension.
        const int value = std::max(one, two);
        if (value > limitingValue || (value == limitingValue && load > limitingLoad)) {
            limitingValue = value;
            limitingLoad = load;
            bound.limitingDimension = d;
        }
    }
    return bound;
}

} // namespace landfall
