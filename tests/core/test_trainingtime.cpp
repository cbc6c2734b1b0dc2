// Training-run time: FLOP accounting by hand, calibration against a published
// large run, and properties (links, ZeRO, LoRA, checkpointing, scale).

#include "core/perf/trainingtime.h"
#include "support/enginetestsupport.h"

#include <QtTest>

#include <cmath>

using namespace planner;
using namespace planner::testing;

namespace {

// Per GPU and direction: NVLink3 (600 GB/s both ways) inside an A100 server,
// and 8 x 200 Gb/s HDR InfiniBand per 8-GPU server = 25 GB/s per GPU.
const LinkPath kNvLink3{units::gigabytesPerSecond(300), units::seconds(3e-6)};
const LinkPath kHdrPerGpu{units::gigabytesPerSecond(25), units::seconds(5e-6)};
// 100 GbE RoCE, one port per 8-GPU server: 12.5 GB/s shared by 8 GPUs.
const LinkPath kEthernet100PerGpu{units::gigabytesPerSecond(12.5 / 8), units::seconds(10e-6)};

TrainingRunRequest run(const ModelSpec &model, const QString &gpu, int gpus, int tp, int pp)
{
    TrainingRunRequest r;
    r.setup.model = model;
    r.setup.gpu = builtinGpu(gpu);
    r.setup.gpuCount = gpus;
    r.setup.parallel.tensor = tp;
    r.setup.parallel.pipeline = pp;
    r.setup.sequenceLength = 2048;
    r.setup.microBatch = 1;
    r.tensorParallelLink = kNvLink3;
    r.pipelineLink = kHdrPerGpu;
    r.dataParallelLink = kHdrPerGpu;
    r.tokens = 1e12;
    return r;
}

// GPT-3 175B (Brown et al. 2020, table 2.1): 96 layers, d_model 12288, 96
// heads of 128, a 4 x d_model two-matrix MLP, vocabulary 50257, 2048 tokens.
ModelSpec gpt3()
{
    ModelSpec m;
    m.id = "gpt-3-175b";
    m.family = "GPT-3";
    m.displayName = "GPT-3 175B";
    m.source = "Brown et al. 2020, table 2.1";
    m.vocabSize = 50257;
    m.hiddenSize = 12288;
    m.intermediateSize = 4 * 12288;
    m.numLayers = 96;
    m.numHeads = 96;
    m.numKeyValueHeads = 96;
    m.headDim = 128;
    m.maxContext = 2048;
    m.tiedEmbeddings = true;
    m.gatedMlp = false;
    return m;
}

} // namespace

class TestTrainingTime : public QObject
{
    Q_OBJECT

private slots:
    void flopsPerTokenByHand()
    {
        // Llama-3.1-8B: forward 2 x (8,030,261,248 - 525,336,576 embedding)
        // + attention 2 x (4096 / 2) x (32 heads x 256) x 32 layers; a full
        // training step runs 3 forward-equivalents, with checkpointing 4.
        TrainingRunRequest r = run(builtinModel(QStringLiteral("llama-3.1-8b")), QStringLiteral("h100-sxm"), 8, 1, 1);
        r.setup.sequenceLength = 4096;
        r.setup.sharding = OptimizerSharding::Zero3;
        r.tensorParallelLink = r.pipelineLink = r.dataParallelLink = LinkPath{units::gigabytesPerSecond(450),
                                                                              units::seconds(3e-6)};
        const double forward = 2.0 * (8'030'261'248.0 - 525'336'576.0) + 2.0 * 2048 * 32 * 256 * 32;
        TrainingRunEstimate e = estimateTrainingRun(r);
        QVERIFY(e.fits);
        QVERIFY(qFuzzyCompare(e.modelFlopsPerToken, 3 * forward));
        QVERIFY(qFuzzyCompare(e.hardwareFlopsPerToken, 3 * forward));
        r.setup.recompute = Recompute::Full;
        e = estimateTrainingRun(r);
        QVERIFY(qFuzzyCompare(e.hardwareFlopsPerToken, 4 * forward));
        QVERIFY(qFuzzyCompare(e.modelFlopsPerToken, 3 * forward));
        // LoRA skips the frozen weights' gradients: forward + one backward.
        r.setup.recompute = Recompute::None;
        r.setup.method = TrainingMethod::Lora;
        e = estimateTrainingRun(r);
        QVERIFY(qFuzzyCompare(e.hardwareFlopsPerToken, 2 * forward));
    }

    void megatronGpt3Calibration()
    {
        // Narayanan et al. 2021 (Megatron-LM, SC'21), table 1: GPT-3 175B on
        // 1024 A100 80GB GPUs, TP 8, PP 8, DP 16, batch 1536, 2048 tokens, full
        // activation recomputation: 138 TFLOPS per GPU (44 % of peak),
        // counting the recomputed forward pass. Tolerance: the range from the
        // training efficiency factors must cover it; the nominal error is printed.
        TrainingRunRequest r = run(gpt3(), QStringLiteral("a100-80gb"), 1024, 8, 8);
        r.setup.recompute = Recompute::Full;
        r.setup.sharding = OptimizerSharding::Zero1;
        r.globalBatchSequences = 1536;
        const TrainingRunEstimate e = estimateTrainingRun(r);
        QVERIFY(e.fits);
        QCOMPARE(e.microBatchesPerStep, 96);
        const double published = 138;
        qInfo("GPT-3 175B: nominal %.0f TFLOPS/GPU (%+.0f %%), range %.0f - %.0f; bubble %.1f %%, MFU %.1f %%",
              e.nominal.hardwareTflopsPerGpu, (e.nominal.hardwareTflopsPerGpu / published - 1) * 100,
              e.pessimistic.hardwareTflopsPerGpu, e.optimistic.hardwareTflopsPerGpu, e.bubbleFraction * 100,
              e.nominal.mfu * 100);
        // A 2021 run outside the calibration set (tests/fixtures/measurements/
        // training holds 2024-2026 frameworks): the range must hold it, and
        // the nominal stays within 35 % (+30 % with today's terms: the terms
        // are fitted to newer kernels).
        QVERIFY(e.pessimistic.hardwareTflopsPerGpu <= published && published <= e.optimistic.hardwareTflopsPerGpu);
        QVERIFY(std::abs(e.nominal.hardwareTflopsPerGpu / published - 1) < 0.35);
    }

    void slowerNetworkSlowsDataParallelism()
    {
        // Story: continued pre-training of a 33B model on 8-GPU A100 nodes, HDR
        // InfiniBand vs one 100 GbE RoCE port per node.
        TrainingRunRequest hdr = run(builtinModel(QStringLiteral("deepseek-coder-33b")), QStringLiteral("a100-80gb"),
                                     64, 8, 1);
        hdr.setup.sharding = OptimizerSharding::Zero1;
        hdr.setup.recompute = Recompute::Full;
        hdr.globalBatchSequences = 512;
        TrainingRunRequest ethernet = hdr;
        ethernet.dataParallelLink = kEthernet100PerGpu;
        const TrainingRunEstimate fast = estimateTrainingRun(hdr);
        const TrainingRunEstimate slow = estimateTrainingRun(ethernet);
        QVERIFY(fast.fits);
        QVERIFY(slow.nominal.tokensPerSecond < fast.nominal.tokensPerSecond);
        QVERIFY(slow.dataParallelSeconds > fast.dataParallelSeconds);
    }

    void propertiesHold()
    {
        TrainingRunRequest base = run(builtinModel(QStringLiteral("deepseek-coder-33b")), QStringLiteral("a100-80gb"),
                                      64, 8, 1);
        base.setup.sharding = OptimizerSharding::Zero1;
        base.setup.recompute = Recompute::Full;
        base.globalBatchSequences = 512;
        const TrainingRunEstimate e = estimateTrainingRun(base);
        for (const TrainingRunPoint &p : {e.nominal, e.pessimistic, e.optimistic})
            QVERIFY(std::isfinite(p.tokensPerSecond) && p.tokensPerSecond > 0 && p.mfu > 0 && p.mfu < 1);
        QVERIFY(e.pessimistic.tokensPerSecond <= e.nominal.tokensPerSecond
                && e.nominal.tokensPerSecond <= e.optimistic.tokensPerSecond);
        QVERIFY(qFuzzyCompare(e.nominal.seconds, base.tokens / e.nominal.tokensPerSecond));
        QVERIFY(qFuzzyCompare(e.nominal.gpuHours, e.nominal.seconds / 3600 * 64));

        TrainingRunRequest more = base;
        more.setup.gpuCount = 128;
        more.globalBatchSequences = 1024;
        QVERIFY(estimateTrainingRun(more).nominal.tokensPerSecond > e.nominal.tokensPerSecond);

        TrainingRunRequest zero3 = base;
        zero3.setup.sharding = OptimizerSharding::Zero3;
        QVERIFY(estimateTrainingRun(zero3).dataParallelSeconds >= e.dataParallelSeconds);

        TrainingRunRequest noRecompute = base;
        noRecompute.setup.recompute = Recompute::None;
        noRecompute.setup.sharding = OptimizerSharding::Zero3;
        const TrainingRunEstimate fasterCompute = estimateTrainingRun(noRecompute);
        QVERIFY(!fasterCompute.fits || fasterCompute.computeSeconds < e.computeSeconds);
    }

    // FP8 runs the linear layers at the FP8 peak times its share: faster on
    // Hopper; on an A100, without FP8 tensor cores, as fast as BF16.
    void fp8RunsTheLinearLayersFaster()
    {
        TrainingRunRequest bf16 = run(builtinModel(QStringLiteral("llama-3.1-8b")), QStringLiteral("h100-sxm"), 8, 1,
                                      1);
        bf16.setup.sequenceLength = 4096;
        bf16.setup.recompute = Recompute::Full;
        bf16.globalBatchSequences = 64;
        TrainingRunRequest fp8 = bf16;
        fp8.setup.precision = TrainingPrecision::Fp8;
        QVERIFY(estimateTrainingRun(fp8).computeSeconds < 0.9 * estimateTrainingRun(bf16).computeSeconds);
        bf16.setup.gpu = fp8.setup.gpu = builtinGpu(QStringLiteral("a100-80gb"));
        QVERIFY(qFuzzyCompare(estimateTrainingRun(fp8).computeSeconds, estimateTrainingRun(bf16).computeSeconds));
    }

    // The bubble is (p - 1) / (v m) of the busy time (Narayanan et al. 2021).
    void interleavingShrinksTheBubble()
    {
        TrainingRunRequest r = run(builtinModel(QStringLiteral("llama-3.1-70b")), QStringLiteral("h100-sxm"), 32, 8, 4);
        r.setup.sequenceLength = 4096;
        r.setup.recompute = Recompute::Full;
        r.globalBatchSequences = 8; // one replica, 8 micro-batches
        const auto bubbleShare = [](const TrainingRunEstimate &e) {
            const double busy = e.computeSeconds + e.tensorParallelSeconds + e.contextParallelSeconds;
            return (e.stepSeconds - busy - e.dataParallelSeconds) / busy;
        };
        const TrainingRunEstimate plain = estimateTrainingRun(r);
        QVERIFY(plain.fits);
        QCOMPARE(plain.microBatchesPerStep, 8);
        QVERIFY(qFuzzyCompare(bubbleShare(plain), 3.0 / 8));
        r.setup.virtualStages = 5;
        QVERIFY(qFuzzyCompare(bubbleShare(estimateTrainingRun(r)), 3.0 / 40));
    }

    // Ring attention's key-value exchange hides behind the attention it
    // feeds over NVLink, and shows over a slow link.
    void contextParallelHidesItsExchange()
    {
        TrainingRunRequest r = run(builtinModel(QStringLiteral("llama-3.1-8b")), QStringLiteral("h100-sxm"), 8, 1, 1);
        r.setup.sequenceLength = 32768;
        r.setup.contextParallel = 8;
        r.setup.recompute = Recompute::Full;
        r.tensorParallelLink = LinkPath{units::gigabytesPerSecond(450), units::seconds(3e-6)};
        const TrainingRunEstimate fast = estimateTrainingRun(r);
        QVERIFY(fast.fits);
        QCOMPARE(fast.contextParallelSeconds, 0.0);
        r.contextParallelLink = LinkPath{units::gigabytesPerSecond(0.5), units::seconds(10e-6)};
        const TrainingRunEstimate slow = estimateTrainingRun(r);
        QVERIFY(slow.contextParallelSeconds > 0);
        QVERIFY(slow.stepSeconds > fast.stepSeconds);
    }

    // Expert parallelism adds the dispatch and combine all-to-alls, more of
    // them exposed over a slower expert-parallel link.
    void expertParallelAddsAllToAll()
    {
        TrainingRunRequest r = run(builtinModel(QStringLiteral("mixtral-8x7b")), QStringLiteral("h100-sxm"), 16, 1, 1);
        r.setup.sequenceLength = 4096;
        r.setup.recompute = Recompute::Full;
        r.setup.sharding = OptimizerSharding::Zero3;
        r.tensorParallelLink = LinkPath{units::gigabytesPerSecond(450), units::seconds(3e-6)};
        const TrainingRunEstimate dense = estimateTrainingRun(r);
        QVERIFY(dense.fits);
        QCOMPARE(dense.tensorParallelSeconds, 0.0); // TP 1: no collectives
        r.setup.parallel.expert = 8;
        const TrainingRunEstimate nvlink = estimateTrainingRun(r);
        QVERIFY(nvlink.fits);
        QVERIFY(nvlink.tensorParallelSeconds > 0);
        r.expertParallelLink = kHdrPerGpu;
        QVERIFY(estimateTrainingRun(r).tensorParallelSeconds > nvlink.tensorParallelSeconds);
    }

    // DualPipe (DeepSeek-V3 report, table 2): two copies of the parameters,
    // PP + 1 micro-batches of activations, the all-to-alls hidden, and a
    // bubble of (PP/2 - 1) / m of the busy time.
    void dualPipeTradesMemoryForOverlap()
    {
        TrainingRunRequest r = run(builtinModel(QStringLiteral("mixtral-8x7b")), QStringLiteral("h100-sxm"), 64, 1, 4);
        r.setup.sequenceLength = 4096;
        r.setup.recompute = Recompute::Full;
        r.setup.parallel.expert = 8;
        r.globalBatchSequences = 256; // 16 replicas x 16 micro-batches
        r.tensorParallelLink = LinkPath{units::gigabytesPerSecond(450), units::seconds(3e-6)};
        const TrainingMemoryEstimate plainMemory = estimateTrainingMemory(r.setup);
        const TrainingRunEstimate plain = estimateTrainingRun(r);
        QVERIFY(plain.fits);
        QVERIFY(plain.tensorParallelSeconds > 0);
        r.setup.schedule = PipelineSchedule::DualPipe;
        const TrainingMemoryEstimate dualMemory = estimateTrainingMemory(r.setup);
        QVERIFY(qFuzzyCompare(units::inBytes(dualMemory.weights), 2 * units::inBytes(plainMemory.weights)));
        const TrainingRunEstimate dual = estimateTrainingRun(r);
        QVERIFY(dual.fits);
        QCOMPARE(dual.tensorParallelSeconds, 0.0); // TP 1 and the all-to-alls hidden
        const double busy = dual.computeSeconds;
        QVERIFY(qFuzzyCompare(dual.stepSeconds - busy - dual.dataParallelSeconds, busy * (4.0 / 2 - 1) / 16));
        r.setup.parallel.pipeline = 3; // an odd pipeline has no two directions to pair
        QVERIFY(anyConcerns(validate(r.setup), "pipeline-schedule"));
    }

    void invalidRunsAreRejected_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("no tokens") << 0 << "tokens to train on must be positive";
        QTest::newRow("batch not a multiple") << 1 << "must be a multiple of data-parallel ranks";
        QTest::newRow("no links") << 2 << "links with positive bandwidth";
    }

    void invalidRunsAreRejected()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        TrainingRunRequest r = run(builtinModel(QStringLiteral("llama-3.1-8b")), QStringLiteral("h100-sxm"), 8, 1, 1);
        if (which == 0)
            r.tokens = 0;
        else if (which == 1)
            r.globalBatchSequences = 12;
        else
            r.dataParallelLink.bandwidth = units::gigabytesPerSecond(0);
        QVERIFY2(anyContains(validate(r), message.toStdString()), joinedMessages(validate(r)));
        QCOMPARE(estimateTrainingRun(r).nominal.tokensPerSecond, 0.0);
    }
};

QTEST_APPLESS_MAIN(TestTrainingTime)
#include "test_trainingtime.moc"
