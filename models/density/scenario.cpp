#include "scenario.h"

#include "../domain/jsonfieldreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cmath>
#include <optional>

namespace landfall {

namespace {

const QList<std::pair<QString, Scenario::Platform>> kPlatforms = {
    {QStringLiteral("kubernetes"), Scenario::Platform::Kubernetes},
    {QStringLiteral("container-host"), Scenario::Platform::ContainerHost}};
const QList<std::pair<QString, Scenario::SizingBasis>> kBases = {
    {QStringLiteral("provisioned"), Scenario::SizingBasis::Provisioned},
    {QStringLiteral("performance"), Scenario::SizingBasis::Performance}};
const QList<std::pair<QString, Scenario::ReservedModel>> kReserved = {
    {QStringLiteral("aks"), Scenario::ReservedModel::Aks},
    {QStringLiteral("aks-legacy"), Scenario::ReservedModel::AksLegacy},
    {QStringLiteral("gke"), Scenario::ReservedModel::Gke},
    {QStringLiteral("none"), Scenario::ReservedModel::None}};
const QList<std::pair<QString, Scenario::HypervisorOverhead>> kOverheads = {
    {QStringLiteral("kvm"), Scenario::HypervisorOverhead::Kvm},
    {QStringLiteral("vmware"), Scenario::HypervisorOverhead::Vmware},
    {QStringLiteral("none"), Scenario::HypervisorOverhead::None}};

const QList<std::pair<QString, Scenario::LicensingModel>> kLicensing = {
    {QStringLiteral("hybrid-benefit"), Scenario::LicensingModel::HybridBenefit},
    {QStringLiteral("included"), Scenario::LicensingModel::Included}};
const QList<std::pair<QString, bool>> kSpares = {{QStringLiteral("n+1"), true}, {QStringLiteral("none"), false}};

/** The list prices the project ships (resources/density/licence-prices.json), read once. */
const QJsonObject &defaultPrices()
{
    static const QJsonObject prices = [] {
        // Compiled in and checked by the tests: failing here is a build defect.
        QFile file(QStringLiteral(":/landfall/density/licence-prices.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the default licence prices are missing from the resources");
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return prices;
}

template <typename E> QString keyOf(const QList<std::pair<QString, E>> &table, E value)
{
    for (const auto &[name, e] : table)
        if (e == value)
            return name;
    return {};
}

// Bounds that catch typing mistakes (a node of 32000 vCPU) without limiting real hardware.
constexpr double kHuge = 1e6;

} // namespace

QString Scenario::platformKey(Platform platform)
{
    return keyOf(kPlatforms, platform);
}
QString Scenario::sizingBasisKey(SizingBasis basis)
{
    return keyOf(kBases, basis);
}
QString Scenario::reservedModelKey(ReservedModel model)
{
    return keyOf(kReserved, model);
}
QString Scenario::hypervisorOverheadKey(HypervisorOverhead overhead)
{
    return keyOf(kOverheads, overhead);
}

QString Scenario::licensingModelKey(LicensingModel model)
{
    return keyOf(kLicensing, model);
}

Scenario::Licensing::Licensing()
{
    const QJsonObject &prices = defaultPrices();
    standardPer16Cores = prices.value(QStringLiteral("standardPer16Cores")).toDouble();
    datacenterPer16Cores = prices.value(QStringLiteral("datacenterPer16Cores")).toDouble();
    currency = prices.value(QStringLiteral("currency")).toString();
    priceSource = prices.value(QStringLiteral("source")).toString() + QStringLiteral(", ") +
                  prices.value(QStringLiteral("date")).toString();
}

double Scenario::hostVcpuPerCore(int threadsPerCore) const
{
    return host.vcpuPerCore ? *host.vcpuPerCore : double(std::max(1, threadsPerCore)) * cpuOvercommit;
}

QStringList Scenario::asymmetries() const
{
    QStringList differences;
    const double nodeTarget = 100 - node.headroomPct;
    if (std::abs(nodeTarget - host.ceilingPct) > 1e-9)
        differences.append(
            QStringLiteral("target utilisation: nodes %1 %, hosts %2 %").arg(nodeTarget).arg(host.ceilingPct));
    if (node.nPlusOne != host.nPlusOne)
        differences.append(QStringLiteral("spares: nodes %1, hosts %2")
                               .arg(node.nPlusOne ? QStringLiteral("N+1") : QStringLiteral("none"),
                                    host.nPlusOne ? QStringLiteral("N+1") : QStringLiteral("none")));
    if (host.vcpuPerCore && std::abs(*host.vcpuPerCore - double(host.threadsPerCore) * cpuOvercommit) > 1e-9)
        differences.append(QStringLiteral("CPU overcommit: hosts %1 vCPU per physical core, nodes %2 per physical core "
                                          "(%3 per vCPU)")
                               .arg(*host.vcpuPerCore)
                               .arg(double(node.threadsPerCore) * cpuOvercommit)
                               .arg(cpuOvercommit));
    return differences;
}

Result<Scenario, ScenarioError> Scenario::fromJson(const QJsonObject &json)
{
    Scenario s;
    std::optional<ScenarioError> error;
    JsonFieldReader top(json, {}, error);
    if (json.contains(QStringLiteral("name"))) {
        s.name = json.value(QStringLiteral("name")).toString().trimmed();
        if (s.name.isEmpty())
            top.fail(QStringLiteral("name"), QStringLiteral("must be a non-empty string"));
    }
    top.choice(QStringLiteral("platform"), s.platform, kPlatforms);
    if (json.contains(QStringLiteral("windowsBuild"))) {
        s.windowsBuild = json.value(QStringLiteral("windowsBuild")).toString();
        static const QStringList builds = {QStringLiteral("10.0.14393"), QStringLiteral("10.0.17763"),
                                           QStringLiteral("10.0.20348"), QStringLiteral("10.0.26100")};
        if (!builds.contains(s.windowsBuild))
            top.fail(QStringLiteral("windowsBuild"), QStringLiteral("unknown value '%1'; expected %2")
                                                         .arg(s.windowsBuild, builds.join(QStringLiteral(", "))));
    }

    // The basis both sides share; a side's own key below is a deliberate asymmetry.
    top.number(QStringLiteral("cpuOvercommit"), s.cpuOvercommit, 0, 64, false);
    top.number(QStringLiteral("targetUtilisationPct"), s.targetUtilisationPct, 10, 100);
    top.choice(QStringLiteral("spares"), s.nPlusOne, kSpares);
    s.node.headroomPct = 100 - s.targetUtilisationPct;
    s.host.ceilingPct = s.targetUtilisationPct;
    s.node.nPlusOne = s.nPlusOne;
    s.host.nPlusOne = s.nPlusOne;

    JsonFieldReader sizing = top.child(QStringLiteral("sizing"));
    sizing.choice(QStringLiteral("basis"), s.sizing.basis, kBases);
    sizing.number(QStringLiteral("percentile"), s.sizing.percentile, 1, 100);
    sizing.number(QStringLiteral("comfortFactor"), s.sizing.comfortFactor, 0, 10, false);

    JsonFieldReader node = top.child(QStringLiteral("node"));
    node.integer(QStringLiteral("vcpu"), s.node.vcpu, 1, 4096);
    node.number(QStringLiteral("memoryGiB"), s.node.memoryGiB, 0, kHuge, false);
    node.number(QStringLiteral("diskGiB"), s.node.diskGiB, 0, kHuge);
    node.integer(QStringLiteral("maxPods"), s.node.maxPods, 1, 1000);
    node.choice(QStringLiteral("reserved"), s.node.reserved, kReserved);
    node.number(QStringLiteral("headroomPct"), s.node.headroomPct, 0, 90);
    node.boolean(QStringLiteral("nPlusOne"), s.node.nPlusOne);
    node.integer(QStringLiteral("linuxSystemPoolNodes"), s.node.linuxSystemPoolNodes, 0, 100);
    node.integer(QStringLiteral("threadsPerCore"), s.node.threadsPerCore, 1, 8);

    JsonFieldReader gpu = top.child(QStringLiteral("gpuNode"));
    gpu.integer(QStringLiteral("vcpu"), s.gpuNode.vcpu, 1, 4096);
    gpu.number(QStringLiteral("memoryGiB"), s.gpuNode.memoryGiB, 0, kHuge, false);
    gpu.integer(QStringLiteral("threadsPerCore"), s.gpuNode.threadsPerCore, 1, 8);

    JsonFieldReader host = top.child(QStringLiteral("host"));
    host.integer(QStringLiteral("cores"), s.host.cores, 1, 4096);
    host.integer(QStringLiteral("sockets"), s.host.sockets, 1, 64);
    host.number(QStringLiteral("memoryGiB"), s.host.memoryGiB, 0, kHuge, false);
    host.integer(QStringLiteral("threadsPerCore"), s.host.threadsPerCore, 1, 8);
    if (host.has(QStringLiteral("vcpuPerCore"))) {
        double vcpuPerCore = 4;
        host.number(QStringLiteral("vcpuPerCore"), vcpuPerCore, 0, 64, false);
        s.host.vcpuPerCore = vcpuPerCore;
    }
    host.number(QStringLiteral("reserveGiB"), s.host.reserveGiB, 0, kHuge);
    host.choice(QStringLiteral("hypervisorOverhead"), s.host.hypervisorOverhead, kOverheads);
    host.boolean(QStringLiteral("nPlusOne"), s.host.nPlusOne);
    host.number(QStringLiteral("ceilingPct"), s.host.ceilingPct, 0, 100, false);
    if (!error && s.host.reserveGiB >= s.host.memoryGiB)
        host.fail(QStringLiteral("reserveGiB"), QStringLiteral("must be less than host.memoryGiB"));

    JsonFieldReader licensing = top.child(QStringLiteral("licensing"));
    licensing.choice(QStringLiteral("model"), s.licensing.model, kLicensing);
    licensing.number(QStringLiteral("standardPer16Cores"), s.licensing.standardPer16Cores, 0, kHuge);
    licensing.number(QStringLiteral("datacenterPer16Cores"), s.licensing.datacenterPer16Cores, 0, kHuge);
    licensing.trimmedText(QStringLiteral("currency"), s.licensing.currency);
    licensing.trimmedText(QStringLiteral("priceSource"), s.licensing.priceSource);
    // Prices of the consultant's own without a source would pass for list prices.
    if (!error &&
        (licensing.has(QStringLiteral("standardPer16Cores")) ||
         licensing.has(QStringLiteral("datacenterPer16Cores"))) &&
        !licensing.has(QStringLiteral("priceSource")))
        licensing.fail(QStringLiteral("priceSource"),
                       QStringLiteral("must say where prices set in the scenario come from"));

    JsonFieldReader overheads = top.child(QStringLiteral("overheads"));
    overheads.boolean(QStringLiteral("guestOsBaseline"), s.overheads.guestOsBaseline);
    overheads.boolean(QStringLiteral("containerOverhead"), s.overheads.containerOverhead);
    overheads.number(QStringLiteral("memoryFloorMiB"), s.overheads.memoryFloorMiB, 0, kHuge);
    overheads.number(QStringLiteral("writableLayerFloorGiB"), s.overheads.writableLayerFloorGiB, 0, kHuge);
    overheads.boolean(QStringLiteral("persistentVolumes"), s.overheads.persistentVolumes);
    overheads.number(QStringLiteral("ephemeralCapGiB"), s.overheads.ephemeralCapGiB, 0, kHuge);

    JsonFieldReader packing = top.child(QStringLiteral("packing"));
    packing.number(QStringLiteral("effortMs"), s.packing.effortMs, 0, 600000);
    packing.integer(QStringLiteral("exactMaxItems"), s.packing.exactMaxItems, 0, 200);
    packing.boolean(QStringLiteral("mixNodeSizes"), s.packing.mixNodeSizes);

    if (json.contains(QStringLiteral("nodeSizes"))) {
        const QJsonValue sizes = json.value(QStringLiteral("nodeSizes"));
        if (!sizes.isArray()) {
            top.fail(QStringLiteral("nodeSizes"), QStringLiteral("must be an array of {vcpu, memoryGiB}"));
        } else {
            s.nodeSizes.clear();
            const QJsonArray array = sizes.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                NodeSize size;
                JsonFieldReader entry(array.at(i).toObject(), QStringLiteral("nodeSizes[%1]").arg(i), error);
                if (!array.at(i).isObject())
                    top.fail(QStringLiteral("nodeSizes[%1]").arg(i), QStringLiteral("must be an object"));
                entry.integer(QStringLiteral("vcpu"), size.vcpu, 1, 4096);
                entry.number(QStringLiteral("memoryGiB"), size.memoryGiB, 0, kHuge, false);
                entry.number(QStringLiteral("hourly"), size.hourly, 0, kHuge);
                entry.number(QStringLiteral("windowsHourly"), size.windowsHourly, 0, kHuge);
                s.nodeSizes.append(size);
            }
        }
    }

    if (error)
        return *error;
    return s;
}

QJsonObject Scenario::toJson() const
{
    QJsonArray sizes;
    for (const NodeSize &size : nodeSizes) {
        QJsonObject entry{{QStringLiteral("vcpu"), size.vcpu}, {QStringLiteral("memoryGiB"), size.memoryGiB}};
        if (size.hourly > 0)
            entry.insert(QStringLiteral("hourly"), size.hourly);
        if (size.windowsHourly > 0)
            entry.insert(QStringLiteral("windowsHourly"), size.windowsHourly);
        sizes.append(entry);
    }
    QJsonObject hostJson{{QStringLiteral("cores"), host.cores},
                         {QStringLiteral("sockets"), host.sockets},
                         {QStringLiteral("memoryGiB"), host.memoryGiB},
                         {QStringLiteral("threadsPerCore"), host.threadsPerCore},
                         {QStringLiteral("reserveGiB"), host.reserveGiB},
                         {QStringLiteral("hypervisorOverhead"), hypervisorOverheadKey(host.hypervisorOverhead)},
                         {QStringLiteral("nPlusOne"), host.nPlusOne},
                         {QStringLiteral("ceilingPct"), host.ceilingPct}};
    if (host.vcpuPerCore) // only a deliberate asymmetry is written, so a round trip keeps the basis shared
        hostJson.insert(QStringLiteral("vcpuPerCore"), *host.vcpuPerCore);
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("platform"), platformKey(platform)},
        {QStringLiteral("windowsBuild"), windowsBuild},
        {QStringLiteral("cpuOvercommit"), cpuOvercommit},
        {QStringLiteral("targetUtilisationPct"), targetUtilisationPct},
        {QStringLiteral("spares"), keyOf(kSpares, nPlusOne)},
        {QStringLiteral("sizing"), QJsonObject{{QStringLiteral("basis"), sizingBasisKey(sizing.basis)},
                                               {QStringLiteral("percentile"), sizing.percentile},
                                               {QStringLiteral("comfortFactor"), sizing.comfortFactor}}},
        {QStringLiteral("node"), QJsonObject{{QStringLiteral("vcpu"), node.vcpu},
                                             {QStringLiteral("memoryGiB"), node.memoryGiB},
                                             {QStringLiteral("diskGiB"), node.diskGiB},
                                             {QStringLiteral("maxPods"), node.maxPods},
                                             {QStringLiteral("reserved"), reservedModelKey(node.reserved)},
                                             {QStringLiteral("headroomPct"), node.headroomPct},
                                             {QStringLiteral("nPlusOne"), node.nPlusOne},
                                             {QStringLiteral("linuxSystemPoolNodes"), node.linuxSystemPoolNodes},
                                             {QStringLiteral("threadsPerCore"), node.threadsPerCore}}},
        {QStringLiteral("gpuNode"), QJsonObject{{QStringLiteral("vcpu"), gpuNode.vcpu},
                                                {QStringLiteral("memoryGiB"), gpuNode.memoryGiB},
                                                {QStringLiteral("threadsPerCore"), gpuNode.threadsPerCore}}},
        {QStringLiteral("host"), hostJson},
        {QStringLiteral("licensing"),
         QJsonObject{{QStringLiteral("model"), licensingModelKey(licensing.model)},
                     {QStringLiteral("standardPer16Cores"), licensing.standardPer16Cores},
                     {QStringLiteral("datacenterPer16Cores"), licensing.datacenterPer16Cores},
                     {QStringLiteral("currency"), licensing.currency},
                     {QStringLiteral("priceSource"), licensing.priceSource}}},
        {QStringLiteral("overheads"),
         QJsonObject{{QStringLiteral("guestOsBaseline"), overheads.guestOsBaseline},
                     {QStringLiteral("containerOverhead"), overheads.containerOverhead},
                     {QStringLiteral("memoryFloorMiB"), overheads.memoryFloorMiB},
                     {QStringLiteral("writableLayerFloorGiB"), overheads.writableLayerFloorGiB},
                     {QStringLiteral("persistentVolumes"), overheads.persistentVolumes},
                     {QStringLiteral("ephemeralCapGiB"), overheads.ephemeralCapGiB}}},
        {QStringLiteral("packing"), QJsonObject{{QStringLiteral("effortMs"), packing.effortMs},
                                                {QStringLiteral("exactMaxItems"), packing.exactMaxItems},
                                                {QStringLiteral("mixNodeSizes"), packing.mixNodeSizes}}},
        {QStringLiteral("nodeSizes"), sizes},
    };
}

Scenario Scenario::purePacking()
{
    Scenario s;
    s.name = QStringLiteral("pure-packing");
    s.sizing.basis = SizingBasis::Provisioned;
    s.node.reserved = ReservedModel::None;
    s.node.headroomPct = 0;
    s.node.nPlusOne = false;
    s.node.linuxSystemPoolNodes = 0;
    s.node.diskGiB = 0;
    s.overheads.guestOsBaseline = false;
    s.overheads.containerOverhead = false;
    s.cpuOvercommit = 1;
    return s;
}

} // namespace landfall
