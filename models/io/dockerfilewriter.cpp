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

QString windowsSteps(const ContainerWorkload &w)
{
    QString steps;
    const bool netfx35 = w.stack == QLatin1String("netfx35");
    const bool netfx = netfx35 || w.stack == QLatin1String("netfx4");
    if (netfx35)
        steps += QStringLiteral("RUN dism.exe /online /enable-feature /all /FeatureName:NetFx3 /NoRestart\n");
    if (w.web) {
        steps += QStringLiteral("RUN dism.exe /online /enable-feature /all /featurename:iis-webserver /NoRestart\n");
        if (netfx && !netfx35)
            steps += QStringLiteral("RUN dism.exe /online /enable-feature /all /featurename:IIS-ASPNET45 /NoRestart\n");
        // ServiceMonitor keeps the container alive as long as IIS runs, as Microsoft's IIS images do.
        steps += QStringLiteral(
            "ADD https://github.com/microsoft/IIS.ServiceMonitor/releases/download/v2.0.1.10/ServiceMonitor.exe "
            "C:/ServiceMonitor.exe\n"
            "ADD build C:/inetpub/wwwroot/\n"
            "EXPOSE 80\n"
            "ENTRYPOINT [\"C:\\\\ServiceMonitor.exe\", \"w3svc\"]\n");
        return steps;
    }
    steps += QStringLiteral("WORKDIR C:/app\nCOPY app/ C:/app/\n");
    steps += QStringLiteral("EXPOSE %1\n").arg(w.port);
    steps += comment(QStringLiteral("Replace with the application's start command."));
    steps += QStringLiteral("CMD [\"C:\\\\app\\\\start.cmd\"]\n");
    return steps;
}

QString linuxSteps(const ContainerWorkload &w)
{
    QString steps = QStringLiteral("WORKDIR /app\n");
    if (w.stack == QLatin1String("php")) {
        steps = QStringLiteral("COPY app/ /var/www/html/\nEXPOSE 80\n");
        return steps; // the php:apache image starts Apache itself
    }
    if (w.stack == QLatin1String("python"))
        steps += QStringLiteral("COPY app/requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n");
    if (w.stack == QLatin1String("nodejs"))
        steps += QStringLiteral("COPY app/package*.json ./\nRUN npm ci --omit=dev\n");
    steps += QStringLiteral("COPY app/ /app/\nEXPOSE %1\n").arg(w.port);
    steps += comment(QStringLiteral("Replace with the application's start command."));
    if (w.stack == QLatin1String("java"))
        steps += QStringLiteral("CMD [\"java\", \"-jar\", \"/app/app.jar\"]\n");
    else if (w.stack == QLatin1String("nodejs"))
        steps += QStringLiteral("CMD [\"node\", \"/app/server.js\"]\n");
    else if (w.stack == QLatin1String("python"))
        steps += QStringLiteral("CMD [\"python\", \"/app/main.py\"]\n");
    else if (w.stack == QLatin1String("netcore"))
        steps += QStringLiteral("CMD [\"dotnet\", \"/app/App.dll\"]\n");
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
