#pragma once

#include <QString>

namespace landfall {

/** The words the customer reads for each parameter of a scenario: "node.vcpu" is "vCPU of a
    node". A key without an entry is put in words from its own parts, so no raw key (any `a.b`
    name of the scenario's JSON) reaches the report. */
class ScenarioGlossary {
public:
    /** The parameter in words, for the key of a leaf of Scenario::toJson() ("overheads.kubeReservedMiB"). */
    static QString words(const QString &key);
    /** A parameter's value in words ("hybrid-benefit" -> "Azure Hybrid Benefit"); other values as they are. */
    static QString value(const QString &text);
    /** "writableLayerFloorGiB" -> "writable layer floor (GiB)": a camel-case key in words, units apart. */
    static QString fromCamelCase(const QString &part);
};

} // namespace landfall
