#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace landfall {

/** The consultant's answers about one VM, the attributes of classification.md. Each holds one
    of its allowed values; "unknown" (the default) is not the same as "no". The values are read
    and written as their keys so that rules, files and editors all speak the same words, and
    kept as the key's place among the allowed values: a byte each, not a string, for the
    100,000 VMs an import holds. */
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

    QString value(Attribute attribute) const { return choices(attribute)[m_choices[index(attribute)]]; }
    /** Sets a value after checking it against the allowed ones; false (and no change) if not allowed. */
    bool setValue(Attribute attribute, const QString &value);
    bool isUnknown(Attribute attribute) const
    {
        return m_choices[index(attribute)] == choices(attribute).size() - 1; // the last choice is "unknown"
    }
    /** True when the consultant has answered nothing at all about this VM. */
    bool isAllUnknown() const;

    friend bool operator==(const WorkshopAnswers &, const WorkshopAnswers &) = default;

private:
    static int index(Attribute attribute) { return static_cast<int>(attribute); }
    /** The allowed values of `attribute`, split once for the whole program. */
    static const QStringList &choices(Attribute attribute);
    std::array<quint8, kAttributeCount> m_choices; ///< per attribute, the place of its value in choices()
};

} // namespace landfall
