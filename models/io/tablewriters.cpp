#include "tablewriters.h"

#include <QFile>
#include <QSaveFile>

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
    // QSaveFile: a failed export never leaves half a file where a good one was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
    file.write(toCsv(table));
    if (!file.commit())
        return QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
    return std::nullopt;
}

std::optional<QString> XlsxTableWriter::write(const PlanTable &table, const QString &path, const QString &sheetName)
{
    const QString temporary = path + QStringLiteral(".part");
    const QByteArray fileName = QFile::encodeName(temporary);
    lxw_workbook *workbook = workbook_new(fileName.constData());
    if (workbook == nullptr)
        return QStringLiteral("%1: cannot be written").arg(path);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, sheetName.left(31).toUtf8().constData());
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (qsizetype column = 0; column < table.header.size(); ++column)
        worksheet_write_string(sheet, 0, lxw_col_t(column), table.header[column].toUtf8().constData(), bold);
    for (qsizetype row = 0; row < table.rows.size(); ++row) {
        const QVariantList &cells = table.rows[row];
        for (qsizetype column = 0; column < cells.size(); ++column) {
            const QVariant &cell = cells[column];
            const auto r = lxw_row_t(row + 1);
            const auto c = lxw_col_t(column);
            if (isNumber(cell))
                worksheet_write_number(sheet, r, c, cell.toDouble(), nullptr);
            else if (!cell.toString().isEmpty())
                worksheet_write_string(sheet, r, c, FormulaGuard::neutralize(cell.toString()).toUtf8().constData(),
                                       nullptr);
        }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (!table.header.isEmpty())
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.size()), lxw_col_t(table.header.size() - 1));
    const lxw_error result = workbook_close(workbook);
    if (result != LXW_NO_ERROR) {
        QFile::remove(temporary);
        return QStringLiteral("%1: cannot be written: %2").arg(path, QString::fromUtf8(lxw_strerror(result)));
    }
    QFile::remove(path);
    if (!QFile::rename(temporary, path))
        return QStringLiteral("%1: cannot be written").arg(path);
    return std::nullopt;
}

} // namespace landfall
