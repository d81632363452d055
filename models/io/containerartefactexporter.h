#pragma once

#include "density/scenario.h"
#include "domain/decision.h"
#include "domain/result.h"
#include "domain/vm.h"
#include "store/projectstore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace landfall {

/** Writes one folder per containerized VM, holding its Dockerfile and Kubernetes manifest,
    into a folder the user chose; folder names are made safe from any VM name. */
class ContainerArtefactExporter {
public:
    static constexpr const char *kManifestFile = "kubernetes.yaml";

    /** `vms` and `decisions` are matched by VM id; `scenario` sizes the requests as the density
        engine does. Returns the folders written (relative), or why the output folder could not
        be written. */
    static Result<QStringList, QString> exportTo(const QString &directory, const QList<Vm> &vms,
                                                 const QList<Decision> &decisions, const QString &poolWindowsBuild,
                                                 const Scenario &scenario = Scenario{});
    /** The scenario whose demand sizes a project's requests: its first, as `density` runs it,
        or the default scenario when it has none (or the first cannot be read). */
    static Scenario sizingScenario(const ProjectStore &store);
};

} // namespace landfall
