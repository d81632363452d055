#include "densityresult.h"

#include <QJsonArray>

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

} // namespace

QJsonObject DensityResult::toJson(bool withPlacement) const
{
    QJsonArray poolArray;
    for (const PoolResult &pool : pools) {
        poolArray.append(QJsonObject{
            {QStringLiteral("name"), pool.name},
            {QStringLiteral("os"), pool.os},
            {QStringLiteral("build"), pool.build},
            {QStringLiteral("nodes"), pool.nodes},
            {QStringLiteral("lowerBound"), pool.lowerBound},
            {QStringLiteral("limitingResource"), pool.limitingResource},
            {QStringLiteral("workloads"), pool.workloads},
            {QStringLiteral("method"), pool.method},
            {QStringLiteral("optimal"), pool.optimal},
            {QStringLiteral("certificate"), pool.certificate},
            {QStringLiteral("allocatable"), QJsonObject{{QStringLiteral("cpuMilli"), pool.allocatableCpuMilli},
                                                        {QStringLiteral("memoryMiB"), pool.allocatableMemoryMiB},
                                                        {QStringLiteral("diskMiB"), pool.allocatableDiskMiB},
                                                        {QStringLiteral("pods"), pool.maxPods}}},
        });
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
        {QStringLiteral("savings"), QJsonObject{{QStringLiteral("vcpu"), rounded(savedVcpu)},
                                                {QStringLiteral("memoryGiB"), rounded(savedMemoryGiB)},
                                                {QStringLiteral("diskGiB"), rounded(savedDiskGiB)}}},
        {QStringLiteral("licenses"), QJsonObject{{QStringLiteral("unit"), QStringLiteral("core licences")},
                                                 {QStringLiteral("before"), licences(licencesBefore)},
                                                 {QStringLiteral("after"), licences(licencesAfter)}}},
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
