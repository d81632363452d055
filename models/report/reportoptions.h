#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace landfall {

/** What the consultant chooses for a report: who it is for and which scenarios it compares. */
struct ReportOptions {
    QString customer;
    QString consultant;
    QDate date = QDate::currentDate();
    QStringList scenarios; ///< empty: every scenario of the project, or "default" when it has none
    QString logoPath;      ///< an image for the cover; empty for none
    QString annexFile;     ///< the annex workbook's file name (no folder), printed in the report; empty for none
};

} // namespace landfall
