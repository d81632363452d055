#pragma once

#include "domain/decision.h"
#include "domain/vm.h"

#include <QString>

#include <optional>

namespace landfall {

/** One VM the advisor sends to a container, reduced to what the density engine needs: plain
    data, so the engine is tested and benchmarked without a project, a store or the advisor. */
struct Workload {
    enum class Image { NanoServer, ServerCore, WindowsFull, Linux };

    qint64 vmId = 0;
    QString name;
    bool windows = false;
    bool serverCore = false; ///< the VM runs Server Core: a smaller guest OS baseline
    QString imageBuild;      ///< the Windows build the base image is tagged for; empty when not pinned
    QString baseImage;       ///< as the advisor chose it
    Image image = Image::Linux;
    Isolation isolation = Isolation::Process;
    int vcpu = 1;
    double memoryMiB = 1024;
    double diskGiB = 0; ///< what the VM uses on disk (provisioned when use is unknown)
    std::optional<double> cpuUtilPct;
    std::optional<double> memoryUtilPct;
    // What decides the pool (classification.md): the workshop's answers and the advisor's decision.
    bool untrusted = false; ///< `trust = untrusted`: a dedicated pool (Windows) or Kata (Linux)
    bool gpu = false;       ///< `gui = directx`: the GPU pool
    QString application;    ///< untrusted workloads of different applications never share a node
    QString host;           ///< the hypervisor host it runs on today (vInfo `Host`)
    QString vcenter;        ///< with `host`, the host's identity in vHost

    static Workload fromVm(const Vm &vm, const Decision &decision);
    /** Which image family a reference names: ".../nanoserver:ltsc2022" is NanoServer. */
    static Image imageOf(const QString &baseImage, bool windows);
    /** The build of an image tag ("ltsc2019" -> "10.0.17763"), empty when the tag names none. */
    static QString buildOfTag(const QString &baseImage);
};

} // namespace landfall
