#include "projectadvisor.h"

#include "migrationadvisor.h"
#include "rulesetjson.h"

#include <QDateTime>

namespace landfall {

Result<RuleSet, AdvisorError> ProjectAdvisor::rules() const
{
    const QString json = m_store.setting(QLatin1String(kRulesKey));
    if (json.isEmpty())
        return RuleSet::defaults();
    Result<RuleSet, QString> parsed = RuleSetJson::parse(
        json.toUtf8(), QStringLiteral("%1 (setting %2)").arg(m_store.path(), QLatin1String(kRulesKey)));
    if (!parsed)
        return AdvisorError{AdvisorError::Kind::Rules, parsed.error()};
    return parsed.value();
}

std::optional<AdvisorError> ProjectAdvisor::setRules(const RuleSet &rules)
{
    if (std::optional<StoreError> error =
            m_store.setSetting(QLatin1String(kRulesKey), QString::fromUtf8(RuleSetJson::write(rules))))
        return storeError(*error);
    Result<QList<Decision>, AdvisorError> decisions = classifyAndStore();
    if (!decisions)
        return decisions.error();
    return std::nullopt;
}

AdvisorInputs ProjectAdvisor::inputs() const
{
    AdvisorInputs inputs;
    inputs.platform = targetPlatformFromKey(m_store.setting(QLatin1String(kPlatformKey))).value_or(inputs.platform);
    inputs.windowsBuild = m_store.setting(QLatin1String(kWindowsBuildKey), inputs.windowsBuild);
    return inputs;
}

std::optional<AdvisorError> ProjectAdvisor::setInputs(const AdvisorInputs &inputs)
{
    if (std::optional<QString> problem = inputs.problem())
        return AdvisorError{AdvisorError::Kind::Inputs, *problem};
    if (std::optional<StoreError> error =
            m_store.setSetting(QLatin1String(kPlatformKey), targetPlatformKey(inputs.platform)))
        return storeError(*error);
    if (std::optional<StoreError> error = m_store.setSetting(QLatin1String(kWindowsBuildKey), inputs.windowsBuild))
        return storeError(*error);
    Result<QList<Decision>, AdvisorError> decisions = classifyAndStore();
    if (!decisions)
        return decisions.error();
    return std::nullopt;
}

Result<QList<Decision>, AdvisorError> ProjectAdvisor::classify() const
{
    Result<RuleSet, AdvisorError> ruleSet = rules();
    if (!ruleSet)
        return ruleSet.error();
    const AdvisorInputs current = inputs();
    if (std::optional<QString> problem = current.problem())
        return AdvisorError{AdvisorError::Kind::Inputs, m_store.path() + QLatin1String(": ") + *problem};
    const MigrationAdvisor advisor(ruleSet.value(), current);
    return advisor.classifyAll(m_store.vms(), m_store.overrides());
}

Result<QList<Decision>, AdvisorError> ProjectAdvisor::classifyAndStore()
{
    Result<QList<Decision>, AdvisorError> decisions = classify();
    if (!decisions)
        return decisions;
    // Keep the rules the decisions came from, so a later Landfall with other defaults does not
    // change this project's plan behind the consultant's back.
    // Both in one transaction: a crash leaves the old plan or the new one, never half of it.
    QMap<QString, QString> settings;
    if (m_store.setting(QLatin1String(kRulesKey)).isEmpty())
        settings.insert(QLatin1String(kRulesKey), QString::fromUtf8(RuleSetJson::write(RuleSet::defaults())));
    if (std::optional<StoreError> error = m_store.saveDecisions(decisions.value(), settings))
        return storeError(*error);
    return decisions;
}

std::optional<AdvisorError> ProjectAdvisor::setOverride(qint64 vmId, std::optional<MigrationPath> path,
                                                        const QString &note)
{
    const std::optional<Vm> vm = m_store.vm(vmId);
    if (!vm)
        return AdvisorError{AdvisorError::Kind::UnknownVm,
                            QStringLiteral("%1: no VM with id %2").arg(m_store.path()).arg(vmId)};
    std::optional<StoreError> error = path
                                          ? m_store.setOverride({vm->identityKey(), *path, note,
                                                                 QDateTime::currentDateTimeUtc().toString(Qt::ISODate)})
                                          : m_store.clearOverride(vm->identityKey());
    if (error)
        return storeError(*error);
    Result<QList<Decision>, AdvisorError> decisions = classifyAndStore();
    if (!decisions)
        return decisions.error();
    return std::nullopt;
}

} // namespace landfall
