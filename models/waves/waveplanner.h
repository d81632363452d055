#pragma once

#include "waveplan.h"

#include <QHash>

namespace landfall {

/** Orders the move groups into dated waves. Retired groups go first (a quick win), then the
    least risky groups (high confidence, no blockers, few dependencies) as pilots, and the groups
    with blockers last; a group never moves before a group it depends on unless a pin or a
    dependency cycle forces it, and then the links are listed. Every group is inside one wave,
    within the wave's VM and data limits; a group larger than a wave is a wave of its own, said.
    Retained VMs are in no wave. */
class WavePlanner {
public:
    /** Groups and waves for `input`; `pins` holds the consultant's group -> wave choices. */
    static WavePlan plan(const WaveInput &input, const WaveParameters &parameters,
                         const QHash<QString, int> &pins = {});
};

} // namespace landfall
