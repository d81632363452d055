#pragma once

#include "io/inventoryimporter.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace landfall {

/** What a finished import job did, file by file. */
struct ImportJobResult {
    bool cancelled = false;
    QString storeError; ///< the project could not be opened or written; nothing was imported
    QStringList files;
    QList<ImportOutcome> outcomes; ///< one per file, in the order they were applied
};

/** Imports inventory files into a project on a worker thread, so the window stays responsive.
    The worker opens its own connection to the project file (a Qt SQL connection belongs to the
    thread that made it), reads every file (cancellable), then writes the inventories before the
    workshop answers that refer to them. */
class ImportJob : public QObject {
    Q_OBJECT
public:
    explicit ImportJob(QObject *parent = nullptr);
    ~ImportJob() override;

    bool isRunning() const { return m_watcher.isRunning(); }
    void start(const QString &projectPath, const QStringList &files, const ImportOptions &options = {});
    /** Asks the reading to stop; files already being written are finished. */
    void cancel() { m_state->cancelled = true; }
    /** Progress in thousandths; -1 while writing, which cannot be measured. */
    int progressPermille() const;
    /** Blocks until the job is done (for closing the window mid-import). */
    void waitForFinished() { m_watcher.waitForFinished(); }

Q_SIGNALS:
    void finished(const landfall::ImportJobResult &result);

private:
    struct State {
        std::atomic<bool> cancelled = false;
        std::atomic<int> permille = 0;
    };
    static ImportJobResult run(const std::shared_ptr<State> &state, const QString &projectPath,
                               const QStringList &files, const ImportOptions &options);

    std::shared_ptr<State> m_state;
    QFutureWatcher<ImportJobResult> m_watcher;
};

} // namespace landfall
