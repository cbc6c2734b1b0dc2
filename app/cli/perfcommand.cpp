#include "app/cli/perfcommand.h"

#include "app/cli/clisupport.h"
#include "app/cli/deploymentoptions.h"
#include "app/cli/servingoptions.h"
#include "core/perf/encoderperf.h"
#include "core/perf/perfmodel.h"
#include "database/estimatejson.h"

#include <QJsonArray>

namespace planner::cli {

namespace {

QString seconds(units::Seconds s)
{
    const double value = units::inSeconds(s);
    return value < 1 ? QStringLiteral("%1 ms").arg(value * 1e3, 0, 'f', 1)
                     : QStringLiteral("%1 s").arg(value, 0, 'f', 2);
}

QString range(units::Seconds nominal, units::Seconds low, units::Seconds high)
{
    return QStringLiteral("%1 (%2 – %3)").arg(seconds(nominal), seconds(low), seconds(high));
}

QString rate(double nominal, double low, double high)
{
    return QStringLiteral("%1 (%2 – %3)").arg(nominal, 0, 'f', 1).arg(low, 0, 'f', 1).arg(high, 0, 'f', 1);
}

// "Llama 3.1 70B on 4 x NVIDIA H100 SXM — vLLM, weights FP8"
QString headline(const PerfRequest &r)
{
    return QStringLiteral("%1 on %2 x %3 — %4, weights %5")
        .arg(QString::fromStdString(r.deployment.model.displayName))
        .arg(r.deployment.gpuCount)
        .arg(QString::fromStdString(r.deployment.gpu.name), QString::fromStdString(r.deployment.engine.name),
             QString::fromStdString(r.deployment.weights.name));
}

// The lines that say how the deployment serves, where it is not the usual
// colocated engine without a prefix cache.
void printServingSetup(const PerfRequest &r, const PerfEstimate &e)
{
    if (r.prefillPool) {
        const InferenceRequest &pool = r.prefillPool->deployment;
        printLine(
            QStringLiteral("Disaggregated: these GPUs decode; a prefill pool of %1 (TP %2 x PP %3 x EP %4%5) "
                           "computes the prompts, %6 at once, and sends each cache in %7")
                .arg(plural(pool.gpuCount, QStringLiteral("GPU")))
                .arg(pool.parallel.tensor)
                .arg(pool.parallel.pipeline)
                .arg(pool.parallel.expert)
                .arg(pool.parallel.dataParallelAttention ? QStringLiteral(", data-parallel attention") : QString())
                .arg(plural(e.prefillPoolConcurrency, QStringLiteral("prompt")), seconds(e.kvTransfer)));
    } else if (r.phases == ServingPhases::PrefillOnly) {
        printLine(
            QStringLiteral("Prefill side alone: each request's prompt and first token, its cache then handed on"));
    } else if (r.phases == ServingPhases::DecodeOnly) {
        printLine(QStringLiteral("Decode side alone: caches arrive computed, no prompt shares a step"));
    }
    if (r.prefixCacheHitRate > 0)
        printLine(QStringLiteral("Prefix cache: %1 % of each prompt is cached and not computed again")
                      .arg(r.prefixCacheHitRate * 100, 0, 'f', 0));
}

Efficiency efficiencyOption(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    bool ok = parts.size() == 3;
    double values[3] = {0, 0, 0};
    for (int i = 0; ok && i < 3; ++i)
        values[i] = parts.at(i).toDouble(&ok);
    const Efficiency efficiency{values[0], values[1], values[2]};
    if (!ok || !efficiency.plausible())
        throw UsageError(QStringLiteral("--efficiency expects three fractions between %1 and 1 as C,M,N, got '%2'")
                             .arg(Efficiency::kMinimum)
                             .arg(text));
    return efficiency;
}

// An encoder-only model (BERT): requests per second batch by batch, each
// request one forward pass over --input-len tokens, batches up to --concurrency.
int printEncoderSpeed(const QCommandLineParser &parser, const CliDeployment &deployment, bool json)
{
    if (parser.isSet(QStringLiteral("output-len")) || parser.isSet(QStringLiteral("curve")))
        throw UsageError(QStringLiteral("%1 is encoder-only: a request is one forward pass with no output tokens, so "
                                        "--output-len and --curve do not apply (every batch size is listed)")
                             .arg(QString::fromStdString(deployment.model.displayName)));
    const std::int64_t sequence = countOption(parser, QStringLiteral("input-len"), 128);
    const std::int64_t largestBatch = integerOption(parser, QStringLiteral("concurrency"), 128);
    if (sequence > deployment.model.maxContext)
        throw UsageError(QStringLiteral("--input-len: %1 tokens exceed %2's %3 learned positions")
                             .arg(sequence)
                             .arg(QString::fromStdString(deployment.model.displayName))
                             .arg(deployment.model.maxContext));
    PerfRequest r = resolveForTiming(deployment, WorkloadShape{sequence, 0, 0}).request;
    if (parser.isSet(QStringLiteral("efficiency")))
        r.efficiency = efficiencyOption(parser.value(QStringLiteral("efficiency")));
    throwIfInvalid(validateEncoder(r, sequence, largestBatch));
    const EncoderEstimate e = estimateEncoder(r, sequence, largestBatch);
    if (json) {
        QJsonArray points;
        for (const EncoderBatchPoint &p : e.points) {
            QJsonObject point{{"batch", static_cast<double>(p.batch)}, {"fits", p.fits}};
            if (p.fits) {
                point.insert(QStringLiteral("latency_s"), units::inSeconds(p.latency));
                point.insert(QStringLiteral("latency_range_s"),
                             QJsonArray{units::inSeconds(p.latencyFastest), units::inSeconds(p.latencySlowest)});
                point.insert(QStringLiteral("requests_per_s"), p.requestsPerSecond);
                point.insert(QStringLiteral("requests_per_s_range"),
                             QJsonArray{p.requestsPerSecondLow, p.requestsPerSecondHigh});
                point.insert(QStringLiteral("bound"), QString::fromUtf8(toString(p.bound).data()));
            }
            points.append(point);
        }
        printJson(QJsonObject{{"model", QString::fromStdString(r.deployment.model.id)},
                              {"encoder_only", true},
                              {"gpu", QString::fromStdString(r.deployment.gpu.id)},
                              {"gpus", r.deployment.gpuCount},
                              {"replicas", e.replicas},
                              {"sequence_tokens", static_cast<double>(sequence)},
                              {"batches", points},
                              {"efficiency_source", QString::fromStdString(encoderEfficiency(r).source)}});
        return 0;
    }
    printLine(headline(r) + QStringLiteral(" (encoder-only: one forward pass per request)"));
    printLine(QStringLiteral("%1 per request (padded), %2 serving side by side")
                  .arg(plural(sequence, QStringLiteral("token")), plural(e.replicas, QStringLiteral("replica"))));
    printLine(QStringLiteral("  batch   latency per pass             requests/s (all replicas)"));
    for (const EncoderBatchPoint &p : e.points) {
        if (!p.fits) {
            printLine(QStringLiteral("  %1   does not fit in memory").arg(p.batch, 5));
            continue;
        }
        printLine(QStringLiteral("  %1   %2   %3, %4-bound")
                      .arg(p.batch, 5)
                      .arg(range(p.latency, p.latencyFastest, p.latencySlowest), -26)
                      .arg(rate(p.requestsPerSecond, p.requestsPerSecondLow, p.requestsPerSecondHigh),
                           QString::fromUtf8(toString(p.bound).data())));
    }
    printLine(QStringLiteral("Latency is the engine's pass; waiting for a batch to fill and host copies come on top."));
    printLine(QStringLiteral("Ranges span the efficiency factors: %1")
                  .arg(QString::fromStdString(encoderEfficiency(r).source)));
    return 0;
}

} // namespace

int runPerf(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serving speed of a model version on a deployment, from a roofline per step: time to first token, "
        "time per output token and tokens/s, each with the range the efficiency factors allow. For an "
        "encoder-only model (BERT): requests/s and latency per forward pass at batch 1, 2, 4, ... up to "
        "--concurrency (default 128), --input-len tokens each (default 128)."));
    addDeploymentOptions(parser);
    addServingOptions(parser);
    parser.addOptions({
        {QStringLiteral("input-len"), QStringLiteral("Prompt tokens per request (default 1024)."), QStringLiteral("N")},
        {QStringLiteral("output-len"), QStringLiteral("Output tokens per request (default 256)."), QStringLiteral("N")},
        {QStringLiteral("concurrency"), QStringLiteral("Requests served at once (default 1)."), QStringLiteral("N")},
        {QStringLiteral("curve"),
         QStringLiteral(
             "Also give throughput and latency at concurrency 1, 2, 4, ... up to what the engine runs at once.")},
        {QStringLiteral("efficiency"),
         QStringLiteral("Your achievable fractions of peak compute, memory and link bandwidth "
                        "(from 'calibrate'), e.g. 0.55,0.7,0.75."),
         QStringLiteral("C,M,N")},
    });
    parseCommand(parser, arguments);

    CliDeployment deployment = deploymentFrom(parser);
    if (deployment.model.encoder)
        return printEncoderSpeed(parser, deployment, parser.isSet(QStringLiteral("json")));
    applyPrefillPoolOptions(parser, deployment);
    const WorkloadShape shape{countOption(parser, QStringLiteral("input-len"), 1024),
                              countOption(parser, QStringLiteral("output-len"), 256), 0};
    PerfRequest r = resolveForTiming(deployment, shape).request;
    r.concurrency = integerOption(parser, QStringLiteral("concurrency"), 1);
    applyServingOptions(parser, r);
    if (parser.isSet(QStringLiteral("efficiency")))
        r.efficiency = efficiencyOption(parser.value(QStringLiteral("efficiency")));
    throwIfInvalid(validate(r));
    const PerfEstimate e = estimatePerformance(r);
    if (!e.fits && r.prefillPool && saturatedConcurrency(prefillPoolRequest(r)) < 1)
        throw UsageError(QStringLiteral("the prefill pool does not fit one %1-token prompt in memory (see "
                                        "'llm-planner-cli fit'); no speed can be given")
                             .arg(r.inputTokens));
    if (!e.fits)
        throw UsageError(QStringLiteral("the deployment does not fit in memory: not even one sequence of %1 tokens "
                                        "(see 'llm-planner-cli fit'); no speed can be given")
                             .arg(r.inputTokens + r.outputTokens));
    const std::vector<CurvePoint> curve = parser.isSet(QStringLiteral("curve")) ? concurrencyCurve(r)
                                                                                : std::vector<CurvePoint>{};

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject out = perfToJson(r, e);
        if (!curve.empty())
            out.insert(QStringLiteral("curve"), curveToJson(curve));
        printJson(out);
        return 0;
    }
    printLine(headline(r));
    printServingSetup(r, e);
    printLine(QStringLiteral("%1 in, %2 out per request, %3 at once")
                  .arg(plural(r.inputTokens, QStringLiteral("token")), plural(r.outputTokens, QStringLiteral("token")),
                       plural(r.concurrency, QStringLiteral("request"))));
    if (e.runningSequences < r.concurrency)
        printLine(QStringLiteral("%1 run at once (the engine's running limit and the memory); the other %2 wait for "
                                 "a slot, which the time to first token includes")
                      .arg(count(e.runningSequences), count(r.concurrency - e.runningSequences)));
    if (r.phases != ServingPhases::DecodeOnly || r.prefillPool)
        printLine(QStringLiteral("  Time to first token       %1, %2-bound prefill")
                      .arg(range(e.nominal.ttft, e.optimistic.ttft, e.pessimistic.ttft),
                           QString::fromUtf8(toString(e.prefill.bound).data())));
    if (r.phases == ServingPhases::PrefillOnly) {
        printLine(QStringLiteral("  Requests/s (total)        %1 (the pool decodes nothing: no time per token)")
                      .arg(rate(e.nominal.outputTokensPerSecond, e.pessimistic.outputTokensPerSecond,
                                e.optimistic.outputTokensPerSecond)));
    } else {
        printLine(QStringLiteral("  Time per output token     %1, %2-bound decode")
                      .arg(range(e.nominal.tpot, e.optimistic.tpot, e.pessimistic.tpot),
                           QString::fromUtf8(toString(e.decode.bound).data())));
        printLine(QStringLiteral("  Output tokens/s (total)   %1")
                      .arg(rate(e.nominal.outputTokensPerSecond, e.pessimistic.outputTokensPerSecond,
                                e.optimistic.outputTokensPerSecond)));
    }
    printLine(QStringLiteral("  Input tokens/s (total)    %1")
                  .arg(rate(e.nominal.inputTokensPerSecond, e.pessimistic.inputTokensPerSecond,
                            e.optimistic.inputTokensPerSecond)));
    printLine(
        QStringLiteral("  Memory allows up to %1 at once").arg(plural(e.maxConcurrency, QStringLiteral("request"))));
    for (const CurvePoint &p : curve)
        printLine(QStringLiteral("  concurrency %1: %2 output tokens/s, TPOT %3, TTFT %4")
                      .arg(count(p.concurrency), QString::number(p.point.outputTokensPerSecond, 'f', 1),
                           seconds(p.point.tpot), seconds(p.point.ttft)));
    printLine(QStringLiteral("Ranges: %1").arg(QString::fromStdString(efficiencyRange(r).source)));
    return 0;
}

} // namespace planner::cli
