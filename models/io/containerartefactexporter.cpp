#include "containerartefactexporter.h"

#include "atomicfile.h"
#include "containerworkload.h"
#include "dockerfilewriter.h"
#include "manifestwriter.h"

#include <QDir>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace landfall {

namespace {

std::optional<QString> writeFile(const QString &path, const QString &text)
{
    // Every write checked, synced, renamed into place: a full disk is an error, never an empty file.
    return AtomicFile::writeWhole(path, text.toUtf8());
}

} // namespace

Scenario ContainerArtefactExporter::sizingScenario(const ProjectStore &store)
{
    const QStringList names = store.scenarioNames();
    if (names.isEmpty())
        return Scenario{};
    const QJsonObject json =
        QJsonDocument::fromJson(store.scenarioDefinition(names.constFirst()).value_or(QString()).toUtf8()).object();
    Result<Scenario, ScenarioError> parsed = Scenario::fromJson(json);
    return parsed ? parsed.value() : Scenario{};
}

Result<QStringList, QString> ContainerArtefactExporter::exportTo(const QString &directory, const QList<Vm> &vms,
                                                                 const QList<Decision> &decisions,
                                                                 const QString &poolWindowsBuild,
                                                                 const Scenario &scenario)
{
    QDir root(directory);
    if (!root.mkpath(QStringLiteral(".")))
        return QStringLiteral("%1: the folder cannot be created").arg(directory);
    QHash<qint64, const Vm *> byId;
    for (const Vm &vm : vms)
        byId.insert(vm.id, &vm);
    QStringList written;
    QSet<QString> used;
    for (const Decision &decision : decisions) {
        const Vm *vm = byId.value(decision.vmId);
        if (!vm || decision.path != MigrationPath::Containerize || decision.baseImage.isEmpty())
            continue;
        ContainerWorkload workload =
            ContainerWorkload::from(*vm, decision, WorkloadSizing::of(*vm, decision, scenario), poolWindowsBuild);
        // Two VMs can share a safe name (same name in two vCenters): number the later ones.
        QString name = workload.name;
        for (int n = 2; used.contains(name); ++n)
            name = workload.name.left(58) + u'-' + QString::number(n);
        used.insert(name);
        workload.name = name;
        if (!root.mkpath(name))
            return QStringLiteral("%1: the folder cannot be created").arg(root.filePath(name));
        const QDir folder(root.filePath(name));
        if (std::optional<QString> problem =
                writeFile(folder.filePath(QStringLiteral("Dockerfile")), DockerfileWriter::write(workload)))
            return *problem;
        if (std::optional<QString> problem =
                writeFile(folder.filePath(QLatin1String(kManifestFile)), ManifestWriter::write(workload)))
            return *problem;
        written.append(name);
    }
    return written;
}

} // namespace landfall
