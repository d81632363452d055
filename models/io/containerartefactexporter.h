#pragma once

#include "domain/decision.h"
#include "domain/result.h"
#include "domain/vm.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace landfall {

/** Writes one folder per containerized VM, holding its Dockerfile and Kubernetes manifest,
    into a folder the user chose; folder names are made safe from any VM name. */
class ContainerArtefactExporter {
public:
    static constexpr const char *kManifestFile = "kubernetes.yaml";

    /** `vms` and `decisions` are matched by VM id. Returns the folders written (relative), or
        why the output folder could not be written. */
    static Result<QStringList, QString> exportTo(const QString &directory, const QList<Vm> &vms,
                                                 const QList<Decision> &decisions, const QString &poolWindowsBuild);
};

} // namespace landfall
