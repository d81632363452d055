#include "livechartview.h"

#include "chartrenderer.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QAbstractItemModel>
#include <QBarSet>
#include <QChart>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLegend>
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
    return chart;
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
    // Twice the pixels: sharp on a slide or a high-DPI screen.
    QImage image((kExportSize * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    ChartRenderer::render(chart.get(), &painter, QRectF(QPointF(0, 0), kExportSize * 2), kExportSize);
    painter.end();
    return image.save(path);
}

} // namespace landfall
