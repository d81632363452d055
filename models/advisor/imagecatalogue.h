#pragma once

#include "domain/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

#include <optional>

namespace landfall {

/** One tag of a catalogue image: the Windows build it carries (empty for Linux), its size on
    disk and the date its support ends, with where that date comes from. */
struct ImageTag {
    QString windowsBuild;
    QString tag;
    double sizeMiB = 0;
    QDate endOfSupport;
    QString source;
};

/** One base image of the catalogue: a repository and the stacks it serves ("netfx4:web" for
    web workloads of a stack only, "gdi" and "directx" for GUI needs). */
struct CatalogueImage {
    QString id;
    QString repository;
    QString os;     ///< "windows" or "linux"
    QString family; ///< "nanoserver", "servercore", "windows" or "linux"
    QStringList serves;
    QList<ImageTag> tags;

    bool windows() const { return os == QLatin1String("windows"); }
};

/** A chosen image and tag, with its full reference ("repository:tag"). */
struct CataloguePick {
    const CatalogueImage *image = nullptr;
    const ImageTag *tag = nullptr;
    QString reference;
};

/** The dated base image catalogue (resources/advisor/image-catalogue.json): which images the
    advisor may choose, in order of preference, and until when each is supported. Data that
    changes with the world, so it is a file and not code. */
class ImageCatalogue {
public:
    static constexpr const char *kFormat = "landfall-image-catalogue";

    /** Reads a catalogue; every entry needs its repository, tag, size and a dated source. */
    static Result<ImageCatalogue, QString> parse(const QByteArray &json, const QString &source);
    /** The catalogue Landfall ships, read once. */
    static const ImageCatalogue &shipped();

    const QList<CatalogueImage> &images() const { return m_images; }
    QString reviewed() const { return m_reviewed; }

    /** The first image serving `need` on `os` with a tag for `windowsBuild` (ignored for Linux)
        whose support has not ended at `planDate`. */
    std::optional<CataloguePick> pick(const QString &os, const QString &need, const QString &windowsBuild,
                                      const QDate &planDate) const;
    /** The first Windows image of a family ("servercore") with a supported tag for the build. */
    std::optional<CataloguePick> pickFamily(const QString &family, const QString &windowsBuild,
                                            const QDate &planDate) const;
    /** The catalogue entry a full reference names, or nullopt when the catalogue has none. */
    std::optional<CataloguePick> find(const QString &reference) const;
    /** Why nothing was picked, in words: no tag for the build, or every tag past its support. */
    QString whyNone(const QString &os, const QString &need, const QString &windowsBuild, const QDate &planDate) const;

private:
    std::optional<CataloguePick> first(const std::function<bool(const CatalogueImage &)> &fits,
                                       const QString &windowsBuild, const QDate &planDate) const;

    QList<CatalogueImage> m_images;
    QString m_reviewed;
};

} // namespace landfall
