#include "chartstyle.h"

#include "domain/categorylabels.h"

#include <algorithm>

#include <QBarSet>

#include <QBarCategoryAxis>

#include <QAbstractItemModel>

#include <QAbstractBarSeries>

#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QValueAxis>

namespace landfall {

QColor ChartStyle::ink()
{
    return QColor(0x1B, 0x26, 0x35);
}

QColor ChartStyle::muted()
{
    return QColor(0x5E, 0x6A, 0x7A);
}

QColor ChartStyle::gridLine()
{
    return QColor(0xE1, 0xE5, 0xEB);
}

QColor ChartStyle::primary()
{
    return QColor(0x1F, 0x4E, 0x79);
}

QColor ChartStyle::secondary()
{
    return QColor(0xA7, 0xB4, 0xC4);
}

QColor ChartStyle::pathColor(const QString &pathKey)
{
    if (pathKey == QLatin1String("rehost"))
        return QColor(0x7F, 0x9C, 0xC0);
    if (pathKey == QLatin1String("containerize"))
        return primary();
    if (pathKey == QLatin1String("cloudNative"))
        return QColor(0x2E, 0x8B, 0x7E);
    if (pathKey == QLatin1String("retire"))
        return QColor(0xB9, 0xC0, 0xC9);
    if (pathKey == QLatin1String("retain"))
        return QColor(0xC8, 0x9B, 0x3C);
    return muted();
}

QFont ChartStyle::font(int pixelSize, bool bold)
{
    QFont font;
    font.setFamilies({QStringLiteral("Source Sans 3"), QStringLiteral("Noto Sans"), QStringLiteral("Liberation Sans"),
                      QStringLiteral("DejaVu Sans")});
    font.setPixelSize(pixelSize);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.05); // no ligatures: labels read as written
    font.setBold(bold);
    return font;
}

void ChartStyle::apply(QChart *chart)
{
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    // Axis and bar labels in the user's locale, with its thousands separators: "1,129,795".
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundBrush(Qt::white);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTitleFont(font(15, true));
    chart->setTitleBrush(ink());
    chart->legend()->setFont(font(12));
    chart->legend()->setLabelColor(ink());
    chart->legend()->setMarkerShape(QLegend::MarkerShapeRectangle);
}

double ChartStyle::styleComparisonBars(QAbstractBarSeries *series, int labelPixelSize)
{
    double highest = 0;
    const QList<QBarSet *> sets = series->barSets();
    for (int i = 0; i < sets.size(); ++i) {
        QBarSet *set = sets.at(i);
        set->setColor(i == 0 ? secondary() : primary());
        set->setBorderColor(Qt::transparent);
        set->setLabelColor(ink());
        set->setLabelFont(font(labelPixelSize, true));
        for (int j = 0; j < set->count(); ++j)
            highest = std::max(highest, set->at(j));
    }
    return highest;
}

QBarCategoryAxis *ChartStyle::categoryAxis(const QAbstractItemModel *model, int column, int labelPixelSize)
{
    QStringList labels;
    for (int row = 0; row < model->rowCount(); ++row)
        labels.append(model->index(row, column).data().toString());
    auto *axis = new QBarCategoryAxis;
    axis->append(drawnLabels(labels));
    axis->setLabelsFont(font(labelPixelSize));
    axis->setLabelsColor(ink());
    axis->setGridLineVisible(false);
    axis->setLinePenColor(muted());
    return axis;
}

QStringList ChartStyle::drawnLabels(const QStringList &labels, int wrapAt)
{
    QStringList drawn;
    for (const QString &brief : CategoryLabels::shortForms(labels, wrapAt)) {
        const QString twoLines = CategoryLabels::wrapped(brief, wrapAt);
        QString html = twoLines.toHtmlEscaped();
        html.replace(u'\n', QStringLiteral("<br>"));
        drawn.append(html);
    }
    // QBarCategoryAxis needs distinct categories: a label given twice keeps a visible mark.
    for (qsizetype i = 0; i < drawn.size(); ++i) {
        const QString base = drawn[i];
        for (int copy = 2; drawn.indexOf(drawn[i]) < i; ++copy)
            drawn[i] = base + QStringLiteral(" (%1)").arg(copy);
    }
    return drawn;
}

QString ChartStyle::plainLabel(const QString &drawn)
{
    QString text = drawn;
    text.replace(QLatin1String("-<br>"), QLatin1String("-")); // a wrap after a hyphen took no space
    text.replace(QLatin1String("<br>"), QLatin1String(" "));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(u'\n', u' ');
    return text;
}

QValueAxis *ChartStyle::countAxis(double top, const QString &title)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, std::max(1.0, top));
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setLabelsFont(font(12));
    axis->setLabelsColor(muted());
    axis->setGridLineColor(gridLine());
    axis->setLineVisible(false);
    axis->setTitleText(title);
    axis->setTitleFont(font(12));
    axis->setTitleBrush(muted());
    return axis;
}

} // namespace landfall
