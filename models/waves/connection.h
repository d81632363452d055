#pragma once

#include <QString>

namespace landfall {

/** One observed network connection between two endpoints, as a dependency file states it: a
    client (`source`) that opens a connection to a server (`target`) on a port. The endpoints
    are VM names, DNS names or IP addresses; the store resolves them to VMs of the inventory,
    and keeps the others as external endpoints. */
struct Connection {
    QString source;   ///< the client's name or address, as written
    QString sourceIp; ///< its address, when the file gives both
    QString target;
    QString targetIp;
    int port = 0;         ///< the destination port; 0 when unknown
    QString protocol;     ///< "tcp" or "udp", lower case
    QString process;      ///< the server's process, where the export names it
    int observations = 1; ///< how many rows (time slots) saw this connection

    friend bool operator==(const Connection &, const Connection &) = default;
};

/** A stored dependency, resolved against the inventory: a VM id on each end that is a VM,
    0 on an end that is an external endpoint (a database appliance, a SaaS service, ...). */
struct Dependency {
    qint64 sourceVmId = 0;
    qint64 targetVmId = 0;
    QString sourceEndpoint; ///< the address or name as imported
    QString targetEndpoint;
    int port = 0;
    QString protocol;
    QString process;
    int observations = 1;
};

} // namespace landfall
