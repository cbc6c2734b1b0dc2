#pragma once
// The catalogue's server templates and cloud instances as units the build
// search (core/search) can buy or rent any number of.

#include "core/search/recommender.h"
#include "database/catalogue.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct HardwareOptionList {
    std::vector<HardwareOption> options;
    std::vector<std::string> skipped; // rows that name a part the catalogue lacks
};

// Servers with their bill of materials and scale-out NICs; instances with
// their price in `tier` (nullopt where the provider publishes none).
HardwareOptionList hardwareOptions(const Catalogue &catalogue, CloudTier tier);

// What joins the units of a build whose replica spans several, as its
// option's `between` assumes: a server template's scale-out link and its
// port count, or for a cloud instance the catalogue's fastest Ethernet port
// that divides the instance's published network, as many as make it up
// (a p5.48xlarge's 3,200 Gb/s as 8 x 400 GbE). nullopt: the unit has no
// network, or no catalogue port adds up to it.
struct UnitLink {
    LinkSpec link;
    int ports = 0;
};
std::optional<UnitLink> unitLink(const Catalogue &catalogue, Placement placement, const std::string &id);

} // namespace planner
