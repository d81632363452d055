#pragma once

#include <QList>
#include <QStringList>
#include <QVariant>

namespace landfall {

/** A plan laid out as one table for spreadsheets: a header and rows of cells. A cell that
    holds a number (int, qint64, double) is written as a number; anything else as text. */
struct PlanTable {
    QStringList header;
    QList<QVariantList> rows;
};

/** Keeps text that a spreadsheet would run as a formula from being one, following OWASP's
    guidance on CSV injection: a cell starting with =, +, -, @, a tab or a carriage return
    gets a leading apostrophe, which spreadsheets show as text and do not evaluate. */
class FormulaGuard {
public:
    static QString neutralize(const QString &text);
    static bool looksLikeFormula(const QString &text);
};

} // namespace landfall
