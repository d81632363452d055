#include "domain/osinfo.h"
#include "domain/vm.h"
#include "domain/workshopanswers.h"

#include <QTest>

using namespace landfall;

/** The OS strings of real exports, normalised to family, version and Windows build. */
class TestOsNormalizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("build");
        const auto row = [](const char *tag, const char *text, const char *family, const char *version,
                            const char *build) {
            QTest::newRow(tag) << QString::fromUtf8(text) << QString::fromUtf8(family) << QString::fromUtf8(version)
                               << QString::fromUtf8(build);
        };
        row("vmware 2016", "Microsoft Windows Server 2016 (64-bit)", "windows-server", "2016", "10.0.14393");
        row("vmware 2019", "Microsoft Windows Server 2019 (64-bit)", "windows-server", "2019", "10.0.17763");
        row("vmware 2022", "Microsoft Windows Server 2022 (64-bit)", "windows-server", "2022", "10.0.20348");
        row("2025", "Microsoft Windows Server 2025 Datacenter", "windows-server", "2025", "10.0.26100");
        row("2008 R2", "Microsoft Windows Server 2008 R2 (64-bit)", "windows-server", "2008 R2", "6.1.7601");
        row("2012 R2", "Microsoft Windows Server 2012 R2 (64-bit)", "windows-server", "2012 R2", "6.3.9600");
        row("2012", "Microsoft Windows Server 2012 (64-bit)", "windows-server", "2012", "6.2.9200");
        row("2003", "Microsoft Windows Server 2003 Standard (32-bit)", "windows-server", "2003", "5.2.3790");
        row("or later is not a version", "Microsoft Windows Server 2016 or later (64-bit)", "windows-server", "", "");
        row("azure", "Microsoft Windows Server 2019", "windows-server", "2019", "10.0.17763");
        row("windows 10", "Microsoft Windows 10 (64-bit)", "windows-client", "10", "");
        row("windows 11", "Microsoft Windows 11 Enterprise", "windows-client", "11", "");
        row("rhel 8", "Red Hat Enterprise Linux 8 (64-bit)", "rhel", "8", "");
        row("rhel 7", "Red Hat Enterprise Linux 7", "rhel", "7", "");
        row("ubuntu tools", "Ubuntu 22.04.3 LTS", "ubuntu", "22.04", "");
        row("ubuntu config", "Ubuntu Linux (64-bit)", "ubuntu", "", "");
        row("centos", "CentOS 7 (64-bit)", "centos", "7", "");
        row("debian", "Debian GNU/Linux 11 (64-bit)", "debian", "11", "");
        row("sles", "SUSE Linux Enterprise Server 12 (64-bit)", "sles", "12", "");
        row("oracle", "Oracle Linux 8 (64-bit)", "oracle-linux", "8", "");
        row("rocky", "Rocky Linux 9 (64-bit)", "rocky", "9", "");
        row("other linux", "Other 3.x or later Linux (64-bit)", "linux", "", "");
        row("freebsd", "FreeBSD 12 (64-bit)", "other", "", "");
        row("empty", "", "unknown", "", "");
        row("nonsense is not guessed", "Banana OS 3000", "unknown", "", "");
        row("windows without a version", "Microsoft Windows (64-bit)", "unknown", "", "");
    }

    void normalize()
    {
        QFETCH(QString, text);
        QFETCH(QString, family);
        QFETCH(QString, version);
        QFETCH(QString, build);
        const OsInfo info = OsNormalizer::normalize(text);
        QCOMPARE(info.family, family);
        QCOMPARE(info.version, version);
        QCOMPARE(info.windowsBuild, build);
    }

    void buildsRoundTrip()
    {
        for (const char *version : {"2016", "2019", "2022", "2025"})
            QCOMPARE(OsNormalizer::windowsServerVersion(OsNormalizer::windowsServerBuild(QLatin1String(version))),
                     QLatin1String(version));
    }

    void answersAcceptOnlyAllowedValues()
    {
        WorkshopAnswers answers;
        QVERIFY(answers.isAllUnknown());
        QCOMPARE(answers.value(WorkshopAnswers::Attribute::Trust), QStringLiteral("trusted"));
        QVERIFY(answers.setValue(WorkshopAnswers::Attribute::Role, QStringLiteral(" Web ")));
        QCOMPARE(answers.value(WorkshopAnswers::Attribute::Role), QStringLiteral("web"));
        QVERIFY(!answers.setValue(WorkshopAnswers::Attribute::Role, QStringLiteral("webserver")));
        QCOMPARE(answers.value(WorkshopAnswers::Attribute::Role), QStringLiteral("web"));
        QVERIFY(!answers.isAllUnknown());
        QCOMPARE(WorkshopAnswers::attributeForKey(QStringLiteral("mustStayOnPrem")),
                 WorkshopAnswers::Attribute::MustStayOnPrem);
    }

    void identityPrefersUuid()
    {
        Vm vm;
        vm.name = QStringLiteral("Web01");
        QCOMPARE(vm.identityKey(), QStringLiteral("name:web01"));
        vm.vcenter = QStringLiteral("VC1.corp");
        vm.uuid = QStringLiteral("ABC");
        QCOMPARE(vm.identityKey(), QStringLiteral("vc1.corp/abc"));
    }
};

QTEST_GUILESS_MAIN(TestOsNormalizer)
#include "tst_osnormalizer.moc"
