#include "binindex.h"

namespace landfall {

BinIndex::BinIndex(int dimensions, int bins, const PackingProblem::Vector &initial)
    : m_dimensions(dimensions)
    , m_bins(bins)
{
    while (m_size < bins)
        m_size *= 2;
    PackingProblem::Vector closed;
    closed.fill(-1);
    m_max.assign(2 * m_size, closed);
    for (int bin = 0; bin < bins; ++bin)
        m_max[m_size + bin] = initial;
    for (int node = m_size - 1; node >= 1; --node)
        pull(node);
}

void BinIndex::pull(int node)
{
    for (int d = 0; d < m_dimensions; ++d)
        m_max[node][d] = std::max(m_max[2 * node][d], m_max[2 * node + 1][d]);
}

void BinIndex::set(int bin, const PackingProblem::Vector &remaining)
{
    int node = m_size + bin;
    m_max[node] = remaining;
    for (node /= 2; node >= 1; node /= 2)
        pull(node);
}

void BinIndex::close(int bin)
{
    PackingProblem::Vector closed;
    closed.fill(-1);
    set(bin, closed);
}

int BinIndex::firstFit(const PackingProblem::Vector &item, int visitLimit, int from) const
{
    int visits = visitLimit;
    const int bin = find(1, 0, m_size, item, from, visits);
    return bin < 0 && visits < 0 ? kGaveUp : bin;
}

int BinIndex::find(int node, int first, int width, const PackingProblem::Vector &item, int from, int &visits) const
{
    if (first + width <= from) // leaves [first, first + width) all lie below `from`
        return -1;
    if (--visits < 0)
        return -1;
    // A subtree whose best room in one dimension is too small cannot hold the item; the maxima
    // of different dimensions may come from different bins, so a leaf is checked exactly.
    for (int d = 0; d < m_dimensions; ++d)
        if (m_max[node][d] < item[d])
            return -1;
    if (node >= m_size)
        return node - m_size < m_bins ? node - m_size : -1;
    const int half = width / 2;
    const int left = find(2 * node, first, half, item, from, visits);
    return left >= 0 ? left : find(2 * node + 1, first + half, half, item, from, visits);
}

} // namespace landfall
