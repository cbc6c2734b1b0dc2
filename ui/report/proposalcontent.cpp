#include "ui/report/proposalcontent.h"

#include "core/memory/engineprofile.h"
#include "core/model/precision.h"
#include "core/perf/perfmodel.h"
#include "core/plan/billofmaterials.h"
#include "core/plan/plananalysis.h"
#include "core/plan/scenariochoice.h"
#include "core/units/units.h"
#include "ui/format/boundname.h"
#include "ui/format/coremessage.h"
#include "ui/format/estimatetext.h"
#include "ui/format/memoryunit.h"
#include "ui/format/money.h"
#include "ui/panels/costfields.h"
#include "ui/report/proposalcharts.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <optional>

namespace planner {

namespace {

class Proposal
{
    Q_DECLARE_TR_FUNCTIONS(Proposal)
};

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// The document is in English; its numbers are too, whatever the system locale.
const QLocale &locale()
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english;
}

QString number(double value, int decimals)
{
    return locale().toString(value, 'f', decimals);
}

// "2", "0.25", "1,500": as many decimals as the value has, up to four.
QString plain(double value)
{
    QString text = number(value, 4);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

QString count(std::int64_t value)
{
    return locale().toString(static_cast<qlonglong>(value));
}

// Money in the currency of Preferences (ui/format/money.h): amount() for a
// table column whose header names the currency; prose adds the code
// (withCurrencyCode, moneyText).
QString amount(double usd)
{
    return moneyAmount(usd, 0, locale());
}

// "≥" marks a sum that misses unpriced parts, as the desktop's summary does.
QString amountMarked(double usd, bool lowerBound)
{
    return (lowerBound ? QStringLiteral("≥ ") : QString()) + amount(usd);
}

QString perMillion(double usd)
{
    return usd > 0 ? moneyAmount(usd, 2, locale()) : QStringLiteral("—");
}

QString amountMarkedWithCode(double usd, bool lowerBound)
{
    return withCurrencyCode(amountMarked(usd, lowerBound));
}

QString percent(double share)
{
    return number(share * 100, 0) + QStringLiteral(" %");
}

// A part's source can run to a paragraph (every table its figures were
// checked against). The bill of materials shows its first words and the
// price's date; "Prices and their dates" under the assumptions gives it whole.
QString priceSource(const std::string &source)
{
    constexpr qsizetype kBriefLength = 90;
    QString text = qs(source);
    if (text.isEmpty())
        return Proposal::tr("none in the catalogue");
    if (text.size() <= kBriefLength)
        return text;
    static const QRegularExpression trailingDate(QStringLiteral(R"(\s*\(([^()]*\d{4}-\d{2}[^()]*)\)$)"));
    const QRegularExpressionMatch date = trailingDate.match(text);
    if (date.hasMatch())
        text.truncate(date.capturedStart());
    if (text.size() <= kBriefLength)
        return qs(source); // short enough once the date is set aside
    // Up to the first aside (a bracket or a semicolon), else the last whole word.
    static const QRegularExpression aside(QStringLiteral(R"(\s*[(;])"));
    const QRegularExpressionMatch first = aside.match(text, 15);
    QString brief = text.left(kBriefLength);
    if (first.hasMatch() && first.capturedStart() < kBriefLength)
        brief.truncate(first.capturedStart());
    else
        brief.truncate(std::max<qsizetype>(brief.lastIndexOf(QLatin1Char(' ')), kBriefLength / 2));
    return date.hasMatch()
               ? Proposal::tr("%1 … (%2; in full under “Prices and their dates”)").arg(brief, date.captured(1))
               : Proposal::tr("%1 … (in full under “Prices and their dates”)").arg(brief);
}

QString quoted(const std::string &name)
{
    return QStringLiteral("“%1”").arg(qs(name));
}

QString tierName(CloudTier tier)
{
    switch (tier) {
    case CloudTier::OnDemand: return Proposal::tr("on-demand");
    case CloudTier::Reserved1Year: return Proposal::tr("1-year reserved");
    case CloudTier::Reserved3Year: return Proposal::tr("3-year reserved");
    case CloudTier::Spot: return Proposal::tr("spot");
    }
    return {};
}

QString draftName(DraftKind kind)
{
    switch (kind) {
    case DraftKind::Mtp: return Proposal::tr("MTP");
    case DraftKind::Eagle: return Proposal::tr("EAGLE");
    case DraftKind::Ngram: return Proposal::tr("n-gram");
    case DraftKind::None: break;
    }
    return {};
}

bool reserved(CloudTier tier)
{
    return tier == CloudTier::Reserved1Year || tier == CloudTier::Reserved3Year;
}

QString ttftText(units::Seconds ttft)
{
    return Proposal::tr("%1 s").arg(number(units::inSeconds(ttft), 2));
}

QString tpotText(units::Seconds tpot)
{
    return Proposal::tr("%1 ms").arg(number(units::inSeconds(tpot) * 1000, 1));
}

// A core message, which starts in lower case to follow a colon, as a sentence of its own.
QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text + QLatin1Char('.');
}

QString memoryUseText(const InferenceMemoryEstimate &m)
{
    return Proposal::tr("%1 of %2").arg(number(inMemoryUnit(m.perGpu.total()), 1), memoryText(m.capacity, 1));
}

QString targetsText(const PlanWorkload &w)
{
    return Proposal::tr("TTFT ≤ %1 s, TPOT ≤ %2 ms").arg(plain(w.ttftSloSeconds), plain(w.tpotSloSeconds * 1000));
}

QString loadText(const PlanWorkload &w)
{
    return w.byRequestRate ? Proposal::tr("%1 requests per second").arg(plain(w.requestsPerSecond))
                           : Proposal::tr("%1 sequences at once").arg(count(w.concurrency));
}

QString workloadText(const PlanWorkload &w)
{
    return Proposal::tr("prompts of %1 tokens and answers of %2 tokens at %3")
        .arg(count(w.inputTokens), count(w.outputTokens), loadText(w));
}

class Builder
{
public:
    Builder(const Plan &plan, const std::vector<ScenarioEstimate> &estimates,
            const std::optional<std::vector<RateSweep>> &sweeps)
        : mPlan(plan)
        , mEstimates(estimates)
        , mSweeps(sweeps)
        , mChoice(chooseScenario(estimates))
        , mBreakEven(planBreakEven(estimates))
    {
        for (const Scenario &scenario : plan.scenarios)
            mBills.push_back(billOf(scenario, withUserPrices(plan.parts, plan.userPrices)));
    }

    ProposalContent build(const ProposalOptions &options, const std::vector<ProposalFigure> &topology)
    {
        titlePage(options);
        summary();
        billOfMaterials();
        topologySection(topology);
        chartsSection();
        versionsSection();
        assumptionsSection();
        return std::move(mContent);
    }

private:
    void section(const QString &text) { mContent.blocks.push_back({ProposalBlock::Kind::Section, text, {}, {}}); }
    void subsection(const QString &text) { mContent.blocks.push_back({ProposalBlock::Kind::Subsection, text, {}, {}}); }
    void paragraph(const QString &text) { mContent.blocks.push_back({ProposalBlock::Kind::Paragraph, text, {}, {}}); }
    void note(const QString &text) { mContent.blocks.push_back({ProposalBlock::Kind::Note, text, {}, {}}); }
    void table(ProposalTable t) { mContent.blocks.push_back({ProposalBlock::Kind::Table, {}, std::move(t), {}}); }
    void figure(const ProposalFigure &f) { mContent.blocks.push_back({ProposalBlock::Kind::Figure, f.caption, {}, f}); }

    const ScenarioEstimate *estimate(size_t i) const { return i < mEstimates.size() ? &mEstimates[i] : nullptr; }
    // A scenario's versions, or none; a reference into the estimates (never a copy that dies with the loop).
    static const std::vector<VersionEstimate> &versionsOf(const ScenarioEstimate *e)
    {
        static const std::vector<VersionEstimate> none;
        return e ? e->versions : none;
    }

    bool capexLowerBound(size_t i) const { return mBills[i].capexIsLowerBound; }
    bool costLowerBound(size_t i) const
    {
        const ScenarioEstimate *e = estimate(i);
        return e && !e->cost.unpricedParts.empty();
    }

    // "8 × NVIDIA H200 SXM 141GB in 1 on-prem server"
    QString hardwareText(size_t i) const
    {
        const ScenarioEstimate *e = estimate(i);
        const ScenarioBill &bill = mBills[i];
        int servers = 0;
        for (const TopologyNode *server : mPlan.scenarios[i].topology.servers())
            servers += server->cloudInstanceId.empty() ? 1 : 0;
        int instances = 0;
        QStringList instanceNames;
        for (const CloudBillLine &line : bill.instances) {
            instances += line.quantity;
            instanceNames << qs(line.name);
        }
        QStringList where;
        if (servers > 0)
            where << (servers == 1 ? Proposal::tr("1 on-prem server")
                                   : Proposal::tr("%1 on-prem servers").arg(servers));
        if (instances > 0)
            where << (instances == 1
                          ? Proposal::tr("1 cloud instance (%1)").arg(instanceNames.join(QStringLiteral(", ")))
                          : Proposal::tr("%1 cloud instances (%2)")
                                .arg(instances)
                                .arg(instanceNames.join(QStringLiteral(", "))));
        if (where.isEmpty())
            return Proposal::tr("no hardware drawn");
        if (!e || !e->cluster.gpu || e->cluster.gpuCount == 0)
            return where.join(Proposal::tr(" and "));
        return Proposal::tr("%1 × %2 in %3")
            .arg(e->cluster.gpuCount)
            .arg(qs(e->cluster.gpu->name), where.join(Proposal::tr(" and ")));
    }

    // Why scenario i's version at fault is out, as the versions table words
    // it (in the memory unit of Preferences).
    QString verdictDetail(size_t i) const
    {
        const ScenarioVerdict &verdict = mChoice.verdicts.at(i);
        if (const ScenarioEstimate *e = estimate(i))
            for (const VersionEstimate &v : e->versions)
                if (v.modelName == verdict.version) {
                    const QString sizing = v.training ? deadlineSizingText(*v.training) : QString();
                    return versionProblem(v, mPlan.workload)
                           + (sizing.isEmpty() ? QString() : QStringLiteral("; ") + sizing);
                }
        return translated(verdict.detail);
    }

    QString verdictText(size_t i) const
    {
        const ScenarioVerdict &v = mChoice.verdicts.at(i);
        switch (v.reason) {
        case Disqualification::None:
            return mChoice.recommended == i ? Proposal::tr("recommended") : Proposal::tr("qualifies");
        case Disqualification::CannotEstimate: return Proposal::tr("cannot be estimated: %1").arg(translated(v.detail));
        case Disqualification::NoModelVersion: return Proposal::tr("no model version picked");
        case Disqualification::DoesNotFit:
            return v.detail.empty() ? Proposal::tr("%1 does not fit").arg(qs(v.version))
                                    : Proposal::tr("%1: %2").arg(qs(v.version), verdictDetail(i));
        case Disqualification::Unknown:
            return Proposal::tr("%1 cannot be judged: %2").arg(qs(v.version), verdictDetail(i));
        case Disqualification::MissesSlo:
            return v.detail.empty() ? Proposal::tr("%1 misses the latency targets").arg(qs(v.version))
                                    : Proposal::tr("%1: %2").arg(qs(v.version), verdictDetail(i));
        case Disqualification::MissesRate:
        case Disqualification::MissesDeadline: return Proposal::tr("%1: %2").arg(qs(v.version), verdictDetail(i));
        case Disqualification::NoPrice: return Proposal::tr("no price known");
        }
        return {};
    }

    // Every scenario trains: the serving workload does not apply.
    bool trainingOnly() const
    {
        return std::all_of(mPlan.scenarios.begin(), mPlan.scenarios.end(),
                           [](const Scenario &s) { return s.training.has_value(); });
    }

    // The recommendation of a serving scenario r at `cost` per million output tokens.
    QString recommendedServing(size_t r, const QString &cost) const
    {
        const ScenarioEstimate &e = mEstimates[r];
        const PlanWorkload &w = mPlan.workload;
        return mPlan.scenarios.size() == 1
                   ? Proposal::tr("We recommend %1: %2, the plan's one scenario. It fits every model version in "
                                  "memory and meets the latency targets (%3) for %4 at %5 per million output "
                                  "tokens.")
                         .arg(quoted(e.name), hardwareText(r), targetsText(w), workloadText(w), cost)
                   : Proposal::tr("We recommend %1: %2. Of the %3 scenarios in this plan, it is the one that fits "
                                  "every model version in memory and meets the latency targets (%4) for %5 at the "
                                  "lowest cost per million output tokens: %6.")
                         .arg(quoted(e.name), hardwareText(r))
                         .arg(mPlan.scenarios.size())
                         .arg(targetsText(w), workloadText(w), cost);
    }

    // The recommendation of a training scenario r at `cost` per million tokens trained.
    QString recommendedRun(size_t r, const QString &cost) const
    {
        const ScenarioEstimate &e = mEstimates[r];
        const TrainingSettings &t = *mPlan.scenarios[r].training;
        const QString deadline = t.deadlineDays > 0
                                     ? Proposal::tr("within the deadline of %1 days").arg(plain(t.deadlineDays))
                                     : Proposal::tr("(no deadline set)");
        return mPlan.scenarios.size() == 1
                   ? Proposal::tr("We recommend %1: %2, the plan's one scenario. It fits the training run of every "
                                  "model version in memory and trains its %3 tokens %4 at %5 per million tokens.")
                         .arg(quoted(e.name), hardwareText(r), tokensText(t.tokens), deadline, cost)
                   : Proposal::tr("We recommend %1: %2. Of the %3 scenarios in this plan, it is the one that fits "
                                  "the training run of every model version in memory and trains its %4 tokens %5 at "
                                  "the lowest cost per million tokens: %6.")
                         .arg(quoted(e.name), hardwareText(r))
                         .arg(mPlan.scenarios.size())
                         .arg(tokensText(t.tokens), deadline, cost);
    }

    // What the scenario's runs cost, each version's ("Llama: 4 USD; Qwen: 6 USD").
    QString runCostsText(const ScenarioEstimate &e) const
    {
        QStringList costs;
        for (const VersionEstimate &v : e.versions)
            if (v.training)
                costs << (e.versions.size() == 1
                              ? withCurrencyCode(runCostText(*v.training, locale()))
                              : Proposal::tr("%1: %2").arg(qs(v.modelName),
                                                           withCurrencyCode(runCostText(*v.training, locale()))));
        return costs.join(QStringLiteral("; "));
    }

    // "1.2 trillion", "100 million": a token count in words.
    static QString tokensText(double tokens)
    {
        if (tokens >= 1e12)
            return Proposal::tr("%1 trillion").arg(plain(tokens / 1e12));
        if (tokens >= 1e9)
            return Proposal::tr("%1 billion").arg(plain(tokens / 1e9));
        if (tokens >= 1e6)
            return Proposal::tr("%1 million").arg(plain(tokens / 1e6));
        return plain(tokens);
    }

    // One training version's run: speed, time, layout, memory and deadline.
    QString trainingRunText(const VersionEstimate &v) const
    {
        const TrainingOutcome &t = *v.training;
        QString text = Proposal::tr("%1: %2 tokens/s trained; %3. %4; %5 of memory used per GPU.")
                           .arg(qs(v.modelName), tokensPerSecondText(v, locale()), trainingTimeText(t, locale()),
                                trainingSetupText(t),
                                Proposal::tr("%1 of %2")
                                    .arg(memoryText(t.memory.total(), 1), memoryText(t.memory.capacity, 1)));
        if (const QString sizing = deadlineSizingText(t); !sizing.isEmpty())
            text += QLatin1Char(' ') + sentence(sizing);
        return text;
    }

    void titlePage(const ProposalOptions &options)
    {
        mContent.title = options.title.isEmpty() ? qs(mPlan.name) : options.title;
        mContent.subtitle = Proposal::tr("Hardware proposal");
        const QDate date = options.date.isValid() ? options.date : QDate::currentDate();
        //: The title page's date, as QDate::toString writes it (Chinese: yyyy年M月d日).
        mContent.date = locale().toString(date, Proposal::tr("d MMMM yyyy"));
        mContent.author = options.author;
        QStringList scenarios;
        for (const Scenario &s : mPlan.scenarios)
            scenarios << qs(s.name);
        QStringList versions;
        for (const std::string &id : mPlan.modelIds)
            versions << (mPlan.parts.model(id) ? qs(mPlan.parts.model(id)->displayName) : qs(id));
        mContent.facts
            << Proposal::tr("Scenarios: %1").arg(scenarios.join(QStringLiteral("; ")))
            << Proposal::tr("Model versions: %1")
                   .arg(versions.isEmpty() ? Proposal::tr("none picked") : versions.join(QStringLiteral(", ")))
            << (trainingOnly()
                    ? Proposal::tr("Task: training or fine-tuning runs (each scenario's settings are under "
                                   "Assumptions)")
                    : Proposal::tr("Workload: %1; %2").arg(workloadText(mPlan.workload), targetsText(mPlan.workload)));
    }

    void summary()
    {
        section(proposalsections::executiveSummary());
        const PlanWorkload &w = mPlan.workload;
        subsection(Proposal::tr("Recommendation"));
        if (!mChoice.recommended && trainingOnly()) {
            paragraph(Proposal::tr("No scenario can be recommended: none of the %1 fits the training run of every "
                                   "model version in memory and finishes it by its deadline at a known cost. What "
                                   "rules each one out, and how many servers would finish in time, is listed under "
                                   "“Scenarios at a glance” below.")
                          .arg(mPlan.scenarios.size()));
        } else if (!mChoice.recommended) {
            paragraph(
                Proposal::tr("No scenario can be recommended: none of the %1 fits every model version in memory and "
                             "meets the latency targets (%2) for %3 at a known cost. What rules each one out is listed "
                             "under “Scenarios at a glance” below.")
                    .arg(mPlan.scenarios.size())
                    .arg(targetsText(w), workloadText(w)));
        } else {
            const size_t r = *mChoice.recommended;
            const ScenarioEstimate &e = mEstimates[r];
            const QString cost = withCurrencyCode(perMillion(mChoice.verdicts[r].usdPerMillionTokens));
            QString text = e.training ? recommendedRun(r, cost) : recommendedServing(r, cost);
            if (e.versions.size() > 1)
                text += Proposal::tr(
                    " (With several model versions, a scenario counts at its dearest version's cost.)");
            std::optional<size_t> runnerUp;
            for (size_t i = 0; i < mChoice.verdicts.size(); ++i)
                if (i != r && mChoice.verdicts[i].reason == Disqualification::None
                    && (!runnerUp
                        || mChoice.verdicts[i].usdPerMillionTokens < mChoice.verdicts[*runnerUp].usdPerMillionTokens))
                    runnerUp = i;
            if (runnerUp)
                text += (e.training
                             ? Proposal::tr(" The next best, %1, trains the same at %2 per million tokens.")
                             : Proposal::tr(" The next best, %1, serves the same at %2 per million output tokens."))
                            .arg(quoted(mEstimates[*runnerUp].name),
                                 withCurrencyCode(perMillion(mChoice.verdicts[*runnerUp].usdPerMillionTokens)));
            paragraph(text);

            subsection(e.training ? Proposal::tr("What it trains") : Proposal::tr("What it serves"));
            for (const VersionEstimate &v : e.versions) {
                if (v.training) {
                    paragraph(trainingRunText(v));
                    continue;
                }
                const PerfPoint &p = v.speed->nominal;
                paragraph(
                    Proposal::tr(
                        "%1: %2 output tokens/s, about %3 requests/s with %4 sequences at once; TTFT %5, TPOT %6; "
                        "%7; %8 of memory used per GPU.")
                        .arg(qs(v.modelName), number(p.outputTokensPerSecond, 0), number(v.requestsPerSecond, 2),
                             count(v.concurrency), ttftText(p.ttft), tpotText(p.tpot), layoutText(v),
                             memoryUseText(v.memory))
                    + (v.capacityNote ? QLatin1Char(' ') + sentence(translated(*v.capacityNote)) : QString()));
            }

            subsection(Proposal::tr("What it costs"));
            const ScenarioBill &bill = mBills[r];
            QStringList costs;
            if (!bill.parts.empty())
                costs << (bill.capexIsLowerBound
                              ? Proposal::tr(
                                    "Capital: at least %1 (some parts have no price; see the bill of materials).")
                                    .arg(moneyText(bill.capexUsd, 0, locale()))
                              : Proposal::tr("Capital: %1.").arg(moneyText(bill.capexUsd, 0, locale())));
            if (!bill.instances.empty())
                costs << Proposal::tr("Cloud: %1 a month (%2 prices).")
                             .arg(amountMarkedWithCode(bill.monthlyCloudUsd, bill.cloudIsLowerBound),
                                  tierName(mPlan.scenarios[r].cloudTier));
            if (e.training)
                costs << Proposal::tr(
                             "In all %1 a month (capital amortised over %2 years, power, maintenance and colocation "
                             "included); the run takes its hours of that: %3, or %4 per million tokens trained.")
                             .arg(amountMarkedWithCode(e.cost.monthlyTotalUsd, costLowerBound(r)),
                                  plain(mPlan.scenarios[r].costs.amortisationYears.value), runCostsText(e), cost);
            else
                costs << Proposal::tr(
                             "In all %1 a month (capital amortised over %2 years, power, maintenance and colocation "
                             "included), %3 per million output tokens.")
                             .arg(amountMarkedWithCode(e.cost.monthlyTotalUsd, costLowerBound(r)),
                                  plain(mPlan.scenarios[r].costs.amortisationYears.value), cost);
            paragraph(costs.join(QLatin1Char(' ')));
        }

        subsection(Proposal::tr("Break-even"));
        if (!mBreakEven) {
            paragraph(
                Proposal::tr("There is no break-even to report: the plan does not have both an on-prem and a cloud "
                             "scenario that can be estimated and priced."));
        } else {
            const ScenarioEstimate &onPrem = mEstimates[mBreakEven->onPremScenario];
            const ScenarioEstimate &cloud = mEstimates[mBreakEven->cloudScenario];
            QString text;
            if (mBreakEven->month)
                text = Proposal::tr("Buying %1 (capital %2, then %3 a month to run) has cost less in cash than renting "
                                    "%4 (%5 a month) by the end of month %6.")
                           .arg(quoted(onPrem.name),
                                amountMarkedWithCode(onPrem.cost.capexUsd, costLowerBound(mBreakEven->onPremScenario)),
                                moneyText(onPrem.cost.monthlyOpexUsd, 0, locale()), quoted(cloud.name),
                                moneyText(cloud.cost.monthlyTotalUsd, 0, locale()))
                           .arg(*mBreakEven->month);
            else
                text = Proposal::tr(
                           "Buying %1 (capital %2, then %3 a month to run) does not break even with renting %4 "
                           "(%5 a month) within the horizon of %6 months.")
                           .arg(quoted(onPrem.name),
                                amountMarkedWithCode(onPrem.cost.capexUsd, costLowerBound(mBreakEven->onPremScenario)),
                                moneyText(onPrem.cost.monthlyOpexUsd, 0, locale()), quoted(cloud.name),
                                moneyText(cloud.cost.monthlyTotalUsd, 0, locale()))
                           .arg(static_cast<int>(onPrem.cost.cumulativeUsdByMonth.empty()
                                                     ? 0
                                                     : onPrem.cost.cumulativeUsdByMonth.size() - 1));
            text += Proposal::tr(" These are the cheapest on-prem and the cheapest cloud scenario by monthly total.");
            if (costLowerBound(mBreakEven->onPremScenario))
                text += Proposal::tr(
                    " The capital is a lower bound (parts without a price), so buying may break even later.");
            paragraph(text);
        }

        subsection(Proposal::tr("Scenarios at a glance"));
        ProposalTable t;
        t.headers = {Proposal::tr("Scenario"),
                     Proposal::tr("Hardware"),
                     Proposal::tr("Capital (%1)").arg(currencyCode()),
                     Proposal::tr("%1 / month").arg(currencyCode()),
                     Proposal::tr("%1 / M tokens").arg(currencyCode()),
                     Proposal::tr("Verdict")};
        t.widths = {20, 25, 11, 11, 11, 22};
        t.numeric = {false, false, true, true, true, false};
        for (size_t i = 0; i < mPlan.scenarios.size(); ++i) {
            const ScenarioEstimate *e = estimate(i);
            const ScenarioBill &bill = mBills[i];
            t.rows.push_back({qs(mPlan.scenarios[i].name), hardwareText(i),
                              bill.parts.empty() ? QStringLiteral("—")
                              : e && e->costCompleteness == CostCompleteness::Unknown
                                  ? Proposal::tr("unknown")
                                  : amountMarked(bill.capexUsd, bill.capexIsLowerBound),
                              e ? monthlyCostText(*e, locale()) : QStringLiteral("—"),
                              perMillion(mChoice.verdicts.at(i).usdPerMillionTokens), verdictText(i)});
        }
        table(t);
        note(Proposal::tr("≥ marks a lower bound: some parts have no price; a cost is unknown when a GPU or a cloud "
                          "instance has none. %1 / month includes the capital amortised, power, "
                          "maintenance, colocation and cloud bills; %1 / M tokens is the dearest model version's, per "
                          "million output tokens served or, for a training run, per million tokens trained.")
                 .arg(currencyCode())
             + (displayCurrency().isUsd() ? QString() : QLatin1Char(' ') + currencyNote(locale())));
    }

    void billOfMaterials()
    {
        section(proposalsections::billOfMaterials());
        for (size_t i = 0; i < mPlan.scenarios.size(); ++i) {
            const Scenario &scenario = mPlan.scenarios[i];
            const ScenarioBill &bill = mBills[i];
            subsection(qs(scenario.name));
            if (bill.parts.empty() && bill.instances.empty()) {
                paragraph(Proposal::tr("No hardware is drawn in this scenario."));
                continue;
            }
            if (!bill.parts.empty()) {
                ProposalTable t;
                t.headers = {Proposal::tr("Part"), Proposal::tr("Qty"),
                             Proposal::tr("Unit price (%1)").arg(currencyCode()),
                             Proposal::tr("Total (%1)").arg(currencyCode()), Proposal::tr("Price source")};
                t.widths = {33, 6, 12, 13, 36};
                t.numeric = {false, true, true, true, false};
                for (const BillLine &line : bill.parts)
                    t.rows.push_back({qs(line.name), count(line.quantity),
                                      line.unitUsd ? amount(*line.unitUsd) : Proposal::tr("no price"),
                                      line.totalUsd ? amount(*line.totalUsd) : QStringLiteral("—"),
                                      priceSource(line.source)});
                t.rows.push_back({Proposal::tr("Total capital"), QString(), QString(),
                                  amountMarked(bill.capexUsd, bill.capexIsLowerBound),
                                  bill.capexIsLowerBound
                                      ? Proposal::tr("a lower bound: parts without a price are not counted")
                                      : QString()});
                t.totalRows = 1;
                table(t);
            }
            if (!bill.instances.empty()) {
                ProposalTable t;
                t.headers = {Proposal::tr("Cloud instance"), Proposal::tr("Qty"),
                             Proposal::tr("%1 / hour each").arg(currencyCode()),
                             Proposal::tr("%1 / month").arg(currencyCode()), Proposal::tr("Price source")};
                t.widths = {33, 6, 12, 13, 36};
                t.numeric = {false, true, true, true, false};
                for (const CloudBillLine &line : bill.instances)
                    t.rows.push_back(
                        {qs(line.name), count(line.quantity),
                         line.usdPerHour ? moneyAmount(*line.usdPerHour, 2, locale()) : Proposal::tr("no price"),
                         line.monthlyUsd ? amount(*line.monthlyUsd) : QStringLiteral("—"), priceSource(line.source)});
                t.rows.push_back(
                    {Proposal::tr("Cloud bill per month"), QString(), QString(),
                     amountMarked(bill.monthlyCloudUsd, bill.cloudIsLowerBound),
                     reserved(scenario.cloudTier)
                         ? Proposal::tr("%1 prices, paid for every hour of the month").arg(tierName(scenario.cloudTier))
                         : Proposal::tr("%1 prices, %2 hours a month")
                               .arg(tierName(scenario.cloudTier), plain(scenario.costs.cloudHoursPerMonth.value))});
                t.totalRows = 1;
                table(t);
            }
            monthlyCosts(i);
        }
    }

    void monthlyCosts(size_t i)
    {
        const ScenarioEstimate *e = estimate(i);
        if (!e || !(e->cost.monthlyTotalUsd > 0))
            return;
        const CostEstimate &c = e->cost;
        const CostAssumptions &a = mPlan.scenarios[i].costs;
        ProposalTable t;
        t.headers = {Proposal::tr("Monthly cost"), Proposal::tr("%1 / month").arg(currencyCode())};
        t.widths = {45, 20};
        t.numeric = {false, true};
        if (c.monthlyAmortisationUsd > 0)
            t.rows.push_back({Proposal::tr("Capital amortised over %1 years").arg(plain(a.amortisationYears.value)),
                              amount(c.monthlyAmortisationUsd)});
        if (c.monthlyPowerUsd > 0)
            t.rows.push_back({Proposal::tr("Power: %1 kW at the wall at %2/kWh")
                                  .arg(number(c.averagePowerKw, 2),
                                       withCurrencyCode(plain(inDisplayCurrency(a.electricityUsdPerKwh.value)))),
                              amount(c.monthlyPowerUsd)});
        if (c.monthlyMaintenanceUsd > 0)
            t.rows.push_back({Proposal::tr("Maintenance"), amount(c.monthlyMaintenanceUsd)});
        if (c.monthlyColocationUsd > 0)
            t.rows.push_back({Proposal::tr("Colocation"), amount(c.monthlyColocationUsd)});
        if (c.monthlyCloudUsd > 0)
            t.rows.push_back({Proposal::tr("Cloud instances"), amount(c.monthlyCloudUsd)});
        t.rows.push_back({Proposal::tr("Monthly total"), amountMarked(c.monthlyTotalUsd, costLowerBound(i))});
        t.totalRows = 1;
        table(t);
    }

    void topologySection(const std::vector<ProposalFigure> &figures)
    {
        section(proposalsections::topology());
        paragraph(Proposal::tr(
            "Each scenario's servers, parts and links as drawn on the planner's canvas. A red badge marks a "
            "problem found in the topology; solid lines are GPU links inside a server, dashed lines the "
            "network between servers, dashed boxes rented cloud instances."));
        for (size_t i = 0; i < mPlan.scenarios.size(); ++i) {
            const QString name = qs(mPlan.scenarios[i].name);
            const ProposalFigure *f = i < figures.size() ? &figures[i] : nullptr;
            if (!f || !f->paint || f->size.isEmpty()) {
                subsection(name);
                paragraph(Proposal::tr("No hardware is drawn in this scenario."));
                continue;
            }
            ProposalFigure captioned = *f;
            captioned.caption = Proposal::tr("%1 — %2").arg(name, hardwareText(i));
            figure(captioned);
            if (const ScenarioEstimate *e = estimate(i); e && !e->issues.empty()) {
                QStringList problems;
                for (const TopologyIssue &issue : e->issues)
                    problems << issueText(issue);
                problems.removeDuplicates();
                note(Proposal::tr("Problems: %1").arg(problems.join(QStringLiteral("; "))));
            }
        }
    }

    void chartsSection()
    {
        const std::vector<ProposalFigure> charts = proposalCharts(
            mPlan, mEstimates, mSweeps ? *mSweeps : proposalSweeps(mPlan, mEstimates));
        if (charts.empty())
            return;
        section(proposalsections::charts());
        for (const ProposalFigure &chart : charts)
            figure(chart);
    }

    void versionsSection()
    {
        section(proposalsections::modelVersions());
        paragraph(
            Proposal::tr("Every model version on every scenario, for %1 (%2). Memory is the most loaded GPU's, used of "
                         "usable (%3); speeds are the performance model's nominal estimate.")
                .arg(workloadText(mPlan.workload), targetsText(mPlan.workload), memoryUnitDefinition()));
        ProposalTable t;
        t.headers = {Proposal::tr("Scenario"),
                     Proposal::tr("Model version"),
                     Proposal::tr("Fits"),
                     Proposal::tr("Memory per GPU (%1)").arg(memoryUnitSymbol()),
                     Proposal::tr("Tokens/s"),
                     Proposal::tr("TTFT"),
                     Proposal::tr("TPOT"),
                     Proposal::tr("Verdict"),
                     Proposal::tr("%1 / M tokens").arg(currencyCode())};
        t.widths = {15, 22, 6, 12, 10, 8, 8, 10, 9};
        t.numeric = {false, false, false, true, true, true, true, false, true};
        bool training = false;
        for (size_t i = 0; i < mEstimates.size(); ++i) {
            const ScenarioEstimate &e = mEstimates[i];
            training = training || e.training;
            if (e.versions.empty())
                t.rows.push_back({qs(e.name), Proposal::tr("—\nno model version picked"), QStringLiteral("—"),
                                  QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"),
                                  QStringLiteral("—"), QStringLiteral("—")});
            for (const VersionEstimate &v : e.versions) {
                const bool sized = v.verdict.fits != Answer::Unknown;
                const bool timed = v.speed.has_value();
                QString detail = versionProblem(v, mPlan.workload);
                if (v.training && detail.isEmpty())
                    detail = trainingSetupText(*v.training);
                else if (detail.isEmpty() && timed)
                    detail = Proposal::tr("%1 · %2 sequences · decode %3-bound")
                                 .arg(layoutText(v), count(v.concurrency), boundName(v.speed->decode.bound));
                if (!v.training)
                    detail += offloadText(v) + fleetText(v, mPlan.workload.peakFactor);
                const MemoryUse use = memoryUse(v);
                t.rows.push_back(
                    {qs(e.name), qs(v.modelName) + (detail.isEmpty() ? QString() : QLatin1Char('\n') + detail),
                     sized ? (v.verdict.fits == Answer::Yes ? Proposal::tr("yes") : Proposal::tr("no"))
                           : Proposal::tr("unknown"),
                     sized ? Proposal::tr("%1 of %2").arg(memoryText(use.used, 1), memoryText(use.capacity, 1))
                           : QStringLiteral("—"),
                     tokensPerSecondText(v, locale()), timed ? ttftText(v.speed->nominal.ttft) : QStringLiteral("—"),
                     timed ? tpotText(v.speed->nominal.tpot) : QStringLiteral("—"),
                     verdictWord(v.verdict, verdictTask(v)), costPerMillionText(v, locale())});
            }
        }
        table(t);
        if (training)
            note(Proposal::tr("For a training run, tokens/s are the tokens trained a second, the verdict says whether "
                              "it finishes by its deadline, and the cost per million tokens is the run's cost (its "
                              "hours of the scenario's monthly cost, or of the instances' price) over the tokens it "
                              "trains on."));
        trainingRuns();
    }

    // Per training scenario, each version's run in detail.
    void trainingRuns()
    {
        for (const ScenarioEstimate &e : mEstimates) {
            if (!e.training)
                continue;
            subsection(Proposal::tr("Training run: %1").arg(qs(e.name)));
            for (const VersionEstimate &v : e.versions) {
                if (!v.training) {
                    paragraph(Proposal::tr("%1: %2").arg(qs(v.modelName), versionProblem(v, mPlan.workload)));
                    continue;
                }
                const TrainingOutcome &o = *v.training;
                const TrainingMemoryEstimate &m = o.memory;
                ProposalTable t;
                t.headers = {qs(v.modelName), Proposal::tr("Value")};
                t.widths = {35, 65};
                t.numeric = {false, false};
                t.rows = {
                    {Proposal::tr("Layout and precision"), trainingSetupText(o)},
                    {Proposal::tr("Memory per GPU"),
                     Proposal::tr("%1 of %2: weights %3, gradients %4, optimizer states %5, activations %6, "
                                  "runtime %7")
                         .arg(memoryText(m.total(), 1), memoryText(m.capacity, 1), memoryText(m.weights, 1),
                              memoryText(m.gradients, 1), memoryText(m.optimizerStates, 1),
                              memoryText(m.activations, 1), memoryText(m.overhead, 1))},
                };
                if (o.time)
                    t.rows.push_back({Proposal::tr("Speed and time"),
                                      Proposal::tr("%1 tokens/s; %2")
                                          .arg(tokensPerSecondText(v, locale()), trainingTimeText(o, locale()))});
                if (const QString sizing = deadlineSizingText(o); !sizing.isEmpty())
                    t.rows.push_back({Proposal::tr("Deadline"), sentence(sizing)});
                if (o.time)
                    t.rows.push_back({Proposal::tr("Run cost"), withCurrencyCode(runCostText(o, locale()))});
                table(t);
            }
        }
    }

    // The training scenarios' settings as the planner ran them.
    void trainingSettings()
    {
        ProposalTable t;
        t.headers = {Proposal::tr("Scenario"), Proposal::tr("Method and optimizer"), Proposal::tr("Sequence and batch"),
                     Proposal::tr("Tokens and deadline"), Proposal::tr("Cloud prices")};
        t.widths = {24, 24, 20, 20, 12};
        t.numeric = {false, false, false, false, false};
        for (const Scenario &s : mPlan.scenarios) {
            if (!s.training)
                continue;
            const TrainingSettings &r = *s.training;
            t.rows.push_back(
                {qs(s.name), Proposal::tr("%1\n%2").arg(trainingMethodName(r.method), optimizerName(r.optimizer)),
                 Proposal::tr("%1 tokens a sequence\nmicro-batch %2, global batch %3")
                     .arg(count(r.sequenceLength), count(r.microBatch),
                          r.globalBatch > 0 ? count(r.globalBatch) : Proposal::tr("one micro-batch per rank")),
                 Proposal::tr("%1 tokens\n%2")
                     .arg(tokensText(r.tokens), r.deadlineDays > 0
                                                    ? Proposal::tr("within %1 days").arg(plain(r.deadlineDays))
                                                    : Proposal::tr("no deadline")),
                 tierName(s.cloudTier)});
        }
        if (t.rows.empty())
            return;
        subsection(Proposal::tr("Training runs"));
        table(t);
    }

    void assumptionsSection()
    {
        section(proposalsections::assumptions());
        const PlanWorkload &w = mPlan.workload;

        subsection(Proposal::tr("Workload and targets"));
        QStringList versions;
        for (const std::string &id : mPlan.modelIds)
            versions << (mPlan.parts.model(id) ? qs(mPlan.parts.model(id)->displayName) : qs(id));
        ProposalTable workload;
        workload.headers = {Proposal::tr("Workload"), Proposal::tr("Value")};
        workload.widths = {35, 65};
        workload.numeric = {false, false};
        workload.rows = {
            {Proposal::tr("Model versions compared"),
             versions.isEmpty() ? Proposal::tr("none picked") : versions.join(QStringLiteral(", "))},
            {Proposal::tr("Prompt per request"), Proposal::tr("%1 tokens").arg(count(w.inputTokens))},
            {Proposal::tr("Answer per request"), Proposal::tr("%1 tokens").arg(count(w.outputTokens))},
            {Proposal::tr("Context held per sequence"), Proposal::tr("%1 tokens").arg(count(w.contextTokens))},
            {Proposal::tr("Load"), loadText(w)},
            {Proposal::tr("Prompt found in the prefix cache"),
             w.prefixCacheHitRate > 0
                 ? Proposal::tr("%1 % of each prompt, not computed again").arg(plain(w.prefixCacheHitRate * 100))
                 : Proposal::tr("none assumed")},
            {Proposal::tr("Time to first token (TTFT) target"),
             Proposal::tr("at most %1 s").arg(plain(w.ttftSloSeconds))},
            {Proposal::tr("Time per output token (TPOT) target"),
             Proposal::tr("at most %1 ms").arg(plain(w.tpotSloSeconds * 1000))},
        };
        table(workload);

        subsection(Proposal::tr("Deployment"));
        ProposalTable deployment;
        deployment.headers = {Proposal::tr("Scenario"), Proposal::tr("Engine"),      Proposal::tr("Weights"),
                              Proposal::tr("KV cache"), Proposal::tr("Parallelism"), Proposal::tr("Cloud prices")};
        deployment.widths = {22, 13, 20, 11, 22, 12};
        deployment.numeric = {false, false, false, false, false, false};
        // What the estimates ran: each version's resolved deployment.
        for (size_t i = 0; i < mPlan.scenarios.size(); ++i) {
            const Scenario &s = mPlan.scenarios[i];
            if (s.training)
                continue; // its run's settings follow in their own table
            const ScenarioEstimate *e = estimate(i);
            const PerfRequest *first = nullptr;
            QStringList layouts;
            for (const VersionEstimate &v : versionsOf(e)) {
                if (v.replicas == 0)
                    continue;
                if (!first && v.request)
                    first = &*v.request;
                layouts << Proposal::tr("%1: %2").arg(qs(v.modelName), layoutText(v));
            }
            const DeploymentSettings &d = s.deployment;
            QString engine = first ? qs(first->deployment.engine.name) : qs(d.engineId);
            if (first && first->speculative.kind != DraftKind::None) {
                const SpeculativeDecoding &draft = first->speculative;
                engine += draft.draftTokens == 1 ? Proposal::tr("\n%1 draft of 1 token, %2 tokens a step")
                                                       .arg(draftName(draft.kind), plain(draft.acceptedTokens))
                                                 : Proposal::tr("\n%1 draft of %2 tokens, %3 tokens a step")
                                                       .arg(draftName(draft.kind))
                                                       .arg(draft.draftTokens)
                                                       .arg(plain(draft.acceptedTokens));
            }
            if (first && first->prefillPool)
                engine += Proposal::tr("\nprefill pool sends KV caches at %1 GB/s per GPU")
                              .arg(number(units::inGBPerSecond(first->prefillPool->kvTransfer.bandwidth), 0));
            deployment.rows.push_back({qs(s.name), engine,
                                       d.weightFormat.empty() ? Proposal::tr("each checkpoint's own")
                                       : first                ? qs(first->deployment.weights.name)
                                                              : qs(d.weightFormat),
                                       first ? qs(first->deployment.kvCache.name) : qs(d.kvFormat),
                                       layouts.isEmpty() ? QStringLiteral("—") : layouts.join(QLatin1Char('\n')),
                                       tierName(s.cloudTier)});
        }
        if (!deployment.rows.empty())
            table(deployment);
        trainingSettings();

        efficiencyFactors();
        costAssumptions();
        prices();
    }

    // An engine's host time: a step's, a sequence's, a request's, and a
    // layer's where kernels are launched from Python.
    static QString hostTime(const Efficiency &e)
    {
        QString text = Proposal::tr("%1 ms a step\n%2 ms a sequence\n%3 ms a request")
                           .arg(number(e.stepSeconds * 1000, 2), number(e.sequenceSeconds * 1000, 3),
                                number(e.requestSeconds * 1000, 0));
        if (e.layerSeconds > 0)
            text += Proposal::tr("\n%1 ms a layer").arg(number(e.layerSeconds * 1000, 2));
        return text;
    }

    void efficiencyFactors()
    {
        subsection(Proposal::tr("Efficiency factors"));
        paragraph(Proposal::tr(
            "The share of each datasheet peak the performance model assumes a serving engine reaches on a GPU, "
            "nominal with the slowest and fastest plausible in brackets (the range behind every speed's "
            "spread), and the engine's host time: per forward step, per sequence in a step and per request "
            "before its prefill. All are fitted to published serving measurements."));
        ProposalTable t;
        t.headers = {Proposal::tr("Scenario"),         Proposal::tr("Engine on GPU"), Proposal::tr("Compute"),
                     Proposal::tr("Memory bandwidth"), Proposal::tr("Links"),         Proposal::tr("Host time")};
        t.widths = {20, 24, 12, 13, 12, 19};
        t.numeric = {false, false, true, true, true, true};
        QStringList sources;
        for (size_t i = 0; i < mPlan.scenarios.size(); ++i) {
            const Scenario &s = mPlan.scenarios[i];
            const ScenarioEstimate *e = estimate(i);
            // The engine the estimates resolved to (the first version that has a deployment).
            std::optional<EngineProfile> engine;
            for (const VersionEstimate &v : versionsOf(e))
                if (v.request && !engine)
                    engine = v.request->deployment.engine;
            if (!engine || !e || !e->cluster.gpu) {
                t.rows.push_back({qs(s.name), Proposal::tr("—\nno GPU or engine to estimate"), QStringLiteral("—"),
                                  QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—")});
                continue;
            }
            const EfficiencyRange r = efficiencyFor(*engine, *e->cluster.gpu);
            const auto range = [](double nominal, double low, double high) {
                return Proposal::tr("%1\n(%2–%3)").arg(percent(nominal), percent(low).chopped(2), percent(high));
            };
            t.rows.push_back({qs(s.name), Proposal::tr("%1 on %2").arg(qs(engine->name), qs(e->cluster.gpu->name)),
                              range(r.nominal.compute, r.pessimistic.compute, r.optimistic.compute),
                              range(r.nominal.memory, r.pessimistic.memory, r.optimistic.memory),
                              range(r.nominal.network, r.pessimistic.network, r.optimistic.network),
                              hostTime(r.nominal)});
            sources << Proposal::tr("Efficiency, %1 on %2: %3.")
                           .arg(qs(engine->name), qs(e->cluster.gpu->name), qs(r.source))
                    << Proposal::tr("Engine profile, %1: %2.").arg(qs(engine->name), qs(engine->source));
        }
        table(t);
        sources.removeDuplicates();
        for (const QString &source : sources)
            note(source);
    }

    void costAssumptions()
    {
        subsection(Proposal::tr("Cost assumptions"));
        if (!displayCurrency().isUsd())
            paragraph(currencyNote(locale()));
        // Scenarios with the same assumptions share one table.
        std::vector<std::vector<size_t>> groups;
        const auto same = [](const CostAssumptions &a, const CostAssumptions &b) {
            return std::all_of(kCostAssumptionKeys.begin(), kCostAssumptionKeys.end(),
                               [&](const CostAssumptionKey &key) {
                                   return (a.*key.member).value == (b.*key.member).value
                                          && (a.*key.member).source == (b.*key.member).source;
                               });
        };
        for (size_t i = 0; i < mPlan.scenarios.size(); ++i) {
            auto group = std::find_if(groups.begin(), groups.end(), [&](const std::vector<size_t> &g) {
                return same(mPlan.scenarios[g.front()].costs, mPlan.scenarios[i].costs);
            });
            if (group != groups.end())
                group->push_back(i);
            else
                groups.push_back({i});
        }
        for (const std::vector<size_t> &group : groups) {
            QStringList names;
            for (size_t i : group)
                names << quoted(mPlan.scenarios[i].name);
            paragraph(groups.size() == 1 && group.size() == mPlan.scenarios.size()
                          ? Proposal::tr("For every scenario:")
                          : Proposal::tr("For %1:").arg(names.join(QStringLiteral(", "))));
            const CostAssumptions &a = mPlan.scenarios[group.front()].costs;
            ProposalTable t;
            t.headers = {Proposal::tr("Assumption"), Proposal::tr("Value"), Proposal::tr("Source")};
            t.widths = {20, 25, 55};
            t.numeric = {false, false, false};
            for (const CostField &field : costFields()) {
                const CostAssumption &value = a.*field.member;
                t.rows.push_back({field.label,
                                  (number(field.shownValue(value.value, displayCurrency()), field.decimals)
                                   + field.unitIn(displayCurrency()))
                                      .trimmed(),
                                  qs(value.source)});
            }
            table(t);
        }
    }

    void prices()
    {
        subsection(Proposal::tr("Prices and their dates"));
        ProposalTable t;
        t.headers = {Proposal::tr("Part"), Proposal::tr("Price (USD)"), Proposal::tr("Date"), Proposal::tr("Source")};
        t.widths = {32, 22, 12, 34};
        t.numeric = {false, false, false, false};
        // The prices the estimates used: the user's where they typed one.
        const PartSnapshot p = withUserPrices(mPlan.parts, mPlan.userPrices);
        const auto add = [&t](const std::string &name, const OptionalPrice &price, const std::string &source) {
            // As the source quotes it, in USD.
            t.rows.push_back({qs(name), price ? number(price->usd, 0) : Proposal::tr("no price"),
                              price ? qs(price->date) : QStringLiteral("—"), qs(source)});
        };
        for (const GpuSpec &g : p.gpus)
            add(g.name, g.price, g.source);
        for (const CpuSpec &c : p.cpus)
            add(c.name, c.price, c.source);
        for (const MemoryModuleSpec &m : p.memory)
            add(m.name, m.price, m.source);
        for (const StorageSpec &s : p.storage)
            add(s.name, s.price, s.source);
        for (const ServerTemplate &s : p.servers)
            add(Proposal::tr("%1 (chassis and integration)").arg(qs(s.name)).toStdString(), s.chassisPrice, s.source);
        for (const CloudInstance &instance : p.instances) {
            QStringList tiers;
            for (CloudTier tier :
                 {CloudTier::OnDemand, CloudTier::Reserved1Year, CloudTier::Reserved3Year, CloudTier::Spot})
                if (const std::optional<double> hourly = hourlyPrice(instance, tier))
                    tiers << Proposal::tr("%1 per hour %2").arg(number(*hourly, 2), tierName(tier));
            t.rows.push_back({Proposal::tr("%1 %2").arg(qs(instance.provider), qs(instance.name)).trimmed(),
                              tiers.isEmpty() ? Proposal::tr("no price") : tiers.join(QLatin1Char('\n')),
                              instance.region.empty()
                                  ? qs(instance.priceDate)
                                  : qs(instance.priceDate) + QLatin1Char('\n') + qs(instance.region),
                              qs(instance.source)});
        }
        if (t.rows.empty()) {
            paragraph(Proposal::tr("The plan uses no priced part."));
            return;
        }
        table(t);
    }

    const Plan &mPlan;
    const std::vector<ScenarioEstimate> &mEstimates;
    const std::optional<std::vector<RateSweep>> &mSweeps;
    std::vector<ScenarioBill> mBills;
    ScenarioChoice mChoice;
    std::optional<PlanBreakEven> mBreakEven;
    ProposalContent mContent;
};

} // namespace

namespace proposalsections {
QString executiveSummary()
{
    return Proposal::tr("Executive summary");
}
QString billOfMaterials()
{
    return Proposal::tr("Bill of materials");
}
QString topology()
{
    return Proposal::tr("Topology");
}
QString charts()
{
    return Proposal::tr("Charts");
}
QString modelVersions()
{
    return Proposal::tr("Model versions");
}
QString assumptions()
{
    return Proposal::tr("Assumptions");
}
} // namespace proposalsections

ProposalContent buildProposalContent(const Plan &plan, const std::vector<ScenarioEstimate> &estimates,
                                     const ProposalOptions &options, const std::vector<ProposalFigure> &topology,
                                     const std::optional<std::vector<RateSweep>> &sweeps)
{
    return Builder(plan, estimates, sweeps).build(options, topology);
}

} // namespace planner
