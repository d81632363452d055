#include "isolationpolicy.h"

namespace landfall {

namespace {

enum class BuildMatch { Equal, Older, Newer };

BuildMatch compare(const WindowsBuild &image, const WindowsBuild &host)
{
    if (image.withoutRevision() > host.withoutRevision())
        return BuildMatch::Newer;
    if (image.withoutRevision() < host.withoutRevision())
        return BuildMatch::Older;
    // On Windows Server 2016 process isolation needs the revision to match too.
    if (host.build() == 14393 && image.hasRevision() && host.hasRevision() && image.key() != host.key())
        return image.key() < host.key() ? BuildMatch::Older : BuildMatch::Newer;
    return BuildMatch::Equal;
}

} // namespace

IsolationVerdict IsolationPolicy::decide(TargetPlatform platform, const WindowsBuild &hostBuild,
                                         const std::optional<WindowsBuild> &imageBuild, bool untrusted)
{
    using O = IsolationVerdict::Outcome;
    using P = IsolationVerdict::Placement;
    const bool kubernetes = platform == TargetPlatform::Kubernetes;
    if (!imageBuild) {
        // Linux under runc shares the host kernel as Windows process isolation does.
        if (kubernetes)
            return {O::Runs, untrusted ? Isolation::Kata : Isolation::Process, P::LinuxPool};
        // Untrusted Linux workloads get Kata Containers on both platforms: Hyper-V isolation is for
        // Windows images (classification.md).
        return {O::Runs, untrusted ? Isolation::Kata : Isolation::Process, P::LinuxHost};
    }
    const BuildMatch match = compare(*imageBuild, hostBuild);
    if (kubernetes) {
        // Kubernetes runs Windows containers with process isolation only.
        if (match == BuildMatch::Newer)
            return {O::CannotRun, Isolation::None, P::WindowsPool};
        if (match == BuildMatch::Older)
            return {O::NotSchedulable, Isolation::None, P::WindowsPool};
        return {O::Runs, Isolation::Process, untrusted ? P::DedicatedWindowsPool : P::WindowsPool};
    }
    const P host = isClientHost(hostBuild) ? P::ClientHost : P::WindowsHost;
    if (match == BuildMatch::Newer)
        return {O::CannotRun, Isolation::None, host};
    if (host == P::ClientHost || untrusted || match == BuildMatch::Older)
        return {O::Runs, Isolation::HyperV, host};
    return {O::Runs, Isolation::Process, host};
}

} // namespace landfall
