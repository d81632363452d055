#include "cellparser.h"

#include <cmath>

namespace landfall {

std::optional<double> CellParser::number(const QString &text) const {
    const QChar groupMark = m_decimalMark == u',' ? u'.' : u',';
    QString plain;
    plain.reserve(text.size());
    int digitsSinceGroup = -1; // -1: no group mark seen yet
    bool seenDecimal = false;
    for (const QChar c : text.trimmed()) {
        if (c == groupMark && !seenDecimal) {
            // A thousands separator must follow 1-3 digits and be followed by exactly 3.
            if (plain.isEmpty() || (digitsSinceGroup >= 0 && digitsSinceGroup != 3))
                return std::nullopt;
            digitsSinceGroup = 0;
            continue;
        }
        if (c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F)) // spaces group digits in some locales
            continue;
        if (c == m_decimalMark) {
            if (seenDecimal || (digitsSinceGroup >= 0 && digitsSinceGroup != 3))
                return std::nullopt;
            seenDecimal = true;
            plain += u'.';
            continue;
        }
        if (c.isDigit() && digitsSinceGroup >= 0 && !seenDecimal)
            ++digitsSinceGroup;
        plain += c;
    }
    if (plain.isEmpty() || (digitsSinceGroup >= 0 && !seenDecimal && digitsSinceGroup != 3))
        return std::nullopt;
    bool ok = false;
    const double value = plain.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<qint64> CellParser::wholeNumber(const QString &text) const {
    const std::optional<double> value = number(text);
    if (!value || std::floor(*value) != *value || std::fabs(*value) > 1e15)
        return std::nullopt;
    return static_cast<qint64>(*value);
}

std::optional<bool> CellParser::boolean(const QString &text) {
    const QString word = text.trimmed();
    for (const char *yes : {"true", "yes", "1", "wahr", "vrai"}) {
        if (word.compare(QLatin1String(yes), Qt::CaseInsensitive) == 0)
            return true;
    }
    for (const char *no : {"false", "no", "0", "falsch", "faux", ""}) {
        if (word.compare(QLatin1String(no), Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

} // namespace landfall
