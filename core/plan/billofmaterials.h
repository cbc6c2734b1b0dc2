#pragma once
// A scenario's bill of materials as the proposal lists it: every on-prem part
// with its quantity, unit price, line total and price source, the integration
// per server when the assumptions set one, and the capital they add up to
// (the figure onPremCost counts); every cloud instance type with its count,
// hourly price in the scenario's tier and monthly bill (the figure cloudCost
// counts). A line without a price has no total, and the sum it belongs to is
// then a lower bound: parts are never counted as free.

#include "core/plan/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct BillLine {
    std::string id;
    std::string name;
    int quantity = 0;
    std::optional<double> unitUsd;  // nullopt: no price known
    std::optional<double> totalUsd; // unit x quantity; nullopt without a price
    std::string source;             // where the price comes from, with its date
};

struct CloudBillLine {
    std::string id;
    std::string name; // provider and the provider's own name
    int quantity = 0;
    std::optional<double> usdPerHour; // one instance in the tier; nullopt: no price in it
    std::optional<double> monthlyUsd; // all of them for a month of the scenario's hours
    std::string source;               // price page, date and region
};

struct ScenarioBill {
    std::vector<BillLine> parts;    // on-prem servers: chassis and parts, then integration
    double capexUsd = 0;            // what onPremCost counts as capital
    bool capexIsLowerBound = false; // some part has no price
    std::vector<CloudBillLine> instances;
    double monthlyCloudUsd = 0;     // what cloudCost counts for the instances
    bool cloudIsLowerBound = false; // some instance has no price in the tier
};

ScenarioBill billOf(const Scenario &scenario, const PartSnapshot &parts);

} // namespace planner
