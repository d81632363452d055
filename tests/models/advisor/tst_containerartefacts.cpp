#include "../../support/testtimeout.h"
#include "testvms.h"

#include "advisor/migrationadvisor.h"
#include "advisor/projectadvisor.h"
#include "density/demandmodel.h"
#include "io/containerartefactexporter.h"
#include "io/containerworkload.h"
#include "io/dockerfileparser.h"
#include "io/inventoryimporter.h"
#include "io/manifestwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace landfall;
using landfall::test::makeVm;

namespace {

// Parses a manifest as Kubernetes would read it, checks what Landfall promises of it, and prints
// what the tests compare.
const char *kCheckManifest = R"PY(
import json, re, sys, yaml
label = re.compile(r'^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$')
class Bad(Exception):
    pass
def need(cond, what):
    if not cond:
        raise Bad('manifest: ' + what)
def check(path):
    docs = [d for d in yaml.safe_load_all(open(path, encoding='utf-8')) if d is not None]
    kinds = {}
    for d in docs:
        kinds.setdefault(d.get('kind'), d)
        need(label.match(d['metadata']['name']), 'metadata.name must be a DNS label: %r' % d['metadata']['name'])
    workload = kinds.get('Deployment') or kinds.get('Job')
    need(workload is not None, 'expected a Deployment or a Job, got %s' % list(kinds))
    tmpl = workload['spec']['template']
    pod = tmpl['spec']
    c = pod['containers'][0]
    need(label.match(c['name']) and isinstance(c['image'], str) and c['image'], 'container name and image')
    ports = [p['containerPort'] for p in c.get('ports', [])]
    if 'Deployment' in kinds:
        need(workload['spec']['selector']['matchLabels'].items() <= tmpl['metadata']['labels'].items(), 'selector must match the pod labels')
        svc = kinds.get('Service')
        need(svc is not None, 'a Deployment has its Service')
        need(svc['spec']['selector'].items() <= tmpl['metadata']['labels'].items(), 'Service selector must match the pods')
        need([p['targetPort'] for p in svc['spec']['ports']] == ports, 'Service targets the container port')
        for probe in ('readinessProbe', 'livenessProbe'):
            need(c[probe]['tcpSocket']['port'] == ports[0], probe + ' on the service port')
    else:
        need('Service' not in kinds, 'a Job has no Service')
        need(not ports, 'a Job serves no port')
    res = c['resources']
    need(set(res['requests']) == {'cpu', 'memory'} and {'cpu', 'memory'} <= set(res['limits']), 'requests and limits')
    gmsa = pod.get('securityContext', {}).get('windowsOptions', {}).get('gmsaCredentialSpecName', '')
    if gmsa:
        need(kinds.get('GMSACredentialSpec', {}).get('metadata', {}).get('name') == gmsa, 'the pod names its GMSACredentialSpec')
    anti = pod.get('affinity', {}).get('podAntiAffinity', {}).get('requiredDuringSchedulingIgnoredDuringExecution', [])
    return {'kinds': sorted(kinds), 'replicas': workload['spec'].get('replicas', 0),
            'nodeSelector': pod.get('nodeSelector', {}), 'runtimeClassName': pod.get('runtimeClassName', ''),
            'tolerations': ['%s=%s:%s' % (t['key'], t['value'], t['effect']) for t in pod.get('tolerations', [])],
            'antiAffinity': len(anti), 'port': ports[0] if ports else 0,
            'requests': res['requests'], 'limits': res['limits'], 'gmsa': gmsa,
            'source': workload['metadata']['annotations']['landfall.io/source-vm']}
for path in sys.argv[1:]:
    try:
        print(json.dumps(check(path)))
    except Exception as error:
        print(json.dumps({'error': '%s: %s' % (path, error)}))
)PY";

QString read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

AdvisorInputs inputsFor(const QString &platform, const QString &build)
{
    AdvisorInputs inputs{*targetPlatformFromKey(platform), build};
    inputs.planDate = test::planDate();
    return inputs;
}

} // namespace

/** Dockerfiles and Kubernetes manifests for containerized VMs, written and then read back the
    way Docker and Kubernetes would: our Dockerfile parser and its checks, python3-yaml, and the
    Kubernetes schema through npm's kubernetes-models. */
class TestContainerArtefacts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /** One python3 for all the manifests: the demo has a hundred. */
    static QList<QJsonObject> checkManifests(const QStringList &paths)
    {
        QProcess python;
        python.start(QStringLiteral("python3"),
                     QStringList{QStringLiteral("-c"), QLatin1String(kCheckManifest)} + paths);
        QList<QJsonObject> results;
        if (!python.waitForFinished(landfall::test::scaledTimeout(120000)) || python.exitCode() != 0) {
            results.append(
                QJsonObject{{QStringLiteral("error"),
                             QString(u"python3 did not run: " + QString::fromUtf8(python.readAllStandardError()))}});
            return results;
        }
        for (const QByteArray &line : python.readAllStandardOutput().split('\n')) {
            if (!line.isEmpty())
                results.append(QJsonDocument::fromJson(line).object());
        }
        return results;
    }

    static QJsonObject checkManifest(const QString &path) { return checkManifests({path}).value(0); }

    static QStringList dockerfileProblems(const QString &path, int port)
    {
        const Result<DockerfileParser::Parsed, QString> parsed = DockerfileParser::parse(read(path));
        if (!parsed)
            return {path + u": " + parsed.error()};
        return DockerfileChecks::all(parsed.value(), ImageCatalogue::shipped(), test::planDate(), port);
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
        QTest::addColumn<QString>("kinds");
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QString>("nodeOs");
        QTest::addColumn<QString>("windowsBuild");
        QTest::addColumn<QString>("pool");
        QTest::addColumn<QString>("runtimeClass");
        QTest::addColumn<int>("port");

        const QString w = test::win2022();
        const QString k8s = QStringLiteral("kubernetes");
        const QString b25 = QStringLiteral("10.0.26100");
        const QString web = QStringLiteral("Deployment,PodDisruptionBudget,Service");
        const QString app = QStringLiteral("Deployment,Service");
        QTest::newRow("netfx35 web: the aspnet 3.5 image, no dism")
            << "LON-WEB-01" << w << "role=web stack=netfx35" << k8s << b25 << "lon-web-01"
            << QStringList{QStringLiteral(
                               "FROM mcr.microsoft.com/dotnet/framework/aspnet:3.5-windowsservercore-ltsc2025"),
                           QStringLiteral("WORKDIR /inetpub/wwwroot"), QStringLiteral("COPY build/ ."),
                           QStringLiteral("EXPOSE 80")}
            << web << 2 << "windows" << b25 << ""
            << "" << 80;
        QTest::newRow("netfx4 web: the aspnet 4.8.1 image")
            << "shop" << w << "role=web stack=netfx4" << k8s << b25 << "shop"
            << QStringList{QStringLiteral(
                               "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025"),
                           QStringLiteral("EXPOSE 80")}
            << web << 2 << "windows" << b25 << ""
            << "" << 80;
        QTest::newRow("netcore on the dotnet/aspnet nanoserver image")
            << "api" << w << "role=app stack=netcore gui=none" << k8s << b25 << "api"
            << QStringList{QStringLiteral("FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2025"),
                           QStringLiteral("ENV ASPNETCORE_HTTP_PORTS=8080"), QStringLiteral("EXPOSE 8080"),
                           QStringLiteral("ENTRYPOINT [\"dotnet\", \"App.dll\"]")}
            << app << 1 << "windows" << b25 << ""
            << "" << 8080;
        QTest::newRow("batch: a Job, no Service, no port")
            << "nightly" << w << "role=batch stack=netfx4" << k8s << b25 << "nightly"
            << QStringList{QStringLiteral(
                   "FROM mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2025")}
            << "Job" << 0 << "windows" << b25 << ""
            << "" << 0;
        QTest::newRow("untrusted java on Linux: Kata pool")
            << "tenant-app" << test::rhel8() << "role=app stack=java trust=untrusted" << k8s << b25 << "tenant-app"
            << QStringList{QStringLiteral("FROM eclipse-temurin:21-jre-noble"), QStringLiteral("EXPOSE 8080")} << app
            << 1 << "linux"
            << ""
            << "kata"
            << "kata-vm-isolation" << 8080;
        QTest::newRow("untrusted Windows: dedicated pool")
            << "tenant-win" << w << "role=web stack=netfx4 trust=untrusted" << k8s << b25 << "tenant-win"
            << QStringList{QStringLiteral(
                   "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025")}
            << web << 2 << "windows" << b25 << "untrusted"
            << "" << 80;
        QTest::newRow("directx: GPU pool")
            << "render" << w << "role=app stack=native-windows gui=directx" << k8s << b25 << "render"
            << QStringList{QStringLiteral("FROM mcr.microsoft.com/windows/server:ltsc2025")} << app << 1 << "windows"
            << b25 << "gpu"
            << "" << 8080;
        QTest::newRow("go on nano server: nothing installed")
            << "gosvc" << w << "role=app stack=go gui=none" << k8s << b25 << "gosvc"
            << QStringList{QStringLiteral("FROM mcr.microsoft.com/windows/nanoserver:ltsc2025"),
                           QStringLiteral("EXPOSE 8080")}
            << app << 1 << "windows" << b25 << ""
            << "" << 8080;
        QTest::newRow("hyper-v on a container host")
            << "old-app" << w << "role=app stack=netfx4 trust=untrusted"
            << "container-host"
            << "10.0.20348"
            << "old-app"
            << QStringList{QStringLiteral(
                   "FROM mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022")}
            << app << 1 << "windows"
            << "10.0.20348"
            << "untrusted"
            << "runhcs-wcow-hypervisor" << 80;
        QTest::newRow("a hostile name stays inside the folder")
            << "../../etc/passwd" << w << "role=web stack=netfx4" << k8s << b25 << "etc-passwd"
            << QStringList{QStringLiteral(
                   "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025")}
            << web << 2 << "windows" << b25 << ""
            << "" << 80;
        QTest::newRow("quotes, newlines and a leading digit")
            << "9 \"quoted\"\nname: x" << test::rhel8() << "role=web stack=python" << k8s << b25 << "vm-9-quoted-name-x"
            << QStringList{QStringLiteral("FROM python:3.13-slim-trixie"), QStringLiteral("EXPOSE 8000")} << web << 2
            << "linux"
            << ""
            << ""
            << "" << 8000;
        QTest::newRow("an emoji in the name is one YAML character")
            << QString::fromUtf8("launch-\xF0\x9F\x9A\x80-app") << test::rhel8() << "role=web stack=nodejs" << k8s
            << b25 << "launch-app"
            << QStringList{QStringLiteral("FROM node:24-trixie-slim"), QStringLiteral("EXPOSE 3000")} << web << 2
            << "linux"
            << ""
            << ""
            << "" << 3000;
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
        QFETCH(QString, kinds);
        QFETCH(int, replicas);
        QFETCH(QString, nodeOs);
        QFETCH(QString, windowsBuild);
        QFETCH(QString, pool);
        QFETCH(QString, runtimeClass);
        QFETCH(int, port);

        Vm vm = makeVm(os, answers);
        vm.name = name;
        const MigrationAdvisor advisor(RuleSet::defaults(), inputsFor(platform, build));
        const Decision decision = advisor.classify(vm);
        QCOMPARE(decision.path, MigrationPath::Containerize);

        const QString out = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'));
        const Scenario scenario;
        auto written = ContainerArtefactExporter::exportTo(out, {vm}, {decision}, build, scenario);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
        QCOMPARE(written.value(), QStringList{folder});
        const QDir root(out);
        QCOMPARE(root.entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{folder});

        const QString dockerfile = root.filePath(folder + QLatin1String("/Dockerfile"));
        const QStringList lines = read(dockerfile).split(u'\n');
        qsizetype from = 0;
        for (const QString &expected : dockerfileLines) {
            const qsizetype at = lines.indexOf(expected, from);
            QVERIFY2(at >= 0, qPrintable(u"missing or out of order: " + expected));
            from = at + 1;
        }
        const QStringList problems = dockerfileProblems(dockerfile, port);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        const QJsonObject manifest =
            checkManifest(root.filePath(folder + u'/' + QLatin1String(ContainerArtefactExporter::kManifestFile)));
        QVERIFY2(!manifest.contains(QStringLiteral("error")),
                 qPrintable(manifest.value(QStringLiteral("error")).toString()));
        QStringList gotKinds;
        for (const QJsonValue &kind : manifest.value(QStringLiteral("kinds")).toArray())
            gotKinds.append(kind.toString());
        QCOMPARE(gotKinds.join(u','), kinds);
        QCOMPARE(manifest.value(QStringLiteral("replicas")).toInt(), replicas);
        QCOMPARE(manifest.value(QStringLiteral("port")).toInt(), port);
        const QJsonObject selector = manifest.value(QStringLiteral("nodeSelector")).toObject();
        QCOMPARE(selector.value(QStringLiteral("kubernetes.io/os")).toString(), nodeOs);
        QCOMPARE(selector.value(QStringLiteral("node.kubernetes.io/windows-build")).toString(), windowsBuild);
        QCOMPARE(selector.value(QStringLiteral("landfall.io/pool")).toString(), pool);
        const QJsonArray tolerations = manifest.value(QStringLiteral("tolerations")).toArray();
        QCOMPARE(tolerations.size(), pool.isEmpty() ? 0 : 1);
        if (!pool.isEmpty())
            QCOMPARE(tolerations.at(0).toString(), u"landfall.io/pool=" + pool + u":NoSchedule");
        QCOMPARE(manifest.value(QStringLiteral("runtimeClassName")).toString(), runtimeClass);
        QCOMPARE(manifest.value(QStringLiteral("antiAffinity")).toInt(),
                 answers.contains(QLatin1String("untrusted")) ? 1 : 0);
        QCOMPARE(manifest.value(QStringLiteral("source")).toString(), name);

        // The requests are the demand the density engine packs, not the VM's size.
        const WorkloadDemand demand = DemandModel(scenario).demand(Workload::fromVm(vm, decision));
        const QJsonObject requests = manifest.value(QStringLiteral("requests")).toObject();
        QCOMPARE(requests.value(QStringLiteral("cpu")).toString(), ManifestWriter::cpuQuantity(demand.cpuMilli));
        QCOMPARE(requests.value(QStringLiteral("memory")).toString(), ManifestWriter::memoryQuantity(demand.memoryMiB));
        // The guest OS is no longer carried; a Kata pod carries AKS's 600 MiB pod overhead instead.
        const double podOverheadMiB = runtimeClass == QLatin1String("kata-vm-isolation") ? 600 : 0;
        QVERIFY(demand.memoryMiB < vm.memoryMiB + podOverheadMiB);
        const QJsonObject limits = manifest.value(QStringLiteral("limits")).toObject();
        QCOMPARE(limits.value(QStringLiteral("memory")).toString(),
                 requests.value(QStringLiteral("memory")).toString());
        // CPU is overcommitted through requests below limits: the limit is the demand, never below the request.
        QCOMPARE(limits.value(QStringLiteral("cpu")).toString(),
                 ManifestWriter::cpuQuantity(std::max<qint64>(demand.cpuMilli, demand.cpuLimitMilli)));
    }

    void gmsaCredentialSpec()
    {
        const Vm vm = makeVm(test::win2022(), QStringLiteral("role=web stack=netfx4 windowsAuth=yes"));
        const MigrationAdvisor advisor(RuleSet::defaults(),
                                       inputsFor(QStringLiteral("kubernetes"), QStringLiteral("10.0.26100")));
        const QString out = m_dir.filePath(QStringLiteral("gmsa"));
        auto written =
            ContainerArtefactExporter::exportTo(out, {vm}, {advisor.classify(vm)}, QStringLiteral("10.0.26100"));
        QVERIFY(written.ok());
        const QString yaml = out + u'/' + written.value().constFirst() + QLatin1String("/kubernetes.yaml");
        const QJsonObject manifest = checkManifest(yaml);
        QVERIFY2(!manifest.contains(QStringLiteral("error")),
                 qPrintable(manifest.value(QStringLiteral("error")).toString()));
        QCOMPARE(manifest.value(QStringLiteral("gmsa")).toString(), QStringLiteral("test-vm-gmsa"));
        QVERIFY(manifest.value(QStringLiteral("kinds")).toArray().contains(QStringLiteral("GMSACredentialSpec")));
        QVERIFY(read(yaml).contains(QLatin1String("gmsacredentialspecs")));
    }

    void onlyContainerizedVmsAreWritten()
    {
        Vm db = makeVm(test::win2022(), QStringLiteral("role=database"));
        Vm web = makeVm(test::win2022(), QStringLiteral("role=web stack=netfx4"));
        web.id = 2;
        Vm twin = web; // the same name in another vCenter
        twin.id = 3;
        const MigrationAdvisor advisor(RuleSet::defaults(),
                                       inputsFor(QStringLiteral("kubernetes"), QStringLiteral("10.0.26100")));
        auto written =
            ContainerArtefactExporter::exportTo(m_dir.filePath(QStringLiteral("mixed")), {db, web, twin},
                                                advisor.classifyAll({db, web, twin}), QStringLiteral("10.0.26100"));
        QVERIFY(written.ok());
        QCOMPARE(written.value(), (QStringList{QStringLiteral("test-vm"), QStringLiteral("test-vm-2")}));
    }

    void yamlEscapesByCodePoint_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("yaml");
        QTest::newRow("rocket") << QString::fromUtf8("a\xF0\x9F\x9A\x80") << QString::fromUtf8("\"a\xF0\x9F\x9A\x80\"");
        QTest::newRow("newline and quote") << QStringLiteral("a\n\"b") << QStringLiteral("\"a\\u000a\\\"b\"");
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << QString::fromUtf8("\"\xEF\xBF\xBD\""); // U+FFFD
        QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("\"\\u2028\"");
    }

    void yamlEscapesByCodePoint()
    {
        QFETCH(QString, text);
        QFETCH(QString, yaml);
        QCOMPARE(ManifestWriter::quoted(text), yaml);
        // And python3-yaml reads it back as the text (a lone surrogate as U+FFFD).
        QProcess python;
        python.start(
            QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import sys,yaml; "
                 "sys.stdout.buffer.write(yaml.safe_load(sys.stdin.buffer.read().decode('utf-8')).encode('utf-8'))")});
        QVERIFY(python.waitForStarted());
        python.write(ManifestWriter::quoted(text).toUtf8());
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(landfall::test::scaledTimeout(30000)));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QString expected = text;
        expected.replace(QChar(0xD800), QChar(0xFFFD));
        QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()), expected);
    }

    /** Each rule of the Dockerfile checks, shown to catch what it is for. */
    void dockerfileChecks_data()
    {
        QTest::addColumn<QString>("dockerfile");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("problem"); // empty: passes every check
        const QString aspnet =
            QStringLiteral("FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025\n");
        QTest::newRow("good") << aspnet + u"COPY build/ .\nEXPOSE 80\n" << 80 << "";
        QTest::newRow("floating tag") << QStringLiteral("FROM debian:stable-slim\nEXPOSE 80\n") << 80
                                      << "no version tag";
        QTest::newRow("no tag") << QStringLiteral("FROM debian\nEXPOSE 80\n") << 80 << "no version tag";
        QTest::newRow("not in the catalogue")
            << QStringLiteral("FROM debian:11-slim\nEXPOSE 80\n") << 80 << "not in the image catalogue";
        QTest::newRow("past its support")
            << QStringLiteral("FROM mcr.microsoft.com/windows/nanoserver:sac2016\nEXPOSE 80\n") << 80
            << "past its end of support (2018-10-09)";
        QTest::newRow(".NET 8 past its support")
            << QStringLiteral("FROM mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim\nEXPOSE 8080\n") << 8080
            << "past its end of support (2026-11-10)";
        QTest::newRow("dism NetFx3") << QStringLiteral(
                                            "FROM mcr.microsoft.com/windows/servercore:ltsc2025\nRUN dism.exe /online "
                                            "/enable-feature /all /FeatureName:NetFx3 /NoRestart\nEXPOSE 80\n")
                                     << 80 << "installs a Windows feature";
        QTest::newRow("Install-WindowsFeature")
            << QStringLiteral("FROM mcr.microsoft.com/windows/servercore:ltsc2025\nRUN powershell "
                              "Install-WindowsFeature Web-Server\nEXPOSE 80\n")
            << 80 << "installs a Windows feature";
        QTest::newRow("IIS on nano")
            << QStringLiteral("FROM mcr.microsoft.com/windows/nanoserver:ltsc2025\nRUN cmd /c echo iis\nEXPOSE 80\n")
            << 80 << "nothing can be installed on it";
        QTest::newRow("remote ADD") << aspnet + u"ADD https://example.com/ServiceMonitor.exe C:/\nEXPOSE 80\n"
                                    << 80 << "downloads at build time";
        QTest::newRow("port differs from the manifest") << aspnet + u"EXPOSE 80\n"
                                                        << 8080 << "the manifest's port is 8080";
        QTest::newRow("ENTRYPOINT over ServiceMonitor")
            << aspnet + u"EXPOSE 80\nENTRYPOINT [\"C:\\\\ServiceMonitor.exe\", \"w3svc\"]\n"
            << 80 << "do not replace it";
    }

    void dockerfileChecks()
    {
        QFETCH(QString, dockerfile);
        QFETCH(int, port);
        QFETCH(QString, problem);
        const auto parsed = DockerfileParser::parse(dockerfile);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error()));
        const QStringList problems =
            DockerfileChecks::all(parsed.value(), ImageCatalogue::shipped(), test::planDate(), port);
        if (problem.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
            return;
        }
        QVERIFY2(problems.join(u'\n').contains(problem), qPrintable(problems.join(u'\n')));
    }

    void dockerfileParser_data()
    {
        QTest::addColumn<QString>("dockerfile");
        QTest::addColumn<QString>("error"); // empty: parses
        QTest::addColumn<int>("instructions");
        QTest::newRow("escape directive and continuation")
            << QStringLiteral(
                   "# escape=`\n# a comment\nFROM a:1\nRUN echo `\n  # dropped\n  two\nCMD [\"C:\\\\app\\\\x.exe\"]\n")
            << "" << 3;
        QTest::newRow("unknown instruction")
            << QStringLiteral("FROM a:1\nINSTALL x\n") << "unknown instruction 'INSTALL'" << 0;
        QTest::newRow("no FROM") << QStringLiteral("# nothing\n") << "no FROM" << 0;
        QTest::newRow("before FROM") << QStringLiteral("RUN x\nFROM a:1\n") << "before the first FROM" << 0;
        QTest::newRow("bad JSON form") << QStringLiteral("FROM a:1\nCMD [\"x\", \n") << "JSON form" << 0;
        QTest::newRow("bad escape directive") << QStringLiteral("# escape=x\nFROM a:1\n") << "escape must be" << 0;
    }

    void dockerfileParser()
    {
        QFETCH(QString, dockerfile);
        QFETCH(QString, error);
        QFETCH(int, instructions);
        const auto parsed = DockerfileParser::parse(dockerfile);
        if (error.isEmpty()) {
            QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error()));
            QCOMPARE(parsed.value().instructions.size(), instructions);
            QCOMPARE(parsed.value().instructions.at(1).arguments, QStringLiteral("echo   two"));
            QCOMPARE(parsed.value().instructions.at(2).json, QStringList{QStringLiteral("C:\\app\\x.exe")});
            return;
        }
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
    }

    /** The demo's every artefact: our Dockerfile checks, then the Kubernetes schema. */
    void demoArtefactsPassEveryCheck()
    {
        const QString demo = QStringLiteral(LANDFALL_SOURCE_DIR "/resources/demo/");
        const QString path = m_dir.filePath(QStringLiteral("demo.landfall"));
        auto opened = ProjectStore::open(path, ProjectStore::OpenMode::CreateIfMissing);
        QVERIFY(opened.ok());
        ProjectStore &store = *opened.value();
        for (const char *file : {"demo-rvtools-vinfo.csv", "demo-workshop-answers.csv"}) {
            InventoryImporter importer(store);
            QVERIFY(importer.importFile(demo + QLatin1String(file), ImportOptions{}).accepted);
        }
        ProjectAdvisor advisor(store);
        AdvisorInputs inputs = advisor.inputs();
        inputs.planDate = test::planDate();
        QVERIFY(!advisor.setInputs(inputs));
        const auto decisions = advisor.classify();
        QVERIFY(decisions.ok());
        const QString out = m_dir.filePath(QStringLiteral("demo-artefacts"));
        const auto written =
            ContainerArtefactExporter::exportTo(out, store.vms(), decisions.value(), inputs.windowsBuild);
        QVERIFY(written.ok());
        QVERIFY(written.value().size() > 50);
        QStringList manifests;
        for (const QString &folder : written.value())
            manifests.append(out + u'/' + folder + QLatin1String("/kubernetes.yaml"));
        const QList<QJsonObject> checked = checkManifests(manifests);
        QCOMPARE(checked.size(), manifests.size());
        for (qsizetype i = 0; i < manifests.size(); ++i) {
            const QString folder = written.value().at(i);
            const QJsonObject &manifest = checked.at(i);
            QVERIFY2(!manifest.contains(QStringLiteral("error")),
                     qPrintable(folder + u": " + manifest.value(QStringLiteral("error")).toString()));
            const QStringList problems = dockerfileProblems(out + u'/' + folder + QLatin1String("/Dockerfile"),
                                                            manifest.value(QStringLiteral("port")).toInt());
            QVERIFY2(problems.isEmpty(), qPrintable(folder + u": " + problems.join(u'\n')));
        }

        const QString modules = QStringLiteral(LANDFALL_K8S_VALIDATE_MODULES);
        if (!QFile::exists(modules + QLatin1String("/kubernetes-models/package.json"))) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(u"the Kubernetes schema validator is not installed in " + modules +
                                 u" (tools/bootstrap.sh test installs it)"));
            QSKIP(qPrintable(u"the Kubernetes schema validator is not installed in " + modules +
                             u": run tools/bootstrap.sh test, or npm ci in that folder"));
        }
        QProcess node;
        node.start(QStringLiteral("node"),
                   QStringList{QStringLiteral(LANDFALL_SOURCE_DIR "/tests/tools/k8s-validate/validate-manifests.mjs"),
                               modules} +
                       manifests);
        QVERIFY(node.waitForFinished(landfall::test::scaledTimeout(120000)));
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().left(4000).constData());
        QVERIFY(node.readAllStandardOutput().contains(" 0 failed"));
    }
};

QTEST_GUILESS_MAIN(TestContainerArtefacts)
#include "tst_containerartefacts.moc"
