#include "cellparser.h"

#include <cmath>

namespace landfall {

namespace {

/** Most cells of an export are plain whole numbers ("8192"): read those without a locale. */
std::optional<double> plainWholeNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 15)
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return double(value);
}

} // namespace

std::optional<double> CellParser::number(const QString &text) const
{
    if (const std::optional<double> plain = plainWholeNumber(text))
        return plain;
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

std::optional<qint64> CellParser::wholeNumber(const QString &text) const
{
    const std::optional<double> value = number(text);
    if (!value || std::floor(*value) != *value || std::fabs(*value) > 1e15)
        return std::nullopt;
    return static_cast<qint64>(*value);
}

std::optional<bool> CellParser::boolean(const QString &text)
{
    // What RVTools writes in every flag column of every row, before the spellings of other tools.
    if (text == QLatin1String("False"))
        return false;
    if (text == QLatin1String("True"))
        return true;
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
