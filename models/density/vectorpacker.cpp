#include "vectorpacker.h"

#include "bincentricpacker.h"
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
    Packing best = FfdPacker::pack(problem);
    if (settings.ffdOnly) {
        best.provedOptimal = best.bins <= lowerBound;
        outcome.packing = std::move(best);
        return outcome;
    }
    for (BinCentricPacker::Rule rule :
         {BinCentricPacker::Rule::DotProduct, BinCentricPacker::Rule::L2Norm, BinCentricPacker::Rule::PairFill}) {
        if (best.bins <= lowerBound)
            break;
        Packing candidate = BinCentricPacker::pack(problem, rule);
        if (candidate.bins < best.bins)
            best = std::move(candidate);
    }
    if (settings.localSearch && best.bins > lowerBound)
        best = RepackSearch::improve(problem, best, lowerBound, settings.searchEffort);
    best.provedOptimal = best.bins <= lowerBound;
    if (!best.provedOptimal && problem.itemCount() <= settings.exactMaxItems) {
        const ExactPacker::Outcome exact = ExactPacker::solve(problem, best.bins, lowerBound, settings.exactNodeLimit);
        if (exact.better)
            best = *exact.better;
        best.provedOptimal = exact.finished;
    }
    outcome.packing = std::move(best);
    return outcome;
}

} // namespace landfall
