#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace landfall {

/** The consultant's answers about one VM, the attributes of classification.md. Each holds one
    of its allowed values; "unknown" (the default) is not the same as "no". The values are kept
    as their keys so that rules, files and editors all speak the same words. */
class WorkshopAnswers {
public:
    enum class Attribute {
        Role,
        Stack,
        Gui,
        KernelDriver,
        WindowsAuth,
        SourceAvailable,
        ChangeRate,
        Trust,
        Decommission,
        MustStayOnPrem,
    };
    static constexpr int kAttributeCount = 10;

    /** The attribute's key as in files and rules: "role", "kernelDriver", ... */
    static QString key(Attribute attribute);
    static std::optional<Attribute> attributeForKey(const QString &key);
    static QStringList allowedValues(Attribute attribute);
    static QString unknownValue(Attribute attribute);
    static const std::array<Attribute, kAttributeCount> &attributes();

    WorkshopAnswers();

    QString value(Attribute attribute) const { return m_values[index(attribute)]; }
    /** Sets a value after checking it against the allowed ones; false (and no change) if not allowed. */
    bool setValue(Attribute attribute, const QString &value);
    bool isUnknown(Attribute attribute) const { return value(attribute) == unknownValue(attribute); }
    /** True when the consultant has answered nothing at all about this VM. */
    bool isAllUnknown() const;

    friend bool operator==(const WorkshopAnswers &, const WorkshopAnswers &) = default;

private:
    static int index(Attribute attribute) { return static_cast<int>(attribute); }
    std::array<QString, kAttributeCount> m_values;
};

} // namespace landfall
