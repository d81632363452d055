#pragma once

#include "advisor/imagecatalogue.h"
#include "domain/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace landfall {

/** One instruction of a Dockerfile: its keyword (upper case), its arguments as written (line
    continuations joined), the JSON form's strings where it is in JSON form, and its line. */
struct DockerInstruction {
    QString keyword;
    QString arguments;
    QStringList json; ///< the exec form's strings; empty for the shell form
    bool jsonForm = false;
    int line = 0;
};

/** A Dockerfile read as BuildKit's frontend reads it: parser directives, comments, line
    continuations with the escape character, keywords and the JSON (exec) form. Landfall checks
    the Dockerfiles it writes with it, since the Windows images cannot be built here. */
class DockerfileParser {
public:
    struct Parsed {
        QChar escape = u'\\';
        QList<DockerInstruction> instructions;
    };
    /** The instructions, or "line N: what is wrong". */
    static Result<Parsed, QString> parse(const QString &text);
};

/** The rules a Landfall Dockerfile must keep (classification.md and issue 15), each its own
    check so that each is tested on its own. Each returns the problems found, empty when none. */
class DockerfileChecks {
public:
    /** FROM names a repository:tag of the catalogue, with a version tag (no latest, no floating
        stable-slim), supported at `planDate`. */
    static QStringList baseImageInCatalogue(const DockerfileParser::Parsed &file, const ImageCatalogue &catalogue,
                                            const QDate &planDate);
    /** No Windows feature installs (dism /enable-feature, Install-WindowsFeature,
        Enable-WindowsOptionalFeature): a container cannot add NetFx3 without its sources, and IIS
        comes with the aspnet images. */
    static QStringList noFeatureInstalls(const DockerfileParser::Parsed &file);
    /** Nothing is installed on Nano Server: no RUN at all (no MSI, no PowerShell, no IIS). */
    static QStringList nothingInstalledOnNano(const DockerfileParser::Parsed &file);
    /** No ADD of a URL: a build that downloads is not reproducible. */
    static QStringList noRemoteAdd(const DockerfileParser::Parsed &file);
    /** Exactly one EXPOSE, of `port` (the manifest's containerPort); none for a batch job is fine
        when `port` is 0. */
    static QStringList exposesPort(const DockerfileParser::Parsed &file, int port);
    /** The aspnet images keep their own ENTRYPOINT (ServiceMonitor and IIS): none is set over it. */
    static QStringList keepsIisEntrypoint(const DockerfileParser::Parsed &file);
    /** Every check; `port` as for exposesPort. */
    static QStringList all(const DockerfileParser::Parsed &file, const ImageCatalogue &catalogue, const QDate &planDate,
                           int port);
};

} // namespace landfall
