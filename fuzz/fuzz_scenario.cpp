// libFuzzer target: the density engine's scenario JSON parser, and writing back what it accepted.
#include "density/scenario.h"
#include "fuzzsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

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
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!document.isObject())
        return 0;
    auto scenario = Scenario::fromJson(document.object());
    if (scenario) {
        // A project stores scenarios as their JSON: what was accepted must read back.
        if (!Scenario::fromJson(scenario->toJson()))
            __builtin_trap();
    }
    return 0;
}
