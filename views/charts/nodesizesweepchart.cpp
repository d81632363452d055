#include "nodesizesweepchart.h"

#include "chartstyle.h"

#include <QAbstractItemModel>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace landfall {

namespace {

QString sizeLabel(QAbstractItemModel *model, int row, int vcpuColumn, int labelColumn)
{
    if (labelColumn >= 0)
        return model->index(row, labelColumn).data().toString();
    return QObject::tr("%1 vCPU").arg(model->index(row, vcpuColumn).data().toInt());
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
        const double x = model->index(row, vcpuColumn).data().toDouble();
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
        QScatterSeries *best = markers(QObject::tr("Best:<br>%1").arg(bestLabel.toHtmlEscaped()),
                                       QScatterSeries::MarkerShapeStar, QColor(0x2e, 0x8b, 0x57), 22, chart);
        best->append(bestPoints);
        all.append(best);
    }
    if (!currentPoints.isEmpty()) {
        QScatterSeries *current = markers(QObject::tr("Current:<br>%1").arg(currentLabel.toHtmlEscaped()),
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

    double minX = 1;
    double maxX = 2;
    double maxY = 1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const double x = model->index(row, vcpuColumn).data().toDouble();
        const double y = model->index(row, nodesColumn).data().toDouble();
        minX = row == 0 ? x : std::min(minX, x);
        maxX = row == 0 ? x : std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    auto *xAxis = new QLogValueAxis;
    xAxis->setBase(2);
    xAxis->setRange(std::max(0.5, minX / 1.5), maxX * 1.5);
    xAxis->setLabelFormat(QStringLiteral("%g"));
    xAxis->setMinorTickCount(0);
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
