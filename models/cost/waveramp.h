#pragma once

#include "waves/waveplan.h"

#include <QDate>
#include <QList>

#include <optional>

namespace landfall {

/** The move month by month as a wave plan dates it: the share of the VMs in waves whose wave has
    started (they run in the cloud from then) and whose wave has ended (they can leave the hosts),
    by month from the month of the first wave's start. */
struct WaveRamp {
    QList<double> startedShareByMonth;
    QList<double> movedShareByMonth; ///< MigrationRamp::movedShareByMonth: the same months
    int waves = 0;
    int vms = 0;
    QDate start; ///< the first wave's first day
    QDate end;   ///< the last wave's last day

    /** The ramp of a plan; nothing when no wave moves a VM. */
    static std::optional<WaveRamp> fromPlan(const WavePlan &plan);
    /** The share of `byMonth` by the end of `month` (1-based): none before the first, all after the last. */
    static double at(const QList<double> &byMonth, int month);
};

} // namespace landfall
