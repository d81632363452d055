#include "baseimagechooser.h"

#include <algorithm>
#include <array>

namespace landfall {

namespace {

using F = RuleFields::Field;

bool stackIs(const VmFacts &facts, const char *stack)
{
    return facts.wordText(F::Stack) == QLatin1String(stack);
}

bool windowsOnlyStack(const VmFacts &facts)
{
    return stackIs(facts, "netfx35") || stackIs(facts, "netfx4") || stackIs(facts, "native-windows");
}

} // namespace

BaseImageChooser::BaseImageChooser(const WindowsBuild &hostBuild)
    : m_imageBuild(imageBuildFor(hostBuild))
{
    for (ImageFamily family : {ImageFamily::NanoServer, ImageFamily::ServerCore, ImageFamily::Windows})
        m_windowsReferences[int(family)] = windowsReference(family, m_imageBuild);
    for (const QString &stack : RuleFields::allowedValues(F::Stack)) {
        m_linuxReferences.append(linuxReference(stack));
        m_linuxWhy.append(QStringLiteral("A Linux image for the %1 stack (tens to hundreds of MB).").arg(stack));
        // Java, Node.js, Python, PHP on Windows: their Windows runtimes need more of Win32 than
        // Nano Server has, so Server Core is the lift and shift; a Linux image is a later re-platforming.
        m_runtimeWhy.append(QStringLiteral("The %1 runtime for Windows needs Server Core (about 1.49 GB); Nano "
                                           "Server lacks the APIs it uses.")
                                .arg(stack));
    }
}

WindowsBuild BaseImageChooser::imageBuildFor(const WindowsBuild &host)
{
    if (host.isServerLtsc())
        return host;
    // A client host (Windows 10/11) runs server images under Hyper-V: the newest one it can.
    for (const char *server : {"10.0.26100", "10.0.20348", "10.0.17763", "10.0.14393"}) {
        const WindowsBuild build = *WindowsBuild::parse(QLatin1String(server));
        if (build.withoutRevision() <= host.withoutRevision())
            return build;
    }
    return *WindowsBuild::parse(QStringLiteral("10.0.14393"));
}

QString BaseImageChooser::windowsReference(ImageFamily family, const WindowsBuild &build)
{
    const QString tag = build.ltscTag();
    const int number = build.build();
    if (tag.isEmpty() || number < 14393)
        return {}; // no container images exist before Windows Server 2016
    switch (family) {
    case ImageFamily::NanoServer:
        // Nano Server 2016 and 2019 were published under their release names, not ltsc tags.
        if (number == 14393)
            return QStringLiteral("mcr.microsoft.com/windows/nanoserver:sac2016");
        if (number == 17763)
            return QStringLiteral("mcr.microsoft.com/windows/nanoserver:1809");
        return u"mcr.microsoft.com/windows/nanoserver:" + tag;
    case ImageFamily::ServerCore:
        return u"mcr.microsoft.com/windows/servercore:" + tag;
    case ImageFamily::Windows:
        // The full image arrived with 2019 (mcr.microsoft.com/windows); from 2022 it is windows/server.
        if (number == 14393)
            return {};
        if (number == 17763)
            return QStringLiteral("mcr.microsoft.com/windows:ltsc2019");
        return u"mcr.microsoft.com/windows/server:" + tag;
    case ImageFamily::Linux:
        break;
    }
    return {};
}

QString BaseImageChooser::linuxReference(const QString &stack)
{
    static const std::array<std::pair<const char *, const char *>, 8> kImages{{
        {"java", "eclipse-temurin:21-jre"},
        {"nodejs", "node:22-bookworm-slim"},
        {"python", "python:3.12-slim"},
        {"php", "php:8.3-apache"},
        {"netcore", "mcr.microsoft.com/dotnet/aspnet:8.0"},
        {"go", "debian:stable-slim"},
        {"native-linux", "debian:stable-slim"},
        {"unknown", "debian:stable-slim"},
    }};
    for (const auto &[key, image] : kImages) {
        if (stack == QLatin1String(key))
            return QLatin1String(image);
    }
    return {};
}

BaseImage BaseImageChooser::windowsImage(ImageFamily family, const WindowsBuild &build, const QString &why) const
{
    BaseImage image;
    image.family = family;
    image.build = build;
    image.reference = build == m_imageBuild ? m_windowsReferences[int(family)] : windowsReference(family, build);
    image.found = !image.reference.isEmpty();
    image.why =
        image.found ? why : QStringLiteral("no such Windows base image is published for build %1").arg(build.text());
    return image;
}

BaseImage BaseImageChooser::choose(ImageChoice choice, const VmFacts &facts, const QString &pinnedBuild) const
{
    WindowsBuild build = m_imageBuild;
    if (!pinnedBuild.isEmpty()) {
        if (const std::optional<WindowsBuild> pinned = WindowsBuild::parse(pinnedBuild))
            build = *pinned;
    }
    switch (choice) {
    case ImageChoice::NanoServer:
        return windowsImage(ImageFamily::NanoServer, build, QStringLiteral("Nano Server, as the rule asks."));
    case ImageChoice::ServerCore:
        return windowsImage(ImageFamily::ServerCore, build, QStringLiteral("Server Core, as the rule asks."));
    case ImageChoice::Windows:
        return windowsImage(ImageFamily::Windows, build,
                            QStringLiteral("The full Windows image (about 3.57 GB) carries the whole Win32 API."));
    case ImageChoice::Linux:
    case ImageChoice::Auto:
        break;
    }

    const bool windowsVm = facts.wordText(F::OsType) == QLatin1String("windows");
    const bool linuxVm = facts.wordText(F::OsType) == QLatin1String("linux");
    const bool linuxOnlyStack = stackIs(facts, "native-linux");
    BaseImage none;
    if ((windowsVm && linuxOnlyStack) || (linuxVm && windowsOnlyStack(facts))) {
        none.why = QStringLiteral("the stack %1 does not run on the VM's OS, so no base image fits")
                       .arg(facts.wordText(F::Stack));
        return none;
    }
    const bool onWindows = choice != ImageChoice::Linux && (windowsVm || (!linuxVm && windowsOnlyStack(facts)));
    if (!onWindows) {
        if (choice == ImageChoice::Linux && windowsOnlyStack(facts)) {
            none.why = QStringLiteral("the stack %1 needs Windows, and the rule asks for a Linux image")
                           .arg(facts.wordText(F::Stack));
            return none;
        }
        BaseImage image;
        image.found = true;
        image.family = ImageFamily::Linux;
        const int stack = std::max(0, facts.word(F::Stack));
        image.reference = m_linuxReferences.at(stack);
        image.why = m_linuxWhy.at(stack);
        if (!linuxVm)
            image.condition = QStringLiteral("The VM's OS was not recognised: confirm it runs Linux before using the "
                                             "Linux image %1")
                                  .arg(image.reference);
        return image;
    }
    const QString gui = facts.wordText(F::Gui);
    if (gui == QLatin1String("gdi") || gui == QLatin1String("directx") ||
        facts.wordText(F::Role) == QLatin1String("print"))
        return windowsImage(ImageFamily::Windows, build,
                            QStringLiteral("It needs GDI graphics or is a print server: the full Windows image "
                                           "(about 3.57 GB) carries the whole Win32 API."));
    if (stackIs(facts, "netcore") || stackIs(facts, "go") || stackIs(facts, "native-windows")) {
        BaseImage image = windowsImage(ImageFamily::NanoServer, build,
                                       QStringLiteral("No GUI and no .NET Framework: Nano Server (about 100 MB) is "
                                                      "enough."));
        if (gui == QLatin1String("unknown"))
            image.condition = QStringLiteral("GUI use was not answered: confirm it needs no GDI or Win32 graphics, "
                                             "or use Server Core");
        return image;
    }
    if (stackIs(facts, "netfx35") || stackIs(facts, "netfx4"))
        return windowsImage(ImageFamily::ServerCore, build,
                            QStringLiteral("The .NET Framework (IIS, ASP.NET, WCF, services) needs Server Core (about "
                                           "1.49 GB)."));
    return windowsImage(ImageFamily::ServerCore, build, m_runtimeWhy.at(std::max(0, facts.word(F::Stack))));
}

} // namespace landfall
