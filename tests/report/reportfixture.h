#pragma once

// The demo project the report tests share: the bundled demo inventory and answers, one VM
// with a hostile name and annotation, two scenarios, classified; made through landfall-cli as
// a consultant would.
#include "../support/testtimeout.h"
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace reporttest {

inline const QString kHostileName = QStringLiteral("<script>alert(1)</script> & \"x\"");
inline const QString kHostileNote = QStringLiteral("<b>not bold</b> &amp; =1+1");

struct Run {
    int status = -1;
    QString out;
    QString err;
};

inline Run run(const QString &program, const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(landfall::test::scaledTimeout(timeoutMs)))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

inline Run cli(const QStringList &arguments)
{
    return run(qEnvironmentVariable("LANDFALL_CLI"), arguments);
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/** Builds the project in `dir`; returns its path, or an empty string (after a QTest failure). */
inline QString makeDemoProject(const QTemporaryDir &dir)
{
    const QString demo = QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/");
    QFile source(demo + QStringLiteral("demo-rvtools-vinfo.csv"));
    if (!source.open(QIODevice::ReadOnly))
        return {};
    QByteArray inventory = source.readAll();
    // One more VM: a copy of the first row under a hostile name, a new UUID and a hostile note.
    const qsizetype firstEnd = inventory.indexOf('\n');
    const qsizetype secondEnd = inventory.indexOf('\n', firstEnd + 1);
    QString row = QString::fromUtf8(inventory.mid(firstEnd + 1, secondEnd - firstEnd - 1)).trimmed();
    const QString name = row.section(u',', 0, 0);
    const QString uuid = QStringLiteral("8d116ece-1738-47d9-bd9c-172411e20b8f");
    row.replace(uuid, QStringLiteral("0badc0de-0000-4000-8000-00000000beef"));
    row.replace(QStringLiteral("\"Backup: daily \"\"gold\"\" policy\""),
                QStringLiteral("\"<b>not bold</b> &amp; =1+1\""));
    row = QStringLiteral("\"<script>alert(1)</script> & \"\"x\"\"\"") + row.mid(name.size());
    if (!inventory.endsWith('\n'))
        inventory += "\r\n";
    inventory += row.toUtf8() + "\r\n";
    const QString inventoryPath = dir.filePath(QStringLiteral("inventory.csv"));
    if (!writeFile(inventoryPath, inventory))
        return {};

    const QString project = dir.filePath(QStringLiteral("demo.landfall"));
    Run r = cli({QStringLiteral("import"), project, inventoryPath, demo + QStringLiteral("demo-workshop-answers.csv")});
    if (r.status != 0) {
        qWarning("import: %s", qPrintable(r.err));
        return {};
    }
    const QString baseline = dir.filePath(QStringLiteral("baseline.json"));
    const QString large = dir.filePath(QStringLiteral("large.json"));
    // Nodes large enough for the demo's 16-vCPU VMs, which have no utilisation data.
    writeFile(baseline, R"({"name": "baseline", "node": {"vcpu": 32, "memoryGiB": 128},
                            "nodeSizes": [{"vcpu": 16, "memoryGiB": 64}, {"vcpu": 32, "memoryGiB": 128}, {"vcpu": 64, "memoryGiB": 256}]})");
    writeFile(large, R"({"name": "large-nodes", "node": {"vcpu": 64, "memoryGiB": 256},
                         "nodeSizes": [{"vcpu": 16, "memoryGiB": 64}, {"vcpu": 32, "memoryGiB": 128}, {"vcpu": 64, "memoryGiB": 256}]})");
    for (const QString &file : {baseline, large}) {
        r = cli({QStringLiteral("scenario"), project, QStringLiteral("--add"), file});
        if (r.status != 0) {
            qWarning("scenario: %s", qPrintable(r.err));
            return {};
        }
    }
    return project;
}

} // namespace reporttest
