#pragma once

#include "scenario.h"
#include "workload.h"

#include <QString>

namespace landfall {

/** The node pool one workload belongs to, or why it has none. */
struct PoolAssignment {
    QString name;    ///< "linux", "linux-kata", "windows-10.0.26100", "windows-10.0.26100-untrusted", ...
    QString os;      ///< "linux" or "windows"
    QString build;   ///< the Windows nodes' build; empty for Linux
    QString purpose; ///< general, untrusted, gpu, kata or pinned-build (the pool label landfall.io/pool)
    bool windows = false;
    bool gpu = false;                  ///< nodes of the scenario's GPU size
    bool separateApplications = false; ///< untrusted: two applications never share a node
    QString notSchedulable;            ///< non-empty: no pool can take it, and why
};

/** Sends each workload to the pool the advice asks for (classification.md, density.md): one per OS
    and Windows build, a dedicated pool per build for untrusted Windows, a GPU pool for DirectX,
    Kata for untrusted Linux, a pool of its own for an image pinned to an older build on a
    container host. The manifests select these pools by the label `landfall.io/pool=<purpose>`. */
class PoolPlanner {
public:
    static PoolAssignment assign(const Workload &workload, const Scenario &scenario);
    /** The oldest Windows build AKS runs node pools of: 2022 (2019 pools end with Kubernetes 1.33). */
    static QString oldestKubernetesBuild() { return QStringLiteral("10.0.20348"); }
};

} // namespace landfall
