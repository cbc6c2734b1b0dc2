#include "core/plan/scenariochoice.h"

#include <algorithm>

namespace planner {

namespace {

ScenarioVerdict verdictOn(const ScenarioEstimate &e)
{
    ScenarioVerdict verdict;
    if (!e.cluster.problem.empty()) {
        verdict.reason = Disqualification::CannotEstimate;
        verdict.detail = e.cluster.problem;
        return verdict;
    }
    if (e.versions.empty()) {
        verdict.reason = Disqualification::NoModelVersion;
        return verdict;
    }
    // The first version that does not fit, then the first that cannot be
    // judged, then the first that misses the load decides.
    const auto first = [&](auto test) { return std::find_if(e.versions.begin(), e.versions.end(), test); };
    auto v = first([](const VersionEstimate &x) { return x.verdict.fits == Answer::No; });
    if (v == e.versions.end())
        v = first([](const VersionEstimate &x) {
            return x.verdict.fits == Answer::Unknown || x.verdict.serves == Answer::Unknown;
        });
    if (v != e.versions.end()) {
        const bool unknown = v->verdict.fits == Answer::Unknown || v->verdict.serves == Answer::Unknown;
        return {unknown ? Disqualification::Unknown : Disqualification::DoesNotFit, v->modelName, v->verdict.reason, 0};
    }
    for (const VersionEstimate &x : e.versions)
        verdict.usdPerMillionTokens = std::max(verdict.usdPerMillionTokens, usdPerMillionTokens(x).value_or(0));
    v = first([](const VersionEstimate &x) { return x.verdict.serves == Answer::No; });
    if (v != e.versions.end()) {
        const bool latency = v->verdict.code == "ttft" || v->verdict.code == "tpot";
        const Disqualification reason = v->training ? Disqualification::MissesDeadline
                                        : latency   ? Disqualification::MissesSlo
                                                    : Disqualification::MissesRate;
        return {reason, v->modelName, v->verdict.reason, verdict.usdPerMillionTokens};
    }
    const bool priced = std::all_of(e.versions.begin(), e.versions.end(),
                                    [](const VersionEstimate &x) { return usdPerMillionTokens(x).has_value(); });
    if (!priced || e.costCompleteness == CostCompleteness::Unknown)
        verdict.reason = Disqualification::NoPrice;
    return verdict;
}

} // namespace

ScenarioChoice chooseScenario(const std::vector<ScenarioEstimate> &estimates)
{
    ScenarioChoice choice;
    for (std::size_t i = 0; i < estimates.size(); ++i) {
        choice.verdicts.push_back(verdictOn(estimates[i]));
        const ScenarioVerdict &v = choice.verdicts.back();
        if (v.reason != Disqualification::None)
            continue;
        if (!choice.recommended) {
            choice.recommended = i;
            continue;
        }
        const std::size_t best = *choice.recommended;
        const double bestUsd = choice.verdicts[best].usdPerMillionTokens;
        if (v.usdPerMillionTokens < bestUsd
            || (v.usdPerMillionTokens == bestUsd
                && estimates[i].cost.monthlyTotalUsd < estimates[best].cost.monthlyTotalUsd))
            choice.recommended = i;
    }
    return choice;
}

} // namespace planner
