#include "app/cli/simulatecommand.h"

#include "app/cli/clisupport.h"
#include "app/cli/deploymentoptions.h"
#include "app/cli/servingoptions.h"
#include "database/estimatejson.h"
#include "database/wholefile.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>

#include <cmath>

namespace planner::cli {

namespace {

const QString kDistributionForms = QStringLiteral("fixed:N, uniform:A:B, normal:M:S or lognormal:M:S");

std::uint64_t seedOption(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("seed")))
        return 1;
    const QString text = parser.value(QStringLiteral("seed"));
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok);
    if (!ok)
        throw UsageError(QStringLiteral("--seed expects a non-negative 64-bit integer, got '%1'").arg(text));
    return value;
}

// "fixed:N", "uniform:A:B", "normal:M:S", "lognormal:M:S"; the ranges are
// checked by the engine's validate().
LengthDistribution parseDistribution(const QString &option, const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    const QString kind = parts.first().trimmed().toLower();
    const qsizetype wanted = kind == QLatin1String("fixed") ? 2 : 3;
    std::vector<double> values;
    bool ok = parts.size() == wanted;
    for (qsizetype i = 1; ok && i < parts.size(); ++i) {
        values.push_back(parts.at(i).trimmed().toDouble(&ok));
        ok = ok && std::isfinite(values.back());
    }
    if (ok && kind == QLatin1String("fixed"))
        return LengthDistribution::fixed(values[0]);
    if (ok && kind == QLatin1String("uniform"))
        return LengthDistribution::uniform(values[0], values[1]);
    if (ok && kind == QLatin1String("normal"))
        return LengthDistribution::normal(values[0], values[1]);
    if (ok && kind == QLatin1String("lognormal"))
        return LengthDistribution::logNormal(values[0], values[1]);
    throw UsageError(QStringLiteral("--%1 expects %2, got '%3'").arg(option, kDistributionForms, text));
}

LengthDistribution lengthOption(const QCommandLineParser &parser, const QString &which, long long fallback)
{
    const QString len = which + QStringLiteral("-len");
    const QString dist = which + QStringLiteral("-dist");
    if (parser.isSet(len) && parser.isSet(dist))
        throw UsageError(QStringLiteral("give --%1 or --%2, not both").arg(len, dist));
    if (parser.isSet(dist))
        return parseDistribution(dist, parser.value(dist));
    return LengthDistribution::fixed(static_cast<double>(countOption(parser, len, fallback)));
}

std::vector<TraceEntry> readTrace(const QString &path)
{
    // A million-request trace is about 30 MB; 512 MiB bounds a wrong file.
    const WholeFileRead trace = readWholeFile(path, 512 * 1024 * 1024);
    if (!trace.ok())
        throw UsageError(QStringLiteral("cannot read --trace %1: %2").arg(path, trace.reason));
    const TraceParseResult parsed = parseTraceCsv(trace.bytes.toStdString());
    if (!parsed.ok())
        throw UsageError(QStringLiteral("--trace %1: %2").arg(path, QString::fromStdString(parsed.error)));
    return parsed.entries;
}

// Exactly one way of making arrivals, and no options that the chosen one ignores.
void checkArrivalOptions(const QCommandLineParser &parser)
{
    const bool qps = parser.isSet(QStringLiteral("qps"));
    const bool concurrency = parser.isSet(QStringLiteral("concurrency"));
    const bool trace = parser.isSet(QStringLiteral("trace"));
    if (parser.isSet(QStringLiteral("find-max-qps"))) {
        if (qps || concurrency || trace)
            throw UsageError(QStringLiteral("--find-max-qps searches the Poisson rate itself: drop --qps, "
                                            "--concurrency and --trace"));
        return;
    }
    const int given = int(qps) + int(concurrency) + int(trace);
    if (given == 0)
        throw UsageError(QStringLiteral("needs one of --qps R, --concurrency N or --trace FILE (or --find-max-qps)"));
    if (given > 1)
        throw UsageError(QStringLiteral("give only one of --qps, --concurrency and --trace"));
    if (trace) {
        for (const char *option : {"requests", "input-len", "output-len", "input-dist", "output-dist"})
            if (parser.isSet(QLatin1String(option)))
                throw UsageError(QStringLiteral("--%1 does not apply to --trace: the trace gives each request's "
                                                "arrival and lengths")
                                     .arg(QLatin1String(option)));
    }
}

SimulationConfig configFrom(const QCommandLineParser &parser)
{
    checkArrivalOptions(parser);
    SimulationConfig c;
    c.requests = integerOption(parser, QStringLiteral("requests"), 1000);
    c.seed = seedOption(parser);
    c.inputLength = lengthOption(parser, QStringLiteral("input"), 1024);
    c.outputLength = lengthOption(parser, QStringLiteral("output"), 256);
    c.ttftSlo = units::seconds(numberOption(parser, QStringLiteral("ttft-slo"), 2.0));
    c.tpotSlo = units::seconds(numberOption(parser, QStringLiteral("tpot-slo"), 0.1));
    if (parser.isSet(QStringLiteral("concurrency"))) {
        c.arrivals = ArrivalPattern::ClosedLoop;
        c.concurrency = integerOption(parser, QStringLiteral("concurrency"), 1);
    } else if (parser.isSet(QStringLiteral("trace"))) {
        c.arrivals = ArrivalPattern::Trace;
        c.trace = readTrace(parser.value(QStringLiteral("trace")));
    } else {
        c.arrivals = ArrivalPattern::Poisson;
        c.ratePerSecond = numberOption(parser, QStringLiteral("qps"), 1.0);
    }
    if (parser.isSet(QStringLiteral("phase")))
        throw UsageError(QStringLiteral("--phase applies to 'perf': a simulation serves each request from prompt to "
                                        "last token (for a disaggregated pair, give --prefill-gpus)"));
    CliDeployment deployment = deploymentFrom(parser);
    applyPrefillPoolOptions(parser, deployment);
    c.request = resolveForTiming(deployment, workloadShape(c)).request;
    applyServingOptions(parser, c.request);
    return c;
}

QString seconds(units::Seconds s)
{
    const double value = units::inSeconds(s);
    return value < 1 ? QStringLiteral("%1 ms").arg(value * 1e3, 0, 'f', 1)
                     : QStringLiteral("%1 s").arg(value, 0, 'f', 2);
}

QString arrivalsText(const SimulationConfig &c)
{
    switch (c.arrivals) {
    case ArrivalPattern::Poisson: return QStringLiteral("Poisson at %1 req/s").arg(c.ratePerSecond, 0, 'f', 2);
    case ArrivalPattern::ClosedLoop:
        return QStringLiteral("closed loop of %1").arg(plural(c.concurrency, QStringLiteral("client")));
    case ArrivalPattern::Trace: return QStringLiteral("trace");
    }
    return {};
}

QString workloadText(const SimulationConfig &c, const SimulationResult &r)
{
    QString text = QStringLiteral("%1, %2").arg(plural(r.requests, QStringLiteral("request")), arrivalsText(c));
    if (c.arrivals != ArrivalPattern::Trace)
        text += QStringLiteral(", input %1, output %2 tokens, seed %3")
                    .arg(QString::fromStdString(describe(c.inputLength)),
                         QString::fromStdString(describe(c.outputLength)))
                    .arg(c.seed);
    return text;
}

QString row(const QString &name, const LatencySummary &s)
{
    return QStringLiteral("  %1%2%3%4%5")
        .arg(name, -14)
        .arg(seconds(s.p50), 11)
        .arg(seconds(s.p90), 11)
        .arg(seconds(s.p99), 11)
        .arg(seconds(s.mean), 11);
}

QString sloText(const SimulationConfig &c)
{
    return QStringLiteral("TTFT %1 and TPOT %2").arg(seconds(c.ttftSlo), seconds(c.tpotSlo));
}

void printResult(const SimulationConfig &c, const SimulationResult &r)
{
    const InferenceRequest &d = c.request.deployment;
    printLine(QStringLiteral("%1 on %2 x %3 — %4, weights %5")
                  .arg(QString::fromStdString(d.model.displayName))
                  .arg(d.gpuCount)
                  .arg(QString::fromStdString(d.gpu.name), QString::fromStdString(d.engine.name),
                       QString::fromStdString(d.weights.name)));
    printLine(workloadText(c, r));
    printLine(QStringLiteral("%1, KV cache %2 tokens each, %3 tokens per step, up to %4 at once")
                  .arg(plural(r.replicas, QStringLiteral("replica")), count(r.kvCapacityTokens),
                       count(effectiveTokenBudget(c)), plural(effectiveMaxRunning(c), QStringLiteral("sequence"))));
    if (c.request.prefillPool)
        printLine(QStringLiteral("Disaggregated: those decode; a prefill pool of %1 (%2) computes the prompts and "
                                 "sends their caches over the network")
                      .arg(plural(c.request.prefillPool->deployment.gpuCount, QStringLiteral("GPU")),
                           plural(r.prefillReplicas, QStringLiteral("replica"))));
    if (c.request.prefixCacheHitRate > 0)
        printLine(QStringLiteral("Prefix cache: %1 % of each prompt is cached and not computed again")
                      .arg(c.request.prefixCacheHitRate * 100, 0, 'f', 0));
    const SpeculativeDecoding &spec = c.request.speculative;
    if (spec.kind != DraftKind::None)
        printLine(
            QStringLiteral("Speculative decoding: %1 draft of %2, %3 tokens a step on average")
                .arg(QString::fromUtf8(toString(spec.kind).data()), plural(spec.draftTokens, QStringLiteral("token")))
                .arg(spec.acceptedTokens, 0, 'f', 2));
    printLine(QString());
    printLine(QStringLiteral("  %1%2%3%4%5")
                  .arg(QString(), -14)
                  .arg(QStringLiteral("p50"), 11)
                  .arg(QStringLiteral("p90"), 11)
                  .arg(QStringLiteral("p99"), 11)
                  .arg(QStringLiteral("mean"), 11));
    printLine(row(QStringLiteral("TTFT"), r.ttft));
    printLine(row(QStringLiteral("TPOT"), r.tpot));
    printLine(row(QStringLiteral("End to end"), r.e2e));
    printLine(QString());
    printLine(QStringLiteral("  Completed %1 of %2 (%3 rejected), %4, %5")
                  .arg(count(r.completed), count(r.requests), count(r.rejected),
                       plural(r.preemptions, QStringLiteral("preemption")), plural(r.steps, QStringLiteral("step"))));
    printLine(QStringLiteral("  Output %1 tokens/s, input %2 tokens/s over %3 simulated")
                  .arg(r.outputTokensPerSecond, 0, 'f', 1)
                  .arg(r.inputTokensPerSecond, 0, 'f', 1)
                  .arg(seconds(r.duration)));
    printLine(QStringLiteral("  Goodput %1 req/s: %2 % of requests within %3")
                  .arg(r.goodputPerSecond, 0, 'f', 2)
                  .arg(r.sloAttainment * 100, 0, 'f', 1)
                  .arg(sloText(c)));
    printLine(QStringLiteral("  KV cache use: mean %1 %, peak %2 %")
                  .arg(r.kvUtilisationMean * 100, 0, 'f', 1)
                  .arg(r.kvUtilisationPeak * 100, 0, 'f', 1));
}

void insertLatency(QJsonObject &out, const QString &prefix, const LatencySummary &s)
{
    out.insert(prefix + QStringLiteral("_mean_s"), units::inSeconds(s.mean));
    out.insert(prefix + QStringLiteral("_p50_s"), units::inSeconds(s.p50));
    out.insert(prefix + QStringLiteral("_p90_s"), units::inSeconds(s.p90));
    out.insert(prefix + QStringLiteral("_p99_s"), units::inSeconds(s.p99));
    out.insert(prefix + QStringLiteral("_max_s"), units::inSeconds(s.max));
}

QString arrivalsId(ArrivalPattern a)
{
    switch (a) {
    case ArrivalPattern::Poisson: return QStringLiteral("poisson");
    case ArrivalPattern::ClosedLoop: return QStringLiteral("closed-loop");
    case ArrivalPattern::Trace: return QStringLiteral("trace");
    }
    return {};
}

} // namespace

QJsonObject simulationToJson(const SimulationConfig &c, const SimulationResult &r,
                             const std::optional<MaxRateResult> &maxRate)
{
    const InferenceRequest &d = c.request.deployment;
    QJsonObject out{
        {"model", QString::fromStdString(d.model.id)},
        {"gpu", QString::fromStdString(d.gpu.id)},
        {"gpus", d.gpuCount},
        {"engine", QString::fromStdString(d.engine.id)},
        {"weights", QString::fromStdString(d.weights.id)},
        {"arrivals", arrivalsId(c.arrivals)},
        {"seed", QString::number(c.seed)}, // a string: JSON numbers lose 64-bit integers
        {"ttft_slo_s", units::inSeconds(c.ttftSlo)},
        {"tpot_slo_s", units::inSeconds(c.tpotSlo)},
        {"requests", static_cast<double>(r.requests)},
        {"completed", static_cast<double>(r.completed)},
        {"rejected", static_cast<double>(r.rejected)},
        {"preempted", static_cast<double>(r.preemptions)},
        {"steps", static_cast<double>(r.steps)},
        {"output_tokens_per_s", r.outputTokensPerSecond},
        {"input_tokens_per_s", r.inputTokensPerSecond},
        {"goodput_rps", r.goodputPerSecond},
        {"slo_attainment", r.sloAttainment},
        {"kv_utilisation_mean", r.kvUtilisationMean},
        {"kv_utilisation_peak", r.kvUtilisationPeak},
        {"kv_capacity_tokens", static_cast<double>(r.kvCapacityTokens)},
        {"replicas", r.replicas},
        {"prefill_replicas", r.prefillReplicas},
        {"prefill_gpus", c.request.prefillPool ? c.request.prefillPool->deployment.gpuCount : 0},
        {"prefix_hit", c.request.prefixCacheHitRate},
        {"speculative", speculativeToJson(c.request.speculative)},
        {"mean_in_system", r.meanInSystem},
        {"duration_s", units::inSeconds(r.duration)},
    };
    if (c.arrivals == ArrivalPattern::Poisson)
        out.insert(QStringLiteral("qps"), c.ratePerSecond);
    if (c.arrivals == ArrivalPattern::ClosedLoop)
        out.insert(QStringLiteral("concurrency"), static_cast<double>(c.concurrency));
    if (c.arrivals != ArrivalPattern::Trace) {
        out.insert(QStringLiteral("input_dist"), QString::fromStdString(describe(c.inputLength)));
        out.insert(QStringLiteral("output_dist"), QString::fromStdString(describe(c.outputLength)));
    }
    insertLatency(out, QStringLiteral("ttft"), r.ttft);
    insertLatency(out, QStringLiteral("tpot"), r.tpot);
    insertLatency(out, QStringLiteral("e2e"), r.e2e);
    QJsonArray series;
    for (const KvSample &s : r.kvSeries)
        series.append(QJsonObject{{"time_s", units::inSeconds(s.time)}, {"mean", s.utilisation}, {"peak", s.peak}});
    out.insert(QStringLiteral("kv_utilisation_series"), series);
    if (maxRate) {
        out.insert(QStringLiteral("max_qps"), maxRate->ratePerSecond);
        out.insert(QStringLiteral("max_qps_simulations"), maxRate->simulations);
    }
    return out;
}

int runSimulate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulate serving a request stream on a deployment, step by step: continuous batching with chunked "
        "prefill, a paged KV cache with preemption, each step timed by the roofline model. Gives TTFT, TPOT and "
        "end-to-end percentiles, tokens/s, goodput within the SLOs and KV-cache use. With --find-max-qps, the "
        "highest Poisson rate whose p99 TTFT and TPOT meet the SLOs (use enough --requests to reach steady state)."));
    addDeploymentOptions(parser);
    addServingOptions(parser);
    parser.addOptions({
        {QStringLiteral("qps"), QStringLiteral("Poisson arrivals at R requests per second."), QStringLiteral("R")},
        {QStringLiteral("concurrency"),
         QStringLiteral("Closed loop: N clients, each sending a request when its last ends."), QStringLiteral("N")},
        {QStringLiteral("trace"), QStringLiteral("Replay a CSV with the header arrival_s,input_tokens,output_tokens."),
         QStringLiteral("FILE")},
        {QStringLiteral("requests"), QStringLiteral("Requests to simulate (default 1000)."), QStringLiteral("N")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1); the same seed gives the same run."),
         QStringLiteral("S")},
        {QStringLiteral("input-len"), QStringLiteral("Prompt tokens per request (default 1024)."), QStringLiteral("N")},
        {QStringLiteral("output-len"), QStringLiteral("Output tokens per request (default 256)."), QStringLiteral("N")},
        {QStringLiteral("input-dist"),
         QStringLiteral("Prompt length distribution: ") + kDistributionForms + QStringLiteral("."),
         QStringLiteral("DIST")},
        {QStringLiteral("output-dist"), QStringLiteral("Output length distribution, as --input-dist."),
         QStringLiteral("DIST")},
        {QStringLiteral("ttft-slo"), QStringLiteral("Time-to-first-token SLO in seconds (default 2)."),
         QStringLiteral("S")},
        {QStringLiteral("tpot-slo"), QStringLiteral("Time-per-output-token SLO in seconds (default 0.1)."),
         QStringLiteral("S")},
        {QStringLiteral("find-max-qps"),
         QStringLiteral("Search the highest Poisson rate whose p99 TTFT and TPOT meet the SLOs.")},
    });
    parseCommand(parser, arguments);

    SimulationConfig config = configFrom(parser);
    throwIfInvalid(validate(config));
    std::optional<MaxRateResult> maxRate;
    SimulationResult result;
    const int fleetGpus = config.request.deployment.gpuCount;
    const std::int64_t requestsAsked = config.requests;
    if (parser.isSet(QStringLiteral("find-max-qps"))) {
        maxRate = findMaxRate(config);
        // The run shown is of the share of the fleet the search simulated.
        const FleetShare share = loadableShare(config);
        config = share.config;
        config.ratePerSecond = maxRate->ratePerSecond / share.rateScale;
        result = maxRate->atRate;
    } else {
        result = simulate(config);
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = simulationToJson(config, result, maxRate);
        json.insert(QStringLiteral("fleet_gpus"), fleetGpus);
        printJson(json);
        return 0;
    }
    if (maxRate) {
        if (maxRate->ratePerSecond <= 0) {
            printLine(QStringLiteral("No arrival rate keeps p99 %1, not even a light load (%2).")
                          .arg(sloText(config), plural(maxRate->simulations, QStringLiteral("run"))));
            return 0;
        }
        printLine(QStringLiteral("Max QPS with p99 %1: %2 req/s (%3 of %4)")
                      .arg(sloText(config))
                      .arg(maxRate->ratePerSecond, 0, 'f', 2)
                      .arg(plural(maxRate->simulations, QStringLiteral("run")),
                           plural(config.requests, QStringLiteral("request"))));
        if (config.requests > requestsAsked)
            printLine(QStringLiteral("Each run simulated %1, not %2: a shorter run ends before the queue of a "
                                     "saturated replica builds up, and passes rates it cannot sustain.")
                          .arg(plural(config.requests, QStringLiteral("request")),
                               plural(requestsAsked, QStringLiteral("request"))));
        if (config.request.deployment.gpuCount < fleetGpus)
            printLine(QStringLiteral("%1 cannot load all %2 GPUs: the search simulated %3 of them at their share "
                                     "of the rate (least-loaded routing spreads arrivals evenly), and the figures "
                                     "below are theirs. Raise --requests to simulate more of the fleet.")
                          .arg(plural(config.requests, QStringLiteral("request")))
                          .arg(fleetGpus)
                          .arg(config.request.deployment.gpuCount));
    }
    printResult(config, result);
    return 0;
}

} // namespace planner::cli
