#include "ziparchive.h"

#include <QIODevice>

#include <minizip/unzip.h>

namespace landfall {

namespace {

constexpr qint64 kChunkBytes = 1 << 16;

// minizip's I/O callbacks, over the QIODevice passed as `opaque`.
QIODevice *deviceOf(voidpf opaque)
{
    return static_cast<QIODevice *>(opaque);
}

voidpf openDevice(voidpf opaque, const void *, int)
{
    return opaque;
}

uLong readDevice(voidpf opaque, voidpf, void *buffer, uLong size)
{
    const qint64 read = deviceOf(opaque)->read(static_cast<char *>(buffer), qint64(size));
    return read < 0 ? 0 : uLong(read);
}

uLong writeDevice(voidpf, voidpf, const void *, uLong)
{
    return 0; // read-only
}

ZPOS64_T tellDevice(voidpf opaque, voidpf)
{
    return ZPOS64_T(deviceOf(opaque)->pos());
}

long seekDevice(voidpf opaque, voidpf, ZPOS64_T offset, int origin)
{
    QIODevice *device = deviceOf(opaque);
    qint64 target = qint64(offset);
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        target += device->pos();
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        target += device->size();
    return target >= 0 && target <= device->size() && device->seek(target) ? 0 : -1;
}

int closeDevice(voidpf, voidpf)
{
    return 0; // the device belongs to the caller
}

int testDevice(voidpf, voidpf)
{
    return 0;
}

} // namespace

ZipArchive::ZipArchive(QIODevice *device)
    : m_device(device)
{
    zlib_filefunc64_def functions{};
    functions.zopen64_file = openDevice;
    functions.zread_file = readDevice;
    functions.zwrite_file = writeDevice;
    functions.ztell64_file = tellDevice;
    functions.zseek64_file = seekDevice;
    functions.zclose_file = closeDevice;
    functions.zerror_file = testDevice;
    functions.opaque = m_device;
    m_handle = unzOpen2_64("device", &functions);
}

ZipArchive::~ZipArchive()
{
    if (m_entryOpen)
        unzCloseCurrentFile(m_handle);
    if (m_handle != nullptr)
        unzClose(m_handle);
}

QStringList ZipArchive::entryNames() const
{
    QStringList names;
    if (m_handle == nullptr)
        return names;
    for (int status = unzGoToFirstFile(m_handle); status == UNZ_OK; status = unzGoToNextFile(m_handle)) {
        unz_file_info64 info{};
        char name[1024];
        if (unzGetCurrentFileInfo64(m_handle, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK)
            break;
        names.append(QString::fromUtf8(name));
    }
    return names;
}

qint64 ZipArchive::declaredSize(const QString &name) const
{
    if (m_handle == nullptr || unzLocateFile(m_handle, name.toUtf8().constData(), 2) != UNZ_OK)
        return -1;
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(m_handle, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return -1;
    return qint64(info.uncompressed_size);
}

bool ZipArchive::openEntry(const QString &name)
{
    if (m_handle == nullptr)
        return false;
    if (m_entryOpen) {
        unzCloseCurrentFile(m_handle);
        m_entryOpen = false;
    }
    if (unzLocateFile(m_handle, name.toUtf8().constData(), 2) != UNZ_OK || unzOpenCurrentFile(m_handle) != UNZ_OK)
        return false;
    m_entryOpen = true;
    return true;
}

qint64 ZipArchive::readOpenEntry(char *buffer, qint64 size)
{
    if (!m_entryOpen)
        return 0;
    const int read = unzReadCurrentFile(m_handle, buffer, unsigned(qMin<qint64>(size, 1 << 30)));
    if (read > 0)
        return read;
    m_entryOpen = false;
    // At the end of the entry its CRC is checked: a damaged one fails here, not while reading.
    const bool crcOk = unzCloseCurrentFile(m_handle) == UNZ_OK;
    return read == 0 && crcOk ? 0 : -1;
}

ZipArchive::Entry ZipArchive::read(const QString &name, qint64 maxBytes) const
{
    Entry entry;
    if (m_handle == nullptr)
        return entry;
    // 2: compare names case-insensitively, as Office does.
    if (unzLocateFile(m_handle, name.toUtf8().constData(), 2) != UNZ_OK)
        return entry;
    if (unzOpenCurrentFile(m_handle) != UNZ_OK) {
        entry.status = Entry::Status::Damaged;
        return entry;
    }
    entry.status = Entry::Status::Ok;
    QByteArray chunk(kChunkBytes, Qt::Uninitialized);
    while (true) {
        const int read = unzReadCurrentFile(m_handle, chunk.data(), unsigned(chunk.size()));
        if (read < 0) {
            entry.status = Entry::Status::Damaged;
            break;
        }
        if (read == 0)
            break;
        if (entry.content.size() + read > maxBytes) {
            entry.status = Entry::Status::TooLarge;
            break;
        }
        entry.content.append(chunk.constData(), read);
    }
    // A bad CRC shows only at the end of an entry.
    if (unzCloseCurrentFile(m_handle) != UNZ_OK && entry.status == Entry::Status::Ok)
        entry.status = Entry::Status::Damaged;
    if (entry.status != Entry::Status::Ok)
        entry.content.clear();
    return entry;
}

} // namespace landfall
