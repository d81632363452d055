#include "testvms.h"

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
    void classify_data()
    {
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("answers");
        QTest::addColumn<bool>("poweredOn");
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("build");
        QTest::addColumn<QString>("pin"); // pins the containerize rule's image build
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("isolation");
        QTest::addColumn<QString>("confidence");
        QTest::addColumn<QString>("rules");

        const QString w22 = test::win2022();
        const QString lx = test::rhel8();
        const QString k8s = QStringLiteral("kubernetes");
        const QString host = QStringLiteral("container-host");
        const QString b22 = QStringLiteral("10.0.20348");
        const QString b19 = QStringLiteral("10.0.17763");
        const QString none;
        const auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };

        // Rule 1 to 8: not containerized, so the platform does not change them.
        row("1 decommission") << w22 << "decommission=yes" << true << k8s << b22 << none << "retire"
                              << ""
                              << "none"
                              << "high"
                              << "decommission";
        row("2 mustStayOnPrem") << w22 << "mustStayOnPrem=yes role=web stack=netcore" << true << k8s << b22 << none
                                << "retain"
                                << ""
                                << "none"
                                << "high"
                                << "must-stay-on-prem";
        row("3 powered off, unanswered") << w22 << "" << false << k8s << b22 << none << "retire"
                                         << ""
                                         << "none"
                                         << "low"
                                         << "powered-off-unanswered";
        row("3 powered off, answered: rules go on")
            << lx << "role=web stack=java" << false << k8s << b22 << none << "containerize"
            << "eclipse-temurin:21-jre"
            << "process"
            << "high"
            << "containerize-known-stack";
        row("4 kernelDriver") << w22 << "kernelDriver=yes role=web stack=netcore" << true << k8s << b22 << none
                              << "rehost"
                              << ""
                              << "none"
                              << "high"
                              << "kernel-driver";
        row("5 directory") << w22 << "role=directory" << true << k8s << b22 << none << "rehost"
                           << ""
                           << "none"
                           << "high"
                           << "directory";
        row("6 desktop") << w22 << "role=desktop" << true << k8s << b22 << none << "rehost"
                         << ""
                         << "none"
                         << "medium"
                         << "desktop-or-mail";
        row("6 mail") << w22 << "role=mail stack=netfx4" << true << k8s << b22 << none << "rehost"
                      << ""
                      << "none"
                      << "medium"
                      << "desktop-or-mail";
        row("7 database") << w22 << "role=database" << true << k8s << b22 << none << "cloudNative"
                          << ""
                          << "none"
                          << "medium"
                          << "managed-service";
        row("7 file") << lx << "role=file" << true << k8s << b22 << none << "cloudNative"
                      << ""
                      << "none"
                      << "medium"
                      << "managed-service";
        row("8 owned, fast-changing") << w22 << "role=web stack=netfx4 sourceAvailable=yes changeRate=high" << true
                                      << k8s << b22 << none << "cloudNative"
                                      << ""
                                      << "none"
                                      << "high"
                                      << "owned-fast-changing";
        row("8 needs both: medium change rate") << w22 << "role=web stack=netfx4 sourceAvailable=yes changeRate=medium"
                                                << true << k8s << b22 << none << "containerize"
                                                << "mcr.microsoft.com/windows/servercore:ltsc2022"
                                                << "process"
                                                << "high"
                                                << "containerize-known-stack";

        // Rule 9.
        row("9 directx, kubernetes") << w22 << "role=app stack=native-windows gui=directx" << true << k8s << b22 << none
                                     << "containerize"
                                     << "mcr.microsoft.com/windows/server:ltsc2022"
                                     << "process"
                                     << "medium"
                                     << "directx";
        row("9 directx, 2019 container host") << w22 << "gui=directx" << true << host << b19 << none << "containerize"
                                              << "mcr.microsoft.com/windows:ltsc2019"
                                              << "process"
                                              << "medium"
                                              << "directx";

        // Rule 10, one row per line of the base image table.
        row("10 netcore -> nanoserver") << w22 << "role=web stack=netcore gui=none" << true << k8s << b22 << none
                                        << "containerize"
                                        << "mcr.microsoft.com/windows/nanoserver:ltsc2022"
                                        << "process"
                                        << "high"
                                        << "containerize-known-stack";
        row("10 go -> nanoserver") << w22 << "role=app stack=go gui=none" << true << k8s << b22 << none
                                   << "containerize"
                                   << "mcr.microsoft.com/windows/nanoserver:ltsc2022"
                                   << "process"
                                   << "high"
                                   << "containerize-known-stack";
        row("10 native-windows -> nanoserver, 2019 host")
            << w22 << "role=batch stack=native-windows gui=none" << true << host << b19 << none << "containerize"
            << "mcr.microsoft.com/windows/nanoserver:1809"
            << "process"
            << "high"
            << "containerize-known-stack";
        row("10 netfx35 -> servercore") << w22 << "role=web stack=netfx35" << true << k8s << b22 << none
                                        << "containerize"
                                        << "mcr.microsoft.com/windows/servercore:ltsc2022"
                                        << "process"
                                        << "high"
                                        << "containerize-known-stack,containerize-known-stack/netfx35";
        row("10 netfx4 -> servercore") << w22 << "role=app stack=netfx4" << true << k8s << b22 << none << "containerize"
                                       << "mcr.microsoft.com/windows/servercore:ltsc2022"
                                       << "process"
                                       << "high"
                                       << "containerize-known-stack";
        row("10 netfx4 on a 2019 host") << w22 << "role=app stack=netfx4" << true << host << b19 << none
                                        << "containerize"
                                        << "mcr.microsoft.com/windows/servercore:ltsc2019"
                                        << "process"
                                        << "high"
                                        << "containerize-known-stack";
        row("10 netfx4 on a 2025 pool") << w22 << "role=app stack=netfx4" << true << k8s << "10.0.26100" << none
                                        << "containerize"
                                        << "mcr.microsoft.com/windows/servercore:ltsc2025"
                                        << "process"
                                        << "high"
                                        << "containerize-known-stack";
        row("10 gdi -> windows") << w22 << "role=app stack=netfx4 gui=gdi" << true << k8s << b22 << none
                                 << "containerize"
                                 << "mcr.microsoft.com/windows/server:ltsc2022"
                                 << "process"
                                 << "high"
                                 << "containerize-known-stack";
        row("10 print -> windows") << w22 << "role=print stack=native-windows" << true << k8s << b22 << none
                                   << "containerize"
                                   << "mcr.microsoft.com/windows/server:ltsc2022"
                                   << "process"
                                   << "high"
                                   << "containerize-known-stack";
        row("10 java on linux") << lx << "role=app stack=java" << true << k8s << b22 << none << "containerize"
                                << "eclipse-temurin:21-jre"
                                << "process"
                                << "high"
                                << "containerize-known-stack";
        row("10 nodejs on linux") << lx << "role=web stack=nodejs" << true << k8s << b22 << none << "containerize"
                                  << "node:22-bookworm-slim"
                                  << "process"
                                  << "high"
                                  << "containerize-known-stack";
        row("10 python on linux") << lx << "role=batch stack=python" << true << k8s << b22 << none << "containerize"
                                  << "python:3.12-slim"
                                  << "process"
                                  << "high"
                                  << "containerize-known-stack";
        row("10 native-linux on linux") << lx << "role=app stack=native-linux" << true << k8s << b22 << none
                                        << "containerize"
                                        << "debian:stable-slim"
                                        << "process"
                                        << "high"
                                        << "containerize-known-stack";
        row("10 windowsAuth -> gMSA, medium")
            << w22 << "role=web stack=netfx4 windowsAuth=yes" << true << k8s << b22 << none << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2022"
            << "process"
            << "medium"
            << "containerize-known-stack,containerize-known-stack/gmsa";
        row("10 older than 2016 -> medium")
            << test::win2012() << "role=web stack=netfx4" << true << k8s << b22 << none << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2022"
            << "process"
            << "medium"
            << "containerize-known-stack,containerize-known-stack/pre-2016";
        row("10 unknown stack falls through") << w22 << "role=web" << true << k8s << b22 << none << "rehost"
                                              << ""
                                              << "none"
                                              << "low"
                                              << "fallback";
        row("10 Windows stack on Linux falls through")
            << lx << "role=web stack=netfx4" << true << k8s << b22 << none << "rehost"
            << ""
            << "none"
            << "low"
            << "fallback";
        // Rule 11.
        row("11 nothing known") << w22 << "" << true << k8s << b22 << none << "rehost"
                                << ""
                                << "none"
                                << "low"
                                << "fallback";

        // The isolation table, line by line, on both platforms.
        row("iso: image = host, kubernetes")
            << w22 << "role=app stack=netfx4" << true << k8s << b22 << none << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2022"
            << "process"
            << "high"
            << "containerize-known-stack";
        row("iso: image = host, container host")
            << w22 << "role=app stack=netfx4" << true << host << b22 << none << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2022"
            << "process"
            << "high"
            << "containerize-known-stack";
        row("iso: 2016 host, same revision") << w22 << "role=app stack=netfx4" << true << host << "10.0.14393.2000"
                                             << "10.0.14393.2000"
                                             << "containerize"
                                             << "mcr.microsoft.com/windows/servercore:ltsc2016"
                                             << "process"
                                             << "high"
                                             << "containerize-known-stack";
        row("iso: 2016 host, other revision") << w22 << "role=app stack=netfx4" << true << host << "10.0.14393.2000"
                                              << "10.0.14393.1000"
                                              << "containerize"
                                              << "mcr.microsoft.com/windows/servercore:ltsc2016"
                                              << "hyperv"
                                              << "high"
                                              << "containerize-known-stack";
        row("iso: image older, container host")
            << w22 << "role=app stack=netfx4" << true << host << b22 << b19 << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2019"
            << "hyperv"
            << "high"
            << "containerize-known-stack";
        row("iso: image older, kubernetes")
            << w22 << "role=app stack=netfx4" << true << k8s << b22 << b19 << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2019"
            << "none"
            << "low"
            << "containerize-known-stack";
        row("iso: image newer, container host")
            << w22 << "role=app stack=netfx4" << true << host << b19 << b22 << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2022"
            << "none"
            << "low"
            << "containerize-known-stack";
        row("iso: image newer, kubernetes") << w22 << "role=app stack=netfx4" << true << k8s << b22 << "10.0.26100"
                                            << "containerize"
                                            << "mcr.microsoft.com/windows/servercore:ltsc2025"
                                            << "none"
                                            << "low"
                                            << "containerize-known-stack";
        row("iso: untrusted Windows, container host")
            << w22 << "role=app stack=netfx4 trust=untrusted" << true << host << b22 << none << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2022"
            << "hyperv"
            << "high"
            << "containerize-known-stack";
        row("iso: untrusted Windows, kubernetes")
            << w22 << "role=app stack=netfx4 trust=untrusted" << true << k8s << b22 << none << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2022"
            << "process"
            << "medium"
            << "containerize-known-stack";
        row("iso: untrusted Linux, kubernetes")
            << lx << "role=app stack=java trust=untrusted" << true << k8s << b22 << none << "containerize"
            << "eclipse-temurin:21-jre"
            << "kata"
            << "high"
            << "containerize-known-stack";
        row("iso: untrusted Linux, container host")
            << lx << "role=app stack=java trust=untrusted" << true << host << b22 << none << "containerize"
            << "eclipse-temurin:21-jre"
            << "hyperv"
            << "high"
            << "containerize-known-stack";
        row("iso: trusted Linux, container host")
            << lx << "role=app stack=java" << true << host << b22 << none << "containerize"
            << "eclipse-temurin:21-jre"
            << "process"
            << "high"
            << "containerize-known-stack";
        row("iso: Windows 11 client host")
            << w22 << "role=app stack=netfx4" << true << host << "10.0.22631" << none << "containerize"
            << "mcr.microsoft.com/windows/servercore:ltsc2022"
            << "hyperv"
            << "high"
            << "containerize-known-stack";
    }

    void classify()
    {
        QFETCH(QString, os);
        QFETCH(QString, answers);
        QFETCH(bool, poweredOn);
        QFETCH(QString, platform);
        QFETCH(QString, build);
        QFETCH(QString, pin);
        QFETCH(QString, path);
        QFETCH(QString, image);
        QFETCH(QString, isolation);
        QFETCH(QString, confidence);
        QFETCH(QString, rules);

        AdvisorInputs inputs;
        inputs.platform = *targetPlatformFromKey(platform);
        inputs.windowsBuild = build;
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
        QVERIFY(!decision.reason.isEmpty());
        QVERIFY(!decision.target.isEmpty());
        if (decision.isolation == Isolation::None && decision.path == MigrationPath::Containerize)
            QVERIFY2(!decision.conditions.isEmpty(), "a container that cannot be placed must say why");
    }

    void targetsInWords()
    {
        const MigrationAdvisor advisor(RuleSet::defaults(), AdvisorInputs{});
        QCOMPARE(advisor.classify(makeVm(test::win2022(), QStringLiteral("role=app stack=netfx4"))).target,
                 QStringLiteral("AKS Windows node pool, Windows Server 2022 (10.0.20348)"));
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
        QCOMPARE(decision.baseImage, QStringLiteral("mcr.microsoft.com/windows/servercore:ltsc2022"));
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
