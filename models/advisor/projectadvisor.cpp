#include "projectadvisor.h"

#include "migrationadvisor.h"
#include "rulesetjson.h"

#include <QDateTime>
#include <QFile>

namespace landfall {

RuleSet ProjectAdvisor::previousDefaults()
{
    static const RuleSet previous = [] {
        QFile file(QStringLiteral(":/landfall/advisor/default-rules-v1.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the previous default advisor rules are missing from the resources");
        Result<RuleSet, QString> parsed = RuleSetJson::parse(file.readAll(), QStringLiteral("default-rules-v1.json"));
        if (!parsed)
            qFatal("the previous default advisor rules are invalid: %s", qPrintable(parsed.error()));
        return parsed.value();
    }();
    return previous;
}

Result<RuleSet, AdvisorError> ProjectAdvisor::rules() const
{
    const QString json = m_store.setting(QLatin1String(kRulesKey));
    if (json.isEmpty())
        return RuleSet::defaults();
    Result<RuleSet, QString> parsed = RuleSetJson::parse(
        json.toUtf8(), QStringLiteral("%1 (setting %2)").arg(m_store.path(), QLatin1String(kRulesKey)));
    if (!parsed)
        return AdvisorError{AdvisorError::Kind::Rules, parsed.error()};
    // The old defaults containerized print servers and dropped conditions an expert review found
    // (issue 15): a project that kept them unchanged takes the current defaults. Rules the
    // consultant edited are theirs and stay as they are.
    if (parsed.value() == previousDefaults())
        return RuleSet::defaults();
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
    // A project that classified before the default became 2025 stored its rules but not its
    // build: it planned on the old default, and keeps it.
    const bool madeBefore = !m_store.setting(QLatin1String(kRulesKey)).isEmpty();
    inputs.windowsBuild =
        m_store.setting(QLatin1String(kWindowsBuildKey),
                        madeBefore ? QLatin1String(AdvisorInputs::kLegacyDefaultWindowsBuild) : inputs.windowsBuild);
    inputs.planDate = QDate::fromString(m_store.setting(QLatin1String(kPlanDateKey)), Qt::ISODate);
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
    if (std::optional<StoreError> error =
            m_store.setSetting(QLatin1String(kPlanDateKey),
                               inputs.planDate.isValid() ? inputs.planDate.toString(Qt::ISODate) : QStringLiteral("")))
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
    const QString storedRules = m_store.setting(QLatin1String(kRulesKey));
    if (m_store.setting(QLatin1String(kWindowsBuildKey)).isEmpty())
        settings.insert(QLatin1String(kWindowsBuildKey), inputs().windowsBuild); // before the rules: see inputs()
    if (storedRules.isEmpty())
        settings.insert(QLatin1String(kRulesKey), QString::fromUtf8(RuleSetJson::write(RuleSet::defaults())));
    else if (Result<RuleSet, AdvisorError> current = rules();
             current && current.value() == RuleSet::defaults() &&
             storedRules != QString::fromUtf8(RuleSetJson::write(current.value())))
        settings.insert(QLatin1String(kRulesKey), QString::fromUtf8(RuleSetJson::write(current.value()))); // migrated
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
