#pragma once

#include "connection.h"

#include "domain/decision.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace landfall {

class ProjectStore;

/** One VM as the wave planner sees it: what groups it, what it moves to, how risky, how large. */
struct WaveVm {
    qint64 id = 0;
    QString name;
    QString application; ///< the workshop's application answer, empty when unknown
    QString moveGroup;   ///< the consultant's explicit group, empty when none
    MigrationPath path = MigrationPath::Rehost;
    Confidence confidence = Confidence::Medium;
    int blockers = 0;        ///< conditions the consultant must still check
    double replicateGiB = 0; ///< data to replicate: used disk, provisioned where used is unknown
};

/** A connection between two VMs of the estate, by their index in WaveInput::vms. */
struct VmLink {
    int source = 0; ///< the client: it depends on `target`
    int target = 0;
    int port = 0;
};

/** Everything the groups and waves are made from, as plain data: no store, no Qt model. */
struct WaveInput {
    std::vector<WaveVm> vms;
    std::vector<VmLink> links;

    /** Reads the VMs, their decisions, explicit move groups and dependencies from the project. */
    static WaveInput fromProject(const ProjectStore &store);
    /** Turns stored dependencies (by VM id) into links between `vms`; links with an external end are left out. */
    static std::vector<VmLink> linksFor(const std::vector<WaveVm> &vms, const QList<Dependency> &dependencies);
};

} // namespace landfall
