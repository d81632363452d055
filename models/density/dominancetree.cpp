#include "dominancetree.h"

#include <algorithm>
#include <limits>

namespace landfall {

namespace {

constexpr qint64 kNever = std::numeric_limits<qint64>::min(); ///< a cleared leaf's value

} // namespace

DominanceTree::DominanceTree(int dimensions, int leaves, const Vector &initial, const Vector &scale)
    : m_dimensions(dimensions)
    , m_leaves(leaves)
{
    build(leaves, scale);
    std::fill(m_values.begin(), m_values.begin() + leaves, initial);
    summariseAll();
}

DominanceTree::DominanceTree(int dimensions, const std::vector<Vector> &values, const Vector &scale)
    : m_dimensions(dimensions)
    , m_leaves(int(values.size()))
{
    build(m_leaves, scale);
    std::copy(values.begin(), values.end(), m_values.begin());
    summariseAll();
}

void DominanceTree::build(int leaves, const Vector &scale)
{
    const int blocks = (leaves + kBlock - 1) / kBlock;
    while (m_size < blocks)
        m_size *= 2;
    for (int d = 0; d < std::min(m_dimensions, 2); ++d)
        m_scale[d] = scale[d] > 0 ? 1.0 / double(scale[d]) : 1.0;
    Vector never;
    never.fill(kNever);
    m_values.assign(size_t(m_size) * kBlock, never);
    Summary empty;
    empty.max = never;
    m_summary.assign(2 * m_size, empty);
}

void DominanceTree::summariseAll()
{
    for (int node = 2 * m_size - 1; node >= m_size; --node)
        summariseBlock(node);
    for (int node = m_size - 1; node >= 1; --node)
        pull(node);
}

void DominanceTree::set(int leaf, const Vector &value)
{
    m_values[leaf] = value;
    update(leaf);
}

void DominanceTree::clear(int leaf)
{
    m_values[leaf].fill(kNever);
    update(leaf);
}

void DominanceTree::update(int leaf)
{
    int node = m_size + leaf / kBlock;
    // An unchanged summary leaves every ancestor unchanged too: most updates stop low.
    for (bool changed = summariseBlock(node); changed && node > 1; changed = pull(node))
        node /= 2;
}

bool DominanceTree::summariseBlock(int node)
{
    Summary &summary = m_summary[node];
    const auto begin = m_values.begin() + qint64(node - m_size) * kBlock;
    bool changed = false;
    for (int d = 0; d < m_dimensions; ++d) {
        qint64 max = kNever;
        for (auto value = begin; value != begin + kBlock; ++value)
            max = std::max(max, (*value)[d]);
        changed = changed || summary.max[d] != max;
        summary.max[d] = max;
    }
    if (m_dimensions < 2)
        return changed;
    Front points;
    int count = 0;
    for (auto value = begin; value != begin + kBlock; ++value)
        if ((*value)[0] != kNever)
            points[count++] = {(*value)[0], (*value)[1]};
    for (int k = 1; k < count; ++k) // insertion sort, decreasing: a block is a handful of points
        for (int j = k; j > 0 && points[j - 1] < points[j]; --j)
            std::swap(points[j - 1], points[j]);
    return storeStaircase(points, count, summary) || changed;
}

bool DominanceTree::pull(int node)
{
    const Summary &left = m_summary[2 * node];
    const Summary &right = m_summary[2 * node + 1];
    Summary &out = m_summary[node];
    bool changed = false;
    for (int d = 0; d < m_dimensions; ++d) {
        const qint64 max = std::max(left.max[d], right.max[d]);
        changed = changed || out.max[d] != max;
        out.max[d] = max;
    }
    if (m_dimensions < 2)
        return changed;
    Front points;
    const int count = left.count + right.count;
    std::merge(left.steps.begin(), left.steps.begin() + left.count, right.steps.begin(),
               right.steps.begin() + right.count, points.begin(), [](const Step &a, const Step &b) { return a > b; });
    return storeStaircase(points, count, out) || changed;
}

bool DominanceTree::storeStaircase(const Front &points, int count, Summary &summary) const
{
    // The Pareto front: in dimension 0 decreasing order, a point counts only if it is larger in
    // dimension 1 than every point before it.
    Front front;
    int kept = 0;
    for (int k = 0; k < count; ++k)
        if (kept == 0 || points[k][1] > front[kept - 1][1])
            front[kept++] = points[k];
    // Too many points: replace the adjacent pair whose common upper corner adds the least
    // (normalised) area by that corner. The staircase stays above every leaf.
    while (kept > kSteps) {
        int cheapest = 0;
        double cheapestArea = std::numeric_limits<double>::infinity();
        for (int k = 0; k + 1 < kept; ++k) {
            const double area = double(front[k][0] - front[k + 1][0]) * m_scale[0] *
                                (double(front[k + 1][1] - front[k][1]) * m_scale[1]);
            if (area < cheapestArea) {
                cheapestArea = area;
                cheapest = k;
            }
        }
        front[cheapest][1] = front[cheapest + 1][1];
        std::copy(front.begin() + cheapest + 2, front.begin() + kept, front.begin() + cheapest + 1);
        --kept;
    }
    bool changed = kept != summary.count;
    for (int k = 0; k < kept && !changed; ++k)
        changed = front[k] != summary.steps[k];
    std::copy(front.begin(), front.begin() + kept, summary.steps.begin());
    summary.count = kept;
    return changed;
}

inline bool DominanceTree::mayMatch(const Summary &summary, const Vector &query) const
{
    for (int d = 0; d < m_dimensions; ++d)
        if (summary.max[d] < query[d])
            return false;
    if (m_dimensions < 2)
        return true;
    // Steps large enough in dimension 0 are a prefix; the last of them is the largest in 1.
    int k = 0;
    while (k < summary.count && summary.steps[k][0] >= query[0])
        ++k;
    return k > 0 && summary.steps[k - 1][1] >= query[1];
}

inline bool DominanceTree::matches(const Vector &value, const Vector &query) const
{
    for (int d = 0; d < m_dimensions; ++d)
        if (value[d] < query[d])
            return false;
    return true;
}

int DominanceTree::first(const Vector &query, int visitLimit, int from) const
{
    Walk walk{query, from, visitLimit};
    const int leaf = findFirst(1, 0, m_size * kBlock, walk);
    return leaf < 0 && walk.visits < 0 ? kGaveUp : leaf;
}

bool DominanceTree::collect(const Vector &query, int from, int count, int visitLimit, std::vector<int> &out) const
{
    Walk walk{query, from, visitLimit};
    findAll(1, 0, m_size * kBlock, walk, int(out.size()) + std::max(count, 0), out);
    return walk.visits >= 0;
}

int DominanceTree::findFirst(int node, int first, int width, Walk &walk) const
{
    if (first + width <= walk.from) // leaves [first, first + width) all lie before `from`
        return -1;
    if (--walk.visits < 0 || !mayMatch(m_summary[node], walk.query))
        return -1;
    if (node >= m_size) {
        for (int leaf = std::max(first, walk.from); leaf < first + kBlock; ++leaf)
            if (matches(m_values[leaf], walk.query))
                return leaf;
        return -1;
    }
    const int half = width / 2;
    const int left = findFirst(2 * node, first, half, walk);
    return left >= 0 ? left : findFirst(2 * node + 1, first + half, half, walk);
}

void DominanceTree::findAll(int node, int first, int width, Walk &walk, int count, std::vector<int> &out) const
{
    if (first + width <= walk.from || int(out.size()) >= count)
        return;
    if (--walk.visits < 0 || !mayMatch(m_summary[node], walk.query))
        return;
    if (node >= m_size) {
        for (int leaf = std::max(first, walk.from); leaf < first + kBlock && int(out.size()) < count; ++leaf)
            if (matches(m_values[leaf], walk.query))
                out.push_back(leaf);
        return;
    }
    const int half = width / 2;
    findAll(2 * node, first, half, walk, count, out);
    findAll(2 * node + 1, first + half, half, walk, count, out);
}

} // namespace landfall
