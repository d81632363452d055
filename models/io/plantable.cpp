#include "plantable.h"

namespace landfall {

bool FormulaGuard::looksLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r';
}

QString FormulaGuard::neutralize(const QString &text)
{
    return looksLikeFormula(text) ? u'\'' + text : text;
}

} // namespace landfall
