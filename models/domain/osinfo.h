#pragma once

#include <QString>

namespace landfall {

/** The operating system of a VM, as the inventory gave it and as Landfall understood it. */
struct OsInfo {
    /** Normalised family keys:
        - "windows-server", "windows-client";
        - a Linux distribution: "rhel", "centos", "fedora", "ubuntu", "debian", "sles", "opensuse",
          "oracle-linux", "rocky", "almalinux", "amazon-linux", or "linux" for any other;
        - "appliance": a vendor's virtual appliance (VMware Photon OS and CRX, FortiGate and the other
          Forti*-VM images, ...; the list is resources/os/appliances.json). It is rehosted from the
          vendor's own cloud image or retired, never containerized, even when it runs Linux inside;
        - "freebsd", "solaris";
        - "other" for a named OS of no family above, "unknown" when the string was not understood. */
    QString family = QStringLiteral("unknown");
    QString version;      ///< "2008 R2", "2019", "8", "22.04", "8.9"; empty when not known
    QString windowsBuild; ///< "10.0.17763" for Windows Server 2019; empty when not a known Windows Server

    bool isWindows() const { return family.startsWith(QLatin1String("windows")); }
    /** A Linux distribution a Linux container can take the workload of. Appliances, FreeBSD and
        Solaris are not Linux here, whatever kernel an appliance runs. */
    bool isLinux() const;
    bool isKnown() const { return family != QLatin1String("unknown"); }
    /** "windows-server 2019", "rhel 8", "unknown": the key the summary counts by. */
    QString familyAndVersion() const;

    enum class NameLength {
        Full, ///< "Red Hat Enterprise Linux", "Windows client", "Other Linux": for lists and filters
        Brief ///< "RHEL", "Windows", "Linux": beside a version, in the report's tables
    };
    /** How a reader names a family key ("rhel", "freebsd", ...), translated; a key no release
        of Landfall writes is shown as it is. */
    static QString familyName(const QString &family, NameLength length = NameLength::Full);

    friend bool operator==(const OsInfo &, const OsInfo &) = default;
};

/** Turns the OS strings of vSphere, Azure Migrate and consultants into an OsInfo. A string it
    does not recognise gives family "unknown": it never guesses. */
class OsNormalizer {
public:
    static OsInfo normalize(const QString &osString);
    /** The OS string laid under RVTools' `Guest Detailed Data` (the guest's own key='value' report:
        buildNumber, distroName, distroVersion, familyName, prettyName, ...). Where the detailed data
        is more precise it wins: "Microsoft Windows Server 2016 or later" with buildNumber='17763' is
        2019, "Ubuntu Linux (64-bit)" with distroVersion='22.04' is 22.04. Empty or unreadable
        detailed data gives normalize(osString). */
    static OsInfo normalize(const QString &osString, const QString &guestDetailedData);
    /** The build number of a Windows Server version ("2019" -> "10.0.17763"), empty if none. */
    static QString windowsServerBuild(const QString &version);
    /** The Windows Server version of a build ("10.0.20348" -> "2022"), empty if none. */
    static QString windowsServerVersion(const QString &build);

private:
    static OsInfo normalizeUncached(const QString &osString);
};

} // namespace landfall
