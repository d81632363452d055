#pragma once

#include "importissue.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QIODevice;

namespace landfall {

class ZipArchive;

/** QXmlStreamReader over one zip entry, fed a piece at a time: the entry is never whole in
    memory. What it unpacks counts against a budget shared by every part of the workbook. */
class ZipXmlStream {
public:
    enum class Status { Ok, Damaged, TooLarge };

    ZipXmlStream(ZipArchive &zip, std::atomic<qint64> &budget);
    /** Starts reading `entry`; false when the workbook does not hold it or it cannot be opened. */
    bool open(const QString &entry);
    /** The next token, unpacking more of the entry whenever the parser has used what it had. */
    QXmlStreamReader::TokenType readNext();
    /** The text inside the element just started, up to its end (readElementText() would stop at a piece's end). */
    QString readText();
    /** Reads to the end of the element just started, ignoring what it holds. */
    void skipElement();
    /** The next inflated bytes of the entry into `buffer`, for a parser of its own instead of xml():
        how many, 0 at the end or on a failure (status() says which). */
    qint64 readPiece(char *buffer, qint64 size);
    QXmlStreamReader &xml() { return m_xml; }
    Status status() const { return m_status; }
    qint64 bytesUnpacked() const { return m_unpacked; }

private:
    bool feed();

    ZipArchive &m_zip;
    std::atomic<qint64> &m_budget;
    QXmlStreamReader m_xml;
    QByteArray m_chunk;
    Status m_status = Status::Ok;
    bool m_finished = false;
    qint64 m_unpacked = 0;
};

/** The parts of an .xlsx workbook that every sheet needs: the list of sheets, where each is,
    and the shared-string table. Read once, then shared (read-only) by the readers of its
    sheets, which may run on several threads; each opens its own view of the zip. */
class XlsxWorkbook {
public:
    /// A workbook that unpacks to more than this is refused (a zip bomb, or not an inventory). Sheets
    /// are streamed, so this bounds time, not memory: RVTools' tabs of 100,000 VMs unpack to about 1.3 GiB.
    static constexpr qint64 kMaxUncompressedBytes = qint64(4) << 30;
    /// Excel's own limit for the text of one cell.
    static constexpr int kMaxCellCharacters = 32767;
    /// The most shared strings taken, whatever the sheets' size (16 million, 64 MiB of index).
    static constexpr qsizetype kMaxSharedStrings = 16 * 1000 * 1000;

    /** Opens the workbook at `path`; check error() before use. */
    static std::shared_ptr<XlsxWorkbook> open(const QString &path, qint64 maxUncompressedBytes = kMaxUncompressedBytes);
    /** Opens a workbook already in memory; `name` names it in messages. */
    static std::shared_ptr<XlsxWorkbook> fromContent(QByteArray content, const QString &name,
                                                     qint64 maxUncompressedBytes = kMaxUncompressedBytes);

    const std::optional<ImportIssue> &error() const { return m_error; }
    QString fileName() const { return m_path; }
    QStringList sheetNames() const { return m_sheetNames; }
    /** The zip entry of sheet `name` (case-insensitive); empty when the workbook has no such sheet. */
    QString sheetEntry(const QString &name) const;
    bool hasSheet(const QString &name) const { return !sheetEntry(name).isEmpty(); }

    qsizetype sharedStringCount() const { return qsizetype(m_stringEnds.size()); }
    QString sharedString(qsizetype index) const;
    /** The length of shared string `index` in UTF-8 bytes: at least its length in characters. */
    qsizetype sharedStringBytes(qsizetype index) const;

    /** A new device over the workbook's bytes (its file, or the content in memory), opened for reading. */
    std::unique_ptr<QIODevice> openDevice() const;
    /** What may still be unpacked from the workbook, across all its readers. */
    std::atomic<qint64> &budget() const { return m_budget; }
    qint64 maxUncompressedBytes() const { return m_maxUncompressedBytes; }
    /** The message for a part that could not be read whole. */
    QString damagedPartMessage(ZipXmlStream::Status status, const QString &entry) const;

private:
    XlsxWorkbook(QString path, QByteArray content, qint64 maxUncompressedBytes);
    void load();
    bool readSheetList(ZipArchive &zip);
    bool readSharedStrings(ZipArchive &zip, qint64 sheetBytes);
    void fail(const QString &message);

    QString m_path;
    QByteArray m_content; ///< the workbook's bytes when read from memory; empty when read from m_path
    qint64 m_maxUncompressedBytes;
    mutable std::atomic<qint64> m_budget;
    QStringList m_sheetNames;
    QHash<QString, QString> m_entryOfSheet; ///< lower-case sheet name -> zip entry
    QByteArray m_strings;                   ///< every shared string, UTF-8, one after the other
    std::vector<quint32> m_stringEnds;      ///< where each shared string ends in m_strings
    std::optional<ImportIssue> m_error;
};

} // namespace landfall
