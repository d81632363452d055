#pragma once

#include "recordsource.h"

#include <QByteArray>

namespace landfall {

/** Reads one sheet of an .xlsx workbook (Office Open XML) as a table: the zip through
    minizip (ZipArchive), the XML through QXmlStreamReader. Handles shared strings, inline strings,
    numbers, booleans and sparse rows. The first row of the sheet is the header. */
class XlsxReader : public RecordSource {
public:
    /// A workbook that unpacks to more than this is refused (a zip bomb, or not an inventory).
    static constexpr qint64 kMaxUncompressedBytes = qint64(1) << 30;

    XlsxReader(const QString &path, const QString &sheetName, qint64 maxUncompressedBytes = kMaxUncompressedBytes);
    /** Reads a workbook already in memory; `name` names it in messages. */
    XlsxReader(QByteArray content, const QString &name, const QString &sheetName,
               qint64 maxUncompressedBytes = kMaxUncompressedBytes);
    ~XlsxReader() override;

    const QStringList &header() const override { return m_header; }
    bool next(Record &record) override;
    std::optional<ImportIssue> error() const override { return m_error; }
    double fractionRead() const override;

private:
    struct Parts;
    bool load(const QString &sheetName);
    QByteArray readEntry(const QString &entryName);
    bool readSharedStrings(const QByteArray &xml);
    QString findSheetEntry(const QByteArray &workbook, const QByteArray &relations, const QString &sheetName);
    bool readRows(const QByteArray &sheetXml);
    void fail(const QString &message, qint64 row = 0);

    QString m_path;
    QByteArray m_content; ///< the workbook's bytes when read from memory; empty when read from m_path
    QStringList m_header;
    QStringList m_sharedStrings;
    std::vector<std::pair<qint64, std::vector<QString>>> m_rows; ///< row number and cells, after the header
    size_t m_next = 0;
    qint64 m_uncompressedTotal = 0;
    qint64 m_maxUncompressedBytes = kMaxUncompressedBytes;
    std::optional<ImportIssue> m_error;
};

} // namespace landfall
