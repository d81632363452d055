#include "scenarioglossary.h"

#include <QHash>
#include <QStringList>

namespace landfall {

QString ScenarioGlossary::words(const QString &key)
{
    static const QHash<QString, QString> glossary{
        {QStringLiteral("platform"), QStringLiteral("Target platform")},
        {QStringLiteral("node.vcpu"), QStringLiteral("vCPU of a node")},
        {QStringLiteral("node.memoryGiB"), QStringLiteral("Memory of a node (GiB)")},
        {QStringLiteral("node.diskGiB"), QStringLiteral("Disk of a node (GiB)")},
        {QStringLiteral("node.maxPods"), QStringLiteral("Most pods on a node")},
        {QStringLiteral("node.sku"), QStringLiteral("Cloud size of a node")},
        {QStringLiteral("nodeSizes"), QStringLiteral("Node sizes compared")},
        {QStringLiteral("gpuNode.vcpu"), QStringLiteral("vCPU of a GPU node")},
        {QStringLiteral("gpuNode.memoryGiB"), QStringLiteral("Memory of a GPU node (GiB)")},
        {QStringLiteral("host.sockets"), QStringLiteral("Sockets of a VM host")},
        {QStringLiteral("host.cores"), QStringLiteral("Cores per socket of a VM host")},
        {QStringLiteral("host.threadsPerCore"), QStringLiteral("Threads per core of a VM host")},
        {QStringLiteral("host.memoryGiB"), QStringLiteral("Memory of a VM host (GiB)")},
        {QStringLiteral("host.vcpuPerCore"), QStringLiteral("vCPU per core on a VM host")},
        {QStringLiteral("basis.sizing"), QStringLiteral("How workloads are sized (measured use or as provisioned)")},
        {QStringLiteral("basis.percentile"), QStringLiteral("Percentile of measured use sized for")},
        {QStringLiteral("basis.cpuOvercommit"), QStringLiteral("CPU overcommit on both sides")},
        {QStringLiteral("basis.targetUtilisationPct"), QStringLiteral("Target utilisation of what is bought (%)")},
        {QStringLiteral("basis.spares"), QStringLiteral("Spare machines on both sides")},
        {QStringLiteral("basis.headroomPct"), QStringLiteral("Headroom kept free (%)")},
        {QStringLiteral("basis.comfortFactor"), QStringLiteral("Comfort factor on measured use")},
        {QStringLiteral("basis.ceilingPct"), QStringLiteral("Ceiling of use per machine (%)")},
        {QStringLiteral("packing.effortMs"), QStringLiteral("Time the packer may spend per pool (milliseconds)")},
        {QStringLiteral("packing.exactMaxItems"), QStringLiteral("Largest pool packed exactly (workloads)")},
        {QStringLiteral("overheads.writableLayerFloorGiB"), QStringLiteral("Least writable disk per container (GiB)")},
        {QStringLiteral("overheads.ephemeralCapGiB"), QStringLiteral("Most local disk per container (GiB)")},
        {QStringLiteral("overheads.memoryFloorMiB"), QStringLiteral("Least memory per container (MiB)")},
        {QStringLiteral("overheads.guestOsBaseline"), QStringLiteral("Guest operating system's own use, removed")},
        {QStringLiteral("overheads.containerOverhead"), QStringLiteral("Overhead per container")},
        {QStringLiteral("overheads.hypervisorOverhead"), QStringLiteral("Hypervisor overhead per VM host")},
        {QStringLiteral("overheads.reserveGiB"), QStringLiteral("Memory reserved per node (GiB)")},
        {QStringLiteral("overheads.linuxSystemPoolNodes"), QStringLiteral("Nodes of the Linux system pool")},
        {QStringLiteral("persistentVolumes"), QStringLiteral("Application data on network storage")},
        {QStringLiteral("licensing.model"), QStringLiteral("Windows licensing model")},
        {QStringLiteral("licensing.currency"), QStringLiteral("Currency of licence prices")},
        {QStringLiteral("licensing.priceSource"), QStringLiteral("Source of licence prices")},
        {QStringLiteral("licensing.date"), QStringLiteral("Date of licence prices")},
        {QStringLiteral("windowsBuild"), QStringLiteral("Windows build of the nodes")},
        {QStringLiteral("nPlusOne"), QStringLiteral("One spare node per pool")},
        {QStringLiteral("cpuOvercommit"), QStringLiteral("CPU overcommit on both sides")},
        {QStringLiteral("spares"), QStringLiteral("Spare machines on both sides")},
        {QStringLiteral("targetUtilisationPct"), QStringLiteral("Target utilisation of what is bought (%)")},
        {QStringLiteral("gpuNode.threadsPerCore"), QStringLiteral("Threads per core of a GPU node")},
        {QStringLiteral("host.ceilingPct"), QStringLiteral("Most of a VM host's capacity used (%)")},
        {QStringLiteral("host.hypervisorOverhead"),
         QStringLiteral("Hypervisor of the VM hosts (its overhead counted)")},
        {QStringLiteral("host.nPlusOne"), QStringLiteral("One spare VM host")},
        {QStringLiteral("host.reserveGiB"), QStringLiteral("Memory the hypervisor keeps per host (GiB)")},
        {QStringLiteral("licensing.datacenterPer16Cores"),
         QStringLiteral("Windows Server Datacenter, price per 16 cores")},
        {QStringLiteral("licensing.standardPer16Cores"), QStringLiteral("Windows Server Standard, price per 16 cores")},
        {QStringLiteral("node.headroomPct"), QStringLiteral("Headroom kept free on a node (%)")},
        {QStringLiteral("node.linuxSystemPoolNodes"), QStringLiteral("Nodes of the Linux system pool")},
        {QStringLiteral("node.nPlusOne"), QStringLiteral("One spare node per pool")},
        {QStringLiteral("node.reserved"), QStringLiteral("What the platform reserves on a node")},
        {QStringLiteral("node.threadsPerCore"), QStringLiteral("Threads per core of a node")},
        {QStringLiteral("overheads.persistentVolumes"), QStringLiteral("Application data on network storage")},
        {QStringLiteral("sizing.basis"), QStringLiteral("How workloads are sized")},
        {QStringLiteral("sizing.comfortFactor"), QStringLiteral("Margin on measured use (factor)")},
        {QStringLiteral("sizing.percentile"), QStringLiteral("Percentile of measured use sized for")},
    };
    const auto it = glossary.constFind(key);
    if (it != glossary.cend())
        return *it;
    // A parameter added after this list was written: its parts in words, outermost last
    // ("overheads.kubeReservedMiB" -> "kube reserved (MiB), overheads").
    QStringList parts = key.split(u'.', Qt::SkipEmptyParts);
    QStringList shown;
    for (auto part = parts.crbegin(); part != parts.crend(); ++part)
        shown.append(fromCamelCase(*part));
    QString text = shown.join(QStringLiteral(", "));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString ScenarioGlossary::value(const QString &text)
{
    static const QHash<QString, QString> values{
        {QStringLiteral("hybrid-benefit"), QStringLiteral("Azure Hybrid Benefit")},
        {QStringLiteral("included"), QStringLiteral("licence included in the price")},
        {QStringLiteral("performance"), QStringLiteral("by measured use")},
        {QStringLiteral("provisioned"), QStringLiteral("as provisioned")},
        {QStringLiteral("kubernetes"), QStringLiteral("Kubernetes")},
        {QStringLiteral("aks"), QStringLiteral("AKS reservations")},
        {QStringLiteral("gke"), QStringLiteral("GKE reservations")},
        {QStringLiteral("kvm"), QStringLiteral("KVM")},
        {QStringLiteral("vmware"), QStringLiteral("VMware ESXi")},
        {QStringLiteral("n+1"), QStringLiteral("one per pool (N+1)")},
        {QStringLiteral("none"), QStringLiteral("none")},
    };
    return values.value(text, text);
}

QString ScenarioGlossary::fromCamelCase(const QString &part)
{
    static const QStringList units{QStringLiteral("GiB"), QStringLiteral("MiB"), QStringLiteral("TiB"),
                                   QStringLiteral("Pct"), QStringLiteral("Ms")};
    QString base = part;
    QString unit;
    for (const QString &u : units) {
        if (base.endsWith(u) && base.size() > u.size()) {
            base.chop(u.size());
            unit = u == QLatin1String("Pct")  ? QStringLiteral("%")
                   : u == QLatin1String("Ms") ? QStringLiteral("ms")
                                              : u;
            break;
        }
    }
    QString out;
    for (qsizetype i = 0; i < base.size(); ++i) {
        const QChar c = base.at(i);
        if (c.isUpper() && i > 0 && !base.at(i - 1).isUpper())
            out += u' ';
        out += (c.isUpper() && (i + 1 >= base.size() || !base.at(i + 1).isUpper())) ? c.toLower() : c;
    }
    return unit.isEmpty() ? out : out + QStringLiteral(" (") + unit + u')';
}

} // namespace landfall
