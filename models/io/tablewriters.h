#pragma once

#include "plantable.h"

#include <QString>

#include <optional>

namespace landfall {

/** Writes a PlanTable as CSV that Excel opens as it is: UTF-8 with a byte-order mark, ','
    between fields, CRLF line ends, quotes where needed, formulas neutralised. */
class CsvTableWriter {
public:
    /** The error in words, or nothing when the file was written. */
    static std::optional<QString> write(const PlanTable &table, const QString &path);
    static QByteArray toCsv(const PlanTable &table);
};

/** One sheet of a workbook: the name on its tab (at most 31 characters) and its table. */
struct XlsxSheet {
    QString name;
    PlanTable table;
};

/** Writes a PlanTable as an .xlsx workbook through libxlsxwriter: a bold, frozen header with
    filters, numbers as numbers (fractions with one decimal), text as text with formulas
    neutralised, columns as wide as their header. */
class XlsxTableWriter {
public:
    /** A workbook of several sheets, in order; refuses as the single-sheet write does. */
    static std::optional<QString> write(const QList<XlsxSheet> &sheets, const QString &path);
    /** Refuses a cell over Excel's 32,767 characters (never written empty); writes through a
        unique temporary file renamed over `path` once complete and synced. */
    static std::optional<QString> write(const PlanTable &table, const QString &path,
                                        const QString &sheetName = QStringLiteral("Plan"));
    /** The first cell (row and column named) an .xlsx cannot hold, or nothing. */
    static std::optional<QString> cellRefusal(const PlanTable &table, const QString &path);
    static constexpr qsizetype kMaxCellCharacters = 32767; ///< Excel's limit, and libxlsxwriter's
};

} // namespace landfall
