#include "advisor/isolationpolicy.h"

#include <QTest>

using namespace landfall;

/** The isolation table of classification.md, line by line, on both platforms. */
class TestIsolationPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("image"); // empty: a Linux image
        QTest::addColumn<bool>("untrusted");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("isolation");

        const int runs = int(IsolationVerdict::Outcome::Runs);
        const int notSchedulable = int(IsolationVerdict::Outcome::NotSchedulable);
        const int cannotRun = int(IsolationVerdict::Outcome::CannotRun);
        QTest::newRow("equal, container host") << "container-host"
                                               << "10.0.20348"
                                               << "10.0.20348" << false << runs << "process";
        QTest::newRow("equal, kubernetes") << "kubernetes"
                                           << "10.0.20348"
                                           << "10.0.20348" << false << runs << "process";
        QTest::newRow("2016 equal revision, container host") << "container-host"
                                                             << "10.0.14393.1000"
                                                             << "10.0.14393.1000" << false << runs << "process";
        QTest::newRow("2016 other revision, container host") << "container-host"
                                                             << "10.0.14393.1000"
                                                             << "10.0.14393.900" << false << runs << "hyperv";
        QTest::newRow("older, container host") << "container-host"
                                               << "10.0.20348"
                                               << "10.0.17763" << false << runs << "hyperv";
        QTest::newRow("older, kubernetes") << "kubernetes"
                                           << "10.0.20348"
                                           << "10.0.17763" << false << notSchedulable << "none";
        QTest::newRow("newer, container host") << "container-host"
                                               << "10.0.17763"
                                               << "10.0.20348" << false << cannotRun << "none";
        QTest::newRow("newer, kubernetes") << "kubernetes"
                                           << "10.0.20348"
                                           << "10.0.26100" << false << cannotRun << "none";
        QTest::newRow("newer and untrusted, container host") << "container-host"
                                                             << "10.0.17763"
                                                             << "10.0.20348" << true << cannotRun << "none";
        QTest::newRow("untrusted Windows, container host") << "container-host"
                                                           << "10.0.20348"
                                                           << "10.0.20348" << true << runs << "hyperv";
        QTest::newRow("untrusted Windows, kubernetes (dedicated pool)") << "kubernetes"
                                                                        << "10.0.20348"
                                                                        << "10.0.20348" << true << runs << "process";
        QTest::newRow("untrusted Linux, kubernetes") << "kubernetes"
                                                     << "10.0.20348"
                                                     << "" << true << runs << "kata";
        QTest::newRow("untrusted Linux, container host") << "container-host"
                                                         << "10.0.20348"
                                                         << "" << true << runs << "kata";
        QTest::newRow("Linux, kubernetes") << "kubernetes"
                                           << "10.0.20348"
                                           << "" << false << runs << "process";
        QTest::newRow("client host, Windows 11") << "container-host"
                                                 << "10.0.22631"
                                                 << "10.0.20348" << false << runs << "hyperv";
        QTest::newRow("client host, Windows 10") << "container-host"
                                                 << "10.0.19045"
                                                 << "10.0.17763" << false << runs << "hyperv";
    }

    void decide()
    {
        QFETCH(QString, platform);
        QFETCH(QString, host);
        QFETCH(QString, image);
        QFETCH(bool, untrusted);
        QFETCH(int, outcome);
        QFETCH(QString, isolation);
        const std::optional<WindowsBuild> imageBuild = image.isEmpty() ? std::nullopt : WindowsBuild::parse(image);
        const IsolationVerdict verdict = IsolationPolicy::decide(*targetPlatformFromKey(platform),
                                                                 *WindowsBuild::parse(host), imageBuild, untrusted);
        QCOMPARE(int(verdict.outcome), outcome);
        QCOMPARE(isolationKey(verdict.isolation), isolation);
    }

    void dedicatedPoolForUntrustedWindows()
    {
        const IsolationVerdict verdict =
            IsolationPolicy::decide(TargetPlatform::Kubernetes, *WindowsBuild::parse(QStringLiteral("10.0.20348")),
                                    WindowsBuild::parse(QStringLiteral("10.0.20348")), true);
        QCOMPARE(verdict.placement, IsolationVerdict::Placement::DedicatedWindowsPool);
    }
};

QTEST_GUILESS_MAIN(TestIsolationPolicy)
#include "tst_isolationpolicy.moc"
