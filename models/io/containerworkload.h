#pragma once

#include "workloadsizing.h"

#include "domain/decision.h"
#include "domain/vm.h"

#include <QString>

namespace landfall {

/** One containerized VM as the artefact writers see it: its decision, its sizing, and the
    facts they all need (safe name, Windows or Linux, stack, kind, port, pool). Worked out once
    so the Dockerfile and the manifest agree. */
struct ContainerWorkload {
    /** What runs: a web or app server behind a Service, or a batch job. */
    enum class Kind { Web, App, Batch };
    /** The node pool it lands on (the density engine's pool purposes). */
    enum class Pool { General, Untrusted, Gpu, Kata };

    Vm vm;
    Decision decision;
    WorkloadSizing sizing;
    QString name;         ///< safe: a DNS label, usable as folder, image and Kubernetes name
    QString application;  ///< a label value naming the VM's application (its name when none)
    QString windowsBuild; ///< the image's Windows build; empty for Linux images
    QString imageRepository;
    QString imageTag;
    bool windows = false;
    QString stack;
    Kind kind = Kind::App;
    Pool pool = Pool::General;
    bool untrusted = false;
    bool gmsa = false;
    int port = 8080; ///< 0 for a batch job, which has no Service

    static ContainerWorkload from(const Vm &vm, const Decision &decision, const WorkloadSizing &sizing,
                                  const QString &poolWindowsBuild);
    /** A DNS label (a-z, 0-9, '-', at most 63, starting with a letter) made from any name:
        "../../etc/passwd" gives "etc-passwd", and nothing can climb out of a folder. */
    static QString safeName(const QString &name);
    /** The label value and taint value of a pool ("untrusted"), empty for the general pool. */
    static QString poolPurpose(Pool pool);
    /** The port each stack's server listens on in its image: IIS and Apache 80, the dotnet/aspnet
        images 8080 (ASPNETCORE_HTTP_PORTS), Node.js 3000, Python 8000, the rest 8080. */
    static int portFor(const QString &stack, bool windows);
    bool hasCondition(const char *word) const;
};

} // namespace landfall
