#include "rulevalidator.h"

#include "rulefields.h"
#include "windowsbuild.h"

namespace landfall {

namespace {

QString quoted(const QStringList &words)
{
    QStringList list;
    for (const QString &word : words)
        list.append(u'\'' + word + u'\'');
    return list.join(QLatin1String(", "));
}

std::optional<QString> checkConditions(const QList<RuleCondition> &conditions, const QString &where)
{
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        if (std::optional<QString> problem =
                RuleValidator::checkCondition(conditions[i], QStringLiteral("%1when[%2]").arg(where).arg(i)))
            return problem;
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> RuleValidator::checkCondition(const RuleCondition &condition, const QString &where)
{
    const std::optional<RuleFields::Field> field = RuleFields::fromKey(condition.field);
    if (!field)
        return QStringLiteral("%1: field '%2' is unknown; expected one of %3")
            .arg(where, condition.field, quoted(RuleFields::allKeys()));
    const RuleFields::Kind kind = RuleFields::kind(*field);
    if (!condition.isComparison()) {
        if (condition.values.isEmpty())
            return QStringLiteral("%1: '%2' needs at least one value").arg(where, RuleCondition::opKey(condition.op));
        if (kind == RuleFields::Kind::Words) {
            const QStringList &allowed = RuleFields::allowedValues(*field);
            for (const QString &value : condition.values) {
                if (!allowed.contains(value))
                    return QStringLiteral("%1: '%2' is not a value of %3; expected one of %4")
                        .arg(where, value, condition.field, quoted(allowed));
            }
        } else if (kind == RuleFields::Kind::Build) {
            for (const QString &value : condition.values) {
                if (!WindowsBuild::parse(value))
                    return QStringLiteral("%1: '%2' is not a Windows build; expected one such as 10.0.20348")
                        .arg(where, value);
            }
        } else if (kind == RuleFields::Kind::Number) {
            for (const QString &value : condition.values) {
                bool ok = false;
                value.toDouble(&ok);
                if (!ok)
                    return QStringLiteral("%1: '%2' is not a number; %3 is compared as a number")
                        .arg(where, value, condition.field);
            }
        }
        return std::nullopt;
    }
    if (kind == RuleFields::Kind::Number) {
        bool ok = false;
        condition.bound.toDouble(&ok);
        if (!ok)
            return QStringLiteral("%1: '%2' needs a number for %3, not '%4'")
                .arg(where, RuleCondition::opKey(condition.op), condition.field, condition.bound);
        return std::nullopt;
    }
    if (kind == RuleFields::Kind::Build) {
        if (!WindowsBuild::parse(condition.bound))
            return QStringLiteral("%1: '%2' needs a Windows build such as 10.0.14393 for osBuild, not '%3'")
                .arg(where, RuleCondition::opKey(condition.op), condition.bound);
        return std::nullopt;
    }
    return QStringLiteral("%1: %2 is compared with 'is' or 'isNot' only; atLeast, atMost, below and above are for "
                          "vcpu, memoryMiB and osBuild")
        .arg(where, condition.field);
}

std::optional<QString> RuleValidator::check(const Rule &rule)
{
    if (rule.id.trimmed().isEmpty())
        return QStringLiteral("a rule needs an 'id'");
    const QString where = QStringLiteral("rule '%1', ").arg(rule.id);
    if (rule.reason.trimmed().isEmpty())
        return where + QStringLiteral("then.reason: a rule needs a reason in words");
    if (std::optional<QString> problem = checkConditions(rule.when, where))
        return problem;
    if (rule.path != MigrationPath::Containerize && (rule.image != ImageChoice::Auto || !rule.imageBuild.isEmpty()))
        return where + QStringLiteral("then: 'image' and 'imageBuild' are for path 'containerize' only");
    if (!rule.imageBuild.isEmpty() && !WindowsBuild::parse(rule.imageBuild))
        return where + QStringLiteral("then.imageBuild: '%1' is not a Windows build; expected one such as 10.0.17763")
                           .arg(rule.imageBuild);
    for (qsizetype i = 0; i < rule.caveats.size(); ++i) {
        const RuleCaveat &caveat = rule.caveats[i];
        const QString at = where + QStringLiteral("then.caveats[%1]").arg(i);
        if (caveat.id.trimmed().isEmpty())
            return at + QStringLiteral(": a caveat needs an 'id'");
        if (caveat.condition.trimmed().isEmpty() && !caveat.confidence)
            return at + QStringLiteral(": a caveat needs a 'condition' to check or a 'confidence'");
        if (std::optional<QString> problem = checkConditions(caveat.when, at + u'.'))
            return problem;
    }
    return std::nullopt;
}

} // namespace landfall
