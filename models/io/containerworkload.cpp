#include "containerworkload.h"

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

ContainerWorkload ContainerWorkload::from(const Vm &vm, const Decision &decision, const WorkloadSizing &sizing,
                                          const QString &poolWindowsBuild)
{
    ContainerWorkload w;
    w.vm = vm;
    w.decision = decision;
    w.sizing = sizing;
    w.name = safeName(vm.name);
    w.windows = decision.baseImage.startsWith(QLatin1String("mcr.microsoft.com/windows"));
    w.windowsBuild = w.windows ? poolWindowsBuild : QString();
    w.stack = vm.answers.value(WorkshopAnswers::Attribute::Stack);
    w.web = vm.answers.value(WorkshopAnswers::Attribute::Role) == QLatin1String("web");
    // The port each stack's usual server listens on; IIS and Apache listen on 80.
    if (!w.windows) {
        if (w.stack == QLatin1String("java") || w.stack == QLatin1String("netcore"))
            w.port = 8080;
        else if (w.stack == QLatin1String("nodejs"))
            w.port = 3000;
        else if (w.stack == QLatin1String("python"))
            w.port = 8000;
    } else if (w.stack == QLatin1String("netcore")) {
        w.port = 8080;
    }
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
