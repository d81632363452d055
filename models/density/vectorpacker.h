#pragma once

#include "lowerbounds.h"
#include "packing.h"
#include "packingproblem.h"

#include <QtGlobal>

#include <limits>

namespace landfall {

/** How hard the packer tries: the local search budget and the size below which it is exact. */
struct PackerSettings {
    qint64 searchEffort = 60'000'000; ///< local search work units (about 0.25 s on one core)
    int exactMaxItems = 40;           ///< pools this small get branch and bound
    qint64 exactNodeLimit = 2'000'000;
    bool localSearch = true;
    bool ffdOnly = false; ///< plain first-fit decreasing, as a baseline for benchmarks
    /** Above this many items only FFD and L2-norm run (the engine sets it for speed). */
    int allHeuristicsMaxItems = std::numeric_limits<int>::max();
    /** Pools up to this many items get the consistent neighbourhood search after the repack
        search: a workshop's pools are a few hundred workloads, where it closes the gap. */
    int certifyMaxItems = 5000;
    /** Its work units; -1: three quarters of searchEffort (the repack search keeps the rest), so
        the scenario's time budget caps both. */
    qint64 certifyEffort = -1;
    /** One-dimensional pools up to certifyMaxItems (or where one dimension alone binds) are
        solved as an arc-flow model: its LP gives the Gilmore-Gomory bound, its integer program
        finds or proves the optimum. Capped by the graph's size and a node count. */
    bool arcFlow = true;
    /** Larger graphs are left to the neighbourhood search: GLPK's simplex costs about 40 ms of
        CPU at 3,000 arcs (the u class) and 2 s at 27,000 (the t class, which the search solves). */
    qint64 arcFlowMaxArcs = 6'000;
    /** Branch-and-bound nodes of the arc-flow integer program, tried when the rounded LP does
        not reach the bound; -1: searchEffort / 1,000,000. Simplex iterations: searchEffort / 2,000. */
    qint64 arcFlowNodeLimit = -1;
};

/** The packing of one pool and the bound that says how good it is. */
struct PackOutcome {
    Packing packing;
    LowerBound bound;
    /** What proved an optimum above the bound: "exhaustive search" or "the arc-flow integer
        program"; empty when nothing did. */
    QString proof;
    /** What the result proves, for the user: "optimal: ..." or "at most N nodes (x %) above the
        optimum: ...", naming the bound or the search that proves it. */
    QString certificate() const;
};

/** Runs every heuristic, keeps the best, improves it by local search and, for small pools, proves
    or finds the optimum. The one entry point the engine, the tests and the benchmarks use. */
class VectorPacker {
public:
    static PackOutcome pack(const PackingProblem &problem, const PackerSettings &settings = {});
};

} // namespace landfall
