#include "testvms.h"

#include "advisor/migrationadvisor.h"
#include "io/containerartefactexporter.h"
#include "io/containerworkload.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;
using landfall::test::makeVm;

namespace {

// Parses a manifest as Kubernetes would read it, checks the fields it requires, and prints
// what the test compares.
const char *kCheckManifest = R"PY(
import json, re, sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1], encoding='utf-8')) if d is not None]
label = re.compile(r'^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$')
def need(cond, what):
    if not cond:
        sys.exit('manifest: ' + what)
kinds = {d.get('kind'): d for d in docs}
need(set(kinds) == {'Deployment', 'Service'}, 'expected a Deployment and a Service, got %s' % list(kinds))
dep, svc = kinds['Deployment'], kinds['Service']
need(dep.get('apiVersion') == 'apps/v1', 'Deployment apiVersion')
need(svc.get('apiVersion') == 'v1', 'Service apiVersion')
for d in (dep, svc):
    need(label.match(d['metadata']['name']), 'metadata.name must be a DNS label: %r' % d['metadata']['name'])
spec = dep['spec']
tmpl = spec['template']
need(spec['selector']['matchLabels'].items() <= tmpl['metadata']['labels'].items(), 'selector must match the pod labels')
pod = tmpl['spec']
need(len(pod['containers']) >= 1, 'containers')
c = pod['containers'][0]
need(label.match(c['name']) and isinstance(c['image'], str) and c['image'], 'container name and image')
for p in svc['spec']['ports']:
    need(isinstance(p['port'], int), 'Service port must be an integer')
need(svc['spec']['selector'].items() <= tmpl['metadata']['labels'].items(), 'Service selector must match the pods')
print(json.dumps({'nodeSelector': pod.get('nodeSelector', {}), 'runtimeClassName': pod.get('runtimeClassName', ''),
                  'requests': c['resources']['requests'], 'gmsa': pod.get('securityContext', {}).get('windowsOptions', {}).get('gmsaCredentialSpecName', ''),
                  'source': dep['metadata']['annotations']['landfall.io/source-vm']}))
)PY";

} // namespace

/** Dockerfiles and Kubernetes manifests for containerized VMs, written and then read back the
    way Docker and Kubernetes would. */
class TestContainerArtefacts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QJsonObject checkManifest(const QString &path)
    {
        QProcess python;
        python.start(QStringLiteral("python3"), {QStringLiteral("-c"), QLatin1String(kCheckManifest), path});
        if (!python.waitForFinished(30000))
            return {{QStringLiteral("error"), QStringLiteral("python3 did not run")}};
        if (python.exitCode() != 0)
            return {{QStringLiteral("error"), QString::fromUtf8(python.readAllStandardError())}};
        return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void artefacts_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("answers");
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("build");
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QStringList>("dockerfileLines");
        QTest::addColumn<QString>("nodeOs");
        QTest::addColumn<QString>("windowsBuild");
        QTest::addColumn<QString>("runtimeClass");
        QTest::addColumn<QString>("cpu");

        const QString w = test::win2022();
        QTest::newRow("netfx35 web app, as the seed")
            << "LON-WEB-01" << w << "role=web stack=netfx35"
            << "kubernetes"
            << "10.0.20348"
            << "lon-web-01"
            << QStringList{QStringLiteral("FROM mcr.microsoft.com/windows/servercore:ltsc2022"),
                           QStringLiteral("RUN dism.exe /online /enable-feature /all /FeatureName:NetFx3 /NoRestart"),
                           QStringLiteral("RUN dism.exe /online /enable-feature /all /featurename:iis-webserver "
                                          "/NoRestart"),
                           QStringLiteral("ADD build C:/inetpub/wwwroot/")}
            << "windows"
            << "10.0.20348"
            << ""
            << "2";
        QTest::newRow("netcore on nano server, 2025 pool")
            << "api" << w << "role=app stack=netcore gui=none"
            << "kubernetes"
            << "10.0.26100"
            << "api" << QStringList{QStringLiteral("FROM mcr.microsoft.com/windows/nanoserver:ltsc2025")} << "windows"
            << "10.0.26100"
            << ""
            << "2";
        QTest::newRow("untrusted java on Linux: Kata")
            << "tenant-app" << test::rhel8() << "role=app stack=java trust=untrusted"
            << "kubernetes"
            << "10.0.20348"
            << "tenant-app" << QStringList{QStringLiteral("FROM eclipse-temurin:21-jre")} << "linux"
            << ""
            << "kata"
            << "2";
        QTest::newRow("hyper-v on a container host")
            << "old-app" << w << "role=app stack=netfx4 trust=untrusted"
            << "container-host"
            << "10.0.20348"
            << "old-app" << QStringList{QStringLiteral("FROM mcr.microsoft.com/windows/servercore:ltsc2022")}
            << "windows"
            << "10.0.20348"
            << "runhcs-wcow-hypervisor"
            << "2";
        QTest::newRow("a hostile name stays inside the folder")
            << "../../etc/passwd" << w << "role=web stack=netfx4"
            << "kubernetes"
            << "10.0.20348"
            << "etc-passwd" << QStringList{QStringLiteral("FROM mcr.microsoft.com/windows/servercore:ltsc2022")}
            << "windows"
            << "10.0.20348"
            << ""
            << "2";
        QTest::newRow("quotes, newlines and a leading digit")
            << "9 \"quoted\"\nname: x" << test::rhel8() << "role=web stack=python"
            << "kubernetes"
            << "10.0.20348"
            << "vm-9-quoted-name-x" << QStringList{QStringLiteral("FROM python:3.12-slim")} << "linux"
            << ""
            << ""
            << "2";
    }

    void artefacts()
    {
        QFETCH(QString, name);
        QFETCH(QString, os);
        QFETCH(QString, answers);
        QFETCH(QString, platform);
        QFETCH(QString, build);
        QFETCH(QString, folder);
        QFETCH(QStringList, dockerfileLines);
        QFETCH(QString, nodeOs);
        QFETCH(QString, windowsBuild);
        QFETCH(QString, runtimeClass);
        QFETCH(QString, cpu);

        Vm vm = makeVm(os, answers);
        vm.name = name;
        const AdvisorInputs inputs{*targetPlatformFromKey(platform), build};
        const MigrationAdvisor advisor(RuleSet::defaults(), inputs);
        const Decision decision = advisor.classify(vm);
        QCOMPARE(decision.path, MigrationPath::Containerize);

        const QString out = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'));
        auto written = ContainerArtefactExporter::exportTo(out, {vm}, {decision}, build);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
        QCOMPARE(written.value(), QStringList{folder});
        const QDir root(out);
        QCOMPARE(root.entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{folder});

        QFile dockerfile(root.filePath(folder + QLatin1String("/Dockerfile")));
        QVERIFY(dockerfile.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(dockerfile.readAll()).split(u'\n');
        qsizetype from = 0;
        for (const QString &expected : dockerfileLines) {
            const qsizetype at = lines.indexOf(expected, from);
            QVERIFY2(at >= 0, qPrintable(u"missing or out of order: " + expected));
            from = at + 1;
        }
        for (const QString &line : lines)
            QVERIFY2(line.isEmpty() || line.startsWith(u'#') || line.at(0).isUpper(), qPrintable(line));

        const QJsonObject manifest =
            checkManifest(root.filePath(folder + u'/' + QLatin1String(ContainerArtefactExporter::kManifestFile)));
        QVERIFY2(!manifest.contains(QStringLiteral("error")),
                 qPrintable(manifest.value(QStringLiteral("error")).toString()));
        const QJsonObject selector = manifest.value(QStringLiteral("nodeSelector")).toObject();
        QCOMPARE(selector.value(QStringLiteral("kubernetes.io/os")).toString(), nodeOs);
        QCOMPARE(selector.value(QStringLiteral("node.kubernetes.io/windows-build")).toString(), windowsBuild);
        QCOMPARE(manifest.value(QStringLiteral("runtimeClassName")).toString(), runtimeClass);
        QCOMPARE(manifest.value(QStringLiteral("requests")).toObject().value(QStringLiteral("cpu")).toString(), cpu);
        QCOMPARE(manifest.value(QStringLiteral("requests")).toObject().value(QStringLiteral("memory")).toString(),
                 QStringLiteral("4096Mi"));
        QCOMPARE(manifest.value(QStringLiteral("source")).toString(), name);
    }

    void gmsaCredentialSpec()
    {
        const Vm vm = makeVm(test::win2022(), QStringLiteral("role=web stack=netfx4 windowsAuth=yes"));
        const MigrationAdvisor advisor(RuleSet::defaults(), AdvisorInputs{});
        const QString out = m_dir.filePath(QStringLiteral("gmsa"));
        auto written =
            ContainerArtefactExporter::exportTo(out, {vm}, {advisor.classify(vm)}, QStringLiteral("10.0.20348"));
        QVERIFY(written.ok());
        const QJsonObject manifest =
            checkManifest(out + u'/' + written.value().constFirst() + QLatin1String("/kubernetes.yaml"));
        QCOMPARE(manifest.value(QStringLiteral("gmsa")).toString(), QStringLiteral("test-vm-gmsa"));
    }

    void onlyContainerizedVmsAreWritten()
    {
        Vm db = makeVm(test::win2022(), QStringLiteral("role=database"));
        Vm web = makeVm(test::win2022(), QStringLiteral("role=web stack=netfx4"));
        web.id = 2;
        Vm twin = web; // the same name in another vCenter
        twin.id = 3;
        const MigrationAdvisor advisor(RuleSet::defaults(), AdvisorInputs{});
        auto written =
            ContainerArtefactExporter::exportTo(m_dir.filePath(QStringLiteral("mixed")), {db, web, twin},
                                                advisor.classifyAll({db, web, twin}), QStringLiteral("10.0.20348"));
        QVERIFY(written.ok());
        QCOMPARE(written.value(), (QStringList{QStringLiteral("test-vm"), QStringLiteral("test-vm-2")}));
    }

    void safeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("safe");
        QTest::newRow("traversal") << "../../etc/passwd"
                                   << "etc-passwd";
        QTest::newRow("windows path") << "C:\\Windows\\..\\x"
                                      << "c-windows-x";
        QTest::newRow("empty") << ""
                               << "vm";
        QTest::newRow("dots only") << ".."
                                   << "vm";
        QTest::newRow("digit first") << "1web"
                                     << "vm-1web";
        QTest::newRow("long") << QString(100, u'a') << QString(63, u'a');
        QTest::newRow("unicode") << "Müller-App"
                                 << "m-ller-app";
    }

    void safeNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, safe);
        QCOMPARE(ContainerWorkload::safeName(name), safe);
    }
};

QTEST_GUILESS_MAIN(TestContainerArtefacts)
#include "tst_containerartefacts.moc"
