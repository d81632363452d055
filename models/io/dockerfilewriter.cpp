#include "dockerfilewriter.h"

namespace landfall {

namespace {

/** A comment line that no name or note can break out of. */
QString comment(const QString &text)
{
    QString line = text;
    for (QChar &c : line) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return u"# " + line + u'\n';
}

bool repositoryIs(const ContainerWorkload &w, const char *repository)
{
    return w.imageRepository == QLatin1String(repository);
}

QString windowsSteps(const ContainerWorkload &w)
{
    const QString expose = w.port > 0 ? QStringLiteral("EXPOSE %1\n").arg(w.port) : QString();
    if (repositoryIs(w, "mcr.microsoft.com/dotnet/framework/aspnet")) {
        // IIS, ASP.NET and ServiceMonitor are in the image, whose ENTRYPOINT keeps w3svc running;
        // the 3.5 tags carry the .NET 3.5 feature too.
        return comment(QStringLiteral("IIS and ASP.NET come with the image; the site is the application's "
                                      "published output in build/.")) +
               QStringLiteral("WORKDIR /inetpub/wwwroot\nCOPY build/ .\n") + expose;
    }
    QString steps = QStringLiteral("WORKDIR C:/app\nCOPY app/ .\n");
    if (repositoryIs(w, "mcr.microsoft.com/dotnet/aspnet")) {
        if (w.port > 0)
            steps += QStringLiteral("ENV ASPNETCORE_HTTP_PORTS=%1\n").arg(w.port);
        steps += expose;
        return steps + QStringLiteral("ENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
    }
    if (repositoryIs(w, "mcr.microsoft.com/dotnet/framework/runtime")) {
        steps += expose;
        return steps + comment(QStringLiteral("Replace with the application's executable.")) +
               QStringLiteral("ENTRYPOINT [\"C:\\\\app\\\\App.exe\"]\n");
    }
    if (repositoryIs(w, "mcr.microsoft.com/windows/nanoserver")) {
        // Nano Server has no MSI, no PowerShell and no 32-bit support: nothing is installed.
        steps += expose;
        return steps + comment(QStringLiteral("Replace with the application's executable (64-bit, no installer).")) +
               QStringLiteral("ENTRYPOINT [\"C:\\\\app\\\\app.exe\"]\n");
    }
    steps += expose;
    if (w.stack == QLatin1String("java") || w.stack == QLatin1String("nodejs") || w.stack == QLatin1String("python") ||
        w.stack == QLatin1String("php"))
        steps += comment(QStringLiteral("The %1 runtime for Windows is not in the image: put it under app/ with "
                                        "the application (no downloads at build time).")
                             .arg(w.stack));
    steps += comment(QStringLiteral("Replace with the application's start command."));
    return steps + QStringLiteral("CMD [\"C:\\\\app\\\\start.cmd\"]\n");
}

QString linuxSteps(const ContainerWorkload &w)
{
    const QString expose = w.port > 0 ? QStringLiteral("EXPOSE %1\n").arg(w.port) : QString();
    if (w.stack == QLatin1String("php"))
        return QStringLiteral("COPY app/ /var/www/html/\n") + expose; // the php:apache image starts Apache itself
    QString steps = QStringLiteral("WORKDIR /app\n");
    if (w.stack == QLatin1String("python"))
        steps += QStringLiteral("COPY app/requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n");
    if (w.stack == QLatin1String("nodejs"))
        steps += QStringLiteral("COPY app/package*.json ./\nRUN npm ci --omit=dev\n");
    steps += QStringLiteral("COPY app/ /app/\n");
    if (repositoryIs(w, "mcr.microsoft.com/dotnet/aspnet") && w.port > 0)
        steps += QStringLiteral("ENV ASPNETCORE_HTTP_PORTS=%1\n").arg(w.port);
    steps += expose;
    if (w.stack == QLatin1String("netcore"))
        return steps + QStringLiteral("ENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
    steps += comment(QStringLiteral("Replace with the application's start command."));
    if (w.stack == QLatin1String("java"))
        steps += QStringLiteral("CMD [\"java\", \"-jar\", \"/app/app.jar\"]\n");
    else if (w.stack == QLatin1String("nodejs"))
        steps += QStringLiteral("CMD [\"node\", \"/app/server.js\"]\n");
    else if (w.stack == QLatin1String("python"))
        steps += QStringLiteral("CMD [\"python\", \"/app/main.py\"]\n");
    else
        steps += QStringLiteral("CMD [\"/app/start\"]\n");
    return steps;
}

} // namespace

QString DockerfileWriter::write(const ContainerWorkload &w)
{
    QString text;
    if (w.windows)
        text += QStringLiteral("# escape=`\n"); // Windows paths keep their backslashes
    text += comment(QStringLiteral("Written by Landfall for VM %1: %2").arg(w.vm.name, w.decision.reason));
    QStringList rules;
    for (const RuleTraceEntry &entry : w.decision.trace)
        rules.append(entry.ruleId);
    text += comment(QStringLiteral("Rules: %1; isolation: %2; target: %3")
                        .arg(rules.join(QLatin1String(", ")), isolationKey(w.decision.isolation), w.decision.target));
    for (const QString &condition : w.decision.conditions)
        text += comment(u"Check: " + condition);
    text += u"FROM " + w.decision.baseImage + u'\n';
    text += w.windows ? windowsSteps(w) : linuxSteps(w);
    return text;
}

} // namespace landfall
