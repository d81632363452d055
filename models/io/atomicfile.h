#pragma once

#include <QIODevice>
#include <QString>

#include <optional>

namespace landfall {

/** A file that is written whole or not at all, for every export and report: the bytes go to a
    temporary file of a unique name in the same folder, every write is checked (a full disk is
    an error, never a short file), the file is flushed to disk, and only then renamed over the
    old one, which stays as it was on any failure. A process killed half way leaves the old file
    and a temporary of its own name, never one a later run could mistake for its own. */
class AtomicFile : public QIODevice {
public:
    explicit AtomicFile(QString path);
    ~AtomicFile() override; ///< removes the temporary file unless commit() succeeded

    /** Creates the temporary file; WriteOnly is the only mode. */
    bool open(OpenMode mode) override;
    /** Checks that every write succeeded, syncs the file to disk and renames it over the
        target; false (with errorString()) otherwise, and the target is untouched. */
    bool commit();
    /** Drops what was written; the target stays as it was. */
    void cancel();

    QString path() const { return m_path; }
    QString temporaryPath() const { return m_temporary; }

    /** Writes `bytes` as the whole of `path`; the error in words, or nothing. */
    static std::optional<QString> writeWhole(const QString &path, QByteArrayView bytes);
    /** A new empty file of a unique name beside `path`, for a writer that opens files by name
        (libxlsxwriter); pass it to commitWritten() or remove it. Empty on a failure. */
    static QString createTemporaryBeside(const QString &path, QString *error = nullptr);
    /** Syncs `temporary` (written by another writer) and renames it over `path`; on a failure
        the temporary is removed and the error returned. */
    static std::optional<QString> commitWritten(const QString &temporary, const QString &path);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    void fail(const QString &what, int error);

    QString m_path;
    QString m_temporary;
    int m_descriptor = -1;
    bool m_failed = false;
    bool m_committed = false;
};

} // namespace landfall
