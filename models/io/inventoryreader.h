#pragma once

#include "domain/chunkedlist.h"
#include "importissue.h"
#include "inventoryformat.h"
#include "rowmapper.h"
#include "workbooktabs.h"

#include "domain/cluster.h"
#include "domain/host.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace landfall {

class RecordSource;
class XlsxWorkbook;

struct ImportOptions {
    InventoryFormat format = InventoryFormat::Auto; ///< Auto: recognised from the header row
    bool skipBadRows = false; ///< take the good rows and list the bad ones, instead of refusing the file
};

/** What reading one inventory file gave: its rows as VMs, the rows set aside, the problems. */
struct ParsedInventory {
    QString file;
    InventoryFormat format = InventoryFormat::Auto;
    ChunkedList<MappedRow> rows; ///< the VMs, in file order, in the chunks they were mapped in
    QList<MappedRow> excluded;   ///< templates and SRM placeholders
    QList<ImportIssue> issues;   ///< every problem found
    QStringList warnings;        ///< how the file was read, where that was a guess
    int rowsRead = 0;
    qsizetype rowsMapped = 0; ///< rows read as VMs: those in `rows`, and those handed to a RowSink
    bool fatal = false;       ///< the file as a whole cannot be read (not a table, missing columns)
    QList<Host> hosts;        ///< the workbook's vHost tab, or a vHost CSV
    QList<Cluster> clusters;  ///< the workbook's vCluster tab
    ExportMetaData metaData;  ///< the workbook's vMetaData tab

    /** The file may be imported: no problems, or only bad rows that the user chose to skip. */
    bool acceptable(const ImportOptions &options) const { return !fatal && (issues.isEmpty() || options.skipBadRows); }
};

/** Reads an inventory file (CSV or xlsx) into VMs, without touching any project. It is
    safe to run on a worker thread. */
class InventoryReader {
public:
    /** Called now and then with the bytes read so far and the total; returning false cancels. */
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    /** Takes a CSV's VM rows while the file is still being read: a chunk at a time, in file order, on
        the thread that called read(). `soFar` is what reading has given until then: the format, and
        the problems found in the rows before and in these. */
    using RowSink = std::function<void(const ParsedInventory &soFar, QList<MappedRow> rows)>;

    /** Reads the file. With a sink, a CSV's VM rows go to it instead of into the result's `rows`;
        a workbook's stay there (its other tabs are laid on them once every tab is read). */
    static ParsedInventory read(const QString &path, const ImportOptions &options, const Progress &progress = {},
                                const RowSink &sink = {});
    /** Reads an inventory already in memory (a CSV, or a workbook's bytes); `name` names it in messages.
        The fuzzers and tests use it to read without a file. */
    static ParsedInventory readContent(const QByteArray &content, const QString &name, const ImportOptions &options);
    static FormatMapping mappingFor(InventoryFormat format);
    /** The sheet a workbook's inventory is read from: vInfo (RVTools), Discovery_Report (Azure Migrate). */
    static QString mainSheet(const XlsxWorkbook &workbook);
};

} // namespace landfall
