#include "ui/format/estimatetext.h"

#include "ui/format/coremessage.h"
#include "ui/format/memoryunit.h"
#include "ui/format/money.h"

#include <QCoreApplication>

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

QString versionProblem(const VersionEstimate &v, const PlanWorkload &)
{
    if (v.verdict.code == "does-not-fit")
        return EstimateText::tr("does not fit: %1 short per GPU").arg(memoryText(v.memory.shortfall, 1));
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

QString verdictWord(const Verdict &verdict)
{
    if (verdict.fits == Answer::No)
        return EstimateText::tr("does not fit");
    if (verdict.fits == Answer::Unknown || verdict.serves == Answer::Unknown)
        return EstimateText::tr("unknown");
    return verdict.serves == Answer::Yes ? EstimateText::tr("serves") : EstimateText::tr("does not serve");
}

VerdictTone verdictTone(const Verdict &verdict)
{
    if (verdict.fits == Answer::No || verdict.serves == Answer::No)
        return VerdictTone::Bad;
    return verdict.serves == Answer::Yes ? VerdictTone::Good : VerdictTone::Unknown;
}

QString costPerMillionText(const VersionEstimate &v, const QLocale &locale)
{
    if (!v.usdPerMillionOutputTokens)
        return v.speed ? EstimateText::tr("unknown") : QStringLiteral("—");
    const QString amount = moneyAmount(*v.usdPerMillionOutputTokens, 2, locale);
    return v.costIsLowerBound ? lowerBound(amount) : amount;
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
