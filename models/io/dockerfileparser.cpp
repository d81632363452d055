#include "dockerfileparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace landfall {

namespace {

const QStringList kKeywords = {QStringLiteral("ADD"),    QStringLiteral("ARG"),        QStringLiteral("CMD"),
                               QStringLiteral("COPY"),   QStringLiteral("ENTRYPOINT"), QStringLiteral("ENV"),
                               QStringLiteral("EXPOSE"), QStringLiteral("FROM"),       QStringLiteral("HEALTHCHECK"),
                               QStringLiteral("LABEL"),  QStringLiteral("MAINTAINER"), QStringLiteral("ONBUILD"),
                               QStringLiteral("RUN"),    QStringLiteral("SHELL"),      QStringLiteral("STOPSIGNAL"),
                               QStringLiteral("USER"),   QStringLiteral("VOLUME"),     QStringLiteral("WORKDIR")};

bool endsWithEscape(const QString &line, QChar escape)
{
    const QString trimmed = line.trimmed();
    return !trimmed.isEmpty() && trimmed.back() == escape;
}

QString where(const DockerInstruction &instruction)
{
    return QStringLiteral("line %1: %2").arg(instruction.line).arg(instruction.keyword);
}

} // namespace

Result<DockerfileParser::Parsed, QString> DockerfileParser::parse(const QString &text)
{
    Parsed parsed;
    const QStringList lines = text.split(u'\n');
    static const QRegularExpression directive(QStringLiteral(R"(^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$)"));
    int i = 0;
    // Parser directives come first, before any comment, blank line or instruction.
    for (; i < lines.size(); ++i) {
        const QRegularExpressionMatch match = directive.match(lines[i]);
        if (!match.hasMatch())
            break;
        const QString name = match.captured(1).toLower();
        if (name == QLatin1String("escape")) {
            const QString value = match.captured(2);
            if (value != QLatin1String("`") && value != QLatin1String("\\"))
                return QStringLiteral("line %1: escape must be ` or \\, not %2").arg(i + 1).arg(value);
            parsed.escape = value.front();
        } else if (name != QLatin1String("syntax") && name != QLatin1String("check")) {
            break; // an unknown directive is a comment
        }
    }
    bool sawFrom = false;
    while (i < lines.size()) {
        QString line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        const int start = i + 1;
        ++i;
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        QString logical = line;
        while (endsWithEscape(logical, parsed.escape)) {
            logical = logical.trimmed();
            logical.chop(1);
            // Comment lines inside a continuation are dropped, as BuildKit does.
            while (i < lines.size() && lines[i].trimmed().startsWith(u'#'))
                ++i;
            if (i >= lines.size())
                return QStringLiteral("line %1: the instruction ends with a line continuation and no next line")
                    .arg(start);
            QString next = lines[i++];
            if (next.endsWith(u'\r'))
                next.chop(1);
            logical += next;
        }
        logical = logical.trimmed();
        const qsizetype space = logical.indexOf(QRegularExpression(QStringLiteral("\\s")));
        DockerInstruction instruction;
        instruction.line = start;
        instruction.keyword = (space < 0 ? logical : logical.left(space)).toUpper();
        instruction.arguments = space < 0 ? QString() : logical.mid(space).trimmed();
        if (!kKeywords.contains(instruction.keyword))
            return QStringLiteral("line %1: unknown instruction '%2'").arg(start).arg(instruction.keyword);
        if (instruction.arguments.isEmpty())
            return QStringLiteral("line %1: %2 needs arguments").arg(start).arg(instruction.keyword);
        if (!sawFrom && instruction.keyword != QLatin1String("FROM") && instruction.keyword != QLatin1String("ARG"))
            return QStringLiteral("line %1: %2 before the first FROM").arg(start).arg(instruction.keyword);
        sawFrom |= instruction.keyword == QLatin1String("FROM");
        static const QStringList kExecForms = {QStringLiteral("CMD"), QStringLiteral("ENTRYPOINT"),
                                               QStringLiteral("RUN"), QStringLiteral("SHELL")};
        if (kExecForms.contains(instruction.keyword) && instruction.arguments.startsWith(u'[')) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(instruction.arguments.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError || !document.isArray())
                return QStringLiteral("line %1: %2's JSON form is not a JSON array: %3")
                    .arg(start)
                    .arg(instruction.keyword, error.errorString());
            for (const QJsonValue &value : document.array()) {
                if (!value.isString())
                    return QStringLiteral("line %1: %2's JSON form must hold strings only")
                        .arg(start)
                        .arg(instruction.keyword);
                instruction.json.append(value.toString());
            }
            instruction.jsonForm = true;
        }
        parsed.instructions.append(instruction);
    }
    if (!sawFrom)
        return QStringLiteral("the Dockerfile has no FROM instruction");
    return parsed;
}

QStringList DockerfileChecks::baseImageInCatalogue(const DockerfileParser::Parsed &file,
                                                   const ImageCatalogue &catalogue, const QDate &planDate)
{
    QStringList problems;
    for (const DockerInstruction &instruction : file.instructions) {
        if (instruction.keyword != QLatin1String("FROM"))
            continue;
        const QString reference = instruction.arguments.section(u' ', 0, 0, QString::SectionSkipEmpty);
        const qsizetype colon = reference.lastIndexOf(u':');
        const QString tag = colon > reference.lastIndexOf(u'/') ? reference.mid(colon + 1) : QString();
        if (tag.isEmpty() || tag == QLatin1String("latest") || tag.contains(QLatin1String("stable")))
            problems.append(where(instruction) + QStringLiteral(": '%1' has no version tag").arg(reference));
        const std::optional<CataloguePick> pick = catalogue.find(reference);
        if (!pick)
            problems.append(where(instruction) + QStringLiteral(": '%1' is not in the image catalogue").arg(reference));
        else if (pick->tag->endOfSupport < planDate)
            problems.append(where(instruction) + QStringLiteral(": '%1' is past its end of support (%2)")
                                                     .arg(reference, pick->tag->endOfSupport.toString(Qt::ISODate)));
    }
    return problems;
}

QStringList DockerfileChecks::noFeatureInstalls(const DockerfileParser::Parsed &file)
{
    static const QRegularExpression feature(
        QStringLiteral(
            R"(dism(\.exe)?\b.*/enable-feature|install-windowsfeature|enable-windowsoptionalfeature|add-windowsfeature)"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList problems;
    for (const DockerInstruction &instruction : file.instructions) {
        if (instruction.keyword == QLatin1String("RUN") && feature.match(instruction.arguments).hasMatch())
            problems.append(where(instruction) + QStringLiteral(": installs a Windows feature, which a container "
                                                                "cannot do without its sources; use the image that "
                                                                "carries it"));
    }
    return problems;
}

QStringList DockerfileChecks::nothingInstalledOnNano(const DockerfileParser::Parsed &file)
{
    QStringList problems;
    bool nano = false;
    for (const DockerInstruction &instruction : file.instructions) {
        if (instruction.keyword == QLatin1String("FROM"))
            nano = instruction.arguments.contains(QLatin1String("nanoserver"), Qt::CaseInsensitive);
        else if (nano && instruction.keyword == QLatin1String("RUN"))
            problems.append(where(instruction) + QStringLiteral(": Nano Server has no MSI, no PowerShell and no IIS: "
                                                                "nothing can be installed on it"));
    }
    return problems;
}

QStringList DockerfileChecks::noRemoteAdd(const DockerfileParser::Parsed &file)
{
    static const QRegularExpression url(QStringLiteral(R"(\b(https?|ftp)://)"),
                                        QRegularExpression::CaseInsensitiveOption);
    QStringList problems;
    for (const DockerInstruction &instruction : file.instructions) {
        if (instruction.keyword == QLatin1String("ADD") && url.match(instruction.arguments).hasMatch())
            problems.append(where(instruction) + QStringLiteral(": downloads at build time; put the file in the build "
                                                                "context"));
    }
    return problems;
}

QStringList DockerfileChecks::exposesPort(const DockerfileParser::Parsed &file, int port)
{
    QStringList exposed;
    int line = 0;
    for (const DockerInstruction &instruction : file.instructions) {
        if (instruction.keyword == QLatin1String("EXPOSE")) {
            exposed += instruction.arguments.split(u' ', Qt::SkipEmptyParts);
            line = instruction.line;
        }
    }
    const QStringList expected = port > 0 ? QStringList{QString::number(port)} : QStringList{};
    // "8080/tcp" is 8080 too.
    for (QString &value : exposed) {
        if (value.endsWith(QLatin1String("/tcp"), Qt::CaseInsensitive))
            value.chop(4);
    }
    if (exposed == expected)
        return {};
    return {QStringLiteral("line %1: EXPOSE %2, but the manifest's port is %3")
                .arg(line)
                .arg(exposed.join(u' '), port > 0 ? QString::number(port) : QStringLiteral("none"))};
}

QStringList DockerfileChecks::keepsIisEntrypoint(const DockerfileParser::Parsed &file)
{
    QStringList problems;
    bool framework = false;
    for (const DockerInstruction &instruction : file.instructions) {
        if (instruction.keyword == QLatin1String("FROM"))
            framework = instruction.arguments.startsWith(QLatin1String("mcr.microsoft.com/dotnet/framework/aspnet"));
        else if (framework &&
                 (instruction.keyword == QLatin1String("ENTRYPOINT") || instruction.keyword == QLatin1String("CMD")))
            problems.append(where(instruction) + QStringLiteral(": the aspnet image's ServiceMonitor ENTRYPOINT runs "
                                                                "IIS; do not replace it"));
    }
    return problems;
}

QStringList DockerfileChecks::all(const DockerfileParser::Parsed &file, const ImageCatalogue &catalogue,
                                  const QDate &planDate, int port)
{
    return baseImageInCatalogue(file, catalogue, planDate) + noFeatureInstalls(file) + nothingInstalledOnNano(file) +
           noRemoteAdd(file) + exposesPort(file, port) + keepsIisEntrypoint(file);
}

} // namespace landfall
