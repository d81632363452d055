#include "importjob.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace landfall {

ImportJob::ImportJob(QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<State>())
{
    connect(&m_watcher, &QFutureWatcher<ImportJobResult>::finished, this,
            [this]() { Q_EMIT finished(m_watcher.result()); });
}

ImportJob::~ImportJob()
{
    m_state->cancelled = true;
    m_watcher.waitForFinished();
}

int ImportJob::progressPermille() const
{
    return m_state->permille;
}

void ImportJob::start(const QString &projectPath, const QStringList &files, const ImportOptions &options)
{
    if (isRunning())
        return;
    m_state = std::make_shared<State>();
    m_watcher.setFuture(QtConcurrent::run(&ImportJob::run, m_state, projectPath, files, options));
}

ImportJobResult ImportJob::run(const std::shared_ptr<State> &state, const QString &projectPath,
                               const QStringList &files, const ImportOptions &options)
{
    ImportJobResult result;
    QList<ParsedInventory> parsed;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const auto progress = [&](qint64 done, qint64 total) {
            const double share = total > 0 ? double(done) / double(total) : 0.0;
            state->permille = int(1000.0 * (double(i) + share) / double(files.size()));
            return !state->cancelled;
        };
        parsed.append(InventoryReader::read(files[i], options, progress));
        if (state->cancelled) {
            result.cancelled = true;
            return result;
        }
    }
    // Workshop answers (Landfall CSV) name VMs an inventory in the same drop may bring.
    std::stable_sort(parsed.begin(), parsed.end(), [](const ParsedInventory &a, const ParsedInventory &b) {
        return a.format != InventoryFormat::Landfall && b.format == InventoryFormat::Landfall;
    });
    state->permille = -1;
    auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::ExistingOnly);
    if (!store) {
        result.storeError = store.error().message;
        return result;
    }
    InventoryImporter importer(**store);
    for (ParsedInventory &inventory : parsed) {
        result.files.append(inventory.file);
        result.outcomes.append(importer.apply(std::move(inventory), options));
    }
    return result;
}

} // namespace landfall
