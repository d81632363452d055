#include "sheetxmlscanner.h"

#include <array>
#include <cstring>

namespace landfall {

namespace {

constexpr size_t kPieceBytes = 256 * 1024;
/// A tag, entity or character longer than this is refused rather than buffered without end.
constexpr size_t kMaxBufferBytes = 4 * 1024 * 1024;
/// The longest entity reference taken: &#x0010FFFF; with room for leading zeros.
constexpr size_t kMaxEntityBytes = 32;

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/** The bytes of XML names (letters, digits, ':', '_', '-', '.', and every byte of a non-ASCII character). */
constexpr std::array<bool, 256> kNameBytes = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[size_t(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
                           c == '_' || c == '-' || c == '.' || c >= 0x80;
    return table;
}();

inline bool isNameByte(unsigned char c)
{
    return kNameBytes[c];
}

bool isXmlCharacter(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(char(c));
    } else if (c < 0x800) {
        out.push_back(char(0xC0 | (c >> 6)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(char(0xE0 | (c >> 12)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (c >> 18)));
        out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

/** The length of the UTF-8 sequence `p` starts (`available` bytes of it at hand): 0 when it is not
    valid UTF-8, -1 when more bytes are needed to tell. */
int utf8SequenceLength(const unsigned char *p, size_t available)
{
    const unsigned char lead = p[0];
    int length = 0;
    char32_t c = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        c = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        c = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        c = lead & 0x07;
    } else {
        return 0;
    }
    if (available < size_t(length))
        return -1;
    for (int i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and what lies past U+10FFFF are not UTF-8.
    if ((length == 3 && c < 0x800) || (length == 4 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    if (!isXmlCharacter(c))
        return 0;
    return length;
}

/** Decodes the entity reference at `p` (at its '&'): the bytes it takes, 0 when more are needed,
    -1 when it is not one XML defines (`error` says why). */
int decodeEntity(const char *p, size_t available, std::string *out, QString &error)
{
    const void *semicolon = std::memchr(p, ';', std::min(available, kMaxEntityBytes));
    if (semicolon == nullptr) {
        if (available < kMaxEntityBytes)
            return 0;
        error = QStringLiteral("an & that starts no entity reference (a literal & is written &amp;)");
        return -1;
    }
    const size_t length = size_t(static_cast<const char *>(semicolon) - p) + 1;
    const std::string_view name(p + 1, length - 2);
    char replacement = 0;
    if (name == "lt")
        replacement = '<';
    else if (name == "gt")
        replacement = '>';
    else if (name == "amp")
        replacement = '&';
    else if (name == "apos")
        replacement = '\'';
    else if (name == "quot")
        replacement = '"';
    if (replacement != 0) {
        if (out != nullptr)
            out->push_back(replacement);
        return int(length);
    }
    if (name.size() >= 2 && name[0] == '#') {
        const bool hex = name[1] == 'x';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        char32_t c = 0;
        bool ok = !digits.empty();
        for (const char d : digits) {
            int value = -1;
            if (d >= '0' && d <= '9')
                value = d - '0';
            else if (hex && d >= 'a' && d <= 'f')
                value = d - 'a' + 10;
            else if (hex && d >= 'A' && d <= 'F')
                value = d - 'A' + 10;
            if (value < 0 || c > 0x10FFFF) {
                ok = false;
                break;
            }
            c = c * (hex ? 16 : 10) + char32_t(value);
        }
        if (ok && isXmlCharacter(c)) {
            if (out != nullptr)
                appendUtf8(*out, c);
            return int(length);
        }
        error = QStringLiteral("the character reference &%1; is not a character XML allows")
                    .arg(QString::fromUtf8(name.data(), qsizetype(name.size())));
        return -1;
    }
    error = QStringLiteral("the entity &%1; is not defined (a worksheet knows only &lt; &gt; &amp; &apos; &quot; and "
                           "character references)")
                .arg(QString::fromUtf8(name.data(), qsizetype(name.size())));
    return -1;
}

} // namespace

SheetXmlScanner::SheetXmlScanner(Source source)
    : m_source(std::move(source))
    , m_buffer(kPieceBytes)
{}

bool SheetXmlScanner::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

bool SheetXmlScanner::endOfData()
{
    if (m_error.isEmpty())
        m_endedEarly = true;
    return fail(QStringLiteral("premature end of document"));
}

bool SheetXmlScanner::more()
{
    if (m_sourceDone || !m_error.isEmpty())
        return false;
    const size_t kept = m_end - m_pos;
    if (m_pos > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_pos, kept);
        m_pos = 0;
        m_end = kept;
    }
    // What is kept is one unfinished tag, entity or character: only a long tag needs more room.
    if (m_buffer.size() - m_end < kPieceBytes / 2) {
        if (m_buffer.size() >= kMaxBufferBytes)
            return fail(QStringLiteral("a tag longer than %1 MiB").arg(kMaxBufferBytes / (1024 * 1024)));
        m_buffer.resize(m_buffer.size() * 2);
    }
    const qint64 read = m_source(m_buffer.data() + m_end, qint64(m_buffer.size() - m_end));
    if (read <= 0) {
        m_sourceDone = true;
        return false;
    }
    m_end += size_t(read);
    return true;
}

bool SheetXmlScanner::put(std::string *out, const char *data, size_t length)
{
    if (out == nullptr)
        return true;
    if (out->size() + length > m_maxTextBytes) {
        out->append(data, m_maxTextBytes - std::min(m_maxTextBytes, out->size()));
        m_textTooLong = true;
        return true;
    }
    out->append(data, length);
    return true;
}

bool SheetXmlScanner::skipUntil(const char *terminator, size_t length, std::string *out)
{
    while (true) {
        const char *begin = m_buffer.data() + m_pos;
        const char *found = static_cast<const char *>(memmem(begin, m_end - m_pos, terminator, length));
        const size_t taken =
            found != nullptr ? size_t(found - begin) : (m_end - m_pos > length ? m_end - m_pos - length : 0);
        for (size_t i = 0; i < taken; ++i)
            m_line += begin[i] == '\n';
        put(out, begin, taken);
        m_pos += taken;
        if (found != nullptr) {
            m_pos += length;
            return true;
        }
        if (!more())
            return endOfData();
    }
}

bool SheetXmlScanner::readContent(std::string *out)
{
    bool afterCr = false; // XML reads CR LF and a lone CR as LF
    while (true) {
        const char *b = m_buffer.data();
        size_t i = m_pos;
        const size_t runStart = i;
        while (i < m_end) {
            const unsigned char c = static_cast<unsigned char>(b[i]);
            if (c < 0x20 || c >= 0x80 || c == '<' || c == '&')
                break;
            ++i;
        }
        if (i > runStart) {
            put(out, b + runStart, i - runStart);
            afterCr = false;
        }
        m_pos = i;
        if (i == m_end) {
            if (!more())
                return m_error.isEmpty(); // the caller finds the end of the data where it needs a tag
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(b[i]);
        if (c == '<') {
            // The common case, a tag, is told by its second byte.
            if (i + 1 < m_end && b[i + 1] != '?' && b[i + 1] != '!')
                return true;
            if (m_end - i < 9 && more())
                continue;
            const std::string_view ahead(m_buffer.data() + m_pos, std::min<size_t>(9, m_end - m_pos));
            if (ahead.starts_with("<?")) {
                m_pos += 2;
                if (!skipUntil("?>", 2, nullptr))
                    return false;
            } else if (ahead.starts_with("<!--")) {
                m_pos += 4;
                if (!skipUntil("-->", 3, nullptr))
                    return false;
            } else if (ahead.starts_with("<![CDATA[")) {
                if (m_nameStarts.size() == 0)
                    return fail(QStringLiteral("a CDATA section outside the document's element"));
                m_pos += 9;
                if (!skipUntil("]]>", 3, out))
                    return false;
                afterCr = false;
            } else if (ahead.starts_with("<!")) {
                return fail(ahead.starts_with("<!DOCTYPE")
                                ? QStringLiteral("a DOCTYPE; workbook parts have none, and none is read")
                                : QStringLiteral("a <! that starts no comment or CDATA section"));
            } else {
                return true;
            }
        } else if (c == '&') {
            QString error;
            const int taken = decodeEntity(b + i, m_end - i, m_textTooLong ? nullptr : out, error);
            if (taken < 0)
                return fail(error);
            if (taken == 0) {
                if (!more())
                    return endOfData();
                continue;
            }
            if (out != nullptr && out->size() > m_maxTextBytes) {
                out->resize(m_maxTextBytes);
                m_textTooLong = true;
            }
            m_pos += size_t(taken);
            afterCr = false;
        } else if (c == '\n') {
            ++m_line;
            if (!afterCr)
                put(out, "\n", 1);
            afterCr = false;
            ++m_pos;
        } else if (c == '\r') {
            put(out, "\n", 1);
            afterCr = true;
            ++m_pos;
        } else if (c == '\t') {
            put(out, "\t", 1);
            afterCr = false;
            ++m_pos;
        } else if (c < 0x20) {
            return fail(
                QStringLiteral("the character U+%1, which XML does not allow").arg(int(c), 4, 16, QLatin1Char('0')));
        } else {
            const int length = utf8SequenceLength(reinterpret_cast<const unsigned char *>(b + i), m_end - i);
            if (length == 0)
                return fail(QStringLiteral("bytes that are not UTF-8 (the sheet is damaged, or not in the encoding it "
                                           "declares)"));
            if (length < 0) {
                if (!more())
                    return endOfData();
                continue;
            }
            put(out, b + i, size_t(length));
            afterCr = false;
            m_pos += size_t(length);
        }
    }
}

SheetXmlScanner::Markup SheetXmlScanner::readTag()
{
    while (true) {
        const char *b = m_buffer.data();
        size_t i = m_pos + 1;
        qint64 lines = 0;
        bool needMore = false;
        const auto skipSpace = [&]() {
            while (i < m_end && isSpace(static_cast<unsigned char>(b[i]))) {
                lines += b[i] == '\n';
                ++i;
            }
            needMore = i >= m_end;
        };
        if (m_pos >= m_end) {
            if (!more()) {
                endOfData();
                return Markup::Failed;
            }
            continue;
        }
        const bool endTag = i < m_end && b[i] == '/';
        i += endTag ? 1 : 0;
        const size_t nameBegin = i;
        while (i < m_end && isNameByte(static_cast<unsigned char>(b[i])))
            ++i;
        Markup markup = Markup::Failed;
        const size_t nameLength = i - nameBegin;
        if (i < m_end && nameLength == 0) {
            fail(QStringLiteral("a < that starts no element name"));
            return Markup::Failed;
        }
        // The local name: what follows the prefix, if any. Only a row's and a cell's attributes are kept.
        size_t local = nameBegin;
        for (size_t k = nameBegin; k < i; ++k) {
            if (b[k] == ':')
                local = k + 1;
        }
        const std::string_view localName(b + local, i - local);
        ShortText *targetR = nullptr;
        ShortText *targetT = nullptr;
        if (!endTag && localName == "c") {
            targetR = &m_cellReference;
            targetT = &m_cellType;
            m_cellReference.size = 0;
            m_cellType.size = 0;
        } else if (!endTag && localName == "row") {
            targetR = &m_rowReference;
            m_rowReference.size = 0;
        }
        if (i < m_end && endTag) {
            skipSpace();
            if (!needMore) {
                if (b[i] != '>') {
                    fail(QStringLiteral("an end tag with more than a name in it"));
                    return Markup::Failed;
                }
                ++i;
                markup = Markup::End;
            }
        } else {
            needMore = i >= m_end;
            while (!needMore) {
                const unsigned char c = static_cast<unsigned char>(b[i]);
                if (c == '>') {
                    ++i;
                    markup = Markup::Start;
                    break;
                }
                if (c == '/') {
                    if (i + 1 >= m_end) {
                        needMore = true;
                        break;
                    }
                    if (b[i + 1] != '>') {
                        fail(QStringLiteral("a / inside a tag that is not its end"));
                        return Markup::Failed;
                    }
                    i += 2;
                    markup = Markup::Empty;
                    break;
                }
                if (!isSpace(c)) {
                    fail(QStringLiteral("attributes without white space between them"));
                    return Markup::Failed;
                }
                skipSpace();
                if (needMore)
                    break;
                if (b[i] == '>' || b[i] == '/')
                    continue;
                const size_t attributeBegin = i;
                while (i < m_end && isNameByte(static_cast<unsigned char>(b[i])))
                    ++i;
                const size_t attributeLength = i - attributeBegin;
                if (i < m_end && attributeLength == 0) {
                    fail(QStringLiteral("a tag that holds something other than attributes"));
                    return Markup::Failed;
                }
                skipSpace();
                if (needMore)
                    break;
                if (b[i] != '=') {
                    fail(QStringLiteral("an attribute without a value"));
                    return Markup::Failed;
                }
                ++i;
                skipSpace();
                if (needMore)
                    break;
                const char quote = b[i];
                if (quote != '"' && quote != '\'') {
                    fail(QStringLiteral("an attribute value without quotes"));
                    return Markup::Failed;
                }
                const size_t valueBegin = i + 1;
                size_t close = valueBegin;
                bool special = false; // a '<' (refused), '&' or line break in the value
                while (close < m_end && b[close] != quote) {
                    special |= b[close] == '<' || b[close] == '&' || b[close] == '\n';
                    ++close;
                }
                if (close >= m_end) {
                    needMore = true;
                    break;
                }
                const size_t valueLength = close - valueBegin;
                if (special) {
                    if (std::memchr(b + valueBegin, '<', valueLength) != nullptr) {
                        fail(QStringLiteral("a < inside an attribute value"));
                        return Markup::Failed;
                    }
                    for (size_t k = valueBegin; k < close; ++k)
                        lines += b[k] == '\n';
                }
                if (attributeLength == 1 && targetR != nullptr &&
                    (b[attributeBegin] == 'r' || (b[attributeBegin] == 't' && targetT != nullptr))) {
                    ShortText &target = b[attributeBegin] == 'r' ? *targetR : *targetT;
                    if (!special)
                        target.assign(b + valueBegin, valueLength);
                    else if (!takeAttribute(target, b + valueBegin, valueLength))
                        return Markup::Failed;
                }
                i = valueBegin + valueLength + 1;
                needMore = i >= m_end;
            }
        }
        if (needMore) {
            if (!more()) {
                endOfData();
                return Markup::Failed;
            }
            continue;
        }
        m_localName = localName;
        if (markup == Markup::End) {
            if (m_nameStarts.empty())
                return fail(QStringLiteral("an end tag with no element open")), Markup::Failed;
            const size_t top = m_nameStarts.back();
            if (std::string_view(m_names).substr(top) != std::string_view(b + nameBegin, nameLength)) {
                fail(QStringLiteral("the end tag </%1> where </%2> was expected")
                         .arg(QString::fromUtf8(b + nameBegin, qsizetype(nameLength)),
                              QString::fromStdString(m_names.substr(top))));
                return Markup::Failed;
            }
            m_names.resize(top);
            m_nameStarts.pop_back();
        } else if (markup == Markup::Start) {
            if (m_nameStarts.empty() && m_sawRoot)
                return fail(QStringLiteral("a second document element")), Markup::Failed;
            m_sawRoot = true;
            m_nameStarts.push_back(m_names.size());
            m_names.append(b + nameBegin, nameLength);
        } else if (m_nameStarts.empty()) {
            if (m_sawRoot)
                return fail(QStringLiteral("a second document element")), Markup::Failed;
            m_sawRoot = true;
        }
        m_line += lines;
        m_pos = i;
        return markup;
    }
}

bool SheetXmlScanner::takeAttribute(ShortText &target, const char *value, size_t length)
{
    // A value with entities (or line breaks, or a refused '<', checked before): decoded, then kept in part.
    const size_t kept = std::min<size_t>(length, ShortText::kCapacity);
    m_scratch.clear();
    for (size_t i = 0; i < kept;) {
        if (value[i] != '&') {
            m_scratch.push_back(value[i++]);
            continue;
        }
        QString error;
        const int taken = decodeEntity(value + i, kept - i, &m_scratch, error);
        if (taken <= 0)
            return fail(taken < 0 ? error : QStringLiteral("an & that starts no entity reference"));
        i += size_t(taken);
    }
    target.assign(m_scratch.data(), m_scratch.size());
    return true;
}

bool SheetXmlScanner::enterSheetData()
{
    return enter("sheetData");
}

bool SheetXmlScanner::enterSharedStrings()
{
    return enter("sst");
}

bool SheetXmlScanner::enter(std::string_view element)
{
    while (m_end < 5 && more()) {
    }
    const std::string_view start(m_buffer.data(), m_end);
    if (start.starts_with("\xEF\xBB\xBF"))
        m_pos = 3;
    else if (start.starts_with("\xFF\xFE") || start.starts_with("\xFE\xFF"))
        return fail(QStringLiteral("UTF-16 text; Excel and RVTools write UTF-8, the only encoding "
                                   "read"));
    // The XML declaration, to refuse an encoding other than UTF-8 rather than misread its text.
    while (m_end - m_pos < 1024 && more()) {
    }
    const std::string_view rest(m_buffer.data() + m_pos, m_end - m_pos);
    if (rest.starts_with("<?xml") && rest.size() > 5 && isSpace(static_cast<unsigned char>(rest[5]))) {
        const std::string_view declaration = rest.substr(0, rest.find("?>"));
        const size_t at = declaration.find("encoding");
        if (at != std::string_view::npos) {
            const size_t quote = declaration.find_first_of("\"'", at);
            const size_t close =
                quote == std::string_view::npos ? quote : declaration.find(declaration[quote], quote + 1);
            if (close != std::string_view::npos) {
                const QString encoding =
                    QString::fromLatin1(declaration.data() + quote + 1, qsizetype(close - quote - 1)).toLower();
                if (encoding != QLatin1String("utf-8") && encoding != QLatin1String("utf8"))
                    return fail(QStringLiteral("the encoding %1; Excel and RVTools write UTF-8, "
                                               "the only encoding read")
                                    .arg(encoding));
            }
        }
    }
    while (true) {
        if (!readContent(nullptr))
            return false;
        if (m_pos >= m_end && !more()) {
            // A document that ended after its element closed has no sheetData; one that ended inside it is cut short.
            if (m_nameStarts.empty() && m_sawRoot) {
                m_endedEarly = true;
                return false;
            }
            return endOfData();
        }
        const Markup markup = readTag();
        if (markup == Markup::Failed)
            return false;
        if (m_localName == element && markup != Markup::End) {
            m_containerDepth = m_nameStarts.size();
            m_containerClosed = markup == Markup::Empty;
            return true;
        }
    }
}

SheetXmlScanner::Token SheetXmlScanner::next()
{
    if (m_pendingRowEnd) {
        m_pendingRowEnd = false;
        return Token::RowEnd;
    }
    while (true) {
        if (m_containerClosed)
            return Token::SheetDataEnd;
        if (!readContent(nullptr))
            return Token::Invalid;
        const size_t depth = m_nameStarts.size();
        const Markup markup = readTag();
        if (markup == Markup::Failed)
            return Token::Invalid;
        if (markup == Markup::End) {
            if (depth == m_containerDepth) {
                m_containerClosed = true;
                return Token::SheetDataEnd;
            }
            if (depth == m_containerDepth + 1)
                return Token::RowEnd; // the end tag matched the open element: a row
            continue;
        }
        if (depth == m_containerDepth && m_localName == "row") {
            m_pendingRowEnd = markup == Markup::Empty;
            return Token::RowStart;
        }
        if (depth == m_containerDepth + 1 && m_localName == "c") {
            m_cellEmpty = markup == Markup::Empty;
            return Token::CellStart;
        }
        if (markup == Markup::Start && !skipElement())
            return Token::Invalid;
    }
}

bool SheetXmlScanner::skipElement()
{
    return readElementText(nullptr);
}

bool SheetXmlScanner::readElementText(std::string *out)
{
    const size_t depth = m_nameStarts.size();
    while (true) {
        if (!readContent(out))
            return false;
        if (readTag() == Markup::Failed)
            return false;
        if (m_nameStarts.size() < depth)
            return true;
    }
}

bool SheetXmlScanner::readRichText(std::string *out)
{
    const size_t depth = m_nameStarts.size();
    while (m_nameStarts.size() >= depth) {
        if (!readContent(nullptr))
            return false;
        const Markup part = readTag();
        if (part == Markup::Failed)
            return false;
        if (part != Markup::Start)
            continue;
        if (m_localName == "t") {
            if (!readElementText(out))
                return false;
        } else if ((m_localName == "rPh" || m_localName == "phoneticPr") && !skipElement()) {
            return false;
        }
    }
    return true;
}

bool SheetXmlScanner::readPlainValue(bool decode)
{
    // <x:v>123</x:v></x:c> with the prefix of the cell's own name (or none), all in the buffer.
    const size_t top = m_nameStarts.back();
    const std::string_view prefix = std::string_view(m_names).substr(top, m_names.size() - top - 1);
    const size_t p = prefix.size();
    const char *b = m_buffer.data();
    const size_t i = m_pos;
    if (m_end - i < p + 3 || b[i] != '<' || b[i + 1 + p] != 'v' || b[i + 2 + p] != '>' ||
        std::memcmp(b + i + 1, prefix.data(), p) != 0)
        return false;
    const size_t text = i + p + 3;
    size_t end = text;
    while (end < m_end) {
        const unsigned char c = static_cast<unsigned char>(b[end]);
        if (c == '<')
            break;
        if (c < 0x20 || c >= 0x80 || c == '&')
            return false; // line breaks, entities and non-ASCII text take the general way
        ++end;
    }
    const size_t closing = 2 * (p + 4); // </x:v></x:c>
    if (end - text > m_maxTextBytes || m_end - end < closing)
        return false;
    const char *close = b + end;
    if (close[1] != '/' || std::memcmp(close + 2, prefix.data(), p) != 0 || close[2 + p] != 'v' ||
        close[3 + p] != '>' || close[4 + p] != '<' || close[5 + p] != '/' ||
        std::memcmp(close + 6 + p, prefix.data(), p) != 0 || close[6 + 2 * p] != 'c' || close[7 + 2 * p] != '>')
        return false;
    if (decode)
        m_value.assign(b + text, end - text);
    m_pos = end + closing;
    m_names.resize(top);
    m_nameStarts.pop_back();
    return true;
}

bool SheetXmlScanner::readCell(bool decode)
{
    m_value.clear();
    m_inlineText.clear();
    m_hasInlineText = false;
    m_textTooLong = false;
    if (m_cellEmpty)
        return true;
    // Most cells are a number or a shared-string index in <v>: read at once, without the general tag machinery.
    if (readPlainValue(decode))
        return true;
    const size_t depth = m_nameStarts.size();
    while (true) {
        if (!readContent(nullptr))
            return false;
        const Markup markup = readTag();
        if (markup == Markup::Failed)
            return false;
        if (m_nameStarts.size() < depth)
            return true; // </c>
        if (markup != Markup::Start)
            continue;
        if (m_localName == "v") {
            if (!readElementText(decode ? &m_value : nullptr))
                return false;
        } else if (m_localName == "is") {
            m_hasInlineText = true;
            if (!readRichText(decode ? &m_inlineText : nullptr))
                return false;
        } else if (!skipElement()) {
            return false; // a formula, or an extension: the value is in <v>
        }
    }
}

bool SheetXmlScanner::nextSharedString(bool &found)
{
    m_value.clear();
    m_textTooLong = false;
    found = false;
    while (true) {
        if (m_containerClosed)
            return true;
        if (!readContent(nullptr))
            return false;
        const size_t depth = m_nameStarts.size();
        const Markup markup = readTag();
        if (markup == Markup::Failed)
            return false;
        if (markup == Markup::End) {
            if (depth == m_containerDepth)
                m_containerClosed = true;
            continue;
        }
        if (depth != m_containerDepth || m_localName != "si") {
            if (markup == Markup::Start && !skipElement())
                return false;
            continue;
        }
        found = true;
        if (markup == Markup::Empty)
            return true;
        return readRichText(&m_value);
    }
}

} // namespace landfall
