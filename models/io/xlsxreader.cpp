#include "xlsxreader.h"

#include "sheetxmlscanner.h"
#include "ziparchive.h"

#include <QIODevice>

#include <algorithm>

namespace landfall {

namespace {

constexpr int kMaxColumns = 16384; ///< Excel's last column, XFD
constexpr size_t kStringCacheSize = 4096;

/** "BC12" -> 54 (0-based column of the cell reference); -1 when it is not a reference. */
int columnOfReference(std::string_view reference)
{
    int column = 0;
    int letters = 0;
    for (const char c : reference) {
        if (c >= 'A' && c <= 'Z') {
            column = column * 26 + (c - 'A' + 1);
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

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/** A number as Excel stores it ("8192", "2.5", "1.5E3") shown without a float's noise. */
QString numberText(const std::string &raw)
{
    // Most numbers in an inventory are whole and short: they read back as written, without
    // the round trip through a double ('g' with 15 digits shows 15 digits exactly).
    const size_t sign = !raw.empty() && raw[0] == '-' ? 1 : 0;
    const size_t digits = raw.size() - sign;
    if (digits >= 1 && digits <= 15 && (raw[sign] != '0' || (digits == 1 && sign == 0)) &&
        std::all_of(raw.cbegin() + qsizetype(sign), raw.cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return QString::fromLatin1(raw.data(), qsizetype(raw.size()));
    const QString text = fromUtf8(raw);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        return text;
    return QString::number(value, 'g', 15);
}

/** The index a shared-string cell holds ("12", with white space around it or not); -1 when it is not one. */
qint64 sharedStringIndex(const std::string &raw)
{
    size_t begin = 0;
    size_t end = raw.size();
    while (begin < end && (raw[begin] == ' ' || raw[begin] == '\t' || raw[begin] == '\n' || raw[begin] == '\r'))
        ++begin;
    while (end > begin && (raw[end - 1] == ' ' || raw[end - 1] == '\t' || raw[end - 1] == '\n' || raw[end - 1] == '\r'))
        --end;
    if (begin == end || end - begin > 18)
        return -1;
    qint64 index = 0;
    for (size_t i = begin; i < end; ++i) {
        if (raw[i] < '0' || raw[i] > '9')
            return -1;
        index = index * 10 + (raw[i] - '0');
    }
    return index;
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

QString XlsxReader::columnName(int column) const
{
    if (column < 0)
        return {};
    return column < m_header.size() && !m_header[column].isEmpty() ? m_header[column] : columnLetters(column);
}

void XlsxReader::failFromStream()
{
    if (m_stream->status() != ZipXmlStream::Status::Ok) {
        fail(m_workbook->damagedPartMessage(m_stream->status(), m_entry), m_lastRow);
        return;
    }
    const QString where = m_column >= 0
                              ? QStringLiteral(" in cell %1").arg(columnLetters(m_column) + QString::number(m_lastRow))
                          : m_lastRow > 0 ? QStringLiteral(" in row %1").arg(m_lastRow)
                                          : QString();
    fail(QStringLiteral("sheet %1 is not valid XML%2 (%3, near line %4); the workbook is damaged or truncated")
             .arg(m_sheetName, where, m_scanner->errorString())
             .arg(m_scanner->lineNumber()),
         m_lastRow, columnName(m_column));
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
    m_scanner = std::make_unique<SheetXmlScanner>(
        [stream = m_stream.get()](char *buffer, qint64 size) { return stream->readPiece(buffer, size); });
    // Into <sheetData>: what comes before (column widths, views) is not the table.
    if (!m_scanner->enterSheetData()) {
        if (m_scanner->hasError() || m_stream->status() != ZipXmlStream::Status::Ok)
            failFromStream();
        else
            fail(QStringLiteral("sheet %1 is empty; expected a header row naming the columns").arg(m_sheetName));
        return;
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
    SheetXmlScanner &scanner = *m_scanner;
    const std::string_view reference = scanner.cellReference();
    const int column = reference.empty() ? nextColumn : columnOfReference(reference);
    if (column < 0 || column >= kMaxColumns) {
        fail(QStringLiteral("cell reference %1 is not valid").arg(fromUtf8(reference)), rowNumber);
        return false;
    }
    nextColumn = column + 1;
    m_column = column;
    // A cell right of the header has no column to go in (next() never returns it), and
    // keeping it would let 20 bytes of XML (<c r="XFD2" t="b"/>) allocate 16,384 cells.
    const bool kept = !m_header.isEmpty() ? column < m_header.size() && isWanted(size_t(column)) : true;
    if (!scanner.readCell(kept)) {
        failFromStream();
        return false;
    }
    if (!kept) {
        m_column = -1;
        return true;
    }
    const std::string_view type = scanner.cellType();
    const std::string &raw = scanner.value();
    QString value;
    if (type == "s") {
        // RVTools 4.7 writes an empty text cell as a shared-string cell without a value.
        if (!std::all_of(raw.cbegin(), raw.cend(),
                         [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; })) {
            const qint64 index = sharedStringIndex(raw);
            if (index < 0 || index >= m_workbook->sharedStringCount()) {
                fail(QStringLiteral("cell %1 of sheet %2 points at shared string %3, which the workbook does not "
                                    "have (it has %4)")
                         .arg(fromUtf8(reference), m_sheetName, fromUtf8(raw).trimmed())
                         .arg(m_workbook->sharedStringCount()),
                     rowNumber, columnName(column));
                return false;
            }
            if (m_stringCache.empty())
                m_stringCache.resize(kStringCacheSize);
            CachedString &cached = m_stringCache[size_t(index) % kStringCacheSize];
            if (cached.index != index)
                cached = {index, m_workbook->sharedString(index)};
            value = cached.text;
        }
    } else if (type == "b") {
        if (!raw.empty())
            value = raw == "1" ? QStringLiteral("True") : QStringLiteral("False");
    } else if (type == "str" || type == "e") {
        value = fromUtf8(raw);
    } else if (scanner.hasInlineText() || type == "inlineStr") {
        value = fromUtf8(scanner.inlineText());
    } else if (!raw.empty()) {
        value = numberText(raw);
    }
    if (scanner.textTooLong() || value.size() > XlsxWorkbook::kMaxCellCharacters) {
        const QString size = scanner.textTooLong() ? QStringLiteral("more than 32,767") : QString::number(value.size());
        fail(QStringLiteral("cell %1 of sheet %2 holds %3 characters; a cell holds at most 32,767 (Excel's limit), "
                            "so the workbook was not written by Excel or RVTools")
                 .arg(columnLetters(column) + QString::number(rowNumber), m_sheetName, size),
             rowNumber, columnName(column));
        return false;
    }
    if (size_t(column) >= cells.size())
        cells.resize(m_header.isEmpty() ? size_t(column) + 1 : size_t(m_header.size()));
    cells[size_t(column)] = std::move(value);
    m_column = -1;
    return true;
}

bool XlsxReader::readRow(qint64 &rowNumber, std::vector<QString> &cells)
{
    if (m_atEnd || !m_scanner)
        return false;
    SheetXmlScanner &scanner = *m_scanner;
    while (true) {
        SheetXmlScanner::Token token = scanner.next();
        if (token == SheetXmlScanner::Token::Invalid) {
            failFromStream();
            return false;
        }
        if (token == SheetXmlScanner::Token::SheetDataEnd) {
            m_atEnd = true;
            return false;
        }
        if (token != SheetXmlScanner::Token::RowStart)
            continue;
        const std::string_view rowAttribute = scanner.rowReference();
        bool ok = true;
        rowNumber = rowAttribute.empty() ? m_lastRow + 1 : fromUtf8(rowAttribute).toLongLong(&ok);
        if (!ok || rowNumber < 1 || rowNumber > kMaxRows) {
            fail(QStringLiteral("sheet %1 has a row numbered %2; rows go from 1 to 1,048,576")
                     .arg(m_sheetName, fromUtf8(rowAttribute)),
                 m_lastRow);
            return false;
        }
        m_lastRow = rowNumber;
        cells.assign(m_header.isEmpty() ? size_t(0) : size_t(m_header.size()), QString());
        int nextColumn = 0;
        while ((token = scanner.next()) != SheetXmlScanner::Token::RowEnd) {
            if (token != SheetXmlScanner::Token::CellStart) {
                // Inside a row only cells and the row's end come back: anything else is the scanner failing.
                failFromStream();
                return false;
            }
            if (!readCell(cells, nextColumn, rowNumber))
                return false;
        }
        // Blank when no cell holds more than white space (told without trimmed()'s copies).
        const bool blank = std::all_of(cells.cbegin(), cells.cend(), [](const QString &c) {
            return std::all_of(c.cbegin(), c.cend(), [](QChar ch) { return ch.isSpace(); });
        });
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
