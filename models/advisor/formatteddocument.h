#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace landfall {

/** Opens one of Landfall's own JSON files (rules, image catalogue, OS lifecycle): valid JSON, an
    object, and the "format" its reader expects, so that a file of another kind is refused with
    its name before any of its keys is read. */
class FormattedDocument {
public:
    /** The root object of `json`, or a message that starts with `source`. `kindHint` ends the
        message for a wrong format, e.g. "this is not a Landfall rule file"; empty for none. */
    static Result<QJsonObject, QString> open(const QByteArray &json, const QString &source, const char *format,
                                             const QString &kindHint = {});
};

} // namespace landfall
