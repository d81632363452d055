#pragma once

#include "windowsbuild.h"

#include <QDate>
#include <QString>

#include <optional>

namespace landfall {

/** Where the containers will run: the scenario setting of classification.md. */
enum class TargetPlatform { Kubernetes, ContainerHost };

QString targetPlatformKey(TargetPlatform platform); ///< "kubernetes", "container-host"
std::optional<TargetPlatform> targetPlatformFromKey(const QString &key);

/** The advisor's scenario inputs: they change isolation, tags and targets, never the path. */
struct AdvisorInputs {
    /** Windows Server 2025: AKS supports 2022 node pools only until June 2028, and a plan made
        now runs past that (classification.md). */
    static constexpr const char *kDefaultWindowsBuild = "10.0.26100";
    /** The default before Landfall 2026-12: projects that stored rules but no build planned on it. */
    static constexpr const char *kLegacyDefaultWindowsBuild = "10.0.20348";

    TargetPlatform platform = TargetPlatform::Kubernetes;
    QString windowsBuild = QLatin1String(kDefaultWindowsBuild); ///< the Windows node pool's or host's build
    /** The plan's date: images and OSes are judged supported or not on it. Invalid: today, so that
        a project without a date always plans on the day it is opened. */
    QDate planDate;

    QDate effectivePlanDate() const { return planDate.isValid() ? planDate : QDate::currentDate(); }

    /** Why these inputs cannot be used (an unparsable build, a 2019 node pool on Kubernetes),
        or nullopt when they can. */
    std::optional<QString> problem() const;

    friend bool operator==(const AdvisorInputs &, const AdvisorInputs &) = default;
};

} // namespace landfall
