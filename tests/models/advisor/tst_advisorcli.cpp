#include "../../support/testtimeout.h"
#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/** landfall-cli's advisor commands as a script sees them: output, files and exit statuses. */
class TestAdvisorCli : public QObject {
    Q_OBJECT

private:
    struct Run {
        int status = -1;
        QByteArray out;
        QString err;
    };

    QTemporaryDir m_dir;
    QString m_project;

    static Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(qEnvironmentVariable("LANDFALL_CLI"), arguments);
        Run run;
        if (!process.waitForFinished(landfall::test::scaledTimeout(60000)))
            return run;
        run.status = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QJsonArray classifyJson(const QStringList &extra = {})
    {
        const Run run = cli(QStringList{QStringLiteral("classify"), m_project, QStringLiteral("--json")} + extra);
        if (run.status != 0)
            qWarning("%s", qPrintable(run.err));
        return QJsonDocument::fromJson(run.out).array();
    }

    static QJsonObject byName(const QJsonArray &decisions, const QString &name)
    {
        for (const QJsonValue &value : decisions) {
            if (value[QStringLiteral("name")].toString() == name)
                return value.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("LANDFALL_CLI").isEmpty());
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("demo.landfall"));
        const QString demo = QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/");
        const Run run = cli({QStringLiteral("import"), m_project, demo + QLatin1String("demo-rvtools-vinfo.csv"),
                             demo + QLatin1String("demo-workshop-answers.csv")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
    }

    void classifyPrintsEveryField()
    {
        const QJsonArray decisions = classifyJson();
        QVERIFY(decisions.size() > 100);
        for (const QJsonValue &value : decisions) {
            const QJsonObject d = value.toObject();
            for (const char *key :
                 {"name", "path", "confidence", "target", "baseImage", "isolation", "conditions", "rules", "reason"})
                QVERIFY2(d.contains(QLatin1String(key)), key);
            QVERIFY(d[QStringLiteral("conditions")].isArray());
            QVERIFY(!d[QStringLiteral("rules")].toArray().isEmpty());
            const bool containerized = d[QStringLiteral("path")].toString() == QLatin1String("containerize");
            QCOMPARE(d[QStringLiteral("baseImage")].toString().isEmpty(), !containerized);
        }
    }

    void summaryCountsPaths()
    {
        const Run run = cli({QStringLiteral("summary"), m_project, QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonObject paths = QJsonDocument::fromJson(run.out).object()[QStringLiteral("paths")].toObject();
        int total = 0;
        for (const char *path : {"rehost", "containerize", "cloudNative", "retire", "retain"}) {
            QVERIFY2(paths[QLatin1String(path)].toInt() > 0, path);
            total += paths[QLatin1String(path)].toInt();
        }
        QCOMPARE(total, QJsonDocument::fromJson(run.out).object()[QStringLiteral("vms")].toInt());
    }

    void endOfSupportPerVmAndInTheSummary()
    {
        // A past plan date reproduces a past report; "today" clears it again.
        QCOMPARE(
            cli({QStringLiteral("classify"), m_project, QStringLiteral("--plan-date"), QStringLiteral("2026-12-01")})
                .status,
            0);
        const QJsonArray decisions = classifyJson();
        int dated = 0;
        for (const QJsonValue &d : decisions) {
            QVERIFY(d.toObject().contains(QStringLiteral("endOfSupport")));
            const QString date = d[QStringLiteral("endOfSupport")].toString();
            QVERIFY2(date.isEmpty() || QDate::fromString(date, Qt::ISODate).isValid(), qPrintable(date));
            dated += !date.isEmpty();
        }
        QVERIFY(dated > 0);
        const QJsonObject summary =
            QJsonDocument::fromJson(cli({QStringLiteral("summary"), m_project, QStringLiteral("--json")}).out).object();
        const QJsonObject eos = summary[QStringLiteral("endOfSupport")].toObject();
        QVERIFY(eos[QStringLiteral("past")].toInt() > 0);
        QVERIFY(eos[QStringLiteral("within12Months")].toInt() > 0);
        QCOMPARE(eos[QStringLiteral("planDate")].toString(), QStringLiteral("2026-12-01"));
        // Ten years on, every dated OS of the demo is past.
        QCOMPARE(
            cli({QStringLiteral("classify"), m_project, QStringLiteral("--plan-date"), QStringLiteral("2036-12-01")})
                .status,
            0);
        const QJsonObject later =
            QJsonDocument::fromJson(cli({QStringLiteral("summary"), m_project, QStringLiteral("--json")}).out)
                .object()[QStringLiteral("endOfSupport")]
                .toObject();
        QCOMPARE(later[QStringLiteral("past")].toInt(), dated);
        QCOMPARE(
            cli({QStringLiteral("classify"), m_project, QStringLiteral("--plan-date"), QStringLiteral("1 May")}).status,
            2);
        QCOMPARE(
            cli({QStringLiteral("classify"), m_project, QStringLiteral("--plan-date"), QStringLiteral("today")}).status,
            0);
    }

    void platformAndBuild()
    {
        QJsonArray decisions = classifyJson({QStringLiteral("--platform"), QStringLiteral("container-host"),
                                             QStringLiteral("--windows-build"), QStringLiteral("10.0.17763")});
        bool sawLtsc2019 = false;
        for (const QJsonValue &d : decisions)
            sawLtsc2019 |= d[QStringLiteral("baseImage")].toString().endsWith(QLatin1String(":ltsc2019"));
        QVERIFY(sawLtsc2019);
        QCOMPARE(cli({QStringLiteral("classify"), m_project, QStringLiteral("--platform"), QStringLiteral("kubernetes"),
                      QStringLiteral("--windows-build"), QStringLiteral("10.0.17763")})
                     .status,
                 2);
        QCOMPARE(
            cli({QStringLiteral("classify"), m_project, QStringLiteral("--platform"), QStringLiteral("aks")}).status,
            2);
        decisions = classifyJson({QStringLiteral("--platform"), QStringLiteral("kubernetes")});
        for (const QJsonValue &d : decisions)
            QVERIFY(!d[QStringLiteral("baseImage")].toString().endsWith(QLatin1String(":ltsc2019")));
    }

    void overrideSetAndClear()
    {
        const QJsonArray before = classifyJson();
        const QString name = before.at(0)[QStringLiteral("name")].toString();
        const QString path = before.at(0)[QStringLiteral("path")].toString();
        const QString other = path == QLatin1String("retain") ? QStringLiteral("rehost") : QStringLiteral("retain");
        Run run = cli({QStringLiteral("override"), m_project, name, QStringLiteral("--path"), other,
                       QStringLiteral("--note"), QStringLiteral("agreed with the owner")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QJsonObject d = byName(classifyJson(), name);
        QCOMPARE(d[QStringLiteral("path")].toString(), other);
        QCOMPARE(d[QStringLiteral("rules")].toArray().at(0).toString(), QStringLiteral("override"));
        QVERIFY(d[QStringLiteral("reason")].toString().contains(QStringLiteral("agreed with the owner")));

        QCOMPARE(cli({QStringLiteral("override"), m_project, name, QStringLiteral("--clear")}).status, 0);
        QCOMPARE(byName(classifyJson(), name)[QStringLiteral("path")].toString(), path);

        run = cli({QStringLiteral("override"), m_project, QStringLiteral("no-such-vm"), QStringLiteral("--path"),
                   QStringLiteral("rehost"), QStringLiteral("--note"), QStringLiteral("x")});
        QCOMPARE(run.status, 1);
        QVERIFY(run.err.contains(QStringLiteral("no-such-vm")));
        QCOMPARE(cli({QStringLiteral("override"), m_project, name, QStringLiteral("--path"), QStringLiteral("lift"),
                      QStringLiteral("--note"), QStringLiteral("x")})
                     .status,
                 2);
        QCOMPARE(cli({QStringLiteral("override"), m_project, name}).status, 2);
    }

    void rulesExportImportReset()
    {
        const QString file = m_dir.filePath(QStringLiteral("rules.json"));
        QCOMPARE(cli({QStringLiteral("rules"), m_project, QStringLiteral("--export"), file}).status, 0);
        QFile exported(file);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(exported.readAll()).object();
        exported.close();
        QJsonArray rules = root[QStringLiteral("rules")].toArray();
        QCOMPARE(rules.size(), 14);

        // Retire every database instead: the edit re-classifies.
        QJsonObject managed = rules.at(7).toObject();
        QCOMPARE(managed[QStringLiteral("id")].toString(), QStringLiteral("managed-service"));
        QJsonObject then = managed[QStringLiteral("then")].toObject();
        then[QStringLiteral("path")] = QStringLiteral("retire");
        managed[QStringLiteral("then")] = then;
        rules[7] = managed;
        root[QStringLiteral("rules")] = rules;
        const QString edited = m_dir.filePath(QStringLiteral("edited.json"));
        QFile out(edited);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();
        QCOMPARE(cli({QStringLiteral("rules"), m_project, QStringLiteral("--import"), edited}).status, 0);
        const QJsonObject summary =
            QJsonDocument::fromJson(cli({QStringLiteral("summary"), m_project, QStringLiteral("--json")}).out).object();
        QCOMPARE(summary[QStringLiteral("paths")][QStringLiteral("cloudNative")].toInt() > 0,
                 true); // owned, fast-changing

        // An invalid rule is refused, and names the file, the rule and the key.
        QJsonObject bad = rules.at(0).toObject();
        bad[QStringLiteral("when")] = QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("colour")},
                                                             {QStringLiteral("is"), QStringLiteral("red")}}};
        rules[0] = bad;
        root[QStringLiteral("rules")] = rules;
        const QString invalid = m_dir.filePath(QStringLiteral("invalid.json"));
        QFile badFile(invalid);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write(QJsonDocument(root).toJson());
        badFile.close();
        const Run refused = cli({QStringLiteral("rules"), m_project, QStringLiteral("--import"), invalid});
        QCOMPARE(refused.status, 1);
        QVERIFY2(refused.err.contains(invalid) && refused.err.contains(QStringLiteral("'decommission'")) &&
                     refused.err.contains(QStringLiteral("'colour'")),
                 qPrintable(refused.err));

        QCOMPARE(cli({QStringLiteral("rules"), m_project, QStringLiteral("--reset")}).status, 0);
        const QString again = m_dir.filePath(QStringLiteral("again.json"));
        QCOMPARE(cli({QStringLiteral("rules"), m_project, QStringLiteral("--export"), again}).status, 0);
        QFile a(file), b(again);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
        QCOMPARE(cli({QStringLiteral("rules"), m_project}).status, 2);
        QCOMPARE(cli({QStringLiteral("rules"), m_project, QStringLiteral("--reset"), QStringLiteral("--export"), file})
                     .status,
                 2);
    }

    void exportDockerfiles()
    {
        const QString dir = m_dir.filePath(QStringLiteral("artefacts"));
        const Run run = cli({QStringLiteral("export"), m_project, QStringLiteral("--dockerfiles"), dir});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        int containerized = 0;
        for (const QJsonValue &d : classifyJson())
            containerized += d[QStringLiteral("path")].toString() == QLatin1String("containerize");
        const QStringList folders = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(folders.size(), containerized);
        for (const QString &folder : folders) {
            QVERIFY(QFile::exists(dir + u'/' + folder + QLatin1String("/Dockerfile")));
            QVERIFY(QFile::exists(dir + u'/' + folder + QLatin1String("/kubernetes.yaml")));
        }
        QCOMPARE(cli({QStringLiteral("export"), m_project}).status, 2);
    }

    void unusableProject()
    {
        QCOMPARE(cli({QStringLiteral("classify"), m_dir.filePath(QStringLiteral("missing.landfall"))}).status, 3);
    }
};

QTEST_GUILESS_MAIN(TestAdvisorCli)
#include "tst_advisorcli.moc"
