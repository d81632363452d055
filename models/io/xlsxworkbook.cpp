#include "xlsxworkbook.h"

#include "sheetxmlscanner.h"
#include "ziparchive.h"

#include <QBuffer>
#include <QFile>
#include <QSet>

namespace landfall {

namespace {

constexpr qint64 kPieceBytes = 256 * 1024;
/// The smallest cell a sheet can hold, `<c/>`: a sheet of N bytes has at most N / 4 cells.
constexpr qint64 kSmallestCellBytes = 4;
/// The longest shared string held: far past a cell's 32,767 characters, so that the cell showing
/// a longer one is refused with its length, yet bounded.
constexpr size_t kMaxSharedStringBytes = 16 * 1024 * 1024;

bool isNamed(const QXmlStreamReader &xml, QLatin1StringView name)
{
    return xml.name() == name;
}

} // namespace

ZipXmlStream::ZipXmlStream(ZipArchive &zip, std::atomic<qint64> &budget)
    : m_zip(zip)
    , m_budget(budget)
    , m_chunk(kPieceBytes, Qt::Uninitialized)
{}

bool ZipXmlStream::open(const QString &entry)
{
    m_xml.clear();
    m_finished = false;
    m_status = Status::Ok;
    m_unpacked = 0;
    if (!m_zip.openEntry(entry)) {
        m_status = Status::Damaged;
        return false;
    }
    return true;
}

qint64 ZipXmlStream::readPiece(char *buffer, qint64 size)
{
    if (m_finished)
        return 0;
    const qint64 read = m_zip.readOpenEntry(buffer, size);
    if (read < 0) {
        m_status = Status::Damaged;
        m_finished = true;
        return 0;
    }
    if (read == 0) {
        m_finished = true;
        return 0;
    }
    // Never trust the sizes a zip declares: what really comes out counts against the cap.
    if (m_budget.fetch_sub(read) - read < 0) {
        m_status = Status::TooLarge;
        m_finished = true;
        return 0;
    }
    m_unpacked += read;
    return read;
}

bool ZipXmlStream::feed()
{
    const qint64 read = readPiece(m_chunk.data(), m_chunk.size());
    if (read <= 0)
        return false;
    m_xml.addData(QByteArray(m_chunk.constData(), read));
    return true;
}

QXmlStreamReader::TokenType ZipXmlStream::readNext()
{
    while (true) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token != QXmlStreamReader::Invalid || m_xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            return token;
        if (!feed())
            return token;
    }
}

QString ZipXmlStream::readText()
{
    QString text;
    int depth = 1;
    while (depth > 0) {
        switch (readNext()) {
        case QXmlStreamReader::Characters:
            text += m_xml.text();
            break;
        case QXmlStreamReader::StartElement:
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return text;
        default:
            break;
        }
    }
    return text;
}

void ZipXmlStream::skipElement()
{
    int depth = 1;
    while (depth > 0) {
        switch (readNext()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return;
        default:
            break;
        }
    }
}

XlsxWorkbook::XlsxWorkbook(QString path, QByteArray content, qint64 maxUncompressedBytes)
    : m_path(std::move(path))
    , m_content(std::move(content))
    , m_maxUncompressedBytes(maxUncompressedBytes)
    , m_budget(maxUncompressedBytes)
{}

std::shared_ptr<XlsxWorkbook> XlsxWorkbook::open(const QString &path, qint64 maxUncompressedBytes)
{
    std::shared_ptr<XlsxWorkbook> workbook(new XlsxWorkbook(path, {}, maxUncompressedBytes));
    workbook->load();
    return workbook;
}

std::shared_ptr<XlsxWorkbook> XlsxWorkbook::fromContent(QByteArray content, const QString &name,
                                                        qint64 maxUncompressedBytes)
{
    std::shared_ptr<XlsxWorkbook> workbook(new XlsxWorkbook(name, std::move(content), maxUncompressedBytes));
    workbook->load();
    return workbook;
}

void XlsxWorkbook::fail(const QString &message)
{
    if (!m_error)
        m_error = ImportIssue{m_path, 0, {}, {}, message};
}

std::unique_ptr<QIODevice> XlsxWorkbook::openDevice() const
{
    std::unique_ptr<QIODevice> device;
    if (m_content.isEmpty()) {
        device = std::make_unique<QFile>(m_path);
    } else {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(m_content); // shared, not copied: each thread reads the same bytes
        device = std::move(buffer);
    }
    if (!device->open(QIODevice::ReadOnly))
        return nullptr;
    return device;
}

QString XlsxWorkbook::damagedPartMessage(ZipXmlStream::Status status, const QString &entry) const
{
    if (status == ZipXmlStream::Status::TooLarge)
        return QStringLiteral("unpacks to more than %1 MiB; refused as a zip bomb or a file that is not an inventory")
            .arg(m_maxUncompressedBytes / (1024 * 1024));
    return QStringLiteral("the workbook part %1 is damaged or truncated").arg(entry);
}

QString XlsxWorkbook::sheetEntry(const QString &name) const
{
    return m_entryOfSheet.value(name.toLower());
}

QString XlsxWorkbook::sharedString(qsizetype index) const
{
    const quint32 begin = index == 0 ? 0 : m_stringEnds[size_t(index - 1)];
    return QString::fromUtf8(m_strings.constData() + begin, qsizetype(m_stringEnds[size_t(index)] - begin));
}

qsizetype XlsxWorkbook::sharedStringBytes(qsizetype index) const
{
    const quint32 begin = index == 0 ? 0 : m_stringEnds[size_t(index - 1)];
    return qsizetype(m_stringEnds[size_t(index)] - begin);
}

void XlsxWorkbook::load()
{
    const std::unique_ptr<QIODevice> device = openDevice();
    ZipArchive zip(device.get());
    if (!zip.isOpen()) {
        fail(QStringLiteral("is not a readable .xlsx workbook (the zip container is damaged or truncated)"));
        return;
    }
    // Two parts of one name would let the reader take one and Excel the other: refuse them.
    QSet<QString> seen;
    qint64 sheetBytes = 0;
    for (const QString &name : zip.entryNames()) {
        const QString key = name.toLower();
        if (seen.contains(key)) {
            fail(QStringLiteral("holds the zip entry %1 twice; a workbook names each of its parts once, so this "
                                "file was altered or damaged")
                     .arg(name));
            return;
        }
        seen.insert(key);
        if (key.startsWith(QLatin1String("xl/worksheets/")))
            sheetBytes += qMax<qint64>(0, zip.declaredSize(name));
    }
    if (!readSheetList(zip))
        return;
    readSharedStrings(zip, sheetBytes);
}

bool XlsxWorkbook::readSheetList(ZipArchive &zip)
{
    const auto readPart = [&](const QString &entry, QByteArray &content) {
        ZipArchive::Entry part = zip.read(entry, m_budget.load());
        if (part.status == ZipArchive::Entry::Status::TooLarge) {
            fail(damagedPartMessage(ZipXmlStream::Status::TooLarge, entry));
            return false;
        }
        if (part.status == ZipArchive::Entry::Status::Damaged) {
            fail(damagedPartMessage(ZipXmlStream::Status::Damaged, entry));
            return false;
        }
        m_budget -= part.content.size();
        content = std::move(part.content);
        return true;
    };
    QByteArray workbook;
    QByteArray relations;
    if (!readPart(QStringLiteral("xl/workbook.xml"), workbook))
        return false;
    if (workbook.isEmpty()) {
        fail(QStringLiteral("is a zip file but not an .xlsx workbook (it has no xl/workbook.xml)"));
        return false;
    }
    if (!readPart(QStringLiteral("xl/_rels/workbook.xml.rels"), relations))
        return false;

    QHash<QString, QString> targetOfRelation;
    QXmlStreamReader links(relations);
    while (!links.atEnd()) {
        links.readNext();
        if (links.isStartElement() && isNamed(links, QLatin1StringView("Relationship"))) {
            QString target = links.attributes().value(QLatin1String("Target")).toString();
            target = target.startsWith(u'/') ? target.mid(1) : QLatin1String("xl/") + target;
            targetOfRelation.insert(links.attributes().value(QLatin1String("Id")).toString(), target);
        }
    }
    QXmlStreamReader book(workbook);
    while (!book.atEnd()) {
        book.readNext();
        if (!book.isStartElement() || !isNamed(book, QLatin1StringView("sheet")))
            continue;
        const QString name = book.attributes().value(QLatin1String("name")).toString();
        QString relationId;
        for (const QXmlStreamAttribute &attribute : book.attributes()) {
            if (attribute.name() == QLatin1String("id"))
                relationId = attribute.value().toString();
        }
        m_sheetNames.append(name);
        const QString entry = targetOfRelation.value(relationId);
        if (!entry.isEmpty() && !m_entryOfSheet.contains(name.toLower()))
            m_entryOfSheet.insert(name.toLower(), entry);
    }
    if (book.hasError()) {
        fail(QStringLiteral("the workbook's list of sheets is not valid XML: %1").arg(book.errorString()));
        return false;
    }
    return true;
}

bool XlsxWorkbook::readSharedStrings(ZipArchive &zip, qint64 sheetBytes)
{
    const QString entry = QStringLiteral("xl/sharedStrings.xml");
    if (zip.declaredSize(entry) < 0)
        return true; // a workbook without text cells has no shared strings part at all
    // A table longer than the sheets have cells holds strings no cell can show: refuse it
    // before it takes gigabytes (each entry costs memory even when empty).
    const qint64 bound = qMin<qint64>(kMaxSharedStrings, sheetBytes / kSmallestCellBytes);
    ZipXmlStream stream(zip, m_budget);
    if (!stream.open(entry)) {
        fail(damagedPartMessage(ZipXmlStream::Status::Damaged, entry));
        return false;
    }
    // Read by the worksheets' scanner too: through QXmlStreamReader the table took a sixth of a
    // large import, before any sheet could start.
    SheetXmlScanner scanner([&stream](char *buffer, qint64 size) { return stream.readPiece(buffer, size); });
    // A string longer than a cell may hold is kept whole, for the cell that shows it to be refused
    // with its length; past this it is not a string Excel wrote, nor one worth holding.
    scanner.setMaxTextBytes(kMaxSharedStringBytes);
    const auto failed = [&]() {
        if (stream.status() != ZipXmlStream::Status::Ok)
            fail(damagedPartMessage(stream.status(), entry));
        else
            fail(QStringLiteral("the shared strings of the workbook are not valid XML: %1 (near line %2)")
                     .arg(scanner.errorString())
                     .arg(scanner.lineNumber()));
        return false;
    };
    if (!scanner.enterSharedStrings()) {
        if (scanner.hasError() || stream.status() != ZipXmlStream::Status::Ok)
            return failed();
        return true; // a part without a table holds no strings
    }
    while (true) {
        bool found = false;
        if (!scanner.nextSharedString(found))
            return failed();
        if (!found)
            break;
        if (qint64(m_stringEnds.size()) >= bound) {
            fail(QStringLiteral("the shared-string table holds more than %1 entries, more than the workbook's sheets "
                                "have cells; refused rather than held in memory")
                     .arg(bound));
            return false;
        }
        if (scanner.textTooLong()) {
            fail(QStringLiteral("shared string %1 holds more than %2 MiB of text; no cell holds more than 32,767 "
                                "characters, so the workbook was not written by Excel or RVTools")
                     .arg(m_stringEnds.size())
                     .arg(kMaxSharedStringBytes / (1024 * 1024)));
            return false;
        }
        const std::string &text = scanner.value();
        m_strings.append(text.data(), qsizetype(text.size()));
        if (m_strings.size() > qsizetype(std::numeric_limits<quint32>::max())) {
            fail(damagedPartMessage(ZipXmlStream::Status::TooLarge, entry));
            return false;
        }
        m_stringEnds.push_back(quint32(m_strings.size()));
    }
    m_strings.squeeze();
    return true;
}

} // namespace landfall
