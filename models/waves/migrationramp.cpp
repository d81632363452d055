#include "migrationramp.h"

namespace landfall {

QList<double> MigrationRamp::movedShareByMonth(const WavePlan &plan)
{
    int total = 0;
    for (const Wave &wave : plan.waves)
        total += wave.vms;
    if (plan.waves.empty() || total == 0)
        return {};
    const QDate first = plan.waves.front().start;
    const auto monthIndex = [&](const QDate &day) {
        return (day.year() - first.year()) * 12 + day.month() - first.month();
    };
    QDate last = first;
    for (const Wave &wave : plan.waves)
        last = std::max(last, wave.end);
    QList<double> moved(monthIndex(last) + 1, 0.0);
    for (const Wave &wave : plan.waves)
        moved[monthIndex(wave.end)] += wave.vms; // a VM has moved once its wave is over
    double sum = 0;
    for (double &month : moved) {
        sum += month;
        month = sum / total;
    }
    return moved;
}

} // namespace landfall
