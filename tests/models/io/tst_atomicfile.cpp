#include "io/atomicfile.h"
#include "io/tablewriters.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace landfall;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

/** Every export writes whole or not at all, and says so when it cannot (issue 21). */
class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void replacesTheOldFileOnlyWhenComplete()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.csv"));
        writeFile(path, "old");
        AtomicFile first(path);
        AtomicFile second(path);
        QVERIFY(first.open(QIODevice::WriteOnly));
        QVERIFY(second.open(QIODevice::WriteOnly));
        // Unique temporary names: two writers, or one a killed process left, never collide.
        QVERIFY(first.temporaryPath() != second.temporaryPath());
        QVERIFY(!first.temporaryPath().endsWith(QStringLiteral(".part")));
        QCOMPARE(first.write("new"), 3);
        QCOMPARE(contents(path), QByteArray("old")); // the old file stays until commit
        QVERIFY(first.commit());
        QCOMPARE(contents(path), QByteArray("new"));
        second.cancel();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("plan.csv")});
    }

    void anAbandonedWriteLeavesTheOldFileAndNoTemporary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.csv"));
        writeFile(path, "old");
        {
            AtomicFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("half");
        }
        QCOMPARE(contents(path), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("plan.csv")});
    }

    void aFullDiskFailsTheWriteAndLeavesTheOldFile()
    {
        // A full disk, made with RLIMIT_FSIZE in a child process (no tmpfs needed): a write past
        // the limit fails with EFBIG, as one on a full disk fails with ENOSPC.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.csv"));
        writeFile(path, "old");
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{4096, 4096};
            setrlimit(RLIMIT_FSIZE, &limit);
            PlanTable table;
            table.header = {QStringLiteral("name")};
            for (int n = 0; n < 5000; ++n)
                table.rows.append(QVariantList{QStringLiteral("vm-%1").arg(n)});
            const std::optional<QString> error = CsvTableWriter::write(table, path);
            _exit(error && error->contains(QStringLiteral("cannot be written")) ? 0 : 1);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        QCOMPARE(contents(path), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("plan.csv")});
    }

    void anXlsxCellOverTheLimitIsRefusedNotLeftEmpty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.xlsx"));
        PlanTable table;
        table.header = {QStringLiteral("name"), QStringLiteral("notes")};
        table.rows.append(QVariantList{QStringLiteral("vm-1"), QString(40000, u'x')});
        const std::optional<QString> error = XlsxTableWriter::write(table, path);
        QVERIFY(error);
        QVERIFY2(error->contains(QStringLiteral("row 2")) && error->contains(QStringLiteral("notes")) &&
                     error->contains(QStringLiteral("32767")),
                 qPrintable(*error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
        table.rows[0][1] = QString(32767, u'x'); // at the limit: written
        QVERIFY(!XlsxTableWriter::write(table, path));
        QVERIFY(QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
