#include "inventoryreader.h"

#include "csvreader.h"
#include "formatmappings.h"
#include "xlsxreader.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace landfall {

namespace {

constexpr int kProgressEveryRows = 4096;
constexpr qint64 kProgressScale = 1000;
constexpr size_t kRowsPerChunk = 2048;

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
                 const InventoryReader::Progress &progress);

} // namespace

FormatMapping InventoryReader::mappingFor(InventoryFormat format)
{
    switch (format) {
    case InventoryFormat::AzureMigrate:
        return FormatMappings::azureMigrate();
    case InventoryFormat::Landfall:
        return FormatMappings::landfall();
    case InventoryFormat::RvTools:
    case InventoryFormat::Auto:
        break;
    }
    return FormatMappings::rvTools();
}

std::unique_ptr<RecordSource> InventoryReader::openTable(const QString &path, QList<ImportIssue> &issues)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        issues.append(fileIssue(path, QStringLiteral("cannot be read: %1").arg(file.errorString())));
        return nullptr;
    }
    const QByteArray magic = file.peek(4);
    if (magic.startsWith("PK\x03\x04")) {
        file.close();
        auto workbook = std::make_unique<XlsxReader>(path, QStringLiteral("vInfo"));
        if (workbook->error()) {
            issues.append(*workbook->error());
            return nullptr;
        }
        return workbook;
    }
    // The CSV reader holds the whole file in memory: refuse by size before reading a byte of it.
    if (file.size() > CsvReader::kMaxFileBytes) {
        issues.append(csvTooLarge(path, file.size()));
        return nullptr;
    }
    return openContent(file.readAll(), path, issues);
}

std::unique_ptr<RecordSource> InventoryReader::openContent(QByteArray content, const QString &name,
                                                           QList<ImportIssue> &issues)
{
    if (content.startsWith("PK\x03\x04")) {
        auto workbook = std::make_unique<XlsxReader>(content, name, QStringLiteral("vInfo"));
        if (workbook->error()) {
            issues.append(*workbook->error());
            return nullptr;
        }
        return workbook;
    }
    if (content.size() > CsvReader::kMaxFileBytes) {
        issues.append(csvTooLarge(name, content.size()));
        return nullptr;
    }
    auto csv = std::make_unique<CsvReader>(std::move(content), name);
    if (csv->error()) {
        issues.append(*csv->error());
        return nullptr;
    }
    return csv;
}

ParsedInventory InventoryReader::read(const QString &path, const ImportOptions &options, const Progress &progress)
{
    ParsedInventory parsed;
    parsed.file = path;
    std::unique_ptr<RecordSource> table = openTable(path, parsed.issues);
    if (!table) {
        parsed.fatal = true;
        return parsed;
    }
    readRecords(*table, parsed, options, progress);
    return parsed;
}

ParsedInventory InventoryReader::readContent(const QByteArray &content, const QString &name,
                                             const ImportOptions &options)
{
    ParsedInventory parsed;
    parsed.file = name;
    std::unique_ptr<RecordSource> table = openContent(content, name, parsed.issues);
    if (!table) {
        parsed.fatal = true;
        return parsed;
    }
    readRecords(*table, parsed, options, {});
    return parsed;
}

namespace {

void readRecords(RecordSource &table, ParsedInventory &parsed, const ImportOptions &options,
                 const InventoryReader::Progress &progress)
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
                                                 "export (VM, Powerstate, CPUs, Memory, ...), an Azure Migrate import "
                                                 "CSV (*Server Name, *Cores, ...) or a Landfall CSV (name, ...)")});
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
    // is mapped on the thread pool while the next one is read. Results are joined in file order.
    struct MappedChunk {
        QList<MappedRow> rows;
        QList<ImportIssue> issues;
    };
    const auto mapChunk = [&mapper](std::vector<Record> records) {
        MappedChunk chunk;
        for (const Record &row : records) {
            if (std::optional<MappedRow> vm = mapper.map(row, chunk.issues))
                chunk.rows.append(std::move(*vm));
        }
        return chunk;
    };
    QList<QFuture<MappedChunk>> pending;
    std::vector<Record> records;
    Record record;
    bool cancelled = false;
    while (!cancelled && table.next(record)) {
        records.push_back(std::move(record));
        ++parsed.rowsRead;
        if (records.size() == kRowsPerChunk) {
            pending.append(QtConcurrent::run(mapChunk, std::exchange(records, {})));
            records.reserve(kRowsPerChunk);
        }
        cancelled = progress && parsed.rowsRead % kProgressEveryRows == 0 &&
                    !progress(qint64(table.fractionRead() * kProgressScale), kProgressScale);
    }
    pending.append(QtConcurrent::run(mapChunk, std::move(records)));
    parsed.rows.reserve(parsed.rowsRead); // a MappedRow is large: grow the list once, not by doubling
    for (QFuture<MappedChunk> &future : pending) {
        MappedChunk chunk = future.takeResult();
        for (MappedRow &row : chunk.rows)
            (row.kind == MappedRow::Kind::Vm ? parsed.rows : parsed.excluded).append(std::move(row));
        parsed.issues.append(chunk.issues);
    }
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
