#pragma once

#include "workloadsizing.h"

#include "domain/decision.h"
#include "domain/vm.h"

#include <QString>

namespace landfall {

/** One containerized VM as the artefact writers see it: its decision, its sizing, and the
    facts they all need (safe name, Windows or Linux, stack, port). Worked out once so the
    Dockerfile and the manifest agree. */
struct ContainerWorkload {
    Vm vm;
    Decision decision;
    WorkloadSizing sizing;
    QString name;         ///< safe: a DNS label, usable as folder, image and Kubernetes name
    QString windowsBuild; ///< the node pool's build; empty for Linux images
    bool windows = false;
    QString stack;
    bool web = false;
    int port = 80;

    static ContainerWorkload from(const Vm &vm, const Decision &decision, const WorkloadSizing &sizing,
                                  const QString &poolWindowsBuild);
    /** A DNS label (a-z, 0-9, '-', at most 63, starting with a letter) made from any name:
        "../../etc/passwd" gives "etc-passwd", and nothing can climb out of a folder. */
    static QString safeName(const QString &name);
    bool hasCondition(const char *word) const;
};

} // namespace landfall
