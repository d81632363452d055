#include "exactpacker.h"

#include "ffdpacker.h"

#include <algorithm>

namespace landfall {

namespace {

using Vector = PackingProblem::Vector;

class Search {
public:
    Search(const PackingProblem &problem, int upperBound, int lowerBound, qint64 nodeLimit)
        : m_problem(problem)
        , m_order(FfdPacker::decreasingOrder(problem))
        , m_best(upperBound)
        , m_lowerBound(lowerBound)
        , m_nodeLimit(nodeLimit)
    {
        const int n = problem.itemCount();
        m_assigned.assign(n, -1);
        m_suffix.assign(n + 1, Vector{});
        for (int i = n - 1; i >= 0; --i)
            for (int d = 0; d < problem.dimensions; ++d)
                m_suffix[i][d] = m_suffix[i + 1][d] + problem.items[m_order[i]][d];
    }

    void run() { descend(0); }
    bool aborted() const { return m_nodes > m_nodeLimit; }
    bool improved() const { return !m_bestAssignment.empty(); }
    int best() const { return m_best; }
    const std::vector<int> &bestAssignment() const { return m_bestAssignment; }

private:
    void descend(int position)
    {
        if (++m_nodes > m_nodeLimit || m_best <= m_lowerBound)
            return;
        const int open = int(m_room.size());
        if (position == int(m_order.size())) {
            if (open < m_best) {
                m_best = open;
                m_bestAssignment = m_assigned;
            }
            return;
        }
        // Bound: what is left must fit into the open bins' room plus new bins.
        for (int d = 0; d < m_problem.dimensions; ++d) {
            qint64 room = 0;
            for (const Vector &r : m_room)
                room += r[d];
            const qint64 excess = m_suffix[position][d] - room;
            const qint64 extra = excess <= 0 ? 0 : (excess + m_problem.capacity[d] - 1) / m_problem.capacity[d];
            if (open + extra >= m_best)
                return;
        }
        const int item = m_order[position];
        const Vector &size = m_problem.items[item];
        // Equal items are interchangeable: an item goes no lower than its equal predecessor's bin.
        int firstBin = 0;
        if (position > 0 && m_problem.items[m_order[position - 1]] == size)
            firstBin = m_assigned[m_order[position - 1]];
        for (int bin = firstBin; bin < open; ++bin) {
            if (!m_problem.fits(m_room[bin], size))
                continue;
            // Bins with the same room are interchangeable: try only the first of them.
            bool seen = false;
            for (int earlier = 0; earlier < bin && !seen; ++earlier)
                seen = m_room[earlier] == m_room[bin];
            if (seen)
                continue;
            for (int d = 0; d < m_problem.dimensions; ++d)
                m_room[bin][d] -= size[d];
            m_assigned[item] = bin;
            descend(position + 1);
            for (int d = 0; d < m_problem.dimensions; ++d)
                m_room[bin][d] += size[d];
        }
        if (open + 1 < m_best) {
            Vector room = m_problem.capacity;
            for (int d = 0; d < m_problem.dimensions; ++d)
                room[d] -= size[d];
            m_room.push_back(room);
            m_assigned[item] = open;
            descend(position + 1);
            m_room.pop_back();
        }
        m_assigned[item] = -1;
    }

    const PackingProblem &m_problem;
    std::vector<int> m_order;
    std::vector<Vector> m_suffix;
    std::vector<Vector> m_room;
    std::vector<int> m_assigned;
    std::vector<int> m_bestAssignment;
    int m_best;
    int m_lowerBound;
    qint64 m_nodeLimit;
    qint64 m_nodes = 0;
};

} // namespace

ExactPacker::Outcome ExactPacker::solve(const PackingProblem &problem, int upperBound, int lowerBound, qint64 nodeLimit)
{
    Outcome outcome;
    if (upperBound <= lowerBound) {
        outcome.finished = true;
        return outcome;
    }
    Search search(problem, upperBound, lowerBound, nodeLimit);
    search.run();
    outcome.finished = !search.aborted() || search.best() <= lowerBound;
    if (search.improved()) {
        Packing packing;
        packing.method = QStringLiteral("exact");
        packing.binOf = search.bestAssignment();
        packing.bins = search.best();
        outcome.better = packing;
    }
    return outcome;
}

} // namespace landfall
