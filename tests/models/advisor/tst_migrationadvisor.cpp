#include "testvms.h"

#include "advisor/imagecatalogue.h"
#include "advisor/migrationadvisor.h"

#include <QTest>

using namespace landfall;
using landfall::test::makeVm;

/** Every default rule and every line of the isolation table, through the engine. */
class TestMigrationAdvisor : public QObject {
    Q_OBJECT

private:
    static RuleSet rulesPinnedTo(const QString &imageBuild)
    {
        RuleSet rules = RuleSet::defaults();
        if (imageBuild.isEmpty())
            return rules;
        const qsizetype index = rules.indexOf(QStringLiteral("containerize-known-stack"));
        Rule pinned = rules.at(index);
        pinned.imageBuild = imageBuild;
        if (rules.replace(index, pinned))
            qFatal("pinning refused");
        return rules;
    }

private Q_SLOTS:
    /** One row per rule, image line, isolation line and end-of-support band of classification.md
        (amended 2026-12-01). `conditions` lists a fragment of each condition the decision must
        carry, '|' between them, and the decision carries no other. */
    void classify_data()
    {
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("answers");
        QTest::addColumn<bool>("poweredOn");
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("build");
        QTest::addColumn<QString>("pin"); // pins the containerize rule's image build
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("isolation");
        QTest::addColumn<QString>("confidence");
        QTest::addColumn<QString>("rules");
        QTest::addColumn<QString>("conditions");

        const QString w22 = test::win2022();
        const QString lx = test::rhel8();
        const QString k8s = QStringLiteral("kubernetes");
        const QString host = QStringLiteral("container-host");
        const QString b25 = QStringLiteral("10.0.26100");
        const QString b22 = QStringLiteral("10.0.20348");
        const QString b19 = QStringLiteral("10.0.17763");
        const QDate d = test::planDate();
        struct Row {
            const char *name;
            QString os;
            const char *answers;
            bool on;
            QString platform, build, pin;
            QDate date;
            const char *path, *image, *isolation, *confidence;
            const char *rules;
            const char *conditions;
        };
        const QString none;
        const QList<Row> rows = {
            // Rules 1 to 8: not containerized, so the platform does not change them.
            {"1 decommission", w22, "decommission=yes", true, k8s, b25, none, d, "retire", "", "none", "high",
             "decommission", ""},
            {"2 mustStayOnPrem", w22, "mustStayOnPrem=yes role=web stack=netcore", true, k8s, b25, none, d, "retain",
             "", "none", "high", "must-stay-on-prem", ""},
            {"3 powered off, unanswered", w22, "", false, k8s, b25, none, d, "retire", "", "none", "low",
             "powered-off-unanswered", "Confirm with the owner"},
            {"3 powered off, answered: rules go on", lx, "role=web stack=java", false, k8s, b25, none, d,
             "containerize", "eclipse-temurin:21-jre-noble", "process", "high", "containerize-known-stack", ""},
            {"4 kernelDriver", w22, "kernelDriver=yes role=web stack=netcore", true, k8s, b25, none, d, "rehost", "",
             "none", "high", "kernel-driver", ""},
            {"appliance: vendor image, never a container", QStringLiteral("appliance:4.0"),
             "role=web stack=native-linux", true, k8s, b25, none, d, "rehost", "", "none", "medium", "appliance",
             "vendor's cloud image"},
            {"5 directory", w22, "role=directory", true, k8s, b25, none, d, "rehost", "", "none", "high", "directory",
             "promote them"},
            {"5 directory on an OS past its support", QStringLiteral("Microsoft Windows Server 2008 R2 (64-bit)"),
             "role=directory", true, k8s, b25, none, d, "rehost", "", "none", "high", "directory,end-of-support",
             "never moved as it is|past its end of support (2020-01-14)"},
            {"6 desktop", w22, "role=desktop", true, k8s, b25, none, d, "rehost", "", "none", "medium",
             "desktop-or-mail", ""},
            {"6 mail", w22, "role=mail stack=netfx4", true, k8s, b25, none, d, "rehost", "", "none", "medium",
             "desktop-or-mail", ""},
            {"7 database", w22, "role=database", true, k8s, b25, none, d, "cloudNative", "", "none", "medium",
             "managed-service", ""},
            {"7 file", lx, "role=file", true, k8s, b25, none, d, "cloudNative", "", "none", "medium", "managed-service",
             ""},
            {"8 owned, fast-changing", w22, "role=web stack=netfx4 sourceAvailable=yes changeRate=high", true, k8s, b25,
             none, d, "cloudNative", "", "none", "high", "owned-fast-changing", ""},
            {"8 needs both: medium change rate", w22, "role=web stack=netfx4 sourceAvailable=yes changeRate=medium",
             true, k8s, b25, none, d, "containerize",
             "mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025", "process", "high",
             "containerize-known-stack", ""},
            {"freebsd: never a Linux image", QStringLiteral("freebsd:14"), "role=app stack=native-linux", true, k8s,
             b25, none, d, "rehost", "", "none", "medium", "bsd-or-solaris", "cloud offers an image"},
            {"solaris: never a Linux image", QStringLiteral("solaris:11"), "role=web stack=java", true, k8s, b25, none,
             d, "rehost", "", "none", "medium", "bsd-or-solaris", "cloud offers an image"},

            // Rule 9, with rule 10's conditions.
            {"9 directx, kubernetes", w22, "role=app stack=native-windows gui=directx", true, k8s, b25, none, d,
             "containerize", "mcr.microsoft.com/windows/server:ltsc2025", "process", "medium", "directx",
             "GPU-enabled Windows node pool"},
            {"9 directx, 2019 container host", w22, "gui=directx", true, host, b19, none, d, "containerize",
             "mcr.microsoft.com/windows:ltsc2019", "process", "medium", "directx", "GPU-enabled Windows node pool"},
            {"9 directx keeps .NET 3.5 and gMSA", w22, "role=app stack=netfx35 gui=directx windowsAuth=yes", true, k8s,
             b25, none, d, "containerize", "mcr.microsoft.com/windows/server:ltsc2025", "process", "medium",
             "directx,directx/netfx35,directx/gmsa", "GPU-enabled|.NET Framework 3.5|gMSA"},
            {"9 directx keeps the older-OS condition", test::win2012(), "role=app stack=native-windows gui=directx",
             true, k8s, b25, none, d, "containerize", "mcr.microsoft.com/windows/server:ltsc2025", "process", "medium",
             "directx,directx/pre-2016,end-of-support",
             "GPU-enabled|older than Windows Server 2016|past its end of support (2023-10-10)"},
            {"9 directx, Windows version unknown", test::win2016OrLater(), "role=app stack=native-windows gui=directx",
             true, k8s, b25, none, d, "containerize", "mcr.microsoft.com/windows/server:ltsc2025", "process", "medium",
             "directx,directx/windows-version-unknown", "GPU-enabled|Windows version is not known"},
            // Rule 9a.
            {"9a print server", w22, "role=print stack=native-windows", true, k8s, b25, none, d, "rehost", "", "none",
             "medium", "print", "cloud print service"},
            {"9a print server, unknown stack", w22, "role=print", true, k8s, b25, none, d, "rehost", "", "none",
             "medium", "print", "cloud print service"},

            // Rule 10, one row per line of the base image table.
            {"10 netcore -> dotnet/aspnet nanoserver", w22, "role=web stack=netcore gui=none", true, k8s, b25, none, d,
             "containerize", "mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2025", "process", "high",
             "containerize-known-stack", "Linux dotnet/aspnet image"},
            {"10 netcore, GUI unanswered", w22, "role=web stack=netcore", true, k8s, b25, none, d, "containerize",
             "mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2025", "process", "medium",
             "containerize-known-stack", "GUI use was not answered|Linux dotnet/aspnet image"},
            {"10 go -> nanoserver", w22, "role=app stack=go gui=none", true, k8s, b25, none, d, "containerize",
             "mcr.microsoft.com/windows/nanoserver:ltsc2025", "process", "high", "containerize-known-stack", ""},
            {"10 native-windows -> servercore", w22, "role=app stack=native-windows gui=none", true, k8s, b25, none, d,
             "containerize", "mcr.microsoft.com/windows/servercore:ltsc2025", "process", "high",
             "containerize-known-stack", ""},
            {"10 native-windows -> servercore, 2019 host", w22, "role=batch stack=native-windows gui=none", true, host,
             b19, none, d, "containerize", "mcr.microsoft.com/windows/servercore:ltsc2019", "process", "high",
             "containerize-known-stack", ""},
            {"10 netfx35 web -> framework/aspnet 3.5", w22, "role=web stack=netfx35", true, k8s, b25, none, d,
             "containerize", "mcr.microsoft.com/dotnet/framework/aspnet:3.5-windowsservercore-ltsc2025", "process",
             "high", "containerize-known-stack,containerize-known-stack/netfx35", ".NET Framework 3.5"},
            {"10 netfx35 app -> framework/runtime 3.5", w22, "role=app stack=netfx35", true, k8s, b22, none, d,
             "containerize", "mcr.microsoft.com/dotnet/framework/runtime:3.5-windowsservercore-ltsc2022", "process",
             "high", "containerize-known-stack,containerize-known-stack/netfx35", ".NET Framework 3.5"},
            {"10 netfx4 web -> framework/aspnet 4.8.1", w22, "role=web stack=netfx4", true, k8s, b25, none, d,
             "containerize", "mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025", "process",
             "high", "containerize-known-stack", ""},
            {"10 netfx4 app -> framework/runtime 4.8.1", w22, "role=app stack=netfx4", true, k8s, b22, none, d,
             "containerize", "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022", "process",
             "high", "containerize-known-stack", ""},
            {"10 netfx4 on a 2019 host -> 4.8", w22, "role=app stack=netfx4", true, host, b19, none, d, "containerize",
             "mcr.microsoft.com/dotnet/framework/runtime:4.8-windowsservercore-ltsc2019", "process", "high",
             "containerize-known-stack", ""},
            {"10 gdi -> windows/server", w22, "role=app stack=netfx4 gui=gdi", true, k8s, b25, none, d, "containerize",
             "mcr.microsoft.com/windows/server:ltsc2025", "process", "high", "containerize-known-stack", ""},
            {"10 gdi on 2019 -> windows", w22, "role=app stack=netfx4 gui=gdi", true, host, b19, none, d,
             "containerize", "mcr.microsoft.com/windows:ltsc2019", "process", "high", "containerize-known-stack", ""},
            {"10 java on Windows -> servercore", w22, "role=app stack=java gui=none", true, k8s, b25, none, d,
             "containerize", "mcr.microsoft.com/windows/servercore:ltsc2025", "process", "high",
             "containerize-known-stack", ""},
            {"10 java on linux", lx, "role=app stack=java", true, k8s, b25, none, d, "containerize",
             "eclipse-temurin:21-jre-noble", "process", "high", "containerize-known-stack", ""},
            {"10 nodejs on linux", lx, "role=web stack=nodejs", true, k8s, b25, none, d, "containerize",
             "node:24-trixie-slim", "process", "high", "containerize-known-stack", ""},
            {"10 python on linux", lx, "role=batch stack=python", true, k8s, b25, none, d, "containerize",
             "python:3.13-slim-trixie", "process", "high", "containerize-known-stack", ""},
            {"10 php on linux", lx, "role=web stack=php", true, k8s, b25, none, d, "containerize",
             "php:8.4-apache-trixie", "process", "high", "containerize-known-stack", ""},
            {"10 netcore on linux", lx, "role=web stack=netcore", true, k8s, b25, none, d, "containerize",
             "mcr.microsoft.com/dotnet/aspnet:10.0-noble", "process", "high", "containerize-known-stack", ""},
            {"10 go on linux", lx, "role=app stack=go", true, k8s, b25, none, d, "containerize", "debian:13-slim",
             "process", "high", "containerize-known-stack", ""},
            {"10 native-linux on linux: a version tag", lx, "role=app stack=native-linux", true, k8s, b25, none, d,
             "containerize", "debian:13-slim", "process", "high", "containerize-known-stack", ""},
            {"10 windowsAuth -> gMSA, medium", w22, "role=web stack=netfx4 windowsAuth=yes", true, k8s, b25, none, d,
             "containerize", "mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025", "process",
             "medium", "containerize-known-stack,containerize-known-stack/gmsa", "gMSA"},
            {"10 older than 2016 -> medium", test::win2012(), "role=app stack=netfx4", true, k8s, b25, none, d,
             "containerize", "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2025", "process",
             "medium", "containerize-known-stack,containerize-known-stack/pre-2016,end-of-support",
             "older than Windows Server 2016|past its end of support (2023-10-10)"},
            {"10 Windows version unknown -> medium", test::win2016OrLater(), "role=app stack=netfx4", true, k8s, b25,
             none, d, "containerize", "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2025",
             "process", "medium", "containerize-known-stack,containerize-known-stack/windows-version-unknown",
             "Windows version is not known"},
            {"10 unknown stack falls through", w22, "role=web", true, k8s, b25, none, d, "rehost", "", "none", "low",
             "fallback", ""},
            {"10 Windows stack on Linux falls through", lx, "role=web stack=netfx4", true, k8s, b25, none, d, "rehost",
             "", "none", "low", "fallback", ""},
            // Rule 11.
            {"11 nothing known", w22, "", true, k8s, b25, none, d, "rehost", "", "none", "low", "fallback", ""},

            // The catalogue's dates: an image past its support is never chosen.
            {"catalogue: .NET 10 ended, no netcore image", w22, "role=web stack=netcore gui=none", true, k8s, b25, none,
             QDate(2028, 12, 1), "rehost", "", "none", "low", "fallback", ""},
            {"catalogue: Node.js 24 ended, no node image", lx, "role=web stack=nodejs", true, k8s, b25, none,
             QDate(2028, 5, 1), "rehost", "", "none", "low", "fallback", ""},
            {"catalogue: Debian 12 before its end is second to 13", lx, "role=app stack=native-linux", true, k8s, b25,
             none, QDate(2026, 1, 1), "containerize", "debian:13-slim", "process", "high", "containerize-known-stack",
             ""},

            // The isolation table, line by line, on both platforms.
            {"iso: image = host, kubernetes", w22, "role=app stack=netfx4", true, k8s, b25, none, d, "containerize",
             "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2025", "process", "high",
             "containerize-known-stack", ""},
            {"iso: image = host, container host", w22, "role=app stack=netfx4", true, host, b22, none, d,
             "containerize", "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022", "process",
             "high", "containerize-known-stack", ""},
            {"iso: 2016 host, same revision", w22, "role=app stack=netfx4", true, host,
             QStringLiteral("10.0.14393.2000"), QStringLiteral("10.0.14393.2000"), d, "containerize",
             "mcr.microsoft.com/dotnet/framework/runtime:4.8-windowsservercore-ltsc2016", "process", "high",
             "containerize-known-stack", ""},
            {"iso: 2016 host, other revision", w22, "role=app stack=netfx4", true, host,
             QStringLiteral("10.0.14393.2000"), QStringLiteral("10.0.14393.1000"), d, "containerize",
             "mcr.microsoft.com/dotnet/framework/runtime:4.8-windowsservercore-ltsc2016", "hyperv", "high",
             "containerize-known-stack", "Hyper-V isolation"},
            {"iso: image older, container host", w22, "role=app stack=netfx4", true, host, b22, b19, d, "containerize",
             "mcr.microsoft.com/dotnet/framework/runtime:4.8-windowsservercore-ltsc2019", "hyperv", "high",
             "containerize-known-stack", "Hyper-V isolation"},
            {"iso: image older, kubernetes", w22, "role=app stack=netfx4", true, k8s, b25, b22, d, "containerize",
             "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022", "none", "low",
             "containerize-known-stack", "Not schedulable"},
            {"iso: image newer, container host", w22, "role=app stack=netfx4", true, host, b19, b22, d, "containerize",
             "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022", "none", "low",
             "containerize-known-stack", "Cannot run"},
            {"iso: image newer, kubernetes", w22, "role=app stack=netfx4", true, k8s, b22, b25, d, "containerize",
             "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2025", "none", "low",
             "containerize-known-stack", "Cannot run"},
            {"iso: untrusted Windows, container host", w22, "role=app stack=netfx4 trust=untrusted", true, host, b22,
             none, d, "containerize", "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022",
             "hyperv", "high", "containerize-known-stack", "Hyper-V isolation"},
            {"iso: untrusted Windows, kubernetes", w22, "role=app stack=netfx4 trust=untrusted", true, k8s, b25, none,
             d, "containerize", "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2025",
             "process", "medium", "containerize-known-stack", "dedicated Windows node pool"},
            {"iso: untrusted Linux, kubernetes", lx, "role=app stack=java trust=untrusted", true, k8s, b25, none, d,
             "containerize", "eclipse-temurin:21-jre-noble", "kata", "high", "containerize-known-stack",
             "kata-vm-isolation"},
            {"iso: untrusted Linux, container host: Kata too", lx, "role=app stack=java trust=untrusted", true, host,
             b22, none, d, "containerize", "eclipse-temurin:21-jre-noble", "kata", "high", "containerize-known-stack",
             "Linux container host needs Kata Containers"},
            {"iso: trusted Linux, container host", lx, "role=app stack=java", true, host, b22, none, d, "containerize",
             "eclipse-temurin:21-jre-noble", "process", "high", "containerize-known-stack", ""},
            {"iso: Windows 11 client host", w22, "role=app stack=netfx4", true, host, QStringLiteral("10.0.22631"),
             none, d, "containerize", "mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022",
             "hyperv", "high", "containerize-known-stack", "Hyper-V isolation"},

            // End of support, each band: past, within 12 months, later, unknown.
            {"eos: 2008 R2 past", QStringLiteral("Microsoft Windows Server 2008 R2 (64-bit)"), "", true, k8s, b25, none,
             d, "rehost", "", "none", "low", "fallback,end-of-support", "past its end of support (2020-01-14)"},
            {"eos: 2012 R2 past, ESU ended", test::win2012(), "", true, k8s, b25, none, d, "rehost", "", "none", "low",
             "fallback,end-of-support",
             "(2023-10-10) at the plan's date 2026-12-01; extended security updates ended 13 October 2026"},
            {"eos: 2016 within 12 months", QStringLiteral("Microsoft Windows Server 2016 (64-bit)"), "", true, k8s, b25,
             none, d, "rehost", "", "none", "low", "fallback,end-of-support", "on 2027-01-12, within 12 months"},
            {"eos: 2016 on its last day is within", QStringLiteral("Microsoft Windows Server 2016 (64-bit)"), "", true,
             k8s, b25, none, QDate(2027, 1, 12), "rehost", "", "none", "low", "fallback,end-of-support",
             "on 2027-01-12, within 12 months"},
            {"eos: 2016 the day after is past", QStringLiteral("Microsoft Windows Server 2016 (64-bit)"), "", true, k8s,
             b25, none, QDate(2027, 1, 13), "rehost", "", "none", "low", "fallback,end-of-support",
             "past its end of support (2027-01-12)"},
            {"eos: 2016 thirteen months before is supported", QStringLiteral("Microsoft Windows Server 2016 (64-bit)"),
             "", true, k8s, b25, none, QDate(2025, 12, 11), "rehost", "", "none", "low", "fallback", ""},
            {"eos: 2019 supported", QStringLiteral("Microsoft Windows Server 2019 (64-bit)"), "", true, k8s, b25, none,
             d, "rehost", "", "none", "low", "fallback", ""},
            {"eos: Windows 10 past", QStringLiteral("Microsoft Windows 10 (64-bit)"), "role=desktop", true, k8s, b25,
             none, d, "rehost", "", "none", "medium", "desktop-or-mail,end-of-support",
             "past its end of support (2025-10-14)"},
            {"eos: CentOS 7 past", QStringLiteral("CentOS 7 (64-bit)"), "", true, k8s, b25, none, d, "rehost", "",
             "none", "low", "fallback,end-of-support", "past its end of support (2024-06-30)"},
            {"eos: Ubuntu 20.04 past", QStringLiteral("Ubuntu Linux 20.04 (64-bit)"), "", true, k8s, b25, none, d,
             "rehost", "", "none", "low", "fallback,end-of-support", "past its end of support (2025-05-31)"},
            {"eos: Ubuntu 22.04 within 12 months", QStringLiteral("Ubuntu Linux 22.04 (64-bit)"), "", true, k8s, b25,
             none, d, "rehost", "", "none", "low", "fallback,end-of-support", "on 2027-06-30, within 12 months"},
            {"eos: SLES 12 past", QStringLiteral("SUSE Linux Enterprise 12 (64-bit)"), "", true, k8s, b25, none, d,
             "rehost", "", "none", "low", "fallback,end-of-support", "past its end of support (2024-10-31)"},
            {"eos: containerized on a past OS keeps its path", QStringLiteral("CentOS 7 (64-bit)"),
             "role=app stack=java", true, k8s, b25, none, d, "containerize", "eclipse-temurin:21-jre-noble", "process",
             "high", "containerize-known-stack,end-of-support", "past its end of support (2024-06-30)"},
            {"eos: RHEL 8 supported", lx, "", true, k8s, b25, none, d, "rehost", "", "none", "low", "fallback", ""},
            {"eos: unknown OS has no date", QStringLiteral("Something else entirely"), "", true, k8s, b25, none, d,
             "rehost", "", "none", "low", "fallback", ""},
        };
        for (const Row &r : rows)
            QTest::newRow(r.name) << r.os << QString::fromLatin1(r.answers) << r.on << r.platform << r.build << r.pin
                                  << r.date << QString::fromLatin1(r.path) << QString::fromLatin1(r.image)
                                  << QString::fromLatin1(r.isolation) << QString::fromLatin1(r.confidence)
                                  << QString::fromLatin1(r.rules) << QString::fromUtf8(r.conditions);
    }

    void classify()
    {
        QFETCH(QString, os);
        QFETCH(QString, answers);
        QFETCH(bool, poweredOn);
        QFETCH(QString, platform);
        QFETCH(QString, build);
        QFETCH(QString, pin);
        QFETCH(QDate, date);
        QFETCH(QString, path);
        QFETCH(QString, image);
        QFETCH(QString, isolation);
        QFETCH(QString, confidence);
        QFETCH(QString, rules);
        QFETCH(QString, conditions);

        AdvisorInputs inputs;
        inputs.platform = *targetPlatformFromKey(platform);
        inputs.windowsBuild = build;
        inputs.planDate = date;
        QVERIFY2(!inputs.problem(), qPrintable(inputs.problem().value_or(QString())));
        const MigrationAdvisor advisor(rulesPinnedTo(pin), inputs);
        const Decision decision = advisor.classify(makeVm(os, answers, poweredOn ? PowerState::On : PowerState::Off));

        QCOMPARE(migrationPathKey(decision.path), path);
        QCOMPARE(decision.baseImage, image);
        QCOMPARE(isolationKey(decision.isolation), isolation);
        QCOMPARE(confidenceKey(decision.confidence), confidence);
        QStringList ids;
        for (const RuleTraceEntry &entry : decision.trace) {
            ids.append(entry.ruleId);
            QVERIFY(!entry.reason.isEmpty());
        }
        QCOMPARE(ids.join(u','), rules);
        const QStringList expected = conditions.split(u'|', Qt::SkipEmptyParts);
        QVERIFY2(decision.conditions.size() == expected.size(),
                 qPrintable(decision.conditions.join(QLatin1String(" || "))));
        for (const QString &fragment : expected) {
            bool found = false;
            for (const QString &condition : decision.conditions)
                found |= condition.contains(fragment);
            QVERIFY2(found, qPrintable(fragment + u" not in: " + decision.conditions.join(QLatin1String(" || "))));
        }
        QVERIFY(!decision.reason.isEmpty());
        QVERIFY(!decision.target.isEmpty());
        if (!image.isEmpty()) {
            // Every image chosen is in the catalogue and supported at the plan's date.
            const std::optional<CataloguePick> pick = ImageCatalogue::shipped().find(image);
            QVERIFY2(pick, qPrintable(image));
            QVERIFY(pick->tag->endOfSupport >= date);
        }
    }

    void freebsdNeverGetsALinuxImageEvenWithoutItsRule()
    {
        RuleSet rules = RuleSet::defaults();
        QVERIFY(!rules.setEnabled(rules.indexOf(QStringLiteral("bsd-or-solaris")), false));
        QVERIFY(!rules.setEnabled(rules.indexOf(QStringLiteral("appliance")), false));
        AdvisorInputs inputs;
        inputs.planDate = test::planDate();
        const MigrationAdvisor advisor(rules, inputs);
        for (const char *os : {"freebsd:14", "solaris:11", "appliance:1"}) {
            const Vm vm = makeVm(QLatin1String(os), QStringLiteral("role=app stack=native-linux"));
            const Decision decision = advisor.classify(vm);
            QCOMPARE(decision.path, MigrationPath::Rehost);
            QVERIFY(decision.baseImage.isEmpty());
            const ManualOverride containerize{vm.identityKey(), MigrationPath::Containerize, QStringLiteral("try"), {}};
            QVERIFY2(advisor.classify(vm, &containerize).baseImage.isEmpty(), os);
        }
    }

    void targetsInWords()
    {
        const MigrationAdvisor advisor(RuleSet::defaults(), AdvisorInputs{});
        QCOMPARE(advisor.classify(makeVm(test::win2022(), QStringLiteral("role=app stack=netfx4"))).target,
                 QStringLiteral("AKS Windows node pool, Windows Server 2025 (10.0.26100)"));
        QCOMPARE(advisor.classify(makeVm(test::win2022(), QStringLiteral("role=database"))).target,
                 QStringLiteral("managed database (PaaS)"));
        QCOMPARE(advisor.classify(makeVm(test::win2022(), QString())).target, QStringLiteral("IaaS VM"));
        const Decision gpu = advisor.classify(makeVm(test::win2022(), QStringLiteral("gui=directx")));
        QVERIFY(gpu.conditions.contains(QStringLiteral("GPU-enabled Windows node pool")));
    }

    void ruleOrder_data()
    {
        QTest::addColumn<QString>("answers");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("rule");
        QTest::newRow("decommission beats mustStayOnPrem") << "decommission=yes mustStayOnPrem=yes"
                                                           << "retire"
                                                           << "decommission";
        QTest::newRow("managed database beats owned and fast-changing")
            << "role=database sourceAvailable=yes changeRate=high"
            << "cloudNative"
            << "managed-service";
        QTest::newRow("kernel driver beats a containerizable stack") << "kernelDriver=yes role=web stack=netcore"
                                                                     << "rehost"
                                                                     << "kernel-driver";
        QTest::newRow("mustStayOnPrem beats kernel driver") << "mustStayOnPrem=yes kernelDriver=yes"
                                                            << "retain"
                                                            << "must-stay-on-prem";
        QTest::newRow("owned and fast-changing beats containerize")
            << "role=web stack=netfx35 sourceAvailable=yes changeRate=high"
            << "cloudNative"
            << "owned-fast-changing";
    }

    void ruleOrder()
    {
        QFETCH(QString, answers);
        QFETCH(QString, path);
        QFETCH(QString, rule);
        const MigrationAdvisor advisor(RuleSet::defaults(), AdvisorInputs{});
        const Decision decision = advisor.classify(makeVm(test::win2022(), answers));
        QCOMPARE(migrationPathKey(decision.path), path);
        QCOMPARE(decision.trace.constFirst().ruleId, rule);
    }

    void reorderingChangesTheOutcome()
    {
        RuleSet rules = RuleSet::defaults();
        QVERIFY(!rules.move(rules.indexOf(QStringLiteral("must-stay-on-prem")), 0));
        const MigrationAdvisor advisor(rules, AdvisorInputs{});
        const Decision decision =
            advisor.classify(makeVm(test::win2022(), QStringLiteral("decommission=yes mustStayOnPrem=yes")));
        QCOMPARE(decision.path, MigrationPath::Retain);
    }

    void disabledRuleIsSkipped()
    {
        RuleSet rules = RuleSet::defaults();
        QVERIFY(!rules.setEnabled(rules.indexOf(QStringLiteral("managed-service")), false));
        const MigrationAdvisor advisor(rules, AdvisorInputs{});
        const Decision decision = advisor.classify(makeVm(test::win2022(), QStringLiteral("role=database")));
        QCOMPARE(decision.trace.constFirst().ruleId, QStringLiteral("fallback"));
    }

    void conditionsOnSizeAndOs()
    {
        // A consultant's own rule: big Linux VMs stay as VMs.
        Rule big;
        big.id = QStringLiteral("big-linux");
        big.when = {{QStringLiteral("vcpu"), RuleCondition::Op::AtLeast, {}, QStringLiteral("16")},
                    {QStringLiteral("memoryMiB"), RuleCondition::Op::Above, {}, QStringLiteral("65536")},
                    {QStringLiteral("osFamily"), RuleCondition::Op::Is, {QStringLiteral("rhel")}, {}},
                    {QStringLiteral("osVersion"), RuleCondition::Op::Is, {QStringLiteral("8")}, {}}};
        big.path = MigrationPath::Rehost;
        big.confidence = Confidence::Medium;
        big.reason = QStringLiteral("Too big to containerize.");
        RuleSet rules = RuleSet::defaults();
        QVERIFY(!rules.insert(0, big));
        const MigrationAdvisor advisor(rules, AdvisorInputs{});
        const QString answers = QStringLiteral("role=app stack=java");
        QCOMPARE(advisor.classify(makeVm(test::rhel8(), answers, PowerState::On, 16, 131072)).trace.constFirst().ruleId,
                 QStringLiteral("big-linux"));
        QCOMPARE(advisor.classify(makeVm(test::rhel8(), answers, PowerState::On, 8, 131072)).path,
                 MigrationPath::Containerize);
        QCOMPARE(advisor.classify(makeVm(test::rhel8(), answers, PowerState::On, 16, 65536)).path,
                 MigrationPath::Containerize);
    }

    void overrideWins()
    {
        const MigrationAdvisor advisor(RuleSet::defaults(), AdvisorInputs{});
        const Vm vm = makeVm(test::win2022(), QStringLiteral("decommission=yes role=web stack=netfx4"));
        const ManualOverride keep{
            vm.identityKey(), MigrationPath::Containerize, QStringLiteral("still used by HR"), {}};
        const Decision decision = advisor.classify(vm, &keep);
        QCOMPARE(decision.path, MigrationPath::Containerize);
        QVERIFY(decision.overridden);
        QCOMPARE(decision.overrideNote, QStringLiteral("still used by HR"));
        QCOMPARE(decision.baseImage,
                 QStringLiteral("mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025"));
        QCOMPARE(decision.trace.constFirst().ruleId, QStringLiteral("override"));
        QVERIFY(decision.reason.contains(QStringLiteral("still used by HR")));

        const ManualOverride rehost{vm.identityKey(), MigrationPath::Rehost, QStringLiteral("no time"), {}};
        const Decision lifted =
            advisor.classify(makeVm(test::win2022(), QStringLiteral("role=web stack=netfx4")), &rehost);
        QCOMPARE(lifted.path, MigrationPath::Rehost);
        QVERIFY(lifted.baseImage.isEmpty());
        QCOMPARE(lifted.isolation, Isolation::None);
    }

    void inputsRefused_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("build");
        QTest::newRow("2019 pool on kubernetes") << "kubernetes"
                                                 << "10.0.17763";
        QTest::newRow("client build on kubernetes") << "kubernetes"
                                                    << "10.0.22631";
        QTest::newRow("not a build") << "container-host"
                                     << "2022";
    }

    void inputsRefused()
    {
        QFETCH(QString, platform);
        QFETCH(QString, build);
        AdvisorInputs inputs{*targetPlatformFromKey(platform), build};
        QVERIFY(inputs.problem());
        QVERIFY(inputs.problem()->contains(build));
    }
};

QTEST_GUILESS_MAIN(TestMigrationAdvisor)
#include "tst_migrationadvisor.moc"
