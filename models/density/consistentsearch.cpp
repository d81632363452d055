#include "consistentsearch.h"

#include <algorithm>
#include <functional>
#include <random>

namespace landfall {

namespace {

using Vector = PackingProblem::Vector;

constexpr double kEps = 1e-12;
// Above this many bins a move looks at a deterministic random sample of bins, not all of them.
constexpr int kScannedBins = 256;
// Pairs are taken out of a bin only when it holds at most this many items (a bin of a hundred
// tiny items would make every step cost thousands of pairs), and out of the unplaced set only
// among its largest items.
constexpr int kMaxPairBinItems = 16;
constexpr int kMaxPairUnplaced = 24;
// An item that left a bin for the unplaced set stays out of that bin for this many steps.
constexpr qint64 kReturnTenure = 5;

/** How good a partial packing is: first the unplaced items' total size (summed over dimensions,
    as fractions of a bin), then the sum of their squared sizes, so that among equal totals the set
    of many small items, which are easier to place, is preferred. */
struct Key {
    double excess = 0; ///< the unplaced total
    double squares = 0;
    bool operator<(const Key &other) const
    {
        if (excess < other.excess - kEps)
            return true;
        if (excess > other.excess + kEps)
            return false;
        return squares < other.squares - kEps;
    }
};

/** One or two items moved as one: from a bin (out) or from the unplaced set (in). */
struct Group {
    int first = -1;
    int second = -1;
    Vector size{};
    double squares = 0;
};

class Search {
public:
    Search(const PackingProblem &problem, quint32 seed)
        : m_problem(problem)
        , m_random(seed)
    {
        const int n = problem.itemCount();
        m_squares.resize(n);
        m_size.resize(n);
        for (int i = 0; i < n; ++i) {
            m_size[i] = problem.normalisedSize(problem.items[i]);
            m_squares[i] = m_size[i] * m_size[i];
        }
        m_tabuUntil.assign(n, 0);
        m_leftBin.assign(n, -1);
        m_leftUntil.assign(n, 0);
    }

    qint64 work = 0;

    /** Tries to pack everything into `start.bins - 1` bins; true with the result in `result`.
        As in the paper: three bins are emptied and the search looks for the moment their items,
        and whatever the swaps left with them, fit into two. */
    bool saveOneBin(const Packing &start, qint64 effort, Packing &result)
    {
        if (start.bins < 2)
            return false;
        // Restart from the start with three other bins emptied when an attempt stalls: short
        // attempts with restarts solved more of the triplet instances than long ones (bench/density).
        const qint64 stallLimit = 100 + qint64(m_problem.itemCount()) / 4;
        for (int attempt = 0; work < effort; ++attempt) {
            load(start, attempt);
            if (run(effort, stallLimit)) {
                result = packing(start.method);
                return true;
            }
        }
        return false;
    }

private:
    void load(const Packing &start, int attempt)
    {
        const int n = m_problem.itemCount();
        std::vector<std::vector<int>> bins(start.bins);
        std::vector<double> fill(start.bins, 0.0);
        for (int i = 0; i < n; ++i) {
            bins[start.binOf[i]].push_back(i);
            fill[start.binOf[i]] += m_size[i];
        }
        // The first attempt empties the least-full bins, later ones bins drawn at random.
        std::vector<int> order(start.bins);
        for (int b = 0; b < start.bins; ++b)
            order[b] = b;
        m_spare = start.bins >= 3 ? 2 : 1;
        const int removed = m_spare + 1;
        m_split.clear();
        if (attempt == 0) {
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return fill[a] < fill[b]; });
        } else {
            for (int k = 0; k < removed; ++k)
                std::swap(order[k], order[k + int(m_random() % quint32(start.bins - k))]);
        }
        m_bins.clear();
        m_room.clear();
        m_unplaced.clear();
        m_unplacedLoad = Vector{};
        for (int k = 0; k < start.bins; ++k) {
            const int b = order[k];
            if (k < removed) {
                for (int item : bins[b])
                    addUnplaced(item);
            } else {
                Vector room = m_problem.capacity;
                for (int item : bins[b])
                    for (int d = 0; d < m_problem.dimensions; ++d)
                        room[d] -= m_problem.items[item][d];
                m_bins.push_back(std::move(bins[b]));
                m_room.push_back(room);
            }
        }
        std::fill(m_tabuUntil.begin(), m_tabuUntil.end(), 0);
        std::fill(m_leftBin.begin(), m_leftBin.end(), -1);
        m_iteration = 0;
    }

    void addUnplaced(int item)
    {
        m_unplaced.push_back(item);
        for (int d = 0; d < m_problem.dimensions; ++d)
            m_unplacedLoad[d] += m_problem.items[item][d];
    }
    void removeUnplaced(int item)
    {
        m_unplaced.erase(std::find(m_unplaced.begin(), m_unplaced.end(), item));
        for (int d = 0; d < m_problem.dimensions; ++d)
            m_unplacedLoad[d] -= m_problem.items[item][d];
    }

    /** The unplaced items' total size, in bins summed over dimensions: what the search lowers. */
    double excessOf(const Vector &load) const
    {
        double weight = 0;
        for (int d = 0; d < m_problem.dimensions; ++d)
            weight += double(load[d]) / double(m_problem.capacity[d]);
        return weight;
    }

    /** True when the unplaced items fit into `m_spare` bins: then the search has its packing. */
    bool unplacedFit()
    {
        for (int d = 0; d < m_problem.dimensions; ++d)
            if (m_unplacedLoad[d] > qint64(m_spare) * m_problem.capacity[d])
                return false;
        if (m_spare == 1)
            return true;
        // Two bins: an exhaustive split of the (few) unplaced items, largest first.
        std::vector<int> items = m_unplaced;
        if (items.size() > 24)
            return false;
        std::stable_sort(items.begin(), items.end(), [&](int a, int b) { return m_size[a] > m_size[b]; });
        std::vector<Vector> rooms(2, m_problem.capacity);
        m_split.assign(items.size(), 0);
        qint64 steps = 0;
        const std::function<bool(size_t)> place = [&](size_t k) {
            if (k == items.size())
                return true;
            if (++steps > 100'000)
                return false;
            for (int bin = 0; bin < 2; ++bin) {
                if (k == 0 && bin == 1)
                    break; // the two bins are interchangeable
                const Vector &size = m_problem.items[items[k]];
                if (!m_problem.fits(rooms[bin], size))
                    continue;
                for (int d = 0; d < m_problem.dimensions; ++d)
                    rooms[bin][d] -= size[d];
                m_split[k] = bin;
                if (place(k + 1))
                    return true;
                for (int d = 0; d < m_problem.dimensions; ++d)
                    rooms[bin][d] += size[d];
            }
            return false;
        };
        const bool fit = place(0);
        work += steps * 4;
        if (fit)
            m_unplaced = items; // in the order m_split refers to
        return fit;
    }
    double unplacedSquares() const
    {
        double sum = 0;
        for (int item : m_unplaced)
            sum += m_squares[item];
        return sum;
    }

    Group group(int first, int second = -1) const
    {
        Group g;
        g.first = first;
        g.second = second;
        g.size = m_problem.items[first];
        g.squares = m_squares[first];
        if (second >= 0) {
            for (int d = 0; d < m_problem.dimensions; ++d)
                g.size[d] += m_problem.items[second][d];
            g.squares += m_squares[second];
        }
        return g;
    }

    /** Moving `out` to the unplaced set and `in` into the bin changes nothing when they are the same sizes. */
    bool sameSizes(const Group &out, const Group &in) const
    {
        const auto &items = m_problem.items;
        if (out.first < 0 || (out.second < 0) != (in.second < 0))
            return false;
        if (in.second < 0)
            return items[out.first] == items[in.first];
        return (items[out.first] == items[in.first] && items[out.second] == items[in.second]) ||
               (items[out.first] == items[in.second] && items[out.second] == items[in.first]);
    }

    /** Tabu search until the unplaced items fit into one bin, the budget ends or it stalls. */
    bool run(qint64 effort, qint64 stallLimit)
    {
        const int dims = m_problem.dimensions;
        Key current{excessOf(m_unplacedLoad), unplacedSquares()};
        Key best = current;
        qint64 lastGain = 0;
        std::vector<Group> ins;
        std::vector<Group> outs;
        std::vector<int> scanned;
        while (!unplacedFit()) {
            if (work >= effort || m_iteration - lastGain > stallLimit)
                return false;
            ++m_iteration;
            // What can come in from the unplaced set: single items, and pairs of the largest ones.
            std::vector<int> largest = m_unplaced;
            std::stable_sort(largest.begin(), largest.end(), [&](int a, int b) { return m_size[a] > m_size[b]; });
            ins.clear();
            for (int item : largest)
                ins.push_back(group(item));
            const int pairable = std::min<int>(int(largest.size()), kMaxPairUnplaced);
            for (int a = 0; a < pairable; ++a)
                for (int b = a + 1; b < pairable; ++b)
                    ins.push_back(group(largest[a], largest[b]));
            work += qint64(ins.size());

            scanned.clear();
            const int binCount = int(m_bins.size());
            if (binCount <= kScannedBins) {
                for (int b = 0; b < binCount; ++b)
                    scanned.push_back(b);
            } else {
                for (int k = 0; k < kScannedBins; ++k)
                    scanned.push_back(int(m_random() % quint32(binCount)));
            }

            bool found = false;
            int ties = 0;
            Key bestMove;
            int moveBin = -1;
            Group moveOut;
            Group moveIn;
            for (int b : scanned) {
                const std::vector<int> &items = m_bins[b];
                outs.clear();
                outs.push_back(Group{}); // nothing out: a plain insertion
                for (int item : items)
                    if (m_tabuUntil[item] <= m_iteration)
                        outs.push_back(group(item));
                if (int(items.size()) <= kMaxPairBinItems) {
                    for (size_t x = 0; x < items.size(); ++x)
                        for (size_t y = x + 1; y < items.size(); ++y)
                            if (m_tabuUntil[items[x]] <= m_iteration && m_tabuUntil[items[y]] <= m_iteration)
                                outs.push_back(group(items[x], items[y]));
                }
                for (const Group &out : outs) {
                    Vector room = m_room[b];
                    if (out.first >= 0)
                        for (int d = 0; d < dims; ++d)
                            room[d] += out.size[d];
                    for (const Group &in : ins) {
                        ++work;
                        if (!m_problem.fits(room, in.size) || sameSizes(out, in))
                            continue;
                        Vector load = m_unplacedLoad;
                        for (int d = 0; d < dims; ++d)
                            load[d] += (out.first >= 0 ? out.size[d] : 0) - in.size[d];
                        const Key key{excessOf(load),
                                      current.squares + (out.first >= 0 ? out.squares : 0) - in.squares};
                        // An item that just left this bin may not come straight back, unless that
                        // finishes the search.
                        if (barred(in.first, b) || barred(in.second, b))
                            continue;
                        // Equal moves are chosen between at random (deterministically seeded), so
                        // that the search does not circle through the same few layouts.
                        bool take = !found || key < bestMove;
                        if (!take && !(bestMove < key)) {
                            ++ties;
                            take = m_random() % quint32(ties + 1) == 0;
                        } else if (take) {
                            ties = 0;
                        }
                        if (take) {
                            found = true;
                            bestMove = key;
                            moveBin = b;
                            moveOut = out;
                            moveIn = in;
                        }
                    }
                }
            }
            if (!found)
                return false;
            apply(moveBin, moveOut, moveIn);
            current = Key{excessOf(m_unplacedLoad), unplacedSquares()};
            if (current < best) {
                best = current;
                lastGain = m_iteration;
            }
        }
        return true;
    }

    bool barred(int item, int bin) const
    {
        return item >= 0 && m_leftBin[item] == bin && m_leftUntil[item] > m_iteration;
    }

    void apply(int bin, const Group &out, const Group &in)
    {
        const int dims = m_problem.dimensions;
        auto &items = m_bins[bin];
        for (int item : {out.first, out.second}) {
            if (item < 0)
                continue;
            items.erase(std::find(items.begin(), items.end(), item));
            for (int d = 0; d < dims; ++d)
                m_room[bin][d] += m_problem.items[item][d];
            addUnplaced(item);
            m_leftBin[item] = bin;
            m_leftUntil[item] = m_iteration + kReturnTenure;
        }
        // What just came in may not leave again for a while: that is what stops the search from
        // undoing its last move.
        const qint64 tenure = 1 + qint64(m_random() % 4u);
        for (int item : {in.first, in.second}) {
            if (item < 0)
                continue;
            removeUnplaced(item);
            items.push_back(item);
            for (int d = 0; d < dims; ++d)
                m_room[bin][d] -= m_problem.items[item][d];
            m_tabuUntil[item] = m_iteration + tenure;
        }
    }

    Packing packing(const QString &method) const
    {
        Packing p;
        p.method = method;
        p.binOf.assign(m_problem.itemCount(), -1);
        for (int b = 0; b < int(m_bins.size()); ++b)
            for (int item : m_bins[b])
                p.binOf[item] = b;
        // The unplaced items fill the spare bins (all in the first when one is enough).
        int used = 0;
        for (size_t k = 0; k < m_unplaced.size(); ++k) {
            const int spare = m_spare == 2 && k < m_split.size() ? m_split[k] : 0;
            p.binOf[m_unplaced[k]] = int(m_bins.size()) + spare;
            used = std::max(used, spare + 1);
        }
        p.bins = int(m_bins.size()) + used;
        return p;
    }

    const PackingProblem &m_problem;
    std::mt19937 m_random;
    std::vector<double> m_size;
    std::vector<double> m_squares;
    std::vector<qint64> m_tabuUntil; ///< per item: the iteration before which it stays in its bin
    std::vector<int> m_leftBin;      ///< per item: the bin it last left for the unplaced set
    std::vector<qint64> m_leftUntil; ///< and the iteration before which it may not go back there
    std::vector<std::vector<int>> m_bins;
    std::vector<Vector> m_room;
    std::vector<int> m_unplaced;
    Vector m_unplacedLoad{};
    qint64 m_iteration = 0;
    int m_spare = 1;          ///< the bins the unplaced items must fit into at the end
    std::vector<int> m_split; ///< per unplaced item (in m_unplaced's order), its spare bin
};

} // namespace

Packing ConsistentSearch::improve(const PackingProblem &problem, const Packing &start, int lowerBound, qint64 effort,
                                  quint32 seed)
{
    if (start.bins <= lowerBound || problem.itemCount() == 0)
        return start;
    Search search(problem, seed);
    Packing best = start;
    Packing saved;
    while (best.bins > lowerBound && search.work < effort && search.saveOneBin(best, effort, saved))
        best = std::move(saved);
    if (best.bins < start.bins)
        best.method = start.method + QStringLiteral("+cns");
    return best;
}

} // namespace landfall
