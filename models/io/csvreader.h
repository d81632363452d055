#pragma once

#include "recordsource.h"

#include <QByteArray>

namespace landfall {

/** Reads RFC 4180 CSV as spreadsheets write it: ',' ';' or tab between fields (taken from
    the header row), quoted fields holding separators, quotes and line breaks, CRLF or LF,
    UTF-8 with or without a byte-order mark (UTF-16 and legacy Windows-1252 are converted).
    It works on the whole file in memory and converts only the wanted columns to text. */
class CsvReader : public RecordSource {
public:
    /// Limits that keep a hostile file from exhausting memory or time.
    static constexpr qsizetype kMaxColumns = 4096;
    static constexpr qsizetype kMaxRecordBytes = 16 * 1024 * 1024;
    /// The largest CSV read: the reader holds it in memory, and re-encoding a legacy file can
    /// triple that; 100,000 VMs of RVTools' widest export fit in a quarter of it.
    static constexpr qint64 kMaxFileBytes = qint64(512) * 1024 * 1024;

    CsvReader(QByteArray content, QString fileName);

    const QStringList &header() const override { return m_header; }
    bool next(Record &record) override;
    std::optional<ImportIssue> error() const override { return m_error; }
    QString warning() const override { return m_warning; }
    QChar decimalMark() const override { return m_delimiter == ';' ? u',' : u'.'; }
    double fractionRead() const override
    {
        return m_content.isEmpty() ? 1.0 : double(m_pos) / double(m_content.size());
    }
    char delimiter() const { return m_delimiter; }

private:
    void decodeToUtf8();
    char detectDelimiter() const;
    /** Splits one record starting at m_pos into field views; false at the end or on an error. */
    bool splitRecord(std::vector<QByteArrayView> &fields, std::vector<bool> &quoted);
    void fail(qint64 row, const QString &message);

    QByteArray m_content;
    QString m_fileName;
    QStringList m_header;
    char m_delimiter = ',';
    qsizetype m_pos = 0;
    qint64 m_row = 0;
    std::vector<QByteArrayView> m_fieldViews;
    std::vector<bool> m_fieldQuoted;
    QByteArray m_unquoteBuffer;
    std::optional<ImportIssue> m_error;
    QString m_warning;
};

} // namespace landfall
