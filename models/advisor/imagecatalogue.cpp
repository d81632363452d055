#include "imagecatalogue.h"

#include "formatteddocument.h"
#include "shippeddata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace landfall {

namespace {

std::optional<QString> requireString(const QJsonObject &object, const char *key, const QString &where, QString &out)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return QStringLiteral("%1: '%2' is missing or not a text").arg(where, QLatin1String(key));
    out = value.toString();
    return std::nullopt;
}

std::optional<QString> readTag(const QJsonValue &value, bool windows, const QString &where, ImageTag &tag)
{
    if (!value.isObject())
        return QString(where + QStringLiteral(": expected an object with tag, sizeMiB, endOfSupport and source"));
    const QJsonObject object = value.toObject();
    if (auto problem = requireString(object, "tag", where, tag.tag))
        return problem;
    if (windows) {
        if (auto problem = requireString(object, "windowsBuild", where, tag.windowsBuild))
            return problem;
    }
    if (!object.value(QStringLiteral("sizeMiB")).isDouble() || object.value(QStringLiteral("sizeMiB")).toDouble() <= 0)
        return QString(where + QStringLiteral(": 'sizeMiB' must be a positive number (the image's size on disk)"));
    tag.sizeMiB = object.value(QStringLiteral("sizeMiB")).toDouble();
    QString date;
    if (auto problem = requireString(object, "endOfSupport", where, date))
        return problem;
    tag.endOfSupport = QDate::fromString(date, Qt::ISODate);
    if (!tag.endOfSupport.isValid())
        return QStringLiteral("%1: endOfSupport '%2' is not a date; expected YYYY-MM-DD").arg(where, date);
    if (auto problem = requireString(object, "source", where, tag.source))
        return QString(*problem + QStringLiteral(" (every date needs its source)"));
    return std::nullopt;
}

} // namespace

Result<ImageCatalogue, QString> ImageCatalogue::parse(const QByteArray &json, const QString &source)
{
    Result<QJsonObject, QString> opened = FormattedDocument::open(json, source, kFormat);
    if (!opened)
        return opened.error();
    const QJsonObject root = opened.value();
    ImageCatalogue catalogue;
    catalogue.m_reviewed = root.value(QStringLiteral("reviewed")).toString();
    const QJsonArray images = root.value(QStringLiteral("images")).toArray();
    if (images.isEmpty())
        return QStringLiteral("%1: 'images' must be a non-empty list").arg(source);
    for (qsizetype i = 0; i < images.size(); ++i) {
        const QString where = QStringLiteral("%1: images[%2]").arg(source).arg(i);
        const QJsonObject object = images[i].toObject();
        CatalogueImage image;
        for (const auto &[key, out] : {std::pair{"id", &image.id}, std::pair{"repository", &image.repository},
                                       std::pair{"os", &image.os}, std::pair{"family", &image.family}}) {
            if (auto problem = requireString(object, key, where, *out))
                return *problem;
        }
        if (image.os != QLatin1String("windows") && image.os != QLatin1String("linux"))
            return QStringLiteral("%1: os '%2' is not windows or linux").arg(where, image.os);
        static const QStringList kFamilies = {QStringLiteral("nanoserver"), QStringLiteral("servercore"),
                                              QStringLiteral("windows"), QStringLiteral("linux")};
        if (!kFamilies.contains(image.family))
            return QStringLiteral("%1: family '%2' is not one of %3").arg(where, image.family, kFamilies.join(u", "));
        for (const QJsonValue &need : object.value(QStringLiteral("serves")).toArray())
            image.serves.append(need.toString());
        if (image.serves.isEmpty())
            return QString(where + QStringLiteral(": 'serves' must list the stacks the image serves"));
        const QJsonArray tags = object.value(QStringLiteral("tags")).toArray();
        if (tags.isEmpty())
            return QString(where + QStringLiteral(": 'tags' must be a non-empty list"));
        for (qsizetype t = 0; t < tags.size(); ++t) {
            ImageTag tag;
            if (auto problem = readTag(tags[t], image.windows(),
                                       QStringLiteral("%1 ('%2').tags[%3]").arg(where, image.id).arg(t), tag))
                return *problem;
            image.tags.append(tag);
        }
        catalogue.m_images.append(image);
    }
    return catalogue;
}

const ImageCatalogue &ImageCatalogue::shipped()
{
    static const ImageCatalogue catalogue =
        loadShippedData<ImageCatalogue>(QStringLiteral(":/landfall/advisor/image-catalogue.json"),
                                        QStringLiteral("image-catalogue.json"), "the image catalogue");
    return catalogue;
}

std::optional<CataloguePick> ImageCatalogue::first(const std::function<bool(const CatalogueImage &)> &fits,
                                                   const QString &windowsBuild, const QDate &planDate) const
{
    for (const CatalogueImage &image : m_images) {
        if (!fits(image))
            continue;
        for (const ImageTag &tag : image.tags) {
            if (image.windows() && tag.windowsBuild != windowsBuild)
                continue;
            if (tag.endOfSupport < planDate)
                continue; // never choose an image past its support
            return CataloguePick{&image, &tag, image.repository + u':' + tag.tag};
        }
    }
    return std::nullopt;
}

std::optional<CataloguePick> ImageCatalogue::pick(const QString &os, const QString &need, const QString &windowsBuild,
                                                  const QDate &planDate) const
{
    return first([&](const CatalogueImage &image) { return image.os == os && image.serves.contains(need); },
                 windowsBuild, planDate);
}

std::optional<CataloguePick> ImageCatalogue::pickFamily(const QString &family, const QString &windowsBuild,
                                                        const QDate &planDate) const
{
    // The plain OS images, not a runtime image that happens to be of the family.
    static const QStringList kOsRepositories = {
        QStringLiteral("mcr.microsoft.com/windows/nanoserver"), QStringLiteral("mcr.microsoft.com/windows/servercore"),
        QStringLiteral("mcr.microsoft.com/windows/server"), QStringLiteral("mcr.microsoft.com/windows")};
    return first(
        [&](const CatalogueImage &image) {
            return image.family == family && kOsRepositories.contains(image.repository);
        },
        windowsBuild, planDate);
}

std::optional<CataloguePick> ImageCatalogue::find(const QString &reference) const
{
    for (const CatalogueImage &image : m_images) {
        for (const ImageTag &tag : image.tags) {
            if (reference == image.repository + u':' + tag.tag)
                return CataloguePick{&image, &tag, reference};
        }
    }
    return std::nullopt;
}

QString ImageCatalogue::whyNone(const QString &os, const QString &need, const QString &windowsBuild,
                                const QDate &planDate) const
{
    QStringList ended;
    for (const CatalogueImage &image : m_images) {
        if (image.os != os || !image.serves.contains(need))
            continue;
        for (const ImageTag &tag : image.tags) {
            if ((!image.windows() || tag.windowsBuild == windowsBuild) && tag.endOfSupport < planDate)
                ended.append(QStringLiteral("%1:%2 (support ended %3)")
                                 .arg(image.repository, tag.tag, tag.endOfSupport.toString(Qt::ISODate)));
        }
    }
    if (!ended.isEmpty())
        return QStringLiteral("every catalogue image for %1 is past its end of support at the plan's date %2: %3")
            .arg(need, planDate.toString(Qt::ISODate), ended.join(QLatin1String(", ")));
    return os == QLatin1String("windows")
               ? QStringLiteral("the image catalogue has no %1 image for Windows build %2").arg(need, windowsBuild)
               : QStringLiteral("the image catalogue has no Linux image for %1").arg(need);
}

} // namespace landfall
