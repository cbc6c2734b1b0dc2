#pragma once
// Core's verdict and costs in the interface's language, memory unit and
// currency, worded once for the Summary, the charts and the PDF proposal so
// that all three say the same thing.
//
// - versionProblem: why a version does not fit, does not serve the load or
//   cannot be judged (a shortfall in the memory unit; otherwise core's
//   sentence, translated).
// - layoutText: the parallel layout, replicas and prefill pool.
// - verdictWord: "serves", "does not serve", "does not fit" or "unknown".
// - costPerMillionText / monthlyCostText: an amount, "≥ amount" for a lower
//   bound (some part unpriced), "unknown" when a GPU or an instance has no
//   price, "—" when there is nothing to cost.

#include "core/plan/planevaluation.h"

#include <QLocale>
#include <QString>

namespace planner {

QString versionProblem(const VersionEstimate &version, const PlanWorkload &workload);

// The layout the figures were computed for: "TP 8 · PP 1 · EP 8 · DP
// attention, 2 replicas", then a prefill pool's own where there is one.
QString layoutText(const VersionEstimate &version);

QString verdictWord(const Verdict &verdict);
// Green for serves, red for does not fit / does not serve, grey for unknown.
enum class VerdictTone { Good, Bad, Unknown };
VerdictTone verdictTone(const Verdict &verdict);

QString costPerMillionText(const VersionEstimate &version, const QLocale &locale = QLocale());
QString monthlyCostText(const ScenarioEstimate &scenario, const QLocale &locale = QLocale());
// Why a cost is unknown or a lower bound, naming the unpriced parts; empty when complete.
QString costGapText(const ScenarioEstimate &scenario);

} // namespace planner
