#pragma once

#include <QChar>
#include <QString>

#include <optional>

namespace landfall {

/** Reads numbers and flags as inventory exports write them: "16,384" with thousands
    separators, "2,5" with a decimal comma in European CSVs, "True"/"False". Each returns
    nothing when the text is not what it should be, so the caller can say what was expected. */
class CellParser {
public:
    explicit CellParser(QChar decimalMark = u'.')
        : m_decimalMark(decimalMark)
    {}

    std::optional<double> number(const QString &text) const;
    std::optional<qint64> wholeNumber(const QString &text) const;
    static std::optional<bool> boolean(const QString &text);

private:
    QChar m_decimalMark;
};

} // namespace landfall
