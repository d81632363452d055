// libFuzzer target: the xlsx reader (zip container, shared strings, sheet XML) from memory.
#include "fuzzsupport.h"
#include "io/xlsxreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    landfall::fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace landfall;
    // A small cap keeps each run fast; the cap's logic is the same at 1 GiB.
    constexpr qint64 kFuzzCap = 64 * 1024 * 1024;
    XlsxReader reader(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), QStringLiteral("fuzz.xlsx"),
                      QStringLiteral("vInfo"), kFuzzCap);
    Record record;
    while (reader.next(record)) {
        if (record.fields.size() != size_t(reader.header().size()))
            __builtin_trap();
    }
    (void)reader.fractionRead();
    return 0;
}
