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
};

/** The packing of one pool and the bound that says how good it is. */
struct PackOutcome {
    Packing packing;
    LowerBound bound;
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
