#pragma once

#include <QObject>
#include <QStringList>

namespace landfall {

/** The recently used projects, newest first, kept in QSettings so they survive a restart. */
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaximum = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    /** Puts `path` first (once) and saves the list. */
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void save();

    QStringList m_files;
};

} // namespace landfall
