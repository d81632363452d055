#include "resourcesbeforeafterchart.h"

#include "chartstyle.h"

#include "domain/quantityformat.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QToolTip>
#include <QValueAxis>

namespace landfall {

namespace {

QString formatted(double value, bool gibibytes)
{
    return gibibytes ? QuantityFormat::gibibytes(value) : QuantityFormat::count(value);
}

} // namespace

QChart *ResourcesBeforeAfterChart::create(QAbstractItemModel *model, int labelColumn, int beforeColumn, int afterColumn)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    // vCPU, GiB and licences on one linear axis would let disk flatten the rest: every resource is
    // drawn against its own "before", as 100 %, and its figures (in their units) are in its label.
    auto *series = new QHorizontalBarSeries;
    auto *before = new QBarSet(model->headerData(beforeColumn, Qt::Horizontal).toString());
    auto *after = new QBarSet(model->headerData(afterColumn, Qt::Horizontal).toString());
    QStringList labels;
    QStringList tips;
    double highest = 100;
    // Last row first: a horizontal bar chart draws its first category at the bottom.
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const double was = model->index(row, beforeColumn).data().toDouble();
        const double is = model->index(row, afterColumn).data().toDouble();
        if (was == 0 && is == 0)
            continue; // no licences of an edition on either side: nothing to compare
        const bool gib = model->index(row, labelColumn).data(Qt::UserRole).toString() == QLatin1String("GiB");
        const QString name = model->index(row, labelColumn).data().toString();
        QString from = formatted(was, gib);
        const QString to = formatted(is, gib);
        // The unit once where both sides share it: "2.06 → 2.29 TiB", short enough to stay whole.
        const QString unit = to.section(u' ', -1);
        if (gib && from.section(u' ', -1) == unit)
            from = from.section(u' ', 0, -2);
        const QString figures = QObject::tr("%1 → %2").arg(from, to);
        labels.append(QStringLiteral("%1 %2").arg(name, figures).toHtmlEscaped());
        const QString description = model->index(row, labelColumn).data(Qt::ToolTipRole).toString();
        tips.append(QObject::tr("%1: %2").arg(description.isEmpty() ? name : description, figures));
        before->append(was > 0 ? 100.0 : 0.0);
        const double share = was > 0 ? 100.0 * is / was : 100.0;
        after->append(share);
        highest = std::max(highest, share);
    }
    series->append(before);
    series->append(after);
    chart->addSeries(series);
    series->setBarWidth(0.75);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value %"));
    series->setLabelsPrecision(3);
    ChartStyle::styleComparisonBars(series, 11);
    // "Before" is 100 % on every row, as the axis says: its labels would only overlap the others.
    before->setLabelColor(Qt::transparent);
    QObject::connect(series, &QAbstractBarSeries::hovered, chart, [tips](bool status, int index) {
        if (status && index >= 0 && index < tips.size())
            QToolTip::showText(QCursor::pos(), tips[index]);
        else
            QToolTip::hideText();
    });

    auto *categories = new QBarCategoryAxis;
    categories->append(labels);
    categories->setLabelsFont(ChartStyle::font(12));
    categories->setLabelsColor(ChartStyle::ink());
    categories->setGridLineVisible(false);
    categories->setLinePenColor(ChartStyle::muted());
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);

    QValueAxis *values = ChartStyle::countAxis(highest * 1.2, QObject::tr("% of before"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

} // namespace landfall
