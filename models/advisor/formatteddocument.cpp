#include "formatteddocument.h"

#include <QJsonDocument>

namespace landfall {

Result<QJsonObject, QString> FormattedDocument::open(const QByteArray &json, const QString &source, const char *format,
                                                     const QString &kindHint)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("%1: not valid JSON at offset %2: %3")
            .arg(source)
            .arg(error.offset)
            .arg(error.errorString());
    const QString hint = kindHint.isEmpty() ? QString() : QStringLiteral("; ") + kindHint;
    if (!document.isObject())
        return QStringLiteral("%1: expected a JSON object with \"format\": \"%2\"%3")
            .arg(source, QLatin1String(format), hint);
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(format))
        return QStringLiteral("%1: 'format' must be \"%2\"%3").arg(source, QLatin1String(format), hint);
    return root;
}

} // namespace landfall
