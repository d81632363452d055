#pragma once

#include "pricebook.h"

#include "density/scenario.h"

#include <QJsonObject>

#include <optional>

namespace landfall {

/** Prices the node sizes a scenario mixes from the project's price book, so that the density
    engine chooses the mix that costs least; models/density knows no price book, so the prices
    are passed in on the scenario. */
class NodeSizePricing {
public:
    /** The size a node of that shape is bought as, at the Windows licence-included rate or not:
        the SKU the scenario names (`node.sku`) when the shape is the scenario's node, else the
        cheapest SKU of exactly that shape, else the cheapest that holds it (as the cost model). */
    static std::optional<VmSku> skuFor(const PriceBook &book, const Scenario &scenario, const QJsonObject &rawScenario,
                                       int vcpu, double memoryGiB, bool windowsLicenceIncluded, bool kata = false);
    /** The scenario, with each size of `nodeSizes` that has no hourly price of its own taking
        both rates (Linux, Windows licence included) from its SKU, when the scenario mixes sizes.
        The engine then pays the Windows rate on Windows pools unless Hybrid Benefit. A size that
        no SKU holds stays unpriced (the mix then counts nodes). */
    static Scenario priced(const Scenario &scenario, const QJsonObject &rawScenario, const PriceBook &book);
};

} // namespace landfall
