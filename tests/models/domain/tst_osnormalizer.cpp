#include "advisor/rulefields.h"
#include "domain/osinfo.h"
#include "domain/vm.h"
#include "domain/workshopanswers.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
        row("2008 32-bit", "Microsoft Windows Server 2008 (32-bit)", "windows-server", "2008", "6.0.6003");
        row("2008 64-bit", "Microsoft Windows Server 2008 (64-bit)", "windows-server", "2008", "6.0.6003");
        row("2012 R2", "Microsoft Windows Server 2012 R2 (64-bit)", "windows-server", "2012 R2", "6.3.9600");
        row("2012", "Microsoft Windows Server 2012 (64-bit)", "windows-server", "2012", "6.2.9200");
        row("2003", "Microsoft Windows Server 2003 Standard (32-bit)", "windows-server", "2003", "5.2.3790");
        row("2003 standard 64-bit", "Microsoft Windows Server 2003 Standard (64-bit)", "windows-server", "2003",
            "5.2.3790");
        row("2003 32-bit", "Microsoft Windows Server 2003 (32-bit)", "windows-server", "2003", "5.2.3790");
        row("2003 64-bit", "Microsoft Windows Server 2003 (64-bit)", "windows-server", "2003", "5.2.3790");
        row("or later is not a version", "Microsoft Windows Server 2016 or later (64-bit)", "windows-server", "", "");
        row("azure", "Microsoft Windows Server 2019", "windows-server", "2019", "10.0.17763");
        row("windows xp", "Microsoft Windows XP Professional (32-bit)", "windows-client", "XP", "");
        row("windows 7", "Microsoft Windows 7 (64-bit)", "windows-client", "7", "");
        row("windows 10", "Microsoft Windows 10 (64-bit)", "windows-client", "10", "");
        row("windows 11", "Microsoft Windows 11 Enterprise", "windows-client", "11", "");
        row("rhel 5", "Red Hat Enterprise Linux 5 (64-bit)", "rhel", "5", "");
        row("rhel 6", "Red Hat Enterprise Linux 6 (64-bit)", "rhel", "6", "");
        row("rhel 7", "Red Hat Enterprise Linux 7", "rhel", "7", "");
        row("rhel 8", "Red Hat Enterprise Linux 8 (64-bit)", "rhel", "8", "");
        row("rhel 9", "Red Hat Enterprise Linux 9 (64-bit)", "rhel", "9", "");
        row("fedora is not rhel", "Red Hat Fedora (64-bit)", "fedora", "", "");
        row("fedora 32-bit", "Red Hat Fedora (32-bit)", "fedora", "", "");
        row("ubuntu tools", "Ubuntu 22.04.3 LTS", "ubuntu", "22.04", "");
        row("ubuntu config", "Ubuntu Linux (64-bit)", "ubuntu", "", "");
        row("centos", "CentOS 7 (64-bit)", "centos", "7", "");
        // vSphere's guest types for a range of releases: CentOS of an unknown version, not CentOS 4.
        row("centos 4/5/6/7", "CentOS 4/5/6/7 (64-bit)", "centos", "", "");
        row("centos 4/5 or later", "CentOS 4/5 or later (64-bit)", "centos", "", "");
        row("centos 4/5", "CentOS 4/5 (64-bit)", "centos", "", "");
        row("debian 7", "Debian GNU/Linux 7 (64-bit)", "debian", "7", "");
        row("debian 9", "Debian GNU/Linux 9 (64-bit)", "debian", "9", "");
        row("debian 10", "Debian GNU/Linux 10 (64-bit)", "debian", "10", "");
        row("debian", "Debian GNU/Linux 11 (64-bit)", "debian", "11", "");
        row("debian 12", "Debian GNU/Linux 12 (64-bit)", "debian", "12", "");
        row("sles", "SUSE Linux Enterprise Server 12 (64-bit)", "sles", "12", "");
        row("sles 10", "SUSE Linux Enterprise 10 (32-bit)", "sles", "10", "");
        row("sles 11", "SUSE Linux Enterprise 11 (64-bit)", "sles", "11", "");
        row("sles 12", "SUSE Linux Enterprise 12 (64-bit)", "sles", "12", "");
        row("opensuse is not sles", "SUSE openSUSE (64-bit)", "opensuse", "", "");
        row("oracle", "Oracle Linux 8 (64-bit)", "oracle-linux", "8", "");
        row("oracle range", "Oracle Linux 4/5 or later (64-bit)", "oracle-linux", "", "");
        row("rocky", "Rocky Linux 9 (64-bit)", "rocky", "9", "");
        row("rocky without version", "Rocky Linux (64-bit)", "rocky", "", "");
        row("alma", "AlmaLinux (64-bit)", "almalinux", "", "");
        row("alma 9", "AlmaLinux 9 (64-bit)", "almalinux", "9", "");
        row("amazon linux 2", "Amazon Linux 2 (64-bit)", "amazon-linux", "2", "");
        row("amazon linux 2023", "Amazon Linux 2023", "amazon-linux", "2023", "");
        row("other linux", "Other 3.x or later Linux (64-bit)", "linux", "", "");
        row("other 4.x or later", "Other 4.x or later Linux (64-bit)", "linux", "", "");
        row("other 4.x", "Other 4.x Linux (64-bit)", "linux", "", "");
        row("other 2.6.x", "Other 2.6.x Linux (64-bit)", "linux", "", "");
        row("other linux plain", "Other Linux (64-bit)", "linux", "", "");
        row("photon os", "VMware Photon OS (64-bit)", "appliance", "", "");
        row("photon crx", "VMware Photon CRX (64-bit)", "appliance", "", "");
        row("fortianalyzer", "FortiAnalyzer-VM64 v7.2.10-build1682 250211 (GA)", "appliance", "", "");
        row("fortigate", "FortiGate-VM64 v7.4.4,build2662,240514 (GA.F)", "appliance", "", "");
        row("vcsa", "VMware vCenter Server Appliance", "appliance", "", "");
        row("freebsd", "FreeBSD 12 (64-bit)", "freebsd", "12", "");
        row("freebsd without version", "FreeBSD (64-bit)", "freebsd", "", "");
        row("freebsd or later", "FreeBSD 12 or later versions (64-bit)", "freebsd", "", "");
        row("solaris 11", "Oracle Solaris 11 (64-bit)", "solaris", "11", "");
        row("solaris 10", "Oracle Solaris 10 (64-bit)", "solaris", "10", "");
        row("esxi", "VMware ESXi 7.0 or later", "other", "", "");
        row("other", "Other (32-bit)", "other", "", "");
        row("empty", "", "unknown", "", "");
        row("nonsense is not guessed", "Banana OS 3000", "unknown", "", "");
        row("windows without a version", "Microsoft Windows (64-bit)", "unknown", "", "");
        // What a shifted column of a truncated row (kubev2v) puts in the OS column.
        row("a nic type is no os", "Vmxnet3", "unknown", "", "");
        row("a boolean is no os", "false", "unknown", "", "");
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
        // No detailed data is today's answer.
        QCOMPARE(OsNormalizer::normalize(text, QString()), info);
    }

    void guestDetailedData_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("details");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("build");
        const auto row = [](const char *tag, const char *text, const char *details, const char *family,
                            const char *version, const char *build) {
            QTest::newRow(tag) << QString::fromUtf8(text) << QString::fromUtf8(details) << QString::fromUtf8(family)
                               << QString::fromUtf8(version) << QString::fromUtf8(build);
        };
        const char *orLater = "Microsoft Windows Server 2016 or later (64-bit)";
        // The shapes below are RVTools 4.7's, as abeggi-FarmLonati has them (keys in its order).
        row("windows 2016", orLater,
            "architecture='X86' bitness='64' buildNumber='14393' distroName='Windows' distroVersion='10.0' "
            "familyName='Windows' kernelVersion='14393.8066' prettyName='Windows Server 2016, 64-bit (Build "
            "14393.8066)'",
            "windows-server", "2016", "10.0.14393");
        row("windows 2019", orLater,
            "architecture='X86' bitness='64' buildNumber='17763' distroName='Windows' familyName='Windows' "
            "kernelVersion='17763' prettyName='Windows Server 2019, 64-bit (Build 17763.6893)'",
            "windows-server", "2019", "10.0.17763");
        row("windows 2022", orLater,
            "architecture='X86' bitness='64' buildNumber='20348' distroName='Windows' distroVersion='10.0' "
            "familyName='Windows' kernelVersion='20348.3692' prettyName='Windows Server 2022, 64-bit (Build "
            "20348.3692)'",
            "windows-server", "2022", "10.0.20348");
        row("windows 2025", orLater,
            "architecture='X86' bitness='64' buildNumber='26100' distroName='Windows' distroVersion='10.0' "
            "familyName='Windows' kernelVersion='26100.2894' prettyName='Windows Server 2025 Datacenter, 64-bit "
            "(Build 26100.2894)'",
            "windows-server", "2025", "10.0.26100");
        row("upgraded in place", "Microsoft Windows Server 2016 (64-bit)",
            "architecture='X86' bitness='64' buildNumber='17763' distroName='Windows' distroVersion='10.0' "
            "familyName='Windows' kernelVersion='17763.6659' prettyName='Windows Server 2019, 64-bit (Build "
            "17763.6659)'",
            "windows-server", "2019", "10.0.17763");
        row("2012 is 2012 R2", "Microsoft Windows Server 2012 (64-bit)",
            "architecture='X86' bitness='64' buildNumber='9600' distroName='Windows' distroVersion='6.3' "
            "familyName='Windows' kernelVersion='9600' prettyName='Windows Server 2012 R2 Standard Edition, 64-bit "
            "(Build 9600)'",
            "windows-server", "2012 R2", "6.3.9600");
        row("2008 R2 service pack", "Microsoft Windows Server 2008 R2 (64-bit)",
            "architecture='X86' bitness='64' buildNumber='7601' distroName='Windows' distroVersion='6.1' "
            "familyName='Windows' kernelVersion='7601' prettyName='Windows Server 2008 R2 Standard Edition, 64-bit "
            "Service Pack 1 (Build 7601)'",
            "windows-server", "2008 R2", "6.1.7601");
        row("2003 R2 shares its build", "Microsoft Windows Server 2003 Standard (32-bit)",
            "buildNumber='3790' familyName='Windows' prettyName='Windows Server 2003 R2 Standard Edition, 32-bit "
            "Service Pack 2 (Build 3790)'",
            "windows-server", "2003 R2", "5.2.3790");
        row("the build wins over the prettyName", orLater,
            "buildNumber='20348' familyName='Windows' prettyName='Windows Server 2019 Datacenter, 64-bit'",
            "windows-server", "2022", "10.0.20348");
        row("windows 10 client", "Microsoft Windows 10 (64-bit)",
            "architecture='X86' bitness='64' buildNumber='19045' distroName='Windows' distroVersion='10.0' "
            "familyName='Windows' kernelVersion='19045.5854' prettyName='Windows 10 Pro, 64-bit (Build 19045.5854)'",
            "windows-client", "10", "");
        row("windows 7 client", "Microsoft Windows 7 (64-bit)",
            "architecture='X86' bitness='64' buildNumber='7601' distroName='Windows' distroVersion='6.1' "
            "familyName='Windows' kernelVersion='7601' prettyName='Windows 7 Professional, 64-bit Service Pack 1 "
            "(Build 7601)'",
            "windows-client", "7", "");
        row("windows 11 by its build", "Microsoft Windows 10 (64-bit)",
            "buildNumber='22631' distroName='Windows' familyName='Windows' prettyName='Windows 10 Enterprise, 64-bit "
            "(Build 22631.4602)'",
            "windows-client", "11", "");
        // A build without a prettyName: the OS string says server or client (cached per detail string).
        row("build only, server string", orLater, "buildNumber='17763' familyName='Windows'", "windows-server", "2019",
            "10.0.17763");
        row("build only, client string", "Microsoft Windows 10 (64-bit)", "buildNumber='17763' familyName='Windows'",
            "windows-client", "10", "");
        row("build only, no os string", "", "buildNumber='20348' familyName='Windows'", "windows-server", "2022",
            "10.0.20348");
        row("ubuntu 22.04", "Ubuntu Linux (64-bit)",
            "distroName='Ubuntu' distroVersion='22.04' familyName='Linux' kernelVersion='5.15.0-97-generic' "
            "prettyName='Ubuntu 22.04.4 LTS'",
            "ubuntu", "22.04", "");
        row("ubuntu 20.04", "Ubuntu Linux (64-bit)",
            "architecture='X86' bitness='64' distroName='Ubuntu' distroVersion='20.04' familyName='Linux' "
            "kernelVersion='5.4.0-196-generic' prettyName='Ubuntu 20.04.6 LTS'",
            "ubuntu", "20.04", "");
        row("ubuntu 24.04 with addl version", "Ubuntu Linux (64-bit)",
            "architecture='X86' bitness='64' distroAddlVersion='24.04.1 LTS (Noble Numbat)' distroName='Ubuntu' "
            "distroVersion='24.04' familyName='Linux' kernelVersion='6.8.0-52-generic' prettyName='Ubuntu 24.04.1 "
            "LTS'",
            "ubuntu", "24.04", "");
        row("rhel 8.9", "Red Hat Enterprise Linux 8 (64-bit)",
            "architecture='X86' bitness='64' distroName='Red Hat Enterprise Linux' distroVersion='8.9' "
            "familyName='Linux' kernelVersion='4.18.0-513.11.1.el8_9.x86_64' prettyName='Red Hat Enterprise Linux "
            "8.9 (Ootpa)'",
            "rhel", "8.9", "");
        row("debian 12 with a timestamp build", "Other 2.6.x Linux (64-bit)",
            "architecture='X86' bitness='64' buildNumber='20250111T102555Z' distroAddlVersion='12 (bookworm)' "
            "distroName='Debian GNU/Linux' distroVersion='12' familyName='Linux' kernelVersion='6.1.0-31-amd64' "
            "prettyName='Debian GNU/Linux 12 (bookworm)'",
            "debian", "12", "");
        row("debian upgraded", "Debian GNU/Linux 10 (64-bit)",
            "bitness='64' distroName='Debian' distroVersion='11' familyName='Linux' kernelVersion='5.10.0-28-amd64' "
            "prettyName='Debian GNU/Linux 11 (bullseye)'",
            "debian", "11", "");
        row("oracle linux server", "Oracle Linux 8 (64-bit)",
            "architecture='X86' bitness='64' cpeString='cpe:/o:oracle:linux:8:9:server' distroAddlVersion='8.9' "
            "distroName='Oracle Linux Server' distroVersion='8.9' familyName='Linux' "
            "kernelVersion='5.15.0-202.135.2.el8uek.x86_64' prettyName='Oracle Linux Server 8.9'",
            "oracle-linux", "8.9", "");
        row("rocky", "Rocky Linux (64-bit)",
            "architecture='X86' bitness='64' cpeString='cpe:/o:rocky:rocky:9::baseos' distroAddlVersion='9.5 (Blue "
            "Onyx)' distroName='Rocky Linux' distroVersion='9.5' familyName='Linux' "
            "kernelVersion='5.14.0-503.15.1.el9_5.x86_64' prettyName='Rocky Linux 9.5 (Blue Onyx)'",
            "rocky", "9.5", "");
        row("fedora", "Red Hat Fedora (64-bit)",
            "architecture='X86' bitness='64' distroName='Fedora Linux' distroVersion='38' familyName='Linux' "
            "kernelVersion='6.3.8-200.fc38.x86_64' prettyName='Fedora Linux 38 (Server Edition)'",
            "fedora", "38", "");
        row("sles 12 sp5", "SUSE Linux Enterprise 12 (64-bit)",
            "architecture='X86' bitness='64' distroName='SUSE' distroVersion='12.5' familyName='Linux' "
            "kernelVersion='4.12.14-122.83-default' prettyName='SUSE Linux Enterprise Server 12 SP5'",
            "sles", "12.5", "");
        row("centos range made precise", "CentOS 4/5 (64-bit)",
            "bitness='64' distroName='CentOS Linux' distroVersion='7' familyName='Linux' "
            "kernelVersion='3.10.0-1160.108.1.el7.x86_64' prettyName='CentOS Linux 7 (Core)'",
            "centos", "7", "");
        row("amazon linux", "Other 4.x or later Linux (64-bit)",
            "distroName='Amazon Linux' distroVersion='2023' familyName='Linux' prettyName='Amazon Linux "
            "2023.6.20250115'",
            "amazon-linux", "2023", "");
        row("photon is an appliance", "Other 3.x or later Linux (64-bit)",
            "architecture='X86' bitness='64' distroAddlVersion='4.0' distroName='VMware Photon OS' "
            "distroVersion='4.0' familyName='Linux' kernelVersion='5.10.233-2.ph4' prettyName='VMware Photon "
            "OS/Linux'",
            "appliance", "", "");
        row("an appliance stays one", "FortiAnalyzer-VM64 v7.2.10-build1682 250211 (GA)",
            "distroName='Debian' distroVersion='11' familyName='Linux'", "appliance", "", "");
        row("an unknown distribution is linux", "Other 4.x Linux (64-bit)",
            "architecture='X86' bitness='64' distroName='MLOS' distroVersion='3.0' familyName='Linux' "
            "kernelVersion='4.19.267-1.mlos3.x86_64' prettyName='MLOS 3.0'",
            "linux", "", "");
        row("vague details keep the string", "CentOS 7 (64-bit)", "familyName='Linux' kernelVersion='3.10.0'", "centos",
            "7", "");
        row("missing version keeps the string's", "Red Hat Enterprise Linux 9 (64-bit)",
            "distroName='Red Hat Enterprise Linux' familyName='Linux'", "rhel", "9", "");
        row("version from prettyName", "Ubuntu Linux (64-bit)",
            "distroName='Ubuntu' distroVersion='jammy' familyName='Linux' prettyName='Ubuntu 22.04.4 LTS'", "ubuntu",
            "22.04", "");
        row("double quotes", "Ubuntu Linux (64-bit)", R"(distroName="Ubuntu" distroVersion="22.04" familyName="Linux")",
            "ubuntu", "22.04", "");
        row("a quote inside a value", "Other Linux (64-bit)",
            "distroName='Debian' distroVersion='12' prettyName='Debian's own 12' familyName='Linux'", "debian", "12",
            "");
        row("unclosed quote", "Ubuntu Linux (64-bit)", "distroName='Ubuntu distroVersion=22.04", "ubuntu", "", "");
        row("malformed text", "Microsoft Windows Server 2016 (64-bit)", "this is not key=value <data> at all",
            "windows-server", "2016", "10.0.14393");
        row("bare words", orLater, "Windows Server 2022", "windows-server", "", "");
        row("empty", orLater, "", "windows-server", "", "");
        row("only separators", "Ubuntu Linux (64-bit)", " ;, ", "ubuntu", "", "");
        row("a key without a value", "Ubuntu Linux (64-bit)", "distroVersion=", "ubuntu", "", "");
    }

    void guestDetailedData()
    {
        QFETCH(QString, text);
        QFETCH(QString, details);
        QFETCH(QString, family);
        QFETCH(QString, version);
        QFETCH(QString, build);
        const OsInfo info = OsNormalizer::normalize(text, details);
        QCOMPARE(info.family, family);
        QCOMPARE(info.version, version);
        QCOMPARE(info.windowsBuild, build);
        QCOMPARE(OsNormalizer::normalize(text, details), info); // the same from the cache
    }

    void linuxForContainers_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<bool>("linux");
        for (const char *family : {"rhel", "centos", "fedora", "ubuntu", "debian", "sles", "opensuse", "oracle-linux",
                                   "rocky", "almalinux", "amazon-linux", "linux"})
            QTest::newRow(family) << QString::fromLatin1(family) << true;
        // An appliance runs Linux inside but is never containerized; FreeBSD and Solaris are no Linux.
        for (const char *family :
             {"appliance", "freebsd", "solaris", "windows-server", "windows-client", "other", "unknown"})
            QTest::newRow(family) << QString::fromLatin1(family) << false;
    }

    void linuxForContainers()
    {
        QFETCH(QString, family);
        QFETCH(bool, linux);
        OsInfo info;
        info.family = family;
        QCOMPARE(info.isLinux(), linux);
    }

    /** Every OS string the real exports hold is understood, but for what a truncated row shifted in. */
    void realExportsOsStrings()
    {
        const QDir folder(QStringLiteral(LANDFALL_SOURCE_DIR "/../shared/real-inventories"));
        if (!folder.exists())
            QSKIP("../shared/real-inventories is not beside this clone");
        const QStringList notOs{QString(), QStringLiteral("Vmxnet3"), QStringLiteral("false")};
        int strings = 0;
        for (const QString &name : folder.entryList({QStringLiteral("*.expect.json")}, QDir::Files)) {
            QFile file(folder.filePath(name));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
            const QJsonObject counts =
                QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("osStrings")).toObject();
            for (auto it = counts.begin(); it != counts.end(); ++it) {
                const OsInfo info = OsNormalizer::normalize(it.key());
                QVERIFY2(info.isKnown() != notOs.contains(it.key()),
                         qPrintable(name + QStringLiteral(": ") + it.key()));
                // A version only where the string names one release, never a range.
                if (it.key().contains(u'/') && info.family != QLatin1String("debian"))
                    QVERIFY2(info.version.isEmpty(), qPrintable(it.key()));
                ++strings;
            }
        }
        QVERIFY(strings > 40);
    }

    /** Each appliance in the data file says where it comes from and when. */
    void applianceListHasSources()
    {
        QFile file(QStringLiteral(":/landfall/os/appliances.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray appliances =
            QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("appliances")).toArray();
        QVERIFY(!appliances.isEmpty());
        for (const QJsonValue &value : appliances) {
            const QJsonObject appliance = value.toObject();
            for (const char *key : {"match", "vendor", "product", "source", "date"})
                QVERIFY2(!appliance.value(QLatin1String(key)).toString().isEmpty(), key);
            QVERIFY(QDate::fromString(appliance.value(QLatin1String("date")).toString(), Qt::ISODate).isValid());
        }
    }

    /** Every family a rule can test is named for a reader in lists and in the report, never shown
        as its key ("freebsd" appeared as such in the summary before the table named it). */
    void everyFamilyHasAName()
    {
        const QStringList families = RuleFields::allowedValues(RuleFields::Field::OsFamily);
        QVERIFY(families.contains(QLatin1String("freebsd")));
        for (const QString &family : families) {
            for (const OsInfo::NameLength length : {OsInfo::NameLength::Full, OsInfo::NameLength::Brief}) {
                const QString name = OsInfo::familyName(family, length);
                QVERIFY2(!name.isEmpty() && name != family, qPrintable(family));
            }
        }
        QCOMPARE(OsInfo::familyName(OsNormalizer::normalize(QStringLiteral("FreeBSD 12 (64-bit)")).family),
                 QStringLiteral("FreeBSD"));
        QCOMPARE(OsInfo::familyName(QStringLiteral("rhel")), QStringLiteral("Red Hat Enterprise Linux"));
        QCOMPARE(OsInfo::familyName(QStringLiteral("rhel"), OsInfo::NameLength::Brief), QStringLiteral("RHEL"));
        QCOMPARE(OsInfo::familyName(QStringLiteral("windows-client"), OsInfo::NameLength::Brief),
                 QStringLiteral("Windows"));
        QCOMPARE(OsInfo::familyName(QStringLiteral("no-such-family")), QStringLiteral("no-such-family"));
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
