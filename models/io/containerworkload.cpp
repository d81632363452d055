#include "containerworkload.h"

#include "advisor/imagecatalogue.h"

namespace landfall {

QString ContainerWorkload::safeName(const QString &name)
{
    QString safe;
    bool dash = false;
    for (const QChar c : name.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            if (dash && !safe.isEmpty())
                safe += u'-';
            safe += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    if (safe.isEmpty() || !safe.front().isLetter())
        safe.prepend(QStringLiteral("vm-"));
    if (safe.endsWith(u'-'))
        safe.chop(1);
    safe.truncate(63);
    while (safe.endsWith(u'-'))
        safe.chop(1);
    return safe;
}

QString ContainerWorkload::poolPurpose(Pool pool)
{
    switch (pool) {
    case Pool::Untrusted:
        return QStringLiteral("untrusted");
    case Pool::Gpu:
        return QStringLiteral("gpu");
    case Pool::Kata:
        return QStringLiteral("kata");
    case Pool::General:
        break;
    }
    return {};
}

int ContainerWorkload::portFor(const QString &stack, bool windows)
{
    if (stack == QLatin1String("netfx35") || stack == QLatin1String("netfx4") || stack == QLatin1String("php"))
        return 80; // IIS in the dotnet/framework images, Apache in php:apache
    if (stack == QLatin1String("nodejs"))
        return 3000;
    if (stack == QLatin1String("python"))
        return 8000;
    Q_UNUSED(windows)
    return 8080; // dotnet/aspnet's ASPNETCORE_HTTP_PORTS, Java's servers, and the rest
}

ContainerWorkload ContainerWorkload::from(const Vm &vm, const Decision &decision, const WorkloadSizing &sizing,
                                          const QString &poolWindowsBuild)
{
    ContainerWorkload w;
    w.vm = vm;
    w.decision = decision;
    w.sizing = sizing;
    w.name = safeName(vm.name);
    w.application = safeName(vm.application.isEmpty() ? vm.name : vm.application);
    const qsizetype colon = decision.baseImage.lastIndexOf(u':');
    w.imageRepository = colon < 0 ? decision.baseImage : decision.baseImage.left(colon);
    w.imageTag = colon < 0 ? QString() : decision.baseImage.mid(colon + 1);
    if (const std::optional<CataloguePick> pick = ImageCatalogue::shipped().find(decision.baseImage)) {
        w.windows = pick->image->windows();
        w.windowsBuild = pick->tag->windowsBuild;
    } else {
        // An image named by hand: Microsoft's Windows images say so in their path or tag.
        w.windows = decision.baseImage.startsWith(QLatin1String("mcr.microsoft.com/windows")) ||
                    w.imageTag.contains(QLatin1String("nanoserver")) ||
                    w.imageTag.contains(QLatin1String("windowsservercore"));
        w.windowsBuild = w.windows ? poolWindowsBuild : QString();
    }
    w.stack = vm.answers.value(WorkshopAnswers::Attribute::Stack);
    const QString role = vm.answers.value(WorkshopAnswers::Attribute::Role);
    w.kind = role == QLatin1String("web") ? Kind::Web : role == QLatin1String("batch") ? Kind::Batch : Kind::App;
    w.untrusted = vm.answers.value(WorkshopAnswers::Attribute::Trust) == QLatin1String("untrusted");
    w.gmsa = w.windows && vm.answers.value(WorkshopAnswers::Attribute::WindowsAuth) == QLatin1String("yes");
    if (decision.isolation == Isolation::Kata)
        w.pool = Pool::Kata;
    else if (w.windows && vm.answers.value(WorkshopAnswers::Attribute::Gui) == QLatin1String("directx"))
        w.pool = Pool::Gpu;
    else if (w.windows && w.untrusted)
        w.pool = Pool::Untrusted;
    w.port = w.kind == Kind::Batch ? 0 : portFor(w.stack, w.windows); // a job serves no port
    return w;
}

bool ContainerWorkload::hasCondition(const char *word) const
{
    for (const QString &condition : decision.conditions) {
        if (condition.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace landfall
