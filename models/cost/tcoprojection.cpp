#include "tcoprojection.h"

#include <algorithm>
#include <cmath>

namespace landfall {

double TcoProjection::movedBy(int month, const QList<double> &ramp)
{
    if (month <= 0)
        return 0;
    double moved = 0;
    for (int year = 0; year < ramp.size(); ++year) {
        const int monthsIntoYear = std::clamp(month - 12 * year, 0, 12);
        moved += ramp[year] * monthsIntoYear / 12.0;
    }
    return std::min(1.0, moved);
}

TcoResult TcoProjection::project(const TcoInputs &in)
{
    TcoResult out;
    const double movingBefore = in.before - in.stayingBefore;
    const double movingAfter = in.after - in.stayingAfter;
    auto costOf = [&](int month) {
        const double moved = movedBy(month, in.rampShareByYear);
        const double stillOnPremises = 1.0 - movedBy(month - in.doubleRunningMonths, in.rampShareByYear);
        return in.stayingBefore + movingBefore * stillOnPremises + movingAfter * moved +
               in.oneOff * (moved - movedBy(month - 1, in.rampShareByYear));
    };

    // The horizon asked for, but at least until the last VM has moved and stopped double running.
    const int asked = 12 * std::max(1, in.years);
    const int settled = 12 * int(in.rampShareByYear.size()) + in.doubleRunningMonths;
    const int horizon = std::max(asked, settled);
    double before = 0, after = 0, saving = 0;
    int lastNegative = 0;
    YearCost year;
    for (int month = 1; month <= horizon; ++month) {
        const double cost = costOf(month);
        before += in.before;
        after += cost;
        saving += in.before - cost;
        if (saving < -1e-9)
            lastNegative = month;
        if (month <= asked) {
            out.cumulativeBefore.append(before);
            out.cumulativeAfter.append(after);
            year.year = (month - 1) / 12 + 1;
            year.before += in.before;
            year.after += cost;
            if (month % 12 == 0) {
                year.cumulativeSaving = saving;
                out.years.append(year);
                year = YearCost();
            }
        }
    }
    // A move that saves nothing a month once done never pays back, whatever the first months did.
    const double steadySaving = in.before - in.after;
    if (steadySaving <= 1e-9)
        return out;
    if (lastNegative < horizon)
        out.paybackMonth = lastNegative + 1;
    else
        out.paybackMonth = horizon + int(std::ceil(-saving / steadySaving - 1e-9));
    return out;
}

} // namespace landfall
