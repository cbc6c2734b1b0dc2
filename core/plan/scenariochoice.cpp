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
    for (const VersionEstimate &v : e.versions) {
        if (!v.memory.fits || !v.speed) {
            verdict = {Disqualification::DoesNotFit, v.modelName, v.problem, 0};
            return verdict;
        }
        verdict.usdPerMillionOutputTokens = std::max(verdict.usdPerMillionOutputTokens, v.usdPerMillionOutputTokens);
    }
    for (const VersionEstimate &v : e.versions)
        if (!v.servesLoad) {
            verdict = {Disqualification::MissesRate, v.modelName, v.problem, verdict.usdPerMillionOutputTokens};
            return verdict;
        }
    for (const VersionEstimate &v : e.versions)
        if (!v.meetsSlo) {
            verdict.reason = Disqualification::MissesSlo;
            verdict.version = v.modelName;
            return verdict;
        }
    const bool priced = std::all_of(e.versions.begin(), e.versions.end(),
                                    [](const VersionEstimate &v) { return v.usdPerMillionOutputTokens > 0; });
    if (!priced || !(e.cost.monthlyTotalUsd > 0))
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
        const double bestUsd = choice.verdicts[best].usdPerMillionOutputTokens;
        if (v.usdPerMillionOutputTokens < bestUsd
            || (v.usdPerMillionOutputTokens == bestUsd
                && estimates[i].cost.monthlyTotalUsd < estimates[best].cost.monthlyTotalUsd))
            choice.recommended = i;
    }
    return choice;
}

} // namespace planner
