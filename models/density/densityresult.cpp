#include "densityresult.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace landfall {

namespace {

double rounded(double value)
{
    return std::round(value * 100) / 100;
}

QJsonObject licences(const LicenceCount &count)
{
    return QJsonObject{{QStringLiteral("standard"), count.standard}, {QStringLiteral("datacenter"), count.datacenter}};
}

QJsonObject licenceSide(const LicenceSide &side)
{
    QJsonObject json = licences(side.count);
    json.insert(QStringLiteral("cheaperPerServer"),
                QJsonObject{{QStringLiteral("standardCores"), side.bill.standardCores},
                            {QStringLiteral("datacenterCores"), side.bill.datacenterCores},
                            {QStringLiteral("servers"), side.bill.servers},
                            {QStringLiteral("cost"), rounded(side.bill.cost)}});
    return json;
}

QJsonObject capacity(const Capacity &c, bool after)
{
    QJsonObject json{{QStringLiteral("machines"), rounded(c.machines)},
                     {QStringLiteral("physicalCores"), rounded(c.physicalCores)},
                     {QStringLiteral("vcpu"), rounded(c.vcpu)},
                     {QStringLiteral("memoryGiB"), rounded(c.memoryGiB)},
                     {QStringLiteral("diskGiB"), rounded(c.diskGiB)}};
    if (after)
        json.insert(QStringLiteral("persistentVolumeGiB"), rounded(c.persistentVolumeGiB));
    return json;
}

} // namespace

QString PoolSizeMix::inWords() const
{
    QList<PoolSizeCount> largestFirst = sizes;
    std::stable_sort(largestFirst.begin(), largestFirst.end(), [](const PoolSizeCount &a, const PoolSizeCount &b) {
        return a.vcpu != b.vcpu ? a.vcpu > b.vcpu : a.memoryGiB > b.memoryGiB;
    });
    QStringList parts;
    for (const PoolSizeCount &size : std::as_const(largestFirst))
        parts.append(QStringLiteral("%1 x %2 vCPU/%3 GiB").arg(size.nodes).arg(size.vcpu).arg(size.memoryGiB));
    return parts.join(QStringLiteral(" + "));
}

QString DensityResult::savingInWords(double saving, const QString &unit)
{
    const double shown = std::round(std::abs(saving) * 10) / 10;
    if (shown == 0)
        return QStringLiteral("the same %1").arg(unit);
    const QString amount = QString::number(shown, 'f', shown == std::round(shown) ? 0 : 1);
    return saving > 0 ? QStringLiteral("saves %1 %2").arg(amount, unit)
                      : QStringLiteral("needs %1 %2 more").arg(amount, unit);
}

QJsonObject DensityResult::toJson(bool withPlacement) const
{
    QJsonArray poolArray;
    for (const PoolResult &pool : pools) {
        QJsonObject poolJson{
            {QStringLiteral("name"), pool.name},
            {QStringLiteral("os"), pool.os},
            {QStringLiteral("build"), pool.build},
            {QStringLiteral("purpose"), pool.purpose},
            {QStringLiteral("nodes"), pool.nodes},
            {QStringLiteral("lowerBound"), pool.lowerBound},
            {QStringLiteral("limitingResource"), pool.limitingResource},
            {QStringLiteral("workloads"), pool.workloads},
            {QStringLiteral("method"), pool.method},
            {QStringLiteral("optimal"), pool.optimal},
            {QStringLiteral("node"), QJsonObject{{QStringLiteral("vcpu"), pool.nodeVcpu},
                                                 {QStringLiteral("memoryGiB"), pool.nodeMemoryGiB},
                                                 {QStringLiteral("threadsPerCore"), pool.threadsPerCore}}},
            {QStringLiteral("certificate"), pool.certificate},
            {QStringLiteral("allocatable"), QJsonObject{{QStringLiteral("cpuMilli"), pool.allocatableCpuMilli},
                                                        {QStringLiteral("memoryMiB"), pool.allocatableMemoryMiB},
                                                        {QStringLiteral("diskMiB"), pool.allocatableDiskMiB},
                                                        {QStringLiteral("pods"), pool.maxPods}}},
        };
        if (pool.sizeMix) {
            QJsonArray sizes;
            for (const PoolSizeCount &size : pool.sizeMix->sizes)
                sizes.append(QJsonObject{{QStringLiteral("vcpu"), size.vcpu},
                                         {QStringLiteral("memoryGiB"), size.memoryGiB},
                                         {QStringLiteral("nodes"), size.nodes}});
            poolJson.insert(QStringLiteral("sizeMix"),
                            QJsonObject{{QStringLiteral("sizes"), sizes},
                                        {QStringLiteral("cost"), rounded(pool.sizeMix->cost)},
                                        {QStringLiteral("costLowerBound"), rounded(pool.sizeMix->costLowerBound)},
                                        {QStringLiteral("basis"), pool.sizeMix->basis},
                                        {QStringLiteral("singleSizeNodes"), pool.sizeMix->singleSizeNodes},
                                        {QStringLiteral("singleSizeCost"), rounded(pool.sizeMix->singleSizeCost)}});
        }
        poolArray.append(poolJson);
    }
    QJsonArray unplaced;
    for (const NotSchedulable &n : notSchedulable) {
        QJsonObject entry{{QStringLiteral("workload"), n.workload},
                          {QStringLiteral("vmId"), n.vmId},
                          {QStringLiteral("reason"), n.reason}};
        if (n.smallestNodeVcpu > 0) {
            entry.insert(QStringLiteral("vcpu"), rounded(n.vcpu));
            entry.insert(QStringLiteral("memoryGiB"), rounded(n.memoryGiB));
            entry.insert(QStringLiteral("smallestNode"),
                         QJsonObject{{QStringLiteral("vcpu"), n.smallestNodeVcpu},
                                     {QStringLiteral("memoryGiB"), n.smallestNodeMemoryGiB}});
        }
        unplaced.append(entry);
    }
    QJsonArray asymmetries;
    for (const QString &a : basis.asymmetries)
        asymmetries.append(a);
    QJsonObject baselineJson{{QStringLiteral("source"), baseline.source},
                             {QStringLiteral("hosts"), rounded(baseline.hosts)},
                             {QStringLiteral("physicalCores"), rounded(baseline.physicalCores)},
                             {QStringLiteral("memoryGiB"), rounded(baseline.memoryGiB)},
                             {QStringLiteral("repackedOnto"), baseline.hostModel}};
    if (baseline.source == QLatin1String("inventory")) {
        baselineJson.insert(QStringLiteral("containerizedShare"), capacity(baseline.containerizedShare, false));
        baselineJson.insert(QStringLiteral("workloadsOnUnknownHosts"), baseline.workloadsOnUnknownHosts);
    }
    QJsonObject json{
        {QStringLiteral("scenario"), scenario},
        {QStringLiteral("workloads"), workloads},
        {QStringLiteral("pools"), poolArray},
        {QStringLiteral("containerNodes"), containerNodes},
        {QStringLiteral("containerNodesLowerBound"), containerNodesLowerBound},
        {QStringLiteral("vmHosts"), vmHosts},
        {QStringLiteral("vmHostsLowerBound"), vmHostsLowerBound},
        {QStringLiteral("vmHostsLimitingResource"), vmHostsLimitingResource},
        {QStringLiteral("basis"), QJsonObject{{QStringLiteral("sizing"), basis.sizing},
                                              {QStringLiteral("cpuOvercommit"), basis.cpuOvercommit},
                                              {QStringLiteral("targetUtilisationPct"), basis.targetUtilisationPct},
                                              {QStringLiteral("spares"), basis.spares},
                                              {QStringLiteral("threadsPerCore"), basis.threadsPerCore},
                                              {QStringLiteral("asymmetries"), asymmetries}}},
        {QStringLiteral("baseline"), baselineJson},
        {QStringLiteral("capacity"), QJsonObject{{QStringLiteral("before"), capacity(before, false)},
                                                 {QStringLiteral("after"), capacity(after, true)}}},
        {QStringLiteral("savings"), QJsonObject{{QStringLiteral("physicalCores"), rounded(savedPhysicalCores)},
                                                {QStringLiteral("vcpu"), rounded(savedVcpu)},
                                                {QStringLiteral("memoryGiB"), rounded(savedMemoryGiB)},
                                                {QStringLiteral("diskGiB"), rounded(savedDiskGiB)}}},
        {QStringLiteral("notSchedulable"), unplaced},
        {QStringLiteral("licenses"), QJsonObject{{QStringLiteral("unit"), QStringLiteral("core licences")},
                                                 {QStringLiteral("model"), licences.model},
                                                 {QStringLiteral("basis"), licences.basis},
                                                 {QStringLiteral("currency"), licences.currency},
                                                 {QStringLiteral("priceSource"), licences.priceSource},
                                                 {QStringLiteral("before"), licenceSide(licences.before)},
                                                 {QStringLiteral("repacked"), licenceSide(licences.repacked)},
                                                 {QStringLiteral("after"), licenceSide(licences.after)},
                                                 {QStringLiteral("includedVcpu"), licences.includedVcpu}}},
        {QStringLiteral("bought"),
         QJsonObject{{QStringLiteral("containerVcpu"), rounded(containerVcpuBought)},
                     {QStringLiteral("containerMemoryGiB"), rounded(containerMemoryGiBBought)},
                     {QStringLiteral("hostCores"), rounded(hostCoresBought)},
                     {QStringLiteral("hostMemoryGiB"), rounded(hostMemoryGiBBought)}}},
        {QStringLiteral("fallbackToProvisioned"), fallbackToProvisioned},
    };
    if (withPlacement) {
        QJsonArray placed;
        for (const Placement &p : placement)
            placed.append(QJsonObject{{QStringLiteral("workload"), p.workload},
                                      {QStringLiteral("vmId"), p.vmId},
                                      {QStringLiteral("pool"), p.pool},
                                      {QStringLiteral("node"), p.node}});
        json.insert(QStringLiteral("placement"), placed);
    }
    return json;
}

} // namespace landfall
