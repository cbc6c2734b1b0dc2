#pragma once
// A plan: the document the desktop application edits and saves.
//
// It holds the workload and the model versions to compare, one or more
// scenarios (each a topology with its deployment settings and cost
// assumptions, e.g. "on-prem 2x HGX H200" against "cloud p5.48xlarge"), and a
// snapshot of every catalogue part the scenarios use, so the plan opens and
// estimates the same on a machine whose catalogue differs.

#include "core/cost/costmodel.h"
#include "core/hardware/partsnapshot.h"
#include "core/plan/trainingscenario.h"
#include "core/plan/userprices.h"
#include "core/resolve/deployment.h"
#include "core/topology/topology.h"
#include "core/util/problem.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

struct PlanWorkload {
    std::int64_t inputTokens = 1024;
    std::int64_t outputTokens = 256;
    std::int64_t contextTokens = 4096; // the longest sequence the deployment must hold (at least input + output)
    bool byRequestRate = false;        // true: requestsPerSecond; false: concurrency
    double requestsPerSecond = 1;
    std::int64_t concurrency = 16;
    double ttftSloSeconds = 2;
    double tpotSloSeconds = 0.1;
    // The share of each prompt found in the engine's prefix cache (0 to below 1).
    double prefixCacheHitRate = 0;
    // The load at its busiest over its average (at least 1): a fleet of
    // unlinked servers is sized for the peak.
    double peakFactor = 1;
};

struct Scenario {
    std::string name;
    Topology topology;
    DeploymentSettings deployment;
    CostAssumptions costs;
    CloudTier cloudTier = CloudTier::OnDemand;
    // Set: the scenario trains or fine-tunes the plan's versions on its
    // cluster (the workload's serving load does not apply to it).
    std::optional<TrainingSettings> training;
};

struct Plan {
    std::string name;
    std::string modelFamily;           // the family the workload panel shows
    std::vector<std::string> modelIds; // the versions compared side by side
    PlanWorkload workload;
    std::vector<Scenario> scenarios;
    PartSnapshot parts;
    // Prices the user typed (quotes), used in place of the catalogue's.
    std::vector<UserPrice> userPrices;
};

// One message per problem (empty: the plan can be evaluated).
std::vector<Problem> validate(const Plan &plan);

} // namespace planner
