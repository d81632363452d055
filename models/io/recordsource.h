#pragma once

#include "importissue.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace landfall {

/** One row of a table read from an inventory file. */
struct Record {
    qint64 row = 0;              ///< 1-based, the header being row 1
    std::vector<QString> fields; ///< one per header column; columns not asked for stay null
};

/** A table of text read from a file (a CSV or a workbook sheet): a header and its records.
    Readers convert only the columns a mapper asks for, which keeps large imports fast. */
class RecordSource {
public:
    virtual ~RecordSource() = default;

    virtual const QStringList &header() const = 0;
    /** Only these columns are filled in the records; by default all of them are. */
    void setWantedColumns(std::vector<bool> wanted) { m_wanted = std::move(wanted); }
    /** Reads the next record into `record`; false at the end of the table or on an error. */
    virtual bool next(Record &record) = 0;
    /** Why reading stopped early, if it did: a file that is not what it claims to be. */
    virtual std::optional<ImportIssue> error() const = 0;
    /** A note about how the file was read (an encoding guessed, ...), empty if none. */
    virtual QString warning() const { return {}; }
    /** How much of the table has been read, from 0 to 1, for progress bars. */
    virtual double fractionRead() const = 0;
    /** What a decimal number looks like in this file: ',' in a European-locale CSV. */
    virtual QChar decimalMark() const { return u'.'; }

protected:
    bool isWanted(size_t column) const { return m_wanted.empty() || (column < m_wanted.size() && m_wanted[column]); }

private:
    std::vector<bool> m_wanted;
};

} // namespace landfall
