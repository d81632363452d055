#include "waveramp.h"

#include "waves/migrationramp.h"

#include <algorithm>

namespace landfall {

std::optional<WaveRamp> WaveRamp::fromPlan(const WavePlan &plan)
{
    WaveRamp ramp;
    ramp.movedShareByMonth = MigrationRamp::movedShareByMonth(plan);
    if (ramp.movedShareByMonth.isEmpty())
        return std::nullopt;
    ramp.waves = int(plan.waves.size());
    ramp.start = plan.waves.front().start;
    ramp.end = ramp.start;
    for (const Wave &wave : plan.waves) {
        ramp.vms += wave.vms;
        ramp.start = std::min(ramp.start, wave.start);
        ramp.end = std::max(ramp.end, wave.end);
    }
    // The months are counted as MigrationRamp counts them: from the month of the first wave's start.
    const QDate first = plan.waves.front().start;
    const auto monthIndex = [&](const QDate &day) {
        return (day.year() - first.year()) * 12 + day.month() - first.month();
    };
    QList<double> started(ramp.movedShareByMonth.size(), 0.0);
    for (const Wave &wave : plan.waves)
        started[std::clamp(monthIndex(wave.start), 0, int(started.size()) - 1)] += wave.vms;
    double sum = 0;
    for (double &month : started) {
        sum += month;
        month = sum / double(ramp.vms);
    }
    ramp.startedShareByMonth = started;
    return ramp;
}

double WaveRamp::at(const QList<double> &byMonth, int month)
{
    if (month <= 0 || byMonth.isEmpty())
        return 0;
    if (month > byMonth.size())
        return 1;
    return byMonth[month - 1];
}

} // namespace landfall
