#include "itemindex.h"

namespace landfall {

namespace {

std::vector<PackingProblem::Vector> negated(int dimensions, std::vector<PackingProblem::Vector> items)
{
    for (PackingProblem::Vector &item : items)
        for (int d = 0; d < dimensions; ++d)
            item[d] = -item[d];
    return items;
}

} // namespace

ItemIndex::ItemIndex(int dimensions, const std::vector<PackingProblem::Vector> &items,
                     const PackingProblem::Vector &capacity)
    : m_dimensions(dimensions)
    , m_tree(dimensions, negated(dimensions, items), capacity)
{}

bool ItemIndex::fitting(const PackingProblem::Vector &room, int from, int count, int visitLimit,
                        std::vector<int> &out) const
{
    PackingProblem::Vector query{};
    for (int d = 0; d < m_dimensions; ++d)
        query[d] = -room[d];
    return m_tree.collect(query, from, count, visitLimit, out);
}

} // namespace landfall
