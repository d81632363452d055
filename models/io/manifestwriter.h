#pragma once

#include "containerworkload.h"

#include <QString>

namespace landfall {

/** Writes the Kubernetes manifest of a containerized workload (classification.md, The
    artefacts): a Deployment with its Service (and a PodDisruptionBudget and 2 replicas for web),
    or a Job for batch; the pod selects its node pool by OS and Windows build, tolerates the
    taint of a dedicated pool (landfall.io/pool=untrusted|gpu|kata), asks for Kata through the
    kata-vm-isolation RuntimeClass, keeps untrusted workloads of different applications apart,
    names its GMSACredentialSpec, requests the density sizing with limits, and probes its port. */
class ManifestWriter {
public:
    static constexpr const char *kPoolLabel = "landfall.io/pool";
    static constexpr const char *kKataRuntimeClass = "kata-vm-isolation";

    static QString write(const ContainerWorkload &workload,
                         const QString &registry = QStringLiteral("registry.example.com/landfall"));
    /** A YAML double-quoted scalar that any text survives, escaped by code point. */
    static QString quoted(const QString &text);
    /** A Kubernetes quantity: "250m", "2"; "512Mi". */
    static QString cpuQuantity(qint64 millicores);
    static QString memoryQuantity(qint64 mib);
};

} // namespace landfall
