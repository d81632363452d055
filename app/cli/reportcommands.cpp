// landfall-cli's report command: the customer's PDF, built by the same code as File > Report.
#include "clicommands.h"

#include "io/tablewriters.h"
#include "report/annexworkbook.h"
#include "report/pdfreportwriter.h"
#include "report/reportbuilder.h"

#include "report/reportsettings.h"

#include <QColor>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QtConcurrent>

namespace landfall::cli {

namespace {

const QString kSynopsis = QStringLiteral("report PROJECT --out FILE.pdf [--scenario NAME]... [--customer TEXT] "
                                         "[--consultant TEXT] [--paper a4|letter] [--appendix none|exceptions|full] "
                                         "[--note SECTION=TEXT]... [--logo IMAGE] [--primary-colour #RRGGBB] "
                                         "[--accent-colour #RRGGBB] [--years N] [--annex FILE.xlsx]");
const QString kNotesSynopsis =
    QStringLiteral("report-notes PROJECT (--list | --set SECTION=TEXT... | --clear SECTION...)");

/** "plan=Payroll stays whole" -> {"plan", "Payroll stays whole"}; an error in words for anything else. */
std::optional<QString> parseNote(const QString &text, QMap<QString, QString> &notes)
{
    const qsizetype equals = text.indexOf(u'=');
    const QString section = text.left(equals).trimmed();
    if (equals <= 0 || !ReportOptions::noteSections().contains(section))
        return QStringLiteral("a note is SECTION=TEXT with SECTION one of %1 (got '%2')")
            .arg(ReportOptions::noteSections().join(QStringLiteral(", ")), text);
    notes.insert(section, text.mid(equals + 1).trimmed());
    return std::nullopt;
}

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
        .option({QStringLiteral("appendix")},
                QStringLiteral("What follows the body: none, exceptions (the default: the VMs that need a decision) "
                               "or full (every VM, by application)."),
                QStringLiteral("what"))
        .option({QStringLiteral("note")},
                QStringLiteral("A note printed at the start of a section (repeatable), over the one kept in the "
                               "project; SECTION is one of ") +
                    ReportOptions::noteSections().join(QStringLiteral(", ")) + u'.',
                QStringLiteral("section=text"))
        .option({QStringLiteral("logo")},
                QStringLiteral("An image for the cover and the running header (default: "
                               "the report/logo setting)."),
                QStringLiteral("image"))
        .option({QStringLiteral("primary-colour")},
                QStringLiteral("Headings and table headers (default: the report/primaryColour setting, else navy)."),
                QStringLiteral("colour"))
        .option({QStringLiteral("accent-colour")},
                QStringLiteral("Rules and highlights (default: the report/accentColour setting, else teal)."),
                QStringLiteral("colour"))
        .option({QStringLiteral("years")}, QStringLiteral("Years of the total cost of ownership (default 3)."),
                QStringLiteral("n"))
        .option({QStringLiteral("annex")},
                QStringLiteral("The annex workbook (every VM, a sheet per path) the report names; by default "
                               "beside the PDF, NAME-annex.xlsx."),
                QStringLiteral("file"));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    ReportOptions options;
    if (args.isSet(QStringLiteral("appendix"))) {
        const auto appendix = ReportOptions::appendixFromKey(args.value(QStringLiteral("appendix")));
        if (!appendix) {
            console.err << "landfall-cli report: unknown appendix '" << args.value(QStringLiteral("appendix"))
                        << "'; expected none, exceptions or full" << Qt::endl;
            return kUsageError;
        }
        options.appendix = *appendix;
    }
    for (const QString &note : args.values(QStringLiteral("note"))) {
        if (const auto error = parseNote(note, options.notes)) {
            console.err << "landfall-cli report: " << *error << Qt::endl;
            return kUsageError;
        }
    }
    if (args.isSet(QStringLiteral("years"))) {
        bool ok = false;
        options.years = args.value(QStringLiteral("years")).toInt(&ok);
        if (!ok || options.years < 1 || options.years > 30) {
            console.err << "landfall-cli report: --years must be a whole number from 1 to 30 (got '"
                        << args.value(QStringLiteral("years")) << "')" << Qt::endl;
            return kUsageError;
        }
    }
    const QSettings settings(QStringLiteral("Landfall"), QStringLiteral("Landfall"));
    const auto colour = [&](const QString &option, const QString &key) -> std::optional<QString> {
        const QString value =
            args.isSet(option) ? args.value(option) : settings.value(QStringLiteral("report/") + key).toString();
        if (!value.isEmpty() && !QColor::isValidColorName(value))
            return std::nullopt;
        return value;
    };
    const auto primary = colour(QStringLiteral("primary-colour"), QStringLiteral("primaryColour"));
    const auto accent = colour(QStringLiteral("accent-colour"), QStringLiteral("accentColour"));
    if (!primary || !accent) {
        console.err << "landfall-cli report: a colour is a name or #RRGGBB (got '"
                    << (!primary ? args.value(QStringLiteral("primary-colour"))
                                 : args.value(QStringLiteral("accent-colour")))
                    << "')" << Qt::endl;
        return kUsageError;
    }
    options.primaryColour = *primary;
    options.accentColour = *accent;
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

    options.customer = args.value(QStringLiteral("customer"));
    options.consultant = args.value(QStringLiteral("consultant"));
    options.scenarios = args.values(QStringLiteral("scenario"));
    options.scenarios.removeDuplicates();
    // The same logo the desktop application puts on its reports (File > Report...).
    options.logoPath = args.isSet(QStringLiteral("logo")) ? args.value(QStringLiteral("logo"))
                                                          : settings.value(QStringLiteral("report/logo")).toString();
    if (!options.logoPath.isEmpty() && QImage(options.logoPath).isNull()) {
        console.err << "landfall-cli report: cannot read the logo " << options.logoPath << " as an image" << Qt::endl;
        return kInputRejected;
    }
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

int reportNotesCommand(const QStringList &arguments, Console &console)
{
    CommandArguments args(QStringLiteral("report-notes"), kNotesSynopsis);
    args.option({QStringLiteral("list")}, QStringLiteral("Print the notes kept in the project, one per section."))
        .option({QStringLiteral("set")}, QStringLiteral("Keep a note for a section (repeatable)."),
                QStringLiteral("section=text"))
        .option({QStringLiteral("clear")}, QStringLiteral("Remove a section's note (repeatable)."),
                QStringLiteral("section"));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    const bool list = args.isSet(QStringLiteral("list"));
    const bool edit = args.isSet(QStringLiteral("set")) || args.isSet(QStringLiteral("clear"));
    if (list == edit) {
        console.err << "landfall-cli report-notes: give --list, or --set and --clear\nusage: landfall-cli "
                    << kNotesSynopsis << Qt::endl;
        return kUsageError;
    }
    QMap<QString, QString> set;
    for (const QString &note : args.values(QStringLiteral("set"))) {
        if (const auto error = parseNote(note, set)) {
            console.err << "landfall-cli report-notes: " << *error << Qt::endl;
            return kUsageError;
        }
    }
    const QStringList cleared = args.values(QStringLiteral("clear"));
    for (const QString &section : cleared) {
        if (!ReportOptions::noteSections().contains(section)) {
            console.err << "landfall-cli report-notes: unknown section '" << section << "'; expected one of "
                        << ReportOptions::noteSections().join(QStringLiteral(", ")) << Qt::endl;
            return kUsageError;
        }
    }
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    QJsonObject notes = QJsonDocument::fromJson(store->setting(ReportSettings::kNotes).toUtf8()).object();
    if (list) {
        for (const QString &section : ReportOptions::noteSections()) {
            if (notes.contains(section))
                console.out << section << ": " << notes.value(section).toString() << '\n';
        }
        console.out.flush();
        return kSuccess;
    }
    for (auto it = set.cbegin(); it != set.cend(); ++it)
        notes.insert(it.key(), it.value());
    for (const QString &section : cleared)
        notes.remove(section);
    if (const auto error = store->setSetting(ReportSettings::kNotes,
                                             QString::fromUtf8(QJsonDocument(notes).toJson(QJsonDocument::Compact)))) {
        console.err << "landfall-cli report-notes: " << error->message << Qt::endl;
        return kProjectUnusable;
    }
    console.out << notes.size() << " notes kept" << Qt::endl;
    return kSuccess;
}

} // namespace

void registerReportCommands(CommandRegistry &registry)
{
    registry.add({QStringLiteral("report-notes"), kNotesSynopsis,
                  QStringLiteral("Keep, list or clear the notes per section that the report prints."),
                  reportNotesCommand});
    registry.add({QStringLiteral("report"), kSynopsis, QStringLiteral("Write the customer report (PDF) of PROJECT."),
                  reportCommand});
}

} // namespace landfall::cli
