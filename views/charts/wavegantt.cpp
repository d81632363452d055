#include "wavegantt.h"

#include "waves/waveplan.h"

#include <QFontMetrics>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPalette>
#include <QResizeEvent>

namespace landfall {

namespace {

constexpr double kLabelWidth = 210;
constexpr double kBarHeight = 22;
constexpr double kChipHeight = 20;
constexpr double kChipGap = 4;
constexpr double kMinChartWidth = 500; // the calendar's width in scene units, at least
constexpr int kNameRole = 0;           // QGraphicsItem::data key of a chip's group name
constexpr int kChipsShown = 40;        // per wave; the rest are counted

QColor reasonColour(MoveGroup::Reason reason)
{
    switch (reason) {
    case MoveGroup::Reason::MoveGroup:
        return QColor(0x7b, 0x3f, 0xa0);
    case MoveGroup::Reason::Application:
        return QColor(0x1f, 0x6f, 0xb5);
    case MoveGroup::Reason::Dependencies:
        return QColor(0x2e, 0x8b, 0x57);
    case MoveGroup::Reason::StrongLinks:
        return QColor(0xc0, 0x7a, 0x12);
    case MoveGroup::Reason::Alone:
        break;
    }
    return QColor(0x6b, 0x6b, 0x6b);
}

} // namespace

WaveGantt::WaveGantt(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("waveGantt"));
    setAccessibleName(tr("Waves as a Gantt chart"));
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

void WaveGantt::setPlan(const WavePlan &plan)
{
    m_plan = plan;
    layOut();
}

void WaveGantt::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (!m_dragged)
        layOut(); // the calendar fills the width it has
}

void WaveGantt::layOut()
{
    const WavePlan &plan = m_plan;
    const double kChartWidth = std::max(kMinChartWidth, viewport()->width() - kLabelWidth - 110);
    scene()->clear();
    m_chips.clear();
    m_rows.clear();
    m_dragged = nullptr;
    if (plan.waves.empty()) {
        scene()->addSimpleText(tr("No waves: the project has no VMs to move."));
        return;
    }
    const QDate first = plan.waves.front().start;
    QDate last = first;
    for (const Wave &wave : plan.waves)
        last = std::max(last, wave.end);
    const double days = std::max<qint64>(1, first.daysTo(last) + 1);
    const double dayWidth = kChartWidth / days;
    const QPalette colours = palette();
    const QFontMetrics metrics(font());

    // The calendar: a tick at the first of every month.
    double y = 0;
    for (QDate month(first.year(), first.month(), 1); month <= last; month = month.addMonths(1)) {
        const double x = kLabelWidth + std::max<qint64>(0, first.daysTo(month)) * dayWidth;
        scene()->addLine(x, 18, x, 24, QPen(colours.color(QPalette::Mid)));
        auto *label = scene()->addSimpleText(QLocale().toString(month, QStringLiteral("MMM yyyy")));
        label->setPos(x + 2, 0);
    }
    y = 28;

    for (const Wave &wave : plan.waves) {
        const double top = y;
        auto *title = scene()->addSimpleText(tr("Wave %1  ·  %2 VMs  ·  %3 TiB")
                                                 .arg(wave.number)
                                                 .arg(wave.vms)
                                                 .arg(QLocale().toString(wave.tib, 'f', 1)));
        title->setPos(0, y + 3);
        const double x = kLabelWidth + first.daysTo(wave.start) * dayWidth;
        const double width = std::max(3.0, (wave.start.daysTo(wave.end) + 1) * dayWidth);
        const QColor bar = wave.overLimit ? QColor(0xc6, 0x28, 0x28) : QColor(0x1f, 0x6f, 0xb5);
        auto *rect = scene()->addRect(x, y, width, kBarHeight, QPen(bar.darker(120)), QBrush(bar.lighter(150)));
        rect->setToolTip(tr("Wave %1: %2 to %3")
                             .arg(wave.number)
                             .arg(QLocale().toString(wave.start, QLocale::ShortFormat),
                                  QLocale().toString(wave.end, QLocale::ShortFormat)));
        auto *dates =
            scene()->addSimpleText(QLocale().toString(wave.start, QStringLiteral("d MMM")) + QStringLiteral(" – ") +
                                   QLocale().toString(wave.end, QStringLiteral("d MMM")));
        dates->setPos(x + width + 6, y + 3);
        y += kBarHeight + kChipGap;

        // The chips of its groups, wrapped under the calendar.
        double chipX = kLabelWidth;
        int shown = 0;
        for (const int g : wave.groups) {
            const MoveGroup &group = plan.groups[size_t(g)];
            if (shown++ == kChipsShown) {
                auto *more =
                    scene()->addSimpleText(tr("+ %n more group(s)", nullptr, int(wave.groups.size()) - kChipsShown));
                more->setPos(chipX, y + 2);
                break;
            }
            const QString text = group.pinned ? QStringLiteral("📌 ") + group.name : group.name;
            const double chipWidth = metrics.horizontalAdvance(text) + 14;
            if (chipX + chipWidth > kLabelWidth + kChartWidth && chipX > kLabelWidth) {
                chipX = kLabelWidth;
                y += kChipHeight + kChipGap;
            }
            const QColor colour = group.oversized ? QColor(0xc6, 0x28, 0x28) : reasonColour(group.reason);
            auto *chip = scene()->addRect(0, 0, chipWidth, kChipHeight, QPen(colour.darker(130)), QBrush(colour));
            chip->setPos(chipX, y);
            chip->setData(kNameRole, group.name);
            chip->setCursor(Qt::OpenHandCursor);
            chip->setToolTip(tr("%1: %n VM(s), %2 TiB; %3. Drag to another wave to move it.", nullptr, group.movingVms)
                                 .arg(group.name, QLocale().toString(group.tib, 'f', 2), group.reasonText));
            auto *label = new QGraphicsSimpleTextItem(text, chip);
            label->setBrush(Qt::white);
            label->setPos(7, (kChipHeight - metrics.height()) / 2);
            chip->setZValue(1);
            m_chips.insert(group.name, chip);
            chipX += chipWidth + kChipGap;
        }
        y += kChipHeight + kChipGap * 3;
        m_rows.append({top, y});
        scene()->addLine(0, y - kChipGap, kLabelWidth + kChartWidth, y - kChipGap,
                         QPen(colours.color(QPalette::Midlight)));
    }
    auto *newWave = scene()->addSimpleText(tr("Drop a group here for a new wave"));
    newWave->setBrush(colours.color(QPalette::PlaceholderText));
    newWave->setPos(kLabelWidth, y + 4);
    m_rows.append({y, y + 40});
    setSceneRect(scene()->itemsBoundingRect().adjusted(-8, -8, 8, 8));
}

QPoint WaveGantt::chipPosition(const QString &group) const
{
    const QGraphicsRectItem *chip = m_chips.value(group);
    return chip ? mapFromScene(chip->sceneBoundingRect().center()) : QPoint();
}

QPoint WaveGantt::rowPosition(int wave) const
{
    if (wave < 1 || wave > m_rows.size())
        return {};
    const auto &[top, bottom] = m_rows[wave - 1];
    return mapFromScene(QPointF(kLabelWidth + 40, (top + bottom) / 2));
}

int WaveGantt::waveAt(double sceneY) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (sceneY >= m_rows[i].first && sceneY < m_rows[i].second)
            return i + 1;
    }
    return 0;
}

void WaveGantt::mousePressEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->position().toPoint())) {
        auto *chip = qgraphicsitem_cast<QGraphicsRectItem *>(item);
        if (!chip && item->parentItem())
            chip = qgraphicsitem_cast<QGraphicsRectItem *>(item->parentItem());
        if (chip && m_chips.value(chip->data(kNameRole).toString()) == chip && event->button() == Qt::LeftButton) {
            m_dragged = chip;
            m_dragStart = chip->pos();
            m_dragOffset = mapToScene(event->position().toPoint()) - chip->pos();
            chip->setZValue(2);
            viewport()->setCursor(Qt::ClosedHandCursor);
            Q_EMIT groupClicked(chip->data(kNameRole).toString());
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void WaveGantt::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragged) {
        m_dragged->setPos(mapToScene(event->position().toPoint()) - m_dragOffset);
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void WaveGantt::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragged) {
        QGraphicsView::mouseReleaseEvent(event);
        return;
    }
    QGraphicsRectItem *chip = m_dragged;
    m_dragged = nullptr;
    viewport()->unsetCursor();
    const int from = waveAt(m_dragStart.y() + kChipHeight / 2);
    const int to = waveAt(mapToScene(event->position().toPoint()).y());
    const QString group = chip->data(kNameRole).toString();
    chip->setPos(m_dragStart); // the plan redraws the chart if the move is taken
    chip->setZValue(1);
    if (to > 0 && to != from)
        Q_EMIT groupDropped(group, to);
}

} // namespace landfall
