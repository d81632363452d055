#pragma once

#include <QtGlobal>

namespace landfall::test {

/** A test's wait, in milliseconds, times LANDFALL_TEST_TIMEOUT_SCALE when that is set above 1:
    under AddressSanitizer everything runs several times slower, and a wait must not fail for
    that alone (tools/run-sanitizers.sh sets it). Without it the wait is as written. */
inline int scaledTimeout(int milliseconds)
{
    bool ok = false;
    const int scale = qEnvironmentVariableIntValue("LANDFALL_TEST_TIMEOUT_SCALE", &ok);
    return ok && scale > 1 ? milliseconds * scale : milliseconds;
}

} // namespace landfall::test
