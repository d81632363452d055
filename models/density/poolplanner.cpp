#include "poolplanner.h"

#include "demandmodel.h"

namespace landfall {

namespace {

QString buildName(const QString &build)
{
    if (build == QLatin1String("10.0.14393"))
        return QStringLiteral("Windows Server 2016");
    if (build == QLatin1String("10.0.17763"))
        return QStringLiteral("Windows Server 2019");
    if (build == QLatin1String("10.0.20348"))
        return QStringLiteral("Windows Server 2022");
    if (build == QLatin1String("10.0.26100"))
        return QStringLiteral("Windows Server 2025");
    return build;
}

} // namespace

PoolAssignment PoolPlanner::assign(const Workload &w, const Scenario &s)
{
    PoolAssignment a;
    if (!w.windows) {
        a.os = QStringLiteral("linux");
        // Untrusted Linux runs in a Kata pod VM: an Azure Linux pool with the KataVmIsolation runtime.
        if (w.untrusted || w.isolation == Isolation::Kata) {
            a.name = QStringLiteral("linux-kata");
            a.purpose = QStringLiteral("kata");
        } else {
            a.name = QStringLiteral("linux");
            a.purpose = QStringLiteral("general");
        }
        return a;
    }
    a.os = QStringLiteral("windows");
    a.windows = true;
    const bool kubernetes = s.platform == Scenario::Platform::Kubernetes;
    // A Windows node runs only images of its own build: the pool's build is the scenario's, or a
    // newer image's own build (a pool of its own beside the others).
    QString build = s.windowsBuild;
    bool pinned = false;
    if (!w.imageBuild.isEmpty() && w.imageBuild != s.windowsBuild) {
        if (w.imageBuild > s.windowsBuild) {
            build = w.imageBuild;
        } else if (kubernetes && w.imageBuild >= oldestKubernetesBuild()) {
            build = w.imageBuild; // AKS still runs node pools of that build
        } else if (kubernetes) {
            a.notSchedulable =
                QStringLiteral("the image is pinned to %1 (%2): Kubernetes runs Windows containers with process "
                               "isolation only, on nodes of %3 or later; rebuild it on the %4 image, or move it to a "
                               "container host")
                    .arg(buildName(w.imageBuild), w.imageBuild, buildName(oldestKubernetesBuild()),
                         buildName(s.windowsBuild));
            return a;
        } else {
            pinned = true; // a container host runs it under Hyper-V isolation
        }
    }
    a.build = build;
    a.name = QStringLiteral("windows-") + build;
    a.purpose = QStringLiteral("general");
    if (pinned) {
        a.name += QStringLiteral("-pinned-") + w.imageBuild;
        a.purpose = QStringLiteral("pinned-build");
    }
    if (w.untrusted) {
        a.name += QStringLiteral("-untrusted");
        a.purpose = QStringLiteral("untrusted");
        a.separateApplications = true;
    }
    if (w.gpu) {
        a.name += QStringLiteral("-gpu");
        a.purpose = QStringLiteral("gpu");
        a.gpu = true;
    }
    return a;
}

} // namespace landfall
