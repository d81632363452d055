// libFuzzer target: the whole inventory read path (format detection, the table readers, the
// row mapper with its unit and OS parsing), as an import runs it, from memory instead of a file.
#include "fuzzsupport.h"
#include "io/inventoryreader.h"

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
    const QByteArray content(reinterpret_cast<const char *>(data), qsizetype(size));
    ImportOptions options;
    options.skipBadRows = true; // both ways through: bad rows kept as issues and good rows mapped
    const ParsedInventory parsed = InventoryReader::readContent(content, QStringLiteral("fuzz.csv"), options);
    for (const ImportIssue &issue : parsed.issues)
        (void)issue.toString();
    for (const MappedRow &row : parsed.rows)
        (void)row.vm.identityKey();
    return 0;
}
