#pragma once

#include "scenarioerror.h"

#include "domain/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace landfall {

/** One what-if of the density engine: every parameter of density.md with its default, so a
    consultant changes only what differs from the documented defaults. Stored as JSON. */
struct Scenario {
    enum class Platform { Kubernetes, ContainerHost };
    enum class SizingBasis { Provisioned, Performance };
    enum class ReservedModel { Aks, AksLegacy, Gke, None };
    enum class HypervisorOverhead { Kvm, Vmware, None };

    /** A Kubernetes node (or container host) size on offer. */
    struct NodeSize {
        int vcpu = 8;
        double memoryGiB = 32;
        friend bool operator==(const NodeSize &, const NodeSize &) = default;
    };

    QString name = QStringLiteral("default");
    Platform platform = Platform::Kubernetes;
    QString windowsBuild = QStringLiteral("10.0.20348"); ///< the Windows nodes' build

    struct Sizing {
        SizingBasis basis = SizingBasis::Performance;
        double percentile = 95; ///< the utilisation percentile the inventory gives (Landfall keeps the 95th)
        double comfortFactor = 1.3;
    } sizing;

    struct Node {
        int vcpu = 8;
        double memoryGiB = 32;
        double diskGiB = 128; ///< 0: disk is not packed
        int maxPods = 30;     ///< AKS with Azure CNI; 110 upstream, 250 for CNI overlay
        ReservedModel reserved = ReservedModel::Aks;
        double headroomPct = 20;
        bool nPlusOne = true;
        int linuxSystemPoolNodes = 2;
    } node;

    struct Host {
        int cores = 32;
        int sockets = 2; ///< licences count at least 8 cores per processor
        double memoryGiB = 512;
        double vcpuPerCore = 4; ///< Azure VMware Solution's default overcommit
        double reserveGiB = 8;
        HypervisorOverhead hypervisorOverhead = HypervisorOverhead::Kvm;
        bool nPlusOne = true;
        double ceilingPct = 80; ///< the usable share of a host when nPlusOne is off
    } host;

    struct Overheads {
        bool guestOsBaseline = true;
        bool containerOverhead = true;
        double memoryFloorMiB = 128;      ///< a container never asks for less memory than this
        double writableLayerFloorGiB = 1; ///< nor for less writable disk than this
        /** Application data beyond the guest OS moves to persistent volumes (network storage),
            as stateful workloads on Kubernetes do; the node then keeps only the container's
            writable layer, at most ephemeralCapGiB. Off: all of the VM's data stays on the node. */
        bool persistentVolumes = true;
        double ephemeralCapGiB = 20;
    } overheads;

    struct Packing {
        double effortMs = 300; ///< local search budget, converted to deterministic work units
        int exactMaxItems = 40;
    } packing;

    QList<NodeSize> nodeSizes{{4, 16}, {8, 32}, {16, 64}};

    /** Reads a scenario; a missing key takes its default, a bad value is refused naming its key. */
    static Result<Scenario, ScenarioError> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    /** The pure packing problem of issue 5: demand = the VM's vCPU and memory, capacity = node size. */
    static Scenario purePacking();

    static QString platformKey(Platform platform);
    static QString sizingBasisKey(SizingBasis basis);
    static QString reservedModelKey(ReservedModel model);
    static QString hypervisorOverheadKey(HypervisorOverhead overhead);
};

} // namespace landfall
