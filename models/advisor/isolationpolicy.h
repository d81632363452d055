#pragma once

#include "advisorinputs.h"
#include "windowsbuild.h"

#include "domain/decision.h"

#include <optional>

namespace landfall {

/** Where a container lands and how it is isolated: one line of the isolation table. */
struct IsolationVerdict {
    enum class Outcome { Runs, NotSchedulable, CannotRun };
    enum class Placement { WindowsPool, DedicatedWindowsPool, LinuxPool, WindowsHost, ClientHost, LinuxHost };

    Outcome outcome = Outcome::Runs;
    Isolation isolation = Isolation::None; ///< None unless it runs
    Placement placement = Placement::WindowsPool;

    friend bool operator==(const IsolationVerdict &, const IsolationVerdict &) = default;
};

/** The isolation table of classification.md: which isolation a container gets on the target
    platform, or why it cannot be placed there. Kept apart from the engine so that each line of
    the table is tested on its own. */
class IsolationPolicy {
public:
    /** `imageBuild` is nullopt for a Linux image. */
    static IsolationVerdict decide(TargetPlatform platform, const WindowsBuild &hostBuild,
                                   const std::optional<WindowsBuild> &imageBuild, bool untrusted);
    /** A host that is Windows 10 or 11 rather than a Windows Server release. */
    static bool isClientHost(const WindowsBuild &hostBuild) { return !hostBuild.isServerLtsc(); }
};

} // namespace landfall
