// landfall_mimecheck FILE...: prints the MIME type Qt's QMimeDatabase gives each file, one a line.
// The package check runs it with XDG_DATA_DIRS pointing at the unpacked package, to test the
// installed shared-mime-info rules (glob and magic) with the engine a Qt desktop uses.
#include <QCoreApplication>
#include <QMimeDatabase>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList files = QCoreApplication::arguments().mid(1);
    QTextStream out(stdout);
    const QMimeDatabase database;
    for (const QString &file : files)
        out << database.mimeTypeForFile(file).name() << '\n';
    return files.isEmpty() ? 2 : 0;
}
