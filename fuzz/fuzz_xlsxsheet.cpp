// libFuzzer target: the XML inside a workbook. Mutating a zip rarely gets past its checksums, so
// this target zips the input itself: the part before a line "--sheet--" becomes the shared
// strings, the rest the vInfo sheet, and the xlsx reader reads the resulting workbook.
#include "fuzzsupport.h"
#include "io/xlsxreader.h"

#include <minizip/zip.h>

#include <QDir>
#include <QFile>

#include <unistd.h>

#include <cstddef>
#include <cstdint>

namespace {

QByteArray zipOf(const QByteArray &path, const QList<std::pair<const char *, QByteArray>> &entries)
{
    zipFile zip = zipOpen(path.constData(), APPEND_STATUS_CREATE);
    if (zip == nullptr)
        return {};
    for (const auto &[name, content] : entries) {
        zip_fileinfo info{};
        // Stored, not deflated: the fuzzer's time goes into the reader, not into zlib.
        zipOpenNewFileInZip(zip, name, &info, nullptr, 0, nullptr, 0, nullptr, 0, 0);
        zipWriteInFileInZip(zip, content.constData(), unsigned(content.size()));
        zipCloseFileInZip(zip);
    }
    zipClose(zip, nullptr);
    QFile file(QString::fromLocal8Bit(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    landfall::fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace landfall;
    static const QByteArray path =
        QDir::temp().filePath(QStringLiteral("landfall-fuzz-%1.xlsx").arg(getpid())).toLocal8Bit();
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype split = input.indexOf("\n--sheet--\n");
    const QByteArray strings = split < 0 ? QByteArray() : input.left(split);
    const QByteArray sheet = split < 0 ? input : input.mid(split + 11);
    QList<std::pair<const char *, QByteArray>> entries{
        {"xl/workbook.xml",
         "<workbook xmlns:r=\"r\"><sheets><sheet name=\"vInfo\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", sheet}};
    if (!strings.isEmpty())
        entries.append({"xl/sharedStrings.xml", strings});
    const QByteArray workbook = zipOf(path, entries);
    constexpr qint64 kFuzzCap = 64 * 1024 * 1024;
    XlsxReader reader(workbook, QStringLiteral("fuzz.xlsx"), QStringLiteral("vInfo"), kFuzzCap);
    Record record;
    while (reader.next(record)) {
        if (record.fields.size() != size_t(reader.header().size()))
            __builtin_trap();
    }
    return 0;
}
