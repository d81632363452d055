// libFuzzer target: a project file from a stranger. Each input is applied to a valid project
// that LLVMFuzzerInitialize builds with the store itself, in one of two ways chosen by its first
// byte: as patches to the file's bytes (mutated pages: headers, b-tree cells, the schema table),
// or as SQL run on the file by an attacker's own connection (views, triggers, tables, columns,
// rows of any value). Landfall then opens the result, read-only or not, and reads everything.
// A crash, a hang (the store's statement bound is lowered below libFuzzer's -timeout) or a read
// that returns part of the project without recording a failure is a finding.
#include "fuzzsupport.h"
#include "store/projectstore.h"
#include "store/sqlitehardening.h"

#include <sqlite3.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

QByteArray g_project;                      ///< the valid project every input starts from
std::unique_ptr<QTemporaryDir> g_folder;   ///< where each input's project is written
QCoreApplication *g_application = nullptr; ///< never destroyed: Qt's globals outlive main()

landfall::Vm sampleVm(int n)
{
    landfall::Vm vm;
    vm.source = QStringLiteral("rvtools");
    vm.vcenter = QStringLiteral("vc01");
    vm.uuid = QStringLiteral("4210-%1").arg(n);
    vm.name = n % 3 == 0 ? QStringLiteral("Caf\u00e9-%1").arg(n) : QStringLiteral("web-%1").arg(n);
    vm.vcpu = 1 + n % 8;
    vm.memoryMiB = 1024.0 * (1 + n % 16);
    vm.provisionedMiB = 40960;
    vm.usedMiB = 20480;
    vm.os.family = n % 2 ? QStringLiteral("windows") : QStringLiteral("linux");
    vm.cluster = QStringLiteral("c%1").arg(n % 3);
    vm.cpuUtilPct = 12.5;
    if (n % 4 == 0)
        vm.customAttributes.insert(QStringLiteral("Owner"), QStringLiteral("team %1").arg(n));
    return vm;
}

QByteArray buildProject(const QString &path)
{
    using namespace landfall;
    {
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        if (!store)
            __builtin_trap();
        InventoryBatch batch;
        batch.record.file = QStringLiteral("seed.csv");
        batch.record.format = QStringLiteral("rvtools");
        for (int n = 0; n < 40; ++n)
            batch.vms.append(sampleVm(n));
        Host host;
        host.vcenter = QStringLiteral("vc01");
        host.name = QStringLiteral("esx01");
        host.datacenter = QStringLiteral("dc");
        host.cluster = QStringLiteral("c0");
        host.cpuModel = QStringLiteral("x");
        host.esxVersion = QStringLiteral("8");
        host.vendor = QStringLiteral("v");
        host.model = QStringLiteral("m");
        host.cores = 32;
        host.memoryMiB = 524288;
        batch.hosts.append(host);
        batch.excluded.append({QStringLiteral("vc01/tpl"), QStringLiteral("tpl"), QStringLiteral("template")});
        if (const std::optional<StoreError> error = (*store)->importInventory(batch)) {
            std::fprintf(stderr, "seed project: %s\n", qPrintable(error->message));
            __builtin_trap();
        }
        QList<Decision> decisions;
        for (const Vm &vm : (*store)->vms()) {
            Decision decision;
            decision.vmId = vm.id;
            decision.path = vm.id % 2 ? MigrationPath::Containerize : MigrationPath::Rehost;
            decision.reason = QStringLiteral("seed");
            decision.trace.append({QStringLiteral("r1"), QStringLiteral("because")});
            decisions.append(decision);
        }
        if ((*store)->saveDecisions(decisions) ||
            (*store)->saveScenario(QStringLiteral("aks"), QStringLiteral("{\"name\": \"aks\"}")) ||
            (*store)->setOverride({QStringLiteral("vc01/4210-1"), MigrationPath::Retire, QStringLiteral("n"), {}}))
            __builtin_trap();
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        __builtin_trap();
    return file.readAll();
}

/** Applies patches to the file's bytes: each is a 4-byte offset, a length byte and that many bytes. */
void applyPatches(QByteArray &image, const uint8_t *data, size_t size)
{
    size_t at = 0;
    while (at + 5 <= size) {
        uint32_t offset = 0;
        std::memcpy(&offset, data + at, 4);
        const size_t length = data[at + 4];
        at += 5;
        const size_t available = std::min(length, size - at);
        const qsizetype target = qsizetype(offset % uint32_t(image.size()));
        for (size_t i = 0; i < available && target + qsizetype(i) < image.size(); ++i)
            image[target + qsizetype(i)] = char(data[at + i]);
        at += available;
    }
}

int attackerAuthorizer(void *, int action, const char *, const char *, const char *, const char *)
{
    // The attacker's connection may change the project file, and nothing else on this machine.
    return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

int attackerProgress(void *budget)
{
    return --*static_cast<int *>(budget) < 0;
}

/** Runs `sql` on the file as another program would (no defences; ATTACH and VACUUM INTO aside). */
void runAttackerSql(const QString &path, const QByteArray &sql)
{
    if (sql.contains("vacuum") || sql.contains("VACUUM") || sql.toLower().contains("vacuum"))
        return;
    sqlite3 *connection = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &connection, SQLITE_OPEN_READWRITE, nullptr) ==
        SQLITE_OK) {
        int budget = 20000; // progress calls of 1,000 steps: the attacker's own SQL is bounded too
        sqlite3_set_authorizer(connection, &attackerAuthorizer, nullptr);
        sqlite3_progress_handler(connection, 1000, &attackerProgress, &budget);
        sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, 1 << 20);
        sqlite3_exec(connection, sql.constData(), nullptr, nullptr, nullptr);
    }
    sqlite3_close(connection);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    landfall::fuzz::silenceQtMessages();
    g_application = new QCoreApplication(*argc, *argv);
    g_folder = std::make_unique<QTemporaryDir>();
    g_project = buildProject(g_folder->filePath(QStringLiteral("seed.landfall")));
    // Below libFuzzer's -timeout: a crafted statement is stopped, and a stop is not a hang.
    landfall::SqliteHardening::setStepsPerStatement(50'000'000);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace landfall;
    if (size < 1)
        return 0;
    const uint8_t mode = data[0];
    const QString path = g_folder->filePath(QStringLiteral("input.landfall"));
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    QByteArray image = g_project;
    if ((mode & 1) == 0)
        applyPatches(image, data + 1, size - 1);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(image) != image.size())
            __builtin_trap();
    }
    if (mode & 1)
        runAttackerSql(path, QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));

    const auto openMode = (mode & 2) ? ProjectStore::OpenMode::ReadOnly : ProjectStore::OpenMode::ExistingOnly;
    auto opened = ProjectStore::open(path, openMode);
    if (!opened) {
        if (opened.error().message.isEmpty())
            __builtin_trap(); // every refusal says why
        return 0;
    }
    ProjectStore &store = **opened;
    const ProjectSummary summary = store.summary();
    const QList<Vm> vms = store.vms();
    const QList<Decision> decisions = store.decisions();
    store.hosts();
    store.scenarioNames();
    store.overrides();
    store.importHistory();
    store.decisionCounts();
    const QList<VmListRow> rows = store.vmListRows();
    for (const Vm &vm : vms) {
        store.vmIdsByName(vm.name);
        // Read back in range, or the read failed: never a negative or non-finite size.
        if (vm.vcpu < 0 || !(vm.memoryMiB >= 0) || !(vm.provisionedMiB >= 0))
            __builtin_trap();
    }
    if (!store.readFailure()) {
        // All rows or an error: two reads of one project agree.
        if (summary.vms != vms.size() || rows.size() != vms.size())
            __builtin_trap();
        if (openMode == ProjectStore::OpenMode::ExistingOnly)
            store.saveDecisions(decisions);
    } else if (!store.saveDecisions(decisions)) {
        __builtin_trap(); // nothing is saved after a failed read
    }
    return 0;
}
