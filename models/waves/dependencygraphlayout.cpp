#include "dependencygraphlayout.h"

#include <algorithm>
#include <vector>

namespace landfall {

QList<QPointF> DependencyGraphLayout::layout(int nodeCount, const QList<std::pair<int, int>> &edges)
{
    const size_t n = size_t(std::max(nodeCount, 0));
    std::vector<std::vector<int>> out(n);
    for (const auto &[from, to] : edges) {
        if (from >= 0 && to >= 0 && size_t(from) < n && size_t(to) < n && from != to)
            out[size_t(from)].push_back(to);
    }
    // Depth-first walk from every node: an edge to a node on the walk's stack closes a cycle and is dropped.
    enum State { Unseen, OnStack, Done };
    std::vector<State> state(n, Unseen);
    std::vector<std::vector<int>> acyclic(n);
    std::vector<int> topological;
    for (size_t root = 0; root < n; ++root) {
        if (state[root] != Unseen)
            continue;
        std::vector<std::pair<int, size_t>> stack{{int(root), 0}};
        state[root] = OnStack;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            if (next < out[size_t(node)].size()) {
                const int to = out[size_t(node)][next++];
                if (state[size_t(to)] == OnStack)
                    continue;
                acyclic[size_t(node)].push_back(to);
                if (state[size_t(to)] == Unseen) {
                    state[size_t(to)] = OnStack;
                    stack.push_back({to, 0});
                }
            } else {
                state[size_t(node)] = Done;
                topological.push_back(node);
                stack.pop_back();
            }
        }
    }
    std::reverse(topological.begin(), topological.end());
    std::vector<int> layer(n, 0);
    for (const int node : topological) {
        for (const int to : acyclic[size_t(node)])
            layer[size_t(to)] = std::max(layer[size_t(to)], layer[size_t(node)] + 1);
    }
    const int layers = n == 0 ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
    std::vector<std::vector<int>> byLayer(static_cast<size_t>(layers));
    for (const int node : topological)
        byLayer[size_t(layer[size_t(node)])].push_back(node);

    std::vector<std::vector<int>> in(n);
    for (size_t from = 0; from < n; ++from) {
        for (const int to : acyclic[from])
            in[size_t(to)].push_back(int(from));
    }
    std::vector<double> row(n, 0);
    for (auto &nodes : byLayer) {
        std::vector<double> key(n, 0);
        for (const int node : nodes) {
            double sum = 0;
            for (const int from : in[size_t(node)])
                sum += row[size_t(from)];
            key[size_t(node)] = in[size_t(node)].empty() ? double(node) : sum / double(in[size_t(node)].size());
        }
        std::stable_sort(nodes.begin(), nodes.end(), [&](int a, int b) { return key[size_t(a)] < key[size_t(b)]; });
        for (size_t i = 0; i < nodes.size(); ++i)
            row[size_t(nodes[i])] = double(i);
    }
    // A layer of many nodes (a group's forty web servers) is folded into columns of its own.
    size_t tallest = 0;
    for (const auto &nodes : byLayer)
        tallest = std::max(tallest, std::min(nodes.size(), size_t(kMaxColumnHeight)));
    QList<QPointF> positions(static_cast<qsizetype>(n));
    double x = 0;
    for (size_t l = 0; l < byLayer.size(); ++l) {
        const size_t count = byLayer[l].size();
        const size_t columns = (count + kMaxColumnHeight - 1) / kMaxColumnHeight;
        const size_t height = std::min(count, size_t(kMaxColumnHeight));
        const double offset = (double(tallest) - double(height)) * kNodeSpacing / 2;
        for (size_t i = 0; i < count; ++i) {
            const double column = double(i / kMaxColumnHeight);
            positions[byLayer[l][i]] =
                QPointF(x + column * kColumnSpacing, offset + double(i % kMaxColumnHeight) * kNodeSpacing);
        }
        x += double(columns - 1) * kColumnSpacing + kLayerSpacing;
    }
    return positions;
}

} // namespace landfall
