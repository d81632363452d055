#pragma once

#include "domain/workshopanswers.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace landfall {

/** The fields a rule condition can test, and the values each allows: one list shared by the
    rule file's reader, the validator and the engine, so that all three agree. */
class RuleFields {
public:
    enum class Field {
        Role,
        Stack,
        Gui,
        KernelDriver,
        WindowsAuth,
        SourceAvailable,
        ChangeRate,
        Trust,
        Decommission,
        MustStayOnPrem, // the ten workshop attributes, in WorkshopAnswers::Attribute order
        Answered,
        PowerState,
        OsType,
        OsFamily,
        OsVersion,
        OsBuild,
        Vcpu,
        MemoryMiB,
    };
    static constexpr int kFieldCount = 18;

    /** How a field compares: words from a closed list, free words, numbers or builds. */
    enum class Kind { Words, FreeWords, Number, Build };

    static std::optional<Field> fromKey(const QString &key);
    static QString key(Field field);
    static Kind kind(Field field);
    /** The allowed words of a Words field, in a fixed order (the engine indexes them). */
    static const QStringList &allowedValues(Field field);
    static QStringList allKeys();
    static std::optional<WorkshopAnswers::Attribute> attribute(Field field);
};

} // namespace landfall
