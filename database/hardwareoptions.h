#pragma once
// The catalogue's server templates and cloud instances as units the build
// search (core/search) can buy or rent any number of.

#include "core/search/recommender.h"
#include "database/catalogue.h"

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

} // namespace planner
