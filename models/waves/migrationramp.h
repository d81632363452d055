#pragma once

#include "waveplan.h"

#include <QList>

namespace landfall {

/** How far a wave plan has moved the estate, month by month: what the business case ramps with. */
class MigrationRamp {
public:
    /** The share (0 to 1) of the VMs in waves that have moved by the end of each month, from the
        month of the first wave's start to the month the last wave ends; empty without waves. */
    static QList<double> movedShareByMonth(const WavePlan &plan);
};

} // namespace landfall
