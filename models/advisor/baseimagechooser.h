#pragma once

#include "rule.h"
#include "vmfacts.h"
#include "windowsbuild.h"

#include <QString>

#include <optional>

namespace landfall {

/** The image families of classification.md, smallest first. */
enum class ImageFamily { NanoServer, ServerCore, Windows, Linux };

/** The base image picked for a workload, or why there is none. */
struct BaseImage {
    bool found = false;
    ImageFamily family = ImageFamily::Linux;
    QString reference;                 ///< "mcr.microsoft.com/windows/servercore:ltsc2022"
    std::optional<WindowsBuild> build; ///< the Windows build the image carries; none for Linux
    QString why;                       ///< why this image (or why none), in words
    QString condition;                 ///< something the consultant must check, or empty
};

/** Picks the base image for a containerized workload from its stack, GUI needs, role and OS,
    with the tag of the node pool's Windows build (classification.md, rule 10's table). */
class BaseImageChooser {
public:
    /** `hostBuild` is the node pool's or container host's build. */
    explicit BaseImageChooser(const WindowsBuild &hostBuild);

    /** `pinnedBuild`: a rule's imageBuild, empty to follow the host. */
    BaseImage choose(ImageChoice choice, const VmFacts &facts, const QString &pinnedBuild = {}) const;

    /** The full reference of a Windows image family on a build, empty when none is published. */
    static QString windowsReference(ImageFamily family, const WindowsBuild &build);
    /** The Linux image for a stack ("eclipse-temurin:21-jre" for java). */
    static QString linuxReference(const QString &stack);
    /** The Windows Server build whose images run on `host`: itself, or for a client host the
        newest server build not newer than it. */
    static WindowsBuild imageBuildFor(const WindowsBuild &host);

private:
    BaseImage windowsImage(ImageFamily family, const WindowsBuild &build, const QString &why) const;

    // Worked out once: choose() runs for every containerizable VM of the estate.
    WindowsBuild m_imageBuild;
    QString m_windowsReferences[3]; ///< NanoServer, ServerCore, Windows on m_imageBuild
    QStringList m_linuxReferences;  ///< by stack index
    QStringList m_linuxWhy;         ///< by stack index
    QStringList m_runtimeWhy;       ///< by stack index: Server Core for a runtime Nano Server lacks
};

} // namespace landfall
