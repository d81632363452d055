#include "demandmodel.h"

#include <algorithm>
#include <cmath>

namespace landfall {

namespace {

constexpr double kMiBPerGB = 1e9 / (1024.0 * 1024.0);

qint64 up(double value)
{
    return qint64(std::ceil(value - 1e-9));
}

} // namespace

double DemandModel::guestBaselineMemoryMiB(const Workload &w)
{
    if (!w.windows)
        return 512;
    return w.serverCore ? 1024 : 2048;
}

double DemandModel::guestBaselineDiskGiB(const Workload &w)
{
    if (!w.windows)
        return 4;
    return w.serverCore ? 10 : 15;
}

double DemandModel::containerOverheadMiB(const Workload &w, Isolation isolation)
{
    const bool hyperV = isolation == Isolation::HyperV;
    switch (w.image) {
    case Workload::Image::NanoServer:
        return hyperV ? 130 : 40;
    case Workload::Image::ServerCore:
    case Workload::Image::WindowsFull: // Microsoft lists no figure for it; Server Core's is the closest
        return hyperV ? 360 : 50;
    case Workload::Image::Linux:
        break;
    }
    // The Kata pod VM is sized to the memory limit, which the request equals (memory is never
    // overcommitted); the pod overhead comes on top of it.
    return isolation == Isolation::Kata ? kKataPodOverheadMiB : 10;
}

bool DemandModel::pinnedToOlderBuild(const Workload &w, const Scenario &scenario)
{
    return w.image != Workload::Image::Linux && !w.imageBuild.isEmpty() && w.imageBuild < scenario.windowsBuild;
}

Isolation DemandModel::isolationOf(const Workload &w, const Scenario &scenario)
{
    if (w.image == Workload::Image::Linux && !w.windows)
        return w.untrusted || w.isolation == Isolation::Kata ? Isolation::Kata : Isolation::Process;
    if (scenario.platform == Scenario::Platform::ContainerHost && (w.untrusted || pinnedToOlderBuild(w, scenario)))
        return Isolation::HyperV;
    if (scenario.platform == Scenario::Platform::Kubernetes)
        return Isolation::Process; // Kubernetes runs Windows containers with process isolation only
    return w.isolation == Isolation::None || w.isolation == Isolation::Kata ? Isolation::Process : w.isolation;
}

double DemandModel::imageSizeMiB(Workload::Image image, const QString &build)
{
    const bool current = build.isEmpty() || build >= QLatin1String("10.0.20348");
    switch (image) {
    case Workload::Image::NanoServer:
        return (current ? 0.297 : 0.1) * kMiBPerGB;
    case Workload::Image::ServerCore:
        return (current ? 3.5 : 1.49) * kMiBPerGB;
    case Workload::Image::WindowsFull:
        return (current ? 9.7 : 3.57) * kMiBPerGB;
    case Workload::Image::Linux:
        break;
    }
    return 0.2 * kMiBPerGB; // "tens to hundreds of MB"
}

WorkloadDemand DemandModel::demand(const Workload &w, Isolation isolation) const
{
    WorkloadDemand d;
    double vcpu = w.vcpu;
    double memoryMiB = w.memoryMiB;
    if (m_scenario.sizing.basis == Scenario::SizingBasis::Performance) {
        // Azure Migrate's performance-based sizing: utilisation percentile x comfort factor.
        const double comfort = m_scenario.sizing.comfortFactor;
        if (w.cpuUtilPct)
            vcpu = w.vcpu * *w.cpuUtilPct / 100.0 * comfort;
        if (w.memoryUtilPct)
            memoryMiB = w.memoryMiB * *w.memoryUtilPct / 100.0 * comfort;
        d.fellBackToProvisioned = !w.cpuUtilPct || !w.memoryUtilPct;
    }
    d.vmVcpu = std::max<qint64>(1, up(vcpu));
    d.vmMemoryMiB = up(memoryMiB);
    d.vmDiskMiB = up(w.diskGiB * 1024);

    const auto &o = m_scenario.overheads;
    double containerMemory = memoryMiB;
    double dataGiB = w.diskGiB; // what the container keeps of the VM's disk
    if (o.guestOsBaseline) {
        containerMemory = std::max(o.memoryFloorMiB, memoryMiB - guestBaselineMemoryMiB(w));
        dataGiB = std::max(0.0, w.diskGiB - guestBaselineDiskGiB(w));
    }
    double writableGiB = o.guestOsBaseline ? std::max(o.writableLayerFloorGiB, dataGiB) : dataGiB;
    if (o.persistentVolumes) {
        writableGiB = std::min(writableGiB, std::max(o.writableLayerFloorGiB, o.ephemeralCapGiB));
        d.persistentVolumeMiB = std::max<qint64>(0, up((dataGiB - writableGiB) * 1024));
    }
    if (o.containerOverhead)
        containerMemory += containerOverheadMiB(w, isolation);
    d.cpuLimitMilli = std::max<qint64>(1, up(vcpu * 1000));
    // Kubernetes overcommits CPU through requests below limits, as hosts do through vCPU per core.
    d.cpuMilli = std::max<qint64>(1, up(double(d.cpuLimitMilli) / m_scenario.cpuOvercommit));
    d.memoryMiB = std::max<qint64>(1, up(containerMemory));
    d.writableDiskMiB = up(writableGiB * 1024);
    d.imageMiB = up(imageSizeMiB(w.image, w.imageBuild));
    return d;
}

} // namespace landfall
