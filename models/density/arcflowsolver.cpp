#include "arcflowsolver.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace landfall {

namespace {

/** One arc of the graph: an item of type `type` from position `from` to `to`, or a loss arc
    (type -1) from `from` to the bin's end. */
struct Arc {
    int from = 0;
    int to = 0;
    int type = -1;
};

/** Distinct sizes, largest first, with how many items have each. */
struct ItemTypes {
    std::vector<qint64> size;
    std::vector<int> count;
    std::vector<std::vector<int>> items; ///< the items of each type, in index order
};

ItemTypes itemTypes(const PackingProblem &problem, int dimension)
{
    std::vector<int> order(problem.items.size());
    for (int i = 0; i < int(order.size()); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return problem.items[a][dimension] > problem.items[b][dimension]; });
    ItemTypes types;
    for (int i : order) {
        const qint64 s = problem.items[i][dimension];
        if (s <= 0)
            continue; // no arc for it (it would be a loop): it joins the first bin at the end
        if (types.size.empty() || types.size.back() != s) {
            types.size.push_back(s);
            types.count.push_back(0);
            types.items.emplace_back();
        }
        ++types.count.back();
        types.items.back().push_back(i);
    }
    return types;
}

/** Valerio de Carvalho's graph: item arcs in decreasing size order along each path (so each bin
    is one path, its items sorted), at most `count` items of a type on a path, and loss arcs from
    every position reached to the end. Empty when it would have more than maxArcs arcs. */
std::vector<Arc> buildGraph(const ItemTypes &types, qint64 capacity, qint64 maxArcs)
{
    const int w = int(capacity);
    constexpr int kUnreached = std::numeric_limits<int>::max();
    std::vector<char> reached(size_t(w) + 1, 0);
    reached[0] = 1;
    std::vector<int> copies(size_t(w) + 1, kUnreached);
    std::vector<Arc> arcs;
    for (int t = 0; t < int(types.size.size()); ++t) {
        const int s = int(types.size[t]);
        // copies[a]: the fewest items of this type on a path that reaches a in this pass.
        for (int a = 0; a <= w; ++a)
            copies[a] = reached[a] ? 0 : kUnreached;
        for (int a = 0; a + s <= w; ++a) {
            if (copies[a] >= types.count[t])
                continue; // unreached, or no copy of this type left for the path
            arcs.push_back({a, a + s, t});
            if (qint64(arcs.size()) > maxArcs)
                return {};
            copies[a + s] = std::min(copies[a + s], copies[a] + 1);
        }
        for (int a = 0; a <= w; ++a)
            if (copies[a] != kUnreached)
                reached[a] = 1;
    }
    for (int a = 1; a < w; ++a)
        if (reached[a])
            arcs.push_back({a, w, -1});
    if (qint64(arcs.size()) > maxArcs)
        return {};
    return arcs;
}

/** Stops the branch and bound after a fixed number of nodes: a count, not a clock, so the
    outcome is the same on every run. */
void stopAfterNodes(glp_tree *tree, void *info)
{
    const qint64 limit = *static_cast<const qint64 *>(info);
    int active = 0;
    int current = 0;
    int total = 0;
    glp_ios_tree_size(tree, &active, &current, &total);
    if (total > limit)
        glp_ios_terminate(tree);
}

struct ProblemDeleter {
    void operator()(glp_prob *p) const { glp_delete_prob(p); }
};

} // namespace

int ArcFlowSolver::bindingDimension(const PackingProblem &problem)
{
    int binding = -1;
    for (int d = 0; d < problem.dimensions; ++d) {
        qint64 sum = 0;
        for (const auto &item : problem.items)
            sum += item[d];
        if (sum <= problem.capacity[d])
            continue; // every subset of the items fits in this dimension: it never binds
        if (binding >= 0)
            return -1;
        binding = d;
    }
    return binding;
}

ArcFlowSolver::Outcome ArcFlowSolver::solve(const PackingProblem &problem, int upperBound, int lowerBound,
                                            const Limits &limits, const ResidualPacker &residual)
{
    Outcome outcome;
    const int d = bindingDimension(problem);
    if (d < 0 || problem.items.empty() || problem.capacity[d] > 4'000'000)
        return outcome;
    const ItemTypes types = itemTypes(problem, d);
    if (types.size.empty() || types.size.front() > problem.capacity[d])
        return outcome; // an item that fits nowhere: not a packing problem
    const qint64 capacity = problem.capacity[d];
    const std::vector<Arc> arcs = buildGraph(types, capacity, limits.maxArcs);
    if (arcs.empty())
        return outcome;
    outcome.applicable = true;
    outcome.arcs = int(arcs.size());

    // Rows: flow conservation at every position reached below the capacity (the source's row
    // says its outflow is z), then one covering row per item type. Columns: the arcs, then z.
    const int w = int(capacity);
    std::vector<int> rowOfPosition(size_t(w) + 1, 0);
    int rows = 0;
    rowOfPosition[0] = ++rows;
    for (const Arc &arc : arcs) {
        for (int position : {arc.from, arc.to})
            if (position != w && rowOfPosition[position] == 0)
                rowOfPosition[position] = ++rows;
    }
    const int positionRows = rows;
    const int typeRows = int(types.size.size());
    std::unique_ptr<glp_prob, ProblemDeleter> lp(glp_create_prob());
    glp_set_obj_dir(lp.get(), GLP_MIN);
    glp_add_rows(lp.get(), positionRows + typeRows);
    for (int r = 1; r <= positionRows; ++r)
        glp_set_row_bnds(lp.get(), r, GLP_FX, 0, 0);
    for (int t = 0; t < typeRows; ++t)
        glp_set_row_bnds(lp.get(), positionRows + 1 + t, GLP_LO, types.count[t], 0);
    const int columns = int(arcs.size()) + 1;
    const int z = columns;
    glp_add_cols(lp.get(), columns);
    std::vector<int> ia{0};
    std::vector<int> ja{0};
    std::vector<double> ar{0};
    auto entry = [&](int row, int column, double value) {
        ia.push_back(row);
        ja.push_back(column);
        ar.push_back(value);
    };
    for (int c = 0; c < int(arcs.size()); ++c) {
        const Arc &arc = arcs[c];
        glp_set_col_bnds(lp.get(), c + 1, GLP_LO, 0, 0);
        glp_set_col_kind(lp.get(), c + 1, GLP_IV);
        entry(rowOfPosition[arc.from], c + 1, -1); // out of `from`
        if (arc.to != w)
            entry(rowOfPosition[arc.to], c + 1, 1); // into `to`
        if (arc.type >= 0)
            entry(positionRows + 1 + arc.type, c + 1, 1);
    }
    glp_set_col_bnds(lp.get(), z, GLP_LO, 0, 0);
    glp_set_col_kind(lp.get(), z, GLP_IV);
    glp_set_obj_coef(lp.get(), z, 1);
    entry(rowOfPosition[0], z, 1); // z - out(0) = 0
    glp_load_matrix(lp.get(), int(ia.size()) - 1, ia.data(), ja.data(), ar.data());

    glp_smcp simplex;
    glp_init_smcp(&simplex);
    simplex.msg_lev = GLP_MSG_OFF;
    simplex.it_lim = int(std::min<qint64>(limits.simplexIterations, std::numeric_limits<int>::max()));
    if (glp_simplex(lp.get(), &simplex) != 0 || glp_get_status(lp.get()) != GLP_OPT)
        return outcome;
    // The LP optimum is a real number; 1e-6 keeps round-off from adding a bin.
    outcome.lpBound = int(std::ceil(glp_get_obj_val(lp.get()) - 1e-6));
    const int lower = std::max(lowerBound, outcome.lpBound);
    if (lower >= upperBound) {
        outcome.provedOptimal = true;
        return outcome;
    }

    // The LP's flow split into paths (bins), each taken as many whole times as its flow: the
    // items left over are few, and packing them apart usually reaches ceil(LP).
    {
        std::vector<double> flow(arcs.size());
        std::vector<std::vector<int>> outOf(size_t(w) + 1);
        for (int c = 0; c < int(arcs.size()); ++c) {
            flow[c] = glp_get_col_prim(lp.get(), c + 1);
            if (flow[c] > 1e-9)
                outOf[arcs[c].from].push_back(c);
        }
        Packing packing;
        packing.binOf.assign(problem.items.size(), -1);
        std::vector<size_t> nextOfType(types.size.size(), 0);
        for (;;) {
            // The path that follows the largest flow out of every position, and its bottleneck.
            std::vector<int> path;
            double bottleneck = std::numeric_limits<double>::max();
            for (int position = 0; position != w;) {
                int chosen = -1;
                for (int c : outOf[position])
                    if (flow[c] > 1e-9 && (chosen < 0 || flow[c] > flow[chosen]))
                        chosen = c;
                if (chosen < 0)
                    break;
                path.push_back(chosen);
                bottleneck = std::min(bottleneck, flow[chosen]);
                position = arcs[chosen].to;
            }
            if (path.empty())
                break;
            for (int c : path)
                flow[c] -= bottleneck;
            for (long copy = 0; copy < long(std::floor(bottleneck + 1e-9)); ++copy) {
                bool used = false;
                for (int c : path) {
                    const int t = arcs[c].type;
                    if (t >= 0 && nextOfType[t] < types.items[t].size()) {
                        packing.binOf[types.items[t][nextOfType[t]++]] = packing.bins;
                        used = true;
                    }
                }
                if (used)
                    ++packing.bins;
            }
        }
        PackingProblem rest;
        rest.dimensions = problem.dimensions;
        rest.capacity = problem.capacity;
        std::vector<int> restItems;
        for (int i = 0; i < problem.itemCount(); ++i)
            if (packing.binOf[i] < 0) {
                restItems.push_back(i);
                rest.items.push_back(problem.items[i]);
            }
        if (!rest.items.empty()) {
            const Packing restPacking = residual(rest);
            for (size_t k = 0; k < restItems.size(); ++k)
                packing.binOf[restItems[k]] = packing.bins + restPacking.binOf[k];
            packing.bins += restPacking.bins;
        }
        if (packing.bins < upperBound) {
            packing.method = QStringLiteral("arc-flow");
            packing.provedOptimal = packing.bins <= lower;
            upperBound = packing.bins;
            outcome.better = packing;
            if (packing.provedOptimal) {
                outcome.provedOptimal = true;
                return outcome;
            }
        }
    }
    if (limits.nodeLimit <= 0)
        return outcome;

    // Is there a packing with fewer bins than the best known? z in [lower, upperBound - 1].
    glp_set_col_bnds(lp.get(), z, lower == upperBound - 1 ? GLP_FX : GLP_DB, lower, upperBound - 1);
    simplex.meth = GLP_DUALP;
    if (glp_simplex(lp.get(), &simplex) != 0)
        return outcome;
    if (glp_get_status(lp.get()) == GLP_NOFEAS) {
        outcome.provedOptimal = true;
        return outcome;
    }
    if (glp_get_status(lp.get()) != GLP_OPT)
        return outcome;
    glp_iocp integer;
    glp_init_iocp(&integer);
    integer.msg_lev = GLP_MSG_OFF;
    qint64 nodeLimit = limits.nodeLimit;
    integer.cb_func = stopAfterNodes;
    integer.cb_info = &nodeLimit;
    const int status = glp_intopt(lp.get(), &integer);
    const int mipStatus = glp_mip_status(lp.get());
    if (status == 0 && mipStatus == GLP_NOFEAS) {
        outcome.provedOptimal = true; // no packing in fewer bins than upperBound: the best known is optimal
        return outcome;
    }
    if (mipStatus != GLP_OPT && mipStatus != GLP_FEAS)
        return outcome;

    // Each unit of flow from 0 to the end is one bin; surplus copies of a type are dropped.
    std::vector<std::vector<int>> outOf(size_t(w) + 1);
    std::vector<long> flow(arcs.size());
    for (int c = 0; c < int(arcs.size()); ++c) {
        flow[c] = std::lround(glp_mip_col_val(lp.get(), c + 1));
        if (flow[c] > 0)
            outOf[arcs[c].from].push_back(c);
    }
    Packing packing;
    packing.binOf.assign(problem.items.size(), -1);
    std::vector<size_t> nextOfType(types.size.size(), 0);
    const long paths = std::lround(glp_mip_col_val(lp.get(), z));
    for (long path = 0; path < paths; ++path) {
        bool used = false;
        for (int position = 0; position != w;) {
            auto &out = outOf[position];
            while (!out.empty() && flow[out.back()] == 0)
                out.pop_back();
            if (out.empty())
                break; // the path ends here: the rest of the bin is empty
            const int c = out.back();
            --flow[c];
            const Arc &arc = arcs[c];
            if (arc.type >= 0 && nextOfType[arc.type] < types.items[arc.type].size()) {
                packing.binOf[types.items[arc.type][nextOfType[arc.type]++]] = packing.bins;
                used = true;
            }
            position = arc.to;
        }
        if (used)
            ++packing.bins;
    }
    for (int i = 0; i < problem.itemCount(); ++i) {
        if (packing.binOf[i] >= 0)
            continue;
        if (problem.items[i][d] > 0 || packing.bins == 0)
            return outcome;   // cannot happen with a feasible flow; never return a partial packing
        packing.binOf[i] = 0; // empty in the binding dimension, and the others never bind
    }
    packing.method = QStringLiteral("arc-flow");
    // Optimal when the integer program finished, or when it reached the lower bound.
    packing.provedOptimal = (status == 0 && mipStatus == GLP_OPT) || packing.bins <= lower;
    outcome.provedOptimal = packing.provedOptimal;
    if (packing.bins < upperBound)
        outcome.better = std::move(packing);
    return outcome;
}

} // namespace landfall
