#include "vectorpacker.h"

#include "arcflowsolver.h"
#include "bincentricpacker.h"
#include "consistentsearch.h"
#include "exactpacker.h"
#include "ffdpacker.h"
#include "repacksearch.h"

namespace landfall {

PackOutcome VectorPacker::pack(const PackingProblem &problem, const PackerSettings &settings)
{
    PackOutcome outcome;
    outcome.bound = LowerBounds::compute(problem);
    const int lowerBound = outcome.bound.value();
    // In a fixed order, so that ties between heuristics always resolve the same way.
    const std::vector<int> order = FfdPacker::decreasingOrder(problem); // shared by the heuristics
    Packing best = FfdPacker::pack(problem, order);
    if (settings.ffdOnly) {
        best.provedOptimal = best.bins <= lowerBound;
        outcome.packing = std::move(best);
        return outcome;
    }
    // Large pools run FFD and L2-norm only: each greedy costs a few hundred ms at 100,000
    // items; on realistic estates dot-product tracks L2-norm within 0.2 % and pair-fill only
    // wins on perfect packings (see bench/density).
    const bool large = problem.itemCount() > settings.allHeuristicsMaxItems;
    for (BinCentricPacker::Rule rule :
         {BinCentricPacker::Rule::DotProduct, BinCentricPacker::Rule::L2Norm, BinCentricPacker::Rule::PairFill}) {
        if (best.bins <= lowerBound)
            break;
        if (large && rule != BinCentricPacker::Rule::L2Norm)
            continue;
        Packing candidate = BinCentricPacker::pack(problem, rule, order);
        if (candidate.bins < best.bins)
            best = std::move(candidate);
    }
    // Small pools share the budget between the repack search, quick on easy gains, and the
    // consistent neighbourhood search, which still moves when every bin is exactly full.
    const bool certify = settings.localSearch && problem.itemCount() <= settings.certifyMaxItems;
    qint64 repackEffort = settings.searchEffort;
    qint64 certifyEffort = 0;
    if (certify) {
        certifyEffort = settings.certifyEffort >= 0 ? settings.certifyEffort : settings.searchEffort / 4 * 3;
        if (settings.certifyEffort < 0)
            repackEffort = settings.searchEffort - certifyEffort;
    }
    if (settings.localSearch && best.bins > lowerBound)
        best = RepackSearch::improve(problem, best, lowerBound, repackEffort);
    best.provedOptimal = best.bins <= lowerBound;
    // Tiny pools are searched exhaustively first: where the optimum is above the bound, that
    // proves it, and the neighbourhood search would only spend its budget looking for less.
    if (!best.provedOptimal && problem.itemCount() <= settings.exactMaxItems) {
        const ExactPacker::Outcome exact = ExactPacker::solve(problem, best.bins, lowerBound, settings.exactNodeLimit);
        if (exact.better)
            best = *exact.better;
        best.provedOptimal = exact.finished || best.bins <= lowerBound;
        if (exact.finished && best.bins > lowerBound)
            outcome.proof = QStringLiteral("exhaustive search");
    }
    // One binding dimension: the arc-flow model raises the bound to Gilmore-Gomory's and its
    // integer program finds the optimum or proves ours (the u class of Falkenauer's instances
    // has optima above L1 that no heuristic proves).
    if (certify && settings.arcFlow && !best.provedOptimal) {
        ArcFlowSolver::Limits limits;
        limits.maxArcs = settings.arcFlowMaxArcs;
        limits.nodeLimit =
            settings.arcFlowNodeLimit >= 0 ? settings.arcFlowNodeLimit : settings.searchEffort / 1'000'000;
        limits.simplexIterations = std::max<qint64>(1'000, settings.searchEffort / 2'000);
        // The leftovers of the rounded LP: the heuristics and a short repack search, no arc flow.
        const auto residual = [&settings](const PackingProblem &rest) {
            PackerSettings small = settings;
            small.arcFlow = false;
            small.searchEffort = std::min<qint64>(settings.searchEffort / 20, 10'000'000);
            small.certifyEffort = -1;
            return VectorPacker::pack(rest, small).packing;
        };
        const ArcFlowSolver::Outcome arcFlow = ArcFlowSolver::solve(problem, best.bins, lowerBound, limits, residual);
        outcome.bound.arcFlow = arcFlow.lpBound;
        if (arcFlow.better) {
            const QString before = best.method;
            best = *arcFlow.better;
            best.method = before + QStringLiteral("+arc-flow");
        }
        if (arcFlow.provedOptimal) {
            best.provedOptimal = true;
            if (best.bins > outcome.bound.value())
                outcome.proof = QStringLiteral("the arc-flow integer program");
        }
    }
    if (certify && !best.provedOptimal) {
        best = ConsistentSearch::improve(problem, best, outcome.bound.value(), certifyEffort);
        best.provedOptimal = best.bins <= outcome.bound.value();
    }
    outcome.packing = std::move(best);
    return outcome;
}

QString PackOutcome::certificate() const
{
    const int lower = bound.value();
    if (packing.bins <= lower)
        return QStringLiteral("optimal: equals the lower bound (%1)").arg(QString::fromLatin1(bound.source()));
    if (packing.provedOptimal)
        return QStringLiteral("optimal: proven by %1 (lower bound %2)")
            .arg(proof.isEmpty() ? QStringLiteral("exhaustive search") : proof)
            .arg(lower);
    const int gap = packing.bins - lower;
    return QStringLiteral("at most %1 node%2 (%3 %) above the optimum: lower bound %4 (%5)")
        .arg(gap)
        .arg(gap == 1 ? QString() : QStringLiteral("s"))
        .arg(100.0 * double(gap) / double(lower), 0, 'f', 1)
        .arg(lower)
        .arg(QString::fromLatin1(bound.source()));
}

} // namespace landfall
