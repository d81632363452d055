#include "scenario.h"

#include <QJsonArray>
#include <QStringList>

#include <optional>

namespace landfall {

namespace {

/** Reads one JSON object of a scenario, remembering the first bad key. */
class Reader {
public:
    Reader(const QJsonObject &object, QString prefix)
        : m_object(object)
        , m_prefix(std::move(prefix))
    {}

    std::optional<ScenarioError> error;

    QString path(const QString &key) const { return m_prefix.isEmpty() ? key : m_prefix + u'.' + key; }

    void fail(const QString &key, const QString &message)
    {
        if (!error)
            error = ScenarioError{path(key), message};
    }

    /** A number in [minimum, maximum]; `minimumIncluded` false for sizes that must be positive. */
    void number(const QString &key, double &target, double minimum, double maximum, bool minimumIncluded = true)
    {
        if (!m_object.contains(key))
            return;
        const QJsonValue value = m_object.value(key);
        if (!value.isDouble()) {
            fail(key, QStringLiteral("must be a number"));
            return;
        }
        const double v = value.toDouble();
        if (v < 0 && minimum >= 0) {
            fail(key, QStringLiteral("must not be negative (got %1)").arg(v));
            return;
        }
        if (v < minimum || (!minimumIncluded && v <= minimum) || v > maximum) {
            fail(key, QStringLiteral("must be %1 %2 and at most %3 (got %4)")
                          .arg(minimumIncluded ? QStringLiteral("at least") : QStringLiteral("more than"))
                          .arg(minimum)
                          .arg(maximum)
                          .arg(v));
            return;
        }
        target = v;
    }

    void integer(const QString &key, int &target, int minimum, int maximum)
    {
        double v = target;
        number(key, v, minimum, maximum);
        if (m_object.contains(key) && !error && v != double(qint64(v)))
            fail(key, QStringLiteral("must be a whole number (got %1)").arg(v));
        target = int(v);
    }

    void boolean(const QString &key, bool &target)
    {
        if (!m_object.contains(key))
            return;
        if (!m_object.value(key).isBool()) {
            fail(key, QStringLiteral("must be true or false"));
            return;
        }
        target = m_object.value(key).toBool();
    }

    template <typename E> void choice(const QString &key, E &target, const QList<std::pair<QString, E>> &allowed)
    {
        if (!m_object.contains(key))
            return;
        const QString value = m_object.value(key).toString();
        QStringList names;
        for (const auto &[name, e] : allowed) {
            if (name == value) {
                target = e;
                return;
            }
            names.append(name);
        }
        fail(key, QStringLiteral("unknown value '%1'; expected %2").arg(value, names.join(QStringLiteral(", "))));
    }

    Reader child(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isUndefined() && !value.isObject())
            fail(key, QStringLiteral("must be an object"));
        return Reader(value.toObject(), path(key));
    }

private:
    QJsonObject m_object;
    QString m_prefix;
};

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

Result<Scenario, ScenarioError> Scenario::fromJson(const QJsonObject &json)
{
    Scenario s;
    Reader top(json, {});
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

    Reader sizing = top.child(QStringLiteral("sizing"));
    sizing.choice(QStringLiteral("basis"), s.sizing.basis, kBases);
    sizing.number(QStringLiteral("percentile"), s.sizing.percentile, 1, 100);
    sizing.number(QStringLiteral("comfortFactor"), s.sizing.comfortFactor, 0, 10, false);

    Reader node = top.child(QStringLiteral("node"));
    node.integer(QStringLiteral("vcpu"), s.node.vcpu, 1, 4096);
    node.number(QStringLiteral("memoryGiB"), s.node.memoryGiB, 0, kHuge, false);
    node.number(QStringLiteral("diskGiB"), s.node.diskGiB, 0, kHuge);
    node.integer(QStringLiteral("maxPods"), s.node.maxPods, 1, 1000);
    node.choice(QStringLiteral("reserved"), s.node.reserved, kReserved);
    node.number(QStringLiteral("headroomPct"), s.node.headroomPct, 0, 90);
    node.boolean(QStringLiteral("nPlusOne"), s.node.nPlusOne);
    node.integer(QStringLiteral("linuxSystemPoolNodes"), s.node.linuxSystemPoolNodes, 0, 100);

    Reader host = top.child(QStringLiteral("host"));
    host.integer(QStringLiteral("cores"), s.host.cores, 1, 4096);
    host.integer(QStringLiteral("sockets"), s.host.sockets, 1, 64);
    host.number(QStringLiteral("memoryGiB"), s.host.memoryGiB, 0, kHuge, false);
    host.number(QStringLiteral("vcpuPerCore"), s.host.vcpuPerCore, 0, 64, false);
    host.number(QStringLiteral("reserveGiB"), s.host.reserveGiB, 0, kHuge);
    host.choice(QStringLiteral("hypervisorOverhead"), s.host.hypervisorOverhead, kOverheads);
    host.boolean(QStringLiteral("nPlusOne"), s.host.nPlusOne);
    host.number(QStringLiteral("ceilingPct"), s.host.ceilingPct, 0, 100, false);
    if (!top.error && !host.error && s.host.reserveGiB >= s.host.memoryGiB)
        host.fail(QStringLiteral("reserveGiB"), QStringLiteral("must be less than host.memoryGiB"));

    Reader overheads = top.child(QStringLiteral("overheads"));
    overheads.boolean(QStringLiteral("guestOsBaseline"), s.overheads.guestOsBaseline);
    overheads.boolean(QStringLiteral("containerOverhead"), s.overheads.containerOverhead);
    overheads.number(QStringLiteral("memoryFloorMiB"), s.overheads.memoryFloorMiB, 0, kHuge);
    overheads.number(QStringLiteral("writableLayerFloorGiB"), s.overheads.writableLayerFloorGiB, 0, kHuge);
    overheads.boolean(QStringLiteral("persistentVolumes"), s.overheads.persistentVolumes);
    overheads.number(QStringLiteral("ephemeralCapGiB"), s.overheads.ephemeralCapGiB, 0, kHuge);

    Reader packing = top.child(QStringLiteral("packing"));
    packing.number(QStringLiteral("effortMs"), s.packing.effortMs, 0, 600000);
    packing.integer(QStringLiteral("exactMaxItems"), s.packing.exactMaxItems, 0, 200);

    if (json.contains(QStringLiteral("nodeSizes"))) {
        const QJsonValue sizes = json.value(QStringLiteral("nodeSizes"));
        if (!sizes.isArray()) {
            top.fail(QStringLiteral("nodeSizes"), QStringLiteral("must be an array of {vcpu, memoryGiB}"));
        } else {
            s.nodeSizes.clear();
            const QJsonArray array = sizes.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                NodeSize size;
                Reader entry(array.at(i).toObject(), QStringLiteral("nodeSizes[%1]").arg(i));
                if (!array.at(i).isObject())
                    top.fail(QStringLiteral("nodeSizes[%1]").arg(i), QStringLiteral("must be an object"));
                entry.integer(QStringLiteral("vcpu"), size.vcpu, 1, 4096);
                entry.number(QStringLiteral("memoryGiB"), size.memoryGiB, 0, kHuge, false);
                if (entry.error && !top.error)
                    top.error = entry.error;
                s.nodeSizes.append(size);
            }
        }
    }

    for (const Reader *reader : {&top, &sizing, &node, &host, &overheads, &packing})
        if (reader->error)
            return *reader->error;
    return s;
}

QJsonObject Scenario::toJson() const
{
    QJsonArray sizes;
    for (const NodeSize &size : nodeSizes)
        sizes.append(QJsonObject{{QStringLiteral("vcpu"), size.vcpu}, {QStringLiteral("memoryGiB"), size.memoryGiB}});
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("platform"), platformKey(platform)},
        {QStringLiteral("windowsBuild"), windowsBuild},
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
                                             {QStringLiteral("linuxSystemPoolNodes"), node.linuxSystemPoolNodes}}},
        {QStringLiteral("host"),
         QJsonObject{{QStringLiteral("cores"), host.cores},
                     {QStringLiteral("sockets"), host.sockets},
                     {QStringLiteral("memoryGiB"), host.memoryGiB},
                     {QStringLiteral("vcpuPerCore"), host.vcpuPerCore},
                     {QStringLiteral("reserveGiB"), host.reserveGiB},
                     {QStringLiteral("hypervisorOverhead"), hypervisorOverheadKey(host.hypervisorOverhead)},
                     {QStringLiteral("nPlusOne"), host.nPlusOne},
                     {QStringLiteral("ceilingPct"), host.ceilingPct}}},
        {QStringLiteral("overheads"),
         QJsonObject{{QStringLiteral("guestOsBaseline"), overheads.guestOsBaseline},
                     {QStringLiteral("containerOverhead"), overheads.containerOverhead},
                     {QStringLiteral("memoryFloorMiB"), overheads.memoryFloorMiB},
                     {QStringLiteral("writableLayerFloorGiB"), overheads.writableLayerFloorGiB},
                     {QStringLiteral("persistentVolumes"), overheads.persistentVolumes},
                     {QStringLiteral("ephemeralCapGiB"), overheads.ephemeralCapGiB}}},
        {QStringLiteral("packing"), QJsonObject{{QStringLiteral("effortMs"), packing.effortMs},
                                                {QStringLiteral("exactMaxItems"), packing.exactMaxItems}}},
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
    return s;
}

} // namespace landfall
