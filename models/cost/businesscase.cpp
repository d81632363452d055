#include "businesscase.h"

#include <QJsonArray>

#include <cmath>

namespace landfall {

namespace {

/** Money in JSON: to the cent, so that equal sums compare equal after a round trip. */
double cents(double amount)
{
    return std::round(amount * 100.0) / 100.0;
}

} // namespace

QJsonObject BusinessCase::monthlyJson() const
{
    // `after` is written as the sum of the paths as written, so the JSON adds up to the cent.
    QJsonObject paths;
    double afterInCents = 0;
    for (MigrationPath path : {MigrationPath::Rehost, MigrationPath::Containerize, MigrationPath::CloudNative,
                               MigrationPath::Retire, MigrationPath::Retain}) {
        paths.insert(migrationPathKey(path), cents(byPath.value(path)));
        afterInCents += cents(byPath.value(path));
    }
    return QJsonObject{{QStringLiteral("before"), cents(before)},
                       {QStringLiteral("after"), cents(afterInCents)},
                       {QStringLiteral("byPath"), paths}};
}

QJsonObject BusinessCase::toJson() const
{
    QJsonArray yearArray;
    for (const YearCost &y : years)
        yearArray.append(QJsonObject{{QStringLiteral("year"), y.year},
                                     {QStringLiteral("before"), cents(y.before)},
                                     {QStringLiteral("after"), cents(y.after)},
                                     {QStringLiteral("cumulativeSaving"), cents(y.cumulativeSaving)}});
    QJsonArray vmArray;
    for (const VmCost &vm : vms)
        vmArray.append(QJsonObject{{QStringLiteral("name"), vm.name},
                                   {QStringLiteral("path"), migrationPathKey(vm.path)},
                                   {QStringLiteral("sku"), vm.sku},
                                   {QStringLiteral("monthly"), cents(vm.monthly)}});
    return QJsonObject{
        {QStringLiteral("currency"), currency},
        {QStringLiteral("priceBook"),
         QJsonObject{{QStringLiteral("name"), priceBookName}, {QStringLiteral("date"), priceBookDate}}},
        {QStringLiteral("monthly"), monthlyJson()},
        {QStringLiteral("years"), yearArray},
        {QStringLiteral("paybackMonth"), paybackMonth ? QJsonValue(*paybackMonth) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("vms"), vmArray},
        {QStringLiteral("assumptions"), QJsonArray::fromStringList(assumptions)},
    };
}

} // namespace landfall
