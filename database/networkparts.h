#pragma once
// The catalogue's adapter, cable and switch for a scale-out link, kept in a
// plan beside the link so its bill of materials prices the network
// (core/plan/networkbill.h). Among the parts that serve the link, a priced
// one is preferred to an unpriced one, then the cheapest per port; a switch
// or cable as fast as the link before a faster one.

#include "core/hardware/linkspec.h"

namespace planner {

class Catalogue;

NetworkParts networkPartsFor(const Catalogue &catalogue, const LinkSpec &link);

} // namespace planner
