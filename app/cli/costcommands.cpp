// landfall-cli's cost commands: pricebook and cost. Thin: they read the project, hand it to the
// cost model and print what it says.
#include "clicommands.h"

#include "cost/projectbusinesscase.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace landfall::cli {

namespace {

int refuse(Console &console, const QString &command, const QString &message)
{
    console.err << "landfall-cli " << command << ": " << message << Qt::endl;
    return kInputRejected;
}

int pricebookCommand(const QStringList &arguments, Console &console)
{
    const QString synopsis = QStringLiteral("pricebook PROJECT (--export FILE | --import FILE | --reset)");
    CommandArguments args(QStringLiteral("pricebook"), synopsis);
    args.option({QStringLiteral("export")},
                QStringLiteral("Write the project's price book to FILE ('-': standard output)."),
                QStringLiteral("file"))
        .option({QStringLiteral("import")}, QStringLiteral("Make the price book in FILE the project's."),
                QStringLiteral("file"))
        .option({QStringLiteral("reset")}, QStringLiteral("Go back to the built-in price book."));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    const bool exporting = args.isSet(QStringLiteral("export"));
    const bool importing = args.isSet(QStringLiteral("import"));
    const bool resetting = args.isSet(QStringLiteral("reset"));
    if (int(exporting) + int(importing) + int(resetting) != 1) {
        console.err << "landfall-cli pricebook: give exactly one of --export, --import and --reset\nusage: " << synopsis
                    << Qt::endl;
        return kUsageError;
    }

    // Read and check an imported book before the project is opened: a refused book changes nothing.
    std::optional<PriceBook> imported;
    if (importing) {
        const QString file = args.value(QStringLiteral("import"));
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            return refuse(console, QStringLiteral("pricebook"),
                          QStringLiteral("cannot read %1: %2").arg(file, input.errorString()));
        const auto book = PriceBook::fromJsonText(input.readAll());
        if (!book)
            return refuse(console, QStringLiteral("pricebook"), file + QStringLiteral(": ") + book.error().toString());
        imported = book.value();
    }

    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    if (imported) {
        if (const auto error = ProjectBusinessCase::savePriceBook(*store, *imported)) {
            console.err << "landfall-cli pricebook: " << error->message << Qt::endl;
            return kProjectUnusable;
        }
        console.out << "price book \"" << imported->name << "\" (" << imported->date << ", " << imported->currency
                    << ", " << imported->vmSkus.size() << " VM sizes) imported" << Qt::endl;
        return kSuccess;
    }
    if (resetting) {
        if (const auto error = ProjectBusinessCase::resetPriceBook(*store)) {
            console.err << "landfall-cli pricebook: " << error->message << Qt::endl;
            return kProjectUnusable;
        }
        console.out << "price book reset to the built-in \"" << PriceBook::builtIn().name << "\" ("
                    << PriceBook::builtIn().date << ")" << Qt::endl;
        return kSuccess;
    }
    const auto book = ProjectBusinessCase::priceBook(*store);
    if (!book)
        return refuse(console, QStringLiteral("pricebook"), book.error().toString());
    const QByteArray json = QJsonDocument(book.value().toJson()).toJson(QJsonDocument::Indented);
    const QString file = args.value(QStringLiteral("export"));
    if (file == QLatin1String("-")) {
        console.out << QString::fromUtf8(json);
        console.out.flush();
        return kSuccess;
    }
    QSaveFile output(file);
    if (!output.open(QIODevice::WriteOnly) || output.write(json) != json.size() || !output.commit())
        return refuse(console, QStringLiteral("pricebook"),
                      QStringLiteral("cannot write %1: %2").arg(file, output.errorString()));
    console.out << "price book \"" << book.value().name << "\" written to " << file << Qt::endl;
    return kSuccess;
}

void printCostText(const BusinessCase &bc, const PriceBook &book, Console &console)
{
    QTextStream &out = console.out;
    // Without utilisation data every amount is at provisioned size, and each one says so.
    const QString basis = bc.anyUtilisation ? QString() : QStringLiteral("  (at provisioned size)");
    auto money = [&](double amount) { return book.formatMoney(amount).rightJustified(16); };
    out << "Business case, scenario " << bc.scenario << ": prices \"" << bc.priceBookName << "\" (" << bc.priceBookDate
        << "), " << bc.currency << '\n';
    if (!bc.anyUtilisation)
        out << "No VM has utilisation data: every amount below is at provisioned size.\n";
    out << "\nA month                 today           after\n";
    out << "  " << QStringLiteral("total").leftJustified(14) << money(bc.before) << money(bc.after) << basis << '\n';
    for (MigrationPath path : {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                               MigrationPath::Retire, MigrationPath::Retain})
        out << "  " << migrationPathKey(path).leftJustified(14) << money(bc.beforeByPath.value(path))
            << money(bc.byPath.value(path)) << basis << '\n';
    out << "\nSaving a month once moved: " << book.formatMoney(bc.before - bc.after) << basis << '\n';
    out << "One-off migration cost:    " << book.formatMoney(bc.oneOffMigration) << '\n';
    out << "\nYear           staying          moving  cumulative saving\n";
    for (const YearCost &y : bc.years)
        out << "  " << QString::number(y.year).leftJustified(4) << money(y.before) << money(y.after)
            << money(y.cumulativeSaving) << basis << '\n';
    out << "Payback: " << (bc.paybackMonth ? QStringLiteral("month %1").arg(*bc.paybackMonth) : QStringLiteral("never"))
        << '\n';

    out << "\nRehosted VMs" << (bc.anyUtilisation ? "" : " (at provisioned size: no utilisation data)") << ":\n";
    for (const VmCost &vm : bc.vms) {
        if (vm.path != MigrationPath::Rehost)
            continue;
        out << "  " << vm.name.leftJustified(28) << vm.sku.leftJustified(16) << money(vm.monthly);
        if (vm.sizedByUtilisation && vm.provisionedSku != vm.sku)
            out << "  (as provisioned " << vm.provisionedSku << ", " << book.formatMoney(vm.provisionedMonthly) << ")";
        out << '\n';
    }
    out << "\nAssumptions:\n";
    for (const QString &sentence : bc.assumptions)
        out << "  - " << sentence << '\n';
}

int costCommand(const QStringList &arguments, Console &console)
{
    const QString synopsis = QStringLiteral("cost PROJECT [--scenario NAME] [--years N] [--json]");
    CommandArguments args(QStringLiteral("cost"), synopsis);
    args.option({QStringLiteral("scenario")},
                QStringLiteral("The density scenario for the containers; the project's first when not given."),
                QStringLiteral("name"))
        .option({QStringLiteral("years")}, QStringLiteral("Years of the total cost of ownership (default 3)."),
                QStringLiteral("n"))
        .option({QStringLiteral("json")}, QStringLiteral("Print one JSON object."));
    if (!args.parse(arguments, 1, 1, console))
        return kUsageError;
    int years = 3;
    if (args.isSet(QStringLiteral("years"))) {
        bool ok = false;
        years = args.value(QStringLiteral("years")).toInt(&ok);
        if (!ok || years < 1 || years > 30) {
            console.err << "landfall-cli cost: --years must be a whole number from 1 to 30 (got '"
                        << args.value(QStringLiteral("years")) << "')\nusage: " << synopsis << Qt::endl;
            return kUsageError;
        }
    }
    std::unique_ptr<ProjectStore> store =
        openProject(args.positional().constFirst(), ProjectStore::OpenMode::ExistingOnly, console);
    if (!store)
        return kProjectUnusable;
    const auto book = ProjectBusinessCase::priceBook(*store);
    if (!book)
        return refuse(console, QStringLiteral("cost"), book.error().toString());
    const auto result = ProjectBusinessCase::compute(*store, args.value(QStringLiteral("scenario")), years);
    if (!result)
        return refuse(console, QStringLiteral("cost"), result.error().toString());
    if (args.isSet(QStringLiteral("json")))
        console.out << QString::fromUtf8(QJsonDocument(result.value().toJson()).toJson(QJsonDocument::Indented));
    else
        printCostText(result.value(), book.value(), console);
    console.out.flush();
    return kSuccess;
}

} // namespace

void registerCostCommands(CommandRegistry &registry)
{
    registry.add(
        {QStringLiteral("pricebook"), QStringLiteral("pricebook PROJECT (--export FILE | --import FILE | --reset)"),
         QStringLiteral("Export, import or reset the price book the business case is priced from."), pricebookCommand});
    registry.add({QStringLiteral("cost"), QStringLiteral("cost PROJECT [--scenario NAME] [--years N] [--json]"),
                  QStringLiteral("The business case: today's cost against the cost after the move, by path, over "
                                 "the years, with the payback month."),
                  costCommand});
}

} // namespace landfall::cli
