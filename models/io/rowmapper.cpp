#include "rowmapper.h"

#include "inventoryformat.h"

#include <algorithm>

namespace landfall {

namespace {

/** Nothing but white space, told without the copy that trimmed() makes. */
bool isBlank(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

QString expectedText(const ColumnSpec &spec)
{
    switch (spec.kind) {
    case CellKind::Count:
        return QStringLiteral("expected a whole number of 0 or more, such as 4");
    case CellKind::Size:
        return QStringLiteral("expected a size of 0 or more, such as 8192");
    case CellKind::Percent:
        return QStringLiteral("expected a percentage from 0 to 100, or an empty cell when not known");
    case CellKind::Flag:
        return QStringLiteral("expected True or False");
    case CellKind::Power:
        return QStringLiteral("expected poweredOn, poweredOff or suspended");
    case CellKind::Answer:
        return QStringLiteral("expected one of ") +
               WorkshopAnswers::allowedValues(*spec.attribute).join(QLatin1String(", "));
    case CellKind::Text:
        break;
    }
    return QStringLiteral("expected a value");
}

} // namespace

RowMapper::RowMapper(FormatMapping mapping, QString fileName, QChar decimalMark)
    : m_mapping(std::move(mapping))
    , m_fileName(std::move(fileName))
    , m_parser(decimalMark)
{}

QList<ImportIssue> RowMapper::bind(const QStringList &header)
{
    m_header = header;
    m_columnOfSpec.assign(size_t(m_mapping.columns.size()), -1);
    m_customColumns.clear();
    QList<QString> normalized;
    for (const QString &name : header)
        normalized.append(InventoryFormatDetector::normalizedColumn(name));

    QList<ImportIssue> issues;
    std::vector<bool> used(size_t(header.size()), false);
    for (qsizetype s = 0; s < m_mapping.columns.size(); ++s) {
        const ColumnSpec &spec = m_mapping.columns[s];
        // Aliases are in order of preference: the first one present wins.
        for (const QString &alias : spec.aliases) {
            const qsizetype column = normalized.indexOf(InventoryFormatDetector::normalizedColumn(alias));
            if (column >= 0 && !used[size_t(column)]) {
                m_columnOfSpec[size_t(s)] = int(column);
                used[size_t(column)] = true;
                break;
            }
        }
        if (spec.mandatory && m_columnOfSpec[size_t(s)] < 0) {
            issues.append(
                {m_fileName,
                 1,
                 spec.field,
                 {},
                 QStringLiteral("the mandatory column is missing from the header; expected a column named \"%1\" "
                                "in %2 %3 file")
                     .arg(spec.aliases.constFirst(),
                          QString(QLatin1String("AEIOU")).contains(m_mapping.formatName.left(1)) ? QStringLiteral("an")
                                                                                                 : QStringLiteral("a"),
                          m_mapping.formatName)});
        }
    }
    for (qsizetype column = 0; column < header.size(); ++column) {
        if (!used[size_t(column)] && !header[column].isEmpty() &&
            !m_mapping.ignoredColumns.contains(normalized[column]))
            m_customColumns.push_back(int(column));
    }
    return issues;
}

std::vector<bool> RowMapper::wantedColumns() const
{
    std::vector<bool> wanted(size_t(m_header.size()), false);
    for (int column : m_columnOfSpec) {
        if (column >= 0)
            wanted[size_t(column)] = true;
    }
    for (int column : m_customColumns)
        wanted[size_t(column)] = true;
    return wanted;
}

std::optional<Cell> RowMapper::parse(const ColumnSpec &spec, QString cellText, qint64 row, const QString &header,
                                     QList<ImportIssue> &issues) const
{
    // The text moves into the cell: a copy would touch the reference count of a text the reader
    // shares between rows, which the reading thread touches at the same time.
    Cell cell;
    cell.text = std::move(cellText);
    const QString &text = cell.text;
    const auto reject = [&](const QString &problem) {
        issues.append({m_fileName, row, header, text, problem + QLatin1String("; ") + expectedText(spec)});
        return std::nullopt;
    };
    switch (spec.kind) {
    case CellKind::Text:
        return cell;
    case CellKind::Count:
    case CellKind::Size:
    case CellKind::Percent: {
        const std::optional<double> value = m_parser.number(text);
        if (!value)
            return reject(QStringLiteral("not a number"));
        if (*value < 0)
            return reject(QStringLiteral("negative"));
        // Size first: converting a double past qint64's range (a cell of "1e300") is undefined.
        if (spec.kind == CellKind::Count && *value > 1e6)
            return reject(QStringLiteral("implausibly large"));
        if (spec.kind == CellKind::Count && *value != qint64(*value))
            return reject(QStringLiteral("not a whole number"));
        if (spec.kind == CellKind::Percent && *value > 100)
            return reject(QStringLiteral("over 100 %"));
        cell.number = spec.kind == CellKind::Size ? *value * spec.toMiB : *value;
        return cell;
    }
    case CellKind::Flag: {
        const std::optional<bool> flag = CellParser::boolean(text);
        if (!flag)
            return reject(QStringLiteral("not a yes/no value"));
        cell.flag = *flag;
        return cell;
    }
    case CellKind::Power: {
        const std::optional<PowerState> power = powerStateFromKey(text);
        if (!power)
            return reject(QStringLiteral("not a power state"));
        cell.power = *power;
        return cell;
    }
    case CellKind::Answer:
        if (!WorkshopAnswers().setValue(*spec.attribute, text))
            return reject(QStringLiteral("not an allowed value"));
        return cell;
    }
    return cell;
}

qsizetype RowMapper::filledWidth(const Record &record)
{
    qsizetype width = qsizetype(record.fields.size());
    while (width > 0 && isBlank(record.fields[size_t(width - 1)]))
        --width;
    return width;
}

bool RowMapper::endsBefore(const Record &record, qsizetype filledWidth, int column)
{
    // A row whose cells stop before this column, when the header goes on well past it: cut short,
    // not a row with one empty cell.
    return filledWidth <= column && filledWidth > 0 && record.fields.size() > size_t(filledWidth) + 1;
}

std::optional<MappedRow> RowMapper::map(Record &record, QList<ImportIssue> &issues) const
{
    // Measured before any cell moves out of the record, for the message on a truncated row.
    const qsizetype width = filledWidth(record);
    MappedRow mapped;
    mapped.row = record.row;
    // Unknown until a usedMiB cell gives it: an export without the column, or with an empty cell,
    // does not say the VM uses no disk.
    mapped.vm.usedKnown = false;
    const qsizetype issuesBefore = issues.size();
    for (qsizetype s = 0; s < m_mapping.columns.size(); ++s) {
        const int column = m_columnOfSpec[size_t(s)];
        if (column < 0)
            continue;
        const ColumnSpec &spec = m_mapping.columns[s];
        // Moved, not copied: a copy and the record's end would touch the reference count of a text
        // the reader shares between rows (while the reading thread touches it too), and trimming an
        // rvalue with no white space at its ends returns the same text without a copy.
        QString text = std::move(record.fields[size_t(column)]).trimmed();
        if (text.isEmpty()) {
            if (spec.mandatory && issues.size() == issuesBefore && endsBefore(record, width, column))
                issues.append({m_fileName, record.row, m_header[column], text,
                               QStringLiteral("the row is truncated: it ends after %1 of its %2 cells, before this "
                                              "mandatory column; ")
                                       .arg(width)
                                       .arg(m_header.size()) +
                                   expectedText(spec)});
            else if (spec.mandatory && !endsBefore(record, width, column))
                issues.append(
                    {m_fileName, record.row, m_header[column], text,
                     QStringLiteral("the cell is empty, but the column is mandatory; ") + expectedText(spec)});
            continue;
        }
        const std::optional<Cell> cell = parse(spec, std::move(text), record.row, m_header[column], issues);
        if (!cell)
            continue;
        spec.apply(mapped, *cell);
        if (m_mapping.tracksPresentFields)
            mapped.presentFields.insert(spec.field);
    }
    for (int column : m_customColumns) {
        QString &value = record.fields[size_t(column)];
        if (!isBlank(value))
            mapped.vm.customAttributes.insert(m_header[column], std::move(value));
    }
    if (issues.size() > issuesBefore)
        return std::nullopt;
    if (m_mapping.finish)
        m_mapping.finish(mapped);
    return mapped;
}

} // namespace landfall
