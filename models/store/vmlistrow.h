#pragma once

#include "domain/vm.h"
#include "domain/workshopanswers.h"

#include <QString>

#include <array>

namespace landfall {

/** The part of a VM the inventory table shows and edits: light enough to hold 100,000 of in
    memory and to load at once, unlike a full Vm with its custom attributes. */
struct VmListRow {
    qint64 id = 0;
    QString name;
    PowerState powerState = PowerState::Unknown;
    QString osFamily;
    QString osVersion;
    int vcpu = 0;
    double memoryMiB = 0;
    double provisionedMiB = 0;
    double usedMiB = 0;
    bool usedKnown = true; ///< as Vm::usedKnown: false when usedMiB was not given
    QString datacenter;
    QString cluster;
    QString host;
    QString ipAddress;
    /** The workshop answers' keys, indexed by WorkshopAnswers::Attribute. */
    std::array<QString, WorkshopAnswers::kAttributeCount> answers;

    const QString &answer(WorkshopAnswers::Attribute attribute) const
    {
        return answers[static_cast<size_t>(attribute)];
    }
};

} // namespace landfall
