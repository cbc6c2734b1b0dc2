// Training memory per GPU: model states against the ZeRO paper, optimizer
// states, LoRA/QLoRA sizes by hand, the activation model's scaling, and one
// measured fine-tuning peak as a plausibility check.

#include "core/hardware/gpuspec.h"
#include "core/memory/trainingmemory.h"
#include "core/model/builtinmodels.h"
#include "core/model/parametercount.h"
#include "core/units/units.h"
#include "support/enginetestsupport.h"

#include <QTest>

#include <cmath>
#include <string>
#include <vector>

using namespace planner;
using namespace planner::testing;

namespace {

TrainingRequest request(const char *model, const char *gpu, int gpus)
{
    TrainingRequest r;
    r.model = builtinModel(model);
    r.gpu = builtinGpu(gpu);
    r.gpuCount = gpus;
    return r;
}

QByteArray breakdown(const TrainingMemoryEstimate &e)
{
    return QStringLiteral("weights %1, gradients %2, optimizer %3, activations %4, overhead %5, total %6 of %7 GiB")
        .arg(units::inGiB(e.weights), 0, 'f', 3)
        .arg(units::inGiB(e.gradients), 0, 'f', 3)
        .arg(units::inGiB(e.optimizerStates), 0, 'f', 3)
        .arg(units::inGiB(e.activations), 0, 'f', 3)
        .arg(units::inGiB(e.overhead), 0, 'f', 3)
        .arg(units::inGiB(e.total()), 0, 'f', 3)
        .arg(units::inGiB(e.capacity), 0, 'f', 3)
        .toUtf8();
}

double modelStates(const TrainingMemoryEstimate &e)
{
    return units::inBytes(e.weights + e.gradients + e.optimizerStates);
}

// Llama-3.1-8B by hand (config.json: hidden 4096, intermediate 14336, 32 layers,
// 32 heads, 8 KV heads of 128, vocab 128256, untied head).
constexpr double kLlama8bParams = 8'030'261'248.0;
constexpr double kLlama8bLinear = 32.0 * (2 * 4096 * 4096 + 2 * 4096 * 1024 + 3 * 4096 * 14336); // 6,979,321,856
constexpr double kLlama8bOther = 2.0 * 128256 * 4096 + 32 * 2 * 4096 + 4096; // embedding, head, norms
// LoRA adapters, rank r: A is in x r and B is r x out, r x (in + out) per matrix.
constexpr std::int64_t kRank = 16;
constexpr std::int64_t kLoraAttention = 32 * kRank * ((4096 + 4096) + 2 * (4096 + 1024) + (4096 + 4096)); // q, k, v, o
constexpr std::int64_t kLoraMlp = 32 * kRank * 3 * (4096 + 14336); // gate, up, down

} // namespace

class TestTrainingMemory : public QObject
{
    Q_OBJECT

private slots:
    void optimizerStates_data();
    void optimizerStates();
    void zeroStages_data();
    void zeroStages();
    void loraParameterCount_data();
    void loraParameterCount();
    void loraAndQloraBaseWeights();
    void activationsSplitOverTensorParallel();
    void checkpointingKeepsLayerInputs();
    void torchtunePeak_data();
    void torchtunePeak();
    void maxMicroBatchIsConsistent_data();
    void maxMicroBatchIsConsistent();
    void validateRejects_data();
    void validateRejects();
    void contextParallelSplitsSequences();
    void interleavingHoldsMoreMicroBatches();
    void expertParallelShardsExperts();
};

void TestTrainingMemory::optimizerStates_data()
{
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<double>("stateBytes");  // K: bytes of optimizer state per parameter
    QTest::addColumn<double>("modelStates"); // 2 (BF16 weight) + 2 (BF16 gradient) + K

    // ZeRO paper (Rajbhandari et al. 2020) sec. 3.1: mixed-precision Adam keeps an
    // FP32 copy of the parameters, momentum and variance: K = 12, 16 bytes in all.
    QTest::newRow("AdamW") << int(Optimizer::AdamW) << 12.0 << 16.0;
    // bitsandbytes 8-bit Adam (Dettmers et al. 2021): both moments in 8 bits,
    // 1 + 1 bytes, with the FP32 master copy: K = 6.
    QTest::newRow("8-bit Adam") << int(Optimizer::Adam8bit) << 6.0 << 10.0;
    // Lion (Chen et al. 2023) tracks only the momentum: 4 + 4 with the master copy.
    QTest::newRow("Lion") << int(Optimizer::Lion) << 8.0 << 12.0;
    // SGD with momentum: one FP32 buffer plus the master copy.
    QTest::newRow("SGD momentum") << int(Optimizer::SgdMomentum) << 8.0 << 12.0;
}

void TestTrainingMemory::optimizerStates()
{
    QFETCH(int, optimizer);
    QFETCH(double, stateBytes);
    QFETCH(double, modelStates);
    QCOMPARE(optimizerStateBytes(Optimizer(optimizer)), stateBytes);

    // A full fine-tune at ZeRO-0 on one GPU: every parameter trained.
    TrainingRequest r = request("llama-3.1-8b", "h200", 1);
    r.optimizer = Optimizer(optimizer);
    const TrainingMemoryEstimate e = estimateTrainingMemory(r);
    QCOMPARE(qint64(e.trainableParameters), qint64(kLlama8bParams));
    QCOMPARE(units::inBytes(e.weights), 2 * kLlama8bParams);
    QCOMPARE(units::inBytes(e.gradients), 2 * kLlama8bParams);
    QCOMPARE(units::inBytes(e.optimizerStates), stateBytes * kLlama8bParams);
    QCOMPARE(::modelStates(e) / kLlama8bParams, modelStates);
}

void TestTrainingMemory::zeroStages_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<double>("weights"); // bytes per parameter on one GPU, Nd = 64
    QTest::addColumn<double>("gradients");
    QTest::addColumn<double>("optimizer");
    QTest::addColumn<double>("paperGB"); // ZeRO paper Fig. 1, Psi = 7.5B, Nd = 64

    // ZeRO paper Fig. 1 (model states only, K = 12, Nd = 64):
    //   baseline (2 + 2 + K) Psi = 120 GB; P_os (2 + 2 + K/Nd) Psi = 31.4 GB;
    //   P_os+g (2 + (2 + K)/Nd) Psi = 16.6 GB; P_os+g+p (2 + 2 + K) Psi / Nd = 1.9 GB.
    QTest::newRow("ZeRO-0") << 0 << 2.0 << 2.0 << 12.0 << 120.0;
    QTest::newRow("ZeRO-1") << 1 << 2.0 << 2.0 << 12.0 / 64 << 31.4;
    QTest::newRow("ZeRO-2") << 2 << 2.0 << 2.0 / 64 << 12.0 / 64 << 16.6;
    QTest::newRow("ZeRO-3") << 3 << 2.0 / 64 << 2.0 / 64 << 12.0 / 64 << 1.9;
}

void TestTrainingMemory::zeroStages()
{
    QFETCH(int, stage);
    QFETCH(double, weights);
    QFETCH(double, gradients);
    QFETCH(double, optimizer);
    QFETCH(double, paperGB);

    // 64 data-parallel GPUs (no tensor or pipeline parallelism).
    TrainingRequest r = request("llama-3.1-8b", "h100-sxm", 64);
    constexpr OptimizerSharding kStages[] = {OptimizerSharding::None, OptimizerSharding::Zero1,
                                             OptimizerSharding::Zero2, OptimizerSharding::Zero3};
    r.sharding = kStages[stage];
    QVERIFY2(validate(r).empty(), joinedMessages(validate(r)));
    const TrainingMemoryEstimate e = estimateTrainingMemory(r);
    QCOMPARE(e.dataParallelRanks, 64);
    QCOMPARE(units::inBytes(e.weights) / kLlama8bParams, weights);
    QCOMPARE(units::inBytes(e.gradients) / kLlama8bParams, gradients);
    QCOMPARE(units::inBytes(e.optimizerStates) / kLlama8bParams, optimizer);

    // Scaled to the paper's 7.5B-parameter model. The figure prints one decimal,
    // so it may be off by 0.05 GB.
    const double gb = modelStates(e) / kLlama8bParams * 7.5e9 / units::kGB;
    QVERIFY2(std::abs(gb - paperGB) <= 0.05 + 1e-9,
             qPrintable(QStringLiteral("model states of 7.5B at ZeRO-%1 on 64 GPUs: engine %2 GB, paper %3 GB")
                            .arg(stage)
                            .arg(gb, 0, 'f', 3)
                            .arg(paperGB)));
}

void TestTrainingMemory::loraParameterCount_data()
{
    QTest::addColumn<int>("targets");
    QTest::addColumn<qint64>("parameters");

    // q (4096 -> 4096), k and v (4096 -> 1024), o (4096 -> 4096):
    // 16 x (8192 + 5120 + 5120 + 8192) = 425,984 per layer, x 32 = 13,631,488.
    QTest::newRow("attention only") << int(LoraTargets::Attention) << qint64(kLoraAttention);
    // + gate and up (4096 -> 14336), down (14336 -> 4096): 16 x 3 x 18432 = 884,736
    // per layer; 41,943,040 in all. PEFT's print_trainable_parameters() for
    // Llama-3(.1)-8B with r=16 on all seven projections prints "trainable params:
    // 41,943,040 || all params: 8,072,204,288" (= 8,030,261,248 + 41,943,040).
    QTest::newRow("all linear") << int(LoraTargets::AllLinear) << qint64(41'943'040);
}

void TestTrainingMemory::loraParameterCount()
{
    QFETCH(int, targets);
    QFETCH(qint64, parameters);
    static_assert(kLoraAttention + kLoraMlp == 41'943'040);
    const ModelSpec spec = builtinModel("llama-3.1-8b");
    QCOMPARE(qint64(loraParameters(spec, int(kRank), LoraTargets(targets))), parameters);
    // Linear in the rank.
    QCOMPARE(qint64(loraParameters(spec, 64, LoraTargets(targets))), 4 * parameters);

    TrainingRequest r = request("llama-3.1-8b", "rtx-4090", 1);
    r.method = TrainingMethod::Lora;
    r.loraRank = int(kRank);
    r.loraTargets = LoraTargets(targets);
    QCOMPARE(qint64(estimateTrainingMemory(r).trainableParameters), parameters);
}

void TestTrainingMemory::loraAndQloraBaseWeights()
{
    constexpr double lora = 41'943'040.0;
    TrainingRequest r = request("llama-3.1-8b", "rtx-4090", 1);
    r.method = TrainingMethod::Lora;
    TrainingMemoryEstimate e = estimateTrainingMemory(r);
    // LoRA: the frozen BF16 base (safetensors total_size 16,060,522,496) plus the
    // BF16 adapters; gradients and AdamW states for the adapters only.
    QCOMPARE(units::inBytes(e.weights), 16'060'522'496.0 + 2 * lora);
    QCOMPARE(units::inBytes(e.gradients), 2 * lora);
    QCOMPARE(units::inBytes(e.optimizerStates), 12 * lora);

    // QLoRA (Dettmers et al. 2023): the linear weights in NF4 with double
    // quantization, 4 + 8/64 + 32/(64 x 256) bits; embedding, head and norms stay BF16.
    static_assert(kLlama8bLinear + kLlama8bOther == kLlama8bParams);
    r.method = TrainingMethod::Qlora;
    e = estimateTrainingMemory(r);
    constexpr double nf4Bits = 4.0 + 8.0 / 64 + 32.0 / (64 * 256);
    const double expected = kLlama8bLinear * nf4Bits / 8 + kLlama8bOther * 2 + 2 * lora; // 5.786 GB
    QVERIFY2(std::abs(units::inBytes(e.weights) - expected) < 1.0,
             qPrintable(QStringLiteral("QLoRA weights: engine %1 B, by hand %2 B")
                            .arg(units::inBytes(e.weights), 0, 'f', 0)
                            .arg(expected, 0, 'f', 0)));
    QCOMPARE(units::inBytes(e.gradients), 2 * lora);
    QCOMPARE(units::inBytes(e.optimizerStates), 12 * lora);
}

void TestTrainingMemory::activationsSplitOverTensorParallel()
{
    // With sequence parallelism every activation is split over the TP ranks
    // (Korthikanti et al. 2022, sec. 4.2.2: sbh/t x (34 + 5as/h)), so doubling TP
    // halves them.
    double previous = 0;
    for (int tp : {1, 2, 4, 8}) {
        TrainingRequest r = request("llama-3.1-70b", "h100-sxm", tp);
        r.parallel.tensor = tp;
        r.sequenceLength = 8192;
        r.microBatch = 2;
        QVERIFY2(validate(r).empty(), joinedMessages(validate(r)));
        const double activations = units::inBytes(estimateTrainingMemory(r).activations);
        if (previous > 0)
            QCOMPARE(activations, previous / 2);
        previous = activations;
    }
}

void TestTrainingMemory::checkpointingKeepsLayerInputs()
{
    // Full activation checkpointing (Korthikanti et al. 2022, Table 2, "full
    // recompute": 2sbh per layer) keeps each layer's BF16 input, plus one layer
    // recomputed in full during its backward pass. The per-layer figure of the
    // engine's documented formula for Llama-3.1-8B (trainingmemory.h), bytes per
    // token: attention 2h + 4q + 4kv + 2h, gated MLP 2h + 8i, norms 4h with
    // h = q = 4096, kv = 1024, i = 14336:
    constexpr double layer = 10.0 * 4096 + 4 * 4096 + 4 * 1024 + 8 * 14336; // 176,128
    constexpr double s = 2048;
    constexpr double b = 2;
    // Logits: s x vocab in BF16 plus the FP32 copy the cross-entropy works on.
    constexpr double logits = s * 128256 * (2 + 4);

    TrainingRequest r = request("llama-3.1-8b", "h200", 1);
    r.sequenceLength = std::int64_t(s);
    r.microBatch = std::int64_t(b);
    const double full = units::inBytes(estimateTrainingMemory(r).activations);
    r.recompute = Recompute::Full;
    const double checkpointed = units::inBytes(estimateTrainingMemory(r).activations);

    QVERIFY2(
        checkpointed < full / 5,
        qPrintable(
            QStringLiteral("checkpointed %1 GiB vs %2 GiB").arg(checkpointed / units::kGiB).arg(full / units::kGiB)));
    QCOMPARE(full, b * (s * 32 * layer + logits));
    QCOMPARE(checkpointed, b * (s * (32 * 2 * 4096 + layer) + logits));
}

void TestTrainingMemory::torchtunePeak_data()
{
    QTest::addColumn<double>("peakGiB");

    // pytorch/torchtune README.md @0031bfb0, "Memory and training speed":
    // Llama 3.1 8B QLoRA on 1 x RTX 4090, peak memory 7.4 GiB, with batch size 2,
    // sequences packed to 2048 tokens, no gradient accumulation, torch.compile.
    // The recipe, recipes/configs/llama3_1/8B_qlora_single_device.yaml @0b3e04ad:
    // lora_rank 8 on q, k, v, output_proj and the MLP (not the output head),
    // fused AdamW, enable_activation_checkpointing True, CEWithChunkedOutputLoss.
    QTest::newRow("QLoRA 7.4 GiB") << 7.4;
}

void TestTrainingMemory::torchtunePeak()
{
    QFETCH(double, peakGiB);
    TrainingRequest r = request("llama-3.1-8b", "rtx-4090", 1);
    r.method = TrainingMethod::Qlora;
    r.optimizer = Optimizer::AdamW;
    r.loraRank = 8;
    r.loraTargets = LoraTargets::AllLinear;
    r.sequenceLength = 2048;
    r.microBatch = 2;
    r.recompute = Recompute::Full;
    r.chunkedCrossEntropy = true;
    // torchtune logs PyTorch's allocator peak (torch.cuda.max_memory_*), which
    // leaves out the CUDA context the runtime overhead stands for.
    r.runtimeOverhead = units::bytes(0);
    const TrainingMemoryEstimate e = estimateTrainingMemory(r);
    const double total = units::inGiB(e.total());
    qInfo("%s; torchtune peak %.1f GiB (%+.0f %%)", breakdown(e).constData(), peakGiB, (total / peakGiB - 1) * 100);
    // A plausibility check, not a reproduction: the recipe differs in ways the
    // planner does not model (torch.compile fusions, the caching allocator),
    // each worth a fraction of a GiB to a GiB or so on an 8B model. A planner
    // within about a third of a measured peak still ranks GPUs correctly.
    QVERIFY2(std::abs(total / peakGiB - 1) <= 0.35,
             qPrintable(QStringLiteral("engine %1 GiB, torchtune %2 GiB (%3 %, tolerance 35 %)")
                            .arg(total, 0, 'f', 2)
                            .arg(peakGiB)
                            .arg((total / peakGiB - 1) * 100, 0, 'f', 1)));
}

void TestTrainingMemory::maxMicroBatchIsConsistent_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("gpu");
    QTest::addColumn<int>("method");
    QTest::addColumn<bool>("checkpointing");
    QTest::newRow("Llama-3.1-8B QLoRA 4090") << "llama-3.1-8b"
                                             << "rtx-4090" << int(TrainingMethod::Qlora) << true;
    QTest::newRow("Qwen2.5-7B LoRA H100") << "qwen2.5-7b"
                                          << "h100-sxm" << int(TrainingMethod::Lora) << false;
    QTest::newRow("Llama-3.1-8B full H200") << "llama-3.1-8b"
                                            << "h200" << int(TrainingMethod::Full) << true;
}

void TestTrainingMemory::maxMicroBatchIsConsistent()
{
    QFETCH(QString, model);
    QFETCH(QString, gpu);
    QFETCH(int, method);
    QFETCH(bool, checkpointing);
    TrainingRequest r = request(qPrintable(model), qPrintable(gpu), 1);
    r.method = TrainingMethod(method);
    r.recompute = checkpointing ? Recompute::Full : Recompute::None;
    r.sequenceLength = 2048;
    const TrainingMemoryEstimate e = estimateTrainingMemory(r);
    QVERIFY2(e.maxMicroBatch >= 1, breakdown(e));
    r.microBatch = e.maxMicroBatch;
    QVERIFY2(estimateTrainingMemory(r).fits, breakdown(estimateTrainingMemory(r)));
    r.microBatch = e.maxMicroBatch + 1;
    QVERIFY2(!estimateTrainingMemory(r).fits, breakdown(estimateTrainingMemory(r)));
}

void TestTrainingMemory::validateRejects_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message");
    QTest::newRow("CP not dividing GPUs") << "cp=3"
                                          << "tensor x pipeline x context parallel size must divide the number of GPUs";
    QTest::newRow("zero micro-batch") << "microbatch=0"
                                      << "micro-batch size must be between 1 and 65,536, got 0";
    // Beyond any run, and a product of sizes past 64 bits.
    QTest::newRow("huge micro-batch") << "microbatch=huge"
                                      << "micro-batch size must be between 1 and 65,536, got 9000000000000000000";
    QTest::newRow("LoRA rank 0") << "rank=0"
                                 << "LoRA rank must be between 1 and 4096, got 0";
    QTest::newRow("zero sequence length") << "sequence=0"
                                          << "sequence length must be between 1 and 16,777,216 tokens, got 0";
    QTest::newRow("huge sequence length") << "sequence=huge"
                                          << "sequence length must be between 1 and 16,777,216 tokens, got 16777217";
    QTest::newRow("TP not dividing GPUs") << "tp=3"
                                          << "tensor x pipeline x context parallel size must divide the number of GPUs";
}

void TestTrainingMemory::validateRejects()
{
    QFETCH(QString, change);
    QFETCH(QString, message);
    TrainingRequest r = request("llama-3.1-8b", "h100-sxm", 8);
    QVERIFY2(validate(r).empty(), joinedMessages(validate(r)));
    if (change == QLatin1String("cp=3"))
        r.contextParallel = 3;
    else if (change == QLatin1String("microbatch=0"))
        r.microBatch = 0;
    else if (change == QLatin1String("microbatch=huge"))
        r.microBatch = 9'000'000'000'000'000'000;
    else if (change == QLatin1String("rank=0")) {
        r.method = TrainingMethod::Lora;
        r.loraRank = 0;
    } else if (change == QLatin1String("sequence=0"))
        r.sequenceLength = 0;
    else if (change == QLatin1String("sequence=huge"))
        r.sequenceLength = (1 << 24) + 1;
    else if (change == QLatin1String("tp=3"))
        r.parallel.tensor = 3;
    else
        QFAIL("unknown change");
    const std::vector<Problem> errors = validate(r);
    const bool found = anyContains(errors, message.toStdString());
    QVERIFY2(found,
             qPrintable(QStringLiteral("expected \"") + message + QStringLiteral("\" in: ") + joinedMessages(errors)));
    QVERIFY(!estimateTrainingMemory(r).fits);
}

// Context parallelism splits each sequence's tokens over cp ranks: a rank
// holds half the activations (and logits) at CP 2, and the optimizer states
// are sharded over data x context ranks (Megatron's optimizer group).
void TestTrainingMemory::contextParallelSplitsSequences()
{
    TrainingRequest r = request("llama-3.1-8b", "h100-sxm", 8);
    r.sequenceLength = 8192;
    const TrainingMemoryEstimate whole = estimateTrainingMemory(r);
    r.contextParallel = 2;
    QVERIFY2(validate(r).empty(), joinedMessages(validate(r)));
    const TrainingMemoryEstimate split = estimateTrainingMemory(r);
    QCOMPARE(split.dataParallelRanks, 4);
    QVERIFY(qFuzzyCompare(units::inBytes(split.activations), units::inBytes(whole.activations) / 2));
    QVERIFY(qFuzzyCompare(units::inBytes(split.optimizerStates), units::inBytes(whole.optimizerStates)));
    r.sequenceLength = 8190; // not a multiple of 2 x CP
    QVERIFY(anyContains(validate(r), "multiple of 2 x CP (4)"));
}

// Interleaving v virtual stages makes the first stage hold
// (1 + (p - 1) / (p v)) times the activations of plain 1F1B (Korthikanti et
// al. 2022, sec. 4.2.3).
void TestTrainingMemory::interleavingHoldsMoreMicroBatches()
{
    TrainingRequest r = request("llama-3.1-70b", "h100-sxm", 32);
    r.parallel.tensor = 8;
    r.parallel.pipeline = 4;
    r.chunkedCrossEntropy = true;
    const double plain = units::inBytes(estimateTrainingMemory(r).activations);
    r.virtualStages = 5; // 80 layers = 4 stages x 5 chunks x 4 layers
    QVERIFY2(validate(r).empty(), joinedMessages(validate(r)));
    const double logits = 4096.0 * 128256 * 2 / 8; // BF16 logits, vocabulary split over TP 8
    const double interleaved = units::inBytes(estimateTrainingMemory(r).activations);
    QVERIFY2(qFuzzyCompare(interleaved - logits, (plain - logits) * (1 + 3.0 / 20)),
             qPrintable(QStringLiteral("%1 vs %2").arg(interleaved).arg(plain)));
    r.parallel.pipeline = 1; // nothing to interleave
    QVERIFY(anyContains(validate(r), "interleaved virtual stages need at least 2 pipeline stages"));
}

// DeepSeek-V3's published layout (technical report, arXiv 2412.19437, sec.
// 3.2: 2,048 H800, PP 16, EP 64 over 8 nodes, ZeRO-1 data parallelism): each
// rank holds 256 / 64 = 4 routed experts of each MoE layer of its stage, so
// the weights are a few GB, not the 84 GB of every expert of a stage.
void TestTrainingMemory::expertParallelShardsExperts()
{
    // An H800 holds what an H100 SXM holds (80 GB; only NVLink is narrower).
    TrainingRequest r = request("deepseek-v3", "h100-sxm", 2048);
    r.parallel.pipeline = 16;
    r.parallel.expert = 64;
    r.sequenceLength = 4096;
    r.recompute = Recompute::Full;
    r.chunkedCrossEntropy = true;
    QVERIFY2(validate(r).empty(), joinedMessages(validate(r)));
    const TrainingMemoryEstimate e = estimateTrainingMemory(r);
    const ParameterBreakdown p = countParameters(r.model);
    const double perRank = static_cast<double>(p.total() - p.experts()) / 16 + static_cast<double>(p.experts()) / 1024;
    QVERIFY(qFuzzyCompare(units::inBytes(e.weights), perRank * 2));
    QVERIFY2(units::inGB(e.weights) < 4, breakdown(e));
    QVERIFY2(e.fits, breakdown(e));
    // The experts' optimizer states are sharded over the 2 ranks of a stage
    // that hold the same experts; the dense ones over all 128 data-parallel ranks.
    const double states = (static_cast<double>(p.total() - p.experts()) / 16 / 128
                           + static_cast<double>(p.experts()) / 1024 / 2)
                          * 12;
    QVERIFY(qFuzzyCompare(units::inBytes(e.optimizerStates), states));
    r.parallel.expert = 48; // does not divide 256 experts
    QVERIFY(anyContains(validate(r), "EP 48 must divide the 256 routed experts"));
}

QTEST_APPLESS_MAIN(TestTrainingMemory)

#include "test_trainingmemory.moc"
