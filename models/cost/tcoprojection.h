#pragma once

#include "businesscase.h"
#include "waveramp.h"

#include <QList>

#include <optional>

namespace landfall {

/** The monthly figures and the plan a total cost of ownership is projected from. */
struct TcoInputs {
    double before = 0;        ///< today, a month
    double stayingBefore = 0; ///< the part of `before` that stays where it is (retained VMs)
    double after = 0;         ///< after the move, a month
    double stayingAfter = 0;  ///< the part of `after` that never moved (retained VMs)
    double oneOff = 0;        ///< every VM's one-off migration cost
    QList<double> rampShareByYear{1.0};
    /** A wave plan's ramp: when set, the VMs move month by month as their waves do instead of by
        `rampShareByYear`: each runs in the cloud from its wave's start and on premises until its
        wave's end and `doubleRunningMonths` after, and pays its one-off cost as its wave starts. */
    std::optional<WaveRamp> waves;
    int doubleRunningMonths = 0;
    int years = 3;
};

/** What the projection says. */
struct TcoResult {
    QList<YearCost> years;
    std::optional<int> paybackMonth;
    QList<double> cumulativeBefore; ///< per month of the horizon
    QList<double> cumulativeAfter;
};

/** Projects the move over the years: VMs leave month by month as the ramp (per-year shares, or
    the waves) says, each still running on premises for the double-running months after its move,
    and paying its one-off cost in the month it moves; the payback month is when the cumulative saving turns for good.
 */
class TcoProjection {
public:
    static TcoResult project(const TcoInputs &inputs);
    /** The share of the moving VMs moved by the end of `month` (1-based; 0 and before: none). */
    static double movedBy(int month, const QList<double> &rampShareByYear);
};

} // namespace landfall
