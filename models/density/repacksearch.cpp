#include "repacksearch.h"

#include "binindex.h"
#include "ffdpacker.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <unordered_map>

namespace landfall {

namespace {

using Vector = PackingProblem::Vector;

// Below this many bins every bin is a swap candidate; above it a deterministic random sample.
constexpr int kFullScanBins = 400;
constexpr int kSampledBins = 160;
constexpr int kMaxPairScanItems = 12;
// Two pool items in, one out, is tried for the largest items of the pool only: a pool of a hundred
// tiny items (a bin of 1-vCPU VMs) made a single swap cost most of the budget.
constexpr int kMaxPairPoolItems = 16;
constexpr double kEps = 1e-12;
constexpr qint64 kTabuTenure = 12;
constexpr int kMaxIdleMoves = 40;

/** The mutable packing the search works on: items per bin, room per bin, and an index for fits. */
class SearchState {
public:
    SearchState(const PackingProblem &problem, const Packing &start)
        : m_problem(problem)
        , m_index(problem.dimensions, problem.itemCount() + 1, problem.capacity)
    {
        const int n = problem.itemCount();
        m_weight.resize(n);
        for (int i = 0; i < n; ++i)
            m_weight[i] = problem.normalisedSize(problem.items[i]);
        load(start.binOf, start.bins);
    }

    void load(const std::vector<int> &binOf, int bins)
    {
        const int slots = m_problem.itemCount() + 1;
        m_items.assign(slots, {});
        m_room.assign(slots, m_problem.capacity);
        m_load.assign(slots, 0.0);
        m_alive.assign(slots, 0);
        m_binOf.assign(m_problem.itemCount(), -1);
        m_free.clear();
        for (int slot = slots - 1; slot >= bins; --slot)
            m_free.push_back(slot);
        for (int bin = 0; bin < bins; ++bin)
            m_alive[bin] = 1;
        m_aliveCount = bins;
        for (int i = 0; i < int(binOf.size()); ++i)
            placeQuiet(i, binOf[i]);
        for (int slot = 0; slot < slots; ++slot) {
            if (m_alive[slot])
                m_index.set(slot, m_room[slot]);
            else
                m_index.close(slot);
        }
    }

    int aliveCount() const { return m_aliveCount; }
    const std::vector<int> &binOf() const { return m_binOf; }
    double weight(int item) const { return m_weight[item]; }
    qint64 work = 0;

    void place(int item, int bin)
    {
        placeQuiet(item, bin);
        m_index.set(bin, m_room[bin]);
    }
    void take(int item)
    {
        const int bin = m_binOf[item];
        auto &list = m_items[bin];
        list.erase(std::find(list.begin(), list.end(), item));
        for (int d = 0; d < m_problem.dimensions; ++d)
            m_room[bin][d] += m_problem.items[item][d];
        m_load[bin] -= m_weight[item];
        m_binOf[item] = -1;
        m_index.set(bin, m_room[bin]);
    }
    int openBin()
    {
        const int bin = m_free.back();
        m_free.pop_back();
        m_alive[bin] = 1;
        ++m_aliveCount;
        m_room[bin] = m_problem.capacity;
        m_load[bin] = 0;
        m_index.set(bin, m_room[bin]);
        return bin;
    }
    /** Removes the bin and returns its items. */
    std::vector<int> retire(int bin)
    {
        std::vector<int> items = m_items[bin];
        for (int item : items)
            m_binOf[item] = -1;
        m_items[bin].clear();
        m_alive[bin] = 0;
        --m_aliveCount;
        m_index.close(bin);
        m_free.push_back(bin);
        return items;
    }
    int firstFit(int item)
    {
        work += 256;
        return m_index.firstFit(m_problem.items[item], 16384);
    }
    /** The `k` alive bins with the least load, least first. */
    std::vector<int> leastLoaded(int k)
    {
        std::vector<int> alive;
        alive.reserve(m_aliveCount);
        for (int bin = 0; bin < int(m_alive.size()); ++bin)
            if (m_alive[bin])
                alive.push_back(bin);
        work += qint64(m_alive.size());
        k = std::min<int>(k, int(alive.size()));
        std::partial_sort(alive.begin(), alive.begin() + k, alive.end(),
                          [&](int a, int b) { return m_load[a] != m_load[b] ? m_load[a] < m_load[b] : a < b; });
        alive.resize(k);
        return alive;
    }
    std::vector<int> candidateBins(std::mt19937 &random) const
    {
        std::vector<int> bins;
        if (m_aliveCount <= kFullScanBins) {
            for (int bin = 0; bin < int(m_alive.size()); ++bin)
                if (m_alive[bin])
                    bins.push_back(bin);
            return bins;
        }
        std::uniform_int_distribution<int> pick(0, int(m_alive.size()) - 1);
        while (int(bins.size()) < kSampledBins) {
            const int bin = pick(random);
            if (m_alive[bin])
                bins.push_back(bin);
        }
        return bins;
    }

    const std::vector<int> &items(int bin) const { return m_items[bin]; }
    double slack(int bin) const { return m_problem.dimensions - m_load[bin]; }
    /** Would `bin` hold everything after `out` leave and `in` arrive? */
    bool fitsAfter(int bin, std::initializer_list<int> out, std::initializer_list<int> in)
    {
        ++work;
        for (int d = 0; d < m_problem.dimensions; ++d) {
            qint64 room = m_room[bin][d];
            for (int o : out)
                room += m_problem.items[o][d];
            for (int i : in)
                room -= m_problem.items[i][d];
            if (room < 0)
                return false;
        }
        return true;
    }

private:
    void placeQuiet(int item, int bin)
    {
        m_items[bin].push_back(item);
        for (int d = 0; d < m_problem.dimensions; ++d)
            m_room[bin][d] -= m_problem.items[item][d];
        m_load[bin] += m_weight[item];
        m_binOf[item] = bin;
    }

    const PackingProblem &m_problem;
    BinIndex m_index;
    std::vector<double> m_weight;
    std::vector<std::vector<int>> m_items;
    std::vector<Vector> m_room;
    std::vector<double> m_load;
    std::vector<char> m_alive;
    std::vector<int> m_binOf;
    std::vector<int> m_free;
    int m_aliveCount = 0;
};

/** One move that pushes weight from the pool into a bin. */
struct Swap {
    double gain = -1;
    int bin = -1;
    std::vector<int> in;  ///< pool items entering the bin
    std::vector<int> out; ///< bin items leaving for the pool
};

class Attempt {
public:
    Attempt(const PackingProblem &problem, SearchState &state, std::mt19937 &random)
        : m_problem(problem)
        , m_state(state)
        , m_random(random)
    {}

    /** Empties `k` least-loaded bins into the others and at most k - 1 new ones; false when the
        pool had to go back into k or more new bins. */
    bool run(int k, qint64 workLimit)
    {
        std::vector<int> pool;
        for (int bin : m_state.leastLoaded(k)) {
            const std::vector<int> items = m_state.retire(bin);
            pool.insert(pool.end(), items.begin(), items.end());
        }
        while (true) {
            insertDirectly(pool);
            if (pool.empty())
                return true;
            if (k > 1 && packIntoNewBins(pool, k - 1))
                return true;
            if (m_state.work > workLimit || !swapOnce(pool))
                break;
        }
        packIntoNewBins(pool, m_problem.itemCount());
        return false;
    }

private:
    void sortPool(std::vector<int> &pool) const
    {
        std::sort(pool.begin(), pool.end(), [&](int a, int b) {
            return m_state.weight(a) != m_state.weight(b) ? m_state.weight(a) > m_state.weight(b) : a < b;
        });
    }

    void insertDirectly(std::vector<int> &pool)
    {
        sortPool(pool);
        std::vector<int> left;
        for (int item : pool) {
            const int bin = m_state.firstFit(item);
            if (bin >= 0)
                m_state.place(item, bin);
            else
                left.push_back(item);
        }
        pool.swap(left);
    }

    /** FFD of the pool into fresh bins, done only if it needs at most `limit` of them. */
    bool packIntoNewBins(std::vector<int> &pool, int limit)
    {
        PackingProblem small;
        small.dimensions = m_problem.dimensions;
        small.capacity = m_problem.capacity;
        for (int item : pool)
            small.items.push_back(m_problem.items[item]);
        const Packing packing = FfdPacker::pack(small);
        m_state.work += qint64(pool.size()) * 8;
        if (packing.bins > limit)
            return false;
        std::vector<int> bins;
        for (int b = 0; b < packing.bins; ++b)
            bins.push_back(m_state.openBin());
        for (size_t i = 0; i < pool.size(); ++i)
            m_state.place(pool[i], bins[packing.binOf[i]]);
        pool.clear();
        return true;
    }

    /** An item may not go back into a bin it left within the last kTabuTenure moves. */
    bool tabu(int item, int bin) const
    {
        const auto it = m_tabu.find(qint64(item) << 32 | bin);
        return it != m_tabu.end() && m_moves - it->second < kTabuTenure;
    }

    void consider(Swap &best, double gain, int bin, std::vector<int> in, std::vector<int> out)
    {
        for (int x : in)
            if (tabu(x, bin))
                return;
        if (gain > best.gain) {
            best.gain = gain;
            best.bin = bin;
            best.in = std::move(in);
            best.out = std::move(out);
        }
    }

    bool swapOnce(std::vector<int> &pool)
    {
        Swap best;
        const std::vector<int> bins = m_state.candidateBins(m_random);
        for (int bin : bins) {
            const std::vector<int> &items = m_state.items(bin);
            const double slack = m_state.slack(bin);
            // Count the scan itself, not only the fit checks, so the budget tracks time.
            const qint64 m = qint64(items.size()) + 1, k = qint64(pool.size());
            const qint64 pairPool = std::min<qint64>(k, kMaxPairPoolItems);
            m_state.work += m * k + (m * m * k) / 2 + (pairPool * pairPool * m) / 2;
            for (int x : pool) {
                const double wx = m_state.weight(x);
                for (size_t a = 0; a < items.size(); ++a) {
                    const int y = items[a];
                    const double wy = m_state.weight(y);
                    // One in, one out.
                    if (wy <= wx && wx - wy > best.gain && slack + wy + kEps >= wx && m_state.fitsAfter(bin, {y}, {x}))
                        consider(best, wx - wy, bin, {x}, {y});
                    // One in, two out.
                    if (items.size() <= size_t(kMaxPairScanItems)) {
                        for (size_t b = a + 1; b < items.size(); ++b) {
                            const int z = items[b];
                            const double wz = m_state.weight(z);
                            if (wy + wz <= wx && wx - wy - wz > best.gain && slack + wy + wz + kEps >= wx &&
                                m_state.fitsAfter(bin, {y, z}, {x}))
                                consider(best, wx - wy - wz, bin, {x}, {y, z});
                        }
                    }
                }
            }
            // Two in, one out.
            for (size_t p = 0; p < size_t(pairPool); ++p) {
                for (size_t q = p + 1; q < size_t(pairPool); ++q) {
                    const int x1 = pool[p], x2 = pool[q];
                    const double wIn = m_state.weight(x1) + m_state.weight(x2);
                    for (int y : items) {
                        const double wy = m_state.weight(y);
                        if (wy <= wIn && wIn - wy > best.gain && slack + wy + kEps >= wIn &&
                            m_state.fitsAfter(bin, {y}, {x1, x2}))
                            consider(best, wIn - wy, bin, {x1, x2}, {y});
                    }
                }
            }
        }
        if (best.bin < 0)
            return false;
        // Moves that free no weight are allowed (they let the search walk across plateaus), but
        // only a bounded number of them in a row.
        m_idle = best.gain > kEps ? 0 : m_idle + 1;
        if (m_idle > kMaxIdleMoves)
            return false;
        ++m_moves;
        for (int y : best.out) {
            m_tabu[qint64(y) << 32 | best.bin] = m_moves;
            m_state.take(y);
        }
        for (int x : best.in) {
            m_state.place(x, best.bin);
            pool.erase(std::find(pool.begin(), pool.end(), x));
        }
        pool.insert(pool.end(), best.out.begin(), best.out.end());
        return true;
    }

    const PackingProblem &m_problem;
    SearchState &m_state;
    std::mt19937 &m_random;
    std::unordered_map<qint64, qint64> m_tabu; ///< (item, bin) -> the move that took the item out
    qint64 m_moves = 0;
    int m_idle = 0;
};

Packing compacted(const std::vector<int> &binOf, const QString &method)
{
    Packing packing;
    packing.method = method;
    packing.binOf.resize(binOf.size());
    std::vector<int> renumber;
    for (size_t i = 0; i < binOf.size(); ++i) {
        const int bin = binOf[i];
        if (bin >= int(renumber.size()))
            renumber.resize(bin + 1, -1);
        if (renumber[bin] < 0)
            renumber[bin] = packing.bins++;
        packing.binOf[i] = renumber[bin];
    }
    return packing;
}

} // namespace

Packing RepackSearch::improve(const PackingProblem &problem, const Packing &start, int lowerBound, qint64 effort,
                              quint32 seed)
{
    if (start.bins <= lowerBound || problem.itemCount() == 0)
        return start;
    SearchState state(problem, start);
    std::mt19937 random(seed);
    std::vector<int> bestBinOf = start.binOf;
    int bestBins = start.bins;
    int failures = 0;
    while (state.work < effort && bestBins > lowerBound) {
        // Escalate from one bin to two or three when emptying one alone keeps failing.
        const int k = 1 + (failures / 4) % 3;
        Attempt attempt(problem, state, random);
        const bool saved = attempt.run(std::min(k, state.aliveCount()), effort);
        if (state.aliveCount() < bestBins) {
            bestBins = state.aliveCount();
            bestBinOf = state.binOf();
            failures = 0;
        } else {
            ++failures;
            if (state.aliveCount() > bestBins) { // the pool needed more bins than it left: go back
                const Packing best = compacted(bestBinOf, start.method);
                state.load(best.binOf, best.bins);
                state.work += problem.itemCount();
            }
        }
        static_cast<void>(saved);
    }
    Packing result = compacted(bestBinOf, start.method);
    if (result.bins < start.bins)
        result.method = start.method + QStringLiteral("+local-search");
    return result;
}

} // namespace landfall
