#pragma once

#include <QString>

#include <optional>

namespace landfall {

/** A Windows build number ("10.0.20348", optionally with its revision) in a form that compares
    in one instruction: the advisor matches image builds against host builds for every VM. */
class WindowsBuild {
public:
    /** Parses "major.minor.build[.revision]"; nullopt for anything else. */
    static std::optional<WindowsBuild> parse(const QString &text);

    quint64 key() const { return m_key; } ///< ordered like the build, revision included
    quint64 withoutRevision() const { return m_key & ~kRevisionMask; }
    bool hasRevision() const { return m_hasRevision; }
    int build() const { return int((m_key >> 20) & 0xFFFFF); }
    /** "10.0.20348": the three parts the container tags follow. */
    QString text() const;
    /** Windows Server LTSC releases with container images (2016, 2019, 2022, 2025); anything
        else is a client, a semi-annual or an older build. */
    bool isServerLtsc() const;
    /** The LTSC tag of a server build ("ltsc2022"), empty when there is none. */
    QString ltscTag() const;

    friend bool operator==(const WindowsBuild &, const WindowsBuild &) = default;

private:
    static constexpr quint64 kRevisionMask = 0xFFFFF;
    quint64 m_key = 0;
    bool m_hasRevision = false;
};

} // namespace landfall
