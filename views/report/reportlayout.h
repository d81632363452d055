#pragma once

#include "reportpage.h"
#include "reportstyle.h"

#include "report/reportmodel.h"

#include <QFontMetricsF>
#include <QHash>
#include <QList>
#include <QSizeF>

class QPaintDevice;

namespace landfall {

/** Flows a ReportModel onto pages: cover, contents, then each section from a new page, with
    tables that break across pages and repeat their header row. It only measures (with the
    device's own font metrics); PdfReportWriter paints what it returns. Measurements of
    repeated cell text are cached: a large estate repeats the same reasons thousands of times. */
class ReportLayout {
public:
    /** A heading as laid out, for the PDF's outline: level 0 is a section's title, 1 a heading
        within it; the page (0-based) it landed on and its top, in device units. */
    struct Anchor {
        QString title;
        int level = 0;
        int page = 0;
        qreal top = 0;
    };
    /** A table-of-contents entry: where it is drawn, and where the section it names begins. */
    struct ContentsEntry {
        int page = 0;
        QRectF rect; ///< device units
        int targetPage = 0;
        qreal targetTop = 0;
    };

    ReportLayout(const ReportModel &model, QPaintDevice *device, const QSizeF &pagePoints);

    QList<ReportPage> run();
    /** An identifier's pieces: it may break after '/', ':' or '-' and nowhere else. */
    static QStringList pieces(const QString &word);
    /** `text` cut at the last whole word that fits with an ellipsis; a single word is cut by characters. */
    static QString elideAtWord(const QString &text, const QFontMetricsF &metrics, qreal width);
    /** The page (0-based) on which each section starts; valid after run(). */
    const QList<int> &sectionPages() const { return m_sectionPages; }
    /** Every section title and heading in reading order; valid after run(). */
    const QList<Anchor> &anchors() const { return m_anchors; }
    /** Every entry of the table of contents; valid after run(). */
    const QList<ContentsEntry> &contentsEntries() const { return m_contentsEntries; }
    /** Device units per point. */
    qreal unit() const { return m_unit; }
    const ReportStyle &style() const { return m_style; }
    QRectF contentRect() const { return QRectF(m_left, m_top, m_right - m_left, m_bottom - m_top); }
    QSizeF pageSize() const { return m_page; }

private:
    qreal pt(qreal points) const { return points * m_unit; }
    void newPage(const QString &header);
    bool fits(qreal height) const { return m_y + height <= m_bottom; }
    /** True once a third of the page holds content: only then may a block move to the next page. */
    bool thirdFull() const { return m_y >= m_top + (m_bottom - m_top) / 3; }
    void addText(qreal x, qreal baseline, const QString &text, int font, const QColor &color);
    void addFill(const QRectF &rect, const QColor &color);
    void addLine(const QPointF &from, const QPointF &to, const QColor &color, qreal width, bool dotted = false);
    /** Lines of `text` no wider than `width`; more than `maxLines` are cut, the last one elided. */
    QStringList wrap(const QString &text, int font, qreal width, int maxLines);
    QStringList captionLines(const QString &text);
    qreal captionHeight(const QString &text);
    /** Draws a caption at m_y, wrapped, and moves m_y below it. */
    void addCaption(const QString &text);
    qreal advance(const QString &word, int font);
    /** Adds wrapped text at the current position; returns the height used. */
    qreal paragraph(const QString &text, int font, const QColor &color, qreal x, qreal width, qreal leading);

    void cover();
    void contents(int firstPage, int pageCount);
    /** Names the annex workbook below the contents, where it fits. */
    void annexNote();
    void section(int number, const ReportSection &section);
    void block(const ReportBlock &block, const QString &header, const ReportBlock *next);
    /** What must fit below a heading for the block after it to start on the same page. */
    qreal leastHeight(const ReportBlock &block) const;
    qreal chartHeight(const ReportBlock &block) const;
    void figures(const ReportBlock &block);
    void table(const ReportBlock &block, const QString &header);
    void chart(const ReportBlock &block, const QString &header);

    const ReportModel &m_model;
    ReportStyle m_style;
    qreal m_unit;
    QSizeF m_page; ///< device units
    qreal m_left, m_right, m_top, m_bottom;
    qreal m_y = 0;
    QList<ReportPage> m_pages;
    QList<int> m_sectionPages;
    QList<qreal> m_sectionTops;
    QList<Anchor> m_anchors;
    QList<ContentsEntry> m_contentsEntries;
    int m_tables = 0;
    int m_figures = 0;
    QHash<QString, QStringList> m_wrapCache;
    std::array<QHash<QString, qreal>, ReportStyle::FontCount> m_advanceCache;
};

} // namespace landfall
