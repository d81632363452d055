#pragma once

#include "containerworkload.h"

#include <QString>

namespace landfall {

/** Writes the Dockerfile of a containerized workload: its base image and the steps its
    conditions imply (the .NET 3.5 feature and IIS for a netfx35 web app, as the seed's
    example does), with what the consultant must still check as comments. */
class DockerfileWriter {
public:
    static QString write(const ContainerWorkload &workload);
};

} // namespace landfall
