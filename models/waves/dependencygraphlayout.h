#pragma once

#include <QList>
#include <QPointF>

#include <utility>

namespace landfall {

/** A layered drawing of a small dependency graph, clients to the left of the servers they
    depend on: each node's layer is its longest path from a client (cycles broken where a
    depth-first walk finds them), and each layer is ordered by the mean position of its
    predecessors to keep crossings few; a layer of more than kMaxColumnHeight nodes is folded into
    columns. Small graphs only (one group and its neighbours). */
class DependencyGraphLayout {
public:
    static constexpr double kLayerSpacing = 220;
    static constexpr double kNodeSpacing = 56;
    static constexpr double kColumnSpacing = 190; ///< between the columns a tall layer is folded into
    static constexpr int kMaxColumnHeight = 10;

    /** The centre of each of `nodeCount` nodes for `edges` (client, server) between them. */
    static QList<QPointF> layout(int nodeCount, const QList<std::pair<int, int>> &edges);
};

} // namespace landfall
