#include "nodeallocatable.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace landfall {

namespace {

// AKS' CPU reservation per core count; between two rows we interpolate, above 64 cores it grows
// by 10m per core as it does from 8 cores up.
constexpr std::pair<int, double> kAksCpu[] = {{1, 60}, {2, 100}, {4, 140}, {8, 180}, {16, 260}, {32, 420}, {64, 740}};

} // namespace

double NodeAllocatable::cpuReservedMilli(Scenario::ReservedModel model, int vcpu)
{
    using M = Scenario::ReservedModel;
    if (model == M::None)
        return 0;
    if (model == M::Gke) {
        // 6 % of the first core, 1 % of the second, 0.5 % of the next two, 0.25 % of the rest.
        const double cores = vcpu;
        return 1000 * (0.06 * std::min(cores, 1.0) + 0.01 * std::clamp(cores - 1, 0.0, 1.0) +
                       0.005 * std::clamp(cores - 2, 0.0, 2.0) + 0.0025 * std::max(cores - 4, 0.0));
    }
    if (vcpu <= 1)
        return kAksCpu[0].second;
    for (size_t i = 1; i < std::size(kAksCpu); ++i) {
        const auto [cores, milli] = kAksCpu[i];
        if (vcpu <= cores) {
            const auto [lowCores, lowMilli] = kAksCpu[i - 1];
            return lowMilli + (milli - lowMilli) * double(vcpu - lowCores) / double(cores - lowCores);
        }
    }
    return 740 + 10.0 * (vcpu - 64);
}

double NodeAllocatable::regressiveTiersMiB(double memoryMiB)
{
    constexpr std::pair<double, double> tiers[] = {{4096, 0.25}, {4096, 0.20}, {8192, 0.10}, {114688, 0.06}};
    double left = memoryMiB;
    double reserved = 0;
    for (const auto &[size, share] : tiers) {
        const double part = std::min(left, size);
        reserved += part * share;
        left -= part;
    }
    return reserved + std::max(left, 0.0) * 0.02;
}

double NodeAllocatable::memoryReservedMiB(Scenario::ReservedModel model, double memoryMiB, int maxPods)
{
    using M = Scenario::ReservedModel;
    switch (model) {
    case M::Aks:
        return std::min(20.0 * maxPods + 50.0, 0.25 * memoryMiB);
    case M::AksLegacy:
        return regressiveTiersMiB(memoryMiB);
    case M::Gke:
        return memoryMiB < 1024 ? 255.0 : regressiveTiersMiB(memoryMiB);
    case M::None:
        break;
    }
    return 0;
}

double NodeAllocatable::evictionMiB(Scenario::ReservedModel model)
{
    using M = Scenario::ReservedModel;
    switch (model) {
    case M::Aks:
    case M::Gke:
        return 100;
    case M::AksLegacy:
        return 750;
    case M::None:
        break;
    }
    return 0;
}

double NodeAllocatable::windowsExtraMiB(Scenario::ReservedModel model)
{
    using M = Scenario::ReservedModel;
    return model == M::Aks || model == M::AksLegacy ? 2048 : 0;
}

Allocatable NodeAllocatable::compute(int vcpu, double memoryGiB, int maxPods, Scenario::ReservedModel model,
                                     bool windows)
{
    Allocatable a;
    const double memoryMiB = memoryGiB * 1024;
    a.cpuReservedMilli = qint64(std::ceil(cpuReservedMilli(model, vcpu) - 1e-9));
    a.memoryReservedMiB =
        memoryReservedMiB(model, memoryMiB, maxPods) + evictionMiB(model) + (windows ? windowsExtraMiB(model) : 0);
    a.cpuMilli = std::max<qint64>(0, qint64(vcpu) * 1000 - a.cpuReservedMilli);
    a.memoryMiB = std::max<qint64>(0, qint64(std::floor(memoryMiB - a.memoryReservedMiB + 1e-9)));
    return a;
}

} // namespace landfall
