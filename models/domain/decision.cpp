#include "decision.h"

#include <array>

namespace landfall {

namespace {

template <typename Enum, size_t N> QString keyOf(Enum value, const std::array<std::pair<Enum, const char *>, N> &table)
{
    for (const auto &[candidate, key] : table) {
        if (candidate == value)
            return QLatin1String(key);
    }
    return {};
}

template <typename Enum, size_t N>
std::optional<Enum> valueOf(const QString &key, const std::array<std::pair<Enum, const char *>, N> &table)
{
    for (const auto &[candidate, name] : table) {
        if (key == QLatin1String(name))
            return candidate;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<MigrationPath, const char *>, 5> kPaths{{
    {MigrationPath::Rehost, "rehost"},
    {MigrationPath::Containerize, "containerize"},
    {MigrationPath::CloudNative, "cloudNative"},
    {MigrationPath::Retire, "retire"},
    {MigrationPath::Retain, "retain"},
}};

constexpr std::array<std::pair<Isolation, const char *>, 4> kIsolations{{
    {Isolation::None, "none"},
    {Isolation::Process, "process"},
    {Isolation::HyperV, "hyperv"},
    {Isolation::Kata, "kata"},
}};

constexpr std::array<std::pair<Confidence, const char *>, 3> kConfidences{{
    {Confidence::High, "high"},
    {Confidence::Medium, "medium"},
    {Confidence::Low, "low"},
}};

} // namespace

QString migrationPathKey(MigrationPath path)
{
    return keyOf(path, kPaths);
}
std::optional<MigrationPath> migrationPathFromKey(const QString &key)
{
    return valueOf(key, kPaths);
}
QString isolationKey(Isolation isolation)
{
    return keyOf(isolation, kIsolations);
}
std::optional<Isolation> isolationFromKey(const QString &key)
{
    return valueOf(key, kIsolations);
}
QString confidenceKey(Confidence confidence)
{
    return keyOf(confidence, kConfidences);
}
std::optional<Confidence> confidenceFromKey(const QString &key)
{
    return valueOf(key, kConfidences);
}

} // namespace landfall
