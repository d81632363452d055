#include "rulesetjson.h"

#include "formatteddocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace landfall {

namespace {

using Problem = std::optional<QString>;

const QStringList kRuleKeys = {QStringLiteral("id"), QStringLiteral("enabled"), QStringLiteral("description"),
                               QStringLiteral("when"), QStringLiteral("then")};
const QStringList kThenKeys = {QStringLiteral("path"),       QStringLiteral("confidence"), QStringLiteral("reason"),
                               QStringLiteral("target"),     QStringLiteral("image"),      QStringLiteral("imageBuild"),
                               QStringLiteral("conditions"), QStringLiteral("caveats")};
const QStringList kCaveatKeys = {QStringLiteral("id"), QStringLiteral("when"), QStringLiteral("condition"),
                                 QStringLiteral("confidence")};
const QStringList kOpKeys = {QStringLiteral("is"),     QStringLiteral("isNot"), QStringLiteral("atLeast"),
                             QStringLiteral("atMost"), QStringLiteral("below"), QStringLiteral("above")};

Problem unknownKeys(const QJsonObject &object, const QStringList &allowed, const QString &where)
{
    for (const QString &key : object.keys()) {
        if (!allowed.contains(key))
            return QStringLiteral("%1: unknown key '%2'; expected %3")
                .arg(where, key, allowed.join(QLatin1String(", ")));
    }
    return std::nullopt;
}

Problem readString(const QJsonObject &object, const QString &key, const QString &where, QString &out, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            return QStringLiteral("%1: '%2' is missing").arg(where, key);
        return std::nullopt;
    }
    if (!value.isString())
        return QStringLiteral("%1.%2: expected a string").arg(where, key);
    out = value.toString();
    return std::nullopt;
}

QString scalarText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return value.toString();
}

Problem readCondition(const QJsonValue &value, const QString &where, RuleCondition &condition)
{
    if (!value.isObject())
        return QStringLiteral("%1: expected an object such as {\"field\": \"role\", \"is\": \"web\"}").arg(where);
    const QJsonObject object = value.toObject();
    if (Problem problem = unknownKeys(object, QStringList{QStringLiteral("field")} + kOpKeys, where))
        return problem;
    if (Problem problem = readString(object, QStringLiteral("field"), where, condition.field, true))
        return problem;
    int ops = 0;
    for (const QString &key : kOpKeys) {
        if (!object.contains(key))
            continue;
        ++ops;
        condition.op = *RuleCondition::opFromKey(key);
        const QJsonValue operand = object.value(key);
        if (!condition.isComparison()) {
            const QJsonArray list = operand.isArray() ? operand.toArray() : QJsonArray{operand};
            for (const QJsonValue &item : list) {
                if (!item.isString() && !item.isDouble())
                    return QStringLiteral("%1.%2: expected a value or a list of values").arg(where, key);
                condition.values.append(scalarText(item));
            }
        } else {
            if (!operand.isString() && !operand.isDouble())
                return QStringLiteral("%1.%2: expected a number or a build").arg(where, key);
            condition.bound = scalarText(operand);
        }
    }
    if (ops != 1)
        return QStringLiteral("%1: expected exactly one of %2").arg(where, kOpKeys.join(QLatin1String(", ")));
    return std::nullopt;
}

Problem readConditions(const QJsonObject &object, const QString &where, QList<RuleCondition> &conditions)
{
    const QJsonValue value = object.value(QStringLiteral("when"));
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isArray())
        return QStringLiteral("%1.when: expected a list of conditions").arg(where);
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        RuleCondition condition;
        if (Problem problem = readCondition(list[i], QStringLiteral("%1.when[%2]").arg(where).arg(i), condition))
            return problem;
        conditions.append(condition);
    }
    return std::nullopt;
}

Problem readConfidence(const QJsonObject &object, const QString &where, std::optional<Confidence> &out)
{
    QString text;
    if (Problem problem = readString(object, QStringLiteral("confidence"), where, text, false))
        return problem;
    if (text.isNull())
        return std::nullopt;
    out = confidenceFromKey(text);
    if (!out)
        return QStringLiteral("%1.confidence: '%2' is not a confidence; expected high, medium or low").arg(where, text);
    return std::nullopt;
}

Problem readCaveat(const QJsonValue &value, const QString &where, RuleCaveat &caveat)
{
    if (!value.isObject())
        return QStringLiteral("%1: expected an object").arg(where);
    const QJsonObject object = value.toObject();
    if (Problem problem = unknownKeys(object, kCaveatKeys, where))
        return problem;
    if (Problem problem = readString(object, QStringLiteral("id"), where, caveat.id, true))
        return problem;
    if (Problem problem = readString(object, QStringLiteral("condition"), where, caveat.condition, false))
        return problem;
    if (Problem problem = readConfidence(object, where, caveat.confidence))
        return problem;
    return readConditions(object, where, caveat.when);
}

Problem readThen(const QJsonObject &object, const QString &where, Rule &rule)
{
    if (Problem problem = unknownKeys(object, kThenKeys, where))
        return problem;
    QString path;
    if (Problem problem = readString(object, QStringLiteral("path"), where, path, true))
        return problem;
    const std::optional<MigrationPath> parsedPath = migrationPathFromKey(path);
    if (!parsedPath)
        return QStringLiteral("%1.path: '%2' is not a path; expected rehost, containerize, cloudNative, retire or "
                              "retain")
            .arg(where, path);
    rule.path = *parsedPath;
    std::optional<Confidence> confidence;
    if (Problem problem = readConfidence(object, where, confidence))
        return problem;
    if (!confidence)
        return QStringLiteral("%1: 'confidence' is missing; expected high, medium or low").arg(where);
    rule.confidence = *confidence;
    if (Problem problem = readString(object, QStringLiteral("reason"), where, rule.reason, true))
        return problem;
    if (Problem problem = readString(object, QStringLiteral("target"), where, rule.target, false))
        return problem;
    QString image;
    if (Problem problem = readString(object, QStringLiteral("image"), where, image, false))
        return problem;
    if (!image.isNull()) {
        const std::optional<ImageChoice> choice = imageChoiceFromKey(image);
        if (!choice)
            return QStringLiteral("%1.image: '%2' is not an image choice; expected auto, nanoserver, servercore, "
                                  "windows or linux")
                .arg(where, image);
        rule.image = *choice;
    }
    if (Problem problem = readString(object, QStringLiteral("imageBuild"), where, rule.imageBuild, false))
        return problem;
    const QJsonValue conditions = object.value(QStringLiteral("conditions"));
    if (!conditions.isUndefined()) {
        if (!conditions.isArray())
            return QStringLiteral("%1.conditions: expected a list of strings").arg(where);
        for (const QJsonValue &item : conditions.toArray()) {
            if (!item.isString())
                return QStringLiteral("%1.conditions: expected a list of strings").arg(where);
            rule.conditions.append(item.toString());
        }
    }
    const QJsonValue caveats = object.value(QStringLiteral("caveats"));
    if (!caveats.isUndefined()) {
        if (!caveats.isArray())
            return QStringLiteral("%1.caveats: expected a list").arg(where);
        const QJsonArray list = caveats.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            RuleCaveat caveat;
            if (Problem problem = readCaveat(list[i], QStringLiteral("%1.caveats[%2]").arg(where).arg(i), caveat))
                return problem;
            rule.caveats.append(caveat);
        }
    }
    return std::nullopt;
}

Problem readRule(const QJsonValue &value, const QString &where, Rule &rule)
{
    if (!value.isObject())
        return QStringLiteral("%1: expected an object with id, when and then").arg(where);
    const QJsonObject object = value.toObject();
    if (Problem problem = unknownKeys(object, kRuleKeys, where))
        return problem;
    if (Problem problem = readString(object, QStringLiteral("id"), where, rule.id, true))
        return problem;
    const QString at = QStringLiteral("%1 ('%2')").arg(where, rule.id);
    const QJsonValue enabled = object.value(QStringLiteral("enabled"));
    if (!enabled.isUndefined()) {
        if (!enabled.isBool())
            return QStringLiteral("%1.enabled: expected true or false").arg(at);
        rule.enabled = enabled.toBool();
    }
    if (Problem problem = readString(object, QStringLiteral("description"), at, rule.description, false))
        return problem;
    if (Problem problem = readConditions(object, at, rule.when))
        return problem;
    const QJsonValue then = object.value(QStringLiteral("then"));
    if (!then.isObject())
        return QStringLiteral("%1.then: expected an object with path, confidence and reason").arg(at);
    return readThen(then.toObject(), at + QLatin1String(".then"), rule);
}

QJsonArray conditionsJson(const QList<RuleCondition> &conditions)
{
    QJsonArray list;
    for (const RuleCondition &condition : conditions) {
        QJsonObject object{{QStringLiteral("field"), condition.field}};
        if (condition.isComparison()) {
            bool number = false;
            const double value = condition.bound.toDouble(&number);
            object.insert(RuleCondition::opKey(condition.op), number ? QJsonValue(value) : QJsonValue(condition.bound));
        } else if (condition.values.size() == 1) {
            object.insert(RuleCondition::opKey(condition.op), condition.values.constFirst());
        } else {
            object.insert(RuleCondition::opKey(condition.op), QJsonArray::fromStringList(condition.values));
        }
        list.append(object);
    }
    return list;
}

} // namespace

Result<RuleSet, QString> RuleSetJson::parse(const QByteArray &json, const QString &source)
{
    Result<QJsonObject, QString> opened =
        FormattedDocument::open(json, source, kFormat, QStringLiteral("this is not a Landfall rule file"));
    if (!opened)
        return opened.error();
    const QJsonObject root = opened.value();
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > kVersion)
        return QStringLiteral("%1: 'version' must be 1 to %2; got %3").arg(source).arg(kVersion).arg(version);
    if (!root.value(QStringLiteral("rules")).isArray())
        return QStringLiteral("%1: 'rules' must be a list of rules").arg(source);
    const QJsonArray list = root.value(QStringLiteral("rules")).toArray();
    QList<Rule> rules;
    for (qsizetype i = 0; i < list.size(); ++i) {
        Rule rule;
        if (Problem problem = readRule(list[i], QStringLiteral("rules[%1]").arg(i), rule))
            return QString(source + QLatin1String(": ") + *problem);
        rules.append(rule);
    }
    RuleSet set;
    if (Problem problem = RuleSet::build(rules, set))
        return QString(source + QLatin1String(": ") + *problem);
    return set;
}

QByteArray RuleSetJson::write(const RuleSet &rules)
{
    QJsonArray list;
    for (const Rule &rule : rules.rules()) {
        QJsonObject then{{QStringLiteral("path"), migrationPathKey(rule.path)},
                         {QStringLiteral("confidence"), confidenceKey(rule.confidence)},
                         {QStringLiteral("reason"), rule.reason}};
        if (!rule.target.isEmpty())
            then.insert(QStringLiteral("target"), rule.target);
        if (rule.path == MigrationPath::Containerize)
            then.insert(QStringLiteral("image"), imageChoiceKey(rule.image));
        if (!rule.imageBuild.isEmpty())
            then.insert(QStringLiteral("imageBuild"), rule.imageBuild);
        if (!rule.conditions.isEmpty())
            then.insert(QStringLiteral("conditions"), QJsonArray::fromStringList(rule.conditions));
        if (!rule.caveats.isEmpty()) {
            QJsonArray caveats;
            for (const RuleCaveat &caveat : rule.caveats) {
                QJsonObject object{{QStringLiteral("id"), caveat.id},
                                   {QStringLiteral("when"), conditionsJson(caveat.when)}};
                if (!caveat.condition.isEmpty())
                    object.insert(QStringLiteral("condition"), caveat.condition);
                if (caveat.confidence)
                    object.insert(QStringLiteral("confidence"), confidenceKey(*caveat.confidence));
                caveats.append(object);
            }
            then.insert(QStringLiteral("caveats"), caveats);
        }
        QJsonObject object{{QStringLiteral("id"), rule.id},
                           {QStringLiteral("enabled"), rule.enabled},
                           {QStringLiteral("when"), conditionsJson(rule.when)},
                           {QStringLiteral("then"), then}};
        if (!rule.description.isEmpty())
            object.insert(QStringLiteral("description"), rule.description);
        list.append(object);
    }
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("rules"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace landfall
