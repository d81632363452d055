#pragma once

#include "packing.h"
#include "packingproblem.h"

#include <QtGlobal>

#include <functional>
#include <optional>

namespace landfall {

/** The arc-flow model of one-dimensional bin packing (Valerio de Carvalho, 1999), solved with
    GLPK: its LP relaxation gives the Gilmore-Gomory bound, and the integer program, capped by a
    count of branch-and-bound nodes, finds a better packing or proves the one we have optimal. */
class ArcFlowSolver {
public:
    struct Limits {
        qint64 maxArcs = 6'000;            ///< larger graphs are not built (the LP would cost too much)
        qint64 simplexIterations = 30'000; ///< per LP solve: a count, so the result is deterministic
        qint64 nodeLimit = 60;             ///< branch-and-bound nodes of the integer program; 0: none
    };
    struct Outcome {
        bool applicable = false; ///< one binding dimension and a graph within maxArcs
        int arcs = 0;
        int lpBound = 0; ///< ceil of the LP relaxation: a lower bound on the bins
        std::optional<Packing> better;
        bool provedOptimal = false; ///< the best known packing (better, else upperBound) is optimal
    };
    /** The one dimension that can bind (the others' totals fit into one bin), or -1. */
    static int bindingDimension(const PackingProblem &problem);
    /** Packs the items the rounded LP solution leaves over (a small problem of the same kind). */
    using ResidualPacker = std::function<Packing(const PackingProblem &)>;
    /** `upperBound`: the bins of the best packing known; `lowerBound`: the best bound known.
        First the LP's paths rounded down, the rest packed by `residual`; then, if that does not
        reach the bound, the integer program within limits.nodeLimit. */
    static Outcome solve(const PackingProblem &problem, int upperBound, int lowerBound, const Limits &limits,
                         const ResidualPacker &residual);
};

} // namespace landfall
