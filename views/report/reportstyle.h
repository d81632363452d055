#pragma once

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QStringList>

#include <array>

namespace landfall {

/** The report's typography and colours in one place: a sober sans serif, navy headings, a
    single accent, tables with a dark header row and faint zebra stripes. Sizes are in points. */
class ReportStyle {
public:
    enum Font {
        Body,
        BodyItalic,
        BodyBold,
        Title,
        Subtitle,
        SectionTitle,
        Heading,
        Caption,
        TableHeader,
        TableCell,
        FigureValue,
        FigureLabel,
        Running,
        TocEntry,
        TocSection,
        FontCount
    };

    static QColor navy() { return QColor(0x1F, 0x3A, 0x5F); }
    static QColor accent() { return QColor(0x2E, 0x8B, 0x7E); }
    static QColor ink() { return QColor(0x1B, 0x26, 0x35); }
    static QColor muted() { return QColor(0x5E, 0x6A, 0x7A); }
    static QColor rule() { return QColor(0xD5, 0xDB, 0xE3); }
    static QColor stripe() { return QColor(0xF3, 0xF5, 0xF8); }
    static QColor tint() { return QColor(0xEC, 0xF1, 0xF7); }

    /** `primary` and `accent` are the consultant's colours ("#1F3A5F"); invalid or empty: the house colours. */
    explicit ReportStyle(QPaintDevice *device, const QString &primary = {}, const QString &accent = {})
        : m_primary(QColor::isValidColorName(primary) ? QColor::fromString(primary) : navy())
        , m_highlight(QColor::isValidColorName(accent) ? QColor::fromString(accent) : ReportStyle::accent())
    {
        const QStringList families{QStringLiteral("Source Sans 3"), QStringLiteral("Noto Sans"),
                                   QStringLiteral("Liberation Sans"), QStringLiteral("DejaVu Sans")};
        // Tables hold more per line in a condensed face where one exists.
        const QStringList condensed{QStringLiteral("Source Sans 3"), QStringLiteral("Noto Sans"),
                                    QStringLiteral("Liberation Sans Narrow"), QStringLiteral("DejaVu Sans Condensed"),
                                    QStringLiteral("DejaVu Sans")};
        auto make = [&](Font which, double points, bool bold, bool italic = false, bool narrow = false) {
            QFont font;
            font.setFamilies(narrow ? condensed : families);
            font.setPointSizeF(points);
            font.setBold(bold);
            font.setItalic(italic);
            font.setKerning(true);
            // Any letter spacing turns off Qt's ligatures: "fi" must stay two letters, so that a
            // VM named "fra-file-01" reads, searches and copies as exactly that.
            font.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
            m_fonts[which] = font;
        };
        make(Body, 9.5, false);
        make(BodyItalic, 9.5, false, true);
        make(BodyBold, 9.5, true);
        make(Title, 28, true);
        make(Subtitle, 13, false);
        make(SectionTitle, 16, true);
        make(Heading, 12, true);
        make(Caption, 8, true);
        make(TableHeader, 7.5, true, false, true);
        make(TableCell, 7.5, false, false, true);
        make(FigureValue, 22, true);
        make(FigureLabel, 7.5, false);
        make(Running, 7.5, false);
        make(TocEntry, 10.5, false);
        make(TocSection, 10.5, true);
        for (int i = 0; i < FontCount; ++i)
            m_metrics[i] = QFontMetricsF(m_fonts[i], device);
    }

    const QFont &font(int which) const { return m_fonts[which]; }
    /** Headings, table headers, the cover band: the consultant's primary colour. */
    const QColor &primary() const { return m_primary; }
    /** Rules, bullets and marks: the consultant's accent colour. */
    const QColor &highlight() const { return m_highlight; }
    const QFontMetricsF &metrics(int which) const { return m_metrics[which]; }

private:
    QColor m_primary;
    QColor m_highlight;
    std::array<QFont, FontCount> m_fonts;
    std::array<QFontMetricsF, FontCount> m_metrics{
        QFontMetricsF(QFont()), QFontMetricsF(QFont()), QFontMetricsF(QFont()), QFontMetricsF(QFont()),
        QFontMetricsF(QFont()), QFontMetricsF(QFont()), QFontMetricsF(QFont()), QFontMetricsF(QFont()),
        QFontMetricsF(QFont()), QFontMetricsF(QFont()), QFontMetricsF(QFont()), QFontMetricsF(QFont()),
        QFontMetricsF(QFont()), QFontMetricsF(QFont()), QFontMetricsF(QFont())};
};

} // namespace landfall
