#pragma once
// Core's verdict and costs in the interface's language, memory unit and
// currency, worded once for the Summary, the charts and the PDF proposal so
// that all three say the same thing.
//
// - versionProblem: why a version does not fit, does not serve the load or
//   cannot be judged (a shortfall in the memory unit; otherwise core's
//   sentence, translated).
// - layoutText: the parallel layout, replicas and prefill pool.
// - verdictWord: "serves", "does not serve", "does not fit" or "unknown";
//   for a training run "trains", "meets the deadline" or "misses the deadline".
// - training versions: their memory, tokens/s, time, layout, deadline sizing
//   and run cost, worded once for the Summary, the charts and the PDF.
// - costPerMillionText / monthlyCostText: an amount, "≥ amount" for a lower
//   bound (some part unpriced), "unknown" when a GPU or an instance has no
//   price, "—" when there is nothing to cost.

#include "core/plan/planevaluation.h"

#include <QLocale>

class QComboBox;
#include <QString>

namespace planner {

QString versionProblem(const VersionEstimate &version, const PlanWorkload &workload);

// The layout the figures were computed for: "TP 8 · PP 1 · EP 8 · DP
// attention, 2 replicas", then a prefill pool's own where there is one.
QString layoutText(const VersionEstimate &version);

// What a version's verdict judges: serving a load, or a training run with or
// without a deadline.
enum class VerdictTask { Serving, Training, TrainingByDeadline };
VerdictTask verdictTask(const VersionEstimate &version);
QString verdictWord(const Verdict &verdict, VerdictTask task = VerdictTask::Serving);

// What the build holds of a serving version: "holds 246 sequences of 1,280
// tokens; 131,072 tokens each at 32 sequences", or, when it does not fit,
// "one sequence fits up to 96,000 tokens on this build"; empty for training
// or when unknown.
QString limitsText(const VersionEstimate &version);
// Why a chart of a version has no curve: its problem and, when it does not
// fit, the longest sequence that would.
QString noCurveText(const VersionEstimate &version);

// " · fleet: 5 servers like these at the peak (× 1.5), spares included" for a
// fleet of unlinked servers; else empty.
QString fleetText(const VersionEstimate &version, double peakFactor);

// " · 10 layers in host RAM (7.2 GB)" when a serving version offloads; else empty.
QString offloadText(const VersionEstimate &version);
// Green for serves, red for does not fit / does not serve, grey for unknown.
enum class VerdictTone { Good, Bad, Unknown };
VerdictTone verdictTone(const Verdict &verdict);

// The memory a version needs on each GPU against the GPU's capacity: the
// training run's for a training version, the serving deployment's otherwise.
struct MemoryUse {
    units::Bytes used;
    units::Bytes capacity;
    units::Bytes shortfall;
};
MemoryUse memoryUse(const VersionEstimate &version);

// Output tokens a second served, or tokens a second trained; "—" without an estimate.
QString tokensPerSecondText(const VersionEstimate &version, const QLocale &locale = QLocale());
// Per million output tokens served, or per million tokens trained.
QString costPerMillionText(const VersionEstimate &version, const QLocale &locale = QLocale());

// The cloud price tiers as choices ("On demand", "1-year reserved" …), each
// item's data the CloudTier as an int.
void addCloudTiers(QComboBox *box);

// "QLoRA adapters (4-bit base)", "8-bit Adam": the names the workload panel
// and the PDF give a method and an optimizer.
QString trainingMethodName(TrainingMethod method);
QString optimizerName(Optimizer optimizer);

// "291.7 days (250.1 – 340.0) · 65,432 GPU-hours · MFU 41.2 %" (in hours
// when under two days); empty without a time.
QString trainingTimeText(const TrainingOutcome &training, const QLocale &locale = QLocale());
// "TP 8 × PP 1 × DP 8 · CP 2 · BF16 · full recomputation · ZeRO-1 …"
QString trainingSetupText(const TrainingOutcome &training);
// "128 servers like these finish within 30 days", or why none does; empty
// when no deadline was asked.
QString deadlineSizingText(const TrainingOutcome &training);
// The run's cost ("≥ 364,896"), "unknown" or "—", in the chosen currency.
QString runCostText(const TrainingOutcome &training, const QLocale &locale = QLocale());
QString monthlyCostText(const ScenarioEstimate &scenario, const QLocale &locale = QLocale());
// Why a cost is unknown or a lower bound, naming the unpriced parts; empty when complete.
QString costGapText(const ScenarioEstimate &scenario);

} // namespace planner
