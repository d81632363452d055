// libFuzzer target: the advisor's rule-set JSON parser, and writing back what it accepted.
#include "advisor/rulesetjson.h"
#include "fuzzsupport.h"

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
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    auto rules = RuleSetJson::parse(json, QStringLiteral("fuzz.json"));
    if (rules) {
        // What was accepted must write and read back: a project stores the rules this way.
        const QByteArray written = RuleSetJson::write(*rules);
        if (!RuleSetJson::parse(written, QStringLiteral("fuzz-written.json")))
            __builtin_trap();
    }
    return 0;
}
