#pragma once

#include "report/reportmodel.h"

#include <QPageSize>
#include <QString>

#include <functional>
#include <optional>

class QPagedPaintDevice;

namespace landfall {

/** Writes a ReportModel as a PDF (QPdfWriter, fonts embedded, text selectable) or onto any
    paged device such as the print preview's printer. Every page gets a running header and a
    footer with "Page n of N"; charts come from views/charts/ and stay vector. */
class PdfReportWriter {
public:
    enum class Paper { A4, Letter };

    struct Options {
        Paper paper = Paper::A4;
        /** Called after each page is painted, on the calling thread; return false to cancel. */
        std::function<bool(int page, int pages)> progress;
        /** Called once the PDF is complete, before it replaces the old file; return false to
            leave the old file (for a caller that writes a companion file alongside). */
        std::function<bool()> beforeCommit;
    };

    /** "a4" or "letter" (any case); nullopt for anything else. */
    static std::optional<Paper> paperFromKey(const QString &key);
    static QPageSize pageSize(Paper paper);

    /** Writes the PDF; the error in words, or nothing when written. Needs a QGuiApplication
        (a QApplication for the charts). */
    static std::optional<QString> write(const ReportModel &model, const QString &path, const Options &options);
    /** Paints the report onto `device`, whose page size and full-page margins the caller set;
        returns the number of pages, 0 when cancelled. */
    static int render(const ReportModel &model, QPagedPaintDevice *device, const Options &options);
};

} // namespace landfall
