#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

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

    /** The names of every entry, in the order of the central directory. */
    QStringList entryNames() const;
    /** The size the archive declares for `name` once unpacked (untrusted: a bound, not a fact); -1 if absent. */
    qint64 declaredSize(const QString &name) const;

    /** Opens `name` for reading in pieces with readOpenEntry(); false when it is missing or damaged. */
    bool openEntry(const QString &name);
    /** The next bytes of the open entry into `buffer`: how many, 0 at its end, -1 when it is damaged
        (a bad CRC shows only at the end). */
    qint64 readOpenEntry(char *buffer, qint64 size);

private:
    QIODevice *m_device;
    void *m_handle = nullptr;
    bool m_entryOpen = false;
};

} // namespace landfall
