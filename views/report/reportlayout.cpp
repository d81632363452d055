#include "reportlayout.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace landfall {

namespace {

constexpr qreal kMarginSide = 56; // points: about 20 mm
constexpr qreal kMarginTop = 68;  // leaves room for the running header
constexpr qreal kMarginBottom = 60;
constexpr qreal kCellPadX = 3.5;
constexpr qreal kCellPadY = 3;
constexpr int kMaxCellLines = 12;
constexpr int kTocEntriesPerPage = 28;
/// More characters than any line of the report can show, in its smallest font.
constexpr qsizetype kMaxLineCharacters = 400;

/** True when every filled cell of a column is a number, so the column is aligned right. */
bool numericColumn(const ReportTable &table, int column)
{
    bool any = false;
    for (const QStringList &row : table.rows) {
        const QString &cell = row.value(column);
        if (cell.isEmpty())
            continue;
        if (!cell.at(0).isDigit() && cell.at(0) != u'-')
            return false;
        for (QChar c : cell) {
            if (!c.isDigit() && !QStringView(u",. ()%/-").contains(c))
                return false;
        }
        any = true;
    }
    return any;
}

} // namespace

QStringList ReportLayout::pieces(const QString &word)
{
    QStringList out;
    qsizetype start = 0;
    for (qsizetype i = 0; i < word.size(); ++i) {
        const QChar c = word.at(i);
        if ((c == u'/' || c == u':' || c == u'-') && i + 1 < word.size()) {
            out.append(word.mid(start, i + 1 - start));
            start = i + 1;
        }
    }
    out.append(word.mid(start));
    return out;
}

QString ReportLayout::elideAtWord(const QString &text, const QFontMetricsF &metrics, qreal width)
{
    if (metrics.horizontalAdvance(text) <= width)
        return text;
    const QString ellipsis(QChar(0x2026));
    QStringList words = text.left(1024).split(u' ', Qt::SkipEmptyParts);
    while (words.size() > 1) {
        words.removeLast();
        QString shown = words.join(u' ');
        while (!shown.isEmpty() && QStringView(u",;:-\u00b7").contains(shown.back()))
            shown.chop(1);
        shown = shown.trimmed() + ellipsis;
        if (metrics.horizontalAdvance(shown) <= width)
            return shown;
    }
    return metrics.elidedText(text, Qt::ElideRight, width); // one word, wider than the room
}

ReportLayout::ReportLayout(const ReportModel &model, QPaintDevice *device, const QSizeF &pagePoints)
    : m_model(model)
    , m_style(device, model.primaryColour, model.accentColour)
    , m_unit(device->logicalDpiY() / 72.0)
{
    m_page = pagePoints * m_unit;
    m_left = pt(kMarginSide);
    m_right = m_page.width() - pt(kMarginSide);
    m_top = pt(kMarginTop);
    m_bottom = m_page.height() - pt(kMarginBottom);
}

void ReportLayout::newPage(const QString &header)
{
    // A running header shows one line; a name of 100,000 characters is not carried to every page.
    m_pages.append(ReportPage{{}, header.left(kMaxLineCharacters), false});
    m_y = m_top;
}

void ReportLayout::addText(qreal x, qreal baseline, const QString &text, int font, const QColor &color)
{
    PageItem item;
    item.kind = PageItem::Kind::Text;
    item.rect = QRectF(x, baseline, 0, 0);
    item.text = text.left(kMaxLineCharacters); // one line: no page is wide enough for more
    item.font = font;
    item.color = color;
    m_pages.last().items.append(item);
}

void ReportLayout::addFill(const QRectF &rect, const QColor &color)
{
    PageItem item;
    item.kind = PageItem::Kind::Fill;
    item.rect = rect;
    item.color = color;
    m_pages.last().items.append(item);
}

void ReportLayout::addLine(const QPointF &from, const QPointF &to, const QColor &color, qreal width, bool dotted)
{
    PageItem item;
    item.kind = PageItem::Kind::Line;
    item.rect = QRectF(from, to);
    item.color = color;
    item.lineWidth = width;
    item.dotted = dotted;
    m_pages.last().items.append(item);
}

qreal ReportLayout::advance(const QString &word, int font)
{
    QHash<QString, qreal> &cache = m_advanceCache[font];
    const auto it = cache.constFind(word);
    if (it != cache.cend())
        return *it;
    const qreal width = m_style.metrics(font).horizontalAdvance(word);
    cache.insert(word, width);
    return width;
}

QStringList ReportLayout::wrap(const QString &text, int font, qreal width, int maxLines)
{
    const QString key =
        QString::number(font) + u'|' + QString::number(qint64(width)) + u'|' + QString::number(maxLines) + u'|' + text;
    const auto cached = m_wrapCache.constFind(key);
    if (cached != m_wrapCache.cend())
        return *cached;

    const QFontMetricsF &metrics = m_style.metrics(font);
    const qreal space = advance(QStringLiteral(" "), font);
    // Word advances are summed, so allow a little for kerning across the spaces.
    const qreal room = width * 0.985;
    QStringList lines;
    QString current;
    qreal currentWidth = 0;
    auto placeWord = [&](QString word) {
        qreal w = advance(word, font);
        if (!current.isEmpty() && currentWidth + space + w <= room) {
            current += u' ' + word;
            currentWidth += space + w;
            return;
        }
        if (!current.isEmpty())
            lines.append(current);
        current.clear();
        currentWidth = 0;
        if (w <= room || word.size() <= 1) {
            current = word;
            currentWidth = w;
            return;
        }
        // A word wider than the column (an image reference, a VM name): break it only after a
        // '/', ':' or '-', so an identifier never splits mid-token; the table widens a column
        // to its widest such piece first. Only a piece wider than the whole column (a crafted
        // name) is cut by characters. One pass, and none past the last line that can show.
        const QStringList pieces = ReportLayout::pieces(word);
        for (const QString &piece : pieces) {
            if (lines.size() > maxLines)
                return;
            const qreal pw = advance(piece, font);
            if (!current.isEmpty() && currentWidth + pw <= room) {
                current += piece;
                currentWidth += pw;
                continue;
            }
            if (!current.isEmpty())
                lines.append(current);
            current.clear();
            currentWidth = 0;
            if (pw <= room) {
                current = piece;
                currentWidth = pw;
                continue;
            }
            qsizetype start = 0;
            while (start < piece.size() && lines.size() <= maxLines) {
                qreal used = 0;
                qsizetype cut = start;
                while (cut < piece.size() && used + metrics.horizontalAdvance(piece.at(cut)) <= room)
                    used += metrics.horizontalAdvance(piece.at(cut++));
                if (cut == piece.size()) {
                    current = piece.mid(start);
                    currentWidth = used;
                    break;
                }
                cut = std::max<qsizetype>(cut, start + 1);
                lines.append(piece.mid(start, cut - start));
                start = cut;
            }
        }
    };
    const QStringList paragraphs = text.split(u'\n');
    for (const QString &part : paragraphs) {
        if (lines.size() > maxLines)
            break; // what follows cannot show
        const QStringList words = part.split(u' ', Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (lines.size() > maxLines)
                break;
            placeWord(QString(word).replace(u'\t', u' ').replace(u'\r', u' '));
        }
        lines.append(current);
        current.clear();
        currentWidth = 0;
    }
    if (lines.size() > maxLines) {
        constexpr qsizetype kElisionInput = 4096; // far more than one line shows
        const QString rest = lines.mid(maxLines - 1).join(u' ').left(kElisionInput);
        lines = lines.mid(0, maxLines - 1);
        lines.append(elideAtWord(rest, metrics, width));
    }
    return *m_wrapCache.insert(key, lines);
}

qreal ReportLayout::paragraph(const QString &text, int font, const QColor &color, qreal x, qreal width, qreal leading)
{
    const QFontMetricsF &metrics = m_style.metrics(font);
    const qreal lineHeight = metrics.height() * leading;
    const QStringList lines = wrap(text, font, width, 1000);
    qreal used = 0;
    for (const QString &line : lines) {
        if (!fits(lineHeight))
            newPage(m_pages.last().header);
        addText(x, m_y + metrics.ascent(), line, font, color);
        m_y += lineHeight;
        used += lineHeight;
    }
    return used;
}

QList<ReportPage> ReportLayout::run()
{
    m_pages.clear();
    m_sectionPages.clear();
    m_sectionTops.clear();
    m_anchors.clear();
    m_contentsEntries.clear();
    cover();
    const int tocPages = std::max<int>(1, int(std::ceil(double(m_model.sections.size()) / kTocEntriesPerPage)));
    const int tocFirst = int(m_pages.size());
    for (int i = 0; i < tocPages; ++i)
        newPage(QStringLiteral("Contents"));
    for (int i = 0; i < m_model.sections.size(); ++i) {
        m_sectionPages.append(int(m_pages.size()));
        section(i + 1, m_model.sections.at(i));
    }
    contents(tocFirst, tocPages);
    return m_pages;
}

void ReportLayout::cover()
{
    newPage(QString());
    m_pages.last().cover = true;
    const qreal band = m_page.height() * 0.40;
    addFill(QRectF(0, 0, m_page.width(), band), m_style.primary());
    addFill(QRectF(0, band, m_page.width(), pt(5)), m_style.highlight());

    const qreal width = m_right - m_left;
    m_y = band - pt(150);
    addText(m_left, m_y, QStringLiteral("MIGRATION ASSESSMENT"), ReportStyle::Caption, QColor(0xA9, 0xC7, 0xE8));
    m_y += pt(16);
    for (const QString &line : wrap(m_model.title, ReportStyle::Title, width, 2)) {
        m_y += m_style.metrics(ReportStyle::Title).ascent();
        addText(m_left, m_y, line, ReportStyle::Title, Qt::white);
        m_y += m_style.metrics(ReportStyle::Title).descent() + pt(4);
    }
    m_y += pt(8);
    for (const QString &line : wrap(m_model.subtitle, ReportStyle::Subtitle, width, 2)) {
        m_y += m_style.metrics(ReportStyle::Subtitle).ascent();
        addText(m_left, m_y, line, ReportStyle::Subtitle, QColor(0xD6, 0xE2, 0xF0));
        m_y += m_style.metrics(ReportStyle::Subtitle).descent() + pt(3);
    }

    if (!m_model.logoPath.isEmpty()) {
        PageItem logo;
        logo.kind = PageItem::Kind::Logo;
        logo.rect = QRectF(m_right - pt(150), band + pt(36), pt(150), pt(60));
        logo.text = m_model.logoPath;
        m_pages.last().items.append(logo);
    }

    m_y = band + pt(44);
    const QString date = QLocale(QLocale::English).toString(m_model.date, QStringLiteral("d MMMM yyyy"));
    const QList<std::pair<QString, QString>> facts{
        {QStringLiteral("PREPARED FOR"),
         m_model.customer.isEmpty() ? QStringLiteral("(customer not given)") : m_model.customer},
        {QStringLiteral("PREPARED BY"),
         m_model.consultant.isEmpty() ? QStringLiteral("(consultant not given)") : m_model.consultant},
        {QStringLiteral("DATE"), date},
    }; // not the project file: its name is the consultant's, not the customer's
    const qreal factWidth = width - pt(170);
    for (const auto &[label, value] : facts) {
        addText(m_left, m_y + m_style.metrics(ReportStyle::Caption).ascent(), label, ReportStyle::Caption,
                ReportStyle::muted());
        m_y += m_style.metrics(ReportStyle::Caption).height() + pt(3);
        for (const QString &line : wrap(value, ReportStyle::Heading, factWidth, 3)) {
            addText(m_left, m_y + m_style.metrics(ReportStyle::Heading).ascent(), line, ReportStyle::Heading,
                    ReportStyle::ink());
            m_y += m_style.metrics(ReportStyle::Heading).height() * 1.15;
        }
        m_y += pt(14);
    }

    const qreal foot = m_bottom - pt(34);
    addLine(QPointF(m_left, foot), QPointF(m_right, foot), ReportStyle::rule(), pt(0.6));
    m_y = foot + pt(8);
    // Placed by hand, not through paragraph(): the cover never flows onto a second page.
    const QFontMetricsF &small = m_style.metrics(ReportStyle::FigureLabel);
    const QString note = QStringLiteral("Confidential. Every figure in this report is traceable to the inventory, the "
                                        "workshop answers, the classification rules and the scenario parameters "
                                        "listed in the method section. Prepared with Landfall ") +
                         QStringLiteral(LANDFALL_VERSION) + u'.';
    for (const QString &line : wrap(note, ReportStyle::FigureLabel, width, 3)) {
        addText(m_left, m_y + small.ascent(), line, ReportStyle::FigureLabel, ReportStyle::muted());
        m_y += small.height() * 1.2;
    }
}

void ReportLayout::contents(int firstPage, int pageCount)
{
    // The contents pages were reserved before the sections were laid out; fill them now that
    // every section's page is known.
    QList<ReportPage> tail = m_pages.mid(firstPage + pageCount);
    m_pages = m_pages.mid(0, firstPage);
    for (int i = 0; i < pageCount; ++i) {
        newPage(QStringLiteral("Contents"));
        if (i == 0) {
            addText(m_left, m_y + m_style.metrics(ReportStyle::SectionTitle).ascent(), QStringLiteral("Contents"),
                    ReportStyle::SectionTitle, m_style.primary());
            m_y += m_style.metrics(ReportStyle::SectionTitle).height() + pt(6);
            addFill(QRectF(m_left, m_y, pt(36), pt(2.5)), m_style.highlight());
            m_y += pt(26);
        }
        const int first = i * kTocEntriesPerPage;
        const int last = std::min<int>(int(m_model.sections.size()), first + kTocEntriesPerPage);
        for (int s = first; s < last; ++s) {
            const QFontMetricsF &metrics = m_style.metrics(ReportStyle::TocEntry);
            const qreal baseline = m_y + metrics.ascent();
            const QString number = QString::number(s + 1);
            const QString title = m_model.sections.at(s).title;
            const QString page = QString::number(m_sectionPages.at(s) + 1);
            addText(m_left, baseline, number, ReportStyle::TocSection, m_style.primary());
            const qreal titleX = m_left + pt(26);
            const QString shown = metrics.elidedText(title, Qt::ElideRight, m_right - titleX - pt(60));
            addText(titleX, baseline, shown, ReportStyle::TocEntry, ReportStyle::ink());
            const qreal pageWidth = metrics.horizontalAdvance(page);
            addText(m_right - pageWidth, baseline, page, ReportStyle::TocSection, ReportStyle::ink());
            m_contentsEntries.append(
                {int(m_pages.size()) - 1,
                 QRectF(m_left, baseline - metrics.ascent() - pt(2), m_right - m_left, metrics.height() + pt(4)),
                 m_sectionPages.at(s), m_sectionTops.at(s)});
            const qreal dotsFrom = titleX + metrics.horizontalAdvance(shown) + pt(6);
            const qreal dotsTo = m_right - pageWidth - pt(6);
            if (dotsTo > dotsFrom)
                addLine(QPointF(dotsFrom, baseline), QPointF(dotsTo, baseline), ReportStyle::muted(), pt(0.8), true);
            m_y += metrics.height() * 2.0;
        }
        if (i == pageCount - 1 && !m_model.annexFile.isEmpty())
            annexNote();
    }
    m_pages.append(tail);
}

void ReportLayout::annexNote()
{
    // Placed by hand, not through paragraph(): the contents never flow onto a page of their own.
    const QFontMetricsF &metrics = m_style.metrics(ReportStyle::BodyItalic);
    const QString note = QStringLiteral("The full list of VMs, each with its decision, is the annex workbook "
                                        "delivered with this report: ") +
                         m_model.annexFile + u'.';
    const QStringList lines = wrap(note, ReportStyle::BodyItalic, m_right - m_left, 3);
    m_y += pt(10);
    if (!fits(metrics.height() * 1.4 * lines.size()))
        return;
    for (const QString &line : lines) {
        addText(m_left, m_y + metrics.ascent(), line, ReportStyle::BodyItalic, ReportStyle::muted());
        m_y += metrics.height() * 1.4;
    }
}

void ReportLayout::section(int number, const ReportSection &section)
{
    newPage(section.title);
    m_sectionTops.append(m_y - pt(12));
    m_anchors.append(
        {QString::number(number) + QStringLiteral(". ") + section.title, 0, int(m_pages.size()) - 1, m_y - pt(12)});
    const QFontMetricsF &metrics = m_style.metrics(ReportStyle::SectionTitle);
    const QString numberText = QString::number(number);
    addText(m_left, m_y + metrics.ascent(), numberText, ReportStyle::SectionTitle, m_style.highlight());
    const qreal titleX = m_left + std::max(pt(30), metrics.horizontalAdvance(numberText) + pt(12));
    const QStringList lines = wrap(section.title, ReportStyle::SectionTitle, m_right - titleX, 3);
    for (const QString &line : lines) {
        addText(titleX, m_y + metrics.ascent(), line, ReportStyle::SectionTitle, m_style.primary());
        m_y += metrics.height() * 1.1;
    }
    m_y += pt(5);
    addFill(QRectF(m_left, m_y, pt(36), pt(2.5)), m_style.highlight());
    m_y += pt(20);
    for (qsizetype i = 0; i < section.blocks.size(); ++i)
        block(section.blocks.at(i), section.title, i + 1 < section.blocks.size() ? &section.blocks.at(i + 1) : nullptr);
}

qreal ReportLayout::leastHeight(const ReportBlock &b) const
{
    switch (b.kind) {
    case ReportBlock::Kind::Chart:
        return chartHeight(b) + pt(24);
    case ReportBlock::Kind::Table:
        return pt(72);
    case ReportBlock::Kind::Figures:
        return pt(86);
    default:
        return pt(40);
    }
}

qreal ReportLayout::chartHeight(const ReportBlock &b) const
{
    const qreal width = m_right - m_left;
    switch (b.chart) {
    case ReportBlock::Chart::PathDonut:
        return width * 0.32;
    case ReportBlock::Chart::NodeSizeSweep:
        return width * 0.34;
    case ReportBlock::Chart::WaveGantt:
        // A row per wave while rows stay readable; a long plan becomes a staircase of thin bars.
        return std::clamp(pt(44) + pt(13) * qreal(m_model.waves.size()), width * 0.25, (m_bottom - m_top) * 0.55);
    case ReportBlock::Chart::ScenarioComparison:
        break;
    }
    return width * 0.4;
}

void ReportLayout::block(const ReportBlock &b, const QString &header, const ReportBlock *next)
{
    const qreal width = m_right - m_left;
    switch (b.kind) {
    case ReportBlock::Kind::Heading: {
        // Keep a heading with the start of what follows it.
        if (!fits(pt(40) + (next ? leastHeight(*next) : 0)))
            newPage(header);
        else
            m_y += pt(8);
        m_anchors.append({b.text, 1, int(m_pages.size()) - 1, m_y - pt(6)});
        const QFontMetricsF &metrics = m_style.metrics(ReportStyle::Heading);
        for (const QString &line : wrap(b.text, ReportStyle::Heading, width, 3)) {
            addText(m_left, m_y + metrics.ascent(), line, ReportStyle::Heading, m_style.primary());
            m_y += metrics.height() * 1.15;
        }
        m_y += pt(6);
        break;
    }
    case ReportBlock::Kind::Paragraph:
        paragraph(b.text, ReportStyle::Body, ReportStyle::ink(), m_left, width, 1.4);
        m_y += pt(9);
        break;
    case ReportBlock::Kind::Note:
        paragraph(b.text, ReportStyle::BodyItalic, ReportStyle::muted(), m_left, width, 1.4);
        m_y += pt(9);
        break;
    case ReportBlock::Kind::Bullets:
        for (const QString &item : b.items) {
            if (!fits(pt(14)))
                newPage(header);
            addText(m_left + pt(4), m_y + m_style.metrics(ReportStyle::Body).ascent(), QStringLiteral("\u2022"),
                    ReportStyle::Body, m_style.highlight());
            paragraph(item, ReportStyle::Body, ReportStyle::ink(), m_left + pt(16), width - pt(16), 1.4);
            m_y += pt(3);
        }
        m_y += pt(6);
        break;
    case ReportBlock::Kind::Figures:
        figures(b);
        break;
    case ReportBlock::Kind::Table:
        table(b, header);
        break;
    case ReportBlock::Kind::Chart:
        chart(b, header);
        break;
    }
}

void ReportLayout::figures(const ReportBlock &b)
{
    const int count = int(b.figures.size());
    if (count == 0)
        return;
    const qreal gap = pt(10);
    const qreal tileWidth = (m_right - m_left - gap * (count - 1)) / count;
    const qreal tileHeight = pt(66);
    if (!fits(tileHeight + pt(16)))
        newPage(m_pages.last().header);
    m_y += pt(4);
    for (int i = 0; i < count; ++i) {
        const ReportFigure &figure = b.figures.at(i);
        const qreal x = m_left + i * (tileWidth + gap);
        addFill(QRectF(x, m_y, tileWidth, tileHeight), ReportStyle::tint());
        addFill(QRectF(x, m_y, pt(3), tileHeight), m_style.highlight());
        // A long figure (a large estate's "1,234 / 5,678") steps down a size rather than being cut.
        const qreal room = tileWidth - pt(18);
        int valueFont = ReportStyle::Heading;
        for (int font : {ReportStyle::FigureValue, ReportStyle::SectionTitle}) {
            if (m_style.metrics(font).horizontalAdvance(figure.value) <= room) {
                valueFont = font;
                break;
            }
        }
        const QFontMetricsF &value = m_style.metrics(valueFont);
        const QFontMetricsF &big = m_style.metrics(ReportStyle::FigureValue);
        const QString shown = value.elidedText(figure.value, Qt::ElideRight, room);
        addText(x + pt(11), m_y + pt(8) + big.ascent(), shown, valueFont, m_style.primary());
        qreal y = m_y + pt(8) + big.height() + pt(2);
        const QFontMetricsF &label = m_style.metrics(ReportStyle::FigureLabel);
        for (const QString &line : wrap(figure.label, ReportStyle::FigureLabel, tileWidth - pt(18), 2)) {
            addText(x + pt(11), y + label.ascent(), line, ReportStyle::FigureLabel, ReportStyle::muted());
            y += label.height() * 1.1;
        }
    }
    m_y += tileHeight + pt(16);
}

void ReportLayout::table(const ReportBlock &b, const QString &header)
{
    const ReportTable &t = b.table;
    const int columns = int(t.header.size());
    if (columns == 0)
        return;
    ++m_tables;
    const qreal width = m_right - m_left;
    double weightSum = 0;
    for (int c = 0; c < columns; ++c)
        weightSum += t.columnWeights.value(c, 1.0);
    QList<qreal> x{m_left};
    QList<qreal> widths;
    QList<bool> right;
    for (int c = 0; c < columns; ++c) {
        widths.append(width * t.columnWeights.value(c, 1.0) / weightSum);
        right.append(numericColumn(t, c));
    }
    // No column narrower than its longest unbreakable word ("Containerize", "medium", a header
    // word): what it needs is taken from the columns with room to spare.
    QList<qreal> least(columns, 0);
    for (int c = 0; c < columns; ++c) {
        for (const QString &word : t.header.at(c).split(u' ', Qt::SkipEmptyParts))
            least[c] = std::max(least[c], m_style.metrics(ReportStyle::TableHeader).horizontalAdvance(word));
    }
    // Every cell counts: an identifier breaks only between its pieces, so the widest piece of
    // a column is what it needs. A cell narrower than the column's least so far is skipped
    // unmeasured piece by piece, which keeps a large table's cost near one pass.
    for (const QStringList &row : t.rows) {
        for (int c = 0; c < columns && c < row.size(); ++c) {
            const QString &text = row.at(c);
            if (text.isEmpty() || advance(text, ReportStyle::TableCell) <= least[c])
                continue;
            for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
                for (const QString &piece : pieces(word))
                    least[c] = std::max(least[c], advance(piece, ReportStyle::TableCell));
            }
        }
    }
    qreal deficit = 0;
    qreal slack = 0;
    for (int c = 0; c < columns; ++c) {
        // A word wider than half the table (a crafted name) is broken instead of honoured.
        least[c] = std::min(least[c], width / 2);
        least[c] += pt(2 * kCellPadX) + pt(1);
        if (widths[c] < least[c]) {
            deficit += least[c] - widths[c];
            widths[c] = least[c];
        } else {
            slack += widths[c] - least[c];
        }
    }
    if (deficit > 0 && slack > 0) {
        const qreal share = std::min<qreal>(1.0, deficit / slack);
        for (int c = 0; c < columns; ++c) {
            if (widths[c] > least[c])
                widths[c] -= (widths[c] - least[c]) * share;
        }
    }
    for (int c = 0; c < columns; ++c)
        x.append(x.last() + widths.at(c));
    const QFontMetricsF &cell = m_style.metrics(ReportStyle::TableCell);
    const QFontMetricsF &head = m_style.metrics(ReportStyle::TableHeader);
    const qreal cellLine = cell.height() * 1.12;
    const QString tableLabel = QStringLiteral("Table %1").arg(m_tables);

    QList<QStringList> headerLines;
    int headerLineCount = 1;
    for (int c = 0; c < columns; ++c) {
        headerLines.append(wrap(t.header.at(c), ReportStyle::TableHeader, widths.at(c) - pt(2 * kCellPadX), 3));
        headerLineCount = std::max<int>(headerLineCount, int(headerLines.last().size()));
    }
    const qreal headerHeight = headerLineCount * head.height() * 1.1 + pt(2 * kCellPadY + 1);

    auto drawHeader = [&](bool continued) {
        addCaption(tableLabel + QStringLiteral("   ") + b.text +
                   (continued ? QStringLiteral(" (continued)") : QString()));
        m_y += pt(4);
        addFill(QRectF(m_left, m_y, width, headerHeight), m_style.primary());
        for (int c = 0; c < columns; ++c) {
            qreal y = m_y + pt(kCellPadY + 0.5);
            for (const QString &line : headerLines.at(c)) {
                const qreal lineX =
                    right.at(c) ? x.at(c + 1) - pt(kCellPadX) - head.horizontalAdvance(line) : x.at(c) + pt(kCellPadX);
                addText(lineX, y + head.ascent(), line, ReportStyle::TableHeader, Qt::white);
                y += head.height() * 1.1;
            }
        }
        m_y += headerHeight;
    };

    // A short table is kept whole on one page; a long one starts once three rows fit.
    const qreal oneRow = cellLine + pt(2 * kCellPadY);
    const qreal needed = t.rows.size() <= 12 ? t.rows.size() * oneRow * 1.3 : oneRow * 3;
    // ... unless the page is not a third full yet: then it starts here and breaks where it must.
    if (!fits(captionHeight(tableLabel + QStringLiteral("   ") + b.text) + pt(4) + headerHeight + needed) &&
        thirdFull())
        newPage(header);
    drawHeader(false);
    QList<QStringList> lines(columns);
    for (int r = 0; r < t.rows.size(); ++r) {
        const QStringList &row = t.rows.at(r);
        int rowLines = 1;
        for (int c = 0; c < columns; ++c) {
            const QString &text = row.value(c);
            // Most cells fit on one line: measuring the whole text once is cheaper than wrapping.
            if (text.isEmpty() || (!text.contains(u'\n') &&
                                   advance(text, ReportStyle::TableCell) <= widths.at(c) - pt(2 * kCellPadX) - 1))
                lines[c] = QStringList{text};
            else
                lines[c] = wrap(text, ReportStyle::TableCell, widths.at(c) - pt(2 * kCellPadX), kMaxCellLines);
            rowLines = std::max<int>(rowLines, int(lines.at(c).size()));
        }
        const qreal rowHeight = rowLines * cellLine + pt(2 * kCellPadY);
        if (!fits(rowHeight)) {
            newPage(header);
            drawHeader(true);
        }
        if (r % 2 == 1)
            addFill(QRectF(m_left, m_y, width, rowHeight), ReportStyle::stripe());
        for (int c = 0; c < columns; ++c) {
            qreal y = m_y + pt(kCellPadY);
            for (const QString &line : std::as_const(lines.at(c))) {
                if (!line.isEmpty()) {
                    const qreal lineX = right.at(c)
                                            ? x.at(c + 1) - pt(kCellPadX) - advance(line, ReportStyle::TableCell)
                                            : x.at(c) + pt(kCellPadX);
                    addText(lineX, y + cell.ascent(), line, ReportStyle::TableCell, ReportStyle::ink());
                }
                y += cellLine;
            }
        }
        m_y += rowHeight;
    }
    addLine(QPointF(m_left, m_y), QPointF(m_right, m_y), m_style.primary(), pt(0.8));
    m_y += pt(16);
}

void ReportLayout::chart(const ReportBlock &b, const QString &header)
{
    const qreal width = m_right - m_left;
    qreal height = chartHeight(b);
    const QString captionText = QStringLiteral("Figure %1   %2").arg(m_figures + 1).arg(b.text);
    const qreal captionRoom = captionHeight(captionText) + pt(16);
    if (!fits(height + captionRoom)) {
        // A page less than a third full is not left behind: the chart shrinks to what is left.
        const qreal left = m_bottom - m_y - captionRoom;
        if (thirdFull() || left < height * 0.6)
            newPage(header);
        else
            height = left;
    }
    PageItem item;
    item.kind = PageItem::Kind::Chart;
    item.rect = QRectF(m_left, m_y, width, height);
    item.chart = b.chart;
    item.scenarioIndex = b.scenarioIndex;
    m_pages.last().items.append(item);
    m_y += height + pt(4);
    ++m_figures;
    addCaption(captionText);
    m_y += pt(16);
}

/* A table's or a figure's caption, wrapped to the text width (at most three lines) rather than
   running off the page when a scenario's name is long. */
QStringList ReportLayout::captionLines(const QString &text)
{
    return wrap(text, ReportStyle::Caption, m_right - m_left, 3);
}

qreal ReportLayout::captionHeight(const QString &text)
{
    return captionLines(text).size() * m_style.metrics(ReportStyle::Caption).height();
}

void ReportLayout::addCaption(const QString &text)
{
    const QFontMetricsF &caption = m_style.metrics(ReportStyle::Caption);
    for (const QString &line : captionLines(text)) {
        addText(m_left, m_y + caption.ascent(), line, ReportStyle::Caption, ReportStyle::muted());
        m_y += caption.height();
    }
}

} // namespace landfall
