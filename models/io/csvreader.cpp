#include "csvreader.h"

#include <QStringDecoder>

#include <array>
#include <cstring>

namespace landfall {

namespace {

// Windows-1252 differs from Latin-1 only in 0x80-0x9F; Excel on Western Windows writes it.
constexpr std::array<char16_t, 32> kWindows1252High{
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

QString fromWindows1252(QByteArrayView bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char byte : bytes) {
        const auto code = static_cast<unsigned char>(byte);
        *out++ = (code >= 0x80 && code < 0xA0) ? QChar(kWindows1252High[code - 0x80]) : QChar(char16_t(code));
    }
    return text;
}

/** A quoted field's content with each doubled quote made single; the field itself when it has none. */
QByteArrayView unquote(QByteArrayView field, QByteArray &buffer)
{
    if (std::memchr(field.data(), '"', size_t(field.size())) == nullptr)
        return field;
    buffer.clear();
    buffer.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        buffer.append(field[i]);
        if (field[i] == '"')
            ++i; // the second quote of an escaped pair
    }
    return buffer;
}

} // namespace

CsvReader::CsvReader(QByteArray content, QString fileName)
    : m_content(std::move(content))
    , m_fileName(std::move(fileName))
{
    decodeToUtf8();
    if (m_error)
        return;
    m_delimiter = detectDelimiter();
    for (const char end : {m_delimiter, '\r', '\n'})
        m_endsField[static_cast<unsigned char>(end)] = true;
    if (!splitRecord(m_fields)) {
        if (!m_error)
            fail(1, QStringLiteral("the file is empty; expected a header row naming the columns"));
        return;
    }
    m_row = 1;
    for (const Field &field : m_fields) {
        const QByteArrayView name = field.quoted ? unquote(field.bytes, m_unquoteBuffer) : field.bytes;
        m_header.append(QString::fromUtf8(name).trimmed());
    }
    m_columnTexts.resize(size_t(m_header.size()));
}

namespace {

/** FNV-1a over the bytes. Every wanted cell of a CSV is looked up here, 4.2 million of them in a
    100,000-VM file, and Qt 6.4's qHash of a short QByteArray cost 28 times as much (0.46 s against
    0.016 s over that file's cells on the 2-core development machine), near half the reading. */
quint32 fnv1a(QByteArrayView bytes)
{
    quint32 hash = 2166136261u;
    for (const char byte : bytes) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

CsvReader::RepeatedTexts::Slot &CsvReader::RepeatedTexts::slotFor(QByteArrayView utf8, quint32 hash)
{
    for (size_t probe = hash & (kSlots - 1);; probe = (probe + 1) & (kSlots - 1)) {
        Slot &slot = m_slots[probe];
        if (slot.offset < 0)
            return slot;
        if (slot.hash == hash && slot.size == utf8.size() &&
            std::memcmp(m_bytes.constData() + slot.offset, utf8.data(), size_t(utf8.size())) == 0)
            return slot;
    }
}

QString CsvReader::RepeatedTexts::text(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return QStringLiteral(""); // empty, not null: a wanted cell the file left empty
    if (m_tooMany || utf8.size() > kMaxBytes)
        return QString::fromUtf8(utf8);
    if (m_slots.empty())
        m_slots.resize(kSlots);
    const quint32 hash = fnv1a(utf8);
    Slot &slot = slotFor(utf8, hash);
    if (slot.offset >= 0)
        return slot.text;
    QString text = QString::fromUtf8(utf8);
    if (m_count < kMaxDistinct) {
        slot.hash = hash;
        slot.offset = m_bytes.size();
        slot.size = utf8.size();
        slot.text = text;
        m_bytes.append(utf8);
        ++m_count;
    } else {
        m_tooMany = true; // a column of names or UUIDs: remembering them would only cost
        m_slots = {};
        m_bytes = {};
    }
    return text;
}

QString CsvReader::fieldText(size_t column, const Field &field)
{
    return m_columnTexts[column].text(field.quoted ? unquote(field.bytes, m_unquoteBuffer) : field.bytes);
}

void CsvReader::decodeToUtf8()
{
    if (m_content.startsWith("\xEF\xBB\xBF")) {
        m_pos = 3; // stepped over, not removed: removing would copy the whole file
    } else if (m_content.startsWith("\xFF\xFE") || m_content.startsWith("\xFE\xFF")) {
        // Excel's "Unicode text" export is UTF-16 with a byte-order mark.
        QStringDecoder decoder(QStringDecoder::Utf16, QStringDecoder::Flag::ConvertInitialBom);
        const QString text = decoder.decode(m_content);
        m_content = text.toUtf8();
        m_warning = QStringLiteral("%1: read as UTF-16").arg(m_fileName);
    }
    if (std::memchr(m_content.constData(), '\0', size_t(m_content.size())) != nullptr) {
        const qsizetype offset = m_content.indexOf('\0') - m_pos; // counted after a byte-order mark
        fail(0, QStringLiteral("the file holds a NUL byte at offset %1: this is a binary file, not a CSV text export")
                    .arg(offset));
        return;
    }
    if (!QByteArrayView(m_content).isValidUtf8()) {
        m_content = fromWindows1252(QByteArrayView(m_content).sliced(m_pos)).toUtf8();
        m_pos = 0;
        m_warning = QStringLiteral("%1: not valid UTF-8; read as Windows-1252, as Excel writes it on Western Windows")
                        .arg(m_fileName);
    }
}

char CsvReader::detectDelimiter() const
{
    // Count candidates in the header line, outside quotes: RVTools writes ',', a European
    // Excel ';', a "text (tab delimited)" export tabs.
    int commas = 0, semicolons = 0, tabs = 0;
    bool inQuotes = false;
    for (qsizetype i = m_pos; i < m_content.size() && i < m_pos + kMaxRecordBytes; ++i) {
        const char c = m_content[i];
        if (c == '"')
            inQuotes = !inQuotes;
        else if (!inQuotes && (c == '\n' || c == '\r'))
            break;
        else if (!inQuotes && c == ',')
            ++commas;
        else if (!inQuotes && c == ';')
            ++semicolons;
        else if (!inQuotes && c == '\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return ';';
    if (tabs > commas)
        return '\t';
    return ',';
}

bool CsvReader::splitRecord(std::vector<Field> &fields)
{
    fields.clear();
    const char *data = m_content.constData();
    const qsizetype size = m_content.size();
    qsizetype pos = m_pos;
    if (pos >= size)
        return false;
    const qsizetype recordStart = pos;
    const qint64 row = m_row + 1;

    while (true) {
        if (fields.size() >= size_t(kMaxColumns)) {
            fail(row, QStringLiteral("the row has more than %1 columns; an inventory has at most a few hundred")
                          .arg(kMaxColumns));
            return false;
        }
        if (pos < size && data[pos] == '"') {
            const qsizetype start = ++pos;
            while (true) {
                const void *quote = std::memchr(data + pos, '"', size_t(size - pos));
                if (quote == nullptr) {
                    fail(row, QStringLiteral("a quoted field opens here and never closes; expected a closing '\"'"));
                    return false;
                }
                pos = static_cast<const char *>(quote) - data;
                if (pos + 1 < size && data[pos + 1] == '"') {
                    pos += 2; // an escaped quote inside the field
                    continue;
                }
                break;
            }
            fields.push_back({QByteArrayView(data + start, pos - start), true});
            ++pos; // the closing quote
            if (pos < size && data[pos] != m_delimiter && data[pos] != '\r' && data[pos] != '\n') {
                fail(row,
                     QStringLiteral("text follows a closing quote in column %1; expected '%2' or the end of the line")
                         .arg(fields.size())
                         .arg(QLatin1Char(m_delimiter == '\t' ? ' ' : m_delimiter)));
                return false;
            }
        } else {
            const qsizetype start = pos;
            while (pos < size && !m_endsField[static_cast<unsigned char>(data[pos])])
                ++pos;
            fields.push_back({QByteArrayView(data + start, pos - start), false});
        }
        if (pos - recordStart > kMaxRecordBytes) {
            fail(row, QStringLiteral("the row is longer than %1 MiB; an inventory row is at most a few kilobytes")
                          .arg(kMaxRecordBytes / (1024 * 1024)));
            return false;
        }
        if (pos < size && data[pos] == m_delimiter) {
            ++pos;
            continue;
        }
        // The end of the record: CRLF, LF, a lone CR, or the end of the file.
        if (pos < size && data[pos] == '\r')
            ++pos;
        if (pos < size && data[pos] == '\n')
            ++pos;
        break;
    }
    m_pos = pos;
    return true;
}

bool CsvReader::next(Record &record)
{
    while (!m_error) {
        if (!splitRecord(m_fields))
            return false;
        ++m_row;
        const bool blankLine = m_fields.size() == 1 && m_fields[0].bytes.isEmpty() && !m_fields[0].quoted;
        if (blankLine)
            continue;
        record.row = m_row;
        record.fields.assign(size_t(m_header.size()), QString());
        if (m_fields.size() > size_t(m_header.size())) {
            // Extra cells are harmless when empty (a trailing separator); otherwise the row does not fit.
            for (size_t i = size_t(m_header.size()); i < m_fields.size(); ++i) {
                if (!m_fields[i].bytes.trimmed().isEmpty()) {
                    fail(m_row, QStringLiteral("the row has %1 fields but the header has %2 columns")
                                    .arg(m_fields.size())
                                    .arg(m_header.size()));
                    return false;
                }
            }
        }
        const size_t columns = std::min(m_fields.size(), size_t(m_header.size()));
        for (size_t i = 0; i < columns; ++i) {
            if (isWanted(i))
                record.fields[i] = fieldText(i, m_fields[i]);
        }
        // Short rows (trailing empty cells left out) read as empty, not null, in wanted columns.
        for (size_t i = columns; i < record.fields.size(); ++i) {
            if (isWanted(i))
                record.fields[i] = QLatin1String("");
        }
        return true;
    }
    return false;
}

void CsvReader::fail(qint64 row, const QString &message)
{
    m_error = ImportIssue{m_fileName, row, {}, {}, message};
}

} // namespace landfall
