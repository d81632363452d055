#include "inventoryreader.h"

#include "chunkhandoff.h"
#include "csvreader.h"
#include "formatmappings.h"
#include "xlsxreader.h"

#include <QFile>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <thread>
#include <utility>

namespace landfall {

namespace {

constexpr qint64 kProgressScale = 1000;
/// Small enough that a chunk's records (some 90 QStrings a row) are still in the shared cache when
/// a pool thread maps them: with 2,048 rows the mapper's first touch of each cell was a miss to
/// memory, and the CSV import took about a fifth more CPU.
constexpr size_t kRowsPerChunk = 256;
/// Chunks read ahead of the one being taken: enough to keep every stage busy, few enough that a
/// slow write does not leave the rest of the file waiting in memory.
constexpr size_t kChunksAhead = 8;

ImportIssue fileIssue(const QString &file, const QString &message)
{
    return {file, 0, {}, {}, message};
}

ImportIssue csvTooLarge(const QString &file, qint64 size)
{
    return fileIssue(file, QStringLiteral("is %1 MiB; Landfall reads CSV inventories of up to %2 MiB")
                               .arg(size / (1024 * 1024))
                               .arg(CsvReader::kMaxFileBytes / (1024 * 1024)));
}

/** Reads every record of an opened table into `parsed`, mapping chunks of rows on the thread pool. */
void readRecords(RecordSource &table, ParsedInventory &parsed, const ImportOptions &options,
                 const InventoryReader::Progress &progress, const InventoryReader::RowSink &sink);

} // namespace

FormatMapping InventoryReader::mappingFor(InventoryFormat format)
{
    switch (format) {
    case InventoryFormat::AzureMigrate:
        return FormatMappings::azureMigrate();
    case InventoryFormat::AzureMigrateDiscovery:
        return FormatMappings::azureMigrateDiscovery();
    case InventoryFormat::Landfall:
        return FormatMappings::landfall();
    case InventoryFormat::RvTools:
    case InventoryFormat::RvToolsHosts:
    case InventoryFormat::Auto:
        break;
    }
    return FormatMappings::rvTools();
}

QString InventoryReader::mainSheet(const XlsxWorkbook &workbook)
{
    for (const char *sheet : {"vInfo", "Discovery_Report"}) {
        if (workbook.hasSheet(QLatin1String(sheet)))
            return QLatin1String(sheet);
    }
    return QStringLiteral("vInfo");
}

namespace {

/** What the workbook's tabs beside vInfo give, read on the thread pool while vInfo is read. */
struct TabsRead {
    QList<Host> hosts;
    QList<Cluster> clusters;
    PerVmRows<VmPartition> partitions;
    PerVmRows<VmDisk> disks;
    PerVmRows<VmNic> nics;
    ExportMetaData metaData;
    QList<ImportIssue> issues;
    bool damaged = false; ///< a tab could not be read to its end: the workbook is damaged
};

using TabTask = void (*)(XlsxReader &, const QString &, TabsRead &);

const std::vector<std::pair<const char *, TabTask>> &tabTasks()
{
    static const std::vector<std::pair<const char *, TabTask>> tasks = {
        {"vPartition", [](XlsxReader &t, const QString &f,
                          TabsRead &r) { r.partitions = WorkbookTabs::readPartitions(t, f, t.sheetName(), r.issues); }},
        {"vDisk", [](XlsxReader &t, const QString &f,
                     TabsRead &r) { r.disks = WorkbookTabs::readDisks(t, f, t.sheetName(), r.issues); }},
        {"vNetwork", [](XlsxReader &t, const QString &f,
                        TabsRead &r) { r.nics = WorkbookTabs::readNics(t, f, t.sheetName(), r.issues); }},
        {"vHost", [](XlsxReader &t, const QString &f,
                     TabsRead &r) { r.hosts = WorkbookTabs::readHosts(t, f, t.sheetName(), r.issues); }},
        {"vCluster", [](XlsxReader &t, const QString &f,
                        TabsRead &r) { r.clusters = WorkbookTabs::readClusters(t, f, t.sheetName(), r.issues); }},
        {"vMetaData", [](XlsxReader &t, const QString &, TabsRead &r) { r.metaData = WorkbookTabs::readMetaData(t); }},
    };
    return tasks;
}

/** Lays what the other tabs say of each VM onto its vInfo row. */
void attachTabs(ParsedInventory &parsed, TabsRead &tabs)
{
    parsed.hosts = std::move(tabs.hosts);
    parsed.clusters = std::move(tabs.clusters);
    parsed.metaData = tabs.metaData;
    if (tabs.partitions.isEmpty() && tabs.disks.isEmpty() && tabs.nics.isEmpty())
        return;
    QHash<QString, int> rowsOfName;
    for (const MappedRow &row : std::as_const(parsed.rows))
        ++rowsOfName[row.vm.name.toLower()];
    for (MappedRow &row : parsed.rows) {
        Vm &vm = row.vm;
        const bool unique = rowsOfName.value(vm.name.toLower()) == 1;
        if (const QList<VmPartition> *partitions = tabs.partitions.find(vm, unique)) {
            vm.partitions = *partitions;
            double consumed = 0;
            for (const VmPartition &partition : *partitions)
                consumed += partition.consumedMiB;
            vm.guestUsedMiB = consumed;
        }
        if (const QList<VmDisk> *disks = tabs.disks.find(vm, unique)) {
            vm.disks = *disks;
            vm.rawDeviceMappings = int(std::count_if(disks->cbegin(), disks->cend(),
                                                     [](const VmDisk &disk) { return disk.rawDeviceMapping; }));
            vm.sharedDisks =
                int(std::count_if(disks->cbegin(), disks->cend(), [](const VmDisk &disk) { return disk.shared; }));
        }
        if (const QList<VmNic> *nics = tabs.nics.find(vm, unique))
            vm.nics = *nics;
    }
}

/** Reads an opened table (a CSV, or a workbook's main sheet) into `parsed`. */
void readTable(RecordSource &table, ParsedInventory &parsed, const ImportOptions &options,
               const InventoryReader::Progress &progress, const InventoryReader::RowSink &sink = {})
{
    InventoryFormat format = options.format;
    if (format == InventoryFormat::Auto)
        format = InventoryFormatDetector::detect(table.header());
    if (format == InventoryFormat::RvToolsHosts) {
        parsed.format = format;
        parsed.hosts = WorkbookTabs::readHosts(table, parsed.file, QStringLiteral("vHost"), parsed.issues);
        // rowsRead counts VM rows: a hosts-only file has none, so none are counted as refused.
        if (table.error())
            parsed.fatal = true;
        return;
    }
    readRecords(table, parsed, options, progress, sink);
}

/** Reads a workbook: its main sheet here, its other tabs on the thread pool at the same time. */
void readWorkbook(const std::shared_ptr<XlsxWorkbook> &workbook, ParsedInventory &parsed, const ImportOptions &options,
                  const InventoryReader::Progress &progress)
{
    if (workbook->error()) {
        parsed.issues.append(*workbook->error());
        parsed.fatal = true;
        return;
    }
    const QString main = InventoryReader::mainSheet(*workbook);
    XlsxReader table(workbook, main, true);
    if (table.error()) {
        parsed.issues.append(*table.error());
        parsed.fatal = true;
        return;
    }
    QList<QFuture<TabsRead>> tabs;
    if (main == QLatin1String("vInfo") && options.format != InventoryFormat::AzureMigrateDiscovery) {
        for (const auto &[sheet, task] : tabTasks()) {
            if (!workbook->hasSheet(QLatin1String(sheet)))
                continue;
            tabs.append(QtConcurrent::run([workbook, sheet = QLatin1String(sheet), task = task]() {
                TabsRead read;
                XlsxReader tab(workbook, sheet);
                if (tab.error()) {
                    read.issues.append(*tab.error());
                    read.damaged = true;
                    return read;
                }
                task(tab, workbook->fileName(), read);
                read.damaged = tab.error().has_value();
                return read;
            }));
        }
    }
    readTable(table, parsed, options, progress);
    TabsRead all;
    for (QFuture<TabsRead> &future : tabs) {
        TabsRead read = future.takeResult();
        all.issues.append(read.issues);
        all.damaged |= read.damaged;
        if (!read.hosts.isEmpty())
            all.hosts = std::move(read.hosts);
        if (!read.clusters.isEmpty())
            all.clusters = std::move(read.clusters);
        if (!read.partitions.isEmpty())
            all.partitions = std::move(read.partitions);
        if (!read.disks.isEmpty())
            all.disks = std::move(read.disks);
        if (!read.nics.isEmpty())
            all.nics = std::move(read.nics);
        if (!read.metaData.rvtoolsVersion.isEmpty() || !read.metaData.exportedAt.isEmpty())
            all.metaData = read.metaData;
    }
    if (parsed.fatal)
        return;
    parsed.issues.append(all.issues);
    parsed.fatal = all.damaged;
    attachTabs(parsed, all);
}

bool isZip(const QByteArray &start)
{
    return start.startsWith("PK\x03\x04");
}

} // namespace

ParsedInventory InventoryReader::read(const QString &path, const ImportOptions &options, const Progress &progress,
                                      const RowSink &sink)
{
    ParsedInventory parsed;
    parsed.file = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        parsed.issues.append(fileIssue(path, QStringLiteral("cannot be read: %1").arg(file.errorString())));
        parsed.fatal = true;
        return parsed;
    }
    if (isZip(file.peek(4))) {
        file.close();
        readWorkbook(XlsxWorkbook::open(path), parsed, options, progress);
        return parsed;
    }
    // The CSV reader holds the whole file in memory: refuse by size before reading a byte of it.
    if (file.size() > CsvReader::kMaxFileBytes) {
        parsed.issues.append(csvTooLarge(path, file.size()));
        parsed.fatal = true;
        return parsed;
    }
    CsvReader csv(file.readAll(), path);
    if (csv.error()) {
        parsed.issues.append(*csv.error());
        parsed.fatal = true;
        return parsed;
    }
    readTable(csv, parsed, options, progress, sink);
    return parsed;
}

ParsedInventory InventoryReader::readContent(const QByteArray &content, const QString &name,
                                             const ImportOptions &options)
{
    ParsedInventory parsed;
    parsed.file = name;
    if (isZip(content)) {
        readWorkbook(XlsxWorkbook::fromContent(content, name), parsed, options, {});
        return parsed;
    }
    if (content.size() > CsvReader::kMaxFileBytes) {
        parsed.issues.append(csvTooLarge(name, content.size()));
        parsed.fatal = true;
        return parsed;
    }
    CsvReader csv(content, name);
    if (csv.error()) {
        parsed.issues.append(*csv.error());
        parsed.fatal = true;
        return parsed;
    }
    readTable(csv, parsed, options, {});
    return parsed;
}

namespace {

void readRecords(RecordSource &table, ParsedInventory &parsed, const ImportOptions &options,
                 const InventoryReader::Progress &progress, const InventoryReader::RowSink &sink)
{
    const QString &path = parsed.file;
    if (!table.warning().isEmpty())
        parsed.warnings.append(table.warning());

    parsed.format = options.format;
    if (parsed.format == InventoryFormat::Auto) {
        parsed.format = InventoryFormatDetector::detect(table.header());
        if (parsed.format == InventoryFormat::Auto) {
            parsed.issues.append({path,
                                  1,
                                  {},
                                  {},
                                  QStringLiteral("the header row is not one Landfall knows; expected an RVTools vInfo "
                                                 "export (VM, Powerstate, CPUs, Memory, ...), an RVTools vHost export "
                                                 "(Host, # CPU, # Cores, ...), an Azure Migrate import CSV (*Server "
                                                 "Name, *Cores, ...), an Azure Migrate discovery export (Machine Name, "
                                                 "Cores, ...) or a Landfall CSV (name, ...)")});
            parsed.fatal = true;
            return;
        }
    }

    RowMapper mapper(InventoryReader::mappingFor(parsed.format), path, table.decimalMark());
    const QList<ImportIssue> missing = mapper.bind(table.header());
    if (!missing.isEmpty()) {
        parsed.issues.append(missing);
        parsed.fatal = true;
        return;
    }
    table.setWantedColumns(mapper.wantedColumns());

    // Reading is sequential; checking and converting rows is not: each full chunk of records
    // is mapped on the thread pool while the next one is read. Results are taken in file order.
    struct MappedChunk {
        QList<MappedRow> rows;
        QList<ImportIssue> issues;
    };
    // The mapper moves the cells out of the records (the records are spent). A task on the pool
    // owns its chunk in its lambda: QtConcurrent::run would hand a stored argument to a function
    // only as an lvalue of its own, and a parameter by value would copy every record once more.
    const auto mapChunk = [&mapper](std::vector<Record> &records) {
        MappedChunk chunk;
        chunk.rows.reserve(qsizetype(records.size())); // a MappedRow is large: no room left over from doubling
        for (Record &row : records) {
            if (std::optional<MappedRow> vm = mapper.map(row, chunk.issues))
                chunk.rows.append(std::move(*vm));
        }
        return chunk;
    };
    const auto mapOnPool = [&mapChunk](std::vector<Record> records) {
        return QtConcurrent::run([&mapChunk, records = std::move(records)]() mutable { return mapChunk(records); });
    };
    // The rows stay in their chunks: joined into one list, every row would be held twice for a moment.
    const auto isExcluded = [](const MappedRow &row) { return row.kind != MappedRow::Kind::Vm; };
    const auto take = [&](QFuture<MappedChunk> &future) {
        MappedChunk chunk = future.takeResult();
        for (MappedRow &row : chunk.rows) {
            if (isExcluded(row))
                parsed.excluded.append(std::move(row));
        }
        chunk.rows.removeIf(isExcluded); // a row moved from keeps its kind
        parsed.issues.append(chunk.issues);
        parsed.rowsMapped += chunk.rows.size();
        if (sink)
            sink(parsed, std::move(chunk.rows));
        else
            parsed.rows.appendChunk(std::move(chunk.rows));
    };
    // The file is read on a thread of its own, its chunks are mapped on the pool, and this thread
    // takes them in file order: with a sink, the project's write runs here while the next chunks
    // are read and mapped, three stages at once instead of reading and writing by turns.
    ChunkHandoff<MappedChunk> handoff(kChunksAhead);
    std::atomic<bool> stopReading = false;
    std::atomic<qint64> permilleRead = 0;
    int rowsRead = 0; // the reading thread's own, read here once it has ended
    std::thread reader([&] {
        std::vector<Record> records;
        records.reserve(kRowsPerChunk);
        Record record;
        while (!stopReading.load(std::memory_order_relaxed) && table.next(record)) {
            records.push_back(std::move(record));
            ++rowsRead;
            if (records.size() < kRowsPerChunk)
                continue;
            // While every pool thread is busy (a workbook's other tabs are read there), a chunk
            // queued would wait with its records whole: reading ahead of the mapping held every
            // vInfo row of a 100,000-VM workbook at once. This thread maps it instead.
            QThreadPool *pool = QThreadPool::globalInstance();
            if (pool->activeThreadCount() >= pool->maxThreadCount())
                handoff.put(QtFuture::makeReadyFuture(mapChunk(records)));
            else
                handoff.put(mapOnPool(std::exchange(records, {})));
            records.clear();
            records.reserve(kRowsPerChunk);
            permilleRead.store(qint64(table.fractionRead() * kProgressScale), std::memory_order_relaxed);
        }
        handoff.put(mapOnPool(std::move(records)));
        handoff.close();
    });
    bool cancelled = false;
    while (std::optional<QFuture<MappedChunk>> chunk = handoff.take()) {
        if (cancelled) {
            chunk->waitForFinished(); // the mapping uses `mapper`, which must outlive it
            continue;
        }
        take(*chunk);
        if (progress && !progress(permilleRead.load(std::memory_order_relaxed), kProgressScale)) {
            cancelled = true;
            stopReading = true;
        }
    }
    reader.join();
    parsed.rowsRead = rowsRead;
    if (cancelled) {
        parsed.issues.append(fileIssue(path, QStringLiteral("the import was cancelled")));
        parsed.fatal = true;
        return;
    }
    if (table.error()) {
        parsed.issues.append(*table.error());
        parsed.fatal = true;
    }
}

} // namespace

} // namespace landfall
