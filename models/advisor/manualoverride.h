#pragma once

#include "domain/decision.h"

#include <QString>

namespace landfall {

/** A consultant's hand-set path for a VM. It is keyed by the VM's identity, not its row, so
    that it outlives re-imports and re-classification. */
struct ManualOverride {
    QString identityKey;
    MigrationPath path = MigrationPath::Rehost;
    QString note;
    QString setAt; ///< ISO 8601, UTC

    friend bool operator==(const ManualOverride &, const ManualOverride &) = default;
};

} // namespace landfall
