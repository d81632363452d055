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
    // The share of the moving VMs running in the cloud, and the share switched off on premises.
    const auto inCloud = [&](int month) {
        return in.waves ? WaveRamp::at(in.waves->startedShareByMonth, month) : movedBy(month, in.rampShareByYear);
    };
    const auto offPremises = [&](int month) {
        const int m = month - in.doubleRunningMonths;
        return in.waves ? WaveRamp::at(in.waves->movedShareByMonth, m) : movedBy(m, in.rampShareByYear);
    };
    auto costOf = [&](int month) {
        const double moved = inCloud(month);
        return in.stayingBefore + movingBefore * (1.0 - offPremises(month)) + movingAfter * moved +
               in.oneOff * (moved - inCloud(month - 1));
    };

    // The horizon asked for, but at least until the last VM has moved and stopped double running.
    const int asked = 12 * std::max(1, in.years);
    const int rampMonths = in.waves ? int(in.waves->movedShareByMonth.size()) : 12 * int(in.rampShareByYear.size());
    const int settled = rampMonths + in.doubleRunningMonths;
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
