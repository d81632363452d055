#include "advisorinputs.h"

namespace landfall {

QString targetPlatformKey(TargetPlatform platform)
{
    return platform == TargetPlatform::Kubernetes ? QStringLiteral("kubernetes") : QStringLiteral("container-host");
}

std::optional<TargetPlatform> targetPlatformFromKey(const QString &key)
{
    if (key == QLatin1String("kubernetes"))
        return TargetPlatform::Kubernetes;
    if (key == QLatin1String("container-host"))
        return TargetPlatform::ContainerHost;
    return std::nullopt;
}

std::optional<QString> AdvisorInputs::problem() const
{
    const std::optional<WindowsBuild> build = WindowsBuild::parse(windowsBuild);
    if (!build)
        return QStringLiteral("Windows build '%1' is not a build number; expected major.minor.build such as "
                              "10.0.20348 (Windows Server 2022)")
            .arg(windowsBuild);
    // AKS and its peers run Windows nodes on Windows Server 2022 or 2025 only (2019 pools are
    // dropped from Kubernetes 1.33), and never on client Windows.
    if (platform == TargetPlatform::Kubernetes && build->build() != 20348 && build->build() != 26100)
        return QStringLiteral("Windows build '%1' cannot be a Kubernetes node pool; expected 10.0.20348 (Windows "
                              "Server 2022) or 10.0.26100 (Windows Server 2025), or use --platform container-host")
            .arg(windowsBuild);
    return std::nullopt;
}

} // namespace landfall
