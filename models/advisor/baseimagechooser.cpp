#include "baseimagechooser.h"

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

ImageFamily familyOf(const QString &key)
{
    if (key == QLatin1String("nanoserver"))
        return ImageFamily::NanoServer;
    if (key == QLatin1String("servercore"))
        return ImageFamily::ServerCore;
    if (key == QLatin1String("windows"))
        return ImageFamily::Windows;
    return ImageFamily::Linux;
}

} // namespace

BaseImageChooser::BaseImageChooser(const WindowsBuild &hostBuild, const ImageCatalogue &catalogue,
                                   const QDate &planDate)
    : m_imageBuild(imageBuildFor(hostBuild))
    , m_catalogue(catalogue)
    , m_planDate(planDate)
{}

QString BaseImageChooser::familyKey(ImageFamily family)
{
    switch (family) {
    case ImageFamily::NanoServer:
        return QStringLiteral("nanoserver");
    case ImageFamily::ServerCore:
        return QStringLiteral("servercore");
    case ImageFamily::Windows:
        return QStringLiteral("windows");
    case ImageFamily::Linux:
        break;
    }
    return QStringLiteral("linux");
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

QString BaseImageChooser::windowsReference(ImageFamily imageFamily, const WindowsBuild &build) const
{
    const std::optional<CataloguePick> pick = m_catalogue.pickFamily(familyKey(imageFamily), build.text(), m_planDate);
    return pick ? pick->reference : QString();
}

BaseImage BaseImageChooser::fromCatalogue(const QString &os, const QString &need, const WindowsBuild &build,
                                          const QString &why) const
{
    BaseImage image;
    const bool windows = os == QLatin1String("windows");
    const std::optional<CataloguePick> pick =
        m_catalogue.pick(os, need, windows ? build.text() : QString(), m_planDate);
    if (!pick) {
        image.why = m_catalogue.whyNone(os, need, build.text(), m_planDate);
        return image;
    }
    image.found = true;
    image.family = familyOf(pick->image->family);
    image.reference = pick->reference;
    if (windows)
        image.build = build; // the tag's build, with the revision asked for (2016 matches on it)
    image.endOfSupport = pick->tag->endOfSupport;
    image.why =
        why +
        QStringLiteral(" %1 is supported until %2.").arg(image.reference, image.endOfSupport.toString(Qt::ISODate));
    return image;
}

BaseImage BaseImageChooser::family(ImageFamily imageFamily, const WindowsBuild &build, const QString &why) const
{
    BaseImage image;
    const std::optional<CataloguePick> pick = m_catalogue.pickFamily(familyKey(imageFamily), build.text(), m_planDate);
    if (!pick) {
        image.why = QStringLiteral("the image catalogue has no supported %1 image for Windows build %2 at the plan's "
                                   "date %3")
                        .arg(familyKey(imageFamily), build.text(), m_planDate.toString(Qt::ISODate));
        return image;
    }
    image.found = true;
    image.family = imageFamily;
    image.reference = pick->reference;
    image.build = build;
    image.endOfSupport = pick->tag->endOfSupport;
    image.why = why;
    return image;
}

BaseImage BaseImageChooser::choose(ImageChoice choice, const VmFacts &facts, const QString &pinnedBuild) const
{
    WindowsBuild build = m_imageBuild;
    if (!pinnedBuild.isEmpty()) {
        if (const std::optional<WindowsBuild> pinned = WindowsBuild::parse(pinnedBuild))
            build = *pinned;
    }
    BaseImage none;
    // Appliances come from their vendor's cloud image; FreeBSD and Solaris binaries do not run
    // on a Linux kernel: none of them goes into a container, whatever a rule or override asks.
    const QString osFamily = facts.wordText(F::OsFamily);
    if (osFamily == QLatin1String("appliance") || osFamily == QLatin1String("freebsd") ||
        osFamily == QLatin1String("solaris")) {
        none.why = QStringLiteral("a %1 VM is never containerized (no Linux or Windows image runs it)").arg(osFamily);
        return none;
    }
    switch (choice) {
    case ImageChoice::NanoServer:
        return family(ImageFamily::NanoServer, build, QStringLiteral("Nano Server, as the rule asks."));
    case ImageChoice::ServerCore:
        return family(ImageFamily::ServerCore, build, QStringLiteral("Server Core, as the rule asks."));
    case ImageChoice::Windows:
        return family(ImageFamily::Windows, build,
                      QStringLiteral("The full Windows image carries the whole Win32 API and DirectX."));
    case ImageChoice::Linux:
    case ImageChoice::Auto:
        break;
    }

    const bool windowsVm = facts.wordText(F::OsType) == QLatin1String("windows");
    const bool linuxVm = facts.wordText(F::OsType) == QLatin1String("linux");
    const bool linuxOnlyStack = stackIs(facts, "native-linux");
    if ((windowsVm && linuxOnlyStack) || (linuxVm && windowsOnlyStack(facts))) {
        none.why = QStringLiteral("the stack %1 does not run on the VM's OS, so no base image fits")
                       .arg(facts.wordText(F::Stack));
        return none;
    }
    const QString stack = facts.wordText(F::Stack).isEmpty() ? QStringLiteral("unknown") : facts.wordText(F::Stack);
    const bool onWindows = choice != ImageChoice::Linux && (windowsVm || (!linuxVm && windowsOnlyStack(facts)));
    if (!onWindows) {
        if (choice == ImageChoice::Linux && windowsOnlyStack(facts)) {
            none.why = QStringLiteral("the stack %1 needs Windows, and the rule asks for a Linux image").arg(stack);
            return none;
        }
        BaseImage image =
            fromCatalogue(QStringLiteral("linux"), stack, build,
                          QStringLiteral("A Linux image for the %1 stack on a versioned tag.").arg(stack));
        if (image.found && !linuxVm)
            image.condition = QStringLiteral("The VM's OS was not recognised: confirm it runs Linux before using the "
                                             "Linux image %1")
                                  .arg(image.reference);
        return image;
    }
    const QString gui = facts.wordText(F::Gui);
    if (gui == QLatin1String("gdi") || gui == QLatin1String("directx"))
        return fromCatalogue(QStringLiteral("windows"), gui, build,
                             QStringLiteral("It needs GDI or DirectX graphics: the full Windows image carries the "
                                            "whole Win32 API."));
    const bool web = facts.wordText(F::Role) == QLatin1String("web");
    BaseImage image;
    if (stackIs(facts, "netcore")) {
        image = fromCatalogue(QStringLiteral("windows"), stack, build,
                              QStringLiteral("ASP.NET Core on Nano Server: Microsoft's dotnet/aspnet image."));
        image.note = QStringLiteral("Check whether it runs on the Linux dotnet/aspnet image, which needs no Windows "
                                    "node pool or licence");
    } else if (stackIs(facts, "go")) {
        image = fromCatalogue(QStringLiteral("windows"), stack, build,
                              QStringLiteral("A Go binary needs no more than Nano Server."));
    } else if (stackIs(facts, "netfx35") || stackIs(facts, "netfx4")) {
        image = fromCatalogue(QStringLiteral("windows"), web ? stack + QLatin1String(":web") : stack, build,
                              web ? QStringLiteral("Microsoft's dotnet/framework/aspnet image carries IIS, ASP.NET "
                                                   "and the .NET Framework.")
                                  : QStringLiteral("Microsoft's dotnet/framework/runtime image carries the .NET "
                                                   "Framework."));
    } else {
        // native-windows, and the Windows runtimes of Java, Node.js, Python and PHP: they need
        // MSI, 32-bit support or more of Win32 than Nano Server has.
        image = fromCatalogue(QStringLiteral("windows"),
                              stack == QLatin1String("unknown") ? QStringLiteral("native-windows") : stack, build,
                              QStringLiteral("Server Core: Nano Server has no MSI, no 32-bit support and little of "
                                             "Win32."));
    }
    if (image.found && image.family == ImageFamily::NanoServer && gui == QLatin1String("unknown"))
        image.condition = QStringLiteral("GUI use was not answered: confirm it needs no GDI or Win32 graphics, "
                                         "or use Server Core");
    return image;
}

} // namespace landfall
