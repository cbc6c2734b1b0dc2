#pragma once
// The analysis charts, each built from what core/ computes for a plan (the
// estimates of core/plan/planevaluation.h, the curves of core/perf and
// core/plan/plananalysis.h). Each function returns a new QChart the caller
// owns; the desktop application shows them in the Analysis dock and the
// proposal prints them. Values are in the units the axes name: GB (10^9
// bytes), tokens/s, seconds or milliseconds, and money in the currency of
// Preferences (ui/format/money.h).

#include "core/plan/plananalysis.h"
#include "core/plan/planevaluation.h"

#include <optional>
#include <vector>

#include <QColor>
#include <QtCharts/QChart>

namespace planner {

// Per model version, a stacked bar of the most loaded GPU's memory (weights,
// KV cache, activations, overhead; for a training scenario weights,
// gradients, optimizer states, activations, overhead) against the GPU's
// usable capacity; a version that does not fit is labelled with its shortfall.
QChart *memoryFitChart(const ScenarioEstimate &scenario);

// Output tokens/s and TPOT against concurrency up to what the engine runs at once, with
// the TPOT target.
QChart *throughputChart(const VersionEstimate &version, const PlanWorkload &workload);

// TTFT against prompt length (at the plan's concurrency), with the TTFT target.
QChart *ttftChart(const VersionEstimate &version, const PlanWorkload &workload);

// From the serving simulation: TTFT and TPOT percentiles against the request
// rate, the targets, and the highest rate that meets them at the 99th percentile.
QChart *latencyByRateChart(const VersionEstimate &version, const RateSweep &sweep, const PlanWorkload &workload);

// A training version: days to train (with the deadline) and the run's cost
// and GPU-hours against the number of servers like the drawn ones, along
// `curve` (core/plan/trainingscenario.h trainingScaling, computed once for
// both), the drawn count marked.
QChart *trainingDaysChart(const VersionEstimate &version, const ScenarioEstimate &scenario,
                          const std::vector<TrainingScalePoint> &curve);
QChart *trainingCostChart(const VersionEstimate &version, const ScenarioEstimate &scenario,
                          const std::vector<TrainingScalePoint> &curve);

// Cash over the horizon per scenario (capital up front, then running costs),
// with the break-even month between the cheapest on-prem and cloud scenarios.
QChart *cumulativeCostChart(const std::vector<ScenarioEstimate> &scenarios,
                            const std::optional<PlanBreakEven> &breakEven);

// Cost per million tokens per scenario, a bar per model version: output
// tokens served, or the tokens a training scenario trains on.
QChart *costPerMillionChart(const std::vector<ScenarioEstimate> &scenarios);

// Every model version of a scenario on the same axes: output tokens/s
// against concurrency with each version's operating point (serving), or days
// to train on the drawn servers with the deadline (training). A version with
// nothing to draw is named under the title with the reason.
QChart *versionsSpeedChart(const ScenarioEstimate &scenario);

// One figure of every scenario, for the Compare view (a small chart each).
enum class CompareMetric { Capex, MonthlyCost, TokensPerSecond, CostPerMillion, Ttft, Tpot, Power };
inline constexpr CompareMetric kCompareMetrics[] = {
    CompareMetric::Capex,          CompareMetric::MonthlyCost, CompareMetric::TokensPerSecond,
    CompareMetric::CostPerMillion, CompareMetric::Ttft,        CompareMetric::Tpot,
    CompareMetric::Power};
QString compareMetricTitle(CompareMetric metric); // with its unit
// The metric's value for a scenario; per-version metrics use `version`
// (nullopt when that version has no estimate there).
std::optional<double> compareValue(const ScenarioEstimate &scenario, size_t version, CompareMetric metric);
int compareDecimals(CompareMetric metric); // decimals its values are shown with
// Whether the value is a lower bound: a cost of a scenario with unpriced parts.
bool compareIsLowerBound(const ScenarioEstimate &scenario, CompareMetric metric);
QChart *compareChart(const std::vector<ScenarioEstimate> &scenarios, size_t version, CompareMetric metric);
// The colour of the scenario at `index` in the compare charts and their legend.
QColor scenarioColor(size_t index);

} // namespace planner
