#include "livechartview.h"

#include "chartrenderer.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QMenu>
#include <QPainter>
#include <QPieSeries>
#include <QPieSlice>
#include <QResizeEvent>
#include <QSvgGenerator>
#include <QTimer>
#include <QValueAxis>
#include <QXYSeries>

namespace landfall {

namespace {

/** The size a chart is laid out at for export: its fonts are in pixels of this size. */
constexpr QSizeF kExportSize(960, 600);

QFont scaled(QFont font, double scale)
{
    if (font.pixelSize() > 0)
        font.setPixelSize(qRound(font.pixelSize() * scale));
    else if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    return font;
}

} // namespace

LiveChartView::LiveChartView(QAbstractItemModel *model, Factory factory, const QString &title, QWidget *parent)
    : QChartView(parent)
    , m_factory(std::move(factory))
    , m_title(title)
    , m_emptyLabel(new QLabel(this))
    , m_rebuildTimer(new QTimer(this))
{
    m_emptyLabel->setObjectName(QStringLiteral("chartEmptyState"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setStyleSheet(QStringLiteral("QLabel { color: #555; background: transparent; }"));
    m_emptyLabel->hide();
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(title);
    setMinimumSize(320, 220);
    setFocusPolicy(Qt::StrongFocus); // Edit > Copy Chart copies the chart that has the focus
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &LiveChartView::rebuild);
    const auto later = [this]() { m_rebuildTimer->start(); };
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::rowsRemoved, this, later);
    connect(model, &QAbstractItemModel::layoutChanged, this, later);
    connect(model, &QAbstractItemModel::headerDataChanged, this, later);
    rebuild();
}

QChart *LiveChartView::build() const
{
    QChart *chart = m_factory();
    chart->setTitle(m_title);
    scaleFonts(chart, m_scale);
    fitCategoryLabels(chart, size());
    return chart;
}

void LiveChartView::fitCategoryLabels(QChart *chart, const QSize &size)
{
    // A legend beside the plot, an entry under the other, is cut off at the bottom when its
    // entries are taller than the chart: its font is kept to what the height holds.
    QLegend *legend = chart->legend();
    if (legend->isVisible() && (legend->alignment() & (Qt::AlignLeft | Qt::AlignRight))) {
        int lines = 0;
        for (QLegendMarker *marker : legend->markers())
            lines += int(marker->label().count(QLatin1String("<br>"))) + 1;
        const qsizetype entries = legend->markers().size();
        if (lines > 0) {
            const int most = std::max(9, int((size.height() * 0.75 - 8.0 * double(entries)) / (1.3 * lines)));
            QFont font = legend->font();
            if (font.pixelSize() > most) {
                font.setPixelSize(most);
                legend->setFont(font);
            }
        }
    }
    // Fonts grow for a room, but a category label taller than its row is elided by Qt Charts to
    // "...": along a vertical category axis, the labels are kept as tall as their rows allow.
    for (QAbstractAxis *axis : chart->axes(Qt::Vertical)) {
        auto *categories = qobject_cast<QBarCategoryAxis *>(axis);
        if (!categories || categories->count() == 0)
            continue;
        int lines = 1;
        for (const QString &category : categories->categories())
            lines = std::max(lines, int(category.count(QLatin1String("<br>"))) + 1);
        // The plot takes about half the view's height (title, legend, value axis, margins); a
        // label is its lines at 1.25 of the pixel size, and the text item's margins (8 pixels).
        const double perRow = size.height() * 0.5 / categories->count();
        int most = std::max(9, int((perRow - 8) / (1.25 * lines)));
        // And as wide as Qt Charts lets a vertical axis be (about a third of the chart), taking
        // a character as 0.55 of the pixel size.
        qsizetype longest = 1;
        for (const QString &category : categories->categories()) {
            for (const QString &line : category.split(QLatin1String("<br>")))
                longest = std::max(longest, line.size());
        }
        most = std::min(most, std::max(9, int(size.width() * 0.33 / (0.55 * double(longest)))));
        QFont font = categories->labelsFont();
        if (font.pixelSize() > most) {
            font.setPixelSize(most);
            categories->setLabelsFont(font);
        }
    }
}

void LiveChartView::setEmptyState(EmptyState emptyState)
{
    m_emptyState = std::move(emptyState);
    rebuild();
}

QString LiveChartView::emptyText() const
{
    return m_emptyLabel->isHidden() ? QString() : m_emptyLabel->text();
}

void LiveChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // The label fonts follow the view's height (fitCategoryLabels): built again for a new height.
    if (event->oldSize().height() != event->size().height())
        m_rebuildTimer->start();
    // Below the title, with margins: the text reads as the chart's own message.
    const int top = fontMetrics().height() * 3;
    m_emptyLabel->setGeometry(rect().adjusted(24, top, -24, -24));
}

void LiveChartView::rebuild()
{
    m_rebuildTimer->stop();
    QChart *previous = chart();
    const QString empty = m_emptyState ? m_emptyState() : QString();
    if (empty.isEmpty()) {
        setChart(build());
        m_emptyLabel->hide();
    } else {
        // The title and the message, no axes: nothing is drawn that could be read as data.
        QChart *blank = build();
        blank->removeAllSeries();
        for (QAbstractAxis *axis : blank->axes()) {
            blank->removeAxis(axis);
            delete axis;
        }
        blank->legend()->hide();
        setChart(blank);
        QFont font = m_emptyLabel->font();
        font.setPointSizeF(QFont().pointSizeF() * 1.1 * m_scale);
        m_emptyLabel->setFont(font);
        m_emptyLabel->setText(empty);
        m_emptyLabel->show();
        m_emptyLabel->raise();
    }
    delete previous; // the view gives up the old chart without deleting it
    Q_EMIT rebuilt();
}

void LiveChartView::setFontScale(double scale)
{
    if (qFuzzyCompare(scale, m_scale))
        return;
    m_scale = scale;
    rebuild();
}

void LiveChartView::scaleFonts(QChart *chart, double scale)
{
    if (qFuzzyCompare(scale, 1.0))
        return;
    chart->setTitleFont(scaled(chart->titleFont(), scale));
    chart->legend()->setFont(scaled(chart->legend()->font(), scale));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(scaled(axis->labelsFont(), scale));
        axis->setTitleFont(scaled(axis->titleFont(), scale));
    }
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets())
                set->setLabelFont(scaled(set->labelFont(), scale));
        } else if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            for (QPieSlice *slice : pie->slices())
                slice->setLabelFont(scaled(slice->labelFont(), scale));
        } else if (auto *xy = qobject_cast<QXYSeries *>(series)) {
            xy->setPointLabelsFont(scaled(xy->pointLabelsFont(), scale));
        }
    }
}

QImage LiveChartView::toImage() const
{
    std::unique_ptr<QChart> chart(m_factory());
    chart->setTitle(m_title);
    // Twice the pixels: sharp on a slide or a high-DPI screen.
    QImage image((kExportSize * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    ChartRenderer::render(chart.get(), &painter, QRectF(QPointF(0, 0), kExportSize * 2), kExportSize);
    painter.end();
    return image;
}

void LiveChartView::copyToClipboard() const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setImage(toImage());
}

void LiveChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("&Copy Chart"));
    copy->setObjectName(QStringLiteral("copyChartAction"));
    // An empty state has nothing to paste into a slide.
    copy->setEnabled(emptyText().isEmpty());
    connect(copy, &QAction::triggered, this, &LiveChartView::copyToClipboard);
    menu.exec(event->globalPos());
}

bool LiveChartView::exportTo(const QString &path) const
{
    // A chart of its own, at the export size and the desk's fonts: the one on screen stays put.
    std::unique_ptr<QChart> chart(m_factory());
    chart->setTitle(m_title);
    const QRectF target(QPointF(0, 0), kExportSize);
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(kExportSize.toSize());
        svg.setViewBox(target);
        svg.setTitle(m_title);
        svg.setDescription(tr("Exported from Landfall"));
        QPainter painter;
        if (!painter.begin(&svg))
            return false;
        ChartRenderer::render(chart.get(), &painter, target, kExportSize);
        return painter.end();
    }
    return toImage().save(path);
}

} // namespace landfall
