#include "dependencyimporter.h"

#include "io/cellparser.h"
#include "io/csvreader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace landfall {

namespace {

/** A header as compared: lower case, without spaces, underscores or dashes. */
QString headerKey(const QString &header)
{
    QString key;
    key.reserve(header.size());
    for (const QChar c : header) {
        if (c != u' ' && c != u'_' && c != u'-' && c != u'*')
            key.append(c.toLower());
    }
    return key;
}

/** The column of each field a format reads; -1 where the file has none. */
struct Columns {
    int source = -1;
    int sourceIp = -1;
    int target = -1;
    int targetIp = -1;
    int port = -1;
    int protocol = -1;
    int process = -1;
};

int find(const QStringList &keys, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const int index = int(keys.indexOf(QLatin1String(name)));
        if (index >= 0)
            return index;
    }
    return -1;
}

QString field(const Record &record, int column)
{
    if (column < 0 || size_t(column) >= record.fields.size())
        return {};
    return record.fields[size_t(column)].trimmed();
}

} // namespace

Result<DependencyImport, QList<ImportIssue>> DependencyImporter::readFile(const QString &path, bool skipBadRows)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QList<ImportIssue>{{name, 0, {}, {}, QStringLiteral("cannot read the file: ") + file.errorString()}};
    if (file.size() > CsvReader::kMaxFileBytes)
        return QList<ImportIssue>{
            {name,
             0,
             {},
             {},
             QStringLiteral("the file is larger than %1 MiB").arg(CsvReader::kMaxFileBytes / (1024 * 1024))}};
    CsvReader reader(file.readAll(), name);
    return read(reader, name, skipBadRows);
}

Result<DependencyImport, QList<ImportIssue>> DependencyImporter::read(RecordSource &source, const QString &fileName,
                                                                      bool skipBadRows)
{
    const QStringList &header = source.header();
    QStringList keys;
    for (const QString &h : header)
        keys.append(headerKey(h));

    DependencyImport result;
    Columns c;
    if (find(keys, {"sourceservername"}) >= 0 || find(keys, {"destinationservername"}) >= 0) {
        result.format = QLatin1String(kAzureMigrateFormat);
        c.source = find(keys, {"sourceservername"});
        c.sourceIp = find(keys, {"sourceip"});
        c.target = find(keys, {"destinationservername"});
        c.targetIp = find(keys, {"destinationip"});
        c.port = find(keys, {"destinationport"});
        c.process = find(keys, {"destinationprocess"});
        c.protocol = find(keys, {"protocol"});
        QStringList missing;
        if (c.source < 0 && c.sourceIp < 0)
            missing.append(QStringLiteral("Source server name or Source IP"));
        if (c.target < 0 && c.targetIp < 0)
            missing.append(QStringLiteral("Destination server name or Destination IP"));
        if (c.port < 0)
            missing.append(QStringLiteral("Destination port"));
        if (!missing.isEmpty())
            return QList<ImportIssue>{{fileName,
                                       1,
                                       {},
                                       {},
                                       QStringLiteral("an Azure Migrate dependency export needs the column(s) ") +
                                           missing.join(QLatin1String(", "))}};
    } else {
        result.format = QLatin1String(kConnectionsFormat);
        c.source = find(keys, {"source", "sourcevm", "client"});
        c.target = find(keys, {"target", "targetvm", "destination", "server"});
        c.port = find(keys, {"port", "destinationport"});
        c.protocol = find(keys, {"protocol"});
        c.process = find(keys, {"process"});
        QStringList missing;
        if (c.source < 0)
            missing.append(QStringLiteral("source"));
        if (c.target < 0)
            missing.append(QStringLiteral("target"));
        if (c.port < 0)
            missing.append(QStringLiteral("port"));
        if (!missing.isEmpty())
            return QList<ImportIssue>{
                {fileName,
                 1,
                 {},
                 {},
                 QStringLiteral("not a dependency file: expected the columns source, target, port (and protocol), "
                                "or Azure Migrate's dependency export; missing ") +
                     missing.join(QLatin1String(", "))}};
    }

    const auto headerOf = [&](int column) { return column >= 0 ? header[column] : QString(); };
    QList<ImportIssue> issues;
    QHash<QString, qsizetype> seen; // source|target|port|protocol -> index in connections
    const CellParser numbers;
    Record record;
    while (source.next(record)) {
        ++result.rowsRead;
        bool empty = true;
        for (const QString &f : record.fields)
            empty = empty && f.trimmed().isEmpty();
        if (empty)
            continue; // spreadsheets leave blank rows at the end
        QList<ImportIssue> rowIssues;
        Connection connection;
        connection.source = field(record, c.source);
        connection.sourceIp = field(record, c.sourceIp);
        connection.target = field(record, c.target);
        connection.targetIp = field(record, c.targetIp);
        if (connection.source.isEmpty())
            connection.source = connection.sourceIp;
        if (connection.target.isEmpty())
            connection.target = connection.targetIp;
        if (connection.source.isEmpty())
            rowIssues.append({fileName, record.row, headerOf(c.source >= 0 ? c.source : c.sourceIp), QString(),
                              QStringLiteral("expected the client's VM name or IP address")});
        if (connection.target.isEmpty())
            rowIssues.append({fileName, record.row, headerOf(c.target >= 0 ? c.target : c.targetIp), QString(),
                              QStringLiteral("expected the server's VM name or IP address")});
        const QString portText = field(record, c.port);
        const std::optional<qint64> port = numbers.wholeNumber(portText);
        if (!port || *port < 0 || *port > 65535)
            rowIssues.append({fileName, record.row, headerOf(c.port), portText,
                              QStringLiteral("expected a port number from 0 to 65535")});
        else
            connection.port = int(*port);
        const QString protocol = field(record, c.protocol).toLower();
        if (protocol.isEmpty() || protocol == QLatin1String("tcp") || protocol == QLatin1String("udp"))
            connection.protocol = protocol.isEmpty() ? QStringLiteral("tcp") : protocol;
        else
            rowIssues.append({fileName, record.row, headerOf(c.protocol), field(record, c.protocol),
                              QStringLiteral("expected tcp or udp")});
        connection.process = field(record, c.process);
        if (!connection.source.isEmpty() && connection.source.compare(connection.target, Qt::CaseInsensitive) == 0 &&
            rowIssues.isEmpty())
            continue; // a process talking to itself is no dependency between machines
        if (!rowIssues.isEmpty()) {
            issues.append(rowIssues);
            continue;
        }
        const QString key = connection.source.toLower() + u'|' + connection.target.toLower() + u'|' +
                            QString::number(connection.port) + u'|' + connection.protocol;
        const auto it = seen.constFind(key);
        if (it != seen.cend()) {
            ++result.connections[*it].observations; // the same connection in another time slot
            continue;
        }
        seen.insert(key, result.connections.size());
        result.connections.append(std::move(connection));
    }
    if (const auto error = source.error())
        return QList<ImportIssue>{*error};
    if (!issues.isEmpty() && !skipBadRows)
        return issues;
    result.skipped = issues;
    return result;
}

} // namespace landfall
