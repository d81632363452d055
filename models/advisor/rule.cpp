#include "rule.h"

#include <array>

namespace landfall {

namespace {

constexpr std::array<std::pair<ImageChoice, const char *>, 5> kImageChoices{{
    {ImageChoice::Auto, "auto"},
    {ImageChoice::NanoServer, "nanoserver"},
    {ImageChoice::ServerCore, "servercore"},
    {ImageChoice::Windows, "windows"},
    {ImageChoice::Linux, "linux"},
}};

} // namespace

QString imageChoiceKey(ImageChoice choice)
{
    for (const auto &[candidate, key] : kImageChoices) {
        if (candidate == choice)
            return QLatin1String(key);
    }
    return {};
}

std::optional<ImageChoice> imageChoiceFromKey(const QString &key)
{
    for (const auto &[candidate, name] : kImageChoices) {
        if (key == QLatin1String(name))
            return candidate;
    }
    return std::nullopt;
}

} // namespace landfall
