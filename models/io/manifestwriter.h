#pragma once

#include "containerworkload.h"

#include <QString>

namespace landfall {

/** Writes the Kubernetes manifest of a containerized workload (a Deployment and its Service):
    the pod selects its node pool by OS and Windows build, asks for Kata or Hyper-V isolation
    through a RuntimeClass where chosen, and requests the workload's sizing. */
class ManifestWriter {
public:
    static QString write(const ContainerWorkload &workload,
                         const QString &registry = QStringLiteral("registry.example.com/landfall"));
    /** A YAML double-quoted scalar that any text survives. */
    static QString quoted(const QString &text);
};

} // namespace landfall
