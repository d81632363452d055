#pragma once

#include <QString>

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace landfall {

/** Scans the XML of one worksheet part (SpreadsheetML) for its rows and cells, a piece at a
    time: `sheetData`, `row`, `c` and its `v` or `is`/`t`, with any namespace prefix or none;
    and the shared-string part for its strings (`sst`, `si`, `t`).
    It checks what it passes over (tags that match, names, attribute quoting, the five predefined
    entities and numeric character references, the characters XML allows, UTF-8) but decodes
    only the cells it is asked to. A general XML parser (QXmlStreamReader) builds an attribute
    vector and a string for every cell of every tab, which made it ten times slower than
    inflating the workbook; a worksheet needs none of that. No DTD is read: a worksheet with a
    DOCTYPE is refused. */
class SheetXmlScanner {
public:
    /// Where the bytes come from: fills `buffer` with up to `size` bytes, returns how many; 0 at the end or on a
    /// failure.
    using Source = std::function<qint64(char *buffer, qint64 size)>;
    /// What next() found inside `sheetData`.
    enum class Token { RowStart, CellStart, RowEnd, SheetDataEnd, Invalid };
    /// A decoded text longer than this (in UTF-8 bytes) holds more than Excel's 32,767 characters for sure;
    /// the rest of it is checked but not kept.
    static constexpr size_t kMaxTextBytes = 3 * 32767 + 3;

    explicit SheetXmlScanner(Source source);

    /** Reads up to the start of `sheetData`; false when the document ends first (endedEarly() without an
        error) or is not well-formed. */
    bool enterSheetData();
    /** Reads up to the start of the shared-string table `sst`, as enterSheetData() does. */
    bool enterSharedStrings();
    /** The next string of the table into value(); `found` is false at the end of the table. */
    bool nextSharedString(bool &found);
    /** Text longer than this (UTF-8 bytes) is cut there and textTooLong() says so; kMaxTextBytes by default. */
    void setMaxTextBytes(size_t bytes) { m_maxTextBytes = bytes; }
    /** The next row start, cell start, row end or the end of `sheetData`, skipping anything else. */
    Token next();
    /** After RowStart: the row's `r` attribute as written, empty when it has none. */
    std::string_view rowReference() const { return m_rowReference.view(); }
    /** After CellStart: the cell's `r` (such as "B12") and `t` (such as "s") attributes, empty when absent. */
    std::string_view cellReference() const { return m_cellReference.view(); }
    std::string_view cellType() const { return m_cellType.view(); }
    /** After CellStart: reads to the end of the cell. With `decode`, value() holds the text of its
        `v` and inlineText() that of its `is` (UTF-8); without, they stay empty and nothing is decoded. */
    bool readCell(bool decode);
    const std::string &value() const { return m_value; }
    const std::string &inlineText() const { return m_inlineText; }
    bool hasInlineText() const { return m_hasInlineText; }
    /** The cell's text was longer than kMaxTextBytes; value() or inlineText() hold its start. */
    bool textTooLong() const { return m_textTooLong; }

    bool hasError() const { return !m_error.isEmpty(); }
    /** The document ended before `sheetData` began, or before what was being read was closed. */
    bool endedEarly() const { return m_endedEarly; }
    QString errorString() const { return m_error; }
    qint64 lineNumber() const { return m_line; }

private:
    enum class Markup { Start, End, Empty, Failed };
    /** An attribute value kept in place, without allocating: references and types are a few letters,
        and more than 64 bytes are cut (enough to name a bad one). */
    struct ShortText {
        static constexpr size_t kCapacity = 64;
        char data[kCapacity];
        size_t size = 0;
        void assign(const char *text, size_t length)
        {
            size = std::min(length, kCapacity);
            std::memcpy(data, text, size);
        }
        std::string_view view() const { return {data, size}; }
    };

    bool enter(std::string_view element);
    bool fail(const QString &message);
    /** Fails as a document cut short. */
    bool endOfData();
    /** More bytes after those from m_pos on (earlier ones are dropped); false at the end of the data. */
    bool more();
    /** Appends to `out` (when not null) up to kMaxTextBytes in all. */
    bool put(std::string *out, const char *data, size_t length);
    /** Content up to the next tag, checked; appended to `out` decoded unless `out` is null. Comments,
        processing instructions and CDATA sections inside are handled here. */
    bool readContent(std::string *out);
    bool skipUntil(const char *terminator, size_t length, std::string *out);
    /** The tag at the current '<' (not a comment, PI or CDATA), checked against the open elements. */
    Markup readTag();
    bool takeAttribute(ShortText &target, const char *value, size_t length);
    /** Skips the element just started, all it holds, to its end. */
    bool skipElement();
    /** The common cell, a plain value in `v` and nothing else, read in one step; false (nothing read) when
        the cell is another kind, or not whole in the buffer: the general way reads it then. */
    bool readPlainValue(bool decode);
    /** Reads the string item just started (`is` of an inline-string cell, `si` of the shared-string table) to its
        end; with `out`, its text decoded into it: plain `t`, or the runs `r`/`t` of rich text. Phonetic guides
        (`rPh`, `phoneticPr`) are not part of the text. */
    bool readRichText(std::string *out);
    /** Reads the content of the element just started to its end; with `out`, its text decoded into it. */
    bool readElementText(std::string *out);

    Source m_source;
    std::vector<char> m_buffer;
    size_t m_pos = 0;
    size_t m_end = 0;
    bool m_sourceDone = false;
    bool m_endedEarly = false;
    qint64 m_line = 1;
    QString m_error;

    // The open elements' qualified names, one after the other, and where each starts.
    std::string m_names;
    std::vector<size_t> m_nameStarts;
    bool m_sawRoot = false;
    size_t m_containerDepth = 0; ///< the depth of sheetData or sst once entered
    bool m_containerClosed = false;
    bool m_pendingRowEnd = false;
    bool m_cellEmpty = false;

    /// The local name of the tag just read, in m_buffer: good until more bytes are read.
    std::string_view m_localName;

    ShortText m_rowReference;
    ShortText m_cellReference;
    ShortText m_cellType;
    std::string m_scratch;
    std::string m_value;
    std::string m_inlineText;
    bool m_hasInlineText = false;
    bool m_textTooLong = false;
    size_t m_maxTextBytes = kMaxTextBytes;
};

} // namespace landfall
