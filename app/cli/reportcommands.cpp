// landfall-cli's report command: the customer's PDF, built by the same code as File > Report.
#include "clicommands.h"

#include "io/tablewriters.h"
#include "report/annexworkbook.h"
#include "report/pdfreportwriter.h"
#include "report/reportbuilder.h"

#include <QFileInfo>
#include <QtConcurrent>

#include <QSettings>

namespace landfall::cli {

namespace {

const QString kSynopsis = QStringLiteral("report PROJECT --out FILE.pdf [--scenario NAME]... [--customer TEXT] "
                                         "[--consultant TEXT] [--paper a4|letter] [--annex FILE.xlsx]");

int reportCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("report"), kSynopsis);
    args.option({QStringLiteral("out")}, QStringLiteral("The PDF to write."), QStringLiteral("file"))
        .option({QStringLiteral("scenario")},
                QStringLiteral("A scenario to report (repeatable); without it, every scenario of the project."),
                QStringLiteral("name"))
        .option({QStringLiteral("customer")}, QStringLiteral("The customer named on the cover."),
                QStringLiteral("text"))
        .option({QStringLiteral("consultant")}, QStringLiteral("The consultant named on the cover."),
                QStringLiteral("text"))
        .option({QStringLiteral("paper")}, QStringLiteral("The paper size: a4 (the default) or letter."),
                QStringLiteral("size"))
        .option({QStringLiteral("annex")},
                QStringLiteral("The annex workbook (every VM, a sheet per path) the report names; by default "
                               "beside the PDF, NAME-annex.xlsx."),
                QStringLiteral("file"));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    if (!args.isSet(QStringLiteral("out")) || args.value(QStringLiteral("out")).isEmpty()) {
        console.err << "landfall-cli report: --out FILE.pdf is required\nusage: landfall-cli " << kSynopsis << Qt::endl;
        return kUsageError;
    }
    PdfReportWriter::Options writerOptions;
    if (args.isSet(QStringLiteral("paper"))) {
        const auto paper = PdfReportWriter::paperFromKey(args.value(QStringLiteral("paper")));
        if (!paper) {
            console.err << "landfall-cli report: unknown paper '" << args.value(QStringLiteral("paper"))
                        << "'; expected a4 or letter" << Qt::endl;
            return kUsageError;
        }
        writerOptions.paper = *paper;
    }
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;

    ReportOptions options;
    options.customer = args.value(QStringLiteral("customer"));
    options.consultant = args.value(QStringLiteral("consultant"));
    options.scenarios = args.values(QStringLiteral("scenario"));
    options.scenarios.removeDuplicates();
    // The same logo the desktop application puts on its reports (File > Report...).
    options.logoPath = QSettings(QStringLiteral("Landfall"), QStringLiteral("Landfall"))
                           .value(QStringLiteral("report/logo"))
                           .toString();
    const QString out = args.value(QStringLiteral("out"));
    const QString annex = args.isSet(QStringLiteral("annex")) && !args.value(QStringLiteral("annex")).isEmpty()
                              ? args.value(QStringLiteral("annex"))
                              : AnnexWorkbook::pathBeside(out);
    auto inputs = ReportBuilder::gather(*store, options);
    if (!inputs) {
        console.err << "landfall-cli report: " << inputs.error().message << Qt::endl;
        return inputs.error().kind == ReportError::Kind::Store ? kProjectUnusable : kInputRejected;
    }
    store.reset(); // everything is read: the project is not held while the PDF is written
    for (const QString &destination : {out, annex}) {
        if (const std::optional<QString> refused = unusableDestination(destination)) {
            console.err << "landfall-cli report: " << *refused << Qt::endl;
            return kInputRejected;
        }
    }
    // A plan an .xlsx cannot hold (a cell over Excel's limit) still gets its report, without
    // the annex, which the report then does not name; `export --csv` holds any plan.
    const std::optional<QString> annexRefused = AnnexWorkbook::refusal(inputs.value(), annex);
    if (annexRefused)
        console.err << "landfall-cli report: warning: no annex workbook: " << *annexRefused << Qt::endl;
    else
        inputs.value().options.annexFile = QFileInfo(annex).fileName();
    const auto model = ReportBuilder::build(inputs.value());
    if (!model) {
        console.err << "landfall-cli report: " << model.error().message << Qt::endl;
        return kInputRejected;
    }
    // The annex is the full per-VM list the PDF names. It is written on a worker while the PDF
    // is painted (the two take about the same time at 10,000 VMs), and the PDF replaces the old
    // one only once the annex is written: a report never names a workbook that is not there.
    QList<XlsxSheet> sheets;
    std::optional<QString> annexError;
    QFuture<void> annexWritten;
    if (!annexRefused) {
        annexWritten = QtConcurrent::run([&] {
            sheets = AnnexWorkbook::fromReport(inputs.value(), model.value());
            annexError = XlsxTableWriter::write(sheets, annex);
        });
    }
    int pages = 0;
    writerOptions.progress = [&pages](int, int total) {
        pages = total;
        return true;
    };
    writerOptions.beforeCommit = [&] {
        annexWritten.waitForFinished();
        return !annexError;
    };
    const std::optional<QString> error = PdfReportWriter::write(model.value(), out, writerOptions);
    annexWritten.waitForFinished();
    if (annexError || error) {
        console.err << "landfall-cli report: " << (annexError ? *annexError : *error) << Qt::endl;
        return kProjectUnusable; // the old PDF is left; a short one never passes for success
    }
    QStringList names;
    for (const ScenarioOutcome &outcome : model.value().scenarios)
        names.append(outcome.scenario.name);
    console.out << out << ": " << pages << " pages, " << model.value().vmsInScope << " VMs, scenarios "
                << names.join(QStringLiteral(", ")) << Qt::endl;
    if (!sheets.isEmpty())
        console.out << annex << ": the annex workbook, " << sheets.size() << " sheets" << Qt::endl;
    return kSuccess;
}

} // namespace

void registerReportCommands(CommandRegistry &registry)
{
    registry.add({QStringLiteral("report"), kSynopsis, QStringLiteral("Write the customer report (PDF) of PROJECT."),
                  reportCommand});
}

} // namespace landfall::cli
