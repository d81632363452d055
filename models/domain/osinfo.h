#pragma once

#include <QString>

namespace landfall {

/** The operating system of a VM, as the inventory gave it and as Landfall understood it. */
struct OsInfo {
    /** Normalised family keys: "windows-server", "windows-client", a Linux distribution
        ("rhel", "centos", "ubuntu", "debian", "sles", "oracle-linux", "rocky", "almalinux",
        "linux" for any other), "other", or "unknown" when the string was not understood. */
    QString family = QStringLiteral("unknown");
    QString version;      ///< "2008 R2", "2019", "8", "22.04"; empty when not known
    QString windowsBuild; ///< "10.0.17763" for Windows Server 2019; empty when not Windows or not known

    bool isWindows() const { return family.startsWith(QLatin1String("windows")); }
    bool isLinux() const;
    bool isKnown() const { return family != QLatin1String("unknown"); }
    /** "windows-server 2019", "rhel 8", "unknown": the key the summary counts by. */
    QString familyAndVersion() const;

    friend bool operator==(const OsInfo &, const OsInfo &) = default;
};

/** Turns the OS strings of vSphere, Azure Migrate and consultants into an OsInfo. A string it
    does not recognise gives family "unknown": it never guesses. */
class OsNormalizer {
public:
    static OsInfo normalize(const QString &osString);
    /** The build number of a Windows Server version ("2019" -> "10.0.17763"), empty if none. */
    static QString windowsServerBuild(const QString &version);
    /** The Windows Server version of a build ("10.0.20348" -> "2022"), empty if none. */
    static QString windowsServerVersion(const QString &build);

private:
    static OsInfo normalizeUncached(const QString &osString);
};

} // namespace landfall
