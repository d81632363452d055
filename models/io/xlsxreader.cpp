#include "xlsxreader.h"

#include "ziparchive.h"

#include <QIODevice>

#include <algorithm>

namespace landfall {

namespace {

constexpr int kMaxColumns = 16384; ///< Excel's last column, XFD

/** "BC12" -> 54 (0-based column of the cell reference); -1 when it is not a reference. */
int columnOfReference(QStringView reference)
{
    int column = 0;
    int letters = 0;
    for (const QChar c : reference) {
        if (c >= u'A' && c <= u'Z') {
            column = column * 26 + (c.unicode() - u'A' + 1);
            if (++letters > 3)
                return -1;
        } else {
            break;
        }
    }
    return letters == 0 ? -1 : column - 1;
}

/** 0 -> "A", 27 -> "AB": the letters of a column, for messages. */
QString columnLetters(int column)
{
    QString letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters.prepend(QChar(u'A' + (c - 1) % 26));
    return letters;
}

/** A number as Excel stores it ("8192", "2.5", "1.5E3") shown without a float's noise. */
QString numberText(const QString &raw)
{
    bool ok = false;
    const double value = raw.toDouble(&ok);
    if (!ok)
        return raw;
    return QString::number(value, 'g', 15);
}

bool isNamed(const QXmlStreamReader &xml, QLatin1StringView name)
{
    return xml.name() == name;
}

} // namespace

XlsxReader::XlsxReader(const QString &path, const QString &sheetName, qint64 maxUncompressedBytes)
    : m_workbook(XlsxWorkbook::open(path, maxUncompressedBytes))
    , m_path(path)
{
    start(sheetName, true);
}

XlsxReader::XlsxReader(QByteArray content, const QString &name, const QString &sheetName, qint64 maxUncompressedBytes)
    : m_workbook(XlsxWorkbook::fromContent(std::move(content), name, maxUncompressedBytes))
    , m_path(name)
{
    start(sheetName, true);
}

XlsxReader::XlsxReader(std::shared_ptr<const XlsxWorkbook> workbook, const QString &sheetName, bool anySingleSheet)
    : m_workbook(std::move(workbook))
    , m_path(m_workbook->fileName())
{
    start(sheetName, anySingleSheet);
}

XlsxReader::~XlsxReader() = default;

void XlsxReader::fail(const QString &message, qint64 row, const QString &column)
{
    if (!m_error)
        m_error = ImportIssue{m_path, row, column, {}, message};
    m_atEnd = true;
}

void XlsxReader::failFromStream()
{
    if (m_stream->status() != ZipXmlStream::Status::Ok) {
        fail(m_workbook->damagedPartMessage(m_stream->status(), m_entry), m_lastRow);
        return;
    }
    const QXmlStreamReader &xml = m_stream->xml();
    fail(QStringLiteral("sheet %1 is not valid XML (%2, near line %3); the workbook is damaged or truncated")
             .arg(m_sheetName, xml.errorString())
             .arg(xml.lineNumber()),
         m_lastRow);
}

void XlsxReader::start(const QString &sheetName, bool anySingleSheet)
{
    if (m_workbook->error()) {
        m_error = m_workbook->error();
        m_atEnd = true;
        return;
    }
    m_sheetName = sheetName;
    const QStringList names = m_workbook->sheetNames();
    if (!m_workbook->hasSheet(sheetName)) {
        const bool named = std::any_of(names.cbegin(), names.cend(), [&](const QString &name) {
            return name.compare(sheetName, Qt::CaseInsensitive) == 0;
        });
        if (named) {
            fail(QStringLiteral("the workbook names sheet %1 but does not contain it").arg(sheetName));
            return;
        }
        // A workbook of one sheet is taken whatever its name: consultants rename tabs.
        if (!anySingleSheet || names.size() != 1) {
            fail(QStringLiteral("has no sheet named %1 (it has: %2); expected an RVTools export with its vInfo tab, or "
                                "an Azure Migrate discovery export with its Discovery_Report tab")
                     .arg(sheetName, names.join(QLatin1String(", "))));
            return;
        }
        m_sheetName = names.constFirst();
        if (!m_workbook->hasSheet(m_sheetName)) {
            fail(QStringLiteral("the workbook names sheet %1 but does not contain it").arg(m_sheetName));
            return;
        }
    }
    m_entry = m_workbook->sheetEntry(m_sheetName);
    m_device = m_workbook->openDevice();
    m_zip = std::make_unique<ZipArchive>(m_device.get());
    if (!m_zip->isOpen()) {
        fail(QStringLiteral("is not a readable .xlsx workbook (the zip container is damaged or truncated)"));
        return;
    }
    m_declaredSize = m_zip->declaredSize(m_entry);
    m_stream = std::make_unique<ZipXmlStream>(*m_zip, m_workbook->budget());
    if (m_declaredSize < 0) {
        fail(QStringLiteral("the workbook names sheet %1 but does not contain it").arg(m_sheetName));
        return;
    }
    if (!m_stream->open(m_entry)) {
        fail(m_workbook->damagedPartMessage(ZipXmlStream::Status::Damaged, m_entry));
        return;
    }
    // Into <sheetData>: what comes before (column widths, views) is not the table.
    while (true) {
        const QXmlStreamReader::TokenType token = m_stream->readNext();
        if (token == QXmlStreamReader::StartElement && isNamed(m_stream->xml(), QLatin1StringView("sheetData")))
            break;
        if (token == QXmlStreamReader::Invalid || token == QXmlStreamReader::EndDocument) {
            if (token == QXmlStreamReader::Invalid)
                failFromStream();
            else
                fail(QStringLiteral("sheet %1 is empty; expected a header row naming the columns").arg(m_sheetName));
            return;
        }
    }
    std::vector<QString> cells;
    qint64 rowNumber = 0;
    if (!readRow(rowNumber, cells)) {
        if (!m_error)
            fail(QStringLiteral("the sheet is empty; expected a header row naming the columns"));
        return;
    }
    for (const QString &cell : cells)
        m_header.append(cell.trimmed());
    // Unnamed columns at the end hold nothing a mapping can ask for; dropping them keeps a
    // header cell at XFD1 from making every row 16,384 cells wide.
    while (!m_header.isEmpty() && m_header.constLast().isEmpty())
        m_header.removeLast();
    m_havePending = readRow(m_pending.row, m_pending.fields);
}

bool XlsxReader::readCell(std::vector<QString> &cells, int &nextColumn, qint64 rowNumber)
{
    QXmlStreamReader &xml = m_stream->xml();
    const QXmlStreamAttributes attributes = xml.attributes();
    const QStringView reference = attributes.value(QLatin1String("r"));
    const QStringView type = attributes.value(QLatin1String("t"));
    const int column = reference.isEmpty() ? nextColumn : columnOfReference(reference);
    if (column < 0 || column >= kMaxColumns) {
        fail(QStringLiteral("cell reference %1 is not valid").arg(reference), rowNumber);
        return false;
    }
    nextColumn = column + 1;
    // A cell right of the header has no column to go in (next() never returns it), and
    // keeping it would let 20 bytes of XML (<c r="XFD2" t="b"/>) allocate 16,384 cells.
    const bool kept = !m_header.isEmpty() ? column < m_header.size() && isWanted(size_t(column)) : true;
    QString raw;
    QString value;
    bool inlineText = false;
    while (true) {
        const QXmlStreamReader::TokenType token = m_stream->readNext();
        if (token == QXmlStreamReader::EndElement && isNamed(xml, QLatin1StringView("c")))
            break;
        if (token == QXmlStreamReader::Invalid || token == QXmlStreamReader::EndDocument) {
            failFromStream();
            return false;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (isNamed(xml, QLatin1StringView("v"))) {
            raw = m_stream->readText();
        } else if (isNamed(xml, QLatin1StringView("is"))) {
            inlineText = true;
            int depth = 1;
            while (depth > 0) {
                const QXmlStreamReader::TokenType inner = m_stream->readNext();
                if (inner == QXmlStreamReader::StartElement) {
                    if (isNamed(xml, QLatin1StringView("t")))
                        value += m_stream->readText();
                    else if (isNamed(xml, QLatin1StringView("rPh")))
                        m_stream->skipElement();
                    else
                        ++depth;
                } else if (inner == QXmlStreamReader::EndElement) {
                    --depth;
                } else if (inner == QXmlStreamReader::Invalid || inner == QXmlStreamReader::EndDocument) {
                    failFromStream();
                    return false;
                }
            }
        } else {
            m_stream->skipElement(); // a formula, or an extension: the value is in <v>
        }
    }
    if (!kept)
        return true;
    const auto columnName = [&]() { return column < m_header.size() ? m_header[column] : QString(); };
    if (type == QLatin1String("s")) {
        // RVTools 4.7 writes an empty text cell as a shared-string cell without a value.
        if (!raw.trimmed().isEmpty()) {
            bool ok = false;
            const qsizetype index = raw.toLongLong(&ok);
            if (!ok || index < 0 || index >= m_workbook->sharedStringCount()) {
                fail(QStringLiteral("cell %1 of sheet %2 points at shared string %3, which the workbook does not "
                                    "have (it has %4)")
                         .arg(reference, m_sheetName, raw.trimmed())
                         .arg(m_workbook->sharedStringCount()),
                     rowNumber, columnName());
                return false;
            }
            // UTF-8 bytes bound the characters: only a long one needs converting to be measured.
            value = m_workbook->sharedString(index);
        }
    } else if (type == QLatin1String("b")) {
        if (!raw.isEmpty())
            value = raw == QLatin1String("1") ? QStringLiteral("True") : QStringLiteral("False");
    } else if (type == QLatin1String("str") || type == QLatin1String("e")) {
        value = raw;
    } else if (!inlineText && type != QLatin1String("inlineStr")) {
        value = raw.isEmpty() ? raw : numberText(raw);
    }
    if (value.size() > XlsxWorkbook::kMaxCellCharacters) {
        fail(QStringLiteral("cell %1 of sheet %2 holds %3 characters; a cell holds at most 32,767 (Excel's limit), "
                            "so the workbook was not written by Excel or RVTools")
                 .arg(columnLetters(column) + QString::number(rowNumber), m_sheetName)
                 .arg(value.size()),
             rowNumber, columnName().isEmpty() ? columnLetters(column) : columnName());
        return false;
    }
    if (size_t(column) >= cells.size())
        cells.resize(m_header.isEmpty() ? size_t(column) + 1 : size_t(m_header.size()));
    cells[size_t(column)] = std::move(value);
    return true;
}

bool XlsxReader::readRow(qint64 &rowNumber, std::vector<QString> &cells)
{
    if (m_atEnd || !m_stream)
        return false;
    QXmlStreamReader &xml = m_stream->xml();
    while (true) {
        const QXmlStreamReader::TokenType token = m_stream->readNext();
        if (token == QXmlStreamReader::Invalid) {
            failFromStream();
            return false;
        }
        if (token == QXmlStreamReader::EndDocument ||
            (token == QXmlStreamReader::EndElement && isNamed(xml, QLatin1StringView("sheetData")))) {
            m_atEnd = true;
            return false;
        }
        if (token != QXmlStreamReader::StartElement || !isNamed(xml, QLatin1StringView("row")))
            continue;
        const QStringView rowAttribute = xml.attributes().value(QLatin1String("r"));
        bool ok = true;
        rowNumber = rowAttribute.isEmpty() ? m_lastRow + 1 : rowAttribute.toLongLong(&ok);
        if (!ok || rowNumber < 1 || rowNumber > kMaxRows) {
            fail(QStringLiteral("sheet %1 has a row numbered %2; rows go from 1 to 1,048,576")
                     .arg(m_sheetName, rowAttribute.toString()),
                 m_lastRow);
            return false;
        }
        m_lastRow = rowNumber;
        cells.assign(m_header.isEmpty() ? size_t(0) : size_t(m_header.size()), QString());
        int nextColumn = 0;
        while (true) {
            const QXmlStreamReader::TokenType inner = m_stream->readNext();
            if (inner == QXmlStreamReader::EndElement && isNamed(xml, QLatin1StringView("row")))
                break;
            if (inner == QXmlStreamReader::Invalid || inner == QXmlStreamReader::EndDocument) {
                failFromStream();
                return false;
            }
            if (inner == QXmlStreamReader::StartElement) {
                if (!isNamed(xml, QLatin1StringView("c"))) {
                    m_stream->skipElement();
                    continue;
                }
                if (!readCell(cells, nextColumn, rowNumber))
                    return false;
            }
        }
        const bool blank =
            std::all_of(cells.cbegin(), cells.cend(), [](const QString &c) { return c.trimmed().isEmpty(); });
        // The header row is taken even when blank; blank rows after it are not records.
        if (!m_header.isEmpty() && blank)
            continue;
        return true;
    }
}

bool XlsxReader::next(Record &record)
{
    if (m_error)
        return false;
    if (m_havePending) {
        m_havePending = false;
        record.row = m_pending.row;
        record.fields = std::move(m_pending.fields);
        record.fields.resize(size_t(m_header.size()));
        return true;
    }
    if (!readRow(record.row, record.fields))
        return false;
    record.fields.resize(size_t(m_header.size()));
    return true;
}

double XlsxReader::fractionRead() const
{
    if (!m_stream || m_declaredSize <= 0 || m_atEnd)
        return 1.0;
    return qMin(1.0, double(m_stream->bytesUnpacked()) / double(m_declaredSize));
}

} // namespace landfall
