#include "estate.h"

#include <QMap>

#include <tuple>

namespace landfall {

QString Estate::hostKey(const QString &vcenter, const QString &name)
{
    return vcenter.trimmed().toLower() + u'/' + name.trimmed().toLower();
}

Estate Estate::fromInventory(const QList<Host> &hosts, const QList<Vm> &vms)
{
    Estate estate;
    estate.hosts = hosts;
    if (hosts.isEmpty())
        return estate;
    const HostMatcher matcher(estate);
    for (const Vm &vm : vms) {
        const int index = matcher.indexOf(vm.vcenter, vm.host);
        if (index < 0)
            continue;
        HostLoad &load = estate.loadByHost[hostKey(hosts[index].vcenter, hosts[index].name)];
        load.vcpu += vm.vcpu;
        load.memoryMiB += vm.memoryMiB;
    }
    return estate;
}

QString HostModel::describe() const
{
    const QString name = QString(vendor + u' ' + model).trimmed();
    return QStringLiteral("%1 (%2 cores, %3 GiB)")
        .arg(name.isEmpty() ? QStringLiteral("host") : name)
        .arg(cores)
        .arg(memoryGiB, 0, 'f', 0);
}

HostMatcher::HostMatcher(const Estate &estate)
{
    for (int i = 0; i < int(estate.hosts.size()); ++i) {
        const Host &host = estate.hosts[i];
        m_byKey.insert(Estate::hostKey(host.vcenter, host.name), i);
        const QString name = host.name.trimmed().toLower();
        m_byName.insert(name, m_byName.contains(name) ? -1 : i);
    }
}

int HostMatcher::indexOf(const QString &vcenter, const QString &hostName) const
{
    if (hostName.trimmed().isEmpty())
        return -1;
    const auto exact = m_byKey.constFind(Estate::hostKey(vcenter, hostName));
    if (exact != m_byKey.cend())
        return *exact;
    // A vHost CSV export may name no vCenter while vInfo does (or the reverse): match by name alone.
    return m_byName.value(hostName.trimmed().toLower(), -1);
}

std::optional<HostModel> HostMatcher::mostCommonModel(const QList<Host> &hosts)
{
    using Key = std::tuple<QString, QString, int, qint64>;
    QMap<Key, HostModel> models;
    for (const Host &host : hosts) {
        if (host.cores <= 0 || host.memoryMiB <= 0)
            continue;
        const Key key{host.vendor, host.model, host.cores, qint64(host.memoryMiB)};
        HostModel &m = models[key];
        if (m.count == 0) {
            m.vendor = host.vendor;
            m.model = host.model;
            m.cpuModel = host.cpuModel;
            m.cores = host.cores;
            m.sockets = std::max(1, host.sockets);
            m.threadsPerCore = host.hyperThreading ? 2 : 1;
            m.memoryGiB = host.memoryMiB / 1024.0;
        }
        ++m.count;
    }
    std::optional<HostModel> best;
    for (const HostModel &m : std::as_const(models)) {
        // Ties go to the larger host: the estate's newer generation, what the customer buys now.
        if (!best || m.count > best->count || (m.count == best->count && m.cores > best->cores))
            best = m;
    }
    return best;
}

} // namespace landfall
