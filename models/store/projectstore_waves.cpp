// ProjectStore's methods for move groups and waves: the dependencies between endpoints, the
// consultant's explicit move groups and the groups pinned to a wave.
#include "projectstore.h"
#include "sqlitestatement.h"
#include "textpool.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace landfall {

namespace {

/** How the ends of imported connections find the VMs of the inventory: by name, DNS name (whole or
    its first label) or any of its IP addresses, case-insensitively. The first VM of a name wins. */
class EndpointResolver {
public:
    explicit EndpointResolver(const QList<Vm> &vms)
    {
        for (const Vm &vm : vms) {
            add(vm.name, vm.id);
            add(vm.dnsName, vm.id);
            add(vm.dnsName.section(u'.', 0, 0), vm.id);
            static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
            for (const QString &ip : vm.ipAddress.split(separators, Qt::SkipEmptyParts))
                add(ip, vm.id);
        }
    }
    qint64 vmId(const QString &name, const QString &ip) const
    {
        if (const qint64 id = m_ids.value(name.toCaseFolded()))
            return id;
        if (const qint64 id = m_ids.value(name.section(u'.', 0, 0).toCaseFolded()))
            return id;
        return m_ids.value(ip.toCaseFolded());
    }

private:
    void add(const QString &key, qint64 id)
    {
        if (!key.isEmpty() && !m_ids.contains(key.toCaseFolded()))
            m_ids.insert(key.toCaseFolded(), id);
    }
    QHash<QString, qint64> m_ids;
};

} // namespace

Result<int, StoreError> ProjectStore::importDependencies(const QList<Connection> &connections)
{
    const EndpointResolver resolver(vms());
    int resolved = 0;
    const auto error = inTransaction([&]() -> std::optional<StoreError> {
        SqliteStatement endpoint(connectionHandle(),
                                 QStringLiteral("INSERT INTO endpoints (address, vm_id) VALUES (?, NULLIF(?, 0)) "
                                                "ON CONFLICT (address) DO UPDATE SET vm_id = excluded.vm_id "
                                                "RETURNING id"));
        SqliteStatement dependency(
            connectionHandle(),
            QStringLiteral("INSERT INTO dependencies (source_id, target_id, port, protocol, process, observations) "
                           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, target_id, port, protocol) DO UPDATE "
                           "SET process = excluded.process, observations = excluded.observations"));
        if (!endpoint.isValid())
            return errorFrom(endpoint, QStringLiteral("prepare the endpoints"));
        if (!dependency.isValid())
            return errorFrom(dependency, QStringLiteral("prepare the dependencies"));
        QHash<QString, qint64> endpointIds;
        const auto endpointId = [&](const QString &address, const QString &ip) -> std::optional<qint64> {
            const QString key = address.toCaseFolded();
            if (const auto it = endpointIds.constFind(key); it != endpointIds.cend())
                return *it;
            const qint64 vmId = resolver.vmId(address, ip);
            endpoint.bind(1, address);
            endpoint.bind(2, vmId);
            qint64 id = 0;
            if (!endpoint.execute(&id))
                return std::nullopt;
            endpointIds.insert(key, id);
            return id;
        };
        for (const Connection &c : connections) {
            const std::optional<qint64> source = endpointId(c.source, c.sourceIp);
            const std::optional<qint64> target = endpointId(c.target, c.targetIp);
            if (!source || !target)
                return errorFrom(endpoint, QStringLiteral("save the endpoint of %1 -> %2").arg(c.source, c.target));
            resolved += int(resolver.vmId(c.source, c.sourceIp) != 0) + int(resolver.vmId(c.target, c.targetIp) != 0);
            dependency.bind(1, *source);
            dependency.bind(2, *target);
            dependency.bind(3, qint64(c.port));
            dependency.bind(4, c.protocol);
            dependency.bind(5, c.process);
            dependency.bind(6, qint64(std::max(1, c.observations)));
            if (!dependency.execute())
                return errorFrom(dependency, QStringLiteral("save the dependency %1 -> %2").arg(c.source, c.target));
        }
        return std::nullopt;
    });
    if (error)
        return *error;
    return resolved;
}

QList<Dependency> ProjectStore::dependencies() const
{
    QList<Dependency> result;
    SqliteStatement query(
        connectionHandle(),
        QStringLiteral("SELECT coalesce(s.vm_id, 0), coalesce(t.vm_id, 0), s.address, t.address, "
                       "d.port, d.protocol, d.process, d.observations FROM dependencies d "
                       "JOIN endpoints s ON s.id = d.source_id JOIN endpoints t ON t.id = d.target_id "
                       "ORDER BY d.source_id, d.target_id, d.port"));
    if (!query.isValid())
        return result;
    TextPool pool;
    while (query.nextRow()) {
        Dependency d;
        d.sourceVmId = query.int64At(0);
        d.targetVmId = query.int64At(1);
        d.sourceEndpoint = pool.text(query.utf8At(2));
        d.targetEndpoint = pool.text(query.utf8At(3));
        d.port = int(query.int64At(4));
        d.protocol = pool.text(query.utf8At(5));
        d.process = pool.text(query.utf8At(6));
        d.observations = int(query.int64At(7));
        result.append(std::move(d));
    }
    return result;
}

qint64 ProjectStore::dependencyCount() const
{
    SqliteStatement query(connectionHandle(), QStringLiteral("SELECT count(*) FROM dependencies"));
    return query.isValid() && query.nextRow() ? query.int64At(0) : 0;
}

std::optional<StoreError> ProjectStore::clearDependencies()
{
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery query(database());
        if (!query.exec(QStringLiteral("DELETE FROM dependencies")) ||
            !query.exec(QStringLiteral("DELETE FROM endpoints")))
            return errorFrom(query, QStringLiteral("remove the dependencies"));
        return std::nullopt;
    });
}

QHash<qint64, QString> ProjectStore::moveGroups() const
{
    QHash<qint64, QString> groups;
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT vm_id, move_group FROM vm_move_groups"))) {
        while (query.next())
            groups.insert(query.value(0).toLongLong(), query.value(1).toString());
    }
    return groups;
}

std::optional<StoreError> ProjectStore::setMoveGroups(const QList<std::pair<qint64, QString>> &values)
{
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery set(database());
        set.prepare(QStringLiteral("INSERT INTO vm_move_groups (vm_id, move_group) VALUES (?, ?) "
                                   "ON CONFLICT (vm_id) DO UPDATE SET move_group = excluded.move_group"));
        QSqlQuery remove(database());
        remove.prepare(QStringLiteral("DELETE FROM vm_move_groups WHERE vm_id = ?"));
        for (const auto &[id, group] : values) {
            QSqlQuery &query = group.isNull() ? remove : set;
            query.addBindValue(id);
            if (!group.isNull())
                query.addBindValue(group.trimmed());
            if (!query.exec())
                return errorFrom(query, QStringLiteral("save the move group of VM %1").arg(id));
        }
        return std::nullopt;
    });
}

QHash<QString, int> ProjectStore::wavePins() const
{
    QHash<QString, int> pins;
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT group_name, wave FROM wave_pins"))) {
        while (query.next())
            pins.insert(query.value(0).toString(), query.value(1).toInt());
    }
    return pins;
}

std::optional<StoreError> ProjectStore::setWavePin(const QString &group, int wave)
{
    return inTransaction([&]() -> std::optional<StoreError> {
        QSqlQuery query(database());
        if (wave <= 0) {
            query.prepare(QStringLiteral("DELETE FROM wave_pins WHERE group_name = ?"));
            query.addBindValue(group);
        } else {
            query.prepare(QStringLiteral("INSERT INTO wave_pins (group_name, wave) VALUES (?, ?) "
                                         "ON CONFLICT (group_name) DO UPDATE SET wave = excluded.wave"));
            query.addBindValue(group);
            query.addBindValue(wave);
        }
        if (!query.exec())
            return errorFrom(query, QStringLiteral("pin group %1 to wave %2").arg(group).arg(wave));
        return std::nullopt;
    });
}

} // namespace landfall
