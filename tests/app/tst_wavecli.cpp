#include "../support/clirun.h"

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

QString demo(const char *name)
{
    return QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/") + QLatin1String(name);
}

} // namespace

/** landfall-cli dependencies and waves on the demo: the public JSON keys, exit statuses and errors. */
class TestWaveCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_project = m_dir.filePath(QStringLiteral("demo.landfall"));
        QCOMPARE(cli({QStringLiteral("import"), m_project, demo("demo-rvtools-vinfo.csv"),
                      demo("demo-workshop-answers.csv")})
                     .status,
                 0);
        QCOMPARE(cli({QStringLiteral("classify"), m_project}).status, 0);
    }

    void importTheDemoDependencies()
    {
        const Run run = cli({QStringLiteral("dependencies"), m_project, QStringLiteral("--import"),
                             demo("demo-dependencies.csv"), QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(json.value(QLatin1String("dependencies")).toInt() > 1000);
        QVERIFY(json.value(QLatin1String("externalEndpoints")).toInt() >= 3);
        QCOMPARE(json.value(QLatin1String("imported")).toObject().value(QLatin1String("format")).toString(),
                 QStringLiteral("landfall-connections"));
    }

    void badRowsChangeNothing()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("source,target,port,protocol\nfra-file-0000000,sql,1433,tcp\nweb,sql,port,tcp\n");
        file.close();
        const int before = cli({QStringLiteral("dependencies"), m_project, QStringLiteral("--json")})
                               .out.toUtf8()
                               .count("\"dependencies\"");
        const Run run = cli({QStringLiteral("dependencies"), m_project, QStringLiteral("--import"), bad});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QLatin1String("bad.csv:3:port: \"port\": expected a port number")),
                 qPrintable(run.err));
        const Run after = cli({QStringLiteral("dependencies"), m_project, QStringLiteral("--json")});
        QCOMPARE(after.out.toUtf8().count("\"dependencies\""), before);
        QVERIFY(QJsonDocument::fromJson(after.out.toUtf8()).object().value(QLatin1String("dependencies")).toInt() >
                1000);
    }

    void wavesJson()
    {
        const Run run =
            cli({QStringLiteral("waves"), m_project, QStringLiteral("--max-vms"), QStringLiteral("40"),
                 QStringLiteral("--max-tib"), QStringLiteral("8"), QStringLiteral("--wave-days"), QStringLiteral("10"),
                 QStringLiteral("--start"), QStringLiteral("2027-03-01"), QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonArray groups = json.value(QLatin1String("groups")).toArray();
        const QJsonArray waves = json.value(QLatin1String("waves")).toArray();
        QVERIFY(json.value(QLatin1String("crossWaveDependencies")).isArray());
        QVERIFY(!groups.isEmpty());
        QVERIFY(waves.size() >= 2);
        for (const char *key : {"name", "reason", "vms"})
            QVERIFY(groups.first().toObject().contains(QLatin1String(key)));
        const QJsonObject first = waves.first().toObject();
        for (const char *key : {"number", "start", "end", "groups", "vms", "tib"})
            QVERIFY(first.contains(QLatin1String(key)));
        QCOMPARE(first.value(QLatin1String("start")).toString(), QStringLiteral("2027-03-01"));
        int vms = 0;
        for (const QJsonValue &wave : waves) {
            vms += wave.toObject().value(QLatin1String("vms")).toInt();
            QVERIFY(wave.toObject().value(QLatin1String("vms")).toInt() <= 40 ||
                    wave.toObject().value(QLatin1String("groups")).toArray().size() == 1);
        }
        const Run summary = cli({QStringLiteral("summary"), m_project, QStringLiteral("--json")});
        QCOMPARE(vms + json.value(QLatin1String("retainedVms")).toInt(),
                 QJsonDocument::fromJson(summary.out.toUtf8()).object().value(QLatin1String("vms")).toInt());
    }

    void pinAndUsage()
    {
        Run run = cli({QStringLiteral("waves"), m_project, QStringLiteral("--json")});
        const QJsonObject group = QJsonDocument::fromJson(run.out.toUtf8())
                                      .object()
                                      .value(QLatin1String("groups"))
                                      .toArray()
                                      .first()
                                      .toObject();
        const QString name = group.value(QLatin1String("name")).toString();
        run = cli({QStringLiteral("waves"), m_project, QStringLiteral("--pin"), name + QStringLiteral("=9"),
                   QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonArray waves =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("waves")).toArray();
        QVERIFY(waves.size() >= 9);
        QVERIFY(waves.at(8).toObject().value(QLatin1String("groups")).toArray().contains(name));
        QCOMPARE(cli({QStringLiteral("waves"), m_project, QStringLiteral("--pin"), name + QStringLiteral("=0")}).status,
                 0);
        QCOMPARE(cli({QStringLiteral("waves"), m_project, QStringLiteral("--pin"), QStringLiteral("nobody=2")}).status,
                 1);
        QCOMPARE(cli({QStringLiteral("waves"), m_project, QStringLiteral("--max-vms"), QStringLiteral("lots")}).status,
                 2);
        QCOMPARE(cli({QStringLiteral("waves"), m_project, QStringLiteral("--start"), QStringLiteral("soon")}).status,
                 2);
        QCOMPARE(cli({QStringLiteral("waves"), m_dir.filePath(QStringLiteral("missing.landfall"))}).status, 3);
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

QTEST_GUILESS_MAIN(TestWaveCli)
#include "tst_wavecli.moc"
