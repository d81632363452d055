#pragma once

#include "windowsbuild.h"

#include <QString>

#include <optional>

namespace landfall {

/** Where the containers will run: the scenario setting of classification.md. */
enum class TargetPlatform { Kubernetes, ContainerHost };

QString targetPlatformKey(TargetPlatform platform); ///< "kubernetes", "container-host"
std::optional<TargetPlatform> targetPlatformFromKey(const QString &key);

/** The advisor's scenario inputs: they change isolation, tags and targets, never the path. */
struct AdvisorInputs {
    static constexpr const char *kDefaultWindowsBuild = "10.0.20348"; // Windows Server 2022

    TargetPlatform platform = TargetPlatform::Kubernetes;
    QString windowsBuild = QLatin1String(kDefaultWindowsBuild); ///< the Windows node pool's or host's build

    /** Why these inputs cannot be used (an unparsable build, a 2019 node pool on Kubernetes),
        or nullopt when they can. */
    std::optional<QString> problem() const;

    friend bool operator==(const AdvisorInputs &, const AdvisorInputs &) = default;
};

} // namespace landfall
