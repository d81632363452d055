#include "xlsxreader.h"

#include "ziparchive.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

#include <algorithm>

namespace landfall {

namespace {

/// Every cell is held until the import is accepted: past this, a sheet is refused before it
/// takes gigabytes (cells are 24 bytes each even when empty).
constexpr qint64 kMaxCells = 16 * 1000 * 1000;

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

/** The text of a <si> or <is> element: plain <t>, or the runs <r><t> of rich text. */
QString readStringItem(QXmlStreamReader &xml)
{
    QString text;
    const QString endName = xml.name().toString();
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("t"))
            text += xml.readElementText();
        else if (xml.isStartElement() &&
                 (xml.name() == QLatin1String("rPh") || xml.name() == QLatin1String("phoneticPr")))
            xml.skipCurrentElement(); // phonetic guides are not part of the value
        else if (xml.isEndElement() && xml.name() == endName)
            break;
    }
    return text;
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

} // namespace

XlsxReader::XlsxReader(const QString &path, const QString &sheetName, qint64 maxUncompressedBytes)
    : m_path(path)
    , m_maxUncompressedBytes(maxUncompressedBytes)
{
    load(sheetName);
}

XlsxReader::XlsxReader(QByteArray content, const QString &name, const QString &sheetName, qint64 maxUncompressedBytes)
    : m_path(name)
    , m_content(std::move(content))
    , m_maxUncompressedBytes(maxUncompressedBytes)
{
    load(sheetName);
}

XlsxReader::~XlsxReader() = default;

void XlsxReader::fail(const QString &message, qint64 row)
{
    if (!m_error)
        m_error = ImportIssue{m_path, row, {}, {}, message};
}

QByteArray XlsxReader::readEntry(const QString &entryName)
{
    QBuffer buffer(&m_content);
    QFile file(m_path);
    QIODevice *device = m_content.isEmpty() ? static_cast<QIODevice *>(&file) : &buffer;
    const ZipArchive zip(device->open(QIODevice::ReadOnly) ? device : nullptr);
    if (!zip.isOpen()) {
        fail(QStringLiteral("is not a readable .xlsx workbook (the zip container is damaged or truncated)"));
        return {};
    }
    // Never trust the sizes a zip declares: what really comes out counts against the cap.
    ZipArchive::Entry entry = zip.read(entryName, m_maxUncompressedBytes - m_uncompressedTotal);
    switch (entry.status) {
    case ZipArchive::Entry::Status::Ok:
        m_uncompressedTotal += entry.content.size();
        return std::move(entry.content);
    case ZipArchive::Entry::Status::Missing:
        return {};
    case ZipArchive::Entry::Status::TooLarge:
        fail(QStringLiteral("unpacks to more than %1 MiB; refused as a zip bomb or a file that is not an inventory")
                 .arg(m_maxUncompressedBytes / (1024 * 1024)));
        return {};
    case ZipArchive::Entry::Status::Damaged:
        break;
    }
    fail(QStringLiteral("the workbook part %1 is damaged or truncated").arg(entryName));
    return {};
}

bool XlsxReader::readSharedStrings(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("si"))
            m_sharedStrings.append(readStringItem(reader));
    }
    if (reader.hasError()) {
        fail(QStringLiteral("the shared strings of the workbook are not valid XML: %1").arg(reader.errorString()));
        return false;
    }
    return true;
}

QString XlsxReader::findSheetEntry(const QByteArray &workbook, const QByteArray &relations, const QString &sheetName)
{
    QString relationId;
    QStringList sheetNames;
    QXmlStreamReader book(workbook);
    while (!book.atEnd()) {
        book.readNext();
        if (book.isStartElement() && book.name() == QLatin1String("sheet")) {
            const QString name = book.attributes().value(QLatin1String("name")).toString();
            sheetNames.append(name);
            if (name.compare(sheetName, Qt::CaseInsensitive) == 0) {
                for (const QXmlStreamAttribute &attribute : book.attributes()) {
                    if (attribute.name() == QLatin1String("id"))
                        relationId = attribute.value().toString();
                }
            }
        }
    }
    if (relationId.isEmpty()) {
        // A workbook of one sheet is taken whatever its name: consultants rename tabs.
        if (sheetNames.size() != 1) {
            fail(QStringLiteral("has no sheet named %1 (it has: %2); expected an RVTools export with its vInfo tab")
                     .arg(sheetName, sheetNames.join(QLatin1String(", "))));
            return {};
        }
        QXmlStreamReader again(workbook);
        while (!again.atEnd()) {
            again.readNext();
            if (again.isStartElement() && again.name() == QLatin1String("sheet")) {
                for (const QXmlStreamAttribute &attribute : again.attributes()) {
                    if (attribute.name() == QLatin1String("id"))
                        relationId = attribute.value().toString();
                }
            }
        }
    }
    if (book.hasError()) {
        fail(QStringLiteral("the workbook's list of sheets is not valid XML: %1").arg(book.errorString()));
        return {};
    }
    QXmlStreamReader links(relations);
    while (!links.atEnd()) {
        links.readNext();
        if (links.isStartElement() && links.name() == QLatin1String("Relationship") &&
            links.attributes().value(QLatin1String("Id")) == relationId) {
            QString target = links.attributes().value(QLatin1String("Target")).toString();
            if (target.startsWith(u'/'))
                return target.mid(1);
            return QLatin1String("xl/") + target;
        }
    }
    fail(QStringLiteral("the workbook names sheet %1 but does not contain it").arg(sheetName));
    return {};
}

bool XlsxReader::readRows(const QByteArray &sheetXml)
{
    QXmlStreamReader xml(sheetXml);
    qint64 rowNumber = 0;
    qint64 cellsKept = 0;
    bool haveHeader = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement() || xml.name() != QLatin1String("row"))
            continue;
        const QStringView rowAttribute = xml.attributes().value(QLatin1String("r"));
        rowNumber = rowAttribute.isEmpty() ? rowNumber + 1 : rowAttribute.toLongLong();
        std::vector<QString> cells;
        int nextColumn = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement() && xml.name() == QLatin1String("row"))
                break;
            if (!xml.isStartElement() || xml.name() != QLatin1String("c"))
                continue;
            const QString reference = xml.attributes().value(QLatin1String("r")).toString();
            const QString type = xml.attributes().value(QLatin1String("t")).toString();
            const int column = reference.isEmpty() ? nextColumn : columnOfReference(reference);
            if (column < 0 || column >= 16384) {
                fail(QStringLiteral("cell reference %1 is not valid").arg(reference), rowNumber);
                return false;
            }
            QString value;
            QString raw;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isEndElement() && xml.name() == QLatin1String("c"))
                    break;
                if (xml.isStartElement() && xml.name() == QLatin1String("v"))
                    raw = xml.readElementText();
                else if (xml.isStartElement() && xml.name() == QLatin1String("is"))
                    value = readStringItem(xml);
            }
            if (type == QLatin1String("s")) {
                bool ok = false;
                const int index = raw.toInt(&ok);
                if (!ok || index < 0 || index >= m_sharedStrings.size()) {
                    fail(QStringLiteral("cell %1 points at shared string %2, which the workbook does not have")
                             .arg(reference, raw),
                         rowNumber);
                    return false;
                }
                value = m_sharedStrings[index];
            } else if (type == QLatin1String("b")) {
                value = raw == QLatin1String("1") ? QStringLiteral("True") : QStringLiteral("False");
            } else if (type == QLatin1String("str") || type == QLatin1String("e")) {
                value = raw;
            } else if (type != QLatin1String("inlineStr")) {
                value = numberText(raw);
            }
            nextColumn = column + 1;
            // A cell right of the header has no column to go in (next() never returns it), and
            // keeping it would let 20 bytes of XML (<c r="XFD2" t="b"/>) allocate 16,384 cells.
            if (haveHeader && column >= m_header.size())
                continue;
            if (size_t(column) >= cells.size())
                cells.resize(size_t(column) + 1);
            cells[size_t(column)] = value;
        }
        const bool blankRow =
            std::all_of(cells.cbegin(), cells.cend(), [](const QString &c) { return c.trimmed().isEmpty(); });
        if (haveHeader && blankRow)
            continue;
        if (!haveHeader) {
            for (const QString &cell : cells)
                m_header.append(cell.trimmed());
            // Unnamed columns at the end hold nothing a mapping can ask for; dropping them keeps
            // a header cell at XFD1 from making every row 16,384 cells wide.
            while (!m_header.isEmpty() && m_header.constLast().isEmpty())
                m_header.removeLast();
            haveHeader = true;
        } else {
            cellsKept += qint64(cells.size());
            if (cellsKept > kMaxCells) {
                fail(QStringLiteral("the sheet holds more than %1 million cells; an inventory of 100,000 VMs holds "
                                    "about 10 million")
                         .arg(kMaxCells / 1000000),
                     rowNumber);
                return false;
            }
            m_rows.emplace_back(rowNumber, std::move(cells));
        }
    }
    if (xml.hasError()) {
        fail(QStringLiteral("the sheet is not valid XML (%1, near line %2); the workbook is damaged or truncated")
                 .arg(xml.errorString())
                 .arg(xml.lineNumber()));
        return false;
    }
    if (!haveHeader) {
        fail(QStringLiteral("the sheet is empty; expected a header row naming the columns"));
        return false;
    }
    return true;
}

bool XlsxReader::load(const QString &sheetName)
{
    const QByteArray workbook = readEntry(QStringLiteral("xl/workbook.xml"));
    if (m_error)
        return false;
    if (workbook.isEmpty()) {
        fail(QStringLiteral("is a zip file but not an .xlsx workbook (it has no xl/workbook.xml)"));
        return false;
    }
    const QByteArray relations = readEntry(QStringLiteral("xl/_rels/workbook.xml.rels"));
    const QString sheetEntry = m_error ? QString() : findSheetEntry(workbook, relations, sheetName);
    if (m_error)
        return false;
    const QByteArray sharedStrings = readEntry(QStringLiteral("xl/sharedStrings.xml"));
    // A workbook without text cells has no shared strings part at all.
    if (m_error || (!sharedStrings.isEmpty() && !readSharedStrings(sharedStrings)))
        return false;
    const QByteArray sheet = readEntry(sheetEntry);
    if (m_error)
        return false;
    return readRows(sheet);
}

bool XlsxReader::next(Record &record)
{
    if (m_error || m_next >= m_rows.size())
        return false;
    auto &[rowNumber, cells] = m_rows[m_next++];
    record.row = rowNumber;
    record.fields.assign(size_t(m_header.size()), QString());
    for (size_t i = 0; i < record.fields.size(); ++i) {
        if (isWanted(i))
            record.fields[i] = i < cells.size() ? std::move(cells[i]) : QLatin1String("");
    }
    return true;
}

double XlsxReader::fractionRead() const
{
    return m_rows.empty() ? 1.0 : double(m_next) / double(m_rows.size());
}

} // namespace landfall
