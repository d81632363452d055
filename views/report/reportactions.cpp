#include "reportactions.h"
#include "plainmessagebox.h"

#include "pdfreportwriter.h"
#include "reportdialog.h"

#include "io/tablewriters.h"
#include "mainwindow.h"
#include "report/plantablebuilder.h"
#include "report/reportbuilder.h"
#include "store/projectstore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtConcurrent>

#include <memory>

namespace landfall {

namespace {

constexpr const char *kDirectoryKey = "report/lastDirectory";

QString lastDirectory()
{
    return QSettings()
        .value(QLatin1String(kDirectoryKey), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

void rememberDirectory(const QString &file)
{
    QSettings().setValue(QLatin1String(kDirectoryKey), QFileInfo(file).absolutePath());
}

} // namespace

ReportActions *ReportActions::install(MainWindow *window)
{
    return new ReportActions(window);
}

ReportActions::ReportActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_report(new QAction(tr("&Report..."), window))
    , m_export(new QAction(tr("&Export Plan..."), window))
{
    setObjectName(QStringLiteral("reportActions"));
    m_report->setObjectName(QStringLiteral("reportAction"));
    m_report->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_report->setStatusTip(tr("Write the customer report as a PDF, with a preview"));
    m_export->setObjectName(QStringLiteral("exportPlanAction"));
    m_export->setStatusTip(tr("Export the plan, one row per VM, as an Excel workbook or CSV"));
    for (QAction *action : {m_report, m_export}) {
        action->setEnabled(window->store() != nullptr);
        window->addFileAction(action);
    }
    connect(window, &MainWindow::projectOpened, this, [this](ProjectStore *store) {
        m_report->setEnabled(store != nullptr);
        m_export->setEnabled(store != nullptr);
    });
    connect(m_report, &QAction::triggered, this, &ReportActions::report);
    connect(m_export, &QAction::triggered, this, &ReportActions::exportPlan);
}

void ReportActions::report()
{
    ProjectStore *store = m_window->store();
    if (!store)
        return;
    ReportDialog dialog(store->scenarioNames(), m_window);
    const int outcome = dialog.exec();
    if (outcome != ReportDialog::Preview && outcome != ReportDialog::Save)
        return;
    QString path;
    if (outcome == ReportDialog::Save) {
        const QString suggested = QFileInfo(store->path()).completeBaseName() + QStringLiteral("-report.pdf");
        path = QFileDialog::getSaveFileName(m_window, tr("Save Report"), lastDirectory() + u'/' + suggested,
                                            tr("PDF documents (*.pdf)"));
        if (path.isEmpty())
            return;
        rememberDirectory(path);
    }

    // The store belongs to this thread: read it here, then pack the scenarios on a worker.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto inputs = ReportBuilder::gather(*store, dialog.options());
    QApplication::restoreOverrideCursor();
    if (!inputs) {
        PlainMessageBox::warning(m_window, tr("Report"),
                                 tr("The report cannot be made: %1").arg(inputs.error().message));
        return;
    }
    auto *progress = new QProgressDialog(tr("Packing the scenarios..."), tr("Cancel"), 0, 100, m_window);
    progress->setWindowTitle(tr("Report"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setValue(0);
    auto *watcher = new QFutureWatcher<Result<ReportModel, ReportError>>(this);
    const PdfReportWriter::Paper paper = dialog.paper();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, progress, path, paper]() {
        watcher->deleteLater();
        const bool cancelled = progress->wasCanceled();
        const Result<ReportModel, ReportError> model = watcher->result();
        if (cancelled) {
            progress->deleteLater();
            return;
        }
        if (!model) {
            progress->deleteLater();
            PlainMessageBox::warning(m_window, tr("Report"),
                                     tr("The report cannot be made: %1").arg(model.error().message));
            return;
        }
        PdfReportWriter::Options options;
        options.paper = paper;
        options.progress = [progress](int page, int pages) {
            progress->setLabelText(tr("Writing page %1 of %2...").arg(page).arg(pages));
            progress->setMaximum(pages);
            progress->setValue(page);
            return !progress->wasCanceled();
        };
        if (path.isEmpty()) {
            progress->deleteLater();
            QPrinter printer(QPrinter::HighResolution);
            printer.setPageSize(PdfReportWriter::pageSize(paper));
            printer.setFullPage(true);
            QPrintPreviewDialog preview(&printer, m_window);
            preview.setWindowTitle(tr("Report Preview"));
            preview.resize(m_window->size() * 0.9);
            const ReportModel content = model.value();
            connect(&preview, &QPrintPreviewDialog::paintRequested, &preview, [content, paper](QPrinter *target) {
                PdfReportWriter::Options previewOptions;
                previewOptions.paper = paper;
                PdfReportWriter::render(content, target, previewOptions);
            });
            preview.exec();
            return;
        }
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const std::optional<QString> error = PdfReportWriter::write(model.value(), path, options);
        QApplication::restoreOverrideCursor();
        const bool stopped = progress->wasCanceled();
        progress->deleteLater();
        if (error && !stopped)
            PlainMessageBox::warning(m_window, tr("Report"), tr("The report was not saved: %1").arg(*error));
        else if (!error)
            m_window->statusBar()->showMessage(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)), 8000);
    });
    const ReportInputs gathered = inputs.value();
    watcher->setFuture(QtConcurrent::run([gathered, progress]() {
        return ReportBuilder::build(gathered, [progress](int percent) {
            QMetaObject::invokeMethod(
                progress, [progress, percent]() { progress->setValue(percent); }, Qt::QueuedConnection);
        });
    }));
}

void ReportActions::exportPlan()
{
    ProjectStore *store = m_window->store();
    if (!store)
        return;
    const QString excel = tr("Excel workbook (*.xlsx)");
    const QString csv = tr("CSV, comma separated (*.csv)");
    QString filter = excel;
    const QString suggested = QFileInfo(store->path()).completeBaseName() + QStringLiteral("-plan.xlsx");
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Plan"), lastDirectory() + u'/' + suggested,
                                                excel + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    const bool asCsv = filter == csv || path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    if (QFileInfo(path).suffix().isEmpty())
        path += asCsv ? QStringLiteral(".csv") : QStringLiteral(".xlsx");
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<PlanTable, ReportError> table = PlanTableBuilder::fromStore(*store);
    std::optional<QString> error;
    if (!table)
        error = table.error().message;
    else
        error = asCsv ? CsvTableWriter::write(table.value(), path) : XlsxTableWriter::write(table.value(), path);
    QApplication::restoreOverrideCursor();
    if (error)
        PlainMessageBox::warning(m_window, tr("Export Plan"), tr("The plan was not exported: %1").arg(*error));
    else
        m_window->statusBar()->showMessage(tr("Plan exported to %1 (%n VMs)", nullptr, int(table.value().rows.size()))
                                               .arg(QDir::toNativeSeparators(path)),
                                           8000);
}

} // namespace landfall
