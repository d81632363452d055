#pragma once

#include "scenarioerror.h"

#include "domain/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace landfall {

/** One what-if of the density engine: every parameter of density.md with its default, so a
    consultant changes only what differs from the documented defaults. Stored as JSON. */
struct Scenario {
    enum class Platform { Kubernetes, ContainerHost };
    enum class SizingBasis { Provisioned, Performance };
    enum class ReservedModel { Aks, AksLegacy, Gke, None };
    enum class HypervisorOverhead { Kvm, Vmware, None };
    /** How the Windows Server licences of the nodes are paid for (density.md, Licences). */
    enum class LicensingModel { HybridBenefit, Included };

    /** A Kubernetes node (or container host) size on offer. */
    struct NodeSize {
        int vcpu = 8;
        double memoryGiB = 32;
        /** Per node and hour, Linux rate (also Windows under Hybrid Benefit); 0: not priced. When
            every size has a price, a pool's mix of sizes minimises cost, else node count. */
        double hourly = 0;
        double windowsHourly = 0; ///< licence included; 0: the Linux rate
        friend bool operator==(const NodeSize &, const NodeSize &) = default;
    };

    QString name = QStringLiteral("default");
    Platform platform = Platform::Kubernetes;
    /** The Windows nodes' build: Windows Server 2025, as AKS supports 2022 node pools only until 2028. */
    QString windowsBuild = QStringLiteral("10.0.26100");

    // The like-for-like basis (density.md): one value for both sides unless a side sets its own.
    /** vCPU of demand per vCPU (hardware thread) of capacity. On hosts: cores x threadsPerCore x this;
        on Kubernetes: a workload's CPU request is its demand divided by this, its limit the demand.
        2 per thread is Azure VMware Solution's 4 vCPU per physical core on hyper-threaded hosts. */
    double cpuOvercommit = 2;
    double targetUtilisationPct = 80; ///< sets node.headroomPct (100 - this) and host.ceilingPct
    bool nPlusOne = true;             ///< sets node.nPlusOne (a spare per pool) and host.nPlusOne

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
        int threadsPerCore = 2; ///< a cloud vCPU is a hyper-thread: a 32-vCPU node is 16 physical cores
    } node;

    /** The node size of the GPU pool for `gui = directx` workloads; the rest as `node`. */
    struct GpuNode {
        int vcpu = 12;          ///< Azure Standard_NV12ads_A10_v5: 12 vCPU, 110 GiB, a third of an NVIDIA A10
        double memoryGiB = 110; ///< (learn.microsoft.com, NVadsA10 v5 series)
        int threadsPerCore = 2;
    } gpuNode;

    struct Host {
        int cores = 32;
        int sockets = 2; ///< licences count at least 8 cores per processor
        double memoryGiB = 512;
        int threadsPerCore = 2; ///< hyper-threading on; real hosts use their own `HT Active`
        /** Set only for a deliberate asymmetry: vCPU per physical core on hosts instead of
            cores x threadsPerCore x cpuOvercommit. */
        std::optional<double> vcpuPerCore;
        double reserveGiB = 8;
        HypervisorOverhead hypervisorOverhead = HypervisorOverhead::Kvm;
        bool nPlusOne = true;
        double ceilingPct = 80; ///< the usable share of each host, with N+1 or without
    } host;

    /** Windows Server licences: how the nodes are licensed and the list prices of both sides. */
    struct Licensing {
        LicensingModel model = LicensingModel::HybridBenefit;
        double standardPer16Cores = 0; ///< defaults from resources/density/licence-prices.json
        double datacenterPer16Cores = 0;
        QString currency;
        QString priceSource;
        Licensing();
    } licensing;

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
        /** Each pool (but GPU pools and separated applications) may mix the sizes of `nodeSizes`:
            the result gives every pool the mix that costs least beside its single-size packing. */
        bool mixNodeSizes = false;
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
    static QString licensingModelKey(LicensingModel model);

    /** vCPU of demand a host takes per physical core, on this scenario's basis. */
    double hostVcpuPerCore(int threadsPerCore) const;
    /** Each deliberate difference between the VM side and the container side, in words. */
    QStringList asymmetries() const;
};

} // namespace landfall
