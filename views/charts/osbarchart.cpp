#include "osbarchart.h"

#include "chartstyle.h"

#include "domain/categorylabels.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace landfall {

QChart *OsBarChart::create(QAbstractItemModel *model, int labelColumn, int valueColumn)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);
    auto *series = new QHorizontalBarSeries;
    // A horizontal bar chart draws its first category at the bottom, and QBarCategoryAxis::setReverse
    // does not move the bars with the labels: the rows go in last first, so that the most common
    // system is on top and "Other" (the model's last row) at the bottom.
    QStringList full;
    QList<double> values;
    double highest = 0;
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const double value = model->index(row, valueColumn).data().toDouble();
        values.append(value);
        full.append(model->index(row, labelColumn).data().toString());
        highest = std::max(highest, value);
    }
    // Short forms that stay distinct ("WS 2008 R2"): an elided "Windows Server 20..." would
    // read the same for 2008 R2 and 2012 R2. The legend gives the key, the tooltip the full name.
    const QStringList brief = CategoryLabels::shortForms(full, ChartStyle::kWrapAt);
    const QString key = CategoryLabels::key(full, brief);
    // One abbreviation a line: the legend is as wide as the chart, no wider.
    auto *set = new QBarSet(key.isEmpty() ? QObject::tr("VMs")
                                          : QObject::tr("VMs. %1").arg(key.toHtmlEscaped().replace(
                                                QStringLiteral(", "), QStringLiteral("<br>"))));
    set->append(values);
    series->append(set);
    chart->addSeries(series);
    series->setBarWidth(0.72);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(8);
    set->setColor(ChartStyle::primary());
    set->setBorderColor(Qt::transparent);
    set->setLabelColor(ChartStyle::ink());
    set->setLabelFont(ChartStyle::font(12, true));
    QObject::connect(series, &QAbstractBarSeries::hovered, chart, [full, values](bool status, int index) {
        if (status && index >= 0 && index < full.size())
            QToolTip::showText(QCursor::pos(),
                               QObject::tr("%1: %2 VMs").arg(full[index], QLocale().toString(values[index])));
        else
            QToolTip::hideText();
    });
    auto *categories = new QBarCategoryAxis;
    categories->append(ChartStyle::drawnLabels(brief));
    categories->setLabelsFont(ChartStyle::font(13));
    categories->setLabelsColor(ChartStyle::ink());
    categories->setGridLineVisible(false);
    categories->setLinePenColor(ChartStyle::muted());
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);

    // Room beyond the longest bar for its value label.
    QValueAxis *axis = ChartStyle::countAxis(highest * 1.25, QObject::tr("VMs"));
    chart->addAxis(axis, Qt::AlignBottom);
    series->attachAxis(axis);
    // The legend is shown only for the key of the short forms.
    chart->legend()->setVisible(!key.isEmpty());
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace landfall
