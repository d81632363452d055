#include "osinfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>

#include <array>

namespace landfall {

namespace {

struct WindowsServerRelease {
    const char *version;
    const char *build;
};

// Microsoft's build numbers; the advisor matches container images against the last three.
constexpr std::array kWindowsServerReleases{
    WindowsServerRelease{"2003 R2", "5.2.3790"}, WindowsServerRelease{"2003", "5.2.3790"},
    WindowsServerRelease{"2008 R2", "6.1.7601"}, WindowsServerRelease{"2008", "6.0.6003"},
    WindowsServerRelease{"2012 R2", "6.3.9600"}, WindowsServerRelease{"2012", "6.2.9200"},
    WindowsServerRelease{"2016", "10.0.14393"},  WindowsServerRelease{"2019", "10.0.17763"},
    WindowsServerRelease{"2022", "10.0.20348"},  WindowsServerRelease{"2025", "10.0.26100"},
};

struct Distribution {
    const char *pattern; // matched case-insensitively against the OS string
    const char *family;
    bool linux; // what a Linux container can take over; FreeBSD and Solaris cannot
};

// Order matters, the first match wins: "Red Hat Fedora" is Fedora before it is Red Hat, "SUSE
// openSUSE" openSUSE before SUSE, and every distribution wins over the generic "linux".
constexpr std::array kDistributions{
    Distribution{R"(\bfedora\b)", "fedora", true},
    Distribution{R"(\bopen\s*suse\b)", "opensuse", true},
    Distribution{R"(red\s*hat|\brhel\b)", "rhel", true},
    Distribution{R"(\bcentos\b)", "centos", true},
    Distribution{R"(\bubuntu\b)", "ubuntu", true},
    Distribution{R"(\bdebian\b)", "debian", true},
    Distribution{R"(\bsuse\b|\bsles\b)", "sles", true},
    Distribution{R"(\boracle\s+linux\b)", "oracle-linux", true},
    Distribution{R"(\brocky\b)", "rocky", true},
    Distribution{R"(\balma\s*linux\b)", "almalinux", true},
    Distribution{R"(\bamazon\s+linux\b)", "amazon-linux", true},
    Distribution{R"(\blinux\b)", "linux", true},
    Distribution{R"(\bfreebsd\b)", "freebsd", false},
    Distribution{R"(\bsolaris\b)", "solaris", false},
};

const QString kAppliance = QStringLiteral("appliance");
const QString kWindowsServer = QStringLiteral("windows-server");
const QString kWindowsClient = QStringLiteral("windows-client");

QString firstCapture(const QString &text, const QRegularExpression &expression)
{
    const QRegularExpressionMatch match = expression.match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

/** The appliance patterns of resources/os/appliances.json, compiled once. */
const QList<QRegularExpression> &appliancePatterns()
{
    // The resource is compiled in and read by the tests: failing here is a build defect.
    static const QList<QRegularExpression> patterns = [] {
        QFile file(QStringLiteral(":/landfall/os/appliances.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the appliance list is missing from the resources");
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        if (document.isNull())
            qFatal("the appliance list is not JSON: %s", qPrintable(error.errorString()));
        QList<QRegularExpression> compiled;
        for (const QJsonValue &entry : document.object().value(QLatin1String("appliances")).toArray()) {
            const QJsonObject appliance = entry.toObject();
            QRegularExpression pattern(appliance.value(QLatin1String("match")).toString(),
                                       QRegularExpression::CaseInsensitiveOption);
            if (pattern.pattern().isEmpty() || !pattern.isValid() ||
                appliance.value(QLatin1String("source")).toString().isEmpty() ||
                appliance.value(QLatin1String("date")).toString().isEmpty())
                qFatal("the appliance list has an entry without a valid match, source or date");
            compiled.append(pattern);
        }
        if (compiled.isEmpty())
            qFatal("the appliance list is empty");
        return compiled;
    }();
    return patterns;
}

bool isAppliance(const QString &text)
{
    for (const QRegularExpression &pattern : appliancePatterns()) {
        if (pattern.match(text).hasMatch())
            return true;
    }
    return false;
}

OsInfo normalizeWindows(const QString &text)
{
    static const QRegularExpression server(QStringLiteral(R"(windows\s+(?:small\s+business\s+)?server\b)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression serverVersion(QStringLiteral(R"(\b(20\d\d(?:\s+R2)?)\b)"),
                                                  QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression orLater(QStringLiteral(R"(\bor\s+later\b)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression clientVersion(QStringLiteral(R"(windows\s+(XP|Vista|7|8\.1|8|10|11)\b)"),
                                                  QRegularExpression::CaseInsensitiveOption);
    OsInfo info;
    if (server.match(text).hasMatch()) {
        info.family = kWindowsServer;
        // "2016 or later" is what vSphere writes for any newer guest: the version is not known.
        if (orLater.match(text).hasMatch())
            return info;
        info.version = firstCapture(text, serverVersion).toUpper().replace(QLatin1String("  "), QLatin1String(" "));
        info.windowsBuild = OsNormalizer::windowsServerBuild(info.version);
        if (info.windowsBuild.isEmpty())
            info.version.clear();
        return info;
    }
    const QString client = firstCapture(text, clientVersion);
    if (!client.isEmpty()) {
        info.family = kWindowsClient;
        info.version = client.compare(QLatin1String("vista"), Qt::CaseInsensitive) == 0 ? QStringLiteral("Vista")
                                                                                        : client.toUpper();
    }
    return info;
}

/** The release in a distribution's OS string; empty where vSphere names a range ("CentOS 4/5/6/7",
    "CentOS 4/5 or later", "FreeBSD 12 or later versions"): a range is not a version. */
QString distributionVersion(const QString &text)
{
    static const QRegularExpression bitness(QStringLiteral(R"(\b(?:32|64)-bit\b)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression range(QStringLiteral(R"(\d\s*/\s*\d|\bor\s+later\b)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression numericVersion(QStringLiteral(R"(\b(\d+(?:\.\d+)?)\b)"));
    const QString cleaned = QString(text).remove(bitness);
    if (range.match(cleaned).hasMatch())
        return {};
    return firstCapture(cleaned, numericVersion);
}

OsInfo normalizeDistribution(const QString &text)
{
    // Compiled once: an import normalises thousands of strings.
    static const auto patterns = [] {
        std::array<QRegularExpression, kDistributions.size()> compiled;
        for (size_t i = 0; i < kDistributions.size(); ++i)
            compiled[i] =
                QRegularExpression(QLatin1String(kDistributions[i].pattern), QRegularExpression::CaseInsensitiveOption);
        return compiled;
    }();
    OsInfo info;
    for (size_t i = 0; i < kDistributions.size(); ++i) {
        if (!patterns[i].match(text).hasMatch())
            continue;
        info.family = QLatin1String(kDistributions[i].family);
        // "Other 4.x or later Linux" names a kernel, not a release: no version for "linux".
        if (info.family != QLatin1String("linux"))
            info.version = distributionVersion(text);
        return info;
    }
    return info;
}

/** How precisely an OsInfo names the OS: 0 unknown, 1 "other" or "linux", 2 a named family. */
int precision(const OsInfo &os)
{
    if (!os.isKnown())
        return 0;
    return os.family == QLatin1String("other") || os.family == QLatin1String("linux") ? 1 : 2;
}

// ---- Guest Detailed Data --------------------------------------------------------------------

/** The keys of RVTools' Guest Detailed Data that say which OS it is; the rest are ignored. */
struct GuestDetails {
    QString familyName;    ///< "Windows", "Linux"
    QString distroName;    ///< "Windows", "Ubuntu", "Red Hat Enterprise Linux", "VMware Photon OS"
    QString distroVersion; ///< "22.04", "8.9"; "10.0" for every current Windows
    QString buildNumber;   ///< "17763" on Windows; a timestamp on some Debian images
    QString kernelVersion; ///< "17763.6893" on Windows
    QString prettyName;    ///< "Windows Server 2019, 64-bit (Build 17763.6893)", "Ubuntu 22.04.4 LTS"
};

bool isKeyCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-';
}

bool isSeparator(QChar c)
{
    return c.isSpace() || c == u',' || c == u';';
}

/** The length of the key of a `key=` at `at`, 0 when none starts there. */
qsizetype keyLengthAt(QStringView text, qsizetype at)
{
    qsizetype end = at;
    while (end < text.size() && isKeyCharacter(text[end]))
        ++end;
    return end > at && end < text.size() && text[end] == u'=' ? end - at : 0;
}

void assignDetail(GuestDetails &details, QStringView key, QStringView value)
{
    struct Field {
        const char16_t *key;
        QString GuestDetails::*member;
    };
    static constexpr std::array kFields{
        Field{u"familyName", &GuestDetails::familyName},       Field{u"distroName", &GuestDetails::distroName},
        Field{u"distroVersion", &GuestDetails::distroVersion}, Field{u"buildNumber", &GuestDetails::buildNumber},
        Field{u"kernelVersion", &GuestDetails::kernelVersion}, Field{u"prettyName", &GuestDetails::prettyName},
    };
    for (const Field &field : kFields) {
        if (key.compare(QStringView(field.key), Qt::CaseInsensitive) == 0) {
            details.*field.member = value.trimmed().toString();
            return;
        }
    }
}

/** Reads `key='value' key='value' ...`. A value ends at the quote that is followed by the next key
    or the end, so a prettyName with a quote inside survives; double quotes and bare values are read
    too. Anything that is not key=value ends the reading, keeping the keys read before it. */
GuestDetails parseGuestDetails(QStringView text)
{
    GuestDetails details;
    const qsizetype size = text.size();
    qsizetype at = 0;
    while (at < size) {
        while (at < size && isSeparator(text[at]))
            ++at;
        const qsizetype keyLength = keyLengthAt(text, at);
        if (keyLength == 0)
            break;
        const QStringView key = text.mid(at, keyLength);
        at += keyLength + 1;
        if (at < size && (text[at] == u'\'' || text[at] == u'"')) {
            const QChar quote = text[at++];
            qsizetype end = -1;
            for (qsizetype i = at; i < size && end < 0; ++i) {
                if (text[i] != quote)
                    continue;
                qsizetype next = i + 1;
                if (next < size && !isSeparator(text[next]))
                    continue;
                while (next < size && isSeparator(text[next]))
                    ++next;
                if (next == size || keyLengthAt(text, next) > 0)
                    end = i;
            }
            if (end < 0)
                break; // an unclosed quote: nothing after it can be trusted
            assignDetail(details, key, text.mid(at, end - at));
            at = end + 1;
        } else {
            qsizetype end = at;
            while (end < size && !isSeparator(text[end]))
                ++end;
            assignDetail(details, key, text.mid(at, end - at));
            at = end;
        }
    }
    return details;
}

/** "22.04", "8.9", "12": digits and single dots only, as os-release's VERSION_ID is. */
bool isReleaseNumber(const QString &text)
{
    if (text.isEmpty() || text.size() > 16 || !text.front().isDigit() || !text.back().isDigit())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isDigit())
            continue;
        if (text[i] != u'.' || text[i - 1] == u'.')
            return false;
    }
    return true;
}

/** The leading number of "17763", "17763.6893"; 0 when the text does not start with one. */
int leadingNumber(const QString &text)
{
    qsizetype digits = 0;
    while (digits < text.size() && digits < 7 && text[digits].isDigit())
        ++digits;
    if (digits == 0 || (digits < text.size() && text[digits] != u'.'))
        return 0;
    return text.left(digits).toInt();
}

/** The last number of a Windows Server release's build ("10.0.17763" -> 17763). */
int releaseBuildNumber(const WindowsServerRelease &release)
{
    return QString::fromLatin1(release.build).section(u'.', -1).toInt();
}

/** The Windows Server version of a build number (17763 -> "2019"), empty if none. 3790 is 2003,
    not 2003 R2: the build alone cannot tell them apart, and the earlier is the safer claim. */
QString windowsServerVersionOfBuild(int build)
{
    static const auto builds = [] {
        std::array<int, kWindowsServerReleases.size()> numbers{};
        for (size_t i = 0; i < kWindowsServerReleases.size(); ++i)
            numbers[i] = releaseBuildNumber(kWindowsServerReleases[i]);
        return numbers;
    }();
    QString found;
    for (size_t i = 0; i < kWindowsServerReleases.size(); ++i) {
        if (builds[i] == build)
            found = QLatin1String(kWindowsServerReleases[i].version); // the later entry of a pair wins
    }
    return found;
}

/** The Windows client release of a build number (19045 -> "10", 22631 -> "11"), empty if none. */
QString windowsClientVersionOfBuild(int build)
{
    if (build >= 22000)
        return QStringLiteral("11");
    if (build >= 10240)
        return QStringLiteral("10");
    switch (build) {
    case 9600:
        return QStringLiteral("8.1");
    case 9200:
        return QStringLiteral("8");
    case 7600:
    case 7601:
        return QStringLiteral("7");
    case 6000:
    case 6001:
    case 6002:
    case 6003:
        return QStringLiteral("Vista");
    case 2600:
        return QStringLiteral("XP");
    default:
        return {};
    }
}

OsInfo windowsServer(const QString &version)
{
    OsInfo info;
    info.family = kWindowsServer;
    info.version = version;
    info.windowsBuild = OsNormalizer::windowsServerBuild(version);
    return info;
}

OsInfo windowsClient(const QString &version)
{
    OsInfo info;
    info.family = kWindowsClient;
    info.version = version;
    return info;
}

/** What the Guest Detailed Data alone says, before it meets the OS string. */
struct DetailedOs {
    enum class Windows { No, Server, Client, Unsure };
    OsInfo info; ///< family "unknown" when it says nothing (or, on Windows, Unsure)
    Windows windows = Windows::No;
    int build = 0; ///< the Windows build number, 0 when not known
};

DetailedOs detailedWindows(const GuestDetails &details)
{
    static const QRegularExpression prettyBuild(QStringLiteral(R"(\bbuild\s+(\d+))"),
                                                QRegularExpression::CaseInsensitiveOption);
    DetailedOs detailed;
    detailed.build = leadingNumber(details.buildNumber);
    if (detailed.build == 0)
        detailed.build = firstCapture(details.prettyName, prettyBuild).toInt();
    if (detailed.build == 0)
        detailed.build = leadingNumber(details.kernelVersion);
    const OsInfo pretty = normalizeWindows(details.prettyName.simplified());
    if (pretty.family == kWindowsServer) {
        detailed.windows = DetailedOs::Windows::Server;
        // Where the prettyName and the build disagree the build wins; where the build fits the
        // prettyName's version (2003 and 2003 R2 share 3790) the prettyName keeps its R2.
        QString version = pretty.version;
        const QString byBuild = windowsServerVersionOfBuild(detailed.build);
        if (!byBuild.isEmpty() && leadingNumber(pretty.windowsBuild.section(u'.', 2)) != detailed.build)
            version = byBuild;
        detailed.info = version.isEmpty() ? pretty : windowsServer(version);
    } else if (pretty.family == kWindowsClient) {
        detailed.windows = DetailedOs::Windows::Client;
        // Windows 11 still calls itself Windows 10 in places; its build does not.
        const QString byBuild = detailed.build >= 22000 ? QStringLiteral("11") : QString();
        detailed.info = windowsClient(byBuild.isEmpty() ? pretty.version : byBuild);
    } else {
        detailed.windows = DetailedOs::Windows::Unsure;
    }
    return detailed;
}

DetailedOs detailedOsUncached(const QString &guestDetailedData)
{
    const GuestDetails details = parseGuestDetails(guestDetailedData);
    const auto says = [](const QString &field, const char *word) {
        return field.contains(QLatin1String(word), Qt::CaseInsensitive);
    };
    if (says(details.familyName, "windows") || says(details.distroName, "windows") ||
        says(details.prettyName, "windows"))
        return detailedWindows(details);
    DetailedOs detailed;
    OsInfo &info = detailed.info;
    info = OsNormalizer::normalize(details.distroName);
    if (precision(info) < 2) {
        const OsInfo pretty = OsNormalizer::normalize(details.prettyName);
        if (precision(pretty) > precision(info))
            info = pretty;
    }
    if (!info.isKnown() && details.familyName.compare(QLatin1String("linux"), Qt::CaseInsensitive) == 0)
        info.family = QStringLiteral("linux");
    if (precision(info) < 2 || info.family == kAppliance)
        return detailed;
    if (isReleaseNumber(details.distroVersion)) {
        info.version = details.distroVersion;
    } else if (info.version.isEmpty()) {
        const OsInfo pretty = OsNormalizer::normalize(details.prettyName);
        if (pretty.family == info.family)
            info.version = pretty.version;
    }
    return detailed;
}

DetailedOs detailedOs(const QString &guestDetailedData)
{
    // Far fewer distinct strings than VMs (a build revision or a kernel apart), but more than OS
    // strings: remembered apart from those.
    thread_local QHash<QString, DetailedOs> known;
    const auto it = known.constFind(guestDetailedData);
    if (it != known.cend())
        return *it;
    if (known.size() > 10000)
        known.clear();
    const DetailedOs detailed = detailedOsUncached(guestDetailedData);
    known.insert(guestDetailedData, detailed);
    return detailed;
}

/** Where Guest Detailed Data names Windows but not which (a build without a prettyName), the OS
    string says whether it is a server or a client. */
OsInfo mergeUnsureWindows(const OsInfo &plain, int build)
{
    if (plain.family == kWindowsClient) {
        const QString version = windowsClientVersionOfBuild(build);
        return version.isEmpty() ? plain : windowsClient(version);
    }
    const QString server = windowsServerVersionOfBuild(build);
    if (!server.isEmpty() && (plain.family == kWindowsServer || !plain.isWindows()))
        return windowsServer(server);
    if (plain.isWindows())
        return plain;
    const QString client = windowsClientVersionOfBuild(build);
    return client.isEmpty() ? plain : windowsClient(client);
}

OsInfo merge(const OsInfo &plain, const DetailedOs &detailed)
{
    const OsInfo &guest = detailed.info;
    switch (detailed.windows) {
    case DetailedOs::Windows::Unsure:
        return mergeUnsureWindows(plain, detailed.build);
    case DetailedOs::Windows::Server:
    case DetailedOs::Windows::Client:
        return guest.version.isEmpty() && plain.family == guest.family ? plain : guest;
    case DetailedOs::Windows::No:
        break;
    }
    // A vendor appliance stays one, whatever Linux it reports inside.
    if (plain.family == kAppliance)
        return plain;
    if (precision(guest) > precision(plain))
        return guest;
    if (precision(guest) < 2)
        return plain;
    // Both name a family: the guest's own report is the newer ("Debian 10" upgraded to 12).
    return guest.family == plain.family && guest.version.isEmpty() ? plain : guest;
}

} // namespace

bool OsInfo::isLinux() const
{
    for (const Distribution &distribution : kDistributions) {
        if (distribution.linux && family == QLatin1String(distribution.family))
            return true;
    }
    return false;
}

QString OsInfo::familyAndVersion() const
{
    return version.isEmpty() ? family : family + u' ' + version;
}

QString OsInfo::familyName(const QString &family, NameLength length)
{
    // Every key OsInfo::family documents, in its order.
    struct Name {
        const char *key;
        const char *full;
        const char *brief;
    };
    static constexpr std::array kNames{
        Name{"windows-server", QT_TRANSLATE_NOOP("OsInfo", "Windows Server"),
             QT_TRANSLATE_NOOP("OsInfo", "Windows Server")},
        Name{"windows-client", QT_TRANSLATE_NOOP("OsInfo", "Windows client"), QT_TRANSLATE_NOOP("OsInfo", "Windows")},
        Name{"rhel", QT_TRANSLATE_NOOP("OsInfo", "Red Hat Enterprise Linux"), QT_TRANSLATE_NOOP("OsInfo", "RHEL")},
        Name{"centos", QT_TRANSLATE_NOOP("OsInfo", "CentOS"), QT_TRANSLATE_NOOP("OsInfo", "CentOS")},
        Name{"fedora", QT_TRANSLATE_NOOP("OsInfo", "Fedora"), QT_TRANSLATE_NOOP("OsInfo", "Fedora")},
        Name{"ubuntu", QT_TRANSLATE_NOOP("OsInfo", "Ubuntu"), QT_TRANSLATE_NOOP("OsInfo", "Ubuntu")},
        Name{"debian", QT_TRANSLATE_NOOP("OsInfo", "Debian"), QT_TRANSLATE_NOOP("OsInfo", "Debian")},
        Name{"sles", QT_TRANSLATE_NOOP("OsInfo", "SUSE Linux Enterprise"), QT_TRANSLATE_NOOP("OsInfo", "SLES")},
        Name{"opensuse", QT_TRANSLATE_NOOP("OsInfo", "openSUSE"), QT_TRANSLATE_NOOP("OsInfo", "openSUSE")},
        Name{"oracle-linux", QT_TRANSLATE_NOOP("OsInfo", "Oracle Linux"), QT_TRANSLATE_NOOP("OsInfo", "Oracle Linux")},
        Name{"rocky", QT_TRANSLATE_NOOP("OsInfo", "Rocky Linux"), QT_TRANSLATE_NOOP("OsInfo", "Rocky Linux")},
        Name{"almalinux", QT_TRANSLATE_NOOP("OsInfo", "AlmaLinux"), QT_TRANSLATE_NOOP("OsInfo", "AlmaLinux")},
        Name{"amazon-linux", QT_TRANSLATE_NOOP("OsInfo", "Amazon Linux"), QT_TRANSLATE_NOOP("OsInfo", "Amazon Linux")},
        Name{"linux", QT_TRANSLATE_NOOP("OsInfo", "Other Linux"), QT_TRANSLATE_NOOP("OsInfo", "Linux")},
        Name{"appliance", QT_TRANSLATE_NOOP("OsInfo", "Vendor appliance"), QT_TRANSLATE_NOOP("OsInfo", "Appliance")},
        Name{"freebsd", QT_TRANSLATE_NOOP("OsInfo", "FreeBSD"), QT_TRANSLATE_NOOP("OsInfo", "FreeBSD")},
        Name{"solaris", QT_TRANSLATE_NOOP("OsInfo", "Solaris"), QT_TRANSLATE_NOOP("OsInfo", "Solaris")},
        Name{"other", QT_TRANSLATE_NOOP("OsInfo", "Other"), QT_TRANSLATE_NOOP("OsInfo", "Other")},
        Name{"unknown", QT_TRANSLATE_NOOP("OsInfo", "Unknown"), QT_TRANSLATE_NOOP("OsInfo", "Unknown")},
    };
    for (const Name &name : kNames) {
        if (family == QLatin1String(name.key))
            return QCoreApplication::translate("OsInfo", length == NameLength::Full ? name.full : name.brief);
    }
    return family;
}

OsInfo OsNormalizer::normalize(const QString &osString)
{
    // An estate has a few dozen distinct OS strings over thousands of VMs: remember the answers.
    thread_local QHash<QString, OsInfo> known;
    const auto it = known.constFind(osString);
    if (it != known.cend())
        return *it;
    if (known.size() > 10000)
        known.clear();
    const OsInfo info = normalizeUncached(osString);
    known.insert(osString, info);
    return info;
}

OsInfo OsNormalizer::normalize(const QString &osString, const QString &guestDetailedData)
{
    const OsInfo plain = normalize(osString);
    if (guestDetailedData.isEmpty())
        return plain;
    return merge(plain, detailedOs(guestDetailedData));
}

OsInfo OsNormalizer::normalizeUncached(const QString &osString)
{
    const QString text = osString.simplified();
    if (text.isEmpty())
        return {};
    // First: an appliance names its own firmware ("FortiAnalyzer-VM64 v7.2.10") or a Linux inside.
    if (isAppliance(text)) {
        OsInfo appliance;
        appliance.family = kAppliance;
        return appliance;
    }
    if (text.contains(QLatin1String("windows"), Qt::CaseInsensitive)) {
        OsInfo info = normalizeWindows(text);
        if (info.isKnown())
            return info;
    }
    OsInfo distribution = normalizeDistribution(text);
    if (distribution.isKnown())
        return distribution;
    static const QRegularExpression otherOs(QStringLiteral(R"(\b(netware|os/2|ms-dos|esxi|other)\b)"),
                                            QRegularExpression::CaseInsensitiveOption);
    OsInfo other;
    if (otherOs.match(text).hasMatch())
        other.family = QStringLiteral("other");
    return other;
}

QString OsNormalizer::windowsServerBuild(const QString &version)
{
    for (const WindowsServerRelease &release : kWindowsServerReleases) {
        if (version.compare(QLatin1String(release.version), Qt::CaseInsensitive) == 0)
            return QLatin1String(release.build);
    }
    return {};
}

QString OsNormalizer::windowsServerVersion(const QString &build)
{
    for (const WindowsServerRelease &release : kWindowsServerReleases) {
        if (build == QLatin1String(release.build))
            return QLatin1String(release.version);
    }
    return {};
}

} // namespace landfall
