// libFuzzer target: the CSV reader on its own, every record and every column converted.
#include "fuzzsupport.h"
#include "io/csvreader.h"

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
    CsvReader reader(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), QStringLiteral("fuzz.csv"));
    Record record;
    qsizetype characters = 0;
    while (reader.next(record)) {
        // Every field a reader returns is one per header column: anything else is a bug.
        if (record.fields.size() != size_t(reader.header().size()))
            __builtin_trap();
        for (const QString &field : record.fields)
            characters += field.size();
    }
    (void)reader.fractionRead();
    (void)reader.error();
    return characters < 0 ? 1 : 0;
}
