#include "importissue.h"

namespace landfall {

QString ImportIssue::toString() const
{
    QString text = file;
    if (row > 0)
        text += u':' + QString::number(row);
    if (!column.isEmpty())
        text += u':' + column;
    text += QLatin1String(": ");
    if (!value.isEmpty() && !column.isEmpty()) { // an empty cell is said so in the message, never shown as ""
        // Show the value as read, but keep one issue on one line whatever the cell holds.
        QString shown = value.left(80);
        shown.replace(u'\n', QLatin1String("\\n")).replace(u'\r', QLatin1String("\\r"));
        if (value.size() > 80)
            shown += QStringLiteral("...");
        text += u'"' + shown + QLatin1String("\": ");
    }
    return text + message;
}

} // namespace landfall
