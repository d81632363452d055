#include "pricebook.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <optional>

namespace landfall {

namespace {

/** A price, in the book's currency: never negative, never absurd. */
void price(JsonFieldReader &r, const QString &key, double &target)
{
    r.number(key, target, 0, 1e9);
}

void readSku(JsonFieldReader &r, VmSku &sku)
{
    r.onlyKeys({QStringLiteral("name"), QStringLiteral("series"), QStringLiteral("vcpu"), QStringLiteral("memoryGiB"),
                QStringLiteral("linuxHourly"), QStringLiteral("windowsHourly"), QStringLiteral("gpu"),
                QStringLiteral("nestedVirtualisation"), QStringLiteral("source"), QStringLiteral("date")});
    for (const char *required : {"name", "vcpu", "memoryGiB", "linuxHourly", "windowsHourly"}) {
        if (!r.has(QLatin1String(required)))
            r.fail(QLatin1String(required), QStringLiteral("is missing"));
    }
    r.text(QStringLiteral("name"), sku.name, JsonFieldReader::Text::Required);
    r.text(QStringLiteral("series"), sku.series);
    r.integer(QStringLiteral("vcpu"), sku.vcpu, 1, 4096);
    r.number(QStringLiteral("memoryGiB"), sku.memoryGiB, 0, 1 << 20, false);
    price(r, QStringLiteral("linuxHourly"), sku.linuxHourly);
    price(r, QStringLiteral("windowsHourly"), sku.windowsHourly);
    if (!r.failed() && sku.windowsHourly < sku.linuxHourly)
        r.fail(QStringLiteral("windowsHourly"),
               QStringLiteral("must not be below linuxHourly (%1 < %2): the Windows rate includes the licence")
                   .arg(sku.windowsHourly)
                   .arg(sku.linuxHourly));
    r.boolean(QStringLiteral("gpu"), sku.gpu);
    r.boolean(QStringLiteral("nestedVirtualisation"), sku.nestedVirtualisation);
    r.text(QStringLiteral("source"), sku.source);
    r.text(QStringLiteral("date"), sku.date);
}

QJsonObject skuJson(const VmSku &sku)
{
    QJsonObject o{{QStringLiteral("name"), sku.name},
                  {QStringLiteral("vcpu"), sku.vcpu},
                  {QStringLiteral("memoryGiB"), sku.memoryGiB},
                  {QStringLiteral("linuxHourly"), sku.linuxHourly},
                  {QStringLiteral("windowsHourly"), sku.windowsHourly},
                  {QStringLiteral("gpu"), sku.gpu},
                  {QStringLiteral("nestedVirtualisation"), sku.nestedVirtualisation}};
    if (!sku.series.isEmpty())
        o.insert(QStringLiteral("series"), sku.series);
    if (!sku.source.isEmpty())
        o.insert(QStringLiteral("source"), sku.source);
    if (!sku.date.isEmpty())
        o.insert(QStringLiteral("date"), sku.date);
    return o;
}

constexpr MigrationPath kPaths[] = {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                                    MigrationPath::Retire, MigrationPath::Retain};

} // namespace

Result<PriceBook, PriceBookError> PriceBook::fromJson(const QJsonObject &json)
{
    return fromJson(json, builtIn());
}

Result<PriceBook, PriceBookError> PriceBook::fromJsonText(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return PriceBookError{
            QStringLiteral("(file)"),
            QStringLiteral("not valid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)};
    if (!document.isObject())
        return PriceBookError{QStringLiteral("(file)"), QStringLiteral("must be one JSON object")};
    return fromJson(document.object());
}

Result<PriceBook, PriceBookError> PriceBook::fromJson(const QJsonObject &json, const PriceBook &defaults)
{
    PriceBook book = defaults;
    std::optional<PriceBookError> error;
    JsonFieldReader top(json, QString(), error);
    top.onlyKeys({QStringLiteral("name"), QStringLiteral("currency"), QStringLiteral("currencySymbol"),
                  QStringLiteral("date"), QStringLiteral("region"), QStringLiteral("notice"),
                  QStringLiteral("hoursPerMonth"), QStringLiteral("vmSkus"), QStringLiteral("diskGiBMonth"),
                  QStringLiteral("kubernetesClusterHourly"), QStringLiteral("paas"), QStringLiteral("licences"),
                  QStringLiteral("onPremises"), QStringLiteral("migration"), QStringLiteral("sources")});
    top.text(QStringLiteral("name"), book.name, JsonFieldReader::Text::Required);
    top.text(QStringLiteral("currency"), book.currency, JsonFieldReader::Text::Required);
    if (!error && !QRegularExpression(QStringLiteral("^[A-Z]{3}$")).match(book.currency).hasMatch())
        top.fail(QStringLiteral("currency"),
                 QStringLiteral("must be an ISO 4217 code such as USD or EUR (got '%1')").arg(book.currency));
    const bool ownSymbol = json.contains(QLatin1String("currencySymbol"));
    top.text(QStringLiteral("currencySymbol"), book.currencySymbol);
    if (!ownSymbol && json.contains(QLatin1String("currency")) && book.currency != defaults.currency)
        book.currencySymbol.clear(); // the default's "$" is wrong for another currency
    top.text(QStringLiteral("date"), book.date, JsonFieldReader::Text::Required);
    if (!error && !QDate::fromString(book.date, Qt::ISODate).isValid())
        top.fail(QStringLiteral("date"), QStringLiteral("must be a date as YYYY-MM-DD (got '%1')").arg(book.date));
    top.text(QStringLiteral("region"), book.region);
    top.text(QStringLiteral("notice"), book.notice);
    top.number(QStringLiteral("hoursPerMonth"), book.hoursPerMonth, 0, 744, false);

    if (top.has(QStringLiteral("vmSkus")) && !error) {
        const QJsonValue skus = top.value(QStringLiteral("vmSkus"));
        if (!skus.isArray() || skus.toArray().isEmpty()) {
            top.fail(QStringLiteral("vmSkus"), QStringLiteral("must be a non-empty array of VM sizes"));
        } else {
            book.vmSkus.clear();
            QSet<QString> names;
            const QJsonArray array = skus.toArray();
            for (qsizetype i = 0; i < array.size() && !error; ++i) {
                const QString prefix = QStringLiteral("vmSkus[%1]").arg(i);
                if (!array.at(i).isObject()) {
                    top.fail(prefix.mid(0), QStringLiteral("must be an object"));
                    break;
                }
                JsonFieldReader r(array.at(i).toObject(), prefix, error);
                VmSku sku;
                readSku(r, sku);
                if (!error && names.contains(sku.name.toLower()))
                    r.fail(QStringLiteral("name"), QStringLiteral("'%1' is listed twice").arg(sku.name));
                names.insert(sku.name.toLower());
                book.vmSkus.append(sku);
            }
        }
    }
    price(top, QStringLiteral("diskGiBMonth"), book.diskGiBMonth);
    price(top, QStringLiteral("kubernetesClusterHourly"), book.kubernetesClusterHourly);

    if (top.has(QStringLiteral("paas"))) {
        JsonFieldReader p = top.child(QStringLiteral("paas"));
        p.onlyKeys({QStringLiteral("database"), QStringLiteral("appPlatform"), QStringLiteral("fileShare")});
        if (p.has(QStringLiteral("database"))) {
            JsonFieldReader r = p.child(QStringLiteral("database"));
            r.onlyKeys({QStringLiteral("perVcpuHourly"), QStringLiteral("perGiBMonth"), QStringLiteral("minVcpu")});
            price(r, QStringLiteral("perVcpuHourly"), book.paas.databasePerVcpuHourly);
            price(r, QStringLiteral("perGiBMonth"), book.paas.databasePerGiBMonth);
            r.integer(QStringLiteral("minVcpu"), book.paas.databaseMinVcpu, 0, 1024);
        }
        if (p.has(QStringLiteral("appPlatform"))) {
            JsonFieldReader r = p.child(QStringLiteral("appPlatform"));
            r.onlyKeys(
                {QStringLiteral("perVcpuHourly"), QStringLiteral("windowsPerVcpuHourly"), QStringLiteral("minVcpu")});
            price(r, QStringLiteral("perVcpuHourly"), book.paas.appPlatformPerVcpuHourly);
            // A book that gives one rate gives it for both.
            if (!r.has(QStringLiteral("windowsPerVcpuHourly")) && r.has(QStringLiteral("perVcpuHourly")))
                book.paas.appPlatformWindowsPerVcpuHourly = book.paas.appPlatformPerVcpuHourly;
            price(r, QStringLiteral("windowsPerVcpuHourly"), book.paas.appPlatformWindowsPerVcpuHourly);
            r.integer(QStringLiteral("minVcpu"), book.paas.appPlatformMinVcpu, 0, 1024);
        }
        if (p.has(QStringLiteral("fileShare"))) {
            JsonFieldReader r = p.child(QStringLiteral("fileShare"));
            r.onlyKeys({QStringLiteral("perGiBMonth")});
            price(r, QStringLiteral("perGiBMonth"), book.paas.fileSharePerGiBMonth);
        }
    }
    if (top.has(QStringLiteral("licences"))) {
        JsonFieldReader r = top.child(QStringLiteral("licences"));
        r.onlyKeys({QStringLiteral("windowsServerStandardPer16Cores"),
                    QStringLiteral("windowsServerDatacenterPer16Cores"), QStringLiteral("amortisationYears")});
        price(r, QStringLiteral("windowsServerStandardPer16Cores"), book.licences.windowsServerStandardPer16Cores);
        price(r, QStringLiteral("windowsServerDatacenterPer16Cores"), book.licences.windowsServerDatacenterPer16Cores);
        r.number(QStringLiteral("amortisationYears"), book.licences.amortisationYears, 0, 50, false);
    }
    if (top.has(QStringLiteral("onPremises"))) {
        JsonFieldReader r = top.child(QStringLiteral("onPremises"));
        r.onlyKeys({QStringLiteral("perHostYear"), QStringLiteral("perCoreYearVirtualisation"),
                    QStringLiteral("perGiBYearStorage"), QStringLiteral("perVmYearOperations")});
        price(r, QStringLiteral("perHostYear"), book.onPremises.perHostYear);
        price(r, QStringLiteral("perCoreYearVirtualisation"), book.onPremises.perCoreYearVirtualisation);
        price(r, QStringLiteral("perGiBYearStorage"), book.onPremises.perGiBYearStorage);
        price(r, QStringLiteral("perVmYearOperations"), book.onPremises.perVmYearOperations);
    }
    if (top.has(QStringLiteral("migration"))) {
        JsonFieldReader r = top.child(QStringLiteral("migration"));
        r.onlyKeys({QStringLiteral("perVm"), QStringLiteral("rampShareByYear"), QStringLiteral("doubleRunningMonths")});
        if (r.has(QStringLiteral("perVm"))) {
            JsonFieldReader v = r.child(QStringLiteral("perVm"));
            QStringList keys;
            for (MigrationPath path : kPaths)
                keys.append(migrationPathKey(path));
            v.onlyKeys(keys);
            for (MigrationPath path : kPaths) {
                double cost = book.migration.perVm.value(path, 0);
                price(v, migrationPathKey(path), cost);
                book.migration.perVm.insert(path, cost);
            }
        }
        if (r.has(QStringLiteral("rampShareByYear")) && !error) {
            const QJsonValue ramp = r.value(QStringLiteral("rampShareByYear"));
            QList<double> shares;
            double sum = 0;
            if (!ramp.isArray() || ramp.toArray().isEmpty())
                r.fail(QStringLiteral("rampShareByYear"),
                       QStringLiteral("must be a non-empty array of the shares moved each year"));
            for (const QJsonValue &share : ramp.toArray()) {
                if (!share.isDouble() || share.toDouble() < 0 || share.toDouble() > 1) {
                    r.fail(QStringLiteral("rampShareByYear"),
                           QStringLiteral("every share must be a number from 0 to 1"));
                    break;
                }
                shares.append(share.toDouble());
                sum += share.toDouble();
            }
            if (!error && std::abs(sum - 1.0) > 1e-6)
                r.fail(QStringLiteral("rampShareByYear"),
                       QStringLiteral("the shares must add up to 1, every VM moved once (they add up to %1)").arg(sum));
            if (!error)
                book.migration.rampShareByYear = shares;
        }
        r.integer(QStringLiteral("doubleRunningMonths"), book.migration.doubleRunningMonths, 0, 60);
    }
    if (top.has(QStringLiteral("sources"))) {
        if (!top.value(QStringLiteral("sources")).isObject())
            top.fail(QStringLiteral("sources"), QStringLiteral("must be an object"));
        else
            book.sources = top.value(QStringLiteral("sources")).toObject();
    }
    if (book.currencySymbol.isEmpty())
        book.currencySymbol = book.currency + u' ';
    if (book.migration.rampShareByYear.isEmpty())
        book.migration.rampShareByYear = {1.0};
    if (!error && book.vmSkus.isEmpty())
        error = PriceBookError{QStringLiteral("vmSkus"), QStringLiteral("is missing: the book lists no VM size")};
    if (error)
        return *error;
    return book;
}

QJsonObject PriceBook::toJson() const
{
    QJsonArray skus;
    for (const VmSku &sku : vmSkus)
        skus.append(skuJson(sku));
    QJsonObject perVm;
    for (MigrationPath path : kPaths)
        perVm.insert(migrationPathKey(path), migration.perVm.value(path, 0));
    QJsonArray ramp;
    for (double share : migration.rampShareByYear)
        ramp.append(share);
    QJsonObject json{
        {QStringLiteral("name"), name},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("currencySymbol"), currencySymbol},
        {QStringLiteral("date"), date},
        {QStringLiteral("hoursPerMonth"), hoursPerMonth},
        {QStringLiteral("vmSkus"), skus},
        {QStringLiteral("diskGiBMonth"), diskGiBMonth},
        {QStringLiteral("kubernetesClusterHourly"), kubernetesClusterHourly},
        {QStringLiteral("paas"),
         QJsonObject{
             {QStringLiteral("database"), QJsonObject{{QStringLiteral("perVcpuHourly"), paas.databasePerVcpuHourly},
                                                      {QStringLiteral("perGiBMonth"), paas.databasePerGiBMonth},
                                                      {QStringLiteral("minVcpu"), paas.databaseMinVcpu}}},
             {QStringLiteral("appPlatform"),
              QJsonObject{{QStringLiteral("perVcpuHourly"), paas.appPlatformPerVcpuHourly},
                          {QStringLiteral("windowsPerVcpuHourly"), paas.appPlatformWindowsPerVcpuHourly},
                          {QStringLiteral("minVcpu"), paas.appPlatformMinVcpu}}},
             {QStringLiteral("fileShare"), QJsonObject{{QStringLiteral("perGiBMonth"), paas.fileSharePerGiBMonth}}}}},
        {QStringLiteral("licences"),
         QJsonObject{{QStringLiteral("windowsServerStandardPer16Cores"), licences.windowsServerStandardPer16Cores},
                     {QStringLiteral("windowsServerDatacenterPer16Cores"), licences.windowsServerDatacenterPer16Cores},
                     {QStringLiteral("amortisationYears"), licences.amortisationYears}}},
        {QStringLiteral("onPremises"),
         QJsonObject{{QStringLiteral("perHostYear"), onPremises.perHostYear},
                     {QStringLiteral("perCoreYearVirtualisation"), onPremises.perCoreYearVirtualisation},
                     {QStringLiteral("perGiBYearStorage"), onPremises.perGiBYearStorage},
                     {QStringLiteral("perVmYearOperations"), onPremises.perVmYearOperations}}},
        {QStringLiteral("migration"),
         QJsonObject{{QStringLiteral("perVm"), perVm},
                     {QStringLiteral("rampShareByYear"), ramp},
                     {QStringLiteral("doubleRunningMonths"), migration.doubleRunningMonths}}},
    };
    if (!region.isEmpty())
        json.insert(QStringLiteral("region"), region);
    if (!notice.isEmpty())
        json.insert(QStringLiteral("notice"), notice);
    if (!sources.isEmpty())
        json.insert(QStringLiteral("sources"), sources);
    return json;
}

const PriceBook &PriceBook::builtIn()
{
    static const PriceBook book = [] {
        QFile file(QStringLiteral(":/landfall/pricing/azure-payg-eastus.json"));
        const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        const auto document = QJsonDocument::fromJson(text);
        // Read over an empty book, so that every key the default lacks is caught by its test.
        auto parsed = fromJson(document.object(), PriceBook());
        Q_ASSERT_X(parsed.ok(), "PriceBook::builtIn", "the compiled-in price book must be valid");
        return parsed.ok() ? parsed.value() : PriceBook();
    }();
    return book;
}

QString PriceBook::formatMoney(double amount, int decimals) const
{
    const QLocale locale;
    const QString symbol = currencySymbol.isEmpty() ? currency + u' ' : currencySymbol;
    const QString number = locale.toString(std::abs(amount), 'f', decimals);
    return (amount < 0 ? QString(locale.negativeSign()) : QString()) + symbol + number;
}

} // namespace landfall
