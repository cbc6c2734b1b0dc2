#include "ui/format/estimatetext.h"

#include "ui/format/coremessage.h"
#include "ui/format/memoryunit.h"
#include "ui/format/money.h"

#include <QComboBox>
#include <QCoreApplication>

#include <algorithm>

namespace planner {

namespace {

class EstimateText
{
    Q_DECLARE_TR_FUNCTIONS(EstimateText)
};

QString lowerBound(const QString &amount)
{
    return EstimateText::tr("≥ %1").arg(amount);
}

} // namespace

MemoryUse memoryUse(const VersionEstimate &v)
{
    if (v.training)
        return {v.training->memory.total(), v.training->memory.capacity, v.training->memory.shortfall};
    return {v.memory.perGpu.total(), v.memory.capacity, v.memory.shortfall};
}

QString versionProblem(const VersionEstimate &v, const PlanWorkload &)
{
    if (v.verdict.code == "does-not-fit")
        return EstimateText::tr("does not fit: %1 short per GPU").arg(memoryText(memoryUse(v).shortfall, 1));
    if (v.verdict.code == "prefill-does-not-fit")
        return EstimateText::tr("the prefill pool does not fit one prompt: %1 short per GPU")
            .arg(memoryText(v.memory.shortfall, 1));
    return translated(v.verdict.reason);
}

namespace {

QString parallelText(const Parallelism &p)
{
    QString text = EstimateText::tr("TP %1 · PP %2").arg(p.tensor).arg(p.pipeline);
    if (p.expert > 1)
        text += EstimateText::tr(" · EP %1").arg(p.expert);
    if (p.dataParallelAttention)
        text += EstimateText::tr(" · DP attention");
    return text;
}

} // namespace

QString layoutText(const VersionEstimate &v)
{
    // Singular and plural spelled out: the interface has no English
    // translation file to choose between them.
    QString text = v.replicas == 1 ? EstimateText::tr("%1, 1 replica").arg(parallelText(v.parallel))
                                   : EstimateText::tr("%1, %2 replicas").arg(parallelText(v.parallel)).arg(v.replicas);
    if (v.prefillGpus > 0)
        text += v.prefillGpus == 1
                    ? EstimateText::tr("; prefill pool of 1 GPU: %1").arg(parallelText(v.prefillParallel))
                    : EstimateText::tr("; prefill pool of %1 GPUs: %2")
                          .arg(v.prefillGpus)
                          .arg(parallelText(v.prefillParallel));
    return text;
}

VerdictTask verdictTask(const VersionEstimate &v)
{
    if (!v.training)
        return VerdictTask::Serving;
    return v.training->deadlineDays > 0 ? VerdictTask::TrainingByDeadline : VerdictTask::Training;
}

QString verdictWord(const Verdict &verdict, VerdictTask task)
{
    if (verdict.fits == Answer::No)
        return EstimateText::tr("does not fit");
    if (verdict.fits == Answer::Unknown || verdict.serves == Answer::Unknown)
        return EstimateText::tr("unknown");
    const bool yes = verdict.serves == Answer::Yes;
    switch (task) {
    case VerdictTask::Serving: break;
    case VerdictTask::Training: return EstimateText::tr("trains");
    case VerdictTask::TrainingByDeadline:
        return yes ? EstimateText::tr("meets the deadline") : EstimateText::tr("misses the deadline");
    }
    return yes ? EstimateText::tr("serves") : EstimateText::tr("does not serve");
}

QString limitsText(const VersionEstimate &v)
{
    if (v.training || v.verdict.fits == Answer::Unknown)
        return {};
    const QLocale locale;
    if (v.verdict.fits == Answer::No)
        return v.memory.maxContext > 0 ? EstimateText::tr("one sequence fits up to %1 tokens on this build")
                                             .arg(locale.toString(static_cast<qlonglong>(v.memory.maxContext)))
                                       : EstimateText::tr("the weights alone do not fit this build");
    if (!v.request)
        return {};
    return EstimateText::tr("holds %1 sequences of %2 tokens; %3 tokens each at %4 sequences")
        .arg(locale.toString(static_cast<qlonglong>(v.memory.maxConcurrency)),
             locale.toString(static_cast<qlonglong>(v.request->deployment.context)),
             locale.toString(static_cast<qlonglong>(v.memory.maxContext)),
             locale.toString(static_cast<qlonglong>(v.concurrency)));
}

QString noCurveText(const VersionEstimate &v)
{
    const QString problem = versionProblem(v, {});
    const QString limits = v.verdict.fits == Answer::No ? limitsText(v) : QString();
    if (problem.isEmpty())
        return limits;
    return limits.isEmpty() ? problem : EstimateText::tr("%1; %2").arg(problem, limits);
}

QString fleetText(const VersionEstimate &v, double peakFactor)
{
    if (!v.fleetServersNeeded)
        return {};
    const QString peak = QLocale().toString(std::max(peakFactor, 1.0));
    return *v.fleetServersNeeded == 1
               ? EstimateText::tr(" · fleet: 1 server like these at the peak (× %1), spares included").arg(peak)
               : EstimateText::tr(" · fleet: %1 servers like these at the peak (× %2), spares included")
                     .arg(*v.fleetServersNeeded)
                     .arg(peak);
}

QString offloadText(const VersionEstimate &v)
{
    const int layers = v.memory.offloadedLayers;
    if (v.training || layers < 1)
        return {};
    return layers == 1
               ? EstimateText::tr(" · 1 layer in host RAM (%1)").arg(memoryText(v.memory.hostMemory, 1))
               : EstimateText::tr(" · %1 layers in host RAM (%2)").arg(layers).arg(memoryText(v.memory.hostMemory, 1));
}

QString tokensPerSecondText(const VersionEstimate &v, const QLocale &locale)
{
    if (v.training && v.training->time)
        return locale.toString(v.training->time->nominal.tokensPerSecond, 'f', 0);
    if (v.speed)
        return locale.toString(v.speed->nominal.outputTokensPerSecond, 'f', 0);
    return QStringLiteral("—");
}

VerdictTone verdictTone(const Verdict &verdict)
{
    if (verdict.fits == Answer::No || verdict.serves == Answer::No)
        return VerdictTone::Bad;
    return verdict.serves == Answer::Yes ? VerdictTone::Good : VerdictTone::Unknown;
}

QString costPerMillionText(const VersionEstimate &v, const QLocale &locale)
{
    if (v.training) {
        const TrainingOutcome &t = *v.training;
        if (!t.usdPerMillionTokens)
            return t.time ? EstimateText::tr("unknown") : QStringLiteral("—");
        const QString amount = moneyAmount(*t.usdPerMillionTokens, 2, locale);
        return t.costIsLowerBound ? lowerBound(amount) : amount;
    }
    if (!v.usdPerMillionOutputTokens)
        return v.speed ? EstimateText::tr("unknown") : QStringLiteral("—");
    const QString amount = moneyAmount(*v.usdPerMillionOutputTokens, 2, locale);
    return v.costIsLowerBound ? lowerBound(amount) : amount;
}

void addCloudTiers(QComboBox *box)
{
    box->addItem(EstimateText::tr("On demand"), static_cast<int>(CloudTier::OnDemand));
    box->addItem(EstimateText::tr("1-year reserved"), static_cast<int>(CloudTier::Reserved1Year));
    box->addItem(EstimateText::tr("3-year reserved"), static_cast<int>(CloudTier::Reserved3Year));
    box->addItem(EstimateText::tr("Spot"), static_cast<int>(CloudTier::Spot));
}

QString trainingMethodName(TrainingMethod method)
{
    switch (method) {
    case TrainingMethod::Full: return EstimateText::tr("Full training or fine-tuning");
    case TrainingMethod::Lora: return EstimateText::tr("LoRA adapters (16-bit base)");
    case TrainingMethod::Qlora: return EstimateText::tr("QLoRA adapters (4-bit base)");
    }
    return {};
}

QString optimizerName(Optimizer optimizer)
{
    switch (optimizer) {
    case Optimizer::AdamW: return EstimateText::tr("AdamW");
    case Optimizer::Adam8bit: return EstimateText::tr("8-bit Adam");
    case Optimizer::Lion: return EstimateText::tr("Lion");
    case Optimizer::SgdMomentum: return EstimateText::tr("SGD with momentum");
    }
    return {};
}

QString trainingTimeText(const TrainingOutcome &t, const QLocale &locale)
{
    if (!t.time)
        return {};
    const TrainingRunEstimate &e = *t.time;
    // A fine-tune of hours reads in hours; a pre-training run in days.
    const bool hours = e.nominal.seconds < 2 * 86400;
    const double unit = hours ? 3600 : 86400;
    const auto span = [&](const TrainingRunPoint &p) { return locale.toString(p.seconds / unit, 'f', 1); };
    const QString pattern = hours ? EstimateText::tr("%1 hours (%2 – %3) · %4 GPU-hours · MFU %5 %")
                                  : EstimateText::tr("%1 days (%2 – %3) · %4 GPU-hours · MFU %5 %");
    return pattern.arg(span(e.nominal), span(e.optimistic), span(e.pessimistic),
                       locale.toString(e.nominal.gpuHours, 'f', 0), locale.toString(e.nominal.mfu * 100, 'f', 1));
}

QString trainingSetupText(const TrainingOutcome &t)
{
    const TrainingRequest &r = t.run.setup;
    QStringList parts{EstimateText::tr("TP %1 × PP %2 × DP %3")
                          .arg(r.parallel.tensor)
                          .arg(r.parallel.pipeline)
                          .arg(t.memory.dataParallelRanks)};
    for (const Message &part : trainingSetupParts(r))
        parts << translated(part);
    return parts.join(QStringLiteral(" · "));
}

QString deadlineSizingText(const TrainingOutcome &t)
{
    const QString days = QLocale().toString(t.deadlineDays);
    switch (t.deadlineSizing) {
    case DeadlineSizing::NotAsked: return {};
    case DeadlineSizing::Found:
        return t.serversForDeadline == 1 ? EstimateText::tr("1 server like these finishes within %1 days").arg(days)
                                         : EstimateText::tr("%1 servers like these finish within %2 days")
                                               .arg(QLocale().toString(t.serversForDeadline), days);
    case DeadlineSizing::NoneFinishes:
        return EstimateText::tr("no number of servers like these finishes within %1 days").arg(days);
    case DeadlineSizing::NoPathBetweenServers:
        return EstimateText::tr("to size the servers for the deadline, draw two linked by the network to scale over");
    }
    return {};
}

QString runCostText(const TrainingOutcome &t, const QLocale &locale)
{
    if (!t.runCostUsd)
        return t.time ? EstimateText::tr("unknown") : QStringLiteral("—");
    const QString amount = moneyAmount(*t.runCostUsd, 0, locale);
    return t.costIsLowerBound ? lowerBound(amount) : amount;
}

QString monthlyCostText(const ScenarioEstimate &s, const QLocale &locale)
{
    switch (s.costCompleteness) {
    case CostCompleteness::Unknown:
        return s.unpricedGpusOrInstances.empty() ? QStringLiteral("—") : EstimateText::tr("unknown");
    case CostCompleteness::LowerBound: return lowerBound(moneyAmount(s.cost.monthlyTotalUsd, 0, locale));
    case CostCompleteness::Complete: break;
    }
    return moneyAmount(s.cost.monthlyTotalUsd, 0, locale);
}

QString costGapText(const ScenarioEstimate &s)
{
    const auto names = [](const std::vector<std::string> &list) {
        QStringList out;
        for (const std::string &n : list)
            out << QString::fromStdString(n);
        return out.join(QStringLiteral(", "));
    };
    switch (s.costCompleteness) {
    case CostCompleteness::Unknown:
        return s.unpricedGpusOrInstances.empty()
                   ? QString()
                   : EstimateText::tr("cost unknown: no price for %1").arg(names(s.unpricedGpusOrInstances));
    case CostCompleteness::LowerBound:
        return (s.cost.unpricedParts.size() == 1 ? EstimateText::tr("cost at least this: 1 part without a price (%1)")
                                                 : EstimateText::tr("cost at least this: %1 parts without a price (%2)")
                                                       .arg(s.cost.unpricedParts.size()))
            .arg(names(s.cost.unpricedParts));
    case CostCompleteness::Complete: break;
    }
    return {};
}

} // namespace planner
