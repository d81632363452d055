#pragma once

#include "advisorinputs.h"
#include "ruleset.h"

#include "domain/decision.h"
#include "domain/result.h"
#include "store/projectstore.h"

#include <QList>
#include <QString>

namespace landfall {

/** Why the advisor could not do what was asked: bad rules or inputs (the user's to fix), or
    the project file (the CLI exits 3). */
struct AdvisorError {
    enum class Kind { Rules, Inputs, UnknownVm, Store };
    Kind kind = Kind::Rules;
    QString message;
};

/** The advisor applied to one project: reads its rule set, inputs and overrides from the
    store, classifies, and writes the decisions back. The CLI and the GUI both go through it,
    so that a rule edit or an override re-classifies the same way everywhere. */
class ProjectAdvisor {
public:
    static constexpr const char *kRulesKey = "advisor.rules";
    static constexpr const char *kPlatformKey = "advisor.platform";
    static constexpr const char *kWindowsBuildKey = "advisor.windowsBuild";
    static constexpr const char *kPlanDateKey = "advisor.planDate"; ///< ISO date; absent: today

    /** The default rules Landfall shipped before 2026-12 (resources/advisor/default-rules-v1.json):
        a project that still holds them unchanged moves to the current defaults. */
    static RuleSet previousDefaults();

    explicit ProjectAdvisor(ProjectStore &store)
        : m_store(store)
    {}

    /** The project's own rule set, or the defaults when it has none yet. */
    Result<RuleSet, AdvisorError> rules() const;
    /** Saves the project's rule set and re-classifies with it. */
    std::optional<AdvisorError> setRules(const RuleSet &rules);
    std::optional<AdvisorError> resetRules() { return setRules(RuleSet::defaults()); }

    AdvisorInputs inputs() const;
    /** Saves the inputs (refusing unusable ones) and re-classifies. */
    std::optional<AdvisorError> setInputs(const AdvisorInputs &inputs);

    /** Classifies every VM with the project's rules, inputs and overrides, without storing. */
    Result<QList<Decision>, AdvisorError> classify() const;
    /** classify(), then stores the decisions; the project keeps a copy of the rules it used. */
    Result<QList<Decision>, AdvisorError> classifyAndStore();

    /** Sets or clears (nullopt) the override of a VM, then re-classifies. */
    std::optional<AdvisorError> setOverride(qint64 vmId, std::optional<MigrationPath> path, const QString &note = {});

private:
    static AdvisorError storeError(const StoreError &error) { return {AdvisorError::Kind::Store, error.message}; }

    ProjectStore &m_store;
};

} // namespace landfall
