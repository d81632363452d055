#pragma once

#include "advisorinputs.h"
#include "baseimagechooser.h"
#include "imagecatalogue.h"
#include "isolationpolicy.h"
#include "manualoverride.h"
#include "oslifecycle.h"
#include "ruleset.h"
#include "vmfacts.h"

#include "domain/decision.h"
#include "domain/vm.h"

#include <QHash>
#include <QList>

#include <vector>

namespace landfall {

/** The advisor's engine: applies a rule set, first match wins, to VMs and turns the match into
    a Decision with its base image, isolation, conditions and rule trace. The rules are
    compiled once so that a large estate classifies in a fraction of a second. */
class MigrationAdvisor {
public:
    /** `rules` must be valid (RuleSet only holds valid rules); `inputs` must have no problem(). */
    MigrationAdvisor(const RuleSet &rules, const AdvisorInputs &inputs,
                     const ImageCatalogue &catalogue = ImageCatalogue::shipped(),
                     const OsLifecycle &lifecycle = OsLifecycle::shipped());
    // The compiled rules point into m_rules: a copy would point into another object's rules.
    MigrationAdvisor(const MigrationAdvisor &) = delete;
    MigrationAdvisor &operator=(const MigrationAdvisor &) = delete;

    Decision classify(const Vm &vm, const ManualOverride *manualOverride = nullptr) const;
    /** Overrides are looked up by Vm::identityKey(). */
    QList<Decision> classifyAll(const QList<Vm> &vms, const QHash<QString, ManualOverride> &overrides = {}) const;

    const AdvisorInputs &inputs() const { return m_inputs; }

private:
    /** A condition with its words turned into a bit mask and its numbers parsed, once. */
    struct CompiledCondition {
        RuleFields::Field field;
        RuleCondition::Op op;
        quint64 wordMask = 0;
        QStringList words;          // FreeWords fields
        std::vector<double> values; // Number fields, and Build fields as keys
        double bound = 0;
    };
    /** A caveat ready to test, with its trace entry made once. */
    struct CompiledCaveat {
        std::vector<CompiledCondition> when;
        RuleTraceEntry trace;
        QString condition;
        std::optional<Confidence> confidence;
    };
    /** An enabled rule ready to test, pointing at its source for the outcome. */
    struct CompiledRule {
        const Rule *rule = nullptr;
        std::vector<CompiledCondition> when;
        std::vector<CompiledCaveat> caveats;
        RuleTraceEntry trace;
    };

    static CompiledCondition compile(const RuleCondition &condition);
    static bool holds(const CompiledCondition &condition, const VmFacts &facts);
    static bool holdsAll(const std::vector<CompiledCondition> &conditions, const VmFacts &facts);
    /** False when the rule's outcome cannot be carried out for this VM (a containerize rule
        with no base image that fits); the next rule is tried then. */
    bool apply(const CompiledRule &compiled, const VmFacts &facts, Decision &decision) const;
    bool containerize(ImageChoice choice, const QString &pinnedBuild, const VmFacts &facts, Decision &decision) const;
    QString defaultTarget(MigrationPath path, const VmFacts &facts) const;
    QString placementTarget(IsolationVerdict::Placement placement, Isolation isolation) const;
    QString describePlacement(IsolationVerdict::Placement placement, Isolation isolation) const;
    void addEndOfSupport(const Vm &vm, Decision &decision) const;
    void applyOverride(const ManualOverride &manualOverride, const VmFacts &facts, Decision &decision) const;

    RuleSet m_rules; // owns the rules the compiled ones point into
    AdvisorInputs m_inputs;
    WindowsBuild m_hostBuild;
    QDate m_planDate;
    const OsLifecycle &m_lifecycle;
    BaseImageChooser m_images;
    std::vector<CompiledRule> m_compiled;
    QString m_poolName;            ///< "Windows Server 2022 (10.0.20348)"
    QString m_placementTargets[6]; ///< by IsolationVerdict::Placement, worked out once
    QString m_kataTarget;
    QString m_kataHostTarget;
    QString m_hyperVCondition;
};

} // namespace landfall
