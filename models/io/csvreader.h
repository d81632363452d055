#pragma once

#include "recordsource.h"

#include <QByteArray>

#include <array>

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
    /** One field of a record as it stands in the file: its bytes between the separators, and
        whether they were quoted (then escaped quotes are still doubled). */
    struct Field {
        QByteArrayView bytes;
        bool quoted = false;
    };
    /** The texts one column has given while it has given few distinct ones. Most columns of an
        inventory repeat a handful of values (a cluster, an OS, "False") over 100,000 rows: one
        shared QString per value spares a UTF-8 conversion and an allocation per cell. A column
        that turns out to hold many distinct values (names, UUIDs) is no longer remembered. */
    class RepeatedTexts {
    public:
        QString text(QByteArrayView utf8);

    private:
        static constexpr qsizetype kMaxDistinct = 256;
        static constexpr qsizetype kMaxBytes = 128; ///< longer texts (notes, paths) are seldom repeated
        /// A power of two, twice kMaxDistinct: a probe of the open-addressed table stays short.
        static constexpr size_t kSlots = 512;
        struct Slot {
            quint32 hash = 0;
            qsizetype offset = -1; ///< where the text's UTF-8 starts in m_bytes; -1: the slot is free
            qsizetype size = 0;
            QString text;
        };
        /** The slot that holds `utf8`, or the free slot where it belongs. */
        Slot &slotFor(QByteArrayView utf8, quint32 hash);

        std::vector<Slot> m_slots; ///< kSlots of them, from the column's first text on
        QByteArray m_bytes;        ///< the UTF-8 of every remembered text, one after another
        qsizetype m_count = 0;
        bool m_tooMany = false;
    };

    void decodeToUtf8();
    char detectDelimiter() const;
    /** Splits one record starting at m_pos into field views; false at the end or on an error. */
    bool splitRecord(std::vector<Field> &fields);
    /** A field's text: unquoted, and shared with the same text earlier in its column where it repeats. */
    QString fieldText(size_t column, const Field &field);
    void fail(qint64 row, const QString &message);

    QByteArray m_content;
    QString m_fileName;
    QStringList m_header;
    char m_delimiter = ',';
    qsizetype m_pos = 0;
    qint64 m_row = 0;
    /// The bytes that end an unquoted field: the delimiter, CR and LF.
    std::array<bool, 256> m_endsField{};
    std::vector<Field> m_fields;
    std::vector<RepeatedTexts> m_columnTexts; ///< one per header column
    QByteArray m_unquoteBuffer;
    std::optional<ImportIssue> m_error;
    QString m_warning;
};

} // namespace landfall
