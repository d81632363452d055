#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QList>
#include <QRectF>
#include <QString>

namespace landfall {

/** Adds to a finished PDF the navigation QPdfWriter cannot write: bookmarks (the outline that
    viewers show beside the pages) and links from rectangles to pages, through QPDF. Positions
    are in points from the page's top left corner, as the report lays out its pages. */
class PdfOutlineWriter {
public:
    /** One outline entry; entries come in reading order, a level deeper than the one before
        nests under it (0 is the top). */
    struct Bookmark {
        QString title;
        int level = 0;
        int page = 0;  ///< 0-based
        qreal top = 0; ///< where the viewer scrolls to on that page
    };
    /** A clickable rectangle on `page` that shows `targetPage` from `targetTop`. */
    struct Link {
        int page = 0;
        QRectF rect;
        int targetPage = 0;
        qreal targetTop = 0;
    };

    /** The PDF with the outline and the links added (it opens with the outline shown), or the
        error in words; a bookmark or link naming a page the PDF lacks is an error. */
    static Result<QByteArray, QString> apply(const QByteArray &pdf, const QList<Bookmark> &bookmarks,
                                             const QList<Link> &links);
};

} // namespace landfall
