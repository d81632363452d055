#include "jsonfieldreader.h"

namespace landfall {

void JsonFieldReader::fail(const QString &key, const QString &message)
{
    if (!m_error)
        m_error = JsonFieldError{path(key), message};
}

void JsonFieldReader::onlyKeys(const QStringList &known)
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!known.contains(it.key()))
            fail(it.key(), QStringLiteral("unknown key; expected one of %1").arg(known.join(QStringLiteral(", "))));
    }
}

void JsonFieldReader::number(const QString &key, double &target, double minimum, double maximum, bool minimumIncluded)
{
    if (!m_object.contains(key))
        return;
    const QJsonValue value = m_object.value(key);
    if (!value.isDouble()) {
        fail(key, QStringLiteral("must be a number"));
        return;
    }
    const double v = value.toDouble();
    if (v < 0 && minimum >= 0) {
        fail(key, QStringLiteral("must not be negative (got %1)").arg(v));
        return;
    }
    if (v < minimum || (!minimumIncluded && v <= minimum) || v > maximum) {
        fail(key, QStringLiteral("must be %1 %2 and at most %3 (got %4)")
                      .arg(minimumIncluded ? QStringLiteral("at least") : QStringLiteral("more than"))
                      .arg(minimum)
                      .arg(maximum)
                      .arg(v));
        return;
    }
    target = v;
}

void JsonFieldReader::integer(const QString &key, int &target, int minimum, int maximum)
{
    double v = target;
    number(key, v, minimum, maximum);
    // The range check has bounded v to an int's range, so the casts are defined.
    if (m_object.contains(key) && !failed() && v != double(qint64(v)))
        fail(key, QStringLiteral("must be a whole number (got %1)").arg(v));
    target = int(v);
}

void JsonFieldReader::boolean(const QString &key, bool &target)
{
    if (!m_object.contains(key))
        return;
    if (!m_object.value(key).isBool()) {
        fail(key, QStringLiteral("must be true or false"));
        return;
    }
    target = m_object.value(key).toBool();
}

void JsonFieldReader::text(const QString &key, QString &target, Text rule)
{
    const bool required = rule == Text::Required;
    if (!m_object.contains(key)) {
        if (required && target.isEmpty())
            fail(key, QStringLiteral("is missing"));
        return;
    }
    if (!m_object.value(key).isString()) {
        fail(key, QStringLiteral("must be a string"));
        return;
    }
    target = m_object.value(key).toString();
    if (required && target.trimmed().isEmpty())
        fail(key, QStringLiteral("must not be empty"));
}

void JsonFieldReader::trimmedText(const QString &key, QString &target)
{
    if (!m_object.contains(key))
        return;
    if (!m_object.value(key).isString() || m_object.value(key).toString().trimmed().isEmpty()) {
        fail(key, QStringLiteral("must be a non-empty string"));
        return;
    }
    target = m_object.value(key).toString().trimmed();
}

JsonFieldReader JsonFieldReader::child(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isUndefined() && !value.isObject())
        fail(key, QStringLiteral("must be an object"));
    return JsonFieldReader(value.toObject(), path(key), m_error);
}

} // namespace landfall
