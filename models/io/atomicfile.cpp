#include "atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace landfall {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

/** Creates a unique file beside `path`; its descriptor, or -1 with errno set. */
int createUnique(const QString &path, QString &temporary)
{
    const QFileInfo target(path);
    // Hidden, named after the target and unique (mkstemp): two exports to one folder, or one
    // left by a killed process, never collide.
    QByteArray pattern =
        QFile::encodeName(target.absolutePath() + QLatin1String("/.") + target.fileName() + QLatin1String(".XXXXXX"));
    const int descriptor = ::mkstemp(pattern.data());
    if (descriptor >= 0) {
        temporary = QFile::decodeName(pattern);
        // mkstemp makes it 0600; an export is an ordinary file, as the umask allows.
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(descriptor, 0666 & ~mask);
    }
    return descriptor;
}

/** Makes a rename in `folder` durable; a folder that cannot be synced is not an error. */
void syncFolder(const QString &folder)
{
    const int descriptor = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (descriptor >= 0) {
        ::fsync(descriptor);
        ::close(descriptor);
    }
}

} // namespace

AtomicFile::AtomicFile(QString path)
    : m_path(std::move(path))
{}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
        cancel();
}

bool AtomicFile::open(OpenMode mode)
{
    if ((mode & ReadOnly) || m_descriptor >= 0) {
        setErrorString(QStringLiteral("an AtomicFile is opened once, for writing"));
        return false;
    }
    m_descriptor = createUnique(m_path, m_temporary);
    if (m_descriptor < 0) {
        setErrorString(QStringLiteral("cannot create a file in %1: %2")
                           .arg(QDir::toNativeSeparators(QFileInfo(m_path).absolutePath()), systemError(errno)));
        return false;
    }
    return QIODevice::open(mode | Unbuffered);
}

void AtomicFile::fail(const QString &what, int error)
{
    if (!m_failed)
        setErrorString(QStringLiteral("%1: %2").arg(what, systemError(error)));
    m_failed = true;
}

qint64 AtomicFile::readData(char *, qint64)
{
    return -1;
}

qint64 AtomicFile::writeData(const char *data, qint64 size)
{
    if (m_failed || m_descriptor < 0)
        return -1;
    qint64 done = 0;
    while (done < size) {
        const ssize_t written = ::write(m_descriptor, data + done, size_t(size - done));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            fail(QStringLiteral("writing failed"), written < 0 ? errno : ENOSPC);
            return -1;
        }
        done += written;
    }
    return done;
}

bool AtomicFile::commit()
{
    if (m_descriptor < 0) {
        setErrorString(QStringLiteral("the file was not opened"));
        return false;
    }
    QIODevice::close();
    if (!m_failed && ::fsync(m_descriptor) != 0)
        fail(QStringLiteral("writing to disk failed"), errno);
    if (::close(m_descriptor) != 0 && !m_failed)
        fail(QStringLiteral("writing to disk failed"), errno);
    m_descriptor = -1;
    if (!m_failed &&
        std::rename(QFile::encodeName(m_temporary).constData(), QFile::encodeName(m_path).constData()) != 0)
        fail(QStringLiteral("the finished file cannot replace %1").arg(m_path), errno);
    if (m_failed) {
        ::unlink(QFile::encodeName(m_temporary).constData());
        return false;
    }
    m_committed = true;
    syncFolder(QFileInfo(m_path).absolutePath());
    return true;
}

void AtomicFile::cancel()
{
    if (isOpen())
        QIODevice::close();
    if (m_descriptor >= 0) {
        ::close(m_descriptor);
        m_descriptor = -1;
    }
    if (!m_temporary.isEmpty() && !m_committed)
        ::unlink(QFile::encodeName(m_temporary).constData());
}

std::optional<QString> AtomicFile::writeWhole(const QString &path, QByteArrayView bytes)
{
    AtomicFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
    if (file.write(bytes.data(), bytes.size()) != bytes.size() || !file.commit())
        return QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
    return std::nullopt;
}

QString AtomicFile::createTemporaryBeside(const QString &path, QString *error)
{
    QString temporary;
    const int descriptor = createUnique(path, temporary);
    if (descriptor < 0) {
        if (error)
            *error = QStringLiteral("cannot create a file in %1: %2")
                         .arg(QFileInfo(path).absolutePath(), systemError(errno));
        return {};
    }
    ::close(descriptor);
    return temporary;
}

std::optional<QString> AtomicFile::commitWritten(const QString &temporary, const QString &path)
{
    const QByteArray name = QFile::encodeName(temporary);
    std::optional<QString> problem;
    const int descriptor = ::open(name.constData(), O_RDWR);
    if (descriptor < 0 || ::fsync(descriptor) != 0)
        problem = QStringLiteral("%1: cannot be written: writing to disk failed: %2").arg(path, systemError(errno));
    if (descriptor >= 0 && ::close(descriptor) != 0 && !problem)
        problem = QStringLiteral("%1: cannot be written: writing to disk failed: %2").arg(path, systemError(errno));
    if (!problem && std::rename(name.constData(), QFile::encodeName(path).constData()) != 0)
        problem = QStringLiteral("%1: cannot be written: the finished file cannot replace it: %2")
                      .arg(path, systemError(errno));
    if (problem) {
        ::unlink(name.constData());
        return problem;
    }
    syncFolder(QFileInfo(path).absolutePath());
    return std::nullopt;
}

} // namespace landfall
