#pragma once

#include "rulefields.h"

#include "domain/vm.h"

#include <QString>

#include <array>

namespace landfall {

/** A VM reduced to what rules test, with every word turned into its index once: matching a
    hundred thousand VMs against the rules then compares small integers, not strings. */
struct VmFacts {
    static constexpr int kUnknownWord = -1;

    std::array<qint8, RuleFields::kFieldCount> words{}; ///< index into RuleFields::allowedValues; Words fields only
    QString osVersion;
    quint64 osBuild = 0; ///< WindowsBuild::withoutRevision(); 0 when not known
    double vcpu = 0;
    double memoryMiB = 0;

    static VmFacts from(const Vm &vm);
    int word(RuleFields::Field field) const { return words[size_t(field)]; }
    /** The word itself, "" when not one of the allowed values. */
    QString wordText(RuleFields::Field field) const;
    bool is(RuleFields::Field field, int index) const { return word(field) == index; }
};

} // namespace landfall
