#include "workload.h"

namespace landfall {

Workload::Image Workload::imageOf(const QString &baseImage, bool windows)
{
    const QString image = baseImage.toLower();
    if (image.contains(QLatin1String("nanoserver")))
        return Image::NanoServer;
    if (image.contains(QLatin1String("servercore")))
        return Image::ServerCore;
    if (image.contains(QLatin1String("mcr.microsoft.com/windows")))
        return Image::WindowsFull;
    // No image named yet: a Windows VM gets Server Core, the advisor's usual choice.
    return windows ? Image::ServerCore : Image::Linux;
}

QString Workload::buildOfTag(const QString &baseImage)
{
    const qsizetype colon = baseImage.lastIndexOf(u':');
    if (colon < 0)
        return {};
    const QString tag = baseImage.mid(colon + 1).toLower();
    if (tag.contains(QLatin1String("ltsc2016")) || tag.contains(QLatin1String("1607")))
        return QStringLiteral("10.0.14393");
    if (tag.contains(QLatin1String("ltsc2019")) || tag.contains(QLatin1String("1809")))
        return QStringLiteral("10.0.17763");
    if (tag.contains(QLatin1String("ltsc2022")))
        return QStringLiteral("10.0.20348");
    if (tag.contains(QLatin1String("ltsc2025")))
        return QStringLiteral("10.0.26100");
    return {};
}

Workload Workload::fromVm(const Vm &vm, const Decision &decision)
{
    Workload w;
    w.vmId = vm.id;
    w.name = vm.name;
    w.windows = vm.os.isWindows();
    const QString osText = (vm.osReported + u' ' + vm.osConfigured).toLower();
    w.serverCore = osText.contains(QLatin1String("core"));
    w.baseImage = decision.baseImage;
    w.image = imageOf(decision.baseImage, w.windows);
    if (w.image != Image::Linux)
        w.windows = true; // a Windows image runs on Windows nodes whatever the inventory said
    w.imageBuild = buildOfTag(decision.baseImage);
    w.isolation = decision.isolation == Isolation::None ? Isolation::Process : decision.isolation;
    w.vcpu = std::max(1, vm.vcpu);
    w.memoryMiB = vm.memoryMiB;
    w.diskGiB = (vm.usedMiB > 0 ? vm.usedMiB : vm.provisionedMiB) / 1024.0;
    w.cpuUtilPct = vm.cpuUtilPct;
    w.memoryUtilPct = vm.memoryUtilPct;
    using A = WorkshopAnswers::Attribute;
    w.untrusted = vm.answers.value(A::Trust) == QLatin1String("untrusted");
    w.gpu = vm.answers.value(A::Gui) == QLatin1String("directx");
    w.application = vm.application;
    w.host = vm.host;
    w.vcenter = vm.vcenter;
    return w;
}

} // namespace landfall
