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

int LowerBounds::dualFeasible(std::vector<qint64> sizes, qint64 capacity)
{
    std::sort(sizes.begin(), sizes.end());
    return dualFeasibleSorted(sizes, capacity);
}

int LowerBounds::dualFeasibleSorted(const std::vector<qint64> &sizes, qint64 capacity)
{
    if (sizes.empty() || capacity <= 0)
        return 0;
    // Distinct sizes with their counts: VMs come in standard sizes, so this is short.
    std::vector<std::pair<qint64, qint64>> distinct; // (size, count)
    for (qint64 s : sizes) {
        if (!distinct.empty() && distinct.back().first == s)
            ++distinct.back().second;
        else
            distinct.push_back({s, 1});
    }
    int best = 0;
    // Each family maps sizes to integers and the capacity to `mappedCapacity`.
    auto apply = [&](auto &&mapped, qint64 mappedCapacity) {
        if (mappedCapacity <= 0)
            return;
        qint64 sum = 0;
        for (const auto &[size, count] : distinct)
            sum += mapped(size) * count;
        best = std::max(best, int(ceilDiv(sum, mappedCapacity)));
    };
    // u^(k)(x) = x when (k+1)x / C is whole, else floor((k+1)x / C) * C / k; scaled by k.
    for (qint64 k = 1; k <= 20; ++k)
        apply([&](qint64 x) { return ((k + 1) * x) % capacity == 0 ? x * k : ((k + 1) * x) / capacity * capacity; },
              capacity * k);
    // f_CCM(lambda) for lambda in [1, C/2]: items above C/2 count 2(floor(C/l) - floor((C-x)/l)),
    // exactly C/2 counts floor(C/l), below C/2 counts 2 floor(x/l); the bin 2 floor(C/l). The
    // parameters tried are the item sizes up to C/2, at most 128 of them spread evenly.
    std::vector<qint64> lambdas;
    for (const auto &[size, count] : distinct)
        if (size >= 1 && 2 * size <= capacity)
            lambdas.push_back(size);
    const size_t step = std::max<size_t>(1, (lambdas.size() + 127) / 128);
    for (size_t i = 0; i < lambdas.size(); i += step) {
        const qint64 l = lambdas[i];
        apply(
            [&](qint64 x) {
                if (2 * x > capacity)
                    return 2 * (capacity / l - (capacity - x) / l);
                if (2 * x == capacity)
                    return capacity / l;
                return 2 * (x / l);
            },
            2 * (capacity / l));
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
        // Sorted once here: L2 then sorts a sorted copy, the DFFs use it as it is (at 100,000
        // items a second full sort per dimension was a visible share of the engine's time).
        std::sort(sizes.begin(), sizes.end());
        const int two = l2(sizes, problem.capacity[d]);
        const int three = dualFeasibleSorted(sizes, problem.capacity[d]);
        bound.l1 = std::max(bound.l1, one);
        bound.l2 = std::max(bound.l2, two);
        bound.dff = std::max(bound.dff, three);
        // Equal bounds are told apart by the load itself; exact ties keep the earlier dimension.
        const int value = std::max({one, two, three});
        if (value > limitingValue || (value == limitingValue && load > limitingLoad)) {
            limitingValue = value;
            limitingLoad = load;
            bound.limitingDimension = d;
        }
    }
    return bound;
}

} // namespace landfall
