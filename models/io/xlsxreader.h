#pragma once

#include "recordsource.h"
#include "xlsxworkbook.h"

#include <QByteArray>

#include <memory>

namespace landfall {

class SheetXmlScanner;
class ZipArchive;

/** Reads one sheet of an .xlsx workbook (Office Open XML) as a table, streaming: the sheet's
    XML goes through SheetXmlScanner a piece at a time as rows are asked for, so no sheet is
    ever whole in memory, and only the cells of wanted columns are decoded. Handles shared strings (an empty
   shared-string cell, as RVTools 4.7 writes them, is an empty cell), inline strings, numbers, booleans, namespace
   prefixes and sparse rows. The first row of the sheet is the header. */
class XlsxReader : public RecordSource {
public:
    /// A workbook that unpacks to more than this is refused (a zip bomb, or not an inventory).
    static constexpr qint64 kMaxUncompressedBytes = XlsxWorkbook::kMaxUncompressedBytes;
    /// Excel's last row: a sheet cannot hold more.
    static constexpr qint64 kMaxRows = 1048576;

    /** Reads sheet `sheetName` of the workbook at `path`; a workbook of one sheet is read whatever its name. */
    XlsxReader(const QString &path, const QString &sheetName, qint64 maxUncompressedBytes = kMaxUncompressedBytes);
    /** Reads a workbook already in memory; `name` names it in messages. */
    XlsxReader(QByteArray content, const QString &name, const QString &sheetName,
               qint64 maxUncompressedBytes = kMaxUncompressedBytes);
    /** Reads sheet `sheetName` of a workbook already opened (several sheets may be read at once);
        with `anySingleSheet`, a workbook of one sheet is read whatever its name. */
    XlsxReader(std::shared_ptr<const XlsxWorkbook> workbook, const QString &sheetName, bool anySingleSheet = false);
    ~XlsxReader() override;

    const QStringList &header() const override { return m_header; }
    bool next(Record &record) override;
    std::optional<ImportIssue> error() const override { return m_error; }
    double fractionRead() const override;
    QString sheetName() const { return m_sheetName; }

private:
    void start(const QString &sheetName, bool anySingleSheet);
    /** Reads the next row that is not blank into `cells` (one per header column once the header is read). */
    bool readRow(qint64 &rowNumber, std::vector<QString> &cells);
    bool readCell(std::vector<QString> &cells, int &nextColumn, qint64 rowNumber);
    /** The header's name of `column`, or its letters where the header has none. */
    QString columnName(int column) const;
    void fail(const QString &message, qint64 row = 0, const QString &column = {});
    /** Fails with what the scanner or the zip under it found wrong, naming the row and cell being read. */
    void failFromStream();

    std::shared_ptr<const XlsxWorkbook> m_workbook;
    QString m_path;
    QString m_sheetName;
    QString m_entry;
    std::unique_ptr<QIODevice> m_device;
    std::unique_ptr<ZipArchive> m_zip;
    std::unique_ptr<ZipXmlStream> m_stream;
    std::unique_ptr<SheetXmlScanner> m_scanner;
    int m_column = -1; ///< the column of the cell being read, for messages; -1 between cells
    /// The shared strings met last, by index modulo its size: an inventory repeats the same few
    /// (a cluster, an OS, "False") in every row, and a copy of a QString shares its text.
    struct CachedString {
        qint64 index = -1;
        QString text;
    };
    std::vector<CachedString> m_stringCache;
    qint64 m_declaredSize = 0;
    QStringList m_header;
    qint64 m_lastRow = 0;
    bool m_atEnd = false;
    bool m_havePending = false; ///< the first data row is read ahead, so that its problems show at once
    Record m_pending;
    std::optional<ImportIssue> m_error;
};

} // namespace landfall
