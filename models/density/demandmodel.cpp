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

double DemandModel::containerOverheadMiB(const Workload &w)
{
    const bool hyperV = w.isolation == Isolation::HyperV;
    switch (w.image) {
    case Workload::Image::NanoServer:
        return hyperV ? 130 : 40;
    case Workload::Image::ServerCore:
    case Workload::Image::WindowsFull: // Microsoft lists no figure for it; Server Core's is the closest
        return hyperV ? 360 : 50;
    case Workload::Image::Linux:
        break;
    }
    return w.isolation == Isolation::Kata ? 120 : 10;
}

double DemandModel::containerOverheadCpuMilli(const Workload &w)
{
    return w.image == Workload::Image::Linux && w.isolation == Isolation::Kata ? 250 : 0;
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

WorkloadDemand DemandModel::demand(const Workload &w) const
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
    double writableGiB = w.diskGiB;
    if (o.guestOsBaseline) {
        containerMemory = std::max(o.memoryFloorMiB, memoryMiB - guestBaselineMemoryMiB(w));
        writableGiB = std::max(o.writableLayerFloorGiB, w.diskGiB - guestBaselineDiskGiB(w));
    }
    if (o.persistentVolumes)
        writableGiB = std::min(writableGiB, std::max(o.writableLayerFloorGiB, o.ephemeralCapGiB));
    double cpuMilli = vcpu * 1000;
    if (o.containerOverhead) {
        containerMemory += containerOverheadMiB(w);
        cpuMilli += containerOverheadCpuMilli(w);
    }
    d.cpuMilli = std::max<qint64>(1, up(cpuMilli));
    d.memoryMiB = std::max<qint64>(1, up(containerMemory));
    d.writableDiskMiB = up(writableGiB * 1024);
    d.imageMiB = up(imageSizeMiB(w.image, w.imageBuild));
    return d;
}

} // namespace landfall
