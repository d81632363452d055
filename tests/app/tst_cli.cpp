#include "../support/clirun.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using landfall::test::cli;
using landfall::test::Run;

QString sample(const char *name)
{
    return QStringLiteral(LANDFALL_TEST_DATA "/samples/") + QLatin1String(name);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray();
}

/** Writes `content` into `dir` as `name`; the file's path, or nothing when it could not be written. */
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

} // namespace

/** landfall-cli as scripts use it: its commands, exit statuses and JSON keys. */
class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importThenSummaryJson()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.landfall"));
        Run run = cli({QStringLiteral("import"), project, sample("rvtools-vinfo-sample.csv")});
        QCOMPARE(run.status, 0);
        QVERIFY(run.out.contains(QLatin1String("39 added")));
        run = cli({QStringLiteral("summary"), project, QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(summary.value(QLatin1String("vms")).toInt(), 39);
        QCOMPARE(summary.value(QLatin1String("poweredOn")).toInt(), 34);
        QCOMPARE(summary.value(QLatin1String("vcpu")).toInt(), 214);
        QCOMPARE(summary.value(QLatin1String("memoryGiB")).toDouble(), 282.0);
        QVERIFY(summary.value(QLatin1String("provisionedGiB")).toDouble() > 0);
        QVERIFY(summary.value(QLatin1String("usedGiB")).toDouble() > 0);
        const QJsonObject excluded = summary.value(QLatin1String("excluded")).toObject();
        QCOMPARE(excluded.value(QLatin1String("templates")).toInt(), 0);
        QCOMPARE(excluded.value(QLatin1String("srmPlaceholders")).toInt(), 1);
        const QJsonObject os = summary.value(QLatin1String("os")).toObject();
        QCOMPARE(os.value(QLatin1String("windows-server")).toObject().value(QLatin1String("2022")).toInt(), 3);
    }

    void summaryDoesNotCountUnknownUsedDiskAsZero()
    {
        // Azure Migrate gives no used disk: the 25 VMs are unknown, not 0, in the JSON and the text.
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.landfall"));
        Run run = cli({QStringLiteral("import"), project, sample("rvtools-vinfo-sample.csv"),
                       sample("azure-migrate-sample.csv")});
        QCOMPARE(run.status, 0);
        run = cli({QStringLiteral("summary"), project, QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(summary.value(QLatin1String("vms")).toInt(), 39 + 25);
        QCOMPARE(summary.value(QLatin1String("vmsWithoutUsedDisk")).toInt(), 25);
        QVERIFY(summary.value(QLatin1String("usedGiB")).toDouble() > 0); // the 39 RVTools VMs'
        run = cli({QStringLiteral("summary"), project});
        QCOMPARE(run.status, 0);
        QVERIFY2(run.out.contains(QLatin1String("(unknown for 25 VMs, not counted)")), qPrintable(run.out));
    }

    void summaryJsonHasHostsGuestUsedAndSources()
    {
        // An RVTools vInfo CSV and its vHost tab as CSV, in one import: the demo's two files.
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.landfall"));
        const QString vhost =
            writeFile(dir, QStringLiteral("vhost.csv"),
                      "Host,Datacenter,Cluster,CPU Model,# CPU,# Cores,HT Active,# Memory,# VMs,# vCPUs,ESX Version,"
                      "Vendor,Model\n"
                      "esx01,DC1,CL1,Intel Xeon Gold 6338,2,32,True,1048576,20,80,VMware ESXi 8.0.2,Dell Inc.,R750\n"
                      "esx02,DC1,CL1,Intel Xeon Gold 6338,2,32,True,524288,19,70,VMware ESXi 8.0.2,Dell Inc.,R750\n");
        QVERIFY(!vhost.isEmpty());
        Run run = cli({QStringLiteral("import"), project, sample("rvtools-vinfo-sample.csv"), vhost});
        QCOMPARE(run.status, 0);
        QVERIFY2(run.out.contains(QLatin1String("2 hosts")), qPrintable(run.out));
        run = cli({QStringLiteral("summary"), project, QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(summary.value(QLatin1String("vms")).toInt(), 39); // the existing keys keep their meaning
        const QJsonObject hosts = summary.value(QLatin1String("hosts")).toObject();
        QCOMPARE(hosts.value(QLatin1String("count")).toInt(), 2);
        QCOMPARE(hosts.value(QLatin1String("cores")).toInt(), 64);
        QCOMPARE(hosts.value(QLatin1String("sockets")).toInt(), 4);
        QCOMPARE(hosts.value(QLatin1String("memoryGiB")).toDouble(), 1536.0);
        QVERIFY(summary.contains(QLatin1String("guestUsedGiB")));
        QCOMPARE(summary.value(QLatin1String("guestUsedGiB")).toDouble(), 0.0); // no vPartition in a CSV
        const QJsonArray sources = summary.value(QLatin1String("sources")).toArray();
        QCOMPARE(sources.size(), 2);
        QCOMPARE(sources[0].toObject().value(QLatin1String("format")).toString(), QStringLiteral("rvtools"));
        QCOMPARE(sources[1].toObject().value(QLatin1String("format")).toString(), QStringLiteral("rvtools-vhost"));
        QVERIFY(sources[0].toObject().contains(QLatin1String("rvtoolsVersion")));
        QVERIFY(sources[0].toObject().contains(QLatin1String("exportedAt")));
    }

    void severalFilesAndForcedFormat()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.landfall"));
        Run run = cli({QStringLiteral("import"), project, sample("rvtools-vinfo-sample.csv"),
                       sample("workshop-answers-sample.csv"), QStringLiteral("--format"), QStringLiteral("auto")});
        QCOMPARE(run.status, 0);
        QVERIFY(run.out.contains(QLatin1String("28 updated")));
        run = cli({QStringLiteral("import"), project, sample("azure-migrate-sample.csv"), QStringLiteral("--format"),
                   QStringLiteral("azure-migrate")});
        QCOMPARE(run.status, 0);
        run = cli({QStringLiteral("summary"), project, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("vms")).toInt(), 64);
    }

    void rejectedInputExitsOneAndLeavesNoProject()
    {
        QTemporaryDir dir;
        const QString bad =
            writeFile(dir, QStringLiteral("bad.csv"), "VM,Powerstate,CPUs,Memory\nweb1,poweredOn,four,4096\n");
        QVERIFY(!bad.isEmpty());
        const QString project = dir.filePath(QStringLiteral("p.landfall"));
        const Run run = cli({QStringLiteral("import"), project, bad});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(bad + QLatin1String(":2:CPUs: \"four\"")), qPrintable(run.err));
        QVERIFY(!QFile::exists(project));
    }

    void rejectedInputLeavesAnExistingProjectByteForByte()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.landfall"));
        QCOMPARE(cli({QStringLiteral("import"), project, sample("rvtools-vinfo-sample.csv")}).status, 0);
        const QByteArray before = fileHash(project);
        const QString garbage =
            writeFile(dir, QStringLiteral("garbage.xlsx"), QByteArray("PK\x03\x04", 4) + QByteArray(300, '\x01'));
        QVERIFY(!garbage.isEmpty());
        const Run run = cli({QStringLiteral("import"), project, sample("azure-migrate-sample.csv"), garbage});
        QCOMPARE(run.status, 1);
        QVERIFY(run.err.contains(garbage));
        QCOMPARE(fileHash(project), before);
    }

    void skipBadRowsExitsZero()
    {
        QTemporaryDir dir;
        const QString bad = writeFile(dir, QStringLiteral("bad.csv"),
                                      "VM,Powerstate,CPUs,Memory\nweb1,poweredOn,four,4096\nweb2,poweredOn,2,4096\n");
        QVERIFY(!bad.isEmpty());
        const Run run = cli({QStringLiteral("import"), dir.filePath(QStringLiteral("p.landfall")), bad,
                             QStringLiteral("--skip-bad-rows")});
        QCOMPARE(run.status, 0);
        QVERIFY(run.err.contains(QLatin1String(":2:CPUs:")));
        QVERIFY(run.out.contains(QLatin1String("1 added")));
    }

    /** Issue 13, item 8: --skip-bad-rows is suggested only where it would import something, in
        one file and in several; an empty cell is never quoted as a value. */
    void suggestsSkipBadRowsOnlyWhenItWouldImport_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("copies");
        QTest::addColumn<bool>("suggested");
        const QByteArray header = "VM,Powerstate,CPUs,Memory\n";
        QTest::newRow("one bad row of two") << header + "web1,poweredOn,four,4096\nweb2,poweredOn,2,4096\n"
                                            << 1 << true;
        QTest::newRow("every row bad") << header + "web1,poweredOn,four,4096\nweb2,poweredOn,,4096\n" << 1 << false;
        QTest::newRow("every row bad, two files") << header + "web1,poweredOn,four,4096\n" << 2 << false;
        QTest::newRow("one good row, two files") << header + "web1,poweredOn,four,4096\nweb2,poweredOn,2,4096\n"
                                                 << 2 << true;
        QTest::newRow("no mandatory column") << QByteArray("VM,Powerstate\nweb1,poweredOn\n") << 1 << false;
    }

    void suggestsSkipBadRowsOnlyWhenItWouldImport()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, copies);
        QFETCH(bool, suggested);
        QTemporaryDir dir;
        QStringList arguments{QStringLiteral("import"), dir.filePath(QStringLiteral("p.landfall"))};
        for (int i = 0; i < copies; ++i) {
            const QString path = writeFile(dir, QStringLiteral("in%1.csv").arg(i), content);
            QVERIFY(!path.isEmpty());
            arguments.append(path);
        }
        const Run run = cli(arguments);
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QLatin1String("nothing was imported")), qPrintable(run.err));
        QCOMPARE(run.err.contains(QLatin1String("--skip-bad-rows")), suggested);
        QVERIFY2(!run.err.contains(QLatin1String("\"\"")) && !run.err.contains(QLatin1String("value ,")),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("p.landfall")))); // no project left behind
    }

    void aMissingColumnNamesTheFormatWithItsArticle()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("azm.csv"), "VM,Powerstate\nweb1,poweredOn\n");
        QVERIFY(!path.isEmpty());
        const Run run = cli({QStringLiteral("import"), dir.filePath(QStringLiteral("p.landfall")), path,
                             QStringLiteral("--format"), QStringLiteral("azure-migrate")});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QLatin1String("azm.csv:1:")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("expected a column named \"Cores\" in an Azure Migrate")),
                 qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String(" a Azure")));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("nothing") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("no-such-command")};
        QTest::newRow("import without files") << QStringList{QStringLiteral("import"), QStringLiteral("p.landfall")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("summary"), QStringLiteral("p.landfall"),
                                                       QStringLiteral("--colour")};
        QTest::newRow("unknown format") << QStringList{QStringLiteral("import"), QStringLiteral("p.landfall"),
                                                       QStringLiteral("x.csv"), QStringLiteral("--format"),
                                                       QStringLiteral("excel")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QCOMPARE(cli(arguments).status, 2);
    }

    void unusableProjectsExitThree()
    {
        QTemporaryDir dir;
        const QString foreign = writeFile(dir, QStringLiteral("notes.txt"), "just some notes\n");
        QVERIFY(!foreign.isEmpty());
        Run run = cli({QStringLiteral("import"), foreign, sample("rvtools-vinfo-sample.csv")});
        QCOMPARE(run.status, 3);
        QVERIFY(run.err.contains(QLatin1String("not a Landfall project")));
        run = cli({QStringLiteral("summary"), dir.filePath(QStringLiteral("missing.landfall"))});
        QCOMPARE(run.status, 3);
    }

    void versionAndHelp()
    {
        Run run = cli({QStringLiteral("--version")});
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("landfall-cli " LANDFALL_VERSION));
        run = cli({QStringLiteral("--help")});
        QCOMPARE(run.status, 0);
        QVERIFY(run.out.contains(QLatin1String("import PROJECT FILE...")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
