#include "mixedsizepacker.h"

#include <algorithm>
#include <limits>

namespace landfall {

namespace {

bool holds(const PackingProblem &problem, const PackingProblem::Vector &capacity, const PackingProblem::Vector &load)
{
    for (int d = 0; d < problem.dimensions; ++d)
        if (load[d] > capacity[d])
            return false;
    return true;
}

/** The cheapest type that holds `load` (ties to the earlier type), or -1. */
int cheapestHolding(const PackingProblem &problem, const std::vector<BinType> &types,
                    const PackingProblem::Vector &load)
{
    int best = -1;
    for (int t = 0; t < int(types.size()); ++t)
        if (holds(problem, types[t].capacity, load) && (best < 0 || types[t].cost < types[best].cost))
            best = t;
    return best;
}

/** The bins' loads, each bin given the cheapest type that holds it, and the total cost. */
void rightSize(const PackingProblem &problem, const std::vector<BinType> &types, MixedPacking &mixed)
{
    const int bins = int(mixed.typeOfBin.size());
    std::vector<PackingProblem::Vector> load(bins, PackingProblem::Vector{});
    for (int i = 0; i < problem.itemCount(); ++i)
        for (int d = 0; d < problem.dimensions; ++d)
            load[mixed.binOf[i]][d] += problem.items[i][d];
    mixed.cost = 0;
    mixed.countOfType.assign(types.size(), 0);
    for (int b = 0; b < bins; ++b) {
        const int t = cheapestHolding(problem, types, load[b]);
        if (t >= 0 && types[t].cost <= types[mixed.typeOfBin[b]].cost)
            mixed.typeOfBin[b] = t;
        mixed.cost += types[mixed.typeOfBin[b]].cost;
        ++mixed.countOfType[mixed.typeOfBin[b]];
    }
}

/** `items` of `problem` packed onto bins of type `t` only; false when one does not fit. */
bool packOnto(const PackingProblem &problem, const std::vector<int> &items, const std::vector<BinType> &types, int t,
              const PackerSettings &settings, std::vector<int> &binOf, int &bins)
{
    PackingProblem part;
    part.dimensions = problem.dimensions;
    part.capacity = types[t].capacity;
    part.items.reserve(items.size());
    for (int i : items) {
        if (!holds(problem, part.capacity, problem.items[i]))
            return false;
        part.items.push_back(problem.items[i]);
    }
    const Packing packed = VectorPacker::pack(part, settings).packing;
    binOf = packed.binOf;
    bins = packed.bins;
    return true;
}

} // namespace

double MixedSizePacker::costLowerBound(const PackingProblem &problem, const std::vector<BinType> &types)
{
    if (problem.items.empty() || types.empty())
        return 0;
    double bound = 0;
    for (int d = 0; d < problem.dimensions; ++d) {
        double cheapestPerUnit = std::numeric_limits<double>::max();
        for (const BinType &type : types)
            if (type.capacity[d] > 0)
                cheapestPerUnit = std::min(cheapestPerUnit, type.cost / double(type.capacity[d]));
        double demand = 0;
        for (const auto &item : problem.items)
            demand += double(item[d]);
        if (cheapestPerUnit < std::numeric_limits<double>::max())
            bound = std::max(bound, demand * cheapestPerUnit);
    }
    // Every item needs a node that holds it: at least the cheapest size that holds the largest.
    double largest = 0;
    for (const auto &item : problem.items) {
        double cheapest = std::numeric_limits<double>::max();
        for (const BinType &type : types)
            if (holds(problem, type.capacity, item))
                cheapest = std::min(cheapest, type.cost);
        largest = std::max(largest, cheapest);
    }
    return std::max(bound, largest);
}

MixedPacking MixedSizePacker::pack(const PackingProblem &problem, const std::vector<BinType> &types,
                                   const PackerSettings &settings)
{
    MixedPacking best;
    best.costLowerBound = costLowerBound(problem, types);
    const int n = problem.itemCount();
    if (types.empty())
        return best;
    for (const auto &item : problem.items)
        if (cheapestHolding(problem, types, item) < 0)
            return best; // an item no size takes: the caller lists it
    best.feasible = true;
    if (n == 0)
        return best;
    std::vector<int> all(n);
    for (int i = 0; i < n; ++i)
        all[i] = i;

    // Each size alone, its bins then shrunk where a cheaper size holds them. The budget is shared.
    PackerSettings each = settings;
    each.searchEffort = settings.searchEffort / qint64(types.size() + 1);
    bool found = false;
    for (int t = 0; t < int(types.size()); ++t) {
        MixedPacking candidate;
        int bins = 0;
        if (!packOnto(problem, all, types, t, each, candidate.binOf, bins))
            continue;
        candidate.typeOfBin.assign(bins, t);
        rightSize(problem, types, candidate);
        if (!found || candidate.cost < best.cost - 1e-9) {
            candidate.costLowerBound = best.costLowerBound;
            candidate.feasible = true;
            best = std::move(candidate);
            found = true;
        }
    }
    if (!found) {
        // No size takes every item: start from one node per item at its cheapest size.
        best.binOf = all;
        best.typeOfBin.resize(n);
        for (int i = 0; i < n; ++i)
            best.typeOfBin[i] = cheapestHolding(problem, types, problem.items[i]);
        rightSize(problem, types, best);
    }

    // The least-filled bins hold the mix's gain: repack the k emptiest onto each size in turn
    // while that lowers the cost (a few rounds; the budget is the rest of the effort).
    PackerSettings small = settings;
    small.searchEffort = settings.searchEffort / qint64(types.size() + 1) / 16;
    for (int round = 0; round < 16; ++round) {
        const int bins = int(best.typeOfBin.size());
        std::vector<PackingProblem::Vector> load(bins, PackingProblem::Vector{});
        for (int i = 0; i < n; ++i)
            for (int d = 0; d < problem.dimensions; ++d)
                load[best.binOf[i]][d] += problem.items[i][d];
        std::vector<std::pair<double, int>> fill; // (fullest dimension's share, bin)
        for (int b = 0; b < bins; ++b) {
            double share = 0;
            for (int d = 0; d < problem.dimensions; ++d)
                if (types[best.typeOfBin[b]].capacity[d] > 0)
                    share = std::max(share, double(load[b][d]) / double(types[best.typeOfBin[b]].capacity[d]));
            fill.push_back({share, b});
        }
        std::sort(fill.begin(), fill.end());
        bool improved = false;
        for (int k = 1; k <= std::min(bins, 6) && !improved; ++k) {
            std::vector<char> chosen(bins, 0);
            double chosenCost = 0;
            for (int j = 0; j < k; ++j) {
                chosen[fill[j].second] = 1;
                chosenCost += types[best.typeOfBin[fill[j].second]].cost;
            }
            std::vector<int> items;
            for (int i = 0; i < n; ++i)
                if (chosen[best.binOf[i]])
                    items.push_back(i);
            for (int t = 0; t < int(types.size()) && !improved; ++t) {
                std::vector<int> binOf;
                int newBins = 0;
                if (!packOnto(problem, items, types, t, small, binOf, newBins))
                    continue;
                if (double(newBins) * types[t].cost >= chosenCost - 1e-9)
                    continue;
                // Keep the other bins in order, then the new ones.
                std::vector<int> renumber(bins, -1);
                MixedPacking next;
                for (int b = 0; b < bins; ++b)
                    if (!chosen[b]) {
                        renumber[b] = int(next.typeOfBin.size());
                        next.typeOfBin.push_back(best.typeOfBin[b]);
                    }
                const int first = int(next.typeOfBin.size());
                next.typeOfBin.resize(first + newBins, t);
                next.binOf.assign(n, -1);
                for (int i = 0; i < n; ++i)
                    if (!chosen[best.binOf[i]])
                        next.binOf[i] = renumber[best.binOf[i]];
                for (size_t j = 0; j < items.size(); ++j)
                    next.binOf[items[j]] = first + binOf[j];
                rightSize(problem, types, next);
                if (next.cost < best.cost - 1e-9) {
                    next.costLowerBound = best.costLowerBound;
                    next.feasible = true;
                    best = std::move(next);
                    improved = true;
                }
            }
        }
        if (!improved)
            break;
    }
    return best;
}

} // namespace landfall
