#include "pdfreportwriter.h"

#include "io/atomicfile.h"

#include "pdfoutlinewriter.h"
#include "reportlayout.h"

#include "charts/chartrenderer.h"
#include "charts/pathdonutchart.h"
#include "charts/reportpaintedcharts.h"
#include "charts/scenariocomparisonchart.h"
#include "itemmodels/reportpathmodel.h"
#include "itemmodels/reportscenariomodel.h"

#include <QBuffer>
#include <QChart>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>

#include <memory>

namespace landfall {

namespace {

/** The chart models of one report, built once and shared by every chart drawn from them. */
struct ChartModels {
    explicit ChartModels(const ReportModel &model)
    {
        paths.setCounts(model.pathCounts);
        QList<DensityResult> results;
        for (const ScenarioOutcome &outcome : model.scenarios)
            results.append(outcome.result);
        scenarios.setResults(results);
    }
    ReportPathModel paths;
    ReportScenarioModel scenarios;
};

ReportPaintedCharts::Style paintedStyle(const ReportLayout &layout)
{
    ReportPaintedCharts::Style style;
    style.font = layout.style().font(ReportStyle::Body);
    style.unit = layout.unit();
    style.primary = layout.style().primary();
    style.accent = layout.style().highlight();
    style.ink = ReportStyle::ink();
    style.muted = ReportStyle::muted();
    style.rule = ReportStyle::rule();
    return style;
}

void paintChart(const PageItem &item, const ReportModel &model, const ReportLayout &layout, ChartModels &models,
                QPainter &painter)
{
    if (item.chart == ReportBlock::Chart::NodeSizeSweep) {
        if (item.scenarioIndex >= 0 && item.scenarioIndex < model.scenarios.size())
            ReportPaintedCharts::paintSweep(painter, item.rect, model.scenarios.at(item.scenarioIndex).sweep,
                                            paintedStyle(layout));
        return;
    }
    if (item.chart == ReportBlock::Chart::WaveGantt) {
        ReportPaintedCharts::paintGantt(painter, item.rect, model.waves, paintedStyle(layout));
        return;
    }
    std::unique_ptr<QChart> chart;
    switch (item.chart) {
    case ReportBlock::Chart::PathDonut:
        chart.reset(PathDonutChart::create(&models.paths, ReportPathModel::Label, ReportPathModel::Vms));
        break;
    case ReportBlock::Chart::ScenarioComparison:
        // Physical cores on both sides, never machines of different sizes counted side by side.
        chart.reset(ScenarioComparisonChart::create(&models.scenarios, ReportScenarioModel::Name,
                                                    ReportScenarioModel::CoresBefore, ReportScenarioModel::CoresAfter,
                                                    QObject::tr("Physical cores bought")));
        break;
    case ReportBlock::Chart::NodeSizeSweep:
    case ReportBlock::Chart::WaveGantt:
        return; // painted above
    }
    // Laid out at a screen-like size, so its pixel fonts read as about 8 to 10 points on paper.
    const qreal logicalWidth = 760;
    const QSizeF logical(logicalWidth, logicalWidth * item.rect.height() / item.rect.width());
    ChartRenderer::render(chart.get(), &painter, item.rect, logical);
}

void paintItem(const PageItem &item, const ReportModel &model, const ReportLayout &layout, ChartModels &models,
               QPainter &painter)
{
    switch (item.kind) {
    case PageItem::Kind::Text:
        painter.setFont(layout.style().font(item.font));
        painter.setPen(item.color);
        painter.drawText(item.rect.topLeft(), item.text);
        break;
    case PageItem::Kind::Fill:
        painter.fillRect(item.rect, item.color);
        break;
    case PageItem::Kind::Line: {
        QPen pen(item.color, item.lineWidth);
        if (item.dotted) {
            pen.setStyle(Qt::CustomDashLine);
            pen.setDashPattern({0.5, 3.5});
            pen.setCapStyle(Qt::RoundCap);
        }
        painter.setPen(pen);
        painter.drawLine(item.rect.topLeft(), item.rect.bottomRight());
        break;
    }
    case PageItem::Kind::Chart:
        paintChart(item, model, layout, models, painter);
        break;
    case PageItem::Kind::Logo: {
        const QImage logo(item.text);
        if (logo.isNull())
            break;
        const QSizeF size = QSizeF(logo.size()).scaled(item.rect.size(), Qt::KeepAspectRatio);
        painter.drawImage(QRectF(item.rect.right() - size.width(), item.rect.top(), size.width(), size.height()), logo);
        break;
    }
    }
}

void paintRunningHeads(const ReportModel &model, const ReportPage &page, int number, int pages,
                       const ReportLayout &layout, const QImage &logo, QPainter &painter)
{
    const ReportStyle &style = layout.style();
    const QRectF content = layout.contentRect();
    const qreal u = layout.unit();
    const QFontMetricsF &metrics = style.metrics(ReportStyle::Running);
    painter.setFont(style.font(ReportStyle::Running));
    if (!page.cover) {
        const qreal headerBaseline = content.top() - 30 * u;
        const QString left =
            model.customer.isEmpty() ? model.title : model.title + QStringLiteral("  \u00b7  ") + model.customer;
        painter.setPen(ReportStyle::muted());
        // The consultant's logo, small, before the title: every page carries the brand.
        qreal textLeft = content.left();
        if (!logo.isNull()) {
            const QSizeF size = QSizeF(logo.size()).scaled(QSizeF(60 * u, 14 * u), Qt::KeepAspectRatio);
            painter.drawImage(
                QRectF(content.left(), headerBaseline - size.height() + 2 * u, size.width(), size.height()), logo);
            textLeft += size.width() + 8 * u;
        }
        const QString shownLeft =
            ReportLayout::elideAtWord(left, metrics, content.width() * 0.6 - (textLeft - content.left()));
        painter.drawText(QPointF(textLeft, headerBaseline), shownLeft);
        const QString right = ReportLayout::elideAtWord(page.header, metrics, content.width() * 0.38);
        painter.setPen(style.primary());
        painter.drawText(QPointF(content.right() - metrics.horizontalAdvance(right), headerBaseline), right);
        painter.setPen(QPen(ReportStyle::rule(), 0.6 * u));
        painter.drawLine(QPointF(content.left(), headerBaseline + 7 * u),
                         QPointF(content.right(), headerBaseline + 7 * u));
    }
    const qreal footerBaseline = content.bottom() + 34 * u;
    painter.setPen(QPen(ReportStyle::rule(), 0.6 * u));
    painter.drawLine(QPointF(content.left(), footerBaseline - 12 * u),
                     QPointF(content.right(), footerBaseline - 12 * u));
    painter.setPen(ReportStyle::muted());
    QString left = QStringLiteral("Confidential");
    if (!model.consultant.isEmpty())
        left += QStringLiteral("  \u00b7  Prepared by ") + model.consultant;
    left +=
        QStringLiteral("  \u00b7  ") + QLocale(QLocale::English).toString(model.date, QStringLiteral("d MMMM yyyy"));
    painter.drawText(QPointF(content.left(), footerBaseline),
                     ReportLayout::elideAtWord(left, metrics, content.width() * 0.75));
    const QString pageText = QStringLiteral("Page %1 of %2").arg(number).arg(pages);
    painter.setPen(ReportStyle::ink());
    painter.drawText(QPointF(content.right() - metrics.horizontalAdvance(pageText), footerBaseline), pageText);
}

/** What painting gave: the pages, and where each heading and contents entry landed (points). */
struct Painted {
    int pages = 0; ///< 0 when cancelled
    QList<PdfOutlineWriter::Bookmark> bookmarks;
    QList<PdfOutlineWriter::Link> links;
};

Painted paint(const ReportModel &model, QPagedPaintDevice *device, const PdfReportWriter::Options &options)
{
    const QSizeF points = PdfReportWriter::pageSize(options.paper).size(QPageSize::Point);
    ReportLayout layout(model, device, points);
    const QList<ReportPage> pages = layout.run();
    ChartModels models(model);
    const QImage logo = model.logoPath.isEmpty() ? QImage() : QImage(model.logoPath);
    QPainter painter;
    if (!painter.begin(device))
        return {};
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    for (int i = 0; i < pages.size(); ++i) {
        if (i > 0)
            device->newPage();
        for (const PageItem &item : pages.at(i).items)
            paintItem(item, model, layout, models, painter);
        paintRunningHeads(model, pages.at(i), i + 1, int(pages.size()), layout, logo, painter);
        if (options.progress && !options.progress(i + 1, int(pages.size()))) {
            painter.end();
            return {};
        }
    }
    painter.end();
    Painted painted;
    painted.pages = int(pages.size());
    const qreal u = layout.unit();
    for (const ReportLayout::Anchor &anchor : layout.anchors())
        painted.bookmarks.append({anchor.title, anchor.level, anchor.page, anchor.top / u});
    for (const ReportLayout::ContentsEntry &entry : layout.contentsEntries()) {
        const QRectF &r = entry.rect;
        painted.links.append({entry.page, QRectF(r.left() / u, r.top() / u, r.width() / u, r.height() / u),
                              entry.targetPage, entry.targetTop / u});
    }
    return painted;
}

} // namespace

std::optional<PdfReportWriter::Paper> PdfReportWriter::paperFromKey(const QString &key)
{
    if (key.compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0)
        return Paper::A4;
    if (key.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0)
        return Paper::Letter;
    return std::nullopt;
}

QPageSize PdfReportWriter::pageSize(Paper paper)
{
    return QPageSize(paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4);
}

int PdfReportWriter::render(const ReportModel &model, QPagedPaintDevice *device, const Options &options)
{
    return paint(model, device, options).pages;
}

std::optional<QString> PdfReportWriter::write(const ReportModel &model, const QString &path, const Options &options)
{
    // Written to a temporary file of its own name, every write checked, synced and renamed: a
    // failed, cancelled or killed report leaves the old file and no half PDF.
    AtomicFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    // QPdfWriter writes neither bookmarks nor links: it writes to memory, PdfOutlineWriter adds
    // them, and what it gives is what goes to the file.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    Painted painted;
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(pageSize(options.paper));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(1200);
        writer.setTitle(model.title + (model.customer.isEmpty() ? QString() : QStringLiteral(": ") + model.customer));
        writer.setCreator(QStringLiteral("Landfall ") + QStringLiteral(LANDFALL_VERSION));
        painted = paint(model, &writer, options);
        if (painted.pages == 0) {
            file.cancel();
            return QStringLiteral("the report was cancelled");
        }
    }
    buffer.close();
    const Result<QByteArray, QString> navigable =
        PdfOutlineWriter::apply(buffer.data(), painted.bookmarks, painted.links);
    if (!navigable) {
        file.cancel();
        return QStringLiteral("cannot write %1: %2").arg(path, navigable.error());
    }
    if (file.write(navigable.value()) != navigable.value().size())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (options.beforeCommit && !options.beforeCommit()) {
        file.cancel();
        return QStringLiteral("the report was cancelled");
    }
    if (!file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return std::nullopt;
}

} // namespace landfall
