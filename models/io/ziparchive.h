#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace landfall {

/** Reads the entries of a zip archive, the container of an .xlsx workbook, through Debian's
    minizip, from any open QIODevice (a file, or bytes in memory).

    Why minizip and not QuaZip: QuaZip exports its own patched copies of minizip's functions,
    and libxlsxwriter (which writes our .xlsx exports) calls minizip's. With both in one
    process, the dynamic linker hands libxlsxwriter QuaZip's zipOpen3, and writing crashes. */
class ZipArchive {
public:
    struct Entry {
        enum class Status { Ok, Missing, Damaged, TooLarge };
        Status status = Status::Missing;
        QByteArray content;
    };

    explicit ZipArchive(QIODevice *device);
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    bool isOpen() const { return m_handle != nullptr; }
    /** The entry `name` (case-insensitive), unpacked; TooLarge once it passes `maxBytes`,
        whatever size the archive declares. */
    Entry read(const QString &name, qint64 maxBytes) const;

private:
    QIODevice *m_device;
    void *m_handle = nullptr;
};

} // namespace landfall
