#pragma once

#include "containerworkload.h"

#include <QString>

namespace landfall {

/** Writes the Dockerfile of a containerized workload on its base image's own conventions: the
    dotnet/framework/aspnet images already run IIS (and carry .NET 3.5 where tagged so), the
    dotnet/aspnet images listen on ASPNETCORE_HTTP_PORTS, Nano Server gets no installs, and the
    port it exposes is the manifest's. What the consultant must still check is written as
    comments. Nothing is downloaded at build time: every layer comes from the build context. */
class DockerfileWriter {
public:
    static QString write(const ContainerWorkload &workload);
};

} // namespace landfall
