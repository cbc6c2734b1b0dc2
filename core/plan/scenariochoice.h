#pragma once
// Which scenario a proposal recommends, and why each other one is not.
//
// A scenario qualifies when it can be estimated, serves (or trains) at least
// one model version, and every version's verdict (core/resolve/verdict.h) is
// that it fits and serves the workload (a training run: finishes by its
// deadline), and its cost is known (a lower bound counts as known and is
// marked). Among those, the one with the lowest cost per million tokens wins
// (output tokens served; tokens trained for a training run); for a scenario
// with several versions that is its dearest version's figure (what the plan
// can promise whichever version runs). Ties go to the lower monthly total.

#include "core/plan/planevaluation.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace planner {

enum class Disqualification {
    None,           // qualifies
    CannotEstimate, // the topology reduces to no cluster (detail says why)
    NoModelVersion, // the plan picks no model version
    DoesNotFit,     // `version` does not fit in memory (detail: by how much)
    Unknown,        // `version` cannot be judged: a figure is missing or the request is invalid (detail names it)
    MissesSlo,      // `version` misses the TTFT or TPOT target at the load (detail: which and by how much)
    MissesRate,     // `version` cannot hold or serve the load (detail: what it holds and what the load needs)
    MissesDeadline, // `version`'s training run takes longer than its deadline (detail: how long)
    NoPrice,        // a GPU or instance has no price, so its cost per token is unknown
};

struct ScenarioVerdict {
    Disqualification reason = Disqualification::None;
    std::string version;            // the model version at fault
    Message detail;                 // the engine's reason, where it gave one
    double usdPerMillionTokens = 0; // its dearest version's (served or trained tokens); 0 when unknown
};

struct ScenarioChoice {
    std::optional<std::size_t> recommended; // index into the estimates
    std::vector<ScenarioVerdict> verdicts;  // one per scenario
};

ScenarioChoice chooseScenario(const std::vector<ScenarioEstimate> &estimates);

} // namespace planner
