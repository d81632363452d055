#include "ruleset.h"

#include "rulesetjson.h"
#include "rulevalidator.h"

#include <QFile>

namespace landfall {

RuleSet RuleSet::defaults()
{
    // The resource is compiled in and checked by the tests: failing here is a build defect.
    QFile file(QStringLiteral(":/landfall/advisor/default-rules.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the default advisor rules are missing from the resources");
    Result<RuleSet, QString> parsed = RuleSetJson::parse(file.readAll(), QStringLiteral("default-rules.json"));
    if (!parsed)
        qFatal("the default advisor rules are invalid: %s", qPrintable(parsed.error()));
    return parsed.value();
}

std::optional<QString> RuleSet::build(const QList<Rule> &rules, RuleSet &set)
{
    RuleSet candidate;
    for (const Rule &rule : rules) {
        if (std::optional<QString> problem = candidate.append(rule))
            return problem;
    }
    set = std::move(candidate);
    return std::nullopt;
}

qsizetype RuleSet::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].id == id)
            return i;
    }
    return -1;
}

std::optional<QString> RuleSet::checkIndex(qsizetype index, qsizetype limit) const
{
    if (index < 0 || index >= limit)
        return QStringLiteral("rule position %1 is out of range; expected 0 to %2").arg(index).arg(limit - 1);
    return std::nullopt;
}

std::optional<QString> RuleSet::checkNewRule(const Rule &rule, qsizetype replacing) const
{
    if (std::optional<QString> problem = RuleValidator::check(rule))
        return problem;
    const qsizetype existing = indexOf(rule.id);
    if (existing >= 0 && existing != replacing)
        return QStringLiteral("rule '%1': the id is already used by rule %2; ids must be unique")
            .arg(rule.id)
            .arg(existing + 1);
    return std::nullopt;
}

std::optional<QString> RuleSet::insert(qsizetype index, const Rule &rule)
{
    if (std::optional<QString> problem = checkIndex(index, m_rules.size() + 1))
        return problem;
    if (std::optional<QString> problem = checkNewRule(rule, -1))
        return problem;
    m_rules.insert(index, rule);
    return std::nullopt;
}

std::optional<QString> RuleSet::replace(qsizetype index, const Rule &rule)
{
    if (std::optional<QString> problem = checkIndex(index, m_rules.size()))
        return problem;
    if (std::optional<QString> problem = checkNewRule(rule, index))
        return problem;
    m_rules[index] = rule;
    return std::nullopt;
}

std::optional<QString> RuleSet::remove(qsizetype index)
{
    if (std::optional<QString> problem = checkIndex(index, m_rules.size()))
        return problem;
    m_rules.removeAt(index);
    return std::nullopt;
}

std::optional<QString> RuleSet::move(qsizetype from, qsizetype to)
{
    if (std::optional<QString> problem = checkIndex(from, m_rules.size()))
        return problem;
    if (std::optional<QString> problem = checkIndex(to, m_rules.size()))
        return problem;
    m_rules.move(from, to);
    return std::nullopt;
}

std::optional<QString> RuleSet::setEnabled(qsizetype index, bool enabled)
{
    if (std::optional<QString> problem = checkIndex(index, m_rules.size()))
        return problem;
    m_rules[index].enabled = enabled;
    return std::nullopt;
}

} // namespace landfall
