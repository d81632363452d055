#include "reportpaintedcharts.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace landfall {

namespace {

QFont sized(const QFont &base, qreal points, bool bold = false)
{
    QFont font = base;
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

/** A round axis step near a fifth of `top`: 1, 2 or 5 times a power of ten. */
double niceStep(double top)
{
    const double raw = std::max(1.0, top / 5);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= m * power)
            return m * power;
    }
    return 10 * power;
}

} // namespace

void ReportPaintedCharts::paintSweep(QPainter &painter, const QRectF &rect, const QList<NodeSizePoint> &points,
                                     const Style &style)
{
    const qreal u = style.unit;
    painter.save();
    const QFont label = sized(style.font, 7.5);
    const QFont value = sized(style.font, 8, true);
    const QFontMetricsF lm(label, painter.device());
    const QFontMetricsF vm(value, painter.device());
    const qreal axisLeft = rect.left() + 34 * u;
    const qreal plotTop = rect.top() + vm.height() + 10 * u;
    const qreal plotBottom = rect.bottom() - 3 * lm.height() - 10 * u;
    const qreal plotWidth = rect.right() - axisLeft;
    int top = 1;
    for (const NodeSizePoint &p : points) {
        if (p.feasible)
            top = std::max(top, std::max(p.nodes, p.lowerBound));
    }
    const double step = niceStep(top);
    const double axisTop = std::ceil(top / step) * step;
    const auto yOf = [&](double v) { return plotBottom - (plotBottom - plotTop) * v / axisTop; };

    painter.setFont(label);
    for (double v = 0; v <= axisTop + 0.5; v += step) {
        const qreal y = yOf(v);
        painter.setPen(QPen(style.rule, 0.5 * u));
        painter.drawLine(QPointF(axisLeft, y), QPointF(rect.right(), y));
        painter.setPen(style.muted);
        const QString text = QLocale(QLocale::English).toString(qint64(v));
        painter.drawText(QPointF(axisLeft - 5 * u - lm.horizontalAdvance(text), y + lm.ascent() / 2.5), text);
    }
    painter.save();
    painter.translate(rect.left() + lm.ascent(), (plotTop + plotBottom) / 2);
    painter.rotate(-90);
    const QString axis = QStringLiteral("nodes needed");
    painter.drawText(QPointF(-lm.horizontalAdvance(axis) / 2, 0), axis);
    painter.restore();

    const int n = int(points.size());
    if (n == 0) {
        painter.restore();
        return;
    }
    const qreal slot = plotWidth / n;
    const qreal barWidth = std::min(slot * 0.55, 60 * u);
    for (int i = 0; i < n; ++i) {
        const NodeSizePoint &p = points.at(i);
        const qreal cx = axisLeft + slot * (i + 0.5);
        const QString size = QStringLiteral("%1 vCPU / %2 GiB").arg(p.size.vcpu).arg(p.size.memoryGiB);
        painter.setFont(label);
        painter.setPen(style.ink);
        painter.drawText(QPointF(cx - lm.horizontalAdvance(size) / 2, plotBottom + 6 * u + lm.ascent()), size);
        if (!p.feasible) {
            // The size is kept in its place, hatched, with the reason under it: never dropped.
            const QRectF slotRect(cx - barWidth / 2, plotTop, barWidth, plotBottom - plotTop);
            painter.setPen(QPen(style.muted, 0.6 * u, Qt::DashLine));
            painter.setBrush(QBrush(style.rule, Qt::BDiagPattern));
            painter.drawRect(slotRect);
            painter.setPen(style.muted);
            const QString word = QStringLiteral("not possible");
            painter.drawText(
                QPointF(cx - lm.horizontalAdvance(word) / 2, plotBottom + 6 * u + lm.height() + lm.ascent()), word);
            continue;
        }
        const qreal y = yOf(p.nodes);
        const QRectF bar(cx - barWidth / 2, y, barWidth, plotBottom - y);
        painter.setPen(Qt::NoPen);
        painter.setBrush(p.best ? style.accent : style.primary);
        painter.drawRect(bar);
        // The lower bound: a tick across the bar, what no packing can beat.
        const qreal lb = yOf(p.lowerBound);
        painter.setPen(QPen(style.ink, 1.0 * u, Qt::DashLine));
        painter.drawLine(QPointF(bar.left() - 4 * u, lb), QPointF(bar.right() + 4 * u, lb));
        painter.setFont(value);
        painter.setPen(style.ink);
        const QString count = QLocale(QLocale::English).toString(p.nodes);
        painter.drawText(QPointF(cx - vm.horizontalAdvance(count) / 2, y - 3 * u), count);
        painter.setFont(label);
        QString note;
        if (p.best)
            note = QStringLiteral("best: least vCPU bought");
        else if (p.notSchedulable > 0)
            note = QStringLiteral("%1 do not fit").arg(p.notSchedulable);
        if (!note.isEmpty()) {
            painter.setPen(p.best ? style.accent : style.muted);
            painter.drawText(
                QPointF(cx - lm.horizontalAdvance(note) / 2, plotBottom + 6 * u + lm.height() + lm.ascent()), note);
        }
    }
    painter.setPen(QPen(style.ink, 0.8 * u));
    painter.drawLine(QPointF(axisLeft, plotBottom), QPointF(rect.right(), plotBottom));
    // The legend: what the dashed tick means.
    painter.setFont(label);
    painter.setPen(style.muted);
    const QString legend = QStringLiteral("dashed tick: the least number of nodes any packing could use");
    painter.drawText(QPointF(rect.right() - lm.horizontalAdvance(legend), rect.top() + lm.ascent()), legend);
    painter.restore();
}

void ReportPaintedCharts::paintGantt(QPainter &painter, const QRectF &rect, const QList<GanttBar> &waves,
                                     const Style &style)
{
    if (waves.isEmpty())
        return;
    const qreal u = style.unit;
    painter.save();
    const QFont label = sized(style.font, 7);
    const QFontMetricsF lm(label, painter.device());
    QDate first = waves.constFirst().start;
    QDate last = waves.constFirst().end;
    for (const GanttBar &w : waves) {
        first = std::min(first, w.start);
        last = std::max(last, w.end);
    }
    // Whole months on the axis.
    const QDate axisStart(first.year(), first.month(), 1);
    const QDate axisEnd = QDate(last.year(), last.month(), 1).addMonths(1);
    const qreal days = std::max<qint64>(1, axisStart.daysTo(axisEnd));
    const qreal labelWidth = lm.horizontalAdvance(QStringLiteral("Wave 000")) + 8 * u;
    const qreal left = rect.left() + labelWidth;
    const qreal top = rect.top() + lm.height() + 6 * u;
    const qreal bottom = rect.bottom() - 2;
    const qreal row = (bottom - top) / waves.size();
    const auto xOf = [&](const QDate &d) { return left + (rect.right() - left) * axisStart.daysTo(d) / days; };

    painter.setFont(label);
    // As many month labels as fit side by side, at a step a reader counts in (1, 2, 3, 6 months,
    // then whole years); over several years the axis names years and rules only the labelled months.
    const qreal monthWidth = (rect.right() - left) * 30.4 / days;
    const qreal wanted = lm.horizontalAdvance(QStringLiteral("May 2027")) + 8 * u;
    int every = 1;
    for (int step : {1, 2, 3, 6, 12, 24, 60, 120}) {
        every = step;
        if (step * monthWidth >= wanted)
            break;
    }
    const bool yearsOnly = every >= 12;
    int index = 0;
    for (QDate m = axisStart; m < axisEnd; m = m.addMonths(1), ++index) {
        const bool labelledMonth = yearsOnly ? (m.month() == 1 && (m.year() % (every / 12)) == 0) : index % every == 0;
        if (!labelledMonth && (yearsOnly || every > 3))
            continue;
        const qreal x = xOf(m);
        painter.setPen(QPen(style.rule, 0.5 * u));
        painter.drawLine(QPointF(x, top), QPointF(x, bottom));
        if (labelledMonth) {
            painter.setPen(style.muted);
            const QString text = yearsOnly ? QString::number(m.year())
                                           : QLocale(QLocale::English).toString(m, QStringLiteral("MMM yyyy"));
            painter.drawText(QPointF(x + 2 * u, rect.top() + lm.ascent()), text);
        }
    }
    const bool labelled = row >= lm.height() * 0.95;
    const int labelEvery = labelled ? 1 : std::max(1, int(std::ceil(lm.height() / row)));
    for (int i = 0; i < waves.size(); ++i) {
        const GanttBar &w = waves.at(i);
        const qreal y = top + row * i;
        const QRectF bar(xOf(w.start), y + row * 0.15, std::max(1.5 * u, xOf(w.end.addDays(1)) - xOf(w.start)),
                         std::max(0.6 * u, row * 0.7));
        painter.setPen(w.overLimit ? QPen(style.accent, 1.2 * u) : QPen(Qt::NoPen));
        painter.setBrush(style.primary);
        painter.drawRect(bar);
        if (i % labelEvery == 0 || i == waves.size() - 1) {
            painter.setPen(style.ink);
            const QString name = QStringLiteral("Wave %1").arg(w.wave);
            painter.drawText(QPointF(rect.left(), y + row / 2 + lm.ascent() / 2.5), name);
            if (labelled) {
                const QString vms = QStringLiteral("%1 VMs").arg(w.vms);
                const qreal after = bar.right() + 3 * u;
                if (after + lm.horizontalAdvance(vms) <= rect.right())
                    painter.drawText(QPointF(after, y + row / 2 + lm.ascent() / 2.5), vms);
            }
        }
    }
    painter.restore();
}

} // namespace landfall
