#include "tablewriters.h"

#include "atomicfile.h"

#include <QFile>

#include <algorithm>
#include <cmath>

#include <xlsxwriter.h>

namespace landfall {

namespace {

bool isNumber(const QVariant &cell)
{
    const int type = cell.typeId();
    return type == QMetaType::Int || type == QMetaType::LongLong || type == QMetaType::Double ||
           type == QMetaType::UInt || type == QMetaType::ULongLong;
}

QString csvField(const QVariant &cell)
{
    if (isNumber(cell))
        return cell.typeId() == QMetaType::Double ? QString::number(cell.toDouble(), 'g', 12) : cell.toString();
    QString text = FormulaGuard::neutralize(cell.toString());
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(u'"', QLatin1String("\"\""));
        text = u'"' + text + u'"';
    }
    return text;
}

} // namespace

QByteArray CsvTableWriter::toCsv(const PlanTable &table)
{
    QString text;
    const auto writeRow = [&text](const QVariantList &cells) {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                text += u',';
            text += csvField(cells[i]);
        }
        text += QLatin1String("\r\n");
    };
    QVariantList header;
    for (const QString &name : table.header)
        header.append(name);
    writeRow(header);
    for (const QVariantList &row : table.rows)
        writeRow(row);
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

std::optional<QString> CsvTableWriter::write(const PlanTable &table, const QString &path)
{
    // Every write checked and synced before the rename: a full disk fails the export and leaves
    // the old file, never a short one.
    return AtomicFile::writeWhole(path, toCsv(table));
}

std::optional<QString> XlsxTableWriter::cellRefusal(const PlanTable &table, const QString &path)
{
    const auto refusal = [&](qsizetype row, qsizetype column, const QString &text) -> std::optional<QString> {
        // libxlsxwriter counts UTF-8 characters, as Excel counts code points.
        const qsizetype characters = text.toUcs4().size();
        if (characters <= kMaxCellCharacters)
            return std::nullopt;
        return QStringLiteral("%1: row %2, column %3: the text has %4 characters, more than the %5 an Excel cell "
                              "holds; nothing was written (export as CSV instead)")
            .arg(path)
            .arg(row + 1)
            .arg(table.header.value(column, QString::number(column + 1)))
            .arg(characters)
            .arg(kMaxCellCharacters);
    };
    for (qsizetype column = 0; column < table.header.size(); ++column) {
        if (std::optional<QString> problem = refusal(0, column, table.header[column]))
            return problem;
    }
    for (qsizetype row = 0; row < table.rows.size(); ++row) {
        const QVariantList &cells = table.rows[row];
        for (qsizetype column = 0; column < cells.size(); ++column) {
            if (isNumber(cells[column]) || cells[column].toString().size() <= kMaxCellCharacters)
                continue; // no more code points than UTF-16 units
            if (std::optional<QString> problem =
                    refusal(row + 1, column, FormulaGuard::neutralize(cells[column].toString())))
                return problem;
        }
    }
    return std::nullopt;
}

std::optional<QString> XlsxTableWriter::write(const PlanTable &table, const QString &path, const QString &sheetName)
{
    return write(QList<XlsxSheet>{{sheetName, table}}, path);
}

std::optional<QString> XlsxTableWriter::write(const QList<XlsxSheet> &sheets, const QString &path)
{
    for (const XlsxSheet &sheet : sheets) {
        if (std::optional<QString> refused = cellRefusal(sheet.table, path))
            return sheets.size() == 1 ? refused : QStringLiteral("%1 (sheet %2)").arg(*refused, sheet.name);
    }
    // libxlsxwriter writes to a file by name: a unique one beside the target, renamed over it
    // once complete and synced.
    QString error;
    const QString temporary = AtomicFile::createTemporaryBeside(path, &error);
    if (temporary.isEmpty())
        return QStringLiteral("%1: cannot be written: %2").arg(path, error);
    const QByteArray fileName = QFile::encodeName(temporary);
    // The default mode, not constant memory: measured at 10,000 VMs it saves little, and its
    // row-by-row temporary files are not the path whose full-disk failure tests/reliability checks.
    lxw_workbook *workbook = workbook_new(fileName.constData());
    if (workbook == nullptr) {
        QFile::remove(temporary);
        return QStringLiteral("%1: cannot be written").arg(path);
    }
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format *oneDecimal = workbook_add_format(workbook);
    format_set_num_format(oneDecimal, "#,##0.0");
    std::optional<QString> refused;
    for (const XlsxSheet &named : sheets) {
        if (refused)
            break;
        const PlanTable &table = named.table;
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, named.name.left(31).toUtf8().constData());
        if (sheet == nullptr) {
            refused = QStringLiteral("%1: the sheet name \"%2\" cannot be used").arg(path, named.name);
            break;
        }
        const auto check = [&](lxw_error result, qsizetype row, qsizetype column, const QString &text) {
            if (result == LXW_NO_ERROR || refused)
                return;
            const QString columnName = table.header.value(column, QString::number(column + 1));
            refused = result == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                          ? QStringLiteral("%1: row %2, column %3: the text has %4 characters, more than the %5 an "
                                           "Excel cell holds; nothing was written (export as CSV instead)")
                                .arg(path)
                                .arg(row + 1)
                                .arg(columnName)
                                .arg(text.size())
                                .arg(kMaxCellCharacters)
                          : QStringLiteral("%1: row %2, column %3: cannot be written: %4")
                                .arg(path)
                                .arg(row + 1)
                                .arg(columnName, QString::fromUtf8(lxw_strerror(result)));
        };
        for (qsizetype column = 0; column < table.header.size() && !refused; ++column) {
            const QString &name = table.header[column];
            check(worksheet_write_string(sheet, 0, lxw_col_t(column), name.toUtf8().constData(), bold), 0, column,
                  name);
            // As wide as the header (with room for the filter button), within reason.
            const double width = std::clamp<double>(double(name.size()) + 4, 9, 48);
            worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nullptr);
        }
        for (qsizetype row = 0; row < table.rows.size() && !refused; ++row) {
            const QVariantList &cells = table.rows[row];
            for (qsizetype column = 0; column < cells.size() && !refused; ++column) {
                const QVariant &cell = cells[column];
                const auto r = lxw_row_t(row + 1);
                const auto c = lxw_col_t(column);
                if (isNumber(cell)) {
                    const double value = cell.toDouble();
                    lxw_format *format =
                        cell.typeId() == QMetaType::Double && value != std::floor(value) ? oneDecimal : nullptr;
                    check(worksheet_write_number(sheet, r, c, value, format), row + 1, column, {});
                } else if (const QString text = cell.toString(); !text.isEmpty()) {
                    const QString safe = FormulaGuard::neutralize(text);
                    check(worksheet_write_string(sheet, r, c, safe.toUtf8().constData(), nullptr), row + 1, column,
                          safe);
                }
            }
        }
        worksheet_freeze_panes(sheet, 1, 0);
        if (!table.header.isEmpty())
            worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.size()), lxw_col_t(table.header.size() - 1));
    }
    const lxw_error result = workbook_close(workbook);
    if (refused || result != LXW_NO_ERROR) {
        QFile::remove(temporary);
        return refused ? *refused
                       : QStringLiteral("%1: cannot be written: %2").arg(path, QString::fromUtf8(lxw_strerror(result)));
    }
    return AtomicFile::commitWritten(temporary, path);
}

} // namespace landfall
