#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

#include <minizip/zip.h>

namespace landfall::test {

/** Writes a zip archive of named entries with minizip (the library Landfall reads zips with),
    for tests that need workbooks, damaged ones and zip bombs. An entry may repeat its content
    `repeat` times, so a huge entry costs no memory. */
struct ZipEntrySpec {
    QString name;
    QByteArray content;
    int repeat = 1;
};

inline bool writeZip(const QString &path, const QList<ZipEntrySpec> &entries)
{
    zipFile zip = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    if (zip == nullptr)
        return false;
    bool ok = true;
    for (const ZipEntrySpec &entry : entries) {
        ok = ok && zipOpenNewFileInZip64(zip, entry.name.toUtf8().constData(), nullptr, nullptr, 0, nullptr, 0, nullptr,
                                         Z_DEFLATED, Z_DEFAULT_COMPRESSION, 1) == ZIP_OK;
        for (int i = 0; ok && i < entry.repeat; ++i)
            ok = zipWriteInFileInZip(zip, entry.content.constData(), unsigned(entry.content.size())) == ZIP_OK;
        ok = ok && zipCloseFileInZip(zip) == ZIP_OK;
    }
    return zipClose(zip, nullptr) == ZIP_OK && ok;
}

} // namespace landfall::test
