// The roofline performance model: hand-computed steps, the MoE expert-touch
// formula against a Monte-Carlo draw, and properties every estimate must keep.
// The estimates against published measurements: tests/accuracy/planner_accuracy.

#include "core/perf/perfmodel.h"
#include "support/enginetestsupport.h"

#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>
#include <set>

using namespace planner;
using namespace planner::testing;

namespace {

// Every share at 1 (attention kernels too) and no host time.
constexpr Efficiency peakEfficiency()
{
    Efficiency e;
    e.compute = e.memory = e.network = e.attention = 1.0;
    return e;
}
constexpr Efficiency kPeak = peakEfficiency();

PerfRequest perfRequest(const QString &model, const QString &gpu, int gpus, const QString &weights,
                        const QString &engine = QStringLiteral("vllm"))
{
    PerfRequest r;
    r.deployment.model = builtinModel(model);
    r.deployment.gpu = builtinGpu(gpu);
    r.deployment.gpuCount = gpus;
    r.deployment.parallel.tensor = gpus;
    r.deployment.weights = weightFormat(weights);
    r.deployment.kvCache = kvFormat(QStringLiteral("bf16"));
    r.deployment.engine = engineProfile(engine);
    r.links = singleServerLinks(r.deployment.gpu);
    return r;
}

bool finiteAndNonNegative(const PerfPoint &p)
{
    for (double v :
         {units::inSeconds(p.ttft), units::inSeconds(p.tpot), p.outputTokensPerSecond, p.inputTokensPerSecond})
        if (!std::isfinite(v) || v < 0)
            return false;
    return true;
}

} // namespace

class TestPerfModel : public QObject
{
    Q_OBJECT

private slots:
    void decodeAtBatchOneReadsEveryWeightOnce()
    {
        // Llama-3.1-8B BF16 on one H100 SXM at 100 % of peak: a batch-1 decode
        // step reads all 16,060,522,496 weight bytes (the checkpoint's
        // total_size) at 3,350 GB/s = 4.794 ms, plus 128 KiB of KV per cached token.
        PerfRequest r = perfRequest(QStringLiteral("llama-3.1-8b"), QStringLiteral("h100-sxm"), 1,
                                    QStringLiteral("bf16"));
        const std::int64_t context = 1000;
        const StepCost step = decodeStep(r, 1, context, kPeak);
        const double bytes = 16'060'522'496.0 + context * 131'072.0;
        QCOMPARE(units::inBytes(step.bytes), bytes);
        QVERIFY(qFuzzyCompare(units::inSeconds(step.memory), bytes / 3350e9));
        // FLOPs: 2 x (linear weights 6,979,321,856 + head 525,336,576) + attention,
        // 2 x 1000 keys x (32 heads x 256 for q.k and p.v) x 32 layers.
        const double flops = 2.0 * (6'979'321'856.0 + 525'336'576.0) + 2.0 * context * 32 * 256 * 32;
        QVERIFY(qFuzzyCompare(step.flops.value(), flops));
        QCOMPARE(std::string(toString(step.bound)), std::string("memory"));
        QCOMPARE(units::inSeconds(step.communication), 0.0);
    }

    void longPrefillIsComputeBound()
    {
        // 4,096 prompt tokens: 2 x 4096 x 6,979,321,856 linear FLOPs, the head
        // for the one sampled position, and causal attention over 4096 x 4097 / 2
        // (query, key) pairs x 32 heads x 256 x 32 layers; at 989 TFLOPS.
        PerfRequest r = perfRequest(QStringLiteral("llama-3.1-8b"), QStringLiteral("h100-sxm"), 1,
                                    QStringLiteral("bf16"));
        const StepCost step = prefillStep(r, 4096, kPeak);
        const double flops = 2.0 * 4096 * 6'979'321'856.0 + 2.0 * 525'336'576.0
                             + 2.0 * (4096.0 * 4097 / 2) * 32 * 256 * 32;
        QVERIFY(qFuzzyCompare(step.flops.value(), flops));
        QVERIFY(qFuzzyCompare(units::inSeconds(step.compute), flops / 989e12));
        QCOMPARE(std::string(toString(step.bound)), std::string("compute"));
    }

    void tensorParallelAddsAllReduces()
    {
        // Llama-3.1-70B on 4 x H100 over NVLink4 (450 GB/s per direction): two
        // all-reduces per layer of 8192 x 2 bytes per token, each a ring's
        // 2 x 3/4 x bytes / bandwidth and a tree's 2 log2(4) x 3 us latency.
        PerfRequest r = perfRequest(QStringLiteral("llama-3.1-70b"), QStringLiteral("h100-sxm"), 4,
                                    QStringLiteral("bf16"));
        const StepCost step = decodeStep(r, 8, 2048, kPeak);
        const double bytes = 8 * 8192 * 2.0;
        const double perAllReduce = 2.0 * 3 / 4 * bytes / 450e9 + 4 * 3e-6;
        QVERIFY(qFuzzyCompare(units::inSeconds(step.communication), 2 * 80 * perAllReduce));
    }

    void wideExpertParallelismCrossesServersOncePerServer()
    {
        // DeepSeek-V3 FP8 on 4 x 8 H100, data-parallel attention (TP 1), EP 32
        // over InfiniBand at 50 GB/s: no all-reduce; per MoE layer each rank
        // sends its tokens' dispatch in FP8 with a scale per 128 values and
        // their combine in BF16, one copy per remote server holding one of
        // the token's 8 experts: 4 (1 - (3/4)^8) x 3/4 servers.
        PerfRequest r = perfRequest(QStringLiteral("deepseek-v3"), QStringLiteral("h100-sxm"), 32,
                                    QStringLiteral("fp8-block"));
        r.deployment.parallel = Parallelism{1, 1, 32, true};
        const LinkPath infiniBand{units::gigabytesPerSecond(50), units::seconds(5e-6)};
        r.links.expertParallel = infiniBand;
        r.links.expertParallelServers = 4;
        const StepCost step = prefillStep(r, 2048, kPeak);
        const double remote = 4 * (1 - std::pow(0.75, 8)) * 0.75;
        const double perLayer = 2048 * 7168 * (1 + 4.0 / 128 + 2) * remote / 50e9 + 2 * 5e-6;
        QVERIFY2(qFuzzyCompare(units::inSeconds(step.communication), 58 * perLayer),
                 qPrintable(QStringLiteral("%1 vs %2").arg(units::inSeconds(step.communication)).arg(58 * perLayer)));
        // Inside one fabric every one of the 8 copies travels, to 31 of 32 ranks.
        r.links.expertParallelServers = 1;
        const double fabric = 2048 * 7168 * (1 + 4.0 / 128 + 2) * 8 * 31 / 32 / 50e9 + 2 * 5e-6;
        QVERIFY(qFuzzyCompare(units::inSeconds(prefillStep(r, 2048, kPeak).communication), 58 * fabric));
        // An expert group of 32 over replicas of 1 GPU takes all 32 replicas'
        // tokens: each GPU computes a 32nd of the experts' work of 32 prompts,
        // as much as one prompt's whole expert work.
        const double expertFlops = 2.0 * 2048 * 58 * 8 * 3 * 7168 * 2048;
        QVERIFY(step.flops.value() > expertFlops);
    }

    void expectedExpertsMatchesMonteCarlo_data()
    {
        QTest::addColumn<int>("experts");
        QTest::addColumn<int>("perToken");
        QTest::addColumn<int>("tokens");
        QTest::newRow("DeepSeek-V3, 1 token") << 256 << 8 << 1;
        QTest::newRow("DeepSeek-V3, 16 tokens") << 256 << 8 << 16;
        QTest::newRow("DeepSeek-V3, 128 tokens") << 256 << 8 << 128;
        QTest::newRow("Mixtral, 3 tokens") << 8 << 2 << 3;
        QTest::newRow("Mixtral, 64 tokens") << 8 << 2 << 64;
    }

    void expectedExpertsMatchesMonteCarlo()
    {
        QFETCH(int, experts);
        QFETCH(int, perToken);
        QFETCH(int, tokens);
        // Each token picks perToken distinct experts uniformly; count the
        // distinct experts over 4,000 seeded draws.
        std::mt19937 random(12345);
        std::vector<int> ids(static_cast<size_t>(experts));
        std::iota(ids.begin(), ids.end(), 0);
        constexpr int kTrials = 4000;
        double sum = 0;
        for (int trial = 0; trial < kTrials; ++trial) {
            std::set<int> touched;
            for (int t = 0; t < tokens; ++t) {
                // A partial Fisher-Yates shuffle draws perToken distinct experts.
                for (int i = 0; i < perToken; ++i) {
                    std::uniform_int_distribution<int> pick(i, experts - 1);
                    std::swap(ids[static_cast<size_t>(i)], ids[static_cast<size_t>(pick(random))]);
                }
                touched.insert(ids.begin(), ids.begin() + perToken);
            }
            sum += static_cast<double>(touched.size());
        }
        const double simulated = sum / kTrials;
        const double formula = expectedDistinctExperts(experts, perToken, tokens);
        // 4,000 draws: the mean's standard error is below 0.5 % of it here.
        QVERIFY2(std::abs(formula / simulated - 1) < 0.01,
                 qPrintable(QStringLiteral("formula %1, Monte-Carlo %2").arg(formula).arg(simulated)));
    }

    void moeDecodeCostGrowsWithBatch()
    {
        // DeepSeek-R1 on 8 x H200: a bigger batch touches more experts, so a
        // decode step reads more weight bytes, though far less than all of them
        // until the batch is large.
        PerfRequest r = perfRequest(QStringLiteral("deepseek-r1"), QStringLiteral("h200"), 8,
                                    QStringLiteral("fp8-block"));
        const double one = units::inBytes(decodeStep(r, 1, 1, kPeak).bytes);
        const double sixteen = units::inBytes(decodeStep(r, 16, 1, kPeak).bytes);
        const double many = units::inBytes(decodeStep(r, 512, 1, kPeak).bytes);
        QVERIFY(one < sixteen && sixteen < many);
        InferenceRequest sized = r.deployment;
        const double allWeights = units::inBytes(estimateInferenceMemory(sized).perGpu.weights);
        QVERIFY2(one < 0.15 * allWeights, qPrintable(QString::number(one / allWeights)));
        QVERIFY(many > 0.95 * allWeights);
    }

    void propertiesHold_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<int>("gpus");
        QTest::addColumn<QString>("weights");
        QTest::newRow("8B H100") << "llama-3.1-8b"
                                 << "h100-sxm" << 1 << "bf16";
        QTest::newRow("8B 4090 Q4_K_M") << "llama-3.1-8b"
                                        << "rtx-4090" << 1 << "q4_k_m";
        QTest::newRow("70B 4xH100 FP8") << "llama-3.1-70b"
                                        << "h100-sxm" << 4 << "fp8";
        QTest::newRow("Mixtral 2xA100") << "mixtral-8x7b"
                                        << "a100-80gb" << 2 << "bf16";
        QTest::newRow("R1 8xH200") << "deepseek-r1"
                                   << "h200" << 8 << "fp8-block";
    }

    void propertiesHold()
    {
        QFETCH(QString, model);
        QFETCH(QString, gpu);
        QFETCH(int, gpus);
        QFETCH(QString, weights);
        PerfRequest r = perfRequest(model, gpu, gpus, weights);
        r.inputTokens = 2000;
        r.outputTokens = 500;
        for (std::int64_t c : {1, 4, 32}) {
            r.concurrency = c;
            const PerfEstimate e = estimatePerformance(r);
            QVERIFY(e.fits);
            QVERIFY(finiteAndNonNegative(e.nominal) && finiteAndNonNegative(e.optimistic)
                    && finiteAndNonNegative(e.pessimistic));
            // The range brackets the nominal figure.
            QVERIFY(e.optimistic.tpot <= e.nominal.tpot && e.nominal.tpot <= e.pessimistic.tpot);
            QVERIFY(e.optimistic.ttft <= e.nominal.ttft && e.nominal.ttft <= e.pessimistic.ttft);
            QVERIFY(e.pessimistic.outputTokensPerSecond <= e.nominal.outputTokensPerSecond
                    && e.nominal.outputTokensPerSecond <= e.optimistic.outputTokensPerSecond);
            // Never faster than the roofline at 100 % of every peak.
            const StepCost ideal = decodeStep(r, c, r.inputTokens + r.outputTokens / 2, kPeak);
            const double roofline = static_cast<double>(c)
                                    / std::max(units::inSeconds(ideal.compute), units::inSeconds(ideal.memory));
            QVERIFY2(e.optimistic.outputTokensPerSecond <= roofline,
                     qPrintable(QStringLiteral("%1 > %2").arg(e.optimistic.outputTokensPerSecond).arg(roofline)));
            // More memory bandwidth or faster links never make anything slower.
            PerfRequest faster = r;
            faster.deployment.gpu.memoryBandwidth = r.deployment.gpu.memoryBandwidth * 2.0;
            faster.links.tensorParallel.bandwidth = r.links.tensorParallel.bandwidth * 2.0;
            const PerfEstimate f = estimatePerformance(faster);
            QVERIFY(f.nominal.tpot <= e.nominal.tpot && f.nominal.ttft <= e.nominal.ttft);
            QVERIFY(f.nominal.outputTokensPerSecond >= e.nominal.outputTokensPerSecond);
        }
        // Throughput rises with concurrency; per-token latency does not fall.
        const std::vector<CurvePoint> curve = concurrencyCurve(r);
        QVERIFY(curve.size() >= 2);
        for (size_t i = 1; i < curve.size(); ++i) {
            QVERIFY(curve[i].point.outputTokensPerSecond >= curve[i - 1].point.outputTokensPerSecond);
            QVERIFY(curve[i].point.tpot >= curve[i - 1].point.tpot);
        }
    }

    void nvlinkBeatsPcieForTensorParallelism()
    {
        // The same 4-way TP deployment over NVLink4 vs PCIe Gen5 x16: the
        // all-reduces take longer over PCIe, so decode is slower.
        PerfRequest nvlink = perfRequest(QStringLiteral("llama-3.1-70b"), QStringLiteral("h100-sxm"), 4,
                                         QStringLiteral("bf16"));
        PerfRequest pcie = nvlink;
        pcie.links.tensorParallel = LinkPath{units::gigabytesPerSecond(63), units::seconds(10e-6)};
        nvlink.concurrency = pcie.concurrency = 16;
        QVERIFY(estimatePerformance(pcie).nominal.tpot > estimatePerformance(nvlink).nominal.tpot);
    }

    void offloadedLayersRunAtHostSpeed()
    {
        // Llama-3.1-70B Q4_K_M on one RTX 4090 with llama.cpp: most layers live
        // in host RAM, so decode is bound by the host's memory bandwidth.
        PerfRequest r = perfRequest(QStringLiteral("llama-3.1-70b"), QStringLiteral("rtx-4090"), 1,
                                    QStringLiteral("q4_k_m"), QStringLiteral("llama.cpp"));
        r.deployment.autoOffload = true;
        r.inputTokens = 512;
        r.outputTokens = 128;
        const PerfEstimate e = estimatePerformance(r);
        QVERIFY(e.fits);
        QCOMPARE(std::string(toString(e.decode.bound)), std::string("host"));
        QVERIFY(units::inSeconds(e.nominal.tpot) > 0.1);
    }

    void impossibleRequestsGiveNoNumbers_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero input") << 0 << "input length must be at least 1";
        QTest::newRow("zero concurrency") << 1 << "concurrency must be at least 1";
        QTest::newRow("no link") << 2 << "links with positive bandwidth";
        QTest::newRow("no bandwidth") << 3 << "memory bandwidth must be positive";
    }

    void impossibleRequestsGiveNoNumbers()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        PerfRequest r = perfRequest(QStringLiteral("llama-3.1-70b"), QStringLiteral("h100-sxm"), 4,
                                    QStringLiteral("bf16"));
        if (which == 0)
            r.inputTokens = 0;
        else if (which == 1)
            r.concurrency = 0;
        else if (which == 2)
            r.links.tensorParallel.bandwidth = units::gigabytesPerSecond(0);
        else
            r.deployment.gpu.memoryBandwidth = units::gigabytesPerSecond(0);
        QVERIFY2(anyContains(validate(r), message.toStdString()), joinedMessages(validate(r)));
        const PerfEstimate e = estimatePerformance(r);
        QVERIFY(!e.fits);
        QCOMPARE(e.nominal.outputTokensPerSecond, 0.0);
    }

    void speculativeDraftsAreParsed()
    {
        std::string error;
        const std::optional<SpeculativeDecoding> mtp = parseSpeculative("mtp", error);
        QVERIFY(mtp && mtp->kind == DraftKind::Mtp && mtp->draftTokens == 1);
        QCOMPARE(mtp->acceptedTokens, SpeculativeDecoding::kMtpOneDraftAccepted);
        const std::optional<SpeculativeDecoding> eagle = parseSpeculative("eagle:5:3.1", error);
        QVERIFY(eagle && eagle->kind == DraftKind::Eagle && eagle->draftTokens == 5 && eagle->acceptedTokens == 3.1);
        // Each kind alone, or at its published draft length, takes the published acceptance.
        for (const char *text : {"eagle", "eagle:3"}) {
            const std::optional<SpeculativeDecoding> published = parseSpeculative(text, error);
            QVERIFY2(published && published->draftTokens == 3 && published->acceptedTokens == 2.60, text);
        }
        const std::optional<SpeculativeDecoding> ngram = parseSpeculative("ngram", error);
        QVERIFY(ngram && ngram->kind == DraftKind::Ngram && ngram->draftTokens == 3 && ngram->acceptedTokens == 1.40);
        // Another draft length has no published default: its acceptance must be given.
        for (const char *text : {"eagle:5", "mtp:3", "ngram:4", "medusa:2:1.5", "eagle:2.5:2", "eagle:3:x", ""}) {
            error.clear();
            QVERIFY2(!parseSpeculative(text, error), text);
            QVERIFY(!error.empty());
        }
    }

    void speculativeDecodingPaysOffWhereDecodeReadsMemory()
    {
        // An n-gram draft (no GPU work) whose steps emit two tokens: at batch 1,
        // where a step reads the weights whatever its tokens, time per token
        // nearly halves; at a large batch, where verification costs FLOPs for
        // every position, the gain shrinks.
        const auto tpot = [](std::int64_t concurrency, bool speculative) {
            PerfRequest r = perfRequest(QStringLiteral("llama-3.1-8b"), QStringLiteral("h100-sxm"), 1,
                                        QStringLiteral("bf16"));
            r.inputTokens = 512;
            r.outputTokens = 256;
            r.concurrency = concurrency;
            if (speculative)
                r.speculative = {DraftKind::Ngram, 1, 2.0};
            const PerfEstimate e = estimatePerformance(r);
            return units::inSeconds(e.nominal.tpot);
        };
        const double atOne = tpot(1, true) / tpot(1, false);
        const double atMany = tpot(256, true) / tpot(256, false);
        QVERIFY2(atOne < 0.6, qPrintable(QString::number(atOne)));
        QVERIFY2(atMany > atOne, qPrintable(QStringLiteral("%1 vs %2").arg(atMany).arg(atOne)));
        // Impossible figures are refused with their reason.
        PerfRequest bad = perfRequest(QStringLiteral("llama-3.1-8b"), QStringLiteral("h100-sxm"), 1,
                                      QStringLiteral("bf16"));
        bad.speculative = {DraftKind::Eagle, 3, 5.0};
        QVERIFY(anyConcerns(validate(bad), "speculative"));
        // An MTP draft needs a model with the module, loaded.
        bad.speculative = {DraftKind::Mtp, 1, 1.875};
        QVERIFY(anyConcerns(validate(bad), "speculative"));
        PerfRequest r1 = perfRequest(QStringLiteral("deepseek-r1"), QStringLiteral("h200"), 8,
                                     QStringLiteral("fp8-block"));
        r1.deployment.loadMtp = true;
        r1.speculative = {DraftKind::Mtp, 1, 1.875};
        QVERIFY2(validate(r1).empty(), joinedMessages(validate(r1)));
        QVERIFY(estimatePerformance(r1).fits);
    }

    void requestsBeyondWhatRunsWait()
    {
        // Llama-3.1-8B on one H100 under vLLM: 3,000 requests of 1,000 + 500
        // tokens, of which the memory holds a few hundred at once. Those run;
        // the rest wait for a slot: the throughput is the running ones', and
        // the last waiting request's first token comes after the others'
        // output at that throughput.
        PerfRequest r = perfRequest(QStringLiteral("llama-3.1-8b"), QStringLiteral("h100-sxm"), 1,
                                    QStringLiteral("bf16"));
        r.inputTokens = 1000;
        r.outputTokens = 500;
        r.concurrency = 3000;
        const PerfEstimate queued = estimatePerformance(r);
        QVERIFY(queued.fits);
        QCOMPARE(queued.runningSequences, saturatedConcurrency(r));
        QVERIFY(queued.runningSequences > 100 && queued.runningSequences < 3000);
        PerfRequest running = r;
        running.concurrency = queued.runningSequences;
        const PerfEstimate held = estimatePerformance(running);
        QCOMPARE(held.runningSequences, running.concurrency);
        QVERIFY(qFuzzyCompare(queued.nominal.outputTokensPerSecond, held.nominal.outputTokensPerSecond));
        const double wait = static_cast<double>(3000 - queued.runningSequences) * 500
                            / held.nominal.outputTokensPerSecond;
        QVERIFY(qFuzzyCompare(units::inSeconds(queued.nominal.ttft), units::inSeconds(held.nominal.ttft) + wait));
        // The engine's own limit holds sequences back too: 8 at most.
        r.deployment.engine.maxRunningSequences = 8;
        r.deployment.engine.largeGpuRunningSequences = 0;
        QCOMPARE(estimatePerformance(r).runningSequences, std::int64_t{8});
    }

    void doesNotFitGivesNoTiming()
    {
        PerfRequest r = perfRequest(QStringLiteral("deepseek-r1"), QStringLiteral("h100-sxm"), 8,
                                    QStringLiteral("fp8-block"));
        const PerfEstimate e = estimatePerformance(r);
        QVERIFY(!e.fits);
        QCOMPARE(units::inSeconds(e.nominal.tpot), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestPerfModel)
#include "test_perfmodel.moc"
