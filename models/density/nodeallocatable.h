#pragma once

#include "scenario.h"

#include <QtGlobal>

namespace landfall {

/** What a Kubernetes node offers to pods after the kubelet's reservations. */
struct Allocatable {
    qint64 cpuMilli = 0;
    qint64 memoryMiB = 0;
    qint64 cpuReservedMilli = 0;
    double memoryReservedMiB = 0; ///< kube-reserved, eviction threshold and the Windows extra
};

/** The reservation models of AKS (1.29+ and legacy), GKE and none: a node's capacity is never
    what the pods get, and getting this wrong shifts every node count. */
class NodeAllocatable {
public:
    static Allocatable compute(int vcpu, double memoryGiB, int maxPods, Scenario::ReservedModel model, bool windows);
    static double cpuReservedMilli(Scenario::ReservedModel model, int vcpu);
    /** kube-reserved memory, without the eviction threshold. */
    static double memoryReservedMiB(Scenario::ReservedModel model, double memoryMiB, int maxPods);
    static double evictionMiB(Scenario::ReservedModel model);
    /** The extra reservation on Windows nodes (AKS keeps 2 GiB more for the OS). */
    static double windowsExtraMiB(Scenario::ReservedModel model);
    /** 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the next 112, 2 % above. */
    static double regressiveTiersMiB(double memoryMiB);
};

} // namespace landfall
