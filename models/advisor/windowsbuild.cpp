#include "windowsbuild.h"

namespace landfall {

std::optional<WindowsBuild> WindowsBuild::parse(const QString &text)
{
    // By hand rather than split(): the advisor parses a build for every VM it classifies.
    // Layout of the key: major 12 bits, minor 12 bits, build 20 bits, revision 20 bits.
    constexpr quint64 kLimits[4] = {0xFFF, 0xFFF, 0xFFFFF, 0xFFFFF};
    quint64 values[4] = {0, 0, 0, 0};
    int part = 0;
    bool digits = false;
    for (const QChar c : text) {
        if (c == u'.') {
            if (!digits || ++part > 3)
                return std::nullopt;
            digits = false;
        } else if (c >= u'0' && c <= u'9') {
            values[part] = values[part] * 10 + (c.unicode() - u'0');
            if (values[part] > kLimits[part])
                return std::nullopt;
            digits = true;
        } else {
            return std::nullopt;
        }
    }
    if (!digits || part < 2)
        return std::nullopt;
    WindowsBuild build;
    build.m_key = (values[0] << 52) | (values[1] << 40) | (values[2] << 20) | values[3];
    build.m_hasRevision = part == 3;
    return build;
}

QString WindowsBuild::text() const
{
    return QStringLiteral("%1.%2.%3").arg(m_key >> 52).arg((m_key >> 40) & 0xFFF).arg(build());
}

bool WindowsBuild::isServerLtsc() const
{
    return !ltscTag().isEmpty();
}

QString WindowsBuild::ltscTag() const
{
    // Numbers, not OsNormalizer's strings: this runs for every containerized VM.
    if ((m_key >> 40) != ((quint64(10) << 12) | 0))
        return {}; // 10.0 only: older releases have no container images
    switch (build()) {
    case 14393:
        return QStringLiteral("ltsc2016");
    case 17763:
        return QStringLiteral("ltsc2019");
    case 20348:
        return QStringLiteral("ltsc2022");
    case 26100:
        return QStringLiteral("ltsc2025");
    default:
        return {};
    }
}

} // namespace landfall
