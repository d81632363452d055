#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace landfall {

/** The first bad key of a JSON settings file (a scenario, a price book), with its full path. */
struct JsonFieldError {
    QString key;     ///< "node.reserved", "vmSkus[2].linuxHourly", ...
    QString message; ///< what is wrong, in words
    QString toString() const { return key.isEmpty() ? message : key + QStringLiteral(": ") + message; }
};

/**
 * Reads the typed fields of one JSON object, checking each against its range, and keeps the
 * first error of a whole file in an error slot the readers of one file share: a value that is
 * absent keeps its default, a bad one is refused naming its key (prefixed with the object's path).
 * The scenario and the price book read their files with it.
 */
class JsonFieldReader {
public:
    JsonFieldReader(const QJsonObject &object, QString prefix, std::optional<JsonFieldError> &error)
        : m_object(object)
        , m_prefix(std::move(prefix))
        , m_error(error)
    {}

    QString path(const QString &key) const { return m_prefix.isEmpty() ? key : m_prefix + u'.' + key; }
    /** True once any reader sharing this error slot has failed. */
    bool failed() const { return m_error.has_value(); }
    void fail(const QString &key, const QString &message);

    bool has(const QString &key) const { return m_object.contains(key); }
    QJsonValue value(const QString &key) const { return m_object.value(key); }

    /** Refuses keys the file does not know: a misspelt setting would otherwise be silently ignored. */
    void onlyKeys(const QStringList &known);

    /** A number in [minimum, maximum]; `minimumIncluded` false for sizes that must be positive. */
    void number(const QString &key, double &target, double minimum, double maximum, bool minimumIncluded = true);
    void integer(const QString &key, int &target, int minimum, int maximum);
    void boolean(const QString &key, bool &target);

    enum class Text { Optional, Required };
    /** A string as written; a required one must be present and not blank. */
    void text(const QString &key, QString &target, Text rule = Text::Optional);
    /** A string trimmed of spaces that, when present, must not be blank. */
    void trimmedText(const QString &key, QString &target);

    /** One of the names in `allowed`, stored as its value. */
    template <typename E> void choice(const QString &key, E &target, const QList<std::pair<QString, E>> &allowed)
    {
        if (!m_object.contains(key))
            return;
        const QString value = m_object.value(key).toString();
        QStringList names;
        for (const auto &[name, e] : allowed) {
            if (name == value) {
                target = e;
                return;
            }
            names.append(name);
        }
        fail(key, QStringLiteral("unknown value '%1'; expected %2").arg(value, names.join(QStringLiteral(", "))));
    }

    /** The reader of a sub-object: an empty one when absent; an error when not an object. */
    JsonFieldReader child(const QString &key);

private:
    QJsonObject m_object;
    QString m_prefix;
    std::optional<JsonFieldError> &m_error;
};

} // namespace landfall
