#include "osinfo.h"

#include <QHash>
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

struct LinuxDistribution {
    const char *pattern; // matched case-insensitively against the OS string
    const char *family;
};

// Order matters: "Red Hat Enterprise Linux" must win over the generic "linux".
constexpr std::array kLinuxDistributions{
    LinuxDistribution{R"(red\s*hat|\brhel\b)", "rhel"}, LinuxDistribution{R"(\bcentos\b)", "centos"},
    LinuxDistribution{R"(\bubuntu\b)", "ubuntu"},       LinuxDistribution{R"(\bdebian\b)", "debian"},
    LinuxDistribution{R"(\bsuse\b|\bsles\b)", "sles"},  LinuxDistribution{R"(\boracle\s+linux\b)", "oracle-linux"},
    LinuxDistribution{R"(\brocky\b)", "rocky"},         LinuxDistribution{R"(\balma\s*linux\b)", "almalinux"},
    LinuxDistribution{R"(\blinux\b)", "linux"},
};

QString firstCapture(const QString &text, const QRegularExpression &expression)
{
    const QRegularExpressionMatch match = expression.match(text);
    return match.hasMatch() ? match.captured(1) : QString();
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
        info.family = QStringLiteral("windows-server");
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
        info.family = QStringLiteral("windows-client");
        info.version = client;
    }
    return info;
}

OsInfo normalizeLinux(const QString &text)
{
    static const QRegularExpression numericVersion(QStringLiteral(R"(\b(\d+(?:\.\d+)?)\b)"));
    // Compiled once: an import normalises thousands of strings.
    static const auto patterns = [] {
        std::array<QRegularExpression, kLinuxDistributions.size()> compiled;
        for (size_t i = 0; i < kLinuxDistributions.size(); ++i)
            compiled[i] = QRegularExpression(QLatin1String(kLinuxDistributions[i].pattern),
                                             QRegularExpression::CaseInsensitiveOption);
        return compiled;
    }();
    OsInfo info;
    for (size_t i = 0; i < kLinuxDistributions.size(); ++i) {
        const LinuxDistribution &distribution = kLinuxDistributions[i];
        if (!patterns[i].match(text).hasMatch())
            continue;
        info.family = QLatin1String(distribution.family);
        // "Other 3.x or later Linux" names a kernel, not a release: no version for "linux".
        if (info.family != QLatin1String("linux"))
            info.version = firstCapture(QString(text).remove(QStringLiteral("64-bit")).remove(QStringLiteral("32-bit")),
                                        numericVersion);
        return info;
    }
    return info;
}

} // namespace

bool OsInfo::isLinux() const
{
    for (const LinuxDistribution &distribution : kLinuxDistributions) {
        if (family == QLatin1String(distribution.family))
            return true;
    }
    return false;
}

QString OsInfo::familyAndVersion() const
{
    return version.isEmpty() ? family : family + u' ' + version;
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

OsInfo OsNormalizer::normalizeUncached(const QString &osString)
{
    const QString text = osString.simplified();
    if (text.isEmpty())
        return {};
    if (text.contains(QLatin1String("windows"), Qt::CaseInsensitive)) {
        OsInfo info = normalizeWindows(text);
        if (info.isKnown())
            return info;
    }
    OsInfo linux = normalizeLinux(text);
    if (linux.isKnown())
        return linux;
    static const QRegularExpression otherOs(QStringLiteral(R"(\b(freebsd|solaris|netware|os/2|ms-dos|other)\b)"),
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
