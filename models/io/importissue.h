#pragma once

#include <QString>

namespace landfall {

/** One thing wrong with an input file, precise enough for the user to find and fix it. */
struct ImportIssue {
    QString file;
    qint64 row = 0;  ///< 1-based record number, the header being row 1 (as a spreadsheet shows it); 0 = the whole file
    QString column;  ///< the column's header as written in the file; empty when the issue is not about one cell
    QString value;   ///< the offending text, as read
    QString message; ///< what is wrong and what was expected

    /** "file:row:column: message", the form the CLI prints and editors can jump to. */
    QString toString() const;
};

} // namespace landfall
