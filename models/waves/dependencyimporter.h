#pragma once

#include "connection.h"

#include "domain/result.h"
#include "io/importissue.h"

#include <QList>
#include <QString>

namespace landfall {

class RecordSource;

/** What a dependency file held: its connections (one per source, target, port and protocol,
    with the rows that saw it counted), and the rows it refused when bad rows were skipped. */
struct DependencyImport {
    QString format; ///< "azure-migrate-dependencies" or "landfall-connections"
    QList<Connection> connections;
    qint64 rowsRead = 0;
    QList<ImportIssue> skipped;
};

/** Reads a dependency file: Azure Migrate's dependency analysis export (source and destination
    server, IP, application, process and destination port, one row per time slot) or Landfall's
    own connections CSV (`source, target, port, protocol`, by VM name or IP). Columns are found by
    name; every bad row is reported as file, row, column and what was expected. */
class DependencyImporter {
public:
    static constexpr const char *kAzureMigrateFormat = "azure-migrate-dependencies";
    static constexpr const char *kConnectionsFormat = "landfall-connections";

    /** Reads `path`; with `skipBadRows` the good rows are taken and the bad ones listed. */
    static Result<DependencyImport, QList<ImportIssue>> readFile(const QString &path, bool skipBadRows = false);
    static Result<DependencyImport, QList<ImportIssue>> read(RecordSource &source, const QString &fileName,
                                                             bool skipBadRows = false);
};

} // namespace landfall
