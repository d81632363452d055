#pragma once

#include "waveinput.h"
#include "waveparameters.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace landfall {

/** VMs that move together, and why they were put together. */
struct MoveGroup {
    /** Where a group came from, strongest first: the consultant's word, the application answer,
        the dependencies, strong links between applications, or nothing (the VM alone). */
    enum class Reason { MoveGroup, Application, Dependencies, StrongLinks, Alone };

    QString name;
    Reason reason = Reason::Alone;
    QString reasonText;       ///< the reason in a sentence, for the GUI and the report
    std::vector<int> members; ///< indices into WaveInput::vms, in the input's order
    int movingVms = 0;        ///< members that are not retained
    double tib = 0;           ///< data to replicate for the moving members
    int wave = 0;             ///< 1-based; 0 when every member is retained (no wave)
    bool pinned = false;      ///< the consultant put it in this wave
    bool oversized = false;   ///< larger than one wave: its own wave, said

    static QString reasonKey(Reason reason); ///< "moveGroup", "application", "dependencies", "strongLinks", "alone"
};

/** One wave: its dates and what it moves. */
struct Wave {
    int number = 0;
    QDate start;
    QDate end;
    std::vector<int> groups; ///< indices into WavePlan::groups, in the order they were placed
    int vms = 0;
    double tib = 0;
    bool overLimit = false; ///< more than a wave's VMs or data (an oversized group alone, or a pin)
};

/** A dependency between two groups in different waves: the link runs across the WAN meanwhile. Links
    with a retained or retired end are not listed: those VMs do not move. */
struct CrossWaveLink {
    int link = 0; ///< index into WaveInput::links
    int fromGroup = 0;
    int toGroup = 0;
    int fromWave = 0;
    int toWave = 0;
    /** The client moves before the server it depends on (a pin or a dependency cycle). */
    bool breaksOrder() const { return fromWave < toWave; }
};

/** The move groups and the waves of a project, with what the plan breaks. */
struct WavePlan {
    WaveParameters parameters;
    std::vector<MoveGroup> groups;
    std::vector<int> groupOfVm; ///< by VM index: its group
    std::vector<Wave> waves;
    std::vector<CrossWaveLink> crossWave;
    QStringList issues; ///< oversized groups, waves over a limit, groups before what they depend on
    int retainedVms = 0;

    int groupIndex(const QString &name) const; ///< -1 when there is none of that name
    QJsonObject toJson(const WaveInput &input) const;
};

} // namespace landfall
