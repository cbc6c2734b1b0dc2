#include "app/cli/evaluatecommand.h"

#include "app/cli/clisupport.h"
#include "app/cli/deploymentoptions.h"
#include "app/cli/planoptions.h"
#include "app/cli/trainingoptions.h"
#include "core/plan/planevaluation.h"
#include "database/planestimatejson.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace planner::cli {

namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString money(double usd, int decimals)
{
    return QStringLiteral("%1 USD").arg(QLocale(QLocale::English).toString(usd, 'f', decimals));
}

QString joined(const std::vector<std::string> &items)
{
    QStringList out;
    for (const std::string &item : items)
        out << qs(item);
    return out.join(QStringLiteral(", "));
}

QString costText(const ScenarioEstimate &s)
{
    switch (s.costCompleteness) {
    case CostCompleteness::Unknown:
        return s.unpricedGpusOrInstances.empty()
                   ? QStringLiteral("nothing to cost")
                   : QStringLiteral("cost unknown (no price for %1)").arg(joined(s.unpricedGpusOrInstances));
    case CostCompleteness::LowerBound:
        return QStringLiteral("at least %1 a month (%2 without a price)")
            .arg(money(s.cost.monthlyTotalUsd, 0),
                 plural(static_cast<long long>(s.cost.unpricedParts.size()), QStringLiteral("part")));
    case CostCompleteness::Complete: break;
    }
    return QStringLiteral("%1 a month").arg(money(s.cost.monthlyTotalUsd, 0));
}

// A training run's layout, memory, time and cost.
void printTraining(const TrainingOutcome &t)
{
    const TrainingRequest &r = t.run.setup;
    printLine(QStringLiteral("    %1 training, TP %2 x PP %3 x DP %4 · %5; sequence %6, micro-batch %7")
                  .arg(qs(toString(r.method)))
                  .arg(r.parallel.tensor)
                  .arg(r.parallel.pipeline)
                  .arg(t.memory.dataParallelRanks)
                  .arg(trainingSetupText(r))
                  .arg(r.sequenceLength)
                  .arg(r.microBatch));
    const TrainingMemoryEstimate &m = t.memory;
    printLine(QStringLiteral("    Memory per GPU %1 of %2: weights %3, gradients %4, optimizer %5, activations %6")
                  .arg(formatBytes(units::inBytes(m.total())), formatBytes(units::inBytes(m.capacity)),
                       formatBytes(units::inBytes(m.weights)), formatBytes(units::inBytes(m.gradients)),
                       formatBytes(units::inBytes(m.optimizerStates)), formatBytes(units::inBytes(m.activations))));
    if (!t.time)
        return;
    const TrainingRunEstimate &e = *t.time;
    printLine(QStringLiteral("    %1 tokens/s, MFU %2 %, %3 days (%4 – %5), %6 GPU-hours")
                  .arg(e.nominal.tokensPerSecond, 0, 'f', 0)
                  .arg(e.nominal.mfu * 100, 0, 'f', 1)
                  .arg(e.nominal.seconds / 86400, 0, 'f', 2)
                  .arg(e.optimistic.seconds / 86400, 0, 'f', 2)
                  .arg(e.pessimistic.seconds / 86400, 0, 'f', 2)
                  .arg(e.nominal.gpuHours, 0, 'f', 0));
    switch (t.deadlineSizing) {
    case DeadlineSizing::NotAsked: break;
    case DeadlineSizing::Found:
        printLine(QStringLiteral("    %1 like these finish within %2 days")
                      .arg(plural(t.serversForDeadline, QStringLiteral("server")))
                      .arg(t.deadlineDays));
        break;
    case DeadlineSizing::NoneFinishes:
        printLine(QStringLiteral("    no number of servers like these finishes within %1 days").arg(t.deadlineDays));
        break;
    case DeadlineSizing::NoPathBetweenServers:
        printLine(QStringLiteral("    to size servers for the deadline, draw two linked by the network to scale over"));
        break;
    }
    if (t.runCostUsd)
        printLine(QStringLiteral("    The run costs %1%2 (%3 per million tokens)")
                      .arg(t.costIsLowerBound ? QStringLiteral("at least ") : QString(), money(*t.runCostUsd, 0),
                           money(*t.usdPerMillionTokens, 2)));
}

void printVersion(const VersionEstimate &v, double peakFactor, bool training)
{
    QString line = QStringLiteral("  %1: fits %2, %3 %4")
                       .arg(qs(v.modelName), qs(toString(v.verdict.fits)),
                            training ? QStringLiteral("meets the deadline") : QStringLiteral("serves"),
                            qs(toString(v.verdict.serves)));
    if (!v.verdict.reason.empty())
        line += QStringLiteral(" — ") + qs(v.verdict.reason.text());
    printLine(line);
    if (v.training) {
        printTraining(*v.training);
        return;
    }
    // Sequences are sized only when the serving verdict is known.
    const QString held = v.verdict.serves == Answer::Unknown
                             ? QString()
                             : QStringLiteral("; %1 at once (holds %2)")
                                   .arg(plural(v.concurrency, QStringLiteral("sequence")), count(v.sequencesHeld));
    const auto layout = [](const Parallelism &p) {
        return QStringLiteral("TP %1 x PP %2 x EP %3%4")
            .arg(p.tensor)
            .arg(p.pipeline)
            .arg(p.expert)
            .arg(p.dataParallelAttention ? QStringLiteral(", DP attention") : QString());
    };
    if (v.replicas > 0)
        printLine(QStringLiteral("    %1, %2%3")
                      .arg(layout(v.parallel), plural(v.replicas, QStringLiteral("replica")), held));
    if (v.prefillGpus > 0)
        printLine(QStringLiteral("    Prefill pool: %1, %2")
                      .arg(plural(v.prefillGpus, QStringLiteral("GPU")), layout(v.prefillParallel)));
    if (v.verdict.fits != Answer::Unknown)
        printLine(QStringLiteral("    Memory per GPU %1 of %2%3")
                      .arg(formatBytes(units::inBytes(v.memory.perGpu.total())),
                           formatBytes(units::inBytes(v.memory.capacity)),
                           v.capacityNote ? QStringLiteral(": ") + qs(v.capacityNote->text()) : QString()));
    if (v.memory.offloadedLayers > 0)
        printLine(QStringLiteral("    %1 in host RAM (%2)")
                      .arg(plural(v.memory.offloadedLayers, QStringLiteral("layer")),
                           formatBytes(units::inBytes(v.memory.hostMemory))));
    if (v.speed) {
        const PerfPoint &p = v.speed->nominal;
        printLine(QStringLiteral("    %1 output tokens/s, TTFT %2 s, TPOT %3 ms, decode %4-bound")
                      .arg(QString::number(p.outputTokensPerSecond, 'f', 0))
                      .arg(units::inSeconds(p.ttft), 0, 'f', 2)
                      .arg(units::inSeconds(p.tpot) * 1000, 0, 'f', 1)
                      .arg(qs(toString(v.speed->decode.bound))));
    }
    if (v.fleetServersNeeded)
        printLine(QStringLiteral("    Fleet: the load at its peak (x%1) needs %2 like these, spares included")
                      .arg(peakFactor)
                      .arg(plural(*v.fleetServersNeeded, QStringLiteral("server"))));
    if (v.usdPerMillionOutputTokens)
        printLine(QStringLiteral("    %1%2 per million output tokens")
                      .arg(v.costIsLowerBound ? QStringLiteral("at least ") : QString(),
                           money(*v.usdPerMillionOutputTokens, 2)));
}

} // namespace

int runEvaluate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluate PLAN as the desktop's Summary does: per scenario and model version, whether it fits, whether it "
        "serves the plan's load within its latency targets (or what is unknown), the speed at the load, and the cost."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("a plan file (*.llmplan)"));
    parser.addOptions({
        {QStringLiteral("scenario"), QStringLiteral("Only this scenario (its name or number from 1)."),
         QStringLiteral("NAME")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object instead of text.")},
    });
    parseOptions(parser, arguments);
    const Plan plan = planArgument(parser, QStringLiteral("evaluate"));
    if (const std::vector<Problem> problems = validate(plan); !problems.empty())
        throw UsageError(qs(problems.front().text()));

    std::vector<ScenarioEstimate> estimates;
    if (parser.isSet(QStringLiteral("scenario")))
        estimates.push_back(
            evaluateScenario(plan, plan.scenarios[scenarioIndex(plan, parser.value(QStringLiteral("scenario")))]));
    else
        estimates = evaluatePlan(plan);

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray scenarios;
        for (const ScenarioEstimate &e : estimates)
            scenarios.append(scenarioEstimateToJson(e));
        printJson(QJsonObject{{"plan", qs(plan.name)}, {"scenarios", scenarios}});
        return 0;
    }
    for (const ScenarioEstimate &e : estimates) {
        printLine(QStringLiteral("%1 — %2").arg(qs(e.name), costText(e)));
        if (!e.cluster.problem.empty())
            printLine(QStringLiteral("  cannot be estimated: %1").arg(qs(e.cluster.problem.text())));
        for (const TopologyIssue &issue : e.issues)
            printLine(QStringLiteral("  problem: %1%2")
                          .arg(qs(issue.message.text()),
                               issue.fallback.empty() ? QString() : QStringLiteral(" — ") + qs(issue.fallback.text())));
        for (const VersionEstimate &v : e.versions)
            printVersion(v, plan.workload.peakFactor, e.training);
    }
    return 0;
}

} // namespace planner::cli
