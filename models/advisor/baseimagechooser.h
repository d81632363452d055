#pragma once

#include "imagecatalogue.h"
#include "rule.h"
#include "vmfacts.h"
#include "windowsbuild.h"

#include <QDate>
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
    QDate endOfSupport;                ///< from the catalogue
    QString why;                       ///< why this image (or why none), in words
    QString condition;                 ///< something the consultant must check (lowers confidence), or empty
    QString note;                      ///< something worth checking that does not lower confidence, or empty
};

/** Picks the base image for a containerized workload from its stack, GUI needs, role and OS
    (classification.md, rule 10's table), out of the dated image catalogue: the tag of the node
    pool's Windows build, never an image past its end of support at the plan's date. */
class BaseImageChooser {
public:
    /** `hostBuild` is the node pool's or container host's build. */
    BaseImageChooser(const WindowsBuild &hostBuild, const ImageCatalogue &catalogue, const QDate &planDate);

    /** `pinnedBuild`: a rule's imageBuild, empty to follow the host. */
    BaseImage choose(ImageChoice choice, const VmFacts &facts, const QString &pinnedBuild = {}) const;

    /** The reference of the plain Windows image of a family on a build, empty when the catalogue
        has no supported one. */
    QString windowsReference(ImageFamily family, const WindowsBuild &build) const;
    /** The Windows Server build whose images run on `host`: itself, or for a client host the
        newest server build not newer than it. */
    static WindowsBuild imageBuildFor(const WindowsBuild &host);
    static QString familyKey(ImageFamily family); ///< "nanoserver", "servercore", "windows", "linux"

private:
    BaseImage fromCatalogue(const QString &os, const QString &need, const WindowsBuild &build,
                            const QString &why) const;
    BaseImage family(ImageFamily family, const WindowsBuild &build, const QString &why) const;

    WindowsBuild m_imageBuild;
    const ImageCatalogue &m_catalogue;
    QDate m_planDate;
};

} // namespace landfall
