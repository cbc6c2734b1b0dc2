#pragma once
// A price as the catalogue knows it: an amount with the date and region it was
// seen at, so every cost the planner shows can say how old it is.

#include <optional>
#include <string>

namespace planner {

struct Price {
    double usd = 0;
    std::string date;   // YYYY-MM or YYYY-MM-DD
    std::string region; // cloud region; empty for list prices
};

using OptionalPrice = std::optional<Price>;

} // namespace planner
