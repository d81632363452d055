#include "nodesizesweepchart.h"

#include "chartstyle.h"

#include <QAbstractItemModel>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace landfall {

namespace {

QString sizeLabel(QAbstractItemModel *model, int row, int vcpuColumn, int labelColumn)
{
    if (labelColumn >= 0)
        return model->index(row, labelColumn).data().toString();
    return QObject::tr("%1 vCPU").arg(model->index(row, vcpuColumn).data().toInt());
}

/** Where a size sits along the x axis: node sizes double, so the axis is logarithmic. */
double position(double vcpu)
{
    return std::log2(std::max(1.0, vcpu));
}

/** A legend entry of a size, on lines short enough for a legend beside a third of the
    dashboard: "Best:" over "32 vCPU," over "128 GiB". */
QString legendEntry(const QString &caption, const QString &label)
{
    return caption + QStringLiteral("<br>") +
           label.toHtmlEscaped().replace(QStringLiteral(", "), QStringLiteral(",<br>"));
}

/** A marker series: a point or a few, no line, named for the legend. */
QScatterSeries *markers(const QString &name, QScatterSeries::MarkerShape shape, const QColor &color, double size,
                        QChart *chart)
{
    auto *series = new QScatterSeries;
    series->setName(name);
    series->setMarkerShape(shape);
    series->setMarkerSize(size);
    series->setColor(color);
    series->setBorderColor(color);
    chart->addSeries(series);
    return series;
}

} // namespace

QChart *NodeSizeSweepChart::create(QAbstractItemModel *model, int vcpuColumn, int nodesColumn, int lowerBoundColumn,
                                   const Marks &marks)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart);

    // Read, not mapped: a size that does not fit has no node count and is drawn apart.
    auto *nodes = new QLineSeries;
    QLineSeries *bound = lowerBoundColumn >= 0 ? new QLineSeries : nullptr;
    QList<QXYSeries *> all;
    QStringList unfit;
    QList<QPointF> unfitPoints;
    QString bestLabel;
    QString currentLabel;
    QList<QPointF> bestPoints;
    QList<QPointF> currentPoints;
    for (int row = 0; row < model->rowCount(); ++row) {
        const double x = position(model->index(row, vcpuColumn).data().toDouble());
        const QVariant count = model->index(row, nodesColumn).data();
        const bool fits = marks.feasible >= 0 ? model->index(row, marks.feasible).data().toBool() : count.isValid();
        const QString label = sizeLabel(model, row, vcpuColumn, marks.label);
        if (!fits) {
            const QString reason = marks.reason >= 0 ? model->index(row, marks.reason).data().toString() : QString();
            unfit.append(reason.isEmpty() ? label : QObject::tr("%1 (%2)").arg(label, reason));
            unfitPoints.append({x, 0});
            continue;
        }
        const QPointF point(x, count.toDouble());
        nodes->append(point);
        if (bound)
            bound->append(x, model->index(row, lowerBoundColumn).data().toDouble());
        if (marks.best >= 0 && !model->index(row, marks.best).data().toString().isEmpty()) {
            bestPoints.append(point);
            bestLabel = label;
        }
        if (marks.current >= 0 && model->index(row, marks.current).data().toBool()) {
            currentPoints.append(point);
            currentLabel = label;
        }
    }
    if (bound) {
        bound->setName(QObject::tr("Lower bound"));
        bound->setPen(QPen(ChartStyle::secondary(), 2, Qt::DashLine));
        chart->addSeries(bound);
        all.append(bound);
    }
    nodes->setName(QObject::tr("Nodes needed"));
    nodes->setPen(QPen(ChartStyle::primary(), 3));
    nodes->setPointsVisible(true);
    nodes->setPointLabelsVisible(true);
    nodes->setPointLabelsFormat(QStringLiteral("@yPoint"));
    nodes->setPointLabelsFont(ChartStyle::font(12, true));
    nodes->setPointLabelsColor(ChartStyle::ink());
    nodes->setPointLabelsClipping(false);
    chart->addSeries(nodes);
    all.append(nodes);
    if (!bestPoints.isEmpty()) {
        QScatterSeries *best = markers(legendEntry(QObject::tr("Best:"), bestLabel), QScatterSeries::MarkerShapeStar,
                                       QColor(0x2e, 0x8b, 0x57), 22, chart);
        best->append(bestPoints);
        all.append(best);
    }
    if (!currentPoints.isEmpty()) {
        QScatterSeries *current = markers(legendEntry(QObject::tr("Current:"), currentLabel),
                                          QScatterSeries::MarkerShapeRectangle, QColor(0xe6, 0x7e, 0x22), 14, chart);
        current->append(currentPoints);
        all.append(current);
    }
    if (!unfitPoints.isEmpty()) {
        QScatterSeries *none =
            markers(QObject::tr("Does not fit:<br>%1")
                        .arg(unfit.join(u'\n').toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))),
                    QScatterSeries::MarkerShapeTriangle, QColor(0xb0, 0x3a, 0x2e), 14, chart);
        none->append(unfitPoints);
        all.append(none);
    }

    // Each size has its tick and its label ("32", "48", ...) where it sits: a logarithmic value
    // axis labels only powers of its base, and over 32 to 96 vCPU it showed no label at all.
    auto *xAxis = new QCategoryAxis;
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    double minX = 0;
    double maxX = 1;
    double maxY = 1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const int vcpu = model->index(row, vcpuColumn).data().toInt();
        const double x = position(vcpu);
        minX = row == 0 ? x : std::min(minX, x);
        maxX = row == 0 ? x : std::max(maxX, x);
        maxY = std::max(maxY, model->index(row, nodesColumn).data().toDouble());
        const QString tick = QLocale().toString(vcpu);
        if (!xAxis->categoriesLabels().contains(tick))
            xAxis->append(tick, x);
    }
    // Half a doubling either side: the first and last points and their labels are inside the plot.
    xAxis->setRange(minX - 0.5, maxX + 0.5);
    xAxis->setStartValue(minX - 0.5);
    xAxis->setTitleText(QObject::tr("Node size (vCPU)"));
    xAxis->setTitleFont(ChartStyle::font(12));
    xAxis->setTitleBrush(ChartStyle::muted());
    xAxis->setLabelsFont(ChartStyle::font(12));
    xAxis->setLabelsColor(ChartStyle::muted());
    xAxis->setGridLineColor(ChartStyle::gridLine());
    xAxis->setLinePenColor(ChartStyle::muted());
    chart->addAxis(xAxis, Qt::AlignBottom);

    auto *yAxis = new QValueAxis;
    yAxis->setRange(0, maxY * 1.2);
    yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    yAxis->setTitleText(QObject::tr("Nodes"));
    yAxis->setTitleFont(ChartStyle::font(12));
    yAxis->setTitleBrush(ChartStyle::muted());
    yAxis->setLabelsFont(ChartStyle::font(12));
    yAxis->setLabelsColor(ChartStyle::muted());
    yAxis->setGridLineColor(ChartStyle::gridLine());
    yAxis->setLineVisible(false);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QXYSeries *series : std::as_const(all)) {
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    // Beside the plot, an entry a line or two: in one row above it, four entries were elided at a
    // projector's sizes.
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

} // namespace landfall
